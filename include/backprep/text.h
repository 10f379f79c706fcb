/*
 * text: UTF-8 text as the screen sees it. Content is cleaned once, when it is loaded
 * (text_clean), so that everything drawn later is valid UTF-8 without control characters.
 * Widths are terminal columns (wcwidth), not bytes.
 */
#ifndef BACKPREP_TEXT_H
#define BACKPREP_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Decodes one UTF-8 sequence at s (at most len bytes). Returns its length and sets *cp,
 * or returns 0 for an invalid or truncated sequence (overlongs and surrogates included).
 */
size_t text_decode(const char *s, size_t len, uint32_t *cp);

/* s case-folded for searching (each character lowered with towlower, UTF-8 aware) into out
 * (cap bytes, NUL-terminated), stopping before a character that might not fit; returns the
 * bytes written. */
size_t text_fold(const char *s, char *out, size_t cap);

/*
 * A cleaned, NUL-terminated copy of s[0..len): invalid UTF-8 becomes U+FFFD; C0 controls
 * other than newline, DEL, C1 controls and bidi controls are dropped; tabs become spaces to
 * the next multiple of 4; "\r\n" becomes "\n". Returns NULL when out of memory.
 */
char *text_clean(const char *s, size_t len);

/*
 * s[0..len) made safe to quote in a message, into out (cap bytes, NUL-terminated): what
 * text_clean drops is shown instead, so that the reader sees what the file holds. C0
 * controls (newline and tab too: a message is one line) and DEL become "\x1b", C1 and bidi
 * controls "U+202E", each byte of invalid UTF-8 "\xff". The result is printable UTF-8, so
 * making it visible again changes nothing. It is cut before a character that does not fit;
 * returns the bytes of s used (len when all of it fitted).
 */
size_t text_visible(const char *s, size_t len, char *out, size_t cap);

/* True when s[0..len) would change under text_clean (for the strict validator). */
int text_has_controls(const char *s, size_t len);

/*
 * Plain terminals (text_ascii.c). Under a character set other than UTF-8 the screen is
 * written in ASCII: each character outside it as the ASCII that reads the same ("—" as
 * "-", "é" as "e", "…" as "...", box lines as "-" and "|", chart blocks as a ramp).
 * The TUI turns it on once at start, from nl_langinfo(CODESET); text_cp_width then measures
 * what will be drawn.
 */
bool text_codeset_is_utf8(const char *codeset);
/* The character set of the locale in force (after setlocale), e.g. "UTF-8", "ISO-8859-1". */
const char *text_codeset(void);
void text_ascii_set(bool on);
bool text_ascii_on(void);
/* The ASCII for a code point of U+0080 or more ("?" when there is none; "" for a combining
 * mark); NULL for ASCII itself. */
const char *text_ascii_of(uint32_t cp);
/* s[0..len) in ASCII into out (cap bytes, NUL-terminated), cut before a character whose
 * reading does not fit; invalid UTF-8 reads "?". Returns the bytes written. */
size_t text_ascii(const char *s, size_t len, char *out, size_t cap);

/* Columns of one code point (0 for combining marks, 2 for wide; 1 when unknown); in ASCII
 * mode, the columns of its reading. */
int text_cp_width(uint32_t cp);

/* Columns of s[0..len). */
int text_width(const char *s, size_t len);

/* Bytes of s[0..len) that fit in `cols` columns, cut at a character boundary. */
size_t text_fit(const char *s, size_t len, int cols);

/* Number of words (runs of non-space characters). */
size_t text_words(const char *s);

/* One wrapped line: a slice of the source, drawn after `indent` spaces. In prose a slice
 * may hold newlines of the source where lines were joined: draw them as spaces. */
typedef struct text_line {
	const char *s;
	size_t len;
	int indent;
} text_line;

typedef struct text_lines {
	text_line *v;
	size_t n, cap;
} text_lines;

enum text_mode {
	TEXT_PROSE,    /* lines of a paragraph are joined; blank lines separate paragraphs */
	TEXT_VERBATIM, /* every source line is kept; long ones wrap under their indentation */
};

/*
 * Wraps s into lines of at most `width` columns, appended to *out, each drawn after
 * `indent` spaces (continuation lines too). Returns -1 when out of memory.
 */
int text_wrap(const char *s, int width, int indent, enum text_mode mode, text_lines *out);
void text_lines_free(text_lines *l);

/* The word for a count: `one` when n is 1 or -1, else `many` ("1 day", "0 days", "3 days").
 * Messages print "%d %s" with it rather than gluing an "s" on. */
const char *text_plural(long long n, const char *one, const char *many);

#endif
