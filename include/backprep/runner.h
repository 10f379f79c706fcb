/*
 * runner: runs a person's solution (Python 3) against a coding item's tests, in a child
 * process with a private temporary directory, a cleared environment, resource limits, its
 * own process group ended after RUNNER_WALL_S, stdin from /dev/null and its output captured
 * through a capped pipe. The harness (src/runner/harness.py) is built into backprep; a pack
 * supplies test data only. Every string in a result is sanitised for the terminal. Never
 * draws and never exits; the caller shows the result.
 */
#ifndef BACKPREP_RUNNER_H
#define BACKPREP_RUNNER_H

#include <stdbool.h>
#include <stddef.h>

#include "backprep/catalog.h"
#include "backprep/error.h"
#include "backprep/tally.h"

enum {
	RUNNER_WALL_S = 10,		/* the whole run, wall clock */
	RUNNER_CPU_S = 5,		/* RLIMIT_CPU */
	RUNNER_MEM_MIB = 512,		/* RLIMIT_AS */
	RUNNER_FILE_MIB = 1,		/* RLIMIT_FSIZE */
	RUNNER_NPROC = 32,		/* RLIMIT_NPROC: this many above the user's threads now */
	RUNNER_OUTPUT_MAX = 64 * 1024,	/* what the solution prints, kept */
};

typedef enum {
	RUN_DONE,      /* every test ran (passed or not) */
	RUN_NO_PYTHON, /* no Python 3 interpreter was found */
	RUN_NO_FILE,   /* the solution file cannot be read */
	RUN_LOAD,      /* the solution did not load: syntax error, exception, no entry */
	RUN_TIMEOUT,   /* still running after RUNNER_WALL_S */
	RUN_CPU,       /* the CPU limit ended it */
	RUN_ENDED,     /* it ended before reporting every test (os._exit, a crash, a signal) */
	RUN_SETUP,     /* backprep could not set the run up (temp dir, fork, pipe) */
} run_status;

typedef struct runner_test {
	int i;     /* which of the item's tests */
	bool ok, edge;
	char *call, *expect, *actual, *error, *trace, *note; /* sanitised, one line; may be NULL */
	double ms;
} runner_test;

typedef struct runner_result {
	run_status status;
	runner_test *tests; /* in the order reported */
	int n_tests, cap_tests;
	int total, edge_total; /* of the item */
	int running;           /* the test that was running when the run ended, or -1 */
	bool done;             /* the harness said "done" */
	char message[512];     /* the status in words, for a person; "" when RUN_DONE */
	char *output;          /* what the solution printed, cleaned; NULL when nothing */
	bool output_cut;       /* it printed more than RUNNER_OUTPUT_MAX */
	double seconds;        /* wall time of the run */
	char python[512];      /* the interpreter used */
} runner_result;

/* Runs the solution at `path` against it's tests into *r (which the caller frees with
 * runner_result_free, whatever the status). -1 only when the item has no tests. */
int runner_run(const bp_item *it, const char *path, runner_result *r, bp_error *e);

/* Reads one result line of the harness into r; -1 when it is not one (it is ignored). Also
 * used by the unit tests. */
int runner_parse_line(runner_result *r, const bp_item *it, const char *line, size_t len);

/* After the child ended: sets status and message from what was read and how it ended
 * (`how`: a waitpid status, or -1 for the wall timeout). */
void runner_finish(runner_result *r, int how);

void runner_result_init(runner_result *r, const bp_item *it);
void runner_result_free(runner_result *r);
void runner_tally(const runner_result *r, test_tally *t);

/* The interpreter: $BACKPREP_PYTHON (a path, or a name looked up in $PATH), else the first
 * python3 in $PATH that resolves to a real program (not a shim script such as pyenv's, which
 * needs the environment the run clears), else /usr/bin/python3, /usr/local/bin/python3. */
int runner_python(char *buf, size_t n);

/* A new solution file's text: the prompt as comments, then the signature as a stub that
 * raises NotImplementedError. malloc'd; NULL when out of memory. */
char *runner_stub(const bp_item *it);

/* The solution file of an item: <data dir>/solutions/<item id>.py (the directory made). */
int runner_solution_path(const bp_item *it, char *buf, size_t n, bp_error *e);

#endif
