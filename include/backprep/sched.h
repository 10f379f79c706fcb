/*
 * sched: the scheduler's settings for each item. Every item shares the memory model (the
 * weights, the desired retention, the fuzz); the learning steps depend on the question. A
 * long question — coding, an incident told in steps, or any item of `long_minutes` or more —
 * does not come back the same day: it has no learning or relearning steps, so a first answer
 * graduates to a day interval and a lapse comes back tomorrow. Asking a 20-minute problem
 * again ten minutes after its model answer was read measures reading, not recall, and costs
 * the minutes twice. Short questions keep the steps. config.yaml's
 * `scheduler.steps_by_kind` and `scheduler.long_minutes` change this.
 */
#ifndef BACKPREP_SCHED_H
#define BACKPREP_SCHED_H

#include "backprep/catalog.h"
#include "backprep/config.h"
#include "backprep/fsrs.h"

enum {
	SCHED_LONG = 4,           /* the class of long items, after the bp_kind values */
	SCHED_CLASSES,
	SCHED_LONG_MINUTES = 15,  /* an item this long or longer is a long one */
};

typedef struct sched {
	fsrs_params base;                 /* the memory model, and the steps of short items */
	fsrs_params by_class[SCHED_CLASSES];
	bool configured[SCHED_CLASSES];   /* steps_by_kind names the class */
	int long_minutes;
} sched;

/* From the memory model and steps in base, and config.yaml's steps_by_kind and
 * long_minutes (cfg may be NULL: the defaults). */
void sched_make(const fsrs_params *base, const bp_config *cfg, sched *s);

/* The class of an item: its kind when steps_by_kind names it, else SCHED_LONG for a long
 * item, else its kind. */
int sched_class(const sched *s, const bp_item *it);

/* The settings for an item; for NULL (an item no longer in the content), the base. */
const fsrs_params *sched_for(const sched *s, const bp_item *it);

/* The name of a class as config.yaml spells it: open, coding, scenario, choice, long. */
const char *sched_class_name(int cls);

#endif
