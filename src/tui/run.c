/* run: the main loop — draw when something changed, read a key, dispatch it. */
#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "backprep/clock.h"
#include "backprep/tui.h"
#include "solve.h"
#include "term.h"
#include "tui.h"

static const screen_ops *const screens[SCR_COUNT] = {
	[SCR_TODAY] = &today_screen,
	[SCR_DRILL] = &drill_screen,
	[SCR_HELP] = &help_screen,
	[SCR_PLAN] = &plan_screen,
	[SCR_PROFILE] = &profile_screen,
	[SCR_WELCOME] = &welcome_screen,
	[SCR_MOCK] = &mock_screen,
	[SCR_ROUND] = &round_screen,
	[SCR_STATS] = &stats_screen,
	[SCR_SUMMARY] = &summary_screen,
	[SCR_BROWSE] = &browse_screen,
	[SCR_ITEM] = &item_screen,
	[SCR_SETTINGS] = &settings_screen,
};

static bool too_small(void)
{
	return COLS < MIN_COLS || LINES < MIN_LINES;
}

static void draw_too_small(tui *t)
{
	char buf[200];

	doc_reset(&t->doc, COLS - 2 > 10 ? COLS - 2 : 10);
	snprintf(buf, sizeof(buf),
		 "Terminal too small: %dx%d. backprep needs at least %dx%d. Make the window "
		 "larger, or press q to quit.",
		 COLS, LINES, MIN_COLS, MIN_LINES);
	doc_text(&t->doc, doc_keep(&t->doc, buf), 0, A_BOLD, TEXT_PROSE);
	doc_draw(&t->doc, 0, LINES, 0);
}

static void draw(tui *t, screen_id cur)
{
	erase();
	mouse_clear();
	if (too_small())
		draw_too_small(t);
	else
		screens[cur]->draw(t);
	refresh();
}

/* Leaves the current screen for another; help remembers where it was opened from. */
static screen_id open_screen(tui *t, screen_id cur, screen_id next, screen_id *before_help,
			     screen_id *before_item)
{
	if (next == SCR_HELP) {
		t->help_from = screens[cur]->ctx(t);
		t->help_scroll = 0;
		*before_help = cur;
		return next;
	}
	/* details over a drill: the drill stays as it is, and q comes back to it */
	if (next == SCR_ITEM && cur == SCR_DRILL) {
		t->item_over_drill = true;
		*before_item = cur;
		screens[next]->enter(t);
		return next;
	}
	if (screens[cur]->leave)
		screens[cur]->leave(t);
	if (screens[next]->enter)
		screens[next]->enter(t);
	return next;
}

/* True when reads keep failing at once: the terminal has gone (closed window, EOF). */
static bool input_gone(int64_t started, int *fast_errors)
{
	if (clock_mono_ms() - started >= 100) {
		*fast_errors = 0;
		return false;
	}
	return ++*fast_errors > 50;
}

/* Key ch to the screen in view, and where it leads; false when it quits. */
static bool press(tui *t, screen_id *cur, screen_id *before_help, screen_id *before_item, int ch)
{
	go g = screens[*cur]->key(t, ch);

	if (g == GO_QUIT)
		return false;
	if (g == GO_BACK)
		*cur = *before_help;
	else if (g == GO_RESUME)
		*cur = *before_item;
	else if ((int)g >= 0 && (int)g < (int)SCR_COUNT)
		*cur = open_screen(t, *cur, (screen_id)g, before_help, before_item);
	return true;
}

/* A click or the wheel: the keys it stands for, pressed on the screen in view (a list row
 * is selected first, and opened by the key only when it was selected already). */
static bool mouse_keys(tui *t, screen_id *cur, screen_id *before_help, screen_id *before_item)
{
	int keys[4], row, n = mouse_read(screens[*cur]->ctx(t), &row, keys, 4);

	if (row >= 0 && (!screens[*cur]->pick || !screens[*cur]->pick(t, row)))
		return true;
	for (int i = 0; i < n; i++) {
		screen_id was = *cur;

		if (!press(t, cur, before_help, before_item, keys[i]))
			return false;
		if (*cur != was) /* the rest was meant for the screen left */
			break;
	}
	return true;
}

static void loop(tui *t)
{
	/* a first run asks its questions before Today */
	screen_id cur = t->day_ok && t->day.plan.first_run ? SCR_WELCOME : SCR_TODAY;
	screen_id before_help = cur, before_item = cur;
	bool dirty = true;
	int fast_errors = 0;

	while (!term_stop_signal()) {
		int64_t started;
		int ch, arg;

		if (screens[cur]->tick && screens[cur]->tick(t))
			dirty = true;
		if (dirty)
			draw(t, cur);
		dirty = false;
		started = clock_mono_ms();
		ch = getch();
		if (ch == ERR) {
			if (input_gone(started, &fast_errors))
				return;
			continue;
		}
		fast_errors = 0;
		dirty = true;
		if (ch == KEY_RESIZE)
			continue;
		/* the actions of every screen, before the screen sees the key */
		switch (keys_lookup(CTX_ALL, ch, &arg)) {
		case ACT_REDRAW:
			clearok(curscr, TRUE);
			continue;
		case ACT_EXIT:
			return;
		default:
			break;
		}
		if (too_small()) {
			if (ch == 'q')
				return;
			continue;
		}
		if (ch == KEY_MOUSE) {
			if (!mouse_keys(t, &cur, &before_help, &before_item))
				return;
			continue;
		}
		if (!press(t, &cur, &before_help, &before_item, ch))
			return;
	}
}

int tui_run(bp_app *app, int *signo, bp_error *e)
{
	tui t;

	memset(&t, 0, sizeof(t));
	t.app = app;
	*signo = 0;
	/* chosen once: a terminal whose locale is not UTF-8 is written in ASCII (text_ascii.c) */
	text_ascii_set(!text_codeset_is_utf8(text_codeset()));
	if (term_start(e) < 0)
		return -1;
	style_init();
	mouse_start(!app->cfg.has_mouse || app->cfg.mouse);
	today_enter(&t);
	loop(&t);
	*signo = term_stop_signal();
	term_stop();
	if (t.drill)
		drill_screen.leave(&t);
	mock_ui_free(&t);
	solve_forget(&t);
	stats_screen.leave(&t); /* a screen's figures, when it was left by a signal */
	plan_screen.leave(&t);
	browse_ui_free(&t);
	settings_ui_free(&t);
	queue_free(&t.these);
	if (t.day_ok)
		app_day_free(&t.day);
	doc_free(&t.doc);
	return 0;
}
