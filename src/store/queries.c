/* queries: every statement the engine runs, prepared once and reused. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_impl.h"

static const char *const sql[ST_COUNT] = {
	[ST_INSERT_REVIEW] = "INSERT INTO review (item, rev, at, grade, covered, points, hints, "
			     "seconds, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
};

sqlite3_stmt *store_stmt(store *st, enum stmt_id id, bp_error *e)
{
	sqlite3_stmt *s = st->stmt[id];

	if (!s) {
		if (sqlite3_prepare_v3(st->db, sql[id], -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) !=
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

	memset(c, 0, sizeof(*c));
	snprintf(c->item, sizeof(c->item), "%s", item ? (const char *)item : "");
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

static int insert_review(store *st, const store_review *r, bp_error *e)
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
	sqlite3_bind_text(s, 9, r->source ? r->source : "drill", -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, e, "could not save the answer:");
}

int store_record(store *st, const store_review *r, const store_card *c, bp_error *e)
{
	sqlite3_stmt *s;
	int rc;

	if (run(st, ST_BEGIN, e, "could not save the answer:") < 0)
		return -1;
	if (insert_review(st, r, e) < 0)
		goto fail;
	if (!(s = store_stmt(st, ST_UPSERT_CARD, e)))
		goto fail;
	bind_card(s, c);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(st, e, "could not save the answer:");
		goto fail;
	}
	if (run(st, ST_COMMIT, e, "could not save the answer:") < 0)
		goto fail;
	return 0;
fail:
	/* The error in e is the one to show; a failing ROLLBACK only means none was open. */
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
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
