/*
 * bp: backprep as the candidate meets it. bp_today builds the day with app_day_build, the
 * function app_today calls after reading the store: the plan as app_plan_load lays it (no
 * interview-day settings beyond the run's, no recruiter answers, the candidate's minutes),
 * the time estimator learned from the run's own log, the per-kind steps. bp_day answers the
 * queue in order; when it is done and minutes remain it asks again, so that the learning
 * cards due before the day's end come back, as they would in the app. Every engine call the
 * simulation makes for backprep is in this file.
 */
#include <string.h>

#include "backprep/app.h"
#include "backprep/clock.h"
#include "sim.h"

enum { MAX_QUEUES_A_DAY = 1000, MAX_PROMISED = 8 };

/* The scheduler settings: the app's, with fuzz off (the truth has none either). */
static const sched *sim_sched(void)
{
	static sched s;
	static bool made;

	if (!made) {
		fsrs_params p;

		fsrs_params_default(&p);
		p.fuzz = false;
		sched_make(&p, NULL, &s);
		made = true;
	}
	return &s;
}

/* The settings of an item (NULL: the memory model the queue ranks with). */
const fsrs_params *sim_params_for(const bp_item *it)
{
	return sched_for(sim_sched(), it);
}

/* The estimator, from the run's log as store_recent_reviews gives it: newest first, not an
 * item's first answer. */
static void learn_times(const sim_run *r, estimate *est)
{
	store_review v[ESTIMATE_RECENT];
	size_t n = 0;

	for (size_t k = r->n_log; k-- > 0 && n < ESTIMATE_RECENT;) {
		bool first = true;

		for (size_t j = 0; j < k && first; j++)
			first = strcmp(r->log[j].item, r->log[k].item) != 0;
		if (!first)
			v[n++] = r->log[k];
	}
	estimate_learn(est, r->w->cat, v, n);
}

/* app_today at r->now: today, with the queue of what is left of it. -1 when out of memory. */
int bp_today(sim_run *r, app_day *t)
{
	const sim_world *w = r->w;
	int64_t day = clock_local_day(r->now);
	estimate est;
	app_day_input in = {
		.cat = w->cat,
		.cards = r->cards,
		.n_cards = w->n_items,
		.sp = sim_sched(),
		.est = &est,
		.now = r->now,
		.done = { .seconds = r->day_seconds, .new_items = r->day_new },
		.rng = &r->policy_rng,
	};

	memset(t, 0, sizeof(*t));
	learn_times(r, &est);
	t->plan.plan = catalog_plan(w->cat);
	t->plan.interview = w->start_day + SIM_DAYS;
	t->plan.daily_minutes = r->s.minutes;
	plan_calendar_make(w->start_day, t->plan.interview, &t->plan.cal);
	plan_position(&t->plan.cal, day, &t->plan.pos);
	plan_targets_make(t->plan.plan, NULL, t->plan.pos.week, r->s.minutes, -1, &t->plan.tg);
	return app_day_build(&in, t);
}

static size_t index_of(const sim_run *r, const bp_item *it)
{
	return (size_t)(it - catalog_item(r->w->cat, 0));
}

/* backprep's reviews of the day: those its first queue of the day holds. */
static bool placed_today(const sim_run *r, const store_card *sc, int64_t day_end)
{
	(void)day_end;
	return r->placed_today[sc - r->cards];
}

/* One day of backprep; -1 when out of memory. */
int bp_day(sim_run *r)
{
	app_day t;
	size_t promised[MAX_PROMISED];
	int n_promised = 0;

	memset(r->placed_today, 0, r->w->n_items * sizeof(*r->placed_today));
	if (!r->skip[r->day]) {
		if (bp_today(r, &t) < 0)
			return -1;
		for (size_t j = 0; j < t.q.reviews; j++) {
			r->placed_today[index_of(r, t.q.v[j].item)] = true;
			r->res.planned_minutes[r->day] += t.q.v[j].minutes;
		}
		app_day_free(&t);
	}
	sim_count_due(r, placed_today);
	if (r->skip[r->day])
		return 0;
	for (int k = 0; k < MAX_QUEUES_A_DAY && sim_has_minutes(r); k++) {
		size_t n;

		if (bp_today(r, &t) < 0)
			return -1;
		n = t.q.n;
		/* the new designs the day's first drill holds (Today shows that queue): each must
		 * be answered today */
		for (size_t j = t.q.reviews; k == 0 && j < t.q.n && n_promised < MAX_PROMISED; j++)
			if (t.q.v[j].item->kind == KIND_DESIGN)
				promised[n_promised++] = index_of(r, t.q.v[j].item);
		for (size_t j = 0; j < t.q.n && sim_has_minutes(r); j++) {
			size_t i = index_of(r, t.q.v[j].item);

			sim_schedule(r, i, sim_answer(r, i), sim_params_for(t.q.v[j].item));
		}
		app_day_free(&t);
		if (n == 0)
			break;
	}
	for (int k = 0; k < n_promised; k++)
		r->res.designs_unserved += r->cards[promised[k]].state == FSRS_NEW;
	return 0;
}
