/* today: the home screen — plan position, today's figures, the queue, content problems. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "backprep/clock.h"
#include "tui.h"

void today_enter(tui *t)
{
	bp_error e;

	if (t->day_ok)
		app_day_free(&t->day);
	t->today_scroll = 0; /* back at the top, where the day's figures are */
	t->day_ok = app_today(t->app, &t->day, &e) == 0;
	if (!t->day_ok)
		bp_error_str(&e, t->day_err, sizeof(t->day_err));
}

static void add_queue(doc *d, const app_day *day)
{
	const queue *q = &day->q;

	if (q->n == 0) {
		doc_printf(d, style(ATTR_GOOD), "Nothing left for today. Come back tomorrow.");
		return;
	}
	doc_printf(d, 0, "Up next: %zu %s, about %.0f min (%zu %s, %zu new)", q->n,
		   text_plural((long long)q->n, "question", "questions"), q->minutes, q->reviews,
		   text_plural((long long)q->reviews, "review", "reviews"), q->n - q->reviews);
}

/* Due and new counts; the allowance is the plan's, with the catch-up that fits today. */
static void add_counts(doc *d, const app_day *day)
{
	char fwd[64] = "", extra[48] = "", fit[64] = "";
	size_t fresh = day->q.n - day->q.reviews + (size_t)day->done.new_items;

	if (day->q.brought_forward)
		snprintf(fwd, sizeof(fwd), ", %zu brought forward for the interview",
			 day->q.brought_forward);
	if (day->extra_new > 0)
		snprintf(extra, sizeof(extra), " + %d to catch up", day->extra_new);
	if (fresh > (size_t)(day->plan_new + day->extra_new))
		snprintf(fit, sizeof(fit), "; your minutes fit %zu today", fresh);
	doc_printf(d, 0, "Due reviews: %zu%s · new questions available: %zu (plan: %d a day%s%s)",
		   day->q.due_total, fwd, day->q.new_available, day->plan_new, extra, fit);
}

static void add_problems(doc *d, const bp_app *app)
{
	const bp_diags *p = &app->problems;
	char buf[1200];
	size_t files = 0;

	if (p->n == 0)
		return;
	for (size_t i = 0; i < p->n; i++) {
		size_t k = 0;

		while (k < i && strcmp(p->v[k].file, p->v[i].file) != 0)
			k++;
		files += k == i;
	}
	doc_blank(d);
	doc_printf(d, style(ATTR_BAD),
		   "Content problems: %zu %s skipped, %zu %s (run `backprep validate` "
		   "to see them all):",
		   files, text_plural((long long)files, "file", "files"), p->n,
		   text_plural((long long)p->n, "problem", "problems"));
	for (size_t i = 0; i < p->n && i < 5; i++) {
		bp_error_str(&p->v[i], buf, sizeof(buf));
		doc_entry(d, "! ", doc_keep(d, buf), 1, style(ATTR_BAD));
	}
}

static void add_interview(doc *d, const app_day *day)
{
	char date[16];

	if (!day->interview) {
		doc_printf(d, style(ATTR_DIM), "No interview date set (press %s to set one).",
			   keys_name(CTX_TODAY, ACT_INTERVIEW));
		return;
	}
	clock_format_day(day->interview, date);
	if (day->days_to_interview > 0)
		doc_printf(d, 0,
			   "Interview: %s, in %d %s%s. Reviews are planned to finish before it.",
			   date, day->days_to_interview,
			   text_plural(day->days_to_interview, "day", "days"),
			   day->interview_from_config ? " (from config.yaml)" : "");
	else
		doc_printf(d, 0, "Interview: %s%s (today or past).", date,
			   day->interview_from_config ? " (from config.yaml)" : "");
}

static void today_draw(tui *t)
{
	const app_day *day = &t->day;
	char date[16], right[48];
	doc *d = &t->doc;

	/* the day's figures first, so that a small terminal still shows them; the week's goal
	 * after them */
	clock_format_day(clock_local_day(clock_now()), date);
	snprintf(right, sizeof(right), "Today · %s", date);
	draw_title("backprep", right);
	doc_reset(d, COLS - 2);
	if (store_readonly(t->app->st)) /* first, so that it shows at any size */
		doc_printf(d, style(ATTR_BAD), "Answers cannot be saved: %s.",
			   store_readonly(t->app->st));
	if (!t->day_ok) {
		doc_printf(d, style(ATTR_BAD), "%s", t->day_err);
	} else {
		doc_printf(d, style(ATTR_HEAD), "Week %d of %d · day %d of %d%s%s", day->pos.week,
			   PLAN_WEEKS, day->pos.day, day->plan.cal.days, day->week ? " · " : "",
			   day->week ? day->week->title : "");
		doc_printf(d, 0, "Today: %d of %d min%s · %d answered · %d new",
			   day->done.seconds / 60, day->budget,
			   day->budget_from_config ? " (from config.yaml)" : "", day->done.answers,
			   day->done.new_items);
		add_counts(d, day);
		if (day->pace_msg[0])
			doc_printf(d, day->pace_bad ? style(ATTR_BAD) : style(ATTR_GOOD), "%s",
				   day->pace_msg);
		if (day->mock_due)
			doc_printf(d, style(ATTR_KEY), "%s", day->mock_msg);
		add_queue(d, day);
		if (day->backlog_msg[0])
			doc_printf(d, style(ATTR_BAD), "%s", day->backlog_msg);
		add_interview(d, day);
		if (day->week) {
			doc_blank(d);
			doc_text(d, day->week->goal, 0, 0, TEXT_PROSE);
		}
		if (day->tip) {
			doc_blank(d);
			doc_entry(d, "Tip: ", day->tip, 0, style(ATTR_DIM));
		}
		if (catalog_count(t->app->cat) == 0) {
			doc_blank(d);
			doc_printf(d, style(ATTR_BAD), "No questions were loaded from %s.",
				 t->app->content[0]);
		}
	}
	add_problems(d, t->app);
	t->today_scroll = doc_draw(d, 2, LINES - 4, t->today_scroll);
	if (t->editing) {
		draw_footer("",
			    t->msg[0] ? t->msg
				      : "Enter saves · Ctrl-U then Enter clears · Esc cancels",
			    t->msg[0] && t->msg_bad ? style(ATTR_BAD) : (int)A_BOLD);
		draw_field("Interview date (YYYY-MM-DD, empty to clear): ", t->input, t->input_cur);
		return;
	}
	{
		static const keyhint h[] = {
			{ ACT_START, ACT_NONE, "drill" },	  { ACT_CRAM, ACT_NONE, "cram" },
			{ ACT_MOCK, ACT_NONE, "mocks" },	  { ACT_PLAN, ACT_NONE, "plan" },
			{ ACT_STATS, ACT_NONE, "stats" },	  { ACT_BROWSE, ACT_NONE, "browse" },
			{ ACT_FIND, ACT_NONE, "search" },	  { ACT_PROFILE, ACT_NONE, "profile" },
			{ ACT_INTERVIEW, ACT_NONE, "interview" }, { ACT_SETTINGS, ACT_NONE, "settings" },
			{ ACT_HELP, ACT_NONE, "help" },
			{ ACT_QUIT, ACT_NONE, "quit" },
		};
		char hints[400];

		KEYHINTS(hints, CTX_TODAY, h);
		draw_footer(hints, t->msg, t->msg_bad ? style(ATTR_BAD) : style(ATTR_GOOD));
	}
}

/* The interview date being typed: prefilled with the current one; emptied (Ctrl-U) and
 * saved, it clears the date. Enter saves, Esc cancels. */
static go edit_key(tui *t, int ch)
{
	size_t n = strlen(t->input);
	int64_t at;
	bp_error e;

	t->msg[0] = '\0';
	if (ch == 27) {
		t->editing = false;
	} else if (field_key(t->input, sizeof(t->input), &t->input_cur, ch, "0123456789-")) {
		/* typed */
	} else if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
		/* a date that cannot be used keeps the field open, as typed, with the reason */
		t->msg_bad = true;
		if (n && (n != 10 || clock_parse_iso(t->input, &at) < 0))
			snprintf(t->msg, sizeof(t->msg), "'%s' is not a date like 2027-01-15.", t->input);
		else if (n && at / 86400 <= clock_local_day(clock_now()))
			snprintf(t->msg, sizeof(t->msg), "The interview date must be after today.");
		else if (app_set_interview(t->app, n ? at / 86400 : 0, &e) < 0)
			snprintf(t->msg, sizeof(t->msg), "Not saved: %s", e.msg);
		else
			t->msg_bad = false;
		if (t->msg_bad)
			return GO_STAY;
		snprintf(t->msg, sizeof(t->msg), "%s",
			 n ? "Interview date saved." : "Interview date cleared.");
		if (t->app->cfg.interview > 0)
			snprintf(t->msg, sizeof(t->msg),
				 "Saved, but interview_date in config.yaml wins over it.");
		today_enter(t);
		t->editing = false;
	}
	return GO_STAY;
}

static go today_key(tui *t, int ch)
{
	int arg;
	action a;

	if (t->editing)
		return edit_key(t, ch);
	t->msg[0] = '\0';
	a = keys_lookup(CTX_TODAY, ch, &arg);
	if (scroll_key(a, &t->today_scroll))
		return GO_STAY;
	switch (a) {
	case ACT_PLAN:
		return GO_PLAN;
	case ACT_BROWSE:
	case ACT_FIND:
		t->find_first = a == ACT_FIND;
		return GO_BROWSE;
	case ACT_MOCK:
		return GO_MOCK;
	case ACT_STATS:
		return GO_STATS;
	case ACT_SETTINGS:
		return GO_SETTINGS;
	case ACT_PROFILE:
		return GO_PROFILE;
	case ACT_INTERVIEW: {
		char date[16] = "";

		if (t->day_ok && t->day.interview)
			clock_format_day(t->day.interview, date);
		snprintf(t->input, sizeof(t->input), "%s", date);
		t->input_cur = strlen(t->input);
		t->editing = true;
		return GO_STAY;
	}
	case ACT_CRAM:
		if (!t->day_ok || t->app->n_cards == 0) {
			snprintf(t->msg, sizeof(t->msg), "Nothing to cram yet: answer some questions first.");
			t->msg_bad = false;
			return GO_STAY;
		}
		t->cram = true;
		return GO_DRILL;
	case ACT_START:
		t->cram = false;
		if (t->day_ok && t->day.q.n > 0)
			return GO_DRILL;
		snprintf(t->msg, sizeof(t->msg), "Nothing to drill today.");
		t->msg_bad = false;
		return GO_STAY;
	case ACT_QUIT:
		return GO_QUIT;
	case ACT_HELP:
		return GO_HELP;
	default:
		return GO_STAY;
	}
}

static unsigned today_ctx(const tui *t)
{
	(void)t;
	return CTX_TODAY;
}

const screen_ops today_screen = { today_enter, NULL, today_draw, today_key, today_ctx };
