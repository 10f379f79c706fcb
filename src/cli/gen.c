/*
 * gen: `backprep --gen man|bash|zsh`, run by the build. The man page is the hand-written
 * template (doc/backprep.1.in, on standard input) with its marker lines replaced by the
 * commands, the options and the keys from the tables; the completions come from the command
 * table alone. So none of them can drift from --help or the help screen.
 */
#include <stdio.h>
#include <string.h>

#include "backprep/keymap.h"
#include "backprep/text.h"
#include "cli.h"
#include "commands.h"

/* s as roff text: backslashes and hyphens escaped, non-ASCII as \[uXXXX], and a line never
 * starting with a control character. */
static void roff(FILE *f, const char *s, bool line_start)
{
	size_t len = strlen(s);

	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t n;

		if (line_start && (c == '.' || c == '\''))
			fputs("\\&", f);
		line_start = false;
		if (c == '\\') {
			fputs("\\e", f);
		} else if (c == '-') {
			fputs("\\-", f);
		} else if (c < 0x80) {
			fputc(c, f);
		} else if ((n = text_decode(s + i, len - i, &cp))) {
			fprintf(f, "\\[u%04X]", (unsigned)cp);
			i += n;
			continue;
		}
		i++;
	}
}

static void man_option(FILE *f, const cli_opt *o)
{
	fputs(".TP\n", f);
	if (o->alias) {
		fputs("\\fB", f);
		roff(f, o->alias, false);
		fputs("\\fR, ", f);
	}
	fputs("\\fB", f);
	roff(f, o->name, false);
	fputs("\\fR", f);
	if (o->metavar) {
		fputs(" \\fI", f);
		roff(f, o->metavar, false);
		fputs("\\fR", f);
	}
	fputc('\n', f);
	roff(f, o->help, true);
	fputc('\n', f);
}

static void man_commands(FILE *f)
{
	for (const cli_cmd *c = cli_commands; c->name; c++) {
		if (c->hidden)
			continue;
		fputs(".TP\n\\fB", f);
		roff(f, c->name, false);
		fputs("\\fR", f);
		if (*c->synopsis) {
			fputc(' ', f);
			roff(f, c->synopsis, false);
		}
		fputc('\n', f);
		roff(f, c->help, true);
		fputs(".\n", f);
		if (!c->opts)
			continue;
		fputs(".RS\n", f);
		for (const cli_opt *o = c->opts; o->name; o++)
			man_option(f, o);
		fputs(".RE\n", f);
	}
}

static void man_key(FILE *f, int r)
{
	char keys[64];

	fputs(".TP\n\\fB", f);
	roff(f, keymap_keys_name(r, keys, sizeof(keys)), false);
	fputs("\\fR (", f);
	roff(f, key_table[r].name, false);
	fputs(")\n", f);
	roff(f, key_table[r].label, true);
	fputc('\n', f);
}

static void man_keys(FILE *f)
{
	for (size_t i = 0; i < keymap_n_sections; i++) {
		fputs(".SS ", f);
		roff(f, keymap_sections[i].title, false);
		fputc('\n', f);
		for (size_t r = 0; r < keymap_count(); r++)
			if ((key_table[r].ctx & keymap_sections[i].ctx) && key_table[r].ctx != CTX_ALL)
				man_key(f, (int)r);
	}
	fputs(".SS Everywhere\n", f);
	for (size_t r = 0; r < keymap_count(); r++)
		if (key_table[r].ctx == CTX_ALL)
			man_key(f, (int)r);
}

/* The template from standard input with @VERSION@ and @DATADIR@ replaced and the marker lines
 * `.\" @COMMANDS@`, `.\" @OPTIONS@` and `.\" @KEYS@` expanded. */
static int gen_man(void)
{
	char line[2048];

	while (fgets(line, sizeof(line), stdin)) {
		if (strcmp(line, ".\\\" @COMMANDS@\n") == 0) {
			man_commands(stdout);
			continue;
		}
		if (strcmp(line, ".\\\" @OPTIONS@\n") == 0) {
			for (const cli_opt *o = cli_options; o->name; o++)
				man_option(stdout, o);
			continue;
		}
		if (strcmp(line, ".\\\" @KEYS@\n") == 0) {
			man_keys(stdout);
			continue;
		}
		for (const char *p = line; *p;) {
			const char *at = strchr(p, '@');

			if (!at) {
				fputs(p, stdout);
				break;
			}
			fwrite(p, 1, (size_t)(at - p), stdout);
			if (strncmp(at, "@VERSION@", 9) == 0) {
				fputs(BP_VERSION, stdout);
				p = at + 9;
			} else if (strncmp(at, "@DATADIR@", 9) == 0) {
				roff(stdout, BP_DATADIR, false);
				p = at + 9;
			} else {
				fputc('@', stdout);
				p = at + 1;
			}
		}
	}
	return ferror(stdin) || fflush(stdout) ? 1 : 0;
}

/* The names of the options that take a value, with sep between them. */
static void value_opts(const cli_opt *opts, const char *sep)
{
	const char *s = "";

	for (const cli_opt *o = opts; o && o->name; o++)
		if (o->arg != ARG_NONE) {
			printf("%s%s", s, o->name);
			s = sep;
		}
}

/* The words of a command line that complete an argument of this type (bash). */
static void bash_values(const char *indent, arg_type t, const char *choices)
{
	switch (t) {
	case ARG_FILE:
	case ARG_PATH:
		printf("%s_backprep_files -f\n", indent);
		break;
	case ARG_DIR:
		printf("%s_backprep_files -d\n", indent);
		break;
	case ARG_DATE:
		printf("%s_backprep_words \"today $(date +%%Y-%%m-%%d)%s%s\"\n", indent,
		       choices ? " " : "", choices ? choices : "");
		break;
	case ARG_ITEM:
		printf("%s_backprep_ids\n", indent);
		break;
	case ARG_WORD:
		printf("%s_backprep_words \"%s\"\n", indent, choices);
		break;
	default:
		printf("%sCOMPREPLY=()\n", indent);
		break;
	}
}

static void bash_opt_words(const cli_opt *opts)
{
	for (const cli_opt *o = opts; o && o->name; o++)
		printf("%s%s%s%s", o == opts ? "" : " ", o->name, o->alias ? " " : "",
		       o->alias ? o->alias : "");
}

static int gen_bash(void)
{
	puts("# bash completion for backprep; made by `backprep --gen bash` from its command "
	     "table.\n"
	     "\n"
	     "_backprep_words() { COMPREPLY=($(compgen -W \"$1\" -- \"$cur\")); }\n"
	     "_backprep_files() {\n"
	     "\tcompopt -o filenames 2>/dev/null\n"
	     "\tCOMPREPLY=($(compgen \"$1\" -- \"$cur\"))\n"
	     "}\n"
	     "# which operand is being typed (0 the first), the values of the options in $1 "
	     "skipped\n"
	     "_backprep_nth() {\n"
	     "\tlocal j n=0\n"
	     "\tfor ((j = i + 1; j < COMP_CWORD; j++)); do\n"
	     "\t\t[[ ${COMP_WORDS[j]} == = ]] && { ((j++)); continue; } # --opt=VALUE\n"
	     "\t\tcase \" $1 \" in *\" ${COMP_WORDS[j]} \"*) ((j++)); continue ;; esac\n"
	     "\t\t[[ ${COMP_WORDS[j]} == -* ]] || ((n++))\n"
	     "\tdone\n"
	     "\techo $n\n"
	     "}\n"
	     "# item ids from the content the command line names (--content), as backprep "
	     "finds it\n"
	     "_backprep_ids() {\n"
	     "\tCOMPREPLY=($(\"${COMP_WORDS[0]}\" \"${pre[@]}\" ids \"$cur\" 2>/dev/null))\n"
	     "}\n"
	     "\n"
	     "_backprep() {\n"
	     "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
	     "\tlocal i cmd= pre=()\n"
	     "\t# --opt=VALUE: bash splits it at the =\n"
	     "\tif [[ $cur == = ]]; then\n"
	     "\t\tcur=\n"
	     "\telif [[ $prev == = ]]; then\n"
	     "\t\tprev=${COMP_WORDS[COMP_CWORD - 2]}\n"
	     "\tfi\n"
	     "\tfor ((i = 1; i < COMP_CWORD; i++)); do\n"
	     "\t\tcase ${COMP_WORDS[i]} in");
	printf("\t\t");
	value_opts(cli_options, "|");
	puts(")\n"
	     "\t\t\tif [[ ${COMP_WORDS[i + 1]} == = ]]; then\n"
	     "\t\t\t\tpre+=(\"${COMP_WORDS[i]}\" \"${COMP_WORDS[i + 2]}\")\n"
	     "\t\t\t\t((i += 2))\n"
	     "\t\t\telse\n"
	     "\t\t\t\tpre+=(\"${COMP_WORDS[i]}\" \"${COMP_WORDS[i + 1]}\")\n"
	     "\t\t\t\t((i++))\n"
	     "\t\t\tfi ;;\n"
	     "\t\t-*) pre+=(\"${COMP_WORDS[i]}\") ;;\n"
	     "\t\t*) cmd=${COMP_WORDS[i]}; break ;;\n"
	     "\t\tesac\n"
	     "\tdone\n"
	     "\t# the value of an option\n"
	     "\tcase \"$cmd $prev\" in");
	for (const cli_opt *o = cli_options; o->name; o++) {
		if (o->arg == ARG_NONE)
			continue;
		printf("\t\" %s\")\n", o->name);
		bash_values("\t\t", o->arg, o->choices);
		puts("\t\treturn ;;");
	}
	for (const cli_cmd *c = cli_commands; c->name; c++)
		for (const cli_opt *o = c->opts; o && o->name; o++) {
			if (o->arg == ARG_NONE)
				continue;
			printf("\t\"%s %s\")\n", c->name, o->name);
			bash_values("\t\t", o->arg, o->choices);
			puts("\t\treturn ;;");
		}
	puts("\tesac\n"
	     "\tcase $cmd in\n"
	     "\t\"\")\n"
	     "\t\tif [[ $cur == -* ]]; then");
	printf("\t\t\t_backprep_words \"");
	bash_opt_words(cli_options);
	printf("\"\n\t\telse\n\t\t\t_backprep_words \"");
	for (const cli_cmd *c = cli_commands; c->name; c++)
		if (!c->hidden)
			printf("%s%s", c == cli_commands ? "" : " ", c->name);
	puts("\"\n\t\tfi ;;");
	for (const cli_cmd *c = cli_commands; c->name; c++) {
		if (c->hidden)
			continue;
		printf("\t%s)\n\t\tif [[ $cur == -* ]]; then\n\t\t\t_backprep_words \"", c->name);
		bash_opt_words(c->opts);
		puts("\"");
		if (c->operands[1].type == ARG_NONE && c->operands_many) {
			puts("\t\telse");
			bash_values("\t\t\t", c->operands[0].type, NULL);
		} else if (c->operands[0].type != ARG_NONE) {
			/* each operand in its place; the last again when it repeats */
			printf("\t\telse\n\t\t\tcase $(_backprep_nth \"");
			value_opts(c->opts, " ");
			printf("\") in\n");
			for (int k = 0; k < 2 && c->operands[k].type != ARG_NONE; k++) {
				bool last = k == 1 || c->operands[1].type == ARG_NONE;

				printf("\t\t\t%s)\n", last && c->operands_many ? "*" : k ? "1" : "0");
				bash_values("\t\t\t\t", c->operands[k].type, NULL);
				puts("\t\t\t\t;;");
			}
			puts("\t\t\t*) COMPREPLY=() ;;\n\t\t\tesac");
		}
		puts("\t\tfi ;;");
	}
	puts("\tesac\n"
	     "}\n"
	     "complete -F _backprep backprep");
	return fflush(stdout) ? 1 : 0;
}

/* s for the inside of a zsh single-quoted _arguments spec's [description]. */
static void zsh_text(const char *s)
{
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", stdout);
		else if (*s == '[' || *s == ']' || *s == ':' || *s == '\\')
			printf("\\%c", *s);
		else
			putchar(*s);
	}
}

static const char *zsh_action(arg_type t)
{
	switch (t) {
	case ARG_FILE:
	case ARG_PATH:
		return "_files";
	case ARG_DIR:
		return "_files -/";
	case ARG_DATE:
		return "_backprep_dates";
	case ARG_ITEM:
		return "_backprep_ids";
	default:
		return " ";
	}
}

static void zsh_opt(const cli_opt *o, const char *indent)
{
	printf("%s'%s%s[", indent, o->repeat ? "*" : "", o->name);
	zsh_text(o->help);
	printf("]");
	if (o->arg == ARG_WORD) {
		printf(":%s:(%s)", o->metavar, o->choices);
	} else if (o->arg != ARG_NONE) {
		printf(":%s:", o->metavar);
		if (o->arg == ARG_DATE && o->choices)
			printf("_backprep_dates %s", o->choices);
		else
			printf("%s", zsh_action(o->arg));
	}
	printf("' \\\n");
}

static int gen_zsh(void)
{
	puts("#compdef backprep\n"
	     "# zsh completion for backprep; made by `backprep --gen zsh` from its command table.\n"
	     "\n"
	     "_backprep_dates() { compadd -- today $(date +%Y-%m-%d) \"$@\"; }\n"
	     "_backprep_ids() {\n"
	     "\tlocal -a ids\n"
	     "\tids=(${(f)\"$(_call_program ids ${(q)backprep_prog} ${(q)backprep_pre[@]} ids \\\n"
	     "\t\t${(q)PREFIX} 2>/dev/null)\"})\n"
	     "\tcompadd -a ids\n"
	     "}\n"
	     "\n"
	     "_backprep() {\n"
	     "\tlocal backprep_prog=$words[1] curcontext=$curcontext state line ret=1 i\n"
	     "\tlocal -a commands backprep_pre\n"
	     "\t# the options before the command, for `backprep ids` to read the same content\n"
	     "\tfor ((i = 2; i < CURRENT; i++)); do\n"
	     "\t\tcase $words[i] in");
	printf("\t\t");
	value_opts(cli_options, "|");
	puts(") backprep_pre+=($words[i] $words[i+1]); ((i++)) ;;\n"
	     "\t\t-*) backprep_pre+=($words[i]) ;;\n"
	     "\t\t*) break ;;\n"
	     "\t\tesac\n"
	     "\tdone\n"
	     "\tcommands=(");
	for (const cli_cmd *c = cli_commands; c->name; c++) {
		if (c->hidden)
			continue;
		printf("\t\t'%s:", c->name);
		zsh_text(c->help);
		puts("'");
	}
	puts("\t)\n\t_arguments -C \\");
	for (const cli_opt *o = cli_options; o->name; o++) {
		if (o->alias) {
			printf("\t\t'(- *)'{%s,%s}'[", o->alias, o->name);
			zsh_text(o->help);
			puts("]' \\");
		} else {
			zsh_opt(o, "\t\t");
		}
	}
	puts("\t\t'1:command:->command' \\\n"
	     "\t\t'*::argument:->argument' && ret=0\n"
	     "\tcase $state in\n"
	     "\tcommand) _describe -t commands command commands && ret=0 ;;\n"
	     "\targument)\n"
	     "\t\tcase $words[1] in");
	for (const cli_cmd *c = cli_commands; c->name; c++) {
		if (c->hidden)
			continue;
		printf("\t\t%s)\n\t\t\t_arguments \\\n", c->name);
		for (const cli_opt *o = c->opts; o && o->name; o++)
			zsh_opt(o, "\t\t\t\t");
		for (int k = 0; k < 2 && c->operands[k].type != ARG_NONE; k++) {
			bool last = k == 1 || c->operands[1].type == ARG_NONE;

			printf("\t\t\t\t'%s:%s:%s' \\\n",
			       last && c->operands_many ? "*" : k ? "2" : "1", c->operands[k].name,
			       zsh_action(c->operands[k].type));
		}
		puts("\t\t\t\t&& ret=0 ;;");
	}
	puts("\t\tesac ;;\n"
	     "\tesac\n"
	     "\treturn ret\n"
	     "}\n"
	     "\n"
	     "_backprep \"$@\"");
	return fflush(stdout) ? 1 : 0;
}

/* README.md's key table: one row per action, with its default keys. */
static int gen_keys_md(void)
{
	puts("| where | keys | action | does |\n| --- | --- | --- | --- |");
	for (size_t r = 0; r < keymap_count(); r++) {
		const keydef *k = &key_table[r];
		char keys[64];

		printf("| ");
		if (k->ctx == CTX_ALL) {
			printf("anywhere");
		} else if (k->ctx == (CTX_ALL & ~CTX_HELP)) {
			printf("anywhere but help");
		} else {
			const char *sep = "";
			unsigned ctx = k->ctx;

			/* every state of the drill is "drill" */
			if ((ctx & CTX_DRILL) == CTX_DRILL) {
				printf("drill");
				sep = ", ";
				ctx &= ~(unsigned)CTX_DRILL;
			}
			for (size_t i = 0; i < keymap_n_sections; i++)
				if (ctx & keymap_sections[i].ctx) {
					printf("%s%s", sep, keymap_sections[i].where);
					sep = ", ";
				}
		}
		printf(" | `%s` | `%s` | %s |\n", keymap_keys_name((int)r, keys, sizeof(keys)),
		       k->name, k->label);
	}
	return fflush(stdout) ? 1 : 0;
}

int cli_gen(const char *what)
{
	if (strcmp(what, "keys-md") == 0)
		return gen_keys_md();
	if (strcmp(what, "man") == 0)
		return gen_man();
	if (strcmp(what, "bash") == 0)
		return gen_bash();
	if (strcmp(what, "zsh") == 0)
		return gen_zsh();
	return cli_usage_error("--gen takes man, bash, zsh or keys-md, not '%s'", what);
}
