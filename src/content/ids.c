/*
 * ids: the item ids of the packs, read fast for the shell's completion: libyaml's events
 * only, no tree and no checks (`validate` does those). Each pack's items: [{id: ...}, ...].
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "backprep/catalog.h"
#include "backprep/paths.h"
#include "ytree.h"

/* The files catalog_load reads by name, which hold no items. */
static bool not_a_pack(const char *base)
{
	static const char *const named[] = { "plan.yaml", "tips.yaml", "rubrics.yaml",
					     "mocks.yaml", "recruiter.yaml" };

	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (strcmp(base, named[i]) == 0)
			return true;
	return false;
}

enum { DEPTH = 4 };

/* One open collection: a map expects a key or a value next, and keeps its last key. */
typedef struct level {
	bool map, want_key;
	char key[8]; /* the last key, when short: "items", "id" */
} level;

static void scan(const char *buf, size_t len, catalog_id_fn fn, void *ctx)
{
	yaml_parser_t p;
	yaml_event_t ev;
	level st[DEPTH];
	int depth = 0; /* open collections; only the first DEPTH are kept */
	bool done = false;

	if (!yaml_parser_initialize(&p))
		return;
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (!done && yaml_parser_parse(&p, &ev)) {
		level *up = depth >= 1 && depth <= DEPTH ? &st[depth - 1] : NULL;
		bool node = ev.type == YAML_SCALAR_EVENT || ev.type == YAML_ALIAS_EVENT ||
			    ev.type == YAML_SEQUENCE_START_EVENT || ev.type == YAML_MAPPING_START_EVENT;
		bool is_key = node && up && up->map && up->want_key;

		if (node && up && up->map)
			up->want_key = !up->want_key;
		switch (ev.type) {
		case YAML_SCALAR_EVENT:
			if (is_key) {
				size_t n = ev.data.scalar.length;

				up->key[0] = '\0';
				if (n < sizeof(up->key))
					memcpy(up->key, ev.data.scalar.value, n + 1);
			} else if (depth == 3 && up->map && strcmp(up->key, "id") == 0 &&
				   !st[1].map && st[0].map && strcmp(st[0].key, "items") == 0) {
				fn((const char *)ev.data.scalar.value, ctx);
			}
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (depth < DEPTH)
				st[depth] = (level){ ev.type == YAML_MAPPING_START_EVENT, true, "" };
			depth++;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_DOCUMENT_END_EVENT:
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
}

static void scan_file(const char *path, catalog_id_fn fn, void *ctx)
{
	const char *base = strrchr(path, '/');
	char *buf = NULL;
	size_t len;
	bp_error e;

	if (not_a_pack(base ? base + 1 : path))
		return;
	if (ytree_read_file(path, &buf, &len, &e) == 0)
		scan(buf, len, fn, ctx);
	free(buf);
}

static int yaml_name(const struct dirent *de)
{
	size_t n = strlen(de->d_name);

	return de->d_name[0] != '.' &&
	       ((n > 5 && strcmp(de->d_name + n - 5, ".yaml") == 0) ||
		(n > 4 && strcmp(de->d_name + n - 4, ".yml") == 0));
}

void catalog_ids(const char *const *paths, size_t n_paths, catalog_id_fn fn, void *ctx)
{
	for (size_t i = 0; i < n_paths; i++) {
		struct dirent **v;
		int n;

		if (!paths_is_dir(paths[i])) {
			scan_file(paths[i], fn, ctx);
			continue;
		}
		if ((n = scandir(paths[i], &v, yaml_name, alphasort)) < 0)
			continue;
		for (int j = 0; j < n; j++) {
			char path[PATHS_MAX];

			if ((size_t)snprintf(path, sizeof(path), "%s/%s", paths[i], v[j]->d_name) <
			    sizeof(path))
				scan_file(path, fn, ctx);
			free(v[j]);
		}
		free(v);
	}
}
