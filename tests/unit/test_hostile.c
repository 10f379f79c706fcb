/*
 * Tests of hostile content files: a pack or config.yaml from the internet that tries to reach
 * the terminal through an error message (OSC 52 writes the clipboard, OSC 0 the title; C1
 * and bidi controls; NUL bytes that C string functions stop at), and files saved by Windows
 * editors (a byte-order mark). Every message must show what the file holds (\x1b, U+202E),
 * never send it, and still say where.
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "backprep/catalog.h"
#include "backprep/config.h"
#include "backprep/error.h"
#include "backprep/text.h"

static char g_dir[64];
static char g_path[128];

static int setup(void **state)
{
	(void)state;
	snprintf(g_dir, sizeof(g_dir), "/tmp/bp-hostile-XXXXXX");
	if (!mkdtemp(g_dir) || !setlocale(LC_ALL, "C.UTF-8"))
		return -1;
	snprintf(g_path, sizeof(g_path), "%s/hostile.yaml", g_dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(g_path);
	return rmdir(g_dir);
}

/* Writes the file (NULs included: len is given) that every test reads. */
static void put(const char *text, size_t len)
{
	FILE *f = fopen(g_path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

#define PUT(text) put(text, sizeof(text) - 1)

/* No message (nor its "file:line:col: " form) holds a byte a terminal would act on. */
static void assert_all_visible(const bp_diags *d)
{
	char buf[1200];

	for (size_t i = 0; i < d->n; i++) {
		bp_error_str(&d->v[i], buf, sizeof(buf));
		if (text_has_controls(buf, strlen(buf)))
			fail_msg("message sends control characters: %s", d->v[i].msg);
	}
}

/* One of the problems is at line:col and holds `words`. */
static void assert_has(const bp_diags *d, int line, int col, const char *words)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].line == line && d->v[i].col == col && strstr(d->v[i].msg, words))
			return;
	for (size_t i = 0; i < d->n; i++)
		print_message("  %d:%d: %s\n", d->v[i].line, d->v[i].col, d->v[i].msg);
	fail_msg("no problem at %d:%d holding: %s", line, col, words);
}

/* Loads the file as a pack; checks that every message is safe and that one says `words`
 * (or, without words, that there is none). Returns the packs loaded. */
static size_t pack_problem(int line, int col, const char *words)
{
	const char *path = g_path;
	bp_diags d = { 0 };
	catalog *c;
	size_t packs;

	assert_int_equal(catalog_load(&path, 1, &c, &d), 0);
	assert_all_visible(&d);
	if (words)
		assert_has(&d, line, col, words);
	else
		assert_int_equal(d.n, 0);
	packs = catalog_pack_count(c);
	catalog_free(c);
	bp_diags_free(&d);
	return packs;
}

#define HEAD "pack: hostile\ntitle: T\narea: api\nversion: 1\n"

static void test_unknown_key_with_osc52_is_shown(void **state)
{
	(void)state;
	PUT(HEAD "items: []\n\"x\\e]52;c;cHduZWQ=\\a\": 1\n");
	pack_problem(6, 1, "unknown key 'x\\x1b]52;c;cHduZWQ=\\x07' in a pack");
}

static void test_duplicate_key_with_bidi_is_shown(void **state)
{
	(void)state;
	PUT(HEAD "items: []\n\"t\\u202e\": 1\n\"t\\u202e\": 2\n");
	pack_problem(7, 1, "duplicate key 'tU+202E'");
}

static void test_area_with_title_sequence_is_shown(void **state)
{
	(void)state;
	PUT("pack: hostile\ntitle: T\narea: \"api\\e]0;pwned\\a\"\nversion: 1\nitems: []\n");
	pack_problem(3, 7, "unknown area 'api\\x1b]0;pwned\\x07' in the pack");
}

static void test_number_with_c1_csi_is_shown(void **state)
{
	(void)state;
	PUT("pack: hostile\ntitle: T\narea: api\nversion: \"1\\x9b2J\"\nitems: []\n");
	pack_problem(4, 10, "not '1U+009B2J'");
}

static void test_long_value_is_cut_with_an_ellipsis(void **state)
{
	char text[512];
	int n;

	(void)state;
	n = snprintf(text, sizeof(text), "pack: hostile\ntitle: T\narea: \"%0200d\\e\"\n"
					 "version: 1\nitems: []\n", 7);
	put(text, (size_t)n);
	pack_problem(3, 7, "00000\xe2\x80\xa6' in the pack");
}

static void test_item_name_is_shown_in_messages(void **state)
{
	(void)state;
	PUT(HEAD "items:\n  - id: \"api.x\\e]0;t\\a\"\n    promt: x\n");
	pack_problem(7, 5, "unknown key 'promt' in item 'api.x\\x1b]0;t\\x07'");
}

static void test_key_with_nul_is_refused(void **state)
{
	(void)state;
	/* as a C string this key reads "prompt": it must not pass for it */
	PUT(HEAD "items:\n  - id: api.x\n    kind: open\n    level: 1\n    week: 1\n"
		 "    minutes: 3\n    \"prompt\\0junk\": Why?\n    key_points: [a]\n"
		 "    answer: Because.\n");
	assert_int_equal(pack_problem(11, 5, "a key must not hold a NUL byte: 'prompt\\x00junk'"), 0);
}

static void test_number_with_nul_is_refused(void **state)
{
	(void)state;
	PUT("pack: hostile\ntitle: T\narea: api\nversion: \"1\\0junk\"\nitems: []\n");
	pack_problem(4, 10, "'version' in the pack holds a NUL byte: '1\\x00junk'");
}

static void test_bom_is_skipped_and_places_stay_right(void **state)
{
	(void)state;
	/* before, the mark made the first key one column to the right of the second */
	PUT("\xef\xbb\xbf" "bogus: 1\npack: hostile\ntitle: T\narea: nowhere\nversion: 1\n"
	    "items: []\n");
	pack_problem(1, 1, "unknown key 'bogus' in a pack");
	pack_problem(4, 7, "unknown area 'nowhere'");
	PUT("\xef\xbb\xbf" HEAD "items: []\n");
	assert_int_equal(pack_problem(0, 0, NULL), 1);
}

static void config_problem(int line, int col, const char *words)
{
	bp_config cfg;
	bp_error e;
	char buf[1200];

	assert_int_equal(config_load(g_path, &cfg, &e), -1);
	bp_error_str(&e, buf, sizeof(buf));
	if (text_has_controls(buf, strlen(buf)) || e.line != line || e.col != col ||
	    !strstr(e.msg, words))
		fail_msg("got %d:%d: %s\nwant %d:%d: ...%s...", e.line, e.col, e.msg, line, col,
			 words);
}

static void test_config_messages_are_shown_not_sent(void **state)
{
	bp_config cfg;
	bp_error e;

	(void)state;
	PUT("\"\\e]0;t\\a\": 1\n");
	config_problem(1, 1, "unknown key '\\x1b]0;t\\x07' in the config");
	PUT("scheduler:\n  learning_steps: [1m, \"10m\\u202e\"]\n");
	config_problem(2, 24, "'10mU+202E' is not a duration");
	PUT("daily_minutes: \"30\\0\"\n");
	config_problem(1, 16, "holds a NUL byte: '30\\x00'");
	PUT("scheduler:\n  fuzz: \"true\\0\"\n");
	config_problem(2, 9, "'fuzz' in 'scheduler' must be true or false");
	/* a byte-order mark: read, and the places after it are right */
	PUT("\xef\xbb\xbf" "daily_minutes: 30\nnew_per_day: 5\n");
	assert_int_equal(config_load(g_path, &cfg, &e), 0);
	assert_int_equal(cfg.daily_minutes, 30);
	assert_int_equal(cfg.new_per_day, 5);
	PUT("\xef\xbb\xbf" "daily_minutes: 3\n");
	config_problem(1, 16, "from 5 to 600, not '3'");
}

static void test_file_name_is_shown_not_sent(void **state)
{
	bp_error e;
	char buf[256];

	(void)state;
	bp_error_at(&e, "evil\x1b]0;t\x07.yaml", 3, 4, "unknown key '%s'", "\xe2\x80\xae");
	assert_string_equal(bp_error_str(&e, buf, sizeof(buf)),
			    "evil\\x1b]0;t\\x07.yaml:3:4: unknown key 'U+202E'");
	/* the name is kept as it is, so that validate can open the file again */
	assert_string_equal(e.file, "evil\x1b]0;t\x07.yaml");
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_unknown_key_with_osc52_is_shown),
		T(test_duplicate_key_with_bidi_is_shown),
		T(test_area_with_title_sequence_is_shown),
		T(test_number_with_c1_csi_is_shown),
		T(test_long_value_is_cut_with_an_ellipsis),
		T(test_item_name_is_shown_in_messages),
		T(test_key_with_nul_is_refused),
		T(test_number_with_nul_is_refused),
		T(test_bom_is_skipped_and_places_stay_right),
		T(test_config_messages_are_shown_not_sent),
		T(test_file_name_is_shown_not_sent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
