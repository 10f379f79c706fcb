/*
 * flag: what a person does to a card besides answering it — suspend, star, bury, their
 * undoing, and reset — kept as events in the log (store_event) with their time. A card's
 * flags are what its events say, in order; a reset starts its memory over as a new card
 * while the reviews before it stay in the log. So replay (doctor), export and import give
 * the same card, and each change can be taken back.
 */
#ifndef BACKPREP_FLAG_H
#define BACKPREP_FLAG_H

#include <stdbool.h>
#include <stdint.h>

#include "backprep/catalog.h"
#include "backprep/sched.h"
#include "backprep/store.h"

typedef enum {
	FLAG_SUSPEND,
	FLAG_UNSUSPEND,
	FLAG_STAR,
	FLAG_UNSTAR,
	FLAG_BURY,
	FLAG_UNBURY,
	FLAG_RESET,
	FLAG_KINDS
} flag_kind;

/* The event's name in the log and the export: "suspend", ..., "reset". */
const char *flag_name(flag_kind k);

/* The kind named; -1 for a name that is none. */
int flag_parse(const char *name);

/* What one event does to a card (its flags; a reset, its memory). */
void flag_apply(flag_kind k, int64_t at, int64_t until, store_card *c);

/* A recorded change, enough to take it back. */
typedef struct flag_change {
	int64_t event;   /* the event's id */
	bool had;        /* there was a card before */
	store_card prev; /* the card before */
	store_card card; /* the card after: the replay of the item's log */
} flag_change;

/*
 * Records event k on item `id` (it: its content, or NULL when it is no longer there) at
 * `now` (bury: until `until`), and writes the card that replaying the item's log gives, in
 * one transaction.
 */
int flag_set(store *st, const sched *sp, const bp_item *it, const char *id, flag_kind k,
             int64_t now, int64_t until, flag_change *out, bp_error *e);

/* Takes a change back: the event leaves the log and the card is as it was. */
int flag_undo(store *st, const flag_change *ch, bp_error *e);

#endif
