/* flag: suspend, star, bury and reset as events in the log, and taking them back. */
#include <stdio.h>
#include <string.h>

#include "backprep/flag.h"
#include "backprep/replay.h"

static const char *const names[FLAG_KINDS] = {
    "suspend", "unsuspend", "star", "unstar", "bury", "unbury", "reset",
};

const char *flag_name(flag_kind k)
{
	return (unsigned)k < FLAG_KINDS ? names[k] : "?";
}

int flag_parse(const char *name)
{
	for (int k = 0; k < FLAG_KINDS; k++)
		if (strcmp(name, names[k]) == 0)
			return k;
	return -1;
}

void flag_apply(flag_kind k, int64_t at, int64_t until, store_card *c)
{
	switch (k) {
	case FLAG_SUSPEND:
	case FLAG_UNSUSPEND:
		c->suspended = k == FLAG_SUSPEND;
		break;
	case FLAG_STAR:
	case FLAG_UNSTAR:
		c->starred = k == FLAG_STAR;
		break;
	case FLAG_BURY:
		c->buried_until = until;
		break;
	case FLAG_UNBURY:
		c->buried_until = 0;
		break;
	case FLAG_RESET: /* a new card again; its flags stay */
		c->state = 0;
		c->stability = c->difficulty = 0;
		c->due = at;
		c->last_review = c->introduced = 0;
		c->scheduled_days = c->reps = c->lapses = c->step = 0;
		break;
	default:
		break;
	}
}

int flag_set(store *st, const sched *sp, const bp_item *it, const char *id, flag_kind k,
             int64_t now, int64_t until, flag_change *out, bp_error *e)
{
	store_event ev = {
	    .item = id, .at = now, .kind = flag_name(k), .until = k == FLAG_BURY ? until : 0};
	bool any;

	memset(out, 0, sizeof(*out));
	if (store_card_get(st, id, &out->prev, &out->had, e) < 0 || store_begin(st, e) < 0)
		return -1;
	if (store_event_append(st, &ev, e) < 0 ||
	    replay_item(st, sp, it, id, &out->card, &any, e) < 0 ||
	    store_card_put(st, &out->card, e) < 0 || store_commit(st, e) < 0) {
		store_rollback(st);
		return -1;
	}
	out->event = ev.id;
	return 0;
}

int flag_undo(store *st, const flag_change *ch, bp_error *e)
{
	return store_event_undo(st, ch->event, ch->card.item, ch->had ? &ch->prev : NULL, e);
}
