/* app_plan: the person's plan — dates, overrides, recruiter answers — and its progress. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/app.h"
#include "backprep/arena.h"
#include "backprep/clock.h"
#include "backprep/mock.h"

/* A date setting as a local day; 0 when unset or unreadable. */
static int64_t day_setting(bp_app *app, const char *key)
{
	char buf[32];
	int64_t t;

	if (store_setting_get(app->st, key, buf, sizeof(buf), NULL) == 1 && buf[0] &&
	    clock_parse_iso(buf, &t) == 0)
		return t / 86400;
	return 0;
}

static int set_day(bp_app *app, const char *key, int64_t day, bp_error *e)
{
	char buf[16] = "";

	if (day > 0)
		clock_format_day(day, buf);
	return store_setting_set(app->st, key, buf, e);
}

/*
 * A setting the person makes in the app (minutes a day, new questions a day, the interview
 * date, the retention), with the day it was made as "set_on.KEY", so that Settings can say
 * "set in the app on 2026-12-01". An empty value puts the default back.
 */
static int set_own(bp_app *app, const char *key, const char *value, bp_error *e)
{
	char on_key[64];

	snprintf(on_key, sizeof(on_key), "set_on.%s", key);
	if (store_setting_set(app->st, key, value, e) < 0)
		return -1;
	return set_day(app, on_key, value[0] ? clock_local_day(clock_now()) : 0, e);
}

int64_t app_setting_day(bp_app *app, const char *key)
{
	char on_key[64];

	snprintf(on_key, sizeof(on_key), "set_on.%s", key);
	return day_setting(app, on_key);
}

/* A start the person chose (plan --start) stays where they put it; one taken from the
 * first run moves back to an earlier first answer (an import of an older history). */
int app_set_plan_start(bp_app *app, int64_t day, bp_error *e)
{
	if (set_day(app, "plan_start", day, e) < 0)
		return -1;
	return store_setting_set(app->st, "plan_start_chosen", day > 0 ? "yes" : "", e);
}

int app_set_interview(bp_app *app, int64_t day, bp_error *e)
{
	char buf[16] = "";

	if (day > 0)
		clock_format_day(day, buf);
	return set_own(app, "interview_date", buf, e);
}

int64_t app_interview(bp_app *app, bool *from_config)
{
	*from_config = app->cfg.interview > 0;
	return *from_config ? app->cfg.interview : day_setting(app, "interview_date");
}

int app_set_daily_minutes(bp_app *app, int minutes, bp_error *e)
{
	char buf[16] = "";

	if (minutes > 0)
		snprintf(buf, sizeof(buf), "%d", minutes);
	return set_own(app, "daily_minutes", buf, e);
}

int app_set_new_per_day(bp_app *app, int n, bp_error *e)
{
	char buf[16] = "";

	if (n >= 0)
		snprintf(buf, sizeof(buf), "%d", n);
	return set_own(app, "new_per_day", buf, e);
}

/* A retention as the app keeps it: "0.90", two decimals, whatever LC_NUMERIC says. */
int app_set_retention(bp_app *app, double retention, bp_error *e)
{
	char buf[16] = "";

	if (retention > 0)
		snprintf(buf, sizeof(buf), "0.%02d", (int)(retention * 100 + 0.5) % 100);
	if (set_own(app, "retention", buf, e) < 0)
		return -1;
	app_make_sched(app);
	return 0;
}

/* A whole number kept as a setting; -1 when unset or not a number from 0 to max. */
static int count_setting(bp_app *app, const char *key, int max)
{
	char buf[32];
	size_t n;

	if (!app->st || store_setting_get(app->st, key, buf, sizeof(buf), NULL) != 1)
		return -1;
	n = strlen(buf);
	if (n == 0 || n > 4 || strspn(buf, "0123456789") != n || atoi(buf) > max)
		return -1;
	return atoi(buf);
}

double app_retention_setting(bp_app *app)
{
	char buf[32];
	double v;

	if (!app->st || store_setting_get(app->st, "retention", buf, sizeof(buf), NULL) != 1 ||
	    strncmp(buf, "0.", 2) != 0 || !buf[2] || strlen(buf) > 4 ||
	    strspn(buf + 2, "0123456789") != strlen(buf + 2))
		return 0;
	v = atoi(buf + 2) / (buf[3] ? 100.0 : 10.0);
	return v >= 0.7 && v <= 0.99 ? v : 0;
}

int app_finish_first_run(bp_app *app, bp_error *e)
{
	return store_setting_set(app->st, "first_run", "done", e);
}

static void profile_key(const char *question, char *key, size_t n)
{
	snprintf(key, n, "profile.%s", question);
}

int app_set_profile(bp_app *app, const char *question, const char *answer, bp_error *e)
{
	char key[128];

	profile_key(question, key, sizeof(key));
	return store_setting_set(app->st, key, answer ? answer : "", e);
}

void app_profile_answer(bp_app *app, const char *question, char *buf, size_t n)
{
	char key[128];

	profile_key(question, key, sizeof(key));
	if (store_setting_get(app->st, key, buf, n, NULL) != 1)
		buf[0] = '\0';
}

/* The recruiter answers multiply the focus of the weeks still to come. */
static void load_profile(bp_app *app, app_plan *p)
{
	for (int a = 0; a < AREA_COUNT; a++)
		p->adjust[a] = 1.0;
	for (size_t i = 0; i < catalog_question_count(app->cat); i++) {
		const bp_question *q = catalog_question(app->cat, i);
		char id[64];

		app_profile_answer(app, q->id, id, sizeof(id));
		for (int k = 0; id[0] && k < q->n_answers; k++) {
			const bp_answer *ans = &q->answers[k];

			if (strcmp(ans->id, id) != 0 || p->n_answers == APP_MAX_ANSWERS)
				continue;
			p->questions[p->n_answers] = q;
			p->answers[p->n_answers++] = ans;
			for (int a = 0; a < AREA_COUNT; a++)
				p->adjust[a] *= ans->adjust[a];
		}
	}
}

int app_plan_load(bp_app *app, int64_t today, app_plan *p, bp_error *e)
{
	char buf[32];
	int64_t start = day_setting(app, "plan_start"), first = 0;
	int answered = store_first_review(app->st, &first, NULL), new_cap;

	memset(p, 0, sizeof(*p));
	/* the plan starts on the first answer, however it was recorded (a drill, the command
	 * line, an import), or on the first run, whichever came first; a start chosen with plan
	 * --start stays */
	if (!start || (answered == 1 && clock_local_day(first) < start &&
		       (store_setting_get(app->st, "plan_start_chosen", buf, sizeof(buf), NULL) != 1 ||
			strcmp(buf, "yes") != 0))) {
		int64_t was = start;

		start = answered == 1 && clock_local_day(first) < today ? clock_local_day(first)
									 : today;
		if (was && was < start)
			start = was;
		set_day(app, "plan_start", start, NULL); /* read-only stores keep it in mind */
	}
	p->plan = catalog_plan(app->cat);
	p->first_run = store_setting_get(app->st, "first_run", buf, sizeof(buf), e) != 1;
	if (p->first_run) /* an imported history is not a first run */
		p->first_run = answered == 0;
	p->interview = app_interview(app, &p->interview_from_config);
	p->minutes_from_config = app->cfg.daily_minutes > 0;
	p->new_from_config = app->cfg.new_per_day >= 0;
	new_cap = p->new_from_config ? app->cfg.new_per_day
				     : count_setting(app, "new_per_day", 100);
	p->new_capped = new_cap >= 0;
	if (p->minutes_from_config)
		p->daily_minutes = app->cfg.daily_minutes;
	else if (store_setting_get(app->st, "daily_minutes", buf, sizeof(buf), NULL) == 1)
		p->daily_minutes = atoi(buf);
	plan_calendar_make(start, p->interview, &p->cal);
	plan_position(&p->cal, today, &p->pos);
	load_profile(app, p);
	p->adjust_from = p->pos.week;
	plan_targets_make(p->plan, p->adjust, p->adjust_from, p->daily_minutes,
			  new_cap, &p->tg);
	return 0;
}

typedef struct range_ctx {
	store_review *v;
	size_t n, cap;
	arena ids;
	bool failed;
} range_ctx;

static int keep_review(void *ctx, const store_review *r)
{
	range_ctx *rc = ctx;

	if (rc->n == rc->cap) {
		size_t cap = rc->cap ? rc->cap * 2 : 256;
		store_review *v = realloc(rc->v, cap * sizeof(*v));

		if (!v) {
			rc->failed = true;
			return 1;
		}
		rc->v = v;
		rc->cap = cap;
	}
	rc->v[rc->n] = *r;
	rc->v[rc->n].item = arena_strndup(&rc->ids, r->item, strlen(r->item));
	rc->v[rc->n].source = "";
	if (!rc->v[rc->n].item) {
		rc->failed = true;
		return 1;
	}
	rc->n++;
	return 0;
}

int app_progress(bp_app *app, const app_plan *p, bool with_reviews, plan_progress *out,
		 bp_error *e)
{
	range_ctx rc = { 0 };
	store_day all;
	mock_summary ms;
	bool have_mocks = false;
	double *scores = NULL;
	progress_input in = {
		.cal = &p->cal,
		.tg = &p->tg,
		.plan = p->plan,
		.cat = app->cat,
		.cards = app->cards,
		.n_cards = app->n_cards,
		.today = p->pos.today,
	};
	int rv = -1;

	if (with_reviews) {
		if (mock_summary_load(app->st, app->cat, &ms, e) < 0)
			goto out;
		have_mocks = true;
		scores = malloc((ms.n_rounds + 1) * sizeof(*scores));
		if (!scores) {
			bp_error_set(e, "out of memory while reading the mock rounds");
			goto out;
		}
		for (size_t i = 0; i < ms.n_rounds; i++) /* milestones count finished rounds */
			if (ms.rounds[i].finished)
				scores[in.n_mocks++] = ms.rounds[i].mean;
		in.mock_scores = scores;
		if (store_reviews_range(app->st, clock_day_start(p->cal.start),
					clock_day_start(p->cal.start + p->cal.days), keep_review, &rc,
					e) < 0)
			goto out;
		if (rc.failed) {
			bp_error_set(e, "out of memory while reading the plan's days");
			goto out;
		}
		if (store_day_stats(app->st, 0, INT64_MAX, &all, e) < 0)
			goto out;
		in.reviews = rc.v;
		in.n_reviews = rc.n;
		in.reviews_total = all.answers;
	}
	if (plan_progress_make(&in, out) < 0) {
		bp_error_set(e, "out of memory while measuring the plan");
		goto out;
	}
	rv = 0;
out:
	if (have_mocks)
		mock_summary_free(&ms);
	free(scores);
	free(rc.v);
	arena_free(&rc.ids);
	return rv;
}
