/* day: today from the plan, the cards and the estimator — the catch-up that fits, the
 * queue, the plan's reach, and the messages that say them (see app_day_build in app.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/app.h"
#include "backprep/clock.h"
#include "backprep/text.h"

/* Each new question adds its first reviews: FSRS-6 with the default weights gives a first
 * Good answer a 2-day interval and the next Good about 11 days more. */
static const int first_reviews[] = { 2, 13 };
/* How far past a question that does not fit, or is not open yet, the projection looks. */
enum { LOOKAHEAD = 64 };

/* A full day's budget on day d from today: the minutes of its plan week. */
static int budget_on(const app_day *t, int d)
{
	int week = plan_week_of(&t->plan.cal, t->pos.today + d);

	return t->plan.tg.daily_minutes[(week ? week : 1) - 1];
}

typedef struct fresh {
	const bp_item *item;
	int opens;      /* the first plan week that allows it; PLAN_WEEKS + 1: none */
	double minutes; /* expected, with its same-day steps */
	bool taken;
} fresh;

static int by_queue_order(const void *a, const void *b)
{
	return queue_intro_order(((const fresh *)a)->item, ((const fresh *)b)->item);
}

/* The new questions still to introduce, by area in the order the queue draws them. */
static fresh *fresh_items(const app_day_input *in, const app_day *t, const queue_opts *qo,
			  size_t *n)
{
	size_t n_items = catalog_count(in->cat);
	fresh *v = malloc((n_items + 1) * sizeof(*v));
	bool *seen = calloc(n_items + 1, sizeof(*seen));
	const bp_item *first = n_items ? catalog_item(in->cat, 0) : NULL;

	*n = 0;
	if (!v || !seen) {
		free(v), free(seen);
		return NULL;
	}
	for (size_t i = 0; i < in->n_cards; i++) { /* items with a card of their revision */
		const store_card *sc = &in->cards[i];
		const bp_item *it = catalog_find(in->cat, sc->item);

		if (it && sc->rev == it->rev &&
		    (sc->state != FSRS_NEW || sc->suspended || sc->buried_until > in->now))
			seen[it - first] = true;
	}
	for (size_t i = 0; i < n_items; i++) {
		const bp_item *it = catalog_item(in->cat, i);
		int w = it->week < 1 ? 1 : it->week;

		if (seen[i] || it->area == AREA_RECRUITER)
			continue;
		while (w <= PLAN_WEEKS && t->plan.tg.levels[w - 1] &&
		       !(t->plan.tg.levels[w - 1] & (1u << it->level)))
			w++;
		v[(*n)++] = (fresh){ it, w, queue_new_minutes(qo, it), false };
	}
	free(seen);
	qsort(v, *n, sizeof(*v), by_queue_order);
	return v;
}

/* The next question of an area that is open in `week` and fits in `room`, or NULL. */
static fresh *next_fit(fresh *v, size_t *next, size_t end, int week, double room)
{
	while (*next < end && v[*next].taken)
		(*next)++;
	for (size_t i = *next; i < end && i < *next + LOOKAHEAD; i++)
		if (!v[i].taken && v[i].opens <= week && v[i].minutes <= room)
			return &v[i];
	return NULL;
}

/*
 * How many new questions the days left take at `more` extra minutes a day, drawn as the
 * queue draws them: each area its share of the time by the week's focus, the shorter first
 * inside a week and level; each day's room is its budget less the reviews placed on it and
 * the first reviews of the questions projected before it. Up to the plan's allowance plus
 * `extra` a day when config.yaml or the app caps it. *today gets the first day's count.
 */
static int project(const app_day *t, const queue_opts *qo, fresh *v, size_t n, int extra,
		   double more, int *today)
{
	int days = t->reach.days_left, total = 0;
	double *added = calloc((size_t)days + 1, sizeof(*added));
	size_t start[AREA_COUNT] = { 0 }, end[AREA_COUNT] = { 0 }, next[AREA_COUNT];

	if (!added)
		return -1;
	for (size_t i = n; i-- > 0;) /* each area's run of v */
		start[v[i].item->area] = i;
	for (size_t i = 0; i < n; i++)
		end[v[i].item->area] = i + 1;
	for (int a = 0; a < AREA_COUNT; a++)
		next[a] = start[a];
	for (size_t i = 0; i < n; i++)
		v[i].taken = false;
	for (int d = 0; d < days; d++) {
		int week = plan_week_of(&t->plan.cal, t->pos.today + d), count = 0;
		const double *focus = t->plan.tg.focus[(week ? week : 1) - 1];
		int cap = t->plan.new_capped
				  ? t->plan.tg.new_per_day[(week ? week : 1) - 1] + extra
				  : (int)n;
		double room = (d == 0 ? qo->budget_minutes : budget_on(t, d) + more) - added[d];
		double used[AREA_COUNT] = { 0 };

		if (d < t->q.pace.days)
			room -= t->q.pace.load[d];
		while (count < cap) {
			fresh *pick = NULL;
			int area = -1;

			for (int a = 0; a < AREA_COUNT; a++) {
				fresh *f;

				if (focus[a] <= 0 ||
				    !(f = next_fit(v, &next[a], end[a], week ? week : 1, room)))
					continue;
				if (area < 0 || used[a] / focus[a] < used[area] / focus[area])
					pick = f, area = a;
			}
			if (!pick)
				break;
			pick->taken = true;
			used[area] += pick->minutes;
			room -= pick->minutes;
			count++;
			for (size_t k = 0; k < sizeof(first_reviews) / sizeof(first_reviews[0]); k++)
				if (d + first_reviews[k] < days)
					added[d + first_reviews[k]] +=
						estimate_minutes(qo->est, pick->item, true);
		}
		if (d == 0)
			*today = count;
		total += count;
	}
	free(added);
	return total;
}

/* The plan's reach, and today's catch-up: never more than fits. */
static int pace_plan_reach(const app_day_input *in, app_day *t, const queue_opts *qo,
			   const plan_progress *pr)
{
	app_reach *r = &t->reach;
	int today = 0, ignore, behind = pr->behind, uncapped = pr->extra_per_day;
	size_t n;
	fresh *v;

	r->days_left = t->pos.after_end ? 0 : t->plan.cal.days - (t->pos.day - 1);
	if (r->days_left <= 0) {
		r->feasible = true;
		return 0;
	}
	if (!(v = fresh_items(in, t, qo, &n)))
		return -1;
	r->target = behind > 0 ? behind : 0;
	for (int d = 0; d < r->days_left; d++) {
		int week = plan_week_of(&t->plan.cal, t->pos.today + d);

		r->target += t->plan.tg.new_per_day[(week ? week : 1) - 1];
	}
	if (behind < 0)
		r->target += behind;
	if (r->target > (int)n)
		r->target = (int)n;
	if (r->target < 0)
		r->target = 0;
	r->reach = project(t, qo, v, n, uncapped, 0, &today);
	r->reach_more = project(t, qo, v, n, uncapped, APP_MORE_MINUTES, &ignore);
	free(v);
	if (r->reach < 0 || r->reach_more < 0)
		return -1;
	r->feasible = r->reach >= r->target;
	r->per_day = (r->reach + r->days_left - 1) / r->days_left;
	/* today's catch-up is what today's room takes beyond the plan's own allowance */
	t->extra_new = uncapped;
	if (t->extra_new > today - t->plan_new)
		t->extra_new = today - t->plan_new > 0 ? today - t->plan_new : 0;
	return 0;
}

static void area_list(const int *by_area, char *buf, size_t n)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int a = 0; a < AREA_COUNT && used < n; a++)
		if (by_area[a])
			used += (size_t)snprintf(buf + used, n - used, "%s%s %d", used ? ", " : "",
						 area_name((bp_area)a), by_area[a]);
}

/* The messages, from the numbers the queue and the projection acted on. */
static void say(app_day *t)
{
	const queue *q = &t->q;
	const app_reach *r = &t->reach;
	char until[32], areas[160];

	if (t->interview)
		snprintf(until, sizeof(until), "the interview");
	else
		snprintf(until, sizeof(until), "the plan's end");
	if (r->days_left > 0 && !r->feasible) {
		char behind[64] = "";

		if (t->behind > 0)
			snprintf(behind, sizeof(behind), "Behind the plan by %d new %s. ",
				 t->behind, text_plural(t->behind, "question", "questions"));
		snprintf(t->pace_msg, sizeof(t->pace_msg),
			 "%sAt %d min a day you will reach about %d of the plan's %d new questions "
			 "by %s; %d min a day reaches %d.",
			 behind, t->budget, r->reach, r->target, until, t->budget + APP_MORE_MINUTES,
			 r->reach_more);
		t->pace_bad = true;
	} else if (t->behind > 0 && r->days_left > 0) {
		snprintf(t->pace_msg, sizeof(t->pace_msg),
			 "Behind the plan by %d new %s; at %d min a day the %d %s left catch up "
			 "(about %d a day).",
			 t->behind, text_plural(t->behind, "question", "questions"), t->budget,
			 r->days_left, text_plural(r->days_left, "day", "days"), r->per_day);
		t->pace_bad = true;
	} else if (t->behind < 0) {
		snprintf(t->pace_msg, sizeof(t->pace_msg), "Ahead of the plan by %d new %s.",
			 -t->behind, text_plural(-t->behind, "question", "questions"));
	}
	if (q->pace.unplaced) {
		area_list(q->pace.unplaced_by_area, areas, sizeof(areas));
		snprintf(t->backlog_msg, sizeof(t->backlog_msg),
			 "%zu %s (%.0f min) cannot be done before %s at %d min a day: %s.",
			 q->pace.unplaced,
			 text_plural((long long)q->pace.unplaced, "review", "reviews"),
			 q->pace.unplaced_minutes,
			 until, t->budget, areas);
	} else if (q->backlog && q->backlog_days > 0) {
		snprintf(t->backlog_msg, sizeof(t->backlog_msg),
			 "Backlog: %zu %s (%.0f min) do not fit today; they are placed on the next "
			 "%d %s, riskiest first.",
			 q->backlog, text_plural((long long)q->backlog, "review", "reviews"),
			 q->backlog_minutes, q->backlog_days,
			 text_plural(q->backlog_days, "day", "days"));
	} else if (q->backlog) {
		snprintf(t->backlog_msg, sizeof(t->backlog_msg),
			 "Backlog: %zu %s (%.0f min) do not fit today; at %d min a day they take "
			 "more than %d days.",
			 q->backlog, text_plural((long long)q->backlog, "review", "reviews"),
			 q->backlog_minutes, t->budget, PACE_HORIZON);
	}
}

int app_day_build(const app_day_input *in, app_day *t)
{
	int64_t day = clock_local_day(in->now), to = clock_day_start(day + 1);
	progress_input pi = {
		.cal = &t->plan.cal,
		.tg = &t->plan.tg,
		.plan = t->plan.plan,
		.cat = in->cat,
		.cards = in->cards,
		.n_cards = in->n_cards,
		.today = t->plan.pos.today,
	};
	plan_progress pr;
	queue_opts qo;
	int w, n_days, rc;
	int *budgets;

	t->pos = t->plan.pos;
	w = t->pos.week - 1;
	t->week = t->plan.plan ? &t->plan.plan->weeks[w] : NULL;
	t->budget = t->plan.tg.daily_minutes[w];
	t->budget_from_config = t->plan.minutes_from_config;
	t->plan_new = t->plan.tg.new_per_day[w];
	t->done = in->done;
	t->interview = t->plan.interview;
	t->interview_from_config = t->plan.interview_from_config;
	t->days_to_interview = t->interview ? (int)(t->interview - day) : 0;
	/* days missed or short spread their new items over the days left, as far as they fit */
	if (plan_progress_make(&pi, &pr) < 0)
		return -1;
	t->behind = pr.behind;
	qo = (queue_opts){
		.now = in->now,
		.day_end = to,
		.week = t->pos.week,
		.levels = t->plan.tg.levels[w],
		.budget_minutes = t->budget - t->done.seconds / 60,
		.focus = t->plan.tg.focus[w],
		.interview = t->interview ? clock_day_start(t->interview) : 0,
		.rng = in->rng,
		.daily_minutes = t->budget,
		.est = in->est,
		.sp = in->sp,
		.deadline_recall = in->sp->deadline_recall,
	};
	/* each day's budget is its plan week's */
	n_days = t->plan.cal.days + PACE_HORIZON;
	if (t->days_to_interview > 0)
		n_days += t->days_to_interview;
	if (!(budgets = malloc((size_t)n_days * sizeof(*budgets)))) {
		plan_progress_free(&pr);
		return -1;
	}
	for (int d = 0; d < n_days; d++)
		budgets[d] = budget_on(t, d);
	qo.day_minutes = budgets;
	qo.n_day_minutes = n_days;
	/* the reviews are placed first: the reach projects the room they leave */
	qo.new_limit = 0;
	rc = queue_build(in->cat, in->cards, in->n_cards, &in->sp->base, &qo, &t->q);
	if (rc == 0)
		rc = pace_plan_reach(in, t, &qo, &pr);
	plan_progress_free(&pr);
	queue_free(&t->q);
	t->new_per_day = t->plan_new + t->extra_new;
	/* the plan's number paces the plan; the minutes are the limit, unless new_per_day
	 * (config.yaml's, or set in the app) says otherwise */
	qo.new_limit = t->plan.new_capped ? t->new_per_day - t->done.new_items
					       : (int)catalog_count(in->cat);
	if (rc == 0)
		rc = queue_build(in->cat, in->cards, in->n_cards, &in->sp->base, &qo, &t->q);
	free(budgets);
	if (rc == 0)
		say(t);
	t->mock_due = app_mock_suggest(t->pos.week, day, in->last_mock, t->mock_msg,
				       sizeof(t->mock_msg));
	return rc;
}
