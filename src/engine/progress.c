/* progress: the plan's days, targets, milestones and the catch-up. */
#include <stdlib.h>
#include <string.h>

#include "backprep/clock.h"
#include "backprep/fsrs.h"
#include "backprep/progress.h"

/* The plan day a time falls on, or -1 outside the plan; bounds[i] starts day i. One
 * localtime per plan day instead of one per card and review. */
static int day_index(const int64_t *bounds, int n, int64_t t)
{
	int lo = 0, hi = n;

	if (t < bounds[0] || t >= bounds[n])
		return -1;
	while (hi - lo > 1) {
		int mid = (lo + hi) / 2;

		if (t >= bounds[mid])
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static void count_days(const progress_input *in, plan_progress *p, const int64_t *bounds)
{
	const plan_calendar *cal = in->cal;

	for (int i = 0; i < p->n_days; i++)
		p->days[i].day = cal->start + i;
	for (size_t i = 0; i < in->n_reviews; i++) {
		const store_review *r = &in->reviews[i];
		int d = day_index(bounds, p->n_days, r->at);
		const bp_item *it;

		if (d < 0)
			continue;
		it = catalog_find(in->cat, r->item);
		p->days[d].seconds += r->seconds;
		p->days[d].answers++;
		if (it)
			p->days[d].by_area[it->area]++;
	}
	for (size_t i = 0; i < in->n_cards; i++) {
		const store_card *c = &in->cards[i];
		const bp_item *it;
		int d;

		if (c->state == 0 || !c->introduced)
			continue;
		d = day_index(bounds, p->n_days, c->introduced);
		if (d < 0)
			continue;
		p->days[d].new_items++;
		it = catalog_find(in->cat, c->item);
		if (it)
			p->new_by_week[plan_week_of(cal, cal->start + d) - 1][it->area]++;
	}
	for (int i = 0; i < p->n_days; i++) {
		plan_day_stat *s = &p->days[i];
		int w = plan_week_of(cal, s->day);

		/* most of the day's minutes, or the day's new items done */
		s->target_met = s->seconds >= in->tg->daily_minutes[w - 1] * 60 * 4 / 5 ||
				(s->answers > 0 && s->new_items >= in->tg->new_per_day[w - 1]);
	}
}

static void catch_up(const progress_input *in, plan_progress *p)
{
	const plan_calendar *cal = in->cal;
	int64_t elapsed = in->today - cal->start;

	for (int i = 0; i < p->n_days && i < elapsed; i++) {
		p->expected += in->tg->new_per_day[plan_week_of(cal, cal->start + i) - 1];
		p->introduced += p->days[i].new_items;
	}
	p->behind = p->expected - p->introduced;
	p->days_left = elapsed < 0 ? cal->days : cal->days - (int)elapsed;
	if (p->days_left < 0)
		p->days_left = 0;
	if (p->behind > 0 && p->days_left > 0)
		p->extra_per_day = (p->behind + p->days_left - 1) / p->days_left;
}

static void count_cards(const progress_input *in, plan_progress *p)
{
	for (size_t i = 0; i < in->n_cards; i++) {
		const store_card *c = &in->cards[i];
		const bp_item *it = catalog_find(in->cat, c->item);

		if (!it || c->state == 0 || c->rev != it->rev)
			continue;
		p->attempted[it->area]++;
		if (progress_mastered(c))
			p->mastered[it->area]++;
	}
}

bool progress_mastered(const store_card *c)
{
	return c->state == FSRS_REVIEW && c->stability >= MASTERED_DAYS;
}

void progress_streaks(const int *answers, int n, int *current, int *longest)
{
	int run = 0;

	*current = *longest = 0;
	for (int i = 0; i < n; i++) {
		run = answers[i] ? run + 1 : 0;
		if (run > *longest)
			*longest = run;
	}
	*current = run;
	if (n > 0 && !answers[n - 1]) /* today is still open: the run up to yesterday */
		for (int i = n - 2; i >= 0 && answers[i]; i--)
			++*current;
}

/* The plan's streak: the longest run of its days with answers, up to today. */
static int plan_streak(const progress_input *in, const plan_progress *p)
{
	int n = 0, cur, longest, *v = malloc(((size_t)p->n_days + 1) * sizeof(*v));

	if (!v)
		return -1;
	while (n < p->n_days && p->days[n].day <= in->today) {
		v[n] = p->days[n].answers;
		n++;
	}
	progress_streaks(v, n, &cur, &longest);
	free(v);
	return longest;
}

static int metric_value(const progress_input *in, const plan_progress *p, const bp_milestone *m)
{
	int n = 0;

	switch (m->kind) {
	case METRIC_ATTEMPTED:
		return p->attempted[m->area];
	case METRIC_MASTERED:
		return p->mastered[m->area];
	case METRIC_REVIEWS:
		return in->reviews_total;
	case METRIC_STREAK:
		return p->streak;
	case METRIC_MOCKS:
		for (size_t i = 0; i < in->n_mocks; i++)
			n += in->mock_scores[i] >= m->min_score;
		return n;
	}
	return 0;
}

static int eval_milestones(const progress_input *in, plan_progress *p)
{
	int n = 0;

	if (!in->plan)
		return 0;
	for (int w = 0; w < PLAN_WEEKS; w++)
		n += in->plan->weeks[w].n_milestones;
	p->milestones = calloc((size_t)n + 1, sizeof(*p->milestones));
	if (!p->milestones)
		return -1;
	for (int w = 0; w < PLAN_WEEKS; w++) {
		const bp_week *wk = &in->plan->weeks[w];
		int64_t end = in->cal->week_start[w] + in->cal->week_days[w];

		for (int k = 0; k < wk->n_milestones; k++) {
			milestone_eval *e = &p->milestones[p->n_milestones++];

			e->m = &wk->milestones[k];
			e->week = w + 1;
			e->value = metric_value(in, p, e->m);
			e->state = e->value >= e->m->count ? MILESTONE_MET
				   : in->today < end	    ? MILESTONE_OPEN
							    : MILESTONE_MISSED;
		}
	}
	return 0;
}

int plan_progress_make(const progress_input *in, plan_progress *out)
{
	int64_t *bounds;

	memset(out, 0, sizeof(*out));
	out->n_days = in->cal->days;
	out->days = calloc((size_t)out->n_days, sizeof(*out->days));
	bounds = malloc(((size_t)out->n_days + 1) * sizeof(*bounds));
	if (!out->days || !bounds) {
		free(bounds);
		plan_progress_free(out);
		return -1;
	}
	for (int i = 0; i <= out->n_days; i++)
		bounds[i] = clock_day_start(in->cal->start + i);
	count_days(in, out, bounds);
	free(bounds);
	catch_up(in, out);
	count_cards(in, out);
	out->streak = plan_streak(in, out);
	if (out->streak < 0 || eval_milestones(in, out) < 0) {
		plan_progress_free(out);
		return -1;
	}
	return 0;
}

void plan_progress_free(plan_progress *p)
{
	free(p->days);
	free(p->milestones);
	memset(p, 0, sizeof(*p));
}
