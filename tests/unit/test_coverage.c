/*
 * Tests of the plan against the packs (catalog_check_plan, part of `validate --strict`): a
 * week whose weight points at an empty pool is reported at the weight's file:line:col, an
 * item above its week's levels at the item, a mock segment nothing can fill at the segment;
 * a pool that is large enough is not reported, and neither is a plan checked on its own.
 * The fixture is $BACKPREP_FIXTURES/coverage (tests/fixtures/coverage by default).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "backprep/catalog.h"
#include "fixture.h"

static const char *fixture_path(const char *name)
{
	static char buf[4][512];
	static int next;
	const char *root = getenv("BACKPREP_FIXTURES");
	char *b = buf[next++ % 4];

	snprintf(b, sizeof(buf[0]), "%s/coverage/%s", root && *root ? root : "tests/fixtures",
		 name);
	return b;
}

/* The plan findings on the fixture files named, which must load cleanly. */
static void findings_of(const char *const *names, size_t n, bp_diags *out)
{
	const char *paths[4];
	bp_diags d = { 0 };
	catalog *c = NULL;

	for (size_t i = 0; i < n; i++)
		paths[i] = fixture_path(names[i]);
	assert_int_equal(catalog_load(paths, n, &c, &d), 0);
	assert_int_equal(d.n, 0);
	memset(out, 0, sizeof(*out));
	catalog_check_plan(c, out);
	catalog_free(c);
}

static void assert_finding(const bp_error *e, const char *file, int line, int col,
			   const char *words)
{
	if (!strstr(e->file, file) || e->line != line || e->col != col || !strstr(e->msg, words))
		fail_msg("got %s:%d:%d: %s\nwant %s:%d:%d: ...%s...", e->file, e->line, e->col,
			 e->msg, file, line, col, words);
}

static void test_empty_pool_is_reported_at_the_weight(void **state)
{
	const char *names[] = { "plan.yaml", "coding.yaml", "mocks.yaml" };
	bp_diags d;

	(void)state;
	findings_of(names, 3, &d);
	assert_int_equal(d.n, 3);
	/* week 1: api 0.5 of the weights and 1 new a day is 4 in 7 days; no api item at all */
	assert_finding(&d.v[0], "coverage/plan.yaml", 10, 12,
		       "week 1 gives api a weight of 0.5, a target of 4 new questions in 7 days, "
		       "but the packs have 0 api items of week 1 at level 1");
	/* c5 is level 2 in week 1, which allows level 1 only */
	assert_finding(&d.v[1], "coverage/coding.yaml", 42, 5,
		       "level 2 is not allowed in week 1, where the plan allows level 1 "
		       "(item 'coding.c5')");
	/* no scale item: the segment would borrow one from another area */
	assert_finding(&d.v[2], "coverage/mocks.yaml", 12, 9,
		       "segment 'Scale' needs 1 scale item of kind other than choice at any level "
		       "and the packs have 0");
	bp_diags_free(&d);
}

static void test_a_pool_large_enough_is_not_reported(void **state)
{
	const char *names[] = { "plan.yaml", "coding.yaml", "mocks.yaml" };
	bp_diags d;

	(void)state;
	/* coding has the same weight as api and four items of week 1 at level 1: no finding
	 * names it, and the coding segment (open, level 1) is filled */
	findings_of(names, 3, &d);
	for (size_t i = 0; i < d.n; i++) {
		assert_null(strstr(d.v[i].msg, "gives coding"));
		assert_null(strstr(d.v[i].msg, "segment 'Coding'"));
	}
	bp_diags_free(&d);
}

static void test_plan_and_mocks_alone_are_not_compared(void **state)
{
	const char *names[] = { "plan.yaml", "mocks.yaml" };
	bp_diags d;

	(void)state;
	/* no pack loaded: there is no pool to compare, as when a plan is validated by itself */
	findings_of(names, 2, &d);
	assert_int_equal(d.n, 0);
	bp_diags_free(&d);
}

static void test_plan_share_rounds_the_areas_share(void **state)
{
	double focus[AREA_COUNT] = { 0 };

	(void)state;
	focus[AREA_CODING] = 0.5;
	focus[AREA_API] = 0.1;
	focus[AREA_SCALE] = 0.05;
	focus[AREA_DEBUGGING] = 0.15;
	focus[AREA_DATA_MODELING] = 0.1;
	focus[AREA_BEHAVIORAL] = 0.1;
	/* the shipped week 1: 6 a day over 7 days */
	assert_int_equal(plan_share(focus, AREA_CODING, 6, 7), 21);
	assert_int_equal(plan_share(focus, AREA_API, 6, 7), 4);
	assert_int_equal(plan_share(focus, AREA_SCALE, 6, 7), 2);
	assert_int_equal(plan_share(focus, AREA_RECRUITER, 6, 7), 0);
	memset(focus, 0, sizeof(focus));
	assert_int_equal(plan_share(focus, AREA_CODING, 6, 7), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_pool_is_reported_at_the_weight),
		cmocka_unit_test(test_a_pool_large_enough_is_not_reported),
		cmocka_unit_test(test_plan_and_mocks_alone_are_not_compared),
		cmocka_unit_test(test_plan_share_rounds_the_areas_share),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
