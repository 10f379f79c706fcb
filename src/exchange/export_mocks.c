/* export_mocks: the mock rounds (segments, scores, evidence, notes) and the settings made in
 * the app, as the JSON export holds them. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/clock.h"
#include "backprep/store_mock.h"
#include "backprep/text.h"
#include "exchange_impl.h"

json_t *exchange_time(int64_t t)
{
	char buf[32];

	if (!t)
		return json_null();
	clock_format_iso(t, buf);
	return json_string(buf);
}

/*
 * Text a person typed (notes from their editor, evidence). JSON holds only UTF-8: text that is
 * not is exported cleaned (each bad byte as U+FFFD) rather than failing the whole export.
 */
static json_t *text_value(const char *s)
{
	json_t *v = json_string(s);
	char *clean;

	if (v || !(clean = text_clean(s, strlen(s))))
		return v;
	v = json_string(clean);
	free(clean);
	return v;
}

/* Collects into a JSON array; failed remembers that a value could not be added. */
typedef struct collect {
	json_t *v;
	bool failed;
} collect;

static int add(collect *c, json_t *o)
{
	if (json_array_append_new(c->v, o) < 0)
		c->failed = true;
	return c->failed;
}

static int add_round(void *ctx, const store_mock_round *r)
{
	return add(ctx,
	           json_pack("{s:I, s:s, s:s, s:o, s:o, s:[]}", "id", (json_int_t)r->id, "template",
	                     r->tpl, "title", r->title, "started", exchange_time(r->started),
	                     "finished", exchange_time(r->finished), "segments"));
}

static int add_segment(void *ctx, const store_mock_segment *g)
{
	return add(ctx,
	           json_pack("{s:s, s:s, s:i, s:s, s:i, s:I, s:b, s:i, s:i, s:o, s:o, s:o, "
	                     "s:[]}",
	                     "title", g->title, "item", g->item, "rev", g->rev, "rubric", g->rubric,
	                     "minutes", g->minutes, "elapsed_ms", (json_int_t)g->elapsed_ms,
	                     "ended", g->ended, "covered", g->covered, "points", g->points, "notes",
	                     text_value(g->notes), "scored", exchange_time(g->scored), "grade",
	                     g->grade ? json_integer(g->grade) : json_null(), "scores"));
}

static int add_score(void *ctx, const store_mock_score *s)
{
	collect *segs = ctx;
	/* segments are numbered from 0 in order, so a score's pos is its segment's index */
	collect to = {json_object_get(json_array_get(segs->v, (size_t)s->pos), "scores"), false};

	if (!to.v || add(&to, json_pack("{s:s, s:i, s:o}", "dimension", s->dimension, "score",
	                                s->score, "evidence", text_value(s->evidence)))) {
		segs->failed = true;
		return 1;
	}
	return 0;
}

int exchange_add_mocks(store *st, json_t *rounds, bp_error *e)
{
	collect c = {rounds, false};
	size_t i;
	json_t *r;

	if (store_mock_rounds(st, 0, add_round, &c, e) < 0)
		return -1;
	json_array_foreach(rounds, i, r)
	{
		int64_t id = json_integer_value(json_object_get(r, "id"));
		collect segs = {json_object_get(r, "segments"), c.failed};

		if (store_mock_segments(st, id, add_segment, &segs, e) < 0 ||
		    store_mock_scores(st, id, add_score, &segs, e) < 0)
			return -1;
		c.failed = c.failed || segs.failed;
	}
	if (c.failed)
		bp_error_set(e, "out of memory while writing the mock rounds to the export");
	return c.failed ? -1 : 0;
}

typedef struct settings {
	json_t *o;
	bool failed;
} settings;

static int add_setting(void *ctx, const char *key, const char *value)
{
	settings *s = ctx;

	/* the plan dates have their own place, "plan" */
	if (strcmp(key, "plan_start") == 0 || strcmp(key, "interview_date") == 0)
		return 0;
	s->failed = json_object_set_new(s->o, key, json_string(value)) < 0;
	return s->failed;
}

int exchange_add_settings(store *st, json_t *o, bp_error *e)
{
	settings s = {o, false};

	if (store_settings(st, add_setting, &s, e) < 0)
		return -1;
	if (s.failed)
		bp_error_set(e, "out of memory while writing the settings to the export");
	return s.failed ? -1 : 0;
}
