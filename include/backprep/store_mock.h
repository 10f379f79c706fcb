/*
 * store_mock: the mock rounds in the progress file (src/store/mocks.c). A round has one row
 * per segment (the question drawn, the clock time used, the notes, the key points covered)
 * and one row per rubric dimension scored, with its line of evidence. A segment's scores are
 * saved in one transaction with the review of its question. Strings handed to callbacks live
 * only during the call. Never parses YAML, never draws.
 */
#ifndef BACKPREP_STORE_MOCK_H
#define BACKPREP_STORE_MOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "backprep/store.h"

typedef struct store_mock_round {
	int64_t id;
	const char *tpl, *title; /* the template's id and title when it was taken */
	int64_t started;         /* Unix seconds */
	int64_t finished;        /* 0 while unfinished */
	int segments, scored;    /* how many segments, and how many of them are scored */
} store_mock_round;

typedef struct store_mock_segment {
	int pos; /* 0-based, as in the template */
	const char *title, *item, *rubric;
	int rev, minutes;
	int64_t elapsed_ms; /* clock time used */
	bool ended;         /* the clock was stopped for scoring */
	int covered, points;
	const char *notes;
	int64_t scored; /* when its scores were saved; 0 before */
	int grade;      /* of the review recorded for it; 0 when none */
} store_mock_segment;

typedef struct store_mock_score {
	int64_t round;
	int pos;
	const char *rubric, *dimension;
	int score; /* 1..4 */
	const char *evidence;
} store_mock_score;

typedef int (*store_mock_round_fn)(void *ctx, const store_mock_round *r);
typedef int (*store_mock_segment_fn)(void *ctx, const store_mock_segment *g);
typedef int (*store_mock_score_fn)(void *ctx, const store_mock_score *s);
typedef int (*store_mock_use_fn)(void *ctx, const char *item, int times);

/* Every round, oldest first (id 0), or only round `id`. fn returns nonzero to stop. */
int store_mock_rounds(store *st, int64_t id, store_mock_round_fn fn, void *ctx, bp_error *e);

/* The segments of a round, in order. */
int store_mock_segments(store *st, int64_t round, store_mock_segment_fn fn, void *ctx,
			bp_error *e);

/* The scores of a round (round > 0), or of every round (0), by round, segment, dimension
 * (in the order they were scored). */
int store_mock_scores(store *st, int64_t round, store_mock_score_fn fn, void *ctx,
		      bp_error *e);

/* Each item used in a mock round, with how many times. */
int store_mock_used(store *st, store_mock_use_fn fn, void *ctx, bp_error *e);

/* A new round and its segments (title, item, rev, rubric, minutes of each), in one
 * transaction; *id is the round's. */
int store_mock_create(store *st, const char *tpl, const char *title, int64_t started,
		      const store_mock_segment *segs, int n, int64_t *id, bp_error *e);

/* The clock time a segment has used, and whether it was stopped for scoring. */
int store_mock_elapsed(store *st, int64_t round, int pos, int64_t elapsed_ms, bool ended,
		       bp_error *e);

int store_mock_notes(store *st, int64_t round, int pos, const char *notes, bp_error *e);

/* What scoring a segment writes (store_mock_record), in one transaction. */
typedef struct store_mock_scoring {
	int64_t round;
	int pos;
	int covered, points;
	int64_t at;                    /* when it was scored */
	const store_mock_score *v;     /* the dimensions scored (round, pos and rubric unused) */
	int n;
	store_review *review;          /* the review of its question (r->id is set), or NULL */
	const store_card *card;        /* and the card it leaves; with review only */
	int64_t finished;              /* > 0: the round ends now, at this time */
} store_mock_scoring;

int store_mock_record(store *st, const store_mock_scoring *s, bp_error *e);

/* A round as import adds it: what export wrote of it. */
typedef struct store_mock_import {
	int64_t id; /* its id where it was exported */
	const char *tpl, *title;
	int64_t started, finished; /* finished: 0 while unfinished */
	const store_mock_segment *segs; /* in order, pos 0 to n_segs - 1 */
	int n_segs;
	const store_mock_score *scores; /* .pos says whose; in the order they were scored */
	int n_scores;
} store_mock_import;

/*
 * Adds a round inside the caller's transaction (import), unless the database has a round of
 * the same template, started at the same second, that drew the same questions: that is the
 * same round, kept as it is. The
 * round keeps its id when the database has no round of that id. A scored segment is linked
 * to the mock review of its question at the time it was scored. 1 when added, 0 when present.
 */
int store_mock_put(store *st, const store_mock_import *r, bp_error *e);

/* Removes a round with its segments and scores; the reviews it recorded stay in the log. */
int store_mock_discard(store *st, int64_t round, bp_error *e);

#endif
