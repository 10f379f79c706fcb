/*
 * anki: the baseline a careful Anki user would get — FSRS-6 at retention 0.9, learning steps
 * 1m 10m, relearning 10m, short-term on, fuzz off. Within a day, a clock: learning cards
 * whose step is due come first, then the reviews due today by due date, then up to
 * SIM_ANKI_NEW_PER_DAY new items; when only learning cards due later today remain, the clock
 * jumps to the earliest (a wait costs no study minutes). It stops when the minutes are spent.
 */
#include <stdlib.h>

#include "sim.h"

const fsrs_params *anki_params(void)
{
	static fsrs_params p;
	static bool made;

	if (!made) {
		fsrs_params_default(&p); /* retention 0.9, steps 1m 10m / 10m, short-term on */
		p.fuzz = false;
		made = true;
	}
	return &p;
}

/* New items in catalog order, or shuffled with the run's seed (Fisher–Yates). */
void anki_prepare(sim_run *r)
{
	size_t n = 0;

	for (size_t i = 0; i < r->w->n_items; i++)
		if (catalog_item(r->w->cat, i)->area != AREA_RECRUITER)
			r->new_order[n++] = i;
	if (r->s.policy == POLICY_ANKI_SHUFFLED)
		for (size_t i = n; i > 1; i--) {
			size_t j = (size_t)(rng_unit(&r->policy_rng) * (double)i),
			       t = r->new_order[i - 1];

			r->new_order[i - 1] = r->new_order[j];
			r->new_order[j] = t;
		}
	r->next_new = 0;
}

static bool learning(const store_card *sc)
{
	return sc->state == FSRS_LEARNING || sc->state == FSRS_RELEARNING;
}

/* The earliest-due card among those `want` accepts, due before `before`; SIZE_MAX: none. */
static size_t earliest(const sim_run *r, bool (*want)(const store_card *), int64_t before)
{
	size_t best = SIZE_MAX;

	for (size_t i = 0; i < r->w->n_items; i++) {
		const store_card *sc = &r->cards[i];

		if (catalog_item(r->w->cat, i)->area == AREA_RECRUITER || !want(sc) ||
		    sc->due >= before)
			continue;
		if (best == SIZE_MAX || sc->due < r->cards[best].due)
			best = i;
	}
	return best;
}

static bool review(const store_card *sc)
{
	return sc->state == FSRS_REVIEW;
}

static bool due_by_date(const sim_run *r, const store_card *sc, int64_t day_end)
{
	(void)r;
	return sc->due < day_end;
}

void anki_day(sim_run *r)
{
	int64_t day_end = sim_day_start(r, r->day + 1);
	int new_today = 0;

	sim_count_due(r, due_by_date);
	if (r->skip[r->day])
		return;
	while (sim_has_minutes(r)) {
		size_t i = earliest(r, learning, r->now + 1);

		if (i == SIZE_MAX)
			i = earliest(r, review, day_end);
		if (i == SIZE_MAX && new_today < SIM_ANKI_NEW_PER_DAY &&
		    r->next_new < r->w->n_studied) {
			i = r->new_order[r->next_new++];
			new_today++;
		}
		if (i == SIZE_MAX) {
			i = earliest(r, learning, day_end);
			if (i == SIZE_MAX)
				break;            /* nothing left today */
			r->now = r->cards[i].due; /* wait for the step */
		}
		sim_schedule(r, i, sim_answer(r, i), anki_params());
	}
}
