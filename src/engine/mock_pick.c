/* mock_pick: one question per segment of a mock template, fresh ones first. */
#include <stdlib.h>
#include <string.h>

#include "backprep/mock.h"

/* How well an item fits a segment, lower is better; -1 when it does not fit at all. */
static int tier(const bp_segment *g, const bp_item *it)
{
	bool kind_ok = segment_kind_ok(g, it);
	bool other_ok = g->area != AREA_BEHAVIORAL && g->area != AREA_RECRUITER &&
			it->area != AREA_BEHAVIORAL && it->area != AREA_RECRUITER;

	if (it->area == g->area && kind_ok)
		return 0;
	if (it->area == g->area && it->kind != KIND_CHOICE && it->kind != KIND_DESIGN)
		return 1; /* the kind relaxed (never to a full design: it needs the whole round) */
	if (other_ok && kind_ok)
		return 2; /* another area: the content has nothing of this one */
	return -1;
}

static int times_used(const bp_item *it, const char *const *used, const int *times, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(used[i], it->id) == 0)
			return times ? times[i] : 1;
	return 0;
}

static bool taken(const bp_item *it, const bp_item **out, int n)
{
	for (int i = 0; i < n; i++)
		if (out[i] == it)
			return true;
	return false;
}

int mock_pick(const catalog *c, const bp_mock *tpl, const char *const *used, const int *times,
	      size_t n_used, bp_rng *rng, const bp_item **out, bp_error *e)
{
	for (int k = 0; k < tpl->n_segments; k++) {
		const bp_segment *g = &tpl->segments[k];
		long best = -1;
		size_t ties = 0;

		out[k] = NULL;
		for (size_t i = 0; i < catalog_count(c); i++) {
			const bp_item *it = catalog_item(c, i);
			int t = tier(g, it);
			long key;

			if (t < 0 || taken(it, out, k))
				continue;
			/* the tier first, then the level's distance, then how often it was used */
			key = (long)t * 1000000L + (g->level ? labs((long)it->level - g->level) : 0) * 10000L +
			      times_used(it, used, times, n_used);
			if (best >= 0 && key > best)
				continue;
			if (key < best || best < 0) {
				best = key;
				ties = 0;
			}
			/* a uniform choice among the equals, one pass (reservoir sampling) */
			ties++;
			if (ties == 1 || (rng && rng_unit(rng) * (double)ties < 1.0))
				out[k] = it;
		}
		if (!out[k]) {
			bp_error_set(e, "mock '%s': no question in the content for segment '%s' (%s)",
				     tpl->id, g->title ? g->title : "?", area_name(g->area));
			return -1;
		}
	}
	return 0;
}
