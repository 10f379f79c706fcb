/*
 * plan: the four-week plan laid over the calendar. The plan starts on the first run (or a
 * date the person sets) and its four weeks stretch or shrink to end the day before the
 * interview, each week at least one day; without an interview date it lasts 28 days.
 * Pure: dates in, dates out.
 */
#ifndef BACKPREP_PLAN_H
#define BACKPREP_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "backprep/catalog.h"

enum { PLAN_MIN_DAYS = PLAN_WEEKS };

typedef struct plan_calendar {
	int64_t start;                  /* first local day (days since 1970-01-01) */
	int days;                       /* length in days */
	int64_t interview;              /* local day of the interview; 0: none */
	int64_t week_start[PLAN_WEEKS]; /* first day of each week */
	int week_days[PLAN_WEEKS];
} plan_calendar;

typedef struct plan_pos {
	int64_t today;
	int day;         /* 1-based day of the plan (clamped to 1 before the start) */
	int week;        /* 1..4; the last week after the end */
	int day_in_week; /* 1-based */
	bool after_end;  /* the plan's days are over */
} plan_pos;

void plan_calendar_make(int64_t start, int64_t interview, plan_calendar *cal);
void plan_position(const plan_calendar *cal, int64_t today, plan_pos *out);

/* 1..4: the week a plan day (a local day) falls in; 0 before the start, 4 after the end. */
int plan_week_of(const plan_calendar *cal, int64_t day);

/* What each week asks for, after the person's overrides and recruiter answers. */
typedef struct plan_targets {
	double focus[PLAN_WEEKS][AREA_COUNT];
	int daily_minutes[PLAN_WEEKS];
	int new_per_day[PLAN_WEEKS];
	unsigned levels[PLAN_WEEKS]; /* bit n: level n allowed */
} plan_targets;

/*
 * From plan.yaml (or defaults without one): weeks from `adjust_from` on have their focus
 * multiplied by adjust[] (the recruiter answers); daily_minutes > 0 replaces every week's
 * minutes; new_per_day >= 0 replaces every week's allowance.
 */
void plan_targets_make(const bp_plan *plan, const double *adjust, int adjust_from,
		       int daily_minutes, int new_per_day, plan_targets *t);

/* The week's new items per area over its days: plan_share (catalog.h) of the week. */
int plan_week_target(const plan_targets *t, const plan_calendar *cal, int week, bp_area a);

#endif
