/* The code runner: the test fields of a coding item (loader), the harness's result lines
 * (parser), the grade rule with tests, the stub, and real runs of tests/fixtures/runner. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include <cmocka.h>

#include "backprep/catalog.h"
#include "backprep/runner.h"
#include "backprep/tally.h"
#include "fixture.h"

/* A pack of one coding item whose signature and tests are `fields` (YAML, indented 4). */
static const char pack_head[] = "pack: t\n"
				"title: T\n"
				"area: coding\n"
				"version: 1\n"
				"items:\n"
				"  - id: coding.t\n"
				"    rev: 1\n"
				"    kind: coding\n"
				"    level: 1\n"
				"    week: 1\n"
				"    minutes: 5\n"
				"    prompt: p\n"
				"    key_points: [a]\n"
				"    answer: a\n";
enum { HEAD_LINES = 14 }; /* the first line of `fields` is line 15 */

typedef struct loaded {
	catalog *c;
	bp_diags d;
	char path[128];
} loaded;

static void load_fields(loaded *l, const char *fields, bool strict)
{
	const char *paths[1] = { l->path };
	FILE *f;

	snprintf(l->path, sizeof(l->path), "%s/coding.yaml", fixture_dir);
	f = fopen(l->path, "w");
	assert_non_null(f);
	fputs(pack_head, f);
	fputs(fields, f);
	fclose(f);
	memset(&l->d, 0, sizeof(l->d));
	assert_int_equal(catalog_load(paths, 1, &l->c, &l->d), 0);
	if (strict)
		catalog_check_quality(l->c, &l->d);
}

static void unload(loaded *l)
{
	bp_diags_free(&l->d);
	catalog_free(l->c);
}

/* Exactly one problem, at line:col of the file, whose message holds `words`. */
static void assert_problem(const char *fields, int line, int col, const char *words)
{
	loaded l;

	load_fields(&l, fields, false);
	if (l.d.n != 1 || l.d.v[0].line != HEAD_LINES + line || l.d.v[0].col != col ||
	    !strstr(l.d.v[0].msg, words)) {
		for (size_t i = 0; i < l.d.n; i++)
			print_message("%d:%d: %s\n", l.d.v[i].line, l.d.v[i].col, l.d.v[i].msg);
		fail_msg("wanted one problem at %d:%d with '%s'", HEAD_LINES + line, col, words);
	}
	assert_null(catalog_find(l.c, "coding.t")); /* a pack with a problem is skipped */
	unload(&l);
}

static const bp_item *good(loaded *l, const char *fields)
{
	const bp_item *it;

	load_fields(l, fields, false);
	for (size_t i = 0; i < l->d.n; i++)
		print_message("%d:%d: %s\n", l->d.v[i].line, l->d.v[i].col, l->d.v[i].msg);
	assert_int_equal(l->d.n, 0);
	it = catalog_find(l->c, "coding.t");
	assert_non_null(it);
	return it;
}

static void test_function_tests_become_harness_json(void **state)
{
	loaded l;
	const bp_item *it;

	(void)state;
	it = good(&l, "    signature: parse(qs, sep='&') -> dict\n"
		      "    tests:\n"
		      "      - {args: [\"a=1\", 2, 1.5, 1., -0.5e+3, null, true, no, \"true\"],"
		      " expect: {a: [\"1\"], \"2\": ~}}\n"
		      "      - {args: [\"x\\u001b\"], raises: ValueError, edge: true, note: bad}\n"
		      "      - {args: [[1, 2]], expect: [2, 1], compare: unordered}\n"
		      "      - {args: [10.1.2.0/24, 1.2.3, .5, -.5, 1x, 0xg], expect: 1}\n");
	assert_string_equal(it->entry, "parse");
	assert_false(it->entry_class);
	assert_string_equal(it->params, "qs, sep='&'");
	assert_int_equal(it->n_tests, 4);
	assert_string_equal(it->tests[3].json, "{\"args\": [\"10.1.2.0/24\", \"1.2.3\", 0.5, -0.5, "
					       "\"1x\", \"0xg\"], \"expect\": 1}");
	assert_string_equal(it->tests[0].json,
			    "{\"args\": [\"a=1\", 2, 1.5, 1.0, -0.5e+3, null, true, false, "
			    "\"true\"], \"expect\": {\"a\": [\"1\"], \"2\": null}}");
	assert_false(it->tests[0].edge);
	assert_string_equal(it->tests[1].json,
			    "{\"args\": [\"x\\u001b\"], \"raises\": \"ValueError\"}");
	assert_true(it->tests[1].edge);
	assert_string_equal(it->tests[1].note, "bad");
	assert_int_equal(it->tests[1].line, HEAD_LINES + 4);
	assert_string_equal(it->tests[2].json,
			    "{\"args\": [[1, 2]], \"expect\": [2, 1], \"compare\": \"unordered\"}");
	unload(&l);
}

static void test_class_tests_take_ops(void **state)
{
	loaded l;
	const bp_item *it;

	(void)state;
	it = good(&l, "    signature: \"class LRU(capacity): get(key); put(key, value)\"\n"
		      "    tests:\n"
		      "      - {ops: [[LRU, 1], [put, a, 1], [get, b]],"
		      " expect: [null, null, {raises: KeyError}]}\n");
	assert_string_equal(it->entry, "LRU");
	assert_true(it->entry_class);
	assert_int_equal(it->methods.n, 2);
	assert_string_equal(it->methods.v[1], "put(key, value)");
	assert_string_equal(it->tests[0].json,
			    "{\"ops\": [[\"LRU\", 1], [\"put\", \"a\", 1], [\"get\", \"b\"]], "
			    "\"expect\": [null, null, {\"raises\": \"KeyError\"}]}");
	unload(&l);
}

static void test_bad_test_fields_name_their_place(void **state)
{
	static const char fn[] = "    signature: f(x)\n    tests:\n";
	char buf[600];

	(void)state;
	assert_problem("    signature: f(x\n", 1, 16, "'signature' in item 'coding.t' must be");
	assert_problem("    signature: \"class C: get(k)\"\n", 1, 16, "must be 'name(params)'");
	assert_problem("    tests: [{args: [1], expect: 1}]\n", 1, 12, "need a 'signature'");
#define BAD(test, line, col, words)                                    \
	snprintf(buf, sizeof(buf), "%s      - %s\n", fn, test);        \
	assert_problem(buf, line, col, words)
	BAD("{expect: 1}", 3, 9, "needs either 'args' (a call) or 'ops' (a class), not neither");
	BAD("{args: [1], expect: 1, raises: KeyError}", 3, 9,
	    "needs either 'expect' or 'raises', not both");
	BAD("{args: [1]}", 3, 9, "needs either 'expect' or 'raises', not neither");
	BAD("{args: 1, expect: 1}", 3, 16, "'args' in item 'coding.t' must be a list");
	BAD("{args: [1], expect: 1, compare: sorted}", 3, 41, "unknown 'compare'");
	BAD("{args: [1], expect: 1, edge: maybe}", 3, 38, "'edge' in item 'coding.t' must be true");
	BAD("{args: [1], expect: 1, input: 2}", 3, 32, "unknown key 'input' in a test");
	BAD("{args: [1], raises: 'not a name'}", 3, 29, "must name an exception");
	BAD("{args: [1e3], expect: 1}", 3, 17, "quote it for text");
	BAD("{args: [012], expect: 1}", 3, 17, "reads as a number");
	BAD("{args: [1:30], expect: 1}", 3, 17, "reads as a number");
	BAD("{args: [0x1F], expect: 1}", 3, 17, "reads as a number");
	BAD("{args: [1_000], expect: 1}", 3, 17, "reads as a number");
	BAD("{ops: [[f]], expect: [null]}", 3, 15, "'ops' in item 'coding.t' needs a class");
#undef BAD
	snprintf(buf, sizeof(buf), "    signature: \"class C(): get(k)\"\n    tests:\n      - %s\n",
		 "{ops: [C, get], expect: [null, 1]}");
	assert_problem(buf, 3, 16, "each entry of 'ops'");
	snprintf(buf, sizeof(buf), "    signature: \"class C(): get(k)\"\n    tests:\n      - %s\n",
		 "{ops: [[D], [get, 1]], expect: [null, 1]}");
	assert_problem(buf, 3, 17, "the first op in item 'coding.t' must build the class: [C");
	snprintf(buf, sizeof(buf), "    signature: \"class C(): get(k)\"\n    tests:\n      - %s\n",
		 "{ops: [[C], [put, 1]], expect: [null, 1]}");
	assert_problem(buf, 3, 22, "'put' in item 'coding.t' is not a method");
	snprintf(buf, sizeof(buf), "    signature: \"class C(): get(k)\"\n    tests:\n      - %s\n",
		 "{ops: [[C], [get, 1]], expect: [null]}");
	assert_problem(buf, 3, 40, "one result per op (2)");
}

static void test_strict_wants_six_tests_two_edge(void **state)
{
	loaded l;
	char buf[200];

	(void)state;
	load_fields(&l, "    signature: f(x)\n"
			"    tests:\n"
			"      - {args: [1], expect: 1, edge: true}\n"
			"      - {args: [2], expect: 2}\n",
		    true);
	snprintf(buf, sizeof(buf), "'tests' has 2 tests, 1 of them edge cases; at least 6 with 2");
	for (size_t i = 0; i < l.d.n; i++)
		if (strstr(l.d.v[i].msg, buf))
			goto found;
	fail_msg("no strict problem about the tests");
found:
	unload(&l);
	load_fields(&l, "    examples: []\n", true);
	for (size_t i = 0; i < l.d.n; i++)
		if (strstr(l.d.v[i].msg, "needs a 'signature'"))
			goto found2;
	fail_msg("no strict problem about the signature");
found2:
	unload(&l);
}

/* The parser, with the fixture's clamp item (6 tests, the 4th and 5th edge cases). */
static const bp_item *clamp_item(catalog **c)
{
	*c = fixture_catalog("runner", 2);
	assert_non_null(*c);
	return catalog_find(*c, "coding.clamp-page-size");
}

static void feed(runner_result *r, const bp_item *it, const char *line)
{
	assert_int_equal(runner_parse_line(r, it, line, strlen(line)), 0);
}

static void test_parser_reads_a_whole_run(void **state)
{
	catalog *c;
	const bp_item *it = clamp_item(&c);
	runner_result r;
	test_tally t;
	char line[300], sum[80];

	(void)state;
	runner_result_init(&r, it);
	feed(&r, it, "{\"event\": \"loaded\"}");
	for (int i = 0; i < 6; i++) {
		snprintf(line, sizeof(line),
			 "{\"event\": \"test\", \"i\": %d, \"ok\": %s, \"call\": \"clamp(1, 2, 3)\", "
			 "\"expect\": \"2\", \"actual\": \"'\\u001b[2J'\", \"error\": null, "
			 "\"trace\": null, \"ms\": 0.25}",
			 i, i == 3 ? "false" : "true");
		feed(&r, it, line);
	}
	feed(&r, it, "{\"event\": \"done\", \"passed\": 5, \"total\": 6}");
	runner_finish(&r, 0);
	assert_int_equal(r.status, RUN_DONE);
	assert_string_equal(r.message, "");
	assert_int_equal(r.n_tests, 6);
	assert_true(r.tests[3].edge);
	assert_false(r.tests[3].ok);
	assert_string_equal(r.tests[3].note, "equal bounds hold one value");
	/* what the solution returned is shown, never sent to the terminal */
	assert_string_equal(r.tests[0].actual, "'\\x1b[2J'");
	runner_tally(&r, &t);
	assert_false(t.crashed);
	assert_string_equal(tally_str(&t, sum, sizeof(sum)), "5/6 passed (edge cases 1/2)");
	runner_result_free(&r);
	catalog_free(c);
}

static void test_parser_refuses_what_the_harness_never_writes(void **state)
{
	catalog *c;
	const bp_item *it = clamp_item(&c);
	runner_result r;
	static const char *const junk[] = {
		"not json",
		"{\"event\": \"test\", \"i\": 1, \"ok\": true}", /* out of order */
		"{\"event\": \"test\", \"i\": 0, \"ok\": 1}",
		"{\"event\": \"done\", \"passed\": 6, \"total\": 6}", /* before the tests */
		"{\"event\": \"party\"}",
		"[1, 2]",
	};

	(void)state;
	runner_result_init(&r, it);
	for (size_t i = 0; i < sizeof(junk) / sizeof(junk[0]); i++)
		assert_int_equal(runner_parse_line(&r, it, junk[i], strlen(junk[i])), -1);
	assert_int_equal(r.n_tests, 0);
	assert_false(r.done);
	runner_result_free(&r);
	catalog_free(c);
}

static void test_parser_says_how_a_run_ended(void **state)
{
	catalog *c;
	const bp_item *it = clamp_item(&c);
	runner_result r;
	test_tally t;

	(void)state;
	runner_result_init(&r, it);
	feed(&r, it, "{\"event\": \"loaded\"}");
	feed(&r, it, "{\"event\": \"test\", \"i\": 0, \"ok\": true, \"ms\": 1}");
	runner_finish(&r, -1);
	assert_int_equal(r.status, RUN_TIMEOUT);
	assert_non_null(strstr(r.message, "after 10 s"));
	assert_non_null(strstr(r.message, "running test 2 of 6"));
	runner_tally(&r, &t);
	assert_true(t.crashed);
	assert_int_equal(t.passed, 1);
	runner_result_free(&r);

	runner_result_init(&r, it);
	feed(&r, it, "{\"event\": \"loaded\"}");
	runner_finish(&r, 0); /* exit status 0 without "done": os._exit(0) */
	assert_int_equal(r.status, RUN_ENDED);
	assert_non_null(strstr(r.message, "os._exit"));
	assert_non_null(strstr(r.message, "test 1 of 6"));
	runner_result_free(&r);

	runner_result_init(&r, it);
	runner_finish(&r, SIGXCPU); /* a wait status: killed by SIGXCPU */
	assert_int_equal(r.status, RUN_CPU);
	assert_non_null(strstr(r.message, "CPU limit of 5 s"));
	runner_result_free(&r);

	runner_result_init(&r, it);
	feed(&r, it, "{\"event\": \"load_error\", \"error\": \"SyntaxError: bad\", "
		     "\"trace\": \"File \\\"solution.py\\\", line 2 SyntaxError: bad\"}");
	runner_finish(&r, 1 << 8);
	assert_int_equal(r.status, RUN_LOAD);
	assert_string_equal(r.message, "The solution did not load: File \"solution.py\", line 2 "
				       "SyntaxError: bad");
	runner_result_free(&r);
	catalog_free(c);
}

static void test_grade_rule_with_tests(void **state)
{
	test_tally none = { 0 }, all = { true, false, 6, 6, 2, 2 },
		   edge_failed = { true, false, 5, 6, 1, 2 }, other_failed = { true, false, 5, 6, 2, 2 },
		   most_failed = { true, false, 2, 6, 2, 2 }, half = { true, false, 3, 6, 2, 2 },
		   crashed = { true, true, 6, 6, 2, 2 };

	(void)state;
	assert_int_equal(tally_grade(FSRS_GOOD, &none), FSRS_GOOD);
	assert_int_equal(tally_grade(FSRS_GOOD, NULL), FSRS_GOOD);
	assert_int_equal(tally_grade(FSRS_GOOD, &all), FSRS_GOOD);
	assert_int_equal(tally_grade(FSRS_HARD, &all), FSRS_HARD); /* key points still count */
	assert_int_equal(tally_grade(FSRS_GOOD, &edge_failed), FSRS_HARD);
	assert_int_equal(tally_grade(FSRS_AGAIN, &edge_failed), FSRS_AGAIN);
	assert_int_equal(tally_grade(FSRS_GOOD, &other_failed), FSRS_HARD);
	assert_int_equal(tally_grade(FSRS_GOOD, &half), FSRS_HARD);
	assert_int_equal(tally_grade(FSRS_GOOD, &most_failed), FSRS_AGAIN);
	assert_int_equal(tally_grade(FSRS_GOOD, &crashed), FSRS_AGAIN);
}

static void test_stub_from_the_signature(void **state)
{
	catalog *c = fixture_catalog("runner", 2);
	char *s;

	(void)state;
	assert_non_null(c);
	s = runner_stub(catalog_find(c, "coding.clamp-page-size"));
	assert_non_null(strstr(s, "# Write clamp(n, low, high) for an API's page size"));
	assert_non_null(strstr(s, "\ndef clamp(n, low, high):\n    raise NotImplementedError\n"));
	free(s);
	s = runner_stub(catalog_find(c, "coding.count-words"));
	assert_non_null(strstr(s, "\nclass Counter:\n    def __init__(self):\n"));
	assert_non_null(strstr(s, "\n    def top(self, k):\n        raise NotImplementedError\n"));
	free(s);
	catalog_free(c);
}

/* Real runs through python3, the same way the trainer makes them. */
static void run_text(const bp_item *it, const char *code, runner_result *r)
{
	char path[128];
	FILE *f;
	bp_error e;

	snprintf(path, sizeof(path), "%s/solution.py", fixture_dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(code, f);
	fclose(f);
	assert_int_equal(runner_run(it, path, r, &e), 0);
}

static void test_real_runs(void **state)
{
	catalog *c = fixture_catalog("runner", 2);
	const bp_item *clamp = catalog_find(c, "coding.clamp-page-size"),
		      *counter = catalog_find(c, "coding.count-words");
	char python[512];
	runner_result r;
	test_tally t;

	(void)state;
	if (runner_python(python, sizeof(python)) < 0) {
		catalog_free(c);
		skip();
	}
	run_text(clamp, clamp->solution, &r);
	runner_tally(&r, &t);
	assert_int_equal(r.status, RUN_DONE);
	assert_int_equal(t.passed, 6);
	runner_result_free(&r);
	run_text(counter, counter->solution, &r);
	runner_tally(&r, &t);
	assert_int_equal(r.status, RUN_DONE);
	assert_int_equal(t.passed, 6);
	assert_int_equal(t.edge_total, 2);
	runner_result_free(&r);
	/* no bounds check: the edge case with bounds the wrong way round fails */
	run_text(clamp, "import os\nprint('\\x1b[2J', os.environ.get('HOME') == os.getcwd())\n"
			"def clamp(n, low, high):\n    return max(low, min(n, high))\n", &r);
	runner_tally(&r, &t);
	assert_int_equal(t.passed, 5);
	assert_int_equal(t.edge_passed, 1);
	assert_false(r.tests[4].ok);
	assert_string_equal(r.tests[4].error, "returned instead of raising ValueError");
	assert_string_equal(r.output, "[2J True\n"); /* cleaned; HOME is the private directory */
	runner_result_free(&r);
	/* the limits and the environment the solution gets */
	run_text(clamp,
		 "import os, resource as r, sys\n"
		 "L = [r.getrlimit(k) for k in (r.RLIMIT_CPU, r.RLIMIT_AS, r.RLIMIT_FSIZE, "
		 "r.RLIMIT_CORE)]\n"
		 "print(L, r.getrlimit(r.RLIMIT_NPROC)[0] != r.RLIM_INFINITY)\n"
		 "print(sorted(os.environ), os.environ['HOME'] == os.getcwd(), sys.stdin.read())\n"
		 "try:\n    open('/dev/tty')\nexcept OSError:\n    print('no tty')\n"
		 "def clamp(n, low, high):\n    return 0\n",
		 &r);
	assert_string_equal(r.output, "[(5, 6), (536870912, 536870912), (1048576, 1048576), (0, 0)] "
				      "True\n['HOME', 'LANG', 'PATH'] True \nno tty\n");
	runner_result_free(&r);
	run_text(clamp, "import os\nos._exit(3)\n", &r);
	assert_int_equal(r.status, RUN_ENDED);
	assert_non_null(strstr(r.message, "exit status 3"));
	runner_result_free(&r);
	catalog_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_function_tests_become_harness_json,
						fixture_dir_setup, fixture_dir_teardown),
		cmocka_unit_test_setup_teardown(test_class_tests_take_ops, fixture_dir_setup,
						fixture_dir_teardown),
		cmocka_unit_test_setup_teardown(test_bad_test_fields_name_their_place,
						fixture_dir_setup, fixture_dir_teardown),
		cmocka_unit_test_setup_teardown(test_strict_wants_six_tests_two_edge,
						fixture_dir_setup, fixture_dir_teardown),
		cmocka_unit_test(test_parser_reads_a_whole_run),
		cmocka_unit_test(test_parser_refuses_what_the_harness_never_writes),
		cmocka_unit_test(test_parser_says_how_a_run_ended),
		cmocka_unit_test(test_grade_rule_with_tests),
		cmocka_unit_test(test_stub_from_the_signature),
		cmocka_unit_test_setup_teardown(test_real_runs, fixture_dir_setup,
						fixture_dir_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
