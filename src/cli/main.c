/* main: options, then the trainer or a subcommand. The only place that exits. */
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "backprep/clock.h"
#include "backprep/tui.h"
#include "cli.h"
#include "commands.h"

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

/* The option of c named by the first n bytes of s that takes a value, or NULL. */
static const cli_opt *value_option(const cli_cmd *c, const char *s, size_t n)
{
	for (const cli_opt *p = c->opts; p && p->name; p++)
		if (p->arg != ARG_NONE && strlen(p->name) == n && strncmp(p->name, s, n) == 0)
			return p;
	return NULL;
}

/* Runs c with "--from=DATE" taken as "--from DATE" for its options that take a value, as the
 * options before the command already are (up to a "--", after which nothing is an option). */
static int run_command(const cli_cmd *c, const app_opts *o, int argc, char **argv)
{
	char **v = calloc((size_t)argc * 2 + 1, sizeof(*v));
	bool options = true;
	int n = 0, rc;

	if (!v) {
		fprintf(stderr, "backprep: out of memory\n");
		return 1;
	}
	for (int k = 0; k < argc; k++) {
		char *eq = options && strncmp(argv[k], "--", 2) == 0 ? strchr(argv[k], '=') : NULL;

		options = options && strcmp(argv[k], "--") != 0;
		if (eq && value_option(c, argv[k], (size_t)(eq - argv[k]))) {
			*eq = '\0';
			v[n++] = argv[k];
			v[n++] = eq + 1;
		} else {
			v[n++] = argv[k];
		}
	}
	rc = c->run(o, n, v);
	free(v);
	return rc;
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
		/* hidden, for the build: the man page and the completions from the tables */
		if (strcmp(argv[i], "--gen") == 0 && i + 2 == argc)
			return cli_gen(argv[i + 1]);
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
	{
		const cli_cmd *c = cli_command(argv[i]);

		if (c)
			return run_command(c, &o, argc - i - 1, argv + i + 1);
	}
	return cli_usage_error("unknown command '%s'", argv[i]);
}
