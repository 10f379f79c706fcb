/* queue: the day's questions under a time budget (see queue.h for the rules). */
#include <stdlib.h>
#include <string.h>

#include "backprep/card.h"
#include "backprep/clock.h"
#include "backprep/queue.h"

static int by_risk(const void *a, const void *b)
{
	const queue_entry *x = a, *y = b;

	if (x->retrievability != y->retrievability)
		return x->retrievability < y->retrievability ? -1 : 1;
	return strcmp(x->item->id, y->item->id);
}

static bool has_tag(const bp_item *it, const char *tag)
{
	for (int i = 0; i < it->tags.n; i++)
		if (strcmp(it->tags.v[i], tag) == 0)
			return true;
	return false;
}

int queue_intro_order(const bp_item *x, const bp_item *y)
{
	if (x->area != y->area)
		return (int)x->area - (int)y->area;
	if (x->guide != y->guide)
		return x->guide ? -1 : 1;
	/* a full design comes first once its week is open (the pool holds no later week):
	 * behind every shorter question of the area it would never be reached; area_head keeps
	 * it from holding up the area on a day that cannot hold it */
	if ((x->kind == KIND_DESIGN) != (y->kind == KIND_DESIGN))
		return x->kind == KIND_DESIGN ? -1 : 1;
	if (x->week != y->week)
		return x->week - y->week;
	if (x->level != y->level)
		return x->level - y->level;
	if (x->minutes != y->minutes) /* more questions in the same minutes */
		return x->minutes - y->minutes;
	return x < y ? -1 : x > y;
}

static int by_introduction(const void *a, const void *b)
{
	return queue_intro_order(((const queue_entry *)a)->item, ((const queue_entry *)b)->item);
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

double queue_new_minutes(const queue_opts *o, const bp_item *it)
{
	const fsrs_params *p = o->sp ? sched_for(o->sp, it) : NULL;
	/* Good on a new card moves to the next step; the last step graduates it */
	int again = p && p->n_learning > 1 ? p->n_learning - 1 : 0;

	return estimate_minutes(o->est, it, false) + again * estimate_minutes(o->est, it, true);
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

/* The area to draw from: by weight with the generator, else the heaviest. */
static int pick_area(const double *w, double total, bp_rng *rng)
{
	double x = rng ? rng_unit(rng) * total : total;
	int pick = -1;

	for (int a = 0; a < AREA_COUNT && pick < 0 && rng; a++) {
		if (w[a] > 0 && x < w[a])
			pick = a;
		x -= w[a];
	}
	if (pick < 0) /* rounding at the top end, or no generator: the heaviest */
		for (int a = 0; a < AREA_COUNT; a++)
			if (w[a] > 0 && (pick < 0 || (rng ? a > pick : w[a] > w[pick])))
				pick = a;
	return pick;
}

/* How far past a full design that does not fit today an area looks for its next question. */
enum { DESIGN_SKIP = 16 };

/*
 * The area's next question for today: its head, unless the head is a full design (35-45
 * minutes) that the minutes left do not hold; then the first question after it that fits,
 * moved to the head, so that the design waits for a day with room and does not stop the
 * area's shorter questions. A design is only ever drawn whole into a day that holds it.
 */
static void area_head(pool *pl, int a, const queue_opts *o, double left)
{
	size_t h = pl->next[a];

	if (h >= pl->end[a] || pl->v[h].item->kind != KIND_DESIGN ||
	    queue_new_minutes(o, pl->v[h].item) <= left)
		return;
	for (size_t j = h + 1; j < pl->end[a] && j <= h + DESIGN_SKIP; j++) {
		queue_entry e = pl->v[j];

		if (e.item->kind == KIND_DESIGN || queue_new_minutes(o, e.item) > left)
			continue;
		memmove(&pl->v[h + 1], &pl->v[h], (j - h) * sizeof(*pl->v));
		pl->v[h] = e;
		return;
	}
}

/* Draws new items area by area until the budget or the allowance runs out. */
static void draw_new(queue *q, pool *pl, const queue_opts *o, const double *weak)
{
	int left = o->new_limit, over = -1;
	bool blocked[AREA_COUNT] = { false };

	while (left > 0) {
		double w[AREA_COUNT], total = 0, m;
		const queue_entry *e;
		int pick;

		for (int a = 0; a < AREA_COUNT; a++) {
			double f = o->focus ? o->focus[a] : 1.0;

			if (!blocked[a])
				area_head(pl, a, o, o->budget_minutes - q->minutes);
			/* the focus is a share of the time: an area of long questions gets
			 * fewer of them, not more of the day */
			w[a] = !blocked[a] && pl->next[a] < pl->end[a]
				       ? f * weak[a] / queue_new_minutes(o, pl->v[pl->next[a]].item)
				       : 0;
			total += w[a];
		}
		if (total <= 0)
			break;
		pick = pick_area(w, total, o->rng);
		e = &pl->v[pl->next[pick]];
		m = queue_new_minutes(o, e->item);
		if (q->minutes + m > o->budget_minutes) {
			if (over < 0 && q->n == 0)
				over = pick;
			blocked[pick] = true; /* too long for what is left; others may fit */
			continue;
		}
		q->v[q->n] = *e;
		q->v[q->n++].minutes = m;
		q->minutes += m;
		pl->next[pick]++;
		left--;
	}
	if (q->n == 0 && over >= 0) { /* nothing fits: one item longer than the budget */
		q->v[q->n] = pl->v[pl->next[over]++];
		q->v[0].minutes = queue_new_minutes(o, q->v[0].item);
		q->minutes += q->v[q->n++].minutes;
	}
}

static bool share_tag(const bp_item *a, const bp_item *b)
{
	for (int i = 0; i < a->tags.n; i++)
		if (has_tag(b, a->tags.v[i]))
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


/* The day index (0: today) a time falls on; bounds[d] starts day d + 1. */
static int day_of(const int64_t *bounds, int days, int64_t t)
{
	int lo = 0, hi = days;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (t < bounds[mid])
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* Today's reviews into q, from the placement; the rest counts as the backlog. */
static void take_reviews(queue *q, const pace_card *v, size_t n)
{
	q->backlog_days = 0;
	for (size_t i = 0; i < n; i++) {
		const pace_card *c = &v[i];

		q->due_total += c->target == 0;
		if (c->day == 0) {
			q->v[q->n++] = (queue_entry){ c->item, c->card, c->risk, c->minutes };
			q->minutes += c->minutes;
			q->brought_forward += c->target > 0;
		} else if (c->target == 0) {
			q->backlog++;
			q->backlog_minutes += c->minutes;
			if (c->day == PACE_NONE || q->backlog_days < 0)
				q->backlog_days = -1;
			else if (c->day > q->backlog_days)
				q->backlog_days = c->day;
		}
	}
	q->reviews = q->n;
}

/* Every review card with its expected minutes, risk and target day, placed by pace. */
static int place_reviews(const catalog *c, const store_card **card_of, const fsrs_params *p,
			 const queue_opts *o, pace_card *v, size_t *n, pace_plan *plan)
{
	int64_t today = clock_local_day(o->now), risk_at = o->interview > o->now ? o->interview
										    : o->now;
	int64_t until = o->interview > o->now ? clock_local_day(o->interview) : 0;
	/* the days placed: up to the day before the interview, else PACE_HORIZON */
	bool deadline = until > today;
	int days = deadline ? (int)(until - today) : PACE_HORIZON;
	int64_t *bounds = malloc((size_t)days * sizeof(*bounds));
	double *room = malloc((size_t)days * sizeof(*room));
	double r;
	int64_t due;
	int rc;

	if (!bounds || !room) {
		free(bounds), free(room);
		return -1;
	}
	bounds[0] = o->day_end;
	room[0] = o->budget_minutes;
	for (int d = 1; d < days; d++) {
		bounds[d] = clock_day_start(today + d + 1);
		room[d] = o->day_minutes && d < o->n_day_minutes ? o->day_minutes[d]
								 : o->daily_minutes;
	}
	*n = 0;
	for (size_t i = 0; i < catalog_count(c); i++) {
		const bp_item *it = catalog_item(c, i);
		const store_card *sc = card_of[i];
		int target;

		if (it->area == AREA_RECRUITER || !sc || sc->state == FSRS_NEW || sc->suspended ||
		    sc->buried_until > o->now)
			continue;
		due = sc->due;
		if (deadline && o->deadline_recall > 0 && o->deadline_recall < p->retention &&
		    sc->state == FSRS_REVIEW)
			due = sc->last_review + (int64_t)(fsrs_days_until(p, sc->stability,
									  o->deadline_recall) *
							  86400);
		target = day_of(bounds, days, due);
		if (target >= days && !deadline)
			continue; /* beyond the days placed, with no interview to be ready for */
		r = retrievability(p, sc, risk_at);
		if (target >= days && r >= p->retention)
			continue; /* recalled well enough at the interview without a last review */
		v[(*n)++] = (pace_card){ it, sc, estimate_minutes(o->est, it, true), r, target,
					 PACE_NONE };
	}
	free(bounds);
	rc = pace_spread(v, *n, days, room, plan);
	free(room);
	return rc;
}

int queue_build(const catalog *c, const store_card *cards, size_t n_cards, const fsrs_params *p,
		const queue_opts *o, queue *q)
{
	size_t n_items = catalog_count(c), n_rev = 0, n_new = 0;
	const store_card **card_of = cards_by_item(c, cards, n_cards);
	pace_card *rev = malloc((n_items + 1) * sizeof(*rev));
	pool pl = { .v = malloc((n_items + 1) * sizeof(*pl.v)) };

	memset(q, 0, sizeof(*q));
	q->v = malloc((n_items + 1) * sizeof(*q->v));
	if (!card_of || !rev || !pl.v || !q->v ||
	    place_reviews(c, card_of, p, o, rev, &n_rev, &q->pace) < 0) {
		free(card_of), free(rev), free(pl.v), queue_free(q);
		return -1;
	}
	take_reviews(q, rev, n_rev);
	for (size_t i = 0; i < n_items; i++) {
		const bp_item *it = catalog_item(c, i);
		const store_card *sc = card_of[i];

		if (it->area == AREA_RECRUITER || (sc && (sc->suspended || sc->buried_until > o->now)))
			continue;
		if ((!sc || sc->state == FSRS_NEW) && it->week <= o->week && level_ok(o, it))
			pl.v[n_new++] = (queue_entry){ it, sc, 1.0, it->minutes };
	}
	qsort(pl.v, n_new, sizeof(*pl.v), by_introduction);
	pool_index(&pl, n_new);
	area_weakness(c, card_of, p, o->now, q->weakness);
	q->new_available = n_new;
	/* new items only when every review due today is in: leftover minutes go to the backlog */
	if (q->backlog == 0 && o->budget_minutes > 0 && q->minutes < o->budget_minutes)
		draw_new(q, &pl, o, q->weakness);
	space_tags(q, 0, q->reviews);
	space_tags(q, q->reviews, q->n);
	free(card_of);
	free(rev);
	free(pl.v);
	return 0;
}

int queue_cram(const catalog *c, const store_card *cards, size_t n_cards, const fsrs_params *p,
	       const estimate *est, int64_t now, int64_t interview, size_t limit, queue *q)
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
		const bp_item *it = catalog_item(c, i);

		if (sc && sc->state != FSRS_NEW && !sc->suspended)
			q->v[q->n++] = (queue_entry){ it, sc, retrievability(p, sc, at),
						      estimate_minutes(est, it, true) };
	}
	qsort(q->v, q->n, sizeof(*q->v), by_risk);
	if (q->n > limit)
		q->n = limit;
	for (size_t i = 0; i < q->n; i++)
		q->minutes += q->v[i].minutes;
	q->reviews = q->n;
	free(card_of);
	return 0;
}

void queue_free(queue *q)
{
	free(q->v);
	pace_plan_free(&q->pace);
	memset(q, 0, sizeof(*q));
}
