/* session: the drill's state machine, recording each answer, and taking one back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/card.h"
#include "backprep/clock.h"
#include "backprep/flag.h"
#include "backprep/session.h"

enum { AGAIN_GAP = 3 }; /* an Again comes back after this many other questions */

/* What undo needs to put back: an answer, or a flag (flag.event set). */
typedef struct undo_rec {
	size_t pos;        /* the entry that was answered or flagged */
	int64_t review_id; /* an answer: its review */
	bool had_card;
	store_card prev;   /* the card before the answer */
	size_t inserted;   /* position of the Again copy, or SIZE_MAX */
	flag_change flag;  /* a flag: its event and the card before */
	queue_entry *tail; /* a flag: the queue from pos on as it was, to put back */
	size_t n_tail;
	bool moved_on;     /* a flag that skipped the item (bury, suspend) */
	flag_kind kind;
} undo_rec;

struct session {
	store *st;
	queue q;
	size_t cap;
	const sched *sp;
	bp_rng *rng;
	size_t pos, answered;
	session_phase phase;
	int hints;
	bool ticked[SESSION_MAX_POINTS];
	test_tally tests;   /* the last run of the person's solution to the current item */
	bool walking;       /* the item is an incident walked step by step */
	scenario_walk walk;
	bool cram;
	double draw;        /* the fuzz draw of the current item, made when it is revealed */
	bool drawn;
	int64_t started_ms; /* when the current item was shown */
	store_card **owned; /* cards of answered items, which their Again copies point to */
	size_t n_owned;
	undo_rec *undo;
	size_t n_undo;
};

/* A suspended or buried card is not asked again in this drill, whatever brought it back. */
static bool set_aside(const session *s, const queue_entry *qe)
{
	return qe->card && (qe->card->suspended || qe->card->buried_until > clock_now()) &&
	       !s->cram;
}

static void start_item(session *s)
{
	const bp_item *it;

	while (s->pos < s->q.n && set_aside(s, &s->q.v[s->pos]))
		s->pos++;
	it = s->pos < s->q.n ? s->q.v[s->pos].item : NULL;

	s->phase = it ? SESSION_ASK : SESSION_DONE;
	s->hints = 0;
	memset(s->ticked, 0, sizeof(s->ticked));
	memset(&s->tests, 0, sizeof(s->tests));
	s->drawn = false;
	s->walking = scenario_walkable(it);
	scenario_start(&s->walk, s->walking ? it : NULL);
	s->started_ms = clock_mono_ms();
}

session *session_new(store *st, queue *q, const sched *sp, bp_rng *rng)
{
	session *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->st = st;
	s->q = *q;
	s->cap = q->n;
	memset(q, 0, sizeof(*q));
	s->sp = sp;
	s->rng = rng;
	start_item(s);
	return s;
}

void session_free(session *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_owned; i++)
		free(s->owned[i]);
	free(s->owned);
	for (size_t i = 0; i < s->n_undo; i++)
		free(s->undo[i].tail);
	free(s->undo);
	queue_free(&s->q);
	free(s);
}

void session_set_cram(session *s)
{
	s->cram = true;
}

bool session_is_cram(const session *s)
{
	return s->cram;
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
	const store_card *c = s->pos < s->q.n ? s->q.v[s->pos].card : NULL;

	return s->pos < s->q.n && (!c || c->state == FSRS_NEW);
}

bool session_is_starred(const session *s)
{
	const store_card *c = s->pos < s->q.n ? s->q.v[s->pos].card : NULL;

	return c && c->starred;
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
	if (s->phase != SESSION_ASK)
		return;
	/* An incident is told step by step; its answer comes after the last step. */
	if (s->walking && scenario_advance(&s->walk) && !s->walk.ended)
		return;
	s->phase = SESSION_REVEALED;
	/* drawn once: the grade bar shows the intervals this draw gives, and the grade uses it */
	if (!s->drawn) {
		const fsrs_params *p = sched_for(s->sp, session_item(s));

		s->draw = p->fuzz && s->rng ? rng_unit(s->rng) : -1.0;
		s->drawn = true;
	}
}

const scenario_walk *session_walk(const session *s)
{
	return s->walking ? &s->walk : NULL;
}

int session_points(const session *s)
{
	const bp_item *it = session_item(s);
	int n;

	if (!it)
		return 0;
	if (s->walking)
		return scenario_total(&s->walk);
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
	int step, k;

	if (!it || i < 0 || i >= session_points(s))
		return NULL;
	if (s->walking)
		return scenario_nth(&s->walk, i, &step, &k) ? it->steps[step].expect.v[k] : NULL;
	if (it->kind == KIND_CHOICE)
		return it->choices.v[i];
	if (it->kind == KIND_SCENARIO && it->key_points.n == 0)
		return it->steps[i].ask;
	return it->key_points.v[i];
}

bool session_ticked(const session *s, int i)
{
	int step, k;

	if (s->walking)
		return scenario_nth(&s->walk, i, &step, &k) && scenario_ticked(&s->walk, step, k);
	return i >= 0 && i < SESSION_MAX_POINTS && s->ticked[i];
}

void session_toggle(session *s, int i)
{
	const bp_item *it = session_item(s);
	bool choice = it && it->kind == KIND_CHOICE;

	/* An incident's digits tick the points of its latest step, while asking and after. */
	if (s->walking) {
		if (s->phase == SESSION_ASK || s->phase == SESSION_REVEALED)
			scenario_toggle(&s->walk, i);
		return;
	}
	if (i < 0 || i >= session_points(s))
		return;
	/* A choice is answered before the reveal, and the answer given stays as given once the
	 * right one is on screen; key points are ticked after it. */
	if (s->phase == (choice ? SESSION_ASK : SESSION_REVEALED))
		s->ticked[i] = !s->ticked[i];
}

int session_covered(const session *s)
{
	int n = 0;

	if (s->walking)
		return scenario_covered(&s->walk);
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

void session_set_tests(session *s, const test_tally *t)
{
	if (s->phase != SESSION_DONE)
		s->tests = *t;
}

const test_tally *session_tests(const session *s)
{
	return &s->tests;
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
	if (it->kind == KIND_CODING)
		g = tally_grade(g, &s->tests);
	/* Needing a hint means it was not recalled unaided. */
	if (s->hints > 0 && g > FSRS_HARD)
		g = FSRS_HARD;
	return g;
}

/* Grows the queue and the owned list for an Again copy. */
static int reserve(session *s)
{
	if (s->q.n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 8;
		queue_entry *v = realloc(s->q.v, cap * sizeof(*v));

		if (!v)
			return -1;
		s->q.v = v;
		s->cap = cap;
	}
	{
		store_card **o = realloc(s->owned, (s->n_owned + 1) * sizeof(*o));

		if (!o)
			return -1;
		s->owned = o;
	}
	return 0;
}

/* Puts a copy of the answered item AGAIN_GAP places later; SIZE_MAX when it could not. */
static size_t requeue(session *s, const store_card *card)
{
	size_t at = s->pos + 1 + AGAIN_GAP;
	store_card *own;

	if (reserve(s) < 0 || !(own = malloc(sizeof(*own))))
		return SIZE_MAX;
	*own = *card;
	s->owned[s->n_owned++] = own;
	if (at > s->q.n)
		at = s->q.n;
	memmove(&s->q.v[at + 1], &s->q.v[at], (s->q.n - at) * sizeof(s->q.v[0]));
	s->q.v[at] = (queue_entry){ s->q.v[s->pos].item, own, 0.0 };
	s->q.n++;
	return at;
}

static int push_undo(session *s, const undo_rec *u)
{
	undo_rec *v = realloc(s->undo, (s->n_undo + 1) * sizeof(*v));

	if (!v)
		return -1;
	s->undo = v;
	s->undo[s->n_undo++] = *u;
	return 0;
}

/* The card after grade g at `now`: the one scheduler call that both the grade bar and
 * session_grade make. */
static store_card next_card(const session *s, fsrs_grade g, int64_t now)
{
	const queue_entry *qe = &s->q.v[s->pos];
	fsrs_card fc;
	store_card sc;

	if (qe->card && qe->card->state != FSRS_NEW) {
		sc = *qe->card;
		card_to_fsrs(qe->card, &fc);
	} else {
		if (qe->card) /* a new item that was starred or buried keeps its flags */
			sc = *qe->card;
		else
			memset(&sc, 0, sizeof(sc));
		snprintf(sc.item, sizeof(sc.item), "%s", qe->item->id);
		sc.introduced = now;
		fsrs_card_init(&fc, now);
	}
	if (!s->cram) { /* cram answers are kept, but leave the schedule alone */
		fsrs_review(sched_for(s->sp, qe->item), &fc, g, now, s->drawn ? s->draw : -1.0);
		sc.rev = qe->item->rev;
		card_from_fsrs(&fc, &sc);
	}
	return sc;
}

int session_next_due(const session *s, int64_t now, int64_t due[5])
{
	if (s->phase != SESSION_REVEALED && s->phase != SESSION_GRADE)
		return -1;
	if (s->cram)
		return 1;
	due[0] = 0;
	for (int g = FSRS_AGAIN; g <= FSRS_EASY; g++)
		due[g] = next_card(s, (fsrs_grade)g, now).due;
	return 0;
}

int session_grade(session *s, fsrs_grade g, bp_error *e)
{
	const queue_entry *qe;
	int64_t now = clock_now();
	store_card sc;
	store_review r;
	undo_rec u = { .pos = s->pos, .inserted = SIZE_MAX };

	if (s->phase != SESSION_GRADE || g < FSRS_AGAIN || g > FSRS_EASY) {
		bp_error_set(e, "nothing to grade");
		return -1;
	}
	qe = &s->q.v[s->pos];
	u.had_card = qe->card != NULL;
	if (qe->card)
		u.prev = *qe->card;
	sc = next_card(s, g, now);
	r = (store_review){
		.item = qe->item->id,
		.rev = qe->item->rev,
		.at = now,
		.grade = (int)g,
		.covered = session_covered(s),
		.points = session_points(s),
		.hints = s->hints,
		.tests_passed = s->tests.ran ? s->tests.passed : 0,
		.tests_total = s->tests.ran ? s->tests.total : 0,
		.seconds = (int)((clock_mono_ms() - s->started_ms) / 1000),
		.draw = s->cram || !s->drawn ? -1.0 : s->draw,
		.source = s->cram ? "cram" : "drill",
	};
	if (store_record(s->st, &r, &sc, e) < 0)
		return -1;
	u.review_id = r.id;
	/* an Again with a same-day step comes back in this drill; a long question without
	 * steps comes back another day */
	if (g == FSRS_AGAIN && !s->cram && sc.due < clock_day_start(clock_local_day(now) + 1))
		u.inserted = requeue(s, &sc);
	push_undo(s, &u); /* out of memory here only costs the undo */
	s->answered++;
	s->pos++;
	start_item(s);
	return 0;
}

static int undo_flag(session *s, undo_rec *u, bp_error *e)
{
	if (flag_undo(s->st, &u->flag, e) < 0)
		return -1;
	/* nothing happened after it (undo goes newest first): the queue is as the flag left it */
	memcpy(&s->q.v[u->pos], u->tail, u->n_tail * sizeof(*u->tail));
	s->q.n = u->pos + u->n_tail;
	s->pos = u->pos;
	free(u->tail);
	s->n_undo--;
	if (u->moved_on)
		start_item(s);
	return 0;
}

int session_undo(session *s, bp_error *e)
{
	undo_rec *u;

	if (s->n_undo == 0)
		return 1;
	u = &s->undo[s->n_undo - 1];
	if (u->flag.event)
		return undo_flag(s, u, e);
	if (store_undo(s->st, u->review_id, s->q.v[u->pos].item->id, u->had_card ? &u->prev : NULL,
		       e) < 0)
		return -1;
	if (u->inserted != SIZE_MAX && u->inserted < s->q.n) {
		memmove(&s->q.v[u->inserted], &s->q.v[u->inserted + 1],
			(s->q.n - u->inserted - 1) * sizeof(s->q.v[0]));
		s->q.n--;
	}
	s->pos = u->pos;
	s->answered--;
	s->n_undo--;
	start_item(s);
	return 0;
}

const char *session_undo_what(const session *s)
{
	const undo_rec *u = s->n_undo ? &s->undo[s->n_undo - 1] : NULL;

	return !u ? NULL : u->flag.event ? flag_name(u->kind) : "answer";
}

/* Drops the current entry (and its later Again copies) from the rest of the session. */
static void skip_item(session *s)
{
	const bp_item *it = s->q.v[s->pos].item;
	size_t k = s->pos + 1;

	for (size_t i = s->pos + 1; i < s->q.n; i++)
		if (s->q.v[i].item != it)
			s->q.v[k++] = s->q.v[i];
	s->q.n = k;
	s->pos++;
	start_item(s);
}

/*
 * Records event k on the current item, points its entries at the new card, and keeps what
 * undo needs; moves on past the item when it is set aside (bury, suspend).
 */
static int flag_current(session *s, flag_kind k, int64_t until, bool move_on, bp_error *e)
{
	const queue_entry *qe;
	undo_rec u = { .pos = s->pos, .inserted = SIZE_MAX, .moved_on = move_on, .kind = k };
	store_card *own = NULL;

	u.n_tail = s->q.n - s->pos;
	u.tail = malloc(u.n_tail * sizeof(*u.tail));
	if (!u.tail || reserve(s) < 0 || !(own = malloc(sizeof(*own)))) {
		free(u.tail);
		bp_error_set(e, "out of memory");
		return -1;
	}
	qe = &s->q.v[s->pos]; /* after reserve, which may move the queue */
	memcpy(u.tail, qe, u.n_tail * sizeof(*u.tail));
	if (flag_set(s->st, s->sp, qe->item, qe->item->id, k, clock_now(), until, &u.flag, e) < 0) {
		free(u.tail);
		free(own);
		return -1;
	}
	/* later entries of this item must see the flag too */
	*own = u.flag.card;
	s->owned[s->n_owned++] = own;
	for (size_t i = s->pos; i < s->q.n; i++)
		if (s->q.v[i].item == qe->item)
			s->q.v[i].card = own;
	if (push_undo(s, &u) < 0) /* out of memory here only costs the undo */
		free(u.tail);
	if (move_on)
		skip_item(s);
	return 0;
}

int session_bury(session *s, int64_t until, bp_error *e)
{
	if (!session_item(s))
		return 1;
	return flag_current(s, FLAG_BURY, until, true, e);
}

int session_suspend(session *s, bp_error *e)
{
	if (!session_item(s))
		return 1;
	return flag_current(s, FLAG_SUSPEND, 0, true, e);
}

int session_star(session *s, bool *starred, bp_error *e)
{
	if (!session_item(s))
		return 1;
	if (flag_current(s, session_is_starred(s) ? FLAG_UNSTAR : FLAG_STAR, 0, false, e) < 0)
		return -1;
	*starred = session_is_starred(s);
	return 0;
}
