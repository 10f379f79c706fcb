/*
 * tally: what a run of a solution against an item's tests came to, and the grade rule that
 * takes it into account. Pure: the runner fills a tally, the drill and the review log use it.
 */
#ifndef BACKPREP_TALLY_H
#define BACKPREP_TALLY_H

#include <stdbool.h>

#include "backprep/fsrs.h"

typedef struct test_tally {
	bool ran;     /* tests were run at all */
	bool crashed; /* the run ended early: no solution, a load error, a limit, a timeout */
	int passed, total;
	int edge_passed, edge_total; /* of those, the edge cases */
} test_tally;

/*
 * The suggested grade with the tests: unchanged when nothing ran or everything passed (so all
 * passed and the key points covered is Good); a crash, or more than half failing, Again; any
 * other failure (an edge case included) at most Hard.
 */
fsrs_grade tally_grade(fsrs_grade by_points, const test_tally *t);

/* "7/9 passed (edge cases 2/4)" into buf; without edge cases, "7/9 passed". */
const char *tally_str(const test_tally *t, char *buf, int n);

#endif
