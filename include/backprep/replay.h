/*
 * replay: the review log is the truth; a card is what replaying its reviews through the
 * scheduler gives. Used by undo, by `doctor` and by import. Only reviews of the item's
 * current revision count; cram answers are recorded but never scheduled.
 */
#ifndef BACKPREP_REPLAY_H
#define BACKPREP_REPLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "backprep/catalog.h"
#include "backprep/fsrs.h"
#include "backprep/sched.h"
#include "backprep/store.h"

/*
 * Replays reviews v[0..n) (one item's, in time order) of revision `rev` into *out, keeping
 * the flags of *out. Returns the number of reviews applied (0: the card is new).
 */
int replay_card(const fsrs_params *p, int rev, const store_review *v, size_t n, store_card *out);

typedef struct doctor_report {
	bool db_ok;             /* quick_check and foreign_key_check */
	char db_problems[512];
	size_t cards_checked;
	size_t reviews_read;
	size_t repaired;
	char repaired_ids[512]; /* the first few, comma-separated */
} doctor_report;

/* Checks the database, replays every item's log and repairs the cards that differ. */
int replay_doctor(store *st, const catalog *c, const sched *sp, doctor_report *r,
		  bp_error *e);

/* Rebuilds every card from the log, in a transaction of its own. */
int replay_all(store *st, const catalog *c, const sched *sp, size_t *cards, bp_error *e);

/* The same inside the caller's transaction (import: merge and rebuild commit together). */
int replay_rebuild(store *st, const catalog *c, const sched *sp, size_t *cards,
		   bp_error *e);

#endif
