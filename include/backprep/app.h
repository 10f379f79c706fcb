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
} app_day;

/* The content directories, in the order DESIGN.md gives ("Files on the user's machine"). */
size_t app_content_dirs(const app_opts *o, char dirs[][PATHS_MAX], size_t max);

/* Loads content (problems go to app->problems), then opens the progress file. */
int app_open(bp_app *app, const app_opts *o, bp_error *e);
void app_close(bp_app *app);

/* Reads the cards and today's figures and builds the rest of today's queue. */
int app_today(bp_app *app, app_day *t, bp_error *e);
void app_day_free(app_day *t);

#endif
