/*
 * welcome: the first run's two questions — the interview date and the minutes a day —
 * each skippable. The plan starts today either way.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/clock.h"
#include "tui.h"

static void welcome_enter(tui *t)
{
	t->welcome_step = 0;
	t->input[0] = '\0';
	t->input_cur = 0;
}

static void welcome_draw(tui *t)
{
	doc *d = &t->doc;
	const app_plan *p = &t->day.plan;

	draw_title("backprep", "Welcome");
	doc_reset(d, COLS - 3);
	doc_printf(d, 0,
		   "backprep follows a four-week plan: coding fundamentals through a backend lens, "
		   "then data modeling and API design, then scale and failure, then mixed mock "
		   "rounds. Two questions fit it to you; %s on an empty answer keeps the "
		   "default, %s skips both. You can change them later: %s on Today, or `backprep "
		   "plan --interview DATE`.",
		   keys_name(CTX_WELCOME, ACT_ACCEPT), keys_name(CTX_WELCOME, ACT_BACK),
		   keys_name(CTX_TODAY, ACT_INTERVIEW));
	doc_blank(d);
	if (t->welcome_step == 0) {
		doc_heading(d, "When is your interview?");
		doc_text(d,
			 "The four weeks stretch or shrink to end the day before it, and reviews are "
			 "planned to finish before it. Without a date the plan lasts 28 days.",
			 0, 0, TEXT_PROSE);
	} else {
		doc_heading(d, "How many minutes a day do you have?");
		doc_printf(d, 0, "The plan asks for %d minutes a day in week 1. The daily drill "
				 "fills the time you give it.",
			   p->tg.daily_minutes[0]);
	}
	/* the field is on the footer, where a small window still shows it */
	doc_draw(d, 2, LINES - 4, 0);
	{
		char hint[100];

		snprintf(hint, sizeof(hint), "%s saves and goes on · %s skips both",
			 keys_name(CTX_WELCOME, ACT_ACCEPT), keys_name(CTX_WELCOME, ACT_BACK));
		draw_footer("", t->msg[0] ? t->msg : hint,
			    t->msg[0] && t->msg_bad ? style(ATTR_BAD) : (int)A_BOLD);
	}
	draw_field(t->welcome_step == 0 ? "Interview date (YYYY-MM-DD): "
				       : "Minutes a day (5-600): ",
		   t->input, t->input_cur);
}

static void say(tui *t, const char *msg)
{
	snprintf(t->msg, sizeof(t->msg), "%s", msg);
	t->msg_bad = true;
}

/* Saves the current answer; false (with a message) when it cannot be used. */
static bool save_step(tui *t)
{
	bp_error e;
	int64_t at;
	int minutes;

	if (!t->input[0])
		return true;
	if (t->welcome_step == 0) {
		if (strlen(t->input) != 10 || clock_parse_iso(t->input, &at) < 0) {
			say(t, "That is not a date like 2027-01-15.");
			return false;
		}
		if (at / 86400 <= clock_local_day(clock_now())) {
			say(t, "The interview date must be after today.");
			return false;
		}
		if (app_set_interview(t->app, at / 86400, &e) < 0) {
			say(t, e.msg);
			return false;
		}
		return true;
	}
	minutes = atoi(t->input);
	if (minutes < 5 || minutes > 600) {
		say(t, "Give the minutes as a number from 5 to 600.");
		return false;
	}
	if (app_set_daily_minutes(t->app, minutes, &e) < 0) {
		say(t, e.msg);
		return false;
	}
	return true;
}

static go finish(tui *t)
{
	bp_error e;

	/* the plan started when this first run began (app_plan_load); keep that date */
	if (app_finish_first_run(t->app, &e) < 0) {
		say(t, e.msg);
		return GO_STAY;
	}
	snprintf(t->msg, sizeof(t->msg), "Your plan starts today.");
	t->msg_bad = false;
	return GO_TODAY;
}

static go welcome_key(tui *t, int ch)
{
	int arg;

	if (field_key(t->input, t->welcome_step == 0 ? 11 : 4, &t->input_cur, ch,
		      t->welcome_step == 0 ? "0123456789-" : "0123456789")) {
		t->msg[0] = '\0';
		return GO_STAY;
	}
	switch (keys_lookup(CTX_WELCOME, ch, &arg)) {
	case ACT_ACCEPT:
		t->msg[0] = '\0';
		if (!save_step(t))
			return GO_STAY;
		t->input[0] = '\0';
		t->input_cur = 0;
		if (t->welcome_step++ == 0)
			return GO_STAY;
		return finish(t);
	case ACT_BACK:
		return finish(t);
	case ACT_HELP:
		return GO_HELP;
	default:
		return GO_STAY;
	}
}

static unsigned welcome_ctx(const tui *t)
{
	(void)t;
	return CTX_WELCOME;
}

const screen_ops welcome_screen = { welcome_enter, NULL, welcome_draw, welcome_key,
				    welcome_ctx };
