/* stub: a new solution file, and where solution files live (runner.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/paths.h"
#include "backprep/runner.h"

/* The text as Python comments, line by line. */
static void comment(FILE *f, const char *text)
{
	const char *p = text;

	while (p && *p) {
		size_t len = strcspn(p, "\n");

		fprintf(f, len ? "# %.*s\n" : "#\n", (int)len, p);
		p += len + (p[len] == '\n');
	}
}

static void def(FILE *f, const char *indent, const char *name, size_t len, const char *params,
		size_t params_len, bool method)
{
	fprintf(f, "%sdef %.*s(%s%s%.*s):\n%s    raise NotImplementedError\n", indent, (int)len,
		name, method ? "self" : "", method && params_len ? ", " : "", (int)params_len,
		params, indent);
}

char *runner_stub(const bp_item *it)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (!f)
		return NULL;
	fprintf(f, "# %s\n#\n", it->id);
	comment(f, it->prompt);
	fprintf(f, "#\n# r in backprep runs the tests; so does: backprep run %s FILE\n\n", it->id);
	if (!it->entry_class) {
		def(f, "", it->entry, strlen(it->entry), it->params, strlen(it->params), false);
	} else {
		fprintf(f, "class %s:\n", it->entry);
		def(f, "    ", "__init__", 8, it->params, strlen(it->params), true);
		for (int i = 0; i < it->methods.n; i++) {
			const char *m = it->methods.v[i], *open = strchr(m, '('),
				   *close = strrchr(m, ')');

			fputc('\n', f);
			def(f, "    ", m, (size_t)(open - m), open + 1, (size_t)(close - open - 1),
			    true);
		}
	}
	if (fclose(f) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

int runner_solution_path(const bp_item *it, char *buf, size_t n, bp_error *e)
{
	char dir[PATHS_MAX];

	if (paths_data_dir(dir, sizeof(dir), e) < 0)
		return -1;
	if (strlen(dir) + 11 < sizeof(dir))
		strcat(dir, "/solutions");
	if (paths_mkdir_p(dir, 0700, e) < 0)
		return -1;
	if ((size_t)snprintf(buf, n, "%s/%s.py", dir, it->id) >= n) {
		bp_error_set(e, "the solution path is too long");
		return -1;
	}
	return 0;
}
