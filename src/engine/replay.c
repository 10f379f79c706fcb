/* replay: cards rebuilt from the review log, and the doctor that compares the two. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/card.h"
#include "backprep/replay.h"

int replay_card(const fsrs_params *p, int rev, const store_review *v, size_t n, store_card *out)
{
	fsrs_card fc;
	int applied = 0;

	out->rev = rev;
	for (size_t i = 0; i < n; i++) {
		if (v[i].rev != rev || strcmp(v[i].source, "cram") == 0)
			continue;
		if (applied++ == 0) {
			fsrs_card_init(&fc, v[i].at);
			out->introduced = v[i].at;
		}
		fsrs_review(p, &fc, (fsrs_grade)v[i].grade, v[i].at, p->fuzz ? v[i].draw : -1.0);
	}
	if (applied)
		card_from_fsrs(&fc, out);
	return applied;
}

/* One item's reviews, gathered from the ordered log. */
typedef struct group {
	char item[STORE_ID_MAX];
	store_review *v;
	char (*sources)[8];
	size_t n, cap;
} group;

typedef int (*group_fn)(void *ctx, group *g);

typedef struct walk {
	group g;
	group_fn fn;
	void *ctx;
	size_t reviews;
	int rc;
} walk;

static int flush(walk *w)
{
	if (w->g.n && w->rc == 0)
		w->rc = w->fn(w->ctx, &w->g);
	w->g.n = 0;
	return w->rc;
}

static int on_review(void *ctx, const store_review *r)
{
	walk *w = ctx;
	group *g = &w->g;

	if (g->n && strcmp(g->item, r->item) != 0 && flush(w))
		return 1;
	if (g->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 64;
		store_review *v = realloc(g->v, cap * sizeof(*v));
		char(*s)[8] = realloc(g->sources, cap * sizeof(*s));

		if (v)
			g->v = v;
		if (s)
			g->sources = s;
		if (!v || !s) {
			w->rc = -1;
			return 1;
		}
		g->cap = cap;
	}
	snprintf(g->item, sizeof(g->item), "%s", r->item);
	snprintf(g->sources[g->n], sizeof(g->sources[0]), "%s", r->source);
	g->v[g->n] = *r;
	g->v[g->n].item = g->item;
	g->v[g->n].source = g->sources[g->n];
	g->n++;
	w->reviews++;
	return 0;
}

/* Calls fn once per item with all its reviews in time order. */
static int each_item(store *st, group_fn fn, void *ctx, size_t *reviews, bp_error *e)
{
	walk w = { .fn = fn, .ctx = ctx };
	int rc = store_reviews(st, NULL, on_review, &w, e);

	if (rc == 0)
		flush(&w);
	free(w.g.v);
	free(w.g.sources);
	if (reviews)
		*reviews = w.reviews;
	if (rc == 0 && w.rc < 0)
		bp_error_set(e, "out of memory while reading the review log");
	return rc < 0 || w.rc < 0 ? -1 : 0;
}

/* The revision that counts: the catalog's, else the newest in the log. */
static int current_rev(const catalog *c, const group *g)
{
	const bp_item *it = catalog_find(c, g->item);
	int rev = 0;

	if (it)
		return it->rev;
	for (size_t i = 0; i < g->n; i++)
		if (g->v[i].rev > rev)
			rev = g->v[i].rev;
	return rev;
}

static bool same_card(const store_card *a, const store_card *b)
{
	return a->rev == b->rev && a->state == b->state && a->due == b->due &&
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

	if (store_card_get(f->st, g->item, &have, &found, f->e) < 0)
		return -1;
	memset(&want, 0, sizeof(want));
	snprintf(want.item, sizeof(want.item), "%s", g->item);
	if (found) { /* the person's flags are not in the log: keep them */
		want.suspended = have.suspended;
		want.starred = have.starred;
		want.buried_until = have.buried_until;
	}
	/* an item no longer in the content is replayed with the base steps */
	if (replay_card(sched_for(f->sp, catalog_find(f->c, g->item)), current_rev(f->c, g), g->v,
			g->n, &want) == 0 &&
	    !found)
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
