/*
 * exchange: progress in and out of the store as files. The JSON export (format
 * "backprep-export", version 2; the README's "Export and import" documents it) holds the
 * cards with their flags, the review log, the events (flags and resets), the plan dates, the
 * settings made in the app and the mock rounds; the CSV holds the review log alone.
 * Versions 1 and 2 are still read.
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
	EXCHANGE_VERSION = 4, /* 2 added settings, mock rounds and buried_until; 3 adds "events" and
			       * reads the flags from them; 4 adds each review's tests_passed and
			       * tests_total; 1 to 3 are still read */
	/* The largest export import reads: about 140,000 reviews, years of daily drills. */
	EXCHANGE_MAX_BYTES = 32 << 20,
};

#define EXCHANGE_FORMAT "backprep-export"

/* Writes everything in st as the JSON export to f; *bytes is its size. */
int exchange_write_json(store *st, FILE *f, size_t *bytes, bp_error *e);

/* Writes the review log to f as CSV (RFC 4180) with a header line. */
int exchange_write_csv(store *st, FILE *f, bp_error *e);

/*
 * Prints a jansson document (flags as json_dumpf's, JSON_REAL_PRECISION aside) with every
 * real in the shortest form that reads back as the same double: 0.63028553, not
 * 0.63028552999999998. Every JSON that backprep prints goes through it. *bytes (when not
 * NULL) is what was written.
 */
struct json_t;
int exchange_json_dump(const struct json_t *root, size_t flags, FILE *f, size_t *bytes);

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
	size_t settings; /* plan dates and settings copied (the database had none) */
	size_t events;   /* flag and reset events appended to the log */
	size_t cards;    /* cards rebuilt from the merged log */
	size_t mocks_added, mocks_present; /* mock rounds added, and already there */
} exchange_counts;

/*
 * Merges x into st in one transaction: the reviews (those already in the log are not added
 * again), the plan dates and settings where st has none, the events the log does not have
 * (an unsuspend too: flags are what the events say, in time order), and the mock rounds st
 * does not have (the same template started at the same second with the same questions is
 * the same round); then every card is rebuilt from the merged log.
 */
int exchange_merge(store *st, const catalog *c, const sched *sp, const exchange_file *x,
		   exchange_counts *out,
                   bp_error *e);

#endif
