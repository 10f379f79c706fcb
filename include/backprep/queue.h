/*
 * queue: what to ask today, in order, under a time budget.
 *
 * Due reviews come first, the most at risk first: lowest retrievability now, or at the
 * interview when there is one (and then nothing waits past the day before it). New items
 * follow once every due review is in, from the plan week and the weeks before it, within the
 * week's levels, up to the day's allowance: each is drawn from an area chosen with
 * probability proportional to the week's focus weight times the area's weakness (a lower
 * mean retrievability and more lapses raise it), lowest week and level first inside an area.
 * No two neighbours share a tag when another order allows it (reviews and new items are
 * spaced each among themselves). Only the first item may exceed the budget, and only when
 * nothing fits. What does not fit is the backlog, spread over the next days by risk.
 * Pure: it reads the catalog and the cards it is given, and draws only from the rng given.
 */
#ifndef BACKPREP_QUEUE_H
#define BACKPREP_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "backprep/catalog.h"
#include "backprep/fsrs.h"
#include "backprep/rng.h"
#include "backprep/store.h"

typedef struct queue_entry {
	const bp_item *item;
	const store_card *card; /* NULL for a new item */
	double retrievability;  /* now, or at the interview when one is set; 1 for a new item */
} queue_entry;

typedef struct queue_opts {
	int64_t now;
	int64_t day_end;      /* reviews due before this count as due today */
	int week;             /* plan week, 1..4 */
	unsigned levels;      /* allowed levels (bit n for level n); 0 allows all */
	int budget_minutes;   /* what is left of today's time */
	int new_limit;        /* new items still allowed today */
	const double *focus;  /* AREA_COUNT weights of the plan week; NULL: all equal */
	int64_t interview;    /* start of the interview day (Unix seconds); 0: none */
	bp_rng *rng;          /* for drawing areas; NULL: always the heaviest */
	int daily_minutes;    /* a full day's budget, to say when a backlog clears */
} queue_opts;

typedef struct queue {
	queue_entry *v;
	size_t n;
	int minutes;          /* sum of the entries' minutes */
	size_t due_total;     /* reviews due today, in the queue or not */
	size_t new_available; /* new items the plan would allow, in the queue or not */
	size_t backlog;       /* due reviews that do not fit today */
	int backlog_minutes;
	int backlog_days;     /* days it takes to clear at a full day's budget */
	double weakness[AREA_COUNT];
} queue;

/* When a card is next due, given the interview (its due, or the day before the interview). */
int64_t queue_effective_due(const store_card *sc, int64_t now, int64_t interview);

/* Builds q from the catalog and the cards (which must outlive q). -1 when out of memory. */
int queue_build(const catalog *c, const store_card *cards, size_t n_cards, const fsrs_params *p,
		const queue_opts *o, queue *q);
void queue_free(queue *q);

/*
 * Cram: up to `limit` reviewed items with the lowest predicted recall at the interview
 * (or now, without one), ignoring due dates. Answers to them are recorded but never change
 * their schedule.
 */
int queue_cram(const catalog *c, const store_card *cards, size_t n_cards, const fsrs_params *p,
	       int64_t now, int64_t interview, size_t limit, queue *q);

#endif
