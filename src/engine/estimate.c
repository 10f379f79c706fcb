/* estimate: expected answer times from the person's own review log (see estimate.h). */
#include <stdlib.h>
#include <string.h>

#include "backprep/estimate.h"

/* A review sample is clipped to this share of the minutes: a person who walked away from
 * the screen, or skipped through, says little about how long a review takes. */
#define SAMPLE_MIN 0.05
#define SAMPLE_MAX 3.0
/* No review is expected to take less than this, however short the item. */
#define REVIEW_FLOOR 0.5

double estimate_prior_of(bp_kind k)
{
	static const double prior[ESTIMATE_KINDS] = {
		[KIND_OPEN] = 0.50,
		[KIND_CODING] = 0.35,
		[KIND_SCENARIO] = 0.40,
		[KIND_CHOICE] = 0.70,
		/* a review walks the phases again and recalls their key points and numbers; it
		 * does not redo the estimates or the drawing: about 12 of 40 minutes */
		[KIND_DESIGN] = 0.30,
	};

	return (unsigned)k < ESTIMATE_KINDS ? prior[k] : prior[KIND_OPEN];
}

void estimate_prior(estimate *e)
{
	memset(e, 0, sizeof(*e));
	e->person = 1.0;
	for (int k = 0; k < ESTIMATE_KINDS; k++)
		e->ratio[k] = estimate_prior_of((bp_kind)k);
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), by_value);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void estimate_learn(estimate *e, const catalog *c, const store_review *v, size_t n)
{
	double samples[ESTIMATE_KINDS][ESTIMATE_SAMPLES], pace[ESTIMATE_KINDS * ESTIMATE_SAMPLES];
	double person = 1.0;
	int n_all = 0;

	estimate_prior(e);
	for (size_t i = 0; i < n; i++) {
		const bp_item *it = catalog_find(c, v[i].item);
		double r;

		if (!it || it->minutes <= 0 || (unsigned)it->kind >= ESTIMATE_KINDS ||
		    e->n[it->kind] == ESTIMATE_SAMPLES)
			continue;
		r = v[i].seconds / (it->minutes * 60.0);
		r = r < SAMPLE_MIN ? SAMPLE_MIN : r > SAMPLE_MAX ? SAMPLE_MAX : r;
		samples[it->kind][e->n[it->kind]++] = r;
		pace[n_all++] = r / estimate_prior_of(it->kind);
	}
	/* how this person's reviews compare with the priors, over every kind: a kind with few
	 * answers of its own starts from its prior scaled by it */
	if (n_all)
		person = (ESTIMATE_PRIOR_WEIGHT + n_all * median(pace, n_all)) /
			 (ESTIMATE_PRIOR_WEIGHT + n_all);
	e->person = person;
	for (int k = 0; k < ESTIMATE_KINDS; k++) {
		double start = estimate_prior_of((bp_kind)k) * person;

		e->ratio[k] = start;
		if (e->n[k] == 0)
			continue;
		e->measured[k] = median(samples[k], e->n[k]);
		e->ratio[k] = (ESTIMATE_PRIOR_WEIGHT * start + e->n[k] * e->measured[k]) /
			      (ESTIMATE_PRIOR_WEIGHT + e->n[k]);
	}
}

double estimate_minutes(const estimate *e, const bp_item *it, bool review)
{
	bp_kind k = (unsigned)it->kind < ESTIMATE_KINDS ? it->kind : KIND_OPEN;
	double m;

	if (!review)
		return it->minutes;
	m = it->minutes * (e ? e->ratio[k] : estimate_prior_of(k));
	return m < REVIEW_FLOOR ? REVIEW_FLOOR : m;
}
