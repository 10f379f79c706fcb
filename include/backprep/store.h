/*
 * store: the progress file, one SQLite database. Every SQL statement lives here. The review
 * log is the truth; the card table is a cache of each item's scheduling state that the engine
 * can rebuild from the log. An answer is saved only when store_record returned 0, which is
 * after COMMIT succeeded. Never parses YAML, never draws.
 */
#ifndef BACKPREP_STORE_H
#define BACKPREP_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "backprep/error.h"

enum {
	STORE_SCHEMA = 5,        /* PRAGMA user_version this build writes */
	STORE_APP_ID = 0x62707270, /* PRAGMA application_id: "bprp" */
	STORE_ID_MAX = 128,      /* longest item id, with its NUL */
};

/* Open for reading only: no lock, no migration, nothing written. */
#define STORE_READONLY 1u

typedef struct store store;

typedef struct store_review {
	int64_t id; /* set by store_record and when read */
	const char *item;
	int rev;
	int64_t at; /* Unix seconds */
	int grade;  /* 1..4 */
	int covered, points, hints, seconds;
	int tests_passed, tests_total; /* a coding answer's solution run; 0 of 0: none */
	double draw;        /* the fuzz draw the scheduler used; negative for none */
	const char *source; /* "drill", "mock" (scored in a mock round), or "cram" (recorded,
			     * never scheduled) */
	int64_t day;	    /* the local day it was given on (clock_local_day); 0 when written:
			     * the day of `at` here and now. Read by store_reviews and _range */
	bool first;	    /* read only: it counts for true retention (store_stats.h); read by
			     * store_reviews_range */
} store_review;

typedef struct store_card {
	char item[STORE_ID_MAX];
	int rev;
	int state; /* fsrs_state */
	double stability, difficulty;
	int64_t due, last_review, introduced; /* introduced: time of its first review */
	int scheduled_days, reps, lapses, step;
	bool suspended, starred;
	int64_t buried_until;
} store_card;

/* What a person did to a card besides answering it: "suspend", "unsuspend", "star",
 * "unstar", "bury" (until `until`), "unbury", or "reset" (the card starts over as new; the
 * reviews before it stay in the log but no longer schedule it). */
typedef struct store_event {
	int64_t id; /* set by store_event_append and when read */
	const char *item;
	int64_t at;
	const char *kind;
	int64_t until;
} store_event;

typedef struct store_day {
	int answers;   /* reviews recorded in the range */
	int new_items; /* cards first reviewed in the range */
	int seconds;   /* time spent answering */
} store_day;

/*
 * Opens (creating when missing, unless read-only) the database at path. An empty (0-byte)
 * file is refused: a progress file is never empty, so it was cut short or made by hand.
 * Read-write opens take an exclusive lock on "<path>.lock" so that a second backprep is told
 * at once; they apply migrations after copying the file to "<path>.bak-v<N>". A file that is
 * not SQLite, belongs to another application, or was written by a newer backprep is refused
 * and never written.
 * A read-only open of a missing file gives an empty store in memory.
 */
int store_open(const char *path, unsigned flags, store **out, bp_error *e);
void store_close(store *st);
const char *store_path(const store *st);

/*
 * Why nothing can be written to st, e.g. "the file is read-only (Permission denied)", or
 * NULL when it can be. A read-write open of a file that cannot be written (the file or its
 * directory read-only) opens it for reading and says so here, so that the trainer can show
 * the progress and tell the person, and a command that writes can refuse before it starts.
 */
const char *store_readonly(const store *st);

/* Appends the review (setting r->id) and writes the card, in one transaction. */
int store_record(store *st, store_review *r, const store_card *c, bp_error *e);

/* Writes a card without a review (flags, repairs). */
int store_card_put(store *st, const store_card *c, bp_error *e);

/* Takes back review `id` and puts the card back as it was (prev), or removes the card when
 * prev is NULL, in one transaction. */
int store_undo(store *st, int64_t id, const char *item, const store_card *prev, bp_error *e);

/* Appends an event inside the caller's transaction (store_begin), setting ev->id. */
int store_event_append(store *st, store_event *ev, bp_error *e);

/* Takes back event `id` and puts the card back as it was (prev), or removes the card when
 * prev is NULL, in one transaction. */
int store_event_undo(store *st, int64_t id, const char *item, const store_card *prev,
		     bp_error *e);

/* Calls fn for each event of `item` (NULL: all), ordered by item, time and id. The strings
 * of ev live only during the call. fn returns nonzero to stop. */
typedef int (*store_event_fn)(void *ctx, const store_event *ev);
int store_events(store *st, const char *item, store_event_fn fn, void *ctx, bp_error *e);

/* How many events in the log have ev's item, time, kind and until, into *n (import). */
int store_event_twins(store *st, const store_event *ev, size_t *n, bp_error *e);

/* Calls fn for each review of `item` (NULL: all), ordered by item, time and id. The strings
 * of r live only during the call. fn returns nonzero to stop. */
typedef int (*store_review_fn)(void *ctx, const store_review *r);
int store_reviews(store *st, const char *item, store_review_fn fn, void *ctx, bp_error *e);

/* Calls fn for each review with from <= at < to, in time order. */
int store_reviews_range(store *st, int64_t from, int64_t to, store_review_fn fn, void *ctx,
			bp_error *e);

/* Calls fn for the `limit` most recent reviews that were not their item's first answer
 * (and not scored in a mock round), newest first: what the time estimator learns from. */
int store_recent_reviews(store *st, int limit, store_review_fn fn, void *ctx, bp_error *e);

/* How many reviews in the log have r's item, revision, time and grade (what merging
 * compares), into *n. */
int store_review_twins(store *st, const store_review *r, size_t *n, bp_error *e);

/* Appends a review without touching cards and without looking for a twin (import, which
 * counts the twins itself). */
int store_review_import(store *st, const store_review *r, bp_error *e);

/* A transaction around many calls (doctor, import). */
int store_begin(store *st, bp_error *e);
int store_commit(store *st, bp_error *e);
void store_rollback(store *st);

/* SQLite's quick_check and foreign_key_check; 1 when clean, 0 with what was found in
 * report, -1 on error. */
int store_check(store *st, char *report, size_t n, bp_error *e);

/* Every card, malloc'd; the caller frees *out. */
int store_cards(store *st, store_card **out, size_t *n, bp_error *e);
int store_card_get(store *st, const char *item, store_card *out, bool *found, bp_error *e);

int store_day_stats(store *st, int64_t from, int64_t to, store_day *out, bp_error *e);

/* The time of the log's first answer into *at: 1 when there is one, 0 when the log is empty,
 * -1 on error; one index seek. */
int store_first_review(store *st, int64_t *at, bp_error *e);

/* 1 when found (value copied to buf), 0 when not set, -1 on error. */
int store_setting_get(store *st, const char *key, char *buf, size_t n, bp_error *e);
int store_setting_set(store *st, const char *key, const char *value, bp_error *e);

/* Calls fn for every setting, by key; the strings live only during the call. fn returns
 * nonzero to stop. */
typedef int (*store_setting_fn)(void *ctx, const char *key, const char *value);
int store_settings(store *st, store_setting_fn fn, void *ctx, bp_error *e);

#endif
