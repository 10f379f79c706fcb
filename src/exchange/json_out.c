/*
 * json_out: JSON as backprep prints it. jansson prints every real with one precision for the
 * whole document: 17 digits are needed for some doubles to read back the same, and give
 * 0.63028552999999998 for 0.63028553. So the document is printed with 17 and each real is
 * rewritten, as it streams past, in the shortest form that reads back as the same double.
 * Strings are passed through untouched (a digit inside one is not a number).
 */
#include <jansson.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/exchange.h"

typedef struct shortener {
	FILE *f;
	size_t bytes;
	bool in_string, escaped;
	char num[40]; /* the number being read, outside strings */
	size_t n;
	bool failed;
} shortener;

static void put(shortener *s, const char *buf, size_t size)
{
	if (size && fwrite(buf, 1, size, s->f) != size)
		s->failed = true;
	s->bytes += size;
}

/* A copy of a number written with '.' for strtod in the current locale, and back. */
static void swap_point(char *buf, char from, char to)
{
	char *p = strchr(buf, from);

	if (p)
		*p = to;
}

/* Writes the number read so far: a real in its shortest round-trip form, else as it was. */
static void flush_number(shortener *s)
{
	char point = localeconv()->decimal_point[0], in[48], out[48];
	double x;

	if (!s->n)
		return;
	s->num[s->n] = '\0';
	if (!strpbrk(s->num, ".eE") || s->n >= sizeof(s->num) - 1) {
		put(s, s->num, s->n);
		s->n = 0;
		return;
	}
	snprintf(in, sizeof(in), "%s", s->num);
	swap_point(in, '.', point);
	x = strtod(in, NULL);
	/* a double of at most 15 significant digits prints as itself with %.15g (DBL_DIG) */
	for (int digits = 15; digits <= 17; digits++) {
		snprintf(out, sizeof(out), "%.*g", digits, x);
		if (strtod(out, NULL) == x)
			break;
	}
	swap_point(out, point, '.');
	if (!strpbrk(out, ".eE"))
		strcat(out, ".0"); /* still a real when read back, as jansson writes it */
	put(s, out, strlen(out));
	s->n = 0;
}

static int shorten(const char *buf, size_t size, void *data)
{
	shortener *s = data;
	size_t from = 0;

	for (size_t i = 0; i < size; i++) {
		char c = buf[i];

		if (s->in_string) {
			if (s->escaped)
				s->escaped = false;
			else if (c == '\\')
				s->escaped = true;
			else if (c == '"')
				s->in_string = false;
			continue;
		}
		/* a number starts with '-' or a digit (the 'e' of true is not one) */
		if (c && (s->n ? strchr("-+.0123456789eE", c) != NULL
		               : c == '-' || (c >= '0' && c <= '9'))) {
			put(s, buf + from, i - from);
			from = i + 1;
			if (s->n < sizeof(s->num) - 1)
				s->num[s->n++] = c;
			continue;
		}
		if (s->n) {
			put(s, buf + from, i - from);
			from = i;
			flush_number(s);
		}
		if (c == '"')
			s->in_string = true;
	}
	put(s, buf + from, size - from);
	return s->failed ? -1 : 0;
}

int exchange_json_dump(const struct json_t *root, size_t flags, FILE *f, size_t *bytes)
{
	shortener s = {.f = f};
	int rc = json_dump_callback(root, shorten, &s,
	                            (flags & ~(size_t)JSON_REAL_PRECISION(31)) |
	                                JSON_REAL_PRECISION(17));

	flush_number(&s); /* a document that is a bare number */
	if (bytes)
		*bytes = s.bytes;
	return rc < 0 || s.failed ? -1 : 0;
}
