/* doctor: check the database and make every card agree with its replayed review log. */
#include <stdio.h>

#include "backprep/replay.h"
#include "cli.h"

int cmd_doctor(const app_opts *o, int argc, char **argv)
{
	bp_app app;
	doctor_report r;
	bp_error e;

	if (argc > 0) {
		fprintf(stderr, "backprep: unknown argument '%s' for doctor\n", argv[0]);
		return EXIT_USAGE;
	}
	if (cli_open_writable(&app, o, "check and repair"))
		return 1;
	if (replay_doctor(app.st, app.cat, &app.params, &r, &e) < 0) {
		app_close(&app);
		return cli_fail(&e);
	}
	printf("database: %s\n", r.db_ok ? "quick_check ok, foreign keys ok" : r.db_problems);
	printf("review log: %zu review%s of %zu item%s replayed\n", r.reviews_read,
	       r.reviews_read == 1 ? "" : "s", r.cards_checked, r.cards_checked == 1 ? "" : "s");
	if (r.repaired)
		printf("cards: %zu differed from their replay and were repaired: %s%s\n", r.repaired,
		       r.repaired_ids, r.repaired > 5 ? ", ..." : "");
	else
		printf("cards: all match the review log\n");
	app_close(&app);
	return r.db_ok ? 0 : EXIT_PROBLEMS;
}
