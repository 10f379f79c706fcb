/* card: conversions between store rows and FSRS state. */
#include "backprep/card.h"

void card_to_fsrs(const store_card *s, fsrs_card *f)
{
	f->state = (fsrs_state)s->state;
	f->stability = s->stability;
	f->difficulty = s->difficulty;
	f->due = s->due;
	f->last_review = s->last_review;
	f->scheduled_days = s->scheduled_days;
	f->reps = s->reps;
	f->lapses = s->lapses;
	f->step = s->step;
}

void card_from_fsrs(const fsrs_card *f, store_card *s)
{
	s->state = (int)f->state;
	s->stability = f->stability;
	s->difficulty = f->difficulty;
	s->due = f->due;
	s->last_review = f->last_review;
	s->scheduled_days = f->scheduled_days;
	s->reps = f->reps;
	s->lapses = f->lapses;
	s->step = f->step;
}
