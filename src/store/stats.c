/* stats: aggregates over the review log for the Stats screen, a row a day or an item. */
#include <string.h>

#include "backprep/store_stats.h"
#include "store_impl.h"

/*
 * bp_day(at) is the index of the local day that holds `at` in the bounds of the running
 * query: -1 before the first, n after the last. A binary search, so that 1M answers cost
 * 1M searches of a few hundred days rather than 1M calls to localtime.
 */
static const char *const stats_sql[ST_COUNT] = {
	[ST_STATS_DAYS] = "SELECT bp_day(at) AS d, count(*), sum(seconds) FROM review "
			  "WHERE at >= ?1 AND at < ?2 GROUP BY d",
	/* each answer's day next to the day of its item's previous answer in the days asked
	 * for (cram left out: it never schedules); an answer on a later day than the previous
	 * one, of the same revision, is the first of its day in review. Only the days asked
	 * for are read, so that the cost follows them rather than the whole log. */
	[ST_STATS_RETENTION] =
	    "WITH a AS MATERIALIZED (SELECT item, grade, d FROM ("
	    "  SELECT item, rev, grade, d, lag(d) OVER w AS pd, lag(rev) OVER w AS pr FROM ("
	    "   SELECT id, item, rev, at, grade, bp_day(at) AS d FROM review"
	    "   WHERE at >= ?1 AND at < ?2 AND source <> 'cram')"
	    "  WINDOW w AS (PARTITION BY item ORDER BY at, id))"
	    " WHERE pd IS NOT NULL AND pd < d AND pr = rev AND d >= 0) "
	    "SELECT 0, NULL, d, count(*), sum(grade > 1) FROM a GROUP BY d "
	    "UNION ALL SELECT 1, item, 0, count(*), sum(grade > 1) FROM a GROUP BY item",
	[ST_STATS_ITEM_TIME] = "SELECT item, count(*), sum(seconds) FROM review "
			       "WHERE at >= ?1 AND at < ?2 AND source = 'drill' GROUP BY item",
};

const char *store_stats_sql(enum stmt_id id)
{
	return (unsigned)id < ST_COUNT ? stats_sql[id] : NULL;
}

static void bp_day(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const store *st = sqlite3_user_data(ctx);
	int64_t at = sqlite3_value_int64(argv[0]);
	int lo = 0, hi = st->n_days;

	(void)argc;
	if (!st->day_bounds || at < st->day_bounds[0]) {
		sqlite3_result_int(ctx, -1);
		return;
	}
	if (at >= st->day_bounds[hi]) {
		sqlite3_result_int(ctx, hi);
		return;
	}
	while (hi - lo > 1) { /* bounds[lo] <= at < bounds[hi] */
		int mid = lo + (hi - lo) / 2;

		if (at >= st->day_bounds[mid])
			lo = mid;
		else
			hi = mid;
	}
	sqlite3_result_int(ctx, lo);
}

/* Sets the days bp_day() maps to, registering it on first use, and prepares statement id. */
static sqlite3_stmt *with_days(store *st, enum stmt_id id, const int64_t *bounds, int n,
			       bp_error *e)
{
	if (!st->day_fn) {
		if (sqlite3_create_function_v2(st->db, "bp_day", 1, SQLITE_UTF8, st, bp_day, NULL,
					       NULL, NULL) != SQLITE_OK) {
			store_fail(st, e, "cannot set up the stats:");
			return NULL;
		}
		st->day_fn = true;
	}
	st->day_bounds = bounds;
	st->n_days = n;
	return store_stmt(st, id, e);
}

static int finish(store *st, sqlite3_stmt *s, int rc, bp_error *e)
{
	sqlite3_reset(s);
	st->day_bounds = NULL;
	st->n_days = 0;
	return rc == SQLITE_DONE ? 0 : store_fail(st, e, "cannot read the stats:");
}

int store_stats_days(store *st, const int64_t *bounds, int n, int *answers, int *seconds,
		     bp_error *e)
{
	sqlite3_stmt *s = with_days(st, ST_STATS_DAYS, bounds, n, e);
	int rc;

	memset(answers, 0, (size_t)n * sizeof(*answers));
	memset(seconds, 0, (size_t)n * sizeof(*seconds));
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, bounds[0]);
	sqlite3_bind_int64(s, 2, bounds[n]);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int d = sqlite3_column_int(s, 0);

		if (d < 0 || d >= n)
			continue;
		answers[d] = sqlite3_column_int(s, 1);
		seconds[d] = sqlite3_column_int(s, 2);
	}
	return finish(st, s, rc, e);
}

int store_stats_retention(store *st, const int64_t *bounds, int n, int *n_by_day,
			  int *pass_by_day, store_item_count_fn fn, void *ctx, bp_error *e)
{
	sqlite3_stmt *s = with_days(st, ST_STATS_RETENTION, bounds, n, e);
	int rc;

	memset(n_by_day, 0, (size_t)n * sizeof(*n_by_day));
	memset(pass_by_day, 0, (size_t)n * sizeof(*pass_by_day));
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, bounds[0]);
	sqlite3_bind_int64(s, 2, bounds[n]);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int d = sqlite3_column_int(s, 2);
		int count = sqlite3_column_int(s, 3), pass = sqlite3_column_int(s, 4);

		if (sqlite3_column_int(s, 0) == 1) {
			const unsigned char *item = sqlite3_column_text(s, 1);

			if (item && fn && fn(ctx, (const char *)item, count, pass))
				break;
		} else if (d >= 0 && d < n) {
			n_by_day[d] = count;
			pass_by_day[d] = pass;
		}
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE; /* fn stopped it */
	return finish(st, s, rc, e);
}

int store_stats_item_time(store *st, int64_t from, int64_t to, store_item_count_fn fn,
			  void *ctx, bp_error *e)
{
	sqlite3_stmt *s = store_stmt(st, ST_STATS_ITEM_TIME, e);
	int rc;

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, from);
	sqlite3_bind_int64(s, 2, to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *item = sqlite3_column_text(s, 0);

		if (item && fn(ctx, (const char *)item, sqlite3_column_int(s, 1),
			       sqlite3_column_int(s, 2))) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, e, "cannot read the stats:");
}
