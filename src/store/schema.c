/* schema: the migrations, indexed by the version they lead from. */
#include <stdio.h>

#include "store_impl.h"

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
	/* 3 -> 4: a coding answer's tests, passed of total, from the last run of the solution
	 * before the grade (0 of 0: none ran) */
	("ALTER TABLE review ADD COLUMN tests_passed INTEGER NOT NULL DEFAULT 0;"
	 "ALTER TABLE review ADD COLUMN tests_total INTEGER NOT NULL DEFAULT 0;"),
};

int store_migrate(store *st, int from, bp_error *e)
{
	char sql[96];
	char *err = NULL;

	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, &err) != SQLITE_OK)
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
