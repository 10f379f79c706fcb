/*
 * mock: timed mock rounds, self-scored. A round follows a template of mocks.yaml: one
 * question per segment, drawn from the packs by area, kind and level, preferring questions
 * not yet used in a mock. Each segment runs a clock (its phases, a twist at its minute,
 * pause), then asks for the key points covered (an incident is walked step by step) and a
 * score of 1-4 with one line of evidence on each dimension of its rubric (rubrics.yaml).
 *
 * A segment's scores are saved in one transaction together with a review of its question
 * (source "mock"), which goes through the scheduler: a question scored poorly is a lapse
 * and comes back soon. A round left midway keeps what was scored and stays unfinished, to be
 * resumed or discarded. Readiness: the last three finished rounds scored 3 or more on every
 * dimension. Never draws; time comes from the clock module.
 */
#ifndef BACKPREP_MOCK_H
#define BACKPREP_MOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "backprep/catalog.h"
#include "backprep/fsrs.h"
#include "backprep/rng.h"
#include "backprep/sched.h"
#include "backprep/scenario.h"
#include "backprep/store.h"
#include "backprep/tally.h"

enum {
	MOCK_MAX_SEGMENTS = 8,
	MOCK_MAX_DIMS = 12,     /* dimensions past these in a rubric are not scored */
	MOCK_MAX_POINTS = 9,    /* key points tickable with the digits */
	MOCK_EVIDENCE_MAX = 240, /* bytes of one line of evidence */
	MOCK_NOTES_MAX = 65536, /* bytes of a segment's notes */
	MOCK_ID_MAX = 64,
	MOCK_TITLE_MAX = 160,
	MOCK_READY_ROUNDS = 3,  /* finished rounds that decide readiness */
	MOCK_READY_SCORE = 3,   /* the score every dimension needs in them */
};

/* Where a round is. */
typedef enum {
	MOCK_RUN,    /* the segment's clock runs (or is paused): prompt, phases, twist, notes */
	MOCK_POINTS, /* clock stopped: key points revealed and ticked, an incident walked */
	MOCK_SCORE,  /* each rubric dimension scored 1-4, with a line of evidence */
	MOCK_DONE,   /* every segment scored: the round is finished */
} mock_stage;

/* One dimension scored. */
typedef struct mock_mark {
	char dim[MOCK_ID_MAX];
	int score; /* 1..4 */
	char evidence[MOCK_EVIDENCE_MAX];
} mock_mark;

/* One segment of a round: what the template asked and what happened. */
typedef struct mock_seg {
	char title[MOCK_TITLE_MAX];
	int minutes;
	const bp_segment *spec;   /* the template's segment (phases, twist); NULL when gone */
	const bp_item *item;      /* the question; NULL when the content no longer has it */
	char item_id[STORE_ID_MAX];
	int rev;
	const bp_rubric *rubric;  /* NULL when rubrics.yaml no longer has it */
	char rubric_id[MOCK_ID_MAX];
	int64_t elapsed_ms;       /* clock time used, as of the last stop */
	bool ended, scored;
	char *notes;              /* never NULL */
	bool ticked[MOCK_MAX_POINTS];
	bool walking;             /* an incident walked step by step */
	scenario_walk walk;
	int covered, points;      /* key points, once scored */
	mock_mark marks[MOCK_MAX_DIMS];
	int n_marks;
	int grade;                /* of the review recorded for it; 0 when none */
	test_tally tests;         /* the last run of a coding question's solution, not saved
				   * until the segment is scored (in its review) */
} mock_seg;

typedef struct mock_round mock_round;

/* BACKPREP_MOCK_SPEED: how many times faster than real time a round's clock runs (1 to
 * 3600; anything else is 1). For rehearsing the flow of a round, and for tests. */
int mock_speed(void);

/*
 * The question for each segment of tpl (out[i]; n_segments of them): an item of the
 * segment's area, kind and level; failing that the nearest level, then any kind but choice
 * or design, then the same kind from another area (not behavioral or recruiter). Among equals, the
 * ones used least often in mocks (used/times, n_used of them; NULL for none), then a draw
 * from rng. No item twice in a round. -1 with e set when a segment has no question at all.
 */
int mock_pick(const catalog *c, const bp_mock *tpl, const char *const *used, const int *times,
	      size_t n_used, bp_rng *rng, const bp_item **out, bp_error *e);

/* Starts a round of tpl: draws its questions, saves it, and starts the first clock. */
mock_round *mock_start(store *st, const catalog *c, const sched *sp, bp_rng *rng,
		       const bp_mock *tpl, bp_error *e);

/* Opens round `id`: an unfinished one at its first unscored segment, its clock paused; a
 * finished one at MOCK_DONE (to read). */
mock_round *mock_open(store *st, const catalog *c, const sched *sp, bp_rng *rng,
		      int64_t id, bp_error *e);

/* Saves the running clock (as mock_leave) and frees. */
void mock_close(mock_round *r);

/* Saves the clock time of the current segment, so that the round can be resumed. */
int mock_leave(mock_round *r, bp_error *e);

/* Removes an unfinished round; the reviews its scored segments recorded stay. */
int mock_discard(store *st, int64_t id, bp_error *e);

int64_t mock_id(const mock_round *r);
const char *mock_title(const mock_round *r);
const bp_mock *mock_template(const mock_round *r); /* NULL when mocks.yaml lost it */
int64_t mock_started(const mock_round *r);
int64_t mock_finished(const mock_round *r); /* 0 while unfinished */
mock_stage mock_stage_of(const mock_round *r);
int mock_count(const mock_round *r);
int mock_current(const mock_round *r); /* the segment being run or scored */
const mock_seg *mock_segment(const mock_round *r, int i);

/*
 * The twist a segment of `minutes` shows for question it: the question's own (its first
 * that falls inside the segment, else its first moved to the same share of the segment),
 * else the template's only when the template marks it `generic: true` (a twist about
 * payments must not land on a contacts API). False when there is none. Pure.
 */
bool mock_twist_for(const bp_segment *spec, const bp_item *it, int minutes, bp_twist *out);

/* The clock of a segment at `elapsed_ms`: time left, the phase and its time left, whether
 * the twist is due. The phases are the question's own when it is a design, else the
 * template's; the twist is mock_twist_for's. Pure. */
typedef struct mock_clock {
	int64_t elapsed_ms;
	int64_t left_ms;       /* negative when over time */
	int phase;             /* 0-based; -1 without phases */
	int n_phases;
	const char *phase_title;
	int64_t phase_left_ms; /* negative in the last phase when over time */
	bp_twist shown;        /* the segment's twist; text NULL without one */
	bool twist;            /* the twist's minute has come */
	bool paused;
} mock_clock;

void mock_clock_at(const bp_segment *spec, const bp_item *it, int minutes, int64_t elapsed_ms,
		   mock_clock *out);

/* The current segment's clock now. */
void mock_clock_of(const mock_round *r, mock_clock *out);

/* Pauses or resumes the clock (saving its time on pause). */
int mock_pause(mock_round *r, bool pause, bp_error *e);
bool mock_paused(const mock_round *r);

/* Keeps the notes of the current segment (cleaned text). */
int mock_set_notes(mock_round *r, const char *notes, bp_error *e);

/* A design while its clock runs: when the clock has reached a later phase than the one on
 * screen, the walk moves on to it (the phases passed show their key points to tick). True
 * when it moved. */
bool mock_follow_phase(mock_round *r);
/* The last run of the current segment's solution (a coding question): the review recorded
 * when the segment is scored keeps its tests, and its grade takes them in (tally_grade). */
void mock_set_tests(mock_round *r, const test_tally *t);

/* An incident: one step on (RUN or POINTS). False when there is nothing to walk. */
bool mock_advance(mock_round *r);

/* Stops the clock and goes on to the key points. */
int mock_end_segment(mock_round *r, bp_error *e);

/* The key points of the current segment (POINTS): for an incident, those of its steps,
 * where the digits tick the latest step's. */
int mock_points(const mock_round *r);
void mock_toggle(mock_round *r, int i);
int mock_covered(const mock_round *r);

/* POINTS -> SCORE, at the first dimension. Without a rubric (rubrics.yaml lost it) the
 * segment is saved at once, on its key points alone; -1 when that save failed. */
int mock_to_score(mock_round *r, bp_error *e);

/* The dimension being scored (SCORE), and how many the rubric has (at most MOCK_MAX_DIMS). */
int mock_dim(const mock_round *r);
int mock_dims(const mock_round *r);

/*
 * Scores the current dimension (1..4) with a line of evidence and goes to the next. After
 * the last one the segment is saved (its scores, and the review of its question) and the
 * next segment's clock starts, or the round is finished. -1 keeps everything for a retry.
 */
int mock_score(mock_round *r, int score, const char *evidence, bp_error *e);

/* Back one dimension, or from the first to the key points. */
void mock_unscore(mock_round *r);

/* What the last save recorded. */
typedef struct mock_saved {
	int pos;          /* the segment; -1 before any */
	double mean;      /* of its scores */
	fsrs_grade grade; /* of the review recorded; 0 when none (the question is gone) */
	bool lapse;
} mock_saved;

const mock_saved *mock_last_saved(const mock_round *r);

/* The grade a segment's question gets: Again (a lapse) when the mean score is under 2.5 or
 * under half the key points were covered; Hard under a mean of 3 or three quarters of the
 * points; else Good. points 0: the rubric alone. */
fsrs_grade mock_grade(double mean, int covered, int points);

/* History: the rounds taken, each dimension's score in each, trends and readiness. */

typedef struct mock_taken {
	int64_t id;
	char tpl[MOCK_ID_MAX], title[MOCK_TITLE_MAX];
	int64_t started, finished; /* finished 0: unfinished */
	int segments, scored;
	double mean; /* of all its scores; 0 without any */
} mock_taken;

typedef struct mock_dimension {
	char rubric[MOCK_ID_MAX], id[MOCK_ID_MAX];
	const char *title;        /* from rubrics.yaml, else the id */
	const char *rubric_title; /* likewise */
} mock_dimension;

typedef struct mock_summary {
	mock_taken *rounds; /* oldest first */
	size_t n_rounds;
	mock_dimension *dims; /* in the order first scored */
	size_t n_dims;
	double *cell; /* [round * n_dims + dim]: the round's mean on it; 0 when not scored */
} mock_summary;

int mock_summary_load(store *st, const catalog *c, mock_summary *s, bp_error *e);
void mock_summary_free(mock_summary *s);
double mock_cell(const mock_summary *s, size_t round, size_t dim);

/* A dimension's scores in the finished rounds that scored it, oldest first; returns how
 * many were written (at most max). */
int mock_trend(const mock_summary *s, size_t dim, double *v, int max);

/* "up", "down", "steady", or "first" for a single score: the last against the mean of the
 * ones before it. */
const char *mock_trend_word(const double *v, int n);

enum { MOCK_MAX_HELD = 32 };

typedef struct mock_ready {
	bool ready;
	int finished; /* finished rounds in all */
	int counted;  /* of them looked at: the last MOCK_READY_ROUNDS */
	size_t held[MOCK_MAX_HELD]; /* dimensions under MOCK_READY_SCORE in those rounds */
	double lowest[MOCK_MAX_HELD];
	int n_held;
} mock_ready;

/* Ready when the last three finished rounds scored 3 or more on every dimension they
 * scored; otherwise which dimensions hold it back (lowest first). Pure. */
void mock_readiness(const mock_summary *s, mock_ready *out);

#endif
