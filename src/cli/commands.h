/*
 * commands: the one table of commands and options. `--help`, the dispatch in main.c, the
 * man page and the bash and zsh completions (gen.c) all read it. Private to src/cli.
 *
 * Adding a command: one row in cli_commands (commands.c) with its options, and its cmd_
 * function; README.md's "Without the interface" documents it.
 */
#ifndef BACKPREP_CLI_COMMANDS_H
#define BACKPREP_CLI_COMMANDS_H

#include <stdbool.h>
#include <stdio.h>

#include "backprep/app.h"

/* What an option or an operand takes, so that completion can offer it. */
typedef enum {
	ARG_NONE,
	ARG_FILE,   /* a path to a file */
	ARG_DIR,    /* a directory */
	ARG_PATH,   /* a file or a directory */
	ARG_DATE,   /* YYYY-MM-DD or today */
	ARG_ITEM,   /* an item id (completed by `backprep ids`) */
	ARG_NUMBER,
	ARG_WORD,   /* one of `choices` */
	ARG_TEXT,   /* anything */
} arg_type;

typedef struct cli_opt {
	const char *name;    /* "--json", "-o" */
	const char *alias;   /* "-h" for --help, or NULL */
	arg_type arg;
	const char *metavar; /* "DATE", "FILE"; NULL without an argument */
	const char *choices; /* ARG_WORD: the words, space-separated ("json csv") */
	bool repeat;         /* may be given more than once */
	const char *help;
} cli_opt;

typedef int (*cli_run)(const app_opts *o, int argc, char **argv);

typedef struct cli_operand {
	arg_type type; /* ARG_NONE: no more operands */
	const char *name; /* "ID", "PATH" */
} cli_operand;

typedef struct cli_cmd {
	const char *name;
	cli_run run;
	const char *synopsis; /* what follows the name in the usage ("ID [--suspend|...]...") */
	cli_operand operands[2]; /* the first operand, the second */
	bool operands_many;   /* the last of them may come again */
	const cli_opt *opts;  /* ends with a NULL name; may be NULL */
	const char *help;
	bool hidden;          /* left out of --help, the man page and completion's words */
} cli_cmd;

extern const cli_cmd cli_commands[];  /* ends with a NULL name */
extern const cli_opt cli_options[];   /* the options before the command */

/* The command named `name`, or NULL. */
const cli_cmd *cli_command(const char *name);

/* Prints s wrapped to `width` columns, each line after `indent` spaces; `first` columns of
 * the first line are used already (from indent on, s starts on a line of its own). */
void cli_wrap(FILE *f, const char *s, int first, int indent, int width);

int cmd_keys(const app_opts *o, int argc, char **argv);
int cmd_ids(const app_opts *o, int argc, char **argv);

/* backprep --gen man|bash|zsh: the man page (from the template on standard input) or a
 * completion script on standard output. */
int cli_gen(const char *what);

#endif
