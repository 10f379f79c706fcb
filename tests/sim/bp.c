/*
 * bp: backprep as the candidate meets it. bp_today composes the day exactly as app_today
 * (src/engine/app.c) does — the plan calendar, the week's targets at the candidate's minutes,
 * the catch-up of plan_progress, queue_build — but from the run's in-memory cards and log
 * instead of SQLite. bp_day answers the queue in order; when it is done and minutes remain it
 * asks again, so that the learning cards due before the day's end come back, as they would in
 * the app. Every engine call the simulation makes for backprep is in this file.
 */
#include <string.h>

#include "backprep/clock.h"
#include "backprep/plan.h"
#include "backprep/progress.h"
#include "sim.h"

enum { MAX_QUEUES_A_DAY = 1000 };

/*
 * The scheduler parameters of an item (NULL: those the queue ranks with). For now the app's
 * defaults with fuzz off, the same for every item: steps 1m 10m, relearning 10m.
 */
const fsrs_params *sim_params_for(const bp_item *it)
{
	static fsrs_params p;
	static bool made;

	(void)it;
	if (!made) {
		fsrs_params_default(&p);
		p.fuzz = false;
		made = true;
	}
	return &p;
}

/* app_today at r->now: the queue of what is left of today. -1 when out of memory. */
int bp_today(sim_run *r, queue *q)
{
	const sim_world *w = r->w;
	int64_t day = clock_local_day(r->now);
	int64_t interview = w->start_day + SIM_DAYS;
	const bp_plan *plan = catalog_plan(w->cat);
	plan_calendar cal;
	plan_pos pos;
	plan_targets tg;
	plan_progress pr;
	int new_per_day, wk;
	progress_input in;
	queue_opts qo;

	plan_calendar_make(w->start_day, interview, &cal);
	plan_position(&cal, day, &pos);
	/* no recruiter answers; the minutes a day are the candidate's; no new_per_day in config */
	plan_targets_make(plan, NULL, pos.week, r->s.minutes, -1, &tg);
	wk = pos.week - 1;
	in = (progress_input){
	    .cal = &cal,
	    .tg = &tg,
	    .plan = plan,
	    .cat = w->cat,
	    .cards = r->cards,
	    .n_cards = w->n_items,
	    .today = pos.today,
	};
	if (plan_progress_make(&in, &pr) < 0)
		return -1;
	new_per_day = tg.new_per_day[wk] + pr.extra_per_day;
	plan_progress_free(&pr);
	qo = (queue_opts){
	    .now = r->now,
	    .day_end = clock_day_start(day + 1),
	    .week = pos.week,
	    .levels = tg.levels[wk],
	    .budget_minutes = r->s.minutes - r->day_seconds / 60,
	    .new_limit = new_per_day - r->day_new,
	    .focus = tg.focus[wk],
	    .interview = clock_day_start(interview),
	    .rng = &r->policy_rng,
	    .daily_minutes = r->s.minutes,
	};
	return queue_build(w->cat, r->cards, w->n_items, sim_params_for(NULL), &qo, q);
}

static size_t index_of(const sim_run *r, const bp_item *it)
{
	return (size_t)(it - catalog_item(r->w->cat, 0));
}

/*
 * The reviews backprep asks for today, as queue_build chooses them: due before the day's end
 * once the interview caps the due dates (those the queue takes, and its backlog).
 */
static bool due_in_queue(const sim_run *r, const store_card *sc, int64_t day_end)
{
	return queue_effective_due(sc, r->now, clock_day_start(r->w->start_day + SIM_DAYS)) <
	       day_end;
}

/* One day of backprep; -1 when out of memory. */
int bp_day(sim_run *r)
{
	sim_count_due(r, due_in_queue);
	if (r->skip[r->day])
		return 0;
	for (int k = 0; k < MAX_QUEUES_A_DAY && sim_has_minutes(r); k++) {
		queue q;
		size_t n;

		if (bp_today(r, &q) < 0)
			return -1;
		n = q.n;
		for (size_t j = 0; j < q.n && sim_has_minutes(r); j++) {
			size_t i = index_of(r, q.v[j].item);

			sim_schedule(r, i, sim_answer(r, i), sim_params_for(q.v[j].item));
		}
		queue_free(&q);
		if (n == 0)
			break;
	}
	return 0;
}
