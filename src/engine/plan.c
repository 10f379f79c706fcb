/* plan: the calendar of the plan and the targets of its weeks. */
#include <string.h>

#include "backprep/plan.h"

enum { DEFAULT_MINUTES = 60, DEFAULT_NEW = 8 };

void plan_calendar_make(int64_t start, int64_t interview, plan_calendar *cal)
{
	int64_t d = start;
	int days = PLAN_DAYS;

	memset(cal, 0, sizeof(*cal));
	if (interview > 0) {
		/* the plan ends the day before the interview; four days at the least */
		days = (int)(interview - start);
		if (days < PLAN_MIN_DAYS)
			days = PLAN_MIN_DAYS;
		cal->interview = interview;
	}
	cal->start = start;
	cal->days = days;
	/* equal weeks; the days left over go to the first weeks, where the basics are */
	for (int w = 0; w < PLAN_WEEKS; w++) {
		cal->week_days[w] = days / PLAN_WEEKS + (w < days % PLAN_WEEKS);
		cal->week_start[w] = d;
		d += cal->week_days[w];
	}
}

int plan_week_of(const plan_calendar *cal, int64_t day)
{
	if (day < cal->start)
		return 0;
	for (int w = PLAN_WEEKS - 1; w >= 0; w--)
		if (day >= cal->week_start[w])
			return w + 1;
	return 1;
}

void plan_position(const plan_calendar *cal, int64_t today, plan_pos *out)
{
	int64_t d = today - cal->start;

	memset(out, 0, sizeof(*out));
	out->today = today;
	out->day = d < 0 ? 1 : (int)d + 1;
	out->after_end = d >= cal->days;
	out->week = d < 0 ? 1 : plan_week_of(cal, today);
	out->day_in_week = (int)(today - cal->week_start[out->week - 1]) + 1;
	if (out->day_in_week < 1)
		out->day_in_week = 1;
}

void plan_targets_make(const bp_plan *plan, const double *adjust, int adjust_from,
		       int daily_minutes, int new_per_day, plan_targets *t)
{
	memset(t, 0, sizeof(*t));
	for (int w = 0; w < PLAN_WEEKS; w++) {
		const bp_week *wk = plan ? &plan->weeks[w] : NULL;

		for (int a = 0; a < AREA_COUNT; a++) {
			double f = wk ? wk->focus[a] : (a == AREA_RECRUITER ? 0 : 1);

			if (adjust && w + 1 >= adjust_from)
				f *= adjust[a];
			t->focus[w][a] = f;
		}
		t->daily_minutes[w] = daily_minutes > 0 ? daily_minutes
				      : wk		 ? wk->daily_minutes
							 : DEFAULT_MINUTES;
		t->new_per_day[w] = new_per_day >= 0 ? new_per_day : wk ? wk->new_per_day : DEFAULT_NEW;
		t->levels[w] = wk ? wk->levels : 0;
	}
}

int plan_week_target(const plan_targets *t, const plan_calendar *cal, int week, bp_area a)
{
	return plan_share(t->focus[week - 1], a, t->new_per_day[week - 1], cal->week_days[week - 1]);
}
