/* stats_drill: the summary of one drill, from the log's answers since it began. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/clock.h"
#include "backprep/stats.h"
#include "backprep/store_stats.h"

enum { SEEN_MAX = 512, STREAK_DAYS = 366 };

typedef struct drill_ctx {
	bp_app *app;
	int64_t since, day_start;
	stats_drill *out;
	char seen[SEEN_MAX][STORE_ID_MAX]; /* questions whose first answer of the drill was met */
	int n_seen;
} drill_ctx;

static bool first_in_drill(drill_ctx *c, const char *item)
{
	for (int i = 0; i < c->n_seen; i++)
		if (strcmp(c->seen[i], item) == 0)
			return false;
	if (c->n_seen < SEEN_MAX)
		snprintf(c->seen[c->n_seen++], STORE_ID_MAX, "%s", item);
	return true;
}

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
	/* as true retention counts: a question's first answer of the day, seen on a day before */
	if (first_in_drill(c, r->item) && card && card->introduced < c->day_start &&
	    strcmp(r->source, "cram") != 0) {
		o->retention.n++;
		o->retention.pass += r->grade > 1;
	}
	return 0;
}

/* The current streak, as Stats counts it, over the last STREAK_DAYS days: only the days'
 * answers are read, so that the summary comes at once however long the log. */
static int drill_streak(bp_app *app, int64_t today, int *streak, bp_error *e)
{
	int64_t bounds[STREAK_DAYS + 1];
	int answers[STREAK_DAYS], seconds[STREAK_DAYS], longest;

	for (int i = 0; i <= STREAK_DAYS; i++)
		bounds[i] = clock_day_start(today - (STREAK_DAYS - 1) + i);
	if (store_stats_days(app->st, bounds, STREAK_DAYS, answers, seconds, e) < 0)
		return -1;
	progress_streaks(answers, STREAK_DAYS, streak, &longest);
	return 0;
}

int stats_drill_make(bp_app *app, const app_day *t, int64_t since, stats_drill *out,
		     bp_error *e)
{
	drill_ctx *c = calloc(1, sizeof(*c)); /* the seen ids are too large for a stack */
	int64_t today = t->pos.today;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!c) {
		bp_error_set(e, "out of memory while summing up the drill");
		return -1;
	}
	c->app = app;
	c->since = since;
	c->day_start = clock_day_start(today);
	c->out = out;
	rc = store_reviews_range(app->st, since, clock_now() + 1, count_answer, c, e);
	free(c);
	if (rc < 0)
		return -1;
	if (drill_streak(app, today, &out->streak, e) < 0)
		return -1;
	if (t->q.pace.days > 1 && t->q.pace.count) {
		out->due_tomorrow = t->q.pace.count[1];
		out->tomorrow_minutes = t->q.pace.load[1];
	}
	return 0;
}
