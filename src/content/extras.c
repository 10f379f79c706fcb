/* extras: plan.yaml, tips.yaml and recruiter.yaml. */
#include <stdio.h>
#include <string.h>

#include "backprep/text.h"
#include "catalog_impl.h"

bool s_list(sctx *s, const ynode *n, const char *key)
{
	if (n && n->type == YN_SEQ)
		return true;
	s_err(s, n, "'%s' must be a list", key);
	return false;
}

void s_check_slug(sctx *s, const ynode *m, const char *what)
{
	const ynode *id = ytree_get(m, "id");

	if (id && id->type == YN_SCALAR && !s_slug_ok(id->str))
		s_err(s, id, "id '%.60s' in %s must use a-z, 0-9 and '-'", id->str, what);
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

			if (s_area(s, v->kids[i], "focus", what, &a) &&
			    s_num(s, v->kids[i + 1], area_name(a), what, 0, 1000, &w->focus[a])) {
				w->focus_line[a] = v->kids[i + 1]->line;
				w->focus_col[a] = v->kids[i + 1]->col;
			}
		}
	if ((v = ytree_get(n, "levels")) && s_list(s, v, "levels"))
		for (size_t i = 0; i < v->n; i++) {
			int l;

			if (s_int(s, v->kids[i], "levels", what, 1, 3, &l))
				w->levels |= 1u << l;
		}
	if (!(v = ytree_get(n, "milestones")) || !s_list(s, v, "milestones"))
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
	if (weeks && s_list(s, weeks, "weeks")) {
		if (weeks->n != PLAN_WEEKS)
			s_err(s, weeks, "the plan has %zu %s; it must have %d", weeks->n,
			      text_plural((long long)weeks->n, "week", "weeks"), PLAN_WEEKS);
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
	if (!s_list(s, tips, "tips"))
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

static void read_answer(sctx *s, const ynode *a, const char *what, bp_answer *out)
{
	static const sfield f[] = { { "id", true }, { "text", true }, { "adjust", false },
				    { NULL, false } };
	static const sfield *const t[] = { f, NULL };
	const ynode *adj;

	for (int k = 0; k < AREA_COUNT; k++)
		out->adjust[k] = 1.0;
	if (!s_map(s, a, t, what))
		return;
	s_check_slug(s, a, what);
	s_opt_text(s, a, "id", what, &out->id);
	s_opt_text(s, a, "text", what, &out->text);
	if (!(adj = ytree_get(a, "adjust")))
		return;
	if (adj->type != YN_MAP) {
		s_err(s, adj, "'adjust' in %s must be a map of area: multiplier", what);
		return;
	}
	for (size_t i = 0; i + 1 < adj->n; i += 2) {
		bp_area area;

		if (s_area(s, adj->kids[i], "adjust", what, &area))
			s_num(s, adj->kids[i + 1], area_name(area), what, 0.1, 10, &out->adjust[area]);
	}
}

static void read_question(sctx *s, const ynode *q, size_t i, bp_question *out)
{
	static const sfield f[] = { { "id", true }, { "ask", true }, { "why", false },
				    { "answers", true }, { NULL, false } };
	static const sfield *const t[] = { f, NULL };
	char what[64];
	const ynode *answers;

	snprintf(what, sizeof(what), "question %zu", i + 1);
	if (!s_map(s, q, t, what))
		return;
	s_check_slug(s, q, what);
	s_opt_text(s, q, "id", what, &out->id);
	s_opt_text(s, q, "ask", what, &out->ask);
	s_opt_text(s, q, "why", what, &out->why);
	answers = ytree_get(q, "answers");
	if (!s_list(s, answers, "answers"))
		return;
	out->answers = arena_alloc(s->ar, (answers->n ? answers->n : 1) * sizeof(*out->answers));
	for (size_t k = 0; out->answers && k < answers->n; k++)
		read_answer(s, answers->kids[k], "an answer", &out->answers[out->n_answers++]);
}

void recruiter_read(catalog *c, sctx *s, const ynode *root)
{
	static const sfield f[] = { { "questions", true }, { NULL, false } };
	static const sfield *const t[] = { f, NULL };
	const ynode *list;
	bp_question *v;
	int before = s->errors;

	if (!s_map(s, root, t, "the recruiter file"))
		return;
	list = ytree_get(root, "questions");
	if (!s_list(s, list, "questions"))
		return;
	v = arena_alloc(s->ar, (list->n ? list->n : 1) * sizeof(*v));
	for (size_t i = 0; v && i < list->n; i++)
		read_question(s, list->kids[i], i, &v[i]);
	if (v && s->errors == before) {
		c->questions = v;
		c->n_questions = list->n;
	}
}
