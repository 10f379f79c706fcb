/* schema: the migrations, indexed by the version they lead from. */
#include <stdio.h>

#include "backprep/clock.h"
#include "backprep/store_stats.h"
#include "store_impl.h"

/*
 * The stats' summaries of the review log (schema 4): a row a local day and a row an item,
 * kept equal to the log by triggers in the same transaction as each change to it, so that
 * Stats reads a few hundred rows however long the log grows. A review row carries its local
 * day (the day the person lived it, fixed when it is written) and whether it counts for true
 * retention (`first`: the first answer of a day to an item answered on an earlier day at the
 * same revision, cram left out). An answer's `first` depends on the answer before it, so
 * adding or removing one answer sets the next one's again. STATS_REBUILD makes them all anew
 * from the log (the migration, doctor).
 */
#define ADD_DAY(R)                                                                          \
	"INSERT INTO review_by_day VALUES (" R ".day, 1, " R ".seconds, " R ".first, " R         \
	".first AND " R ".grade > 1) ON CONFLICT (day) DO UPDATE SET answers = answers + 1, " \
	"seconds = seconds + excluded.seconds, ret_n = ret_n + excluded.ret_n, "              \
	"ret_pass = ret_pass + excluded.ret_pass;"
#define SUB_DAY(R)                                                                          \
	"UPDATE review_by_day SET answers = answers - 1, seconds = seconds - " R ".seconds, "     \
	"ret_n = ret_n - " R ".first, ret_pass = ret_pass - (" R ".first AND " R              \
	".grade > 1) WHERE day = " R ".day;"                                                   \
	"DELETE FROM review_by_day WHERE day = " R ".day AND answers = 0;"
#define DRILL(R, V) "CASE WHEN " R ".source = 'drill' THEN " V " ELSE 0 END"
#define ADD_ITEM(R)                                                                         \
	"INSERT INTO review_by_item VALUES (" R ".item, 1, " R ".first, " R ".first AND " R       \
	".grade > 1, " DRILL(R, "1") ", " DRILL(R, R ".seconds")                              \
	") ON CONFLICT (item) DO UPDATE SET answers = answers + 1, "                          \
	"ret_n = ret_n + excluded.ret_n, ret_pass = ret_pass + excluded.ret_pass, "            \
	"drill_n = drill_n + excluded.drill_n, drill_seconds = drill_seconds + "               \
	"excluded.drill_seconds;"
#define SUB_ITEM(R)                                                                         \
	"UPDATE review_by_item SET answers = answers - 1, ret_n = ret_n - " R ".first, "          \
	"ret_pass = ret_pass - (" R ".first AND " R ".grade > 1), drill_n = drill_n - "        \
	DRILL(R, "1") ", drill_seconds = drill_seconds - " DRILL(R, R ".seconds")             \
	" WHERE item = " R ".item;"                                                            \
	"DELETE FROM review_by_item WHERE item = " R ".item AND answers = 0;"
/* sets `first` of the rows that WHERE picks from the view review_first */
#define SET_FIRST(WHERE)                                                                    \
	"UPDATE review SET first = (SELECT f.first FROM review_first f WHERE f.id = review.id) " \
	"WHERE id = " WHERE ";"
/* the item's next answer after R that is not cram: its `first` depends on R */
#define NEXT_OF(R)                                                                          \
	"(SELECT n.id FROM review n WHERE n.item = " R ".item AND n.source <> 'cram' AND "    \
	"(n.at > " R ".at OR (n.at = " R ".at AND n.id > " R ".id)) ORDER BY n.at, n.id LIMIT 1)"

#define STATS_TRIGGERS                                                                      \
	"CREATE TRIGGER review_stats_insert AFTER INSERT ON review BEGIN " ADD_DAY("NEW")      \
	ADD_ITEM("NEW") SET_FIRST("NEW.id") SET_FIRST(NEXT_OF("NEW")) "END;"                    \
	"CREATE TRIGGER review_stats_update AFTER UPDATE OF item, day, first, grade, seconds, " \
	"source ON review WHEN OLD.item IS NOT NEW.item OR OLD.day IS NOT NEW.day OR "         \
	"OLD.first IS NOT NEW.first OR OLD.grade IS NOT NEW.grade OR "                         \
	"OLD.seconds IS NOT NEW.seconds OR OLD.source IS NOT NEW.source BEGIN "                \
	SUB_DAY("OLD") SUB_ITEM("OLD") ADD_DAY("NEW") ADD_ITEM("NEW") "END;"                   \
	"CREATE TRIGGER review_stats_delete AFTER DELETE ON review BEGIN " SUB_DAY("OLD")      \
	SUB_ITEM("OLD") SET_FIRST(NEXT_OF("OLD")) "END;"

#define STATS_REBUILD                                                                       \
	"DROP TRIGGER IF EXISTS review_stats_insert;"                                           \
	"DROP TRIGGER IF EXISTS review_stats_update;"                                           \
	"DROP TRIGGER IF EXISTS review_stats_delete;"                                           \
	"UPDATE review SET first = w.f FROM (SELECT id, coalesce(pr = rev AND pd < day, 0) "  \
	"  AS f FROM (SELECT id, source, rev, day, lag(day) OVER w AS pd,"            \
	"  lag(rev) OVER w AS pr FROM review WHERE source <> 'cram'"                           \
	"  WINDOW w AS (PARTITION BY item ORDER BY at, id))) w"                                 \
	"  WHERE review.id = w.id AND review.first IS NOT w.f;"                                 \
	"UPDATE review SET first = 0 WHERE source = 'cram' AND first <> 0;"                     \
	"DELETE FROM review_by_day;"                                                               \
	"INSERT INTO review_by_day " STATS_DAY_SELECT ";"                                          \
	"DELETE FROM review_by_item;"                                                              \
	"INSERT INTO review_by_item " STATS_ITEM_SELECT ";"                                        \
	STATS_TRIGGERS

static const char *const migrations[STORE_SCHEMA] = {
	/* 0 -> 1: the review log, the card cache and settings */
	"CREATE TABLE review ("
	"  id INTEGER PRIMARY KEY,"
	"  item TEXT NOT NULL,"
	"  rev INTEGER NOT NULL,"
	"  at INTEGER NOT NULL,"
	"  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),"
	"  covered INTEGER NOT NULL DEFAULT 0,"
	"  points INTEGER NOT NULL DEFAULT 0,"
	"  hints INTEGER NOT NULL DEFAULT 0,"
	"  seconds INTEGER NOT NULL DEFAULT 0,"
	"  draw REAL,"
	"  source TEXT NOT NULL DEFAULT 'drill');"
	"CREATE INDEX review_item ON review (item, at);"
	"CREATE INDEX review_at ON review (at);"
	"CREATE TABLE card ("
	"  item TEXT PRIMARY KEY,"
	"  rev INTEGER NOT NULL,"
	"  state INTEGER NOT NULL,"
	"  stability REAL NOT NULL,"
	"  difficulty REAL NOT NULL,"
	"  due INTEGER NOT NULL,"
	"  last_review INTEGER NOT NULL,"
	"  introduced INTEGER NOT NULL,"
	"  scheduled_days INTEGER NOT NULL,"
	"  reps INTEGER NOT NULL,"
	"  lapses INTEGER NOT NULL,"
	"  step INTEGER NOT NULL,"
	"  suspended INTEGER NOT NULL DEFAULT 0,"
	"  starred INTEGER NOT NULL DEFAULT 0,"
	"  buried_until INTEGER NOT NULL DEFAULT 0"
	") WITHOUT ROWID;"
	"CREATE INDEX card_introduced ON card (introduced);"
	"CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;",
	/* 1 -> 2: mock rounds, their segments (one question each) and the rubric scores */
	"CREATE TABLE mock_round ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT," /* a discarded round's number is not reused */
	"  template TEXT NOT NULL,"
	"  title TEXT NOT NULL,"
	"  started INTEGER NOT NULL,"
	"  finished INTEGER);" /* NULL while unfinished */
	"CREATE TABLE mock_segment ("
	"  round INTEGER NOT NULL REFERENCES mock_round (id) ON DELETE CASCADE,"
	"  pos INTEGER NOT NULL CHECK (pos >= 0),"
	"  title TEXT NOT NULL,"
	"  item TEXT NOT NULL,"
	"  rev INTEGER NOT NULL,"
	"  rubric TEXT NOT NULL,"
	"  minutes INTEGER NOT NULL,"
	"  elapsed_ms INTEGER NOT NULL DEFAULT 0,"
	"  ended INTEGER NOT NULL DEFAULT 0,"
	"  covered INTEGER NOT NULL DEFAULT 0,"
	"  points INTEGER NOT NULL DEFAULT 0,"
	"  notes TEXT NOT NULL DEFAULT '',"
	"  scored INTEGER," /* when its scores were saved; NULL before */
	"  grade INTEGER CHECK (grade BETWEEN 1 AND 4),"
	"  review INTEGER REFERENCES review (id) ON DELETE SET NULL,"
	"  PRIMARY KEY (round, pos)"
	") WITHOUT ROWID;"
	"CREATE INDEX mock_segment_item ON mock_segment (item);"
	"CREATE INDEX mock_segment_review ON mock_segment (review);"
	"CREATE TABLE mock_score ("
	"  round INTEGER NOT NULL,"
	"  pos INTEGER NOT NULL,"
	"  dimension TEXT NOT NULL,"
	"  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 4),"
	"  evidence TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (round, pos, dimension),"
	"  FOREIGN KEY (round, pos) REFERENCES mock_segment (round, pos) ON DELETE CASCADE);",
	/* 2 -> 3: what a person does to a card besides answering it, with its time, so that
	 * replay, export and import reproduce the flags. The flags cards had are carried over as
	 * events at the card's last answer (or, never answered, when it was flagged). */
	"CREATE TABLE event ("
	"  id INTEGER PRIMARY KEY,"
	"  item TEXT NOT NULL,"
	"  at INTEGER NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('suspend', 'unsuspend', 'star', 'unstar', 'bury',"
	"    'unbury', 'reset')),"
	"  until INTEGER NOT NULL DEFAULT 0);" /* bury: when the item comes back */
	"CREATE INDEX event_item ON event (item, at);"
	"INSERT INTO event (item, at, kind, until) SELECT item,"
	"  CASE WHEN last_review > 0 THEN last_review ELSE due END, k.kind,"
	"  CASE k.kind WHEN 'bury' THEN buried_until ELSE 0 END"
	"  FROM card, (SELECT 'suspend' AS kind UNION ALL SELECT 'star' UNION ALL SELECT 'bury') k"
	"  WHERE (k.kind = 'suspend' AND suspended) OR (k.kind = 'star' AND starred)"
	"     OR (k.kind = 'bury' AND buried_until > 0)"
	"  ORDER BY item, k.kind;",
	/* 3 -> 4: each answer's local day and whether it counts for true retention, and the
	 * stats' summaries kept by triggers (above) */
	"ALTER TABLE review ADD COLUMN day INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE review ADD COLUMN first INTEGER NOT NULL DEFAULT 0;"
	"UPDATE review SET day = bp_local_day(at);"
	"CREATE INDEX review_day ON review (day);"
	"CREATE TABLE review_by_day ("
	"  day INTEGER PRIMARY KEY,"
	"  answers INTEGER NOT NULL,"
	"  seconds INTEGER NOT NULL,"
	"  ret_n INTEGER NOT NULL,"  /* answers that count for true retention */
	"  ret_pass INTEGER NOT NULL);" /* and of them, not Again */
	"CREATE TABLE review_by_item ("
	"  item TEXT PRIMARY KEY,"
	"  answers INTEGER NOT NULL,"
	"  ret_n INTEGER NOT NULL,"
	"  ret_pass INTEGER NOT NULL,"
	"  drill_n INTEGER NOT NULL,"
	"  drill_seconds INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE VIEW review_first AS SELECT r.id AS id, r.source <> 'cram' AND coalesce("
	"  (SELECT p.rev = r.rev AND p.day < r.day FROM review p WHERE p.item = r.item"
	"   AND p.source <> 'cram' AND (p.at < r.at OR (p.at = r.at AND p.id < r.id))"
	"   ORDER BY p.at DESC, p.id DESC LIMIT 1), 0) AS first FROM review r;" STATS_REBUILD,
	/* 4 -> 5: a coding answer's tests, passed of total, from the last run of the solution
	 * before the grade (0 of 0: none ran) */
	("ALTER TABLE review ADD COLUMN tests_passed INTEGER NOT NULL DEFAULT 0;"
	 "ALTER TABLE review ADD COLUMN tests_total INTEGER NOT NULL DEFAULT 0;"),
};

/* bp_local_day(at): the local day of a time, for the migration that gives each answer its day */
static void local_day(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_int64(ctx, clock_local_day(sqlite3_value_int64(argv[0])));
}

int store_stats_rebuild(store *st, bp_error *e)
{
	char *err = NULL;

	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE;" STATS_REBUILD "COMMIT;", NULL, NULL, &err) ==
	    SQLITE_OK)
		return 0;
	bp_error_set(e, "%s: cannot rebuild the stats: %s", st->path,
		     err ? err : sqlite3_errmsg(st->db));
	sqlite3_free(err);
	store_rollback(st);
	return -1;
}

int store_migrate(store *st, int from, bp_error *e)
{
	char sql[96];
	char *err = NULL;

	if (sqlite3_create_function_v2(st->db, "bp_local_day", 1, SQLITE_UTF8, NULL, local_day,
				       NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, &err) != SQLITE_OK)
		goto fail;
	for (int v = from; v < STORE_SCHEMA; v++)
		if (sqlite3_exec(st->db, migrations[v], NULL, NULL, &err) != SQLITE_OK)
			goto fail;
	snprintf(sql, sizeof(sql), "PRAGMA application_id=%d; PRAGMA user_version=%d;",
		 STORE_APP_ID, STORE_SCHEMA);
	if (sqlite3_exec(st->db, sql, NULL, NULL, &err) != SQLITE_OK ||
	    sqlite3_exec(st->db, "COMMIT", NULL, NULL, &err) != SQLITE_OK)
		goto fail;
	return 0;
fail:
	bp_error_set(e, "%s: cannot upgrade from schema %d: %s", st->path, from,
		     err ? err : sqlite3_errmsg(st->db));
	sqlite3_free(err);
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}
