/* stats: the summaries of the review log for the Stats screen, a row a day or an item. */
#include <string.h>

#include "backprep/store_stats.h"
#include "store_impl.h"

static const char *const stats_sql[ST_COUNT] = {
	[ST_STATS_DAYS] = "SELECT day, answers, seconds, ret_n, ret_pass FROM review_by_day "
			  "WHERE day >= ?1 AND day < ?2",
	[ST_STATS_ITEMS] = "SELECT * FROM review_by_item",
	/* the same for some of the days only, from the log (review_day makes it a range) */
	[ST_STATS_ITEMS_IN] = STATS_ITEM_COLUMNS "WHERE day >= ?1 AND day < ?2 GROUP BY item",
	[ST_STATS_SPAN] = "SELECT min(day), max(day) FROM review_by_day",
};

const char *store_stats_sql(enum stmt_id id)
{
	return (unsigned)id < ST_COUNT ? stats_sql[id] : NULL;
}

static int finish(store *st, sqlite3_stmt *s, int rc, bp_error *e)
{
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, e, "cannot read the stats:");
}

int store_stats_days(store *st, int64_t from, int n, store_stats_day *out, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_STATS_DAYS, e);
	int rc;

	memset(out, 0, (size_t)n * sizeof(*out));
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, from);
	sqlite3_bind_int64(s, 2, from + n);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		store_stats_day *d = &out[sqlite3_column_int64(s, 0) - from];

		d->answers = sqlite3_column_int(s, 1);
		d->seconds = sqlite3_column_int(s, 2);
		d->ret_n = sqlite3_column_int(s, 3);
		d->ret_pass = sqlite3_column_int(s, 4);
	}
	return finish(st, s, rc, e);
}

/* Whether days from .. to - 1 hold every day with answers. */
static int all_days(store *st, int64_t from, int64_t to, bool *all, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_STATS_SPAN, e);
	int rc;

	if (!s)
		return -1;
	rc = sqlite3_step(s);
	*all = rc == SQLITE_ROW && (sqlite3_column_type(s, 0) == SQLITE_NULL ||
				    (sqlite3_column_int64(s, 0) >= from &&
				     sqlite3_column_int64(s, 1) < to));
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_fail(st, e, "cannot read the stats:");
}

int store_stats_items(store *st, int64_t from, int64_t to, store_stats_item_fn fn, void *ctx,
		      bp_error *e)
{
	sqlite3_stmt *s;
	bool all;
	int rc;

	if (all_days(st, from, to, &all, e) < 0 ||
	    !(s = store_stmt(st, all ? ST_STATS_ITEMS : ST_STATS_ITEMS_IN, e)))
		return -1;
	if (!all) {
		sqlite3_bind_int64(s, 1, from);
		sqlite3_bind_int64(s, 2, to);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *item = sqlite3_column_text(s, 0);
		store_stats_item v = {
			.answers = sqlite3_column_int(s, 1),
			.ret_n = sqlite3_column_int(s, 2),
			.ret_pass = sqlite3_column_int(s, 3),
			.drill_n = sqlite3_column_int(s, 4),
			.drill_seconds = sqlite3_column_int(s, 5),
		};

		if (item && fn(ctx, (const char *)item, &v)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	return finish(st, s, rc, e);
}

/* The summaries as the log gives them, against the tables: rows in one and not the other. */
int store_stats_check(store *st, int *differ, bp_error *e)
{
	static const char sql[] =
	    "SELECT (SELECT count(*) FROM (" STATS_DAY_SELECT " EXCEPT SELECT * FROM review_by_day))"
	    " + (SELECT count(*) FROM (SELECT * FROM review_by_day EXCEPT " STATS_DAY_SELECT "))"
	    " + (SELECT count(*) FROM (" STATS_ITEM_SELECT " EXCEPT SELECT * FROM review_by_item))"
	    " + (SELECT count(*) FROM (SELECT * FROM review_by_item EXCEPT " STATS_ITEM_SELECT "))"
	    " + (SELECT count(*) FROM review r JOIN review_first f ON f.id = r.id"
	    "  WHERE r.first IS NOT f.first)";
	sqlite3_stmt *s = NULL;
	int rc;

	*differ = 0;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return store_fail(st, e, "cannot check the stats:");
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*differ = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : store_fail(st, e, "cannot check the stats:");
}
