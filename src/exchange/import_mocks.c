/*
 * import_mocks: the parts of a version 2 export beyond the review log — the settings made in
 * the app and the mock rounds — read and checked like the rest (import.c) before anything is
 * written. Strings stay in the parsed document; messages never echo text from the file.
 */
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/clock.h"
#include "exchange_impl.h"

enum { SEGMENTS_MAX = 64, SCORES_MAX = 64, TEXT_MAX = 65536 };

/* Text a person typed or a title: any string, up to a size. */
static int get_text(const place *p, const json_t *o, const char *key, bool required,
                    const char **out, bp_error *e)
{
	const json_t *v = json_object_get(o, key);

	*out = "";
	if (!v && !required)
		return 0;
	if (!json_is_string(v) || json_string_length(v) > TEXT_MAX)
		return exchange_refuse(p, key, v, "text of at most 64 KiB", NULL, e);
	*out = json_string_value(v);
	return 0;
}

/* A setting's key as the app writes it: a-z, 0-9, '.', '_' and '-'. */
static bool key_chars_ok(const char *s)
{
	if (!*s || strlen(s) > 120)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || strchr("._-", *s)))
			return false;
	return true;
}

/* "" or a whole number from min to max, as the app writes it. */
static bool count_ok(const char *s, long min, long max)
{
	char *end;
	long n;

	if (!*s)
		return true;
	if (strspn(s, "0123456789") != strlen(s) || strlen(s) > 6)
		return false;
	n = strtol(s, &end, 10);
	return n >= min && n <= max;
}

/* "" or a retention as the app writes it: "0.70" to "0.99". */
static bool retention_ok(const char *s)
{
	return !*s || (strlen(s) == 4 && strncmp(s, "0.", 2) == 0 && s[2] >= '7' && s[2] <= '9' &&
		       s[3] >= '0' && s[3] <= '9');
}

/* "" or a day as YYYY-MM-DD. */
static bool day_ok(const char *s)
{
	int64_t t;

	return !*s || (strlen(s) == 10 && clock_parse_iso(s, &t) == 0);
}

/* What each setting made in the app may hold; NULL when the value is good. */
static const char *setting_want(const char *key, const char *value, bool *known)
{
	*known = true;
	if (strcmp(key, "daily_minutes") == 0)
		return count_ok(value, 1, 600) ? NULL : "\"\" or minutes from 1 to 600, as a string";
	if (strcmp(key, "new_per_day") == 0)
		return count_ok(value, 0, 100) ? NULL : "\"\" or a number from 0 to 100, as a string";
	if (strcmp(key, "retention") == 0)
		return retention_ok(value) ? NULL : "\"\" or a retention from \"0.70\" to \"0.99\"";
	/* the day a setting was made in the app (app_plan.c) */
	if (strcmp(key, "set_on.daily_minutes") == 0 || strcmp(key, "set_on.new_per_day") == 0 ||
	    strcmp(key, "set_on.retention") == 0 || strcmp(key, "set_on.interview_date") == 0)
		return day_ok(value) ? NULL : "\"\" or a date such as \"2026-12-01\"";
	if (strcmp(key, "first_run") == 0)
		return strcmp(value, "done") == 0 ? NULL : "\"done\"";
	if (strcmp(key, "plan_start_chosen") == 0) /* plan --start set the start (app_plan.c) */
		return !*value || strcmp(value, "yes") == 0 ? NULL : "\"\" or \"yes\"";
	if (strncmp(key, "profile.", 8) == 0 && exchange_id_ok(key + 8))
		return !*value || exchange_id_ok(value) ? NULL : "\"\" or an answer's id";
	*known = false;
	return NULL;
}

int exchange_read_settings(exchange_file *x, const json_t *settings, place *p, bp_error *e)
{
	const char *key;
	const json_t *v;

	snprintf(p->at, sizeof(p->at), "%s", "");
	if (!settings || json_is_null(settings))
		return 0;
	if (!json_is_object(settings))
		return exchange_refuse(p, "settings", settings, "an object", NULL, e);
	x->settings = calloc(json_object_size(settings) + 1, sizeof(*x->settings));
	if (!x->settings) {
		bp_error_at(e, p->file, 0, 0, "out of memory while reading the settings");
		return -1;
	}
	snprintf(p->at, sizeof(p->at), "settings");
	json_object_foreach((json_t *)settings, key, v)
	{
		const char *want;
		bool known;

		if (!key_chars_ok(key)) {
			bp_error_at(e, p->file, 0, 0,
			            "settings has a key that is not a setting backprep keeps");
			return -1;
		}
		want = setting_want(key, json_is_string(v) ? json_string_value(v) : "", &known);
		if (!known) {
			bp_error_at(e, p->file, 0, 0, "settings.%s is not a setting backprep keeps",
			            key);
			return -1;
		}
		if (!json_is_string(v) || want)
			return exchange_refuse(p, key, v, want ? want : "a string", NULL, e);
		x->settings[x->n_settings++] = (exchange_setting){key, json_string_value(v)};
	}
	return 0;
}

static int read_score(const place *p, const json_t *o, int pos, store_mock_score *s, bp_error *e)
{
	memset(s, 0, sizeof(*s));
	s->pos = pos;
	if (!json_is_object(o))
		return exchange_refuse(p, "", o, "an object", NULL, e);
	if (exchange_get_id(p, o, "dimension", &s->dimension, e) < 0 ||
	    exchange_get_int(p, o, "score", true, 1, 4, &s->score, e) < 0 ||
	    get_text(p, o, "evidence", false, &s->evidence, e) < 0)
		return -1;
	return 0;
}

/* A segment; its scores are appended to r's. */
static int read_segment(place *p, const json_t *o, int pos, store_mock_import *r,
                        store_mock_segment *g, size_t *n_scores, bp_error *e)
{
	const json_t *scores = json_object_get(o, "scores"), *grade = json_object_get(o, "grade");
	store_mock_score *sv = (store_mock_score *)r->scores;
	size_t len = strlen(p->at), i;
	const json_t *v;

	memset(g, 0, sizeof(*g));
	g->pos = pos;
	if (!json_is_object(o))
		return exchange_refuse(p, "", o, "an object", NULL, e);
	if (get_text(p, o, "title", true, &g->title, e) < 0 ||
	    exchange_get_id(p, o, "item", &g->item, e) < 0 ||
	    exchange_get_int(p, o, "rev", true, 1, 1000000, &g->rev, e) < 0 ||
	    exchange_get_id(p, o, "rubric", &g->rubric, e) < 0 ||
	    exchange_get_int(p, o, "minutes", true, 0, 1440, &g->minutes, e) < 0 ||
	    exchange_get_bool(p, o, "ended", &g->ended, e) < 0 ||
	    exchange_get_int(p, o, "covered", false, 0, INT_MAX, &g->covered, e) < 0 ||
	    exchange_get_int(p, o, "points", false, 0, INT_MAX, &g->points, e) < 0 ||
	    get_text(p, o, "notes", false, &g->notes, e) < 0 ||
	    exchange_get_time(p, o, "scored", TIME_NULLABLE | TIME_DONE, &g->scored, e) < 0)
		return -1;
	{
		int ms = 0; /* a round's clock: at most 24 days, which INT_MAX ms holds */

		if (exchange_get_int(p, o, "elapsed_ms", false, 0, INT_MAX, &ms, e) < 0)
			return -1;
		g->elapsed_ms = ms;
	}
	if (grade && !json_is_null(grade) &&
	    exchange_get_int(p, o, "grade", true, 1, 4, &g->grade, e) < 0)
		return -1;
	if (scores && !json_is_array(scores))
		return exchange_refuse(p, "scores", scores, "an array", NULL, e);
	if (json_array_size(scores) > SCORES_MAX)
		return exchange_refuse(p, "scores", scores, "an array of at most 64 scores", NULL,
		                       e);
	json_array_foreach(scores, i, v)
	{
		snprintf(p->at + len, sizeof(p->at) - len, ".scores[%zu]", i);
		if (read_score(p, v, pos, &sv[(*n_scores)++], e) < 0)
			return -1;
	}
	p->at[len] = '\0';
	return 0;
}

static int read_round(place *p, const json_t *o, store_mock_import *r, bp_error *e)
{
	const json_t *segs = json_object_get(o, "segments"), *g;
	size_t len = strlen(p->at), n_scores = 0, i;
	int id = 0;

	memset(r, 0, sizeof(*r));
	if (!json_is_object(o))
		return exchange_refuse(p, "", o, "an object", NULL, e);
	if (exchange_get_int(p, o, "id", true, 1, INT_MAX, &id, e) < 0 ||
	    exchange_get_id(p, o, "template", &r->tpl, e) < 0 ||
	    get_text(p, o, "title", true, &r->title, e) < 0 ||
	    exchange_get_time(p, o, "started", TIME_DONE, &r->started, e) < 0 ||
	    exchange_get_time(p, o, "finished", TIME_NULLABLE | TIME_DONE, &r->finished, e) < 0)
		return -1;
	r->id = id;
	if (!json_is_array(segs) || json_array_size(segs) < 1 ||
	    json_array_size(segs) > SEGMENTS_MAX) {
		char shown[32];

		snprintf(shown, sizeof(shown), "%zu", json_array_size(segs));
		return exchange_refuse(p, "segments", segs, "an array of 1 to 64 segments",
		                       json_is_array(segs) ? shown : NULL, e);
	}
	r->segs = calloc(json_array_size(segs), sizeof(*r->segs));
	r->scores = calloc(json_array_size(segs) * SCORES_MAX, sizeof(*r->scores));
	if (!r->segs || !r->scores) {
		bp_error_at(e, p->file, 0, 0, "out of memory while reading the mock rounds");
		return -1;
	}
	json_array_foreach(segs, i, g)
	{
		snprintf(p->at + len, sizeof(p->at) - len, ".segments[%zu]", i);
		if (read_segment(p, g, (int)i, r, (store_mock_segment *)&r->segs[i], &n_scores, e) <
		    0)
			return -1;
		r->n_segs = (int)i + 1;
	}
	r->n_scores = (int)n_scores;
	return 0;
}

int exchange_read_mocks(exchange_file *x, const json_t *mocks, place *p, bp_error *e)
{
	size_t i;
	const json_t *v;

	snprintf(p->at, sizeof(p->at), "%s", "");
	if (!mocks || json_is_null(mocks))
		return 0;
	if (!json_is_array(mocks))
		return exchange_refuse(p, "mocks", mocks, "an array", NULL, e);
	if (!(x->mocks = calloc(json_array_size(mocks) + 1, sizeof(*x->mocks)))) {
		bp_error_at(e, p->file, 0, 0, "out of memory while reading the mock rounds");
		return -1;
	}
	json_array_foreach(mocks, i, v)
	{
		snprintf(p->at, sizeof(p->at), "mocks[%zu]", i);
		x->n_mocks = i + 1; /* so that exchange_free frees what read_round allocated */
		if (read_round(p, v, &x->mocks[i], e) < 0)
			return -1;
	}
	return 0;
}
