/* card: between a stored card row and the scheduler's memory state. */
#ifndef BACKPREP_CARD_H
#define BACKPREP_CARD_H

#include "backprep/fsrs.h"
#include "backprep/store.h"

void card_to_fsrs(const store_card *s, fsrs_card *f);

/* Copies the memory state into s, keeping s's item, flags and introduction time. */
void card_from_fsrs(const fsrs_card *f, store_card *s);

#endif
