/*
 * config: the person's optional config.yaml ($XDG_CONFIG_HOME/backprep/config.yaml). A value
 * set here wins over the same setting made inside the app, and the app says so where it
 * shows it. A missing file is no error; a broken one is, with file:line:col.
 */
#ifndef BACKPREP_CONFIG_H
#define BACKPREP_CONFIG_H

#include <stdbool.h>
#include <stdint.h>

#include "backprep/error.h"
#include "backprep/keymap.h"

enum { CONFIG_MAX_STEPS = 8,
       CONFIG_STEP_CLASSES = 6 /* open coding scenario choice design long */,
       CONFIG_MAX_BINDS = 256 };

/* keys: one action's keys in force, in place of its defaults (keymap.h). */
typedef struct config_bind {
	int row; /* in key_table */
	int n;   /* 0 unbinds it */
	int keys[KEYMAP_MAX_KEYS];
} config_bind;

typedef struct bp_config {
	bool loaded;          /* a file was read */
	int daily_minutes;    /* 0: not set */
	int new_per_day;      /* -1: not set */
	int64_t interview;    /* local day (days since 1970-01-01); 0: not set */
	/* scheduler: each with a flag saying whether it was set */
	bool has_fuzz, fuzz;
	bool has_retention;
	double retention;
	bool has_max_interval;
	int max_interval;
	int n_learning;       /* -1: not set */
	int learning[CONFIG_MAX_STEPS];
	int n_relearning;     /* -1: not set */
	int relearning[CONFIG_MAX_STEPS];
	/* steps_by_kind: learning steps per class (sched.h); -1: not set */
	int n_steps_by_kind[CONFIG_STEP_CLASSES];
	int steps_by_kind[CONFIG_STEP_CLASSES][CONFIG_MAX_STEPS];
	int long_minutes;     /* 0: not set */
	double deadline_recall; /* 0: not set */
	bool has_mouse, mouse; /* mouse: on unless set false */
	int n_binds;          /* keys: each action rebound, in the file's order */
	config_bind binds[CONFIG_MAX_BINDS];
} bp_config;

void config_defaults(bp_config *c);

/* Reads path into c (defaults first). 0 when the file is missing or good. An action's keys
 * under `keys:` are checked against the key table: an unknown action or key name, or a key
 * that two actions would answer on one screen, is an error at its file:line:col. */
int config_load(const char *path, bp_config *c, bp_error *e);

/* Makes c's keys the keys in force (keymap_bind), over the defaults. */
void config_use_keys(const bp_config *c);

#endif
