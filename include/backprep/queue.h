/*
 * queue: what to ask today, in order, under a time budget.
 *
 * Every answer's time is the estimator's (estimate.h): a new question its minutes plus the
 * same-day steps it comes back for, a review this person's measured share of them. Reviews
 * are placed on days by pace.h: today's are the ones placed today, the most at risk of being
 * forgotten first (lowest retrievability now, or at the interview when there is one). A
 * review that alone exceeds the minutes left is not asked; shorter ones are. With an
 * interview date, a review falls due when its recall drops to deadline_recall (sched.h), and
 * the reviews that would fall after the day before the interview with recall at it below
 * the desired retention are spread over the days before it without overfilling any; those
 * brought forward to today are asked today. New items follow once every review due today
 * is in, from the plan week and the weeks before it, within the week's levels, up to the
 * day's allowance and only while they fit: each is drawn from an area chosen with
 * probability proportional to the week's focus weight times the area's weakness (a lower
 * mean retrievability and more lapses raise it) divided by the minutes of its next
 * question, so that the focus is a share of time; inside an area in queue_intro_order's
 * order. No two neighbours share a tag when another order
 * allows it (reviews and new items are spaced each among themselves). Only a new item may
 * exceed the budget, and only when it is the only thing asked; a full design (35-45 minutes)
 * enters a day only when the minutes left hold it, and until then its area goes on with the
 * questions after it. What does not fit today is the backlog, placed on the next days with
 * room.
 * Pure: it reads the catalog and the cards it is given, and draws only from the rng given.
 */
#ifndef BACKPREP_QUEUE_H
#define BACKPREP_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "backprep/catalog.h"
#include "backprep/estimate.h"
#include "backprep/fsrs.h"
#include "backprep/pace.h"
#include "backprep/rng.h"
#include "backprep/sched.h"
#include "backprep/store.h"

typedef struct queue_entry {
	const bp_item *item;
	const store_card *card; /* NULL for a new item */
	double retrievability;  /* now, or at the interview when one is set; 1 for a new item */
	double minutes;         /* expected, from the estimator */
} queue_entry;

typedef struct queue_opts {
	int64_t now;
	int64_t day_end;      /* reviews due before this count as due today */
	int week;             /* plan week, 1..4 */
	unsigned levels;      /* allowed levels (bit n for level n); 0 allows all */
	int budget_minutes;   /* what is left of today's time */
	int new_limit;        /* new items still allowed today */
	const double *focus;  /* AREA_COUNT weights of the plan week; NULL: all equal */
	int64_t interview;    /* start of the interview day (Unix seconds); 0: none */
	bp_rng *rng;          /* for drawing areas; NULL: always the heaviest */
	int daily_minutes;    /* a full day's budget, for the days after today */
	const int *day_minutes; /* when set, the budget of day d (0: today) for d < n_day_minutes */
	int n_day_minutes;
	const estimate *est;  /* expected answer times; NULL: the priors */
	const sched *sp;      /* the steps a new item comes back for today; NULL: none */
	double deadline_recall; /* with an interview: a review falls due when recall drops to
				 * this (sched.h); 0: at the desired retention */
} queue_opts;

typedef struct queue {
	queue_entry *v;
	size_t n;
	double minutes;       /* sum of the entries' expected minutes */
	size_t reviews;       /* entries that are reviews (the first ones) */
	size_t due_total;     /* reviews due today, in the queue or not */
	size_t brought_forward; /* reviews in the queue that fall due after today */
	size_t new_available; /* new items the plan would allow, in the queue or not */
	size_t backlog;       /* reviews due today that do not fit today */
	double backlog_minutes;
	int backlog_days;     /* the last day a backlog review is placed on; -1: not within
			       * the days placed */
	pace_plan pace;       /* every review's day: the forecast of each day's minutes */
	double weakness[AREA_COUNT];
} queue;

/* Builds q from the catalog and the cards (which must outlive q). -1 when out of memory. */
int queue_build(const catalog *c, const store_card *cards, size_t n_cards, const fsrs_params *p,
		const queue_opts *o, queue *q);
void queue_free(queue *q);

/*
 * Cram: up to `limit` reviewed items with the lowest predicted recall at the interview
 * (or now, without one), ignoring due dates. Answers to them are recorded but never change
 * their schedule.
 */
int queue_cram(const catalog *c, const store_card *cards, size_t n_cards, const fsrs_params *p,
	       const estimate *est, int64_t now, int64_t interview, size_t limit, queue *q);

/* The order new items of an area come in: the guide's questions, then full designs (the
 * pool holds only the weeks open), then the lowest week and level, then the shortest; items
 * of different areas are grouped by area. */
int queue_intro_order(const bp_item *a, const bp_item *b);

/* The expected minutes of a new item today: its minutes, plus a review's time for each
 * same-day step it comes back for when answered Good. */
double queue_new_minutes(const queue_opts *o, const bp_item *it);

#endif
