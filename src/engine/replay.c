/* replay: cards rebuilt from the review log, and the doctor that compares the two. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/card.h"
#include "backprep/flag.h"
#include "backprep/replay.h"
#include "backprep/store_stats.h"

int replay_fold(const fsrs_params *p, int rev, const store_review *v, size_t n,
		const store_event *ev, size_t m, store_card *out)
{
	fsrs_card fc;
	int applied = 0;
	size_t i = 0, j = 0;

	out->rev = rev;
	out->suspended = out->starred = false;
	out->buried_until = 0;
	flag_apply(FLAG_RESET, m ? ev[0].at : 0, 0, out);
	/* in time order; a review and an event in the same second: the review first */
	while (i < n || j < m) {
		if (j < m && (i == n || ev[j].at < v[i].at)) {
			int k = flag_parse(ev[j].kind);

			if (k == FLAG_RESET)
				applied = 0;
			if (k >= 0)
				flag_apply((flag_kind)k, ev[j].at, ev[j].until, out);
			j++;
			continue;
		}
		if (v[i].rev == rev && strcmp(v[i].source, "cram") != 0) {
			if (applied++ == 0) {
				fsrs_card_init(&fc, v[i].at);
				out->introduced = v[i].at;
			}
			fsrs_review(p, &fc, (fsrs_grade)v[i].grade, v[i].at,
				    p->fuzz ? v[i].draw : -1.0);
			card_from_fsrs(&fc, out);
		}
		i++;
	}
	return applied;
}

/* Events read from the log, their strings kept. */
typedef struct event_list {
	store_event *v;
	char (*items)[STORE_ID_MAX];
	size_t n, cap;
	bool oom;
} event_list;

static int on_event(void *ctx, const store_event *ev)
{
	event_list *l = ctx;
	int k = flag_parse(ev->kind);

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		store_event *v = realloc(l->v, cap * sizeof(*v));
		char(*items)[STORE_ID_MAX] = v ? realloc(l->items, cap * sizeof(*items)) : NULL;

		if (v)
			l->v = v;
		if (!v || !items) {
			l->oom = true;
			return 1;
		}
		l->items = items;
		l->cap = cap;
	}
	snprintf(l->items[l->n], sizeof(l->items[0]), "%s", ev->item);
	l->v[l->n] = *ev;
	l->v[l->n].item = l->items[l->n];
	l->v[l->n].kind = k >= 0 ? flag_name((flag_kind)k) : "?"; /* the CHECK allows no other */
	l->n++;
	return 0;
}

static void events_free(event_list *l)
{
	free(l->v);
	free(l->items);
}

/* One item's reviews and events, gathered from the ordered logs. */
typedef struct group {
	char item[STORE_ID_MAX];
	store_review *v;
	char (*sources)[8];
	size_t n, cap;
	const store_event *ev;
	size_t m;
} group;

typedef int (*group_fn)(void *ctx, group *g);

typedef struct walk {
	group g;
	group_fn fn;
	void *ctx;
	event_list evs;
	size_t next_ev; /* the first event not yet handed to fn */
	size_t reviews;
	int rc;
} walk;

/* Hands fn the items that have events but no reviews, up to `item` (NULL: all). */
static int events_only(walk *w, const char *item)
{
	const event_list *l = &w->evs;

	while (w->rc == 0 && w->next_ev < l->n &&
	       (!item || strcmp(l->items[w->next_ev], item) < 0)) {
		group g = { .ev = &l->v[w->next_ev] };

		snprintf(g.item, sizeof(g.item), "%s", l->items[w->next_ev]);
		while (w->next_ev < l->n && strcmp(l->items[w->next_ev], g.item) == 0) {
			g.m++;
			w->next_ev++;
		}
		w->rc = w->fn(w->ctx, &g);
	}
	return w->rc;
}

static int flush(walk *w)
{
	const event_list *l = &w->evs;

	if (w->g.n && events_only(w, w->g.item) == 0) {
		w->g.ev = &l->v[w->next_ev];
		w->g.m = 0;
		while (w->next_ev < l->n && strcmp(l->items[w->next_ev], w->g.item) == 0) {
			w->g.m++;
			w->next_ev++;
		}
		w->rc = w->fn(w->ctx, &w->g);
	}
	w->g.n = 0;
	return w->rc;
}

static int gather(group *g, const store_review *r)
{
	if (g->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 64;
		store_review *v = realloc(g->v, cap * sizeof(*v));
		char(*s)[8] = realloc(g->sources, cap * sizeof(*s));

		if (v)
			g->v = v;
		if (s)
			g->sources = s;
		if (!v || !s)
			return -1;
		g->cap = cap;
	}
	snprintf(g->item, sizeof(g->item), "%s", r->item);
	snprintf(g->sources[g->n], sizeof(g->sources[0]), "%s", r->source);
	g->v[g->n] = *r;
	g->v[g->n].item = g->item;
	g->v[g->n].source = g->sources[g->n];
	g->n++;
	return 0;
}

static int on_review(void *ctx, const store_review *r)
{
	walk *w = ctx;

	if (w->g.n && strcmp(w->g.item, r->item) != 0 && flush(w))
		return 1;
	if (gather(&w->g, r) < 0) {
		w->rc = -1;
		return 1;
	}
	w->reviews++;
	return 0;
}

/* Calls fn once per item with all its reviews and events in time order. */
static int each_item(store *st, group_fn fn, void *ctx, size_t *reviews, bp_error *e)
{
	walk w = { .fn = fn, .ctx = ctx };
	int rc = store_events(st, NULL, on_event, &w.evs, e);

	if (rc == 0 && w.evs.oom)
		w.rc = -1;
	if (rc == 0 && w.rc == 0)
		rc = store_reviews(st, NULL, on_review, &w, e);
	if (rc == 0 && flush(&w) == 0)
		events_only(&w, NULL);
	free(w.g.v);
	free(w.g.sources);
	events_free(&w.evs);
	if (reviews)
		*reviews = w.reviews;
	if (rc == 0 && w.rc < 0 && !e->msg[0])
		bp_error_set(e, "out of memory while reading the review log");
	return rc < 0 || w.rc < 0 ? -1 : 0;
}

/* The revision that counts: the content's, else the newest in the log. */
static int group_rev(const bp_item *it, const group *g)
{
	int rev = 0;

	if (it)
		return it->rev;
	for (size_t i = 0; i < g->n; i++)
		if (g->v[i].rev > rev)
			rev = g->v[i].rev;
	return rev;
}

/* The events of ev[0..m) up to time `at` (a review at the same time sees them after it). */
static size_t events_before(const store_event *ev, size_t m, int64_t at)
{
	size_t k = 0;

	while (k < m && ev[k].at < at)
		k++;
	return k;
}

size_t replay_recall(const fsrs_params *p, int rev, const store_review *v, size_t n,
		     const store_event *ev, size_t m, int64_t now, double *out, size_t max)
{
	size_t k = 0;
	store_card c;
	fsrs_card fc;

	/* each answer's prefix replayed again: a card's history is a few dozen answers */
	for (size_t i = 0; i <= n && k < max; i++) {
		int64_t at = i < n ? v[i].at : now;

		if (i < n && (v[i].rev != rev || strcmp(v[i].source, "cram") == 0))
			continue;
		memset(&c, 0, sizeof(c));
		if (replay_fold(p, rev, v, i, ev, events_before(ev, m, at), &c) == 0)
			continue; /* new: nothing to forget yet */
		card_to_fsrs(&c, &fc);
		out[k++] = fsrs_retrievability(p, &fc, at);
	}
	return k;
}

typedef struct one_item {
	group g;
	bool oom;
} one_item;

static int gather_one(void *ctx, const store_review *r)
{
	one_item *o = ctx;

	o->oom = gather(&o->g, r) < 0;
	return o->oom;
}

int replay_item(store *st, const sched *sp, const bp_item *it, const char *id, store_card *out,
		bool *any, bp_error *e)
{
	return replay_item_recall(st, sp, it, id, out, any, 0, NULL, NULL, e);
}

int replay_item_recall(store *st, const sched *sp, const bp_item *it, const char *id,
		       store_card *out, bool *any, int64_t now, double *recall, size_t *n_recall,
		       bp_error *e)
{
	one_item o = { 0 };
	group *g = &o.g;
	event_list l = { 0 };
	int rc = -1;

	*any = false;
	if (store_reviews(st, id, gather_one, &o, e) < 0 ||
	    store_events(st, id, on_event, &l, e) < 0)
		goto out;
	if (l.oom || o.oom) {
		bp_error_set(e, "out of memory while reading the review log");
		goto out;
	}
	memset(out, 0, sizeof(*out));
	snprintf(out->item, sizeof(out->item), "%s", id);
	replay_fold(sched_for(sp, it), group_rev(it, g), g->v, g->n, l.v, l.n, out);
	if (recall && n_recall)
		*n_recall = replay_recall(sched_for(sp, it), group_rev(it, g), g->v, g->n, l.v, l.n,
					  now, recall, *n_recall);
	*any = g->n || l.n;
	rc = 0;
out:
	free(g->v);
	free(g->sources);
	events_free(&l);
	return rc;
}

static bool same_card(const store_card *a, const store_card *b)
{
	/* a new card's due is only when it was flagged or reset: nothing schedules from it */
	bool due_ok = a->due == b->due || (a->state == FSRS_NEW && b->state == FSRS_NEW);

	return a->rev == b->rev && a->state == b->state && due_ok &&
	       a->suspended == b->suspended && a->starred == b->starred &&
	       a->buried_until == b->buried_until &&
	       a->last_review == b->last_review && a->introduced == b->introduced &&
	       a->scheduled_days == b->scheduled_days && a->reps == b->reps &&
	       a->lapses == b->lapses && a->step == b->step &&
	       fabs(a->stability - b->stability) < 1e-9 && fabs(a->difficulty - b->difficulty) < 1e-9;
}

typedef struct fix_ctx {
	store *st;
	const catalog *c;
	const sched *sp;
	doctor_report *r;
	bool repair_all;
	bp_error *e;
} fix_ctx;

static int fix_item(void *ctx, group *g)
{
	fix_ctx *f = ctx;
	store_card have, want;
	bool found;
	const bp_item *it = catalog_find(f->c, g->item);

	if (store_card_get(f->st, g->item, &have, &found, f->e) < 0)
		return -1;
	memset(&want, 0, sizeof(want));
	snprintf(want.item, sizeof(want.item), "%s", g->item);
	/* the flags come from the events; an item no longer in the content is replayed with
	 * the base steps */
	if (replay_fold(sched_for(f->sp, it), group_rev(it, g), g->v, g->n, g->ev, g->m, &want) ==
		    0 &&
	    !g->m && !found)
		return 0;
	f->r->cards_checked++;
	if (found && same_card(&have, &want) && !f->repair_all)
		return 0;
	if (store_card_put(f->st, &want, f->e) < 0)
		return -1;
	if (found && !f->repair_all) {
		size_t used = strlen(f->r->repaired_ids);

		if (used + strlen(g->item) + 3 < sizeof(f->r->repaired_ids))
			snprintf(f->r->repaired_ids + used, sizeof(f->r->repaired_ids) - used, "%s%s",
				 used ? ", " : "", g->item);
	}
	f->r->repaired++;
	return 0;
}

static int replay_each(store *st, const catalog *c, const sched *sp, doctor_report *r,
		       bool all, bp_error *e)
{
	fix_ctx f = { st, c, sp, r, all, e };

	if (store_begin(st, e) < 0)
		return -1;
	if (each_item(st, fix_item, &f, &r->reviews_read, e) < 0 || store_commit(st, e) < 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

int replay_doctor(store *st, const catalog *c, const sched *sp, doctor_report *r,
		  bp_error *e)
{
	int ok;

	memset(r, 0, sizeof(*r));
	ok = store_check(st, r->db_problems, sizeof(r->db_problems), e);
	if (ok < 0)
		return -1;
	r->db_ok = ok == 1;
	if (store_stats_check(st, &r->stats_differed, e) < 0 ||
	    (r->stats_differed && store_stats_rebuild(st, e) < 0))
		return -1;
	return replay_each(st, c, sp, r, false, e);
}

int replay_all(store *st, const catalog *c, const sched *sp, size_t *cards, bp_error *e)
{
	doctor_report r = { 0 };
	int rc = replay_each(st, c, sp, &r, true, e);

	*cards = r.cards_checked;
	return rc;
}

int replay_rebuild(store *st, const catalog *c, const sched *sp, size_t *cards,
		   bp_error *e)
{
	doctor_report r = { 0 };
	fix_ctx f = { st, c, sp, &r, true, e };
	int rc = each_item(st, fix_item, &f, &r.reviews_read, e);

	*cards = r.cards_checked;
	return rc;
}
