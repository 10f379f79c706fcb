/*
 * fsrs: the FSRS-6 memory model (shared/FSRS.md), matching ts-fsrs 5.4.2 with fuzz off.
 *
 * Pure arithmetic on a card's memory state: no clock, no storage, no randomness of its own.
 * Callers pass the time of the review and, when fuzz is on, a uniform draw from the seeded
 * generator. Times are Unix seconds (UTC).
 */
#ifndef BACKPREP_FSRS_H
#define BACKPREP_FSRS_H

#include <stdbool.h>
#include <stdint.h>

enum { FSRS_WEIGHTS = 21, FSRS_MAX_STEPS = 8 };

typedef enum { FSRS_NEW = 0, FSRS_LEARNING = 1, FSRS_REVIEW = 2, FSRS_RELEARNING = 3 } fsrs_state;
typedef enum { FSRS_AGAIN = 1, FSRS_HARD = 2, FSRS_GOOD = 3, FSRS_EASY = 4 } fsrs_grade;

typedef struct fsrs_params {
	double w[FSRS_WEIGHTS];
	double retention;      /* desired retention, (0, 1) */
	int max_interval;      /* days */
	bool short_term;       /* same-day learning steps */
	bool fuzz;             /* apply interval fuzz when a draw is given */
	int n_learning;        /* learning steps, minutes */
	int learning[FSRS_MAX_STEPS];
	int n_relearning;      /* relearning steps, minutes */
	int relearning[FSRS_MAX_STEPS];
} fsrs_params;

typedef struct fsrs_card {
	fsrs_state state;
	double stability;      /* days; 0 for a new card */
	double difficulty;     /* 1..10; 0 for a new card */
	int64_t due;           /* when the card is next due */
	int64_t last_review;   /* 0 when never reviewed */
	int scheduled_days;    /* interval in days given at the last review (0 for steps) */
	int reps;
	int lapses;
	int step;              /* index into the (re)learning steps */
} fsrs_card;

/* The defaults of shared/FSRS.md: weights, retention 0.9, 36500 days, steps 1m 10m / 10m. */
void fsrs_params_default(fsrs_params *p);

/* A card never reviewed, due at `now`. */
void fsrs_card_init(fsrs_card *c, int64_t now);

/*
 * Apply one review with grade g (1..4) at time `now` and return the new state in *c.
 * fuzz_draw is a uniform number in [0, 1) used when p->fuzz is set and the interval is at
 * least 2.5 days; pass a negative number for no fuzz.
 */
void fsrs_review(const fsrs_params *p, fsrs_card *c, fsrs_grade g, int64_t now, double fuzz_draw);

/* Predicted probability of recall of a reviewed card at time `at` (1 for a new card). */
double fsrs_retrievability(const fsrs_params *p, const fsrs_card *c, int64_t at);

/* Days after a review at which a card of this stability is recalled with probability r: the
 * forgetting curve read backwards (continuous, unrounded). */
double fsrs_days_until(const fsrs_params *p, double stability, double r);

/* Whole days between two times, as the difference of their UTC calendar dates. */
int64_t fsrs_days_between(int64_t from, int64_t to);

#endif
