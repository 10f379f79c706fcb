/*
 * check: the quick run's checks of the simulation itself, before any figure is believed —
 * no study gives no recall, a candidate with all the time in the world reaches high recall,
 * and every policy gives the same numbers twice for a seed.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sim_report.h"

enum { ALL_DAY = 10000 };
#define HIGH_RECALL 0.85 /* mean true recall a candidate with unlimited time must reach */

static int report(bool ok, const char *what)
{
	printf("%s - %s\n", ok ? "ok" : "not ok", what);
	return ok ? 0 : 1;
}

static bool same(const sim_result *a, const sim_result *b)
{
	if (a->recall_all != b->recall_all || a->recall_seen != b->recall_seen ||
	    a->n_r90 != b->n_r90 || a->seen != b->seen || a->answers != b->answers ||
	    a->study_minutes != b->study_minutes || a->total_due != b->total_due)
		return false;
	for (int d = 0; d < SIM_DAYS; d++)
		if (a->due_minutes[d] != b->due_minutes[d])
			return false;
	for (int k = 0; k < AREA_COUNT; k++)
		if (a->area[k] != b->area[k])
			return false;
	return true;
}

static int run(const sim_world *w, sim_policy p, int minutes, int skip, sim_result *out)
{
	sim_setup s = {p, 1.0, minutes, skip, 1};

	memset(out, 0, sizeof(*out));
	if (sim_run_once(w, &s, out) == 0)
		return 0;
	printf("not ok - the simulation runs (out of memory)\n");
	return -1;
}

int sim_sanity_checks(const sim_world *w)
{
	int failed = 0;
	char what[160];

	for (int p = 0; p < POLICY_COUNT; p++) {
		sim_result none, lots, a, b;
		const char *name = sim_policy_name((sim_policy)p);

		if (run(w, (sim_policy)p, 0, 0, &none) < 0 ||
		    run(w, (sim_policy)p, ALL_DAY, 0, &lots) < 0 ||
		    run(w, (sim_policy)p, 45, 4, &a) < 0 || run(w, (sim_policy)p, 45, 4, &b) < 0)
			return failed + 1;
		snprintf(what, sizeof(what), "%s: no study gives mean recall 0 (%.3f, %d seen)",
		         name, none.recall_all, none.seen);
		failed += report(none.recall_all == 0 && none.seen == 0 && none.answers == 0, what);
		snprintf(what, sizeof(what),
		         "%s: %d min a day reaches recall >= %.2f over the items seen (%.3f; %.3f "
		         "over all, %d seen)",
		         name, ALL_DAY, HIGH_RECALL, lots.recall_seen, lots.recall_all, lots.seen);
		failed += report(lots.recall_seen >= HIGH_RECALL && lots.seen > 0, what);
		snprintf(what, sizeof(what),
		         "%s: the log holds every answer and its time (%zu answers, %ld s for "
		         "%.1f min)",
		         name, a.logged, a.logged_seconds, a.study_minutes);
		failed += report(a.logged == (size_t)a.answers && a.answers > 0 &&
		                     fabs((double)a.logged_seconds - a.study_minutes * 60) <=
		                         0.5 * a.answers,
		                 what);
		snprintf(what, sizeof(what), "%s: the same numbers twice for a seed", name);
		failed += report(same(&a, &b) && a.answers > 0, what);
	}
	return failed;
}
