/*
 * scenario: an incident told in steps, walked one step at a time. Each step first shows what
 * the person now sees (a metric, a log excerpt, a message) and the question; then the points
 * a good answer to that step covers, to tick; the walk ends with the root cause, mitigation
 * and prevention. The drill and mock rounds both walk scenarios through this. Pure state: no
 * clock, no storage, never draws.
 */
#ifndef BACKPREP_SCENARIO_H
#define BACKPREP_SCENARIO_H

#include <stdbool.h>

#include "backprep/catalog.h"

/* Steps and points past these are shown but not tickable (digits 1-9 tick a step's points). */
enum { SCENARIO_MAX_STEPS = 16, SCENARIO_MAX_POINTS = 9 };

typedef struct scenario_walk {
	const bp_item *item;
	int step;      /* the latest step on screen, 0-based */
	bool revealed; /* its expected points are shown */
	bool ended;    /* root cause, mitigation and prevention are shown */
	bool ticked[SCENARIO_MAX_STEPS][SCENARIO_MAX_POINTS];
} scenario_walk;

/* A scenario with steps, or a design with phases: walked step by step (a design's phase
 * is a step whose expected points are its key points, followed by its model answer). */
bool scenario_walkable(const bp_item *it);

/* At the first step, nothing revealed or ticked. */
void scenario_start(scenario_walk *w, const bp_item *it);

/* One step on: reveal the current step's points, else show the next step, else the ending.
 * False when the ending is already shown. */
bool scenario_advance(scenario_walk *w);

int scenario_steps(const scenario_walk *w);
/* The tickable points of a step (at most SCENARIO_MAX_POINTS). */
int scenario_step_points(const scenario_walk *w, int step);
bool scenario_step_shown(const scenario_walk *w, int step);
bool scenario_points_shown(const scenario_walk *w, int step);

/* Ticks or unticks point i of the latest step, once its points are shown. */
void scenario_toggle(scenario_walk *w, int i);
bool scenario_ticked(const scenario_walk *w, int step, int i);

/* Points ticked, and points there are, over all steps: the share covered. */
int scenario_covered(const scenario_walk *w);
int scenario_total(const scenario_walk *w);

/* The n-th point counted over all steps, for lists that number them in one run; false when
 * n is out of range. */
bool scenario_nth(const scenario_walk *w, int n, int *step, int *i);

#endif
