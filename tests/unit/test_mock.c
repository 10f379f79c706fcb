/*
 * Tests of src/engine/mock*.c: the readiness rule and trends on fixture histories, the grade a
 * mock segment gives its question, the clock of a segment, how questions are drawn for a
 * template, and a round taken through a real store (scored, left, resumed, discarded).
 *
 * The catalog is tests/fixtures/mock: rubrics `design` (scope, tradeoffs) and `debugging`
 * (triage, mitigation); the template `quick-3` (API design: api, open, level 2, 2 minutes,
 * phases 1 + 1, a twist at minute 1; Incident: debugging, scenario, level 2, 1 minute); the
 * items api.rate-limit-design and api.webhook-delivery (open, level 2, 4 key points) and
 * debugging.queue-backlog (scenario, level 2, steps of 3, 2 and 3 expected points).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "backprep/catalog.h"
#include "backprep/clock.h"
#include "backprep/mock.h"
#include "backprep/store.h"
#include "backprep/store_mock.h"
#include "fixture.h"

static const char NOW_ISO[] = "2026-11-29T08:00:00Z";

static catalog *g_cat;
static fsrs_params g_params;
static sched g_sched;

static int setup_group(void **state)
{
	bp_error e;

	(void)state;
	if (!(g_cat = fixture_catalog("mock", 3)) || catalog_mock_count(g_cat) != 1)
		return -1;
	fsrs_params_default(&g_params);
	g_params.fuzz = false;
	sched_make(&g_params, NULL, &g_sched);
	setenv("BACKPREP_NOW", NOW_ISO, 1);
	unsetenv("BACKPREP_MOCK_SPEED");
	return clock_init(&e);
}

static int teardown_group(void **state)
{
	(void)state;
	catalog_free(g_cat);
	unsetenv("BACKPREP_NOW");
	return 0;
}

/* Fixture histories: rounds with their scores on up to three dimensions. */

enum { DIMS = 3 };

typedef struct fixture {
	mock_summary s;
	mock_taken rounds[8];
	mock_dimension dims[DIMS];
	double cell[8 * DIMS];
} fixture;

/* Round r of the history (oldest first): finished or not, and its score on each dimension
 * (0: not scored). */
static void add(fixture *f, bool finished, double a, double b, double c)
{
	size_t r = f->s.n_rounds++;

	f->rounds[r] = (mock_taken){ .id = (int64_t)r + 1, .finished = finished ? 1 : 0 };
	f->cell[r * DIMS + 0] = a;
	f->cell[r * DIMS + 1] = b;
	f->cell[r * DIMS + 2] = c;
}

static void history(fixture *f)
{
	static const char *const ids[DIMS] = { "scope", "tradeoffs", "triage" };

	memset(f, 0, sizeof(*f));
	for (int k = 0; k < DIMS; k++) {
		snprintf(f->dims[k].rubric, sizeof(f->dims[k].rubric), k < 2 ? "design" : "debugging");
		snprintf(f->dims[k].id, sizeof(f->dims[k].id), "%s", ids[k]);
		f->dims[k].title = ids[k];
		f->dims[k].rubric_title = f->dims[k].rubric;
	}
	f->s.rounds = f->rounds;
	f->s.dims = f->dims;
	f->s.n_dims = DIMS;
	f->s.cell = f->cell;
}

static mock_ready ready_of(fixture *f)
{
	mock_ready rd;

	mock_readiness(&f->s, &rd);
	return rd;
}

static void test_no_rounds_is_not_ready(void **state)
{
	fixture f;
	mock_ready rd;

	(void)state;
	history(&f);
	rd = ready_of(&f);
	assert_false(rd.ready);
	assert_int_equal(rd.counted, 0);
	assert_int_equal(rd.n_held, 0);
}

static void test_two_good_rounds_are_not_enough(void **state)
{
	fixture f;
	mock_ready rd;

	(void)state;
	history(&f);
	add(&f, true, 3, 4, 3);
	add(&f, true, 4, 3, 3);
	rd = ready_of(&f);
	assert_false(rd.ready);
	assert_int_equal(rd.counted, 2);
	assert_int_equal(rd.n_held, 0);
}

static void test_three_rounds_of_three_or_more_are_ready(void **state)
{
	fixture f;

	(void)state;
	history(&f);
	add(&f, true, 3, 4, 3);
	add(&f, true, 4, 3, 0); /* a round without the incident: only what it scored counts */
	add(&f, true, 3, 3, 3.5);
	assert_true(ready_of(&f).ready);
}

static void test_one_low_dimension_holds_it_back(void **state)
{
	fixture f;
	mock_ready rd;

	(void)state;
	history(&f);
	add(&f, true, 3, 4, 3);
	add(&f, true, 4, 2.5, 3); /* two segments of one round: 2 and 3, mean 2.5 */
	add(&f, true, 3, 3, 3);
	rd = ready_of(&f);
	assert_false(rd.ready);
	assert_int_equal(rd.n_held, 1);
	assert_int_equal(rd.held[0], 1);
	assert_true(rd.lowest[0] == 2.5);
}

static void test_only_the_last_three_finished_rounds_count(void **state)
{
	fixture f;

	(void)state;
	history(&f);
	add(&f, true, 1, 1, 1); /* long ago */
	add(&f, true, 3, 3, 3);
	add(&f, true, 3, 4, 3);
	add(&f, false, 1, 0, 0); /* unfinished, left midway: not counted */
	add(&f, true, 4, 3, 3);
	assert_true(ready_of(&f).ready);
	assert_int_equal(ready_of(&f).finished, 4);
	assert_int_equal(ready_of(&f).counted, 3);
}

static void test_held_back_lowest_first(void **state)
{
	fixture f;
	mock_ready rd;

	(void)state;
	history(&f);
	add(&f, true, 2, 3, 1);
	add(&f, true, 2.5, 1.5, 3);
	add(&f, true, 3, 3, 3);
	rd = ready_of(&f);
	assert_false(rd.ready);
	assert_int_equal(rd.n_held, 3);
	assert_int_equal(rd.held[0], 2); /* triage 1 */
	assert_int_equal(rd.held[1], 1); /* tradeoffs 1.5 */
	assert_int_equal(rd.held[2], 0); /* scope 2 */
	assert_true(rd.lowest[0] == 1 && rd.lowest[1] == 1.5 && rd.lowest[2] == 2);
}

static void test_trend_over_finished_rounds(void **state)
{
	fixture f;
	double v[8];

	(void)state;
	history(&f);
	add(&f, true, 2, 3, 0);
	add(&f, false, 1, 1, 1);
	add(&f, true, 3, 3, 0);
	add(&f, true, 4, 2, 2);
	assert_int_equal(mock_trend(&f.s, 0, v, 8), 3);
	assert_true(v[0] == 2 && v[1] == 3 && v[2] == 4);
	assert_string_equal(mock_trend_word(v, 3), "up");
	assert_int_equal(mock_trend(&f.s, 1, v, 8), 3);
	assert_string_equal(mock_trend_word(v, 3), "down");
	assert_int_equal(mock_trend(&f.s, 2, v, 8), 1);
	assert_string_equal(mock_trend_word(v, 1), "first");
	v[0] = 3;
	v[1] = 3.2;
	assert_string_equal(mock_trend_word(v, 2), "steady");
	assert_string_equal(mock_trend_word(v, 0), "none");
}

static void test_grade_of_a_segment(void **state)
{
	(void)state;
	/* a mean under 2.5, or under half the key points: a lapse */
	assert_int_equal(mock_grade(2.4, 4, 4), FSRS_AGAIN);
	assert_int_equal(mock_grade(4, 1, 4), FSRS_AGAIN);
	assert_int_equal(mock_grade(2.5, 2, 4), FSRS_HARD);
	assert_int_equal(mock_grade(3.5, 2, 4), FSRS_HARD);
	assert_int_equal(mock_grade(2.9, 4, 4), FSRS_HARD);
	assert_int_equal(mock_grade(3, 3, 4), FSRS_GOOD);
	assert_int_equal(mock_grade(4, 4, 4), FSRS_GOOD);
	/* without key points, the rubric alone; without a rubric, the key points alone */
	assert_int_equal(mock_grade(3, 0, 0), FSRS_GOOD);
	assert_int_equal(mock_grade(2, 0, 0), FSRS_AGAIN);
	assert_int_equal(mock_grade(0, 3, 4), FSRS_GOOD);
	assert_int_equal(mock_grade(0, 1, 4), FSRS_AGAIN);
}

static void test_clock_of_a_segment(void **state)
{
	const bp_segment *g = &catalog_mock(g_cat, 0)->segments[0];
	mock_clock c;

	(void)state;
	mock_clock_at(g, NULL, g->minutes, 30000, &c);
	assert_int_equal(c.left_ms, 90000);
	assert_int_equal(c.phase, 0);
	assert_int_equal(c.phase_left_ms, 30000);
	assert_false(c.twist);
	/* at the minute of the twist, the second phase begins */
	mock_clock_at(g, NULL, g->minutes, 60000, &c);
	assert_int_equal(c.phase, 1);
	assert_int_equal(c.phase_left_ms, 60000);
	assert_true(c.twist);
	/* over time: the last phase, with negative time left */
	mock_clock_at(g, NULL, g->minutes, 125000, &c);
	assert_int_equal(c.left_ms, -5000);
	assert_int_equal(c.phase, 1);
	assert_int_equal(c.phase_left_ms, -5000);
	/* a segment without phases or a twist */
	g = &catalog_mock(g_cat, 0)->segments[1];
	mock_clock_at(g, NULL, g->minutes, 1000, &c);
	assert_int_equal(c.phase, -1);
	assert_false(c.twist);
}

/* Question drawing */

static bp_segment seg(bp_area area, int kind, int level)
{
	return (bp_segment){ .title = "S", .area = area, .kind = kind, .level = level,
			     .minutes = 5, .rubric = "design", .twist_at = -1 };
}

static void test_draw_by_area_kind_and_level(void **state)
{
	const bp_mock *tpl = catalog_mock(g_cat, 0);
	const bp_item *out[2];
	bp_rng rng;
	bp_error e;

	(void)state;
	rng_seed(&rng, 7);
	assert_int_equal(mock_pick(g_cat, tpl, NULL, NULL, 0, &rng, out, &e), 0);
	assert_int_equal(out[0]->area, AREA_API);
	assert_int_equal(out[0]->kind, KIND_OPEN);
	assert_string_equal(out[1]->id, "debugging.queue-backlog");
}

static void test_draw_prefers_questions_not_yet_used(void **state)
{
	const bp_mock *tpl = catalog_mock(g_cat, 0);
	const char *used[] = { "api.rate-limit-design", "debugging.queue-backlog" };
	int once[] = { 1, 1 }, twice[] = { 2, 1 };
	const char *both[] = { "api.rate-limit-design", "api.webhook-delivery" };
	const bp_item *out[2];
	bp_rng rng;
	bp_error e;

	(void)state;
	for (uint64_t seed = 1; seed <= 20; seed++) {
		rng_seed(&rng, seed);
		assert_int_equal(mock_pick(g_cat, tpl, used, once, 2, &rng, out, &e), 0);
		assert_string_equal(out[0]->id, "api.webhook-delivery");
		/* the only incident, used or not */
		assert_string_equal(out[1]->id, "debugging.queue-backlog");
		/* both used: the one used least */
		assert_int_equal(mock_pick(g_cat, tpl, both, twice, 2, &rng, out, &e), 0);
		assert_string_equal(out[0]->id, "api.webhook-delivery");
	}
}

static void test_draw_relaxes_level_then_kind_then_area(void **state)
{
	bp_segment s[3] = { seg(AREA_API, KIND_OPEN, 3), seg(AREA_SCALE, KIND_OPEN, 2),
			    seg(AREA_DEBUGGING, -1, 0) };
	bp_segment coding[1] = { seg(AREA_API, KIND_CODING, 2) };
	bp_mock tpl = { .id = "t", .title = "T", .minutes = 15, .segments = s, .n_segments = 3 };
	const bp_item *out[3];
	bp_error e;

	(void)state;
	assert_int_equal(mock_pick(g_cat, &tpl, NULL, NULL, 0, NULL, out, &e), 0);
	/* no level 3: the nearest level */
	assert_int_equal(out[0]->area, AREA_API);
	assert_int_equal(out[0]->level, 2);
	/* no scale question: the same kind from another area, never twice in a round */
	assert_int_equal(out[1]->area, AREA_API);
	assert_int_equal(out[1]->kind, KIND_OPEN);
	assert_true(out[1] != out[0]);
	/* any kind */
	assert_string_equal(out[2]->id, "debugging.queue-backlog");
	/* no coding question in the area: another kind of it */
	tpl.segments = coding;
	tpl.n_segments = 1;
	assert_int_equal(mock_pick(g_cat, &tpl, NULL, NULL, 0, NULL, out, &e), 0);
	assert_int_equal(out[0]->area, AREA_API);
	assert_int_equal(out[0]->kind, KIND_OPEN);
}

static void test_draw_without_any_question_is_an_error(void **state)
{
	bp_segment s[1] = { seg(AREA_BEHAVIORAL, KIND_OPEN, 1) };
	bp_mock tpl = { .id = "stories", .title = "S", .minutes = 5, .segments = s,
			.n_segments = 1 };
	const bp_item *out[1];
	bp_error e;

	(void)state;
	assert_int_equal(mock_pick(g_cat, &tpl, NULL, NULL, 0, NULL, out, &e), -1);
	assert_non_null(strstr(e.msg, "no question in the content for segment 'S' (behavioral)"));
}

/* A round through a real store */

typedef struct reviews {
	int n;
	char item[4][64];
	int grade[4], covered[4], points[4];
	char source[4][8];
} reviews;

static int on_review(void *ctx, const store_review *r)
{
	reviews *v = ctx;

	if (v->n < 4) {
		snprintf(v->item[v->n], sizeof(v->item[0]), "%s", r->item);
		snprintf(v->source[v->n], sizeof(v->source[0]), "%s", r->source);
		v->grade[v->n] = r->grade;
		v->covered[v->n] = r->covered;
		v->points[v->n] = r->points;
	}
	v->n++;
	return 0;
}

static store *open_store(void)
{
	store *st;
	bp_error e;

	assert_int_equal(store_open(fixture_db, 0, &st, &e), 0);
	return st;
}

/* Scores the current segment's dimensions with `score` each. */
static void score_all(mock_round *r, int score)
{
	bp_error e;
	int n = mock_dims(r);

	for (int k = 0; k < n; k++)
		assert_int_equal(mock_score(r, score, "said so", &e), 0);
}

static void test_round_scored_records_reviews(void **state)
{
	store *st = open_store();
	bp_rng rng;
	bp_error e;
	mock_round *r;
	reviews v = { 0 };
	mock_summary s;
	store_card c;
	bool found;
	char first[STORE_ID_MAX];

	(void)state;
	rng_seed(&rng, 1);
	r = mock_start(st, g_cat, &g_sched, &rng, catalog_mock(g_cat, 0), &e);
	assert_non_null(r);
	assert_int_equal(mock_stage_of(r), MOCK_RUN);
	assert_false(mock_paused(r));
	snprintf(first, sizeof(first), "%s", mock_segment(r, 0)->item_id);

	/* API design: one key point of four, scores of 2: a lapse */
	assert_int_equal(mock_set_notes(r, "outbox, then retries", &e), 0);
	assert_int_equal(mock_end_segment(r, &e), 0);
	assert_int_equal(mock_stage_of(r), MOCK_POINTS);
	assert_int_equal(mock_points(r), 4);
	mock_toggle(r, 2);
	assert_int_equal(mock_covered(r), 1);
	assert_int_equal(mock_to_score(r, &e), 0);
	assert_int_equal(mock_dims(r), 2);
	assert_int_equal(mock_score(r, 2, "missed the numbers", &e), 0);
	assert_int_equal(mock_dim(r), 1);
	mock_unscore(r); /* back, and scored again */
	assert_int_equal(mock_dim(r), 0);
	score_all(r, 2);
	assert_int_equal(mock_last_saved(r)->pos, 0);
	assert_true(mock_last_saved(r)->lapse);
	assert_int_equal(mock_last_saved(r)->grade, FSRS_AGAIN);

	/* the incident, walked while the clock runs; scored well */
	assert_int_equal(mock_current(r), 1);
	assert_int_equal(mock_stage_of(r), MOCK_RUN);
	assert_int_equal(mock_points(r), 8);
	assert_true(mock_advance(r));
	mock_toggle(r, 0);
	mock_toggle(r, 1);
	mock_toggle(r, 2);
	assert_true(mock_advance(r)); /* step 2 */
	assert_true(mock_advance(r));
	mock_toggle(r, 0);
	mock_toggle(r, 1);
	assert_int_equal(mock_end_segment(r, &e), 0);
	assert_true(mock_advance(r)); /* step 3, after the clock */
	assert_true(mock_advance(r));
	mock_toggle(r, 0);
	assert_int_equal(mock_covered(r), 6);
	assert_int_equal(mock_to_score(r, &e), 0);
	score_all(r, 3);
	assert_int_equal(mock_stage_of(r), MOCK_DONE);
	assert_true(mock_finished(r) > 0);
	assert_int_equal(mock_last_saved(r)->grade, FSRS_GOOD);
	mock_close(r);

	assert_int_equal(store_reviews(st, NULL, on_review, &v, &e), 0);
	assert_int_equal(v.n, 2);
	for (int i = 0; i < 2; i++) {
		assert_string_equal(v.source[i], "mock");
		if (strcmp(v.item[i], first) == 0) {
			assert_int_equal(v.grade[i], FSRS_AGAIN);
			assert_int_equal(v.covered[i], 1);
			assert_int_equal(v.points[i], 4);
		} else {
			assert_string_equal(v.item[i], "debugging.queue-backlog");
			assert_int_equal(v.grade[i], FSRS_GOOD);
			assert_int_equal(v.covered[i], 6);
			assert_int_equal(v.points[i], 8);
		}
	}
	/* the lapse goes through the scheduler: due again within minutes */
	assert_int_equal(store_card_get(st, first, &c, &found, &e), 0);
	assert_true(found);
	assert_true(c.due - clock_now() <= 10 * 60);

	/* history: one finished round, four dimensions, not ready */
	assert_int_equal(mock_summary_load(st, g_cat, &s, &e), 0);
	assert_int_equal(s.n_rounds, 1);
	assert_int_equal(s.n_dims, 4);
	assert_string_equal(s.dims[0].title, "Requirements and scope");
	assert_true(mock_cell(&s, 0, 0) == 2 && mock_cell(&s, 0, 3) == 3);
	assert_true(s.rounds[0].mean == 2.5);
	mock_summary_free(&s);

	/* opened again to read: everything as it was scored */
	r = mock_open(st, g_cat, &g_sched, &rng, 1, &e);
	assert_non_null(r);
	assert_int_equal(mock_stage_of(r), MOCK_DONE);
	assert_string_equal(mock_segment(r, 0)->notes, "outbox, then retries");
	assert_int_equal(mock_segment(r, 0)->n_marks, 2);
	assert_string_equal(mock_segment(r, 0)->marks[0].evidence, "said so");
	assert_int_equal(mock_segment(r, 0)->grade, FSRS_AGAIN);
	assert_int_equal(mock_segment(r, 1)->covered, 6);
	mock_close(r);

	/* the next round prefers the design question not used yet */
	r = mock_start(st, g_cat, &g_sched, &rng, catalog_mock(g_cat, 0), &e);
	assert_non_null(r);
	assert_string_not_equal(mock_segment(r, 0)->item_id, first);
	mock_close(r);
	store_close(st);
}

static void test_round_left_resumed_and_discarded(void **state)
{
	store *st = open_store();
	bp_rng rng;
	bp_error e;
	mock_round *r;
	reviews v = { 0 };
	mock_summary s;
	int64_t id;

	(void)state;
	rng_seed(&rng, 2);
	r = mock_start(st, g_cat, &g_sched, &rng, catalog_mock(g_cat, 0), &e);
	assert_non_null(r);
	id = mock_id(r);
	assert_int_equal(mock_end_segment(r, &e), 0);
	assert_int_equal(mock_to_score(r, &e), 0);
	score_all(r, 4);
	assert_int_equal(mock_current(r), 1);
	assert_int_equal(mock_set_notes(r, "queue age", &e), 0);
	mock_close(r); /* left midway */

	/* resumed at the unscored segment, its clock paused, the notes kept */
	r = mock_open(st, g_cat, &g_sched, &rng, id, &e);
	assert_non_null(r);
	assert_int_equal(mock_finished(r), 0);
	assert_int_equal(mock_current(r), 1);
	assert_int_equal(mock_stage_of(r), MOCK_RUN);
	assert_true(mock_paused(r));
	assert_string_equal(mock_segment(r, 1)->notes, "queue age");
	assert_true(mock_segment(r, 0)->scored);
	assert_int_equal(mock_pause(r, false, &e), 0);
	assert_false(mock_paused(r));
	/* the clock stopped for scoring, then left: it resumes at the key points */
	assert_int_equal(mock_end_segment(r, &e), 0);
	mock_close(r);
	r = mock_open(st, g_cat, &g_sched, &rng, id, &e);
	assert_int_equal(mock_stage_of(r), MOCK_POINTS);
	mock_close(r);

	assert_int_equal(mock_summary_load(st, g_cat, &s, &e), 0);
	assert_int_equal(s.n_rounds, 1);
	assert_int_equal(s.rounds[0].finished, 0);
	assert_int_equal(s.rounds[0].scored, 1);
	assert_int_equal(s.rounds[0].segments, 2);
	mock_summary_free(&s);

	/* discarded: the round goes, the answer it recorded stays in the log */
	assert_int_equal(mock_discard(st, id, &e), 0);
	assert_int_equal(mock_summary_load(st, g_cat, &s, &e), 0);
	assert_int_equal(s.n_rounds, 0);
	assert_int_equal(s.n_dims, 0);
	mock_summary_free(&s);
	assert_int_equal(store_reviews(st, NULL, on_review, &v, &e), 0);
	assert_int_equal(v.n, 1);
	assert_null(mock_open(st, g_cat, &g_sched, &rng, id, &e));
	store_close(st);
}

int main(void)
{
#define D(f) cmocka_unit_test_setup_teardown(f, fixture_dir_setup, fixture_dir_teardown)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_rounds_is_not_ready),
		cmocka_unit_test(test_two_good_rounds_are_not_enough),
		cmocka_unit_test(test_three_rounds_of_three_or_more_are_ready),
		cmocka_unit_test(test_one_low_dimension_holds_it_back),
		cmocka_unit_test(test_only_the_last_three_finished_rounds_count),
		cmocka_unit_test(test_held_back_lowest_first),
		cmocka_unit_test(test_trend_over_finished_rounds),
		cmocka_unit_test(test_grade_of_a_segment),
		cmocka_unit_test(test_clock_of_a_segment),
		cmocka_unit_test(test_draw_by_area_kind_and_level),
		cmocka_unit_test(test_draw_prefers_questions_not_yet_used),
		cmocka_unit_test(test_draw_relaxes_level_then_kind_then_area),
		cmocka_unit_test(test_draw_without_any_question_is_an_error),
		D(test_round_scored_records_reviews),
		D(test_round_left_resumed_and_discarded),
	};

	return cmocka_run_group_tests(tests, setup_group, teardown_group);
}
