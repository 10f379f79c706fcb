/*
 * browse: every item of the catalog as a row of the Browser — its state, due day, stability,
 * predicted recall, lapses and star — filtered by text as the person types and by area,
 * state, week, level and star, and sorted by a column. Reads no review history: rows come
 * from the catalog and the cards. The search index is built once per browse_new, in memory:
 * each item's id, prompt, tags and key points, case-folded (UTF-8 aware); a filter matches
 * an item whose text holds it as a substring. Never draws.
 */
#ifndef BACKPREP_BROWSE_H
#define BACKPREP_BROWSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "backprep/catalog.h"
#include "backprep/fsrs.h"
#include "backprep/store.h"

typedef enum {
	BROWSE_NEW,
	BROWSE_LEARNING,
	BROWSE_REVIEW,
	BROWSE_RELEARNING,
	BROWSE_SUSPENDED,
	BROWSE_BURIED,
	BROWSE_STATES
} browse_state;

typedef enum {
	BROWSE_BY_ID,
	BROWSE_BY_DUE,
	BROWSE_BY_RECALL,
	BROWSE_BY_STABILITY,
	BROWSE_BY_LAPSES,
	BROWSE_BY_WEEK,
	BROWSE_SORTS
} browse_sort;

typedef struct browse_row {
	const bp_item *item;
	const store_card *card; /* NULL: never answered or flagged; of the current revision */
	browse_state state;
	double recall; /* predicted recall now, or at the interview; -1 for a new card */
} browse_row;

typedef struct browse_filter {
	const char *text; /* typed text; NULL or "": any */
	int area;         /* a bp_area, or -1: any */
	int state;        /* a browse_state, or -1: any */
	int week;         /* 1..4, or 0: any */
	int level;        /* 1..3, or 0: any */
	bool starred;     /* only starred items */
} browse_filter;

typedef struct browse browse;

/* The rows of every item of c, with the cards (which must outlive it) and recall at `at`
 * (the interview's start, or now); NULL when out of memory. */
browse *browse_new(const catalog *c, const store_card *cards, size_t n, const fsrs_params *p,
		   int64_t now, int64_t at);
void browse_free(browse *b);
size_t browse_total(const browse *b);

/* The rows that pass f, sorted by s (then by id), into *out: valid until the next call. */
size_t browse_query(browse *b, const browse_filter *f, browse_sort s,
		    const browse_row *const **out);

/* "new", "learning", "review", "relearning", "suspended", "buried". */
const char *browse_state_name(browse_state s);

/* The column a sort orders by: "id", "due", "recall", "stability", "lapses", "week". */
const char *browse_sort_name(browse_sort s);

#endif
