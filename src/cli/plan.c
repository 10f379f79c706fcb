/* plan: the plan and its progress as text or JSON, and setting its dates. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "backprep/clock.h"
#include "backprep/text.h"
#include "backprep/exchange.h"
#include "cli.h"

static const char *const states[] = { "open", "met", "missed" };

static json_t *areas_json(const int *v)
{
	json_t *o = json_object();

	for (int a = 0; a < AREA_COUNT; a++)
		if (v[a])
			json_object_set_new(o, area_name(a), json_integer(v[a]));
	return o;
}

static json_t *week_json(const app_plan *p, const plan_progress *pr, int w)
{
	const bp_week *wk = p->plan ? &p->plan->weeks[w] : NULL;
	json_t *o = json_object(), *focus = json_object(), *targets = json_object();
	json_t *ms = json_array(), *days = json_array();

	for (int a = 0; a < AREA_COUNT; a++) {
		if (p->tg.focus[w][a] > 0)
			json_object_set_new(focus, area_name(a), json_real(p->tg.focus[w][a]));
		if (plan_week_target(&p->tg, &p->cal, w + 1, a))
			json_object_set_new(targets, area_name(a),
					    json_integer(plan_week_target(&p->tg, &p->cal, w + 1, a)));
	}
	for (int i = 0; i < pr->n_milestones; i++) {
		const milestone_eval *m = &pr->milestones[i];

		if (m->week == w + 1)
			json_array_append_new(ms, json_pack("{s:s, s:s, s:s, s:i, s:i}", "id",
							    m->m->id, "text", m->m->text, "state",
							    states[m->state], "value", m->value,
							    "count", m->m->count));
	}
	for (int i = 0; i < p->cal.week_days[w]; i++) {
		const plan_day_stat *s = &pr->days[p->cal.week_start[w] + i - p->cal.start];

		json_array_append_new(days, json_pack("{s:o, s:i, s:i, s:i, s:o, s:b}", "date",
						      cli_day_json(s->day), "minutes", s->seconds / 60,
						      "answers", s->answers, "new", s->new_items,
						      "by_area", areas_json(s->by_area), "target_met",
						      s->target_met));
	}
	json_object_set_new(o, "week", json_integer(w + 1));
	json_object_set_new(o, "title", wk ? json_string(wk->title) : json_null());
	json_object_set_new(o, "start", cli_day_json(p->cal.week_start[w]));
	json_object_set_new(o, "end", cli_day_json(p->cal.week_start[w] + p->cal.week_days[w] - 1));
	json_object_set_new(o, "days_count", json_integer(p->cal.week_days[w]));
	json_object_set_new(o, "focus", focus);
	json_object_set_new(o, "daily_minutes", json_integer(p->tg.daily_minutes[w]));
	json_object_set_new(o, "new_per_day", json_integer(p->tg.new_per_day[w]));
	json_object_set_new(o, "targets", targets);
	json_object_set_new(o, "progress", areas_json(pr->new_by_week[w]));
	json_object_set_new(o, "milestones", ms);
	json_object_set_new(o, "days", days);
	return o;
}

static void print_json(const app_day *day, const plan_progress *pr)
{
	const app_plan *p = &day->plan;
	json_t *root = json_object(), *weeks = json_array(), *profile = json_array();

	for (int i = 0; i < p->n_answers; i++)
		json_array_append_new(profile, json_pack("{s:s, s:s}", "question", p->questions[i]->id,
							 "answer", p->answers[i]->id));
	for (int w = 0; w < PLAN_WEEKS; w++)
		json_array_append_new(weeks, week_json(p, pr, w));
	json_object_set_new(root, "start", cli_day_json(p->cal.start));
	json_object_set_new(root, "end", cli_day_json(p->cal.start + p->cal.days - 1));
	json_object_set_new(root, "days", json_integer(p->cal.days));
	json_object_set_new(root, "interview", cli_day_json(p->interview));
	json_object_set_new(root, "today", json_pack("{s:o, s:i, s:i}", "date", cli_day_json(p->pos.today),
						     "day", p->pos.day, "week", p->pos.week));
	json_object_set_new(root, "pace",
			    json_pack("{s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:b, s:s}", "expected",
				      pr->expected, "introduced", pr->introduced, "behind", pr->behind,
				      "days_left", pr->days_left, "extra_today", day->extra_new,
				      "plan_target", day->reach.target, "reach", day->reach.reach,
				      "reach_more", day->reach.reach_more, "feasible",
				      day->reach.feasible, "message", day->pace_msg));
	json_object_set_new(root, "profile", profile);
	json_object_set_new(root, "weeks", weeks);
	exchange_json_dump(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER, stdout, NULL);
	putchar('\n');
	json_decref(root);
}

static void print_text(const app_day *day, const plan_progress *pr)
{
	const app_plan *p = &day->plan;
	char a[16], b[16];

	clock_format_day(p->cal.start, a);
	clock_format_day(p->cal.start + p->cal.days - 1, b);
	printf("Plan: %s to %s (%d days), today is day %d, week %d\n", a, b, p->cal.days, p->pos.day,
	       p->pos.week);
	if (p->interview) {
		clock_format_day(p->interview, a);
		printf("Interview: %s%s\n", a, p->interview_from_config ? " (from config.yaml)" : "");
	}
	if (day->pace_msg[0])
		printf("%s\n", day->pace_msg);
	else
		printf("On track: %d new questions introduced before today, as planned\n",
		       pr->introduced);
	for (int w = 0; w < PLAN_WEEKS; w++) {
		const bp_week *wk = p->plan ? &p->plan->weeks[w] : NULL;
		int done = 0, target = 0;

		for (int k = 0; k < AREA_COUNT; k++) {
			done += pr->new_by_week[w][k];
			target += plan_week_target(&p->tg, &p->cal, w + 1, k);
		}
		clock_format_day(p->cal.week_start[w], a);
		clock_format_day(p->cal.week_start[w] + p->cal.week_days[w] - 1, b);
		printf("\nWeek %d%s: %s to %s%s\n  new questions: %d of %d\n", w + 1,
		       p->pos.week == w + 1 && !p->pos.after_end ? " (now)" : "", a, b,
		       wk ? "" : "", done, target);
		if (wk)
			printf("  %s\n", wk->title);
		for (int i = 0; i < pr->n_milestones; i++) {
			const milestone_eval *m = &pr->milestones[i];

			if (m->week == w + 1)
				printf("  [%s] %s (%d/%d)\n", states[m->state], m->m->text, m->value,
				       m->m->count);
		}
	}
}

int cli_parse_day(const char *s, bool allow_none, int64_t *day)
{
	int64_t t;

	if (strcmp(s, "today") == 0) {
		*day = clock_local_day(clock_now());
		return 0;
	}
	if (allow_none && strcmp(s, "none") == 0) {
		*day = 0;
		return 0;
	}
	if (strlen(s) != 10 || clock_parse_iso(s, &t) < 0)
		return -1;
	*day = t / 86400;
	return 0;
}

static int set_dates(const app_opts *o, const char *start, const char *interview)
{
	int64_t s = 0, iv = 0;
	bp_app app;
	bp_error e;

	if ((start && cli_parse_day(start, false, &s) < 0) ||
	    (interview && cli_parse_day(interview, true, &iv) < 0)) {
		fprintf(stderr, "backprep: '%s' is not a date like 2027-01-15\n",
			start && cli_parse_day(start, false, &s) < 0 ? start : interview);
		return EXIT_USAGE;
	}
	/* as the first-run screen: an interview today or before leaves no day to prepare */
	if (interview && iv && iv <= clock_local_day(clock_now())) {
		char today[16];

		clock_format_day(clock_local_day(clock_now()), today);
		bp_error_set(&e, "the interview date must be after today (%s), not %s; give a later "
				 "date, or none to clear it",
			     today, interview);
		cli_fail(&e);
		return EXIT_USAGE;
	}
	if (cli_open_writable(&app, o, "change the plan's dates in"))
		return 1;
	if ((start && app_set_plan_start(&app, s, &e) < 0) ||
	    (interview && app_set_interview(&app, iv, &e) < 0)) {
		app_close(&app);
		return cli_fail(&e);
	}
	app_close(&app);
	if (start)
		printf("The plan now starts on %s; your history stays.\n", start);
	if (interview)
		printf("The interview date is now %s.\n", iv ? interview : "unset (a 28-day plan)");
	return 0;
}

int cmd_plan(const app_opts *o, int argc, char **argv)
{
	const char *start = NULL, *interview = NULL;
	bool json = false;
	plan_progress pr;
	app_day day;
	bp_app app;
	bp_error e;

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = true;
		else if (strcmp(argv[i], "--start") == 0 && i + 1 < argc)
			start = argv[++i];
		else if (strcmp(argv[i], "--interview") == 0 && i + 1 < argc)
			interview = argv[++i];
		else {
			return cli_usage_error("unknown argument '%s' for plan", argv[i]);
		}
	}
	if (start || interview)
		return set_dates(o, start, interview);
	if (cli_open(&app, o, true))
		return 1;
	if (app_today(&app, &day, &e) < 0 || app_progress(&app, &day.plan, true, &pr, &e) < 0) {
		app_close(&app);
		return cli_fail(&e);
	}
	if (json)
		print_json(&day, &pr);
	else
		print_text(&day, &pr);
	plan_progress_free(&pr);
	app_day_free(&day);
	app_close(&app);
	return 0;
}
