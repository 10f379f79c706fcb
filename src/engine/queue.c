/* queue: the day's questions under a time budget (see queue.h for the rules). */
#include <stdlib.h>
#include <string.h>

#include "backprep/card.h"
#include "backprep/queue.h"

enum { DAY = 86400 };

int64_t queue_effective_due(const store_card *sc, int64_t now, int64_t interview)
{
	int64_t cap;

	if (!interview || now >= interview)
		return sc->due;
	/* the last check falls on the day before the interview, never in the past */
	cap = interview - DAY > now ? interview - DAY : now;
	return sc->due < cap ? sc->due : cap;
}

static int by_risk(const void *a, const void *b)
{
	const queue_entry *x = a, *y = b;

	if (x->retrievability != y->retrievability)
		return x->retrievability < y->retrievability ? -1 : 1;
	return strcmp(x->item->id, y->item->id);
}

static int by_introduction(const void *a, const void *b)
{
	const queue_entry *x = a, *y = b;

	if (x->item->area != y->item->area)
		return (int)x->item->area - (int)y->item->area;
	if (x->item->week != y->item->week)
		return x->item->week - y->item->week;
	if (x->item->level != y->item->level)
		return x->item->level - y->item->level;
	return x->item < y->item ? -1 : x->item > y->item;
}

static bool level_ok(const queue_opts *o, const bp_item *it)
{
	return o->levels == 0 || (o->levels & (1u << it->level));
}

static double retrievability(const fsrs_params *p, const store_card *sc, int64_t at)
{
	fsrs_card fc;

	card_to_fsrs(sc, &fc);
	return fsrs_retrievability(p, &fc, at);
}

/* Weakness per area: 1, plus up to 3 for a mean recall below 0.9, plus up to 1 for lapses. */
static void area_weakness(const catalog *c, const store_card *const *card_of,
			  const fsrs_params *p, int64_t now, double *weak)
{
	double sum_r[AREA_COUNT] = { 0 };
	int n[AREA_COUNT] = { 0 }, lapses[AREA_COUNT] = { 0 };

	for (size_t i = 0; i < catalog_count(c); i++) {
		const store_card *sc = card_of[i];
		bp_area a = catalog_item(c, i)->area;

		if (!sc || sc->state == FSRS_NEW)
			continue;
		sum_r[a] += retrievability(p, sc, now);
		lapses[a] += sc->lapses;
		n[a]++;
	}
	for (int a = 0; a < AREA_COUNT; a++) {
		double mean = n[a] ? sum_r[a] / n[a] : 0.9, lapse = n[a] ? (double)lapses[a] / n[a] : 0;

		weak[a] = 1.0 + (mean < 0.9 ? (0.9 - mean) * 3.0 : 0) + (lapse < 1 ? lapse : 1);
	}
}

typedef struct pool {
	queue_entry *v; /* new candidates, grouped by area (sorted by_introduction) */
	size_t start[AREA_COUNT], end[AREA_COUNT], next[AREA_COUNT];
} pool;

static void pool_index(pool *pl, size_t n)
{
	for (int a = 0; a < AREA_COUNT; a++)
		pl->start[a] = pl->end[a] = pl->next[a] = 0;
	for (size_t i = 0; i < n;) {
		bp_area a = pl->v[i].item->area;
		size_t j = i;

		while (j < n && pl->v[j].item->area == a)
			j++;
		pl->start[a] = pl->next[a] = i;
		pl->end[a] = j;
		i = j;
	}
}

/* Draws new items area by area until the budget or the allowance runs out. */
static void draw_new(queue *q, pool *pl, const queue_opts *o, const double *weak)
{
	int left = o->new_limit, over = -1;
	bool blocked[AREA_COUNT] = { false };

	while (left > 0) {
		double w[AREA_COUNT], total = 0, x;
		int a, pick = -1;

		for (a = 0; a < AREA_COUNT; a++) {
			double f = o->focus ? o->focus[a] : 1.0;

			w[a] = !blocked[a] && pl->next[a] < pl->end[a] ? f * weak[a] : 0;
			total += w[a];
		}
		if (total <= 0)
			break;
		x = o->rng ? rng_unit(o->rng) * total : total;
		for (a = 0; a < AREA_COUNT && pick < 0; a++) {
			if (w[a] > 0 && (x < w[a] || !o->rng))
				pick = a;
			x -= w[a];
		}
		if (pick < 0) /* rounding at the top end */
			for (a = AREA_COUNT - 1; a >= 0 && pick < 0; a--)
				if (w[a] > 0)
					pick = a;
		if (!o->rng) /* deterministic without a generator: the heaviest area */
			for (a = 0; a < AREA_COUNT; a++)
				if (w[a] > w[pick])
					pick = a;
		{
			const queue_entry *e = &pl->v[pl->next[pick]];

			if (q->minutes + e->item->minutes > o->budget_minutes) {
				if (over < 0 && q->n == 0)
					over = pick;
				blocked[pick] = true; /* too long for what is left; others may fit */
				continue;
			}
			q->v[q->n++] = *e;
			q->minutes += e->item->minutes;
			pl->next[pick]++;
			left--;
		}
	}
	if (q->n == 0 && over >= 0) { /* nothing fits: one item longer than the budget */
		q->v[q->n++] = pl->v[pl->next[over]++];
		q->minutes += q->v[0].item->minutes;
	}
}

static bool share_tag(const bp_item *a, const bp_item *b)
{
	for (int i = 0; i < a->tags.n; i++)
		for (int k = 0; k < b->tags.n; k++)
			if (strcmp(a->tags.v[i], b->tags.v[k]) == 0)
				return true;
	return false;
}

/* Moves the nearest later entry of [from, end) without a shared tag forward, keeping the
 * rest in order. Reviews and new items are spaced apart, so that reviews stay first. */
static void space_tags(queue *q, size_t from, size_t end)
{
	for (size_t i = from ? from : 1; i < end; i++) {
		size_t j = i;
		queue_entry e;

		if (!share_tag(q->v[i - 1].item, q->v[i].item))
			continue;
		while (j < end && share_tag(q->v[i - 1].item, q->v[j].item))
			j++;
		if (j == end)
			continue;
		e = q->v[j];
		memmove(&q->v[i + 1], &q->v[i], (j - i) * sizeof(e));
		q->v[i] = e;
	}
}

/* Matches cards to catalog items; a card of an older rev is history, not this item's. */
static const store_card **cards_by_item(const catalog *c, const store_card *cards, size_t n)
{
	const store_card **card_of = calloc(catalog_count(c) + 1, sizeof(*card_of));
	const bp_item *first = catalog_item(c, 0);

	for (size_t i = 0; card_of && i < n; i++) {
		const bp_item *it = catalog_find(c, cards[i].item);

		if (it && cards[i].rev == it->rev)
			card_of[it - first] = &cards[i];
	}
	return card_of;
}

static void fill_reviews(queue *q, const queue_entry *due, size_t n, int budget)
{
	for (size_t i = 0; i < n && budget > 0; i++) {
		if (q->n > 0 && q->minutes + due[i].item->minutes > budget)
			break;
		q->v[q->n++] = due[i];
		q->minutes += due[i].item->minutes;
	}
}

static void count_backlog(queue *q, const queue_entry *due, size_t n_due, size_t taken,
			  int daily)
{
	q->backlog = n_due - taken;
	for (size_t i = taken; i < n_due; i++)
		q->backlog_minutes += due[i].item->minutes;
	q->backlog_days = q->backlog && daily > 0 ? (q->backlog_minutes + daily - 1) / daily : 0;
}

int queue_build(const catalog *c, const store_card *cards, size_t n_cards, const fsrs_params *p,
		const queue_opts *o, queue *q)
{
	size_t n_items = catalog_count(c), n_due = 0, n_new = 0, taken;
	const store_card **card_of = cards_by_item(c, cards, n_cards);
	queue_entry *due = malloc((n_items + 1) * sizeof(*due));
	pool pl = { .v = malloc((n_items + 1) * sizeof(*pl.v)) };
	int64_t risk_at = o->interview > o->now ? o->interview : o->now;

	memset(q, 0, sizeof(*q));
	q->v = malloc((n_items + 1) * sizeof(*q->v));
	if (!card_of || !due || !pl.v || !q->v) {
		free(card_of), free(due), free(pl.v), queue_free(q);
		return -1;
	}
	for (size_t i = 0; i < n_items; i++) {
		const bp_item *it = catalog_item(c, i);
		const store_card *sc = card_of[i];

		if (it->area == AREA_RECRUITER || (sc && (sc->suspended || sc->buried_until > o->now)))
			continue;
		if (!sc || sc->state == FSRS_NEW) {
			if (it->week <= o->week && level_ok(o, it))
				pl.v[n_new++] = (queue_entry){ it, sc, 1.0 };
		} else if (queue_effective_due(sc, o->now, o->interview) < o->day_end) {
			due[n_due++] = (queue_entry){ it, sc, retrievability(p, sc, risk_at) };
		}
	}
	qsort(due, n_due, sizeof(*due), by_risk);
	qsort(pl.v, n_new, sizeof(*pl.v), by_introduction);
	pool_index(&pl, n_new);
	area_weakness(c, card_of, p, o->now, q->weakness);
	q->due_total = n_due;
	q->new_available = n_new;
	fill_reviews(q, due, n_due, o->budget_minutes);
	taken = q->n;
	count_backlog(q, due, n_due, taken, o->daily_minutes);
	/* new items only when every due review is in: leftover minutes go to the backlog */
	if (q->backlog == 0 && o->budget_minutes > 0 && q->minutes < o->budget_minutes)
		draw_new(q, &pl, o, q->weakness);
	space_tags(q, 0, taken);
	space_tags(q, taken, q->n);
	free(card_of);
	free(due);
	free(pl.v);
	return 0;
}

int queue_cram(const catalog *c, const store_card *cards, size_t n_cards, const fsrs_params *p,
	       int64_t now, int64_t interview, size_t limit, queue *q)
{
	const store_card **card_of = cards_by_item(c, cards, n_cards);
	int64_t at = interview > now ? interview : now;

	memset(q, 0, sizeof(*q));
	q->v = malloc((catalog_count(c) + 1) * sizeof(*q->v));
	if (!card_of || !q->v) {
		free(card_of), queue_free(q);
		return -1;
	}
	for (size_t i = 0; i < catalog_count(c); i++) {
		const store_card *sc = card_of[i];

		if (sc && sc->state != FSRS_NEW && !sc->suspended)
			q->v[q->n++] = (queue_entry){ catalog_item(c, i), sc, retrievability(p, sc, at) };
	}
	qsort(q->v, q->n, sizeof(*q->v), by_risk);
	if (q->n > limit)
		q->n = limit;
	for (size_t i = 0; i < q->n; i++)
		q->minutes += q->v[i].item->minutes;
	free(card_of);
	return 0;
}

void queue_free(queue *q)
{
	free(q->v);
	memset(q, 0, sizeof(*q));
}
