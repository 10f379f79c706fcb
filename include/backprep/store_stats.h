/*
 * store_stats: the aggregates the Stats screen and `backprep stats` read (src/store/stats.c):
 * the summaries of the review log that triggers keep in step with it (src/store/schema.c),
 * so that only a row a day or a row an item reaches C, however long the log.
 *
 * Days are local days (clock_local_day): an answer keeps the day it was given on, fixed when
 * it is written, so a day with answers given in two time zones is still one day. True
 * retention is Anki's: of the answers that were their item's first on a day after a day it
 * was answered (same revision; cram left out, as it never schedules), the share that was not
 * Again; learning steps (a second answer the same day) and first answers do not count.
 * Never parses YAML, never draws.
 */
#ifndef BACKPREP_STORE_STATS_H
#define BACKPREP_STORE_STATS_H

#include <stdint.h>

#include "backprep/store.h"

/* One day's answers (every source: time studied is time studied), their seconds, and the
 * answers that count for true retention (ret_n) with those not Again (ret_pass). */
typedef struct store_stats_day {
	int answers, seconds, ret_n, ret_pass;
} store_stats_day;

/* Days from .. from + n - 1 into out[0 .. n - 1]; days without answers are zero. */
int store_stats_days(store *st, int64_t from, int n, store_stats_day *out, bp_error *e);

/* One item's answers, of them those that count for retention and those not Again, and its
 * drill answers with their seconds. */
typedef struct store_stats_item {
	int answers, ret_n, ret_pass, drill_n, drill_seconds;
} store_stats_item;

/* Every item with answers on days from .. to - 1, through fn; fn returning non-zero stops.
 * Days that hold the whole log are read from its summary, a row an item; fewer days from
 * their answers (indexed by day). STORE_STATS_EVER as from and to: the whole log. */
#define STORE_STATS_EVER INT64_MIN, INT64_MAX
typedef int (*store_stats_item_fn)(void *ctx, const char *item, const store_stats_item *v);
int store_stats_items(store *st, int64_t from, int64_t to, store_stats_item_fn fn, void *ctx,
		      bp_error *e);

/* Makes the summaries (and each answer's retention flag) anew from the log, in one
 * transaction: for doctor, and after writing the log by other means than the store. */
int store_stats_rebuild(store *st, bp_error *e);

/* How many summary rows differ from the log (0: in step), for doctor. */
int store_stats_check(store *st, int *differ, bp_error *e);

#endif
