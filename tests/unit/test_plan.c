/* The plan's calendar, targets and progress: pure functions on dates and fixture histories. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "backprep/clock.h"
#include "backprep/plan.h"
#include "backprep/progress.h"
#include "fixture.h"

static int64_t day_of(const char *iso)
{
	int64_t t;

	assert_int_equal(clock_parse_iso(iso, &t), 0);
	return t / 86400;
}

static void assert_day(int64_t day, const char *want)
{
	char buf[16];

	clock_format_day(day, buf);
	assert_string_equal(buf, want);
}

static void weeks_are(const plan_calendar *c, int a, int b, int cc, int d)
{
	assert_int_equal(c->week_days[0], a);
	assert_int_equal(c->week_days[1], b);
	assert_int_equal(c->week_days[2], cc);
	assert_int_equal(c->week_days[3], d);
	assert_int_equal(c->days, a + b + cc + d);
	for (int w = 1; w < PLAN_WEEKS; w++)
		assert_int_equal(c->week_start[w], c->week_start[w - 1] + c->week_days[w - 1]);
}

static void no_interview_is_28_days(void **state)
{
	plan_calendar c;

	(void)state;
	plan_calendar_make(day_of("2026-11-29"), 0, &c);
	weeks_are(&c, 7, 7, 7, 7);
	assert_day(c.week_start[3], "2026-12-20");
}

static void plans_of_7_14_28_45_days(void **state)
{
	int64_t s = day_of("2026-11-29");
	plan_calendar c;

	(void)state;
	plan_calendar_make(s, s + 7, &c);
	weeks_are(&c, 2, 2, 2, 1);
	plan_calendar_make(s, s + 14, &c);
	weeks_are(&c, 4, 4, 3, 3);
	plan_calendar_make(s, s + 28, &c);
	weeks_are(&c, 7, 7, 7, 7);
	plan_calendar_make(s, s + 45, &c);
	weeks_are(&c, 12, 11, 11, 11);
	/* the plan ends the day before the interview */
	assert_int_equal(c.week_start[3] + c.week_days[3], s + 45);
}

static void every_week_gets_a_day(void **state)
{
	int64_t s = day_of("2026-11-29");
	plan_calendar c;

	(void)state;
	plan_calendar_make(s, s + 2, &c);
	weeks_are(&c, 1, 1, 1, 1);
	plan_calendar_make(s, s - 5, &c); /* an interview in the past still gives four days */
	weeks_are(&c, 1, 1, 1, 1);
}

static void month_and_year_ends(void **state)
{
	plan_calendar c;

	(void)state;
	plan_calendar_make(day_of("2026-12-30"), day_of("2027-03-01"), &c);
	assert_int_equal(c.days, 61);
	assert_day(c.week_start[0], "2026-12-30");
	assert_day(c.week_start[1], "2027-01-15");
	assert_day(c.week_start[2], "2027-01-30");
	assert_day(c.week_start[3], "2027-02-14");
	plan_calendar_make(day_of("2028-02-27"), 0, &c); /* a leap day inside week 1 */
	assert_day(c.week_start[1], "2028-03-05");
}

static void position_through_the_plan(void **state)
{
	int64_t s = day_of("2026-11-29");
	plan_calendar c;
	plan_pos p;

	(void)state;
	plan_calendar_make(s, 0, &c);
	plan_position(&c, s, &p);
	assert_int_equal(p.day, 1);
	assert_int_equal(p.week, 1);
	assert_false(p.after_end);
	plan_position(&c, s + 13, &p);
	assert_int_equal(p.week, 2);
	assert_int_equal(p.day_in_week, 7);
	plan_position(&c, s + 27, &p);
	assert_int_equal(p.week, 4);
	assert_false(p.after_end);
	plan_position(&c, s + 40, &p);
	assert_int_equal(p.week, 4);
	assert_true(p.after_end);
	plan_position(&c, s - 3, &p);
	assert_int_equal(p.day, 1);
	assert_int_equal(plan_week_of(&c, s - 1), 0);
}

static void moving_the_interview_moves_the_weeks(void **state)
{
	int64_t s = day_of("2026-11-29");
	plan_calendar before, after;
	plan_pos p;

	(void)state;
	plan_calendar_make(s, s + 28, &before);
	plan_calendar_make(s, s + 14, &after);
	plan_position(&before, s + 9, &p);
	assert_int_equal(p.week, 2);
	plan_position(&after, s + 9, &p);
	assert_int_equal(p.week, 3); /* a nearer interview brings scale and failure sooner */
}

static void targets_take_overrides_and_adjustments(void **state)
{
	bp_plan plan;
	plan_targets t;
	double adjust[AREA_COUNT];

	(void)state;
	memset(&plan, 0, sizeof(plan));
	for (int w = 0; w < PLAN_WEEKS; w++) {
		plan.weeks[w].daily_minutes = 60 + 10 * w;
		plan.weeks[w].new_per_day = 6;
		plan.weeks[w].focus[AREA_CODING] = 0.5;
		plan.weeks[w].focus[AREA_SCALE] = 0.5;
	}
	for (int a = 0; a < AREA_COUNT; a++)
		adjust[a] = 1;
	adjust[AREA_SCALE] = 2;
	plan_targets_make(&plan, adjust, 3, 0, -1, &t);
	assert_int_equal(t.daily_minutes[1], 70);
	assert_true(t.focus[1][AREA_SCALE] == 0.5); /* weeks before the answers keep theirs */
	assert_true(t.focus[2][AREA_SCALE] == 1.0);
	plan_targets_make(&plan, adjust, 1, 45, 3, &t);
	assert_int_equal(t.daily_minutes[3], 45);
	assert_int_equal(t.new_per_day[0], 3);
}

/* A catalog of one coding and one api item, from a pack written here. */
static catalog *small_catalog(char *dir)
{
	const char *paths[1] = { dir };
	bp_diags d = { 0 };
	catalog *c;
	char path[256];
	FILE *f;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/p.yaml", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("pack: p\ntitle: P\narea: coding\nversion: 1\nitems:\n", f);
	for (int i = 0; i < 30; i++)
		fprintf(f, "  - id: coding.q%d\n    rev: 1\n    kind: open\n    level: 1\n    week: 1\n"
			   "    minutes: 5\n    prompt: Question %d\n    key_points: [a]\n"
			   "    answer: An answer.\n", i, i);
	fclose(f);
	assert_int_equal(catalog_load(paths, 1, &c, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(catalog_count(c), 30);
	return c;
}

static void missed_days_spread_over_the_days_left(void **state)
{
	char dir[] = "/tmp/bp-plan-XXXXXX";
	catalog *cat = small_catalog(dir);
	int64_t s = day_of("2026-11-29");
	plan_calendar cal;
	plan_targets tg;
	plan_progress pr;
	store_card cards[6];
	progress_input in = { .cal = &cal, .tg = &tg, .cat = cat, .cards = cards, .n_cards = 6 };

	(void)state;
	plan_calendar_make(s, 0, &cal);
	plan_targets_make(NULL, NULL, 1, 60, 6, &tg);
	/* six new items on day 1, then days 2 and 3 missed; today is day 4 */
	memset(cards, 0, sizeof(cards));
	for (int i = 0; i < 6; i++) {
		snprintf(cards[i].item, sizeof(cards[i].item), "coding.q%d", i);
		cards[i].rev = 1;
		cards[i].state = 1;
		cards[i].introduced = clock_day_start(s) + 3600 * 9;
	}
	in.today = s + 3;
	assert_int_equal(plan_progress_make(&in, &pr), 0);
	assert_int_equal(pr.expected, 18);
	assert_int_equal(pr.introduced, 6);
	assert_int_equal(pr.behind, 12);
	assert_int_equal(pr.days_left, 25);
	assert_int_equal(pr.extra_per_day, 1);
	assert_int_equal(pr.days[0].new_items, 6);
	assert_int_equal(pr.new_by_week[0][AREA_CODING], 6);
	plan_progress_free(&pr);
	/* on day 1 itself nothing is expected yet: on track */
	in.today = s;
	assert_int_equal(plan_progress_make(&in, &pr), 0);
	assert_int_equal(pr.behind, 0);
	assert_int_equal(pr.extra_per_day, 0);
	plan_progress_free(&pr);
	catalog_free(cat);
	assert_int_equal(fixture_tmp_remove(dir), 0);
}

static void milestones_met_open_and_missed(void **state)
{
	char dir[] = "/tmp/bp-plan-XXXXXX";
	catalog *cat = small_catalog(dir);
	int64_t s = day_of("2026-11-29");
	bp_milestone m1 = { "attempt", "Attempt 3", METRIC_ATTEMPTED, AREA_CODING, 3, 0 };
	bp_milestone m2 = { "streak", "3 days", METRIC_STREAK, AREA_CODING, 3, 0 };
	bp_milestone m3 = { "mocks", "2 mocks at 3", METRIC_MOCKS, AREA_CODING, 2, 3.0 };
	bp_plan plan;
	plan_calendar cal;
	plan_targets tg;
	plan_progress pr;
	store_card cards[3];
	store_review reviews[3];
	double mocks[] = { 3.5, 2.5, 3.0 };
	progress_input in = { .cal = &cal, .tg = &tg, .plan = &plan, .cat = cat, .cards = cards,
			      .n_cards = 3, .reviews = reviews, .n_reviews = 3, .mock_scores = mocks,
			      .n_mocks = 3 };

	(void)state;
	memset(&plan, 0, sizeof(plan));
	plan.weeks[0].milestones = &m1;
	plan.weeks[0].n_milestones = 1;
	plan.weeks[1].milestones = &m2;
	plan.weeks[1].n_milestones = 1;
	plan.weeks[3].milestones = &m3;
	plan.weeks[3].n_milestones = 1;
	plan_calendar_make(s, 0, &cal);
	plan_targets_make(NULL, NULL, 1, 60, 6, &tg);
	memset(cards, 0, sizeof(cards));
	memset(reviews, 0, sizeof(reviews));
	for (int i = 0; i < 3; i++) {
		snprintf(cards[i].item, sizeof(cards[i].item), "coding.q%d", i);
		cards[i].rev = 1;
		cards[i].state = 2;
		cards[i].introduced = clock_day_start(s + i) + 60;
		reviews[i] = (store_review){ .item = cards[i].item, .rev = 1, .grade = 3,
					     .at = clock_day_start(s + 2 * i) + 60, .seconds = 300 };
	}
	/* on day 12: the attempts are met; the streak (days 1, 3, 5: runs of one) is missed
	 * only after week 2 ends; the mocks count two rounds at 3 or more */
	in.today = s + 11;
	assert_int_equal(plan_progress_make(&in, &pr), 0);
	assert_int_equal(pr.n_milestones, 3);
	assert_int_equal(pr.milestones[0].state, MILESTONE_MET);
	assert_int_equal(pr.milestones[0].value, 3);
	assert_int_equal(pr.milestones[1].state, MILESTONE_OPEN);
	assert_int_equal(pr.milestones[1].value, 1);
	assert_int_equal(pr.milestones[2].state, MILESTONE_MET);
	assert_int_equal(pr.milestones[2].value, 2);
	assert_int_equal(pr.days[2].answers, 1);
	assert_int_equal(pr.days[2].by_area[AREA_CODING], 1);
	assert_int_equal(pr.days[1].answers, 0);
	plan_progress_free(&pr);
	in.today = s + 20;
	assert_int_equal(plan_progress_make(&in, &pr), 0);
	assert_int_equal(pr.milestones[1].state, MILESTONE_MISSED);
	plan_progress_free(&pr);
	catalog_free(cat);
	assert_int_equal(fixture_tmp_remove(dir), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_interview_is_28_days),
		cmocka_unit_test(plans_of_7_14_28_45_days),
		cmocka_unit_test(every_week_gets_a_day),
		cmocka_unit_test(month_and_year_ends),
		cmocka_unit_test(position_through_the_plan),
		cmocka_unit_test(moving_the_interview_moves_the_weeks),
		cmocka_unit_test(targets_take_overrides_and_adjustments),
		cmocka_unit_test(missed_days_spread_over_the_days_left),
		cmocka_unit_test(milestones_met_open_and_missed),
	};

	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
