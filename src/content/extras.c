/* extras: plan.yaml, tips.yaml, and the checks of rubrics, mocks and recruiter files. */
#include <stdio.h>
#include <string.h>

#include "catalog_impl.h"

static bool want_list(sctx *s, const ynode *n, const char *key)
{
	if (n && n->type == YN_SEQ)
		return true;
	s_err(s, n, "'%s' must be a list", key);
	return false;
}

static void read_metric(sctx *s, const ynode *n, const char *what, bp_milestone *m)
{
	static const sfield f[] = { { "area", false },	{ "attempted", false }, { "mastered", false },
				    { "reviews", false }, { "streak", false },	  { "mocks", false },
				    { "min_score", false }, { NULL, false } };
	static const sfield *const t[] = { f, NULL };
	static const char *const counts[] = { "attempted", "mastered", "reviews", "streak", "mocks" };
	int found = 0;

	if (!s_map(s, n, t, what))
		return;
	for (int k = 0; k < 5; k++) {
		const ynode *v = ytree_get(n, counts[k]);

		if (v && s_int(s, v, counts[k], what, 1, 100000, &m->count)) {
			m->kind = (bp_metric_kind)k;
			found++;
		}
	}
	if (found != 1) {
		s_err(s, n, "the metric of %s must have exactly one of attempted, mastered, reviews, "
			    "streak or mocks", what);
		return;
	}
	if (m->kind == METRIC_ATTEMPTED || m->kind == METRIC_MASTERED) {
		if (!ytree_get(n, "area"))
			s_err(s, n, "the metric of %s needs an 'area'", what);
		else
			s_area(s, ytree_get(n, "area"), "area", what, &m->area);
	}
	if (ytree_get(n, "min_score"))
		s_num(s, ytree_get(n, "min_score"), "min_score", what, 1, 4, &m->min_score);
}

static void read_week(sctx *s, const ynode *n, bp_week *w, int nth)
{
	static const sfield f[] = { { "week", true },	      { "title", true },
				    { "goal", true },	      { "focus", true },
				    { "daily_minutes", true }, { "new_per_day", true },
				    { "levels", true },	      { "milestones", false },
				    { NULL, false } };
	static const sfield mf[] = { { "id", true }, { "text", true }, { "metric", true },
				     { NULL, false } };
	static const sfield *const t[] = { f, NULL }, *const mt[] = { mf, NULL };
	char what[64];
	const ynode *v;

	snprintf(what, sizeof(what), "week %d", nth);
	if (!s_map(s, n, t, what))
		return;
	if ((v = ytree_get(n, "week")) && s_int(s, v, "week", what, 1, 4, &w->week) &&
	    w->week != nth)
		s_err(s, v, "weeks must be in order: expected week %d here", nth);
	s_opt_text(s, n, "title", what, &w->title);
	s_opt_text(s, n, "goal", what, &w->goal);
	if ((v = ytree_get(n, "daily_minutes")))
		s_int(s, v, "daily_minutes", what, 5, 600, &w->daily_minutes);
	if ((v = ytree_get(n, "new_per_day")))
		s_int(s, v, "new_per_day", what, 0, 100, &w->new_per_day);
	if ((v = ytree_get(n, "focus")) && v->type != YN_MAP)
		s_err(s, v, "'focus' in %s must be a map of area: weight", what);
	else if (v)
		for (size_t i = 0; i + 1 < v->n; i += 2) {
			bp_area a;

			if (s_area(s, v->kids[i], "focus", what, &a))
				s_num(s, v->kids[i + 1], area_name(a), what, 0, 1000, &w->focus[a]);
		}
	if ((v = ytree_get(n, "levels")) && want_list(s, v, "levels"))
		for (size_t i = 0; i < v->n; i++) {
			int l;

			if (s_int(s, v->kids[i], "levels", what, 1, 3, &l))
				w->levels |= 1u << l;
		}
	if (!(v = ytree_get(n, "milestones")) || !want_list(s, v, "milestones"))
		return;
	w->milestones = arena_alloc(s->ar, (v->n ? v->n : 1) * sizeof(*w->milestones));
	for (size_t i = 0; w->milestones && i < v->n; i++) {
		const ynode *m = v->kids[i];
		bp_milestone *ms = &w->milestones[w->n_milestones];
		char mwhat[96];

		snprintf(mwhat, sizeof(mwhat), "milestone %zu of week %d", i + 1, nth);
		if (!s_map(s, m, mt, mwhat))
			continue;
		s_opt_text(s, m, "id", mwhat, &ms->id);
		s_opt_text(s, m, "text", mwhat, &ms->text);
		read_metric(s, ytree_get(m, "metric"), mwhat, ms);
		w->n_milestones++;
	}
}

void plan_read(catalog *c, sctx *s, const ynode *root)
{
	static const sfield f[] = { { "plan", true }, { "title", true }, { "weeks", true },
				    { NULL, false } };
	static const sfield *const t[] = { f, NULL };
	bp_plan plan = { 0 };
	const ynode *weeks;
	int before = s->errors;

	if (!s_map(s, root, t, "the plan") && (!root || root->type != YN_MAP))
		return;
	plan.file = s->file;
	s_opt_text(s, root, "plan", "the plan", &plan.id);
	s_opt_text(s, root, "title", "the plan", &plan.title);
	weeks = ytree_get(root, "weeks");
	if (weeks && want_list(s, weeks, "weeks")) {
		if (weeks->n != PLAN_WEEKS)
			s_err(s, weeks, "the plan has %zu weeks; it must have %d", weeks->n,
			      PLAN_WEEKS);
		for (size_t i = 0; i < weeks->n && i < PLAN_WEEKS; i++)
			read_week(s, weeks->kids[i], &plan.weeks[i], (int)i + 1);
	}
	if (s->errors == before) {
		c->plan = plan;
		c->has_plan = true;
	}
}

void tips_read(catalog *c, sctx *s, const ynode *root)
{
	static const sfield f[] = { { "tips", true }, { NULL, false } };
	static const sfield tf[] = { { "id", true }, { "text", true }, { NULL, false } };
	static const sfield *const t[] = { f, NULL }, *const tt[] = { tf, NULL };
	const ynode *tips;
	const char **v;
	size_t n = 0;
	int before = s->errors;

	if (!s_map(s, root, t, "the tips file"))
		return;
	tips = ytree_get(root, "tips");
	if (!want_list(s, tips, "tips"))
		return;
	v = arena_alloc(s->ar, (tips->n ? tips->n : 1) * sizeof(*v));
	for (size_t i = 0; v && i < tips->n; i++) {
		const char *id = NULL, *text = NULL;

		if (!s_map(s, tips->kids[i], tt, "a tip"))
			continue;
		s_opt_text(s, tips->kids[i], "id", "a tip", &id);
		s_opt_text(s, tips->kids[i], "text", "a tip", &text);
		if (id && !s_slug_ok(id))
			s_err(s, ytree_get(tips->kids[i], "id"), "tip id '%.60s' must use a-z, 0-9 "
								 "and '-'", id);
		if (text)
			v[n++] = text;
	}
	if (s->errors == before) {
		c->tips = v;
		c->n_tips = n;
	}
}

/* A list under `key` of maps, each checked by fn. */
static void each_of(sctx *s, const ynode *root, const char *key, const char *file_what,
		    void (*fn)(sctx *, const ynode *, size_t))
{
	const sfield f[] = { { key, true }, { NULL, false } };
	const sfield *const t[] = { f, NULL };
	const ynode *list;

	if (!s_map(s, root, t, file_what))
		return;
	list = ytree_get(root, key);
	if (!want_list(s, list, key))
		return;
	for (size_t i = 0; i < list->n; i++)
		fn(s, list->kids[i], i);
}

static void check_slug(sctx *s, const ynode *m, const char *what)
{
	const ynode *id = ytree_get(m, "id");

	if (id && id->type == YN_SCALAR && !s_slug_ok(id->str))
		s_err(s, id, "id '%.60s' in %s must use a-z, 0-9 and '-'", id->str, what);
}

static void check_dimension(sctx *s, const ynode *d, const char *what)
{
	static const sfield f[] = { { "id", true }, { "title", true }, { "levels", true },
				    { NULL, false } };
	static const sfield *const t[] = { f, NULL };
	bp_strs levels = { 0 };
	const ynode *l;

	if (!s_map(s, d, t, what))
		return;
	check_slug(s, d, what);
	s_text(s, ytree_get(d, "title"), "title", what);
	l = ytree_get(d, "levels");
	if (s_texts(s, l, "levels", what, &levels) && levels.n != 4)
		s_err(s, l, "%s has %d levels; it must describe exactly 4 (1 to 4)", what,
		      levels.n);
}

static void check_rubric(sctx *s, const ynode *r, size_t i)
{
	static const sfield f[] = { { "id", true }, { "title", true }, { "dimensions", true },
				    { NULL, false } };
	static const sfield *const t[] = { f, NULL };
	char what[64];
	const ynode *dims;

	snprintf(what, sizeof(what), "rubric %zu", i + 1);
	if (!s_map(s, r, t, what))
		return;
	check_slug(s, r, what);
	s_text(s, ytree_get(r, "title"), "title", what);
	dims = ytree_get(r, "dimensions");
	if (want_list(s, dims, "dimensions"))
		for (size_t k = 0; k < dims->n; k++)
			check_dimension(s, dims->kids[k], "a dimension");
}

void rubrics_check(sctx *s, const ynode *root)
{
	each_of(s, root, "rubrics", "the rubrics file", check_rubric);
}

static int check_segment(sctx *s, const ynode *g, const char *what)
{
	static const sfield f[] = { { "title", true }, { "area", true },   { "kind", false },
				    { "level", false }, { "minutes", true }, { "rubric", true },
				    { "phases", false }, { "twist", false }, { NULL, false } };
	static const sfield pf[] = { { "title", true }, { "minutes", true }, { NULL, false } };
	static const sfield tf[] = { { "at", true }, { "text", true }, { NULL, false } };
	static const sfield *const t[] = { f, NULL }, *const pt[] = { pf, NULL },
				    *const tt[] = { tf, NULL };
	const ynode *v;
	bp_area a;
	int minutes = 0, sum = 0, x;

	if (!s_map(s, g, t, what))
		return 0;
	s_text(s, ytree_get(g, "title"), "title", what);
	s_area(s, ytree_get(g, "area"), "area", what, &a);
	s_text(s, ytree_get(g, "rubric"), "rubric", what);
	s_int(s, ytree_get(g, "minutes"), "minutes", what, 1, 240, &minutes);
	if ((v = ytree_get(g, "level")))
		s_int(s, v, "level", what, 1, 3, &x);
	if ((v = ytree_get(g, "kind")))
		s_text(s, v, "kind", what);
	if ((v = ytree_get(g, "twist")) && s_map(s, v, tt, "a twist")) {
		s_int(s, ytree_get(v, "at"), "at", what, 0, minutes, &x);
		s_text(s, ytree_get(v, "text"), "text", what);
	}
	if ((v = ytree_get(g, "phases")) && want_list(s, v, "phases")) {
		for (size_t i = 0; i < v->n; i++)
			if (s_map(s, v->kids[i], pt, "a phase") &&
			    s_int(s, ytree_get(v->kids[i], "minutes"), "minutes", what, 1, 240, &x))
				sum += x;
		if (sum != minutes)
			s_err(s, v, "the phases of %s add up to %d minutes, not its %d", what, sum,
			      minutes);
	}
	return minutes;
}

static void check_mock(sctx *s, const ynode *m, size_t i)
{
	static const sfield f[] = { { "id", true }, { "title", true }, { "minutes", true },
				    { "description", false }, { "segments", true },
				    { NULL, false } };
	static const sfield *const t[] = { f, NULL };
	char what[64];
	const ynode *segs;
	int minutes = 0, sum = 0;

	snprintf(what, sizeof(what), "mock %zu", i + 1);
	if (!s_map(s, m, t, what))
		return;
	check_slug(s, m, what);
	s_text(s, ytree_get(m, "title"), "title", what);
	s_int(s, ytree_get(m, "minutes"), "minutes", what, 1, 480, &minutes);
	segs = ytree_get(m, "segments");
	if (!want_list(s, segs, "segments"))
		return;
	for (size_t k = 0; k < segs->n; k++)
		sum += check_segment(s, segs->kids[k], "a segment");
	if (sum != minutes)
		s_err(s, segs, "the segments of %s add up to %d minutes, not its %d", what, sum,
		      minutes);
}

void mocks_check(sctx *s, const ynode *root)
{
	each_of(s, root, "mocks", "the mocks file", check_mock);
}

static void check_answer(sctx *s, const ynode *a, const char *what)
{
	static const sfield f[] = { { "id", true }, { "text", true }, { "adjust", false },
				    { NULL, false } };
	static const sfield *const t[] = { f, NULL };
	const ynode *adj;

	if (!s_map(s, a, t, what))
		return;
	check_slug(s, a, what);
	s_text(s, ytree_get(a, "text"), "text", what);
	if (!(adj = ytree_get(a, "adjust")))
		return;
	if (adj->type != YN_MAP) {
		s_err(s, adj, "'adjust' in %s must be a map of area: multiplier", what);
		return;
	}
	for (size_t i = 0; i + 1 < adj->n; i += 2) {
		bp_area area;
		double x;

		if (s_area(s, adj->kids[i], "adjust", what, &area))
			s_num(s, adj->kids[i + 1], area_name(area), what, 0.1, 10, &x);
	}
}

static void check_question(sctx *s, const ynode *q, size_t i)
{
	static const sfield f[] = { { "id", true }, { "ask", true }, { "why", false },
				    { "answers", true }, { NULL, false } };
	static const sfield *const t[] = { f, NULL };
	char what[64];
	const ynode *answers;

	snprintf(what, sizeof(what), "question %zu", i + 1);
	if (!s_map(s, q, t, what))
		return;
	check_slug(s, q, what);
	s_text(s, ytree_get(q, "ask"), "ask", what);
	if (ytree_get(q, "why"))
		s_text(s, ytree_get(q, "why"), "why", what);
	answers = ytree_get(q, "answers");
	if (want_list(s, answers, "answers"))
		for (size_t k = 0; k < answers->n; k++)
			check_answer(s, answers->kids[k], "an answer");
}

void recruiter_check(sctx *s, const ynode *root)
{
	each_of(s, root, "questions", "the recruiter file", check_question);
}
