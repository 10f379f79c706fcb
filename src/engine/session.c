/* session: the drill's state machine, and recording each answer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/card.h"
#include "backprep/clock.h"
#include "backprep/session.h"

struct session {
	store *st;
	queue q;
	const fsrs_params *p;
	bp_rng *rng;
	size_t pos, answered;
	session_phase phase;
	int hints;
	bool ticked[SESSION_MAX_POINTS];
	int64_t started_ms; /* when the current item was shown */
};

static void start_item(session *s)
{
	s->phase = s->pos < s->q.n ? SESSION_ASK : SESSION_DONE;
	s->hints = 0;
	memset(s->ticked, 0, sizeof(s->ticked));
	s->started_ms = clock_mono_ms();
}

session *session_new(store *st, queue *q, const fsrs_params *p, bp_rng *rng)
{
	session *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->st = st;
	s->q = *q;
	memset(q, 0, sizeof(*q));
	s->p = p;
	s->rng = rng;
	start_item(s);
	return s;
}

void session_free(session *s)
{
	if (!s)
		return;
	queue_free(&s->q);
	free(s);
}

session_phase session_phase_of(const session *s)
{
	return s->phase;
}

const bp_item *session_item(const session *s)
{
	return s->pos < s->q.n ? s->q.v[s->pos].item : NULL;
}

size_t session_position(const session *s)
{
	return s->pos;
}

size_t session_total(const session *s)
{
	return s->q.n;
}

size_t session_answered(const session *s)
{
	return s->answered;
}

bool session_is_new(const session *s)
{
	return s->pos < s->q.n && !s->q.v[s->pos].card;
}

bool session_hint(session *s)
{
	const bp_item *it = session_item(s);

	if (!it || s->phase != SESSION_ASK || s->hints >= it->hints.n)
		return false;
	s->hints++;
	return true;
}

int session_hints_shown(const session *s)
{
	return s->hints;
}

void session_reveal(session *s)
{
	if (s->phase == SESSION_ASK)
		s->phase = SESSION_REVEALED;
}

int session_points(const session *s)
{
	const bp_item *it = session_item(s);
	int n;

	if (!it)
		return 0;
	if (it->kind == KIND_CHOICE)
		n = it->choices.n;
	else if (it->kind == KIND_SCENARIO && it->key_points.n == 0)
		n = it->n_steps;
	else
		n = it->key_points.n;
	return n < SESSION_MAX_POINTS ? n : SESSION_MAX_POINTS;
}

const char *session_point(const session *s, int i)
{
	const bp_item *it = session_item(s);

	if (!it || i < 0 || i >= session_points(s))
		return NULL;
	if (it->kind == KIND_CHOICE)
		return it->choices.v[i];
	if (it->kind == KIND_SCENARIO && it->key_points.n == 0)
		return it->steps[i].ask;
	return it->key_points.v[i];
}

bool session_ticked(const session *s, int i)
{
	return i >= 0 && i < SESSION_MAX_POINTS && s->ticked[i];
}

void session_toggle(session *s, int i)
{
	const bp_item *it = session_item(s);
	bool choosing = it && it->kind == KIND_CHOICE && s->phase == SESSION_ASK;

	if (i < 0 || i >= session_points(s))
		return;
	/* A choice is answered before the reveal; key points are ticked after it. */
	if (s->phase == SESSION_REVEALED || choosing)
		s->ticked[i] = !s->ticked[i];
}

int session_covered(const session *s)
{
	int n = 0;

	for (int i = 0; i < session_points(s); i++)
		n += s->ticked[i];
	return n;
}

void session_to_grade(session *s)
{
	if (s->phase == SESSION_REVEALED)
		s->phase = SESSION_GRADE;
}

void session_ungrade(session *s)
{
	if (s->phase == SESSION_GRADE)
		s->phase = SESSION_REVEALED;
}

static bool choice_right(const session *s, const bp_item *it)
{
	bool want[SESSION_MAX_POINTS] = { false };

	for (int k = 0; k < it->n_correct; k++)
		if (it->correct[k] < SESSION_MAX_POINTS)
			want[it->correct[k]] = true;
	for (int i = 0; i < session_points(s); i++)
		if (want[i] != s->ticked[i])
			return false;
	return true;
}

fsrs_grade session_suggested(const session *s)
{
	const bp_item *it = session_item(s);
	int points = session_points(s);
	double share = points ? (double)session_covered(s) / points : 0;
	fsrs_grade g;

	if (!it)
		return FSRS_GOOD;
	if (it->kind == KIND_CHOICE)
		g = choice_right(s, it) ? FSRS_GOOD : FSRS_AGAIN;
	else if (share >= 0.75)
		g = FSRS_GOOD;
	else if (share >= 0.4)
		g = FSRS_HARD;
	else
		g = FSRS_AGAIN;
	/* Needing a hint means it was not recalled unaided. */
	if (s->hints > 0 && g > FSRS_HARD)
		g = FSRS_HARD;
	return g;
}

int session_grade(session *s, fsrs_grade g, bp_error *e)
{
	const queue_entry *qe;
	int64_t now = clock_now();
	fsrs_card fc;
	store_card sc;
	store_review r;
	double draw;

	if (s->phase != SESSION_GRADE || g < FSRS_AGAIN || g > FSRS_EASY) {
		bp_error_set(e, "nothing to grade");
		return -1;
	}
	qe = &s->q.v[s->pos];
	if (qe->card) {
		sc = *qe->card;
		card_to_fsrs(qe->card, &fc);
	} else {
		memset(&sc, 0, sizeof(sc));
		snprintf(sc.item, sizeof(sc.item), "%s", qe->item->id);
		sc.introduced = now;
		fsrs_card_init(&fc, now);
	}
	draw = s->p->fuzz && s->rng ? rng_unit(s->rng) : -1.0;
	fsrs_review(s->p, &fc, g, now, draw);
	sc.rev = qe->item->rev;
	card_from_fsrs(&fc, &sc);
	r = (store_review){
		.item = qe->item->id,
		.rev = qe->item->rev,
		.at = now,
		.grade = (int)g,
		.covered = session_covered(s),
		.points = session_points(s),
		.hints = s->hints,
		.seconds = (int)((clock_mono_ms() - s->started_ms) / 1000),
		.source = "drill",
	};
	if (store_record(s->st, &r, &sc, e) < 0)
		return -1;
	s->answered++;
	s->pos++;
	start_item(s);
	return 0;
}
