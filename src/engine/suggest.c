/* suggest: Today's nudge towards a mock round in the plan's last week (see app.h). */
#include <stdio.h>

#include "backprep/app.h"
#include "backprep/clock.h"
#include "backprep/store_mock.h"

bool app_mock_suggest(int week, int64_t today, int64_t last_mock, char *msg, size_t n)
{
	char day[16];

	msg[0] = '\0';
	if (week != PLAN_WEEKS || (last_mock && last_mock >= today - 1))
		return false;
	if (!last_mock) {
		snprintf(msg, n, "Week %d is for mock rounds, and you have not taken one yet: "
				 "press m for a timed round.",
			 week);
		return true;
	}
	clock_format_day_short(last_mock, day);
	snprintf(msg, n, "Week %d is for mock rounds; the last was on %s (%lld days ago): press m "
			 "for a timed round today.",
		 week, day, (long long)(today - last_mock));
	return true;
}

static int latest(void *ctx, const store_mock_round *r)
{
	int64_t *day = ctx;

	if (r->scored > 0 && clock_local_day(r->started) > *day)
		*day = clock_local_day(r->started);
	return 0;
}

int app_last_mock(bp_app *app, int64_t *day, bp_error *e)
{
	*day = 0;
	return store_mock_rounds(app->st, 0, latest, day, e);
}
