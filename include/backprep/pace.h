/*
 * pace: which day each review falls on, from today to the day before the interview, so that
 * no day's expected minutes exceed the budget.
 *
 * Every review has a target day: the day it falls due (today for one already due), or the
 * day before the interview for one that would fall after it (the queue passes only those
 * that would stand below the desired retention at the interview). Riskiest first (the lowest
 * predicted recall at the interview), each review goes on the latest day at or before its
 * target that still has room: a due review on its due day when it can, a final review as
 * late as the load allows, since the latest review keeps recall at the interview highest.
 * A review with no room at or before its target goes on the earliest later day with room
 * (a backlog clears forward); one with no room on any day cannot be done before the
 * interview. The queue takes today's share; Today, the backlog, the forecast and the plan's
 * reach read the same placement. Pure: it reads and writes only what it is handed.
 */
#ifndef BACKPREP_PACE_H
#define BACKPREP_PACE_H

#include <stddef.h>

#include "backprep/catalog.h"
#include "backprep/store.h"

enum { PACE_NONE = -1, PACE_HORIZON = 14 /* days placed without an interview date */ };

typedef struct pace_card {
	const bp_item *item;
	const store_card *card;
	double minutes;        /* expected, from the estimator */
	double risk;           /* predicted recall at the interview (or now): lower is riskier */
	int target;            /* 0 today, 1 tomorrow, ... */
	int day;               /* where pace_spread put it; PACE_NONE: no room before the end */
} pace_card;

typedef struct pace_plan {
	int days;              /* today and the days after it that were placed */
	double *load;          /* expected review minutes on each day */
	double *room;          /* each day's budget (today's: what is left of it) */
	int *count;            /* reviews placed on each day */
	size_t unplaced;       /* reviews with no room on any day */
	double unplaced_minutes;
	int unplaced_by_area[AREA_COUNT];
} pace_plan;

/*
 * Places v[0..n) over `days` days (days >= 1), day d having room[d] minutes (today's: what is
 * left of it). Sorts v riskiest first and sets each card's day. -1 when out of memory.
 */
int pace_spread(pace_card *v, size_t n, int days, const double *room, pace_plan *out);
void pace_plan_free(pace_plan *p);

#endif
