/* coverage: `validate --strict` checks that the plan points at pools the packs can fill. */
#include <stdio.h>
#include <string.h>

#include "backprep/text.h"
#include "catalog_impl.h"

/* "1, 2" for a week's levels */
static const char *level_list(unsigned levels, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int l = 1; l <= 3; l++)
		if (levels & (1u << l))
			used +=
			    (size_t)snprintf(buf + used, size - used, "%s%d", used ? ", " : "", l);
	return buf;
}

static int level_count(unsigned levels)
{
	int n = 0;

	for (int l = 1; l <= 3; l++)
		n += (levels >> l) & 1u;
	return n;
}

static bool in_week(const bp_item *it, int week, unsigned levels)
{
	return it->week <= week && (levels & (1u << it->level));
}

static void check_week(const catalog *c, const bp_plan *p, int w, bp_diags *d)
{
	const bp_week *wk = &p->weeks[w];
	char lv[16], weeks[24];

	level_list(wk->levels, lv, sizeof(lv));
	if (w)
		snprintf(weeks, sizeof(weeks), "weeks 1-%d", w + 1);
	else
		snprintf(weeks, sizeof(weeks), "week 1");
	for (int a = 0; a < AREA_COUNT; a++) {
		int target =
		    plan_share(wk->focus, (bp_area)a, wk->new_per_day, PLAN_DAYS / PLAN_WEEKS);
		int have = 0;
		bp_error e;

		if (wk->focus[a] <= 0 || target <= 0)
			continue;
		for (size_t i = 0; i < c->n_items; i++)
			have += c->items[i].area == (bp_area)a &&
			        in_week(&c->items[i], w + 1, wk->levels);
		if (have >= target)
			continue;
		bp_error_at(
		    &e, p->file, wk->focus_line[a], wk->focus_col[a],
		    "week %d gives %s a weight of %g, a target of %d new %s in %d days, but the "
		    "packs have %d %s %s of %s at %s %s",
		    w + 1, area_name((bp_area)a), wk->focus[a], target,
		    text_plural(target, "question", "questions"), PLAN_DAYS / PLAN_WEEKS, have,
		    area_name((bp_area)a), text_plural(have, "item", "items"), weeks,
		    text_plural(level_count(wk->levels), "level", "levels"), lv);
		bp_diags_add(d, &e);
	}
}

static void check_levels(const catalog *c, const bp_plan *p, bp_diags *d)
{
	for (size_t i = 0; i < c->n_items; i++) {
		const bp_item *it = &c->items[i];
		unsigned levels;
		char lv[16];
		bp_error e;

		if (it->week < 1 || it->week > PLAN_WEEKS)
			continue;
		levels = p->weeks[it->week - 1].levels;
		if (levels & (1u << it->level))
			continue;
		bp_error_at(
		    &e, it->file, it->line, it->col,
		    "level %d is not allowed in week %d, where the plan allows %s %s (item '%s')",
		    it->level, it->week, text_plural(level_count(levels), "level", "levels"),
		    level_list(levels, lv, sizeof(lv)), it->id);
		bp_diags_add(d, &e);
	}
}

/* An item a segment takes without relaxing its kind or area (mock_pick's first tier). */
static bool fills(const bp_segment *g, const bp_item *it)
{
	return it->area == g->area && segment_kind_ok(g, it) &&
	       (!g->level || it->level == g->level);
}

static bool same_pool(const bp_segment *a, const bp_segment *b)
{
	return a->area == b->area && a->kind == b->kind && a->level == b->level;
}

static void check_mock(const catalog *c, const bp_mock *m, bp_diags *d)
{
	for (int k = 0; k < m->n_segments; k++) {
		const bp_segment *g = &m->segments[k];
		int need = 0, have = 0;
		char level[16];
		bp_error e;

		for (int j = 0; j < m->n_segments; j++)
			need += same_pool(g, &m->segments[j]);
		for (size_t i = 0; i < c->n_items; i++)
			have += fills(g, &c->items[i]);
		if (have >= need)
			continue;
		if (g->level)
			snprintf(level, sizeof(level), "level %d", g->level);
		else
			snprintf(level, sizeof(level), "any level");
		bp_error_at(&e, g->file, g->line, g->col,
		            "mock '%s': segment '%s' needs %d %s %s of kind %s at %s and the packs "
		            "have %d; the round would fall back to another kind or area",
		            m->id ? m->id : "?", g->title ? g->title : "?", need,
		            area_name(g->area), text_plural(need, "item", "items"),
		            g->kind >= 0 ? kind_name((bp_kind)g->kind) : "other than choice", level,
		            have);
		bp_diags_add(d, &e);
	}
}

void catalog_check_plan(const catalog *c, bp_diags *d)
{
	if (!c->n_packs) /* a plan or mocks file checked on its own: no pool to compare */
		return;
	if (c->has_plan) {
		for (int w = 0; w < PLAN_WEEKS; w++)
			check_week(c, &c->plan, w, d);
		check_levels(c, &c->plan, d);
	}
	for (size_t i = 0; i < c->n_mocks; i++)
		check_mock(c, &c->mocks[i], d);
}
