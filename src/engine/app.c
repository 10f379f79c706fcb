/* app: opening content and progress, and working out today. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backprep/app.h"
#include "backprep/clock.h"

#ifndef BP_DATADIR
#define BP_DATADIR "/usr/local/share/backprep"
#endif

static size_t add_dir(char dirs[][PATHS_MAX], size_t n, size_t max, const char *d)
{
	if (n < max && snprintf(dirs[n], PATHS_MAX, "%s", d) < PATHS_MAX)
		n++;
	return n;
}

/* The directory the running binary is in, for running from a build tree elsewhere. */
static bool exe_content(char *buf, size_t n)
{
	char exe[PATHS_MAX];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;

	if (len <= 0)
		return false;
	exe[len] = '\0';
	if (!(slash = strrchr(exe, '/')))
		return false;
	*slash = '\0';
	return snprintf(buf, n, "%s/content", exe) < (int)n && paths_is_dir(buf);
}

size_t app_content_dirs(const app_opts *o, char dirs[][PATHS_MAX], size_t max)
{
	const char *env = getenv("BACKPREP_CONTENT");
	char buf[PATHS_MAX];
	size_t n = 0;

	if (o->n_content) {
		for (size_t i = 0; i < o->n_content; i++)
			n = add_dir(dirs, n, max, o->content[i]);
		return n;
	}
	if (env && *env) {
		char copy[PATHS_MAX], *save = NULL;

		snprintf(copy, sizeof(copy), "%s", env);
		for (char *d = strtok_r(copy, ":", &save); d; d = strtok_r(NULL, ":", &save))
			n = add_dir(dirs, n, max, d);
		return n;
	}
	if (paths_data_dir(buf, sizeof(buf), NULL) == 0 &&
	    strlen(buf) + sizeof("/packs") <= sizeof(buf)) {
		strcat(buf, "/packs");
		if (paths_is_dir(buf))
			n = add_dir(dirs, n, max, buf);
	}
	if (paths_is_dir(BP_DATADIR "/content"))
		return add_dir(dirs, n, max, BP_DATADIR "/content");
	if (paths_is_dir("content"))
		return add_dir(dirs, n, max, "content");
	if (exe_content(buf, sizeof(buf)))
		n = add_dir(dirs, n, max, buf);
	return n;
}

/* config.yaml's scheduler options over the defaults; fuzz is on for people, off in tests. */
static void apply_config(const bp_config *c, fsrs_params *p)
{
	fsrs_params_default(p);
	p->fuzz = c->has_fuzz ? c->fuzz : true;
	if (c->has_retention)
		p->retention = c->retention;
	if (c->has_max_interval)
		p->max_interval = c->max_interval;
	if (c->n_learning >= 0) {
		p->n_learning = c->n_learning;
		memcpy(p->learning, c->learning, sizeof(int) * (size_t)c->n_learning);
	}
	if (c->n_relearning >= 0) {
		p->n_relearning = c->n_relearning;
		memcpy(p->relearning, c->relearning, sizeof(int) * (size_t)c->n_relearning);
	}
}

int app_load_config(bp_config *cfg, char *path, size_t n, bp_error *e)
{
	char dir[PATHS_MAX];

	config_defaults(cfg);
	path[0] = '\0';
	if (paths_config_dir(dir, sizeof(dir), NULL) < 0)
		return 0;
	if ((size_t)snprintf(path, n, "%s/config.yaml", dir) >= n) {
		path[0] = '\0';
		return 0;
	}
	if (config_load(path, cfg, e) < 0)
		return -1;
	config_use_keys(cfg);
	return 0;
}

static int load_config(bp_app *app, bp_error *e)
{
	return app_load_config(&app->cfg, app->config_path, sizeof(app->config_path), e);
}

/* A person's own plan replaces the shipped one: --plan, else plan.yaml in the data dir. */
static void use_own_plan(bp_app *app, const app_opts *o)
{
	char path[PATHS_MAX];

	if (o->plan) {
		catalog_use_plan(app->cat, o->plan, &app->problems);
		app->plan_from = APP_FROM_OPTION;
		snprintf(app->plan_path, sizeof(app->plan_path), "%s", o->plan);
		return;
	}
	if (paths_data_dir(path, sizeof(path), NULL) == 0 &&
	    strlen(path) + sizeof("/plan.yaml") <= sizeof(path)) {
		strcat(path, "/plan.yaml");
		if (access(path, F_OK) == 0) {
			catalog_use_plan(app->cat, path, &app->problems);
			snprintf(app->plan_path, sizeof(app->plan_path), "%s", path);
		}
	}
}

void app_make_sched(bp_app *app)
{
	fsrs_params base;
	double own = app->cfg.has_retention ? 0 : app_retention_setting(app);

	apply_config(&app->cfg, &base);
	if (own > 0)
		base.retention = own;
	sched_make(&base, &app->cfg, &app->sched);
}

static app_from from_env(const char *name)
{
	const char *v = getenv(name);

	return v && *v ? APP_FROM_ENV : APP_FROM_DEFAULT;
}

int app_open(bp_app *app, const app_opts *o, bp_error *e)
{
	const char *paths[APP_MAX_CONTENT];
	char db[PATHS_MAX];

	memset(app, 0, sizeof(*app));
	if (load_config(app, e) < 0)
		return -1;
	app_make_sched(app); /* config.yaml's alone; again below with the settings made in the app */
	rng_seed_env(&app->rng, (uint64_t)clock_now() ^ (uint64_t)getpid() << 32);
	app->day_seed = rng_next(&app->rng);
	app->n_content_dirs = app_content_dirs(o, app->content, APP_MAX_CONTENT);
	app->content_from = o->n_content ? APP_FROM_OPTION : from_env("BACKPREP_CONTENT");
	app->db_from = o->db && *o->db ? APP_FROM_OPTION : from_env("BACKPREP_DB");
	if (app->n_content_dirs == 0) {
		bp_error_set(e, "no content found: pass --content DIR, or run from the source tree");
		return -1;
	}
	for (size_t i = 0; i < app->n_content_dirs; i++)
		paths[i] = app->content[i];
	if (catalog_load(paths, app->n_content_dirs, &app->cat, &app->problems) < 0) {
		bp_error_set(e, "out of memory while loading content");
		return -1;
	}
	use_own_plan(app, o);
	if (paths_db(o->db, db, sizeof(db), e) < 0 ||
	    store_open(db, o->readonly ? STORE_READONLY : 0, &app->st, e) < 0) {
		app_close(app);
		return -1;
	}
	app_make_sched(app);
	return 0;
}

void app_close(bp_app *app)
{
	store_close(app->st);
	catalog_free(app->cat);
	bp_diags_free(&app->problems);
	free(app->cards);
	memset(app, 0, sizeof(*app));
}

int app_cram(bp_app *app, queue *q, bp_error *e)
{
	bool from_config;
	int64_t day = app_interview(app, &from_config);

	if (queue_cram(app->cat, app->cards, app->n_cards, &app->sched.base, &app->est, clock_now(),
		       day ? clock_day_start(day) : 0, 20, q) < 0) {
		bp_error_set(e, "out of memory while building the cram queue");
		return -1;
	}
	return 0;
}

/* The most recent reviews, for the estimator. */
typedef struct recent {
	store_review v[ESTIMATE_RECENT];
	char ids[ESTIMATE_RECENT][STORE_ID_MAX];
	size_t n;
} recent;

static int keep_recent(void *ctx, const store_review *r)
{
	recent *rc = ctx;

	if (rc->n == ESTIMATE_RECENT)
		return 1;
	snprintf(rc->ids[rc->n], STORE_ID_MAX, "%s", r->item);
	rc->v[rc->n] = *r;
	rc->v[rc->n].item = rc->ids[rc->n];
	rc->v[rc->n++].source = "";
	return 0;
}

/* The estimator, from the person's most recent reviews. */
static int learn_times(bp_app *app, bp_error *e)
{
	recent *rc = calloc(1, sizeof(*rc));

	if (!rc) {
		bp_error_set(e, "out of memory while reading the review times");
		return -1;
	}
	if (store_recent_reviews(app->st, ESTIMATE_RECENT, keep_recent, rc, e) < 0) {
		free(rc);
		return -1;
	}
	estimate_learn(&app->est, app->cat, rc->v, rc->n);
	free(rc);
	return 0;
}

int app_today(bp_app *app, app_day *t, bp_error *e)
{
	int64_t now = clock_now(), day = clock_local_day(now);
	bp_rng day_rng; /* Today, the drill it starts and Today again draw the same queue */
	app_day_input in = { .now = now, .rng = &day_rng, .sp = &app->sched, .est = &app->est };
	size_t n_tips;

	rng_seed(&day_rng, app->day_seed ^ (uint64_t)day * 0x9E3779B97F4A7C15ULL);
	memset(t, 0, sizeof(*t));
	if (app_plan_load(app, day, &t->plan, e) < 0 ||
	    store_day_stats(app->st, clock_day_start(day), clock_day_start(day + 1), &in.done,
			    e) < 0)
		return -1;
	free(app->cards);
	app->cards = NULL;
	if (store_cards(app->st, &app->cards, &app->n_cards, e) < 0 || learn_times(app, e) < 0 ||
	    app_last_mock(app, &in.last_mock, e) < 0)
		return -1;
	in.cat = app->cat;
	in.cards = app->cards;
	in.n_cards = app->n_cards;
	if (app_day_build(&in, t) < 0) {
		bp_error_set(e, "out of memory while building the queue");
		return -1;
	}
	n_tips = catalog_tip_count(app->cat);
	if (n_tips)
		t->tip = catalog_tip(app->cat, (size_t)day % n_tips);
	return 0;
}

void app_day_free(app_day *t)
{
	queue_free(&t->q);
}
