/* scenario: walking an incident step by step, and what was ticked on the way. */
#include <string.h>

#include "backprep/scenario.h"

bool scenario_walkable(const bp_item *it)
{
	return it && (it->kind == KIND_SCENARIO || it->kind == KIND_DESIGN) && it->n_steps > 0;
}

void scenario_start(scenario_walk *w, const bp_item *it)
{
	memset(w, 0, sizeof(*w));
	w->item = it;
}

int scenario_steps(const scenario_walk *w)
{
	int n = w->item ? w->item->n_steps : 0;

	return n < SCENARIO_MAX_STEPS ? n : SCENARIO_MAX_STEPS;
}

bool scenario_advance(scenario_walk *w)
{
	if (w->ended || !w->item)
		return false;
	if (!w->revealed)
		w->revealed = true;
	else if (w->step + 1 < scenario_steps(w)) {
		w->step++;
		w->revealed = false;
	} else
		w->ended = true;
	return true;
}

int scenario_step_points(const scenario_walk *w, int step)
{
	int n;

	if (step < 0 || step >= scenario_steps(w))
		return 0;
	n = w->item->steps[step].expect.n;
	return n < SCENARIO_MAX_POINTS ? n : SCENARIO_MAX_POINTS;
}

bool scenario_step_shown(const scenario_walk *w, int step)
{
	return step >= 0 && step <= w->step && step < scenario_steps(w);
}

bool scenario_points_shown(const scenario_walk *w, int step)
{
	return scenario_step_shown(w, step) && (step < w->step || w->revealed);
}

void scenario_toggle(scenario_walk *w, int i)
{
	if (!scenario_points_shown(w, w->step) || i < 0 || i >= scenario_step_points(w, w->step))
		return;
	w->ticked[w->step][i] = !w->ticked[w->step][i];
}

bool scenario_ticked(const scenario_walk *w, int step, int i)
{
	return step >= 0 && step < SCENARIO_MAX_STEPS && i >= 0 && i < SCENARIO_MAX_POINTS &&
	       w->ticked[step][i];
}

int scenario_covered(const scenario_walk *w)
{
	int n = 0;

	for (int k = 0; k < scenario_steps(w); k++)
		for (int i = 0; i < scenario_step_points(w, k); i++)
			n += w->ticked[k][i];
	return n;
}

int scenario_total(const scenario_walk *w)
{
	int n = 0;

	for (int k = 0; k < scenario_steps(w); k++)
		n += scenario_step_points(w, k);
	return n;
}

bool scenario_nth(const scenario_walk *w, int n, int *step, int *i)
{
	for (int k = 0; n >= 0 && k < scenario_steps(w); k++) {
		int here = scenario_step_points(w, k);

		if (n < here) {
			*step = k;
			*i = n;
			return true;
		}
		n -= here;
	}
	return false;
}
