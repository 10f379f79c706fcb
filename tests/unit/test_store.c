/*
 * Tests of src/store: the progress file. What a person must be able to count on: an answer
 * recorded is there after a restart, a second backprep is told at once, and a file that is
 * not ours (or is from a newer backprep) is refused and left byte for byte as it was.
 *
 * Each test works in its own mkdtemp directory. The test reads the database with sqlite3
 * directly to check what was written; only src/ is bound by the layer rule.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "backprep/store.h"

/* 2026-11-29T00:00:00Z */
static const int64_t DAY0 = 1795910400;

typedef struct fixture {
	char dir[64];
	char db[128];
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/bp-store-XXXXXX");
	if (!mkdtemp(f->dir)) {
		free(f);
		return -1;
	}
	snprintf(f->db, sizeof(f->db), "%s/progress.db", f->dir);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

static int file_exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0;
}

/* The whole file, malloc'd, with its length. */
static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

static void assert_same_bytes(const char *path, const char *before, size_t len)
{
	size_t now_len;
	char *now = slurp(path, &now_len);

	assert_int_equal(now_len, len);
	assert_memory_equal(now, before, len);
	free(now);
}

/* Runs SQL on a file with sqlite3 itself, outside the store. */
static void sql_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	char *err = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
	sqlite3_close(db);
}

/* The first column of the first row, as text, into buf. */
static const char *sql_text(const char *path, const char *sql, char *buf, size_t n)
{
	sqlite3 *db;
	sqlite3_stmt *s;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	buf[0] = '\0';
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		snprintf(buf, n, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(db);
	return buf;
}

static long sql_int(const char *path, const char *sql)
{
	char buf[64];

	return strtol(sql_text(path, sql, buf, sizeof(buf)), NULL, 10);
}

static store *open_rw(const char *path)
{
	store *st = NULL;
	bp_error e;

	if (store_open(path, 0, &st, &e) < 0)
		fail_msg("store_open %s: %s", path, e.msg);
	return st;
}

static store_card card_of(const char *item, int64_t introduced)
{
	store_card c;

	memset(&c, 0, sizeof(c));
	snprintf(c.item, sizeof(c.item), "%s", item);
	c.rev = 2;
	c.state = 2;
	c.stability = 3.25;
	c.difficulty = 5.5;
	c.due = introduced + 3 * 86400;
	c.last_review = introduced;
	c.introduced = introduced;
	c.scheduled_days = 3;
	c.reps = 1;
	c.starred = true;
	return c;
}

static void record(store *st, const char *item, int64_t at, int seconds, int64_t introduced)
{
	store_review r = { .item = item, .rev = 2, .at = at, .grade = 3, .covered = 3,
			   .points = 4, .hints = 1, .seconds = seconds, .source = "drill" };
	store_card c = card_of(item, introduced);
	bp_error e;

	c.last_review = at;
	if (store_record(st, &r, &c, &e) < 0)
		fail_msg("store_record: %s", e.msg);
}

static void test_new_file_gets_wal_and_ids(void **state)
{
	fixture *f = *state;
	char path[256], buf[64];
	struct stat sb;
	store *st;

	/* A data directory that does not exist yet is made, private to the user. */
	snprintf(path, sizeof(path), "%s/data/backprep/progress.db", f->dir);
	st = open_rw(path);
	assert_string_equal(store_path(st), path);
	store_close(st);

	assert_string_equal(sql_text(path, "PRAGMA journal_mode", buf, sizeof(buf)), "wal");
	assert_int_equal(sql_int(path, "PRAGMA application_id"), STORE_APP_ID);
	assert_int_equal(sql_int(path, "PRAGMA user_version"), STORE_SCHEMA);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM sqlite_schema WHERE name IN "
				       "('review', 'card', 'setting')"),
			 3);
	snprintf(path, sizeof(path), "%s/data/backprep", f->dir);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
}

static void test_record_survives_reopen(void **state)
{
	fixture *f = *state;
	store_card got, *all;
	bool found = false;
	size_t n;
	bp_error e;
	store *st = open_rw(f->db);
	char buf[64];

	record(st, "api.idempotent-writes", DAY0 + 100, 42, DAY0 + 100);
	store_close(st);

	/* One review row and one card row, as sqlite3 itself sees them after the close. */
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM review"), 1);
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM card"), 1);
	sql_text(f->db,
		 "SELECT item || ' ' || rev || ' ' || at || ' ' || grade || ' ' || covered || '/' "
		 "|| points || ' ' || hints || ' ' || seconds || ' ' || source FROM review",
		 buf, sizeof(buf));
	assert_string_equal(buf, "api.idempotent-writes 2 1795910500 3 3/4 1 42 drill");

	st = open_rw(f->db);
	assert_int_equal(store_card_get(st, "api.idempotent-writes", &got, &found, &e), 0);
	assert_true(found);
	assert_string_equal(got.item, "api.idempotent-writes");
	assert_int_equal(got.rev, 2);
	assert_int_equal(got.state, 2);
	assert_true(got.stability == 3.25);
	assert_true(got.difficulty == 5.5);
	assert_int_equal(got.due, DAY0 + 100 + 3 * 86400);
	assert_int_equal(got.last_review, DAY0 + 100);
	assert_int_equal(got.introduced, DAY0 + 100);
	assert_int_equal(got.scheduled_days, 3);
	assert_int_equal(got.reps, 1);
	assert_true(got.starred);
	assert_false(got.suspended);

	assert_int_equal(store_card_get(st, "api.never-seen", &got, &found, &e), 0);
	assert_false(found);

	/* A second answer appends to the log and replaces the card. */
	record(st, "api.idempotent-writes", DAY0 + 200, 10, DAY0 + 100);
	assert_int_equal(store_cards(st, &all, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(all[0].last_review, DAY0 + 200);
	free(all);
	store_close(st);
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM review"), 2);
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM card"), 1);
}

static void test_second_instance_is_told(void **state)
{
	fixture *f = *state;
	store *first = open_rw(f->db), *second = NULL, *reader = NULL;
	bp_error e;

	bp_error_clear(&e);
	assert_int_equal(store_open(f->db, 0, &second, &e), -1);
	assert_null(second);
	assert_non_null(strstr(e.msg, "another backprep"));
	assert_non_null(strstr(e.msg, f->db));
	/* The failed attempt did not take the lock from the first. */
	assert_int_equal(store_open(f->db, 0, &second, &e), -1);
	assert_non_null(strstr(e.msg, "another backprep"));

	/* Reading (backprep today) takes no lock and is allowed alongside. */
	assert_int_equal(store_open(f->db, STORE_READONLY, &reader, &e), 0);
	store_close(reader);

	store_close(first);
	second = open_rw(f->db);
	store_close(second);
}

static void test_not_sqlite_is_refused_untouched(void **state)
{
	fixture *f = *state;
	static const char diary[] = "Dear diary, today I learned about idempotency keys.\n"
				    "It was a good day, and this file is mine.\n";
	size_t len;
	char *before;
	store *st = NULL;
	bp_error e;
	FILE *fp = fopen(f->db, "w");

	assert_non_null(fp);
	fputs(diary, fp);
	fclose(fp);
	before = slurp(f->db, &len);

	assert_int_equal(store_open(f->db, 0, &st, &e), -1);
	assert_null(st);
	assert_non_null(strstr(e.msg, "not a backprep progress file"));
	assert_non_null(strstr(e.msg, "untouched"));
	assert_same_bytes(f->db, before, len);

	assert_int_equal(store_open(f->db, STORE_READONLY, &st, &e), -1);
	assert_same_bytes(f->db, before, len);
	free(before);
}

static void test_newer_schema_is_refused_untouched(void **state)
{
	fixture *f = *state;
	char sql[160];
	size_t len;
	char *before;
	store *st = NULL;
	bp_error e;

	snprintf(sql, sizeof(sql),
		 "PRAGMA application_id=%d; PRAGMA user_version=99;"
		 "CREATE TABLE future (x); INSERT INTO future VALUES (1);",
		 STORE_APP_ID);
	sql_exec(f->db, sql);
	before = slurp(f->db, &len);

	assert_int_equal(store_open(f->db, 0, &st, &e), -1);
	assert_null(st);
	assert_non_null(strstr(e.msg, "newer backprep"));
	assert_same_bytes(f->db, before, len);
	/* No backup, no WAL: nothing was written beside it either. */
	snprintf(sql, sizeof(sql), "%s-wal", f->db);
	assert_false(file_exists(sql));

	assert_int_equal(store_open(f->db, STORE_READONLY, &st, &e), -1);
	assert_non_null(strstr(e.msg, "newer backprep"));
	assert_same_bytes(f->db, before, len);
	assert_int_equal(sql_int(f->db, "PRAGMA user_version"), 99);
	free(before);
}

static void test_other_application_is_refused_untouched(void **state)
{
	fixture *f = *state;
	size_t len;
	char *before;
	store *st = NULL;
	bp_error e;

	sql_exec(f->db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
			"INSERT INTO notes (body) VALUES ('buy milk');");
	before = slurp(f->db, &len);
	assert_int_equal(store_open(f->db, 0, &st, &e), -1);
	assert_null(st);
	assert_non_null(strstr(e.msg, "another application"));
	assert_same_bytes(f->db, before, len);
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM notes"), 1);
	free(before);

	/* Another application's id, even on an empty database. */
	unlink(f->db);
	sql_exec(f->db, "PRAGMA application_id=1234; PRAGMA user_version=1;");
	before = slurp(f->db, &len);
	assert_int_equal(store_open(f->db, 0, &st, &e), -1);
	assert_non_null(strstr(e.msg, "another application"));
	assert_same_bytes(f->db, before, len);
	free(before);
}

static void test_readonly_missing_file_is_empty_and_not_made(void **state)
{
	fixture *f = *state;
	char path[256], lock[300];
	store *st = NULL;
	store_card *cards = NULL;
	store_day day;
	size_t n = 99;
	bp_error e;
	char buf[32];

	snprintf(path, sizeof(path), "%s/not/yet/progress.db", f->dir);
	assert_int_equal(store_open(path, STORE_READONLY, &st, &e), 0);
	assert_int_equal(store_cards(st, &cards, &n, &e), 0);
	assert_int_equal(n, 0);
	free(cards);
	assert_int_equal(store_day_stats(st, DAY0, DAY0 + 86400, &day, &e), 0);
	assert_int_equal(day.answers, 0);
	assert_int_equal(store_setting_get(st, "plan_start", buf, sizeof(buf), &e), 0);
	store_close(st);

	assert_false(file_exists(path));
	snprintf(lock, sizeof(lock), "%s.lock", path);
	assert_false(file_exists(lock));
	snprintf(path, sizeof(path), "%s/not", f->dir);
	assert_false(file_exists(path));
}

static void test_readonly_existing_file_reads_and_refuses_writes(void **state)
{
	fixture *f = *state;
	store *st = open_rw(f->db);
	store_card *cards;
	size_t n;
	bp_error e;
	store_review r = { .item = "api.x", .rev = 1, .at = DAY0, .grade = 3 };
	store_card c = card_of("api.x", DAY0);

	record(st, "api.idempotent-writes", DAY0 + 100, 42, DAY0 + 100);
	store_close(st);

	assert_int_equal(store_open(f->db, STORE_READONLY, &st, &e), 0);
	assert_int_equal(store_cards(st, &cards, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(cards[0].item, "api.idempotent-writes");
	free(cards);
	bp_error_clear(&e);
	assert_int_equal(store_record(st, &r, &c, &e), -1);
	assert_true(e.msg[0] != '\0');
	assert_int_equal(store_setting_set(st, "k", "v", &e), -1);
	store_close(st);
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM review"), 1);
}

static void test_settings_round_trip(void **state)
{
	fixture *f = *state;
	store *st = open_rw(f->db);
	char buf[64], small[5];
	bp_error e;

	assert_int_equal(store_setting_get(st, "interview_date", buf, sizeof(buf), &e), 0);
	assert_int_equal(store_setting_set(st, "interview_date", "2026-12-15", &e), 0);
	assert_int_equal(store_setting_set(st, "daily_minutes", "45", &e), 0);
	assert_int_equal(store_setting_get(st, "interview_date", buf, sizeof(buf), &e), 1);
	assert_string_equal(buf, "2026-12-15");
	/* Setting again replaces. */
	assert_int_equal(store_setting_set(st, "interview_date", "2027-01-10", &e), 0);
	store_close(st);

	st = open_rw(f->db);
	assert_int_equal(store_setting_get(st, "interview_date", buf, sizeof(buf), &e), 1);
	assert_string_equal(buf, "2027-01-10");
	assert_int_equal(store_setting_get(st, "daily_minutes", buf, sizeof(buf), &e), 1);
	assert_string_equal(buf, "45");
	/* A buffer too small gets a cut, terminated copy, never an overflow. */
	assert_int_equal(store_setting_get(st, "interview_date", small, sizeof(small), &e), 1);
	assert_string_equal(small, "2027");
	store_close(st);
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM setting"), 2);
}

static void test_day_stats_counts_a_range(void **state)
{
	fixture *f = *state;
	store *st = open_rw(f->db);
	store_day d;
	bp_error e;

	/* The day before: b is introduced and answered. */
	record(st, "api.b", DAY0 - 3600, 20, DAY0 - 3600);
	/* The day: a is new at its first second; b is reviewed again; a again later. */
	record(st, "api.a", DAY0, 30, DAY0);
	record(st, "api.b", DAY0 + 5 * 3600, 45, DAY0 - 3600);
	record(st, "api.a", DAY0 + 86399, 15, DAY0);
	/* The next day starts exactly at the end of the range: not counted. */
	record(st, "api.c", DAY0 + 86400, 60, DAY0 + 86400);

	assert_int_equal(store_day_stats(st, DAY0, DAY0 + 86400, &d, &e), 0);
	assert_int_equal(d.answers, 3);
	assert_int_equal(d.seconds, 30 + 45 + 15);
	assert_int_equal(d.new_items, 1);

	assert_int_equal(store_day_stats(st, DAY0 - 86400, DAY0, &d, &e), 0);
	assert_int_equal(d.answers, 1);
	assert_int_equal(d.seconds, 20);
	assert_int_equal(d.new_items, 1);

	assert_int_equal(store_day_stats(st, DAY0 + 2 * 86400, DAY0 + 3 * 86400, &d, &e), 0);
	assert_int_equal(d.answers, 0);
	assert_int_equal(d.seconds, 0);
	assert_int_equal(d.new_items, 0);
	store_close(st);
}

static void test_empty_file_is_refused_untouched(void **state)
{
	fixture *f = *state;
	store *st = NULL;
	bp_error e;
	struct stat sb;
	char lock[160];
	int fd = open(f->db, O_WRONLY | O_CREAT, 0600);

	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(store_open(f->db, 0, &st, &e), -1);
	assert_null(st);
	assert_non_null(strstr(e.msg, "is empty (0 bytes)"));
	assert_non_null(strstr(e.msg, "delete it"));
	assert_int_equal(store_open(f->db, STORE_READONLY, &st, &e), -1);
	assert_int_equal(stat(f->db, &sb), 0);
	assert_int_equal(sb.st_size, 0);
	snprintf(lock, sizeof(lock), "%s.lock", f->db);
	assert_int_equal(access(lock, F_OK), -1); /* refused before the lock was taken */
}

/* A new file is made under another name and renamed into place: what a crash while making it
 * leaves behind (a half-made "<path>.new") is not in the way, and nothing stays beside it. */
static void test_new_file_is_made_whole(void **state)
{
	fixture *f = *state;
	char tmp[160], buf[16];
	FILE *fp;
	store *st;

	snprintf(tmp, sizeof(tmp), "%s.new", f->db);
	assert_non_null(fp = fopen(tmp, "w"));
	fputs("half", fp);
	fclose(fp);
	st = open_rw(f->db);
	store_close(st);
	assert_false(file_exists(tmp));
	assert_int_equal(sql_int(f->db, "PRAGMA user_version"), STORE_SCHEMA);
	assert_string_equal(sql_text(f->db, "PRAGMA journal_mode", buf, sizeof(buf)), "wal");
}

static void test_readonly_reason(void **state)
{
	fixture *f = *state;
	store *st = open_rw(f->db);
	bp_error e;

	assert_null(store_readonly(st));
	store_close(st);
	assert_int_equal(store_open(f->db, STORE_READONLY, &st, &e), 0);
	assert_non_null(store_readonly(st));
	assert_non_null(strstr(store_readonly(st), "reading only"));
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_new_file_gets_wal_and_ids, setup, teardown),
		cmocka_unit_test_setup_teardown(test_record_survives_reopen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_second_instance_is_told, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_sqlite_is_refused_untouched, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_is_refused_untouched, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_other_application_is_refused_untouched, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_readonly_missing_file_is_empty_and_not_made,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_readonly_existing_file_reads_and_refuses_writes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_settings_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_day_stats_counts_a_range, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_file_is_refused_untouched, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_readonly_reason, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_file_is_made_whole, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
