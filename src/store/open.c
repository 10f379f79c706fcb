/* open: opening the progress file safely — lock, checks, pragmas, migrations. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backprep/paths.h"
#include "store_impl.h"

int store_fail(store *st, bp_error *e, const char *doing)
{
	/* a write to a file opened for reading: say why in words, short enough for a footer */
	if (st->readonly[0] && (sqlite3_errcode(st->db) & 0xff) == SQLITE_READONLY)
		bp_error_set(e, "%s %s", doing, st->readonly);
	else
		bp_error_set(e, "%s: %s %s", st->path, doing, sqlite3_errmsg(st->db));
	return -1;
}

static int exec(store *st, const char *sql, bp_error *e)
{
	char *err = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		bp_error_set(e, "%s: %s", st->path, err ? err : sqlite3_errmsg(st->db));
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

/* The integer an integer-valued PRAGMA answers. */
static int pragma_int(store *st, const char *sql, int *out, bp_error *e)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return store_fail(st, e, "cannot read it:");
	rc = sqlite3_step(s);
	*out = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, e, "cannot read it:");
	return 0;
}

static int take_lock(store *st, bp_error *e)
{
	char lock[PATHS_MAX];

	snprintf(lock, sizeof(lock), "%s.lock", st->path);
	st->lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (st->lock_fd < 0) {
		bp_error_set(e, "cannot create the lock file %s: %s", lock, strerror(errno));
		return -1;
	}
	if (flock(st->lock_fd, LOCK_EX | LOCK_NB) < 0) {
		if (errno == EWOULDBLOCK)
			bp_error_set(e, "another backprep is already using %s; close it first", st->path);
		else
			bp_error_set(e, "cannot lock %s: %s", lock, strerror(errno));
		return -1;
	}
	return 0;
}

/* A non-empty file that does not start with SQLite's header is someone else's: leave it. */
static int check_header(const char *path, bool *exists, bp_error *e)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	struct stat sb;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	*exists = fd >= 0;
	if (fd < 0)
	{
		/* Missing, or under a path that is not a directory: creating it will say which. */
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		bp_error_set(e, "cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		close(fd);
		bp_error_set(e, "%s is not a regular file", path);
		return -1;
	}
	n = read(fd, head, sizeof(head));
	close(fd);
	if (n == 0) {
		/* SQLite would take it for a new database; but a progress file is never empty
		 * once made, so this one was cut short (a crash, a full disk) or made by hand */
		bp_error_set(e, "%s is empty (0 bytes), not a progress file; it was left "
				"untouched. If you have no copy to put back, delete it and backprep "
				"starts a new one",
			     path);
		return -1;
	}
	if (n < (ssize_t)sizeof(head) || memcmp(head, magic, sizeof(magic)) != 0) {
		bp_error_set(e, "%s is not a backprep progress file (not an SQLite database); "
				"it was left untouched",
			     path);
		return -1;
	}
	return 0;
}

/* Refuses files that are not ours or are newer than this build; *version is user_version. */
static int check_owner(store *st, int *version, bp_error *e)
{
	int app, tables;

	if (pragma_int(st, "PRAGMA application_id", &app, e) < 0 ||
	    pragma_int(st, "PRAGMA user_version", version, e) < 0 ||
	    pragma_int(st, "SELECT count(*) FROM sqlite_schema", &tables, e) < 0)
		return -1;
	if (app != STORE_APP_ID && !(app == 0 && *version == 0 && tables == 0)) {
		bp_error_set(e, "%s is an SQLite database of another application; it was left "
				"untouched",
			     st->path);
		return -1;
	}
	if (*version > STORE_SCHEMA) {
		bp_error_set(e, "%s was written by a newer backprep (schema %d; this one knows %d); "
				"it was left untouched",
			     st->path, *version, STORE_SCHEMA);
		return -1;
	}
	return 0;
}

static int set_pragmas(store *st, bool readonly, bp_error *e)
{
	sqlite3_stmt *s;
	bool wal;

	sqlite3_busy_timeout(st->db, 3000);
	if (exec(st, "PRAGMA trusted_schema=OFF; PRAGMA foreign_keys=ON;", e) < 0)
		return -1;
	if (readonly)
		return 0;
	if (sqlite3_prepare_v2(st->db, "PRAGMA journal_mode=WAL", -1, &s, NULL) != SQLITE_OK)
		return store_fail(st, e, "cannot set journal mode:");
	wal = sqlite3_step(s) == SQLITE_ROW &&
	      strcmp((const char *)sqlite3_column_text(s, 0), "wal") == 0;
	sqlite3_finalize(s);
	if (!wal) {
		bp_error_set(e, "%s: the file system does not support SQLite's WAL mode "
				"(a network drive?): %s",
			     st->path, sqlite3_errmsg(st->db));
		return -1;
	}
	return exec(st, "PRAGMA synchronous=FULL;", e);
}

/* Copies the file aside before a migration changes it. */
static int backup(store *st, int version, bp_error *e)
{
	char path[PATHS_MAX];
	sqlite3 *dst;
	sqlite3_backup *b;
	int rc;

	snprintf(path, sizeof(path), "%s.bak-v%d", st->path, version);
	if (sqlite3_open(path, &dst) != SQLITE_OK) {
		bp_error_set(e, "cannot create the backup %s: %s", path, sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return -1;
	}
	b = sqlite3_backup_init(dst, "main", st->db, "main");
	rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		bp_error_set(e, "cannot write the backup %s: %s", path, sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return -1;
	}
	sqlite3_close(dst);
	return 0;
}

/* Why this process cannot write the existing file at path (into why), or false when it can:
 * SQLite writes the file itself and, in WAL mode, files beside it. */
static bool cannot_write(const char *path, char *why, size_t n)
{
	char dir[PATHS_MAX];

	if (access(path, W_OK) < 0 && (errno == EACCES || errno == EPERM || errno == EROFS)) {
		snprintf(why, n, "the file is read-only (%s)", strerror(errno));
		return true;
	}
	paths_dirname(path, dir, sizeof(dir));
	if (access(dir, W_OK) < 0 && (errno == EACCES || errno == EPERM || errno == EROFS)) {
		snprintf(why, n, "its directory is read-only (%s)", strerror(errno));
		return true;
	}
	return false;
}

/*
 * Opens the file for reading. A WAL database needs its "-shm" file, which a read-only
 * directory cannot hold: with no "-wal" beside it either, every change is in the file
 * itself, and SQLite may read it as immutable (no locks, no "-shm"). Nobody can write it
 * meanwhile, since a writer would need the same directory to put its "-wal" in.
 */
static int open_for_reading(store *st, int *version, bp_error *e)
{
	char uri[PATHS_MAX * 3 + 32], wal[PATHS_MAX];
	size_t n = 0;
	struct stat sb;
	int rc = sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
				 NULL);

	if (rc == SQLITE_OK && check_owner(st, version, e) == 0)
		return 0;
	snprintf(wal, sizeof(wal), "%s-wal", st->path);
	rc = sqlite3_errcode(st->db) & 0xff;
	if ((rc != SQLITE_READONLY && rc != SQLITE_CANTOPEN) ||
	    (stat(wal, &sb) == 0 && sb.st_size > 0)) {
		if (rc == SQLITE_OK)
			return -1; /* check_owner said why */
		return store_fail(st, e, "cannot read it:");
	}
	sqlite3_close(st->db);
	st->db = NULL;
	n = (size_t)snprintf(uri, sizeof(uri), "file:");
	for (const unsigned char *c = (const unsigned char *)st->path; *c; c++)
		n += (size_t)snprintf(uri + n, sizeof(uri) - n,
				      strchr("?#%", *c) || *c < 0x20 || *c >= 0x7f ? "%%%02X" : "%c",
				      *c);
	snprintf(uri + n, sizeof(uri) - n, "?immutable=1");
	if (sqlite3_open_v2(uri, &st->db,
			    SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK)
		return store_fail(st, e, "cannot open:");
	return check_owner(st, version, e);
}

/*
 * Makes a new progress file whole under another name (schema, WAL mode) and renames it into
 * place, so that a crash while making it leaves nothing where the progress file belongs: an
 * empty file there would be refused (check_header), as it may be progress cut short.
 */
static int create_new(store *st, const char *dir, bp_error *e)
{
	char tmp[PATHS_MAX + 8], *path = st->path;
	int rc = -1, fd;

	snprintf(tmp, sizeof(tmp), "%s.new", path);
	unlink(tmp); /* left by a crash while making it */
	if (sqlite3_open_v2(tmp, &st->db,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK) {
		store_fail(st, e, "cannot create it:");
		goto out;
	}
	/* the rollback journal while making it, so that closing leaves one file to rename */
	if (exec(st, "PRAGMA synchronous=FULL;", e) < 0 || store_migrate(st, 0, e) < 0 ||
	    exec(st, "PRAGMA journal_mode=WAL;", e) < 0)
		goto out;
	if (sqlite3_close(st->db) != SQLITE_OK) {
		bp_error_set(e, "%s: cannot create it: %s", path, sqlite3_errmsg(st->db));
		goto out;
	}
	st->db = NULL;
	if (rename(tmp, path) < 0) {
		bp_error_set(e, "cannot rename %s to %s: %s", tmp, path, strerror(errno));
		goto out;
	}
	/* the new name on disk too, before an answer is saved in it */
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
	rc = 0;
out:
	if (rc < 0)
		unlink(tmp);
	sqlite3_close(st->db);
	st->db = NULL;
	return rc;
}

static int open_db(store *st, unsigned flags, bp_error *e)
{
	enum { RW, RO, MEMORY } mode;
	bool exists;
	char dir[PATHS_MAX];
	int version, oflags;

	if (check_header(st->path, &exists, e) < 0)
		return -1;
	mode = !(flags & STORE_READONLY) ? RW : exists ? RO : MEMORY;
	if (mode != RW)
		snprintf(st->readonly, sizeof(st->readonly), "it was opened for reading only");
	else if (exists && cannot_write(st->path, st->readonly, sizeof(st->readonly)))
		mode = RO; /* the progress can still be shown; store_readonly says why */
	if (mode == RO) {
		if (open_for_reading(st, &version, e) < 0 || set_pragmas(st, true, e) < 0)
			return -1;
		if (version < STORE_SCHEMA) {
			bp_error_set(e, "%s is from an older backprep; start backprep once to "
					"upgrade it",
				     st->path);
			return -1;
		}
		return 0;
	}
	if (mode == RW) {
		paths_dirname(st->path, dir, sizeof(dir));
		if (paths_mkdir_p(dir, 0700, e) < 0 || take_lock(st, e) < 0)
			return -1;
		/* under the lock, nobody else can be making it now */
		if (access(st->path, F_OK) < 0 && errno == ENOENT && create_new(st, dir, e) < 0)
			return -1;
	}
	/* Nothing recorded yet and only reading: an empty store in memory, no file made. */
	oflags = mode == MEMORY ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY
				: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(st->path, &st->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		return store_fail(st, e, "cannot open:");
	if (check_owner(st, &version, e) < 0 || set_pragmas(st, mode != RW, e) < 0)
		return -1;
	if (mode == RW && sqlite3_db_readonly(st->db, "main") == 1)
		snprintf(st->readonly, sizeof(st->readonly), "SQLite opened it for reading only");
	if (version < STORE_SCHEMA) {
		if (version > 0 && backup(st, version, e) < 0)
			return -1;
		return store_migrate(st, version, e);
	}
	return 0;
}

int store_open(const char *path, unsigned flags, store **out, bp_error *e)
{
	store *st = calloc(1, sizeof(*st));

	*out = NULL;
	if (!st || !(st->path = strdup(path))) {
		free(st);
		bp_error_set(e, "out of memory");
		return -1;
	}
	st->lock_fd = -1;
	if (open_db(st, flags, e) < 0) {
		store_close(st);
		return -1;
	}
	*out = st;
	return 0;
}

void store_close(store *st)
{
	if (!st)
		return;
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_close(st->db);
	if (st->lock_fd >= 0)
		close(st->lock_fd); /* releases the flock */
	free(st->path);
	free(st);
}

const char *store_path(const store *st)
{
	return st->path;
}

const char *store_readonly(const store *st)
{
	return st->readonly[0] ? st->readonly : NULL;
}
