/*
 * test_stats: the figures of the Stats screen — streaks over gaps, heatmap levels at their
 * thresholds, local days in a zone west of UTC and across a DST change, true retention on a
 * log whose value is worked out by hand below, and the forecast's counts of placed reviews.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "backprep/clock.h"
#include "backprep/pace.h"
#include "backprep/progress.h"
#include "backprep/stats.h"
#include "backprep/store_stats.h"
#include "fixture.h"


static void set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

static store *open_db(void)
{
	store *st;
	bp_error e;

	assert_int_equal(store_open(fixture_db, 0, &st, &e), 0);
	return st;
}

static void add(store *st, const char *item, int rev, const char *at, int grade, int seconds,
		const char *source)
{
	store_review r = { .item = item, .rev = rev, .grade = grade, .seconds = seconds,
			   .draw = -1, .source = source };
	bp_error e;

	assert_int_equal(clock_parse_iso(at, &r.at), 0);
	assert_int_equal(store_review_import(st, &r, &e), 0);
}

/* The local day of a date. */
static int64_t day_of(const char *date)
{
	int64_t t;

	assert_int_equal(clock_parse_iso(date, &t), 0);
	return clock_local_day(t + 12 * 3600); /* noon UTC is the same date west of UTC too */
}

/* The summaries equal what the log gives, row for row (what doctor checks). */
static void assert_in_step(store *st)
{
	int differ = -1;
	bp_error e;

	assert_int_equal(store_stats_check(st, &differ, &e), 0);
	assert_int_equal(differ, 0);
}

static void test_streaks_over_gaps(void **state)
{
	static const int a[] = { 1, 1, 1, 0, 2, 0, 0, 1, 1 };
	static const int b[] = { 1, 1, 0, 1, 1, 1, 1, 0 };
	static const int c[] = { 0, 0, 0 };
	int cur, longest;

	(void)state;
	progress_streaks(a, 9, &cur, &longest); /* today answered: the run of 2 ending today */
	assert_int_equal(cur, 2);
	assert_int_equal(longest, 3);
	progress_streaks(b, 8, &cur, &longest); /* today not yet: the run ending yesterday */
	assert_int_equal(cur, 4);
	assert_int_equal(longest, 4);
	progress_streaks(c, 3, &cur, &longest);
	assert_int_equal(cur, 0);
	assert_int_equal(longest, 0);
	progress_streaks(b + 1, 3, &cur, &longest); /* 1 0 1: today, after a gap */
	assert_int_equal(cur, 1);
	assert_int_equal(longest, 1);
	progress_streaks(a + 3, 4, &cur, &longest); /* 0 2 0 0: yesterday missed too */
	assert_int_equal(cur, 0);
	assert_int_equal(longest, 1);
}

static void test_heatmap_levels_at_thresholds(void **state)
{
	(void)state;
	assert_int_equal(stats_level(0, 0), 0);
	assert_int_equal(stats_level(1, 0), 1);     /* an answer without time still shows */
	assert_int_equal(stats_level(1, 899), 1);   /* 14:59 */
	assert_int_equal(stats_level(1, 900), 2);   /* 15 min */
	assert_int_equal(stats_level(2, 1799), 2);
	assert_int_equal(stats_level(2, 1800), 3);  /* 30 min */
	assert_int_equal(stats_level(3, 3599), 3);
	assert_int_equal(stats_level(3, 3600), 4);  /* an hour */
	assert_int_equal(stats_level(9, 36000), 4);
}

/* New York: a day runs 05:00Z to 05:00Z in winter, 04:00Z to 04:00Z in summer, and
 * 2026-11-01 (the end of DST) has 25 hours. An answer keeps the day it was given on: moving
 * to Tokyo afterwards moves none of them. */
static void test_days_are_local_across_dst(void **state)
{
	store_stats_day d[3];
	int64_t first;
	store *st;
	bp_error e;

	(void)state;
	set_tz("America/New_York");
	first = day_of("2026-10-31");
	assert_int_equal(clock_day_start(first + 2) - clock_day_start(first + 1), 25 * 3600);
	st = open_db();
	add(st, "a.x", 1, "2026-10-31T23:30:00-04:00", 3, 60, "drill"); /* Oct 31 */
	add(st, "a.x", 1, "2026-11-01T00:30:00-04:00", 3, 120, "drill"); /* Nov 1 */
	add(st, "a.x", 1, "2026-11-01T23:30:00-05:00", 3, 240, "drill"); /* Nov 1, hour 25 */
	/* the same local day given from another zone: 2026-11-02 09:00 in New York */
	add(st, "a.y", 1, "2026-11-02T15:00:00+01:00", 3, 480, "drill");
	add(st, "a.y", 1, "2026-11-03T05:00:00Z", 3, 960, "drill");       /* Nov 3, 00:00 EST */
	set_tz("Asia/Tokyo");
	assert_int_equal(store_stats_days(st, first, 3, d, &e), 0);
	assert_int_equal(d[0].answers, 1);
	assert_int_equal(d[0].seconds, 60);
	assert_int_equal(d[1].answers, 2);
	assert_int_equal(d[1].seconds, 360);
	assert_int_equal(d[2].answers, 1);
	assert_int_equal(d[2].seconds, 480);
	assert_in_step(st);
	store_close(st);
	set_tz("UTC");
}

typedef struct item_counts {
	char id[4][16];
	int n[4], pass[4], k;
} item_counts;

static int keep_item(void *ctx, const char *item, const store_stats_item *v)
{
	item_counts *c = ctx;

	snprintf(c->id[c->k], sizeof(c->id[0]), "%s", item);
	c->n[c->k] = v->ret_n;
	c->pass[c->k++] = v->ret_pass;
	return c->k == 4;
}

/*
 * The log, by item (UTC days 1..4 = Nov 1..4):
 *   a.x  d1 Good (first: not counted) · d2 Again, Good (the Good is a learning step)
 *        · d3 Good · d3 cram Again (cram: not counted) · d4 Hard
 *        → counted: d2 Again, d3 Good, d4 Hard = 3 answers, 2 passed
 *   a.y  d2 Good (first) · d2 Good (same day) · d4 Again → 1 answer, 0 passed
 *   a.z  d1 Good · d3 Good at rev 2 (its first answer after the bump: not counted)
 *        · d4 Easy → 1 answer, 1 passed
 * In all 5 answers, 3 passed: true retention 0.6. By day: d2 1/0, d3 1/1, d4 3/2.
 */
static void test_true_retention_by_hand(void **state)
{
	store_stats_day d[5];
	item_counts ic = { 0 };
	store *st;
	bp_error e;

	(void)state;
	set_tz("UTC");
	st = open_db();
	add(st, "a.x", 1, "2026-11-01T09:00:00Z", 3, 60, "drill");
	add(st, "a.x", 1, "2026-11-02T09:00:00Z", 1, 60, "drill");
	add(st, "a.x", 1, "2026-11-02T09:10:00Z", 3, 60, "drill");
	add(st, "a.x", 1, "2026-11-03T09:00:00Z", 3, 60, "drill");
	add(st, "a.x", 1, "2026-11-03T10:00:00Z", 1, 60, "cram");
	add(st, "a.x", 1, "2026-11-04T09:00:00Z", 2, 60, "drill");
	add(st, "a.y", 1, "2026-11-02T11:00:00Z", 3, 60, "drill");
	add(st, "a.y", 1, "2026-11-02T12:00:00Z", 3, 60, "drill");
	add(st, "a.y", 1, "2026-11-04T08:00:00Z", 1, 60, "mock");
	add(st, "a.z", 1, "2026-11-01T09:00:00Z", 3, 60, "drill");
	add(st, "a.z", 2, "2026-11-03T09:00:00Z", 3, 60, "drill");
	add(st, "a.z", 2, "2026-11-04T09:00:00Z", 4, 60, "drill");
	/* Oct 31 .. Nov 4 */
	assert_int_equal(store_stats_days(st, day_of("2026-10-31"), 5, d, &e), 0);
	assert_int_equal(store_stats_items(st, STORE_STATS_EVER, keep_item, &ic, &e), 0);
	/* day 0 is Oct 31: nothing */
	assert_int_equal(d[0].ret_n + d[1].ret_n, 0);
	assert_int_equal(d[2].ret_n, 1);
	assert_int_equal(d[2].ret_pass, 0);
	assert_int_equal(d[3].ret_n, 1);
	assert_int_equal(d[3].ret_pass, 1);
	assert_int_equal(d[4].ret_n, 3);
	assert_int_equal(d[4].ret_pass, 2);
	assert_in_step(st);
	assert_int_equal(ic.k, 3);
	for (int i = 0; i < ic.k; i++) {
		int want_n = strcmp(ic.id[i], "a.x") == 0 ? 3 : 1;
		int want_pass = strcmp(ic.id[i], "a.x") == 0 ? 2 : strcmp(ic.id[i], "a.z") == 0;

		assert_int_equal(ic.n[i], want_n);
		assert_int_equal(ic.pass[i], want_pass);
	}
	assert_true(fabs(stats_share((stats_ratio){ 5, 3 }) - 0.6) < 1e-12);
	assert_true(stats_share((stats_ratio){ 0, 0 }) < 0);
	/* Nov 3-4 only (read from the answers, not the summary): a.x d3 Good and d4 Hard, a.y
	 * d4 Again, a.z d4 Easy — an answer counts by the one before it, even outside the days */
	memset(&ic, 0, sizeof(ic));
	assert_int_equal(store_stats_items(st, day_of("2026-11-03"), day_of("2026-11-05"), keep_item, &ic, &e), 0);
	assert_int_equal(ic.k, 3);
	for (int i = 0; i < ic.k; i++) {
		int want_n = strcmp(ic.id[i], "a.x") == 0 ? 2 : 1;
		int want_pass = strcmp(ic.id[i], "a.y") == 0 ? 0 : want_n;

		assert_int_equal(ic.n[i], want_n);
		assert_int_equal(ic.pass[i], want_pass);
	}
	store_close(st);
}

/* The forecast reads the pacing engine's placement: how many reviews each day holds. */
static void test_forecast_counts_placed_reviews(void **state)
{
	bp_item it = { .id = "a.x", .area = AREA_API, .minutes = 10 };
	pace_card v[4] = {
		{ .item = &it, .minutes = 10, .risk = 0.5, .target = 0 },
		{ .item = &it, .minutes = 10, .risk = 0.6, .target = 0 },
		{ .item = &it, .minutes = 10, .risk = 0.7, .target = 2 },
		{ .item = &it, .minutes = 10, .risk = 0.8, .target = 0 }, /* no room today */
	};
	double room[3] = { 20, 20, 20 };
	pace_plan p;

	(void)state;
	assert_int_equal(pace_spread(v, 4, 3, room, &p), 0);
	assert_int_equal(p.count[0], 2);
	assert_int_equal(p.count[1], 1); /* the backlog moves forward */
	assert_int_equal(p.count[2], 1);
	assert_true(fabs(p.load[0] - 20) < 1e-9);
	pace_plan_free(&p);
}

static int id_of(void *ctx, const store_review *r)
{
	((store_review *)ctx)->id = r->id;
	return 0;
}

/* Retention of day 3 and of item a.x, as the summaries hold them. */
static void assert_day3(store *st, int64_t d1, int n, int pass)
{
	store_stats_day d[3];
	item_counts ic = { 0 };
	bp_error e;

	assert_int_equal(store_stats_days(st, d1, 3, d, &e), 0);
	assert_int_equal(d[2].ret_n, n);
	assert_int_equal(d[2].ret_pass, pass);
	assert_int_equal(store_stats_items(st, STORE_STATS_EVER, keep_item, &ic, &e), 0);
	assert_int_equal(ic.k, 1);
	assert_int_equal(ic.n[0], n);
	assert_int_equal(ic.pass[0], pass);
	assert_in_step(st);
}

/*
 * An answer's retention depends on the one before it, so the summaries must follow when an
 * answer arrives out of order (import, merge) or is taken back (undo): a.x on day 1 Good and
 * day 3 at 09:00 Good counts day 3 (1 of 1); an Again imported at 08:00 on day 3 becomes the
 * day's first (1 of 0) and the 09:00 answer a same-day step; undoing it restores 1 of 1.
 */
static void test_summaries_follow_out_of_order_and_undo(void **state)
{
	store_review r = { .item = "a.x", .rev = 1, .grade = 1, .seconds = 30, .draw = -1,
			   .source = "drill" };
	int64_t d1;
	store *st;
	bp_error e;

	(void)state;
	set_tz("UTC");
	d1 = day_of("2026-11-01");
	st = open_db();
	add(st, "a.x", 1, "2026-11-01T09:00:00Z", 3, 60, "drill");
	add(st, "a.x", 1, "2026-11-03T09:00:00Z", 3, 60, "drill");
	assert_day3(st, d1, 1, 1);
	add(st, "a.x", 1, "2026-11-03T07:00:00Z", 1, 60, "cram"); /* cram: changes nothing */
	assert_day3(st, d1, 1, 1);
	assert_int_equal(clock_parse_iso("2026-11-03T08:00:00Z", &r.at), 0);
	assert_int_equal(store_review_import(st, &r, &e), 0);
	assert_day3(st, d1, 1, 0);
	assert_int_equal(store_reviews_range(st, r.at, r.at + 1, id_of, &r, &e), 0);
	assert_int_equal(store_undo(st, r.id, "a.x", NULL, &e), 0);
	assert_day3(st, d1, 1, 1);
	/* made anew from the log, the same figures */
	assert_int_equal(store_stats_rebuild(st, &e), 0);
	assert_day3(st, d1, 1, 1);
	store_close(st);
}

#define D(f) cmocka_unit_test_setup_teardown(f, fixture_dir_setup, fixture_dir_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_streaks_over_gaps),
		cmocka_unit_test(test_heatmap_levels_at_thresholds),
		D(test_days_are_local_across_dst),
		D(test_true_retention_by_hand),
		cmocka_unit_test(test_forecast_counts_placed_reviews),
		D(test_summaries_follow_out_of_order_and_undo),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
