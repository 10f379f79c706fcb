/* summary: what a drill did, shown when it ends or is left, before Today. */
#include <curses.h>
#include <stdio.h>

#include "backprep/clock.h"
#include "backprep/stats.h"
#include "tui.h"

static stats_drill g_sum;
static bool g_ok;

static void summary_enter(tui *t)
{
	bp_error e;

	today_enter(t); /* tomorrow's placement after this drill's answers */
	g_ok = t->day_ok && stats_drill_make(t->app, &t->day, t->drill_since, &g_sum, &e) == 0;
	if (t->day_ok && !g_ok) {
		snprintf(t->msg, sizeof(t->msg), "%s", e.msg);
		t->msg_bad = true;
	}
	t->scroll = 0;
}

static void summary_draw(tui *t)
{
	static const char *const names[4] = { "Again", "Hard", "Good", "Easy" };
	const stats_drill *s = &g_sum;
	doc *d = &t->doc;
	char bar[256];

	draw_title("Drill summary", "");
	doc_reset(d, COLS - 3);
	if (!g_ok) {
		doc_printf(d, style(ATTR_BAD), "%s", t->day_ok ? t->msg : t->day_err);
	} else {
		doc_printf(d, A_BOLD, "%d %s in %d min: %d new, %d %s", s->answered,
			   text_plural(s->answered, "answer", "answers"), s->seconds / 60,
			   s->new_answers, s->review_answers,
			   text_plural(s->review_answers, "review", "reviews"));
		doc_blank(d);
		for (int g = 0; g < 4; g++) {
			chart_hbar(bar, sizeof(bar),
				   s->answered ? (double)s->by_grade[g] / s->answered : 0, 20);
			doc_printf(d, 0, "%-6s %s %d", names[g], bar, s->by_grade[g]);
		}
		doc_blank(d);
		if (s->retention.n)
			doc_printf(d, 0, "Retention of this drill: %d of %d reviews not Again (%.0f%%)",
				   s->retention.pass, s->retention.n,
				   100 * stats_share(s->retention));
		else
			doc_printf(d, style(ATTR_DIM), "Retention of this drill: no reviews of "
						       "questions seen on an earlier day");
		doc_printf(d, 0, "Streak: %d %s", s->streak, text_plural(s->streak, "day", "days"));
		doc_printf(d, 0, "Tomorrow: %d %s placed, about %.0f min", s->due_tomorrow,
			   text_plural(s->due_tomorrow, "review", "reviews"), s->tomorrow_minutes);
	}
	t->scroll = doc_draw(d, 2, LINES - 4, t->scroll);
	{
		static const keyhint h[] = {
			{ ACT_BACK, ACT_NONE, "back to Today" },
			{ ACT_STATS, ACT_NONE, "stats" },
			{ ACT_HELP, ACT_NONE, "help" },
		};
		char hints[200];

		KEYHINTS(hints, CTX_SUMMARY, h);
		draw_footer(hints, "", 0);
	}
}

static go summary_key(tui *t, int ch)
{
	int arg;
	action a = keys_lookup(CTX_SUMMARY, ch, &arg);

	(void)t;
	if (a == ACT_BACK)
		return GO_TODAY;
	if (a == ACT_STATS)
		return GO_STATS;
	if (a == ACT_HELP)
		return GO_HELP;
	return GO_STAY;
}

static unsigned summary_ctx(const tui *t)
{
	(void)t;
	return CTX_SUMMARY;
}

const screen_ops summary_screen = { summary_enter, NULL, summary_draw, summary_key,
				    summary_ctx };
