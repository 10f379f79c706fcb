/*
 * exchange: progress in and out of the store as files. The JSON export (format
 * "backprep-export", version 2; the README's "Export and import" documents it) holds the
 * cards, the review log, the events (flags and resets) and the plan dates; the CSV holds the
 * review log alone.
 *
 * Reading an export checks the whole file before anything is written, and never touches the
 * store: a refused file leaves the database as it was. Merging adds, never takes away. Only
 * src/exchange and src/cli include <jansson.h>; this header does not.
 */
#ifndef BACKPREP_EXCHANGE_H
#define BACKPREP_EXCHANGE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "backprep/catalog.h"
#include "backprep/error.h"
#include "backprep/fsrs.h"
#include "backprep/sched.h"
#include "backprep/store.h"

enum {
	EXCHANGE_VERSION = 2, /* 2 adds "events"; version 1 files are still read */
	/* The largest export import reads: about 140,000 reviews, years of daily drills. */
	EXCHANGE_MAX_BYTES = 32 << 20,
};

#define EXCHANGE_FORMAT "backprep-export"

/* Writes everything in st as the JSON export to f; *bytes is its size. */
int exchange_write_json(store *st, FILE *f, size_t *bytes, bp_error *e);

/* Writes the review log to f as CSV (RFC 4180) with a header line. */
int exchange_write_csv(store *st, FILE *f, bp_error *e);

typedef struct exchange_file exchange_file;

/*
 * Reads and checks the export at path. A malformed file is refused with its line and column
 * (e->file, e->line, e->col); a file that is not an export, or has a review that cannot be
 * merged, with the place in the document ("reviews[3].grade: ...").
 */
int exchange_read(const char *path, exchange_file **out, bp_error *e);
size_t exchange_n_reviews(const exchange_file *x);
void exchange_free(exchange_file *x);

typedef struct exchange_counts {
	size_t added;    /* reviews appended to the log */
	size_t present;  /* reviews the log had already */
	size_t settings; /* plan dates copied (the database had none) */
	size_t events;   /* flag and reset events appended to the log */
	size_t cards;    /* cards rebuilt from the merged log */
} exchange_counts;

/*
 * Merges x into st in one transaction: the reviews (those already in the log are not added
 * again), the plan start and interview date where st has none, and the events the log does
 * not have (an unsuspend too: flags are what the events say, in time order). Cards are not
 * rebuilt here: that is replay_all's job, afterwards.
 */
int exchange_merge(store *st, const catalog *c, const sched *sp, const exchange_file *x,
		   exchange_counts *out,
                   bp_error *e);

#endif
