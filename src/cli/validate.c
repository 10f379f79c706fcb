/* validate: check content files and print every problem as file:line:col: message. */
#include <stdio.h>
#include <string.h>

#include "backprep/catalog.h"
#include "backprep/text.h"
#include "cli.h"

/* The source line of a problem with a caret under its column, as compilers show it. */
static void show_line(const bp_error *e)
{
	FILE *f;
	char line[512];
	int n = 0;

	if (!e->file[0] || e->line <= 0 || !(f = fopen(e->file, "r")))
		return;
	while (fgets(line, sizeof(line), f))
		if (++n == e->line)
			break;
	fclose(f);
	if (n != e->line)
		return;
	line[strcspn(line, "\n")] = '\0';
	for (char *p = line; *p; p++) /* the file may hold what a terminal must not see */
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	printf("  %s\n", line);
	if (e->col > 0 && e->col < 200)
		printf("  %*s^\n", e->col - 1, "");
}

/* One line a pack: what a reader of the packs wants to know before opening them. */
static void print_packs(const catalog *c)
{
	for (size_t i = 0; i < catalog_pack_count(c); i++) {
		const bp_pack *p = catalog_pack(c, i);
		int kinds[4] = { 0 }, levels[4] = { 0 };

		for (size_t k = p->first; k < p->first + p->count; k++) {
			const bp_item *it = catalog_item(c, k);

			kinds[it->kind]++;
			levels[it->level]++;
		}
		printf("pack %s (%s): %zu %s; open %d, coding %d, scenario %d, choice %d; "
		       "levels 1/2/3: %d/%d/%d\n",
		       p->id, area_name(p->area), p->count,
		       text_plural((long long)p->count, "item", "items"), kinds[KIND_OPEN],
		       kinds[KIND_CODING], kinds[KIND_SCENARIO], kinds[KIND_CHOICE], levels[1],
		       levels[2], levels[3]);
	}
}

int cmd_validate(const app_opts *o, int argc, char **argv)
{
	const char *paths[256];
	char dirs[APP_MAX_CONTENT][PATHS_MAX];
	size_t n = 0, items, packs, files;
	bool strict = false;
	bp_diags d = { 0 };
	catalog *c;
	char buf[1200];

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--strict") == 0) {
			strict = true;
		} else if (argv[i][0] == '-') {
			fprintf(stderr, "backprep: unknown option '%s' for validate\n", argv[i]);
			cli_usage(stderr);
			return EXIT_USAGE;
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
	n = d.n;
	bp_diags_free(&d);
	catalog_free(c);
	return n ? EXIT_PROBLEMS : 0;
}
