/*
 * chart: the charts every screen draws — a heatmap of days, horizontal bars, vertical bars
 * with a budget line, sparklines — as lines of text for a doc. Intensity is the weight of
 * a block character, so a chart reads the same in 8 colours, 256 colours and NO_COLOR.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "backprep/clock.h"
#include "tui.h"

/* Heatmap levels 0..4, lightest first. */
static const char *const shade[CHART_LEVELS] = { "·", "░", "▒", "▓", "█" };
/* Eighths of a cell, for bars and sparklines. */
static const char *const eighth[9] = { " ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
static const char *const left_eighth[8] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };

/* Appends s to buf (size n) at *used, never past the end. */
static void put(char *buf, size_t n, size_t *used, const char *s)
{
	size_t len = strlen(s);

	if (*used + len < n) {
		memcpy(buf + *used, s, len + 1);
		*used += len;
	}
}

const char *chart_shade(int level)
{
	return shade[level < 0 ? 0 : level >= CHART_LEVELS ? CHART_LEVELS - 1 : level];
}

void chart_hbar(char *buf, size_t n, double frac, int width)
{
	size_t used = 0;
	int eighths;

	buf[0] = '\0';
	if (!(frac >= 0))
		frac = 0;
	if (frac > 1)
		frac = 1;
	eighths = (int)lround(frac * width * 8);
	for (int i = 0; i < eighths / 8; i++)
		put(buf, n, &used, "█");
	if (eighths % 8)
		put(buf, n, &used, left_eighth[eighths % 8]);
	for (int i = (eighths + 7) / 8; i < width; i++)
		put(buf, n, &used, "·");
}

void chart_spark(char *buf, size_t n, const double *v, int count, double lo, double hi)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < count; i++) {
		int k;

		if (!(v[i] >= lo)) { /* no value (negative, NaN) */
			put(buf, n, &used, "·");
			continue;
		}
		k = hi > lo ? 1 + (int)lround((v[i] - lo) / (hi - lo) * 7) : 8;
		put(buf, n, &used, eighth[k > 8 ? 8 : k]);
	}
}

void chart_vbars(doc *d, const double *v, const double *line, int count, int height,
		 int indent)
{
	double top = 0;
	char row[1024];

	for (int i = 0; i < count; i++) {
		if (v[i] > top)
			top = v[i];
		if (line && line[i] > top)
			top = line[i];
	}
	if (top <= 0)
		top = 1;
	for (int r = height; r >= 1; r--) { /* row r holds values above (r-1)/height of top */
		size_t used = 0;

		row[0] = '\0';
		for (int k = 0; k < indent; k++)
			put(row, sizeof(row), &used, " ");
		for (int i = 0; i < count; i++) {
			double cells = v[i] / top * height - (r - 1);
			int lrow = line ? (int)ceil(line[i] / top * height - 1e-9) : -1;
			int e = cells >= 1 ? 8 : cells > 0 ? (int)ceil(cells * 8) : 0;

			if (e == 0 && lrow == r)
				put(row, sizeof(row), &used, "─");
			else
				put(row, sizeof(row), &used, eighth[e]);
			put(row, sizeof(row), &used, i + 1 < count ? " " : "");
		}
		doc_printf(d, 0, "%s", row);
	}
}

/* Monday 0 .. Sunday 6; day 0 (1970-01-01) was a Thursday. */
static int weekday(int64_t day)
{
	return (int)(((day + 3) % 7 + 7) % 7);
}

static int month_of(int64_t day, char name[4])
{
	char buf[16];
	int m;

	clock_format_day(day, buf); /* YYYY-MM-DD */
	m = (buf[5] - '0') * 10 + (buf[6] - '0');
	snprintf(name, 4, "%s",
		 (const char *const[]){ "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
					"Sep", "Oct", "Nov", "Dec" }[(m + 11) % 12]);
	return m;
}

int chart_heatmap(doc *d, int64_t first, const int *levels, int n, int64_t today,
		  int64_t interview, int cols)
{
	static const char *const names[7] = { "Mon", "", "Wed", "", "Fri", "", "Sun" };
	int64_t start = first - weekday(first), end = first + n; /* Monday of the first week */
	int weeks = (int)((end - start + 6) / 7), fit = (cols - 4) / 2, skip;
	char line[1024], months[512];
	size_t used;

	if (fit < 1)
		return 0;
	skip = weeks > fit ? weeks - fit : 0; /* the latest weeks that fit */
	start += 7 * skip;
	weeks -= skip;
	memset(months, ' ', sizeof(months));
	for (int w = 0, last = -1; w < weeks; w++) {
		char name[4];
		int m = month_of(start + 7 * w + 6, name);

		if (m != last && 4 + 2 * w + 3 < (int)sizeof(months) - 1 && 2 * w + 3 <= cols - 4)
			memcpy(months + 4 + 2 * w, name, 3);
		last = m;
	}
	months[4 + 2 * weeks + 2 < (int)sizeof(months) ? 4 + 2 * weeks + 2 : 0] = '\0';
	doc_printf(d, style(ATTR_DIM), "%s", months);
	for (int wd = 0; wd < 7; wd++) {
		used = 0;
		line[0] = '\0';
		snprintf(line, sizeof(line), "%-4s", names[wd]);
		used = strlen(line);
		for (int w = 0; w < weeks; w++) {
			int64_t day = start + 7 * w + wd;
			const char *c = " ";

			if (day >= first && day < end)
				c = day > today && day != interview ? " " : chart_shade(levels[day - first]);
			if (day == interview)
				c = "I";
			put(line, sizeof(line), &used, c);
			put(line, sizeof(line), &used, " ");
		}
		doc_printf(d, 0, "%s", line);
	}
	/* the marks under the columns of today and of the interview */
	used = 0;
	snprintf(line, sizeof(line), "    ");
	used = strlen(line);
	for (int w = 0; w < weeks; w++) {
		int64_t a = start + 7 * w, b = a + 7;

		put(line, sizeof(line), &used,
		    today >= a && today < b ? "^ " : interview >= a && interview < b ? "I " : "  ");
	}
	doc_printf(d, style(ATTR_DIM), "%s", line);
	return weeks;
}
