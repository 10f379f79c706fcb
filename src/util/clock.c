/* clock: wall time (pinnable with BACKPREP_NOW), monotonic time and ISO 8601 dates. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "backprep/clock.h"

static bool pinned;
static int64_t pinned_at;

int clock_init(bp_error *e)
{
	const char *s = getenv("BACKPREP_NOW");

	pinned = false;
	if (!s || !*s)
		return 0;
	if (clock_parse_iso(s, &pinned_at) < 0) {
		bp_error_set(e, "BACKPREP_NOW='%s' is not an ISO 8601 time (e.g. 2026-11-29T08:00:00Z)",
			     s);
		return -1;
	}
	pinned = true;
	return 0;
}

int64_t clock_now(void)
{
	return pinned ? pinned_at : (int64_t)time(NULL);
}

int64_t clock_mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : dm[m - 1];
}

/* Reads exactly n digits. */
static bool digits(const char **p, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		char c = (*p)[i];

		if (c < '0' || c > '9')
			return false;
		v = v * 10 + (c - '0');
	}
	*p += n;
	*out = v;
	return true;
}

int clock_parse_iso(const char *s, int64_t *out)
{
	int y, mo, d, h = 0, mi = 0, sec = 0, oh = 0, om = 0, sign = 0;
	const char *p = s;

	if (!digits(&p, 4, &y) || *p++ != '-' || !digits(&p, 2, &mo) || *p++ != '-' ||
	    !digits(&p, 2, &d))
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
		return -1;
	if (*p == 'T' || *p == ' ') {
		p++;
		if (!digits(&p, 2, &h) || *p++ != ':' || !digits(&p, 2, &mi))
			return -1;
		if (*p == ':') {
			p++;
			if (!digits(&p, 2, &sec))
				return -1;
			if (*p == '.')
				for (p++; *p >= '0' && *p <= '9'; p++)
					;
		}
		if (h > 23 || mi > 59 || sec > 60)
			return -1;
		if (*p == 'Z') {
			p++;
		} else if (*p == '+' || *p == '-') {
			sign = *p++ == '-' ? -1 : 1;
			if (!digits(&p, 2, &oh) || (*p == ':' && !p++) || !digits(&p, 2, &om))
				return -1;
			if (oh > 23 || om > 59)
				return -1;
		}
	}
	if (*p)
		return -1;
	*out = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec -
	       sign * (oh * 3600 + om * 60);
	return 0;
}

void clock_format_iso(int64_t t, char buf[static 32])
{
	int64_t day = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	int64_t rem = t - day * 86400;
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	snprintf(buf, 32, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, (int)(rem / 3600),
		 (int)(rem / 60 % 60), (int)(rem % 60));
}

int64_t clock_local_day(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	return days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

void clock_format_day(int64_t day, char buf[static 16])
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	snprintf(buf, 16, "%04d-%02d-%02d", y, m, d);
}

int64_t clock_day_start(int64_t day)
{
	struct tm tm = { 0 };
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

void clock_format_span(int64_t seconds, char buf[static 16])
{
	double days = (double)seconds / 86400;

	if (seconds < 0)
		seconds = 0;
	if (seconds < 3600)
		snprintf(buf, 16, "%dm", (int)((seconds + 59) / 60));
	else if (seconds < 86400)
		snprintf(buf, 16, "%dh", (int)((seconds + 1800) / 3600));
	else if (days < 31)
		snprintf(buf, 16, "%dd", (int)((seconds + 43200) / 86400));
	else if (days < 365)
		snprintf(buf, 16, "%.1fmo", days / 30.4);
	else
		snprintf(buf, 16, "%.1fy", days < 1e6 ? days / 365.25 : 9999.0);
}

void clock_format_day_short(int64_t day, char buf[static 16])
{
	static const char *const wd[] = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	int y, m, d;

	/* 1970-01-01 was a Thursday */
	civil_from_days(day, &y, &m, &d);
	snprintf(buf, 16, "%s %02d %s", wd[((day % 7) + 7) % 7], d, mon[m - 1]);
}
