/*
 * settings: every setting in force, its value and where it comes from — the default, the
 * plan, the app (the database), config.yaml, an option or the environment — for the
 * Settings screen and `backprep settings`. One place that answers "why is my budget 45?".
 *
 * The values are read from what Today itself worked out (app_day, app->sched), never
 * computed again, so this list cannot disagree with what the trainer does. The four
 * settings made in the app (minutes a day, new questions a day, the interview date, the
 * retention) can be changed here, put back to their default, and the change undone. Every
 * string is made visible (text_visible) when the list is built. Draws nothing.
 */
#ifndef BACKPREP_SETTINGS_H
#define BACKPREP_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "backprep/app.h"

typedef enum {
	SETTING_DEFAULT, /* backprep's own default */
	SETTING_PLAN,    /* plan.yaml: the week's number */
	SETTING_APP,     /* set in the app: the database's setting table */
	SETTING_CONFIG,  /* config.yaml */
	SETTING_OPTION,  /* a command-line option */
	SETTING_ENV,     /* an environment variable */
} setting_source;

enum { SETTINGS_MAX = 32, SETTING_TEXT = 600, SETTING_EDIT = 16 };

typedef struct setting {
	const char *name;         /* stable: "daily_minutes", "steps.coding", "database" */
	const char *label;        /* what a person calls it: "Minutes a day" */
	char value[SETTING_TEXT]; /* "45", "2027-01-15", "none", "0.90", "10m", a path */
	setting_source source;
	char where[SETTING_TEXT]; /* why: "set in the app on 2026-12-01", "config.yaml: PATH" */
	bool editable;            /* made in the app, and not overruled by config.yaml */
	char edit[SETTING_EDIT];  /* the value as typed to change it ("" when unset) */
} setting;

typedef struct settings_list {
	setting v[SETTINGS_MAX];
	size_t n;
} settings_list;

/* "default", "plan", "app", "config", "option", "environment". */
const char *settings_source_name(setting_source s);

/* The list for today, from app_today's figures (day) and the app. */
void settings_make(bp_app *app, const app_day *day, settings_list *out);

/* The entry named `name`, or NULL. */
const setting *settings_find(const settings_list *l, const char *name);

/* What an edit replaced, to undo it. */
typedef struct settings_undo {
	char name[32];
	char value[32];  /* the setting table's value before ("" when none) */
	char set_on[16]; /* and the day it was made */
} settings_undo;

/*
 * Sets setting `name` (one of the editable four) from `text` as typed, or puts it back to
 * its default when text is "" (undo, when not NULL, gets what it replaced). An unknown
 * name, a value out of range, or one config.yaml overrules is refused with a message that
 * says what is wanted.
 */
int settings_set(bp_app *app, const char *name, const char *text, settings_undo *undo, bp_error *e);

/* Puts back what settings_set replaced. */
int settings_undo_edit(bp_app *app, const settings_undo *u, bp_error *e);

#endif
