/*
 * Tests of src/engine/browse.c: the Browser's rows, search, filters and sort over the good
 * fixture pack (see test_session.c for its five items) and cards made here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "backprep/browse.h"
#include "backprep/catalog.h"
#include "backprep/fsrs.h"
#include "fixture.h"

enum { DAY = 86400 };

static const int64_t NOW = 1795939200; /* 2026-11-29T08:00:00Z */

static catalog *g_cat;
static fsrs_params g_params;
static store_card g_cards[4];
static browse *g_b;

static store_card review_card(const char *id, int rev, double stability, int64_t due, int lapses)
{
	store_card c;

	memset(&c, 0, sizeof(c));
	snprintf(c.item, sizeof(c.item), "%s", id);
	c.rev = rev;
	c.state = FSRS_REVIEW;
	c.stability = stability;
	c.difficulty = 5;
	c.last_review = NOW - 10 * DAY;
	c.introduced = NOW - 20 * DAY;
	c.due = due;
	c.scheduled_days = 10;
	c.reps = 3;
	c.lapses = lapses;
	return c;
}

static int setup(void **state)
{
	(void)state;
	if (!(g_cat = fixture_catalog("packs/good.yaml", 5)))
		return -1;
	fsrs_params_default(&g_params);
	/* pagination: a weak review, starred; status-codes: a strong one, buried;
	 * idempotent-writes: suspended; parse-query: a card of rev 1, its item is rev 2 */
	g_cards[0] = review_card("api.pagination", 1, 3.0, NOW + DAY, 2);
	g_cards[0].starred = true;
	g_cards[1] = review_card("api.status-codes", 1, 40.0, NOW + 30 * DAY, 0);
	g_cards[1].buried_until = NOW + DAY;
	g_cards[2] = review_card("api.idempotent-writes", 1, 10.0, NOW + 5 * DAY, 1);
	g_cards[2].suspended = true;
	g_cards[3] = review_card("api.parse-query", 1, 8.0, NOW + 2 * DAY, 0);
	g_b = browse_new(g_cat, g_cards, 4, &g_params, NOW, NOW);
	return g_b ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	browse_free(g_b);
	catalog_free(g_cat);
	return 0;
}

/* The ids of the rows that pass, joined with spaces. */
static const char *ids(const browse_filter *f, browse_sort s)
{
	static char buf[512];
	const browse_row *const *rows;
	size_t n = browse_query(g_b, f, s, &rows);

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(buf, " ");
		strcat(buf, rows[i]->item->id);
	}
	return buf;
}

static browse_filter any(void)
{
	return (browse_filter){ .area = -1, .state = -1 };
}

static void test_every_item_by_id(void **state)
{
	browse_filter f = any();

	(void)state;
	assert_int_equal(browse_total(g_b), 5);
	assert_string_equal(ids(&f, BROWSE_BY_ID), "api.idempotent-writes api.latency-spike "
						   "api.pagination api.parse-query api.status-codes");
}

static void test_search_is_case_insensitive_over_id_prompt_tags_and_key_points(void **state)
{
	browse_filter f = any();

	(void)state;
	f.text = "IDEMPOTEN"; /* the id, tags and prompt of one; the prompt of the choice */
	assert_string_equal(ids(&f, BROWSE_BY_ID), "api.idempotent-writes api.status-codes");
	f.text = "Tie Breaker"; /* a key point */
	assert_string_equal(ids(&f, BROWSE_BY_ID), "api.pagination");
	f.text = "retries"; /* a tag */
	assert_string_equal(ids(&f, BROWSE_BY_ID), "api.idempotent-writes");
	f.text = "nothing like this";
	assert_string_equal(ids(&f, BROWSE_BY_ID), "");
	f.text = "";
	assert_int_equal(strlen(ids(&f, BROWSE_BY_ID)) > 0, 1);
}

static void test_states_and_flags(void **state)
{
	browse_filter f = any();

	(void)state;
	f.state = BROWSE_SUSPENDED;
	assert_string_equal(ids(&f, BROWSE_BY_ID), "api.idempotent-writes");
	f.state = BROWSE_BURIED;
	assert_string_equal(ids(&f, BROWSE_BY_ID), "api.status-codes");
	f.state = BROWSE_REVIEW;
	assert_string_equal(ids(&f, BROWSE_BY_ID), "api.pagination");
	/* a card of an older revision is new again */
	f.state = BROWSE_NEW;
	assert_string_equal(ids(&f, BROWSE_BY_ID), "api.latency-spike api.parse-query");
	f = any();
	f.starred = true;
	assert_string_equal(ids(&f, BROWSE_BY_ID), "api.pagination");
}

static void test_week_and_level(void **state)
{
	browse_filter f = any();

	(void)state;
	f.week = 3;
	assert_string_equal(ids(&f, BROWSE_BY_ID), "api.pagination");
	f.week = 0;
	f.level = 1;
	assert_string_equal(ids(&f, BROWSE_BY_ID), "api.parse-query api.status-codes");
	f.area = AREA_CODING;
	assert_string_equal(ids(&f, BROWSE_BY_ID), "");
}

static void test_sorts(void **state)
{
	browse_filter f = any();

	(void)state;
	/* due: reviewed cards by due day, then the new ones by id */
	assert_string_equal(ids(&f, BROWSE_BY_DUE), "api.pagination api.idempotent-writes "
						    "api.status-codes api.latency-spike "
						    "api.parse-query");
	/* recall: the most at risk first (the weakest stability, all last seen 10 days ago) */
	assert_string_equal(ids(&f, BROWSE_BY_RECALL), "api.pagination api.idempotent-writes "
						       "api.status-codes api.latency-spike "
						       "api.parse-query");
	assert_string_equal(ids(&f, BROWSE_BY_LAPSES), "api.pagination api.idempotent-writes "
						       "api.latency-spike api.parse-query "
						       "api.status-codes");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_item_by_id),
		cmocka_unit_test(test_search_is_case_insensitive_over_id_prompt_tags_and_key_points),
		cmocka_unit_test(test_states_and_flags),
		cmocka_unit_test(test_week_and_level),
		cmocka_unit_test(test_sorts),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
