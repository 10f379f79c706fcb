/* mock_import: mock rounds added as an import brings them, with their ids and scores. */
#include <stdlib.h>
#include <string.h>

#include "backprep/store_mock.h"
#include "store_impl.h"

/* 1 when the database has this round (store_mock_put), 0 when not. */
static int same_round(store *st, const store_mock_import *r, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_MOCK_SAME, e);
	char *items;
	size_t n = 1;
	int rc;

	if (!s)
		return -1;
	for (int i = 0; i < r->n_segs; i++)
		n += strlen(r->segs[i].item) + 1;
	if (!(items = malloc(n))) {
		bp_error_set(e, "out of memory");
		return -1;
	}
	items[0] = '\0';
	for (int i = 0; i < r->n_segs; i++) /* item ids hold no spaces */
		strcat(strcat(items, i ? " " : ""), r->segs[i].item);
	sqlite3_bind_text(s, 1, r->tpl, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, r->started);
	sqlite3_bind_text(s, 3, items, -1, SQLITE_TRANSIENT);
	free(items);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, e, "cannot read the mock rounds:");
	return rc == SQLITE_ROW;
}

static int id_taken(store *st, int64_t id, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_MOCK_ID_TAKEN, e);
	int rc, taken;

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	taken = rc == SQLITE_ROW && sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? taken : store_fail(st, e, "cannot read the mock rounds:");
}

/* 0 is "not yet" (not scored, not finished), which the tables keep as NULL. */
static void bind_or_null(sqlite3_stmt *s, int col, int64_t v)
{
	if (v)
		sqlite3_bind_int64(s, col, v);
	else
		sqlite3_bind_null(s, col);
}

static int put_segment(store *st, int64_t round, const store_mock_segment *g, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_MOCK_SEGMENT_PUT, e);

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, round);
	sqlite3_bind_int(s, 2, g->pos);
	sqlite3_bind_text(s, 3, g->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, g->item, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 5, g->rev);
	sqlite3_bind_text(s, 6, g->rubric, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 7, g->minutes);
	sqlite3_bind_int64(s, 8, g->elapsed_ms);
	sqlite3_bind_int(s, 9, g->ended);
	sqlite3_bind_int(s, 10, g->covered);
	sqlite3_bind_int(s, 11, g->points);
	sqlite3_bind_text(s, 12, g->notes ? g->notes : "", -1, SQLITE_STATIC);
	bind_or_null(s, 13, g->scored);
	bind_or_null(s, 14, g->grade);
	return store_done(st, s, e, "could not import a mock round:");
}

static int put_score(store *st, int64_t round, const store_mock_score *v, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_MOCK_SCORE_PUT, e);

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, round);
	sqlite3_bind_int(s, 2, v->pos);
	sqlite3_bind_text(s, 3, v->dimension, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 4, v->score);
	sqlite3_bind_text(s, 5, v->evidence ? v->evidence : "", -1, SQLITE_STATIC);
	return store_done(st, s, e, "could not import a mock round:");
}

int store_mock_put(store *st, const store_mock_import *r, bp_error *e)
{
	sqlite3_stmt *s;
	int64_t id;
	int rc;

	if ((rc = same_round(st, r, e)) != 0)
		return rc < 0 ? -1 : 0;
	if ((rc = id_taken(st, r->id, e)) < 0 || !(s = store_stmt(st, ST_MOCK_ROUND_PUT, e)))
		return -1;
	if (rc) /* another round has its number here: it gets the next one */
		sqlite3_bind_null(s, 1);
	else
		sqlite3_bind_int64(s, 1, r->id);
	sqlite3_bind_text(s, 2, r->tpl, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, r->title, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, r->started);
	bind_or_null(s, 5, r->finished);
	if (store_done(st, s, e, "could not import a mock round:") < 0)
		return -1;
	id = sqlite3_last_insert_rowid(st->db);
	for (int i = 0; i < r->n_segs; i++)
		if (put_segment(st, id, &r->segs[i], e) < 0)
			return -1;
	for (int i = 0; i < r->n_scores; i++)
		if (put_score(st, id, &r->scores[i], e) < 0)
			return -1;
	return 1;
}
