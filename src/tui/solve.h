/*
 * solve: a coding question's solution in the person's editor, and its tests run and shown
 * (the drill and a mock round's coding segment). Private to src/tui.
 */
#ifndef BACKPREP_TUI_SOLVE_H
#define BACKPREP_TUI_SOLVE_H

#include "backprep/runner.h"
#include "tui.h"

/* The last run, for the item it was run on. */
typedef struct solve_ui {
	char item[STORE_ID_MAX];
	runner_result r;
	test_tally t;
} solve_ui;

/* True when `it` is a coding item the runner can run (a signature and tests). */
bool solve_can(const bp_item *it);

/* e and E: the solution file in the editor; fresh starts again from the stub, keeping the
 * old file as .prev. Says what happened in t->msg. */
void solve_edit(tui *t, const bp_item *it, bool fresh);

/* r: runs the tests on the solution file; the result is kept (t->solve) for `it` and
 * returned, or NULL when nothing ran. The footer says the summary. */
const test_tally *solve_run(tui *t, const bp_item *it);

/* The result of the last run, when it was of `it`; else NULL. */
const solve_ui *solve_result(const tui *t, const bp_item *it);

/* Forgets the last run (the next question). */
void solve_forget(tui *t);

/* The last run of `it`, when there is one: the summary, then each test (the edge cases
 * apart), what went wrong, and what the solution printed. Returns the line it starts at,
 * to scroll to after a run; the line count of d when there is no run. */
size_t solve_add_results(doc *d, const tui *t, const bp_item *it);

#endif
