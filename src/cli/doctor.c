/* doctor: check the database and make every card agree with its replayed review log. */
#include <stdio.h>

#include "backprep/replay.h"
#include "backprep/text.h"
#include "cli.h"

int cmd_doctor(const app_opts *o, int argc, char **argv)
{
	bp_app app;
	doctor_report r;
	bp_error e;

	if (argc > 0) {
		return cli_usage_error("unknown argument '%s' for doctor", argv[0]);
	}
	if (cli_open_writable(&app, o, "check and repair"))
		return 1;
	if (replay_doctor(app.st, app.cat, &app.sched, &r, &e) < 0) {
		app_close(&app);
		return cli_fail(&e);
	}
	printf("database: %s\n", r.db_ok ? "quick_check ok, foreign keys ok" : r.db_problems);
	printf("review log: %zu %s of %zu %s replayed\n", r.reviews_read,
	       text_plural((long long)r.reviews_read, "review", "reviews"), r.cards_checked,
	       text_plural((long long)r.cards_checked, "item", "items"));
	if (r.repaired)
		printf("cards: %zu differed from their replay and were repaired: %s%s\n", r.repaired,
		       r.repaired_ids, r.repaired > 5 ? ", ..." : "");
	else
		printf("cards: all match the review log\n");
	if (r.stats_differed)
		printf("stats: %d summary %s differed from the review log and were made anew\n",
		       r.stats_differed, text_plural(r.stats_differed, "row", "rows"));
	else
		printf("stats: the summaries match the review log\n");
	app_close(&app);
	return r.db_ok ? 0 : EXIT_PROBLEMS;
}
