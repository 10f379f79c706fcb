/*
 * Tests of the pacing of a day: the time estimator (src/engine/estimate.c), the steps by
 * kind (sched.c, with config.yaml), the placement of reviews over the days before the
 * interview (pace.c), and today as app_day_build composes it — the catch-up that fits, the
 * plan's reach and the messages built from the same numbers — and the plan's start on the
 * first answer, through a real store and the good fixture pack.
 *
 * The fixture pack (tests/fixtures/packs/good.yaml):
 *   api.parse-query        coding    level 1  week 1  20 min
 *   api.status-codes       choice    level 1  week 1   2 min
 *   api.idempotent-writes  open      level 2  week 1   8 min
 *   api.latency-spike      scenario  level 3  week 2  15 min
 *   api.pagination         open      level 2  week 3  10 min
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "backprep/app.h"
#include "backprep/clock.h"
#include "backprep/config.h"
#include "backprep/estimate.h"
#include "backprep/pace.h"
#include "backprep/sched.h"
#include "fixture.h"

enum { MINUTE = 60, DAY = 86400 };

/* 2026-11-29T08:00:00Z */
static const int64_t NOW = 1795939200;
static const char NOW_ISO[] = "2026-11-29T08:00:00Z";

static catalog *g_cat;

static const bp_item *item(const char *id)
{
	const bp_item *it = catalog_find(g_cat, id);

	if (!it)
		fail_msg("no item %s in the fixture", id);
	return it;
}

static int setup_group(void **state)
{
	bp_error e;

	(void)state;
	if (!(g_cat = fixture_catalog("packs/good.yaml", 5)))
		return -1;
	setenv("BACKPREP_NOW", NOW_ISO, 1);
	setenv("TZ", "UTC", 1);
	return clock_init(&e);
}

static int teardown_group(void **state)
{
	(void)state;
	catalog_free(g_cat);
	return 0;
}

/* The estimator */

static store_review review_of(const char *id, int seconds)
{
	return (store_review){ .item = id, .rev = 1, .at = NOW, .grade = 3, .seconds = seconds,
			       .source = "drill" };
}

static void test_estimate_prior_without_answers(void **state)
{
	estimate e;

	(void)state;
	estimate_learn(&e, g_cat, NULL, 0);
	/* a new question takes its minutes; a review the prior share of them */
	assert_true(estimate_minutes(&e, item("api.parse-query"), false) == 20);
	assert_true(fabs(estimate_minutes(&e, item("api.parse-query"), true) - 20 * 0.35) < 1e-9);
	assert_true(fabs(estimate_minutes(&e, item("api.pagination"), true) - 10 * 0.50) < 1e-9);
	assert_true(fabs(estimate_minutes(&e, item("api.status-codes"), true) - 2 * 0.70) < 1e-9);
	assert_true(fabs(e.person - 1.0) < 1e-9);
	/* without an estimator at all: the same priors */
	assert_true(estimate_minutes(NULL, item("api.pagination"), true) ==
		    estimate_minutes(&e, item("api.pagination"), true));
}

static void test_estimate_converges_to_the_measured_ratio(void **state)
{
	/* the person's open reviews take 0.8 of the minutes: 8 of 10, 6.4 of 8 */
	store_review v[60];
	estimate e;
	double before = 0;

	(void)state;
	for (int n = 1; n <= 60; n++) {
		v[n - 1] = review_of(n % 2 ? "api.pagination" : "api.idempotent-writes",
				     n % 2 ? 480 : 384);
		estimate_learn(&e, g_cat, v, (size_t)n);
		assert_true(e.n[KIND_OPEN] == n);
		assert_true(fabs(e.measured[KIND_OPEN] - 0.8) < 1e-9);
		/* shrunk toward the prior, less with every answer */
		assert_true(e.ratio[KIND_OPEN] > before && e.ratio[KIND_OPEN] < 0.8);
		before = e.ratio[KIND_OPEN];
	}
	assert_true(fabs(e.ratio[KIND_OPEN] - 0.8) < 0.02);
	/* the person is slower than the open prior (0.8 / 0.5): a coding review, with no
	 * answers of its own, is expected slower than its prior too */
	assert_true(e.person > 1.5);
	assert_true(estimate_minutes(&e, item("api.parse-query"), true) > 20 * 0.35 * 1.5);
}

static void test_estimate_clips_walked_away_answers(void **state)
{
	/* one review left open for an hour among normal ones: the median ignores it */
	store_review v[] = { review_of("api.pagination", 300), review_of("api.pagination", 3600),
			     review_of("api.pagination", 300) };
	estimate e;

	(void)state;
	estimate_learn(&e, g_cat, v, 3);
	assert_true(fabs(e.measured[KIND_OPEN] - 0.5) < 1e-9);
	/* reviews of items no longer in the content are skipped */
	v[0].item = "api.gone";
	estimate_learn(&e, g_cat, v, 1);
	assert_int_equal(e.n[KIND_OPEN], 0);
}

/* Steps by kind */

static void test_steps_by_kind_defaults(void **state)
{
	fsrs_params base;
	sched s;

	(void)state;
	fsrs_params_default(&base);
	sched_make(&base, NULL, &s);
	/* coding, an incident, a 15-minute or longer question: no same-day step */
	assert_int_equal(sched_for(&s, item("api.parse-query"))->n_learning, 0);
	assert_int_equal(sched_for(&s, item("api.parse-query"))->n_relearning, 0);
	assert_int_equal(sched_for(&s, item("api.latency-spike"))->n_learning, 0);
	/* a short question: one 10-minute step, and the base's relearning step */
	assert_int_equal(sched_for(&s, item("api.pagination"))->n_learning, 1);
	assert_int_equal(sched_for(&s, item("api.pagination"))->learning[0], 10);
	assert_int_equal(sched_for(&s, item("api.pagination"))->n_relearning, 1);
	assert_int_equal(sched_for(&s, item("api.status-codes"))->n_learning, 1);
	/* an item no longer in the content: the base */
	assert_int_equal(sched_for(&s, NULL)->n_learning, 2);
	assert_true(fabs(s.deadline_recall - SCHED_DEADLINE_RECALL) < 1e-12);
}

/* A good answer to a long question graduates to a day interval; to a short one too. */
static void test_long_question_does_not_come_back_today(void **state)
{
	fsrs_params base;
	sched s;
	fsrs_card c;

	(void)state;
	fsrs_params_default(&base);
	base.fuzz = false;
	sched_make(&base, NULL, &s);
	fsrs_card_init(&c, NOW);
	fsrs_review(sched_for(&s, item("api.parse-query")), &c, FSRS_AGAIN, NOW, -1);
	assert_true(c.due >= NOW + DAY);
	fsrs_card_init(&c, NOW);
	fsrs_review(sched_for(&s, item("api.pagination")), &c, FSRS_AGAIN, NOW, -1);
	assert_int_equal(c.due, NOW + 10 * MINUTE); /* an Again on a short one comes back */
	fsrs_review(sched_for(&s, item("api.pagination")), &c, FSRS_GOOD, NOW + 10 * MINUTE, -1);
	assert_int_equal(c.state, FSRS_REVIEW);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_steps_by_kind_from_config(void **state)
{
	char path[128];
	bp_config cfg;
	fsrs_params base;
	bp_error e;
	sched s;

	(void)state;
	snprintf(path, sizeof(path), "%s/config.yaml", fixture_dir);
	write_file(path, "scheduler:\n"
			 "  steps_by_kind: {coding: [30m], open: []}\n"
			 "  long_minutes: 9\n"
			 "  deadline_recall: 0.8\n");
	assert_int_equal(config_load(path, &cfg, &e), 0);
	fsrs_params_default(&base);
	sched_make(&base, &cfg, &s);
	/* coding named: its step, whatever its length */
	assert_int_equal(sched_for(&s, item("api.parse-query"))->n_learning, 1);
	assert_int_equal(sched_for(&s, item("api.parse-query"))->learning[0], 30);
	/* open named with no steps: none, and no relearning step either */
	assert_int_equal(sched_for(&s, item("api.pagination"))->n_learning, 0);
	assert_int_equal(sched_for(&s, item("api.pagination"))->n_relearning, 0);
	/* choice not named and shorter than 9 minutes: one step */
	assert_int_equal(sched_for(&s, item("api.status-codes"))->n_learning, 1);
	assert_true(fabs(s.deadline_recall - 0.8) < 1e-12);

	write_file(path, "scheduler:\n  steps_by_kind: {essay: [1m]}\n");
	assert_int_equal(config_load(path, &cfg, &e), -1);
	assert_non_null(strstr(e.msg, "essay"));
	write_file(path, "scheduler:\n  deadline_recall: 2\n");
	assert_int_equal(config_load(path, &cfg, &e), -1);
	unlink(path);
}

/* Placing reviews over the days */

static pace_card card(const char *id, double minutes, double risk, int target)
{
	return (pace_card){ item(id), NULL, minutes, risk, target, PACE_NONE };
}

static pace_card *find(pace_card *v, size_t n, const char *id, double risk)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].item->id, id) == 0 && v[i].risk == risk)
			return &v[i];
	fail_msg("no card %s", id);
	return NULL;
}

static void test_pace_latest_day_that_fits_riskiest_first(void **state)
{
	/* four days of 10 minutes; five final reviews of 4 minutes, due after the last day */
	double room[] = { 10, 10, 10, 10 };
	pace_card v[] = { card("api.pagination", 4, 0.80, 9), card("api.pagination", 4, 0.60, 9),
			  card("api.pagination", 4, 0.70, 9), card("api.pagination", 4, 0.50, 9),
			  card("api.pagination", 4, 0.85, 9) };
	pace_plan p;

	(void)state;
	assert_int_equal(pace_spread(v, 5, 4, room, &p), 0);
	/* riskiest first, each on the latest day with room: two fit a day */
	assert_int_equal(find(v, 5, "api.pagination", 0.50)->day, 3);
	assert_int_equal(find(v, 5, "api.pagination", 0.60)->day, 3);
	assert_int_equal(find(v, 5, "api.pagination", 0.70)->day, 2);
	assert_int_equal(find(v, 5, "api.pagination", 0.80)->day, 2);
	assert_int_equal(find(v, 5, "api.pagination", 0.85)->day, 1);
	for (int d = 0; d < 4; d++)
		assert_true(p.load[d] <= room[d]);
	assert_true(p.load[0] == 0 && p.load[1] == 4 && p.load[2] == 8 && p.load[3] == 8);
	assert_int_equal(p.unplaced, 0);
	pace_plan_free(&p);
}

static void test_pace_backlog_moves_forward_and_overflow_is_counted(void **state)
{
	/* today has 5 minutes left, later days 6 */
	double room[] = { 5, 6, 6 };
	pace_card v[] = { card("api.parse-query", 7, 0.3, 0), card("api.pagination", 4, 0.4, 0),
			  card("api.status-codes", 1, 0.5, 0), card("api.pagination", 5, 0.6, 1),
			  card("api.idempotent-writes", 4, 0.7, 0) };
	pace_plan p;

	(void)state;
	assert_int_equal(pace_spread(v, 5, 3, room, &p), 0);
	/* the riskiest, 7 minutes, fits no day: counted, never put over a day */
	assert_int_equal(find(v, 5, "api.parse-query", 0.3)->day, PACE_NONE);
	assert_int_equal(p.unplaced, 1);
	assert_true(p.unplaced_minutes == 7);
	assert_int_equal(p.unplaced_by_area[AREA_API], 1);
	/* due today: what fits today stays, a shorter one after a longer one still fits */
	assert_int_equal(find(v, 5, "api.pagination", 0.4)->day, 0);
	assert_int_equal(find(v, 5, "api.status-codes", 0.5)->day, 0);
	/* due tomorrow, with room tomorrow: tomorrow */
	assert_int_equal(find(v, 5, "api.pagination", 0.6)->day, 1);
	/* due today and no room left today: the earliest later day with room */
	assert_int_equal(find(v, 5, "api.idempotent-writes", 0.7)->day, 2);
	for (int d = 0; d < 3; d++)
		assert_true(p.load[d] <= room[d]);
	pace_plan_free(&p);
}

/* Today, built from the same numbers it says */

static void plan_of(app_day *t, int64_t start, int64_t interview, int minutes, int new_cap)
{
	memset(t, 0, sizeof(*t));
	t->plan.interview = interview;
	t->plan.daily_minutes = minutes;
	t->plan.new_from_config = t->plan.new_capped = new_cap >= 0;
	plan_calendar_make(start, interview, &t->plan.cal);
	plan_position(&t->plan.cal, NOW / DAY, &t->plan.pos);
	plan_targets_make(NULL, NULL, t->plan.pos.week, minutes, new_cap, &t->plan.tg);
}

static app_day_input input(const sched *s, const store_card *cards, size_t n)
{
	return (app_day_input){ .cat = g_cat, .cards = cards, .n_cards = n, .sp = s, .now = NOW };
}

static size_t news(const queue *q)
{
	return q->n - q->reviews;
}

static void test_today_never_promises_more_than_fits(void **state)
{
	fsrs_params base;
	sched s;
	app_day t;
	app_day_input in;
	int reach, target;
	char want[64];

	(void)state;
	fsrs_params_default(&base);
	sched_make(&base, NULL, &s);
	in = input(&s, NULL, 0);
	/* ten days behind a plan of 8 a day with 10 minutes a day: it cannot be done */
	plan_of(&t, NOW / DAY - 10, NOW / DAY + 18, 10, -1);
	assert_int_equal(app_day_build(&in, &t), 0);
	assert_int_equal(t.behind, 80);
	assert_false(t.reach.feasible);
	assert_true(t.reach.reach < t.reach.target);
	assert_true(t.reach.reach_more >= t.reach.reach);
	/* the message carries the projection's numbers */
	sscanf(strstr(t.pace_msg, "reach about"), "reach about %d of the plan's %d", &reach, &target);
	assert_int_equal(reach, t.reach.reach);
	assert_int_equal(target, t.reach.target);
	snprintf(want, sizeof(want), "%d min a day reaches %d.", 10 + APP_MORE_MINUTES,
		 t.reach.reach_more);
	assert_non_null(strstr(t.pace_msg, want));
	assert_true(t.pace_bad);
	/* the catch-up promised is what today's queue holds beyond the plan's own number */
	assert_true(t.extra_new <= (int)news(&t.q));
	assert_true(t.q.minutes <= 10 + 1e-9 || t.q.n == 1);
	app_day_free(&t);

	/* with config.yaml's cap, never more new questions than it allows */
	plan_of(&t, NOW / DAY, NOW / DAY + 28, 600, 2);
	assert_int_equal(app_day_build(&in, &t), 0);
	assert_int_equal(news(&t.q), 2);
	assert_int_equal(t.new_per_day, 2);
	app_day_free(&t);

	/* without it, the minutes are the limit: everything the plan opens fits in 600 */
	plan_of(&t, NOW / DAY, NOW / DAY + 28, 600, -1);
	assert_int_equal(app_day_build(&in, &t), 0);
	assert_int_equal(news(&t.q), t.q.new_available);
	assert_true(t.reach.feasible);
	assert_string_equal(t.pace_msg, ""); /* on track: nothing to say */
	app_day_free(&t);
}

/* The day before the interview with more last reviews than minutes: Today says how many
 * cannot be done and where, from the placement's own count. */
static void test_reviews_that_cannot_be_done_before_the_interview(void **state)
{
	static const char *const ids[] = { "api.parse-query", "api.status-codes",
					   "api.idempotent-writes", "api.latency-spike",
					   "api.pagination" };
	store_card cards[5];
	fsrs_params base;
	sched s;
	app_day t;
	app_day_input in;
	char want[160];

	(void)state;
	fsrs_params_default(&base);
	sched_make(&base, NULL, &s);
	for (int i = 0; i < 5; i++) { /* seen 30 days ago, stability 3: recall near 0.6 */
		memset(&cards[i], 0, sizeof(cards[i]));
		snprintf(cards[i].item, sizeof(cards[i].item), "%s", ids[i]);
		cards[i].rev = item(ids[i])->rev;
		cards[i].state = FSRS_REVIEW;
		cards[i].stability = 3;
		cards[i].difficulty = 5;
		cards[i].last_review = cards[i].introduced = NOW - 30 * DAY;
		cards[i].due = NOW - 27 * DAY;
	}
	in = input(&s, cards, 5);
	plan_of(&t, NOW / DAY - 27, NOW / DAY + 1, 5, -1);
	assert_int_equal(app_day_build(&in, &t), 0);
	assert_true(t.q.pace.unplaced > 0);
	assert_true(t.q.minutes <= 5 + 1e-9);
	assert_int_equal(t.q.reviews + t.q.pace.unplaced, 5);
	snprintf(want, sizeof(want), "%zu review%s (%.0f min) cannot be done before the interview",
		 t.q.pace.unplaced, t.q.pace.unplaced == 1 ? "" : "s", t.q.pace.unplaced_minutes);
	assert_non_null(strstr(t.backlog_msg, want));
	snprintf(want, sizeof(want), "api %d.", t.q.pace.unplaced_by_area[AREA_API]);
	assert_non_null(strstr(t.backlog_msg, want));
	app_day_free(&t);
}

/* The questions the guide names come first in their area, before lower weeks and levels. */
static void test_guide_questions_first(void **state)
{
	bp_item a = { .id = "api.a", .area = AREA_API, .week = 1, .level = 1, .minutes = 2 };
	bp_item b = { .id = "api.b", .area = AREA_API, .week = 2, .level = 3, .minutes = 30,
		      .guide = true };
	bp_item c = { .id = "coding.c", .area = AREA_CODING, .week = 1, .level = 1, .minutes = 5,
		      .guide = true };

	(void)state;
	assert_true(queue_intro_order(&b, &a) < 0);
	assert_true(queue_intro_order(&a, &b) > 0);
	b.guide = false; /* then the week, the level, the shorter */
	assert_true(queue_intro_order(&a, &b) < 0);
	a.week = b.week, a.level = b.level;
	assert_true(queue_intro_order(&a, &b) < 0);
	/* areas stay grouped */
	assert_true(queue_intro_order(&c, &a) != 0 &&
		    (queue_intro_order(&c, &a) < 0) == (AREA_CODING < AREA_API));
}

/* The plan starts on the first answer, however it was recorded. */
static void test_plan_starts_on_the_first_answer(void **state)
{
	char content[128], conf[128];
	const char *root = getenv("BACKPREP_FIXTURES");
	char cmd[512];
	app_opts o = { 0 };
	store_review r = review_of("api.pagination", 300);
	store_card c = { .rev = 1, .state = FSRS_REVIEW, .stability = 3, .difficulty = 5 };
	bp_app app;
	app_plan p;
	bp_error e;
	char buf[32];

	(void)state;
	snprintf(content, sizeof(content), "%s/content", fixture_dir);
	snprintf(conf, sizeof(conf), "%s/config", fixture_dir);
	snprintf(cmd, sizeof(cmd), "mkdir -p %s %s && cp %s/packs/good.yaml %s/", content, conf,
		 root && *root ? root : "tests/fixtures", content);
	assert_int_equal(system(cmd), 0);
	setenv("XDG_CONFIG_HOME", conf, 1);
	o.db = fixture_db;
	o.content[o.n_content++] = content;
	assert_int_equal(app_open(&app, &o, &e), 0);
	/* an answer recorded a week ago without the interface (as an import does) */
	r.at = NOW - 7 * DAY;
	snprintf(c.item, sizeof(c.item), "api.pagination");
	c.introduced = c.last_review = r.at;
	c.due = NOW;
	assert_int_equal(store_record(app.st, &r, &c, &e), 0);
	assert_int_equal(app_plan_load(&app, NOW / DAY, &p, &e), 0);
	assert_int_equal(p.pos.day, 8);
	assert_false(p.first_run);
	assert_int_equal(store_setting_get(app.st, "plan_start", buf, sizeof(buf), &e), 1);
	assert_string_equal(buf, "2026-11-22");
	/* once set, it stays: the next day is day 9 */
	assert_int_equal(app_plan_load(&app, NOW / DAY + 1, &p, &e), 0);
	assert_int_equal(p.pos.day, 9);
	/* a first run before the import of an older history: the earlier answer wins */
	assert_int_equal(store_setting_set(app.st, "plan_start", "2026-11-27", &e), 0);
	assert_int_equal(app_plan_load(&app, NOW / DAY, &p, &e), 0);
	assert_int_equal(p.pos.day, 8);
	/* but a start chosen with plan --start stays where it was put */
	assert_int_equal(app_set_plan_start(&app, NOW / DAY - 2, &e), 0);
	assert_int_equal(app_plan_load(&app, NOW / DAY, &p, &e), 0);
	assert_int_equal(p.pos.day, 3);
	app_close(&app);
}

#define D(f) cmocka_unit_test_setup_teardown(f, fixture_dir_setup, fixture_dir_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_estimate_prior_without_answers),
		cmocka_unit_test(test_estimate_converges_to_the_measured_ratio),
		cmocka_unit_test(test_estimate_clips_walked_away_answers),
		cmocka_unit_test(test_steps_by_kind_defaults),
		cmocka_unit_test(test_long_question_does_not_come_back_today),
		D(test_steps_by_kind_from_config),
		cmocka_unit_test(test_pace_latest_day_that_fits_riskiest_first),
		cmocka_unit_test(test_pace_backlog_moves_forward_and_overflow_is_counted),
		cmocka_unit_test(test_today_never_promises_more_than_fits),
		cmocka_unit_test(test_reviews_that_cannot_be_done_before_the_interview),
		cmocka_unit_test(test_guide_questions_first),
		D(test_plan_starts_on_the_first_answer),
	};

	return cmocka_run_group_tests(tests, setup_group, teardown_group);
}
