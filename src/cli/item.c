/* item: one item's schedule, predicted recall and review history. */
#include <stdio.h>
#include <string.h>

#include "backprep/card.h"
#include "backprep/clock.h"
#include "backprep/flag.h"
#include "backprep/replay.h"
#include "backprep/why.h"
#include "backprep/text.h"
#include "cli.h"

static const char *const state_names[] = { "new", "learning", "review", "relearning" };
static const char *const grade_names[] = { "?", "Again", "Hard", "Good", "Easy" };

typedef struct history {
	int rev;
	int n;
	int64_t last_at; /* the last scheduled answer */
	int last_grade;
} history;

static int print_review(void *ctx, const store_review *r)
{
	history *h = ctx;
	char when[32];

	clock_format_iso(r->at, when);
	when[16] = '\0'; /* minutes are enough */
	when[10] = ' ';
	char source[64], tests[40] = "";

	text_visible(r->source, strlen(r->source), source, sizeof(source));
	if (r->tests_total > 0) /* a coding answer whose solution was run */
		snprintf(tests, sizeof(tests), "  %d/%d tests", r->tests_passed, r->tests_total);
	printf("  %s  %-5s  %d/%d points%s  %d %s  %3d s  %s%s\n", when,
	       grade_names[r->grade >= 1 && r->grade <= 4 ? r->grade : 0], r->covered, r->points,
	       tests, r->hints, text_plural(r->hints, "hint", "hints"), r->seconds, source,
	       r->rev != h->rev ? "  (an earlier revision: not scheduled)" : "");
	h->n++;
	if (r->rev == h->rev && strcmp(r->source, "cram") != 0) {
		h->last_at = r->at;
		h->last_grade = r->grade;
	}
	return 0;
}

static int count_one(void *ctx, const store_review *r)
{
	(void)r;
	++*(int *)ctx;
	return 1; /* one is enough */
}

/* 1 when the log has an answer to item, 0 when none, -1 when it cannot be read. */
static int count_reviews(store *st, const char *item)
{
	int n = 0;

	return store_reviews(st, item, count_one, &n, NULL) < 0 ? -1 : n;
}

static void print_schedule(bp_app *app, const store_card *sc, int64_t now)
{
	char due[16], when[16];
	fsrs_card fc;
	bool from_config;
	int64_t interview = app_interview(app, &from_config);

	card_to_fsrs(sc, &fc);
	clock_format_day(clock_local_day(sc->due), due);
	printf("State: %s · stability %.2f days · difficulty %.2f · due %s\n",
	       state_names[sc->state & 3], sc->stability, sc->difficulty, due);
	printf("Recall now: %.2f", fsrs_retrievability(&app->sched.base, &fc, now));
	if (interview) {
		clock_format_day(interview, when);
		printf(" · at the interview (%s): %.2f",
		       when, fsrs_retrievability(&app->sched.base, &fc, clock_day_start(interview)));
	}
	printf("\nReps %d · lapses %d\n", sc->reps, sc->lapses);
}

static void print_flags(const store_card *sc, int64_t now)
{
	char day[16];

	if (!sc->starred && !sc->suspended && sc->buried_until <= now)
		return;
	clock_format_day(clock_local_day(sc->buried_until), day);
	printf("Flags:%s%s", sc->starred ? " starred" : "", sc->suspended ? " suspended" : "");
	if (sc->buried_until > now)
		printf(" buried until %s", day);
	putchar('\n');
}

static int print_event(void *ctx, const store_event *ev)
{
	char when[32], until[16];

	((history *)ctx)->n++;
	clock_format_iso(ev->at, when);
	when[16] = '\0';
	when[10] = ' ';
	clock_format_day(clock_local_day(ev->until), until);
	printf("  %s  %s%s%s\n", when, ev->kind, strcmp(ev->kind, "bury") == 0 ? " until " : "",
	       strcmp(ev->kind, "bury") == 0 ? until : "");
	return 0;
}

/* Recall just before each answer, then now, as numbers (item details draw them as a chart). */
static void print_recall(bp_app *app, const bp_item *it, const char *id, int64_t now)
{
	double v[64];
	size_t n = sizeof(v) / sizeof(v[0]);
	store_card c;
	bool any;
	bp_error e;

	if (replay_item_recall(app->st, &app->sched, it, id, &c, &any, now, v, &n, &e) < 0 || !n)
		return;
	printf("Recall just before each answer, then now:");
	for (size_t i = 0; i < n; i++)
		printf(" %.2f", v[i]);
	putchar('\n');
}

static void print_why(bp_app *app, const bp_item *it, const store_card *sc, const history *h,
		      int64_t now)
{
	char why[WHY_LINES][WHY_LINE];
	bool from_config;
	int n = why_scheduled(&(why_input){ it, sc, now, app_interview(app, &from_config),
					    h->last_at, h->last_grade },
			      why);

	printf("Why it is scheduled so:\n");
	for (int i = 0; i < n; i++)
		printf("  %s\n", why[i]);
}

/* The --suspend ... --reset options, each an event recorded in the order given. */
static int apply_flags(bp_app *app, const bp_item *it, const char *id, const flag_kind *v,
		       int n)
{
	for (int i = 0; i < n; i++) {
		flag_change ch;
		bp_error e;

		if (flag_set(app->st, &app->sched, it, id, v[i], clock_now(), 0, &ch, &e) < 0)
			return cli_fail(&e);
		printf("Recorded: %s.\n", flag_name(v[i]));
	}
	return 0;
}

int cmd_item(const app_opts *o, int argc, char **argv)
{
	const bp_item *it;
	store_card sc;
	bool found;
	bp_app app;
	bp_error e;
	history h = { 0 };
	int64_t now = clock_now();
	char id[256]; /* the id as typed, shown as a message quotes it */

	flag_kind flags[FLAG_KINDS * 2];
	int n_flags = 0;
	const char *arg = NULL;

	for (int i = 0; i < argc; i++) {
		int k = strncmp(argv[i], "--", 2) == 0 ? flag_parse(argv[i] + 2) : -1;

		if (k >= 0 && k != FLAG_BURY && n_flags < (int)(sizeof(flags) / sizeof(flags[0]))) {
			flags[n_flags++] = (flag_kind)k;
		} else if (argv[i][0] != '-' && !arg) {
			arg = argv[i];
		} else {
			text_visible(argv[i], strlen(argv[i]), id, sizeof(id));
			fprintf(stderr,
				"backprep: item: unknown option '%s' (--suspend, --unsuspend, "
				"--star, --unstar, --unbury, --reset)\n",
				id);
			return EXIT_USAGE;
		}
	}
	if (!arg) {
		fprintf(stderr, "backprep: item needs one item id, e.g. backprep item api.pagination\n");
		return EXIT_USAGE;
	}
	argv[0] = (char *)arg;
	text_visible(argv[0], strlen(argv[0]), id, sizeof(id));
	if (cli_open(&app, o, n_flags == 0))
		return 1;
	it = catalog_find(app.cat, argv[0]);
	if (n_flags && !it && store_card_get(app.st, argv[0], &sc, &found, &e) == 0 && !found) {
		fprintf(stderr, "backprep: no item '%s' in the content or the progress file\n", id);
		app_close(&app);
		return 1;
	}
	if (n_flags && apply_flags(&app, it, argv[0], flags, n_flags)) {
		app_close(&app);
		return 1;
	}
	if (store_card_get(app.st, argv[0], &sc, &found, &e) < 0) {
		app_close(&app);
		return cli_fail(&e);
	}
	if (!it && !found && count_reviews(app.st, argv[0]) == 0) {
		/* never in the content nor in the progress file: one message, no header */
		app_close(&app);
		fprintf(stderr, "backprep: no item '%s' in the content or the progress file\n", id);
		return 1;
	}
	if (it) {
		printf("%s  (%s · %s · level %d · week %d · %d min) rev %d\n  %.*s\n", it->id,
		       area_name(it->area), kind_name(it->kind), it->level, it->week, it->minutes,
		       it->rev, (int)strcspn(it->prompt, "\n"), it->prompt);
	} else {
		printf("%s  (no longer in the content; its history is kept)\n", id);
	}
	h.rev = it ? it->rev : sc.rev;
	if (found && sc.state != FSRS_NEW && (!it || sc.rev == it->rev))
		print_schedule(&app, &sc, now);
	else
		printf("State: new (not answered since its current revision)\n");
	if (found)
		print_flags(&sc, now);
	printf("History:\n");
	if (store_reviews(app.st, argv[0], print_review, &h, &e) < 0) {
		app_close(&app);
		return cli_fail(&e);
	}
	if (!h.n)
		printf("  none\n");
	print_recall(&app, it, argv[0], now);
	print_why(&app, it, found ? &sc : NULL, &h, now);
	printf("Events:\n");
	h.n = 0;
	if (store_events(app.st, argv[0], print_event, &h, &e) < 0) {
		app_close(&app);
		return cli_fail(&e);
	}
	if (!h.n)
		printf("  none\n");
	app_close(&app);
	return 0;
}
