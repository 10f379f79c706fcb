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

enum { CONFIG_MAX_STEPS = 8, CONFIG_STEP_CLASSES = 6 /* open coding scenario choice design long */ };

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
} bp_config;

void config_defaults(bp_config *c);

/* Reads path into c (defaults first). 0 when the file is missing or good. */
int config_load(const char *path, bp_config *c, bp_error *e);

#endif
