/*
 * sim_report: the figures of a configuration over its seeds — the table rows, the issue's
 * targets — and the quick run's sanity checks. Shared by the simulation's files only.
 */
#ifndef BACKPREP_SIM_REPORT_H
#define BACKPREP_SIM_REPORT_H

#include "sim.h"

enum { SIM_MAX_SEEDS = 16 };

/* Every policy's results for the seeds of one configuration. */
typedef struct sim_group {
	int minutes, skip;
	double cost;
	size_t n; /* seeds */
	sim_result res[POLICY_COUNT][SIM_MAX_SEEDS];
} sim_group;

void sim_print_group(const sim_world *w, const sim_group *g);

/* Prints seed k's days one by one for every policy of g: where the minutes went. */
void sim_print_days(const sim_group *g, size_t k);

/* Prints both targets for g; in a quick run also the gate's "ok - " / "not ok - " lines.
 * Returns the number of gate failures (the 1.3x target is reported, never gated). */
int sim_print_targets(const sim_group *g, bool quick);

/* check.c: the quick run's checks of the simulation itself; returns the failures. */
int sim_sanity_checks(const sim_world *w);

#endif
