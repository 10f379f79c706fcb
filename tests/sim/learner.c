/*
 * learner: the simulated candidate — their true memory, how long an answer takes, the grade
 * they give — and the bookkeeping every policy shares (the review log, the due-review
 * minutes of each day, the figures at the interview). It never decides what to ask.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/card.h"
#include "backprep/clock.h"
#include "sim.h"

enum { DAY = 86400, HOUR = 3600 };

int64_t sim_day_start(const sim_run *r, int day)
{
	return clock_day_start(r->w->start_day + day);
}

int64_t sim_interview(const sim_world *w)
{
	return clock_day_start(w->start_day + SIM_DAYS) + SIM_START_HOUR * HOUR;
}

/*
 * True recall is the engine's fsrs_retrievability on the true card: whole 24-hour periods
 * since the last answer, as ts-fsrs's get_retrievability counts them. (So an answer given at
 * or after 08:00 the day before still reads 1 at 08:00 on the interview day.)
 */
/* FSRS-6's forgetting curve in continuous time: the scheduler's retrievability counts whole
 * days, which would make an answer given the evening before read as perfect recall at the
 * interview and flatter last-day cramming. */
double sim_true_recall(const sim_world *w, const fsrs_card *c, int64_t at)
{
	double decay = -w->truth.w[20], factor = pow(0.9, 1.0 / decay) - 1.0;
	double t = (double)(at - c->last_review) / 86400.0;

	if (c->state == FSRS_NEW)
		return 0.0;
	return pow(1.0 + factor * (t > 0 ? t : 0) / c->stability, decay);
}

static fsrs_grade recalled_grade(double u)
{
	if (u < SIM_P_HARD)
		return FSRS_HARD;
	return u < SIM_P_HARD + SIM_P_GOOD ? FSRS_GOOD : FSRS_EASY;
}

static void log_answer(sim_run *r, const bp_item *it, fsrs_grade g, int seconds)
{
	if (r->n_log == r->cap_log) {
		size_t cap = r->cap_log ? r->cap_log * 2 : 1024;
		store_review *v = realloc(r->log, cap * sizeof(*v));

		if (!v) {
			r->out_of_memory = true; /* the run reports it at its end */
			return;
		}
		r->log = v;
		r->cap_log = cap;
	}
	r->log[r->n_log++] = (store_review){
	    .item = it->id,
	    .rev = it->rev,
	    .at = r->now,
	    .grade = (int)g,
	    .seconds = seconds,
	    .draw = -1.0,
	    .source = "drill",
	};
}

fsrs_grade sim_answer(sim_run *r, size_t i)
{
	const bp_item *it = catalog_item(r->w->cat, i);
	fsrs_card *t = &r->truth[i];
	bool first = t->state == FSRS_NEW;
	double minutes = first ? it->minutes : r->s.cost * it->minutes;
	int seconds = (int)(minutes * 60.0 + 0.5);
	fsrs_grade g;

	r->now += seconds; /* recorded when answered, as session_grade does */
	r->spent += minutes;
	r->study_minutes += minutes;
	r->day_seconds += seconds;
	if (first)
		r->res.new_minutes[r->day] += minutes;
	else if (t->last_review >= sim_day_start(r, r->day))
		r->res.step_minutes[r->day] += minutes;
	else
		r->res.review_minutes[r->day] += minutes;
	if (first) {
		r->day_new++;
		r->res.new_items[r->day]++;
		fsrs_card_init(t, r->now);
		g = rng_unit(&r->learner) < SIM_P_FIRST_FAIL
		        ? FSRS_AGAIN
		        : recalled_grade(rng_unit(&r->learner));
	} else {
		double p = sim_true_recall(r->w, t, r->now);

		g = rng_unit(&r->learner) < p ? recalled_grade(rng_unit(&r->learner)) : FSRS_AGAIN;
	}
	fsrs_review(&r->w->truth, t, g, r->now, -1.0);
	log_answer(r, it, g, seconds);
	r->res.answers++;
	return g;
}

void sim_schedule(sim_run *r, size_t i, fsrs_grade g, const fsrs_params *p)
{
	const bp_item *it = catalog_item(r->w->cat, i);
	store_card *sc = &r->cards[i];
	fsrs_card fc;

	if (sc->state != FSRS_NEW) {
		card_to_fsrs(sc, &fc);
	} else {
		sc->introduced = r->now;
		fsrs_card_init(&fc, r->now);
	}
	fsrs_review(p, &fc, g, r->now, p->fuzz ? rng_unit(&r->policy_rng) : -1.0);
	sc->rev = it->rev;
	card_from_fsrs(&fc, sc);
}

void sim_count_due(sim_run *r, sim_due_fn due_today)
{
	int64_t day_end = sim_day_start(r, r->day + 1);

	for (size_t i = 0; i < r->w->n_items; i++) {
		const bp_item *it = catalog_item(r->w->cat, i);
		const store_card *sc = &r->cards[i];
		double minutes = r->s.cost * it->minutes;

		if (it->area == AREA_RECRUITER || sc->state == FSRS_NEW ||
		    !due_today(r, sc, day_end))
			continue;
		r->res.due_minutes[r->day] += minutes;
		if (r->counted[i] != sc->last_review) { /* a review is work once */
			r->res.total_due += minutes;
			r->counted[i] = sc->last_review;
		}
	}
}

bool sim_has_minutes(const sim_run *r)
{
	return r->spent < (double)r->s.minutes;
}

void sim_finish(sim_run *r)
{
	const sim_world *w = r->w;
	int64_t at = sim_interview(w);
	sim_result *res = &r->res;
	double sum_area[AREA_COUNT] = {0}, sum = 0;

	for (size_t i = 0; i < w->n_items; i++) {
		const bp_item *it = catalog_item(w->cat, i);
		double p;

		if (it->area == AREA_RECRUITER)
			continue;
		p = sim_true_recall(w, &r->truth[i], at);
		sum += p;
		sum_area[it->area] += p;
		res->n_r90 += p >= 0.9;
		res->seen += r->truth[i].state != FSRS_NEW;
		res->designs += it->kind == KIND_DESIGN;
		res->designs_seen += it->kind == KIND_DESIGN && r->truth[i].state != FSRS_NEW;
	}
	res->recall_all = w->n_studied ? sum / (double)w->n_studied : 0;
	res->recall_seen = res->seen ? sum / res->seen : 0;
	for (int a = 0; a < AREA_COUNT; a++)
		res->area[a] = w->n_area[a] ? sum_area[a] / w->n_area[a] : 0;
	res->study_minutes = r->study_minutes;
	res->logged = r->n_log;
	for (size_t k = 0; k < r->n_log; k++)
		res->logged_seconds += r->log[k].seconds;
	for (int d = 0; d < SIM_DAYS; d++) {
		if (res->due_minutes[d] > res->peak_due)
			res->peak_due = res->due_minutes[d];
		if (r->s.policy != POLICY_BACKPREP)
			res->planned_minutes[d] = res->due_minutes[d];
		if (res->planned_minutes[d] > res->peak_planned)
			res->peak_planned = res->planned_minutes[d];
		res->days_over += res->due_minutes[d] > r->s.minutes;
	}
	res->fits = res->total_due <= (double)r->s.minutes * SIM_DAYS;
}
