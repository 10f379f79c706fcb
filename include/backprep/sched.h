/*
 * sched: the scheduler's settings for each item. Every item shares the memory model (the
 * weights, the desired retention, the fuzz); the learning steps depend on the question.
 *
 * A long question — coding, an incident told in steps, or any item of `long_minutes` or
 * more — does not come back the same day: it has no learning or relearning steps, so a first
 * answer graduates to a day interval and a lapse comes back tomorrow. Asking a 20-minute
 * problem again ten minutes after its model answer was read measures reading, not recall,
 * and costs the minutes twice. A short question has one 10-minute step: an Again comes back
 * in the same drill, a Good graduates at once. FSRS-6 gives a second Good answer on the same
 * day about 5 % more stability (w17, w18), so the second ask of the reference's 1m 10m steps
 * costs its minutes for little. config.yaml's `learning_steps` sets the short questions'
 * steps, `steps_by_kind` a kind's, and `long_minutes` the threshold.
 *
 * With an interview date, a review falls due when its predicted recall drops to
 * `deadline_recall` (0.75) rather than to the desired retention: the power-law forgetting of
 * FSRS-6 keeps a question answered once near 0.7 weeks later, so minutes go further
 * introducing questions than topping up known ones, and a review at lower recall gains more
 * stability. Every card that would stand below the desired retention at the interview still
 * gets a last review before it (pace.h). `make sim` chose 0.75: lower raises the mean recall
 * over all questions but leaves fewer of them at 0.9 or more on the day (README).
 */
#ifndef BACKPREP_SCHED_H
#define BACKPREP_SCHED_H

#include "backprep/catalog.h"
#include "backprep/config.h"
#include "backprep/fsrs.h"

enum {
	SCHED_LONG = KIND_COUNT,  /* the class of long items, after the bp_kind values */
	SCHED_CLASSES,
	SCHED_LONG_MINUTES = 15,  /* an item this long or longer is a long one */
	SCHED_SHORT_STEP = 10,    /* minutes: the one learning step of a short question */
};

#define SCHED_DEADLINE_RECALL 0.75

typedef struct sched {
	fsrs_params base;                 /* the memory model, and the steps of short items */
	fsrs_params by_class[SCHED_CLASSES];
	bool configured[SCHED_CLASSES];   /* steps_by_kind names the class */
	int long_minutes;
	double deadline_recall;           /* see above; the retention or more: none */
} sched;

/* From the memory model in base (and its steps when config.yaml set learning_steps), and
 * config.yaml's steps_by_kind, long_minutes and deadline_recall (cfg may be NULL: the
 * defaults). */
void sched_make(const fsrs_params *base, const bp_config *cfg, sched *s);

/* The settings for an item; for NULL (an item no longer in the content), the base. */
const fsrs_params *sched_for(const sched *s, const bp_item *it);

#endif
