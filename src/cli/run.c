/* run: `backprep run ITEM-ID [FILE] [--json]`, a solution against the item's tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backprep/catalog.h"
#include "backprep/runner.h"
#include "backprep/text.h"
#include "cli.h"

static const char *const status_names[] = {
	[RUN_DONE] = "done",	 [RUN_NO_PYTHON] = "no-python", [RUN_NO_FILE] = "no-file",
	[RUN_LOAD] = "load-error", [RUN_TIMEOUT] = "timeout",	[RUN_CPU] = "cpu-limit",
	[RUN_ENDED] = "ended",	 [RUN_SETUP] = "setup",
};

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static void print_json(const bp_item *it, const runner_result *r, const test_tally *t)
{
	json_t *tests = json_array(), *o;

	for (int i = 0; i < r->n_tests; i++) {
		const runner_test *x = &r->tests[i];

		json_array_append_new(
			tests, json_pack("{s:i, s:b, s:b, s:o, s:o, s:o, s:o, s:o, s:o, s:f}", "i",
					 x->i, "ok", x->ok, "edge", x->edge, "call",
					 str_or_null(x->call), "expect", str_or_null(x->expect),
					 "actual", str_or_null(x->actual), "error",
					 str_or_null(x->error), "trace", str_or_null(x->trace),
					 "note", str_or_null(x->note), "ms", x->ms));
	}
	o = json_pack("{s:s, s:s, s:o, s:i, s:i, s:i, s:i, s:f, s:o, s:b, s:o}", "item", it->id,
		      "status", status_names[r->status],
		      "message", r->message[0] ? json_string(r->message) : json_null(), "passed",
		      t->passed, "total", t->total, "edge_passed", t->edge_passed, "edge_total",
		      t->edge_total, "seconds", r->seconds, "output", str_or_null(r->output),
		      "output_cut", r->output_cut, "tests", tests);
	json_dumpf(o, stdout, JSON_INDENT(2) | JSON_ENSURE_ASCII);
	putchar('\n');
	json_decref(o);
}

/* One test as a person reads it: pass or FAIL, the call, and what went wrong. */
static void print_test(const runner_test *x)
{
	printf("  %s  %s  (%.1f ms)\n", x->ok ? "pass" : "FAIL", x->call ? x->call : "?", x->ms);
	if (x->note)
		printf("        %s\n", x->note);
	if (x->ok)
		return;
	printf("        expected %s\n", x->expect ? x->expect : "?");
	if (x->error && x->actual && strcmp(x->error, x->actual) != 0)
		printf("        got      %s (%s)\n", x->actual, x->error);
	else
		printf("        got      %s\n", x->error ? x->error : x->actual ? x->actual : "?");
	if (x->trace)
		printf("        at       %s\n", x->trace);
}

static void print_text(const bp_item *it, const char *path, const runner_result *r,
		       const test_tally *t)
{
	char sum[96];

	if (r->status == RUN_NO_PYTHON || r->status == RUN_NO_FILE || r->status == RUN_SETUP) {
		printf("%s\n", r->message); /* nothing of the solution ran */
		return;
	}
	printf("%s: %s\n", it->id, path);
	for (int pass = 0; pass < 2; pass++) {
		bool any = false;

		for (int i = 0; i < r->n_tests; i++) {
			if (r->tests[i].edge != (pass == 1))
				continue;
			if (!any && pass == 1)
				printf("edge cases\n");
			any = true;
			print_test(&r->tests[i]);
		}
	}
	if (r->output)
		printf("output%s:\n%s\n", r->output_cut ? " (cut at 64 KiB)" : "", r->output);
	if (r->message[0])
		printf("%s\n", r->message);
	printf("%s in %.2f s\n", tally_str(t, sum, sizeof(sum)), r->seconds);
}

static const bp_item *find_item(const app_opts *o, const char *id, catalog **c)
{
	char dirs[APP_MAX_CONTENT][PATHS_MAX];
	const char *paths[APP_MAX_CONTENT];
	size_t n = app_content_dirs(o, dirs, APP_MAX_CONTENT);
	bp_diags d = { 0 };

	for (size_t i = 0; i < n; i++)
		paths[i] = dirs[i];
	*c = NULL;
	if (catalog_load(paths, n, c, &d) < 0) {
		bp_diags_free(&d);
		return NULL;
	}
	bp_diags_free(&d);
	return catalog_find(*c, id);
}

int cmd_run(const app_opts *o, int argc, char **argv)
{
	const char *id = NULL, *file = NULL;
	char path[PATHS_MAX];
	bool json = false;
	const bp_item *it;
	runner_result r;
	test_tally t;
	catalog *c;
	bp_error e;
	int rc;

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = true;
		else if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error("unknown option '%s' for run", argv[i]);
		else if (!id)
			id = argv[i];
		else if (!file)
			file = argv[i];
		else
			return cli_usage_error("run takes an item id and at most one file");
	}
	if (!id)
		return cli_usage_error("run needs an item id, like coding.parse-query-string");
	it = find_item(o, id, &c);
	if (!it) {
		bp_error_set(&e, "no item '%s' in the content", id);
		catalog_free(c);
		return cli_fail(&e);
	}
	if (it->kind != KIND_CODING || it->n_tests == 0) {
		bp_error_set(&e, "%s has no tests to run", it->id);
		catalog_free(c);
		return cli_fail(&e);
	}
	if (!file && runner_solution_path(it, path, sizeof(path), &e) < 0) {
		catalog_free(c);
		return cli_fail(&e);
	}
	if (!file)
		file = path;
	if (runner_run(it, file, &r, &e) < 0) {
		catalog_free(c);
		return cli_fail(&e);
	}
	runner_tally(&r, &t);
	if (json) {
		print_json(it, &r, &t);
	} else {
		char vis[PATHS_MAX * 2];

		text_visible(file, strlen(file), vis, sizeof(vis));
		print_text(it, vis, &r, &t);
	}
	rc = r.status == RUN_DONE && t.passed == t.total ? 0 : EXIT_PROBLEMS;
	runner_result_free(&r);
	catalog_free(c);
	return rc;
}

/* validate --run: every reference solution against its tests; failures are problems at
 * the test's line. */
void cli_run_references(const catalog *c, bp_diags *d, int *ran)
{
	const char *tmp = getenv("TMPDIR");
	char path[PATHS_MAX];
	bp_error e;
	int fd;

	*ran = 0;
	snprintf(path, sizeof(path), "%s/backprep-reference-XXXXXX.py", tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemps(path, 3)) < 0) {
		bp_error_set(&e, "cannot make a temporary file for the reference solutions");
		bp_diags_add(d, &e);
		return;
	}
	close(fd);
	for (size_t i = 0; i < catalog_count(c); i++) {
		const bp_item *it = catalog_item(c, i);
		runner_result r;
		FILE *f;

		if (it->kind != KIND_CODING || it->n_tests == 0)
			continue;
		if (!it->solution || !(f = fopen(path, "w")) || fputs(it->solution, f) < 0 ||
		    fclose(f) != 0) {
			bp_error_at(&e, it->file, it->line, it->col,
				    "no reference solution to run (item '%s')", it->id);
			bp_diags_add(d, &e);
			continue;
		}
		if (runner_run(it, path, &r, &e) < 0)
			continue;
		++*ran;
		if (r.status != RUN_DONE) {
			bp_error_at(&e, it->file, it->line, it->col,
				    "the reference solution of '%s' did not run: %s", it->id, r.message);
			bp_diags_add(d, &e);
		}
		for (int k = 0; k < r.n_tests; k++) {
			const runner_test *x = &r.tests[k];
			const bp_test *bt = &it->tests[x->i];

			if (x->ok)
				continue;
			bp_error_at(&e, it->file, bt->line, bt->col,
				    "the reference solution of '%s' fails %s: expected %s, got %s",
				    it->id, x->call ? x->call : "a test", x->expect ? x->expect : "?",
				    x->error ? x->error : x->actual ? x->actual : "?");
			bp_diags_add(d, &e);
		}
		if (r.status == RUN_NO_PYTHON) {
			runner_result_free(&r);
			break;
		}
		runner_result_free(&r);
	}
	unlink(path);
}
