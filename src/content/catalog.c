/* catalog: reading content directories into one catalog, and looking items up. */
#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/paths.h"
#include "catalog_impl.h"

static const char *const area_names[AREA_COUNT] = {
	"coding", "data-modeling", "api", "scale", "debugging", "behavioral", "recruiter",
};

const char *area_name(bp_area a)
{
	return (unsigned)a < AREA_COUNT ? area_names[a] : "?";
}

int plan_share(const double focus[AREA_COUNT], bp_area a, int new_per_day, int days)
{
	double sum = 0;

	for (int k = 0; k < AREA_COUNT; k++)
		sum += focus[k];
	if (sum <= 0)
		return 0;
	return (int)lround(focus[a] / sum * new_per_day * days);
}

bool segment_kind_ok(const bp_segment *g, const bp_item *it)
{
	/* a 40-minute design never fills a segment that did not ask for one */
	return g->kind >= 0 ? (int)it->kind == g->kind
			    : it->kind != KIND_CHOICE && it->kind != KIND_DESIGN;
}

int area_parse(const char *s, bp_area *out)
{
	for (int i = 0; i < AREA_COUNT; i++)
		if (strcmp(s, area_names[i]) == 0) {
			*out = (bp_area)i;
			return 0;
		}
	return -1;
}

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

long catalog_lookup(const catalog *c, const char *id)
{
	if (!c->index_cap)
		return -1;
	for (size_t i = hash(id) & (c->index_cap - 1);; i = (i + 1) & (c->index_cap - 1)) {
		size_t slot = c->index[i];

		if (!slot)
			return -1;
		if (strcmp(c->items[slot - 1].id, id) == 0)
			return (long)(slot - 1);
	}
}

static void index_insert(size_t *index, size_t cap, const char *id, size_t item)
{
	size_t i = hash(id) & (cap - 1);

	while (index[i])
		i = (i + 1) & (cap - 1);
	index[i] = item + 1;
}

int catalog_index_rebuild(catalog *c)
{
	size_t cap = 64;
	size_t *index;

	while (cap < c->n_items * 2 + 2)
		cap *= 2;
	index = calloc(cap, sizeof(*index));
	if (!index)
		return -1;
	for (size_t i = 0; i < c->n_items; i++) {
		const char *id = c->items[i].id;
		bool seen = false; /* of duplicates, the first stays findable */

		if (!id)
			continue;
		for (size_t k = hash(id) & (cap - 1); index[k]; k = (k + 1) & (cap - 1))
			if (strcmp(c->items[index[k] - 1].id, id) == 0)
				seen = true;
		if (!seen)
			index_insert(index, cap, id, i);
	}
	free(c->index);
	c->index = index;
	c->index_cap = cap;
	return 0;
}

int catalog_index_put(catalog *c, size_t item)
{
	if ((c->n_items + 1) * 2 > c->index_cap)
		return catalog_index_rebuild(c);
	if (catalog_lookup(c, c->items[item].id) < 0)
		index_insert(c->index, c->index_cap, c->items[item].id, item);
	return 0;
}

bp_item *catalog_new_item(catalog *c)
{
	if (c->n_items == c->cap_items) {
		size_t cap = c->cap_items ? c->cap_items * 2 : 256;
		bp_item *v = realloc(c->items, cap * sizeof(*v));

		if (!v)
			return NULL;
		c->items = v;
		c->cap_items = cap;
	}
	memset(&c->items[c->n_items], 0, sizeof(bp_item));
	return &c->items[c->n_items++];
}

static bool has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n >= m && strcmp(s + n - m, suf) == 0;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* Reads one file and hands its tree to the reader its name calls for. */
static void load_file(catalog *c, const char *path, bp_diags *diags)
{
	const char *base = base_name(path);
	char *buf = NULL, *file;
	size_t len;
	ynode *root = NULL;
	bp_error e;
	sctx s = { .diags = diags, .quality = &c->quality, .ar = &c->ar };

	c->n_files++;
	file = arena_strndup(&c->ar, path, strlen(path));
	if (!file)
		return;
	s.file = file;
	if (ytree_read_file(path, &buf, &len, &e) < 0 || ytree_parse(file, buf, len, &root, &e) < 0) {
		bp_diags_add(diags, &e);
		free(buf);
		return;
	}
	if (!root) {
		bp_error_at(&e, file, 0, 0, "the file is empty");
		bp_diags_add(diags, &e);
	} else if (strcmp(base, "plan.yaml") == 0) {
		if (!c->has_plan)
			plan_read(c, &s, root);
	} else if (strcmp(base, "tips.yaml") == 0) {
		if (!c->n_tips)
			tips_read(c, &s, root);
	} else if (strcmp(base, "rubrics.yaml") == 0) {
		if (!c->seen_rubrics)
			rubrics_read(c, &s, root);
		c->seen_rubrics = true;
	} else if (strcmp(base, "mocks.yaml") == 0) {
		if (!c->seen_mocks)
			mocks_read(c, &s, root);
		c->seen_mocks = true;
	} else if (strcmp(base, "recruiter.yaml") == 0) {
		if (!c->seen_recruiter)
			recruiter_read(c, &s, root);
		c->seen_recruiter = true;
	} else {
		pack_read(c, &s, root);
	}
	ytree_free(root);
	free(buf);
}

void catalog_use_plan(catalog *c, const char *path, bp_diags *diags)
{
	bp_plan kept = c->plan;
	bool had = c->has_plan;
	char *buf = NULL, *file = arena_strndup(&c->ar, path, strlen(path));
	size_t len;
	ynode *root = NULL;
	bp_error e;
	sctx s = { .diags = diags, .quality = &c->quality, .ar = &c->ar, .file = file };

	if (!file)
		return;
	c->n_files++;
	if (ytree_read_file(path, &buf, &len, &e) < 0 || ytree_parse(file, buf, len, &root, &e) < 0) {
		bp_diags_add(diags, &e);
		free(buf);
		return;
	}
	c->has_plan = false;
	plan_read(c, &s, root);
	if (!c->has_plan) { /* broken: keep the plan there was */
		c->plan = kept;
		c->has_plan = had;
	}
	ytree_free(root);
	free(buf);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void load_dir(catalog *c, const char *dir, bp_diags *diags)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;
	bp_error e;

	if (!d) {
		bp_error_at(&e, dir, 0, 0, "cannot open content directory");
		bp_diags_add(diags, &e);
		return;
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.' ||
		    !(has_suffix(de->d_name, ".yaml") || has_suffix(de->d_name, ".yml")))
			continue;
		if (n == cap) {
			char **v = realloc(names, (cap = cap ? cap * 2 : 16) * sizeof(*v));

			if (!v)
				break;
			names = v;
		}
		if (!(names[n] = malloc(strlen(dir) + strlen(de->d_name) + 2)))
			break;
		sprintf(names[n++], "%s/%s", dir, de->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), by_name);
	for (size_t i = 0; i < n; i++) {
		load_file(c, names[i], diags);
		free(names[i]);
	}
	free(names);
}

int catalog_load(const char *const *paths, size_t n_paths, catalog **out, bp_diags *diags)
{
	catalog *c = calloc(1, sizeof(*c));

	*out = NULL;
	if (!c || catalog_index_rebuild(c) < 0) {
		free(c);
		return -1;
	}
	for (size_t i = 0; i < n_paths; i++) {
		if (paths_is_dir(paths[i]))
			load_dir(c, paths[i], diags);
		else
			load_file(c, paths[i], diags);
	}
	rounds_check_refs(c, diags);
	*out = c;
	return 0;
}

void catalog_free(catalog *c)
{
	if (!c)
		return;
	arena_free(&c->ar);
	free(c->items);
	free(c->packs);
	free(c->index);
	bp_diags_free(&c->quality);
	free(c);
}

size_t catalog_count(const catalog *c)
{
	return c->n_items;
}

const bp_item *catalog_item(const catalog *c, size_t i)
{
	return i < c->n_items ? &c->items[i] : NULL;
}

const bp_item *catalog_find(const catalog *c, const char *id)
{
	long i = catalog_lookup(c, id);

	return i < 0 ? NULL : &c->items[i];
}

size_t catalog_pack_count(const catalog *c)
{
	return c->n_packs;
}

const bp_pack *catalog_pack(const catalog *c, size_t i)
{
	return i < c->n_packs ? &c->packs[i] : NULL;
}

size_t catalog_file_count(const catalog *c)
{
	return c->n_files;
}

const bp_plan *catalog_plan(const catalog *c)
{
	return c->has_plan ? &c->plan : NULL;
}

size_t catalog_tip_count(const catalog *c)
{
	return c->n_tips;
}

const char *catalog_tip(const catalog *c, size_t i)
{
	return i < c->n_tips ? c->tips[i] : NULL;
}

size_t catalog_rubric_count(const catalog *c)
{
	return c->n_rubrics;
}

const bp_rubric *catalog_rubric(const catalog *c, size_t i)
{
	return i < c->n_rubrics ? &c->rubrics[i] : NULL;
}

const bp_rubric *catalog_rubric_find(const catalog *c, const char *id)
{
	for (size_t i = 0; i < c->n_rubrics; i++)
		if (c->rubrics[i].id && strcmp(c->rubrics[i].id, id) == 0)
			return &c->rubrics[i];
	return NULL;
}

size_t catalog_mock_count(const catalog *c)
{
	return c->n_mocks;
}

const bp_mock *catalog_mock(const catalog *c, size_t i)
{
	return i < c->n_mocks ? &c->mocks[i] : NULL;
}

size_t catalog_question_count(const catalog *c)
{
	return c->n_questions;
}

const bp_question *catalog_question(const catalog *c, size_t i)
{
	return i < c->n_questions ? &c->questions[i] : NULL;
}
