/* plan: the Plan screen — the weeks with their dates, days, targets and milestones. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "backprep/clock.h"
#include "tui.h"

enum { BAR = 20 };

static void plan_enter(tui *t)
{
	bp_error e;

	today_enter(t); /* fresh cards and plan */
	if (t->progress_ok)
		plan_progress_free(&t->progress);
	t->progress_ok = t->day_ok && app_progress(t->app, &t->day.plan, true, &t->progress, &e) == 0;
	if (t->day_ok && !t->progress_ok) {
		snprintf(t->msg, sizeof(t->msg), "%s", e.msg);
		t->msg_bad = true;
	}
	t->plan_scroll = 0;
}

static void plan_leave(tui *t)
{
	if (t->progress_ok)
		plan_progress_free(&t->progress);
	t->progress_ok = false;
}

/* Where the plan stands: Today's own message, from the numbers its queue acted on. */
static void add_pace(doc *d, const app_day *day, const plan_progress *pr)
{
	const app_plan *p = &day->plan;

	if (pr->behind)
		doc_printf(d, 0, "%d new questions introduced before today, %d expected by today.",
			   pr->introduced, pr->expected);
	if (day->pace_msg[0])
		doc_printf(d, day->pace_bad ? style(ATTR_BAD) : style(ATTR_GOOD), "%s",
			   day->pace_msg);
	else
		doc_printf(d, style(ATTR_GOOD), "On track.");
	if (day->pace_bad)
		doc_printf(d, 0, "More minutes (daily_minutes in config.yaml), a later interview (i "
				 "on Today) or `backprep plan --start today` change it; history stays.");
	if (p->pos.after_end)
		doc_printf(d, 0, "The plan's days are over; the drill goes on with week 4's mix.");
}

static void add_profile(doc *d, const app_plan *p)
{
	char buf[600];
	size_t used = 0;

	if (p->n_answers == 0) {
		doc_printf(d, style(ATTR_DIM), "No recruiter answers yet: press %s on Today to tune "
					       "the focus to the role.",
			   keys_name(CTX_TODAY, ACT_PROFILE));
		return;
	}
	for (int i = 0; i < p->n_answers && used < sizeof(buf); i++)
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s", i ? "; " : "",
					 p->answers[i]->text);
	doc_printf(d, 0, "Your recruiter answers (%s) change the focus from week %d on:", buf,
		   p->adjust_from);
	used = 0;
	buf[0] = '\0';
	for (int a = 0; a < AREA_COUNT && used < sizeof(buf); a++)
		if (p->adjust[a] < 0.995 || p->adjust[a] > 1.005)
			used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s x%.2f",
						 used ? ", " : "", area_name(a), p->adjust[a]);
	doc_printf(d, 0, "  %s", used ? buf : "no change");
}

static void add_focus(doc *d, const plan_targets *tg, int w)
{
	char buf[400];
	double sum = 0;
	size_t used = 0;

	for (int a = 0; a < AREA_COUNT; a++)
		sum += tg->focus[w][a];
	for (int a = 0; a < AREA_COUNT && sum > 0; a++)
		if (tg->focus[w][a] > 0)
			used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s %.0f%%",
						 used ? " · " : "", area_name(a),
						 100 * tg->focus[w][a] / sum);
	doc_printf(d, 0, "  Focus: %s", used ? buf : "none");
	doc_printf(d, 0, "  Each day: %d minutes, %d new %s", tg->daily_minutes[w],
		   tg->new_per_day[w], text_plural(tg->new_per_day[w], "question", "questions"));
}

static void add_bars(doc *d, const app_plan *p, const plan_progress *pr, int w)
{
	doc_printf(d, A_BOLD, "  New questions by area, against the week's target:");
	for (int a = 0; a < AREA_COUNT; a++) {
		int target = plan_week_target(&p->tg, &p->cal, w + 1, a);
		int done = pr->new_by_week[w][a];
		char bar[BAR * 4 + 1];

		if (!target && !done)
			continue;
		chart_hbar(bar, sizeof(bar), target ? (double)done / target : 1, BAR);
		doc_printf(d, done >= target ? style(ATTR_GOOD) : 0, "    %-14s %s %d/%d",
			   area_name(a), bar, done, target);
	}
}

static void add_days(doc *d, const app_plan *p, const plan_progress *pr, int w)
{
	for (int i = 0; i < p->cal.week_days[w]; i++) {
		int64_t day = p->cal.week_start[w] + i;
		const plan_day_stat *s = &pr->days[day - p->cal.start];
		char date[16], areas[200];
		size_t used = 0;

		clock_format_day_short(day, date);
		areas[0] = '\0';
		for (int a = 0; a < AREA_COUNT; a++)
			if (s->by_area[a])
				used += (size_t)snprintf(areas + used, sizeof(areas) - used, "%s%s %d",
							 used ? ", " : "", area_name(a), s->by_area[a]);
		if (day > p->pos.today)
			doc_printf(d, style(ATTR_DIM), "    %s", date);
		else if (s->answers == 0)
			doc_printf(d, day == p->pos.today ? 0 : style(ATTR_BAD), "    %s  %s", date,
				   day == p->pos.today ? "today: nothing yet" : "missed");
		else
			doc_printf(d, s->target_met ? style(ATTR_GOOD) : 0,
				   "    %s  %3d min  %2d answered (%s)  %s%s", date, s->seconds / 60,
				   s->answers, areas, s->target_met ? "target met" : "short",
				   day == p->pos.today ? "  [today]" : "");
	}
}

static void add_milestones(doc *d, const plan_progress *pr, int w)
{
	static const char *const mark[] = { "[ ] ", "[x] ", "[!] " };
	static const char *const word[] = { "open", "met", "missed" };

	for (int i = 0; i < pr->n_milestones; i++) {
		const milestone_eval *m = &pr->milestones[i];
		char line[300];

		if (m->week != w + 1)
			continue;
		snprintf(line, sizeof(line), "%s (%d/%d, %s)", m->m->text, m->value, m->m->count,
			 word[m->state]);
		doc_entry(d, mark[m->state], doc_keep(d, line), 4,
			  m->state == MILESTONE_MET      ? style(ATTR_GOOD)
			  : m->state == MILESTONE_MISSED ? style(ATTR_BAD)
							 : 0);
	}
}

static void add_week(doc *d, const app_plan *p, const plan_progress *pr, int w)
{
	char from[16], to[16];
	const bp_week *wk = p->plan ? &p->plan->weeks[w] : NULL;
	bool now = p->pos.week == w + 1 && !p->pos.after_end;

	clock_format_day_short(p->cal.week_start[w], from);
	clock_format_day_short(p->cal.week_start[w] + p->cal.week_days[w] - 1, to);
	doc_blank(d);
	doc_printf(d, now ? style(ATTR_SEL) : style(ATTR_HEAD),
		   "%sWeek %d · %s to %s (%d %s)%s%s%s", now ? "> " : "", w + 1, from, to,
		   p->cal.week_days[w], text_plural(p->cal.week_days[w], "day", "days"),
		   wk ? " · " : "", wk ? wk->title : "", now ? "  [now]" : "");
	if (wk && wk->goal)
		doc_text(d, wk->goal, 2, 0, TEXT_PROSE);
	add_focus(d, &p->tg, w);
	add_bars(d, p, pr, w);
	doc_printf(d, A_BOLD, "  Days:");
	add_days(d, p, pr, w);
	if (pr->n_milestones) {
		doc_printf(d, A_BOLD, "  Milestones:");
		add_milestones(d, pr, w);
	}
}

static void plan_draw(tui *t)
{
	const app_plan *p = &t->day.plan;
	char from[16], to[16], iv[16], right[64];
	doc *d = &t->doc;

	clock_format_day(p->cal.start, from);
	clock_format_day(p->cal.start + p->cal.days - 1, to);
	snprintf(right, sizeof(right), "day %d of %d", p->pos.day, p->cal.days);
	draw_title("Plan", right);
	doc_reset(d, COLS - 3);
	if (!t->progress_ok) {
		doc_printf(d, style(ATTR_BAD), "%s", t->day_ok ? t->msg : t->day_err);
	} else {
		if (p->interview)
			clock_format_day(p->interview, iv);
		doc_printf(d, A_BOLD, "%s to %s, %d days · interview: %s%s", from, to, p->cal.days,
			   p->interview ? iv : "none set (28 days)",
			   p->interview_from_config ? " (from config.yaml)" : "");
		add_pace(d, &t->day, &t->progress);
		add_profile(d, p);
		for (int w = 0; w < PLAN_WEEKS; w++)
			add_week(d, p, &t->progress, w);
	}
	t->plan_scroll = doc_draw(d, 2, LINES - 4, t->plan_scroll);
	draw_footer(keys_scroll_hints(CTX_PLAN, "back to Today"), "", 0);
}

static go plan_key(tui *t, int ch)
{
	int arg;
	action a = keys_lookup(CTX_PLAN, ch, &arg);

	if (a == ACT_BACK)
		return GO_TODAY;
	if (a == ACT_HELP)
		return GO_HELP;
	scroll_key(a, &t->plan_scroll);
	return GO_STAY;
}

static unsigned plan_ctx(const tui *t)
{
	(void)t;
	return CTX_PLAN;
}

const screen_ops plan_screen = { plan_enter, plan_leave, plan_draw, plan_key, plan_ctx };
