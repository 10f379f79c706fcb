/*
 * run: one whole simulated plan — the candidate, a policy, 28 days, the figures at 08:00 on
 * the interview day. Deterministic for a setup: every draw comes from generators seeded here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"

enum { HOUR = 3600 };

const char *sim_policy_name(sim_policy p)
{
	static const char *const names[POLICY_COUNT] = {"backprep", "anki-order", "anki-shuffled"};

	return names[p];
}

/* n distinct days in 1..SIM_DAYS-1, drawn from their own generator so that every policy
 * skips the same days for a seed. */
static void pick_skipped(sim_run *r)
{
	bp_rng g;
	int n = r->s.n_skip < SIM_MAX_SKIP ? r->s.n_skip : SIM_MAX_SKIP;

	rng_seed(&g, r->s.seed * 7919 + 17);
	for (int k = 0; k < n;) {
		int d = 1 + (int)(rng_unit(&g) * (SIM_DAYS - 1));

		if (!r->skip[d]) {
			r->skip[d] = true;
			k++;
		}
	}
}

static void run_free(sim_run *r)
{
	free(r->truth);
	free(r->cards);
	free(r->counted);
	free(r->log);
	free(r->new_order);
	free(r->placed_today);
}

int sim_run_once(const sim_world *w, const sim_setup *s, sim_result *out)
{
	sim_run r;
	int rv = 0;

	memset(&r, 0, sizeof(r));
	r.w = w;
	r.s = *s;
	r.truth = calloc(w->n_items + 1, sizeof(*r.truth));
	r.cards = calloc(w->n_items + 1, sizeof(*r.cards));
	r.counted = calloc(w->n_items + 1, sizeof(*r.counted));
	r.new_order = calloc(w->n_items + 1, sizeof(*r.new_order));
	r.placed_today = calloc(w->n_items + 1, sizeof(*r.placed_today));
	if (!r.truth || !r.cards || !r.counted || !r.new_order || !r.placed_today) {
		run_free(&r);
		return -1;
	}
	/* the candidate draws the same way under every policy; the policies draw apart */
	rng_seed(&r.learner, s->seed);
	rng_seed(&r.policy_rng, s->seed * 1000003 + (uint64_t)s->policy);
	for (size_t i = 0; i < w->n_items; i++) {
		const bp_item *it = catalog_item(w->cat, i);

		fsrs_card_init(&r.truth[i], 0);
		snprintf(r.cards[i].item, sizeof(r.cards[i].item), "%s", it->id);
		r.cards[i].rev = it->rev;
		r.cards[i].state = FSRS_NEW;
		r.counted[i] = -1;
	}
	pick_skipped(&r);
	if (s->policy != POLICY_BACKPREP)
		anki_prepare(&r);
	for (r.day = 0; r.day < SIM_DAYS && rv == 0; r.day++) {
		r.now = sim_day_start(&r, r.day) + SIM_START_HOUR * HOUR;
		r.spent = 0;
		r.day_seconds = 0;
		r.day_new = 0;
		if (s->policy == POLICY_BACKPREP)
			rv = bp_day(&r);
		else
			anki_day(&r);
	}
	if (r.out_of_memory)
		rv = -1;
	if (rv == 0) {
		sim_finish(&r);
		*out = r.res;
	}
	run_free(&r);
	return rv;
}
