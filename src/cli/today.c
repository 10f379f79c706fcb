/* today: the Today screen as plain text, for scripts and status bars. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "backprep/card.h"
#include "backprep/clock.h"
#include "backprep/text.h"
#include "backprep/exchange.h"
#include "cli.h"

/* The day's queue in order, with what a script needs to act on it. */
static int print_json(const bp_app *app, const app_day *day)
{
	json_t *root = json_object(), *entries = json_array(), *done = json_object();
	json_t *forecast = json_array();
	char date[16];

	clock_format_day(day->pos.today, date);
	for (size_t i = 0; i < day->q.n; i++) {
		const queue_entry *qe = &day->q.v[i];
		bool fresh = !qe->card || qe->card->state == FSRS_NEW;

		json_array_append_new(
			entries,
			json_pack("{s:s, s:s, s:s, s:i, s:f, s:i, s:f}", "id", qe->item->id, "area",
				  area_name(qe->item->area), "kind", fresh ? "new" : "review",
				  "minutes", qe->item->minutes, "expected_minutes", qe->minutes,
				  "level", qe->item->level, "retrievability", qe->retrievability));
	}
	json_object_set_new(done, "minutes", json_integer(day->done.seconds / 60));
	json_object_set_new(done, "answers", json_integer(day->done.answers));
	json_object_set_new(done, "new", json_integer(day->done.new_items));
	json_object_set_new(root, "date", json_string(date));
	json_object_set_new(root, "week", json_integer(day->pos.week));
	json_object_set_new(root, "day", json_integer(day->pos.day));
	json_object_set_new(root, "budget_minutes", json_integer(day->budget));
	json_object_set_new(root, "new_per_day", json_integer(day->new_per_day));
	json_object_set_new(root, "plan_new_per_day", json_integer(day->plan_new));
	json_object_set_new(root, "expected_minutes", json_real(day->q.minutes));
	json_object_set_new(root, "done", done);
	json_object_set_new(root, "due", json_integer((json_int_t)day->q.due_total));
	json_object_set_new(root, "new_available", json_integer((json_int_t)day->q.new_available));
	json_object_set_new(root, "brought_forward", json_integer((json_int_t)day->q.brought_forward));
	json_object_set_new(root, "backlog",
			    json_pack("{s:i, s:f, s:i}", "reviews", (json_int_t)day->q.backlog,
				      "minutes", day->q.backlog_minutes, "days_to_clear",
				      day->q.backlog_days));
	json_object_set_new(root, "not_before_interview",
			    json_pack("{s:i, s:f}", "reviews", (json_int_t)day->q.pace.unplaced,
				      "minutes", day->q.pace.unplaced_minutes));
	for (int d = 0; d < day->q.pace.days; d++)
		json_array_append_new(forecast, json_real(day->q.pace.load[d]));
	json_object_set_new(root, "forecast_review_minutes", forecast);
	json_object_set_new(root, "reach",
			    json_pack("{s:i, s:i, s:i, s:i, s:b}", "days_left", day->reach.days_left,
				      "plan_target", day->reach.target, "reach", day->reach.reach,
				      "reach_more", day->reach.reach_more, "feasible",
				      day->reach.feasible));
	json_object_set_new(root, "pace_message", json_string(day->pace_msg));
	json_object_set_new(root, "backlog_message", json_string(day->backlog_msg));
	json_object_set_new(root, "mock_due", json_boolean(day->mock_due));
	json_object_set_new(root, "mock_message", json_string(day->mock_msg));
	json_object_set_new(root, "interview", cli_day_json(day->interview));
	json_object_set_new(root, "queue", entries);
	json_object_set_new(root, "content_problems", json_integer((json_int_t)app->problems.n));
	exchange_json_dump(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER, stdout, NULL);
	putchar('\n');
	json_decref(root);
	return 0;
}

static void print_queue(const queue *q)
{
	if (q->n == 0) {
		printf("Nothing left for today.\n");
		return;
	}
	printf("Up next (%zu, about %.0f min):\n", q->n, q->minutes);
	for (size_t i = 0; i < q->n; i++) {
		const queue_entry *qe = &q->v[i];

		printf("  %2zu. %-6s %-13s L%d %3.0f min  %s\n", i + 1,
		       qe->card && qe->card->state != FSRS_NEW ? "review" : "new",
		       area_name(qe->item->area), qe->item->level, qe->minutes, qe->item->id);
	}
}

int cmd_today(const app_opts *o, int argc, char **argv)
{
	bool json = false;
	bp_app app;
	app_day day;
	bp_error e;
	char buf[1200], date[16];

	/* each argument on its own, so that the message names the one that is wrong */
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0 && !json)
			json = true;
		else
			return cli_usage_error("unknown argument '%s' for today", argv[i]);
	}
	if (cli_open(&app, o, true))
		return 1;
	if (app_today(&app, &day, &e) < 0) {
		app_close(&app);
		return cli_fail(&e);
	}
	if (json) {
		print_json(&app, &day);
		app_day_free(&day);
		app_close(&app);
		return 0;
	}
	clock_format_day(day.pos.today, date);
	printf("backprep · %s · week %d of %d, day %d of %d\n", date, day.pos.week, PLAN_WEEKS,
	       day.pos.day, day.plan.cal.days);
	if (day.week)
		printf("%s\n", day.week->title);
	printf("Today: %d of %d min, %d answered, %d new\n", day.done.seconds / 60, day.budget,
	       day.done.answers, day.done.new_items);
	printf("Due reviews: %zu", day.q.due_total);
	if (day.q.brought_forward)
		printf(", %zu brought forward for the interview", day.q.brought_forward);
	printf("; new questions available: %zu (plan: %d a day", day.q.new_available, day.plan_new);
	if (day.extra_new > 0)
		printf(" + %d to catch up", day.extra_new);
	printf(")\n");
	if (day.pace_msg[0])
		printf("%s\n", day.pace_msg);
	if (day.backlog_msg[0])
		printf("%s\n", day.backlog_msg);
	if (day.mock_due)
		printf("%s\n", day.mock_msg);
	if (day.interview) {
		clock_format_day(day.interview, date);
		printf("Interview: %s (in %d %s)%s\n", date, day.days_to_interview,
		       text_plural(day.days_to_interview, "day", "days"),
		       day.interview_from_config ? " from config.yaml" : "");
	}
	print_queue(&day.q);
	for (size_t i = 0; i < app.problems.n; i++)
		fprintf(stderr, "content problem: %s\n",
			bp_error_str(&app.problems.v[i], buf, sizeof(buf)));
	app_day_free(&day);
	app_close(&app);
	return 0;
}
