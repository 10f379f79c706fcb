/*
 * plan: where today falls in the four-week plan. The plan starts on the day of the first
 * run (kept in the database) and lasts 28 days; later days stay in week 4.
 */
#ifndef BACKPREP_PLAN_H
#define BACKPREP_PLAN_H

#include <stdint.h>

#include "backprep/catalog.h"

enum { PLAN_DAYS = 28 };

typedef struct plan_pos {
	int64_t start;  /* local day the plan started (days since 1970-01-01) */
	int64_t today;  /* local day now */
	int day;        /* 1-based day of the plan; past the end it keeps counting */
	int week;       /* 1..4 */
	int day_in_week; /* 1..7 */
} plan_pos;

void plan_position(int64_t start, int64_t today, plan_pos *out);

/* The plan's week for pos, or NULL when there is no plan. */
const bp_week *plan_week(const bp_plan *plan, const plan_pos *pos);

#endif
