/*
 * report: a configuration's figures over its seeds, as table rows (mean ± sd, and min–max
 * for the recall over all items), and the two targets with met / not met.
 */
#include <math.h>
#include <stdio.h>

#include "sim_report.h"

typedef struct spread {
	double mean, sd, min, max;
} spread;

typedef double (*field_fn)(const sim_result *r);

static double f_recall_all(const sim_result *r)
{
	return r->recall_all;
}
static double f_recall_seen(const sim_result *r)
{
	return r->recall_seen;
}
static double f_r90(const sim_result *r)
{
	return r->n_r90;
}
static double f_seen(const sim_result *r)
{
	return r->seen;
}
static double f_study(const sim_result *r)
{
	return r->study_minutes;
}
static double f_peak(const sim_result *r)
{
	return r->peak_due;
}
static double f_total(const sim_result *r)
{
	return r->total_due;
}
static double f_over(const sim_result *r)
{
	return r->days_over;
}

static double sum_days(const double *v)
{
	double sum = 0;

	for (int d = 0; d < SIM_DAYS; d++)
		sum += v[d];
	return sum;
}
static double f_new_min(const sim_result *r)
{
	return sum_days(r->new_minutes);
}
static double f_step_min(const sim_result *r)
{
	return sum_days(r->step_minutes);
}
static double f_review_min(const sim_result *r)
{
	return sum_days(r->review_minutes);
}

static spread spread_of(const sim_result *v, size_t n, field_fn f)
{
	spread s = {0, 0, INFINITY, -INFINITY};
	double sq = 0;

	for (size_t i = 0; i < n; i++) {
		double x = f(&v[i]);

		s.mean += x;
		s.min = x < s.min ? x : s.min;
		s.max = x > s.max ? x : s.max;
	}
	s.mean /= (double)n;
	for (size_t i = 0; i < n; i++)
		sq += (f(&v[i]) - s.mean) * (f(&v[i]) - s.mean);
	s.sd = n > 1 ? sqrt(sq / (double)(n - 1)) : 0;
	return s;
}

static const char *const area_short[AREA_COUNT] = {"cod", "dat", "api", "sca", "dbg", "beh", "rec"};

/* Full designs (kind design) answered by each policy, and the designs backprep's Today
 * promised on a day and the day did not serve: none when a design enters only a day that
 * holds it. Printed only when the catalog has designs. */
static void print_designs(const sim_group *g)
{
	double seen[POLICY_COUNT] = { 0 };
	int unserved = 0;

	if (!g->n || !g->res[POLICY_BACKPREP][0].designs)
		return;
	for (int p = 0; p < POLICY_COUNT; p++)
		for (size_t k = 0; k < g->n; k++)
			seen[p] += g->res[p][k].designs_seen / (double)g->n;
	for (size_t k = 0; k < g->n; k++)
		unserved += g->res[POLICY_BACKPREP][k].designs_unserved;
	printf("full designs (of %d) answered: backprep %.1f, anki-order %.1f, anki-shuffled %.1f; "
	       "promised by backprep's Today and not served that day: %d\n",
	       g->res[POLICY_BACKPREP][0].designs, seen[POLICY_BACKPREP], seen[POLICY_ANKI_ORDER],
	       seen[POLICY_ANKI_SHUFFLED], unserved);
}

void sim_print_group(const sim_world *w, const sim_group *g)
{
	printf("\nD = %d min a day, review cost %.1f, %d days skipped (mean ± sd over %zu seeds)\n",
	       g->minutes, g->cost, g->skip, g->n);
	printf("%-14s %-26s %-13s %-11s %-11s %-12s %-14s %-12s %-12s %4s %5s |", "policy",
	       "recall all (min-max)", "recall seen", "R>=0.9", "seen", "study min", "new/step/rev",
	       "peak due min", "total due", "fits", ">D");
	for (int a = 0; a < AREA_COUNT; a++)
		if (w->n_area[a])
			printf(" %4s", area_short[a]);
	printf("\n");
	for (int p = 0; p < POLICY_COUNT; p++) {
		const sim_result *v = g->res[p];
		spread all = spread_of(v, g->n, f_recall_all),
		       seen = spread_of(v, g->n, f_recall_seen), r90 = spread_of(v, g->n, f_r90),
		       ns = spread_of(v, g->n, f_seen), st = spread_of(v, g->n, f_study),
		       pk = spread_of(v, g->n, f_peak), tot = spread_of(v, g->n, f_total),
		       over = spread_of(v, g->n, f_over);
		int fits = 0;

		for (size_t k = 0; k < g->n; k++)
			fits += v[k].fits;
		printf("%-14s %.3f±%.3f (%.3f-%.3f) %.3f±%.3f   %5.1f±%-4.1f %5.1f±%-4.1f "
		       "%5.0f±%-5.0f %4.0f/%4.0f/%4.0f %5.0f±%-5.0f %5.0f±%-5.0f %zu/%zu %5.1f |",
		       sim_policy_name((sim_policy)p), all.mean, all.sd, all.min, all.max,
		       seen.mean, seen.sd, r90.mean, r90.sd, ns.mean, ns.sd, st.mean, st.sd,
		       spread_of(v, g->n, f_new_min).mean, spread_of(v, g->n, f_step_min).mean,
		       spread_of(v, g->n, f_review_min).mean, pk.mean, pk.sd, tot.mean, tot.sd,
		       (size_t)fits, g->n, over.mean);
		for (int a = 0; a < AREA_COUNT; a++) {
			double sum = 0;

			if (!w->n_area[a])
				continue;
			for (size_t k = 0; k < g->n; k++)
				sum += v[k].area[a];
			printf(" %.2f", sum / (double)g->n);
		}
		printf("\n");
	}
	print_designs(g);
}

int sim_print_targets(const sim_group *g, bool quick)
{
	double bp = spread_of(g->res[POLICY_BACKPREP], g->n, f_recall_all).mean;
	double order = spread_of(g->res[POLICY_ANKI_ORDER], g->n, f_recall_all).mean;
	double shuffled = spread_of(g->res[POLICY_ANKI_SHUFFLED], g->n, f_recall_all).mean;
	double best = order > shuffled ? order : shuffled;
	double ratio = best > 0 ? bp / best : INFINITY;
	double worst_peak = 0, worst_true = 0;
	size_t fits = 0;
	int failed = 0;
	char what[96];

	for (size_t k = 0; k < g->n; k++) {
		const sim_result *r = &g->res[POLICY_BACKPREP][k];

		if (!r->fits)
			continue;
		fits++;
		worst_peak = r->peak_planned > worst_peak ? r->peak_planned : worst_peak;
		worst_true = r->peak_due > worst_true ? r->peak_due : worst_true;
	}
	snprintf(what, sizeof(what), "D=%d cost=%.1f skip=%d", g->minutes, g->cost, g->skip);
	printf("  (1) recall >= 1.3x best baseline, %-22s backprep %.3f / %s %.3f = %.2fx: %s\n",
	       what, bp, order > shuffled ? "anki-order" : "anki-shuffled", best, ratio,
	       ratio >= 1.3 ? "met" : "not met");
	if (fits)
		printf("  (2) no day over budget, %-22s total fits in %zu/%zu seeds; largest day "
		       "%.1f min planned (budget %d): %s; %.1f min as truly taken\n",
		       what, fits, g->n, worst_peak, g->minutes,
		       worst_peak <= g->minutes + 1e-6 ? "met" : "not met", worst_true);
	else
		printf("  (2) no day over budget, %-22s the total never fits: met (nothing to "
		       "check)\n",
		       what);
	if (!quick)
		return 0;
	if (ratio < 1.0) {
		printf("not ok - backprep's recall is under the better baseline's (%s: %.2fx)\n",
		       what, ratio);
		failed++;
	} else {
		printf("ok - backprep's recall is at least the better baseline's (%s: %.2fx)\n",
		       what, ratio);
	}
	if (fits && worst_peak > g->minutes + 1e-6) {
		printf(
		    "not ok - backprep puts a day over budget when the total fits (%s: %.0f min)\n",
		    what, worst_peak);
		failed++;
	} else {
		printf("ok - backprep keeps every day within budget when the total fits (%s)\n",
		       what);
	}
	return failed;
}

void sim_print_days(const sim_group *g, size_t k)
{
	printf("\nday by day, seed %zu of D = %d, review cost %.1f, %d days skipped: due-review "
	       "minutes | minutes\nstudied on new items / same-day steps / earlier reviews | "
	       "items introduced\n%3s",
	       k + 1, g->minutes, g->cost, g->skip, "day");
	for (int p = 0; p < POLICY_COUNT; p++)
		printf("  %-30s", sim_policy_name((sim_policy)p));
	printf("\n");
	for (int d = 0; d < SIM_DAYS; d++) {
		printf("%3d", d);
		for (int p = 0; p < POLICY_COUNT; p++) {
			const sim_result *r = &g->res[p][k];

			printf("  %4.0f | %3.0f/%3.0f/%3.0f | %2d       ", r->due_minutes[d],
			       r->new_minutes[d], r->step_minutes[d], r->review_minutes[d],
			       r->new_items[d]);
		}
		printf("\n");
	}
}
