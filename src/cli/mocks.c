/* mocks: the mock rounds taken, their scores, each dimension's trend and readiness. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "backprep/clock.h"
#include "backprep/exchange.h"
#include "backprep/mock.h"
#include "backprep/text.h"
#include "cli.h"

enum { TREND_MAX = 64 };

static json_t *time_or_null(int64_t t)
{
	char buf[32];

	if (!t)
		return json_null();
	clock_format_iso(t, buf);
	return json_string(buf);
}

static const char *dim_title(const mock_seg *g, const char *id)
{
	for (int j = 0; g->rubric && j < g->rubric->n_dims; j++)
		if (strcmp(g->rubric->dims[j].id, id) == 0 && g->rubric->dims[j].title)
			return g->rubric->dims[j].title;
	return id;
}

static json_t *segment_json(const mock_seg *g)
{
	json_t *o = json_object(), *scores = json_array();

	for (int k = 0; k < g->n_marks; k++)
		json_array_append_new(scores,
				      json_pack("{s:s, s:s, s:i, s:s}", "dimension", g->marks[k].dim,
						"title", dim_title(g, g->marks[k].dim), "score",
						g->marks[k].score, "evidence", g->marks[k].evidence));
	json_object_set_new(o, "title", json_string(g->title));
	json_object_set_new(o, "item", json_string(g->item_id));
	json_object_set_new(o, "rubric", json_string(g->rubric_id));
	json_object_set_new(o, "minutes", json_integer(g->minutes));
	json_object_set_new(o, "seconds_used", json_integer(g->elapsed_ms / 1000));
	json_object_set_new(o, "scored", json_boolean(g->scored));
	json_object_set_new(o, "covered", json_integer(g->covered));
	json_object_set_new(o, "points", json_integer(g->points));
	json_object_set_new(o, "grade", g->grade ? json_integer(g->grade) : json_null());
	json_object_set_new(o, "notes", json_string(g->notes));
	json_object_set_new(o, "scores", scores);
	return o;
}

/* One round: what the summary has, and its segments from the round itself. */
static json_t *round_json(bp_app *app, const mock_summary *s, size_t r, bp_error *e)
{
	const mock_taken *t = &s->rounds[r];
	json_t *o = json_object(), *segs = json_array(), *dims = json_array();
	mock_round *mr = mock_open(app->st, app->cat, &app->sched, &app->rng, t->id, e);

	if (!mr) {
		json_decref(o);
		json_decref(segs);
		json_decref(dims);
		return NULL;
	}
	for (int i = 0; i < mock_count(mr); i++)
		json_array_append_new(segs, segment_json(mock_segment(mr, i)));
	mock_close(mr);
	for (size_t k = 0; k < s->n_dims; k++)
		if (mock_cell(s, r, k) > 0)
			json_array_append_new(dims, json_pack("{s:s, s:s, s:f}", "rubric",
							      s->dims[k].rubric, "dimension",
							      s->dims[k].id, "score",
							      mock_cell(s, r, k)));
	json_object_set_new(o, "id", json_integer(t->id));
	json_object_set_new(o, "template", json_string(t->tpl));
	json_object_set_new(o, "title", json_string(t->title));
	json_object_set_new(o, "started", time_or_null(t->started));
	json_object_set_new(o, "finished", time_or_null(t->finished));
	json_object_set_new(o, "status", json_string(t->finished ? "finished" : "unfinished"));
	json_object_set_new(o, "mean", t->mean > 0 ? json_real(t->mean) : json_null());
	json_object_set_new(o, "dimensions", dims);
	json_object_set_new(o, "segments", segs);
	return o;
}

static json_t *dims_json(const mock_summary *s)
{
	json_t *a = json_array();

	for (size_t k = 0; k < s->n_dims; k++) {
		double v[TREND_MAX];
		int n = mock_trend(s, k, v, TREND_MAX);
		json_t *scores = json_array();

		for (int i = 0; i < n; i++)
			json_array_append_new(scores, json_real(v[i]));
		json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s, s:o, s:s}", "rubric",
						   s->dims[k].rubric, "dimension", s->dims[k].id,
						   "title", s->dims[k].title, "rubric_title",
						   s->dims[k].rubric_title, "scores", scores, "trend",
						   mock_trend_word(v, n)));
	}
	return a;
}

static json_t *ready_json(const mock_summary *s, const mock_ready *rd)
{
	json_t *held = json_array();

	for (int i = 0; i < rd->n_held; i++) {
		const mock_dimension *d = &s->dims[rd->held[i]];

		json_array_append_new(held, json_pack("{s:s, s:s, s:s, s:f}", "rubric", d->rubric,
						      "dimension", d->id, "title", d->title,
						      "lowest", rd->lowest[i]));
	}
	return json_pack("{s:b, s:i, s:i, s:i, s:i, s:o}", "ready", rd->ready, "finished_rounds",
			 rd->finished, "counted", rd->counted, "rounds_needed", MOCK_READY_ROUNDS,
			 "score_needed", MOCK_READY_SCORE, "held_back_by", held);
}

static int print_json(bp_app *app, const mock_summary *s, const mock_ready *rd)
{
	json_t *root = json_object(), *rounds = json_array();
	bp_error e;

	for (size_t r = 0; r < s->n_rounds; r++) {
		json_t *o = round_json(app, s, r, &e);

		if (!o) {
			json_decref(rounds);
			json_decref(root);
			return cli_fail(&e);
		}
		json_array_append_new(rounds, o);
	}
	json_object_set_new(root, "rounds", rounds);
	json_object_set_new(root, "dimensions", dims_json(s));
	json_object_set_new(root, "readiness", ready_json(s, rd));
	exchange_json_dump(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER, stdout, NULL);
	putchar('\n');
	json_decref(root);
	return 0;
}

static void print_text(const mock_summary *s, const mock_ready *rd)
{
	size_t finished = 0;

	for (size_t r = 0; r < s->n_rounds; r++)
		finished += s->rounds[r].finished != 0;
	if (s->n_rounds == 0)
		printf("No mock rounds taken yet. Start one from the Mock screen (m on Today).\n");
	else
		printf("Mock rounds: %zu (%zu finished, %zu unfinished)\n", s->n_rounds, finished,
		       s->n_rounds - finished);
	for (size_t r = 0; r < s->n_rounds; r++) {
		const mock_taken *t = &s->rounds[r];
		char when[32];

		clock_format_iso(t->started, when);
		when[16] = '\0';
		when[10] = ' ';
		if (t->finished)
			printf("  #%-3lld %s  %-28s finished, mean %.1f\n", (long long)t->id, when,
			       t->title, t->mean);
		else
			printf("  #%-3lld %s  %-28s unfinished, %d of %d %s scored\n",
			       (long long)t->id, when, t->title, t->scored, t->segments,
			       text_plural(t->segments, "segment", "segments"));
		for (size_t k = 0; k < s->n_dims; k++)
			if (mock_cell(s, r, k) > 0)
				printf("        %s · %s: %.1f\n", s->dims[k].rubric_title,
				       s->dims[k].title, mock_cell(s, r, k));
	}
	if (s->n_dims)
		printf("Dimensions over the finished rounds, oldest first:\n");
	for (size_t k = 0; k < s->n_dims; k++) {
		double v[TREND_MAX];
		int n = mock_trend(s, k, v, TREND_MAX);

		if (n == 0)
			continue;
		printf("  %s · %s:", s->dims[k].rubric_title, s->dims[k].title);
		for (int i = 0; i < n; i++)
			printf("%s%.1f", i ? " -> " : " ", v[i]);
		printf("  (%s)\n", mock_trend_word(v, n));
	}
	if (rd->ready) {
		printf("Ready: the last %d rounds scored %d or more on every dimension.\n",
		       MOCK_READY_ROUNDS, MOCK_READY_SCORE);
		return;
	}
	printf("Not ready yet: %d of the %d finished rounds it takes", rd->counted,
	       MOCK_READY_ROUNDS);
	for (int i = 0; i < rd->n_held; i++)
		printf("%s%s · %s (%.1f)", i ? ", " : "; held back by ",
		       s->dims[rd->held[i]].rubric_title, s->dims[rd->held[i]].title, rd->lowest[i]);
	printf(".\n");
}

int cmd_mocks(const app_opts *o, int argc, char **argv)
{
	bool json = argc == 1 && strcmp(argv[0], "--json") == 0;
	mock_summary s;
	mock_ready rd;
	bp_app app;
	bp_error e;
	int rc = 0;

	if (argc > 0 && !json) {
		return cli_usage_error("unknown argument '%s' for mocks", argv[0]);
	}
	if (cli_open(&app, o, true))
		return 1;
	if (mock_summary_load(app.st, app.cat, &s, &e) < 0) {
		app_close(&app);
		return cli_fail(&e);
	}
	mock_readiness(&s, &rd);
	if (json)
		rc = print_json(&app, &s, &rd);
	else
		print_text(&s, &rd);
	mock_summary_free(&s);
	app_close(&app);
	return rc;
}
