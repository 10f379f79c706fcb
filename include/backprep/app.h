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
#include "backprep/estimate.h"
#include "backprep/fsrs.h"
#include "backprep/paths.h"
#include "backprep/plan.h"
#include "backprep/progress.h"
#include "backprep/queue.h"
#include "backprep/rng.h"
#include "backprep/sched.h"
#include "backprep/store.h"

enum { APP_MAX_CONTENT = 16 };

typedef struct app_opts {
	const char *db;                         /* --db, or NULL */
	const char *plan;                       /* --plan, or NULL */
	const char *content[APP_MAX_CONTENT];   /* --content, repeatable */
	size_t n_content;
	bool readonly;                          /* no lock, nothing written */
} app_opts;

/* Where a path in force came from: an option on the command line, the environment, or the
 * default place (settings.h shows it). */
typedef enum { APP_FROM_DEFAULT, APP_FROM_OPTION, APP_FROM_ENV } app_from;

typedef struct bp_app {
	catalog *cat;
	bp_diags problems; /* what was wrong with the content; broken packs were skipped */
	store *st;
	sched sched;       /* the scheduler's settings; sched.base is the memory model */
	bp_rng rng;
	uint64_t day_seed; /* with the day, seeds the day's queue: the same state, the same queue */
	store_card *cards; /* loaded by app_today */
	size_t n_cards;
	estimate est;      /* expected answer times, learned by app_today */
	bp_config cfg;
	char config_path[PATHS_MAX];
	char content[APP_MAX_CONTENT][PATHS_MAX];
	size_t n_content_dirs;
	app_from content_from, db_from, plan_from; /* plan: --plan, the data dir, the shipped */
	char plan_path[PATHS_MAX];                 /* the person's own plan.yaml, or "" */
} bp_app;

enum { APP_MAX_ANSWERS = 16 };

/* The plan as it stands for this person: dates, targets after overrides, and why. */
typedef struct app_plan {
	const bp_plan *plan;     /* NULL without plan.yaml: equal focus, default targets */
	plan_calendar cal;
	plan_targets tg;
	plan_pos pos;
	int64_t interview;       /* local day; 0: none */
	bool interview_from_config;
	int daily_minutes;       /* the person's own minutes a day; 0: the plan's */
	bool minutes_from_config;
	bool new_from_config;    /* config.yaml caps the new questions a day */
	bool new_capped;         /* config.yaml or the app caps them (tg.new_per_day) */
	bool first_run;          /* the welcome questions are still to be asked */
	double adjust[AREA_COUNT]; /* product of the recruiter answers' multipliers */
	int adjust_from;         /* the week they apply from (the current one) */
	int n_answers;
	const bp_question *questions[APP_MAX_ANSWERS];
	const bp_answer *answers[APP_MAX_ANSWERS];
} app_plan;

enum { APP_MORE_MINUTES = 15, APP_MSG = 320 };

/* Whether the plan's new questions can be reached at this budget, by projecting the days
 * left: each day's room after the reviews placed on it, filled with the plan's questions in
 * the order they open, each adding its own first reviews to the days after. */
typedef struct app_reach {
	int days_left;       /* today and the plan's days after it */
	int target;          /* new questions the plan still asks for (with the catch-up) */
	int reach;           /* new questions the projection introduces at this budget */
	int reach_more;      /* the same at APP_MORE_MINUTES more a day */
	int per_day;         /* new questions a day that fit, on average */
	bool feasible;       /* reach >= target */
} app_reach;

typedef struct app_day {
	app_plan plan;
	plan_pos pos;
	const bp_week *week; /* NULL without a plan */
	int budget;          /* minutes a day */
	int plan_new;        /* the plan's own new questions a day this week */
	int new_per_day;     /* the plan's, with the catch-up that fits */
	int behind;          /* new items behind the plan (negative: ahead) */
	int extra_new;       /* the catch-up added to today's allowance, never more than fits */
	store_day done;      /* answered today so far */
	queue q;             /* the rest of today */
	app_reach reach;
	char pace_msg[APP_MSG];    /* where the plan stands, in the numbers above; "" on track */
	bool pace_bad;
	char backlog_msg[APP_MSG]; /* reviews that do not fit today, or before the interview */
	bool mock_due;             /* week 4 and no mock round taken today or yesterday */
	char mock_msg[APP_MSG];    /* says so, from the same days; "" when not due */
	const char *tip;     /* tip of the day, or NULL */
	int64_t interview;   /* local day of the interview; 0: none */
	bool interview_from_config;
	int days_to_interview;
	bool budget_from_config;
} app_day;

/* What app_day_build works from: app_today reads it from the store; the learner simulation
 * hands it over from memory. */
typedef struct app_day_input {
	const catalog *cat;
	const store_card *cards;
	size_t n_cards;
	const sched *sp;
	const estimate *est;
	int64_t now;
	store_day done;      /* answered today so far */
	bp_rng *rng;
	int64_t last_mock;   /* local day of the latest mock round with a scored segment; 0: none */
} app_day_input;

/*
 * Week 4 asks for mock rounds: one is due when the plan is in week 4 and none was taken
 * (a segment scored) on `today` or the day before. The message names the last one's day.
 * Returns mock_due; msg is "" when it is false. Pure.
 */
bool app_mock_suggest(int week, int64_t today, int64_t last_mock, char *msg, size_t n);

/* The local day of the latest mock round with a scored segment, or 0 (app_day_input). */
int app_last_mock(bp_app *app, int64_t *day, bp_error *e);

/* The content directories, in the order DESIGN.md gives ("Files on the user's machine"). */
size_t app_content_dirs(const app_opts *o, char dirs[][PATHS_MAX], size_t max);

/* Reads config.yaml ($XDG_CONFIG_HOME/backprep/config.yaml, its path into path) into cfg and
 * makes its keys the keys in force; 0 also when there is none (path is "" when it has no
 * place). app_open does this first. */
int app_load_config(bp_config *cfg, char *path, size_t n, bp_error *e);

/* Loads content (problems go to app->problems), then opens the progress file. */
int app_open(bp_app *app, const app_opts *o, bp_error *e);
void app_close(bp_app *app);

/* The plan for today's date, from plan.yaml, the settings and config.yaml. */
int app_plan_load(bp_app *app, int64_t today, app_plan *p, bp_error *e);

/* The plan's progress; with_reviews reads the answers of the plan's days (the Plan screen),
 * without them only the cards (enough for the catch-up). Cards come from app_today. */
int app_progress(bp_app *app, const app_plan *p, bool with_reviews, plan_progress *out,
		 bp_error *e);

int app_set_plan_start(bp_app *app, int64_t day, bp_error *e);
int app_set_daily_minutes(bp_app *app, int minutes, bp_error *e); /* 0: the plan's */
/* Sets (0..100) or clears (-1) the cap on new questions a day kept in the database. */
int app_set_new_per_day(bp_app *app, int n, bp_error *e);
/* Sets (0.7..0.99) or clears (0) the retention kept in the database, and remakes app->sched. */
int app_set_retention(bp_app *app, double retention, bp_error *e);
/* The retention set in the app; 0 when none (config.yaml's or the default is in force). */
double app_retention_setting(bp_app *app);
/* The local day a setting made in the app was last changed (app_set_*); 0 when unknown. */
int64_t app_setting_day(bp_app *app, const char *key);
/* config.yaml's scheduler options and the retention set in the app, into app->sched. */
void app_make_sched(bp_app *app);
/* Chooses answer `answer` (NULL: none) to recruiter question `question`. */
int app_set_profile(bp_app *app, const char *question, const char *answer, bp_error *e);
/* The id of the chosen answer into buf, or "" when none. */
void app_profile_answer(bp_app *app, const char *question, char *buf, size_t n);
int app_finish_first_run(bp_app *app, bp_error *e);

/* Sets (day > 0) or clears (0) the interview date kept in the database. */
int app_set_interview(bp_app *app, int64_t day, bp_error *e);

/* The interview day in force (config.yaml wins over the database); 0 when none. */
int64_t app_interview(bp_app *app, bool *from_config);

/* Today from t->plan (loaded first) and the input: the budget, the catch-up that fits, the
 * queue, the plan's reach and the messages built from them. Pure. -1 when out of memory. */
int app_day_build(const app_day_input *in, app_day *t);

/* Reads the cards and today's figures and builds the rest of today's queue. */
int app_today(bp_app *app, app_day *t, bp_error *e);
void app_day_free(app_day *t);

/* Cram: the items least likely to be recalled at the interview, into q (cards from
 * app_today). */
int app_cram(bp_app *app, queue *q, bp_error *e);

#endif
