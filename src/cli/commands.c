/* commands: the table of commands and options, and the usage printed from it. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

static int cmd_help(const app_opts *o, int argc, char **argv)
{
	(void)o, (void)argc, (void)argv;
	cli_usage(stdout);
	return 0;
}

const cli_opt cli_options[] = {
	{ "--db", NULL, ARG_FILE, "PATH", NULL, false,
	  "the progress file (default: $BACKPREP_DB, else $XDG_DATA_HOME/backprep/progress.db)" },
	{ "--content", NULL, ARG_DIR, "DIR", NULL, true,
	  "a content directory; repeatable (default: $BACKPREP_CONTENT, else the installed packs)" },
	{ "--plan", NULL, ARG_FILE, "FILE", NULL, false,
	  "your own plan in place of the shipped plan.yaml (also read from "
	  "$XDG_DATA_HOME/backprep/plan.yaml)" },
	{ "--help", "-h", ARG_NONE, NULL, NULL, false, "show this help" },
	{ "--version", "-V", ARG_NONE, NULL, NULL, false, "show the version" },
	{ NULL, NULL, ARG_NONE, NULL, NULL, false, NULL },
};

#define END_OPTS { NULL, NULL, ARG_NONE, NULL, NULL, false, NULL }
#define JSON_OPT(what) { "--json", NULL, ARG_NONE, NULL, NULL, false, "print " what " as JSON" }

static const cli_opt today_opts[] = { JSON_OPT("the day's figures and queue"), END_OPTS };
static const cli_opt validate_opts[] = {
	{ "--strict", NULL, ARG_NONE, NULL, NULL, false,
	  "also report what the quality checks find (thin answers, untidy text)" },
	{ "--run", NULL, ARG_NONE, NULL, NULL, false,
	  "also run each coding question's reference solution against its tests" },
	END_OPTS,
};
static const cli_opt run_opts[] = { JSON_OPT("each test's result"), END_OPTS };
static const cli_opt item_opts[] = {
	{ "--suspend", NULL, ARG_NONE, NULL, NULL, true, "suspend the item (an event in the log)" },
	{ "--unsuspend", NULL, ARG_NONE, NULL, NULL, true, "unsuspend it" },
	{ "--star", NULL, ARG_NONE, NULL, NULL, true, "star it" },
	{ "--unstar", NULL, ARG_NONE, NULL, NULL, true, "unstar it" },
	{ "--unbury", NULL, ARG_NONE, NULL, NULL, true, "unbury it" },
	{ "--reset", NULL, ARG_NONE, NULL, NULL, true,
	  "forget it: the card starts over as new; its answers stay in the log" },
	END_OPTS,
};
static const cli_opt mocks_opts[] = { JSON_OPT("the rounds and the trends"), END_OPTS };
static const cli_opt plan_opts[] = {
	JSON_OPT("the plan and its progress"),
	{ "--start", NULL, ARG_DATE, "DATE", NULL, false, "restart the plan on DATE" },
	{ "--interview", NULL, ARG_DATE, "DATE|none", "none", false,
	  "set the interview date (a day after today), or clear it" },
	END_OPTS,
};
static const cli_opt stats_opts[] = {
	JSON_OPT("the numbers of the Stats screen"),
	{ "--from", NULL, ARG_DATE, "DATE", NULL, false, "the first day counted" },
	{ "--to", NULL, ARG_DATE, "DATE", NULL, false, "the last day counted" },
	END_OPTS,
};
static const cli_opt settings_opts[] = {
	JSON_OPT("every setting, its value and where it comes from"),
	{ "--set", NULL, ARG_TEXT, "NAME VALUE", NULL, false,
	  "set one made in the app (daily_minutes, new_per_day, interview_date, retention)" },
	{ "--reset", NULL, ARG_TEXT, "NAME", NULL, false, "put its default back" },
	END_OPTS,
};
static const cli_opt export_opts[] = {
	{ "--format", NULL, ARG_WORD, "json|csv", "json csv", false,
	  "JSON (everything, for import) or CSV (the review log)" },
	{ "-o", NULL, ARG_FILE, "FILE", NULL, false, "write to FILE instead of standard output" },
	END_OPTS,
};

const cli_cmd cli_commands[] = {
	{ "today", cmd_today, "[--json]", { { ARG_NONE, NULL } }, false, today_opts,
	  "print today's plan, figures and queue", false },
	{ "validate", cmd_validate, "[--strict] [--run] [PATH...]", { { ARG_PATH, "PATH" } }, true,
	  validate_opts,
	  "check content files (default: the content in use); every problem as "
	  "file:line:col: message",
	  false },
	{ "run", cmd_run, "ITEM-ID [FILE] [--json]", { { ARG_ITEM, "ITEM-ID" }, { ARG_FILE, "FILE" } },
	  false, run_opts,
	  "run a solution (default: the one e edits in the trainer) against a coding item's "
	  "tests; exit 0 only when all pass",
	  false },
	{ "item", cmd_item, "ID [--suspend|--unsuspend|--star|--unstar|--unbury|--reset]...",
	  { { ARG_ITEM, "ID" } }, false, item_opts,
	  "an item's schedule, recall, review history and events; the options record those "
	  "events first",
	  false },
	{ "mocks", cmd_mocks, "[--json]", { { ARG_NONE, NULL } }, false, mocks_opts,
	  "the mock rounds taken, their scores, each dimension's trend, and whether you are ready",
	  false },
	{ "plan", cmd_plan, "[--json] [--start DATE] [--interview DATE|none]",
	  { { ARG_NONE, NULL } }, false, plan_opts, "the plan and its progress; set its dates", false },
	{ "stats", cmd_stats, "[--json] [--from DATE] [--to DATE]", { { ARG_NONE, NULL } }, false,
	  stats_opts,
	  "activity, streaks, mastery, retention, the forecast, time per answer and mock scores",
	  false },
	{ "settings", cmd_settings, "[--json] [--set NAME VALUE] [--reset NAME]",
	  { { ARG_NONE, NULL } }, false, settings_opts,
	  "every setting, its value and where it comes from; set one made in the app, or put "
	  "its default back",
	  false },
	{ "doctor", cmd_doctor, "", { { ARG_NONE, NULL } }, false, NULL,
	  "check the database; rebuild cards and stats from the log", false },
	{ "export", cmd_export, "[--format json|csv] [-o FILE]", { { ARG_NONE, NULL } }, false,
	  export_opts, "write all progress (default: JSON to stdout)", false },
	{ "import", cmd_import, "FILE", { { ARG_FILE, "FILE" } }, false, NULL,
	  "merge a JSON export into the progress file", false },
	{ "keys", cmd_keys, "", { { ARG_NONE, NULL } }, false, NULL,
	  "the keys in force, screen by screen, with each action's name for config.yaml", false },
	{ "help", cmd_help, "", { { ARG_NONE, NULL } }, false, NULL, "show this help", false },
	/* for the completions: the item ids starting with PREFIX, one a line */
	{ "ids", cmd_ids, "[PREFIX]", { { ARG_TEXT, "PREFIX" } }, false, NULL,
	  "the item ids starting with PREFIX", true },
	{ NULL, NULL, NULL, { { ARG_NONE, NULL } }, false, NULL, NULL, false },
};

const cli_cmd *cli_command(const char *name)
{
	for (const cli_cmd *c = cli_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

void cli_wrap(FILE *f, const char *s, int first, int indent, int width)
{
	int col = first;

	if (col >= indent) {
		fputc('\n', f);
		col = 0;
	}
	while (*s) {
		size_t w = strcspn(s, " ");

		if (col > indent && col + 1 + (int)w > width) {
			fputc('\n', f);
			col = 0;
		}
		if (col < indent) {
			fprintf(f, "%*s", indent - col, "");
			col = indent;
		} else {
			fputc(' ', f);
			col++;
		}
		fwrite(s, 1, w, f);
		col += (int)w;
		s += w;
		while (*s == ' ')
			s++;
	}
	fputc('\n', f);
}

enum { USAGE_INDENT = 27, USAGE_WIDTH = 79 };

void cli_usage(FILE *f)
{
	fputs("usage: backprep [--db PATH] [--content DIR]... [--plan FILE] [COMMAND]\n"
	      "\n"
	      "A terminal trainer for backend engineering interviews.\n"
	      "\n"
	      "commands:\n",
	      f);
	cli_wrap(f, "open the trainer on the Today screen", fprintf(f, "  (none)"), USAGE_INDENT,
		 USAGE_WIDTH);
	for (const cli_cmd *c = cli_commands; c->name; c++) {
		int n;

		if (c->hidden)
			continue;
		n = fprintf(f, "  %s%s%s", c->name, *c->synopsis ? " " : "", c->synopsis);
		cli_wrap(f, c->help, n, USAGE_INDENT, USAGE_WIDTH);
	}
	fputs("\noptions:\n", f);
	for (const cli_opt *o = cli_options; o->name; o++) {
		int n = fprintf(f, "  %s%s%s%s%s", o->alias ? o->alias : "", o->alias ? ", " : "",
				o->name, o->metavar ? " " : "", o->metavar ? o->metavar : "");

		cli_wrap(f, o->help, n, USAGE_INDENT, USAGE_WIDTH);
	}
}
