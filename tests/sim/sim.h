/*
 * sim: a simulated candidate studying the shipped catalog for a 28-day plan, scheduled
 * either by backprep's engine or by an Anki-style baseline (issue 9, "Proof: make sim").
 *
 * The candidate's true memory follows FSRS-6 with the default weights; each policy keeps
 * its own scheduler cards and only learns the grades. Everything is in memory (no SQLite,
 * no clock module): time is the simulated clock of the run. This header is shared by the
 * parts of the simulation only; nothing in src/ may include it.
 */
#ifndef BACKPREP_SIM_H
#define BACKPREP_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "backprep/catalog.h"
#include "backprep/fsrs.h"
#include "backprep/queue.h"
#include "backprep/rng.h"
#include "backprep/store.h"

/* The model's constants; sim.c prints every one of them in its header. */
#define SIM_P_FIRST_FAIL     0.30 /* a new item's first answer is Again */
#define SIM_P_HARD           0.15 /* on recall: Hard / Good / Easy */
#define SIM_P_GOOD           0.75
#define SIM_P_EASY           0.10
#define SIM_ANKI_NEW_PER_DAY 20
#define SIM_START_DATE       "2026-01-05" /* plan day 0; the interview is SIM_DAYS days later */
enum {
	SIM_DAYS = 28,      /* plan days 0..27; the interview is on day 28 */
	SIM_START_HOUR = 8, /* each day's study starts at 08:00 UTC; metrics at 08:00 on day 28 */
	SIM_MAX_SKIP = 8,
};

typedef enum {
	POLICY_BACKPREP,
	POLICY_ANKI_ORDER,    /* new items in catalog (pack) order */
	POLICY_ANKI_SHUFFLED, /* new items shuffled with the seed */
	POLICY_COUNT
} sim_policy;

/* What does not change between runs. */
typedef struct sim_world {
	catalog *cat;
	size_t n_items;   /* catalog_count */
	size_t n_studied; /* items outside AREA_RECRUITER: those the metrics count */
	int n_area[AREA_COUNT];
	fsrs_params truth; /* the candidate's memory: default weights, fuzz off */
	int64_t start_day; /* local day (UTC) of plan day 0 */
} sim_world;

/* One run: a policy, a review cost, minutes a day, skipped days and a seed. */
typedef struct sim_setup {
	sim_policy policy;
	double cost; /* a review truly takes cost × the item's minutes */
	int minutes; /* D, the minutes studied each day */
	int n_skip;  /* random days (never day 0) on which nothing is studied */
	uint64_t seed;
} sim_setup;

typedef struct sim_result {
	double recall_all;  /* mean true recall at the interview, unseen items counting 0 */
	double recall_seen; /* the same over the items seen */
	int n_r90;          /* items with true recall >= 0.9 */
	int seen;
	int designs, designs_seen; /* full designs (kind design) in the catalog, and seen */
	int designs_unserved; /* backprep: designs its first queue of a day held, not answered
			       * that day (promised, then not served) */
	double area[AREA_COUNT]; /* mean true recall per area, unseen counting 0 */
	double study_minutes;
	int answers;
	size_t logged;                /* reviews in the log */
	long logged_seconds;          /* their seconds */
	double due_minutes[SIM_DAYS]; /* true minutes of the reviews due, at 08:00 */
	double peak_due;              /* the largest of them */
	/* what the policy itself planned for the day's reviews: backprep's expected minutes of
	 * the reviews its queue placed on the day (its estimator's view); the baseline plans
	 * nothing, so its due minutes */
	double planned_minutes[SIM_DAYS];
	double peak_planned;
	double total_due;             /* the review work of the plan: each review once */
	bool fits;                    /* total_due <= minutes × SIM_DAYS */
	int days_over;                /* days whose due-review minutes exceed the budget */
	/* where each day's minutes went: new items, same-day steps (a second answer on the day
	 * of the last one), reviews from an earlier day; and the items introduced */
	double new_minutes[SIM_DAYS], step_minutes[SIM_DAYS], review_minutes[SIM_DAYS];
	int new_items[SIM_DAYS];
} sim_result;

/* The state of one run while it goes. Arrays are indexed like the catalog. */
typedef struct sim_run {
	const sim_world *w;
	sim_setup s;
	fsrs_card *truth;  /* the candidate's true memory */
	store_card *cards; /* the policy's scheduler state, as the app keeps it */
	int64_t *counted;  /* last_review of a card whose due was already counted */
	store_review *log; /* every answer, as the app would record it */
	size_t n_log, cap_log;
	bool out_of_memory;
	bp_rng learner;    /* the candidate's draws */
	bp_rng policy_rng; /* the policy's draws (backprep's areas, the shuffled order) */
	bool skip[SIM_DAYS];
	bool *placed_today; /* backprep: the reviews its first queue of the day holds */
	size_t *new_order; /* baseline: the order new items come in */
	size_t next_new;
	/* today */
	int day;
	int64_t now;     /* the simulated clock */
	double spent;    /* minutes studied today */
	int day_seconds; /* logged seconds today */
	int day_new;     /* items introduced today */
	double study_minutes;
	sim_result res;
} sim_run;

/* learner.c: the candidate and the bookkeeping every policy shares */
int64_t sim_day_start(const sim_run *r, int day);
int64_t sim_interview(const sim_world *w); /* 08:00 on day SIM_DAYS */
double sim_true_recall(const sim_world *w, const fsrs_card *c, int64_t at);
/* The candidate answers item i at r->now: the grade is drawn from the true memory, which
 * is updated; the clock and the day's minutes advance; the answer is logged. */
fsrs_grade sim_answer(sim_run *r, size_t i);
/* Applies grade g, given at the card's last answer time, to a scheduler card as the app
 * does (session_grade): a new card is introduced then. */
void sim_schedule(sim_run *r, size_t i, fsrs_grade g, const fsrs_params *p);
/* A policy's rule for "this review is due today": its scheduled time is before day_end. */
typedef bool (*sim_due_fn)(const sim_run *r, const store_card *sc, int64_t day_end);
/* At 08:00: due_minutes[day] gets the true minutes of every review due today by the
 * policy's rule (those carried over included); total_due gets each scheduled review once,
 * on the first day it is due. */
void sim_count_due(sim_run *r, sim_due_fn due_today);
bool sim_has_minutes(const sim_run *r);
void sim_finish(sim_run *r);

/* anki.c: the baseline's day */
const fsrs_params *anki_params(void);
void anki_prepare(sim_run *r);
void anki_day(sim_run *r);

/* bp.c: backprep's day, through the real engine */
const fsrs_params *sim_params_for(const bp_item *it);
typedef struct app_day app_day;
int bp_today(sim_run *r, app_day *t);
int bp_day(sim_run *r);

/* run.c: one whole run */
int sim_run_once(const sim_world *w, const sim_setup *s, sim_result *out);
const char *sim_policy_name(sim_policy p);

#endif
