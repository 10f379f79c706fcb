/* cli: the subcommands that run without a terminal UI. Private to src/cli. */
#ifndef BACKPREP_CLI_H
#define BACKPREP_CLI_H

#include <jansson.h>
#include <stdio.h>

#include "backprep/app.h"

enum { EXIT_PROBLEMS = 1, EXIT_USAGE = 2 };

void cli_usage(FILE *f);

/* "backprep: <message>" and the usage on stderr; returns EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) BP_PRINTF(1, 2);
int cmd_today(const app_opts *o, int argc, char **argv);
int cmd_validate(const app_opts *o, int argc, char **argv);
int cmd_doctor(const app_opts *o, int argc, char **argv);
int cmd_item(const app_opts *o, int argc, char **argv);
int cmd_mocks(const app_opts *o, int argc, char **argv);
int cmd_plan(const app_opts *o, int argc, char **argv);
int cmd_export(const app_opts *o, int argc, char **argv);
int cmd_import(const app_opts *o, int argc, char **argv);
int cmd_stats(const app_opts *o, int argc, char **argv);
int cmd_run(const app_opts *o, int argc, char **argv);
int cmd_settings(const app_opts *o, int argc, char **argv);

/* validate --run: runs every coding item's reference solution against its tests; each
 * failure is a problem at the test. *ran counts the items run. */
void cli_run_references(const catalog *c, bp_diags *d, int *ran);

/* A date argument: YYYY-MM-DD, "today", or with allow_none "none" (0); -1 when neither. */
int cli_parse_day(const char *s, bool allow_none, int64_t *day);

/* A local day as "YYYY-MM-DD", or null for 0 (none). */
json_t *cli_day_json(int64_t day);

/* Opens the app (read-only or not) or prints why not; 0 on success. */
int cli_open(bp_app *app, const app_opts *o, bool readonly);

/* Opens the app to write; refuses (printing "cannot <doing> PATH: <why>") a progress file
 * that cannot be written; 0 on success. */
int cli_open_writable(bp_app *app, const app_opts *o, const char *doing);

/* Prints "backprep: <error>" to stderr and returns 1. */
int cli_fail(const bp_error *e);

#endif
