/*
 * replay: the committed corpus of one harness as cmocka tests, one a file, through the same
 * LLVMFuzzerTestOneInput that libFuzzer calls, built without libFuzzer (no clang needed).
 * FUZZ_CORPUS names the directory, relative to the source tree, where tests/run works.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fuzz.h"

static void replay(void **state)
{
	const char *path = *state;
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0, got;

	assert_non_null(f);
	do {
		if (len == cap) {
			cap = cap ? cap * 2 : 4096;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
		got = fread(buf + len, 1, cap - len, f);
		len += got;
	} while (got > 0);
	fclose(f);
	assert_int_equal(LLVMFuzzerTestOneInput(buf, len), 0);
	free(buf);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct CMUnitTest *)a)->name, ((const struct CMUnitTest *)b)->name);
}

int main(void)
{
	DIR *d = opendir(FUZZ_CORPUS);
	struct dirent *de;
	struct CMUnitTest *tests = NULL;
	size_t n = 0;
	int rc;

	if (!d) {
		fprintf(stderr, "replay: no corpus at %s (run from the source tree)\n", FUZZ_CORPUS);
		return 1;
	}
	while ((de = readdir(d))) {
		char *path;

		if (de->d_name[0] == '.')
			continue;
		tests = realloc(tests, (n + 1) * sizeof(*tests));
		path = malloc(strlen(FUZZ_CORPUS) + strlen(de->d_name) + 2);
		if (!tests || !path)
			return 1;
		sprintf(path, "%s/%s", FUZZ_CORPUS, de->d_name);
		tests[n++] = (struct CMUnitTest){ .name = strrchr(path, '/') + 1,
						  .test_func = replay,
						  .initial_state = path };
	}
	closedir(d);
	if (n == 0) {
		fprintf(stderr, "replay: the corpus at %s is empty\n", FUZZ_CORPUS);
		return 1;
	}
	qsort(tests, n, sizeof(*tests), by_name);
	rc = _cmocka_run_group_tests(FUZZ_CORPUS, tests, n, NULL, NULL);
	for (size_t i = 0; i < n; i++)
		free(tests[i].initial_state);
	free(tests);
	return rc;
}
