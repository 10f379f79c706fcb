/* rounds: rubrics.yaml and mocks.yaml, the material of timed mock rounds. */
#include <stdio.h>
#include <string.h>

#include "backprep/text.h"
#include "catalog_impl.h"

static void read_dimension(sctx *s, const ynode *d, const char *what, bp_dimension *out)
{
	static const sfield f[] = { { "id", true }, { "title", true }, { "levels", true },
				    { NULL, false } };
	static const sfield *const t[] = { f, NULL };
	bp_strs levels = { 0 };
	const ynode *l;

	if (!s_map(s, d, t, what))
		return;
	s_check_slug(s, d, what);
	s_opt_text(s, d, "id", what, &out->id);
	s_opt_text(s, d, "title", what, &out->title);
	l = ytree_get(d, "levels");
	if (!s_texts(s, l, "levels", what, &levels))
		return;
	if (levels.n != 4) {
		s_err(s, l, "%s has %d %s; it must describe exactly 4 (1 to 4)", what, levels.n,
		      text_plural(levels.n, "level", "levels"));
		return;
	}
	for (int i = 0; i < 4; i++)
		out->levels[i] = levels.v[i];
}

static void read_rubric(sctx *s, const ynode *r, size_t i, bp_rubric *out)
{
	static const sfield f[] = { { "id", true }, { "title", true }, { "dimensions", true },
				    { NULL, false } };
	static const sfield *const t[] = { f, NULL };
	char what[64];
	const ynode *dims;

	snprintf(what, sizeof(what), "rubric %zu", i + 1);
	if (!s_map(s, r, t, what))
		return;
	s_check_slug(s, r, what);
	s_opt_text(s, r, "id", what, &out->id);
	s_opt_text(s, r, "title", what, &out->title);
	dims = ytree_get(r, "dimensions");
	if (!s_list(s, dims, "dimensions"))
		return;
	out->dims = arena_alloc(s->ar, (dims->n ? dims->n : 1) * sizeof(*out->dims));
	for (size_t k = 0; out->dims && k < dims->n; k++)
		read_dimension(s, dims->kids[k], "a dimension", &out->dims[out->n_dims++]);
}

/* A list under `key`, with room for one struct of `size` per entry. */
static void *list_of(sctx *s, const ynode *root, const char *key, const char *what, size_t size,
		     const ynode **list)
{
	const sfield f[] = { { key, true }, { NULL, false } };
	const sfield *const t[] = { f, NULL };

	if (!s_map(s, root, t, what))
		return NULL;
	*list = ytree_get(root, key);
	if (!s_list(s, *list, key))
		return NULL;
	return arena_alloc(s->ar, ((*list)->n ? (*list)->n : 1) * size);
}

void rubrics_read(catalog *c, sctx *s, const ynode *root)
{
	const ynode *list;
	bp_rubric *v = list_of(s, root, "rubrics", "the rubrics file", sizeof(*v), &list);
	int before = s->errors;

	for (size_t i = 0; v && i < list->n; i++)
		read_rubric(s, list->kids[i], i, &v[i]);
	if (v && s->errors == before) {
		c->rubrics = v;
		c->n_rubrics = list->n;
	}
}

static int parse_kind(const char *t)
{
	for (int k = 0; t && k < KIND_COUNT; k++)
		if (strcmp(t, kind_name((bp_kind)k)) == 0)
			return k;
	return -2;
}

static void read_twist(sctx *s, const ynode *v, const char *what, bp_segment *g)
{
	static const sfield f[] = { { "at", true }, { "text", true }, { "generic", false },
				    { NULL, false } };
	static const sfield *const t[] = { f, NULL };

	if (!s_map(s, v, t, "a twist"))
		return;
	s_int(s, ytree_get(v, "at"), "at", what, 0, g->minutes, &g->twist_at);
	g->twist = s_text(s, ytree_get(v, "text"), "text", what);
	/* only a twist that fits any question is shown for one without its own (mock.h) */
	if (ytree_get(v, "generic"))
		s_bool(s, ytree_get(v, "generic"), "generic", what, &g->twist_generic);
}

static void read_phases(sctx *s, const ynode *v, const char *what, bp_segment *g)
{
	static const sfield f[] = { { "title", true }, { "minutes", true }, { NULL, false } };
	static const sfield *const t[] = { f, NULL };
	int sum = 0;

	if (!s_list(s, v, "phases"))
		return;
	g->phases = arena_alloc(s->ar, (v->n ? v->n : 1) * sizeof(*g->phases));
	for (size_t i = 0; g->phases && i < v->n; i++) {
		bp_phase *p = &g->phases[g->n_phases];

		if (!s_map(s, v->kids[i], t, "a phase"))
			continue;
		p->title = s_text(s, ytree_get(v->kids[i], "title"), "title", what);
		if (s_int(s, ytree_get(v->kids[i], "minutes"), "minutes", what, 1, 240, &p->minutes))
			sum += p->minutes;
		g->n_phases++;
	}
	if (sum != g->minutes)
		s_err(s, v, "the phases of %s add up to %d %s, not its %d", what, sum,
		      text_plural(sum, "minute", "minutes"), g->minutes);
}

static int read_segment(sctx *s, const ynode *n, const char *what, bp_segment *g)
{
	static const sfield f[] = { { "title", true }, { "area", true },   { "kind", false },
				    { "level", false }, { "minutes", true }, { "rubric", true },
				    { "phases", false }, { "twist", false }, { NULL, false } };
	static const sfield *const t[] = { f, NULL };
	const ynode *v;

	g->kind = -1;
	g->twist_at = -1;
	if (!s_map(s, n, t, what))
		return 0;
	g->file = s->file;
	g->line = n->line;
	g->col = n->col;
	s_opt_text(s, n, "title", what, &g->title);
	s_area(s, ytree_get(n, "area"), "area", what, &g->area);
	s_opt_text(s, n, "rubric", what, &g->rubric);
	s_int(s, ytree_get(n, "minutes"), "minutes", what, 1, 240, &g->minutes);
	if ((v = ytree_get(n, "level")))
		s_int(s, v, "level", what, 1, 3, &g->level);
	if ((v = ytree_get(n, "kind"))) {
		const char *k = s_text(s, v, "kind", what);

		g->kind = parse_kind(k);
		if (k && g->kind < 0)
			s_err(s, v, "unknown kind '%.40s' in %s", k, what);
	}
	if ((v = ytree_get(n, "twist")))
		read_twist(s, v, what, g);
	if ((v = ytree_get(n, "phases")))
		read_phases(s, v, what, g);
	return g->minutes;
}

static void read_mock(sctx *s, const ynode *m, size_t i, bp_mock *out)
{
	static const sfield f[] = { { "id", true }, { "title", true }, { "minutes", true },
				    { "description", false }, { "segments", true },
				    { NULL, false } };
	static const sfield *const t[] = { f, NULL };
	char what[64];
	const ynode *segs;
	int sum = 0;

	snprintf(what, sizeof(what), "mock %zu", i + 1);
	if (!s_map(s, m, t, what))
		return;
	s_check_slug(s, m, what);
	s_opt_text(s, m, "id", what, &out->id);
	s_opt_text(s, m, "title", what, &out->title);
	s_opt_text(s, m, "description", what, &out->description);
	s_int(s, ytree_get(m, "minutes"), "minutes", what, 1, 480, &out->minutes);
	segs = ytree_get(m, "segments");
	if (!s_list(s, segs, "segments"))
		return;
	out->segments = arena_alloc(s->ar, (segs->n ? segs->n : 1) * sizeof(*out->segments));
	for (size_t k = 0; out->segments && k < segs->n; k++)
		sum += read_segment(s, segs->kids[k], "a segment", &out->segments[out->n_segments++]);
	if (sum != out->minutes)
		s_err(s, segs, "the segments of %s add up to %d %s, not its %d", what, sum,
		      text_plural(sum, "minute", "minutes"), out->minutes);
}

void mocks_read(catalog *c, sctx *s, const ynode *root)
{
	const ynode *list;
	bp_mock *v = list_of(s, root, "mocks", "the mocks file", sizeof(*v), &list);
	int before = s->errors;

	for (size_t i = 0; v && i < list->n; i++)
		read_mock(s, list->kids[i], i, &v[i]);
	if (v && s->errors == before) {
		c->mocks = v;
		c->n_mocks = list->n;
	}
}

void rounds_check_refs(catalog *c, bp_diags *diags)
{
	for (size_t i = 0; i < c->n_mocks; i++)
		for (int k = 0; k < c->mocks[i].n_segments; k++) {
			const bp_segment *g = &c->mocks[i].segments[k];
			bp_error e;

			if (!g->rubric || !c->n_rubrics || catalog_rubric_find(c, g->rubric))
				continue;
			bp_error_set(&e, "mock '%s': segment '%s' names rubric '%s', which "
					 "rubrics.yaml does not define",
				     c->mocks[i].id, g->title ? g->title : "?", g->rubric);
			bp_diags_add(diags, &e);
		}
}
