/* stats_drill: the summary of one drill, from the log's answers since it began. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/clock.h"
#include "backprep/stats.h"
#include "backprep/store_stats.h"

enum { STREAK_DAYS = 366 };

typedef struct drill_ctx {
	bp_app *app;
	int64_t since;
	stats_drill *out;
} drill_ctx;

static const store_card *card_of(const bp_app *app, const char *item)
{
	for (size_t i = 0; i < app->n_cards; i++)
		if (strcmp(app->cards[i].item, item) == 0)
			return &app->cards[i];
	return NULL;
}

static int count_answer(void *ctx, const store_review *r)
{
	drill_ctx *c = ctx;
	stats_drill *o = c->out;
	const store_card *card = card_of(c->app, r->item);
	bool fresh = card && card->introduced >= c->since;

	o->answered++;
	o->by_grade[r->grade - 1]++;
	o->seconds += r->seconds;
	if (fresh)
		o->new_answers++;
	else
		o->review_answers++;
	/* as Stats counts true retention: a question's first answer of the day, answered on a
	 * day before */
	if (r->first) {
		o->retention.n++;
		o->retention.pass += r->grade > 1;
	}
	return 0;
}

/* The current streak, as Stats counts it, over the last STREAK_DAYS days: only the days'
 * answers are read, so that the summary comes at once however long the log. */
static int drill_streak(bp_app *app, int64_t today, int *streak, bp_error *e)
{
	store_stats_day days[STREAK_DAYS];
	int answers[STREAK_DAYS], longest;

	if (store_stats_days(app->st, today - (STREAK_DAYS - 1), STREAK_DAYS, days, e) < 0)
		return -1;
	for (int i = 0; i < STREAK_DAYS; i++)
		answers[i] = days[i].answers;
	progress_streaks(answers, STREAK_DAYS, streak, &longest);
	return 0;
}

int stats_drill_make(bp_app *app, const app_day *t, int64_t since, stats_drill *out,
		     bp_error *e)
{
	drill_ctx c = { app, since, out };
	int64_t today = t->pos.today;

	memset(out, 0, sizeof(*out));
	if (store_reviews_range(app->st, since, clock_now() + 1, count_answer, &c, e) < 0)
		return -1;
	if (drill_streak(app, today, &out->streak, e) < 0)
		return -1;
	if (t->q.pace.days > 1 && t->q.pace.count) {
		out->due_tomorrow = t->q.pace.count[1];
		out->tomorrow_minutes = t->q.pace.load[1];
	}
	return 0;
}
