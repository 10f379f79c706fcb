/*
 * app: what every front end opens first — the catalog from the content directories, the
 * progress file, the scheduler's settings and the seeded generator — and "today": the plan
 * position, what was done today and the queue for the rest of it.
 */
#ifndef BACKPREP_APP_H
#define BACKPREP_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "backprep/catalog.h"
#include "backprep/config.h"
#include "backprep/fsrs.h"
#include "backprep/paths.h"
#include "backprep/plan.h"
#include "backprep/queue.h"
#include "backprep/rng.h"
#include "backprep/store.h"

enum { APP_MAX_CONTENT = 16 };

typedef struct app_opts {
	const char *db;                         /* --db, or NULL */
	const char *content[APP_MAX_CONTENT];   /* --content, repeatable */
	size_t n_content;
	bool readonly;                          /* no lock, nothing written */
} app_opts;

typedef struct bp_app {
	catalog *cat;
	bp_diags problems; /* what was wrong with the content; broken packs were skipped */
	store *st;
	fsrs_params params;
	bp_rng rng;
	store_card *cards; /* loaded by app_today */
	size_t n_cards;
	bp_config cfg;
	char config_path[PATHS_MAX];
	char content[APP_MAX_CONTENT][PATHS_MAX];
	size_t n_content_dirs;
} bp_app;

typedef struct app_day {
	plan_pos pos;
	const bp_week *week; /* NULL without a plan */
	int budget;          /* minutes a day */
	int new_per_day;
	store_day done;      /* answered today so far */
	queue q;             /* the rest of today */
	const char *tip;     /* tip of the day, or NULL */
	int64_t interview;   /* local day of the interview; 0: none */
	bool interview_from_config;
	int days_to_interview;
	bool budget_from_config;
} app_day;

/* The content directories, in the order DESIGN.md gives ("Files on the user's machine"). */
size_t app_content_dirs(const app_opts *o, char dirs[][PATHS_MAX], size_t max);

/* Loads content (problems go to app->problems), then opens the progress file. */
int app_open(bp_app *app, const app_opts *o, bp_error *e);
void app_close(bp_app *app);

/* Sets (day > 0) or clears (0) the interview date kept in the database. */
int app_set_interview(bp_app *app, int64_t day, bp_error *e);

/* The interview day in force (config.yaml wins over the database); 0 when none. */
int64_t app_interview(bp_app *app, bool *from_config);

/* Reads the cards and today's figures and builds the rest of today's queue. */
int app_today(bp_app *app, app_day *t, bp_error *e);
void app_day_free(app_day *t);

/* Cram: the items least likely to be recalled at the interview, into q (cards from
 * app_today). */
int app_cram(bp_app *app, queue *q, bp_error *e);

#endif
