/*
 * replay: the review log is the truth; a card is what replaying its reviews through the
 * scheduler gives, and its flags are what its events say (flag.h). Used by flags, by `doctor`
 * and by import. Only reviews of the item's current revision count; cram answers are
 * recorded but never scheduled.
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
 * Replays one item's reviews v[0..n) and events ev[0..m) (flag.h), each in time order, into
 * *out (its item set by the caller): reviews of revision `rev` that are not cram answers move
 * the memory state, events set the flags, a reset starts the memory over. A review and an
 * event in the same second: the review first. Returns the number of reviews applied since
 * the last reset (0: the card is new).
 */
int replay_fold(const fsrs_params *p, int rev, const store_review *v, size_t n,
		const store_event *ev, size_t m, store_card *out);

/* The same for one item read from the store (it: its content, or NULL); *any says whether
 * the log has anything of it. */
int replay_item(store *st, const sched *sp, const bp_item *it, const char *id, store_card *out,
		bool *any, bp_error *e);

/* The predicted recall of the card just before each of its scheduled answers (from what the
 * answers before gave it; none before a first answer or the first after a reset), then at
 * `now`, into out[0..max); returns how many. What item details chart. */
size_t replay_recall(const fsrs_params *p, int rev, const store_review *v, size_t n,
		     const store_event *ev, size_t m, int64_t now, double *out, size_t max);

/* replay_item, and replay_recall into recall[0..*n_recall), *n_recall set to how many. */
int replay_item_recall(store *st, const sched *sp, const bp_item *it, const char *id,
		       store_card *out, bool *any, int64_t now, double *recall, size_t *n_recall,
		       bp_error *e);

typedef struct doctor_report {
	bool db_ok;             /* quick_check and foreign_key_check */
	char db_problems[512];
	size_t cards_checked;
	size_t reviews_read;
	size_t repaired;
	char repaired_ids[512]; /* the first few, comma-separated */
	int stats_differed;     /* rows of the stats' summaries that differed from the log,
				 * made anew (store_stats.h) */
} doctor_report;

/* Checks the database, replays every item's log and repairs the cards that differ, and
 * makes the stats' summaries anew when they differ from the log. */
int replay_doctor(store *st, const catalog *c, const sched *sp, doctor_report *r,
		  bp_error *e);

/* Rebuilds every card from the log, in a transaction of its own. */
int replay_all(store *st, const catalog *c, const sched *sp, size_t *cards, bp_error *e);

/* The same inside the caller's transaction (import: merge and rebuild commit together). */
int replay_rebuild(store *st, const catalog *c, const sched *sp, size_t *cards,
		   bp_error *e);

#endif
