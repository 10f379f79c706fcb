/* quality: the content rules of `validate --strict` (shared/CONTENT.md, "Quality rules"). */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/text.h"
#include "catalog_impl.h"

enum { SHORT_COLS = 100, MIN_ANSWER_WORDS = 80, MAX_WORDS = 64, MIN_TESTS = 6, MIN_EDGE_TESTS = 2 };

static void report(bp_diags *d, const bp_item *it, const char *fmt, ...) BP_PRINTF(3, 4);

static void report(bp_diags *d, const bp_item *it, const char *fmt, ...)
{
	bp_error e;
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	bp_error_at(&e, it->file, it->line, it->col, "%s (item '%s')", msg, it->id);
	bp_diags_add(d, &e);
}

static void check_short(bp_diags *d, const bp_item *it, const bp_strs *v, const char *key)
{
	for (int i = 0; i < v->n; i++) {
		const char *s = v->v[i];

		if (strchr(s, '\n') || text_width(s, strlen(s)) > SHORT_COLS)
			report(d, it, "an entry of '%s' is longer than one line of %d columns", key,
			       SHORT_COLS);
	}
}

/* A coding item can be run: a signature, and enough tests, some of them edge cases. */
static void check_tests(bp_diags *d, const bp_item *it)
{
	int edges = 0;

	for (int i = 0; i < it->n_tests; i++)
		edges += it->tests[i].edge;
	if (!it->signature)
		report(d, it, "a coding item needs a 'signature' for the runner");
	if (it->n_tests < MIN_TESTS || edges < MIN_EDGE_TESTS)
		report(d, it, "'tests' has %d %s, %d of them edge cases; at least %d with %d edge "
			      "cases are required",
		       it->n_tests, text_plural(it->n_tests, "test", "tests"), edges, MIN_TESTS,
		       MIN_EDGE_TESTS);
}

static void check_counts(bp_diags *d, const bp_item *it)
{
	size_t words = it->answer ? text_words(it->answer) : 0;

	if (it->kind == KIND_OPEN || it->kind == KIND_CODING) {
		if (it->key_points.n < 4)
			report(d, it, "'key_points' has %d %s; at least 4 are required",
			       it->key_points.n, text_plural(it->key_points.n, "entry", "entries"));
		if (it->pitfalls.n < 1)
			report(d, it, "'pitfalls' has %d %s; at least 1 is required",
			       it->pitfalls.n, text_plural(it->pitfalls.n, "entry", "entries"));
		if (it->follow_ups.n < 1)
			report(d, it, "'follow_ups' has %d %s; at least 1 is required",
			       it->follow_ups.n, text_plural(it->follow_ups.n, "entry", "entries"));
		if (words < MIN_ANSWER_WORDS)
			report(d, it, "the answer has %zu %s; at least %d are required", words,
			       text_plural((long long)words, "word", "words"), MIN_ANSWER_WORDS);
	}
	if (it->kind == KIND_CODING)
		check_tests(d, it);
	if (it->kind == KIND_SCENARIO && it->n_steps < 3)
		report(d, it, "a scenario needs at least 3 steps; it has %d", it->n_steps);
}

/* A full design (design-format.md): 6-8 phases of 3-6 key points and an answer each, two
 * pitfalls and follow-ups or more, a twist of its own, 35-45 minutes. */
static void check_design(bp_diags *d, const bp_item *it)
{
	if (it->kind != KIND_DESIGN)
		return;
	if (it->n_steps < 6 || it->n_steps > 8)
		report(d, it, "a design has %d %s; 6 to 8 are required", it->n_steps,
		       text_plural(it->n_steps, "phase", "phases"));
	for (int k = 0; k < it->n_steps; k++) {
		const bp_step *ph = &it->steps[k];

		if (ph->expect.n < 3 || ph->expect.n > 6)
			report(d, it, "phase '%s' has %d key %s; 3 to 6 are required", ph->title,
			       ph->expect.n, text_plural(ph->expect.n, "point", "points"));
		if (!ph->answer || text_words(ph->answer) == 0)
			report(d, it, "phase '%s' has no answer", ph->title);
	}
	if (it->pitfalls.n < 2)
		report(d, it, "'pitfalls' has %d %s; at least 2 are required", it->pitfalls.n,
		       text_plural(it->pitfalls.n, "entry", "entries"));
	if (it->follow_ups.n < 2)
		report(d, it, "'follow_ups' has %d %s; at least 2 are required",
		       it->follow_ups.n, text_plural(it->follow_ups.n, "entry", "entries"));
	if (it->n_twists < 1)
		report(d, it, "a design needs a twist of its own; it has none");
	if (it->minutes < 35 || it->minutes > 45)
		report(d, it, "a design takes 35 to 45 minutes; it says %d", it->minutes);
}

/* The prompt as a sorted set of lowercase word hashes, for comparing what prompts ask. */
typedef struct words {
	unsigned long h[MAX_WORDS];
	int n;
} words;

static int cmp_ul(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

static void prompt_words(const char *s, words *w)
{
	w->n = 0;
	while (*s && w->n < MAX_WORDS) {
		unsigned long h = 5381;
		int len = 0;

		while (*s && !isalnum((unsigned char)*s))
			s++;
		while (*s && isalnum((unsigned char)*s)) {
			h = h * 33 + (unsigned long)tolower((unsigned char)*s++);
			len++;
		}
		if (len > 2) /* "a", "an", "of" say nothing about what is asked */
			w->h[w->n++] = h;
	}
	qsort(w->h, (size_t)w->n, sizeof(w->h[0]), cmp_ul);
	int k = 0;
	for (int i = 0; i < w->n; i++)
		if (k == 0 || w->h[k - 1] != w->h[i])
			w->h[k++] = w->h[i];
	w->n = k;
}

static double overlap(const words *a, const words *b)
{
	int i = 0, j = 0, both = 0;

	while (i < a->n && j < b->n) {
		if (a->h[i] == b->h[j])
			both++, i++, j++;
		else if (a->h[i] < b->h[j])
			i++;
		else
			j++;
	}
	return a->n + b->n - both ? (double)both / (a->n + b->n - both) : 1.0;
}

static void check_prompts(const catalog *c, bp_diags *d)
{
	words *w = malloc((c->n_items ? c->n_items : 1) * sizeof(*w));

	if (!w)
		return;
	for (size_t i = 0; i < c->n_items; i++)
		prompt_words(c->items[i].prompt ? c->items[i].prompt : "", &w[i]);
	for (size_t i = 0; i < c->n_items; i++)
		for (size_t j = i + 1; j < c->n_items; j++)
			if (w[i].n >= 4 && overlap(&w[i], &w[j]) >= 0.8) {
				const bp_item *b = &c->items[i];

				report(d, &c->items[j], "the prompt asks what '%s' (%s:%d) asks",
				       b->id, b->file, b->line);
			}
	free(w);
}

void catalog_check_quality(const catalog *c, bp_diags *d)
{
	for (size_t i = 0; i < c->quality.n; i++)
		bp_diags_add(d, &c->quality.v[i]);
	for (size_t i = 0; i < c->n_items; i++) {
		const bp_item *it = &c->items[i];

		check_counts(d, it);
		check_design(d, it);
		check_short(d, it, &it->tags, "tags");
		check_short(d, it, &it->hints, "hints");
		check_short(d, it, &it->key_points, "key_points");
		check_short(d, it, &it->pitfalls, "pitfalls");
		check_short(d, it, &it->follow_ups, "follow_ups");
		check_short(d, it, &it->choices, "choices");
		for (int k = 0; k < it->n_steps; k++)
			check_short(d, it, &it->steps[k].expect,
				    it->kind == KIND_DESIGN ? "key_points" : "expect");
	}
	check_prompts(c, d);
	catalog_check_plan(c, d);
}
