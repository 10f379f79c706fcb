/* keys: `backprep keys` (the keys in force) and the hidden `backprep ids` (for completion). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/catalog.h"
#include "backprep/keymap.h"
#include "backprep/paths.h"
#include "backprep/text.h"
#include "cli.h"
#include "commands.h"

static void print_row(int r)
{
	char keys[64];

	printf("  %c %-14s %-22s %s\n", keymap_rebound(r) ? '*' : ' ',
	       keymap_keys_name(r, keys, sizeof(keys)), key_table[r].name, key_table[r].label);
}

int cmd_keys(const app_opts *o, int argc, char **argv)
{
	bp_config *cfg = NULL;
	char path[PATHS_MAX], shown[PATHS_MAX];
	bp_error e;
	int rc;

	(void)o, (void)argv;
	if (argc > 0)
		return cli_usage_error("keys takes no arguments");
	if (!(cfg = calloc(1, sizeof(*cfg)))) {
		bp_error_set(&e, "out of memory");
		return cli_fail(&e);
	}
	rc = app_load_config(cfg, path, sizeof(path), &e);
	if (rc < 0) {
		free(cfg);
		return cli_fail(&e);
	}
	text_visible(path, strlen(path), shown, sizeof(shown));
	if (cfg->n_binds)
		printf("Keys in force; * marks the %d %s set in %s (keys:).\n", cfg->n_binds,
		       text_plural(cfg->n_binds, "action", "actions"), shown);
	else
		printf("Keys in force: the defaults (config.yaml's keys: changes them: %s).\n",
		       *shown ? shown : "none");
	free(cfg);
	for (size_t i = 0; i < keymap_n_sections; i++) {
		printf("\n%s\n", keymap_sections[i].title);
		for (size_t r = 0; r < keymap_count(); r++)
			if ((key_table[r].ctx & keymap_sections[i].ctx) && key_table[r].ctx != CTX_ALL)
				print_row((int)r);
	}
	printf("\nEverywhere\n");
	for (size_t r = 0; r < keymap_count(); r++)
		if (key_table[r].ctx == CTX_ALL)
			print_row((int)r);
	return 0;
}

struct ids {
	const char *prefix;
	size_t len;
};

static void print_id(const char *id, void *ctx)
{
	const struct ids *w = ctx;
	char shown[256];

	if (strncmp(id, w->prefix, w->len) != 0)
		return;
	text_visible(id, strlen(id), shown, sizeof(shown));
	puts(shown);
}

int cmd_ids(const app_opts *o, int argc, char **argv)
{
	char dirs[APP_MAX_CONTENT][PATHS_MAX];
	const char *paths[APP_MAX_CONTENT];
	struct ids w = { argc > 0 ? argv[0] : "", 0 };
	size_t n = app_content_dirs(o, dirs, APP_MAX_CONTENT);

	if (argc > 1)
		return cli_usage_error("ids takes at most one prefix");
	w.len = strlen(w.prefix);
	for (size_t i = 0; i < n; i++)
		paths[i] = dirs[i];
	catalog_ids(paths, n, print_id, &w);
	return 0;
}
