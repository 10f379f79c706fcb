/* events: the statements of the event log (flags and resets), prepared once and reused. */
#include <stdio.h>
#include <string.h>

#include "store_impl.h"

#define EVENT_COLS "SELECT id, item, at, kind, until FROM event "

static const char *const event_sql[ST_COUNT] = {
    [ST_EVENT_NEW] = "INSERT INTO event (item, at, kind, until) VALUES (?, ?, ?, ?)",
    [ST_EVENTS] = EVENT_COLS "ORDER BY item, at, id",
    [ST_EVENTS_OF] = EVENT_COLS "WHERE item = ? ORDER BY at, id",
    [ST_EVENT_TWINS] = "SELECT count(*) FROM event WHERE item = ? AND at = ? AND kind = ? "
                       "AND until = ?",
    [ST_DELETE_EVENT] = "DELETE FROM event WHERE id = ?",
};

const char *store_event_sql(enum stmt_id id)
{
	return (unsigned)id < ST_COUNT ? event_sql[id] : NULL;
}

static void bind_event(sqlite3_stmt *s, const store_event *ev)
{
	sqlite3_bind_text(s, 1, ev->item, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, ev->at);
	sqlite3_bind_text(s, 3, ev->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, ev->until);
}

int store_event_append(store *st, store_event *ev, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_EVENT_NEW, e);
	int rc;

	if (!s)
		return -1;
	bind_event(s, ev);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, e, "could not save:");
	ev->id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

int store_event_undo(store *st, int64_t id, const char *item, const store_card *prev, bp_error *e)
{
	return store_undo_row(st, ST_DELETE_EVENT, id, item, prev, e);
}

int store_events(store *st, const char *item, store_event_fn fn, void *ctx, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, item ? ST_EVENTS_OF : ST_EVENTS, e);
	int rc, stop = 0;

	if (!s)
		return -1;
	if (item)
		sqlite3_bind_text(s, 1, item, -1, SQLITE_STATIC);
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *it = sqlite3_column_text(s, 1),
		                    *kind = sqlite3_column_text(s, 3);
		store_event ev = {
		    .id = sqlite3_column_int64(s, 0),
		    .item = it ? (const char *)it : "",
		    .at = sqlite3_column_int64(s, 2),
		    .kind = kind ? (const char *)kind : "",
		    .until = sqlite3_column_int64(s, 4),
		};

		stop = fn(ctx, &ev);
	}
	sqlite3_reset(s);
	return stop || rc == SQLITE_DONE ? 0 : store_fail(st, e, "cannot read the event log:");
}

int store_event_twins(store *st, const store_event *ev, size_t *n, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_EVENT_TWINS, e);
	int rc;

	*n = 0;
	if (!s)
		return -1;
	bind_event(s, ev);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*n = (size_t)sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_fail(st, e, "cannot read the event log:");
}
