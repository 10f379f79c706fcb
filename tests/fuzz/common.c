/* common: the temporary file and the checks every harness shares. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backprep/text.h"
#include "fuzz.h"

static char dir[64];
static char path[128];

static void remove_dir(void)
{
	if (path[0])
		unlink(path);
	rmdir(dir);
}

const char *fuzz_file(const char *name, const uint8_t *data, size_t size)
{
	FILE *f;

	if (!dir[0]) {
		const char *tmp = getenv("TMPDIR");

		snprintf(dir, sizeof(dir), "%s/bp-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(dir))
			abort();
		atexit(remove_dir);
	}
	if (path[0])
		unlink(path);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	return path;
}

void fuzz_check_loaded(const char *what, const char *text)
{
	char *again;

	if (!text)
		return;
	/* loaded text was cleaned once: cleaning it again must change nothing */
	again = text_clean(text, strlen(text));
	if (!again)
		abort();
	if (strcmp(again, text) != 0) {
		fprintf(stderr, "fuzz: %s was not cleaned: %s\n", what, text);
		abort();
	}
	free(again);
}

void fuzz_check_error(const bp_error *e)
{
	char buf[1200];

	bp_error_str(e, buf, sizeof(buf));
	/* one line, nothing a terminal acts on */
	if (strchr(buf, '\n') || text_has_controls(buf, strlen(buf))) {
		fprintf(stderr, "fuzz: a message sends control characters: %s\n", buf);
		abort();
	}
}
