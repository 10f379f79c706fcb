/*
 * Tests of src/content: loading packs into the catalog. A good pack arrives with every field
 * in place; every kind of bad input gets one clear message at the right file:line:col, its
 * pack is skipped, and the other packs still load. Hostile files (huge, deeply nested) fail
 * fast. The quality rules of `validate --strict` flag what they promise and nothing else.
 *
 * Fixtures are in $BACKPREP_FIXTURES/packs (tests/fixtures/packs by default); the large and
 * the generated inputs are written into a mkdtemp directory and removed afterwards.
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
#include "backprep/clock.h"
#include "fixture.h"

/* Paths */

static char g_tmp[64];

static const char *fixture(const char *name)
{
	static char buf[8][512];
	static int next;
	const char *root = getenv("BACKPREP_FIXTURES");
	char *b = buf[next++ % 8];

	snprintf(b, sizeof(buf[0]), "%s/packs/%s", root && *root ? root : "tests/fixtures", name);
	return b;
}

static const char *tmp_path(const char *name)
{
	static char buf[8][512];
	static int next;
	char *b = buf[next++ % 8];

	snprintf(b, sizeof(buf[0]), "%s/%s", g_tmp, name);
	return b;
}

static void write_file(const char *path, const char *text, size_t len)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

/* Each test gets a fresh, empty temporary directory. */
static int setup(void **state)
{
	(void)state;
	return fixture_tmp_make(g_tmp, sizeof(g_tmp), "bp-content");
}

static int teardown(void **state)
{
	(void)state;
	return fixture_tmp_remove(g_tmp);
}

static int setup_group(void **state)
{
	(void)state;
	/* Widths of wide characters, as the real program sees them after setlocale. */
	return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

/* A growing string */

typedef struct sb {
	char *s;
	size_t len, cap;
} sb;

static void sb_add(sb *b, const char *fmt, ...) BP_PRINTF(2, 3);

static void sb_add(sb *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	assert_true(n >= 0);
	if (b->len + (size_t)n + 1 > b->cap) {
		b->cap = (b->len + (size_t)n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		assert_non_null(b->s);
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

static void sb_write(sb *b, const char *path)
{
	write_file(path, b->s ? b->s : "", b->len);
	free(b->s);
	memset(b, 0, sizeof(*b));
}

/* Loading */

typedef struct loaded {
	catalog *cat;
	bp_diags diags;
} loaded;

static void load_paths(loaded *l, const char *const *paths, size_t n)
{
	memset(l, 0, sizeof(*l));
	assert_int_equal(catalog_load(paths, n, &l->cat, &l->diags), 0);
	assert_non_null(l->cat);
}

static void load1(loaded *l, const char *path)
{
	load_paths(l, &path, 1);
}

static void unload(loaded *l)
{
	catalog_free(l->cat);
	bp_diags_free(&l->diags);
}

static void print_diags(const bp_diags *d)
{
	char buf[1200];

	for (size_t i = 0; i < d->n; i++)
		print_message("  %s\n", bp_error_str(&d->v[i], buf, sizeof(buf)));
}

static void assert_no_diags(const bp_diags *d)
{
	if (d->n) {
		print_diags(d);
		fail_msg("%zu problems, want none", d->n);
	}
}

/* Exactly one problem, about `file`, at line:col, whose message holds `words`. */
static void assert_one(const bp_diags *d, const char *file, int line, int col, const char *words)
{
	const bp_error *e;

	if (d->n != 1) {
		print_diags(d);
		fail_msg("%zu problems, want exactly one", d->n);
	}
	e = &d->v[0];
	assert_string_equal(e->file, file);
	if (e->line != line || e->col != col || !strstr(e->msg, words))
		fail_msg("got %d:%d: %s\nwant %d:%d: ...%s...", e->line, e->col, e->msg, line, col,
			 words);
}

/* The good pack */

static void test_good_pack_loads(void **state)
{
	loaded l;
	const bp_pack *p;
	const bp_item *it;

	(void)state;
	load1(&l, fixture("good.yaml"));
	assert_no_diags(&l.diags);
	assert_int_equal(catalog_file_count(l.cat), 1);
	assert_int_equal(catalog_pack_count(l.cat), 1);
	assert_int_equal(catalog_count(l.cat), 5);
	p = catalog_pack(l.cat, 0);
	assert_string_equal(p->id, "fixture-api");
	assert_string_equal(p->title, "Fixture pack for the unit tests");
	assert_string_equal(p->file, fixture("good.yaml"));
	assert_int_equal(p->area, AREA_API);
	assert_int_equal(p->version, 3);
	assert_int_equal(p->first, 0);
	assert_int_equal(p->count, 5);
	assert_null(catalog_plan(l.cat));

	it = catalog_find(l.cat, "api.idempotent-writes");
	assert_non_null(it);
	assert_ptr_equal(it, catalog_item(l.cat, 0));
	assert_int_equal(it->kind, KIND_OPEN);
	assert_int_equal(it->area, AREA_API);
	assert_int_equal(it->rev, 1);
	assert_int_equal(it->level, 2);
	assert_int_equal(it->week, 1);
	assert_int_equal(it->minutes, 8);
	assert_string_equal(it->pack, "fixture-api");
	assert_string_equal(it->file, fixture("good.yaml"));
	assert_int_equal(it->line, 8);
	assert_int_equal(it->col, 5);
	assert_int_equal(it->tags.n, 2);
	assert_string_equal(it->tags.v[1], "retries");
	/* A block scalar loses its final newline, nothing else. */
	assert_string_equal(it->prompt,
			    "How would you design an idempotent write API for creating payments?");
	assert_int_equal(it->hints.n, 2);
	assert_string_equal(it->hints.v[0], "Who generates the key that makes two requests \"the "
					    "same\"?");
	assert_int_equal(it->key_points.n, 4);
	assert_string_equal(it->key_points.v[3],
			    "Keys expire after a window longer than the client's retry horizon");
	assert_int_equal(it->pitfalls.n, 1);
	assert_int_equal(it->follow_ups.n, 1);
	assert_non_null(it->answer);
	assert_true(strncmp(it->answer, "A retry after a timeout", 23) == 0);
	assert_non_null(strstr(it->answer, "on the key.\n\nWhen a retry")); /* paragraphs kept */
	assert_true(it->answer[strlen(it->answer) - 1] == '.');

	it = catalog_find(l.cat, "api.parse-query");
	assert_non_null(it);
	assert_int_equal(it->kind, KIND_CODING);
	assert_int_equal(it->rev, 2);
	assert_int_equal(it->minutes, 20);
	assert_int_equal(it->n_examples, 2);
	assert_string_equal(it->examples[0].input, "a=1&b=2");
	assert_string_equal(it->examples[0].output, "{a: [1], b: [2]}");
	assert_null(it->examples[0].explain);
	assert_string_equal(it->examples[1].explain, "A repeated key keeps both values.");
	assert_int_equal(it->constraints.n, 1);
	assert_string_equal(it->edge_cases.v[0], "An empty string");
	assert_string_equal(it->time, "O(n)");
	assert_string_equal(it->space, "O(n)");
	assert_non_null(it->solution);
	/* The solution keeps its lines and their indentation. */
	assert_true(strncmp(it->solution, "def parse(q):\n    out = {}\n    for pair", 39) == 0);
	assert_non_null(strstr(it->solution, "\n    return out"));

	it = catalog_find(l.cat, "api.latency-spike");
	assert_non_null(it);
	assert_int_equal(it->kind, KIND_SCENARIO);
	assert_int_equal(it->level, 3);
	assert_int_equal(it->week, 2);
	assert_int_equal(it->n_steps, 3);
	assert_string_equal(it->steps[0].show,
			    "p99 latency: 180 ms -> 560 ms since 14:02; error rate flat at 0.1%.");
	assert_string_equal(it->steps[0].ask, "What do you check first?");
	assert_int_equal(it->steps[0].expect.n, 2);
	assert_int_equal(it->steps[2].expect.n, 1);
	assert_string_equal(it->steps[2].expect.v[0],
			    "Roll the deploy back first, then add the index");
	assert_string_equal(it->root_cause,
			    "A new query without an index scans the whole orders table.");
	assert_string_equal(it->mitigation, "Roll back the deploy.");
	assert_non_null(it->prevention);
	assert_int_equal(it->key_points.n, 0);

	it = catalog_find(l.cat, "api.status-codes");
	assert_non_null(it);
	assert_int_equal(it->kind, KIND_CHOICE);
	assert_int_equal(it->choices.n, 4);
	assert_string_equal(it->choices.v[2], "PUT");
	assert_int_equal(it->n_correct, 2);
	assert_int_equal(it->correct[0], 0);
	assert_int_equal(it->correct[1], 2);
	assert_non_null(it->explain);

	assert_null(catalog_find(l.cat, "api.nope"));
	assert_null(catalog_find(l.cat, "api"));
	assert_null(catalog_item(l.cat, 5));
	unload(&l);
}

/* Bad input, one fixture file each */

typedef struct bad_case {
	const char *file;
	int line, col;
	const char *words;
} bad_case;

static void assert_bad(const bad_case *c)
{
	loaded l;

	load1(&l, fixture(c->file));
	assert_one(&l.diags, fixture(c->file), c->line, c->col, c->words);
	/* The pack is skipped whole. */
	assert_int_equal(catalog_count(l.cat), 0);
	assert_int_equal(catalog_pack_count(l.cat), 0);
	assert_null(catalog_find(l.cat, "api.x"));
	assert_int_equal(catalog_file_count(l.cat), 1);
	unload(&l);
}

static void test_bad_yaml_syntax(void **state)
{
	static const bad_case c = { "bad-syntax.yaml", 12, 23,
				    "syntax error: mapping values are not allowed" };

	(void)state;
	assert_bad(&c);
}

static void test_bad_unknown_key(void **state)
{
	static const bad_case c = { "bad-unknown-key.yaml", 12, 5,
				    "unknown key 'promt' in item 'api.x'" };

	(void)state;
	assert_bad(&c);
}

static void test_bad_duplicate_key(void **state)
{
	static const bad_case c = { "bad-duplicate-key.yaml", 15, 5, "duplicate key 'level'" };

	(void)state;
	assert_bad(&c);
}

static void test_bad_missing_field(void **state)
{
	static const bad_case c = { "bad-missing-field.yaml", 6, 5,
				    "missing required key 'prompt' in item 'api.x'" };

	(void)state;
	assert_bad(&c);
}

static void test_bad_wrong_type(void **state)
{
	static const bad_case c = { "bad-wrong-type.yaml", 13, 17,
				    "'key_points' in item 'api.x' must be a list, not text" };

	(void)state;
	assert_bad(&c);
}

static void test_bad_level_out_of_range(void **state)
{
	static const bad_case c = { "bad-level.yaml", 9, 12,
				    "'level' in item 'api.x' must be a whole number from 1 to 3, "
				    "not '5'" };

	(void)state;
	assert_bad(&c);
}

static void test_bad_utf8_line_and_column(void **state)
{
	/* "    prompt: Café \xff": the column counts characters, so é is one, not two. */
	static const bad_case c = { "bad-utf8.yaml", 12, 18, "invalid text" };
	loaded l;

	(void)state;
	assert_bad(&c);
	load1(&l, fixture(c.file));
	assert_non_null(strstr(l.diags.v[0].msg, "0xFF"));
	unload(&l);
}

static void test_bad_anchor(void **state)
{
	static const bad_case c = { "bad-anchor.yaml", 12, 13,
				    "anchors (&question) are not allowed" };

	(void)state;
	assert_bad(&c);
}

static void test_bad_alias(void **state)
{
	static const bad_case c = { "bad-alias.yaml", 14, 13,
				    "aliases (*question) are not allowed" };

	(void)state;
	assert_bad(&c);
}

static void test_bad_tag(void **state)
{
	static const bad_case c = { "bad-tag.yaml", 11, 14, "tags (tag:yaml.org,2002:int) are not "
							    "allowed" };

	(void)state;
	assert_bad(&c);
}

static void test_bad_two_documents(void **state)
{
	static const bad_case c = { "bad-two-documents.yaml", 15, 1,
				    "only one document per file is allowed" };

	(void)state;
	assert_bad(&c);
}

static void test_duplicate_id_across_packs(void **state)
{
	const char *paths[] = { fixture("good.yaml"), fixture("bad-duplicate-id.yaml") };
	char words[600];
	loaded l;
	const bp_item *it;

	(void)state;
	snprintf(words, sizeof(words), "duplicate id 'api.pagination' in item 'api.pagination' "
				       "(first at %s:133:5)", paths[0]);
	load_paths(&l, paths, 2);
	assert_one(&l.diags, paths[1], 15, 9, words);
	/* The first pack is whole; the second is skipped, its other item too. */
	assert_int_equal(catalog_pack_count(l.cat), 1);
	assert_string_equal(catalog_pack(l.cat, 0)->id, "fixture-api");
	assert_int_equal(catalog_count(l.cat), 5);
	it = catalog_find(l.cat, "api.pagination");
	assert_non_null(it);
	assert_string_equal(it->pack, "fixture-api");
	assert_int_equal(it->level, 2);
	assert_null(catalog_find(l.cat, "api.other"));
	assert_int_equal(catalog_file_count(l.cat), 2);
	unload(&l);

	/* Alone, the second pack is fine: the error was the clash, not the file. */
	load1(&l, paths[1]);
	assert_no_diags(&l.diags);
	assert_int_equal(catalog_count(l.cat), 2);
	unload(&l);
}

/* Generated input */

static const char PACK_HEAD[] = "pack: gen\ntitle: Generated\narea: api\nversion: 1\nitems:\n";

/* An open item that loads (not one that passes the quality rules). */
static void add_item(sb *b, const char *id, const char *prompt)
{
	sb_add(b,
	       "  - id: %s\n    rev: 1\n    kind: open\n    level: 1\n    week: 1\n"
	       "    minutes: 5\n    prompt: %s\n    key_points: [one, two, three, four]\n"
	       "    answer: Short.\n",
	       id, prompt);
}

static void test_file_over_one_mib_is_refused(void **state)
{
	sb b = { 0 };
	loaded l;
	const char *path = tmp_path("big.yaml");

	(void)state;
	sb_add(&b, "%s", PACK_HEAD);
	add_item(&b, "api.big", "Is this file too big?");
	while (b.len < 2 * 1024 * 1024)
		sb_add(&b, "# %0*d\n", 96, 0);
	sb_write(&b, path);
	load1(&l, path);
	assert_int_equal(l.diags.n, 1);
	assert_string_equal(l.diags.v[0].file, path);
	assert_int_equal(l.diags.v[0].line, 0);
	assert_non_null(strstr(l.diags.v[0].msg, "2.0 MiB"));
	assert_non_null(strstr(l.diags.v[0].msg, "at most 1 MiB"));
	assert_int_equal(catalog_count(l.cat), 0);
	unload(&l);
}

static void test_deep_nesting_fails_fast(void **state)
{
	enum { DEPTH = 10000 };
	sb b = { 0 };
	loaded l;
	int64_t t0, ms;
	const char *path = tmp_path("deep.yaml");

	(void)state;
	sb_add(&b, "pack: deep\nitems: ");
	for (int i = 0; i < DEPTH; i++)
		sb_add(&b, "[");
	for (int i = 0; i < DEPTH; i++)
		sb_add(&b, "]");
	sb_add(&b, "\n");
	sb_write(&b, path);

	t0 = clock_mono_ms();
	load1(&l, path);
	ms = clock_mono_ms() - t0;
	/* The map is level 1 and the 31st '[' level 32; the 32nd '[' is one too many. */
	assert_one(&l.diags, path, 2, 8 + 31, "nested deeper than 32 levels");
	if (ms > 1000)
		fail_msg("10,000 nested lists took %lld ms to refuse", (long long)ms);
	unload(&l);
}

static void gen_prompt_pack(const char *path, size_t prompt_len)
{
	sb b = { 0 };
	char *prompt = malloc(prompt_len + 1);

	assert_non_null(prompt);
	memset(prompt, 'a', prompt_len);
	prompt[prompt_len] = '\0';
	sb_add(&b, "%s", PACK_HEAD);
	add_item(&b, "api.long", prompt);
	sb_write(&b, path);
	free(prompt);
}

static void test_scalar_over_64_kib_is_refused(void **state)
{
	loaded l;
	const char *path = tmp_path("long.yaml");

	(void)state;
	gen_prompt_pack(path, 64 * 1024 + 1);
	load1(&l, path);
	assert_one(&l.diags, path, 12, 13, "at most 64 KiB");
	assert_int_equal(catalog_count(l.cat), 0);
	unload(&l);

	/* 64 KiB itself is allowed. */
	gen_prompt_pack(path, 64 * 1024);
	load1(&l, path);
	assert_no_diags(&l.diags);
	assert_int_equal(catalog_count(l.cat), 1);
	assert_int_equal(strlen(catalog_item(l.cat, 0)->prompt), 64 * 1024);
	unload(&l);
}

static void test_broken_pack_skipped_good_pack_loads(void **state)
{
	sb b = { 0 };
	size_t len;
	char *good;
	FILE *fp = fopen(fixture("good.yaml"), "rb");
	const char *dir = g_tmp;
	loaded l;

	(void)state;
	/* A copy of the good pack, and a broken one read before it (name order). */
	assert_non_null(fp);
	good = malloc(64 * 1024);
	assert_non_null(good);
	len = fread(good, 1, 64 * 1024, fp);
	fclose(fp);
	write_file(tmp_path("b-good.yaml"), good, len);
	free(good);
	sb_add(&b, "%s", "pack: broken\ntitle: Broken\narea: api\nversion: 1\nitems:\n");
	add_item(&b, "api.fine", "A fine question?");
	sb_add(&b, "  - id: api.broken\n    rev: 1\n    kind: essay\n");
	sb_write(&b, tmp_path("a-broken.yaml"));
	write_file(tmp_path("notes.txt"), "not a pack", 10);

	load1(&l, dir);
	assert_one(&l.diags, tmp_path("a-broken.yaml"), 17, 11, "unknown kind 'essay'");
	assert_int_equal(catalog_file_count(l.cat), 2); /* notes.txt is not read */
	assert_int_equal(catalog_pack_count(l.cat), 1);
	assert_string_equal(catalog_pack(l.cat, 0)->id, "fixture-api");
	assert_int_equal(catalog_count(l.cat), 5);
	assert_null(catalog_find(l.cat, "api.fine"));
	assert_non_null(catalog_find(l.cat, "api.pagination"));
	unload(&l);
}

/* More ways for a pack to be wrong, each generated from one changed line. */

typedef struct gen_case {
	const char *item; /* the whole item, at line 6 */
	int line, col;
	const char *words;
} gen_case;

static void test_more_bad_items(void **state)
{
	static const gen_case cases[] = {
		{ "  - id: coding.x\n    rev: 1\n    kind: open\n    level: 1\n    week: 1\n"
		  "    minutes: 5\n    prompt: P?\n    key_points: [a]\n    answer: A.\n",
		  6, 9, "id 'coding.x' must be 'api.<slug>'" },
		{ "  - id: api.Bad_Slug\n    rev: 1\n    kind: open\n    level: 1\n    week: 1\n"
		  "    minutes: 5\n    prompt: P?\n    key_points: [a]\n    answer: A.\n",
		  6, 9, "must be 'api.<slug>'" },
		{ "  - id: api.x\n    rev: 1\n    kind: open\n    level: 1\n    week: 5\n"
		  "    minutes: 5\n    prompt: P?\n    key_points: [a]\n    answer: A.\n",
		  10, 11, "'week' in item 'api.x' must be a whole number from 1 to 4" },
		{ "  - id: api.x\n    rev: 1\n    kind: open\n    level: 1\n    week: 1\n"
		  "    minutes: 0\n    prompt: P?\n    key_points: [a]\n    answer: A.\n",
		  11, 14, "'minutes' in item 'api.x' must be a whole number from 1 to 120" },
		{ "  - id: api.x\n    rev: 1\n    kind: open\n    level: two\n    week: 1\n"
		  "    minutes: 5\n    prompt: P?\n    key_points: [a]\n    answer: A.\n",
		  9, 12, "not 'two'" },
		{ "  - id: api.x\n    rev: 1\n    kind: open\n    level: 1\n    week: 1\n"
		  "    minutes: 5\n    prompt: [P]\n    key_points: [a]\n    answer: A.\n",
		  12, 13, "'prompt' in item 'api.x' must be text, not a list" },
		{ "  - id: api.x\n    rev: 1\n    kind: open\n    level: 1\n    week: 1\n"
		  "    minutes: 5\n    prompt: P?\n    key_points: [a]\n",
		  6, 5, "missing required key 'answer' in item 'api.x'" },
		{ "  - id: api.x\n    rev: 1\n    kind: choice\n    level: 1\n    week: 1\n"
		  "    minutes: 5\n    prompt: P?\n    choices: [a, b]\n    correct: [2]\n"
		  "    explain: E.\n",
		  14, 15, "'correct' in item 'api.x' must be a whole number from 0 to 1" },
		{ "  - id: api.x\n    rev: 1\n    kind: choice\n    level: 1\n    week: 1\n"
		  "    minutes: 5\n    prompt: P?\n    choices: [a]\n    correct: [0]\n"
		  "    explain: E.\n",
		  13, 14, "has 1 choice; 2 to 6 are allowed" },
		{ "  - id: api.x\n    rev: 1\n    kind: open\n    level: 1\n    week: 1\n"
		  "    minutes: 5\n    prompt: P?\n    key_points: [a]\n    answer: A.\n"
		  "  - id: api.x\n    rev: 1\n    kind: open\n    level: 1\n    week: 1\n"
		  "    minutes: 5\n    prompt: Q?\n    key_points: [a]\n    answer: A.\n",
		  15, 9, "duplicate id 'api.x'" },
	};
	const char *path = tmp_path("gen.yaml");

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sb b = { 0 };
		loaded l;

		sb_add(&b, "%s%s", PACK_HEAD, cases[i].item);
		sb_write(&b, path);
		load1(&l, path);
		assert_one(&l.diags, path, cases[i].line, cases[i].col, cases[i].words);
		assert_int_equal(catalog_count(l.cat), 0);
		unload(&l);
	}
}

static void test_same_pack_id_twice(void **state)
{
	sb b = { 0 };
	const char *paths[] = { tmp_path("one.yaml"), tmp_path("two.yaml") };
	loaded l;

	(void)state;
	sb_add(&b, "%s", PACK_HEAD);
	add_item(&b, "api.one", "One?");
	sb_write(&b, paths[0]);
	sb_add(&b, "%s", PACK_HEAD);
	add_item(&b, "api.two", "Two?");
	sb_write(&b, paths[1]);
	load_paths(&l, paths, 2);
	assert_one(&l.diags, paths[1], 1, 7, "pack id 'gen' is used already");
	assert_int_equal(catalog_pack_count(l.cat), 1);
	assert_non_null(catalog_find(l.cat, "api.one"));
	assert_null(catalog_find(l.cat, "api.two"));
	unload(&l);
}

static void test_loaded_text_is_cleaned(void **state)
{
	sb b = { 0 };
	const char *path = tmp_path("dirty.yaml");
	loaded l;
	const bp_item *it;
	bp_diags q = { 0 };

	(void)state;
	/* YAML escapes can smuggle in what the raw file may not hold: an escape sequence, a
	 * bidi override, a carriage return. A tab in a block scalar is allowed by YAML. */
	sb_add(&b, "%s", PACK_HEAD);
	add_item(&b, "api.dirty", "\"Red \\e[31malert\\e[0m \\u202Eevil\\r\\nnext\"");
	sb_add(&b, "    hints:\n      - |\n        col1\tcol2\n");
	sb_write(&b, path);
	load1(&l, path);
	assert_no_diags(&l.diags);
	it = catalog_find(l.cat, "api.dirty");
	assert_non_null(it);
	assert_string_equal(it->prompt, "Red [31malert[0m evil\nnext");
	assert_string_equal(it->hints.v[0], "col1    col2");
	/* The strict validator says so. */
	catalog_check_quality(l.cat, &q);
	{
		int found = 0;

		for (size_t i = 0; i < q.n; i++)
			found += strstr(q.v[i].msg, "holds tabs or control characters") != NULL;
		assert_int_equal(found, 2);
	}
	bp_diags_free(&q);
	unload(&l);
}

static void test_raw_control_byte_is_located(void **state)
{
	static const char text[] = "pack: ctl\ntitle: T\narea: api\nversion: 1\nitems:\n"
				   "  - id: api.x\n    prompt: Caf\xc3\xa9\x1b[2J\n";
	loaded l;

	(void)state;
	/* A raw escape byte (not a YAML escape): refused where it stands, é counted once. */
	write_file(tmp_path("ctl.yaml"), text, sizeof(text) - 1);
	load1(&l, tmp_path("ctl.yaml"));
	assert_one(&l.diags, tmp_path("ctl.yaml"), 7, 17, "control characters are not allowed");
	assert_int_equal(catalog_count(l.cat), 0);
	unload(&l);
}

static void test_windows_line_ends_and_bom_load_the_same(void **state)
{
	FILE *fp = fopen(fixture("good.yaml"), "rb");
	sb b = { 0 };
	int ch;
	loaded unix_file, dos_file;

	(void)state;
	/* The good pack as a Windows editor saves it: a byte order mark and CRLF. */
	assert_non_null(fp);
	sb_add(&b, "\xef\xbb\xbf");
	while ((ch = fgetc(fp)) != EOF)
		sb_add(&b, ch == '\n' ? "\r\n" : "%c", ch);
	fclose(fp);
	sb_write(&b, tmp_path("dos.yaml"));
	load1(&unix_file, fixture("good.yaml"));
	load1(&dos_file, tmp_path("dos.yaml"));
	assert_no_diags(&dos_file.diags);
	assert_int_equal(catalog_count(dos_file.cat), catalog_count(unix_file.cat));
	for (size_t i = 0; i < catalog_count(unix_file.cat); i++) {
		const bp_item *u = catalog_item(unix_file.cat, i);
		const bp_item *d = catalog_item(dos_file.cat, i);

		assert_string_equal(d->id, u->id);
		assert_string_equal(d->prompt, u->prompt);
		assert_int_equal(d->line, u->line);
		assert_int_equal(d->col, u->col);
		if (u->answer)
			assert_string_equal(d->answer, u->answer);
		if (u->solution)
			assert_string_equal(d->solution, u->solution);
		for (int k = 0; k < u->key_points.n; k++)
			assert_string_equal(d->key_points.v[k], u->key_points.v[k]);
	}
	assert_null(strchr(catalog_find(dos_file.cat, "api.idempotent-writes")->answer, '\r'));
	unload(&unix_file);
	unload(&dos_file);
}

/* plan.yaml */

static void add_week(sb *b, int n)
{
	sb_add(b,
	       "  - week: %d\n    title: Week %d\n    goal: Get better.\n"
	       "    focus: {coding: 0.6, api: 0.4}\n    daily_minutes: 60\n    new_per_day: 6\n"
	       "    levels: [1, 2]\n    milestones:\n      - id: w%d-coding\n"
	       "        text: Attempt 25 coding questions\n"
	       "        metric: {area: coding, attempted: 25}\n",
	       n, n, n);
}

static void test_plan_with_four_weeks_loads(void **state)
{
	sb b = { 0 };
	const char *dir = g_tmp;
	loaded l;
	const bp_plan *p;

	(void)state;
	sb_add(&b, "plan: four\ntitle: Four weeks\nweeks:\n");
	for (int w = 1; w <= 4; w++)
		add_week(&b, w);
	sb_write(&b, tmp_path("plan.yaml"));
	load1(&l, dir);
	assert_no_diags(&l.diags);
	p = catalog_plan(l.cat);
	assert_non_null(p);
	assert_string_equal(p->id, "four");
	assert_int_equal(p->weeks[3].week, 4);
	assert_int_equal(p->weeks[0].daily_minutes, 60);
	assert_int_equal(p->weeks[0].new_per_day, 6);
	assert_true(p->weeks[0].focus[AREA_CODING] == 0.6);
	assert_true(p->weeks[0].focus[AREA_SCALE] == 0);
	assert_int_equal(p->weeks[0].levels, (1u << 1) | (1u << 2));
	assert_int_equal(p->weeks[0].n_milestones, 1);
	assert_int_equal(p->weeks[0].milestones[0].kind, METRIC_ATTEMPTED);
	assert_int_equal(p->weeks[0].milestones[0].area, AREA_CODING);
	assert_int_equal(p->weeks[0].milestones[0].count, 25);
	/* A plan is not a pack. */
	assert_int_equal(catalog_pack_count(l.cat), 0);
	unload(&l);
}

static void test_plan_with_three_weeks_is_rejected(void **state)
{
	sb b = { 0 };
	loaded l;

	(void)state;
	sb_add(&b, "plan: three\ntitle: Three weeks\nweeks:\n");
	for (int w = 1; w <= 3; w++)
		add_week(&b, w);
	sb_write(&b, tmp_path("plan.yaml"));
	load1(&l, g_tmp);
	assert_one(&l.diags, tmp_path("plan.yaml"), 4, 3, "the plan has 3 weeks; it must have 4");
	assert_null(catalog_plan(l.cat));
	unload(&l);
}

/* Quality rules (validate --strict) */

/* An open item that passes every quality rule, with what a test changes. */
typedef struct q_item {
	const char *id, *prompt;
	int points;             /* key points, each short */
	const char *long_point; /* one more key point, or NULL */
	int answer_words;
} q_item;

static void add_q_item(sb *b, const q_item *q)
{
	sb_add(b,
	       "  - id: api.%s\n    rev: 1\n    kind: open\n    level: 1\n    week: 1\n"
	       "    minutes: 5\n    prompt: %s\n    key_points:\n",
	       q->id, q->prompt);
	for (int i = 0; i < q->points; i++)
		sb_add(b, "      - Point number %d of %s\n", i + 1, q->id);
	if (q->long_point)
		sb_add(b, "      - %s\n", q->long_point);
	sb_add(b, "    pitfalls: [Saying nothing]\n    follow_ups: [And then?]\n    answer: |\n");
	for (int i = 0; i < q->answer_words; i++)
		sb_add(b, "%sword%d%s", i % 10 == 0 ? "      " : "", i, i % 10 == 9 ? "\n" : " ");
	sb_add(b, "\n");
}

static void add_scenario(sb *b, const char *id, int steps)
{
	sb_add(b,
	       "  - id: api.%s\n    rev: 1\n    kind: scenario\n    level: 1\n    week: 1\n"
	       "    minutes: 5\n    prompt: The site is down and the pager is loud.\n    steps:\n",
	       id);
	for (int i = 0; i < steps; i++)
		sb_add(b, "      - show: Graph %d\n        ask: What now?\n"
			  "        expect: [Look]\n",
		       i + 1);
	sb_add(b, "    root_cause: A bug.\n    mitigation: Roll back.\n    prevention: Tests.\n");
}

/* Loads the pack (which must load cleanly) and returns its quality findings. */
static void quality_of(sb *b, bp_diags *q)
{
	loaded l;

	sb_write(b, tmp_path("q.yaml"));
	load1(&l, tmp_path("q.yaml"));
	assert_no_diags(&l.diags);
	memset(q, 0, sizeof(*q));
	catalog_check_quality(l.cat, q);
	unload(&l);
}

static void assert_one_finding(const bp_diags *q, int line, const char *words, const char *id)
{
	char want_id[64];

	if (q->n != 1) {
		print_diags(q);
		fail_msg("%zu findings, want exactly one", q->n);
	}
	snprintf(want_id, sizeof(want_id), "(item 'api.%s')", id);
	if (q->v[0].line != line || !strstr(q->v[0].msg, words) || !strstr(q->v[0].msg, want_id))
		fail_msg("got %d: %s\nwant %d: ...%s... %s", q->v[0].line, q->v[0].msg, line, words,
			 want_id);
}

static const q_item GOOD = { "good", "How do you version a public HTTP API?", 4, NULL, 80 };

static void test_quality_passes_good_items(void **state)
{
	loaded l;
	bp_diags q = { 0 };
	sb b = { 0 };

	(void)state;
	load1(&l, fixture("good.yaml"));
	catalog_check_quality(l.cat, &q);
	assert_no_diags(&q);
	unload(&l);

	sb_add(&b, "%s", PACK_HEAD);
	add_q_item(&b, &GOOD);
	add_scenario(&b, "outage", 3);
	quality_of(&b, &q);
	assert_no_diags(&q);
	bp_diags_free(&q);
}

static void test_quality_too_few_key_points(void **state)
{
	q_item it = GOOD;
	bp_diags q;
	sb b = { 0 };

	(void)state;
	it.id = "few";
	it.points = 3;
	sb_add(&b, "%s", PACK_HEAD);
	add_q_item(&b, &it);
	quality_of(&b, &q);
	assert_one_finding(&q, 6, "'key_points' has 3 entries; at least 4 are required", "few");
	bp_diags_free(&q);
}

static void test_quality_short_answer(void **state)
{
	q_item it = GOOD;
	bp_diags q;
	sb b = { 0 };

	(void)state;
	it.id = "short";
	it.answer_words = 79;
	sb_add(&b, "%s", PACK_HEAD);
	add_q_item(&b, &it);
	quality_of(&b, &q);
	assert_one_finding(&q, 6, "the answer has 79 words; at least 80 are required", "short");
	bp_diags_free(&q);
}

static void test_quality_scenario_with_two_steps(void **state)
{
	bp_diags q;
	sb b = { 0 };

	(void)state;
	sb_add(&b, "%s", PACK_HEAD);
	add_scenario(&b, "thin", 2);
	quality_of(&b, &q);
	assert_one_finding(&q, 6, "a scenario needs at least 3 steps; it has 2", "thin");
	bp_diags_free(&q);
}

static void test_quality_key_point_over_100_columns(void **state)
{
	char point[512];
	q_item it = GOOD;
	bp_diags q;
	sb b = { 0 };

	(void)state;
	/* 100 columns is fine. */
	memset(point, 'x', 100);
	point[100] = '\0';
	it.long_point = point;
	sb_add(&b, "%s", PACK_HEAD);
	add_q_item(&b, &it);
	quality_of(&b, &q);
	assert_no_diags(&q);
	bp_diags_free(&q);

	/* 101 is not. */
	strcpy(point + 100, "x");
	it.id = "long";
	sb_add(&b, "%s", PACK_HEAD);
	add_q_item(&b, &it);
	quality_of(&b, &q);
	assert_one_finding(&q, 6, "an entry of 'key_points' is longer than one line of 100 columns",
			   "long");
	bp_diags_free(&q);

	/* Columns, not bytes: 50 wide characters (150 bytes) and 99 é (198 bytes) fit. */
	point[0] = '\0';
	for (int i = 0; i < 50; i++)
		strcat(point, "\xe4\xb8\xad");
	it.id = "wide";
	it.long_point = point;
	sb_add(&b, "%s", PACK_HEAD);
	add_q_item(&b, &it);
	quality_of(&b, &q);
	assert_no_diags(&q);
	bp_diags_free(&q);
	point[0] = '\0';
	for (int i = 0; i < 99; i++)
		strcat(point, "\xc3\xa9");
	sb_add(&b, "%s", PACK_HEAD);
	add_q_item(&b, &it);
	quality_of(&b, &q);
	assert_no_diags(&q);
	bp_diags_free(&q);

	/* 51 wide characters are 102 columns, though only 51 characters. */
	it.id = "long";
	point[0] = '\0';
	for (int i = 0; i < 51; i++)
		strcat(point, "\xe4\xb8\xad");
	sb_add(&b, "%s", PACK_HEAD);
	add_q_item(&b, &it);
	quality_of(&b, &q);
	assert_one_finding(&q, 6, "longer than one line of 100 columns", "long");
	bp_diags_free(&q);
}

static void test_quality_near_identical_prompts(void **state)
{
	q_item a = GOOD, c = GOOD, d = GOOD;
	bp_diags q;
	sb b = { 0 };
	char words[200];

	(void)state;
	a.id = "first";
	a.prompt = "How would you design an idempotent write API for payments?";
	c.id = "unrelated";
	c.prompt = "What does a load balancer do when a backend fails its health check?";
	d.id = "second";
	d.prompt = "How would you design an idempotent write API for creating payments?";
	sb_add(&b, "%s", PACK_HEAD);
	add_q_item(&b, &a);
	add_q_item(&b, &c);
	add_q_item(&b, &d);
	quality_of(&b, &q);
	snprintf(words, sizeof(words), "the prompt asks what 'api.first' (%s:6) asks",
		 tmp_path("q.yaml"));
	/* Reported at the second of the two, naming the first. */
	assert_true(q.n == 1);
	assert_one_finding(&q, q.v[0].line, words, "second");
	assert_true(q.v[0].line > 6);
	bp_diags_free(&q);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_good_pack_loads),
		T(test_bad_yaml_syntax),
		T(test_bad_unknown_key),
		T(test_bad_duplicate_key),
		T(test_bad_missing_field),
		T(test_bad_wrong_type),
		T(test_bad_level_out_of_range),
		T(test_bad_utf8_line_and_column),
		T(test_bad_anchor),
		T(test_bad_alias),
		T(test_bad_tag),
		T(test_bad_two_documents),
		T(test_duplicate_id_across_packs),
		T(test_file_over_one_mib_is_refused),
		T(test_deep_nesting_fails_fast),
		T(test_scalar_over_64_kib_is_refused),
		T(test_broken_pack_skipped_good_pack_loads),
		T(test_more_bad_items),
		T(test_same_pack_id_twice),
		T(test_loaded_text_is_cleaned),
		T(test_raw_control_byte_is_located),
		T(test_windows_line_ends_and_bom_load_the_same),
		T(test_plan_with_four_weeks_loads),
		T(test_plan_with_three_weeks_is_rejected),
		T(test_quality_passes_good_items),
		T(test_quality_too_few_key_points),
		T(test_quality_short_answer),
		T(test_quality_scenario_with_two_steps),
		T(test_quality_key_point_over_100_columns),
		T(test_quality_near_identical_prompts),
	};
#undef T

	return cmocka_run_group_tests(tests, setup_group, NULL);
}
