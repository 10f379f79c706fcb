/*
 * settings: every setting in force, its value and where it comes from (settings.h builds
 * the list from Today's own figures). The four made in the app are changed in place, put
 * back to their default, and each change can be undone, newest first, until backprep exits.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/settings.h"
#include "tui.h"

enum { SETTINGS_UNDO = 32 };

typedef struct settings_ui {
	settings_list list;
	int sel;
	bool editing;
	settings_undo undo[SETTINGS_UNDO];
	int n_undo;
} settings_ui;

/* The list again, from today's figures afresh (after a change, or on entering). */
static void settings_load(tui *t)
{
	today_enter(t);
	t->settings->list.n = 0;
	if (t->day_ok)
		settings_make(t->app, &t->day, &t->settings->list);
}

static void settings_enter(tui *t)
{
	if (!t->settings && !(t->settings = calloc(1, sizeof(*t->settings))))
		return;
	t->settings->sel = 0;
	t->settings->editing = false;
	t->msg[0] = '\0';
	settings_load(t);
}

void settings_ui_free(tui *t)
{
	free(t->settings);
	t->settings = NULL;
}

/* A heading before the first setting of each group. */
static const char *group_before(const char *name)
{
	if (strcmp(name, "daily_minutes") == 0)
		return "Your day (set in the app or in config.yaml)";
	if (strcmp(name, "deadline_recall") == 0)
		return "Scheduler (config.yaml)";
	if (strcmp(name, "plan") == 0)
		return "Plan and files";
	if (strcmp(name, "colour") == 0)
		return "Terminal";
	return NULL;
}

/* What may be typed for a setting, and the field's label. */
static const char *field_chars(const char *name)
{
	if (strcmp(name, "interview_date") == 0)
		return "0123456789-";
	if (strcmp(name, "retention") == 0)
		return "0123456789.";
	return "0123456789";
}

static const char *field_label(const char *name)
{
	if (strcmp(name, "daily_minutes") == 0)
		return "Minutes a day (5-600, empty: the plan's): ";
	if (strcmp(name, "new_per_day") == 0)
		return "New a day, a cap (0-100, empty: none): ";
	if (strcmp(name, "retention") == 0)
		return "Retention (0.70-0.99, empty: 0.90): ";
	return "Interview date (YYYY-MM-DD, empty: none): ";
}

static void settings_draw(tui *t)
{
	settings_ui *u = t->settings;
	doc *d = &t->doc;
	int sel_line = 0, sel_end = 0, body = LINES - 4;

	draw_title("Settings: what is in force, and why", "");
	doc_reset(d, COLS - 3);
	if (!u || !t->day_ok)
		doc_printf(d, style(ATTR_BAD), "%s", u ? t->day_err : "Out of memory.");
	for (size_t i = 0; u && i < u->list.n; i++) {
		const setting *s = &u->list.v[i];
		const char *group = group_before(s->name);
		bool sel = (int)i == u->sel;
		char line[SETTING_TEXT + 80];

		if (group) {
			if (i)
				doc_blank(d);
			doc_heading(d, group);
		}
		if (sel)
			sel_line = (int)d->n;
		snprintf(line, sizeof(line), "%s: %s", s->label, s->value);
		doc_entry(d, sel ? "> " : "  ", doc_keep(d, line), 0,
		          sel           ? style(ATTR_SEL)
		          : s->editable ? (int)A_BOLD
		                        : 0);
		doc_text(d, s->where, 4, style(ATTR_DIM), TEXT_PROSE);
		if (sel)
			sel_end = (int)d->n;
	}
	/* the chosen setting in view, its heading too when it fits */
	doc_draw(d, 2, body,
	         sel_end > body ? (sel_end - body < sel_line ? sel_end - body : sel_line) : 0);
	if (u && u->editing) {
		draw_footer("",
		            t->msg[0] ? t->msg : "Enter saves · empty: the default · Esc cancels",
		            t->msg[0] && t->msg_bad ? style(ATTR_BAD) : (int)A_BOLD);
		draw_field(field_label(u->list.v[u->sel].name), t->input, t->input_cur);
		return;
	}
	draw_footer("Up/Down choose   Enter change   d default   u undo   ? help   q back", t->msg,
	            t->msg_bad ? style(ATTR_BAD) : style(ATTR_GOOD));
}

/* Saves text ("" : the default) for the chosen setting; says what happened in t->msg. */
static bool settings_save(tui *t, const char *text)
{
	settings_ui *u = t->settings;
	const setting *s = &u->list.v[u->sel];
	const char *name = s->name;
	settings_undo undo;
	bp_error e;

	if (settings_set(t->app, name, text, &undo, &e) < 0) {
		snprintf(t->msg, sizeof(t->msg), "Not changed: %s", e.msg);
		t->msg_bad = true;
		return false;
	}
	if (u->n_undo == SETTINGS_UNDO) { /* the oldest goes */
		memmove(u->undo, u->undo + 1, sizeof(u->undo[0]) * (SETTINGS_UNDO - 1));
		u->n_undo--;
	}
	u->undo[u->n_undo++] = undo;
	settings_load(t);
	s = settings_find(&u->list, name);
	snprintf(t->msg, sizeof(t->msg), "%s: %.200s, %s. u undoes it.", s ? s->label : name,
	         s ? s->value : "", text[0] ? "saved" : "back to the default");
	t->msg_bad = false;
	return true;
}

static go edit_key(tui *t, int ch)
{
	settings_ui *u = t->settings;

	t->msg[0] = '\0';
	if (ch == 27)
		u->editing = false;
	else if (field_key(t->input, sizeof(t->input), &t->input_cur, ch,
	                   field_chars(u->list.v[u->sel].name)))
		; /* typed */
	else if ((ch == '\n' || ch == '\r' || ch == KEY_ENTER) && settings_save(t, t->input))
		u->editing = false;
	return GO_STAY;
}

/* Why the chosen setting cannot be changed here. */
static void say_fixed(tui *t, const setting *s)
{
	snprintf(t->msg, sizeof(t->msg), "%s is %s; it is not changed in the app.", s->label,
	         s->source == SETTING_CONFIG ? "set in config.yaml (change it there)"
	                                     : "not one of the settings made in the app");
	t->msg_bad = true;
}

static go settings_key(tui *t, int ch)
{
	settings_ui *u = t->settings;
	const setting *s;
	int arg, n;
	action a;

	if (!u)
		return ch == 'q' || ch == 27 ? GO_TODAY : GO_STAY;
	if (u->editing)
		return edit_key(t, ch);
	t->msg[0] = '\0';
	n = (int)u->list.n;
	a = keys_lookup(CTX_SETTINGS, ch, &arg);
	s = n ? &u->list.v[u->sel] : NULL;
	switch (a) {
	case ACT_UP:
		u->sel = u->sel > 0 ? u->sel - 1 : 0;
		return GO_STAY;
	case ACT_DOWN:
		u->sel = u->sel + 1 < n ? u->sel + 1 : u->sel;
		return GO_STAY;
	case ACT_TOP:
		u->sel = 0;
		return GO_STAY;
	case ACT_BOTTOM:
		u->sel = n ? n - 1 : 0;
		return GO_STAY;
	case ACT_OPEN:
		if (!s)
			return GO_STAY;
		if (!s->editable) {
			say_fixed(t, s);
			return GO_STAY;
		}
		snprintf(t->input, sizeof(t->input), "%.10s", s->edit);
		t->input_cur = strlen(t->input);
		u->editing = true;
		return GO_STAY;
	case ACT_RESET:
		if (s && !s->editable)
			say_fixed(t, s);
		else if (s)
			settings_save(t, "");
		return GO_STAY;
	case ACT_UNDO: {
		bp_error e;

		if (u->n_undo == 0) {
			snprintf(t->msg, sizeof(t->msg), "Nothing to undo.");
			t->msg_bad = false;
		} else if (settings_undo_edit(t->app, &u->undo[u->n_undo - 1], &e) < 0) {
			snprintf(t->msg, sizeof(t->msg), "Not undone: %s", e.msg);
			t->msg_bad = true;
		} else {
			const char *name = u->undo[--u->n_undo].name;

			settings_load(t);
			s = settings_find(&u->list, name);
			snprintf(t->msg, sizeof(t->msg), "Undone: %s is %.200s again.",
			         s ? s->label : name, s ? s->value : "");
			t->msg_bad = false;
		}
		return GO_STAY;
	}
	case ACT_BACK:
		return GO_TODAY;
	case ACT_QUIT:
		return GO_QUIT;
	case ACT_HELP:
		return GO_HELP;
	default:
		return GO_STAY;
	}
}

static unsigned settings_ctx(const tui *t)
{
	(void)t;
	return CTX_SETTINGS;
}

const screen_ops settings_screen = {settings_enter, NULL, settings_draw, settings_key,
                                    settings_ctx};
