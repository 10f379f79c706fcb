/*
 * import: an export file read and checked in full before anything is written. The file is
 * read into memory up to a size limit (a pipe or a growing file cannot make us read for ever)
 * and parsed by jansson, which refuses duplicate keys and limits the nesting itself. Every
 * field that import uses is then checked and copied into plain arrays for merge.c; fields it
 * does not use (a card's state, stability...: replay rebuilds them) are not looked at.
 * Messages never echo text from the file: it could hold escape sequences.
 */
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "backprep/clock.h"
#include "backprep/flag.h"
#include "backprep/text.h"
#include "exchange_impl.h"

enum { ID_MAX = 100, REV_MAX = 1000000 };

/* 2000-01-01T00:00:00Z: nothing done in backprep is older. */
static const int64_t REVIEW_EPOCH = 946684800;

/* The whole file, if it is at most EXCHANGE_MAX_BYTES. */
static char *read_file(const char *path, size_t *len, bp_error *e)
{
	FILE *f = fopen(path, "rb");
	struct stat sb;
	char *buf = NULL;
	size_t cap = 0, n = 0;

	if (!f) {
		bp_error_at(e, path, 0, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		bp_error_at(e, path, 0, 0, "is a directory, not an export");
		goto fail;
	}
	if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > EXCHANGE_MAX_BYTES)
		goto too_big;
	for (;;) {
		size_t got;

		if (n == cap) {
			char *nb;

			if (cap > EXCHANGE_MAX_BYTES)
				goto too_big;
			cap = cap ? cap * 2 : 1 << 16;
			if (!(nb = realloc(buf, cap))) {
				bp_error_at(e, path, 0, 0, "out of memory while reading it");
				goto fail;
			}
			buf = nb;
		}
		if ((got = fread(buf + n, 1, cap - n, f)) == 0)
			break;
		n += got;
	}
	if (ferror(f)) {
		bp_error_at(e, path, 0, 0, "cannot read: %s", strerror(errno));
		goto fail;
	}
	if (n > EXCHANGE_MAX_BYTES)
		goto too_big;
	fclose(f);
	*len = n;
	return buf;
too_big:
	bp_error_at(e, path, 0, 0, "file is larger than %d MiB, the most an export may be",
	            EXCHANGE_MAX_BYTES >> 20);
fail:
	fclose(f);
	free(buf);
	return NULL;
}

static const char *type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
		return "an integer";
	case JSON_REAL:
		return "a real number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	default:
		return "null";
	}
}

/* Item ids as packs write them (area.slug: a-z, 0-9, '.' and '-'); nothing else reaches the
 * database, and from there the terminal. */
bool exchange_id_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > ID_MAX)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '.' ||
		      *s == '-'))
			return false;
	return true;
}

/*
 * "reviews[3].grade must be W, not a string", or "... must be W, not 5" when shown is given,
 * or "... is missing: it must be W" when v is NULL, or "... must be W" for a string of the
 * right type and the wrong content.
 */
int exchange_refuse(const place *p, const char *key, const json_t *v, const char *want,
                    const char *shown, bp_error *e)
{
	char at[128];

	snprintf(at, sizeof(at), "%s%s%s", p->at, p->at[0] && key[0] ? "." : "", key);
	if (shown)
		bp_error_at(e, p->file, 0, 0, "%s must be %s, not %s", at, want, shown);
	else if (!v)
		bp_error_at(e, p->file, 0, 0, "%s is missing: it must be %s", at, want);
	else if (json_is_string(v))
		bp_error_at(e, p->file, 0, 0, "%s must be %s", at, want);
	else
		bp_error_at(e, p->file, 0, 0, "%s must be %s, not %s", at, want, type_name(v));
	return -1;
}

/* An integer from lo to hi; an optional one may be absent (*out keeps its value). */
int exchange_get_int(const place *p, const json_t *o, const char *key, bool required, long lo,
                     long hi, int *out, bp_error *e)
{
	const json_t *v = json_object_get(o, key);
	char want[64], shown[32];

	if (!v && !required)
		return 0;
	snprintf(want, sizeof(want), "an integer from %ld to %ld", lo, hi);
	if (!json_is_integer(v))
		return exchange_refuse(p, key, v, want, json_is_string(v) ? "a string" : NULL, e);
	if (json_integer_value(v) < lo || json_integer_value(v) > hi) {
		snprintf(shown, sizeof(shown), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return exchange_refuse(p, key, v, want, shown, e);
	}
	*out = (int)json_integer_value(v);
	return 0;
}

int exchange_get_id(const place *p, const json_t *o, const char *key, const char **out, bp_error *e)
{
	const json_t *v = json_object_get(o, key);

	if (!json_is_string(v) || !exchange_id_ok(json_string_value(v)))
		return exchange_refuse(p, key, v,
		                       "an item id (a-z, 0-9, '.' and '-', at most 100 characters)",
		                       NULL, e);
	*out = json_string_value(v);
	return 0;
}

int exchange_get_bool(const place *p, const json_t *o, const char *key, bool *out, bp_error *e)
{
	const json_t *v = json_object_get(o, key);

	if (!v)
		return 0;
	if (!json_is_boolean(v))
		return exchange_refuse(p, key, v, "true or false",
		                       json_is_string(v) ? "a string" : NULL, e);
	*out = json_is_true(v);
	return 0;
}

int exchange_get_time(const place *p, const json_t *o, const char *key, unsigned flags,
                      int64_t *out, bp_error *e)
{
	const json_t *v = json_object_get(o, key);
	char shown[32], want[96], latest[32];

	*out = 0;
	if ((flags & TIME_NULLABLE) && (!v || json_is_null(v)))
		return 0;
	if (!json_is_string(v) || clock_parse_iso(json_string_value(v), out) < 0)
		return exchange_refuse(p, key, v,
		                       flags & TIME_NULLABLE
		                           ? "null or a time like 2026-11-29T08:00:00Z"
		                           : "a time like 2026-11-29T08:00:00Z",
		                       NULL, e);
	if (!(flags & TIME_DONE) || (*out >= REVIEW_EPOCH && *out <= clock_now() + 86400))
		return 0;
	/* a review from the future would keep its card out of the queue for years; one before
	 * backprep's time is a broken clock. Shown as read back, never raw. */
	clock_format_iso(*out, shown);
	clock_format_iso(clock_now() + 86400, latest);
	snprintf(want, sizeof(want), "a time from 2000-01-01 to a day after this clock (%s)",
	         latest);
	return exchange_refuse(p, key, v, want, shown, e);
}

/* "day" (version 4): the local day the answer was given on, which keeps it on that day in
 * another time zone; it must hold `at` in some zone (UTC-12 to UTC+14). Absent: the day of
 * `at` here. */
static int read_review_day(const place *p, const json_t *o, store_review *r, bp_error *e)
{
	const json_t *v = json_object_get(o, "day");
	const char *s = json_is_string(v) ? json_string_value(v) : "";
	int64_t t, utc = r->at / 86400;

	if (!v)
		return 0;
	if (strlen(s) != 10 || clock_parse_iso(s, &t) < 0 || t / 86400 < utc - 1 ||
	    t / 86400 > utc + 1)
		return exchange_refuse(p, "day", v, "the date of \"at\" in some time zone",
		                       NULL, e);
	r->day = t / 86400;
	return 0;
}

static int read_review(const place *p, const json_t *o, store_review *r, bp_error *e)
{
	const json_t *src = json_object_get(o, "source");
	const json_t *draw = json_object_get(o, "draw");

	memset(r, 0, sizeof(*r));
	r->draw = -1.0;
	r->source = "drill";
	if (!json_is_object(o))
		return exchange_refuse(p, "", o, "an object", json_is_string(o) ? "a string" : NULL,
		                       e);
	if (exchange_get_id(p, o, "item", &r->item, e) < 0 ||
	    exchange_get_int(p, o, "rev", true, 1, REV_MAX, &r->rev, e) < 0)
		return -1;
	if (exchange_get_time(p, o, "at", TIME_DONE, &r->at, e) < 0 ||
	    read_review_day(p, o, r, e) < 0)
		return -1;
	if (exchange_get_int(p, o, "grade", true, 1, 4, &r->grade, e) < 0 ||
	    exchange_get_int(p, o, "covered", false, 0, INT_MAX, &r->covered, e) < 0 ||
	    exchange_get_int(p, o, "points", false, 0, INT_MAX, &r->points, e) < 0 ||
	    exchange_get_int(p, o, "hints", false, 0, INT_MAX, &r->hints, e) < 0 ||
	    exchange_get_int(p, o, "seconds", false, 0, INT_MAX, &r->seconds, e) < 0 ||
	    exchange_get_int(p, o, "tests_total", false, 0, INT_MAX, &r->tests_total, e) < 0 ||
	    exchange_get_int(p, o, "tests_passed", false, 0, r->tests_total, &r->tests_passed, e) <
	            0)
		return -1;
	if (src) {
		const char *s = json_is_string(src) ? json_string_value(src) : "";

		if (strcmp(s, "drill") != 0 && strcmp(s, "mock") != 0 && strcmp(s, "cram") != 0)
			return exchange_refuse(p, "source", src, "\"drill\", \"mock\" or \"cram\"",
			                       NULL, e);
		r->source = s;
	}
	if (draw && !json_is_null(draw)) {
		double d = json_is_number(draw) ? json_number_value(draw) : -1.0;

		if (!(d >= 0 && d < 1)) {
			char shown[32];

			snprintf(shown, sizeof(shown), "%g", d);
			return exchange_refuse(p, "draw", draw, "null or a number from 0 up to 1",
			                       json_is_number(draw)   ? shown
			                       : json_is_string(draw) ? "a string"
			                                              : NULL,
			                       e);
		}
		r->draw = d;
	}
	return 0;
}

static int read_event(const place *p, const json_t *o, store_event *ev, bp_error *e)
{
	const json_t *at = json_object_get(o, "at"), *kind = json_object_get(o, "kind");
	const json_t *until = json_object_get(o, "until");
	int k;

	memset(ev, 0, sizeof(*ev));
	if (!json_is_object(o))
		return exchange_refuse(p, "", o, "an object", json_is_string(o) ? "a string" : NULL,
		                       e);
	if (exchange_get_id(p, o, "item", &ev->item, e) < 0)
		return -1;
	if (!json_is_string(at) || clock_parse_iso(json_string_value(at), &ev->at) < 0)
		return exchange_refuse(p, "at", at, "a time like 2026-11-29T08:00:00Z", NULL, e);
	if (!json_is_string(kind) || (k = flag_parse(json_string_value(kind))) < 0)
		return exchange_refuse(p, "kind", kind,
			      "\"suspend\", \"unsuspend\", \"star\", \"unstar\", \"bury\", "
			      "\"unbury\" or \"reset\"",
			      NULL, e);
	ev->kind = flag_name((flag_kind)k); /* never the file's own string */
	if (k == FLAG_BURY &&
	    (!json_is_string(until) || clock_parse_iso(json_string_value(until), &ev->until) < 0))
		return exchange_refuse(p, "until", until, "a time like 2026-11-30T00:00:00Z", NULL, e);
	return 0;
}

static int read_events(exchange_file *x, const json_t *events, place *p, bp_error *e)
{
	size_t n = json_array_size(events), i;
	const json_t *v;

	if (!(x->events = calloc(n ? n : 1, sizeof(*x->events)))) {
		bp_error_at(e, p->file, 0, 0, "out of memory while reading the events");
		return -1;
	}
	json_array_foreach(events, i, v)
	{
		snprintf(p->at, sizeof(p->at), "events[%zu]", i);
		if (read_event(p, v, &x->events[i], e) < 0)
			return -1;
	}
	x->n_events = n;
	return 0;
}

/* Versions 1 and 2 kept flags on the items, without a time: they become events at the
 * export's time (or, without one, now), so that importing the file again adds nothing. */
static int read_v1_flags(const place *p0, const json_t *o, int64_t at, exchange_file *x,
			 bp_error *e)
{
	place p = *p0;
	bool flag[2] = { false, false };
	int64_t until = 0;
	const char *id;

	if (!json_is_object(o))
		return exchange_refuse(&p, "", o, "an object",
				       json_is_string(o) ? "a string" : NULL, e);
	if (exchange_get_id(&p, o, "id", &id, e) < 0 ||
	    exchange_get_bool(&p, o, "suspended", &flag[0], e) < 0 ||
	    exchange_get_bool(&p, o, "starred", &flag[1], e) < 0 ||
	    exchange_get_time(&p, o, "buried_until", TIME_NULLABLE, &until, e) < 0)
		return -1;
	for (int k = 0; k < 2; k++)
		if (flag[k])
			x->events[x->n_events++] = (store_event){
				.item = id,
				.at = at,
				.kind = flag_name(k ? FLAG_STAR : FLAG_SUSPEND),
			};
	if (until) /* version 2 kept a bury on the item */
		x->events[x->n_events++] = (store_event){
			.item = id, .at = at, .kind = flag_name(FLAG_BURY), .until = until
		};
	return 0;
}

/* "YYYY-MM-DD" or null, into out ("" for null). */
static int read_day(const place *p, const json_t *plan, const char *key, char out[16], bp_error *e)
{
	const json_t *v = json_object_get(plan, key);
	int64_t t;

	out[0] = '\0';
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v) || strlen(json_string_value(v)) != 10 ||
	    clock_parse_iso(json_string_value(v), &t) < 0)
		return exchange_refuse(p, key, v, "null or a date like 2026-12-20", NULL, e);
	memcpy(out, json_string_value(v), 11);
	return 0;
}

/* Twins (exchange_impl.h) sort together. */
static int twin_cmp(const store_review *x, const store_review *y)
{
	int c = strcmp(x->item, y->item);

	if (c)
		return c;
	if (x->rev != y->rev)
		return x->rev < y->rev ? -1 : 1;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->grade - y->grade;
}

static int by_twin(const void *a, const void *b)
{
	const store_review *x = *(const store_review *const *)a;
	const store_review *y = *(const store_review *const *)b;
	int c = twin_cmp(x, y);

	if (c)
		return c;
	return x < y ? -1 : x > y; /* then in file order */
}

/* x->nth[i]: how many twins review i has before it in the file; x->first[i]: the first. */
static int count_twins(exchange_file *x)
{
	const store_review **v;
	size_t run = 0, first = 0;

	if (x->n_reviews == 0)
		return 0;
	if (!(v = malloc(x->n_reviews * sizeof(*v))))
		return -1;
	for (size_t i = 0; i < x->n_reviews; i++)
		v[i] = &x->reviews[i];
	qsort(v, x->n_reviews, sizeof(*v), by_twin);
	for (size_t i = 0; i < x->n_reviews; i++) {
		size_t at = (size_t)(v[i] - x->reviews);

		if (i > 0 && twin_cmp(v[i - 1], v[i]) == 0) {
			run++;
		} else {
			run = 0;
			first = at;
		}
		x->nth[at] = run;
		x->first[at] = first;
	}
	free(v);
	return 0;
}

static int read_reviews(exchange_file *x, const json_t *reviews, place *p, bp_error *e)
{
	size_t n = json_array_size(reviews), i;
	const json_t *v;

	x->reviews = calloc(n ? n : 1, sizeof(*x->reviews));
	x->nth = calloc(n ? n : 1, sizeof(*x->nth));
	x->first = calloc(n ? n : 1, sizeof(*x->first));
	if (!x->reviews || !x->nth || !x->first)
		goto oom;
	json_array_foreach(reviews, i, v)
	{
		snprintf(p->at, sizeof(p->at), "reviews[%zu]", i);
		if (read_review(p, v, &x->reviews[i], e) < 0)
			return -1;
	}
	x->n_reviews = n;
	if (count_twins(x) == 0)
		return 0;
oom:
	bp_error_at(e, p->file, 0, 0, "out of memory while reading the reviews");
	return -1;
}

static int read_items(exchange_file *x, const json_t *root, place *p, bp_error *e)
{
	const json_t *items = json_object_get(root, "items");
	const json_t *when = json_object_get(root, "exported_at");
	size_t n = json_array_size(items), i;
	int64_t at;
	const json_t *v;

	if (!json_is_string(when) || clock_parse_iso(json_string_value(when), &at) < 0)
		at = clock_now();
	if (!(x->events = calloc(3 * n + 1, sizeof(*x->events)))) {
		bp_error_at(e, p->file, 0, 0, "out of memory while reading the items");
		return -1;
	}
	json_array_foreach(items, i, v)
	{
		snprintf(p->at, sizeof(p->at), "items[%zu]", i);
		if (read_v1_flags(p, v, at, x, e) < 0)
			return -1;
	}
	return 0;
}

static int read_doc(exchange_file *x, const char *path, bp_error *e)
{
	const json_t *root = x->doc;
	const json_t *format = json_object_get(root, "format");
	const json_t *version = json_object_get(root, "version");
	const json_t *reviews = json_object_get(root, "reviews");
	const json_t *items = json_object_get(root, "items"), *plan = json_object_get(root, "plan");
	const json_t *settings = json_object_get(root, "settings");
	const json_t *mocks = json_object_get(root, "mocks");
	const json_t *events = json_object_get(root, "events");
	place p = {path, ""};

	if (!json_is_object(root)) {
		bp_error_at(e, path, 0, 0,
		            "not a backprep export: the top level is %s, not an object",
		            type_name(root));
		return -1;
	}
	if (!json_is_string(format) || strcmp(json_string_value(format), EXCHANGE_FORMAT) != 0) {
		bp_error_at(e, path, 0, 0, "not a backprep export: format must be \"%s\"",
		            EXCHANGE_FORMAT);
		return -1;
	}
	if (!json_is_integer(version))
		return exchange_refuse(&p, "version", version, "an integer", NULL, e);
	if (json_integer_value(version) < 1 || json_integer_value(version) > EXCHANGE_VERSION) {
		bp_error_at(e, path, 0, 0,
		            "export version %" JSON_INTEGER_FORMAT
		            " is not supported: this backprep reads versions 1 to %d",
		            json_integer_value(version), EXCHANGE_VERSION);
		return -1;
	}
	/* the arrays may be absent (nothing to merge), but not something else */
	if (reviews && !json_is_array(reviews))
		return exchange_refuse(&p, "reviews", reviews, "an array", NULL, e);
	if (items && !json_is_array(items))
		return exchange_refuse(&p, "items", items, "an array", NULL, e);
	if (plan && !json_is_null(plan) && !json_is_object(plan))
		return exchange_refuse(&p, "plan", plan, "an object", NULL, e);
	if (events && !json_is_array(events))
		return exchange_refuse(&p, "events", events, "an array", NULL, e);
	/* from version 3 the flags are in the events; before, they were on the items, and the
	 * items' flags of version 3 only repeat what the events say */
	if (read_reviews(x, reviews, &p, e) < 0 ||
	    (json_integer_value(version) < 3 ? read_items(x, root, &p, e)
					     : read_events(x, events, &p, e)) < 0)
		return -1;
	snprintf(p.at, sizeof(p.at), "plan");
	if (read_day(&p, plan, "start", x->plan_start, e) < 0 ||
	    read_day(&p, plan, "interview", x->interview, e) < 0)
		return -1;
	/* version 1 had no settings, and its "mocks" was always empty */
	if (json_integer_value(version) < 2)
		return 0;
	if (exchange_read_settings(x, settings, &p, e) < 0 ||
	    exchange_read_mocks(x, mocks, &p, e) < 0)
		return -1;
	return 0;
}

int exchange_read(const char *path, exchange_file **out, bp_error *e)
{
	exchange_file *x;
	json_error_t err;
	json_t *root;
	size_t len;
	char *buf = read_file(path, &len, e);

	*out = NULL;
	if (!buf)
		return -1;
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &err);
	free(buf);
	if (!root) {
		/* jansson quotes the token it stopped at, control characters and all */
		char *msg = text_clean(err.text, strlen(err.text));

		if (err.line > 0)
			bp_error_at(e, path, err.line, err.column > 0 ? err.column : 1, "%s",
			            msg ? msg : "not valid JSON");
		else
			bp_error_at(e, path, 0, 0, "%s", msg ? msg : "not valid JSON");
		free(msg);
		return -1;
	}
	if (!(x = calloc(1, sizeof(*x)))) {
		json_decref(root);
		bp_error_set(e, "out of memory");
		return -1;
	}
	x->doc = root;
	if (read_doc(x, path, e) < 0) {
		exchange_free(x);
		return -1;
	}
	*out = x;
	return 0;
}

size_t exchange_n_reviews(const exchange_file *x)
{
	return x->n_reviews;
}

void exchange_free(exchange_file *x)
{
	if (!x)
		return;
	json_decref(x->doc);
	free(x->reviews);
	free(x->nth);
	free(x->first);
	free(x->events);
	free(x->settings);
	for (size_t i = 0; i < x->n_mocks; i++) {
		free((void *)x->mocks[i].segs);
		free((void *)x->mocks[i].scores);
	}
	free(x->mocks);
	free(x);
}
