/* pace: reviews spread over the days before the interview (see pace.h for the rules). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/pace.h"

/* Room is compared with a little slack, so that sums of fractions of minutes that are
 * equal on paper are not refused by a rounding error. */
#define SLACK 1e-9

/* Riskiest first, ties by id. */
static int by_risk(const void *a, const void *b)
{
	const pace_card *x = a, *y = b;

	if (x->risk != y->risk)
		return x->risk < y->risk ? -1 : 1;
	return strcmp(x->item->id, y->item->id);
}

static bool fits(const pace_plan *p, int d, double minutes)
{
	return p->load[d] + minutes <= p->room[d] + SLACK;
}

/* The latest day in [0, target] with room, else the earliest after it, else PACE_NONE. */
static int place(const pace_plan *p, int target, double minutes)
{
	if (target >= p->days)
		target = p->days - 1;
	for (int d = target; d >= 0; d--)
		if (fits(p, d, minutes))
			return d;
	for (int d = target + 1; d < p->days; d++)
		if (fits(p, d, minutes))
			return d;
	return PACE_NONE;
}

int pace_spread(pace_card *v, size_t n, int days, const double *room, pace_plan *out)
{
	memset(out, 0, sizeof(*out));
	out->days = days < 1 ? 1 : days;
	out->load = calloc((size_t)out->days, sizeof(*out->load));
	out->room = malloc((size_t)out->days * sizeof(*out->room));
	out->count = calloc((size_t)out->days, sizeof(*out->count));
	if (!out->load || !out->room || !out->count) {
		pace_plan_free(out);
		return -1;
	}
	for (int d = 0; d < out->days; d++)
		out->room[d] = room[d] > 0 ? room[d] : 0;
	qsort(v, n, sizeof(*v), by_risk);
	for (size_t i = 0; i < n; i++) {
		pace_card *c = &v[i];

		c->day = place(out, c->target < 0 ? 0 : c->target, c->minutes);
		if (c->day == PACE_NONE) {
			out->unplaced++;
			out->unplaced_minutes += c->minutes;
			out->unplaced_by_area[c->item->area]++;
			continue;
		}
		out->load[c->day] += c->minutes;
		out->count[c->day]++;
	}
	return 0;
}

void pace_plan_free(pace_plan *p)
{
	free(p->load);
	free(p->room);
	free(p->count);
	memset(p, 0, sizeof(*p));
}
