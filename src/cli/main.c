/* main: options, then the trainer or a subcommand. The only place that exits. */
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "backprep/clock.h"
#include "backprep/tui.h"
#include "cli.h"

void cli_usage(FILE *f)
{
	fputs("usage: backprep [--db PATH] [--content DIR]... [--plan FILE] [COMMAND]\n"
	      "\n"
	      "A terminal trainer for backend engineering interviews.\n"
	      "\n"
	      "commands:\n"
	      "  (none)                   open the trainer on the Today screen\n"
	      "  today [--json]           print today's plan, figures and queue\n"
	      "  validate [--strict] [PATH...]\n"
	      "                           check content files (default: the content in use);\n"
	      "                           every problem as file:line:col: message\n"
	      "  item ID [--suspend|--unsuspend|--star|--unstar|--unbury|--reset]...\n"
	      "                           an item's schedule, recall, review history and\n"
	      "                           events; the options record those events first\n"
	      "  mocks [--json]           the mock rounds taken, their scores, each dimension's\n"
	      "                           trend, and whether you are ready\n"
	      "  plan [--json] [--start DATE] [--interview DATE|none]\n"
	      "                           the plan and its progress; set its dates\n"
	      "  stats [--json] [--from DATE] [--to DATE]\n"
	      "                           activity, streaks, mastery, retention, the forecast,\n"
	      "                           time per answer and mock scores\n"
	      "  settings [--json] [--set NAME VALUE] [--reset NAME]\n"
	      "                           every setting, its value and where it comes from;\n"
	      "                           set one made in the app, or put its default back\n"
	      "  doctor                   check the database; rebuild cards from the review log\n"
	      "  export [--format json|csv] [-o FILE]\n"
	      "                           write all progress (default: JSON to stdout)\n"
	      "  import FILE              merge a JSON export into the progress file\n"
	      "  help                     show this help\n"
	      "\n"
	      "options:\n"
	      "  --db PATH                the progress file (default: $BACKPREP_DB, else\n"
	      "                           $XDG_DATA_HOME/backprep/progress.db)\n"
	      "  --content DIR            a content directory; repeatable (default:\n"
	      "                           $BACKPREP_CONTENT, else the installed packs)\n"
	      "  --plan FILE              your own plan in place of the shipped plan.yaml\n"
	      "                           (also read from $XDG_DATA_HOME/backprep/plan.yaml)\n"
	      "  -h, --help               show this help\n"
	      "  -V, --version            show the version\n",
	      f);
}

int cli_usage_error(const char *fmt, ...)
{
	bp_error e; /* formatted as every message is: an argument may hold escape sequences */
	va_list ap;

	va_start(ap, fmt);
	bp_error_vat(&e, NULL, 0, 0, fmt, ap);
	va_end(ap);
	fprintf(stderr, "backprep: %s\n", e.msg);
	cli_usage(stderr);
	return EXIT_USAGE;
}

/* Reads --flag VALUE or --flag=VALUE; *i moves past what was used. */
static const char *flag_value(int argc, char **argv, int *i, const char *flag)
{
	size_t n = strlen(flag);

	if (strncmp(argv[*i], flag, n) == 0 && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (strcmp(argv[*i], flag) == 0 && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

int cli_fail(const bp_error *e)
{
	char buf[1200];

	fprintf(stderr, "backprep: %s\n", bp_error_str(e, buf, sizeof(buf)));
	return 1;
}

json_t *cli_day_json(int64_t day)
{
	char buf[16];

	if (!day)
		return json_null();
	clock_format_day(day, buf);
	return json_string(buf);
}

int cli_open(bp_app *app, const app_opts *o, bool readonly)
{
	app_opts copy = *o;
	bp_error e;

	copy.readonly = readonly;
	if (app_open(app, &copy, &e) < 0)
		return cli_fail(&e);
	return 0;
}

static const char *stop_name(int signo)
{
	switch (signo) {
	case SIGINT:
		return "Ctrl-C";
	case SIGHUP:
		return "a hangup";
	case SIGQUIT:
		return "SIGQUIT";
	default:
		return "SIGTERM";
	}
}

int cli_open_writable(bp_app *app, const app_opts *o, const char *doing)
{
	const char *why;
	bp_error e;

	if (cli_open(app, o, false))
		return 1;
	if (!(why = store_readonly(app->st)))
		return 0;
	bp_error_set(&e, "cannot %s %s: %s; nothing was written", doing, store_path(app->st), why);
	app_close(app);
	return cli_fail(&e);
}

static int run_tui(const app_opts *o)
{
	bp_app app;
	bp_error e;
	char buf[1200];
	int signo = 0, rc;

	if (app_open(&app, o, &e) < 0) {
		fprintf(stderr, "backprep: %s\n", bp_error_str(&e, buf, sizeof(buf)));
		return 1;
	}
	rc = tui_run(&app, &signo, &e);
	app_close(&app);
	if (rc < 0) {
		fprintf(stderr, "backprep: %s\n", bp_error_str(&e, buf, sizeof(buf)));
		return 1;
	}
	if (signo) {
		fprintf(stderr, "backprep: stopped by %s; every confirmed answer is saved.\n",
			stop_name(signo));
		return 128 + signo;
	}
	return 0;
}

int main(int argc, char **argv)
{
	app_opts o = { 0 };
	bp_error e;
	int i;

	setlocale(LC_ALL, "");
	if (clock_init(&e) < 0) {
		fprintf(stderr, "backprep: %s\n", e.msg);
		return EXIT_USAGE;
	}
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *v;

		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			cli_usage(stdout);
			return 0;
		}
		if (strcmp(argv[i], "-V") == 0 || strcmp(argv[i], "--version") == 0) {
			printf("backprep %s\n", BP_VERSION);
			return 0;
		}
		if (strncmp(argv[i], "--db", 4) == 0 && (v = flag_value(argc, argv, &i, "--db"))) {
			o.db = v;
		} else if (strncmp(argv[i], "--content", 9) == 0 &&
			   (v = flag_value(argc, argv, &i, "--content"))) {
			if (o.n_content == APP_MAX_CONTENT)
				return cli_usage_error("at most %d --content directories", APP_MAX_CONTENT);
			o.content[o.n_content++] = v;
		} else if (strncmp(argv[i], "--plan", 6) == 0 &&
			   (v = flag_value(argc, argv, &i, "--plan"))) {
			o.plan = v;
		} else if (strcmp(argv[i], "--db") == 0 || strcmp(argv[i], "--content") == 0 ||
			   strcmp(argv[i], "--plan") == 0) {
			return cli_usage_error("option '%s' needs a value", argv[i]);
		} else {
			return cli_usage_error("unknown option '%s'", argv[i]);
		}
	}
	if (i == argc)
		return run_tui(&o);
	if (strcmp(argv[i], "today") == 0)
		return cmd_today(&o, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "validate") == 0)
		return cmd_validate(&o, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "plan") == 0)
		return cmd_plan(&o, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "stats") == 0)
		return cmd_stats(&o, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "settings") == 0)
		return cmd_settings(&o, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "doctor") == 0)
		return cmd_doctor(&o, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "mocks") == 0)
		return cmd_mocks(&o, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "item") == 0)
		return cmd_item(&o, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "export") == 0)
		return cmd_export(&o, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "import") == 0)
		return cmd_import(&o, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "help") == 0) {
		cli_usage(stdout);
		return 0;
	}
	return cli_usage_error("unknown command '%s'", argv[i]);
}
