/* mock_score: a segment's key points and rubric, and saving them with the review they make. */
#include <stdio.h>
#include <string.h>

#include "backprep/card.h"
#include "backprep/clock.h"
#include "backprep/store_mock.h"
#include "mock_impl.h"

int mock_points(const mock_round *r)
{
	const mock_seg *g = &r->seg[r->cur];
	int n;

	if (g->walking)
		return scenario_total(&g->walk);
	n = g->item ? g->item->key_points.n : 0;
	return n < MOCK_MAX_POINTS ? n : MOCK_MAX_POINTS;
}

void mock_toggle(mock_round *r, int i)
{
	mock_seg *g = &r->seg[r->cur];

	if (g->walking) {
		if (r->stage == MOCK_RUN || r->stage == MOCK_POINTS)
			scenario_toggle(&g->walk, i);
		return;
	}
	if (r->stage == MOCK_POINTS && i >= 0 && i < mock_points(r))
		g->ticked[i] = !g->ticked[i];
}

void mock_set_tests(mock_round *r, const test_tally *t)
{
	if (r->cur < r->n && !r->seg[r->cur].scored)
		r->seg[r->cur].tests = *t;
}

int mock_covered(const mock_round *r)
{
	const mock_seg *g = &r->seg[r->cur];
	int n = 0;

	if (g->walking)
		return scenario_covered(&g->walk);
	for (int i = 0; i < mock_points(r); i++)
		n += g->ticked[i];
	return n;
}

int mock_dims(const mock_round *r)
{
	const bp_rubric *rb = r->seg[r->cur].rubric;
	int n = rb ? rb->n_dims : 0;

	return n < MOCK_MAX_DIMS ? n : MOCK_MAX_DIMS;
}

int mock_dim(const mock_round *r)
{
	return r->dim;
}

fsrs_grade mock_grade(double mean, int covered, int points)
{
	double share = points > 0 ? (double)covered / points : 1.0;
	bool rubric = mean > 0;

	if ((rubric && mean < 2.5) || (points > 0 && covered * 2 < points))
		return FSRS_AGAIN;
	if ((rubric && mean < 3.0) || share < 0.75)
		return FSRS_HARD;
	return FSRS_GOOD;
}

/* The card the review leaves, as the drill would: a card of an earlier revision starts over. */
static int next_card(mock_round *r, const bp_item *it, fsrs_grade g, int64_t now,
		     store_card *sc, double *draw, bp_error *e)
{
	const fsrs_params *p;
	fsrs_card fc;
	bool found;

	if (store_card_get(r->st, it->id, sc, &found, e) < 0)
		return -1;
	if (found && sc->state != FSRS_NEW && sc->rev == it->rev) {
		card_to_fsrs(sc, &fc);
	} else {
		if (!found) /* a card that was flagged keeps its flags */
			memset(sc, 0, sizeof(*sc));
		snprintf(sc->item, sizeof(sc->item), "%s", it->id);
		sc->introduced = now;
		fsrs_card_init(&fc, now);
	}
	p = sched_for(r->sp, it);
	*draw = p->fuzz && r->rng ? rng_unit(r->rng) : -1.0;
	fsrs_review(p, &fc, g, now, *draw);
	sc->rev = it->rev;
	card_from_fsrs(&fc, sc);
	return 0;
}

static int save_segment(mock_round *r, bp_error *e)
{
	mock_seg *g = &r->seg[r->cur];
	store_mock_score scores[MOCK_MAX_DIMS];
	int64_t now = clock_now();
	bool last = r->cur == r->n - 1;
	store_mock_scoring m = {
		.round = r->id,
		.pos = r->cur,
		.covered = mock_covered(r),
		.points = mock_points(r),
		.at = now,
		.v = scores,
		.n = g->n_marks,
		.finished = last ? now : 0,
	};
	store_review rv;
	store_card sc;
	double sum = 0, draw;
	fsrs_grade grade;

	for (int i = 0; i < g->n_marks; i++) {
		scores[i] = (store_mock_score){ .dimension = g->marks[i].dim,
						.score = g->marks[i].score,
						.evidence = g->marks[i].evidence };
		sum += g->marks[i].score;
	}
	grade = mock_grade(g->n_marks ? sum / g->n_marks : 0, m.covered, m.points);
	if (g->item && g->item->kind == KIND_CODING)
		grade = tally_grade(grade, &g->tests);
	if (g->item) {
		if (next_card(r, g->item, grade, now, &sc, &draw, e) < 0)
			return -1;
		rv = (store_review){
			.item = g->item->id,
			.rev = g->item->rev,
			.at = now,
			.grade = (int)grade,
			.covered = m.covered,
			.points = m.points,
			.seconds = (int)(g->elapsed_ms / 1000),
			.tests_passed = g->tests.ran ? g->tests.passed : 0,
			.tests_total = g->tests.ran ? g->tests.total : 0,
			.draw = draw,
			.source = "mock",
		};
		m.review = &rv;
		m.card = &sc;
	}
	if (store_mock_record(r->st, &m, e) < 0)
		return -1;
	g->scored = true;
	g->covered = m.covered;
	g->points = m.points;
	g->grade = g->item ? (int)grade : 0;
	r->saved = (mock_saved){ .pos = r->cur,
				 .mean = g->n_marks ? sum / g->n_marks : 0,
				 .grade = g->item ? grade : 0,
				 .lapse = g->item && grade == FSRS_AGAIN };
	r->dim = 0;
	if (last) {
		r->finished = now;
		r->stage = MOCK_DONE;
		return 0;
	}
	r->cur++;
	mock_run_clock(r, false);
	return 0;
}

int mock_to_score(mock_round *r, bp_error *e)
{
	if (r->stage != MOCK_POINTS)
		return 0;
	r->stage = MOCK_SCORE;
	r->dim = 0;
	if (mock_dims(r) > 0)
		return 0;
	/* no rubric to score (rubrics.yaml lost it): the key points alone */
	r->seg[r->cur].n_marks = 0;
	if (save_segment(r, e) < 0) {
		r->stage = MOCK_POINTS;
		return -1;
	}
	return 0;
}

int mock_score(mock_round *r, int score, const char *evidence, bp_error *e)
{
	mock_seg *g = &r->seg[r->cur];
	const bp_dimension *d;
	mock_mark *m;

	if (r->stage != MOCK_SCORE || r->dim >= mock_dims(r) || score < 1 || score > 4) {
		bp_error_set(e, "nothing to score");
		return -1;
	}
	d = &g->rubric->dims[r->dim];
	m = &g->marks[r->dim];
	snprintf(m->dim, sizeof(m->dim), "%s", d->id);
	snprintf(m->evidence, sizeof(m->evidence), "%s", evidence ? evidence : "");
	m->score = score;
	if (g->n_marks < r->dim + 1)
		g->n_marks = r->dim + 1;
	if (++r->dim < mock_dims(r))
		return 0;
	if (save_segment(r, e) < 0) {
		r->dim--; /* the last dimension again, everything kept for a retry */
		return -1;
	}
	return 0;
}

void mock_unscore(mock_round *r)
{
	if (r->stage != MOCK_SCORE)
		return;
	if (r->dim > 0)
		r->dim--;
	else
		r->stage = MOCK_POINTS;
}

const mock_saved *mock_last_saved(const mock_round *r)
{
	return &r->saved;
}
