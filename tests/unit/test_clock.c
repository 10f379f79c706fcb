/*
 * Tests of src/util/clock.c: ISO 8601 times as a person writes them (BACKPREP_NOW, the
 * interview date), their formatting, pinning the clock, and local calendar days.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "backprep/clock.h"

enum { HOUR = 3600, DAY = 86400 };

/* 2026-11-29T00:00:00Z and 08:00:00Z */
static const int64_t NOV29 = 1795910400;
static const int64_t NOV29_8AM = 1795939200;

static int64_t parse_ok(const char *s)
{
	int64_t t = 0;

	if (clock_parse_iso(s, &t) != 0)
		fail_msg("clock_parse_iso refused \"%s\"", s);
	return t;
}

static void parse_bad(const char *s)
{
	int64_t t = 0;

	if (clock_parse_iso(s, &t) == 0)
		fail_msg("clock_parse_iso accepted \"%s\" as %lld", s, (long long)t);
}

static void test_parse_date_only_is_utc_midnight(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("2026-11-29"), NOV29);
	assert_int_equal(parse_ok("1970-01-01"), 0);
	assert_int_equal(parse_ok("2024-02-29"), 1709164800); /* a leap day */
	assert_int_equal(parse_ok("2000-02-29"), 951782400);  /* 2000 is a leap year */
}

static void test_parse_time_with_z(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("2026-11-29T08:00:00Z"), NOV29_8AM);
	assert_int_equal(parse_ok("2026-11-29T08:00Z"), NOV29_8AM);
	assert_int_equal(parse_ok("2026-11-29T23:59:59Z"), NOV29 + DAY - 1);
	/* No zone means UTC. */
	assert_int_equal(parse_ok("2026-11-29T08:00:00"), NOV29_8AM);
}

static void test_parse_offsets(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("2026-11-29T10:00:00+02:00"), NOV29_8AM);
	assert_int_equal(parse_ok("2026-11-29T03:30:00-04:30"), NOV29_8AM);
	assert_int_equal(parse_ok("2026-11-29T08:00:00+00:00"), NOV29_8AM);
	/* An offset that crosses midnight moves the date. */
	assert_int_equal(parse_ok("2026-11-29T01:00:00+05:00"), NOV29 - 4 * HOUR);
	assert_int_equal(parse_ok("2026-11-28T22:00:00-10:00"), NOV29_8AM);
}

static void test_parse_fractional_seconds(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("2026-11-29T08:00:00.123Z"), NOV29_8AM);
	assert_int_equal(parse_ok("2026-11-29T08:00:00.999999+00:00"), NOV29_8AM);
	assert_int_equal(parse_ok("2026-11-29T08:00:05.5"), NOV29_8AM + 5);
}

static void test_parse_rejects_impossible_and_malformed(void **state)
{
	(void)state;
	parse_bad("2026-02-30");
	parse_bad("2026-02-29"); /* not a leap year */
	parse_bad("2100-02-29"); /* nor is 2100 */
	parse_bad("2026-04-31");
	parse_bad("2026-13-01");
	parse_bad("2026-00-10");
	parse_bad("2026-11-00");
	parse_bad("2026-11-29T24:00:00Z");
	parse_bad("2026-11-29T08:60:00Z");
	parse_bad("2026-11-29T08:00:00+24:00");
	/* trailing junk */
	parse_bad("2026-11-29T08:00:00Zjunk");
	parse_bad("2026-11-29 and then");
	parse_bad("2026-11-29x");
	parse_bad("2026-11-29T08:00:00Z ");
	/* not the format at all */
	parse_bad("");
	parse_bad("tomorrow");
	parse_bad("26-11-29");
	parse_bad("2026-1-29");
	parse_bad("2026/11/29");
	parse_bad("2026-11-29T8:00");
	parse_bad("2026-11-29T08");
	parse_bad("2026-11-29T08:00:00+2");
}

static void test_format_iso(void **state)
{
	char buf[32];

	(void)state;
	clock_format_iso(NOV29_8AM, buf);
	assert_string_equal(buf, "2026-11-29T08:00:00Z");
	clock_format_iso(0, buf);
	assert_string_equal(buf, "1970-01-01T00:00:00Z");
	clock_format_iso(-1, buf);
	assert_string_equal(buf, "1969-12-31T23:59:59Z");
	clock_format_iso(1709164800 + 12 * HOUR + 34 * 60 + 56, buf);
	assert_string_equal(buf, "2024-02-29T12:34:56Z");
}

static void test_format_parse_round_trip(void **state)
{
	char buf[32];

	(void)state;
	/* From 1950 to 2100, in steps that land on every hour, minute and second. */
	for (int64_t t = -631152000; t < 4102444800; t += 7777777) {
		clock_format_iso(t, buf);
		if (parse_ok(buf) != t)
			fail_msg("%lld formats as %s, which parses as %lld", (long long)t, buf,
				 (long long)parse_ok(buf));
	}
}

static void test_now_pinned_by_env(void **state)
{
	bp_error e;

	(void)state;
	setenv("BACKPREP_NOW", "2026-11-29T10:00:00+02:00", 1);
	assert_int_equal(clock_init(&e), 0);
	assert_int_equal(clock_now(), NOV29_8AM);
	assert_int_equal(clock_now(), NOV29_8AM); /* it does not move */
	unsetenv("BACKPREP_NOW");
	/* Only clock_init reads it: unsetting afterwards changes nothing until the next. */
	assert_int_equal(clock_now(), NOV29_8AM);
	assert_int_equal(clock_init(&e), 0);
	assert_true(llabs(clock_now() - (int64_t)time(NULL)) <= 2);
}

static void test_now_bad_value_is_named(void **state)
{
	bp_error e;

	(void)state;
	setenv("BACKPREP_NOW", "2026-02-30T08:00:00Z", 1);
	bp_error_clear(&e);
	assert_int_equal(clock_init(&e), -1);
	assert_non_null(strstr(e.msg, "BACKPREP_NOW"));
	assert_non_null(strstr(e.msg, "2026-02-30T08:00:00Z"));
	/* The real clock is used rather than a half-parsed time. */
	assert_true(llabs(clock_now() - (int64_t)time(NULL)) <= 2);

	setenv("BACKPREP_NOW", "yesterday", 1);
	assert_int_equal(clock_init(&e), -1);
	assert_non_null(strstr(e.msg, "BACKPREP_NOW='yesterday'"));
	unsetenv("BACKPREP_NOW");
	assert_int_equal(clock_init(&e), 0);
}

static void test_mono_moves_forward(void **state)
{
	int64_t a, b;
	struct timespec ts = { 0, 20 * 1000000 };

	(void)state;
	setenv("BACKPREP_NOW", "2026-11-29T08:00:00Z", 1);
	assert_int_equal(clock_init(NULL), 0);
	a = clock_mono_ms();
	nanosleep(&ts, NULL);
	b = clock_mono_ms();
	/* Pinning the wall clock does not stop the stopwatch. */
	assert_true(b - a >= 19);
	assert_true(b - a < 5000);
	unsetenv("BACKPREP_NOW");
	clock_init(NULL);
}

static void set_tz(const char *tz)
{
	if (tz)
		setenv("TZ", tz, 1);
	else
		unsetenv("TZ");
	tzset();
}

static void test_local_day_follows_the_time_zone(void **state)
{
	char buf[16];
	int64_t day;

	(void)state;
	set_tz("UTC0");
	day = clock_local_day(NOV29_8AM);
	clock_format_day(day, buf);
	assert_string_equal(buf, "2026-11-29");
	assert_int_equal(clock_day_start(day), NOV29);

	/* 03:00 UTC is still the evening before in New York. */
	set_tz("EST5EDT,M3.2.0,M11.1.0");
	day = clock_local_day(NOV29 + 3 * HOUR);
	clock_format_day(day, buf);
	assert_string_equal(buf, "2026-11-28");
	assert_int_equal(clock_day_start(day), NOV29 - DAY + 5 * HOUR);
	assert_int_equal(clock_local_day(clock_day_start(day)), day);
	set_tz(NULL);
}

static void test_days_around_daylight_saving(void **state)
{
	int64_t mar8, nov1;

	(void)state;
	set_tz("EST5EDT,M3.2.0,M11.1.0");
	/* 2026-03-08 loses an hour in New York, 2026-11-01 gains one. */
	mar8 = clock_local_day(1772946000); /* 2026-03-08T05:00:00Z, local midnight */
	assert_int_equal(clock_day_start(mar8), 1772946000);
	assert_int_equal(clock_day_start(mar8 + 1) - clock_day_start(mar8), 23 * HOUR);
	nov1 = clock_local_day(1793505600); /* 2026-11-01T04:00:00Z, local midnight */
	assert_int_equal(clock_day_start(nov1), 1793505600);
	assert_int_equal(clock_day_start(nov1 + 1) - clock_day_start(nov1), 25 * HOUR);
	set_tz(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_date_only_is_utc_midnight),
		cmocka_unit_test(test_parse_time_with_z),
		cmocka_unit_test(test_parse_offsets),
		cmocka_unit_test(test_parse_fractional_seconds),
		cmocka_unit_test(test_parse_rejects_impossible_and_malformed),
		cmocka_unit_test(test_format_iso),
		cmocka_unit_test(test_format_parse_round_trip),
		cmocka_unit_test(test_now_pinned_by_env),
		cmocka_unit_test(test_now_bad_value_is_named),
		cmocka_unit_test(test_mono_moves_forward),
		cmocka_unit_test(test_local_day_follows_the_time_zone),
		cmocka_unit_test(test_days_around_daylight_saving),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
