/* mock_history: the rounds taken, each dimension's scores over them, trends and readiness. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/mock.h"
#include "backprep/store_mock.h"

typedef struct score_row {
	int64_t round;
	char rubric[MOCK_ID_MAX], dim[MOCK_ID_MAX];
	int score;
} score_row;

typedef struct gather {
	mock_summary *s;
	score_row *rows;
	size_t n_rows, cap_rows, cap_rounds;
	bool oom;
} gather;

static int add_round(void *ctx, const store_mock_round *r)
{
	gather *g = ctx;
	mock_taken *t;

	if (g->s->n_rounds == g->cap_rounds) {
		size_t cap = g->cap_rounds ? g->cap_rounds * 2 : 16;
		mock_taken *v = realloc(g->s->rounds, cap * sizeof(*v));

		if (!v) {
			g->oom = true;
			return 1;
		}
		g->s->rounds = v;
		g->cap_rounds = cap;
	}
	t = &g->s->rounds[g->s->n_rounds++];
	memset(t, 0, sizeof(*t));
	t->id = r->id;
	snprintf(t->tpl, sizeof(t->tpl), "%s", r->tpl);
	snprintf(t->title, sizeof(t->title), "%s", r->title);
	t->started = r->started;
	t->finished = r->finished;
	t->segments = r->segments;
	t->scored = r->scored;
	return 0;
}

static int add_score(void *ctx, const store_mock_score *r)
{
	gather *g = ctx;
	score_row *row;

	if (g->n_rows == g->cap_rows) {
		size_t cap = g->cap_rows ? g->cap_rows * 2 : 64;
		score_row *v = realloc(g->rows, cap * sizeof(*v));

		if (!v) {
			g->oom = true;
			return 1;
		}
		g->rows = v;
		g->cap_rows = cap;
	}
	row = &g->rows[g->n_rows++];
	row->round = r->round;
	snprintf(row->rubric, sizeof(row->rubric), "%s", r->rubric);
	snprintf(row->dim, sizeof(row->dim), "%s", r->dimension);
	row->score = r->score;
	return 0;
}

static long find_round(const mock_summary *s, int64_t id)
{
	for (size_t i = 0; i < s->n_rounds; i++)
		if (s->rounds[i].id == id)
			return (long)i;
	return -1;
}

static long find_dim(const mock_summary *s, const char *rubric, const char *dim)
{
	for (size_t i = 0; i < s->n_dims; i++)
		if (strcmp(s->dims[i].rubric, rubric) == 0 && strcmp(s->dims[i].id, dim) == 0)
			return (long)i;
	return -1;
}

static void name_dim(const catalog *c, mock_dimension *d)
{
	const bp_rubric *rb = c ? catalog_rubric_find(c, d->rubric) : NULL;

	d->title = d->id;
	d->rubric_title = d->rubric;
	if (!rb)
		return;
	if (rb->title)
		d->rubric_title = rb->title;
	for (int i = 0; i < rb->n_dims; i++)
		if (strcmp(rb->dims[i].id, d->id) == 0 && rb->dims[i].title)
			d->title = rb->dims[i].title;
}

/* The dimensions in order of first use, then each round's mean on each. */
static int build(mock_summary *s, const catalog *c, const score_row *rows, size_t n)
{
	double *sum;
	int *count, *round_n;
	double *round_sum;

	s->dims = calloc(n ? n : 1, sizeof(*s->dims));
	if (!s->dims)
		return -1;
	for (size_t i = 0; i < n; i++) {
		mock_dimension *d;

		if (find_dim(s, rows[i].rubric, rows[i].dim) >= 0)
			continue;
		d = &s->dims[s->n_dims++];
		snprintf(d->rubric, sizeof(d->rubric), "%s", rows[i].rubric);
		snprintf(d->id, sizeof(d->id), "%s", rows[i].dim);
		name_dim(c, d);
	}
	s->cell = calloc(s->n_rounds * s->n_dims + 1, sizeof(*s->cell));
	sum = calloc(s->n_rounds * s->n_dims + 1, sizeof(*sum));
	count = calloc(s->n_rounds * s->n_dims + 1, sizeof(*count));
	round_sum = calloc(s->n_rounds + 1, sizeof(*round_sum));
	round_n = calloc(s->n_rounds + 1, sizeof(*round_n));
	if (!s->cell || !sum || !count || !round_sum || !round_n) {
		free(sum);
		free(count);
		free(round_sum);
		free(round_n);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		long r = find_round(s, rows[i].round);
		long d = find_dim(s, rows[i].rubric, rows[i].dim);

		if (r < 0 || d < 0)
			continue;
		sum[(size_t)r * s->n_dims + (size_t)d] += rows[i].score;
		count[(size_t)r * s->n_dims + (size_t)d]++;
		round_sum[r] += rows[i].score;
		round_n[r]++;
	}
	for (size_t k = 0; k < s->n_rounds * s->n_dims; k++)
		s->cell[k] = count[k] ? sum[k] / count[k] : 0;
	for (size_t r = 0; r < s->n_rounds; r++)
		s->rounds[r].mean = round_n[r] ? round_sum[r] / round_n[r] : 0;
	free(sum);
	free(count);
	free(round_sum);
	free(round_n);
	return 0;
}

int mock_summary_load(store *st, const catalog *c, mock_summary *s, bp_error *e)
{
	gather g = { .s = s };

	memset(s, 0, sizeof(*s));
	if (store_mock_rounds(st, 0, add_round, &g, e) < 0 ||
	    store_mock_scores(st, 0, add_score, &g, e) < 0) {
		free(g.rows);
		mock_summary_free(s);
		return -1;
	}
	if (g.oom || build(s, c, g.rows, g.n_rows) < 0) {
		free(g.rows);
		mock_summary_free(s);
		bp_error_set(e, "out of memory while reading the mock rounds");
		return -1;
	}
	free(g.rows);
	return 0;
}

void mock_summary_free(mock_summary *s)
{
	free(s->rounds);
	free(s->dims);
	free(s->cell);
	memset(s, 0, sizeof(*s));
}

double mock_cell(const mock_summary *s, size_t round, size_t dim)
{
	if (round >= s->n_rounds || dim >= s->n_dims || !s->cell)
		return 0;
	return s->cell[round * s->n_dims + dim];
}

int mock_trend(const mock_summary *s, size_t dim, double *v, int max)
{
	int n = 0;

	for (size_t r = 0; r < s->n_rounds && n < max; r++) {
		double x = mock_cell(s, r, dim);

		if (s->rounds[r].finished && x > 0)
			v[n++] = x;
	}
	return n;
}

const char *mock_trend_word(const double *v, int n)
{
	double before = 0;

	if (n <= 0)
		return "none";
	if (n == 1)
		return "first";
	for (int i = 0; i < n - 1; i++)
		before += v[i];
	before /= n - 1;
	if (v[n - 1] > before + 0.25)
		return "up";
	if (v[n - 1] < before - 0.25)
		return "down";
	return "steady";
}

void mock_readiness(const mock_summary *s, mock_ready *out)
{
	size_t last[MOCK_READY_ROUNDS];

	memset(out, 0, sizeof(*out));
	/* the last three finished rounds, newest first */
	for (size_t r = s->n_rounds; r-- > 0;) {
		if (!s->rounds[r].finished)
			continue;
		if (out->counted < MOCK_READY_ROUNDS)
			last[out->counted++] = r;
		out->finished++;
	}
	for (size_t d = 0; d < s->n_dims; d++) {
		double low = 0;
		int at;

		for (int k = 0; k < out->counted; k++) {
			double x = mock_cell(s, last[k], d);

			if (x > 0 && (low == 0 || x < low))
				low = x;
		}
		if (low == 0 || low >= MOCK_READY_SCORE || out->n_held == MOCK_MAX_HELD)
			continue;
		/* kept lowest first */
		at = out->n_held++;
		while (at > 0 && out->lowest[at - 1] > low) {
			out->held[at] = out->held[at - 1];
			out->lowest[at] = out->lowest[at - 1];
			at--;
		}
		out->held[at] = d;
		out->lowest[at] = low;
	}
	out->ready = out->counted == MOCK_READY_ROUNDS && out->n_held == 0;
}
