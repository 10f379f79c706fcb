/*
 * fixture: what the unit tests share — a catalog read from tests/fixtures (or
 * $BACKPREP_FIXTURES), and a fresh temporary directory for a test that writes. Header-only,
 * since each unit test is a program of its own.
 */
#ifndef BACKPREP_TEST_FIXTURE_H
#define BACKPREP_TEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "backprep/catalog.h"

/* The fixture at `rel` (a file or directory under the fixtures), which must load without a
 * problem and hold `want` items; NULL otherwise. */
static inline catalog *fixture_catalog(const char *rel, size_t want)
{
	const char *root = getenv("BACKPREP_FIXTURES");
	char path[512];
	const char *paths[1] = { path };
	bp_diags d = { 0 };
	catalog *c = NULL;

	snprintf(path, sizeof(path), "%s/%s", root && *root ? root : "tests/fixtures", rel);
	if (catalog_load(paths, 1, &c, &d) < 0 || d.n || catalog_count(c) != want) {
		bp_diags_free(&d);
		catalog_free(c);
		return NULL;
	}
	return c;
}

/* Makes a fresh directory /tmp/<name>-XXXXXX into dir; 0 on success. */
static inline int fixture_tmp_make(char *dir, size_t n, const char *name)
{
	snprintf(dir, n, "/tmp/%s-XXXXXX", name);
	return mkdtemp(dir) ? 0 : -1;
}

/* Removes it and all it holds; 0 on success. */
static inline int fixture_tmp_remove(const char *dir)
{
	char cmd[600];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* The directory of a test that writes: fixture_dir_setup makes it fresh before each test and
 * fixture_dir_teardown removes it, as cmocka's setup and teardown of the test. fixture_db is
 * the progress file's path in it. */
static char fixture_dir[64], fixture_db[96];

static inline int fixture_dir_setup(void **state)
{
	(void)state;
	if (fixture_tmp_make(fixture_dir, sizeof(fixture_dir), "bp-test") < 0)
		return -1;
	snprintf(fixture_db, sizeof(fixture_db), "%s/progress.db", fixture_dir);
	return 0;
}

static inline int fixture_dir_teardown(void **state)
{
	(void)state;
	return fixture_tmp_remove(fixture_dir);
}

#endif
