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
	t->day_ok = app_today(t->app, &t->day, &e) == 0;
	if (!t->day_ok)
		bp_error_str(&e, t->day_err, sizeof(t->day_err));
}

static void add_queue(doc *d, const app_day *day)
{
	const queue *q = &day->q;
	size_t reviews = 0;

	for (size_t i = 0; i < q->n; i++)
		reviews += q->v[i].card != NULL;
	if (q->n == 0) {
		doc_printf(d, style(ATTR_GOOD), "Nothing left for today. Come back tomorrow.");
		return;
	}
	doc_printf(d, 0, "Up next: %zu question%s, about %d min (%zu review%s, %zu new)", q->n,
		 q->n == 1 ? "" : "s", q->minutes, reviews, reviews == 1 ? "" : "s", q->n - reviews);
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
		   "Content problems: %zu file%s skipped, %zu problem%s (run `backprep validate` "
		   "to see them all):",
		   files, files == 1 ? "" : "s", p->n, p->n == 1 ? "" : "s");
	for (size_t i = 0; i < p->n && i < 5; i++) {
		bp_error_str(&p->v[i], buf, sizeof(buf));
		doc_entry(d, "! ", doc_keep(d, buf), 1, style(ATTR_BAD));
	}
}

static void add_interview(doc *d, const app_day *day)
{
	char date[16];

	if (!day->interview) {
		doc_printf(d, style(ATTR_DIM), "No interview date set (press i to set one).");
		return;
	}
	clock_format_day(day->interview, date);
	if (day->days_to_interview > 0)
		doc_printf(d, 0, "Interview: %s, in %d day%s%s. Reviews are planned to finish before it.",
			   date, day->days_to_interview, day->days_to_interview == 1 ? "" : "s",
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
		doc_printf(d, style(ATTR_HEAD), "Week %d of %d · day %d of %d", day->pos.week,
			 PLAN_WEEKS, day->pos.day, day->plan.cal.days);
		if (day->week) {
			doc_text(d, day->week->title, 0, A_BOLD, TEXT_PROSE);
			doc_text(d, day->week->goal, 0, 0, TEXT_PROSE);
		}
		doc_blank(d);
		doc_printf(d, 0, "Today: %d of %d min%s · %d answered · %d new",
			   day->done.seconds / 60, day->budget,
			   day->budget_from_config ? " (from config.yaml)" : "", day->done.answers,
			   day->done.new_items);
		doc_printf(d, 0, "Due reviews: %zu · new questions available: %zu (%d a day)",
			   day->q.due_total, day->q.new_available, day->new_per_day);
		if (day->extra_new > 0)
			doc_printf(d, style(ATTR_BAD),
				   "Behind the plan by %d new question%s: %d more a day until the "
				   "end catches up (see p for the plan).",
				   day->behind, day->behind == 1 ? "" : "s", day->extra_new);
		add_queue(d, day);
		if (day->q.backlog)
			doc_printf(d, style(ATTR_BAD),
				   "Backlog: %zu review%s (%d min) wait for the coming days, riskiest "
				   "first; at %d min a day it clears in about %d day%s.",
				   day->q.backlog, day->q.backlog == 1 ? "" : "s", day->q.backlog_minutes,
				   day->budget, day->q.backlog_days, day->q.backlog_days == 1 ? "" : "s");
		add_interview(d, day);
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
	doc_draw(d, 2, LINES - 4, 0);
	if (t->editing) {
		char prompt[80];

		snprintf(prompt, sizeof(prompt), "Interview date (YYYY-MM-DD, empty to clear): %s_",
			 t->input);
		draw_footer(prompt, "Enter saves, Esc cancels", A_BOLD);
		return;
	}
	draw_footer("Enter drill   c cram   m mocks   p plan   r profile   i interview   "
		    "? help   q quit",
		    t->msg, t->msg_bad ? style(ATTR_BAD) : style(ATTR_GOOD));
}

/* The interview date being typed: digits and '-', Backspace, Enter to save, Esc to cancel. */
static go edit_key(tui *t, int ch)
{
	size_t n = strlen(t->input);
	int64_t at;
	bp_error e;

	if (ch == 27) {
		t->editing = false;
	} else if (n < 10 ? input_key(t->input, sizeof(t->input), ch, "0123456789-")
			  : input_key(t->input, sizeof(t->input), ch, "")) {
		/* typed */
	} else if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
		if (n && (n != 10 || clock_parse_iso(t->input, &at) < 0)) {
			snprintf(t->msg, sizeof(t->msg), "'%s' is not a date like 2027-01-15.", t->input);
			t->msg_bad = true;
		} else if (app_set_interview(t->app, n ? at / 86400 : 0, &e) < 0) {
			snprintf(t->msg, sizeof(t->msg), "Not saved: %s", e.msg);
			t->msg_bad = true;
		} else {
			snprintf(t->msg, sizeof(t->msg), n ? "Interview date saved." : "Interview date cleared.");
			t->msg_bad = false;
			if (t->app->cfg.interview > 0)
				snprintf(t->msg, sizeof(t->msg),
					 "Saved, but interview_date in config.yaml wins over it.");
			today_enter(t);
		}
		t->editing = false;
	}
	return GO_STAY;
}

static go today_key(tui *t, int ch)
{
	int arg;

	if (t->editing)
		return edit_key(t, ch);
	t->msg[0] = '\0';
	switch (keys_lookup(CTX_TODAY, ch, &arg)) {
	case ACT_PLAN:
		return GO_PLAN;
	case ACT_MOCK:
		return GO_MOCK;
	case ACT_PROFILE:
		return GO_PROFILE;
	case ACT_INTERVIEW:
		t->editing = true;
		t->input[0] = '\0';
		return GO_STAY;
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
