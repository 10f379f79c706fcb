/* sched: learning steps by kind of question (see sched.h for why). */
#include <string.h>

#include "backprep/sched.h"

void sched_make(const fsrs_params *base, const bp_config *cfg, sched *s)
{
	memset(s, 0, sizeof(*s));
	s->base = *base;
	s->long_minutes = cfg && cfg->long_minutes > 0 ? cfg->long_minutes : SCHED_LONG_MINUTES;
	s->deadline_recall = cfg && cfg->deadline_recall > 0 ? cfg->deadline_recall
							     : SCHED_DEADLINE_RECALL;
	for (int k = 0; k < SCHED_CLASSES; k++) {
		fsrs_params *p = &s->by_class[k];
		bool long_by_default = k == KIND_CODING || k == KIND_SCENARIO || k == KIND_DESIGN ||
				       k == SCHED_LONG;
		int n = cfg ? cfg->n_steps_by_kind[k] : -1;

		*p = *base;
		s->configured[k] = n >= 0;
		if (n < 0 && !long_by_default) {
			if (!cfg || cfg->n_learning < 0) { /* one step, unless learning_steps says */
				p->n_learning = 1;
				p->learning[0] = SCHED_SHORT_STEP;
			}
			continue;
		}
		/* set in config.yaml, or long: these learning steps, and no relearning steps
		 * when there are none (a lapse then comes back the next day) */
		p->n_learning = n < 0 ? 0 : n;
		if (n > 0)
			memcpy(p->learning, cfg->steps_by_kind[k], sizeof(int) * (size_t)n);
		if (p->n_learning == 0)
			p->n_relearning = 0;
	}
}

/* The class of an item: its kind when steps_by_kind names it, else SCHED_LONG for a long
 * item, else its kind. */
static int sched_class(const sched *s, const bp_item *it)
{
	int k = (unsigned)it->kind < SCHED_LONG ? (int)it->kind : KIND_OPEN;

	return !s->configured[k] && it->minutes >= s->long_minutes ? SCHED_LONG : k;
}

const fsrs_params *sched_for(const sched *s, const bp_item *it)
{
	return it ? &s->by_class[sched_class(s, it)] : &s->base;
}
