/*
 * stats: the Stats screen — activity heatmap and streaks, the plan's weeks, mastery by area,
 * retention, the forecast, time and the mock rounds, one panel under another in a scrolled
 * document, from the engine's stats (the same numbers as `backprep stats`).
 *
 * It fits 80 columns and uses up to 120 (wider bars, more heatmap weeks). Below 80 columns
 * it drops, in this order: the time by kind, the weekly retention sparkline, the per-area
 * retention column; the heatmap shows the latest weeks that fit.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/clock.h"
#include "backprep/stats.h"
#include "tui.h"

enum { WIDE = 80, MAX_WIDTH = 120, FORECAST_ROWS = 5 };

static const char *const kind_titles[STATS_KINDS] = { "open", "coding", "incident", "choice",
								"design" };

static void stats_enter(tui *t)
{
	bp_error e;

	today_enter(t); /* today's queue: the forecast is its placement */
	if (!t->stats)
		t->stats = calloc(1, sizeof(*t->stats));
	else
		stats_free(t->stats);
	t->stats_scroll = 0;
	if (!t->stats || !t->day_ok)
		return;
	if (stats_make(t->app, &t->day, 0, 0, t->stats, &e) < 0) {
		snprintf(t->msg, sizeof(t->msg), "%s", e.msg);
		t->msg_bad = true;
		free(t->stats);
		t->stats = NULL;
	}
}

static void stats_leave(tui *t)
{
	if (t->stats)
		stats_free(t->stats);
	free(t->stats);
	t->stats = NULL;
}

/* "87%" or "-" */
static const char *pct(char *buf, size_t n, double v)
{
	if (v < 0)
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%.0f%%", 100 * v);
	return buf;
}

static void add_activity(doc *d, const stats *s, int width)
{
	int *levels = malloc((size_t)s->n_days * sizeof(*levels));

	doc_heading(d, "Activity");
	doc_printf(d, A_BOLD, "Streak %d %s · longest %d · studied %d of %d plan %s · %ld min in all",
		   s->streak_current, text_plural(s->streak_current, "day", "days"),
		   s->streak_longest, s->days_studied, s->days_planned,
		   text_plural(s->days_planned, "day", "days"), s->total_seconds / 60);
	if (!levels)
		return;
	for (int i = 0; i < s->n_days; i++)
		levels[i] = s->days[i].level;
	chart_heatmap(d, s->from, levels, s->n_days, s->today, s->interview, width);
	doc_printf(d, style(ATTR_DIM), "    %s none  %s any  %s 15+ min  %s 30+  %s 60+   ^ today%s",
		   chart_shade(0), chart_shade(1), chart_shade(2), chart_shade(3), chart_shade(4),
		   s->interview ? "  I interview" : "");
	free(levels);
}

static void add_weeks(doc *d, const stats *s, int bar)
{
	char a[512], b[512];

	doc_blank(d);
	doc_heading(d, "Plan weeks: new questions · minutes, against the targets");
	for (int w = 0; w < PLAN_WEEKS; w++) {
		const stats_week *k = &s->weeks[w];

		chart_hbar(a, sizeof(a), k->new_target ? (double)k->new_items / k->new_target : 0,
			   bar / 2);
		chart_hbar(b, sizeof(b),
			   k->minutes_target ? (double)k->minutes / k->minutes_target : 0, bar / 2);
		doc_printf(d, k->current ? A_BOLD : 0, "%s%d %s %3d/%-3d %s %4d/%d", k->current ? ">" : " ",
			   w + 1, a, k->new_items, k->new_target, b, k->minutes, k->minutes_target);
	}
}

static void add_areas(doc *d, const stats *s, int bar, bool narrow)
{
	char day[16], v[512], r[16], q[16];

	clock_format_day_short(s->recall_at, day);
	doc_blank(d);
	doc_heading(d, "Mastery by area, weakest first");
	doc_printf(d, style(ATTR_DIM), "%-13s %4s %4s %4s %4s  recall on %s%s", "", "new", "lrn",
		   "rev", "mst", day, narrow ? "" : "   retention");
	for (int i = 0; i < s->n_areas; i++) {
		const stats_area *a = &s->areas[i];

		chart_hbar(v, sizeof(v), a->recall < 0 ? 0 : a->recall, bar);
		pct(r, sizeof(r), a->recall);
		pct(q, sizeof(q), stats_share(s->by_area[a->area]));
		doc_printf(d, 0, "%-13s %4d %4d %4d %4d  %s %4s%s%s", area_name(a->area), a->new_,
			   a->learning, a->review, a->mastered, v, r, narrow ? "" : "  ",
			   narrow ? "" : q);
	}
}

static void add_retention(doc *d, const stats *s, bool narrow)
{
	char a[16], b[16], c[16], line[256];
	double w[STATS_WEEKS];

	doc_blank(d);
	doc_heading(d, "Retention (first answer of a day in review, not Again)");
	doc_printf(d, 0, "last 7 days %s · last 30 days %s · all %s · target %.0f%%",
		   pct(a, sizeof(a), stats_share(s->last_7)),
		   pct(b, sizeof(b), stats_share(s->last_30)),
		   pct(c, sizeof(c), stats_share(s->all)), 100 * s->target);
	if (narrow)
		return;
	for (int i = 0; i < STATS_WEEKS; i++)
		w[i] = stats_share(s->weekly[i]);
	chart_spark(line, sizeof(line), w, STATS_WEEKS, 0, 1);
	doc_printf(d, 0, "weekly, %d weeks: %s", STATS_WEEKS, line);
}

static void add_forecast(doc *d, const stats *s, int width)
{
	double due[STATS_FORECAST_MAX], budget[STATS_FORECAST_MAX];
	int n = s->n_forecast, over = 0;
	char marks[STATS_FORECAST_MAX * 2 + 8];

	if ((n * 2 + 4) > width)
		n = (width - 4) / 2;
	doc_blank(d);
	doc_heading(d, "Forecast: review minutes a day (─ the budget; ! over it)");
	if (n <= 0) {
		doc_printf(d, style(ATTR_DIM), "Nothing placed.");
		return;
	}
	memset(marks, ' ', sizeof(marks));
	for (int i = 0; i < n; i++) {
		due[i] = s->forecast[i].minutes;
		budget[i] = s->forecast[i].budget;
		if (due[i] > budget[i] + 0.5) {
			marks[4 + 2 * i] = '!';
			over++;
		}
	}
	marks[4 + 2 * n] = '\0';
	chart_vbars(d, due, budget, n, FORECAST_ROWS, 4);
	doc_printf(d, style(ATTR_BAD), "%s", marks);
	doc_printf(d, 0, "today %d %s, %.0f min; tomorrow %d; %d %s over budget",
		   s->forecast[0].due, text_plural(s->forecast[0].due, "review", "reviews"),
		   s->forecast[0].minutes, n > 1 ? s->forecast[1].due : 0, over,
		   text_plural(over, "day", "days"));
}

static void add_time(doc *d, const stats *s, bool narrow)
{
	double v[STATS_TIME_DAYS], top = 1;
	char line[256];

	doc_blank(d);
	doc_heading(d, "Time");
	for (int i = 0; i < STATS_TIME_DAYS; i++) {
		v[i] = s->minutes_by_day[i] ? s->minutes_by_day[i] : -1; /* a dot: none */
		if (v[i] > top)
			top = v[i];
	}
	chart_spark(line, sizeof(line), v, STATS_TIME_DAYS, 0, top);
	doc_printf(d, 0, "minutes a day, last %d days: %s (up to %.0f; · none)", STATS_TIME_DAYS,
		   line, top);
	if (narrow)
		return;
	for (int k = 0; k < STATS_KINDS; k++)
		if (s->kinds[k].answers)
			doc_printf(d, 0, "%-9s %4d %-7s %4.0f s an answer (stated %.0f s)", kind_titles[k],
				   s->kinds[k].answers,
				   text_plural(s->kinds[k].answers, "answer", "answers"),
				   s->kinds[k].seconds, s->kinds[k].stated_seconds);
}

static void add_mocks(doc *d, const stats *s)
{
	char line[256];

	doc_blank(d);
	doc_heading(d, "Mock rounds");
	if (!s->n_dims)
		doc_printf(d, style(ATTR_DIM), "No scored rounds yet: m on Today.");
	for (int i = 0; i < s->n_dims; i++) {
		const stats_dim *v = &s->dims[i];

		chart_spark(line, sizeof(line), v->scores, v->n, 1, 4);
		doc_printf(d, 0, "%-24.24s %s %.1f", v->title, line, v->n ? v->scores[v->n - 1] : 0);
	}
	doc_printf(d, s->ready ? style(ATTR_GOOD) : 0, "%d finished %s · %s", s->finished_rounds,
		   text_plural(s->finished_rounds, "round", "rounds"),
		   s->ready ? "ready" : "not ready yet");
}

static void stats_draw(tui *t)
{
	doc *d = &t->doc;
	int width = COLS - 3 > MAX_WIDTH ? MAX_WIDTH : COLS - 3;
	bool narrow = COLS < WIDE;
	int bar = width >= 100 ? 30 : width >= 76 ? 20 : 12;
	char right[32];
	const stats *s = t->stats;

	snprintf(right, sizeof(right), "day %d of %d", t->day.pos.day, t->day.plan.cal.days);
	draw_title("Stats", right);
	doc_reset(d, width);
	if (!s) {
		doc_printf(d, style(ATTR_BAD), "%s", t->day_ok ? t->msg : t->day_err);
	} else {
		add_activity(d, s, width);
		add_weeks(d, s, bar);
		add_areas(d, s, bar, narrow);
		add_retention(d, s, narrow);
		add_forecast(d, s, width);
		add_time(d, s, narrow);
		add_mocks(d, s);
	}
	t->stats_scroll = doc_draw(d, 2, LINES - 4, t->stats_scroll);
	draw_footer(keys_scroll_hints(CTX_STATS, "back to Today"), "", 0);
}

static go stats_key(tui *t, int ch)
{
	int arg;
	action a = keys_lookup(CTX_STATS, ch, &arg);

	if (a == ACT_BACK)
		return GO_TODAY;
	if (a == ACT_HELP)
		return GO_HELP;
	scroll_key(a, &t->stats_scroll);
	return GO_STAY;
}

static unsigned stats_ctx(const tui *t)
{
	(void)t;
	return CTX_STATS;
}

const screen_ops stats_screen = { stats_enter, stats_leave, stats_draw, stats_key, stats_ctx };
