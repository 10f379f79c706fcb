/* pack: a content pack file (shared/CONTENT.md) into catalog items. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/text.h"
#include "catalog_impl.h"

static const sfield pack_fields[] = {
	{ "pack", true }, { "title", true }, { "area", true }, { "version", true },
	{ "items", true }, { NULL, false },
};

static const sfield common_fields[] = {
	{ "id", true },	       { "rev", true },	      { "kind", true },	    { "level", true },
	{ "week", true },      { "minutes", true },   { "tags", false },    { "prompt", true },
	{ "hints", false },    { "key_points", false }, { "pitfalls", false }, { "follow_ups", false },
	{ "answer", false },   { "guide", false },	{ "twists", false }, { NULL, false },
};

static const sfield coding_fields[] = {
	{ "examples", false }, { "constraints", false }, { "edge_cases", false },
	{ "complexity", false }, { "solution", false },	 { "tests", false },
	{ "signature", false },  { NULL, false },
};

static const sfield scenario_fields[] = {
	{ "steps", true },      { "root_cause", true }, { "mitigation", true },
	{ "prevention", true }, { NULL, false },
};

static const sfield choice_fields[] = {
	{ "choices", true }, { "correct", true }, { "explain", true }, { NULL, false },
};

static const sfield design_fields[] = { { "phases", true }, { NULL, false } };

static const char *const kind_names[KIND_COUNT] = { "open", "coding", "scenario", "choice",
						    "design" };

/* A design item's phases take these titles, in this order (design-format.md). */
static const char *const phase_titles[] = {
	"Requirements and scope", "Estimation",	      "API",		"Data model",
	"High-level design",	  "Deep dives",	      "Failure handling", "Operability",
};
enum { N_PHASE_TITLES = sizeof(phase_titles) / sizeof(phase_titles[0]) };

const char *kind_name(bp_kind k)
{
	return kind_names[k];
}

static bool read_kind(sctx *s, const ynode *n, const char *what, bp_kind *out)
{
	const char *t = s_text(s, n, "kind", what);

	for (int k = 0; t && k < KIND_COUNT; k++) {
		if (strcmp(t, kind_names[k]) == 0) {
			*out = (bp_kind)k;
			return true;
		}
	}
	if (t)
		s_err(s, n,
		      "unknown kind '%.40s' in %s (kinds: open, coding, scenario, choice, design)",
		      t, what);
	return false;
}

static void read_examples(sctx *s, const ynode *n, const char *what, bp_item *it)
{
	static const sfield f[] = { { "input", true }, { "output", true }, { "explain", false },
				    { NULL, false } };
	static const sfield *const t[] = { f, NULL };

	if (n->type != YN_SEQ) {
		s_err(s, n, "'examples' in %s must be a list", what);
		return;
	}
	it->examples = arena_alloc(s->ar, (n->n ? n->n : 1) * sizeof(*it->examples));
	for (size_t i = 0; it->examples && i < n->n; i++) {
		const ynode *m = n->kids[i];
		bp_example *ex = &it->examples[it->n_examples];

		if (!s_map(s, m, t, "an example"))
			continue;
		ex->input = s_text(s, ytree_get(m, "input"), "input", what);
		ex->output = s_text(s, ytree_get(m, "output"), "output", what);
		s_opt_text(s, m, "explain", what, &ex->explain);
		it->n_examples++;
	}
}

static void read_coding(sctx *s, const ynode *m, const char *what, bp_item *it)
{
	static const sfield cf[] = { { "time", true }, { "space", true }, { NULL, false } };
	static const sfield *const ct[] = { cf, NULL };
	const ynode *n;

	if ((n = ytree_get(m, "examples")))
		read_examples(s, n, what, it);
	if ((n = ytree_get(m, "signature")))
		codetest_read_signature(s, n, what, it);
	if ((n = ytree_get(m, "tests")))
		codetest_read_tests(s, n, what, it);
	if ((n = ytree_get(m, "complexity")) && s_map(s, n, ct, "'complexity'")) {
		it->time = s_text(s, ytree_get(n, "time"), "time", what);
		it->space = s_text(s, ytree_get(n, "space"), "space", what);
	}
	s_opt_texts(s, m, "constraints", what, &it->constraints);
	s_opt_texts(s, m, "edge_cases", what, &it->edge_cases);
	s_opt_text(s, m, "solution", what, &it->solution);
}

static void read_scenario(sctx *s, const ynode *m, const char *what, bp_item *it)
{
	static const sfield sf[] = { { "show", true }, { "ask", true }, { "expect", true },
				     { NULL, false } };
	static const sfield *const st[] = { sf, NULL };
	const ynode *n = ytree_get(m, "steps");

	if (n && n->type != YN_SEQ) {
		s_err(s, n, "'steps' in %s must be a list", what);
	} else if (n) {
		it->steps = arena_alloc(s->ar, (n->n ? n->n : 1) * sizeof(*it->steps));
		for (size_t i = 0; it->steps && i < n->n; i++) {
			const ynode *k = n->kids[i];
			bp_step *step = &it->steps[it->n_steps];

			if (!s_map(s, k, st, "a step"))
				continue;
			step->show = s_text(s, ytree_get(k, "show"), "show", what);
			step->ask = s_text(s, ytree_get(k, "ask"), "ask", what);
			s_texts(s, ytree_get(k, "expect"), "expect", what, &step->expect);
			it->n_steps++;
		}
	}
	s_opt_text(s, m, "root_cause", what, &it->root_cause);
	s_opt_text(s, m, "mitigation", what, &it->mitigation);
	s_opt_text(s, m, "prevention", what, &it->prevention);
}

static int phase_title_index(const char *t)
{
	for (int i = 0; t && i < N_PHASE_TITLES; i++)
		if (strcmp(t, phase_titles[i]) == 0)
			return i;
	return -1;
}

/* One phase of a design item: a title from the fixed list, after the previous phase's. */
static void read_phase(sctx *s, const ynode *k, const char *what, int *last, bp_step *ph)
{
	static const sfield pf[] = { { "title", true },	     { "minutes", true },
				     { "ask", true },	     { "key_points", true },
				     { "answer", false },    { NULL, false } };
	static const sfield *const pt[] = { pf, NULL };
	const ynode *tn = k->type == YN_MAP ? ytree_get(k, "title") : NULL;
	int at;

	if (tn)
		ph->title = s_text(s, tn, "title", what);
	at = phase_title_index(ph->title);
	if (ph->title && at < 0)
		s_err(s, tn,
		      "unknown phase '%.40s' in %s (phases: Requirements and scope, Estimation, "
		      "API, Data model, High-level design, Deep dives, Failure handling, "
		      "Operability)",
		      ph->title, what);
	else if (ph->title && at <= *last)
		s_err(s, tn, "phase '%s' in %s comes after '%s'; phases keep the order of the list",
		      ph->title, what, phase_titles[*last]);
	if (at > *last)
		*last = at;
	/* a phase with an unknown or missing key still counts its minutes: one typo, one error */
	if (!s_map(s, k, pt, "a phase") && k->type != YN_MAP)
		return;
	if (ytree_get(k, "minutes"))
		s_int(s, ytree_get(k, "minutes"), "minutes", what, 1, 60, &ph->minutes);
	s_opt_text(s, k, "ask", what, &ph->ask);
	s_opt_texts(s, k, "key_points", what, &ph->expect);
	s_opt_text(s, k, "answer", what, &ph->answer);
}

/* A design item: its phases, whose minutes make the item's; key points and answers live
 * on the phases, not on the item. */
static void read_design(sctx *s, const ynode *m, const char *what, bp_item *it)
{
	const ynode *n = ytree_get(m, "phases");
	int sum = 0, last = -1;

	if (ytree_get(m, "key_points"))
		s_err(s, ytree_get(m, "key_points"),
		      "'key_points' in %s belong to its phases (a design item has none of its own)",
		      what);
	if (ytree_get(m, "answer"))
		s_err(s, ytree_get(m, "answer"),
		      "'answer' in %s belongs to its phases (a design item has none of its own)",
		      what);
	if (!n)
		return;
	if (n->type != YN_SEQ || n->n == 0) {
		s_err(s, n, "'phases' in %s must be a list of phases", what);
		return;
	}
	it->steps = arena_alloc(s->ar, n->n * sizeof(*it->steps));
	for (size_t i = 0; it->steps && i < n->n; i++) {
		bp_step *ph = &it->steps[it->n_steps];

		memset(ph, 0, sizeof(*ph));
		read_phase(s, n->kids[i], what, &last, ph);
		sum += ph->minutes;
		it->n_steps++;
	}
	if (ytree_get(m, "minutes") && sum != it->minutes)
		s_err(s, ytree_get(m, "minutes"),
		      "%s says %d minutes but its phases add up to %d", what, it->minutes, sum);
}

/* twists: [{at, text}], each at a minute strictly inside the item's minutes. */
static void read_twists(sctx *s, const ynode *n, const char *what, bp_item *it)
{
	static const sfield f[] = { { "at", true }, { "text", true }, { NULL, false } };
	static const sfield *const t[] = { f, NULL };

	if (n->type != YN_SEQ || n->n == 0) {
		s_err(s, n, "'twists' in %s must be a list of {at, text}", what);
		return;
	}
	it->twists = arena_alloc(s->ar, n->n * sizeof(*it->twists));
	for (size_t i = 0; it->twists && i < n->n; i++) {
		const ynode *k = n->kids[i];
		bp_twist *tw = &it->twists[it->n_twists];
		const ynode *at = ytree_get(k, "at");

		if (!s_map(s, k, t, "a twist"))
			continue;
		tw->text = s_text(s, ytree_get(k, "text"), "text", what);
		if (!s_int(s, at, "at", what, 0, 1000, &tw->at))
			continue;
		if (it->minutes > 0 && (tw->at <= 0 || tw->at >= it->minutes))
			s_err(s, at, "a twist of %s is at minute %d; it must fall inside its %d "
				     "minutes (0 < at < minutes)",
			      what, tw->at, it->minutes);
		it->n_twists++;
	}
}

static void read_choice(sctx *s, const ynode *m, const char *what, bp_item *it)
{
	const ynode *n = ytree_get(m, "correct");

	s_opt_texts(s, m, "choices", what, &it->choices);
	s_opt_text(s, m, "explain", what, &it->explain);
	if (ytree_get(m, "choices") && (it->choices.n < 2 || it->choices.n > 6))
		s_err(s, ytree_get(m, "choices"), "%s has %d %s; 2 to 6 are allowed", what,
		      it->choices.n, text_plural(it->choices.n, "choice", "choices"));
	if (!n)
		return;
	if (n->type != YN_SEQ || n->n == 0) {
		s_err(s, n, "'correct' in %s must be a list of choice numbers (from 0)", what);
		return;
	}
	it->correct = arena_alloc(s->ar, n->n * sizeof(*it->correct));
	for (size_t i = 0; it->correct && i < n->n; i++) {
		int v;

		if (s_int(s, n->kids[i], "correct", what, 0, it->choices.n ? it->choices.n - 1 : 0,
			  &v))
			it->correct[it->n_correct++] = v;
	}
}

static void check_id(catalog *c, sctx *s, const ynode *n, const bp_item *it, bp_area area,
		     const char *what)
{
	const char *dot = strchr(it->id, '.');
	const char *an = area_name(area);
	long prev;

	/* a full design is `design.<slug>` whatever its area (design-format.md) */
	if (it->kind == KIND_DESIGN && strncmp(it->id, "design.", 7) == 0)
		an = "design";
	if (strlen(it->id) > 100)
		s_err(s, n, "id '%.40s...' is longer than 100 characters", it->id);
	else if (!dot || (size_t)(dot - it->id) != strlen(an) || strncmp(it->id, an, strlen(an)) != 0 ||
	    !s_slug_ok(dot + 1))
		s_err(s, n, "id '%.80s' must be '%s.<slug>' (slug: a-z, 0-9 and '-')", it->id, an);
	prev = catalog_lookup(c, it->id);
	if (prev >= 0) {
		const bp_item *p = &c->items[prev];

		s_err(s, n, "duplicate id '%.80s' in %s (first at %s:%d:%d)", it->id, what, p->file,
		      p->line, p->col);
	}
}

static void read_item(catalog *c, sctx *s, const ynode *m, const bp_pack *pack, size_t nth)
{
	static const sfield *const by_kind[][3] = {
		{ common_fields, NULL, NULL },
		{ common_fields, coding_fields, NULL },
		{ common_fields, scenario_fields, NULL },
		{ common_fields, choice_fields, NULL },
		{ common_fields, design_fields, NULL },
	};
	char what[160];
	const ynode *idn = ytree_get(m, "id"), *kn = ytree_get(m, "kind");
	bp_kind kind = KIND_OPEN;
	bp_item *it;
	int before = s->errors;

	if (m->type == YN_MAP && idn && idn->type == YN_SCALAR)
		snprintf(what, sizeof(what), "item '%.100s'", idn->str);
	else
		snprintf(what, sizeof(what), "item %zu", nth + 1);
	if (m->type == YN_MAP && kn && !read_kind(s, kn, what, &kind))
		return;
	if (!s_map(s, m, by_kind[kind], what) && !ytree_get(m, "id"))
		return;
	it = catalog_new_item(c);
	if (!it) {
		s_err(s, m, "out of memory");
		return;
	}
	it->kind = kind;
	it->area = pack->area;
	it->pack = pack->id;
	it->file = s->file;
	it->line = m->line;
	it->col = m->col;
	it->id = s_text(s, idn, "id", what);
	if (it->id)
		check_id(c, s, idn, it, pack->area, what);
	if (ytree_get(m, "rev"))
		s_int(s, ytree_get(m, "rev"), "rev", what, 1, 1000000, &it->rev);
	if (ytree_get(m, "level"))
		s_int(s, ytree_get(m, "level"), "level", what, 1, 3, &it->level);
	if (ytree_get(m, "week"))
		s_int(s, ytree_get(m, "week"), "week", what, 1, 4, &it->week);
	if (ytree_get(m, "minutes"))
		s_int(s, ytree_get(m, "minutes"), "minutes", what, 1, 120, &it->minutes);
	if (ytree_get(m, "guide"))
		s_bool(s, ytree_get(m, "guide"), "guide", what, &it->guide);
	s_opt_text(s, m, "prompt", what, &it->prompt);
	s_opt_text(s, m, "answer", what, &it->answer);
	s_opt_texts(s, m, "tags", what, &it->tags);
	s_opt_texts(s, m, "hints", what, &it->hints);
	s_opt_texts(s, m, "key_points", what, &it->key_points);
	s_opt_texts(s, m, "pitfalls", what, &it->pitfalls);
	s_opt_texts(s, m, "follow_ups", what, &it->follow_ups);
	if (kind == KIND_CODING)
		read_coding(s, m, what, it);
	else if (kind == KIND_SCENARIO)
		read_scenario(s, m, what, it);
	else if (kind == KIND_CHOICE)
		read_choice(s, m, what, it);
	else if (kind == KIND_DESIGN)
		read_design(s, m, what, it);
	if (ytree_get(m, "twists"))
		read_twists(s, ytree_get(m, "twists"), what, it);
	if (kind == KIND_OPEN || kind == KIND_CODING) {
		if (!ytree_get(m, "key_points"))
			s_err(s, m, "missing required key 'key_points' in %s (a %s item)", what,
			      kind_name(kind));
		if (!ytree_get(m, "answer"))
			s_err(s, m, "missing required key 'answer' in %s (a %s item)", what,
			      kind_name(kind));
	}
	if (s->errors == before && it->id)
		catalog_index_put(c, c->n_items - 1);
}

void pack_read(catalog *c, sctx *s, const ynode *root)
{
	static const sfield *const t[] = { pack_fields, NULL };
	size_t first = c->n_items;
	const ynode *items;
	bp_pack pack = { 0 };
	int before = s->errors;

	if (!s_map(s, root, t, "a pack") && (!root || root->type != YN_MAP))
		return;
	pack.file = s->file;
	s_opt_text(s, root, "pack", "the pack", &pack.id);
	s_opt_text(s, root, "title", "the pack", &pack.title);
	if (pack.id && !s_slug_ok(pack.id))
		s_err(s, ytree_get(root, "pack"), "pack id '%.80s' must use a-z, 0-9 and '-'",
		      pack.id);
	if (!ytree_get(root, "area") || !s_area(s, ytree_get(root, "area"), "area", "the pack",
						 &pack.area))
		return;
	if (ytree_get(root, "version"))
		s_int(s, ytree_get(root, "version"), "version", "the pack", 1, 1000000,
		      &pack.version);
	items = ytree_get(root, "items");
	if (items && items->type != YN_SEQ)
		s_err(s, items, "'items' must be a list of items");
	else if (items)
		for (size_t i = 0; i < items->n; i++)
			read_item(c, s, items->kids[i], &pack, i);
	for (size_t i = 0; i < c->n_packs && pack.id; i++)
		if (strcmp(c->packs[i].id, pack.id) == 0)
			s_err(s, ytree_get(root, "pack"), "pack id '%s' is used already by %s",
			      pack.id, c->packs[i].file);
	if (s->errors != before) { /* a pack with an error is skipped whole */
		c->n_items = first;
		catalog_index_rebuild(c);
		return;
	}
	if (c->n_packs == c->cap_packs) {
		size_t cap = c->cap_packs ? c->cap_packs * 2 : 8;
		bp_pack *v = realloc(c->packs, cap * sizeof(*v));

		if (!v) {
			s_err(s, root, "out of memory");
			return;
		}
		c->packs = v;
		c->cap_packs = cap;
	}
	pack.first = first;
	pack.count = c->n_items - first;
	c->packs[c->n_packs++] = pack;
}
