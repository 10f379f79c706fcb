/*
 * Tests of src/engine/flag.c, the flag side of src/engine/session.c and replay: flags and
 * resets are events in the log, undone newest first, replayed in time order; and the grade
 * bar's intervals are what grading records. A real store in a temporary directory; the
 * catalog is the good fixture pack (see test_session.c for its items).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "backprep/card.h"
#include "backprep/catalog.h"
#include "backprep/clock.h"
#include "backprep/flag.h"
#include "backprep/fsrs.h"
#include "backprep/replay.h"
#include "backprep/rng.h"
#include "backprep/session.h"
#include "backprep/store.h"
#include "fixture.h"

enum { MINUTE = 60, HOUR = 3600, DAY = 86400 };

static const int64_t NOW = 1795939200; /* 2026-11-29T08:00:00Z */
static const char NOW_ISO[] = "2026-11-29T08:00:00Z";

static catalog *g_cat;
static sched g_sched;

static int setup_group(void **state)
{
	fsrs_params p;
	bp_error e;

	(void)state;
	if (!(g_cat = fixture_catalog("packs/good.yaml", 5)))
		return -1;
	fsrs_params_default(&p);
	p.fuzz = true; /* the intervals shown must carry the same draw as the one recorded */
	sched_make(&p, NULL, &g_sched);
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

static store *open_store(void)
{
	store *st = NULL;
	bp_error e;

	if (store_open(fixture_db, 0, &st, &e) < 0)
		fail_msg("store_open: %s", e.msg);
	return st;
}

static store_card card_of(store *st, const char *id, bool *found)
{
	store_card c;
	bool f = false;
	bp_error e;

	memset(&c, 0, sizeof(c));
	assert_int_equal(store_card_get(st, id, &c, &f, &e), 0);
	if (found)
		*found = f;
	return c;
}

static void assert_same_card(const store_card *a, const store_card *b)
{
	assert_string_equal(a->item, b->item);
	assert_int_equal(a->rev, b->rev);
	assert_int_equal(a->state, b->state);
	assert_true(a->stability == b->stability);
	assert_true(a->difficulty == b->difficulty);
	assert_int_equal(a->due, b->due);
	assert_int_equal(a->last_review, b->last_review);
	assert_int_equal(a->introduced, b->introduced);
	assert_int_equal(a->scheduled_days, b->scheduled_days);
	assert_int_equal(a->reps, b->reps);
	assert_int_equal(a->lapses, b->lapses);
	assert_int_equal(a->step, b->step);
	assert_int_equal(a->suspended, b->suspended);
	assert_int_equal(a->starred, b->starred);
	assert_int_equal(a->buried_until, b->buried_until);
}

static int count_event(void *ctx, const store_event *ev)
{
	(void)ev;
	(*(int *)ctx)++;
	return 0;
}

static int events(store *st, const char *id)
{
	int n = 0;
	bp_error e;

	assert_int_equal(store_events(st, id, count_event, &n, &e), 0);
	return n;
}

static int count_review(void *ctx, const store_review *r)
{
	(void)r;
	(*(int *)ctx)++;
	return 0;
}

static int reviews(store *st, const char *id)
{
	int n = 0;
	bp_error e;

	assert_int_equal(store_reviews(st, id, count_review, &n, &e), 0);
	return n;
}

/* A session over the given items, with their stored cards (kept in cards[]). */
static session *drill(store *st, const char *const *ids, size_t n, store_card *cards, bp_rng *rng)
{
	queue q = {0};

	q.v = calloc(n + 1, sizeof(*q.v));
	assert_non_null(q.v);
	for (size_t i = 0; i < n; i++) {
		bool found;

		cards[i] = card_of(st, ids[i], &found);
		q.v[i] = (queue_entry){item(ids[i]), found ? &cards[i] : NULL, 1.0};
	}
	q.n = n;
	return session_new(st, &q, &g_sched, rng);
}

/* A recorded answer of `id` at `at`, through the scheduler as a drill records it. */
static void answer(store *st, const char *id, fsrs_grade g, int64_t at)
{
	store_card c;
	bool any;
	store_review r = {.item = id,
	                  .rev = item(id)->rev,
	                  .at = at,
	                  .grade = (int)g,
	                  .draw = -1.0,
	                  .source = "drill"};
	bp_error e;

	assert_int_equal(store_review_import(st, &r, &e), 0);
	assert_int_equal(replay_item(st, &g_sched, item(id), id, &c, &any, &e), 0);
	assert_int_equal(store_card_put(st, &c, &e), 0);
}

static void to_grade(session *s)
{
	session_reveal(s);
	session_to_grade(s);
	assert_int_equal(session_phase_of(s), SESSION_GRADE);
}

/* Suspend in a drill, then undo: the card is exactly what it was, the event is gone, and the
 * same question is asked again. */
static void test_suspend_then_undo_restores_the_card_exactly(void **state)
{
	static const char *const ids[] = {"api.idempotent-writes", "api.status-codes"};
	store *st = open_store();
	store_card cards[2], before, after;
	session *s;
	bp_error e;

	(void)state;
	answer(st, ids[0], FSRS_GOOD, NOW - 3 * DAY);
	before = card_of(st, ids[0], NULL);
	s = drill(st, ids, 2, cards, NULL);
	assert_int_equal(session_suspend(s, &e), 0);
	after = card_of(st, ids[0], NULL);
	assert_true(after.suspended);
	assert_int_equal(events(st, ids[0]), 1);
	assert_string_equal(session_item(s)->id, ids[1]);
	assert_string_equal(session_undo_what(s), "suspend");

	assert_int_equal(session_undo(s, &e), 0);
	after = card_of(st, ids[0], NULL);
	assert_same_card(&after, &before);
	assert_int_equal(events(st, ids[0]), 0);
	assert_string_equal(session_item(s)->id, ids[0]);
	assert_int_equal(session_total(s), 2);
	assert_int_equal(session_undo(s, &e), 1); /* nothing left */
	session_free(s);
	store_close(st);
}

/* Regression: u after s undid the previous answer and left the item suspended, and the
 * suspended item was asked again. Undo goes newest first, whatever the kind. */
static void test_undo_goes_newest_first(void **state)
{
	static const char *const ids[] = {"api.idempotent-writes", "api.status-codes",
	                                  "api.pagination"};
	store *st = open_store();
	store_card cards[3];
	bool starred = false, found;
	session *s;
	bp_error e;

	(void)state;
	s = drill(st, ids, 3, cards, NULL);
	to_grade(s);
	assert_int_equal(session_grade(s, FSRS_GOOD, &e), 0);
	assert_int_equal(session_star(s, &starred, &e), 0);
	assert_true(starred);
	assert_int_equal(session_suspend(s, &e), 0);
	assert_string_equal(session_item(s)->id, ids[2]);

	assert_string_equal(session_undo_what(s), "suspend");
	assert_int_equal(session_undo(s, &e), 0);
	assert_string_equal(session_item(s)->id, ids[1]);
	assert_false(card_of(st, ids[1], NULL).suspended);
	assert_true(session_is_starred(s));
	assert_int_equal(reviews(st, ids[0]), 1); /* the answer before it stays */

	assert_string_equal(session_undo_what(s), "star");
	assert_int_equal(session_undo(s, &e), 0);
	card_of(st, ids[1], &found);
	assert_false(found); /* never answered: no card again */
	assert_false(session_is_starred(s));

	assert_string_equal(session_undo_what(s), "answer");
	assert_int_equal(session_undo(s, &e), 0);
	assert_string_equal(session_item(s)->id, ids[0]);
	assert_int_equal(reviews(st, ids[0]), 0);
	assert_int_equal(events(st, NULL), 0);
	session_free(s);
	store_close(st);
}

/* A card suspended or buried is never asked in the drill, even when an entry of it is
 * reached (a queue built before the flag). */
static void test_set_aside_item_is_not_asked(void **state)
{
	static const char *const ids[] = {"api.idempotent-writes", "api.status-codes"};
	store *st = open_store();
	store_card cards[2];
	flag_change ch;
	session *s;
	bp_error e;

	(void)state;
	assert_int_equal(
	    flag_set(st, &g_sched, item(ids[0]), ids[0], FLAG_BURY, NOW, NOW + DAY, &ch, &e), 0);
	s = drill(st, ids, 2, cards, NULL);
	assert_string_equal(session_item(s)->id, ids[1]);
	session_free(s);
	store_close(st);
}

/* A reset starts the card over as new; the log keeps the answers before it; a replay gives
 * the same card, and answers after it count from a new card. */
static void test_reset_then_replay(void **state)
{
	const char *id = "api.idempotent-writes";
	store *st = open_store();
	store_card c, fresh, replayed;
	flag_change ch;
	doctor_report r;
	fsrs_card fc;
	bool any;
	bp_error e;

	(void)state;
	answer(st, id, FSRS_GOOD, NOW - 10 * DAY);
	answer(st, id, FSRS_AGAIN, NOW - 2 * DAY);
	assert_int_equal(flag_set(st, &g_sched, item(id), id, FLAG_STAR, NOW - DAY, 0, &ch, &e), 0);
	assert_int_equal(flag_set(st, &g_sched, item(id), id, FLAG_RESET, NOW - HOUR, 0, &ch, &e),
	                 0);
	c = card_of(st, id, NULL);
	assert_int_equal(c.state, FSRS_NEW);
	assert_int_equal(c.reps, 0);
	assert_int_equal(c.lapses, 0);
	assert_int_equal(c.introduced, 0);
	assert_true(c.starred); /* flags stay */
	assert_int_equal(reviews(st, id), 2);

	/* doctor replays the log to the same card */
	assert_int_equal(replay_doctor(st, g_cat, &g_sched, &r, &e), 0);
	assert_int_equal(r.repaired, 0);

	/* an answer after the reset schedules a new card */
	answer(st, id, FSRS_GOOD, NOW);
	c = card_of(st, id, NULL);
	fsrs_card_init(&fc, NOW);
	fsrs_review(sched_for(&g_sched, item(id)), &fc, FSRS_GOOD, NOW, -1.0);
	memset(&fresh, 0, sizeof(fresh));
	card_from_fsrs(&fc, &fresh);
	assert_int_equal(c.reps, 1);
	assert_int_equal(c.lapses, 0);
	assert_int_equal(c.due, fresh.due);
	assert_int_equal(c.introduced, NOW);

	/* a damaged card is rebuilt to it */
	replayed = c;
	c.stability = 99;
	assert_int_equal(store_card_put(st, &c, &e), 0);
	assert_int_equal(replay_doctor(st, g_cat, &g_sched, &r, &e), 0);
	assert_int_equal(r.repaired, 1);
	c = card_of(st, id, NULL);
	assert_same_card(&c, &replayed);
	(void)any;
	store_close(st);
}

/* Events set the flags in time order, so an unsuspend after a suspend wins; an item with
 * events and no answers gets a card. */
static void test_flags_replay_in_time_order(void **state)
{
	const store_event ev[] = {
	    {.at = NOW - 5 * HOUR, .kind = "suspend"},
	    {.at = NOW - 4 * HOUR, .kind = "star"},
	    {.at = NOW - 3 * HOUR, .kind = "unsuspend"},
	    {.at = NOW - 2 * HOUR, .kind = "bury", .until = NOW + DAY},
	};
	store_card c;

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_int_equal(replay_fold(&g_sched.base, 1, NULL, 0, ev, 4, &c), 0);
	assert_false(c.suspended);
	assert_true(c.starred);
	assert_int_equal(c.buried_until, NOW + DAY);
	assert_int_equal(c.state, FSRS_NEW);
	assert_int_equal(replay_fold(&g_sched.base, 1, NULL, 0, ev, 1, &c), 0);
	assert_true(c.suspended);
	assert_false(c.starred);
	assert_int_equal(c.buried_until, 0);
}

/* The details' chart: recall just before each answer (none before a first answer, nor the
 * first after a reset), then now. */
static void test_recall_before_each_answer(void **state)
{
	const store_review v[] = {
		{ .rev = 1, .at = NOW - 30 * DAY, .grade = FSRS_GOOD, .draw = -1, .source = "drill" },
		{ .rev = 1, .at = NOW - 20 * DAY, .grade = FSRS_GOOD, .draw = -1, .source = "drill" },
		{ .rev = 1, .at = NOW - 10 * DAY, .grade = FSRS_GOOD, .draw = -1, .source = "cram" },
		{ .rev = 1, .at = NOW - 5 * DAY, .grade = FSRS_GOOD, .draw = -1, .source = "drill" },
	};
	const store_event reset = { .at = NOW - 7 * DAY, .kind = "reset" };
	double r[8];

	(void)state;
	/* before the 2nd and the 4th (a cram answer is not one), then now */
	assert_int_equal(replay_recall(&g_sched.base, 1, v, 4, NULL, 0, NOW, r, 8), 3);
	for (int i = 0; i < 3; i++)
		assert_true(r[i] > 0 && r[i] < 1);
	assert_true(r[2] > r[1]); /* 5 days after the 3rd answer, 15 after the 2nd */
	/* after a reset, the 4th answer is a first one: only now */
	assert_int_equal(replay_recall(&g_sched.base, 1, v, 4, &reset, 1, NOW, r, 8), 2);
	assert_int_equal(replay_recall(&g_sched.base, 1, v, 4, NULL, 0, NOW, r, 1), 1);
}

/* The intervals the grade bar shows are the ones grading records, for each grade, for new,
 * learning, review and relearning cards, fuzz on: one draw made at the reveal. */
static void test_intervals_shown_are_recorded(void **state)
{
	static const struct {
		const char *what;
		int state, step;
		double stability;
		int64_t ago;
	} kinds[] = {
	    {"new", FSRS_NEW, 0, 0, 0},
	    {"learning", FSRS_LEARNING, 0, 0.4, 10 * MINUTE},
	    {"review", FSRS_REVIEW, 0, 12.0, 14 * DAY},
	    {"relearning", FSRS_RELEARNING, 0, 2.0, 10 * MINUTE},
	};
	const char *id = "api.idempotent-writes";

	(void)state;
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		for (int g = FSRS_AGAIN; g <= FSRS_EASY; g++) {
			store *st = open_store();
			store_card cards[1], c = {0};
			int64_t due[5];
			bp_rng rng;
			session *s;
			bp_error e;

			snprintf(c.item, sizeof(c.item), "%s", id);
			c.rev = 1;
			c.state = kinds[k].state;
			c.step = kinds[k].step;
			c.stability = kinds[k].stability;
			c.difficulty = kinds[k].state == FSRS_NEW ? 0 : 5;
			c.last_review = kinds[k].state == FSRS_NEW ? 0 : NOW - kinds[k].ago;
			c.introduced = c.last_review;
			c.due = NOW;
			c.reps = kinds[k].state == FSRS_NEW ? 0 : 3;
			assert_int_equal(store_card_put(st, &c, &e), 0);
			rng_seed(&rng, 42 + (uint64_t)k);
			s = drill(st, &id, 1, cards, &rng);
			assert_int_equal(session_next_due(s, NOW, due), -1); /* before the reveal */
			to_grade(s);
			assert_int_equal(session_next_due(s, NOW, due), 0);
			assert_int_equal(session_grade(s, (fsrs_grade)g, &e), 0);
			c = card_of(st, id, NULL);
			if (c.due != due[g])
				fail_msg("%s card, grade %d: shown %lld, recorded %lld",
				         kinds[k].what, g, (long long)due[g], (long long)c.due);
			session_free(s);
			store_close(st);
			assert_int_equal(fixture_tmp_remove(fixture_dir), 0);
			assert_int_equal(fixture_dir_setup(NULL), 0);
		}
	}
}

/* A cram session shows no intervals: its answers never move the schedule. */
static void test_cram_shows_no_intervals(void **state)
{
	const char *id = "api.idempotent-writes";
	store *st = open_store();
	store_card cards[1];
	int64_t due[5];
	session *s;

	(void)state;
	s = drill(st, &id, 1, cards, NULL);
	session_set_cram(s);
	to_grade(s);
	assert_int_equal(session_next_due(s, NOW, due), 1);
	session_free(s);
	store_close(st);
}

int main(void)
{
#define D(f) cmocka_unit_test_setup_teardown(f, fixture_dir_setup, fixture_dir_teardown)
	const struct CMUnitTest tests[] = {
	    D(test_suspend_then_undo_restores_the_card_exactly),
	    D(test_undo_goes_newest_first),
	    D(test_set_aside_item_is_not_asked),
	    D(test_reset_then_replay),
	    cmocka_unit_test(test_flags_replay_in_time_order),
	    cmocka_unit_test(test_recall_before_each_answer),
	    D(test_intervals_shown_are_recorded),
	    D(test_cram_shows_no_intervals),
	};

	return cmocka_run_group_tests(tests, setup_group, teardown_group);
}
