/* stats: the figures of the Stats screen and `backprep stats`, from the log and the cards. */
#include <stdlib.h>
#include <string.h>

#include "backprep/card.h"
#include "backprep/clock.h"
#include "backprep/stats.h"
#include "backprep/store_stats.h"
#include "backprep/text.h"

enum { FORECAST_MAX = STATS_FORECAST_MAX };

const int stats_level_min[STATS_LEVELS] = { 0, 0, 15, 30, 60 };

double stats_share(stats_ratio r)
{
	return r.n ? (double)r.pass / r.n : -1;
}

int stats_level(int answers, int seconds)
{
	int level = 0;

	if (!answers && !seconds)
		return 0;
	for (int l = 1; l < STATS_LEVELS; l++)
		if (seconds >= stats_level_min[l] * 60)
			level = l;
	return level;
}

/* The days the queries cover, base + i for i < n, and what the log holds for each. */
typedef struct span {
	int64_t base;
	int n;
	store_stats_day *d;
} span;

typedef struct item_ctx {
	const catalog *cat;
	stats *s;
} item_ctx;

/* An item's answers, over the whole log or the days asked for: retention by area (and all
 * of it), time by kind. */
static int add_item(void *ctx, const char *id, const store_stats_item *v)
{
	item_ctx *c = ctx;
	const bp_item *it = catalog_find(c->cat, id);
	stats *s = c->s;

	s->all.n += v->ret_n;
	s->all.pass += v->ret_pass;
	if (!it)
		return 0;
	s->by_area[it->area].n += v->ret_n;
	s->by_area[it->area].pass += v->ret_pass;
	if ((int)it->kind < (int)STATS_KINDS && v->drill_n) {
		stats_kind *k = &s->kinds[it->kind];

		k->answers += v->drill_n;
		k->seconds += v->drill_seconds;
		k->stated_seconds += (double)it->minutes * 60 * v->drill_n;
	}
	return 0;
}

/* The sum of the retention answers of days [a, b] (local days), clipped to the span. */
static stats_ratio ratio_of(const span *sp, int64_t a, int64_t b)
{
	stats_ratio r = { 0 };

	for (int64_t d = a < sp->base ? sp->base : a; d <= b && d < sp->base + sp->n; d++) {
		r.n += sp->d[d - sp->base].ret_n;
		r.pass += sp->d[d - sp->base].ret_pass;
	}
	return r;
}

static int fill_days(stats *s, const span *sp)
{
	int64_t today = s->last;
	int skip = (int)(s->from - sp->base), upto = (int)(today - s->from) + 1, planned = 0;
	int *answers = malloc((size_t)(upto > 0 ? upto : 1) * sizeof(*answers));

	if (!answers)
		return -1;
	for (int i = 0; i < upto; i++) /* the streaks count the days from..last */
		answers[i] = sp->d[skip + i].answers;
	for (int i = 0; i < s->n_days; i++) {
		stats_day *d = &s->days[i];
		const store_stats_day *v = &sp->d[s->from + i - sp->base];

		d->day = s->from + i;
		d->answers = v->answers;
		d->seconds = v->seconds;
		d->level = stats_level(d->answers, d->seconds);
		s->total_seconds += d->seconds;
	}
	progress_streaks(answers, upto, &s->streak_current, &s->streak_longest);
	free(answers);
	for (int64_t d = s->plan_start; d < s->plan_end && d <= today; d++, planned++)
		s->days_studied += d >= sp->base && d < sp->base + sp->n &&
				   sp->d[d - sp->base].answers > 0;
	s->days_planned = planned;
	for (int i = 0; i < STATS_TIME_DAYS; i++) {
		int64_t d = today - (STATS_TIME_DAYS - 1) + i;

		if (d >= sp->base)
			s->minutes_by_day[i] = sp->d[d - sp->base].seconds / 60;
	}
	s->last_7 = ratio_of(sp, today - 6, today);
	s->last_30 = ratio_of(sp, today - 29, today);
	for (int w = 0; w < STATS_WEEKS; w++) {
		int64_t end = today - 7 * (STATS_WEEKS - 1 - w);

		s->weekly[w] = ratio_of(sp, end - 6, end);
	}
	return 0;
}

static int cmp_weakest(const void *a, const void *b)
{
	const stats_area *x = a, *y = b;

	if (x->recall != y->recall)
		return x->recall < 0 ? 1 : y->recall < 0 ? -1 : x->recall < y->recall ? -1 : 1;
	return (int)x->area - (int)y->area;
}

static void fill_areas(bp_app *app, stats *s)
{
	const catalog *cat = app->cat;
	double sum[AREA_COUNT] = { 0 };
	int seen[AREA_COUNT] = { 0 };
	int64_t at = clock_day_start(s->recall_at);

	for (size_t i = 0; i < catalog_count(cat); i++)
		s->areas[catalog_item(cat, i)->area].items++;
	for (size_t i = 0; i < app->n_cards; i++) {
		const store_card *c = &app->cards[i];
		const bp_item *it = catalog_find(cat, c->item);
		stats_area *a;
		fsrs_card fc;

		if (!it || c->state == FSRS_NEW || c->rev != it->rev)
			continue;
		a = &s->areas[it->area];
		if (c->state == FSRS_REVIEW)
			a->review++;
		else
			a->learning++;
		a->mastered += progress_mastered(c);
		card_to_fsrs(c, &fc);
		sum[it->area] += fsrs_retrievability(sched_for(&app->sched, it), &fc, at);
		seen[it->area]++;
	}
	s->n_areas = 0;
	for (int a = 0; a < AREA_COUNT; a++) {
		stats_area v = s->areas[a];

		if (!v.items)
			continue;
		v.area = (bp_area)a;
		v.new_ = v.items - v.learning - v.review;
		v.recall = seen[a] ? sum[a] / seen[a] : -1;
		s->areas[s->n_areas++] = v;
	}
	qsort(s->areas, (size_t)s->n_areas, sizeof(*s->areas), cmp_weakest);
}

static void fill_weeks(bp_app *app, const app_day *t, const span *sp, stats *s)
{
	const plan_calendar *cal = &t->plan.cal;

	s->has_plan = true;
	for (int w = 0; w < PLAN_WEEKS; w++) {
		stats_week *k = &s->weeks[w];
		int64_t a = cal->week_start[w], b = a + cal->week_days[w];
		int64_t ta = clock_day_start(a), tb = clock_day_start(b);
		long secs = 0;

		k->new_target = t->plan.tg.new_per_day[w] * cal->week_days[w];
		k->minutes_target = t->plan.tg.daily_minutes[w] * cal->week_days[w];
		k->current = w + 1 == t->pos.week && !t->pos.after_end;
		for (int64_t d = a; d < b; d++)
			if (d >= sp->base && d < sp->base + sp->n)
				secs += sp->d[d - sp->base].seconds;
		k->minutes = (int)(secs / 60);
		for (size_t i = 0; i < app->n_cards; i++) {
			const store_card *c = &app->cards[i];

			k->new_items += c->state != FSRS_NEW && c->introduced >= ta &&
					c->introduced < tb;
		}
	}
}

static void fill_forecast(const app_day *t, stats *s)
{
	const pace_plan *p = &t->q.pace;
	int n = s->interview ? (int)(s->interview - s->today) : STATS_FORECAST;

	if (n > p->days)
		n = p->days;
	if (n > FORECAST_MAX)
		n = FORECAST_MAX;
	for (int d = 0; d < n; d++) {
		stats_forecast *f = &s->forecast[d];

		f->day = s->today + d;
		f->due = p->count ? p->count[d] : 0;
		f->minutes = p->load[d];
		f->budget = p->room[d];
	}
	s->n_forecast = n < 0 ? 0 : n;
}

static int fill_mocks(bp_app *app, stats *s, bp_error *e)
{
	mock_summary ms;
	mock_ready r;

	if (mock_summary_load(app->st, app->cat, &ms, e) < 0)
		return -1;
	for (size_t d = 0; d < ms.n_dims && s->n_dims < STATS_MAX_DIMS; d++) {
		stats_dim *v = &s->dims[s->n_dims++];

		/* a title, or the id the database holds when rubrics.yaml lost it */
		text_visible(ms.dims[d].title, strlen(ms.dims[d].title), v->title, sizeof(v->title));
		v->n = mock_trend(&ms, d, v->scores, STATS_MAX_ROUNDS);
	}
	mock_readiness(&ms, &r);
	s->finished_rounds = r.finished;
	s->ready = r.ready;
	mock_summary_free(&ms);
	return 0;
}

int stats_make(bp_app *app, const app_day *t, int64_t from, int64_t to, stats *s, bp_error *e)
{
	span sp = { 0 };
	item_ctx ic = { app->cat, s };
	int rv = -1;

	memset(s, 0, sizeof(*s));
	s->today = t->pos.today;
	s->interview = t->interview;
	s->plan_start = t->plan.cal.start;
	s->plan_end = t->plan.cal.start + t->plan.cal.days;
	s->from = from ? from : s->plan_start;
	if (!from && s->from > s->today - STATS_HEAT_WEEKS * 7 + 1)
		s->from = s->today - STATS_HEAT_WEEKS * 7 + 1;
	s->to = to ? to : s->interview > s->today ? s->interview : s->today;
	if (s->to < s->from) {
		bp_error_set(e, "the stats' last day comes before their first");
		return -1;
	}
	s->last = s->to < s->today ? s->to : s->today;
	s->recall_at = s->interview > s->today ? s->interview : s->today + 7;
	s->target = app->sched.base.retention;
	/* the days shown, and back to the plan's start for the weeks' minutes */
	sp.base = s->from < s->plan_start ? s->from : s->plan_start;
	sp.n = (int)((s->to > s->today ? s->to : s->today) + 1 - sp.base);
	if (s->plan_end > sp.base + sp.n)
		sp.n = (int)(s->plan_end - sp.base);
	s->n_days = (int)(s->to - s->from + 1);
	s->days = calloc((size_t)s->n_days, sizeof(*s->days));
	sp.d = calloc((size_t)sp.n, sizeof(*sp.d));
	if (!s->days || !sp.d) {
		bp_error_set(e, "out of memory while computing the stats");
		goto out;
	}
	if (store_stats_days(app->st, sp.base, sp.n, sp.d, e) < 0 ||
	    store_stats_items(app->st, from ? s->from : INT64_MIN, to ? s->last + 1 : INT64_MAX,
			      add_item, &ic, e) < 0)
		goto out;
	for (int k = 0; k < STATS_KINDS; k++)
		if (s->kinds[k].answers) {
			s->kinds[k].seconds /= s->kinds[k].answers;
			s->kinds[k].stated_seconds /= s->kinds[k].answers;
		}
	if (fill_days(s, &sp) < 0) {
		bp_error_set(e, "out of memory while computing the stats");
		goto out;
	}
	fill_areas(app, s);
	fill_weeks(app, t, &sp, s);
	fill_forecast(t, s);
	if (fill_mocks(app, s, e) < 0)
		goto out;
	rv = 0;
out:
	free(sp.d);
	if (rv < 0)
		stats_free(s);
	return rv;
}

void stats_free(stats *s)
{
	free(s->days);
	s->days = NULL;
	s->n_days = 0;
}
