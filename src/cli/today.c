/* today: the Today screen as plain text, for scripts and status bars. */
#include <stdio.h>

#include "backprep/clock.h"
#include "cli.h"

static void print_queue(const queue *q)
{
	if (q->n == 0) {
		printf("Nothing left for today.\n");
		return;
	}
	printf("Up next (%zu, about %d min):\n", q->n, q->minutes);
	for (size_t i = 0; i < q->n; i++) {
		const queue_entry *qe = &q->v[i];

		printf("  %2zu. %-6s %-13s L%d %3d min  %s\n", i + 1, qe->card ? "review" : "new",
		       area_name(qe->item->area), qe->item->level, qe->item->minutes, qe->item->id);
	}
}

int cmd_today(const app_opts *o, int argc, char **argv)
{
	app_opts ro = *o;
	bp_app app;
	app_day day;
	bp_error e;
	char buf[1200], date[16];

	if (argc > 0) {
		fprintf(stderr, "backprep: unknown argument '%s' for today\n", argv[0]);
		cli_usage(stderr);
		return EXIT_USAGE;
	}
	ro.readonly = true;
	if (app_open(&app, &ro, &e) < 0) {
		fprintf(stderr, "backprep: %s\n", bp_error_str(&e, buf, sizeof(buf)));
		return 1;
	}
	if (app_today(&app, &day, &e) < 0) {
		fprintf(stderr, "backprep: %s\n", bp_error_str(&e, buf, sizeof(buf)));
		app_close(&app);
		return 1;
	}
	clock_format_day(day.pos.today, date);
	printf("backprep · %s · week %d of %d, day %d of %d\n", date, day.pos.week, PLAN_WEEKS,
	       day.pos.day, PLAN_DAYS);
	if (day.week)
		printf("%s\n", day.week->title);
	printf("Today: %d of %d min, %d answered, %d new\n", day.done.seconds / 60, day.budget,
	       day.done.answers, day.done.new_items);
	printf("Due reviews: %zu; new questions available: %zu (%d a day)\n", day.q.due_total,
	       day.q.new_available, day.new_per_day);
	print_queue(&day.q);
	for (size_t i = 0; i < app.problems.n; i++)
		fprintf(stderr, "content problem: %s\n",
			bp_error_str(&app.problems.v[i], buf, sizeof(buf)));
	app_day_free(&day);
	app_close(&app);
	return 0;
}
