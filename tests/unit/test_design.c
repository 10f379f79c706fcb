/*
 * Tests of the design kind (issue 14): the loader reads a full design's phases and twists
 * and refuses a malformed one at its file:line:col; `validate --strict` holds it to 6-8
 * phases of 3-6 key points and an answer, 2 pitfalls and follow-ups, a twist and 35-45
 * minutes; a mock segment draws only designs, runs the question's own phases and shows the
 * question's twist (a template's only when it is generic); week 4 suggests a mock round.
 *
 * The catalog is tests/fixtures/design: design.paste-service (6 phases, 35 minutes, a twist
 * at 20) and design.contacts-sync (8 phases, 45 minutes, a twist at 30), and the template
 * design-45 (one 45-minute segment of kind design whose twist, about payments, is not
 * generic).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "backprep/app.h"
#include "backprep/catalog.h"
#include "backprep/clock.h"
#include "backprep/mock.h"
#include "backprep/queue.h"
#include "backprep/store.h"
#include "fixture.h"

static catalog *g_cat;

static int setup_group(void **state)
{
	bp_error e;

	(void)state;
	if (!(g_cat = fixture_catalog("design", 2)) || catalog_mock_count(g_cat) != 1)
		return -1;
	setenv("BACKPREP_NOW", "2026-11-29T08:00:00Z", 1);
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

/* The fixture pack's text, read whole. */
static char *fixture_text(void)
{
	const char *root = getenv("BACKPREP_FIXTURES");
	char path[512];
	FILE *fp;
	long n;
	char *s;

	snprintf(path, sizeof(path), "%s/design/design.yaml", root && *root ? root : "tests/fixtures");
	fp = fopen(path, "rb");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	rewind(fp);
	s = malloc((size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, fp), (size_t)n);
	s[n] = '\0';
	fclose(fp);
	return s;
}

/* text with its first `from` replaced by `to` (a new string). */
static char *replaced(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	size_t head, n;
	char *s;

	if (!at)
		fail_msg("the fixture has no '%s'", from);
	head = (size_t)(at - text);
	n = strlen(text) - strlen(from) + strlen(to);
	s = malloc(n + 1);
	assert_non_null(s);
	memcpy(s, text, head);
	memcpy(s + head, to, strlen(to));
	strcpy(s + head + strlen(to), at + strlen(from));
	return s;
}

/* The line and column (1-based) of the first `needle` in text. */
static void where(const char *text, const char *needle, int *line, int *col)
{
	const char *at = strstr(text, needle), *bol = text;

	assert_non_null(at);
	*line = 1;
	for (const char *p = text; p < at; p++)
		if (*p == '\n') {
			++*line;
			bol = p + 1;
		}
	*col = (int)(at - bol) + 1;
}

typedef struct loaded {
	char dir[64], path[128];
	catalog *cat;
	bp_diags diags;
} loaded;

static void load_text(loaded *l, const char *text)
{
	const char *paths[1];
	FILE *fp;

	memset(l, 0, sizeof(*l));
	assert_int_equal(fixture_tmp_make(l->dir, sizeof(l->dir), "bp-design"), 0);
	snprintf(l->path, sizeof(l->path), "%s/design.yaml", l->dir);
	fp = fopen(l->path, "wb");
	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	paths[0] = l->path;
	assert_int_equal(catalog_load(paths, 1, &l->cat, &l->diags), 0);
}

static void unload(loaded *l)
{
	catalog_free(l->cat);
	bp_diags_free(&l->diags);
	fixture_tmp_remove(l->dir);
}

static void print_diags(const bp_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "  %s:%d:%d: %s\n", d->v[i].file, d->v[i].line, d->v[i].col,
			d->v[i].msg);
}

/* The loader */

static void test_design_item_loads_with_its_phases(void **state)
{
	const bp_item *it = catalog_find(g_cat, "design.contacts-sync");
	const bp_item *ps = catalog_find(g_cat, "design.paste-service");

	(void)state;
	assert_non_null(it);
	assert_non_null(ps);
	assert_int_equal(it->kind, KIND_DESIGN);
	assert_int_equal(it->area, AREA_SCALE);
	assert_string_equal(kind_name(it->kind), "design");
	assert_int_equal(it->minutes, 45);
	assert_int_equal(it->n_steps, 8);
	assert_string_equal(it->steps[0].title, "Requirements and scope");
	assert_int_equal(it->steps[0].minutes, 5);
	assert_string_equal(it->steps[7].title, "Operability");
	assert_int_equal(it->steps[5].expect.n, 3);
	assert_string_equal(it->steps[5].expect.v[0], "Merge by field, not by whole contact");
	assert_non_null(strstr(it->steps[5].answer, "field by field"));
	assert_non_null(strstr(it->steps[2].ask, "What does a device call"));
	/* key points and the answer are the phases', not the item's */
	assert_int_equal(it->key_points.n, 0);
	assert_null(it->answer);
	assert_int_equal(it->pitfalls.n, 2);
	assert_int_equal(it->n_twists, 1);
	assert_int_equal(it->twists[0].at, 30);
	assert_non_null(strstr(it->twists[0].text, "Two devices edit the same contact"));
	assert_int_equal(ps->n_steps, 6);
	assert_int_equal(ps->twists[0].at, 20);
}

static void test_design_fixture_passes_strict(void **state)
{
	bp_diags q = { 0 };

	(void)state;
	catalog_check_quality(g_cat, &q);
	if (q.n)
		print_diags(&q);
	assert_int_equal(q.n, 0);
	bp_diags_free(&q);
}

typedef struct bad_case {
	const char *from, *to; /* the fixture with `from` replaced by `to` */
	const char *at;        /* where the error points: the first occurrence in the result */
	const char *words;
} bad_case;

static void test_malformed_designs_fail_at_their_place(void **state)
{
	static const bad_case cases[] = {
		{ "    minutes: 35\n", "    minutes: 36\n", "36\n",
		  "says 36 minutes but its phases add up to 35" },
		{ "      - title: Estimation\n        minutes: 5",
		  "      - title: Estimate\n        minutes: 5", "Estimate\n",
		  "unknown phase 'Estimate' in item 'design.paste-service'" },
		{ "      - title: API\n        minutes: 5\n        ask: |\n          What does the API",
		  "      - title: Data model\n        minutes: 5\n        ask: |\n          What does "
		  "the API",
		  "Data model\n        minutes: 5\n        ask: |\n          Where do the texts",
		  "phase 'Data model' in item 'design.paste-service' comes after 'Data model'" },
		{ "      - at: 20\n", "      - at: 35\n", "35\n        text: Pastes",
		  "a twist of item 'design.paste-service' is at minute 35; it must fall inside" },
		{ "    hints:\n      - How many reads",
		  "    answer: A whole answer.\n    hints:\n      - How many reads",
		  "A whole answer.", "'answer' in item 'design.paste-service' belongs to its phases" },
		{ "        ask: |\n          What must the service do",
		  "        note: x\n        ask: |\n          What must the service do", "note: x",
		  "unknown key 'note'" },
		{ "    kind: design\n    level: 2", "    kind: desing\n    level: 2", "desing",
		  "unknown kind 'desing'" },
	};
	char *text = fixture_text();

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *bad = replaced(text, cases[i].from, cases[i].to);
		int line, col;
		loaded l;

		where(bad, cases[i].at, &line, &col);
		load_text(&l, bad);
		if (l.diags.n != 1 || l.diags.v[0].line != line || l.diags.v[0].col != col ||
		    !strstr(l.diags.v[0].msg, cases[i].words)) {
			print_diags(&l.diags);
			fail_msg("case %zu: want exactly %d:%d: ...%s...", i, line, col,
				 cases[i].words);
		}
		assert_string_equal(l.diags.v[0].file, l.path);
		/* the pack is skipped whole */
		assert_int_equal(catalog_count(l.cat), 0);
		unload(&l);
		free(bad);
	}
	free(text);
}

/* A finding of `validate --strict` only: loads clean, one quality finding. */
static void assert_one_finding(const char *text, const char *words)
{
	bp_diags q = { 0 };
	loaded l;

	load_text(&l, text);
	if (l.diags.n)
		print_diags(&l.diags);
	assert_int_equal(l.diags.n, 0);
	catalog_check_quality(l.cat, &q);
	if (q.n != 1 || !strstr(q.v[0].msg, words)) {
		print_diags(&q);
		fail_msg("want one finding: ...%s...", words);
	}
	assert_string_equal(q.v[0].file, l.path);
	assert_true(q.v[0].line > 0 && q.v[0].col > 0);
	bp_diags_free(&q);
	unload(&l);
}

/* Two findings of `validate --strict`, in either order. */
static void assert_findings(const char *text, const char *a, const char *b)
{
	bp_diags q = { 0 };
	loaded l;

	load_text(&l, text);
	assert_int_equal(l.diags.n, 0);
	catalog_check_quality(l.cat, &q);
	if (q.n != 2 || !((strstr(q.v[0].msg, a) && strstr(q.v[1].msg, b)) ||
			  (strstr(q.v[0].msg, b) && strstr(q.v[1].msg, a)))) {
		print_diags(&q);
		fail_msg("want two findings: ...%s... and ...%s...", a, b);
	}
	bp_diags_free(&q);
	unload(&l);
}

/* The paste service without its Failure handling phase: 5 phases, 30 minutes. */
static char *five_phases(const char *text)
{
	const char *from = strstr(text, "      - title: Failure handling\n        minutes: 5\n"
					"        ask: |\n          What happens when object storage");
	const char *to = from ? strstr(from, "    pitfalls:") : NULL;
	char *cut, *out;

	assert_non_null(to);
	cut = malloc(strlen(text) + 1);
	assert_non_null(cut);
	memcpy(cut, text, (size_t)(from - text));
	strcpy(cut + (from - text), to);
	out = replaced(cut, "    minutes: 35\n", "    minutes: 30\n");
	free(cut);
	return out;
}

static void test_strict_rules_of_a_design(void **state)
{
	char *text = fixture_text(), *t;

	(void)state;
	/* a phase with two key points */
	t = replaced(text, "          - Editing, accounts and search are out of scope for now\n",
		     "");
	assert_one_finding(t, "phase 'Requirements and scope' has 2 key points; 3 to 6");
	free(t);
	/* a phase without an answer */
	t = replaced(text,
		     "        answer: |\n          Create returns a short link; read by link; a "
		     "paste expires after a chosen time.\n          Links are random, not "
		     "sequential, so they cannot be enumerated. Reads dominate.\n",
		     "");
	assert_one_finding(t, "phase 'Requirements and scope' has no answer");
	free(t);
	/* one pitfall */
	t = replaced(text, "      - Keeping the texts in the database rows\n", "");
	assert_one_finding(t, "'pitfalls' has 1 entry; at least 2 are required");
	free(t);
	/* no twist */
	t = replaced(text,
		     "    twists:\n      - at: 20\n        text: Pastes may now be up to 50 MB, and "
		     "a tenth of them are images.\n",
		     "");
	assert_one_finding(t, "a design needs a twist of its own");
	free(t);
	/* five phases of 30 minutes: two findings */
	t = five_phases(text);
	assert_findings(t, "a design has 5 phases; 6 to 8 are required",
			"a design takes 35 to 45 minutes; it says 30");
	free(t);
	free(text);
}

/* Twists */

static const bp_segment *design_segment(void)
{
	return &catalog_mock(g_cat, 0)->segments[0];
}

static void test_a_segment_shows_its_questions_twist(void **state)
{
	const bp_segment *g = design_segment();
	const bp_item *it = catalog_find(g_cat, "design.contacts-sync");
	bp_segment generic = *g, plain = *g;
	bp_item bare = *it;
	bp_twist tw;

	(void)state;
	assert_false(g->twist_generic); /* the fixture's template twist is about payments */
	assert_true(mock_twist_for(g, it, 45, &tw));
	assert_int_equal(tw.at, 30);
	assert_ptr_equal(tw.text, it->twists[0].text);
	/* a question without a twist of its own: the template's only when generic */
	bare.n_twists = 0;
	assert_false(mock_twist_for(g, &bare, 45, &tw));
	assert_null(tw.text);
	generic.twist_generic = true;
	assert_true(mock_twist_for(&generic, &bare, 45, &tw));
	assert_int_equal(tw.at, 10);
	assert_ptr_equal(tw.text, g->twist);
	/* the question's own still wins over a generic one */
	assert_true(mock_twist_for(&generic, it, 45, &tw));
	assert_ptr_equal(tw.text, it->twists[0].text);
	/* a segment shorter than the twist's minute: the same share of the segment */
	assert_true(mock_twist_for(&plain, it, 15, &tw));
	assert_int_equal(tw.at, 10);
	assert_false(mock_twist_for(NULL, NULL, 15, &tw));
}

static void test_the_clock_runs_the_questions_own_phases(void **state)
{
	const bp_segment *g = design_segment();
	const bp_item *it = catalog_find(g_cat, "design.contacts-sync");
	mock_clock c;

	(void)state;
	assert_int_equal(g->n_phases, 0); /* the template gives none: they are the question's */
	mock_clock_at(g, it, it->minutes, 60000, &c);
	assert_int_equal(c.n_phases, 8);
	assert_int_equal(c.phase, 0);
	assert_string_equal(c.phase_title, "Requirements and scope");
	assert_int_equal(c.phase_left_ms, 4 * 60000);
	assert_false(c.twist);
	/* minute 14: Requirements 5 + Estimation 4 + API 5 are over, Data model begins */
	mock_clock_at(g, it, it->minutes, 14 * 60000, &c);
	assert_string_equal(c.phase_title, "Data model");
	assert_int_equal(c.phase, 3);
	/* minute 30: Deep dives, and the question's twist, not the template's */
	mock_clock_at(g, it, it->minutes, 30 * 60000, &c);
	assert_string_equal(c.phase_title, "Deep dives");
	assert_true(c.twist);
	assert_int_equal(c.shown.at, 30);
	assert_non_null(strstr(c.shown.text, "Two devices edit"));
	assert_null(strstr(c.shown.text, "payment"));
}

static void test_design_segments_draw_only_designs(void **state)
{
	const bp_mock *tpl = catalog_mock(g_cat, 0);
	bp_segment any = *design_segment();
	bp_mock other = *tpl;
	const bp_item *out[1];
	bp_rng rng;
	bp_error e;

	(void)state;
	for (uint64_t seed = 1; seed <= 8; seed++) {
		rng_seed(&rng, seed);
		assert_int_equal(mock_pick(g_cat, tpl, NULL, NULL, 0, &rng, out, &e), 0);
		assert_int_equal(out[0]->kind, KIND_DESIGN);
	}
	/* a segment that names no kind, or another, never draws a 40-minute design */
	any.kind = -1;
	other.segments = &any;
	assert_false(segment_kind_ok(&any, out[0]));
	rng_seed(&rng, 1);
	assert_int_equal(mock_pick(g_cat, &other, NULL, NULL, 0, &rng, out, &e), -1);
	any.kind = KIND_OPEN;
	assert_int_equal(mock_pick(g_cat, &other, NULL, NULL, 0, &rng, out, &e), -1);
}

static void test_a_design_round_lasts_as_long_as_its_phases(void **state)
{
	char dir[64], db[128];
	store *st;
	bp_rng rng;
	bp_error e;
	fsrs_params p;
	sched sp;
	mock_round *r;
	const mock_seg *g;

	(void)state;
	assert_int_equal(fixture_tmp_make(dir, sizeof(dir), "bp-design"), 0);
	snprintf(db, sizeof(db), "%s/progress.db", dir);
	assert_int_equal(store_open(db, 0, &st, &e), 0);
	fsrs_params_default(&p);
	sched_make(&p, NULL, &sp);
	rng_seed(&rng, 3);
	r = mock_start(st, g_cat, &sp, &rng, catalog_mock(g_cat, 0), &e);
	assert_non_null(r);
	g = mock_segment(r, 0);
	assert_int_equal(g->item->kind, KIND_DESIGN);
	assert_int_equal(g->minutes, g->item->minutes);
	/* walked phase by phase: the first phase's key points, then the second phase */
	assert_true(g->walking);
	assert_true(mock_advance(r));
	assert_true(mock_advance(r));
	assert_int_equal(mock_segment(r, 0)->walk.step, 1);
	/* the clock has not left the first phase: the walk stays where the person put it */
	assert_false(mock_follow_phase(r));
	assert_int_equal(mock_segment(r, 0)->walk.step, 1);
	mock_close(r);

	/* a round whose clock already stands in the fourth phase: the walk follows it there,
	 * the phases passed revealed to tick, the one on the clock not yet */
	setenv("BACKPREP_MOCK_SPEED", "3600", 1);
	rng_seed(&rng, 3);
	r = mock_start(st, g_cat, &sp, &rng, catalog_mock(g_cat, 0), &e);
	assert_non_null(r);
	{
		mock_clock c;
		int64_t until = clock_mono_ms() + 5000;

		do /* 15 minutes of the round: 0.25 s at 3600 times */
			mock_clock_of(r, &c);
		while (c.elapsed_ms < 15 * 60000 && clock_mono_ms() < until);
		assert_true(c.phase >= 2);
		assert_true(mock_follow_phase(r));
		g = mock_segment(r, 0);
		assert_true(g->walk.step >= 2);
		assert_true(scenario_points_shown(&g->walk, 0));
		assert_false(g->walk.revealed);
	}
	unsetenv("BACKPREP_MOCK_SPEED");
	mock_close(r);
	store_close(st);
	fixture_tmp_remove(dir);
}

/* Pacing: a design enters a day only when the minutes left hold it */

static const char SHORT_PACK[] =
	"pack: short-scale\ntitle: A short scale question\narea: scale\nversion: 1\nitems:\n"
	"  - id: scale.cache-stampede\n    rev: 1\n    kind: open\n    level: 3\n    week: 2\n"
	"    minutes: 5\n    prompt: What is a cache stampede and how do you stop one?\n"
	"    key_points: [Many misses at once hit the database, One rebuild per key]\n"
	"    answer: Many requests miss the same key at once; let one rebuild it.\n";

/* The day's new questions at `budget` minutes, as ids in queue order ("a b"). */
static void queue_ids(const catalog *c, int budget, char *out, size_t n)
{
	fsrs_params p;
	queue q;
	queue_opts o = { .now = clock_now(), .day_end = clock_now() + 86400, .week = 4,
			 .budget_minutes = budget, .new_limit = 10, .daily_minutes = budget };
	size_t k = 0;

	fsrs_params_default(&p);
	assert_int_equal(queue_build(c, NULL, 0, &p, &o, &q), 0);
	out[0] = '\0';
	for (size_t i = 0; i < q.n; i++)
		k += (size_t)snprintf(out + k, n - k, "%s%s", i ? " " : "", q.v[i].item->id);
	assert_true(q.minutes <= budget);
	queue_free(&q);
}

static void test_a_design_waits_for_a_day_that_holds_it(void **state)
{
	char *text = fixture_text(), ids[256], dir[64], path[128];
	const char *paths[1] = { dir };
	bp_diags d = { 0 };
	catalog *c = NULL;
	FILE *fp;

	(void)state;
	assert_int_equal(fixture_tmp_make(dir, sizeof(dir), "bp-design"), 0);
	snprintf(path, sizeof(path), "%s/design.yaml", dir);
	assert_non_null(fp = fopen(path, "wb"));
	fputs(text, fp);
	fclose(fp);
	snprintf(path, sizeof(path), "%s/short.yaml", dir);
	assert_non_null(fp = fopen(path, "wb"));
	fputs(SHORT_PACK, fp);
	fclose(fp);
	assert_int_equal(catalog_load(paths, 1, &c, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(catalog_count(c), 3);
	/* scale, in the order of introduction: paste-service (35 min), contacts-sync (45 min),
	 * cache-stampede (5 min). 45 minutes hold the first design; the second does not fit
	 * what is left, and the short question after it is drawn instead of nothing. */
	queue_ids(c, 45, ids, sizeof(ids));
	assert_string_equal(ids, "design.paste-service scale.cache-stampede");
	/* a design comes first in its area once its week is open: it is not left behind
	 * every shorter question */
	{
		bp_item late = *catalog_find(c, "design.contacts-sync");

		late.week = 3; /* a week-3 design before a week-2 question of 5 minutes */
		assert_true(queue_intro_order(&late, catalog_find(c, "scale.cache-stampede")) < 0);
	}
	/* 20 minutes hold no design: none is promised, the short question comes */
	queue_ids(c, 20, ids, sizeof(ids));
	assert_string_equal(ids, "scale.cache-stampede");
	catalog_free(c);
	bp_diags_free(&d);
	fixture_tmp_remove(dir);
	free(text);
}

/* Week 4 suggests a mock round */

static void test_week_four_suggests_a_mock_round(void **state)
{
	int64_t today = clock_local_day(clock_now());
	char msg[APP_MSG];

	(void)state;
	assert_false(app_mock_suggest(3, today, 0, msg, sizeof(msg)));
	assert_string_equal(msg, "");
	assert_true(app_mock_suggest(4, today, 0, msg, sizeof(msg)));
	assert_non_null(strstr(msg, "you have not taken one yet"));
	assert_false(app_mock_suggest(4, today, today, msg, sizeof(msg)));
	assert_string_equal(msg, "");
	assert_false(app_mock_suggest(4, today, today - 1, msg, sizeof(msg)));
	assert_true(app_mock_suggest(4, today, today - 2, msg, sizeof(msg)));
	/* 2026-11-29 is a Sunday: two days before is Friday 27 November */
	assert_non_null(strstr(msg, "the last was on Fri 27 Nov (2 days ago)"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_design_item_loads_with_its_phases),
		cmocka_unit_test(test_design_fixture_passes_strict),
		cmocka_unit_test(test_malformed_designs_fail_at_their_place),
		cmocka_unit_test(test_strict_rules_of_a_design),
		cmocka_unit_test(test_a_segment_shows_its_questions_twist),
		cmocka_unit_test(test_the_clock_runs_the_questions_own_phases),
		cmocka_unit_test(test_design_segments_draw_only_designs),
		cmocka_unit_test(test_a_design_round_lasts_as_long_as_its_phases),
		cmocka_unit_test(test_a_design_waits_for_a_day_that_holds_it),
		cmocka_unit_test(test_week_four_suggests_a_mock_round),
	};

	return cmocka_run_group_tests(tests, setup_group, teardown_group);
}
