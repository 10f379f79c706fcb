/*
 * Tests of the FSRS-6 scheduler against its reference, ts-fsrs 5.4.2: the known answers of
 * shared/FSRS.md, then every review in tests/fixtures/fsrs-vectors.txt (written by
 * tests/fsrs/gen_vectors.mjs), then the properties the reference's tests do not pin down:
 * the fuzz range, the forgetting curve, and calendar days across UTC midnight.
 *
 * The fixture directory is $BACKPREP_FIXTURES, else tests/fixtures under the working directory.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "backprep/fsrs.h"

enum { MINUTE = 60, HOUR = 3600, DAY = 86400 };

/* 2022-12-29 12:30:00 UTC, a midday start for the known answers. */
static const int64_t T0 = 1672317000;

/* 2024-03-10 00:00:00 UTC, a midnight to review around. */
static const int64_t MIDNIGHT = 1710028800;

static void assert_near(double got, double want, double tolerance)
{
	if (fabs(got - want) > tolerance)
		fail_msg("got %.10f, want %.10f (tolerance %g)", got, want, tolerance);
}

static void review(const fsrs_params *p, fsrs_card *c, fsrs_grade g, int64_t now)
{
	fsrs_review(p, c, g, now, -1);
}

/* Known answers (shared/FSRS.md) */

static void test_first_review_each_grade(void **state)
{
	static const double want_s[] = { 0.212, 1.2931, 2.3065, 8.2956 };
	static const double want_d[] = { 6.4133, 5.11217071, 2.11810397, 1 };
	/* Again: the first step; Hard: the mean of 1 and 10 minutes, rounded up; Good: step 2. */
	static const int64_t want_due[] = { 1 * MINUTE, 6 * MINUTE, 10 * MINUTE, 8 * DAY };
	fsrs_params p;

	(void)state;
	fsrs_params_default(&p);
	for (int g = FSRS_AGAIN; g <= FSRS_EASY; g++) {
		fsrs_card c;

		fsrs_card_init(&c, T0);
		review(&p, &c, (fsrs_grade)g, T0);
		assert_near(c.stability, want_s[g - 1], 1e-9);
		assert_near(c.difficulty, want_d[g - 1], 1e-9);
		assert_int_equal(c.due - T0, want_due[g - 1]);
		assert_int_equal(c.state, g == FSRS_EASY ? FSRS_REVIEW : FSRS_LEARNING);
		assert_int_equal(c.scheduled_days, g == FSRS_EASY ? 8 : 0);
		assert_int_equal(c.reps, 1);
		assert_int_equal(c.last_review, T0);
	}
}

static void test_interval_sequence_reviewed_when_due(void **state)
{
	static const fsrs_grade grades[] = {
		FSRS_GOOD, FSRS_GOOD, FSRS_GOOD, FSRS_GOOD, FSRS_GOOD, FSRS_GOOD, FSRS_AGAIN,
		FSRS_AGAIN, FSRS_GOOD, FSRS_GOOD, FSRS_GOOD, FSRS_GOOD, FSRS_GOOD,
	};
	static const int want[] = { 0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21 };
	fsrs_params p;
	fsrs_card c;
	int64_t now = T0;

	(void)state;
	fsrs_params_default(&p);
	fsrs_card_init(&c, now);
	for (size_t i = 0; i < sizeof(grades) / sizeof(grades[0]); i++) {
		review(&p, &c, grades[i], now);
		if (c.scheduled_days != want[i])
			fail_msg("review %zu: interval %d, want %d", i + 1, c.scheduled_days,
				 want[i]);
		now = c.due;
	}
	assert_int_equal(c.lapses, 1);
	assert_int_equal(c.reps, 13);
}

static void test_memory_after_again_then_good(void **state)
{
	static const fsrs_grade grades[] = {
		FSRS_AGAIN, FSRS_GOOD, FSRS_GOOD, FSRS_GOOD, FSRS_GOOD, FSRS_GOOD,
	};
	static const int gaps[] = { 0, 0, 1, 3, 8, 21 };
	fsrs_params p;
	fsrs_card c;
	int64_t now = T0;

	(void)state;
	fsrs_params_default(&p);
	fsrs_card_init(&c, now);
	for (size_t i = 0; i < sizeof(grades) / sizeof(grades[0]); i++) {
		now += (int64_t)gaps[i] * DAY;
		review(&p, &c, grades[i], now);
	}
	/* ts-fsrs 5.4.2 exactly; FSRS.md quotes these to float precision (53.62691, 6.3574867). */
	assert_near(c.stability, 53.62690465, 1e-9);
	assert_near(c.difficulty, 6.35748708, 1e-9);
	assert_near(c.stability, 53.62691, 1e-5);
	assert_near(c.difficulty, 6.3574867, 1e-5);
}

/* Reference vectors */

struct vectors {
	const char *path;
	int line;
	fsrs_params p;
	fsrs_card card;
	bool have_params;
	bool have_card;
	int reviews;
	int failures;
	double worst_s;
	double worst_d;
};

static int parse_steps(const char *s, int *steps)
{
	int n = 0;
	char *end;

	if (strcmp(s, "-") == 0)
		return 0;
	while (n < FSRS_MAX_STEPS) {
		steps[n++] = (int)strtol(s, &end, 10);
		if (*end != ',')
			break;
		s = end + 1;
	}
	return n;
}

static bool parse_weights(const char *s, double *w)
{
	char *end;

	for (int i = 0; i < FSRS_WEIGHTS; i++) {
		w[i] = strtod(s, &end);
		if (end == s || (i < FSRS_WEIGHTS - 1 && *end != ','))
			return false;
		s = end + 1;
	}
	return true;
}

static void vector_fail(struct vectors *v, const char *what, double got, double want)
{
	/* Report every mismatch, so one run shows the pattern rather than the first symptom. */
	if (v->failures++ < 40)
		print_error("%s:%d: %s is %.10g, reference %.10g\n", v->path, v->line, what, got,
			    want);
}

static void read_options(struct vectors *v, const char *line)
{
	char name[64], learning[128], relearning[128], weights[1024];
	int short_term, fuzz;

	if (sscanf(line, "O %63s %lf %d %d %d %127s %127s %1023s", name, &v->p.retention,
		   &v->p.max_interval, &short_term, &fuzz, learning, relearning, weights) != 8 ||
	    !parse_weights(weights, v->p.w)) {
		fail_msg("%s:%d: bad option line", v->path, v->line);
		return;
	}
	v->p.short_term = short_term != 0;
	v->p.fuzz = fuzz != 0;
	v->p.n_learning = parse_steps(learning, v->p.learning);
	v->p.n_relearning = parse_steps(relearning, v->p.relearning);
	v->have_params = true;
	v->have_card = false;
}

static void check_int(struct vectors *v, const char *what, long long got, long long want)
{
	if (got != want)
		vector_fail(v, what, (double)got, (double)want);
}

static void check_real(struct vectors *v, const char *what, double got, double want,
		       double *worst)
{
	double diff = fabs(got - want);

	if (!(diff <= 1e-6))
		vector_fail(v, what, got, want);
	if (worst && diff > *worst)
		*worst = diff;
}

static void read_review(struct vectors *v, const char *line)
{
	int g, st, sched, reps, lapses, step;
	long long now, due;
	double draw, s, d, retr;
	fsrs_card before = v->card;

	if (!v->have_card ||
	    sscanf(line, "R %d %lld %lf %d %lf %lf %lld %d %d %d %d %lf", &g, &now, &draw, &st, &s,
		   &d, &due, &sched, &reps, &lapses, &step, &retr) != 12) {
		fail_msg("%s:%d: bad review line", v->path, v->line);
		return;
	}
	if (retr >= 0 && before.state != FSRS_NEW)
		check_real(v, "retrievability before", fsrs_retrievability(&v->p, &before, now),
			   retr, NULL);
	fsrs_review(&v->p, &v->card, (fsrs_grade)g, now, draw);
	check_int(v, "state", v->card.state, st);
	check_real(v, "stability", v->card.stability, s, &v->worst_s);
	check_real(v, "difficulty", v->card.difficulty, d, &v->worst_d);
	check_int(v, "due", v->card.due, due);
	check_int(v, "scheduled_days", v->card.scheduled_days, sched);
	check_int(v, "reps", v->card.reps, reps);
	check_int(v, "lapses", v->card.lapses, lapses);
	check_int(v, "step", v->card.step, step);
	check_int(v, "last_review", v->card.last_review, now);
	v->reviews++;
}

static void read_vector_line(struct vectors *v, const char *line)
{
	long long created;

	switch (line[0]) {
	case 'O':
		read_options(v, line);
		break;
	case 'C':
		if (!v->have_params || sscanf(line, "C %lld", &created) != 1) {
			fail_msg("%s:%d: bad card line", v->path, v->line);
			return;
		}
		fsrs_card_init(&v->card, created);
		v->have_card = true;
		break;
	case 'R':
		read_review(v, line);
		break;
	case '#':
	case '\n':
		break;
	default:
		fail_msg("%s:%d: unknown line", v->path, v->line);
	}
}

static void test_reference_vectors(void **state)
{
	const char *dir = getenv("BACKPREP_FIXTURES");
	char path[4096], line[2048];
	struct vectors v = { .path = path };
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/fsrs-vectors.txt", dir && *dir ? dir : "tests/fixtures");
	f = fopen(path, "r");
	if (!f) {
		fail_msg("cannot open %s (set BACKPREP_FIXTURES to the fixtures directory)", path);
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		v.line++;
		read_vector_line(&v, line);
	}
	fclose(f);
	print_message("%d reviews checked; largest differences: stability %.3g, difficulty %.3g\n",
		      v.reviews, v.worst_s, v.worst_d);
	if (v.failures)
		fail_msg("%d mismatches with the reference in %s", v.failures, path);
	/* An empty or truncated fixture must not pass quietly. */
	assert_true(v.reviews >= 1000);
}

/* Fuzz */

static double overlap(double ivl, double lo, double hi)
{
	return fmax(0, fmin(ivl, hi) - lo);
}

/* The range of shared/FSRS.md, written out independently of the implementation. */
static void fuzz_range(int ivl, int64_t elapsed, int max, int *lo, int *hi)
{
	double delta = 1 + 0.15 * overlap(ivl, 2.5, 7) + 0.1 * overlap(ivl, 7, 20) +
		       0.05 * overlap(ivl, 20, INFINITY);

	*lo = (int)fmax(2, floor(ivl - delta + 0.5));
	*hi = (int)fmin(floor(ivl + delta + 0.5), max);
	if (ivl > elapsed && *lo < elapsed + 1)
		*lo = (int)elapsed + 1;
	if (*lo > *hi)
		*lo = *hi;
}

/* A Learning card of stability s last seen `elapsed` days ago, graduated by Easy. */
static int easy_interval(const fsrs_params *p, double s, int64_t elapsed, double draw)
{
	fsrs_card c;
	int64_t now = MIDNIGHT + 9 * HOUR;

	fsrs_card_init(&c, now);
	c.state = FSRS_LEARNING;
	c.stability = s;
	c.difficulty = 5;
	c.last_review = now - elapsed * DAY;
	fsrs_review(p, &c, FSRS_EASY, now, draw);
	assert_int_equal(c.due - now, (int64_t)c.scheduled_days * DAY);
	return c.scheduled_days;
}

/* xorshift64: the test's own draws, fixed so that a failure repeats. */
static double next_draw(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return (double)(*x >> 11) / 9007199254740992.0;
}

static void check_fuzz_case(const fsrs_params *p, double s, int64_t elapsed, uint64_t *x)
{
	int ivl = easy_interval(p, s, elapsed, -1);
	int lo, hi, prev = 0;

	if (ivl < 3) {
		/* Below 2.5 days the draw must change nothing. */
		assert_int_equal(easy_interval(p, s, elapsed, 0.999), ivl);
		return;
	}
	fuzz_range(ivl, elapsed, p->max_interval, &lo, &hi);
	assert_int_equal(easy_interval(p, s, elapsed, 0.0), lo);
	assert_int_equal(easy_interval(p, s, elapsed, nextafter(1.0, 0.0)), hi);
	for (int i = 0; i < 200; i++) {
		double draw = next_draw(x);
		int got = easy_interval(p, s, elapsed, draw);

		if (got < lo || got > hi || (ivl > elapsed && got <= elapsed))
			fail_msg("S %g, elapsed %lld, draw %.17g: %d outside [%d, %d] "
				 "(unfuzzed %d)", s, (long long)elapsed, draw, got, lo, hi, ivl);
	}
	/* The draw maps monotonically onto the range. */
	for (double draw = 0; draw < 1; draw += 1.0 / 64) {
		int got = easy_interval(p, s, elapsed, draw);

		assert_true(got >= prev);
		prev = got;
	}
}

static void test_fuzz_stays_in_range(void **state)
{
	static const double stabilities[] = { 0.5, 2.4, 3.1, 4.7, 7, 11.2, 19.6, 20.4, 45,
					      133, 900, 5000, 30000 };
	static const int64_t elapsed[] = { 0, 1, 3, 9, 25, 70, 400 };
	static const int maxima[] = { 36500, 100 };
	uint64_t x = 0x9e3779b97f4a7c15u;
	fsrs_params p;

	(void)state;
	fsrs_params_default(&p);
	p.fuzz = true;
	for (size_t m = 0; m < sizeof(maxima) / sizeof(maxima[0]); m++) {
		p.max_interval = maxima[m];
		for (size_t i = 0; i < sizeof(stabilities) / sizeof(stabilities[0]); i++)
			for (size_t j = 0; j < sizeof(elapsed) / sizeof(elapsed[0]); j++)
				check_fuzz_case(&p, stabilities[i], elapsed[j], &x);
	}
}

static void test_fuzz_off_ignores_draw(void **state)
{
	fsrs_params p;

	(void)state;
	fsrs_params_default(&p);
	assert_int_equal(easy_interval(&p, 45, 3, 0.0), easy_interval(&p, 45, 3, -1));
	assert_int_equal(easy_interval(&p, 45, 3, 0.99), easy_interval(&p, 45, 3, -1));
}

/* Retrievability */

static void check_curve(double retention, double want_at_interval)
{
	fsrs_params p;
	fsrs_card c;
	double prev = 1.0;

	fsrs_params_default(&p);
	p.retention = retention;
	fsrs_card_init(&c, T0);
	assert_near(fsrs_retrievability(&p, &c, T0 + 30 * DAY), 1.0, 0);
	review(&p, &c, FSRS_EASY, T0);
	review(&p, &c, FSRS_GOOD, c.due);
	review(&p, &c, FSRS_GOOD, c.due);
	/* Large enough that rounding the interval to whole days moves R by under 0.005. */
	assert_true(c.scheduled_days >= 30);
	assert_near(fsrs_retrievability(&p, &c, c.last_review), 1.0, 0);
	for (int day = 1; day <= 3 * c.scheduled_days; day++) {
		double r = fsrs_retrievability(&p, &c, c.last_review + (int64_t)day * DAY);

		if (!(r < prev))
			fail_msg("R does not fall from day %d to %d: %.8f, %.8f", day - 1, day,
				 prev, r);
		prev = r;
	}
	assert_near(fsrs_retrievability(&p, &c, c.due), want_at_interval, 0.005);
}

static void test_retrievability_falls_to_retention_at_interval(void **state)
{
	(void)state;
	check_curve(0.9, 0.9);
	check_curve(0.8, 0.8);
}

/* Like the reference's get_retrievability, time counts in whole 24-hour periods. */
static void test_retrievability_counts_whole_days(void **state)
{
	fsrs_params p;
	fsrs_card c;
	int64_t seen = MIDNIGHT - 10 * MINUTE;

	(void)state;
	fsrs_params_default(&p);
	fsrs_card_init(&c, seen);
	review(&p, &c, FSRS_EASY, seen);
	assert_near(fsrs_retrievability(&p, &c, seen + 23 * HOUR), 1.0, 0);
	assert_true(fsrs_retrievability(&p, &c, seen + DAY) < 1.0);
	assert_near(fsrs_retrievability(&p, &c, seen - DAY), 1.0, 0);
}

/* Days and times */

static void test_days_between_counts_calendar_days(void **state)
{
	(void)state;
	assert_int_equal(fsrs_days_between(MIDNIGHT - 1, MIDNIGHT), 1);
	assert_int_equal(fsrs_days_between(MIDNIGHT, MIDNIGHT + DAY - 1), 0);
	assert_int_equal(fsrs_days_between(MIDNIGHT - 1, MIDNIGHT + DAY), 2);
	assert_int_equal(fsrs_days_between(MIDNIGHT, MIDNIGHT - 1), -1);
	assert_int_equal(fsrs_days_between(MIDNIGHT + 5, MIDNIGHT + 5 + 30 * DAY), 30);
	/* 2024-02-28 23:30 to 2024-03-01 00:30: across a leap day. */
	assert_int_equal(fsrs_days_between(1709163000, 1709253000), 2);
	/* Before 1970 the division must still round down. */
	assert_int_equal(fsrs_days_between(-1, 0), 1);
	assert_int_equal(fsrs_days_between(-DAY, -1), 0);
	assert_int_equal(fsrs_days_between(-DAY - 1, 1), 2);
}

/* Two minutes apart across midnight is a day for FSRS: the long-term formula applies. */
static void test_review_across_midnight_is_next_day(void **state)
{
	fsrs_params p;
	fsrs_card across, same;
	int64_t first = MIDNIGHT - 2 * MINUTE;

	(void)state;
	fsrs_params_default(&p);
	fsrs_card_init(&across, first);
	review(&p, &across, FSRS_GOOD, first);
	same = across;
	review(&p, &across, FSRS_GOOD, MIDNIGHT + MINUTE);
	review(&p, &same, FSRS_GOOD, first + MINUTE);
	/* Same day: Good never lowers stability, and here the short-term gain is below 1. */
	assert_near(same.stability, 2.3065, 0);
	/* Next day: the recall formula, at R = 0.9469 after one day. */
	assert_true(across.stability > 7 && across.stability < 7.6);
}

static void test_bad_grade_and_clock_going_back(void **state)
{
	fsrs_params p;
	fsrs_card c, before;

	(void)state;
	fsrs_params_default(&p);
	fsrs_card_init(&c, T0);
	review(&p, &c, FSRS_GOOD, T0);
	before = c;
	fsrs_review(&p, &c, (fsrs_grade)0, T0 + HOUR, -1);
	fsrs_review(&p, &c, (fsrs_grade)5, T0 + HOUR, -1);
	assert_int_equal(c.state, before.state);
	assert_int_equal(c.reps, before.reps);
	assert_int_equal(c.due, before.due);
	assert_int_equal(c.last_review, before.last_review);
	assert_near(c.stability, before.stability, 0);
	/* A review dated before the last one counts as the same day. */
	review(&p, &c, FSRS_GOOD, T0 - 3 * DAY);
	review(&p, &before, FSRS_GOOD, T0 + MINUTE);
	assert_near(c.stability, before.stability, 0);
	assert_int_equal(c.state, before.state);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_review_each_grade),
		cmocka_unit_test(test_interval_sequence_reviewed_when_due),
		cmocka_unit_test(test_memory_after_again_then_good),
		cmocka_unit_test(test_reference_vectors),
		cmocka_unit_test(test_fuzz_stays_in_range),
		cmocka_unit_test(test_fuzz_off_ignores_draw),
		cmocka_unit_test(test_retrievability_falls_to_retention_at_interval),
		cmocka_unit_test(test_retrievability_counts_whole_days),
		cmocka_unit_test(test_days_between_counts_calendar_days),
		cmocka_unit_test(test_review_across_midnight_is_next_day),
		cmocka_unit_test(test_bad_grade_and_clock_going_back),
	};

	return cmocka_run_group_tests_name("fsrs", tests, NULL, NULL);
}
