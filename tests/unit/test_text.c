/*
 * Tests of src/util/text.c: what reaches the screen. Content is cleaned once when it is
 * loaded (text_clean), measured in terminal columns (text_width, text_fit) and wrapped into
 * lines (text_wrap). Every expectation is what a person would see on the terminal.
 */
#include <locale.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "backprep/text.h"

#define FFFD "\xef\xbf\xbd"

/* text_clean of a byte string that may hold NULs, compared with what should be left. */
static void assert_clean(const char *in, size_t len, const char *want)
{
	char *got = text_clean(in, len);

	assert_non_null(got);
	if (strcmp(got, want) != 0)
		fail_msg("text_clean gave \"%s\", want \"%s\"", got, want);
	free(got);
}

#define CLEAN(lit, want) assert_clean(lit, sizeof(lit) - 1, want)

/* True when s is entirely well-formed UTF-8. */
static int valid_utf8(const char *s)
{
	size_t len = strlen(s), i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);

		if (n == 0)
			return 0;
		i += n;
	}
	return 1;
}

static int setup_utf8(void **state)
{
	(void)state;
	if (!setlocale(LC_ALL, "C.UTF-8"))
		fail_msg("the C.UTF-8 locale is missing");
	return 0;
}

/* text_decode */

static void test_decode_accepts_each_length(void **state)
{
	uint32_t cp = 0;

	(void)state;
	assert_int_equal(text_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 0x41);
	assert_int_equal(text_decode("\xc3\xa9", 2, &cp), 2);
	assert_int_equal(cp, 0xe9);
	assert_int_equal(text_decode("\xe4\xb8\xad", 3, &cp), 3);
	assert_int_equal(cp, 0x4e2d);
	assert_int_equal(text_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1f600);
	assert_int_equal(text_decode("\xf4\x8f\xbf\xbf", 4, &cp), 4);
	assert_int_equal(cp, 0x10ffff);
}

static void test_decode_rejects_malformed(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(text_decode("\xc0\xaf", 2, &cp), 0);         /* overlong '/' */
	assert_int_equal(text_decode("\xe0\x80\xaf", 3, &cp), 0);     /* overlong '/' */
	assert_int_equal(text_decode("\xf0\x82\x82\xac", 4, &cp), 0); /* overlong euro */
	assert_int_equal(text_decode("\xed\xa0\x80", 3, &cp), 0);     /* surrogate D800 */
	assert_int_equal(text_decode("\xed\xbf\xbf", 3, &cp), 0);     /* surrogate DFFF */
	assert_int_equal(text_decode("\xf4\x90\x80\x80", 4, &cp), 0); /* above U+10FFFF */
	assert_int_equal(text_decode("\x80", 1, &cp), 0);             /* lone continuation */
	assert_int_equal(text_decode("\xf8\x88\x80\x80\x80", 5, &cp), 0);
	assert_int_equal(text_decode("\xe4\xb8", 2, &cp), 0);         /* truncated */
	assert_int_equal(text_decode("\xe4\xb8\xad", 2, &cp), 0);     /* cut by len */
	assert_int_equal(text_decode("\xe4" "A\xad", 3, &cp), 0);     /* not a continuation */
}

/* text_clean */

static void test_clean_keeps_plain_text(void **state)
{
	(void)state;
	CLEAN("Caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80\nline two",
	      "Caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80\nline two");
	CLEAN("", "");
}

static void test_clean_invalid_bytes_become_replacement(void **state)
{
	(void)state;
	CLEAN("a\xff" "b", "a" FFFD "b");
	CLEAN("\x80\x80", FFFD FFFD);
	/* A truncated sequence does not swallow the character after it. */
	{
		char *got = text_clean("x\xe4\xb8" "y", 4);

		assert_non_null(got);
		assert_true(valid_utf8(got));
		assert_non_null(strstr(got, FFFD));
		assert_int_equal(got[0], 'x');
		assert_int_equal(got[strlen(got) - 1], 'y');
		free(got);
	}
}

static void test_clean_overlong_and_surrogates(void **state)
{
	(void)state;
	/* An overlong '/' must never come out as a '/' (a classic path-traversal trick). */
	CLEAN("a\xc0\xaf" "b", "a" FFFD FFFD "b");
	CLEAN("a\xe0\x80\xaf" "b", "a" FFFD FFFD FFFD "b");
	CLEAN("\xf0\x82\x82\xac", FFFD FFFD FFFD FFFD);
	/* UTF-16 surrogates encoded in UTF-8 (CESU) are not characters. */
	CLEAN("<\xed\xa0\x80\xed\xb0\x80>", "<" FFFD FFFD FFFD FFFD FFFD FFFD ">");
	CLEAN("\xf4\x90\x80\x80", FFFD FFFD FFFD FFFD);
}

static void test_clean_drops_c0_controls_but_newline(void **state)
{
	(void)state;
	/* NUL, BEL, backspace, vertical tab, form feed, ESC and the rest of C0: gone. */
	CLEAN("a\x00" "b\x07" "c\x08" "d\x0b" "e\x0c" "f\x1b" "g\x01\x1f" "h",
	      "abcdefgh");
	/* An escape sequence loses its ESC, so the terminal prints it instead of obeying it. */
	CLEAN("\x1b[2J\x1b]0;pwned\x07ok", "[2J]0;pwnedok");
	CLEAN("one\ntwo\n\nthree\n", "one\ntwo\n\nthree\n");
}

static void test_clean_drops_del_and_c1(void **state)
{
	(void)state;
	CLEAN("a\x7f" "b", "ab");
	/* U+0080, U+0085 (NEL), U+009B (CSI), U+009F: the C1 controls, two bytes each. */
	CLEAN("a\xc2\x80" "b\xc2\x85" "c\xc2\x9b" "31md\xc2\x9f" "e", "ab" "c31md" "e");
	/* U+00A0 (no-break space), the first character after C1, stays. */
	CLEAN("a\xc2\xa0" "b", "a\xc2\xa0" "b");
}

static void test_clean_drops_bidi_controls(void **state)
{
	static const char *const bidi[] = {
		/* U+202A to U+202E */
		"\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad", "\xe2\x80\xae",
		/* U+2066 to U+2069 */
		"\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bidi) / sizeof(bidi[0]); i++) {
		char in[32];

		snprintf(in, sizeof(in), "if%sx", bidi[i]);
		assert_clean(in, strlen(in), "ifx");
	}
	/* "Trojan Source": an override that makes code read differently than it runs. */
	CLEAN("access = \"user\xe2\x80\xae \xe2\x81\xa6// admin\xe2\x81\xa9 \xe2\x81\xa6\"",
	      "access = \"user // admin \"");
	/* A neighbour that is an ordinary character stays: U+202F, a narrow no-break space. */
	CLEAN("a\xe2\x80\xaf" "b", "a\xe2\x80\xaf" "b");
}

static void test_clean_expands_tabs_to_stops_of_four(void **state)
{
	(void)state;
	CLEAN("\tx", "    x");
	CLEAN("a\tb", "a   b");
	CLEAN("abc\td", "abc d");
	CLEAN("abcd\te", "abcd    e");
	CLEAN("a\t\tb", "a       b");
	/* The column starts again after a newline. */
	CLEAN("abcdef\n\tx", "abcdef\n    x");
	/* A two-byte character is one column. */
	CLEAN("\xc3\xa9\tx", "\xc3\xa9   x");
	/* A dropped control takes no column. */
	CLEAN("a\x07\tb", "a   b");
}

static void test_clean_tab_after_wide_character(void **state)
{
	(void)state;
	/* 中 takes two columns, so the next stop is two spaces away, not three. */
	CLEAN("\xe4\xb8\xad\tx", "\xe4\xb8\xad  x");
	CLEAN("\xe4\xb8\xad\xe6\x96\x87\tx", "\xe4\xb8\xad\xe6\x96\x87    x");
}

static void test_clean_crlf(void **state)
{
	(void)state;
	CLEAN("one\r\ntwo\r\n", "one\ntwo\n");
	/* A lone carriage return would move the cursor back over the line: dropped. */
	CLEAN("safe\rEVIL", "safeEVIL");
	CLEAN("a\r\r\nb", "a\nb");
}

static void test_clean_output_is_always_valid(void **state)
{
	unsigned char buf[256];
	unsigned seed = 12345;

	(void)state;
	/* Pseudo-random bytes: whatever comes in, valid UTF-8 without controls comes out. */
	for (int round = 0; round < 2000; round++) {
		size_t len = (size_t)(round % 200) + 1;
		char *got;

		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = (unsigned char)(seed >> 16);
		}
		got = text_clean((const char *)buf, len);
		assert_non_null(got);
		assert_true(valid_utf8(got));
		assert_false(text_has_controls(got, strlen(got)));
		free(got);
	}
}

static void test_has_controls(void **state)
{
	(void)state;
	assert_false(text_has_controls("plain text\nand more", 19));
	assert_true(text_has_controls("tab\there", 8));
	assert_true(text_has_controls("cr\r\n", 4));
	assert_true(text_has_controls("bad \xff", 5));
	assert_true(text_has_controls("bidi \xe2\x80\xae", 8));
}

/* text_visible: what a message shows of text quoted from a file, an argument or the database */

static void assert_visible(const char *in, size_t len, const char *want)
{
	char out[256];

	assert_int_equal(text_visible(in, len, out, sizeof(out)), len);
	assert_string_equal(out, want);
}

#define VISIBLE(in, want) assert_visible(in, sizeof(in) - 1, want)

static void test_visible_shows_escape_sequences_instead_of_sending_them(void **state)
{
	(void)state;
	/* OSC 52 would write the clipboard, OSC 0 set the title */
	VISIBLE("k\x1b]52;c;aGk=\x07", "k\\x1b]52;c;aGk=\\x07");
	VISIBLE("\x1b]0;pwned\x07", "\\x1b]0;pwned\\x07");
	VISIBLE("a\x7f" "b", "a\\x7fb");
	VISIBLE("nul\0here", "nul\\x00here");
	/* a message is one line: a newline in a key cannot fake a second message */
	VISIBLE("x\nok: 0 problems\t", "x\\x0aok: 0 problems\\x09");
}

static void test_visible_names_c1_and_bidi_controls(void **state)
{
	(void)state;
	VISIBLE("\xc2\x9b" "2J", "U+009B2J");           /* CSI as one character */
	VISIBLE("abc\xe2\x80\xae" "def", "abcU+202Edef"); /* right-to-left override */
	VISIBLE("\xe2\x81\xa6", "U+2066");
	VISIBLE("\xd8\x9c", "U+061C");
}

static void test_visible_shows_invalid_bytes(void **state)
{
	(void)state;
	VISIBLE("\x9b" "2J", "\\x9b2J"); /* a raw C1 byte: invalid UTF-8 */
	VISIBLE("\xff\xfe", "\\xff\\xfe");
	VISIBLE("\xe2\x80", "\\xe2\\x80"); /* truncated */
	VISIBLE("\xc0\xaf", "\\xc0\\xaf"); /* overlong '/' */
}

static void test_visible_keeps_printable_text(void **state)
{
	(void)state;
	VISIBLE("Caf\xc3\xa9 \xe4\xb8\xad \\x1b", "Caf\xc3\xa9 \xe4\xb8\xad \\x1b");
	VISIBLE("", "");
}

static void test_visible_twice_changes_nothing(void **state)
{
	static const char in[] = "a\x1b\xc2\x9b\xe2\x80\xae\xff\n\xc3\xa9";
	char once[128], twice[128];

	(void)state;
	text_visible(in, sizeof(in) - 1, once, sizeof(once));
	text_visible(once, strlen(once), twice, sizeof(twice));
	assert_string_equal(twice, once);
	assert_false(text_has_controls(once, strlen(once)));
}

static void test_visible_cut_never_splits_an_escape(void **state)
{
	char out[8];

	(void)state;
	/* "ab" then "\x1b" (4 bytes) does not fit in 5 bytes and a NUL: it is left out whole */
	assert_int_equal(text_visible("ab\x1b" "cd", 5, out, 6), 2);
	assert_string_equal(out, "ab");
	assert_int_equal(text_visible("abcd\xe4\xb8\xad", 7, out, 6), 4);
	assert_string_equal(out, "abcd");
	assert_int_equal(text_visible("abc", 3, out, 1), 0);
	assert_string_equal(out, "");
}

/* widths */

static void test_width_counts_columns(void **state)
{
	(void)state;
	assert_int_equal(text_width("hello", 5), 5);
	assert_int_equal(text_width("\xe4\xb8\xad", 3), 2);           /* 中 */
	assert_int_equal(text_width("a\xe4\xb8\xad" "b", 5), 4);
	assert_int_equal(text_width("\xc3\xa9", 2), 1);               /* é */
	assert_int_equal(text_width("e\xcc\x81", 3), 1);              /* e + combining acute */
	assert_int_equal(text_width("\xef\xbc\xa1", 3), 2);           /* fullwidth A */
	assert_int_equal(text_width("", 0), 0);
}

static void test_fit_never_splits_a_character(void **state)
{
	const char *s = "a\xe4\xb8\xad" "b"; /* a 中 b: 1 + 2 + 1 columns */

	(void)state;
	assert_int_equal(text_fit(s, 5, 0), 0);
	assert_int_equal(text_fit(s, 5, 1), 1);
	assert_int_equal(text_fit(s, 5, 2), 1); /* 中 does not fit in the one column left */
	assert_int_equal(text_fit(s, 5, 3), 4);
	assert_int_equal(text_fit(s, 5, 4), 5);
	assert_int_equal(text_fit(s, 5, 80), 5);
	/* Three wide characters in five columns: two fit, and the cut is on a boundary. */
	assert_int_equal(text_fit("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97", 9, 5), 6);
	/* Multi-byte but narrow: é é é in two columns is two characters, four bytes. */
	assert_int_equal(text_fit("\xc3\xa9\xc3\xa9\xc3\xa9", 6, 2), 4);
}

static void test_words(void **state)
{
	(void)state;
	assert_int_equal(text_words(""), 0);
	assert_int_equal(text_words("   "), 0);
	assert_int_equal(text_words("one"), 1);
	assert_int_equal(text_words("  one two\nthree\tfour  "), 4);
}

/* wrapping */

/* Line i of a wrap as it is drawn: the source slice with newlines shown as spaces. */
static const char *drawn(const text_lines *l, size_t i, char *buf, size_t n)
{
	size_t len = l->v[i].len < n - 1 ? l->v[i].len : n - 1;

	memcpy(buf, l->v[i].s, len);
	buf[len] = '\0';
	for (size_t k = 0; k < len; k++)
		if (buf[k] == '\n')
			buf[k] = ' ';
	return buf;
}

/* Wraps s and checks the drawn lines and their indents against want (NULL-terminated). */
static void assert_wrap(const char *s, int width, int indent, enum text_mode mode,
			const char *const *want, const int *want_indent)
{
	text_lines l = { 0 };
	char buf[512];
	size_t n = 0;

	assert_int_equal(text_wrap(s, width, indent, mode, &l), 0);
	while (want[n])
		n++;
	for (size_t i = 0; i < l.n && i < n; i++) {
		if (strcmp(drawn(&l, i, buf, sizeof(buf)), want[i]) != 0)
			fail_msg("line %zu is \"%s\", want \"%s\"", i + 1, buf, want[i]);
		if (want_indent && l.v[i].indent != want_indent[i])
			fail_msg("line %zu (\"%s\") is indented %d, want %d", i + 1, buf,
				 l.v[i].indent, want_indent[i]);
	}
	if (l.n != n)
		fail_msg("%zu lines, want %zu", l.n, n);
	text_lines_free(&l);
}

/* At every width from min_width to 60, no drawn line (with the indentation of its source
 * line) is wider than the width. */
static void assert_fits(const char *s, enum text_mode mode, int min_width)
{
	for (int width = min_width; width <= 60; width++) {
		text_lines l = { 0 };
		char buf[512];

		assert_int_equal(text_wrap(s, width, 2, mode, &l), 0);
		for (size_t i = 0; i < l.n; i++) {
			const char *d = drawn(&l, i, buf, sizeof(buf));
			int w = l.v[i].indent - 2 + text_width(d, strlen(d));

			if (w > width)
				fail_msg("width %d: line \"%s\" takes %d columns", width, d, w);
			assert_true(l.v[i].indent >= 2);
		}
		text_lines_free(&l);
	}
}

static void test_wrap_no_line_wider_than_width(void **state)
{
	(void)state;
	assert_fits("The server stores the key and the outcome in the same transaction as the "
		    "write,\nso a retry with a known key replays the stored response instead of "
		    "charging\nthe card again. \xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97 wide words "
		    "\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97\xe4\xb8\xad\xe6\x96\x87 too.\n\n- a list "
		    "item that is long enough to wrap onto a second line\n  an indented line",
		    TEXT_PROSE, 4);
	/* Down to the width where the deepest indentation still leaves room for a wide
	 * character. */
	assert_fits("def parse(q):\n    out = {}\n    for pair in filter(None, q.split(\"&\")):\n"
		    "        k, _, v = pair.partition(\"=\")  # \xe4\xb8\xad\xe6\x96\x87\n",
		    TEXT_VERBATIM, 10);
}

static void test_wrap_joined_line_counts_the_space(void **state)
{
	static const char *const want[] = { "aaaa", "bbbb", NULL };

	(void)state;
	/* Joined, these are drawn as "aaaa bbbb": nine columns, one too many for eight. */
	assert_wrap("aaaa\nbbbb", 8, 0, TEXT_PROSE, want, NULL);
}

static void test_wrap_keeps_words_whole(void **state)
{
	static const char *const want[] = { "the quick", "brown fox", "jumps over", "the lazy",
					    "dog", NULL };
	static const char *const exact[] = { "aaaaa", "bbbbb", NULL };

	(void)state;
	assert_wrap("the quick brown fox jumps over the lazy dog", 10, 0, TEXT_PROSE, want, NULL);
	/* A word that ends exactly at the edge stays on its line. */
	assert_wrap("aaaaa bbbbb", 5, 0, TEXT_PROSE, exact, NULL);
}

static void test_wrap_cuts_only_words_longer_than_width(void **state)
{
	static const char *const want[] = { "a", "supercal", "ifragili", "stic", "word", NULL };

	(void)state;
	assert_wrap("a supercalifragilistic word", 8, 0, TEXT_PROSE, want, NULL);
}

static void test_wrap_wide_character_in_a_tiny_width(void **state)
{
	pid_t pid;
	int status;

	(void)state;
	/* A column narrower than one wide character must still end (in a child, so that a
	 * loop that never ends is a failure rather than a hung test run). */
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		text_lines l = { 0 };
		size_t bytes = 0;

		alarm(5);
		if (text_wrap("\xe4\xb8\xad\xe6\x96\x87", 1, 0, TEXT_PROSE, &l) < 0)
			_exit(2);
		for (size_t i = 0; i < l.n; i++)
			bytes += l.v[i].len;
		/* Nothing is lost: both characters are drawn, one a line. */
		_exit(l.n == 2 && bytes == 6 ? 0 : 3);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (WIFSIGNALED(status))
		fail_msg("text_wrap did not finish (signal %d)", WTERMSIG(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static void test_wrap_prose_joins_paragraph_lines(void **state)
{
	static const char *const want[] = { "First line of a paragraph and its second line.", "",
					    "A new paragraph.", NULL };
	static const int ind[] = { 3, 3, 3 };

	(void)state;
	assert_wrap("First line of a paragraph\nand its second line.\n\nA new paragraph.\n", 60, 3,
		    TEXT_PROSE, want, ind);
}

static void test_wrap_prose_keeps_list_items(void **state)
{
	static const char *const want[] = { "Steps:", "- roll back", "- add the index",
					    "1. check", "2) confirm", "* then", "", "Done.", NULL };

	(void)state;
	assert_wrap("Steps:\n- roll back\n- add the index\n1. check\n2) confirm\n* then\n\nDone.",
		    60, 0, TEXT_PROSE, want, NULL);
}

static void test_wrap_prose_list_item_and_indented_line(void **state)
{
	static const char *const want[] = { "- one two", "three four", NULL };
	static const char *const ind_want[] = { "intro", "code line", NULL };
	static const int ind[] = { 0, 2 };

	(void)state;
	assert_wrap("- one two three four", 10, 0, TEXT_PROSE, want, NULL);
	/* An indented line is its own line and keeps its indentation. */
	assert_wrap("intro\n  code line", 40, 0, TEXT_PROSE, ind_want, ind);
}

static void test_wrap_verbatim_keeps_lines_and_indentation(void **state)
{
	static const char *const want[] = { "def f(x):", "if x:", "return 1", "", "return 0",
					    NULL };
	static const int ind[] = { 1, 5, 9, 1, 5 };
	static const char *const spaces[] = { "x  =  1", NULL };

	(void)state;
	assert_wrap("def f(x):\n    if x:\n        return 1\n\n    return 0\n", 40, 1,
		    TEXT_VERBATIM, want, ind);
	/* Runs of spaces inside a line are the author's: kept. */
	assert_wrap("x  =  1", 40, 0, TEXT_VERBATIM, spaces, NULL);
}

static void test_wrap_verbatim_does_not_join(void **state)
{
	static const char *const verbatim[] = { "GET /a", "Host: x", NULL };
	static const char *const prose[] = { "GET /a Host: x", NULL };

	(void)state;
	assert_wrap("GET /a\nHost: x", 40, 0, TEXT_VERBATIM, verbatim, NULL);
	assert_wrap("GET /a\nHost: x", 40, 0, TEXT_PROSE, prose, NULL);
}

static void test_wrap_verbatim_long_line_wraps_under_its_indent(void **state)
{
	static const char *const want[] = { "aaaa", "bbbb", "cccc", NULL };
	static const int ind[] = { 4, 4, 4 };

	(void)state;
	assert_wrap("    aaaa bbbb cccc", 12, 0, TEXT_VERBATIM, want, ind);
}

/* "clears in about 1 day", "0 days", "3 days"; "ahead by -1" still reads as one. */
static void test_plural_picks_the_word_for_the_count(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(text_plural(1, "day", "days"), "day");
	assert_string_equal(text_plural(-1, "day", "days"), "day");
	assert_string_equal(text_plural(0, "day", "days"), "days");
	assert_string_equal(text_plural(2, "entry", "entries"), "entries");
	snprintf(buf, sizeof(buf), "clears in about %d %s", 1, text_plural(1, "day", "days"));
	assert_string_equal(buf, "clears in about 1 day");
}

/* Plain terminals: what a person sees under LANG=C instead of mojibake. */
static void assert_ascii(const char *in, const char *want)
{
	char out[256];
	size_t n = text_ascii(in, strlen(in), out, sizeof(out));

	if (strcmp(out, want) != 0)
		fail_msg("text_ascii gave \"%s\", want \"%s\"", out, want);
	assert_int_equal(n, strlen(want));
}

static void test_ascii_reads_the_same(void **state)
{
	(void)state;
	assert_ascii("Plan \u2014 week 2 \u2013 \u201cdone\u201d \u2026 it\u2019s", "Plan - week 2 - \"done\" ... it's");
	assert_ascii("caf\u00e9 na\u00efve \u00c5ngstr\u00f6m \u0141\u00f3d\u017a Stra\u00dfe \u0152uvre", "cafe naive Angstrom Lodz Strasse OEuvre");
	assert_ascii("a \u2192 b \u2190 c \u21d2 d \u2022 e \u00b7 f", "a -> b <- c => d * e - f");
	assert_ascii("\u2264 \u2265 \u2260 \u2248 \u00d7 \u00b1", "<= >= != ~ x +/-");
	/* a combining accent vanishes; invalid UTF-8 and the unknown read ? */
	assert_ascii("e\u0301t\u00e9", "ete");
	assert_ascii("\xff ok \u4e2d", "? ok ?");
	assert_ascii("plain ASCII stays", "plain ASCII stays");
}

static void test_ascii_box_lines_and_chart_ramps(void **state)
{
	(void)state;
	assert_ascii("\u250c\u2500\u2500\u2510\u2502 \u2502\u2514\u2550\u2550\u2518\u2551\u253c", "+--+| |+--+|+");
	/* the heatmap's levels 0..4 and a sparkline's eighths keep their order of weight */
	assert_ascii("\u00b7\u2591\u2592\u2593\u2588", "-.:+#");
	assert_ascii("\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588", "_.,:=+*#");
	/* a bar: full cells, a part of one, the rest dotted */
	assert_ascii("\u2588\u2588\u258c\u00b7\u00b7", "##+--");
}

/* Every reading is printable ASCII, so nothing outside it reaches a plain terminal. */
static void test_ascii_every_reading_is_printable(void **state)
{
	(void)state;
	for (uint32_t cp = 0x80; cp < 0x30000; cp++) {
		const char *s = text_ascii_of(cp);

		assert_non_null(s);
		for (const char *p = s; *p; p++)
			if (*p < 0x20 || *p > 0x7e)
				fail_msg("U+%04X reads as a byte 0x%02x", (unsigned)cp, (unsigned char)*p);
	}
	assert_null(text_ascii_of('a'));
}

/* Widths follow the mode, so that a line is wrapped and cut by what is drawn. */
static void test_ascii_widths_follow_the_reading(void **state)
{
	const char *s = "ab\u2026cd";

	(void)state;
	assert_int_equal(text_width(s, strlen(s)), 5);
	text_ascii_set(true);
	assert_int_equal(text_width(s, strlen(s)), 7);
	/* four columns hold "ab" but not the three of "..." */
	assert_int_equal(text_fit(s, strlen(s), 4), 2);
	assert_int_equal(text_fit(s, strlen(s), 5), 5);
	text_ascii_set(false);
	assert_int_equal(text_fit(s, strlen(s), 4), 6);
}

static void test_ascii_chosen_from_the_codeset(void **state)
{
	(void)state;
	assert_true(text_codeset_is_utf8("UTF-8"));
	assert_true(text_codeset_is_utf8("utf8"));
	assert_false(text_codeset_is_utf8("ANSI_X3.4-1968"));
	assert_false(text_codeset_is_utf8("ISO-8859-1"));
	assert_true(text_codeset_is_utf8(text_codeset())); /* the group runs under C.UTF-8 */
	assert_non_null(setlocale(LC_ALL, "C"));
	assert_false(text_codeset_is_utf8(text_codeset()));
	assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_accepts_each_length),
		cmocka_unit_test(test_decode_rejects_malformed),
		cmocka_unit_test(test_clean_keeps_plain_text),
		cmocka_unit_test(test_clean_invalid_bytes_become_replacement),
		cmocka_unit_test(test_clean_overlong_and_surrogates),
		cmocka_unit_test(test_clean_drops_c0_controls_but_newline),
		cmocka_unit_test(test_clean_drops_del_and_c1),
		cmocka_unit_test(test_clean_drops_bidi_controls),
		cmocka_unit_test(test_clean_expands_tabs_to_stops_of_four),
		cmocka_unit_test(test_clean_tab_after_wide_character),
		cmocka_unit_test(test_clean_crlf),
		cmocka_unit_test(test_clean_output_is_always_valid),
		cmocka_unit_test(test_has_controls),
		cmocka_unit_test(test_visible_shows_escape_sequences_instead_of_sending_them),
		cmocka_unit_test(test_visible_names_c1_and_bidi_controls),
		cmocka_unit_test(test_visible_shows_invalid_bytes),
		cmocka_unit_test(test_visible_keeps_printable_text),
		cmocka_unit_test(test_visible_twice_changes_nothing),
		cmocka_unit_test(test_visible_cut_never_splits_an_escape),
		cmocka_unit_test(test_width_counts_columns),
		cmocka_unit_test(test_fit_never_splits_a_character),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_wrap_no_line_wider_than_width),
		cmocka_unit_test(test_wrap_joined_line_counts_the_space),
		cmocka_unit_test(test_wrap_keeps_words_whole),
		cmocka_unit_test(test_wrap_cuts_only_words_longer_than_width),
		cmocka_unit_test(test_wrap_wide_character_in_a_tiny_width),
		cmocka_unit_test(test_wrap_prose_joins_paragraph_lines),
		cmocka_unit_test(test_wrap_prose_keeps_list_items),
		cmocka_unit_test(test_wrap_prose_list_item_and_indented_line),
		cmocka_unit_test(test_wrap_verbatim_keeps_lines_and_indentation),
		cmocka_unit_test(test_wrap_verbatim_does_not_join),
		cmocka_unit_test(test_wrap_verbatim_long_line_wraps_under_its_indent),
		cmocka_unit_test(test_plural_picks_the_word_for_the_count),
		cmocka_unit_test(test_ascii_reads_the_same),
		cmocka_unit_test(test_ascii_box_lines_and_chart_ramps),
		cmocka_unit_test(test_ascii_every_reading_is_printable),
		cmocka_unit_test(test_ascii_widths_follow_the_reading),
		cmocka_unit_test(test_ascii_chosen_from_the_codeset),
	};

	return cmocka_run_group_tests(tests, setup_utf8, NULL);
}
