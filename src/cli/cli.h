/* cli: the subcommands that run without a terminal UI. Private to src/cli. */
#ifndef BACKPREP_CLI_H
#define BACKPREP_CLI_H

#include "backprep/app.h"

enum { EXIT_PROBLEMS = 1, EXIT_USAGE = 2 };

void cli_usage(FILE *f);
int cmd_today(const app_opts *o, int argc, char **argv);
int cmd_validate(const app_opts *o, int argc, char **argv);

#endif
