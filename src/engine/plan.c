/* plan: the calendar of the four-week plan. */
#include "backprep/plan.h"

void plan_position(int64_t start, int64_t today, plan_pos *out)
{
	int64_t d = today - start;

	if (d < 0)
		d = 0;
	out->start = start;
	out->today = today;
	out->day = (int)d + 1;
	out->week = d / 7 >= PLAN_WEEKS ? PLAN_WEEKS : (int)(d / 7) + 1;
	out->day_in_week = d / 7 >= PLAN_WEEKS ? 7 : (int)(d % 7) + 1;
}

const bp_week *plan_week(const bp_plan *plan, const plan_pos *pos)
{
	return plan ? &plan->weeks[pos->week - 1] : NULL;
}
