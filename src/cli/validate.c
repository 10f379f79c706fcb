/* validate: check content files and print every problem as file:line:col: message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "backprep/catalog.h"
#include "backprep/text.h"
#include "cli.h"

/* The columns validate may use: $COLUMNS, else the terminal's width, else 80. */
static int out_width(void)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;
	int w = env ? atoi(env) : 0;

	if (w <= 0 && isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
		w = ws.ws_col;
	return w > 0 ? w : 80;
}

/* Line `n` (1-based) of f without its line end, however long; NULL past the end. The caller
 * frees *buf. A BOM starting the file is not part of the line, as the parser skips it too. */
static char *nth_line(FILE *f, int n, char **buf, size_t *cap, size_t *len)
{
	ssize_t got = 0;

	for (int i = 0; i < n; i++)
		if ((got = getline(buf, cap, f)) < 0)
			return NULL;
	*len = (size_t)got;
	while (*len > 0 && ((*buf)[*len - 1] == '\n' || (*buf)[*len - 1] == '\r'))
		(*buf)[--*len] = '\0';
	if (n == 1 && *len >= 3 && memcmp(*buf, "\xef\xbb\xbf", 3) == 0) {
		*len -= 3;
		return *buf + 3;
	}
	return *buf;
}

/*
 * The source line of a problem with a caret under its column, as compilers show it. The line
 * is shown as a message quotes text (text_visible: the file may hold what a terminal must not
 * see), cut to the width with "…" where it is cut; the caret stays under the column's
 * character, the window moving right when the column is past the width.
 */
static void show_line(const bp_error *e)
{
	FILE *f;
	char *buf = NULL, *line, *vis;
	size_t cap = 0, len, pre = 0, vcap;
	int width = out_width() - 2, caret, skip = 0;

	if (!e->file[0] || e->line <= 0 || !(f = fopen(e->file, "r")))
		return;
	line = nth_line(f, e->line, &buf, &cap, &len);
	fclose(f);
	vcap = len * 6 + 1; /* an escape takes at most 6 bytes a byte */
	if (!line || !(vis = malloc(vcap))) {
		free(buf);
		return;
	}
	/* columns count characters; an invalid byte is one */
	for (int c = 1; c < e->col && pre < len; c++) {
		uint32_t cp;
		size_t n = text_decode(line + pre, len - pre, &cp);

		pre += n ? n : 1;
	}
	text_visible(line, pre, vis, vcap);
	caret = text_width(vis, strlen(vis));
	text_visible(line, len, vis, vcap);
	len = strlen(vis);
	if (width < 20)
		width = 20;
	if (text_width(vis, len) > width && caret >= width - 1) {
		/* start the window so that the caret lands two thirds of the way in */
		size_t cut = text_fit(vis, len, caret - width * 2 / 3);

		skip = text_width(vis, cut) - 1; /* the "…" takes a column */
		printf("  \u2026");
		len -= cut;
		memmove(vis, vis + cut, len + 1);
		width--;
	} else {
		printf("  ");
	}
	if (text_width(vis, len) > width)
		printf("%.*s\u2026\n", (int)text_fit(vis, len, width - 1), vis);
	else
		printf("%s\n", vis);
	if (e->col > 0)
		printf("  %*s^\n", caret - skip, "");
	free(vis);
	free(buf);
}

/* One line a pack: what a reader of the packs wants to know before opening them. */
static void print_packs(const catalog *c)
{
	for (size_t i = 0; i < catalog_pack_count(c); i++) {
		const bp_pack *p = catalog_pack(c, i);
		int kinds[KIND_COUNT] = { 0 }, levels[4] = { 0 };
		char design[32] = "";

		for (size_t k = p->first; k < p->first + p->count; k++) {
			const bp_item *it = catalog_item(c, k);

			kinds[it->kind]++;
			levels[it->level]++;
		}
		if (kinds[KIND_DESIGN])
			snprintf(design, sizeof(design), ", design %d", kinds[KIND_DESIGN]);
		printf("pack %s (%s): %zu %s; open %d, coding %d, scenario %d, choice %d%s; "
		       "levels 1/2/3: %d/%d/%d\n",
		       p->id, area_name(p->area), p->count,
		       text_plural((long long)p->count, "item", "items"), kinds[KIND_OPEN],
		       kinds[KIND_CODING], kinds[KIND_SCENARIO], kinds[KIND_CHOICE], design,
		       levels[1], levels[2], levels[3]);
	}
}

int cmd_validate(const app_opts *o, int argc, char **argv)
{
	const char *paths[256];
	char dirs[APP_MAX_CONTENT][PATHS_MAX];
	size_t n = 0, items, packs, files;
	bool strict = false, run = false;
	int ran = 0;
	bp_diags d = { 0 };
	catalog *c;
	char buf[1200];

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--strict") == 0) {
			strict = true;
		} else if (strcmp(argv[i], "--run") == 0) {
			run = true;
		} else if (argv[i][0] == '-') {
			return cli_usage_error("unknown option '%s' for validate", argv[i]);
		} else if (n < sizeof(paths) / sizeof(paths[0])) {
			paths[n++] = argv[i];
		}
	}
	if (n == 0) {
		n = app_content_dirs(o, dirs, APP_MAX_CONTENT);
		for (size_t i = 0; i < n; i++)
			paths[i] = dirs[i];
	}
	if (n == 0) {
		fprintf(stderr, "backprep: no content to validate; name a file or directory\n");
		return EXIT_USAGE;
	}
	if (catalog_load(paths, n, &c, &d) < 0) {
		fprintf(stderr, "backprep: out of memory\n");
		return EXIT_PROBLEMS;
	}
	if (strict)
		catalog_check_quality(c, &d);
	if (run)
		cli_run_references(c, &d, &ran);
	for (size_t i = 0; i < d.n; i++) {
		puts(bp_error_str(&d.v[i], buf, sizeof(buf)));
		show_line(&d.v[i]);
	}
	print_packs(c);
	items = catalog_count(c);
	packs = catalog_pack_count(c);
	files = catalog_file_count(c);
	if (d.n)
		printf("%zu %s; ", d.n, text_plural((long long)d.n, "problem", "problems"));
	else
		printf("ok: ");
	printf("%zu %s in %zu %s%s %zu %s%s\n", items,
	       text_plural((long long)items, "item", "items"), packs,
	       text_plural((long long)packs, "pack", "packs"), d.n ? " loaded from" : ",", files,
	       text_plural((long long)files, "file", "files"), !d.n && strict ? " (strict)" : "");
	if (run)
		printf("%d reference %s run against %s tests\n", ran,
		       text_plural(ran, "solution", "solutions"), text_plural(ran, "its", "their"));
	n = d.n;
	bp_diags_free(&d);
	catalog_free(c);
	return n ? EXIT_PROBLEMS : 0;
}
