/* mocks: the statements of mock rounds (rounds, segments, scores), prepared once and reused. */
#include <stdio.h>
#include <string.h>

#include "backprep/store_mock.h"
#include "store_impl.h"

#define ROUND_COLS                                                                                 \
	"SELECT r.id, r.template, r.title, r.started, coalesce(r.finished, 0), "                   \
	"(SELECT count(*) FROM mock_segment g WHERE g.round = r.id), "                             \
	"(SELECT count(*) FROM mock_segment g WHERE g.round = r.id AND g.scored IS NOT NULL) "     \
	"FROM mock_round r "

#define SCORE_COLS                                                                                 \
	"SELECT s.round, s.pos, g.rubric, s.dimension, s.score, s.evidence "                       \
	"FROM mock_score s JOIN mock_segment g ON g.round = s.round AND g.pos = s.pos "

static const char *const mock_sql[ST_COUNT] = {
	[ST_MOCK_ROUND_NEW] = "INSERT INTO mock_round (template, title, started) VALUES (?, ?, ?)",
	[ST_MOCK_SEGMENT_NEW] = "INSERT INTO mock_segment (round, pos, title, item, rev, rubric, "
				"minutes) VALUES (?, ?, ?, ?, ?, ?, ?)",
	[ST_MOCK_ROUNDS] = ROUND_COLS "ORDER BY r.started, r.id",
	[ST_MOCK_ROUND] = ROUND_COLS "WHERE r.id = ?",
	[ST_MOCK_SEGMENTS] = "SELECT pos, title, item, rev, rubric, minutes, elapsed_ms, ended, "
			     "covered, points, notes, coalesce(scored, 0), coalesce(grade, 0) "
			     "FROM mock_segment WHERE round = ? ORDER BY pos",
	/* rowid order within a segment is the order the dimensions were scored in */
	[ST_MOCK_SCORES] = SCORE_COLS "WHERE s.round = ? ORDER BY s.round, s.pos, s.rowid",
	[ST_MOCK_SCORES_ALL] = SCORE_COLS "ORDER BY s.round, s.pos, s.rowid",
	[ST_MOCK_USED] = "SELECT item, count(*) FROM mock_segment GROUP BY item",
	[ST_MOCK_ELAPSED] = "UPDATE mock_segment SET elapsed_ms = ?, ended = ? "
			    "WHERE round = ? AND pos = ?",
	[ST_MOCK_NOTES] = "UPDATE mock_segment SET notes = ? WHERE round = ? AND pos = ?",
	[ST_MOCK_SCORE_NEW] = "INSERT OR REPLACE INTO mock_score (round, pos, dimension, score, "
			      "evidence) VALUES (?, ?, ?, ?, ?)",
	[ST_MOCK_SEGMENT_SCORED] = "UPDATE mock_segment SET covered = ?, points = ?, scored = ?, "
				   "grade = ?, review = ?, ended = 1 WHERE round = ? AND pos = ?",
	[ST_MOCK_ROUND_FINISHED] = "UPDATE mock_round SET finished = ? WHERE id = ?",
	[ST_MOCK_DISCARD] = "DELETE FROM mock_round WHERE id = ?",
	/* the same round: its template, its start to the second and the questions it drew */
	[ST_MOCK_SAME] = "SELECT id FROM mock_round r WHERE template = ? AND started = ? AND "
			 "(SELECT group_concat(item, ' ') FROM (SELECT item FROM mock_segment "
			 "WHERE round = r.id ORDER BY pos)) IS ?",
	[ST_MOCK_ID_TAKEN] = "SELECT EXISTS (SELECT 1 FROM mock_round WHERE id = ?)",
	[ST_MOCK_ROUND_PUT] = "INSERT INTO mock_round (id, template, title, started, finished) "
			      "VALUES (?, ?, ?, ?, ?)",
	/* the review a scored segment recorded is the log's mock answer to its question at
	 * the time it was scored, with its grade */
	[ST_MOCK_SEGMENT_PUT] = "INSERT INTO mock_segment (round, pos, title, item, rev, rubric, "
				"minutes, elapsed_ms, ended, covered, points, notes, scored, grade, "
				"review) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
				"?13, ?14, (SELECT id FROM review WHERE item = ?4 AND rev = ?5 AND "
				"at = ?13 AND grade = ?14 AND source = 'mock' ORDER BY id LIMIT 1))",
	[ST_MOCK_SCORE_PUT] = "INSERT INTO mock_score (round, pos, dimension, score, evidence) "
			      "VALUES (?, ?, ?, ?, ?)",
};

const char *store_mock_sql(enum stmt_id id)
{
	return (unsigned)id < ST_COUNT ? mock_sql[id] : NULL;
}

static const char *text(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);

	return t ? (const char *)t : "";
}

int store_done(store *st, sqlite3_stmt *s, bp_error *e, const char *doing)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, e, doing);
}

/* A caller's callback, of one of the types in store_mock.h, and its context. */
typedef struct callback {
	union {
		store_mock_round_fn round;
		store_mock_segment_fn segment;
		store_mock_score_fn score;
		store_mock_use_fn use;
	} fn;
	void *ctx;
} callback;

/* Steps a query, calling row for each result row until it returns nonzero. */
static int each_row(store *st, sqlite3_stmt *s, int (*row)(sqlite3_stmt *, const callback *),
		    const callback *cb, bp_error *e, const char *doing)
{
	int rc, stop = 0;

	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW)
		stop = row(s, cb);
	sqlite3_reset(s);
	if (stop)
		return 0;
	return rc == SQLITE_DONE ? 0 : store_fail(st, e, doing);
}

static int round_row(sqlite3_stmt *s, const callback *cb)
{
	store_mock_round r = {
		.id = sqlite3_column_int64(s, 0),
		.tpl = text(s, 1),
		.title = text(s, 2),
		.started = sqlite3_column_int64(s, 3),
		.finished = sqlite3_column_int64(s, 4),
		.segments = sqlite3_column_int(s, 5),
		.scored = sqlite3_column_int(s, 6),
	};

	return cb->fn.round(cb->ctx, &r);
}

int store_mock_rounds(store *st, int64_t id, store_mock_round_fn fn, void *ctx, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, id ? ST_MOCK_ROUND : ST_MOCK_ROUNDS, e);
	callback cb = { .fn.round = fn, .ctx = ctx };

	if (!s)
		return -1;
	if (id)
		sqlite3_bind_int64(s, 1, id);
	return each_row(st, s, round_row, &cb, e, "cannot read the mock rounds:");
}

static int segment_row(sqlite3_stmt *s, const callback *cb)
{
	store_mock_segment g = {
		.pos = sqlite3_column_int(s, 0),
		.title = text(s, 1),
		.item = text(s, 2),
		.rev = sqlite3_column_int(s, 3),
		.rubric = text(s, 4),
		.minutes = sqlite3_column_int(s, 5),
		.elapsed_ms = sqlite3_column_int64(s, 6),
		.ended = sqlite3_column_int(s, 7) != 0,
		.covered = sqlite3_column_int(s, 8),
		.points = sqlite3_column_int(s, 9),
		.notes = text(s, 10),
		.scored = sqlite3_column_int64(s, 11),
		.grade = sqlite3_column_int(s, 12),
	};

	return cb->fn.segment(cb->ctx, &g);
}

int store_mock_segments(store *st, int64_t round, store_mock_segment_fn fn, void *ctx,
			bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_MOCK_SEGMENTS, e);
	callback cb = { .fn.segment = fn, .ctx = ctx };

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, round);
	return each_row(st, s, segment_row, &cb, e, "cannot read a mock round:");
}

static int score_row(sqlite3_stmt *s, const callback *cb)
{
	store_mock_score r = {
		.round = sqlite3_column_int64(s, 0),
		.pos = sqlite3_column_int(s, 1),
		.rubric = text(s, 2),
		.dimension = text(s, 3),
		.score = sqlite3_column_int(s, 4),
		.evidence = text(s, 5),
	};

	return cb->fn.score(cb->ctx, &r);
}

int store_mock_scores(store *st, int64_t round, store_mock_score_fn fn, void *ctx, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, round ? ST_MOCK_SCORES : ST_MOCK_SCORES_ALL, e);
	callback cb = { .fn.score = fn, .ctx = ctx };

	if (!s)
		return -1;
	if (round)
		sqlite3_bind_int64(s, 1, round);
	return each_row(st, s, score_row, &cb, e, "cannot read mock scores:");
}

static int use_row(sqlite3_stmt *s, const callback *cb)
{
	return cb->fn.use(cb->ctx, text(s, 0), sqlite3_column_int(s, 1));
}

int store_mock_used(store *st, store_mock_use_fn fn, void *ctx, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_MOCK_USED, e);
	callback cb = { .fn.use = fn, .ctx = ctx };

	if (!s)
		return -1;
	return each_row(st, s, use_row, &cb, e, "cannot read the mock rounds:");
}

/* Runs `body` inside BEGIN IMMEDIATE ... COMMIT; rolls back when anything fails. */
static int in_transaction(store *st, int (*body)(store *, const void *, void *, bp_error *),
			  const void *in, void *out, bp_error *e)
{
	if (store_begin(st, e) < 0)
		return -1;
	if (body(st, in, out, e) < 0 || store_commit(st, e) < 0) {
		store_rollback(st); /* the error in e is the one to show */
		return -1;
	}
	return 0;
}

typedef struct new_round {
	const char *tpl, *title;
	int64_t started;
	const store_mock_segment *segs;
	int n;
} new_round;

static int create(store *st, const void *in, void *out, bp_error *e)
{
	const new_round *r = in;
	int64_t *id = out;
	sqlite3_stmt *s = store_stmt(st, ST_MOCK_ROUND_NEW, e);

	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, r->tpl, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, r->title, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, r->started);
	if (store_done(st, s, e, "could not save the round:") < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(st->db);
	for (int i = 0; i < r->n; i++) {
		const store_mock_segment *g = &r->segs[i];

		if (!(s = store_stmt(st, ST_MOCK_SEGMENT_NEW, e)))
			return -1;
		sqlite3_bind_int64(s, 1, *id);
		sqlite3_bind_int(s, 2, i);
		sqlite3_bind_text(s, 3, g->title, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, g->item, -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 5, g->rev);
		sqlite3_bind_text(s, 6, g->rubric, -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 7, g->minutes);
		if (store_done(st, s, e, "could not save the round:") < 0)
			return -1;
	}
	return 0;
}

int store_mock_create(store *st, const char *tpl, const char *title, int64_t started,
		      const store_mock_segment *segs, int n, int64_t *id, bp_error *e)
{
	new_round r = { tpl, title, started, segs, n };

	return in_transaction(st, create, &r, id, e);
}

int store_mock_elapsed(store *st, int64_t round, int pos, int64_t elapsed_ms, bool ended,
		       bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_MOCK_ELAPSED, e);

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, elapsed_ms);
	sqlite3_bind_int(s, 2, ended);
	sqlite3_bind_int64(s, 3, round);
	sqlite3_bind_int(s, 4, pos);
	return store_done(st, s, e, "could not save the round's clock:");
}

int store_mock_notes(store *st, int64_t round, int pos, const char *notes, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_MOCK_NOTES, e);

	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, notes, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, round);
	sqlite3_bind_int(s, 3, pos);
	return store_done(st, s, e, "could not save the notes:");
}

static int score(store *st, const void *in, void *out, bp_error *e)
{
	const store_mock_scoring *m = in;
	sqlite3_stmt *s;

	(void)out;
	for (int i = 0; i < m->n; i++) {
		if (!(s = store_stmt(st, ST_MOCK_SCORE_NEW, e)))
			return -1;
		sqlite3_bind_int64(s, 1, m->round);
		sqlite3_bind_int(s, 2, m->pos);
		sqlite3_bind_text(s, 3, m->v[i].dimension, -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 4, m->v[i].score);
		sqlite3_bind_text(s, 5, m->v[i].evidence ? m->v[i].evidence : "", -1, SQLITE_STATIC);
		if (store_done(st, s, e, "could not save the scores:") < 0)
			return -1;
	}
	if (m->review && (store_review_append(st, m->review, e) < 0 ||
			  store_card_put(st, m->card, e) < 0))
		return -1;
	if (!(s = store_stmt(st, ST_MOCK_SEGMENT_SCORED, e)))
		return -1;
	sqlite3_bind_int(s, 1, m->covered);
	sqlite3_bind_int(s, 2, m->points);
	sqlite3_bind_int64(s, 3, m->at);
	if (m->review) {
		sqlite3_bind_int(s, 4, m->review->grade);
		sqlite3_bind_int64(s, 5, m->review->id);
	} else {
		sqlite3_bind_null(s, 4);
		sqlite3_bind_null(s, 5);
	}
	sqlite3_bind_int64(s, 6, m->round);
	sqlite3_bind_int(s, 7, m->pos);
	if (store_done(st, s, e, "could not save the scores:") < 0)
		return -1;
	if (m->finished <= 0)
		return 0;
	if (!(s = store_stmt(st, ST_MOCK_ROUND_FINISHED, e)))
		return -1;
	sqlite3_bind_int64(s, 1, m->finished);
	sqlite3_bind_int64(s, 2, m->round);
	return store_done(st, s, e, "could not save the round:");
}

int store_mock_record(store *st, const store_mock_scoring *m, bp_error *e)
{
	return in_transaction(st, score, m, NULL, e);
}

int store_mock_discard(store *st, int64_t round, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_MOCK_DISCARD, e);

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, round);
	return store_done(st, s, e, "could not discard the round:");
}
