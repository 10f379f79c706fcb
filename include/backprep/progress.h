/*
 * progress: how the plan is going — each day's minutes and answers by area, the new items
 * introduced each week against the week's targets, milestones met, open or missed, and
 * whether the person is ahead or behind, with the catch-up spread over the days left.
 * Pure: everything it reads is handed to it.
 */
#ifndef BACKPREP_PROGRESS_H
#define BACKPREP_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "backprep/catalog.h"
#include "backprep/plan.h"
#include "backprep/store.h"

enum { MASTERED_DAYS = 21 };

typedef struct plan_day_stat {
	int64_t day;
	int seconds, answers, new_items;
	int by_area[AREA_COUNT];
	bool target_met;
} plan_day_stat;

typedef enum { MILESTONE_OPEN, MILESTONE_MET, MILESTONE_MISSED } milestone_state;

typedef struct milestone_eval {
	const bp_milestone *m;
	int week;
	int value; /* where the metric stands now */
	milestone_state state;
} milestone_eval;

typedef struct progress_input {
	const plan_calendar *cal;
	const plan_targets *tg;
	const bp_plan *plan;        /* NULL: no milestones */
	const catalog *cat;
	const store_card *cards;
	size_t n_cards;
	const store_review *reviews; /* those inside the plan's days, in time order */
	size_t n_reviews;
	int reviews_total;           /* every answer in the log */
	const double *mock_scores;   /* mean score of each finished mock round */
	size_t n_mocks;
	int64_t today;               /* local day */
} progress_input;

typedef struct plan_progress {
	plan_day_stat *days; /* one per plan day */
	int n_days;
	int new_by_week[PLAN_WEEKS][AREA_COUNT];
	int expected;      /* new items the plan asked for before today */
	int introduced;    /* new items introduced before today */
	int behind;        /* expected - introduced; negative when ahead */
	int days_left;     /* today and the days after it in the plan */
	int extra_per_day; /* more new items a day that catch up by the end */
	milestone_eval *milestones;
	int n_milestones;
	int attempted[AREA_COUNT], mastered[AREA_COUNT];
	int streak;        /* the longest run of days with answers, so far */
} plan_progress;

/* Mastered, for the milestones and Stats alike: in review with a stability of at least
 * MASTERED_DAYS days. */
bool progress_mastered(const store_card *c);

/* The streaks over days[0..n) (answers a day, the last day today): the longest run of days
 * with answers, and the run ending today, or yesterday while today has none yet. */
void progress_streaks(const int *answers, int n, int *current, int *longest);

int plan_progress_make(const progress_input *in, plan_progress *out);
void plan_progress_free(plan_progress *p);

#endif
