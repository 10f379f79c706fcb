/* queries: every statement the engine runs, prepared once and reused. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/clock.h"
#include "store_impl.h"

static const char *const sql[ST_COUNT] = {
	/* day: the local day the answer was given on, kept with it (schema.c) */
	[ST_INSERT_REVIEW] = "INSERT INTO review (item, rev, at, grade, covered, points, hints, "
			     "seconds, draw, source, day, tests_passed, tests_total) "
			     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_UPSERT_CARD] = "INSERT OR REPLACE INTO card (item, rev, state, stability, difficulty, "
			   "due, last_review, introduced, scheduled_days, reps, lapses, step, "
			   "suspended, starred, buried_until) "
			   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_CARDS] = "SELECT item, rev, state, stability, difficulty, due, last_review, introduced, "
		     "scheduled_days, reps, lapses, step, suspended, starred, buried_until "
		     "FROM card",
	[ST_CARD] = "SELECT item, rev, state, stability, difficulty, due, last_review, introduced, "
		    "scheduled_days, reps, lapses, step, suspended, starred, buried_until "
		    "FROM card WHERE item = ?",
	[ST_DAY_ANSWERS] = "SELECT count(*), coalesce(sum(seconds), 0) FROM review "
			   "WHERE at >= ? AND at < ?",
	[ST_DAY_NEW] = "SELECT count(*) FROM card WHERE introduced >= ? AND introduced < ?",
	[ST_SETTING_GET] = "SELECT value FROM setting WHERE key = ?",
	[ST_SETTING_SET] = "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
	[ST_REVIEWS] = "SELECT id, item, rev, at, grade, covered, points, hints, seconds, draw, "
		       "source, tests_passed, tests_total, day FROM review ORDER BY item, at, id",
	[ST_REVIEWS_OF] = "SELECT id, item, rev, at, grade, covered, points, hints, seconds, draw, "
			  "source, tests_passed, tests_total FROM review WHERE item = ? "
			  "ORDER BY at, id",
	[ST_FIRST_REVIEW] = "SELECT min(at) FROM review", /* review_at makes it one seek */
	[ST_REVIEWS_RANGE] = "SELECT id, item, rev, at, grade, covered, points, hints, seconds, "
			     "draw, source, tests_passed, tests_total, day, first FROM review "
			     "WHERE at >= ? AND at < ? ORDER BY at, id",
	/* answers that were not their item's first, for the time estimator; mock segments are
	 * timed as first answers, so they are left out */
	[ST_RECENT_REVIEWS] = "SELECT id, item, rev, at, grade, covered, points, hints, seconds, "
			      "draw, source, tests_passed, tests_total FROM review r "
			      "WHERE source <> 'mock' AND EXISTS "
			      "(SELECT 1 FROM review p WHERE p.item = r.item AND p.rev = r.rev "
			      "AND p.at < r.at) ORDER BY id DESC LIMIT ?",
	[ST_DELETE_REVIEW] = "DELETE FROM review WHERE id = ?",
	[ST_DELETE_CARD] = "DELETE FROM card WHERE item = ?",
	[ST_REVIEW_TWINS] = "SELECT count(*) FROM review WHERE item = ? AND rev = ? AND at = ? "
			    "AND grade = ?",
	[ST_SETTINGS] = "SELECT key, value FROM setting ORDER BY key",
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
};

sqlite3_stmt *store_stmt(store *st, enum stmt_id id, bp_error *e)
{
	sqlite3_stmt *s = st->stmt[id];

	if (!s) {
		const char *text = sql[id]		 ? sql[id]
				   : store_mock_sql(id) ? store_mock_sql(id)
				   : store_stats_sql(id) ? store_stats_sql(id)
							: store_event_sql(id);

		if (sqlite3_prepare_v3(st->db, text, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) !=
		    SQLITE_OK) {
			store_fail(st, e, "cannot prepare a query:");
			return NULL;
		}
		st->stmt[id] = s;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return s;
}

/* Runs a statement that returns no rows. */
static int run(store *st, enum stmt_id id, bp_error *e, const char *doing)
{
	sqlite3_stmt *s = store_stmt(st, id, e);
	int rc;

	if (!s)
		return -1;
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, e, doing);
}

static void bind_card(sqlite3_stmt *s, const store_card *c)
{
	sqlite3_bind_text(s, 1, c->item, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, c->rev);
	sqlite3_bind_int(s, 3, c->state);
	sqlite3_bind_double(s, 4, c->stability);
	sqlite3_bind_double(s, 5, c->difficulty);
	sqlite3_bind_int64(s, 6, c->due);
	sqlite3_bind_int64(s, 7, c->last_review);
	sqlite3_bind_int64(s, 8, c->introduced);
	sqlite3_bind_int(s, 9, c->scheduled_days);
	sqlite3_bind_int(s, 10, c->reps);
	sqlite3_bind_int(s, 11, c->lapses);
	sqlite3_bind_int(s, 12, c->step);
	sqlite3_bind_int(s, 13, c->suspended);
	sqlite3_bind_int(s, 14, c->starred);
	sqlite3_bind_int64(s, 15, c->buried_until);
}

static void read_card(sqlite3_stmt *s, store_card *c)
{
	const unsigned char *item = sqlite3_column_text(s, 0);
	int n = item ? sqlite3_column_bytes(s, 0) : 0;

	/* memcpy, not snprintf: Today reads every card, and this is its inner loop */
	memset(c, 0, sizeof(*c));
	if (n >= (int)sizeof(c->item))
		n = (int)sizeof(c->item) - 1;
	if (n > 0)
		memcpy(c->item, item, (size_t)n);
	c->rev = sqlite3_column_int(s, 1);
	c->state = sqlite3_column_int(s, 2);
	c->stability = sqlite3_column_double(s, 3);
	c->difficulty = sqlite3_column_double(s, 4);
	c->due = sqlite3_column_int64(s, 5);
	c->last_review = sqlite3_column_int64(s, 6);
	c->introduced = sqlite3_column_int64(s, 7);
	c->scheduled_days = sqlite3_column_int(s, 8);
	c->reps = sqlite3_column_int(s, 9);
	c->lapses = sqlite3_column_int(s, 10);
	c->step = sqlite3_column_int(s, 11);
	c->suspended = sqlite3_column_int(s, 12) != 0;
	c->starred = sqlite3_column_int(s, 13) != 0;
	c->buried_until = sqlite3_column_int64(s, 14);
}

/* doing: what the message names when it fails ("could not save the answer:") */
static int insert_review(store *st, store_review *r, const char *doing, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_INSERT_REVIEW, e);
	int rc;

	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, r->item, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, r->rev);
	sqlite3_bind_int64(s, 3, r->at);
	sqlite3_bind_int(s, 4, r->grade);
	sqlite3_bind_int(s, 5, r->covered);
	sqlite3_bind_int(s, 6, r->points);
	sqlite3_bind_int(s, 7, r->hints);
	sqlite3_bind_int(s, 8, r->seconds);
	if (r->draw >= 0)
		sqlite3_bind_double(s, 9, r->draw);
	else
		sqlite3_bind_null(s, 9);
	sqlite3_bind_text(s, 10, r->source ? r->source : "drill", -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 11, r->day ? r->day : clock_local_day(r->at));
	sqlite3_bind_int(s, 12, r->tests_passed);
	sqlite3_bind_int(s, 13, r->tests_total);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, e, doing);
	r->id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

int store_review_append(store *st, store_review *r, bp_error *e)
{
	return insert_review(st, r, "could not save the answer:", e);
}

static int put_card(store *st, const store_card *c, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_UPSERT_CARD, e);
	int rc;

	if (!s)
		return -1;
	bind_card(s, c);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, e, "could not save:");
}

/* Runs a statement with one bound value (text or integer) and no result rows. */
static int run_one(store *st, enum stmt_id id, const char *text, int64_t num, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, id, e);
	int rc;

	if (!s)
		return -1;
	if (text)
		sqlite3_bind_text(s, 1, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(s, 1, num);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, e, "could not save:");
}

int store_begin(store *st, bp_error *e)
{
	return run(st, ST_BEGIN, e, "could not start a transaction:");
}

int store_commit(store *st, bp_error *e)
{
	return run(st, ST_COMMIT, e, "could not save:");
}

void store_rollback(store *st)
{
	/* A failing ROLLBACK only means none was open. */
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

int store_card_put(store *st, const store_card *c, bp_error *e)
{
	return put_card(st, c, e);
}

int store_undo(store *st, int64_t id, const char *item, const store_card *prev, bp_error *e)
{
	return store_undo_row(st, ST_DELETE_REVIEW, id, item, prev, e);
}

int store_undo_row(store *st, enum stmt_id del, int64_t id, const char *item,
		   const store_card *prev, bp_error *e)
{
	if (store_begin(st, e) < 0)
		return -1;
	if (run_one(st, del, NULL, id, e) < 0 ||
	    (prev ? put_card(st, prev, e) : run_one(st, ST_DELETE_CARD, item, 0, e)) < 0 ||
	    store_commit(st, e) < 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

int store_record(store *st, store_review *r, const store_card *c, bp_error *e)
{
	if (run(st, ST_BEGIN, e, "could not save the answer:") < 0)
		return -1;
	if (insert_review(st, r, "could not save the answer:", e) < 0)
		goto fail;
	if (put_card(st, c, e) < 0)
		goto fail;
	if (run(st, ST_COMMIT, e, "could not save the answer:") < 0)
		goto fail;
	return 0;
fail:
	store_rollback(st); /* the error in e is the one to show */
	return -1;
}

/* Steps a review query that is prepared and bound, calling fn for each row. */
static int each_review(store *st, sqlite3_stmt *s, store_review_fn fn, void *ctx, bp_error *e)
{
	int rc, stop = 0;

	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *src = sqlite3_column_text(s, 10);
		store_review r = {
			.id = sqlite3_column_int64(s, 0),
			.item = (const char *)sqlite3_column_text(s, 1),
			.rev = sqlite3_column_int(s, 2),
			.at = sqlite3_column_int64(s, 3),
			.grade = sqlite3_column_int(s, 4),
			.covered = sqlite3_column_int(s, 5),
			.points = sqlite3_column_int(s, 6),
			.hints = sqlite3_column_int(s, 7),
			.seconds = sqlite3_column_int(s, 8),
			.draw = sqlite3_column_type(s, 9) == SQLITE_NULL ? -1.0
									: sqlite3_column_double(s, 9),
			.source = src ? (const char *)src : "drill",
			.tests_passed = sqlite3_column_int(s, 11),
			.tests_total = sqlite3_column_int(s, 12),
			/* the statements that read them select them last */
			.day = sqlite3_column_count(s) > 13 ? sqlite3_column_int64(s, 13) : 0,
			.first = sqlite3_column_count(s) > 14 && sqlite3_column_int(s, 14),
		};

		if (!r.item)
			r.item = "";
		stop = fn(ctx, &r);
	}
	if (stop) {
		sqlite3_reset(s);
		return 0;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, e, "cannot read the review log:");
}

int store_reviews(store *st, const char *item, store_review_fn fn, void *ctx, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, item ? ST_REVIEWS_OF : ST_REVIEWS, e);

	if (!s)
		return -1;
	if (item)
		sqlite3_bind_text(s, 1, item, -1, SQLITE_STATIC);
	return each_review(st, s, fn, ctx, e);
}

int store_reviews_range(store *st, int64_t from, int64_t to, store_review_fn fn, void *ctx,
			bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_REVIEWS_RANGE, e);

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, from);
	sqlite3_bind_int64(s, 2, to);
	return each_review(st, s, fn, ctx, e);
}

int store_recent_reviews(store *st, int limit, store_review_fn fn, void *ctx, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_RECENT_REVIEWS, e);

	if (!s)
		return -1;
	sqlite3_bind_int(s, 1, limit);
	return each_review(st, s, fn, ctx, e);
}

int store_review_twins(store *st, const store_review *r, size_t *n, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_REVIEW_TWINS, e);
	int rc;

	*n = 0;
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, r->item, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, r->rev);
	sqlite3_bind_int64(s, 3, r->at);
	sqlite3_bind_int(s, 4, r->grade);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*n = (size_t)sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_fail(st, e, "cannot read the review log:");
}

int store_review_import(store *st, const store_review *r, bp_error *e)
{
	store_review copy = *r;

	return insert_review(st, &copy, "could not import a review:", e);
}

/* Collects the rows of a check PRAGMA into report; returns how many problems it found. */
static int check_rows(store *st, const char *pragma, bool ok_row, char *report, size_t n,
		      size_t *used, bp_error *e)
{
	sqlite3_stmt *s;
	int rc, found = 0;

	if (sqlite3_prepare_v2(st->db, pragma, -1, &s, NULL) != SQLITE_OK)
		return store_fail(st, e, "cannot check:");
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);

		if (ok_row && t && strcmp(t, "ok") == 0)
			continue;
		found++;
		if (*used < n)
			*used += (size_t)snprintf(report + *used, n - *used, "%s%s", *used ? "; " : "",
						  t ? t : "?");
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, e, "cannot check:");
	return found;
}

int store_check(store *st, char *report, size_t n, bp_error *e)
{
	size_t used = 0;
	int a, b;

	report[0] = '\0';
	a = check_rows(st, "PRAGMA quick_check", true, report, n, &used, e);
	if (a < 0)
		return -1;
	b = check_rows(st, "PRAGMA foreign_key_check", false, report, n, &used, e);
	if (b < 0)
		return -1;
	return a + b == 0;
}

int store_cards(store *st, store_card **out, size_t *n, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_CARDS, e);
	store_card *v = NULL;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			store_card *nv = realloc(v, (cap = cap ? cap * 2 : 256) * sizeof(*v));

			if (!nv) {
				free(v);
				sqlite3_reset(s);
				bp_error_set(e, "out of memory");
				return -1;
			}
			v = nv;
		}
		read_card(s, &v[(*n)++]);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(v);
		*n = 0;
		return store_fail(st, e, "cannot read cards:");
	}
	*out = v;
	return 0;
}

int store_card_get(store *st, const char *item, store_card *out, bool *found, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_CARD, e);
	int rc;

	*found = false;
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, item, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_card(s, out);
		*found = true;
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, e, "cannot read a card:");
}

int store_day_stats(store *st, int64_t from, int64_t to, store_day *out, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_DAY_ANSWERS, e);
	int rc;

	memset(out, 0, sizeof(*out));
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, from);
	sqlite3_bind_int64(s, 2, to);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		out->answers = sqlite3_column_int(s, 0);
		out->seconds = sqlite3_column_int(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW || !(s = store_stmt(st, ST_DAY_NEW, e)))
		return rc != SQLITE_ROW ? store_fail(st, e, "cannot read today's answers:") : -1;
	sqlite3_bind_int64(s, 1, from);
	sqlite3_bind_int64(s, 2, to);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		out->new_items = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_fail(st, e, "cannot read today's answers:");
}

int store_setting_get(store *st, const char *key, char *buf, size_t n, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_SETTING_GET, e);
	int rc, found = 0;

	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const unsigned char *v = sqlite3_column_text(s, 0);

		snprintf(buf, n, "%s", v ? (const char *)v : "");
		found = 1;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, e, "cannot read a setting:");
	return found;
}

int store_setting_set(store *st, const char *key, const char *value, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_SETTING_SET, e);
	int rc;

	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, e, "cannot save a setting:");
}

int store_settings(store *st, store_setting_fn fn, void *ctx, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_SETTINGS, e);
	int rc, stop = 0;

	if (!s)
		return -1;
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *k = sqlite3_column_text(s, 0), *v = sqlite3_column_text(s, 1);

		stop = fn(ctx, k ? (const char *)k : "", v ? (const char *)v : "");
	}
	sqlite3_reset(s);
	return stop || rc == SQLITE_DONE ? 0 : store_fail(st, e, "cannot read the settings:");
}

int store_first_review(store *st, int64_t *at, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_FIRST_REVIEW, e);
	int rc, any = 0;

	if (!s)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL) {
		*at = sqlite3_column_int64(s, 0);
		any = 1;
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? any : store_fail(st, e, "cannot read the review log:");
}
