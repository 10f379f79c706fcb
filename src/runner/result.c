/* result: the harness's JSON lines (see harness.py) read into a runner_result. */
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "backprep/runner.h"
#include "backprep/text.h"

/* A JSON string as one visible line (text_visible), malloc'd; NULL for null or not text. */
static char *visible(json_t *v)
{
	const char *s = json_string_value(v);
	size_t len = s ? json_string_length(v) : 0, cap = len * 6 + 1;
	char *out;

	if (!s || !(out = malloc(cap)))
		return NULL;
	text_visible(s, len, out, cap);
	return out;
}

void runner_result_init(runner_result *r, const bp_item *it)
{
	memset(r, 0, sizeof(*r));
	r->running = -1;
	r->total = it ? it->n_tests : 0;
	for (int i = 0; it && i < it->n_tests; i++)
		r->edge_total += it->tests[i].edge;
}

static void test_free(runner_test *t)
{
	free(t->call);
	free(t->expect);
	free(t->actual);
	free(t->error);
	free(t->trace);
	free(t->note);
}

void runner_result_free(runner_result *r)
{
	for (int i = 0; i < r->n_tests; i++)
		test_free(&r->tests[i]);
	free(r->tests);
	free(r->output);
	r->tests = NULL;
	r->output = NULL;
	r->n_tests = r->cap_tests = 0;
}

static int add_test(runner_result *r, const bp_item *it, json_t *o)
{
	json_int_t i = json_integer_value(json_object_get(o, "i"));
	json_t *ok = json_object_get(o, "ok");
	runner_test *t;

	/* in order, each once: anything else was not written by the harness */
	if (!json_is_integer(json_object_get(o, "i")) || i != r->n_tests || i >= r->total ||
	    !json_is_boolean(ok))
		return -1;
	if (r->n_tests == r->cap_tests) {
		int cap = r->cap_tests ? r->cap_tests * 2 : 16;
		runner_test *v = realloc(r->tests, (size_t)cap * sizeof(*v));

		if (!v)
			return -1;
		r->tests = v;
		r->cap_tests = cap;
	}
	t = &r->tests[r->n_tests++];
	memset(t, 0, sizeof(*t));
	t->i = (int)i;
	t->ok = json_is_true(ok);
	t->edge = it && it->tests[i].edge;
	t->call = visible(json_object_get(o, "call"));
	t->expect = visible(json_object_get(o, "expect"));
	t->actual = visible(json_object_get(o, "actual"));
	t->error = visible(json_object_get(o, "error"));
	t->trace = visible(json_object_get(o, "trace"));
	if (it && it->tests[i].note)
		t->note = strdup(it->tests[i].note);
	t->ms = json_number_value(json_object_get(o, "ms"));
	r->running = r->n_tests < r->total ? r->n_tests : -1;
	return 0;
}

int runner_parse_line(runner_result *r, const bp_item *it, const char *line, size_t len)
{
	json_t *o = json_loadb(line, len, 0, NULL);
	const char *ev = json_string_value(json_object_get(o, "event"));
	int rc = 0;

	if (!o || !ev) {
		rc = -1;
	} else if (strcmp(ev, "loaded") == 0) {
		r->running = r->total > 0 ? 0 : -1;
	} else if (strcmp(ev, "load_error") == 0) {
		char *err = visible(json_object_get(o, "error")), *trace =
			visible(json_object_get(o, "trace"));

		r->status = RUN_LOAD;
		/* the trace line ends with the error, and says where */
		snprintf(r->message, sizeof(r->message), "The solution did not load: %s",
			 trace ? trace : err ? err : "an error");
		free(err);
		free(trace);
	} else if (strcmp(ev, "test") == 0) {
		rc = add_test(r, it, o);
	} else if (strcmp(ev, "done") == 0) {
		r->done = r->n_tests == r->total;
		rc = r->done ? 0 : -1;
	} else {
		rc = -1;
	}
	json_decref(o);
	return rc;
}

static const char *test_name(const runner_result *r, char *buf, size_t n)
{
	snprintf(buf, n, "test %d of %d", r->running + 1, r->total);
	return buf;
}

void runner_finish(runner_result *r, int how)
{
	char which[48];

	if (r->status == RUN_LOAD)
		return;
	if (r->done) { /* everything was reported, whatever came after */
		r->status = RUN_DONE;
		r->message[0] = '\0';
		return;
	}
	if (r->running < 0 && r->n_tests < r->total)
		r->running = r->n_tests;
	test_name(r, which, sizeof(which));
	if (how == -1) {
		r->status = RUN_TIMEOUT;
		snprintf(r->message, sizeof(r->message),
			 "Stopped after %d s while running %s (an endless loop, or processes "
			 "it started that never end); all its processes were killed.",
			 RUNNER_WALL_S, which);
	} else if (WIFSIGNALED(how) && WTERMSIG(how) == SIGXCPU) {
		r->status = RUN_CPU;
		snprintf(r->message, sizeof(r->message),
			 "Stopped at the CPU limit of %d s while running %s.", RUNNER_CPU_S, which);
	} else if (WIFSIGNALED(how)) {
		r->status = RUN_ENDED;
		snprintf(r->message, sizeof(r->message),
			 "The run was killed by signal %d (%s) while running %s; memory is limited "
			 "to %d MiB.",
			 WTERMSIG(how), strsignal(WTERMSIG(how)), which, RUNNER_MEM_MIB);
	} else {
		r->status = RUN_ENDED;
		snprintf(r->message, sizeof(r->message),
			 "The solution ended the run (exit status %d, os._exit or sys.exit?) "
			 "before reporting %s.",
			 WIFEXITED(how) ? WEXITSTATUS(how) : -1, which);
	}
}

void runner_tally(const runner_result *r, test_tally *t)
{
	memset(t, 0, sizeof(*t));
	t->ran = true;
	t->crashed = r->status != RUN_DONE;
	t->total = r->total;
	t->edge_total = r->edge_total;
	for (int i = 0; i < r->n_tests; i++) {
		t->passed += r->tests[i].ok;
		t->edge_passed += r->tests[i].ok && r->tests[i].edge;
	}
}
