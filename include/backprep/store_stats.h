/*
 * store_stats: the aggregates the Stats screen and `backprep stats` read (src/store/stats.c),
 * computed in SQL so that only a row a day or a row an item reaches C, however long the log.
 *
 * Days are the person's local days, handed over as their bounds: bounds[i] is the start of
 * day i (Unix seconds) and bounds[n] the end of day n - 1, ascending. An answer belongs to
 * the day whose bounds hold its time, whatever time zone it was given in. Never parses YAML,
 * never draws.
 */
#ifndef BACKPREP_STORE_STATS_H
#define BACKPREP_STORE_STATS_H

#include <stdint.h>

#include "backprep/store.h"

/* Answers and seconds of each day i < n, into answers[i] and seconds[i] (every source:
 * time studied is time studied). */
int store_stats_days(store *st, const int64_t *bounds, int n, int *answers, int *seconds,
		     bp_error *e);

/*
 * True retention as Anki defines it: of the answers that were their item's first on a day
 * after a day it was answered (same revision; cram left out, as it never schedules), the
 * share that was not Again. Learning steps (a second answer the same day) and first answers
 * are not counted, nor is an item's first answer inside the days (its previous one is not
 * read). Per day i < n into n_by_day[i] and pass_by_day[i]; per item through fn (n, pass).
 */
typedef int (*store_item_count_fn)(void *ctx, const char *item, int n, int pass);
int store_stats_retention(store *st, const int64_t *bounds, int n, int *n_by_day,
			  int *pass_by_day, store_item_count_fn fn, void *ctx, bp_error *e);

/* Each item's drill answers and their seconds in [from, to), through fn (n, seconds). */
int store_stats_item_time(store *st, int64_t from, int64_t to, store_item_count_fn fn,
			  void *ctx, bp_error *e);

#endif
