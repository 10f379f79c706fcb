/* python: which interpreter runs solutions (runner_python in runner.h). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backprep/runner.h"

/* An executable program file, not a script: a shim (pyenv's, asdf's) is a script that needs
 * the person's environment, which the run clears. */
static bool real_program(const char *path, char *out, size_t n)
{
	char real[PATH_MAX], head[4];
	FILE *f;
	bool elf;

	if (!realpath(path, real) || access(real, X_OK) < 0 || !(f = fopen(real, "rb")))
		return false;
	elf = fread(head, 1, 4, f) == 4 && memcmp(head, "\x7f" "ELF", 4) == 0;
	fclose(f);
	if (!elf || strlen(real) >= n)
		return false;
	memcpy(out, real, strlen(real) + 1);
	return true;
}

/* The first `name` in $PATH that is a real program. */
static bool in_path(const char *name, char *out, size_t n)
{
	const char *path = getenv("PATH"), *p = path;

	while (p && *p) {
		size_t len = strcspn(p, ":");
		char cand[PATH_MAX];

		if (len > 0 && (size_t)snprintf(cand, sizeof(cand), "%.*s/%s", (int)len, p, name) <
				       sizeof(cand) &&
		    real_program(cand, out, n))
			return true;
		p += len + (p[len] == ':');
	}
	return false;
}

int runner_python(char *buf, size_t n)
{
	const char *want = getenv("BACKPREP_PYTHON");

	if (want && *want) /* the person's choice, or nothing: never another one silently */
		return (strchr(want, '/') ? real_program(want, buf, n) : in_path(want, buf, n)) ? 0
															: -1;
	if (in_path("python3", buf, n) || real_program("/usr/bin/python3", buf, n) ||
	    real_program("/usr/local/bin/python3", buf, n))
		return 0;
	return -1;
}
