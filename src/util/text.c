/* text: UTF-8 decoding, cleaning, widths and wrapping. Never draws. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "backprep/text.h"

size_t text_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c, min;
	size_t n, i;

	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		n = 2, c = s[0] & 0x1f, min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3, c = s[0] & 0x0f, min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		n = 4, c = s[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

/* Characters that must never reach the terminal: they move the cursor, change modes or
 * reorder what the reader sees (bidi overrides, as in "Trojan Source"). */
static bool is_unsafe(uint32_t c)
{
	if (c < 0x20)
		return c != '\n' && c != '\t';
	if (c == 0x7f || (c >= 0x80 && c < 0xa0))
		return true;
	if (c == 0x061c || c == 0x200e || c == 0x200f)
		return true;
	if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
		return true;
	return false;
}

static size_t put_utf8(char *o, uint32_t c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xc0 | (c >> 6));
		o[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xe0 | (c >> 12));
		o[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		o[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | (c >> 18));
	o[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	o[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

size_t text_fold(const char *s, char *out, size_t cap)
{
	size_t len = 0, n = strlen(s);

	if (cap == 0)
		return 0;
	while (n && len + 5 < cap) {
		uint32_t cp;
		size_t k = text_decode(s, n, &cp);

		if (k == 0) { /* content is valid UTF-8 once cleaned; a stray byte is skipped */
			s++;
			n--;
			continue;
		}
		if (cp < 0x80)
			out[len++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
		else
			len += put_utf8(out + len, (uint32_t)towlower((wint_t)cp));
		s += k;
		n -= k;
	}
	out[len] = '\0';
	return len;
}

char *text_clean(const char *s, size_t len)
{
	/* Worst cases: a tab becomes 4 spaces; one invalid byte becomes 3 bytes of U+FFFD. */
	char *out = malloc(len * 4 + 1);
	size_t i = 0, o = 0;
	int col = 0;

	if (!out)
		return NULL;
	while (i < len) {
		uint32_t c;
		size_t n = text_decode(s + i, len - i, &c);

		if (n == 0) {
			c = 0xfffd;
			n = 1;
		}
		i += n;
		if (c == '\r' && i < len && s[i] == '\n')
			continue;
		if (c == '\t') {
			do
				out[o++] = ' ';
			while (++col % 4);
			continue;
		}
		if (is_unsafe(c))
			continue;
		o += put_utf8(out + o, c);
		col = c == '\n' ? 0 : col + text_cp_width(c); /* a wide character takes two */
	}
	out[o] = '\0';
	return out;
}

/* Appends what one unsafe character or invalid byte looks like in a message. */
static size_t put_visible(char *o, uint32_t c, bool invalid)
{
	static const char hex[] = "0123456789abcdef", upper[] = "0123456789ABCDEF";

	if (invalid || c < 0x20 || c == 0x7f) {
		o[0] = '\\';
		o[1] = 'x';
		o[2] = hex[(c >> 4) & 0xf];
		o[3] = hex[c & 0xf];
		return 4;
	}
	o[0] = 'U';
	o[1] = '+';
	for (int i = 0; i < 4; i++)
		o[2 + i] = upper[(c >> (12 - 4 * i)) & 0xf]; /* every unsafe one is below U+10000 */
	return 6;
}

size_t text_visible(const char *s, size_t len, char *out, size_t cap)
{
	size_t i = 0, o = 0;

	if (cap == 0)
		return 0;
	while (i < len) {
		char piece[6];
		uint32_t c = 0;
		size_t n = text_decode(s + i, len - i, &c), k;

		if (n == 0) {
			k = put_visible(piece, (unsigned char)s[i], true);
			n = 1;
		} else if (is_unsafe(c) || c == '\n' || c == '\t') {
			/* a message is one line: newline and tab are shown too */
			k = put_visible(piece, c, false);
		} else {
			memcpy(piece, s + i, n);
			k = n;
		}
		if (o + k >= cap)
			break;
		memcpy(out + o, piece, k);
		o += k;
		i += n;
	}
	out[o] = '\0';
	return i;
}

int text_has_controls(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		uint32_t c;
		size_t n = text_decode(s + i, len - i, &c);

		if (n == 0 || c == '\t' || c == '\r' || is_unsafe(c))
			return 1;
		i += n;
	}
	return 0;
}

int text_cp_width(uint32_t cp)
{
	int w;

	if (cp < 0x80)
		return cp >= 0x20 && cp != 0x7f;
	if (text_ascii_on())
		return (int)strlen(text_ascii_of(cp));
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

int text_width(const char *s, size_t len)
{
	size_t i = 0;
	int w = 0;

	while (i < len) {
		uint32_t c = 0xfffd;
		size_t n = text_decode(s + i, len - i, &c);

		i += n ? n : 1;
		w += text_cp_width(c);
	}
	return w;
}

size_t text_fit(const char *s, size_t len, int cols)
{
	size_t i = 0;
	int w = 0;

	while (i < len) {
		uint32_t c = 0xfffd;
		size_t n = text_decode(s + i, len - i, &c);
		int cw = text_cp_width(c);

		if (w + cw > cols)
			break;
		w += cw;
		i += n ? n : 1;
	}
	return i;
}

size_t text_words(const char *s)
{
	size_t n = 0;
	bool in = false;

	for (; *s; s++) {
		bool sp = *s == ' ' || *s == '\n' || *s == '\t';

		if (!sp && !in)
			n++;
		in = !sp;
	}
	return n;
}

static int push(text_lines *l, const char *s, size_t len, int indent)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		text_line *v = realloc(l->v, cap * sizeof(*v));

		if (!v)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = (text_line){ s, len, indent };
	return 0;
}

/*
 * Wraps one logical line s[0..len) (no newlines inside, or newlines treated as spaces in
 * prose) at word boundaries; a word wider than the line is cut.
 */
static int wrap_run(const char *s, size_t len, int width, int indent, text_lines *out)
{
	size_t i = 0;

	if (width < 1)
		width = 1;
	while (i < len) {
		size_t start, end = 0, j;
		int w = 0;
		bool broke = false;

		while (i < len && (s[i] == ' ' || s[i] == '\n'))
			i++;
		if (i >= len)
			break;
		start = i;
		for (j = start; j < len;) {
			uint32_t c = 0xfffd;
			size_t n = text_decode(s + j, len - j, &c);
			/* a joined newline is drawn as a space */
			int cw = c == '\n' ? 1 : text_cp_width(c);

			n = n ? n : 1;
			if (c == ' ' || c == '\n')
				end = j;
			/* every line takes at least one character, however narrow */
			if (w + cw > width && j > start) {
				broke = true;
				break;
			}
			w += cw;
			j += n;
		}
		if (!broke)
			end = len;
		else if (end <= start)
			end = j; /* one word wider than the line: cut it */
		while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\n'))
			end--;
		if (push(out, s + start, end - start, indent) < 0)
			return -1;
		i = end;
	}
	return 0;
}

static size_t leading_spaces(const char *s, size_t len)
{
	size_t n = 0;

	while (n < len && s[n] == ' ')
		n++;
	return n;
}

/* A prose line that starts a new visual line: a list item or an indented line. */
static bool starts_block(const char *s, size_t len)
{
	size_t i = 0;

	if (len > 0 && s[0] == ' ')
		return true;
	if (len >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return true;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 0 && i + 1 < len && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ';
}

int text_wrap(const char *s, int width, int indent, enum text_mode mode, text_lines *out)
{
	const char *p = s;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		size_t lead = leading_spaces(p, len);
		const char *end = p + len;

		if (lead == len) { /* blank line: keep one empty line */
			if (push(out, p, 0, indent) < 0)
				return -1;
			p = nl ? nl + 1 : end;
			continue;
		}
		if (mode == TEXT_PROSE && !starts_block(p, len)) {
			/* join following lines of the same paragraph */
			while (*end == '\n') {
				const char *q = end + 1;
				const char *qnl = strchr(q, '\n');
				size_t qlen = qnl ? (size_t)(qnl - q) : strlen(q);

				if (leading_spaces(q, qlen) == qlen || starts_block(q, qlen))
					break;
				end = q + qlen;
			}
		}
		if (wrap_run(p + lead, (size_t)(end - p) - lead, width - (int)lead, indent + (int)lead,
			     out) < 0)
			return -1;
		p = *end ? end + 1 : end;
	}
	return 0;
}

void text_lines_free(text_lines *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

const char *text_plural(long long n, const char *one, const char *many)
{
	return n == 1 || n == -1 ? one : many;
}
