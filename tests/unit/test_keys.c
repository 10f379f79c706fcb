/* The key table (util/keymap.c) and config.yaml's `keys:` (content/config.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "backprep/config.h"
#include "backprep/keymap.h"
#include "fixture.h"

static void write_file(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(s, f);
	fclose(f);
}

/* config.yaml holding `text` is loaded; returns what config_load returned, the error in *e. */
static int load(const char *text, bp_config *c, bp_error *e)
{
	char path[128];
	int rc;

	snprintf(path, sizeof(path), "%s/config.yaml", fixture_dir);
	write_file(path, text);
	memset(e, 0, sizeof(*e));
	rc = config_load(path, c, e);
	unlink(path);
	return rc;
}

/* Two mistakes in config.yaml: both are said, each at its place, not only the first. */
static void test_every_error_said(void **state)
{
	bp_config c;
	bp_error e;

	(void)state;
	assert_int_equal(load("daily_minutes: 2\nkeys:\n  drill.reveal: spacebar\n", &c, &e), -1);
	assert_int_equal(e.line, 1);
	assert_non_null(strstr(e.msg, "daily_minutes"));
	assert_non_null(strstr(e.msg, "; also 3:17: 'spacebar' is not a key name"));
	assert_null(strchr(e.msg, '\n')); /* a message is one line */
}

static void test_names_unique_and_helped(void **state)
{
	(void)state;
	assert_true(keymap_count() > 50);
	for (size_t r = 0; r < keymap_count(); r++) {
		const keydef *k = &key_table[r];
		const char *dot = strchr(k->name, '.');

		/* context.action, lowercase */
		assert_non_null(dot);
		assert_true(dot > k->name && dot[1]);
		for (const char *p = k->name; *p; p++)
			assert_true((*p >= 'a' && *p <= 'z') || *p == '.' || *p == '_');
		assert_non_null(k->label);
		assert_true(strlen(k->label) > 5);
		assert_true(k->ctx != 0);
		assert_int_equal(keymap_find(k->name), (int)r);
		for (size_t o = r + 1; o < keymap_count(); o++)
			assert_string_not_equal(k->name, key_table[o].name);
	}
}

/* No key answers two actions on one screen with the defaults: the first would hide the other. */
static void test_defaults_have_no_conflict(void **state)
{
	(void)state;
	keymap_reset();
	for (size_t r = 0; r < keymap_count(); r++) {
		const int *keys = keymap_keys((int)r);
		unsigned ctx;

		if (key_table[r].range) {
			for (int d = key_table[r].keys[0]; d <= key_table[r].keys[1]; d++)
				assert_int_equal(keymap_conflict((int)r, d, &ctx), -1);
			continue;
		}
		for (int i = 0; i < KEYMAP_MAX_KEYS && keys[i]; i++) {
			int other = keymap_conflict((int)r, keys[i], &ctx);

			if (other >= 0)
				fail_msg("%s and %s share a key", key_table[r].name,
					 key_table[other].name);
		}
	}
}

static void test_key_names(void **state)
{
	static const struct {
		const char *name;
		const char *shown;
	} v[] = { { "q", "q" },	       { "G", "G" },	       { "space", "Space" },
		  { "Enter", "Enter" }, { "tab", "Tab" },	       { "backspace", "Backspace" },
		  { "esc", "Esc" },	{ "up", "Up" },	       { "PgDn", "PgDn" },
		  { "home", "Home" },	{ "end", "End" },	       { "f1", "F1" },
		  { "F12", "F12" },	{ "ctrl-a", "Ctrl-A" }, { "ctrl-Z", "Ctrl-Z" },
		  { "ctrl-h", "Backspace" }, { "ctrl-m", "Enter" }, { "?", "?" } };
	static const char *const bad[] = { "",	  "qq",	   "f0",     "f13",  "f1x", "ctrl-",
					   "ctrl-1", "ctrl-ab", "spacebar", "é",	   " " };
	char buf[32];

	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		int code = keymap_parse_key(v[i].name);

		assert_true(code > 0);
		assert_string_equal(keymap_key_name(code, buf, sizeof(buf)), v[i].shown);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(keymap_parse_key(bad[i]), -1);
	/* a single character keeps its case; a name does not care */
	assert_int_not_equal(keymap_parse_key("g"), keymap_parse_key("G"));
	assert_int_equal(keymap_parse_key("HOME"), keymap_parse_key("home"));
}

static void test_remap(void **state)
{
	bp_config c;
	bp_error e;
	int arg, r = keymap_find("drill.reveal");
	char buf[64];

	(void)state;
	if (load("keys:\n"
		 "  drill.reveal: [x, enter]\n"
		 "  today.stats: T\n"
		 "  today.quit: [q, ctrl-x]\n"
		 "  drill.hint: []\n"
		 "  global.quit: f10\n",
		 &c, &e) < 0)
		fail_msg("%d:%d: %s", e.line, e.col, e.msg);
	assert_int_equal(c.n_binds, 5);
	/* loading checks, it does not bind: the app does (config_use_keys) */
	assert_int_equal(keymap_lookup(CTX_ASK, 'x', &arg), ACT_NONE);
	config_use_keys(&c);
	assert_int_equal(keymap_lookup(CTX_ASK, 'x', &arg), ACT_REVEAL);
	assert_int_equal(keymap_lookup(CTX_ASK, KEY_CODE_ENTER, &arg), ACT_REVEAL);
	/* the old key is gone, the other screens keep theirs */
	assert_int_equal(keymap_lookup(CTX_ASK, ' ', &arg), ACT_NONE);
	assert_int_equal(keymap_lookup(CTX_ROUND, ' ', &arg), ACT_REVEAL);
	assert_int_equal(keymap_lookup(CTX_TODAY, 'T', &arg), ACT_STATS);
	assert_int_equal(keymap_lookup(CTX_TODAY, 't', &arg), ACT_NONE);
	assert_int_equal(keymap_lookup(CTX_TODAY, 'X' & 0x1f, &arg), ACT_QUIT);
	assert_int_equal(keymap_lookup(CTX_ASK, 'h', &arg), ACT_NONE);
	assert_string_equal(keymap_keys_name(r, buf, sizeof(buf)), "x/Enter");
	assert_string_equal(keymap_first_key(r, buf, sizeof(buf)), "x");
	assert_true(keymap_rebound(r));
	assert_false(keymap_rebound(keymap_find("drill.accept")));
	assert_string_equal(keymap_keys_name(keymap_find("drill.hint"), buf, sizeof(buf)),
			    "(none)");
	assert_int_equal(keymap_lookup(CTX_GRADE, KEY_CODE_F1 + 9, &arg), ACT_EXIT);
	assert_int_equal(keymap_lookup(CTX_FIND, KEY_CODE_F1 + 9, &arg), ACT_EXIT);
	/* the digits stay where they were */
	assert_int_equal(keymap_lookup(CTX_GRADE, '3', &arg), ACT_GRADE);
	assert_int_equal(arg, 3);
	keymap_reset();
	assert_int_equal(keymap_lookup(CTX_ASK, ' ', &arg), ACT_REVEAL);
	assert_false(keymap_rebound(r));
}

/* Each wrong keys: entry is an error at its line and column, saying what is wrong. */
static void test_errors(void **state)
{
	static const struct {
		const char *text;
		int line, col;
		const char *says;
	} v[] = {
		{ "keys:\n  drill.revael: x\n", 2, 3, "'drill.revael' is not an action" },
		{ "keys:\n  drill.reveal: spc\n", 2, 17, "'spc' is not a key name for 'drill.reveal'" },
		{ "keys:\n  drill.reveal: [x, f13]\n", 2, 21, "'f13' is not a key name" },
		{ "keys:\n  today.stats: p\n", 2, 16,
		  "'p' would be the key of both today.stats and today.plan on Today" },
		{ "keys:\n  today.stats: x\n  today.plan: [y, x]\n", 2, 16,
		  "'x' would be the key of both today.stats and today.plan on Today" },
		{ "keys:\n  today.stats: g\n", 2, 16,
		  "'g' would be the key of both today.stats and scroll.top on Today" },
		{ "keys:\n  drill.reveal: '1'\n", 2, 17,
		  "'1' would be the key of both drill.reveal and drill.choose" },
		{ "keys:\n  drill.grade: [a, b, c, d]\n", 2, 3,
		  "'drill.grade' takes the digits 1-4, which cannot be rebound" },
		{ "keys:\n  global.help: [a, b, c, d, e]\n", 2, 16, "at most 4 keys" },
		{ "keys:\n  global.help: [a, a]\n", 2, 20, "the same key twice" },
		{ "keys:\n  today.quit: ctrl-c\n", 2, 15, "the terminal keeps it" },
		{ "keys: [q]\n", 1, 7, "'keys' must be a map" },
		{ "keys:\n  find.accept: [enter, x]\n", 2, 24,
		  "'x' cannot be a key of 'find.accept': it edits the line being typed" },
		{ "keys:\n  welcome.skip: ctrl-u\n", 2, 17, "it edits the line being typed" },
		{ "keys:\n  global.quit: Q\n", 2, 16, "'Q' cannot be a key of 'global.quit'" },
		{ "keys:\n  global.quit: [ctrl-x, ctrl-l]\n", 2, 25,
		  "'Ctrl-L' would be the key of both global.quit and global.redraw on Today" },
		{ "keys:\n  drill.reveal: {a: b}\n", 2, 17, "a key of 'drill.reveal' must be a key name such as space or ctrl-x, not a map" },
	};
	bp_config c;
	bp_error e;

	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		if (load(v[i].text, &c, &e) != -1)
			fail_msg("case %zu loaded", i);
		if (!strstr(e.msg, v[i].says) || e.line != v[i].line || e.col != v[i].col)
			fail_msg("case %zu: %d:%d: %s", i, e.line, e.col, e.msg);
		assert_non_null(strstr(e.file, "config.yaml"));
	}
	/* a failed load leaves the defaults in force */
	{
		int arg;

		assert_int_equal(keymap_lookup(CTX_TODAY, 't', &arg), ACT_STATS);
	}
}

/* `backprep ids` (completion) reads the ids without the catalog: the same ids, in order. */
struct seen {
	const catalog *c;
	size_t n;
	bool same;
};

static void check_id(const char *id, void *ctx)
{
	struct seen *s = ctx;

	if (s->n >= catalog_count(s->c) || strcmp(catalog_item(s->c, s->n)->id, id) != 0)
		s->same = false;
	s->n++;
}

static void test_ids_match_catalog(void **state)
{
	const char *paths[] = { "content" };
	bp_diags d = { 0 };
	catalog *c = NULL;
	struct seen s = { NULL, 0, true };

	(void)state;
	assert_int_equal(catalog_load(paths, 1, &c, &d), 0);
	assert_true(catalog_count(c) > 100);
	s.c = c;
	catalog_ids(paths, 1, check_id, &s);
	assert_true(s.same);
	assert_int_equal(s.n, catalog_count(c));
	bp_diags_free(&d);
	catalog_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_unique_and_helped),
		cmocka_unit_test(test_defaults_have_no_conflict),
		cmocka_unit_test(test_key_names),
		cmocka_unit_test_setup_teardown(test_remap, fixture_dir_setup, fixture_dir_teardown),
		cmocka_unit_test_setup_teardown(test_errors, fixture_dir_setup, fixture_dir_teardown),
		cmocka_unit_test_setup_teardown(test_every_error_said, fixture_dir_setup,
						fixture_dir_teardown),
		cmocka_unit_test(test_ids_match_catalog),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
