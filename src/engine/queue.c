/* queue: the day's questions under a time budget (see queue.h for the order). */
#include <stdlib.h>
#include <string.h>

#include "backprep/card.h"
#include "backprep/queue.h"

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

/* Takes entries from src in order while the budget lasts. An item longer than what is left
 * is still asked when the queue would otherwise be empty. */
static void fill(queue *q, const queue_entry *src, size_t n, int budget, size_t limit)
{
	if (budget <= 0)
		return;
	for (size_t i = 0; i < n && limit > 0; i++) {
		if (q->n > 0 && q->minutes + src[i].item->minutes > budget)
			break;
		q->v[q->n++] = src[i];
		q->minutes += src[i].item->minutes;
		limit--;
	}
}

int queue_build(const catalog *c, const store_card *cards, size_t n_cards, const fsrs_params *p,
		const queue_opts *o, queue *q)
{
	size_t n_items = catalog_count(c), n_due = 0, n_new = 0;
	const store_card **card_of = calloc(n_items + 1, sizeof(*card_of));
	queue_entry *due = malloc((n_items + 1) * sizeof(*due));
	queue_entry *fresh = malloc((n_items + 1) * sizeof(*fresh));
	const bp_item *first = catalog_item(c, 0);

	memset(q, 0, sizeof(*q));
	q->v = malloc((n_items + 1) * sizeof(*q->v));
	if (!card_of || !due || !fresh || !q->v) {
		free(card_of), free(due), free(fresh), queue_free(q);
		return -1;
	}
	for (size_t i = 0; i < n_cards; i++) {
		const bp_item *it = catalog_find(c, cards[i].item);

		/* A card of an older rev is history: the item starts over as new. */
		if (it && cards[i].rev == it->rev)
			card_of[it - first] = &cards[i];
	}
	for (size_t i = 0; i < n_items; i++) {
		const bp_item *it = catalog_item(c, i);
		const store_card *sc = card_of[i];

		if (it->area == AREA_RECRUITER)
			continue;
		if (!sc) {
			if (it->week <= o->week && level_ok(o, it))
				fresh[n_new++] = (queue_entry){ it, NULL, 1.0 };
		} else if (!sc->suspended && sc->buried_until <= o->now && sc->due < o->day_end) {
			fsrs_card fc;

			card_to_fsrs(sc, &fc);
			due[n_due++] = (queue_entry){ it, sc, fsrs_retrievability(p, &fc, o->now) };
		}
	}
	qsort(due, n_due, sizeof(*due), by_risk);
	qsort(fresh, n_new, sizeof(*fresh), by_introduction);
	q->due_total = n_due;
	q->new_available = n_new;
	fill(q, due, n_due, o->budget_minutes, n_due);
	if (q->minutes < o->budget_minutes || q->n == 0)
		fill(q, fresh, n_new, o->budget_minutes,
		     o->new_limit > 0 ? (size_t)o->new_limit : 0);
	free(card_of);
	free(due);
	free(fresh);
	return 0;
}

void queue_free(queue *q)
{
	free(q->v);
	memset(q, 0, sizeof(*q));
}
