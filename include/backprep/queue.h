/*
 * queue: what to ask today, in order, under a time budget. Due reviews come first, the most
 * at risk of being forgotten first; then new items of the plan week and those before it,
 * earliest week and lowest level first, up to the day's allowance of new items.
 * Pure: it reads the catalog and the cards it is given, and touches nothing else.
 */
#ifndef BACKPREP_QUEUE_H
#define BACKPREP_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "backprep/catalog.h"
#include "backprep/fsrs.h"
#include "backprep/store.h"

typedef struct queue_entry {
	const bp_item *item;
	const store_card *card; /* NULL for a new item */
	double retrievability;  /* now; 1 for a new item */
} queue_entry;

typedef struct queue_opts {
	int64_t now;
	int64_t day_end;      /* reviews due before this count as due today */
	int week;             /* plan week, 1..4 */
	unsigned levels;      /* allowed levels (bit n for level n); 0 allows all */
	int budget_minutes;   /* what is left of today's time */
	int new_limit;        /* new items still allowed today */
} queue_opts;

typedef struct queue {
	queue_entry *v;
	size_t n;
	int minutes;          /* sum of the entries' minutes */
	size_t due_total;     /* reviews due today, in the queue or not */
	size_t new_available; /* new items the plan would allow, in the queue or not */
} queue;

/* Builds q from the catalog and the cards (which must outlive q). -1 when out of memory. */
int queue_build(const catalog *c, const store_card *cards, size_t n_cards, const fsrs_params *p,
		const queue_opts *o, queue *q);
void queue_free(queue *q);

#endif
