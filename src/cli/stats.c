/* stats: the Stats screen's figures as text or JSON (README: "backprep stats"). */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "backprep/clock.h"
#include "backprep/stats.h"
#include "backprep/text.h"
#include "cli.h"

static const char *const kind_names[STATS_KINDS] = { "open", "coding", "scenario", "choice",
							       "design" };

/* A share, or null without answers. */
static json_t *share_json(stats_ratio r)
{
	return r.n ? json_real(stats_share(r)) : json_null();
}

static json_t *heatmap_json(const stats *s)
{
	json_t *a = json_array();

	for (int i = 0; i < s->n_days; i++)
		json_array_append_new(a, json_pack("{s:o, s:i, s:i, s:i}", "date",
						   cli_day_json(s->days[i].day), "minutes",
						   s->days[i].seconds / 60, "answers",
						   s->days[i].answers, "level", s->days[i].level));
	return a;
}

static json_t *areas_json(const stats *s)
{
	json_t *a = json_array();

	for (int i = 0; i < s->n_areas; i++) {
		const stats_area *v = &s->areas[i];

		json_array_append_new(
			a, json_pack("{s:s, s:i, s:i, s:i, s:i, s:i, s:o}", "id", area_name(v->area),
				     "items", v->items, "new", v->new_, "learning", v->learning,
				     "review", v->review, "mastered", v->mastered, "recall_at",
				     v->recall < 0 ? json_null() : json_real(v->recall)));
	}
	return a;
}

static json_t *retention_json(const stats *s)
{
	json_t *by_area = json_object(), *weekly = json_array();

	for (int a = 0; a < AREA_COUNT; a++)
		if (s->by_area[a].n)
			json_object_set_new(by_area, area_name((bp_area)a),
					    share_json(s->by_area[a]));
	for (int w = 0; w < STATS_WEEKS; w++)
		json_array_append_new(weekly, share_json(s->weekly[w]));
	return json_pack("{s:f, s:o, s:o, s:o, s:i, s:o, s:o}", "target", s->target, "last_7",
			 share_json(s->last_7), "last_30", share_json(s->last_30), "all",
			 share_json(s->all), "answers", s->all.n, "by_area", by_area, "weekly",
			 weekly);
}

static json_t *forecast_json(const stats *s)
{
	json_t *a = json_array();

	for (int d = 0; d < s->n_forecast; d++) {
		const stats_forecast *f = &s->forecast[d];

		json_array_append_new(a, json_pack("{s:o, s:i, s:f, s:f}", "date", cli_day_json(f->day),
						   "due", f->due, "minutes", f->minutes, "budget",
						   f->budget));
	}
	return a;
}

static json_t *time_json(const stats *s)
{
	json_t *by_day = json_array(), *kinds = json_object();

	for (int i = 0; i < STATS_TIME_DAYS; i++)
		json_array_append_new(by_day,
				      json_pack("{s:o, s:i}", "date",
						cli_day_json(s->last - (STATS_TIME_DAYS - 1) + i),
						"minutes", s->minutes_by_day[i]));
	for (int k = 0; k < STATS_KINDS; k++)
		json_object_set_new(kinds, kind_names[k],
				    json_pack("{s:i, s:f, s:f}", "answers", s->kinds[k].answers,
					      "seconds", s->kinds[k].seconds, "stated_seconds",
					      s->kinds[k].stated_seconds));
	return json_pack("{s:o, s:o}", "by_day", by_day, "seconds_per_answer_by_kind", kinds);
}

static json_t *weeks_json(const stats *s)
{
	json_t *a = json_array();

	for (int w = 0; w < PLAN_WEEKS; w++) {
		const stats_week *k = &s->weeks[w];

		json_array_append_new(a, json_pack("{s:i, s:i, s:i, s:i, s:i, s:b}", "week", w + 1,
						   "new", k->new_items, "new_target", k->new_target,
						   "minutes", k->minutes, "minutes_target",
						   k->minutes_target, "current", k->current));
	}
	return a;
}

static json_t *mocks_json(const stats *s)
{
	json_t *dims = json_array();

	for (int d = 0; d < s->n_dims; d++) {
		const stats_dim *v = &s->dims[d];
		json_t *scores = json_array();

		for (int i = 0; i < v->n; i++)
			json_array_append_new(scores, json_real(v->scores[i]));
		json_array_append_new(dims, json_pack("{s:s, s:o, s:o}", "title", v->title,
						      "scores", scores, "latest",
						      v->n ? json_real(v->scores[v->n - 1])
							   : json_null()));
	}
	return json_pack("{s:o, s:i, s:b}", "dimensions", dims, "finished_rounds",
			 s->finished_rounds, "ready", s->ready);
}

static void print_json(const stats *s)
{
	json_t *root = json_object();

	json_object_set_new(root, "today", cli_day_json(s->today));
	json_object_set_new(root, "from", cli_day_json(s->from));
	json_object_set_new(root, "to", cli_day_json(s->to));
	json_object_set_new(root, "interview", cli_day_json(s->interview));
	json_object_set_new(root, "heatmap", heatmap_json(s));
	json_object_set_new(root, "streak", json_pack("{s:i, s:i}", "current", s->streak_current,
						      "longest", s->streak_longest));
	json_object_set_new(root, "days_studied", json_integer(s->days_studied));
	json_object_set_new(root, "days_planned", json_integer(s->days_planned));
	json_object_set_new(root, "total_minutes", json_integer(s->total_seconds / 60));
	json_object_set_new(root, "weeks", weeks_json(s));
	json_object_set_new(root, "recall_date", cli_day_json(s->recall_at));
	json_object_set_new(root, "areas", areas_json(s));
	json_object_set_new(root, "retention", retention_json(s));
	json_object_set_new(root, "forecast", forecast_json(s));
	json_object_set_new(root, "time", time_json(s));
	json_object_set_new(root, "mocks", mocks_json(s));
	json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	putchar('\n');
	json_decref(root);
}

/* "87 %" or "-" */
static void pct(char *buf, size_t n, stats_ratio r)
{
	if (r.n)
		snprintf(buf, n, "%.0f %%", 100 * stats_share(r));
	else
		snprintf(buf, n, "-");
}

static void print_text(const stats *s)
{
	char a[16], b[16], c[16], day[16];
	int over = 0;

	clock_format_day(s->from, a);
	clock_format_day(s->to, b);
	printf("backprep stats · %s to %s\n", a, b);
	printf("Streak: %d %s (longest %d); studied %d of %d plan %s; %ld min in all\n",
	       s->streak_current, text_plural(s->streak_current, "day", "days"),
	       s->streak_longest, s->days_studied, s->days_planned,
	       text_plural(s->days_planned, "day", "days"), s->total_seconds / 60);
	pct(a, sizeof(a), s->last_7);
	pct(b, sizeof(b), s->last_30);
	pct(c, sizeof(c), s->all);
	printf("Retention: last 7 days %s, last 30 days %s, all %s (target %.0f %%)\n", a, b, c,
	       100 * s->target);
	clock_format_day(s->recall_at, day);
	printf("Areas, weakest first (recall on %s):\n", day);
	for (int i = 0; i < s->n_areas; i++) {
		const stats_area *v = &s->areas[i];

		pct(a, sizeof(a), s->by_area[v->area]);
		if (v->recall < 0)
			snprintf(b, sizeof(b), "-");
		else
			snprintf(b, sizeof(b), "%.0f %%", 100 * v->recall);
		printf("  %-13s %3d new %3d learning %3d review %3d mastered  recall %s  "
		       "retention %s\n",
		       area_name(v->area), v->new_, v->learning, v->review, v->mastered, b, a);
	}
	for (int d = 0; d < s->n_forecast; d++)
		over += s->forecast[d].minutes > s->forecast[d].budget + 0.5;
	printf("Forecast: %d %s; %d over budget\n", s->n_forecast,
	       text_plural(s->n_forecast, "day", "days"), over);
	for (int d = 0; d < s->n_forecast; d++) {
		const stats_forecast *f = &s->forecast[d];

		clock_format_day_short(f->day, day);
		printf("  %-10s %3d %-7s %5.0f of %3.0f min\n", day, f->due,
		       text_plural(f->due, "review", "reviews"), f->minutes, f->budget);
	}
	printf("Mock rounds finished: %d; %s\n", s->finished_rounds,
	       s->ready ? "ready" : "not ready yet");
}

int cmd_stats(const app_opts *o, int argc, char **argv)
{
	const char *from_s = NULL, *to_s = NULL;
	int64_t from = 0, to = 0;
	bool json = false;
	bp_app app;
	app_day day;
	stats s;
	bp_error e;
	char shown[64];

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = true;
		else if (strcmp(argv[i], "--from") == 0 && i + 1 < argc)
			from_s = argv[++i];
		else if (strcmp(argv[i], "--to") == 0 && i + 1 < argc)
			to_s = argv[++i];
		else
			return cli_usage_error("unknown argument '%s' for stats", argv[i]);
	}
	if ((from_s && cli_parse_day(from_s, false, &from) < 0) ||
	    (to_s && cli_parse_day(to_s, false, &to) < 0)) {
		const char *bad = from_s && cli_parse_day(from_s, false, &from) < 0 ? from_s : to_s;

		text_visible(bad, strlen(bad), shown, sizeof(shown));
		fprintf(stderr, "backprep: '%s' is not a date like 2027-01-15\n", shown);
		return EXIT_USAGE;
	}
	if (cli_open(&app, o, true))
		return 1;
	if (app_today(&app, &day, &e) < 0) {
		app_close(&app);
		return cli_fail(&e);
	}
	if (stats_make(&app, &day, from, to, &s, &e) < 0) {
		app_day_free(&day);
		app_close(&app);
		return cli_fail(&e);
	}
	if (json)
		print_json(&s);
	else
		print_text(&s);
	stats_free(&s);
	app_day_free(&day);
	app_close(&app);
	return 0;
}
