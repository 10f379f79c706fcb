/* The store's insides, shared by src/store files. Private to src/store. */
#ifndef BACKPREP_STORE_IMPL_H
#define BACKPREP_STORE_IMPL_H

#include <stdbool.h>

#include <sqlite3.h>

#include "backprep/store.h"

enum stmt_id {
	ST_INSERT_REVIEW,
	ST_UPSERT_CARD,
	ST_CARDS,
	ST_CARD,
	ST_DAY_ANSWERS,
	ST_DAY_NEW,
	ST_SETTING_GET,
	ST_SETTING_SET,
	ST_REVIEWS,
	ST_REVIEWS_OF,
	ST_REVIEWS_RANGE,
	ST_RECENT_REVIEWS,
	ST_FIRST_REVIEW,
	ST_DELETE_REVIEW,
	ST_DELETE_CARD,
	ST_REVIEW_TWINS,
	ST_SETTINGS,
	ST_BEGIN,
	ST_COMMIT,
	ST_ROLLBACK,
	/* mock rounds: their SQL is in mocks.c */
	ST_MOCK_ROUND_NEW,
	ST_MOCK_SEGMENT_NEW,
	ST_MOCK_ROUNDS,
	ST_MOCK_ROUND,
	ST_MOCK_SEGMENTS,
	ST_MOCK_SCORES,
	ST_MOCK_SCORES_ALL,
	ST_MOCK_USED,
	ST_MOCK_ELAPSED,
	ST_MOCK_NOTES,
	ST_MOCK_SCORE_NEW,
	ST_MOCK_SEGMENT_SCORED,
	ST_MOCK_ROUND_FINISHED,
	ST_MOCK_DISCARD,
	/* mock rounds as import adds them: mock_import.c */
	ST_MOCK_SAME,
	ST_MOCK_ID_TAKEN,
	ST_MOCK_ROUND_PUT,
	ST_MOCK_SEGMENT_PUT,
	ST_MOCK_SCORE_PUT,
	/* stats: their SQL is in stats.c */
	ST_STATS_DAYS,
	ST_STATS_ITEMS,
	ST_STATS_ITEMS_IN,
	ST_STATS_SPAN,
	/* events: their SQL is in events.c */
	ST_EVENT_NEW,
	ST_EVENTS,
	ST_EVENTS_OF,
	ST_EVENT_TWINS,
	ST_DELETE_EVENT,
	ST_COUNT
};

struct store {
	sqlite3 *db;
	char *path;
	int lock_fd; /* -1 when read-only */
	char readonly[160]; /* why nothing can be written (store_readonly), or "" */
	sqlite3_stmt *stmt[ST_COUNT];
};

/* The stats' summaries (schema.c) as the review log gives them: what the triggers keep in
 * the tables review_by_day and review_by_item, row for row. */
#define STATS_DAY_SELECT                                                                    \
	"SELECT day, count(*), sum(seconds), sum(first), sum(first AND grade > 1) "           \
	"FROM review GROUP BY day"
#define STATS_ITEM_COLUMNS                                                                  \
	"SELECT item, count(*), sum(first), sum(first AND grade > 1), sum(source = 'drill'), " \
	"sum(CASE WHEN source = 'drill' THEN seconds ELSE 0 END) FROM review "
#define STATS_ITEM_SELECT STATS_ITEM_COLUMNS "GROUP BY item"

/* Sets e from the connection's last error, prefixed with what was being done. */
int store_fail(store *st, bp_error *e, const char *doing);

/* The statement, prepared on first use and reset for reuse; NULL with e set on error. */
sqlite3_stmt *store_stmt(store *st, enum stmt_id id, bp_error *e);

int store_migrate(store *st, int from, bp_error *e);

/* The SQL of a mock round statement (mocks.c); NULL for others. */
const char *store_mock_sql(enum stmt_id id);
const char *store_stats_sql(enum stmt_id id);

/* Steps a prepared, bound statement that returns no rows; e says `doing` when it fails. */
int store_done(store *st, sqlite3_stmt *s, bp_error *e, const char *doing);

/* The SQL of an event statement (events.c); NULL for others. */
const char *store_event_sql(enum stmt_id id);

/* Deletes row `id` with statement del and puts the card back as it was (prev), or removes
 * it when prev is NULL, in one transaction: undo. */
int store_undo_row(store *st, enum stmt_id del, int64_t id, const char *item,
		   const store_card *prev, bp_error *e);

/* Appends a review inside the caller's transaction; sets r->id. */
int store_review_append(store *st, store_review *r, bp_error *e);

#endif
