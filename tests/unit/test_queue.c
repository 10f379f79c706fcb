/*
 * Properties of the daily queue (queue.h), checked on catalogs and histories generated from
 * many seeds: the budget, due reviews before new items, the order by risk (now, or at the
 * interview), the deadline rule, focus weights and weakness over many days, the new-item
 * allowance, levels and weeks, suspended and buried items, tag spacing, the backlog, and
 * determinism. Catalogs are small YAML packs written to a temporary directory and read with
 * catalog_load; histories are made by running reviews through the scheduler.
 *
 * The expectations are worked out here from the rules, not from queue.c: a reference list
 * of what is due and what may be new, sorted the way the rules say.
 */
#include <ftw.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "backprep/card.h"
#include "backprep/catalog.h"
#include "backprep/fsrs.h"
#include "backprep/queue.h"
#include "backprep/rng.h"

enum { DAY = 86400, HOUR = 3600, SEEDS = 300, MAX_SPECS = 160 };

/* 2026-03-15 09:00 UTC, and the end of that (UTC) day. */
static const int64_t NOW = 1773565200;
static const int64_t DAY_END = 1773619200;

#define CHECK(cond, ...)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			print_message(__VA_ARGS__);                                                \
			print_message("\n");                                                       \
			fail_msg("failed: %s", #cond);                                             \
		}                                                                                  \
	} while (0)

/* Catalogs */

typedef struct spec {
	bp_area area;
	int level, week, minutes, rev; /* rev 0 means 1 */
	const char *tags;              /* the inside of a YAML flow list, or NULL */
} spec;

static void spec_id(const spec *s, size_t k, char *buf, size_t n)
{
	snprintf(buf, n, "%s.item-%zu", area_name(s->area), k);
}

static int remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb, (void)flag, (void)ftw;
	return remove(path);
}

/* Writes one pack per area (items in spec order) into a temporary directory and loads it. */
static catalog *load_specs(const spec *s, size_t n)
{
	char dir[] = "/tmp/test-queue-XXXXXX", path[128], id[64];
	const char *paths[] = {dir};
	catalog *c = NULL;
	bp_diags d = {0};

	assert_non_null(mkdtemp(dir));
	for (int a = 0; a < AREA_COUNT; a++) {
		FILE *f = NULL;

		for (size_t k = 0; k < n; k++) {
			if (s[k].area != (bp_area)a)
				continue;
			if (!f) {
				snprintf(path, sizeof(path), "%s/pack-%s.yaml", dir,
				         area_name(s[k].area));
				assert_non_null(f = fopen(path, "w"));
				fprintf(
				    f,
				    "pack: t-%s\ntitle: Test pack\narea: %s\nversion: 1\nitems:\n",
				    area_name(s[k].area), area_name(s[k].area));
			}
			spec_id(&s[k], k, id, sizeof(id));
			fprintf(f,
			        "  - id: %s\n    rev: %d\n    kind: choice\n    level: %d\n"
			        "    week: %d\n    minutes: %d\n",
			        id, s[k].rev ? s[k].rev : 1, s[k].level, s[k].week, s[k].minutes);
			if (s[k].tags)
				fprintf(f, "    tags: [%s]\n", s[k].tags);
			fprintf(f,
			        "    prompt: Question %zu?\n    choices: [yes, no]\n"
			        "    correct: [0]\n    explain: Because.\n",
			        k);
		}
		if (f)
			assert_int_equal(fclose(f), 0);
	}
	assert_int_equal(catalog_load(paths, 1, &c, &d), 0);
	if (d.n) {
		char buf[1200];

		fail_msg("the test catalog did not load: %s",
		         bp_error_str(&d.v[0], buf, sizeof(buf)));
	}
	bp_diags_free(&d);
	assert_int_equal(catalog_count(c), n);
	assert_int_equal(nftw(dir, remove_one, 8, FTW_DEPTH | FTW_PHYS), 0);
	return c;
}

static const bp_item *spec_item(const catalog *c, const spec *s, size_t k)
{
	char id[64];
	const bp_item *it;

	spec_id(&s[k], k, id, sizeof(id));
	it = catalog_find(c, id);
	assert_non_null(it);
	return it;
}

static unsigned pick(bp_rng *r, unsigned n)
{
	return (unsigned)(rng_unit(r) * n);
}

/* A few tags, so that neighbours often share one. */
static const char *const tagsets[] = {NULL,  "queues",      "caching", "retries", "queues, caching",
                                      "sql", "retries, sql"};

static size_t gen_specs(bp_rng *r, spec *s, bool tags)
{
	size_t n = 20 + pick(r, MAX_SPECS - 20);

	for (size_t k = 0; k < n; k++)
		s[k] = (spec){
		    .area = (bp_area)pick(r, AREA_COUNT),
		    .level = 1 + (int)pick(r, 3),
		    .week = 1 + (int)pick(r, 4),
		    .minutes = pick(r, 10) ? 1 + (int)pick(r, 12) : 13 + (int)pick(r, 40),
		    .rev = pick(r, 10) ? 1 : 2,
		    .tags = tags ? tagsets[pick(r, sizeof(tagsets) / sizeof(tagsets[0]))] : NULL,
		};
	return n;
}

/* Histories */

static fsrs_grade gen_grade(bp_rng *r, double again)
{
	double u = rng_unit(r);

	return u < again          ? FSRS_AGAIN
	       : u < again + 0.15 ? FSRS_HARD
	       : u < 0.85         ? FSRS_GOOD
	                          : FSRS_EASY;
}

/* A card after a history of reviews from `start`, each taken around when it was due. */
static store_card simulate(const fsrs_params *p, bp_rng *r, const bp_item *it, int64_t start,
                           double again)
{
	fsrs_card fc;
	store_card sc;
	int64_t t = start;

	fsrs_card_init(&fc, start);
	for (int k = 0; k < 40; k++) {
		int64_t next;

		fsrs_review(p, &fc, gen_grade(r, again), t, -1);
		if (fc.scheduled_days > 0) /* early, on time or late */
			next =
			    fc.due + (int64_t)((rng_unit(r) * 2.5 - 0.5) * fc.scheduled_days * DAY);
		else
			next = fc.due + (int64_t)pick(r, 2 * HOUR);
		if (next <= t)
			next = t + HOUR;
		if (next > NOW)
			break;
		t = next;
	}
	memset(&sc, 0, sizeof(sc));
	snprintf(sc.item, sizeof(sc.item), "%s", it->id);
	sc.rev = it->rev;
	card_from_fsrs(&fc, &sc);
	sc.introduced = start;
	return sc;
}

/*
 * Cards for about two thirds of the items, with suspended, buried (now and in the past) and
 * flagged-but-new cards among them, cards of an older rev, and cards of removed items.
 */
static store_card *gen_cards(const catalog *c, const fsrs_params *p, bp_rng *r, size_t *n_out)
{
	size_t n_items = catalog_count(c), n = 0;
	store_card *v = calloc(n_items + 3, sizeof(*v));

	assert_non_null(v);
	for (size_t i = 0; i < n_items; i++) {
		const bp_item *it = catalog_item(c, i);
		double u = rng_unit(r);
		store_card sc;

		if (u < 0.33)
			continue;
		if (u < 0.37) { /* starred or buried before a first answer: still new */
			memset(&sc, 0, sizeof(sc));
			snprintf(sc.item, sizeof(sc.item), "%s", it->id);
			sc.rev = it->rev;
			sc.due = NOW - DAY;
			sc.starred = true;
		} else {
			sc = simulate(p, r, it, NOW - (int64_t)(1 + pick(r, 300 * DAY)),
			              rng_unit(r) * 0.3);
		}
		u = rng_unit(r);
		if (u < 0.05)
			sc.suspended = true;
		else if (u < 0.10)
			sc.buried_until = NOW + 3 * HOUR;
		else if (u < 0.13)
			sc.buried_until = NOW - 3 * HOUR; /* a burial that has ended */
		if (it->rev > 1 && pick(r, 2))
			sc.rev = it->rev - 1; /* history of an older rev: the item starts over */
		v[n++] = sc;
	}
	for (int k = 0; k < 2; k++) { /* items removed from their pack keep their cards */
		store_card sc = simulate(p, r, catalog_item(c, 0), NOW - 40 * DAY, 0.1);

		snprintf(sc.item, sizeof(sc.item), "api.removed-%d", k);
		sc.due = NOW - DAY;
		v[n++] = sc;
	}
	*n_out = n;
	return v;
}

/* The reference */

typedef struct world {
	const catalog *cat;
	const store_card *cards;
	size_t n_cards;
	const fsrs_params *p;
	const queue_opts *o;
} world;

/* The card that is this item's history: same id and rev. */
static const store_card *card_of(const world *w, const bp_item *it)
{
	const store_card *found = NULL;

	for (size_t i = 0; i < w->n_cards; i++)
		if (strcmp(w->cards[i].item, it->id) == 0 && w->cards[i].rev == it->rev)
			found = &w->cards[i];
	return found;
}

static bool is_review(const store_card *sc)
{
	return sc && sc->state != FSRS_NEW;
}

static bool held_back(const world *w, const store_card *sc)
{
	return sc && (sc->suspended || sc->buried_until > w->o->now);
}

static bool level_ok(const queue_opts *o, int level)
{
	return o->levels == 0 || (o->levels & (1u << level));
}

static bool reviewable(const world *w, const bp_item *it)
{
	const store_card *sc = card_of(w, it);

	return it->area != AREA_RECRUITER && is_review(sc) && !held_back(w, sc);
}

static bool due_today(const world *w, const bp_item *it)
{
	return reviewable(w, it) && card_of(w, it)->due < w->o->day_end;
}

static double recall(const world *w, const store_card *sc, int64_t at);

/* Whether pace places the card: due before the last day placed, or, with an interview, one
 * that would stand below the desired retention at it. */
static bool placed_at_all(const world *w, const bp_item *it)
{
	const store_card *sc = card_of(w, it);
	const queue_opts *o = w->o;

	if (!reviewable(w, it))
		return false;
	if (o->interview >= o->day_end) {
		if (sc->due < o->interview) /* due before the interview's day */
			return true;
		return recall(w, sc, o->interview) < w->p->retention;
	}
	return sc->due < o->day_end + 13 * DAY;
}

/* A review's expected minutes, from the priors (the generated worlds pass no estimator). */
static double review_minutes_of(const bp_item *it)
{
	double m = it->minutes * estimate_prior_of(it->kind);

	return m < 0.5 ? 0.5 : m;
}

static bool may_be_new(const world *w, const bp_item *it)
{
	const store_card *sc = card_of(w, it);

	return it->area != AREA_RECRUITER && !is_review(sc) && !held_back(w, sc) &&
	       it->week <= w->o->week && level_ok(w->o, it->level);
}

static int64_t risk_at(const queue_opts *o)
{
	return o->interview > o->now ? o->interview : o->now;
}

static double recall(const world *w, const store_card *sc, int64_t at)
{
	fsrs_card fc;

	card_to_fsrs(sc, &fc);
	return fsrs_retrievability(w->p, &fc, at);
}

typedef struct ref_due {
	const bp_item *it;
	double r;
} ref_due;

static int by_risk(const void *a, const void *b)
{
	const ref_due *x = a, *y = b;

	if (x->r != y->r)
		return x->r < y->r ? -1 : 1;
	return strcmp(x->it->id, y->it->id);
}

/* What is due today, most at risk first. */
static ref_due *ref_due_list(const world *w, size_t *n)
{
	ref_due *v = calloc(catalog_count(w->cat) + 1, sizeof(*v));

	assert_non_null(v);
	*n = 0;
	for (size_t i = 0; i < catalog_count(w->cat); i++) {
		const bp_item *it = catalog_item(w->cat, i);

		if (due_today(w, it))
			v[(*n)++] = (ref_due){it, recall(w, card_of(w, it), risk_at(w->o))};
	}
	qsort(v, *n, sizeof(*v), by_risk);
	return v;
}

static bool entry_is_new(const queue_entry *e)
{
	return !is_review(e->card);
}

static bool share_tag(const bp_item *a, const bp_item *b)
{
	for (int i = 0; i < a->tags.n; i++)
		for (int k = 0; k < b->tags.n; k++)
			if (strcmp(a->tags.v[i], b->tags.v[k]) == 0)
				return true;
	return false;
}

/* The properties every queue has */

static void check_queue(const world *w, const queue *q, uint64_t seed, bool tags)
{
	const queue_opts *o = w->o;
	size_t n_due, reviews = 0, news = 0, first_new = SIZE_MAX, last_review = 0;
	size_t n_new_ref = 0;
	ref_due *due = ref_due_list(w, &n_due);
	double minutes = 0, backlog_minutes = 0, placed = 0, all_reviews = 0;
	size_t forward = 0, due_in = 0;

	for (size_t i = 0; i < catalog_count(w->cat); i++)
		n_new_ref += may_be_new(w, catalog_item(w->cat, i));
	CHECK(q->due_total == n_due, "seed %llu: due_total %zu, want %zu", (unsigned long long)seed,
	      q->due_total, n_due);
	CHECK(q->new_available == n_new_ref, "seed %llu: new_available %zu, want %zu",
	      (unsigned long long)seed, q->new_available, n_new_ref);

	for (size_t i = 0; i < q->n; i++) {
		const queue_entry *e = &q->v[i];

		minutes += e->minutes;
		for (size_t k = 0; k < i; k++)
			CHECK(q->v[k].item != e->item, "seed %llu: %s twice",
			      (unsigned long long)seed, e->item->id);
		/* the entry's card is the item's card, if it has one of its rev */
		CHECK(e->card == card_of(w, e->item), "seed %llu: %s with the wrong card",
		      (unsigned long long)seed, e->item->id);
		CHECK(!held_back(w, e->card), "seed %llu: %s is suspended or buried",
		      (unsigned long long)seed, e->item->id);
		CHECK(e->item->area != AREA_RECRUITER,
		      "seed %llu: a recruiter question in the queue", (unsigned long long)seed);
		if (entry_is_new(e)) {
			news++;
			if (first_new == SIZE_MAX)
				first_new = i;
			CHECK(may_be_new(w, e->item),
			      "seed %llu: new %s (week %d, level %d) not allowed",
			      (unsigned long long)seed, e->item->id, e->item->week, e->item->level);
			CHECK(e->retrievability == 1.0, "seed %llu: a new item with R %g",
			      (unsigned long long)seed, e->retrievability);
			CHECK(e->minutes == e->item->minutes, "seed %llu: new %s expected to take %g",
			      (unsigned long long)seed, e->item->id, e->minutes);
		} else {
			reviews++;
			last_review = i;
			CHECK(reviewable(w, e->item), "seed %llu: %s cannot be reviewed",
			      (unsigned long long)seed, e->item->id);
			CHECK(e->minutes == review_minutes_of(e->item),
			      "seed %llu: review %s expected to take %g, want %g",
			      (unsigned long long)seed, e->item->id, e->minutes,
			      review_minutes_of(e->item));
			if (due_today(w, e->item))
				due_in++;
			else
				forward++;
			CHECK(e->retrievability == recall(w, e->card, risk_at(o)),
			      "seed %llu: %s has R %g, want R at %s", (unsigned long long)seed,
			      e->item->id, e->retrievability,
			      o->interview > o->now ? "the interview" : "now");
		}
	}

	/* the budget: kept, but for one new item that is too long on its own */
	CHECK(fabs(q->minutes - minutes) < 1e-9, "seed %llu: minutes %g, the entries add up to %g",
	      (unsigned long long)seed, q->minutes, minutes);
	if (o->budget_minutes <= 0)
		CHECK(q->n == 0, "seed %llu: %zu entries without a budget",
		      (unsigned long long)seed, q->n);
	CHECK(q->n == 0 || q->minutes <= o->budget_minutes + 1e-9 ||
	          (q->n == 1 && entry_is_new(&q->v[0])),
	      "seed %llu: %g minutes in %zu entries over a budget of %d", (unsigned long long)seed,
	      q->minutes, q->n, o->budget_minutes);
	CHECK(q->reviews == reviews && q->brought_forward == forward,
	      "seed %llu: %zu reviews (%zu brought forward), the queue says %zu (%zu)",
	      (unsigned long long)seed, reviews, forward, q->reviews, q->brought_forward);

	/* the placement: no day over its room, and every review placed or counted as not */
	for (int d = 0; d < q->pace.days; d++) {
		CHECK(q->pace.load[d] <= q->pace.room[d] + 1e-6,
		      "seed %llu: day %d holds %g minutes of reviews in %g", (unsigned long long)seed,
		      d, q->pace.load[d], q->pace.room[d]);
		placed += q->pace.load[d];
	}
	for (size_t i = 0; i < catalog_count(w->cat); i++) {
		const bp_item *it = catalog_item(w->cat, i);

		if (placed_at_all(w, it))
			all_reviews += review_minutes_of(it);
	}
	CHECK(fabs(placed + q->pace.unplaced_minutes - all_reviews) < 1e-6,
	      "seed %llu: %g minutes placed and %g not, of %g", (unsigned long long)seed, placed,
	      q->pace.unplaced_minutes, all_reviews);

	/* a new item longer than the budget only when the first of every area is too long */
	if (q->n == 1 && q->minutes > o->budget_minutes && entry_is_new(&q->v[0]))
		for (int a = 0; a < AREA_COUNT; a++) {
			const bp_item *first = NULL;

			for (size_t i = 0; i < catalog_count(w->cat); i++) {
				const bp_item *it = catalog_item(w->cat, i);

				if (it->area == (bp_area)a && may_be_new(w, it) &&
				    (!first || it->week < first->week ||
				     (it->week == first->week && it->level < first->level)))
					first = it;
			}
			CHECK(!first || (o->focus && o->focus[a] <= 0) ||
			          first->minutes > o->budget_minutes,
			      "seed %llu: %s (%d minutes) over a budget of %d, but %s fits",
			      (unsigned long long)seed, q->v[0].item->id, q->v[0].item->minutes,
			      o->budget_minutes, first->id);
		}

	/* due reviews first */
	CHECK(reviews == 0 || news == 0 || last_review < first_new,
	      "seed %llu: a new item at %zu before a review at %zu", (unsigned long long)seed,
	      first_new, last_review);

	/* reviews in order of risk; one due today is left out only when, with the riskier
	 * ones taken, it does not fit */
	for (size_t k = 1; k < reviews && !tags; k++)
		CHECK(by_risk(&(ref_due){q->v[k - 1].item, q->v[k - 1].retrievability},
			      &(ref_due){q->v[k].item, q->v[k].retrievability}) < 0,
		      "seed %llu: review %zu (%s) before a riskier one", (unsigned long long)seed,
		      k - 1, q->v[k - 1].item->id);
	for (size_t k = 0; k < n_due; k++) {
		double riskier = 0;
		bool found = false;

		for (size_t i = 0; i < reviews; i++) {
			if (q->v[i].item == due[k].it)
				found = true;
			else if (q->v[i].retrievability < due[k].r ||
				 (q->v[i].retrievability == due[k].r &&
				  strcmp(q->v[i].item->id, due[k].it->id) < 0))
				riskier += q->v[i].minutes;
		}
		if (!found) {
			backlog_minutes += review_minutes_of(due[k].it);
			CHECK(riskier + review_minutes_of(due[k].it) > o->budget_minutes - 1e-9,
			      "seed %llu: %s (R %g) would have fit", (unsigned long long)seed,
			      due[k].it->id, due[k].r);
		}
	}

	/* the backlog: what is due today and not in the queue */
	CHECK(q->due_total == n_due && q->backlog == n_due - due_in,
	      "seed %llu: backlog %zu, want %zu", (unsigned long long)seed, q->backlog,
	      n_due - due_in);
	CHECK(fabs(q->backlog_minutes - backlog_minutes) < 1e-6,
	      "seed %llu: backlog of %g minutes, want %g", (unsigned long long)seed,
	      q->backlog_minutes, backlog_minutes);
	CHECK((q->backlog == 0) == (q->backlog_days == 0), "seed %llu: backlog %zu over %d days",
	      (unsigned long long)seed, q->backlog, q->backlog_days);

	/* no new item while due reviews wait: the day's minutes go to the backlog first */
	CHECK(q->backlog == 0 || news == 0, "seed %llu: %zu new items with %zu reviews left over",
	      (unsigned long long)seed, news, q->backlog);

	/* neighbours share a tag only when every later entry of their part shares it too */
	for (size_t i = 1; i < q->n; i++) {
		size_t end = i < reviews ? reviews : q->n;

		if (!share_tag(q->v[i - 1].item, q->v[i].item))
			continue;
		for (size_t k = i + 1; k < end; k++)
			CHECK(share_tag(q->v[i - 1].item, q->v[k].item),
			      "seed %llu: %s then %s share a tag, but %s could go between",
			      (unsigned long long)seed, q->v[i - 1].item->id, q->v[i].item->id,
			      q->v[k].item->id);
	}

	/* the allowance of new items */
	CHECK((int)news <= (o->new_limit > 0 ? o->new_limit : 0),
	      "seed %llu: %zu new items over an allowance of %d", (unsigned long long)seed, news,
	      o->new_limit);

	/* without tags to space, new items of an area come lowest week and level first */
	for (size_t i = 0; i < q->n && !tags; i++)
		for (size_t k = i + 1; k < q->n; k++) {
			const bp_item *a = q->v[i].item, *b = q->v[k].item;

			if (!entry_is_new(&q->v[i]) || !entry_is_new(&q->v[k]) ||
			    a->area != b->area)
				continue;
			CHECK(a->week < b->week || (a->week == b->week && a->level <= b->level),
			      "seed %llu: %s (week %d, level %d) before %s (week %d, level %d)",
			      (unsigned long long)seed, a->id, a->week, a->level, b->id, b->week,
			      b->level);
		}
	free(due);
}

static queue_opts gen_opts(bp_rng *r, double *focus, bp_rng *draw)
{
	queue_opts o = {
	    .now = NOW,
	    .day_end = DAY_END,
	    .week = 1 + (int)pick(r, 4),
	    .levels = pick(r, 4) ? (1 + pick(r, 7)) << 1 : 0,
	    .new_limit = (int)pick(r, 14) - 1,
	    .focus = NULL,
	    .interview = 0,
	    .rng = draw,
	    .daily_minutes = pick(r, 20) ? 10 + (int)pick(r, 110) : 0,
	};

	switch (pick(r, 8)) {
	case 0: /* spent, or more than spent */
		o.budget_minutes = -(int)pick(r, 10);
		break;
	case 1: /* a few minutes left */
	case 2:
		o.budget_minutes = 1 + (int)pick(r, 8);
		break;
	default:
		o.budget_minutes = 1 + (int)pick(r, 150);
	}
	if (pick(r, 5)) {
		for (int a = 0; a < AREA_COUNT; a++)
			focus[a] = pick(r, 4) ? rng_unit(r) : 0;
		o.focus = focus;
	}
	if (pick(r, 2)) /* today (passed), tomorrow, or up to 40 days on */
		o.interview = DAY_END - DAY + (int64_t)pick(r, 41) * DAY;
	return o;
}

static bool same_queue(const queue *a, const queue *b)
{
	if (a->n != b->n || a->minutes != b->minutes || a->due_total != b->due_total ||
	    a->new_available != b->new_available || a->backlog != b->backlog ||
	    a->backlog_minutes != b->backlog_minutes || a->backlog_days != b->backlog_days)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (a->v[i].item != b->v[i].item || a->v[i].card != b->v[i].card ||
		    a->v[i].retrievability != b->v[i].retrievability)
			return false;
	return memcmp(a->weakness, b->weakness, sizeof(a->weakness)) == 0;
}

/* Many generated worlds: with tags (spaced) and without (exact orders). */
static void run_generated(bool tags)
{
	fsrs_params p;
	spec *s = calloc(MAX_SPECS, sizeof(*s));

	assert_non_null(s);
	fsrs_params_default(&p);
	for (uint64_t seed = 1; seed <= SEEDS; seed++) {
		bp_rng r, draw, again;
		double focus[AREA_COUNT];
		size_t n, n_cards;
		catalog *c;
		store_card *cards;

		rng_seed(&r, seed * 2 + tags);
		n = gen_specs(&r, s, tags);
		c = load_specs(s, n);
		cards = gen_cards(c, &p, &r, &n_cards);
		if (seed % 5 == 0) /* a first day: nothing answered yet */
			n_cards = 0;
		for (int day = 0; day < 3; day++) {
			queue_opts o;
			world w = {c, cards, n_cards, &p, &o};
			queue q, q2;

			rng_seed(&draw, seed * 1000 + (uint64_t)day);
			o = gen_opts(&r, focus, &draw);
			assert_int_equal(queue_build(c, cards, n_cards, &p, &o, &q), 0);
			check_queue(&w, &q, seed, tags);

			/* the same inputs and seed give the same queue */
			rng_seed(&again, seed * 1000 + (uint64_t)day);
			o.rng = &again;
			assert_int_equal(queue_build(c, cards, n_cards, &p, &o, &q2), 0);
			CHECK(same_queue(&q, &q2), "seed %llu: two builds differ",
			      (unsigned long long)seed);
			queue_free(&q);
			queue_free(&q2);
		}
		free(cards);
		catalog_free(c);
	}
	free(s);
}

static void test_generated_untagged(void **state)
{
	(void)state;
	run_generated(false);
}

static void test_generated_tagged(void **state)
{
	(void)state;
	run_generated(true);
}

/* Constructed cases */

/* A review card of stability s, last reviewed `ago` days before now, due at `due`. */
static store_card review_card(const bp_item *it, double s, double ago, int64_t due)
{
	store_card sc;

	memset(&sc, 0, sizeof(sc));
	snprintf(sc.item, sizeof(sc.item), "%s", it->id);
	sc.rev = it->rev;
	sc.state = FSRS_REVIEW;
	sc.stability = s;
	sc.difficulty = 5;
	sc.last_review = NOW - (int64_t)(ago * DAY);
	sc.introduced = sc.last_review - 10 * DAY;
	sc.due = due;
	sc.scheduled_days = (int)ceil(s);
	sc.reps = 3;
	return sc;
}

static queue_opts plain_opts(int budget, int new_limit)
{
	return (queue_opts){.now = NOW,
	                    .day_end = DAY_END,
	                    .week = 4,
	                    .budget_minutes = budget,
	                    .new_limit = new_limit,
	                    .daily_minutes = 60};
}

static void build(const catalog *c, const store_card *cards, size_t n, const queue_opts *o,
                  queue *q)
{
	fsrs_params p;

	fsrs_params_default(&p);
	assert_int_equal(queue_build(c, cards, n, &p, o, q), 0);
}

static void assert_order(const queue *q, const catalog *c, const spec *s, const size_t *want,
                         size_t n)
{
	if (q->n != n)
		fail_msg("%zu entries, want %zu", q->n, n);
	for (size_t i = 0; i < n; i++)
		if (q->v[i].item != spec_item(c, s, want[i]))
			fail_msg("entry %zu is %s, want %s", i, q->v[i].item->id,
			         spec_item(c, s, want[i])->id);
}

/* One item longer than the budget is asked only when nothing else fits. */
static void test_over_long_item_only_when_nothing_fits(void **state)
{
	static const spec s[] = {
	    {AREA_CODING, 1, 1, 10, 1, NULL},
	    {AREA_API, 1, 1, 2, 1, NULL},
	    {AREA_SCALE, 1, 1, 9, 1, NULL},
	};
	static const size_t just_api[] = {1};
	double focus[AREA_COUNT] = {[AREA_CODING] = 1.0, [AREA_API] = 0.1};
	catalog *c = load_specs(s, 3);
	queue_opts o = plain_opts(5, 5);
	store_card due;
	queue q;

	(void)state;
	o.focus = focus; /* without a generator the heaviest area goes first: coding */
	build(c, NULL, 0, &o, &q);
	assert_order(&q, c, s, just_api, 1);
	assert_int_equal(q.minutes, 2);
	queue_free(&q);

	focus[AREA_API] = 0; /* only coding is left: its 10 minutes are asked in a budget of 5 */
	build(c, NULL, 0, &o, &q);
	assert_int_equal(q.n, 1);
	assert_ptr_equal(q.v[0].item, spec_item(c, s, 0));
	queue_free(&q);

	/* a review longer than the minutes left is not asked (its 9 minutes take 6.3 as a
	 * review): it waits for a day with room, and no new item takes its place */
	due = review_card(spec_item(c, s, 2), 3, 10, NOW - DAY);
	focus[AREA_API] = 1;
	build(c, &due, 1, &o, &q);
	assert_int_equal(q.n, 0);
	assert_int_equal(q.backlog, 1);
	assert_int_equal(q.backlog_days, 1);
	queue_free(&q);
	catalog_free(c);
}

/* The deadline: every review is placed before the interview, none on a day over its
 * room; only when no day has room is one left out, and then counted. */
static void test_deadline_rule(void **state)
{
	fsrs_params p;

	(void)state;
	fsrs_params_default(&p);
	for (uint64_t seed = 1; seed <= 50; seed++) {
		bp_rng r;
		spec s[MAX_SPECS];
		size_t n, n_cards;
		catalog *c;
		store_card *cards;

		rng_seed(&r, seed);
		n = gen_specs(&r, s, false);
		c = load_specs(s, n);
		cards = gen_cards(c, &p, &r, &n_cards);
		for (int k = 1; k <= 60; k += 3) {
			queue_opts o = plain_opts(30, 0);
			double all = 0, placed = 0;
			queue q;

			o.interview = DAY_END + (int64_t)(k - 1) * DAY;
			o.daily_minutes = o.budget_minutes = seed % 2 ? 10000 : 20;
			build(c, cards, n_cards, &o, &q);
			CHECK(q.pace.days == k, "seed %llu: %d days placed before an interview in %d",
			      (unsigned long long)seed, q.pace.days, k);
			world w = {c, cards, n_cards, &p, &o};

			for (size_t i = 0; i < catalog_count(c); i++)
				if (placed_at_all(&w, catalog_item(c, i)))
					all += review_minutes_of(catalog_item(c, i));
			for (int d = 0; d < q.pace.days; d++) {
				placed += q.pace.load[d];
				CHECK(q.pace.load[d] <= q.pace.room[d] + 1e-6,
				      "seed %llu: day %d over its room", (unsigned long long)seed, d);
			}
			CHECK(fabs(placed + q.pace.unplaced_minutes - all) < 1e-6,
			      "seed %llu: %g placed, %g not, of %g", (unsigned long long)seed, placed,
			      q.pace.unplaced_minutes, all);
			if (o.daily_minutes == 10000)
				CHECK(q.pace.unplaced == 0, "seed %llu: %zu left out with room to spare",
				      (unsigned long long)seed, q.pace.unplaced);
			queue_free(&q);
		}
		free(cards);
		catalog_free(c);
	}
}

/* Reviews due after the interview wait for the days before it, but only those that would
 * stand below the desired retention at the interview: a card that will still be recalled
 * then needs no last review. With the interview tomorrow, today is that last day. */
static void test_final_reviews_before_the_interview(void **state)
{
	static const spec s[] = {
	    {AREA_CODING, 1, 1, 1, 1, NULL},
	    {AREA_API, 1, 1, 1, 1, NULL},
	    {AREA_SCALE, 1, 1, 1, 1, NULL},
	};
	/* stability 30 due in 10 days; 10 (recall about 0.84 in 22 days) and 200 (0.99) due
	 * after an interview 21 days on */
	static const double stability[] = {30, 10, 200};
	catalog *c = load_specs(s, 3);
	store_card cards[3];
	queue_opts o = plain_opts(100, 0);
	queue q;

	(void)state;
	for (size_t i = 0; i < 3; i++)
		cards[i] = review_card(spec_item(c, s, i), stability[i], 2,
				       NOW + (int64_t)(10 + 20 * i) * DAY);
	build(c, cards, 3, &o, &q);
	assert_int_equal(q.due_total, 0);
	assert_int_equal(q.n, 0);
	queue_free(&q);
	o.interview = DAY_END + 20 * DAY;
	o.daily_minutes = 100;
	build(c, cards, 3, &o, &q);
	assert_int_equal(q.due_total, 0);
	assert_int_equal(q.n, 0);
	assert_int_equal(q.pace.days, 21);
	assert_true(q.pace.load[10] > 0);  /* the first on its own day */
	assert_true(q.pace.load[20] > 0);  /* the second on the day before the interview */
	assert_true(fabs(q.pace.load[10] - q.pace.load[20]) < 1e-9); /* and the third nowhere */
	assert_int_equal(q.pace.unplaced, 0);
	queue_free(&q);
	o.interview = DAY_END; /* tomorrow: whatever stands below 0.9 then is asked today */
	cards[1].last_review = NOW - 40 * DAY;
	build(c, cards, 3, &o, &q);
	assert_int_equal(q.due_total, 0);
	assert_int_equal(q.brought_forward, 1);
	assert_int_equal(q.n, 1);
	assert_ptr_equal(q.v[0].item, spec_item(c, s, 1));
	queue_free(&q);
	catalog_free(c);
}

/* The order by risk is the risk at the interview when there is one, not now. */
static void test_interview_changes_the_order(void **state)
{
	static const spec s[] = {
	    {AREA_CODING, 1, 1, 1, 1, NULL},
	    {AREA_API, 1, 1, 1, 1, NULL},
	};
	static const size_t now_order[] = {1, 0}, interview_order[] = {0, 1};
	catalog *c = load_specs(s, 2);
	store_card cards[2];
	queue_opts o = plain_opts(100, 0);
	queue q;

	(void)state;
	/* A forgets fast (S 1, seen 1 day ago); B slowly (S 50, seen 100 days ago): B is more at
	 * risk today, A a month from now. */
	cards[0] = review_card(spec_item(c, s, 0), 1, 1, NOW - HOUR);
	cards[1] = review_card(spec_item(c, s, 1), 50, 100, NOW - 50 * DAY);
	build(c, cards, 2, &o, &q);
	assert_order(&q, c, s, now_order, 2);
	assert_true(q.v[0].retrievability < q.v[1].retrievability);
	queue_free(&q);
	o.interview = DAY_END + 29 * DAY;
	build(c, cards, 2, &o, &q);
	assert_order(&q, c, s, interview_order, 2);
	assert_true(q.v[0].retrievability < q.v[1].retrievability);
	queue_free(&q);
	catalog_free(c);
}

enum { SIM_DAYS = 200, PER_AREA = 40 };

/* A catalog of PER_AREA one-minute items in each of coding, api and scale, and a few others. */
static catalog *three_areas(spec *s, size_t *n)
{
	static const bp_area areas[] = {AREA_CODING, AREA_API, AREA_SCALE};

	*n = 0;
	for (size_t a = 0; a < 3; a++)
		for (int k = 0; k < PER_AREA; k++)
			s[(*n)++] = (spec){areas[a], 1 + k % 3, 1 + k % 4, 1, 1, NULL};
	s[(*n)++] = (spec){AREA_BEHAVIORAL, 1, 1, 1, 1, NULL};
	s[(*n)++] = (spec){AREA_DEBUGGING, 1, 1, 1, 1, NULL};
	return load_specs(s, *n);
}

/* Builds a queue on each of SIM_DAYS days with one generator; shares of new items by area. */
static void new_shares(const catalog *c, const store_card *cards, size_t n_cards,
                       const double *focus, uint64_t seed, double *share, double *weakness)
{
	int count[AREA_COUNT] = {0}, total = 0;
	bp_rng r;
	queue_opts o = plain_opts(1000, 10);
	fsrs_params p;

	fsrs_params_default(&p);
	rng_seed(&r, seed);
	o.focus = focus;
	o.rng = &r;
	for (int day = 0; day < SIM_DAYS; day++) {
		queue q;

		assert_int_equal(queue_build(c, cards, n_cards, &p, &o, &q), 0);
		assert_int_equal(q.backlog, 0);
		for (size_t i = 0; i < q.n; i++)
			if (entry_is_new(&q.v[i])) {
				count[q.v[i].item->area]++;
				total++;
			}
		memcpy(weakness, q.weakness, sizeof(q.weakness));
		queue_free(&q);
	}
	assert_int_equal(total, SIM_DAYS * 10);
	for (int a = 0; a < AREA_COUNT; a++)
		share[a] = (double)count[a] / total;
}

/* Over 200 days, new items follow the focus weights when the areas are equally weak. */
static void test_focus_weights_followed(void **state)
{
	static spec s[3 * PER_AREA + 2];
	double focus[AREA_COUNT] = {[AREA_CODING] = 0.6, [AREA_API] = 0.3, [AREA_SCALE] = 0.1};
	size_t n;
	catalog *c = three_areas(s, &n);

	(void)state;
	for (uint64_t seed = 1; seed <= 20; seed++) {
		double share[AREA_COUNT], weak[AREA_COUNT];

		new_shares(c, NULL, 0, focus, seed, share, weak);
		for (int a = 0; a < AREA_COUNT; a++) {
			assert_true(weak[a] == weak[AREA_CODING]);
			CHECK(fabs(share[a] - focus[a]) <= 0.05,
			      "seed %llu: %s has %.3f, focus %.2f", (unsigned long long)seed,
			      area_name((bp_area)a), share[a], focus[a]);
		}
	}
	catalog_free(c);
}

/* An area with forgotten cards and lapses gets more new items than its focus alone. */
static void test_weak_area_gets_more(void **state)
{
	static spec s[3 * PER_AREA + 2];
	double focus[AREA_COUNT] = {[AREA_CODING] = 0.6, [AREA_API] = 0.3, [AREA_SCALE] = 0.1};
	store_card cards[3 * PER_AREA];
	size_t n, n_cards = 0;
	catalog *c = three_areas(s, &n);

	(void)state;
	/* the first ten items of each area seen: api's long forgotten, with lapses */
	for (size_t a = 0; a < 3; a++)
		for (size_t k = 0; k < 10; k++) {
			const bp_item *it = spec_item(c, s, a * PER_AREA + k);
			bool weak = it->area == AREA_API;

			cards[n_cards] = review_card(it, weak ? 3 : 60, weak ? 30 : 5,
			                             weak ? NOW - 25 * DAY : NOW + 40 * DAY);
			cards[n_cards++].lapses = weak ? 2 : 0;
		}
	for (uint64_t seed = 1; seed <= 20; seed++) {
		double share[AREA_COUNT], weak[AREA_COUNT], sum = 0;

		new_shares(c, cards, n_cards, focus, seed, share, weak);
		assert_true(weak[AREA_API] > weak[AREA_CODING] &&
		            weak[AREA_API] > weak[AREA_SCALE]);
		for (int a = 0; a < AREA_COUNT; a++)
			sum += focus[a] * weak[a];
		CHECK(share[AREA_API] > focus[AREA_API] + 0.05, "seed %llu: api has %.3f",
		      (unsigned long long)seed, share[AREA_API]);
		for (int a = 0; a < AREA_COUNT; a++)
			CHECK(fabs(share[a] - focus[a] * weak[a] / sum) <= 0.05,
			      "seed %llu: %s has %.3f, focus x weakness gives %.3f",
			      (unsigned long long)seed, area_name((bp_area)a), share[a],
			      focus[a] * weak[a] / sum);
	}
	catalog_free(c);
}

/* The allowance, the plan week and its levels bound the new items. */
static void test_new_limit_levels_and_weeks(void **state)
{
	static spec s[3 * PER_AREA + 2];
	size_t n;
	catalog *c = three_areas(s, &n);

	(void)state;
	for (int week = 1; week <= 4; week++)
		for (unsigned levels = 0; levels < 16; levels += 2)
			for (int limit = -1; limit <= 12; limit += 3) {
				queue_opts o = plain_opts(1000, limit);
				size_t allowed = 0;
				queue q;

				o.week = week;
				o.levels = levels;
				for (size_t i = 0; i < n; i++)
					allowed += s[i].week <= week &&
					           (!levels || (levels & (1u << s[i].level)));
				build(c, NULL, 0, &o, &q);
				assert_int_equal(q.new_available, allowed);
				assert_int_equal(q.n, limit < 0              ? 0
				                      : limit < (int)allowed ? (size_t)limit
				                                             : allowed);
				for (size_t i = 0; i < q.n; i++) {
					assert_true(q.v[i].item->week <= week);
					assert_true(!levels ||
					            (levels & (1u << q.v[i].item->level)));
				}
				queue_free(&q);
			}
	catalog_free(c);
}

/* Suspended and buried items never appear; a burial that has ended does not hold back. */
static void test_suspended_and_buried_never_appear(void **state)
{
	static const spec s[] = {
	    {AREA_CODING, 1, 1, 1, 1, NULL}, /* 0 review, suspended */
	    {AREA_CODING, 1, 1, 1, 1, NULL}, /* 1 review, buried until tonight */
	    {AREA_CODING, 1, 1, 1, 1, NULL}, /* 2 review, buried until this morning */
	    {AREA_API, 1, 1, 1, 1, NULL},    /* 3 new, suspended */
	    {AREA_API, 1, 1, 1, 1, NULL},    /* 4 new, buried */
	    {AREA_API, 1, 1, 1, 1, NULL},    /* 5 new, starred */
	    {AREA_API, 1, 1, 1, 1, NULL},    /* 6 new, no card */
	};
	catalog *c = load_specs(s, 7);
	store_card cards[6];
	queue_opts o = plain_opts(100, 10);
	queue q;

	(void)state;
	for (size_t i = 0; i < 3; i++)
		cards[i] = review_card(spec_item(c, s, i), 5, 10, NOW - DAY);
	cards[0].suspended = true;
	cards[1].buried_until = DAY_END;
	cards[2].buried_until = NOW - HOUR;
	for (size_t i = 3; i < 6; i++) {
		memset(&cards[i], 0, sizeof(cards[i]));
		snprintf(cards[i].item, sizeof(cards[i].item), "%s", spec_item(c, s, i)->id);
		cards[i].rev = 1;
	}
	cards[3].suspended = true;
	cards[4].buried_until = DAY_END;
	cards[5].starred = true;
	build(c, cards, 6, &o, &q);
	assert_int_equal(q.due_total, 1);
	assert_int_equal(q.new_available, 2);
	assert_int_equal(q.n, 3);
	assert_ptr_equal(q.v[0].item, spec_item(c, s, 2));
	for (size_t i = 1; i < 3; i++)
		assert_true(q.v[i].item == spec_item(c, s, 5) || q.v[i].item == spec_item(c, s, 6));
	queue_free(&q);
	catalog_free(c);
}

/* Neighbours do not share a tag when an order allows it; reviews still come first. */
static void test_tags_spaced(void **state)
{
	static const spec s[] = {
	    {AREA_CODING, 1, 1, 1, 1, "queues"}, /* 0..2: reviews, 0 most at risk */
	    {AREA_CODING, 1, 1, 1, 1, "queues"}, {AREA_CODING, 1, 1, 1, 1, "sql"},
	    {AREA_API, 1, 1, 1, 1, "queues"}, /* 3..6: new, in this order */
	    {AREA_API, 1, 2, 1, 1, "queues"},    {AREA_API, 1, 3, 1, 1, "retries"},
	    {AREA_API, 1, 4, 1, 1, "caching"},
	};
	/* by risk 0 1 2, then new 3 4 5 6; spaced 0 2 1 | 5 3 6 4, the new ones apart from the
	 * last review too */
	static const size_t want[] = {0, 2, 1, 5, 3, 6, 4};
	static const spec same[] = {
	    {AREA_CODING, 1, 1, 1, 1, "queues"},
	    {AREA_CODING, 1, 2, 1, 1, "queues, sql"},
	    {AREA_CODING, 1, 3, 1, 1, "queues"},
	};
	static const size_t unchanged[] = {0, 1, 2};
	catalog *c = load_specs(s, 7);
	store_card cards[3];
	queue_opts o = plain_opts(100, 10);
	queue q;

	(void)state;
	for (size_t i = 0; i < 3; i++)
		cards[i] = review_card(spec_item(c, s, i), 2 + (double)i, 20, NOW - DAY);
	build(c, cards, 3, &o, &q);
	assert_order(&q, c, s, want, 7);
	for (size_t i = 1; i < q.n; i++)
		assert_false(share_tag(q.v[i - 1].item, q.v[i].item));
	queue_free(&q);
	catalog_free(c);

	c = load_specs(same, 3); /* every item shares a tag: the order stays as it is */
	build(c, NULL, 0, &o, &q);
	assert_order(&q, c, same, unchanged, 3);
	queue_free(&q);
	catalog_free(c);
}

/* Reviews that do not fit are the backlog, and no new item takes their place. */
static void test_backlog(void **state)
{
	static spec s[14];
	catalog *c;
	store_card cards[10];
	queue_opts o = plain_opts(35, 5);
	queue q;

	(void)state;
	/* choice items of 10 minutes: a review is expected to take 7 (the prior, 0.7) */
	for (size_t i = 0; i < 14; i++)
		s[i] = (spec){i < 10 ? AREA_CODING : AREA_API, 1, 1, i < 10 ? 10 : 1, 1, NULL};
	c = load_specs(s, 14);
	for (size_t i = 0; i < 10; i++)
		cards[i] =
		    review_card(spec_item(c, s, i), 1 + (double)i, 30, NOW - (int64_t)i * DAY);
	o.daily_minutes = 21;
	build(c, cards, 10, &o, &q);
	assert_int_equal(q.due_total, 10);
	assert_int_equal(q.n, 5); /* 5 x 7 minutes */
	assert_true(fabs(q.minutes - 35) < 1e-9);
	assert_int_equal(q.backlog, 5);
	assert_true(fabs(q.backlog_minutes - 35) < 1e-9);
	assert_int_equal(q.backlog_days, 2); /* 3 tomorrow, 2 the day after, at 21 a day */
	assert_true(fabs(q.pace.load[1] - 21) < 1e-9 && fabs(q.pace.load[2] - 14) < 1e-9);
	for (size_t i = 0; i < 5; i++)       /* the least stable are the most at risk */
		assert_ptr_equal(q.v[i].item, spec_item(c, s, i));
	queue_free(&q);

	o.budget_minutes = 100; /* everything fits: no backlog, and new items after */
	build(c, cards, 10, &o, &q);
	assert_int_equal(q.backlog, 0);
	assert_int_equal(q.backlog_days, 0);
	assert_int_equal(q.n, 14);
	queue_free(&q);
	catalog_free(c);
}

/* The same content, cards and seed give the same queue, whatever the load. */
static void test_same_seed_same_queue(void **state)
{
	spec s[MAX_SPECS];
	fsrs_params p;

	(void)state;
	fsrs_params_default(&p);
	for (uint64_t seed = 1; seed <= 30; seed++) {
		bp_rng r, d1, d2;
		size_t n, n1, n2;
		catalog *c1, *c2;
		store_card *k1, *k2;
		double focus[AREA_COUNT];
		queue_opts o;
		queue q1, q2;

		rng_seed(&r, seed);
		n = gen_specs(&r, s, true);
		c1 = load_specs(s, n);
		c2 = load_specs(s, n);
		rng_seed(&r, seed);
		k1 = gen_cards(c1, &p, &r, &n1);
		rng_seed(&r, seed);
		k2 = gen_cards(c2, &p, &r, &n2);
		assert_int_equal(n1, n2);
		rng_seed(&d1, seed);
		rng_seed(&d2, seed);
		o = gen_opts(&r, focus, &d1);
		o.budget_minutes = 200;
		o.new_limit = 10;
		assert_int_equal(queue_build(c1, k1, n1, &p, &o, &q1), 0);
		o.rng = &d2;
		assert_int_equal(queue_build(c2, k2, n2, &p, &o, &q2), 0);
		assert_int_equal(q1.n, q2.n);
		for (size_t i = 0; i < q1.n; i++)
			assert_string_equal(q1.v[i].item->id, q2.v[i].item->id);
		queue_free(&q1);
		queue_free(&q2);
		free(k1);
		free(k2);
		catalog_free(c1);
		catalog_free(c2);
	}
}

/* A card of an older rev is history: the item starts over as new. A removed item's card is
 * kept but never asked. */
static void test_older_rev_and_removed_items(void **state)
{
	static const spec s[] = {{AREA_CODING, 1, 1, 1, 2, NULL}};
	catalog *c = load_specs(s, 1);
	store_card cards[2];
	queue_opts o = plain_opts(100, 10);
	queue q;

	(void)state;
	cards[0] = review_card(spec_item(c, s, 0), 3, 20, NOW - DAY);
	cards[0].rev = 1;
	cards[1] = cards[0];
	snprintf(cards[1].item, sizeof(cards[1].item), "coding.gone");
	build(c, cards, 2, &o, &q);
	assert_int_equal(q.due_total, 0);
	assert_int_equal(q.n, 1);
	assert_null(q.v[0].card);
	assert_true(q.v[0].retrievability == 1.0);
	queue_free(&q);
	catalog_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_generated_untagged),
	    cmocka_unit_test(test_generated_tagged),
	    cmocka_unit_test(test_over_long_item_only_when_nothing_fits),
	    cmocka_unit_test(test_deadline_rule),
	    cmocka_unit_test(test_final_reviews_before_the_interview),
	    cmocka_unit_test(test_interview_changes_the_order),
	    cmocka_unit_test(test_focus_weights_followed),
	    cmocka_unit_test(test_weak_area_gets_more),
	    cmocka_unit_test(test_new_limit_levels_and_weeks),
	    cmocka_unit_test(test_suspended_and_buried_never_appear),
	    cmocka_unit_test(test_tags_spaced),
	    cmocka_unit_test(test_backlog),
	    cmocka_unit_test(test_same_seed_same_queue),
	    cmocka_unit_test(test_older_rev_and_removed_items),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
