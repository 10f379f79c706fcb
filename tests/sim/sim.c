/*
 * sim: the learner simulation of issue 9 ("Proof: make sim"). A simulated candidate whose
 * true memory follows FSRS-6 studies the shipped catalog (./content) for a 28-day plan, D
 * minutes a day from 08:00 UTC, scheduled by backprep's engine (bp.c) or by an Anki-style
 * baseline (anki.c, new items in catalog order or shuffled). At 08:00 on the interview day it
 * reports the candidate's true recall and how the reviews were spread over the days, per
 * policy × review cost × minutes a day × skipped days, over fixed seeds, and checks the
 * issue's targets.
 *
 *   sim          the full table (8 seeds; D 30, 45, 90; cost 1.0, 0.4; 0 or 4 days skipped)
 *   sim --days   the same, then the first seed's days one by one at D 45: where time goes
 *   sim --quick  2 seeds at D 45, sanity checks, and "ok - " / "not ok - " lines; exits 1
 *                when the simulation breaks, backprep's recall is under the better
 *                baseline's (ratio < 1.0), or it puts a day over budget when the total fits
 *
 * The model (constants in sim.h):
 *  - first answer to an item: Again with probability SIM_P_FIRST_FAIL; later answers recall
 *    with the true retrievability then; on recall Hard/Good/Easy 15/75/10 %. The true card
 *    takes the grade through fsrs_review (default weights, fuzz off).
 *  - a new item takes its `minutes`, a review cost × minutes; the logged seconds are that.
 *  - an item starts only while the day's minutes remain, and then completes.
 *  - due-review minutes of a day: at 08:00, the true minutes (cost × minutes) of every review
 *    due that day by the policy's own rule — backprep: due before the day's end once the
 *    interview caps it (queue_effective_due: what queue_build takes, or leaves as backlog);
 *    the baseline: its due date. Reviews carried over count again on the next day. The total
 *    fits when the review work of the plan (each scheduled review once) is at most D × 28.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "backprep/clock.h"
#include "sim_report.h"

static const uint64_t full_seeds[] = {1, 2, 3, 4, 5, 6, 7, 8};
static const uint64_t quick_seeds[] = {1, 2};
static const int full_minutes[] = {30, 45, 90};
static const int quick_minutes[] = {45};
static const double costs[] = {1.0, 0.4};
static const int skips[] = {0, 4};

enum {
	N_COSTS = sizeof(costs) / sizeof(costs[0]),
	N_SKIPS = sizeof(skips) / sizeof(skips[0]),
	TARGET_MINUTES = 45,
};

static int load_world(sim_world *w, const char *content)
{
	bp_diags d = {0};
	char buf[1200];
	int64_t t;

	memset(w, 0, sizeof(*w));
	if (catalog_load(&content, 1, &w->cat, &d) < 0) {
		fprintf(stderr, "sim: out of memory loading %s\n", content);
		return -1;
	}
	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "sim: %s\n", bp_error_str(&d.v[i], buf, sizeof(buf)));
	bp_diags_free(&d);
	w->n_items = catalog_count(w->cat);
	for (size_t i = 0; i < w->n_items; i++) {
		const bp_item *it = catalog_item(w->cat, i);

		if (it->area == AREA_RECRUITER)
			continue;
		w->n_studied++;
		w->n_area[it->area]++;
	}
	if (w->n_studied == 0 || !catalog_plan(w->cat)) {
		fprintf(stderr, "sim: no items or no plan.yaml in %s\n", content);
		return -1;
	}
	fsrs_params_default(&w->truth);
	w->truth.fuzz = false;
	if (clock_parse_iso(SIM_START_DATE, &t) < 0)
		return -1;
	w->start_day = t / 86400;
	return 0;
}

static void print_model(const sim_world *w, size_t n_seeds, bool quick)
{
	printf("learner simulation (issue 9)%s: %zu items from ./content (recruiter items "
	       "skipped), a %d-day plan\nfrom %s, study from %02d:00 UTC each day, figures at "
	       "%02d:00 UTC on the interview day (day %d).\n",
	       quick ? ", quick run" : "", w->n_studied, SIM_DAYS, SIM_START_DATE, SIM_START_HOUR,
	       SIM_START_HOUR, SIM_DAYS);
	printf("candidate: true memory FSRS-6, default weights, fuzz off; first answer Again "
	       "with p = %.2f; later\nanswers recall with the true R; on recall Hard/Good/Easy "
	       "%.0f/%.0f/%.0f %%. A new item takes its minutes,\na review COST x minutes; an "
	       "item starts only while the day's minutes remain.\n",
	       SIM_P_FIRST_FAIL, SIM_P_HARD * 100, SIM_P_GOOD * 100, SIM_P_EASY * 100);
	printf("anki: FSRS-6 defaults, retention 0.9, steps 1m 10m, relearning 10m, short-term "
	       "on, fuzz off;\nlearning cards when due, due reviews by due date, then up to %d "
	       "new a day (catalog order, or shuffled).\n",
	       SIM_ANKI_NEW_PER_DAY);
	printf("backprep: app_day_build over in-memory cards (the plan at D min a day, the "
	       "estimator learned\nfrom the run's log, steps by kind, fuzz off), the queue "
	       "answered in order and asked again\nwhile minutes remain.\n");
	printf("due-review minutes of a day: true minutes of the reviews due at 08:00 by the "
	       "policy's rule\n(backprep: those its first queue of the day places on it; anki: "
	       "the due date, carried-over\nones included); planned: backprep's own expected "
	       "minutes of them. The total fits when the\nplan's review work, each review once, "
	       "is <= D x %d.\n",
	       SIM_DAYS);
	printf("true recall: FSRS-6's forgetting curve in continuous time since the last "
	       "answer.\n");
	printf("seeds: %zu; skipped days: 0 or %d random days (never day 0), the same for every "
	       "policy.\n",
	       n_seeds, skips[N_SKIPS - 1]);
}

/* Runs every policy for every seed of one configuration into g. */
static int run_group(const sim_world *w, int minutes, double cost, int skip, const uint64_t *seeds,
                     size_t n_seeds, sim_group *g)
{
	memset(g, 0, sizeof(*g));
	g->minutes = minutes;
	g->cost = cost;
	g->skip = skip;
	g->n = n_seeds;
	for (int p = 0; p < POLICY_COUNT; p++)
		for (size_t k = 0; k < n_seeds; k++) {
			sim_setup s = {(sim_policy)p, cost, minutes, skip, seeds[k]};

			if (sim_run_once(w, &s, &g->res[p][k]) < 0) {
				fprintf(stderr, "sim: out of memory\n");
				return -1;
			}
		}
	return 0;
}

int main(int argc, char **argv)
{
	bool quick = argc == 2 && strcmp(argv[1], "--quick") == 0;
	bool days = argc == 2 && strcmp(argv[1], "--days") == 0;
	const uint64_t *seeds = quick ? quick_seeds : full_seeds;
	size_t n_seeds = quick ? sizeof(quick_seeds) / sizeof(quick_seeds[0])
	                       : sizeof(full_seeds) / sizeof(full_seeds[0]);
	const int *mins = quick ? quick_minutes : full_minutes;
	size_t n_mins = quick ? sizeof(quick_minutes) / sizeof(quick_minutes[0])
	                      : sizeof(full_minutes) / sizeof(full_minutes[0]);
	static sim_group groups[3][N_COSTS][N_SKIPS];
	sim_world w;
	int64_t t0 = clock_mono_ms();
	int failed = 0;

	if (argc > 2 || (argc == 2 && !quick && !days)) {
		fprintf(stderr, "usage: sim [--quick | --days]\n");
		return 2;
	}
	setenv("TZ", "UTC", 1); /* local days are UTC days */
	tzset();
	if (load_world(&w, "content") < 0)
		return 1;
	print_model(&w, n_seeds, quick);
	if (quick)
		failed += sim_sanity_checks(&w);
	for (size_t m = 0; m < n_mins; m++)
		for (int c = 0; c < N_COSTS; c++)
			for (int k = 0; k < N_SKIPS; k++) {
				sim_group *g = &groups[m][c][k];

				if (run_group(&w, mins[m], costs[c], skips[k], seeds, n_seeds, g) <
				    0)
					return 1;
				sim_print_group(&w, g);
			}
	for (size_t m = 0; days && m < n_mins; m++)
		for (int c = 0; c < N_COSTS; c++)
			for (int k = 0; k < N_SKIPS; k++)
				if (mins[m] == TARGET_MINUTES)
					sim_print_days(&groups[m][c][k], 0);
	printf("\ntargets (D = %d, each review cost, with and without skipped days):\n",
	       TARGET_MINUTES);
	for (size_t m = 0; m < n_mins; m++)
		for (int c = 0; c < N_COSTS; c++)
			for (int k = 0; k < N_SKIPS; k++)
				if (mins[m] == TARGET_MINUTES)
					failed += sim_print_targets(&groups[m][c][k], quick);
	catalog_free(w.cat);
	printf("\nsim: %.1f s\n", (double)(clock_mono_ms() - t0) / 1000.0);
	if (quick)
		printf("%s\n", failed ? "sim: FAILED" : "sim: all passed");
	return quick && failed ? 1 : 0;
}
