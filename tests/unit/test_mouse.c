/* What a click means (util/hitmap.c): spans, the footer's hints, and config.yaml's mouse. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "backprep/config.h"
#include "backprep/hitmap.h"
#include "backprep/keymap.h"
#include "fixture.h"

static hitmap m;

/* The key a click at column x of row y presses, 0 for none. */
static int key_at(int y, int x)
{
	const hit_span *s = hitmap_at(&m, y, x);

	return s ? s->key : 0;
}

/* The column of the first `what` in line (drawn from column x0), plus `plus`. */
static int col_of(const char *line, int x0, const char *what, int plus)
{
	const char *p = strstr(line, what);

	assert_non_null(p);
	return x0 + (int)(p - line) + plus;
}

static void test_spans(void **state)
{
	(void)state;
	hitmap_clear(&m);
	hitmap_add(&m, 5, 10, 20, '3', -1);
	assert_int_equal(key_at(5, 10), '3');
	assert_int_equal(key_at(5, 19), '3');
	assert_int_equal(key_at(5, 20), 0); /* the end is not in it */
	assert_int_equal(key_at(5, 9), 0);
	assert_int_equal(key_at(4, 15), 0); /* another row */
	/* drawn over: the later span wins where they overlap */
	hitmap_add(&m, 5, 15, 30, '4', -1);
	assert_int_equal(key_at(5, 14), '3');
	assert_int_equal(key_at(5, 15), '4');
	/* a list row: selected, and opened with Enter */
	hitmap_add(&m, 7, 0, 100, KEY_CODE_ENTER, 12);
	assert_int_equal(hitmap_at(&m, 7, 50)->row, 12);
	assert_int_equal(hitmap_at(&m, 5, 12)->row, -1);
	/* nothing to press or select, or no cells: not kept */
	hitmap_add(&m, 8, 0, 10, 0, -1);
	hitmap_add(&m, 9, 5, 5, 'x', -1);
	assert_null(hitmap_at(&m, 8, 3));
	assert_null(hitmap_at(&m, 9, 5));
	/* full: the rest is dropped, what is kept still answers */
	for (int i = 0; i < 2 * HITMAP_MAX; i++)
		hitmap_add(&m, 20, i, i + 1, 'a', -1);
	assert_int_equal(m.n, HITMAP_MAX);
	assert_int_equal(key_at(5, 12), '3');
	hitmap_clear(&m);
	assert_null(hitmap_at(&m, 5, 12));
}

/* The drill's footer: each hint presses its key, wherever on the hint the click lands; the
 * gaps between hints press nothing. */
static void test_hints(void **state)
{
	const char *line = "Space reveal   h hint (2 left)   * star   ? help   q leave";

	(void)state;
	hitmap_clear(&m);
	hitmap_add_hints(&m, 29, 1, line);
	assert_int_equal(key_at(29, col_of(line, 1, "Space", 0)), ' ');
	assert_int_equal(key_at(29, col_of(line, 1, "reveal", 5)), ' ');
	assert_int_equal(key_at(29, col_of(line, 1, "reveal", 6)), 0); /* the gap after it */
	assert_int_equal(key_at(29, col_of(line, 1, "(2 left)", 3)), 'h');
	assert_int_equal(key_at(29, col_of(line, 1, "* star", 0)), '*');
	assert_int_equal(key_at(29, col_of(line, 1, "? help", 2)), '?');
	assert_int_equal(key_at(29, col_of(line, 1, "q leave", 6)), 'q');
	assert_int_equal(key_at(29, col_of(line, 1, "q leave", 7)), 0); /* past the end */
	assert_int_equal(key_at(29, 0), 0);                             /* the left margin */
	assert_int_equal(key_at(28, col_of(line, 1, "q leave", 0)), 0); /* the row above */
}

/* Two keys in one hint press each its own; a label's word that reads like a key name
 * ("end") is not one; a range (1-9) and a hint with no key press nothing. */
static void test_hint_keys(void **state)
{
	const char *a = "Up/Down scroll  / search  a t w l f filter  Enter end segment";
	const char *b = "1-9 tick covered   Enter grade   y discard it   any other key keeps it";
	const char *c = "Ctrl-Q quit   PgDn page   Esc/Backspace back";

	(void)state;
	hitmap_clear(&m);
	hitmap_add_hints(&m, 0, 1, a);
	assert_int_equal(key_at(0, col_of(a, 1, "Up", 1)), KEY_CODE_UP);
	assert_int_equal(key_at(0, col_of(a, 1, "Down", 0)), KEY_CODE_DOWN);
	assert_int_equal(key_at(0, col_of(a, 1, "Down", 3)), KEY_CODE_DOWN);
	assert_int_equal(key_at(0, col_of(a, 1, "scroll", 2)), KEY_CODE_UP); /* the first */
	assert_int_equal(key_at(0, col_of(a, 1, "/ search", 0)), '/');
	assert_int_equal(key_at(0, col_of(a, 1, "search", 0)), '/');
	assert_int_equal(key_at(0, col_of(a, 1, "t w", 0)), 't');
	assert_int_equal(key_at(0, col_of(a, 1, "f filter", 0)), 'f');
	assert_int_equal(key_at(0, col_of(a, 1, "filter", 0)), 'a');
	assert_int_equal(key_at(0, col_of(a, 1, "end seg", 0)), KEY_CODE_ENTER);

	hitmap_clear(&m);
	hitmap_add_hints(&m, 0, 1, b);
	assert_int_equal(key_at(0, col_of(b, 1, "1-9", 0)), 0);
	assert_int_equal(key_at(0, col_of(b, 1, "covered", 0)), 0);
	assert_int_equal(key_at(0, col_of(b, 1, "Enter", 2)), KEY_CODE_ENTER);
	assert_int_equal(key_at(0, col_of(b, 1, "y disc", 0)), 'y');
	assert_int_equal(key_at(0, col_of(b, 1, "any", 0)), 0);
	assert_int_equal(key_at(0, col_of(b, 1, "keeps", 0)), 0);

	hitmap_clear(&m);
	hitmap_add_hints(&m, 3, 0, c);
	assert_int_equal(key_at(3, col_of(c, 0, "Ctrl-Q", 3)), 'Q' & 0x1f);
	assert_int_equal(key_at(3, col_of(c, 0, "page", 0)), KEY_CODE_PGDN);
	assert_int_equal(key_at(3, col_of(c, 0, "Esc", 0)), KEY_CODE_ESC);
	assert_int_equal(key_at(3, col_of(c, 0, "Backspace", 0)), KEY_CODE_BACKSPACE);
	assert_int_equal(key_at(3, col_of(c, 0, "back", 3)), KEY_CODE_ESC);
}

/* Columns are cells, not bytes: after a label with "é" and "·", the next hint is where the
 * terminal shows it. */
static void test_hints_utf8(void **state)
{
	const char *line = "x café · menu   q quit";
	int q = 1 + (int)strlen("x café · menu   "); /* bytes: é and · are 2 each */

	(void)state;
	hitmap_clear(&m);
	hitmap_add_hints(&m, 0, 1, line);
	assert_int_equal(key_at(0, q - 2), 'q'); /* 2 bytes more than cells */
	assert_int_equal(key_at(0, q + 3), 'q');
	assert_int_equal(key_at(0, q - 3), 0);
	assert_int_equal(key_at(0, q + 4), 0);
}

static int load(const char *text, bp_config *c, bp_error *e)
{
	char path[128];
	FILE *f;
	int rc;

	snprintf(path, sizeof(path), "%s/config.yaml", fixture_dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	memset(e, 0, sizeof(*e));
	rc = config_load(path, c, e);
	unlink(path);
	return rc;
}

/* mouse: on unless config.yaml says false; anything but a boolean is an error at its place. */
static void test_config(void **state)
{
	bp_config c;
	bp_error e;

	(void)state;
	assert_int_equal(load("daily_minutes: 30\n", &c, &e), 0);
	assert_false(c.has_mouse);
	assert_int_equal(load("mouse: false\n", &c, &e), 0);
	assert_true(c.has_mouse);
	assert_false(c.mouse);
	assert_int_equal(load("mouse: on\n", &c, &e), 0);
	assert_true(c.has_mouse && c.mouse);
	assert_int_equal(load("daily_minutes: 30\nmouse: sometimes\n", &c, &e), -1);
	assert_int_equal(e.line, 2);
	assert_int_equal(e.col, 8);
	assert_non_null(strstr(e.msg, "'mouse' in the config must be true or false"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spans),
		cmocka_unit_test(test_hints),
		cmocka_unit_test(test_hint_keys),
		cmocka_unit_test(test_hints_utf8),
		cmocka_unit_test_setup_teardown(test_config, fixture_dir_setup, fixture_dir_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
