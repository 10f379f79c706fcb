/* browse: the Browser's rows, their search index, filter and sort. */
#include <stdlib.h>
#include <string.h>

#include "backprep/browse.h"
#include "backprep/card.h"
#include "backprep/text.h"

struct browse {
	browse_row *rows;
	char **text; /* each row's folded search text */
	size_t n;
	const browse_row **view;
};

/* Appends s case-folded to out at *len (text_fold), NUL-terminated. */
static void fold_into(const char *s, char *out, size_t cap, size_t *len)
{
	*len += text_fold(s ? s : "", out + *len, cap - *len);
}

static size_t strs_len(const bp_strs *v)
{
	size_t n = 0;

	for (int i = 0; i < v->n; i++)
		n += strlen(v->v[i]) + 1;
	return n;
}

static char *index_text(const bp_item *it)
{
	size_t cap = 4 * (strlen(it->id) + strlen(it->prompt ? it->prompt : "") +
			  strs_len(&it->tags) + strs_len(&it->key_points) + 4) + 8;
	size_t len = 0;
	char *out = malloc(cap);

	if (!out)
		return NULL;
	out[0] = '\0';
	fold_into(it->id, out, cap, &len);
	out[len++] = '\n';
	fold_into(it->prompt, out, cap, &len);
	for (int i = 0; i < it->tags.n; i++) {
		out[len++] = '\n';
		fold_into(it->tags.v[i], out, cap, &len);
	}
	for (int i = 0; i < it->key_points.n; i++) {
		out[len++] = '\n';
		fold_into(it->key_points.v[i], out, cap, &len);
	}
	return out;
}

static int by_card_id(const void *a, const void *b)
{
	return strcmp((*(const store_card *const *)a)->item, (*(const store_card *const *)b)->item);
}

static const store_card *find_card(const store_card *const *v, size_t n, const char *id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(v[mid]->item, id);

		if (c == 0)
			return v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void set_row(browse_row *r, const bp_item *it, const store_card *sc,
		    const fsrs_params *p, int64_t now, int64_t at)
{
	bool current = sc && sc->rev == it->rev;
	fsrs_card fc;

	r->item = it;
	r->card = current ? sc : NULL;
	r->recall = -1;
	r->state = current && sc->state >= 0 && sc->state <= 3 ? (browse_state)sc->state
							       : BROWSE_NEW;
	if (current && sc->state != FSRS_NEW) {
		card_to_fsrs(sc, &fc);
		r->recall = fsrs_retrievability(p, &fc, at);
	}
	/* flags outlive a new revision: they are the person's, not the schedule's */
	if (sc && sc->buried_until > now)
		r->state = BROWSE_BURIED;
	if (sc && sc->suspended)
		r->state = BROWSE_SUSPENDED;
}

browse *browse_new(const catalog *c, const store_card *cards, size_t n, const fsrs_params *p,
		   int64_t now, int64_t at)
{
	browse *b = calloc(1, sizeof(*b));
	size_t total = catalog_count(c);
	const store_card **byid = malloc((n ? n : 1) * sizeof(*byid));

	if (!b || !byid)
		goto fail;
	b->rows = calloc(total ? total : 1, sizeof(*b->rows));
	b->text = calloc(total ? total : 1, sizeof(*b->text));
	b->view = calloc(total ? total : 1, sizeof(*b->view));
	if (!b->rows || !b->text || !b->view)
		goto fail;
	for (size_t i = 0; i < n; i++)
		byid[i] = &cards[i];
	if (n)
		qsort(byid, n, sizeof(*byid), by_card_id);
	for (size_t i = 0; i < total; i++) {
		const bp_item *it = catalog_item(c, i);

		set_row(&b->rows[i], it, find_card(byid, n, it->id), p, now, at);
		if (!(b->text[i] = index_text(it)))
			goto fail;
		b->n++;
	}
	free(byid);
	return b;
fail:
	free(byid);
	browse_free(b);
	return NULL;
}

void browse_free(browse *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n; i++)
		free(b->text[i]);
	free(b->text);
	free(b->rows);
	free(b->view);
	free(b);
}

size_t browse_total(const browse *b)
{
	return b->n;
}

static bool passes(const browse_row *r, const browse_filter *f)
{
	const bp_item *it = r->item;

	return (f->area < 0 || (int)it->area == f->area) &&
	       (f->state < 0 || (int)r->state == f->state) && (!f->week || it->week == f->week) &&
	       (!f->level || it->level == f->level) &&
	       (!f->starred || (r->card ? r->card->starred : false));
}

static browse_sort g_sort; /* qsort has no context argument in C11 */

static int key_cmp(const browse_row *x, const browse_row *y)
{
	/* new cards have no due day or recall: after the others */
	int64_t dx = x->card && x->card->state ? x->card->due : INT64_MAX;
	int64_t dy = y->card && y->card->state ? y->card->due : INT64_MAX;
	double sx = x->card ? x->card->stability : 0, sy = y->card ? y->card->stability : 0;
	int lx = x->card ? x->card->lapses : 0, ly = y->card ? y->card->lapses : 0;
	double rx = x->recall < 0 ? 2 : x->recall, ry = y->recall < 0 ? 2 : y->recall;

	switch (g_sort) {
	case BROWSE_BY_DUE:
		return dx < dy ? -1 : dx > dy;
	case BROWSE_BY_RECALL: /* the most at risk first */
		return rx < ry ? -1 : rx > ry;
	case BROWSE_BY_STABILITY:
		return sx < sy ? -1 : sx > sy;
	case BROWSE_BY_LAPSES: /* the most lapsed first */
		return ly - lx;
	case BROWSE_BY_WEEK:
		return x->item->week != y->item->week ? x->item->week - y->item->week
						      : x->item->level - y->item->level;
	default:
		return 0;
	}
}

static int by_sort(const void *a, const void *b)
{
	const browse_row *x = *(const browse_row *const *)a, *y = *(const browse_row *const *)b;
	int c = key_cmp(x, y);

	return c ? c : strcmp(x->item->id, y->item->id);
}

size_t browse_query(browse *b, const browse_filter *f, browse_sort s,
		    const browse_row *const **out)
{
	char q[256];
	size_t len = 0, k = 0;

	fold_into(f->text, q, sizeof(q), &len);
	for (size_t i = 0; i < b->n; i++)
		if (passes(&b->rows[i], f) && (!len || strstr(b->text[i], q)))
			b->view[k++] = &b->rows[i];
	g_sort = s;
	qsort(b->view, k, sizeof(*b->view), by_sort);
	*out = b->view;
	return k;
}

const char *browse_state_name(browse_state s)
{
	static const char *const names[BROWSE_STATES] = { "new",	"learning",  "review",
							  "relearning", "suspended", "buried" };

	return (unsigned)s < BROWSE_STATES ? names[s] : "?";
}

const char *browse_sort_name(browse_sort s)
{
	static const char *const names[BROWSE_SORTS] = { "id",	      "due",	"recall",
							 "stability", "lapses", "week" };

	return (unsigned)s < BROWSE_SORTS ? names[s] : "?";
}
