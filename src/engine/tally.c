/* tally: the grade rule with tests (tally.h). */
#include <stdio.h>

#include "backprep/tally.h"

fsrs_grade tally_grade(fsrs_grade by_points, const test_tally *t)
{
	if (!t || !t->ran)
		return by_points;
	if (t->crashed || t->total == 0 || 2 * t->passed < t->total)
		return FSRS_AGAIN;
	if (t->passed < t->total && by_points > FSRS_HARD)
		return FSRS_HARD;
	return by_points;
}

const char *tally_str(const test_tally *t, char *buf, int n)
{
	if (t->edge_total)
		snprintf(buf, (size_t)n, "%d/%d passed (edge cases %d/%d)", t->passed, t->total,
			 t->edge_passed, t->edge_total);
	else
		snprintf(buf, (size_t)n, "%d/%d passed", t->passed, t->total);
	return buf;
}
