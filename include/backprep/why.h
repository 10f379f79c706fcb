/*
 * why: why a card is scheduled as it is, in sentences for item details and `backprep item`:
 * a suspension, a bury, the interval the last answer gave, a due day reaching the
 * interview. Built from the card and its last scheduled answer; never draws.
 */
#ifndef BACKPREP_WHY_H
#define BACKPREP_WHY_H

#include <stdint.h>

#include "backprep/catalog.h"
#include "backprep/store.h"

enum { WHY_LINES = 5, WHY_LINE = 200 };

typedef struct why_input {
	const bp_item *item;     /* NULL: no longer in the content */
	const store_card *card;  /* NULL: never answered or flagged */
	int64_t now;
	int64_t interview;       /* local day; 0: none */
	int64_t last_at;         /* the last scheduled answer's time; 0: the card's last review */
	int last_grade;          /* its grade, 1-4; 0: unknown */
} why_input;

/* The sentences into out[0..WHY_LINES); returns how many. */
int why_scheduled(const why_input *in, char out[WHY_LINES][WHY_LINE]);

#endif
