/*
 * Tests of src/engine/queue.c and src/engine/session.c: what a person is asked today, in what
 * order and for how long, and what happens to each answer. The catalog is the good fixture
 * pack; cards are built here; grading goes through a real store in a temporary directory.
 *
 * The fixture pack (tests/fixtures/packs/good.yaml), in the order new items are introduced:
 *   api.parse-query        coding    level 1  week 1  20 min  rev 2  4 key points
 *   api.status-codes       choice    level 1  week 1   2 min         choices 0-3, right: 0, 2
 *   api.idempotent-writes  open      level 2  week 1   8 min         4 key points, 2 hints
 *   api.latency-spike      scenario  level 3  week 2  15 min         3 steps, no key points
 *   api.pagination         open      level 2  week 3  10 min         4 key points
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "backprep/catalog.h"
#include "backprep/clock.h"
#include "backprep/fsrs.h"
#include "backprep/queue.h"
#include "backprep/session.h"
#include "backprep/store.h"
#include "fixture.h"

enum { MINUTE = 60, HOUR = 3600, DAY = 86400 };

/* 2026-11-29T08:00:00Z: BACKPREP_NOW for every test. */
static const int64_t NOW = 1795939200;
static const char NOW_ISO[] = "2026-11-29T08:00:00Z";

static catalog *g_cat;
static fsrs_params g_params;
static sched g_sched;

static int setup_group(void **state)
{
	bp_error e;

	(void)state;
	if (!(g_cat = fixture_catalog("packs/good.yaml", 5)))
		return -1;
	fsrs_params_default(&g_params);
	sched_make(&g_params, NULL, &g_sched);
	setenv("BACKPREP_NOW", NOW_ISO, 1);
	return clock_init(&e);
}

static int teardown_group(void **state)
{
	(void)state;
	catalog_free(g_cat);
	unsetenv("BACKPREP_NOW");
	return 0;
}

static const bp_item *item(const char *id)
{
	const bp_item *it = catalog_find(g_cat, id);

	if (!it)
		fail_msg("no item %s in the fixture pack", id);
	return it;
}

/* A reviewed card: last seen `ago` seconds before NOW with the given stability (days),
 * due `due_in` seconds from NOW (negative: overdue). */
static store_card review_card(const char *id, double stability, int64_t ago, int64_t due_in)
{
	store_card c;

	memset(&c, 0, sizeof(c));
	snprintf(c.item, sizeof(c.item), "%s", id);
	c.rev = item(id)->rev;
	c.state = FSRS_REVIEW;
	c.stability = stability;
	c.difficulty = 5;
	c.last_review = NOW - ago;
	c.introduced = NOW - ago - 7 * DAY;
	c.due = NOW + due_in;
	c.scheduled_days = (int)stability;
	c.reps = 3;
	return c;
}

static queue_opts opts(int week, unsigned levels, int budget, int new_limit)
{
	return (queue_opts){ .now = NOW,
			     .day_end = NOW + 16 * HOUR,
			     .week = week,
			     .levels = levels,
			     .budget_minutes = budget,
			     .daily_minutes = budget,
			     .new_limit = new_limit };
}

static void build(const store_card *cards, size_t n, queue_opts o, queue *q)
{
	assert_int_equal(queue_build(g_cat, cards, n, &g_params, &o, q), 0);
}

/* The queue's item ids, joined with spaces. */
static const char *ids(const queue *q)
{
	static char buf[512];

	buf[0] = '\0';
	for (size_t i = 0; i < q->n; i++) {
		if (i)
			strcat(buf, " ");
		strcat(buf, q->v[i].item->id);
	}
	return buf;
}

enum { L1 = 1u << 1, L2 = 1u << 2, L3 = 1u << 3, ALL_LEVELS = 0 };

/* queue */

static void test_due_reviews_first_most_at_risk_first(void **state)
{
	store_card cards[3];
	queue q;

	(void)state;
	/* pagination: seen 5 days ago, stable for 30: likely remembered.
	 * idempotent-writes: seen 10 days ago, stable for 2: likely forgotten.
	 * latency-spike: due only tomorrow. */
	cards[0] = review_card("api.pagination", 30, 5 * DAY, 0);
	cards[1] = review_card("api.idempotent-writes", 2, 10 * DAY, -8 * DAY);
	cards[2] = review_card("api.latency-spike", 10, 1 * DAY, 2 * DAY);
	build(cards, 3, opts(4, ALL_LEVELS, 600, 10), &q);

	assert_string_equal(ids(&q), "api.idempotent-writes api.pagination "
				     "api.status-codes api.parse-query");
	assert_ptr_equal(q.v[0].card, &cards[1]);
	assert_ptr_equal(q.v[1].card, &cards[0]);
	assert_true(q.v[0].retrievability < q.v[1].retrievability);
	assert_true(q.v[1].retrievability < 1);
	assert_null(q.v[2].card);
	assert_true(q.v[2].retrievability == 1);
	assert_int_equal(q.due_total, 2);
	assert_int_equal(q.new_available, 2);
	/* reviews take the prior share of an open item's minutes (0.5): 4 and 5 */
	assert_true(q.minutes == 4 + 5 + 20 + 2);
	queue_free(&q);
}

static void test_new_items_by_week_then_level(void **state)
{
	queue q;

	(void)state;
	build(NULL, 0, opts(4, ALL_LEVELS, 600, 10), &q);
	/* in a week and level, the shorter first: more questions in the same minutes */
	assert_string_equal(ids(&q), "api.status-codes api.parse-query api.idempotent-writes "
				     "api.latency-spike api.pagination");
	assert_int_equal(q.due_total, 0);
	assert_int_equal(q.new_available, 5);
	queue_free(&q);
}

static void test_budget_is_kept(void **state)
{
	queue q;

	(void)state;
	/* 20 + 2 fit in 25; the next, 8 minutes, would make 30. */
	build(NULL, 0, opts(1, ALL_LEVELS, 25, 10), &q);
	assert_string_equal(ids(&q), "api.status-codes api.parse-query");
	assert_true(q.minutes == 22);
	assert_int_equal(q.new_available, 3);
	queue_free(&q);

	/* Exactly the budget is within it. */
	build(NULL, 0, opts(1, ALL_LEVELS, 30, 10), &q);
	assert_int_equal(q.n, 3);
	assert_int_equal(q.minutes, 30);
	queue_free(&q);
}

static void test_budget_applies_to_reviews_too(void **state)
{
	store_card cards[2];
	queue q;

	(void)state;
	cards[0] = review_card("api.idempotent-writes", 2, 10 * DAY, -DAY);  /*  8 min */
	cards[1] = review_card("api.pagination", 30, 5 * DAY, 0);             /* 10 min */
	/* as reviews they take 4 and 5 minutes: the second does not fit in 7 */
	build(cards, 2, opts(4, ALL_LEVELS, 7, 10), &q);
	assert_string_equal(ids(&q), "api.idempotent-writes");
	assert_int_equal(q.due_total, 2); /* the one left over is still counted as due */
	queue_free(&q);
}

static void test_new_item_longer_than_budget_asked_when_queue_would_be_empty(void **state)
{
	queue q;

	(void)state;
	/* Only idempotent-writes (8 minutes) is allowed, and 5 minutes are left. */
	build(NULL, 0, opts(1, L2, 5, 10), &q);
	assert_string_equal(ids(&q), "api.idempotent-writes");
	assert_true(q.minutes == 8);
	queue_free(&q);

	/* Not a review: pagination's review (5 minutes) in 4 waits for tomorrow, and no new
	 * item is asked while it waits. */
	{
		store_card c = review_card("api.pagination", 2, 10 * DAY, -DAY);

		queue_opts o = opts(4, ALL_LEVELS, 4, 10);

		o.daily_minutes = 60;
		build(&c, 1, o, &q);
		assert_int_equal(q.n, 0);
		assert_int_equal(q.backlog, 1);
		assert_int_equal(q.backlog_days, 1);
		queue_free(&q);
	}
}

static void test_budget_of_zero_gives_nothing(void **state)
{
	store_card c = review_card("api.idempotent-writes", 2, 10 * DAY, -DAY);
	queue q;

	(void)state;
	build(&c, 1, opts(4, ALL_LEVELS, 0, 10), &q);
	assert_int_equal(q.n, 0);
	assert_int_equal(q.minutes, 0);
	assert_int_equal(q.due_total, 1); /* Today can still say one is due */
	queue_free(&q);
	/* More than the day's time already spent. */
	build(&c, 1, opts(4, ALL_LEVELS, -12, 10), &q);
	assert_int_equal(q.n, 0);
	queue_free(&q);
}

static void test_new_limit_caps_new_items(void **state)
{
	store_card c = review_card("api.pagination", 30, 5 * DAY, 0);
	queue q;

	(void)state;
	build(&c, 1, opts(4, ALL_LEVELS, 600, 2), &q);
	/* The review is not a new item: it does not use the allowance. */
	assert_string_equal(ids(&q), "api.pagination api.status-codes api.parse-query");
	assert_int_equal(q.new_available, 4);
	queue_free(&q);

	build(&c, 1, opts(4, ALL_LEVELS, 600, 0), &q);
	assert_string_equal(ids(&q), "api.pagination");
	queue_free(&q);

	build(NULL, 0, opts(4, ALL_LEVELS, 600, -3), &q);
	assert_int_equal(q.n, 0);
	queue_free(&q);
}

static void test_item_whose_rev_rose_is_new_again(void **state)
{
	/* parse-query is at rev 2; this card is from rev 1, long overdue. */
	store_card c = review_card("api.parse-query", 3, 20 * DAY, -10 * DAY);
	queue q;

	(void)state;
	c.rev = 1;
	build(&c, 1, opts(1, ALL_LEVELS, 600, 10), &q);
	assert_int_equal(q.due_total, 0);
	assert_string_equal(q.v[1].item->id, "api.parse-query");
	assert_null(q.v[1].card);
	assert_true(q.v[1].retrievability == 1);
	assert_int_equal(q.new_available, 3);
	queue_free(&q);

	/* The same card at the current rev is a review. */
	c.rev = 2;
	build(&c, 1, opts(1, ALL_LEVELS, 600, 10), &q);
	assert_int_equal(q.due_total, 1);
	assert_ptr_equal(q.v[0].card, &c);
	assert_int_equal(q.new_available, 2);
	queue_free(&q);
}

static void test_later_weeks_and_other_levels_not_offered(void **state)
{
	queue q;

	(void)state;
	build(NULL, 0, opts(1, ALL_LEVELS, 600, 10), &q);
	assert_string_equal(ids(&q), "api.status-codes api.parse-query api.idempotent-writes");
	queue_free(&q);

	build(NULL, 0, opts(1, L1, 600, 10), &q);
	assert_string_equal(ids(&q), "api.status-codes api.parse-query");
	queue_free(&q);

	build(NULL, 0, opts(2, L2 | L3, 600, 10), &q);
	assert_string_equal(ids(&q), "api.idempotent-writes api.latency-spike");
	assert_int_equal(q.new_available, 2);
	queue_free(&q);

	build(NULL, 0, opts(3, L3, 600, 10), &q);
	assert_string_equal(ids(&q), "api.latency-spike");
	queue_free(&q);
}

static void test_suspended_and_buried_left_out(void **state)
{
	store_card cards[4];
	queue q;

	(void)state;
	cards[0] = review_card("api.idempotent-writes", 2, 10 * DAY, -DAY);
	cards[0].suspended = true;
	cards[1] = review_card("api.pagination", 2, 10 * DAY, -DAY);
	cards[1].buried_until = NOW + DAY;
	cards[2] = review_card("api.latency-spike", 2, 10 * DAY, -DAY);
	cards[2].buried_until = NOW; /* buried until now: back */
	cards[3] = review_card("api.status-codes", 2, 10 * DAY, -DAY);
	cards[3].buried_until = NOW - HOUR;
	build(cards, 4, opts(4, ALL_LEVELS, 600, 0), &q);
	assert_string_equal(ids(&q), "api.latency-spike api.status-codes");
	assert_int_equal(q.due_total, 2);
	/* Nor are they offered as new. */
	assert_int_equal(q.new_available, 1); /* parse-query only */
	queue_free(&q);
}

static void test_cards_of_unknown_items_ignored(void **state)
{
	store_card cards[2];
	queue q;

	(void)state;
	cards[0] = review_card("api.pagination", 2, 10 * DAY, -DAY);
	cards[1] = cards[0];
	snprintf(cards[1].item, sizeof(cards[1].item), "api.removed-long-ago");
	build(cards, 2, opts(4, ALL_LEVELS, 600, 0), &q);
	assert_string_equal(ids(&q), "api.pagination");
	assert_int_equal(q.due_total, 1);
	queue_free(&q);
}

/* session */

/* A queue of the given items, all new. */
static queue new_queue(const char *const *id, size_t n)
{
	queue q = { 0 };

	q.v = calloc(n + 1, sizeof(*q.v));
	assert_non_null(q.v);
	for (size_t i = 0; i < n; i++) {
		q.v[i] = (queue_entry){ item(id[i]), NULL, 1.0 };
		q.minutes += item(id[i])->minutes;
	}
	q.n = n;
	q.new_available = n;
	return q;
}

static session *session_of(store *st, const char *id)
{
	queue q = new_queue(&id, 1);
	session *s = session_new(st, &q, &g_sched, NULL);

	assert_non_null(s);
	assert_null(q.v); /* the session took it */
	return s;
}

static void tick(session *s, int i)
{
	bool was = session_ticked(s, i);

	session_toggle(s, i);
	assert_true(session_ticked(s, i) != was);
}

/* Reveals, ticks the first `n` points and goes to grading; returns the suggestion. */
static fsrs_grade suggest_after(const char *id, int hints, int n)
{
	session *s = session_of(NULL, id);
	fsrs_grade g;

	for (int i = 0; i < hints; i++)
		assert_true(session_hint(s));
	session_reveal(s);
	for (int i = 0; i < n; i++)
		tick(s, i);
	session_to_grade(s);
	assert_int_equal(session_phase_of(s), SESSION_GRADE);
	assert_int_equal(session_covered(s), n);
	g = session_suggested(s);
	session_free(s);
	return g;
}

static void test_phases_of_one_item(void **state)
{
	session *s = session_of(NULL, "api.idempotent-writes");

	(void)state;
	assert_int_equal(session_phase_of(s), SESSION_ASK);
	assert_string_equal(session_item(s)->id, "api.idempotent-writes");
	assert_int_equal(session_total(s), 1);
	assert_int_equal(session_position(s), 0);
	assert_true(session_is_new(s));
	/* Key points are not ticked before they are shown. */
	session_toggle(s, 0);
	assert_false(session_ticked(s, 0));
	/* Two hints, then none left. */
	assert_true(session_hint(s));
	assert_true(session_hint(s));
	assert_false(session_hint(s));
	assert_int_equal(session_hints_shown(s), 2);
	/* Grading before the reveal is not possible. */
	session_to_grade(s);
	assert_int_equal(session_phase_of(s), SESSION_ASK);

	session_reveal(s);
	assert_int_equal(session_phase_of(s), SESSION_REVEALED);
	assert_false(session_hint(s)); /* hints belong to the question */
	assert_int_equal(session_points(s), 4);
	assert_string_equal(session_point(s, 0), item("api.idempotent-writes")->key_points.v[0]);
	assert_null(session_point(s, 4));
	assert_null(session_point(s, -1));
	session_toggle(s, 4); /* out of range: ignored */
	session_toggle(s, -1);
	assert_int_equal(session_covered(s), 0);
	tick(s, 1);
	tick(s, 1);
	tick(s, 3);
	assert_int_equal(session_covered(s), 1);

	session_to_grade(s);
	assert_int_equal(session_phase_of(s), SESSION_GRADE);
	/* Back to change the ticks: they are still there. */
	session_ungrade(s);
	assert_int_equal(session_phase_of(s), SESSION_REVEALED);
	assert_true(session_ticked(s, 3));
	session_free(s);
}

static void test_share_covered_suggests_grade(void **state)
{
	(void)state;
	/* Four key points. */
	assert_int_equal(suggest_after("api.idempotent-writes", 0, 0), FSRS_AGAIN);
	assert_int_equal(suggest_after("api.idempotent-writes", 0, 1), FSRS_AGAIN);
	assert_int_equal(suggest_after("api.idempotent-writes", 0, 2), FSRS_HARD);
	assert_int_equal(suggest_after("api.idempotent-writes", 0, 3), FSRS_GOOD);
	assert_int_equal(suggest_after("api.idempotent-writes", 0, 4), FSRS_GOOD);
}

static void test_scenario_walked_step_by_step(void **state)
{
	session *s = session_of(NULL, "api.latency-spike");
	const scenario_walk *w = session_walk(s);

	(void)state;
	assert_non_null(w);
	/* The first step: what the person sees and the question; nothing to tick yet. */
	assert_int_equal(w->step, 0);
	assert_true(scenario_step_shown(w, 0));
	assert_false(scenario_points_shown(w, 0));
	assert_false(scenario_step_shown(w, 1));
	session_toggle(s, 0);
	assert_int_equal(session_covered(s), 0);
	/* Space reveals the step's expected points, which the digits tick. */
	session_reveal(s);
	assert_int_equal(session_phase_of(s), SESSION_ASK);
	assert_true(scenario_points_shown(w, 0));
	session_toggle(s, 1);
	assert_true(scenario_ticked(w, 0, 1));
	/* Space shows the next step; the digits tick its points now, the first step's stay. */
	session_reveal(s);
	assert_true(scenario_step_shown(w, 1));
	assert_false(scenario_points_shown(w, 1));
	session_reveal(s);
	session_toggle(s, 0);
	session_toggle(s, 1); /* the second step has one point: ignored */
	assert_true(scenario_ticked(w, 1, 0));
	assert_false(scenario_ticked(w, 1, 1));
	assert_true(scenario_ticked(w, 0, 1));
	/* The last step, then the ending: root cause, mitigation and prevention. */
	session_reveal(s);
	session_reveal(s);
	assert_int_equal(session_phase_of(s), SESSION_ASK);
	assert_false(w->ended);
	session_reveal(s);
	assert_true(w->ended);
	assert_int_equal(session_phase_of(s), SESSION_REVEALED);
	/* The last step's points can still be ticked after the ending. */
	session_toggle(s, 0);
	assert_true(scenario_ticked(w, 2, 0));
	/* The share covered counts the points of every step: 3 of 2 + 1 + 1. */
	assert_int_equal(session_points(s), 4);
	assert_int_equal(session_covered(s), 3);
	assert_string_equal(session_point(s, 2), item("api.latency-spike")->steps[1].expect.v[0]);
	assert_false(session_ticked(s, 0));
	assert_true(session_ticked(s, 1));
	assert_null(session_point(s, 4));
	session_to_grade(s);
	assert_int_equal(session_suggested(s), FSRS_GOOD);
	session_free(s);
}

static void test_hint_caps_suggestion_at_hard(void **state)
{
	(void)state;
	assert_int_equal(suggest_after("api.idempotent-writes", 1, 4), FSRS_HARD);
	assert_int_equal(suggest_after("api.idempotent-writes", 2, 3), FSRS_HARD);
	assert_int_equal(suggest_after("api.idempotent-writes", 1, 2), FSRS_HARD);
	/* A cap, not a floor. */
	assert_int_equal(suggest_after("api.idempotent-writes", 1, 0), FSRS_AGAIN);
}

/* Ticks the given choices before the reveal, and returns the suggestion. */
static fsrs_grade choose(const int *picks, int n)
{
	session *s = session_of(NULL, "api.status-codes");
	fsrs_grade g;

	assert_int_equal(session_points(s), 4);
	assert_string_equal(session_point(s, 2), "PUT");
	for (int i = 0; i < n; i++)
		tick(s, picks[i]);
	session_reveal(s);
	session_to_grade(s);
	g = session_suggested(s);
	session_free(s);
	return g;
}

static void test_choice_good_only_when_exactly_right(void **state)
{
	static const int right[] = { 0, 2 }, right_reversed[] = { 2, 0 }, one[] = { 0 },
			 extra[] = { 0, 2, 1 }, wrong[] = { 1, 3 }, all[] = { 0, 1, 2, 3 };

	(void)state;
	assert_int_equal(choose(right, 2), FSRS_GOOD);
	assert_int_equal(choose(right_reversed, 2), FSRS_GOOD);
	assert_int_equal(choose(one, 1), FSRS_AGAIN);
	assert_int_equal(choose(extra, 3), FSRS_AGAIN);
	assert_int_equal(choose(wrong, 2), FSRS_AGAIN);
	assert_int_equal(choose(all, 4), FSRS_AGAIN);
	assert_int_equal(choose(NULL, 0), FSRS_AGAIN);
}

static void test_choice_answer_is_fixed_at_reveal(void **state)
{
	session *s = session_of(NULL, "api.status-codes");

	(void)state;
	tick(s, 1); /* a wrong answer */
	session_reveal(s);
	/* The explanation is on screen now; the answer given cannot be changed to match it. */
	session_toggle(s, 1);
	session_toggle(s, 0);
	session_toggle(s, 2);
	assert_true(session_ticked(s, 1));
	assert_false(session_ticked(s, 0));
	assert_false(session_ticked(s, 2));
	session_to_grade(s);
	assert_int_equal(session_suggested(s), FSRS_AGAIN);
	session_free(s);
}

/* Reading back what a grade wrote */

typedef struct review_row {
	char item[64];
	int rev, grade, covered, points, hints;
	int64_t at;
	char source[16];
} review_row;

static int reviews(review_row *out, int max)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int n = 0;

	assert_int_equal(sqlite3_open_v2(fixture_db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT item, rev, at, grade, covered, points, hints, "
					    "source FROM review ORDER BY id",
					    -1, &st, NULL),
			 SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW && n < max) {
		review_row *r = &out[n++];

		snprintf(r->item, sizeof(r->item), "%s", (const char *)sqlite3_column_text(st, 0));
		r->rev = sqlite3_column_int(st, 1);
		r->at = sqlite3_column_int64(st, 2);
		r->grade = sqlite3_column_int(st, 3);
		r->covered = sqlite3_column_int(st, 4);
		r->points = sqlite3_column_int(st, 5);
		r->hints = sqlite3_column_int(st, 6);
		snprintf(r->source, sizeof(r->source), "%s",
			 (const char *)sqlite3_column_text(st, 7));
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

static store *open_store(unsigned flags)
{
	store *st = NULL;
	bp_error e;

	if (store_open(fixture_db, flags, &st, &e) < 0)
		fail_msg("store_open: %s", e.msg);
	return st;
}

static store_card stored_card(store *st, const char *id)
{
	store_card c;
	bool found = false;
	bp_error e;

	assert_int_equal(store_card_get(st, id, &c, &found, &e), 0);
	if (!found)
		fail_msg("no card for %s", id);
	return c;
}

static void test_grade_records_and_moves_on(void **state)
{
	static const char *const list[] = { "api.idempotent-writes", "api.status-codes" };
	store *st = open_store(0);
	queue q = new_queue(list, 2);
	session *s = session_new(st, &q, &g_sched, NULL);
	review_row r[4];
	store_card c;
	bp_error e;

	(void)state;
	assert_true(session_hint(s));
	session_reveal(s);
	tick(s, 0);
	tick(s, 1);
	tick(s, 2);
	session_to_grade(s);
	assert_int_equal(session_suggested(s), FSRS_HARD);
	/* The person may grade other than the suggestion. */
	assert_int_equal(session_grade(s, FSRS_GOOD, &e), 0);

	/* On to the next item, fresh. */
	assert_int_equal(session_phase_of(s), SESSION_ASK);
	assert_int_equal(session_position(s), 1);
	assert_int_equal(session_answered(s), 1);
	assert_string_equal(session_item(s)->id, "api.status-codes");
	assert_int_equal(session_hints_shown(s), 0);
	assert_int_equal(session_covered(s), 0);

	/* Saved before the next item was shown: read back with sqlite3. */
	assert_int_equal(reviews(r, 4), 1);
	assert_string_equal(r[0].item, "api.idempotent-writes");
	assert_int_equal(r[0].rev, 1);
	assert_int_equal(r[0].at, NOW);
	assert_int_equal(r[0].grade, FSRS_GOOD);
	assert_int_equal(r[0].covered, 3);
	assert_int_equal(r[0].points, 4);
	assert_int_equal(r[0].hints, 1);
	assert_string_equal(r[0].source, "drill");
	c = stored_card(st, "api.idempotent-writes");
	assert_int_equal(c.rev, 1);
	/* a short question has one 10-minute step: Good on a new card graduates at once */
	assert_int_equal(c.state, FSRS_REVIEW);
	assert_int_equal(c.reps, 1);
	assert_int_equal(c.introduced, NOW);
	assert_int_equal(c.last_review, NOW);
	assert_int_equal(c.due, NOW + 2 * DAY);

	/* The choice, answered right, then graded Easy: the last item, then done. */
	tick(s, 0);
	tick(s, 2);
	session_reveal(s);
	session_to_grade(s);
	assert_int_equal(session_suggested(s), FSRS_GOOD);
	assert_int_equal(session_grade(s, FSRS_EASY, &e), 0);
	assert_int_equal(session_phase_of(s), SESSION_DONE);
	assert_null(session_item(s));
	assert_int_equal(session_answered(s), 2);
	assert_int_equal(session_grade(s, FSRS_GOOD, &e), -1); /* nothing left to grade */
	session_free(s);
	store_close(st);

	/* After a restart, both answers are there. */
	assert_int_equal(reviews(r, 4), 2);
	assert_string_equal(r[1].item, "api.status-codes");
	assert_int_equal(r[1].grade, FSRS_EASY);
	assert_int_equal(r[1].covered, 2);
	assert_int_equal(r[1].points, 4);
	assert_int_equal(r[1].hints, 0);
	st = open_store(0);
	c = stored_card(st, "api.status-codes");
	assert_int_equal(c.state, FSRS_REVIEW);
	assert_true(c.due >= NOW + DAY);
	store_close(st);
}

static void test_grade_of_a_review_keeps_the_card_history(void **state)
{
	store *st = open_store(0);
	store_card due = review_card("api.pagination", 30, 5 * DAY, 0), c;
	queue q = { 0 };
	session *s;
	bp_error e;

	(void)state;
	due.starred = true;
	q.v = calloc(1, sizeof(*q.v));
	assert_non_null(q.v);
	q.v[0] = (queue_entry){ item("api.pagination"), &due, 0.9 };
	q.n = 1;
	s = session_new(st, &q, &g_sched, NULL);
	assert_false(session_is_new(s));
	session_reveal(s);
	session_to_grade(s);
	assert_int_equal(session_grade(s, FSRS_AGAIN, &e), 0);
	c = stored_card(st, "api.pagination");
	assert_int_equal(c.introduced, due.introduced); /* first seen long ago, still */
	assert_true(c.starred);
	assert_int_equal(c.reps, due.reps + 1);
	assert_int_equal(c.lapses, 1);
	assert_int_equal(c.state, FSRS_RELEARNING);
	assert_int_equal(c.last_review, NOW);
	session_free(s);
	store_close(st);
}

static void test_grade_after_rev_rose_starts_the_card_over(void **state)
{
	store *st = open_store(0);
	store_card cards[2] = { review_card("api.parse-query", 40, 3 * DAY, 30 * DAY),
				review_card("api.status-codes", 40, 3 * DAY, 30 * DAY) };
	store_card *old = &cards[0], c;
	store_review r = { .item = "api.parse-query", .rev = 1, .at = NOW - 3 * DAY, .grade = 3 };
	queue q;
	session *s;
	bp_error e;

	(void)state;
	old->rev = 1;
	cards[1].suspended = true; /* out of the way: the shorter one would come first */
	assert_int_equal(store_record(st, &r, old, &e), 0);
	build(cards, 2, opts(1, L1, 600, 1), &q);
	assert_string_equal(ids(&q), "api.parse-query");
	s = session_new(st, &q, &g_sched, NULL);
	assert_true(session_is_new(s));
	session_reveal(s);
	session_to_grade(s);
	assert_int_equal(session_grade(s, FSRS_GOOD, &e), 0);
	c = stored_card(st, "api.parse-query");
	assert_int_equal(c.rev, 2);
	assert_int_equal(c.reps, 1);
	assert_int_equal(c.introduced, NOW);
	/* a coding question has no same-day steps: Good graduates to a day interval */
	assert_int_equal(c.state, FSRS_REVIEW);
	assert_int_equal(c.due, NOW + 2 * DAY);
	session_free(s);
	store_close(st);
}

/* A grade that cannot be saved keeps everything on screen for a retry. */
static void assert_kept_for_retry(const session *s)
{
	assert_int_equal(session_phase_of(s), SESSION_GRADE);
	assert_int_equal(session_position(s), 0);
	assert_int_equal(session_answered(s), 0);
	assert_string_equal(session_item(s)->id, "api.idempotent-writes");
	assert_int_equal(session_hints_shown(s), 1);
	assert_true(session_ticked(s, 0));
	assert_false(session_ticked(s, 1));
	assert_true(session_ticked(s, 3));
	assert_int_equal(session_covered(s), 2);
}

static session *answered_once(store *st)
{
	session *s = session_of(st, "api.idempotent-writes");

	assert_true(session_hint(s));
	session_reveal(s);
	tick(s, 0);
	tick(s, 3);
	session_to_grade(s);
	return s;
}

static void test_grade_refused_by_store_keeps_the_answer(void **state)
{
	store *st = open_store(0);
	session *s;
	bp_error e;
	review_row r[2];

	(void)state;
	store_close(st); /* the file exists now */
	st = open_store(STORE_READONLY);
	s = answered_once(st);
	bp_error_clear(&e);
	assert_int_equal(session_grade(s, FSRS_HARD, &e), -1);
	assert_true(e.msg[0] != '\0');
	assert_kept_for_retry(s);
	/* Trying again fails the same way and loses nothing. */
	assert_int_equal(session_grade(s, FSRS_HARD, &e), -1);
	assert_kept_for_retry(s);
	session_free(s);
	store_close(st);
	assert_int_equal(reviews(r, 2), 0);
}

static void test_grade_retried_after_a_busy_database(void **state)
{
	store *st = open_store(0);
	sqlite3 *other;
	session *s = answered_once(st);
	bp_error e;
	review_row r[2];
	int64_t t0;

	(void)state;
	/* Someone else (sqlite3 in a shell, say) holds the write lock for a while. */
	assert_int_equal(sqlite3_open(fixture_db, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	t0 = clock_mono_ms();
	bp_error_clear(&e);
	assert_int_equal(session_grade(s, FSRS_HARD, &e), -1);
	assert_true(clock_mono_ms() - t0 >= 2500); /* it waited (busy_timeout) before failing */
	assert_non_null(strstr(e.msg, "could not save the answer"));
	assert_kept_for_retry(s);

	/* Released: the same answer is saved on retry, with its ticks and hint. */
	assert_int_equal(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	assert_int_equal(session_grade(s, FSRS_HARD, &e), 0);
	assert_int_equal(session_phase_of(s), SESSION_DONE);
	assert_int_equal(session_answered(s), 1);
	session_free(s);
	store_close(st);
	assert_int_equal(reviews(r, 2), 1);
	assert_int_equal(r[0].grade, FSRS_HARD);
	assert_int_equal(r[0].covered, 2);
	assert_int_equal(r[0].hints, 1);
}

static void test_grade_only_from_the_grade_phase(void **state)
{
	store *st = open_store(0);
	session *s = session_of(st, "api.idempotent-writes");
	bp_error e;
	review_row r[1];

	(void)state;
	assert_int_equal(session_grade(s, FSRS_GOOD, &e), -1);
	session_reveal(s);
	assert_int_equal(session_grade(s, FSRS_GOOD, &e), -1);
	session_to_grade(s);
	assert_int_equal(session_grade(s, (fsrs_grade)0, &e), -1);
	assert_int_equal(session_grade(s, (fsrs_grade)5, &e), -1);
	assert_int_equal(session_phase_of(s), SESSION_GRADE);
	session_free(s);
	store_close(st);
	assert_int_equal(reviews(r, 1), 0);
}

static void test_empty_queue_is_done(void **state)
{
	queue q;
	session *s;

	(void)state;
	build(NULL, 0, opts(1, ALL_LEVELS, 0, 10), &q);
	s = session_new(NULL, &q, &g_sched, NULL);
	assert_int_equal(session_phase_of(s), SESSION_DONE);
	assert_null(session_item(s));
	assert_int_equal(session_points(s), 0);
	assert_false(session_hint(s));
	session_free(s);
}

int main(void)
{
#define D(f) cmocka_unit_test_setup_teardown(f, fixture_dir_setup, fixture_dir_teardown)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_due_reviews_first_most_at_risk_first),
		cmocka_unit_test(test_new_items_by_week_then_level),
		cmocka_unit_test(test_budget_is_kept),
		cmocka_unit_test(test_budget_applies_to_reviews_too),
		cmocka_unit_test(test_new_item_longer_than_budget_asked_when_queue_would_be_empty),
		cmocka_unit_test(test_budget_of_zero_gives_nothing),
		cmocka_unit_test(test_new_limit_caps_new_items),
		cmocka_unit_test(test_item_whose_rev_rose_is_new_again),
		cmocka_unit_test(test_later_weeks_and_other_levels_not_offered),
		cmocka_unit_test(test_suspended_and_buried_left_out),
		cmocka_unit_test(test_cards_of_unknown_items_ignored),
		cmocka_unit_test(test_phases_of_one_item),
		cmocka_unit_test(test_share_covered_suggests_grade),
		cmocka_unit_test(test_scenario_walked_step_by_step),
		cmocka_unit_test(test_hint_caps_suggestion_at_hard),
		cmocka_unit_test(test_choice_good_only_when_exactly_right),
		cmocka_unit_test(test_choice_answer_is_fixed_at_reveal),
		D(test_grade_records_and_moves_on),
		D(test_grade_of_a_review_keeps_the_card_history),
		D(test_grade_after_rev_rose_starts_the_card_over),
		D(test_grade_refused_by_store_keeps_the_answer),
		D(test_grade_retried_after_a_busy_database),
		D(test_grade_only_from_the_grade_phase),
		D(test_empty_queue_is_done),
	};
#undef D

	return cmocka_run_group_tests(tests, setup_group, teardown_group);
}
