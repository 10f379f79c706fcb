/* solve: the solution in $EDITOR and its tests run, for the drill and a mock round. */
#include <curses.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "backprep/paths.h"
#include "solve.h"
#include "term.h"

bool solve_can(const bp_item *it)
{
	return it && it->kind == KIND_CODING && it->entry && it->n_tests > 0;
}

BP_PRINTF(3, 4) static void say(tui *t, bool bad, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof(t->msg), fmt, ap);
	va_end(ap);
	t->msg_bad = bad;
}

/* Writes the stub to path (a new file); false when it cannot. */
static bool write_stub(const bp_item *it, const char *path)
{
	char *stub = runner_stub(it);
	FILE *f = stub ? fopen(path, "wx") : NULL;
	bool ok = f && fputs(stub, f) >= 0;

	if (f)
		ok = fclose(f) == 0 && ok;
	free(stub);
	return ok;
}

void solve_edit(tui *t, const bp_item *it, bool fresh)
{
	char path[PATHS_MAX], prev[PATHS_MAX + 8], buf[1100];
	const char *editor;
	struct stat st;
	bp_error e;
	int rc;

	if (!solve_can(it)) {
		say(t, false, "This question has no tests to write a solution against.");
		return;
	}
	if (runner_solution_path(it, path, sizeof(path), &e) < 0) {
		say(t, true, "Cannot make the solutions directory: %s",
		    bp_error_str(&e, buf, sizeof(buf)));
		return;
	}
	if (fresh && stat(path, &st) == 0) {
		snprintf(prev, sizeof(prev), "%s.prev", path);
		if (rename(path, prev) < 0) {
			say(t, true, "Cannot keep the old solution as .prev: %s", strerror(errno));
			return;
		}
	}
	if (stat(path, &st) < 0 && !write_stub(it, path)) {
		say(t, true, "Cannot write the solution file: %s", strerror(errno));
		return;
	}
	rc = term_edit(path, &editor);
	if (term_stop_signal())
		return;
	if (rc == -2 || rc == -1 || (WIFEXITED(rc) && WEXITSTATUS(rc) == 127))
		say(t, true, "Could not run the editor '%.200s': set $EDITOR.", editor);
	else
		say(t, false, "%s; r runs the tests.",
		    fresh ? "A fresh solution from the stub (the old one is kept as .prev)"
			  : "Solution saved");
}

const test_tally *solve_run(tui *t, const bp_item *it)
{
	char path[PATHS_MAX], sum[96], buf[1100];
	solve_ui *s;
	bp_error e;

	if (!solve_can(it)) {
		say(t, false, "This question has no tests to run.");
		return NULL;
	}
	if (runner_solution_path(it, path, sizeof(path), &e) < 0) {
		say(t, true, "Cannot find the solutions directory: %s",
		    bp_error_str(&e, buf, sizeof(buf)));
		return NULL;
	}
	if (access(path, F_OK) < 0) {
		say(t, false, "No solution yet: e writes one in your editor.");
		return NULL;
	}
	if (!t->solve && !(t->solve = calloc(1, sizeof(*t->solve)))) {
		say(t, true, "Out of memory.");
		return NULL;
	}
	s = t->solve;
	runner_result_free(&s->r);
	s->item[0] = '\0';
	/* a run takes up to RUNNER_WALL_S: say so while it does */
	put_str(LINES - 1, 1, "Running the tests...", style(ATTR_KEY));
	clrtoeol();
	refresh();
	if (runner_run(it, path, &s->r, &e) < 0) {
		say(t, true, "Cannot run: %s", bp_error_str(&e, buf, sizeof(buf)));
		return NULL;
	}
	if (s->r.status == RUN_NO_PYTHON || s->r.status == RUN_NO_FILE ||
	    s->r.status == RUN_SETUP) {
		/* nothing of the solution ran: say why, and leave the grade alone */
		say(t, true, "%s", s->r.message);
		runner_result_free(&s->r);
		return NULL;
	}
	snprintf(s->item, sizeof(s->item), "%s", it->id);
	runner_tally(&s->r, &s->t);
	tally_str(&s->t, sum, sizeof(sum));
	snprintf(t->msg, sizeof(t->msg), "%.90s in %.2f s%s%.480s", sum, s->r.seconds,
		 s->r.message[0] ? ". " : "", s->r.message);
	t->msg_bad = s->t.passed < s->t.total || s->t.crashed;
	return &s->t;
}

const solve_ui *solve_result(const tui *t, const bp_item *it)
{
	return t->solve && it && strcmp(t->solve->item, it->id) == 0 ? t->solve : NULL;
}

void solve_forget(tui *t)
{
	if (!t->solve)
		return;
	runner_result_free(&t->solve->r);
	free(t->solve);
	t->solve = NULL;
}

static void add_test(doc *d, const runner_test *x)
{
	char line[1200];

	snprintf(line, sizeof(line), "%s  (%.1f ms)", x->call ? x->call : "?", x->ms);
	doc_entry(d, x->ok ? "pass " : "FAIL ", doc_keep(d, line), 1,
		  x->ok ? style(ATTR_GOOD) : style(ATTR_BAD));
	if (x->note)
		doc_entry(d, "     ", x->note, 1, style(ATTR_DIM));
	if (x->ok)
		return;
	doc_entry(d, "     expected ", x->expect ? x->expect : "?", 1, 0);
	if (x->error && x->actual && strcmp(x->error, x->actual) != 0)
		snprintf(line, sizeof(line), "%s (%s)", x->actual, x->error);
	else
		snprintf(line, sizeof(line), "%s", x->error ? x->error : x->actual ? x->actual : "?");
	doc_entry(d, "     got      ", doc_keep(d, line), 1, 0);
	if (x->trace)
		doc_entry(d, "     at       ", x->trace, 1, style(ATTR_DIM));
}

size_t solve_add_results(doc *d, const tui *t, const bp_item *it)
{
	const solve_ui *s = solve_result(t, it);
	size_t start = d->n;
	char sum[96];

	if (!s)
		return start;
	doc_blank(d);
	doc_heading(d, "Tests");
	doc_printf(d,
		   s->t.passed == s->t.total && !s->t.crashed ? style(ATTR_GOOD) : style(ATTR_BAD),
		   "%s in %.2f s", tally_str(&s->t, sum, sizeof(sum)), s->r.seconds);
	if (s->r.message[0])
		doc_text(d, s->r.message, 0, style(ATTR_BAD), TEXT_PROSE);
	for (int edge = 0; edge < 2; edge++) {
		bool any = false;

		for (int i = 0; i < s->r.n_tests; i++) {
			if (s->r.tests[i].edge != (edge == 1))
				continue;
			if (!any && edge) {
				doc_blank(d);
				doc_heading(d, "Edge cases");
			}
			any = true;
			add_test(d, &s->r.tests[i]);
		}
	}
	if (s->r.output) {
		doc_blank(d);
		doc_heading(d, s->r.output_cut ? "Printed (cut at 64 KiB)" : "Printed");
		doc_text(d, s->r.output, 1, style(ATTR_DIM), TEXT_VERBATIM);
	}
	return start + 1;
}
