/* export: the store written out as the JSON export, or its review log as CSV. */
#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/clock.h"
#include "backprep/exchange.h"
#include "backprep/fsrs.h"
#include "exchange_impl.h"

static const char *state_name(int state)
{
	static const char *const names[] = {"new", "learning", "review", "relearning"};

	return state >= 0 && state < 4 ? names[state] : "new";
}

/* A plan date kept in the settings, as YYYY-MM-DD, or null when unset or unreadable. */
static int plan_date(store *st, const char *key, json_t **out, bp_error *e)
{
	char buf[64], day[16];
	int64_t t;
	int found = store_setting_get(st, key, buf, sizeof(buf), e);

	if (found < 0)
		return -1;
	if (found && buf[0] && clock_parse_iso(buf, &t) == 0) {
		clock_format_day(t >= 0 ? t / 86400 : (t - 86399) / 86400, day);
		*out = json_string(day);
	} else {
		*out = json_null();
	}
	return 0;
}

static int by_item(const void *a, const void *b)
{
	return strcmp(((const store_card *)a)->item, ((const store_card *)b)->item);
}

static int add_items(store *st, json_t *items, bp_error *e)
{
	store_card *v;
	size_t n;

	if (store_cards(st, &v, &n, e) < 0)
		return -1;
	/* sorted, so that two exports of the same progress are the same file */
	if (n)
		qsort(v, n, sizeof(*v), by_item);
	for (size_t i = 0; i < n; i++) {
		const store_card *c = &v[i];
		char due[32];
		json_t *o;

		clock_format_iso(c->due, due);
		o = json_pack("{s:s, s:i, s:s, s:f, s:f, s:s, s:i, s:i, s:b, s:b, s:o}", "id",
		              c->item, "rev", c->rev, "state", state_name(c->state), "stability",
		              c->stability, "difficulty", c->difficulty, "due", due, "reps",
		              c->reps, "lapses", c->lapses, "suspended", c->suspended, "starred",
		              c->starred, "buried_until", exchange_time(c->buried_until));
		if (json_array_append_new(items, o) < 0) {
			bp_error_set(e, "cannot write the card of '%s' to the export", c->item);
			free(v);
			return -1;
		}
	}
	free(v);
	return 0;
}

typedef struct review_list {
	json_t *v;
	bool failed;
} review_list;

static int add_review(void *ctx, const store_review *r)
{
	review_list *l = ctx;
	char at[32], day[16];
	json_t *o;

	clock_format_iso(r->at, at);
	clock_format_day(r->day ? r->day : clock_local_day(r->at), day);
	/* replay needs source and draw to give the same cards: cram answers are not scheduled,
	 * and the fuzz draw decides the interval */
	o = json_pack("{s:s, s:i, s:s, s:s, s:i, s:i, s:i, s:i, s:i, s:s, s:o, s:i, s:i}", "item",
	              r->item, "rev", r->rev, "at", at, "day", day, "grade", r->grade, "covered",
	              r->covered,
	              "points", r->points, "hints", r->hints, "seconds", r->seconds, "source",
	              r->source, "draw", r->draw >= 0 ? json_real(r->draw) : json_null(),
	              "tests_passed", r->tests_passed, "tests_total", r->tests_total);
	l->failed = json_array_append_new(l->v, o) < 0;
	return l->failed;
}

static int add_event(void *ctx, const store_event *ev)
{
	review_list *l = ctx;
	char at[32], until[32];
	json_t *o;

	clock_format_iso(ev->at, at);
	clock_format_iso(ev->until, until);
	o = json_pack("{s:s, s:s, s:s}", "item", ev->item, "at", at, "kind", ev->kind);
	if (o && strcmp(ev->kind, "bury") == 0 &&
	    json_object_set_new(o, "until", json_string(until)) < 0) {
		json_decref(o);
		o = NULL;
	}
	l->failed = json_array_append_new(l->v, o) < 0;
	return l->failed;
}

int exchange_write_json(store *st, FILE *f, size_t *bytes, bp_error *e)
{
	json_t *root = NULL, *items = json_array(), *start = NULL, *interview = NULL;
	json_t *settings = json_object(), *mocks = json_array();
	review_list reviews = {json_array(), false}, events = {json_array(), false};
	char now[32];
	int rc = -1;

	if (!items || !reviews.v || !events.v || !settings || !mocks)
		goto oom;
	if (add_items(st, items, e) < 0 || store_reviews(st, NULL, add_review, &reviews, e) < 0 ||
	    store_events(st, NULL, add_event, &events, e) < 0 ||
	    exchange_add_settings(st, settings, e) < 0 || exchange_add_mocks(st, mocks, e) < 0)
		goto out;
	if (reviews.failed || events.failed)
		goto oom;
	if (plan_date(st, "plan_start", &start, e) < 0 ||
	    plan_date(st, "interview_date", &interview, e) < 0)
		goto out;
	clock_format_iso(clock_now(), now);
	root = json_pack("{s:s, s:i, s:s, s:O, s:O, s:O, s:{s:O, s:O}, s:O, s:O}", "format",
	                 EXCHANGE_FORMAT, "version", EXCHANGE_VERSION, "exported_at", now, "items",
	                 items, "reviews", reviews.v, "events", events.v, "plan", "start", start,
	                 "interview", interview, "settings", settings, "mocks", mocks);
	if (!root)
		goto oom;
	if (exchange_json_dump(root, JSON_INDENT(2), f, bytes) < 0 || fputc('\n', f) == EOF) {
		bp_error_set(e, "could not write the export");
		goto out;
	}
	*bytes += 1;
	rc = 0;
	goto out;
oom:
	bp_error_set(e, "out of memory while writing the export");
out:
	json_decref(items);
	json_decref(reviews.v);
	json_decref(events.v);
	json_decref(start);
	json_decref(interview);
	json_decref(settings);
	json_decref(mocks);
	json_decref(root);
	return rc;
}

/* One CSV field: quoted, with quotes doubled, when it holds a comma, quote or line break. */
static void csv_field(FILE *f, const char *s)
{
	if (!s[strcspn(s, ",\"\r\n")]) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static int csv_review(void *ctx, const store_review *r)
{
	FILE *f = ctx;
	char at[32];

	clock_format_iso(r->at, at);
	csv_field(f, r->item);
	fprintf(f, ",%d,%s,%d,%d,%d,%d,%d,", r->rev, at, r->grade, r->covered, r->points, r->hints,
	        r->seconds);
	csv_field(f, r->source);
	fprintf(f, ",%d,%d\r\n", r->tests_passed, r->tests_total);
	return ferror(f) != 0;
}

int exchange_write_csv(store *st, FILE *f, bp_error *e)
{
	/* RFC 4180: CRLF after every record, the header included */
	fputs("item,rev,at,grade,covered,points,hints,seconds,source,tests_passed,tests_total\r\n",
	      f);
	if (store_reviews(st, NULL, csv_review, f, e) < 0)
		return -1;
	if (ferror(f)) {
		bp_error_set(e, "could not write the export");
		return -1;
	}
	return 0;
}
