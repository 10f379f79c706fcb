/*
 * estimate: how long an answer is expected to take — the one estimator behind the queue,
 * "about N min" on Today, the backlog, the spread of the final days and the plan's
 * feasibility.
 *
 * A new question takes its `minutes`. A review takes the item's minutes times this person's
 * review ratio for the item's kind: the median of (logged seconds / (minutes × 60)) over
 * their most recent reviews of that kind, shrunk toward a start while there are few:
 *
 *     ratio = (ESTIMATE_PRIOR_WEIGHT × start + n × median) / (ESTIMATE_PRIOR_WEIGHT + n)
 *
 * The start is the kind's prior times the person's pace: the median over all their recent
 * reviews of (sample / its kind's prior), itself shrunk toward 1 the same way. Someone whose
 * open reviews take twice the prior is expected to be slower on coding reviews too, before
 * their first coding review.
 *
 * The priors (review time as a share of a first answer) and why:
 *   open     0.50  a review says the key points again; the thinking is done once
 *   coding   0.35  a review re-derives the approach, edge cases and complexity aloud; it
 *                  does not rewrite and debug the solution
 *   scenario 0.40  the steps are familiar; the person names the evidence and the fix
 *   choice   0.70  reading the choices again takes most of the time of a short item
 * Pure: it reads what it is handed.
 */
#ifndef BACKPREP_ESTIMATE_H
#define BACKPREP_ESTIMATE_H

#include <stdbool.h>
#include <stddef.h>

#include "backprep/catalog.h"
#include "backprep/store.h"

enum {
	ESTIMATE_KINDS = KIND_COUNT,        /* bp_kind */
	ESTIMATE_PRIOR_WEIGHT = 2, /* the prior counts as this many answers */
	ESTIMATE_SAMPLES = 64,     /* the most recent reviews of a kind that count */
	ESTIMATE_RECENT = 400,     /* the most recent reviews read from the log */
};

typedef struct estimate {
	double ratio[ESTIMATE_KINDS]; /* expected review time / minutes */
	double measured[ESTIMATE_KINDS]; /* the median of the samples; 0 without */
	int n[ESTIMATE_KINDS];        /* samples behind each */
	double person;                /* the pace against the priors; 1 without answers */
} estimate;

/* The priors, with no answers behind them. */
void estimate_prior(estimate *e);

/* The prior of a kind. */
double estimate_prior_of(bp_kind k);

/*
 * Learns from reviews that were not an item's first answer, newest first (as
 * store_recent_reviews gives them); reviews of items not in the catalog are skipped.
 */
void estimate_learn(estimate *e, const catalog *c, const store_review *v, size_t n);

/* Expected minutes of an answer: the item's minutes when new, else its review time (with
 * e NULL: from the priors). */
double estimate_minutes(const estimate *e, const bp_item *it, bool review);

#endif
