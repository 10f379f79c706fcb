/* draw: styles, wrapped documents and the bars every screen shares. */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

static int attrs[ATTR_COUNT]; /* curses attributes fit in an int here */

void style_init(void)
{
	bool color = has_colors() && !getenv("NO_COLOR");

	attrs[ATTR_TITLE] = A_REVERSE | A_BOLD;
	attrs[ATTR_DIM] = A_DIM;
	attrs[ATTR_HEAD] = A_BOLD;
	attrs[ATTR_GOOD] = A_BOLD;
	attrs[ATTR_BAD] = A_BOLD;
	attrs[ATTR_KEY] = A_BOLD;
	attrs[ATTR_SEL] = A_REVERSE;
	if (!color)
		return;
	start_color();
	use_default_colors();
	init_pair(1, COLOR_CYAN, -1);
	init_pair(2, COLOR_GREEN, -1);
	init_pair(3, COLOR_RED, -1);
	init_pair(4, COLOR_YELLOW, -1);
	attrs[ATTR_HEAD] = A_BOLD | COLOR_PAIR(1);
	attrs[ATTR_GOOD] = A_BOLD | COLOR_PAIR(2);
	attrs[ATTR_BAD] = A_BOLD | COLOR_PAIR(3);
	attrs[ATTR_KEY] = A_BOLD | COLOR_PAIR(4);
	/* the grades: red, orange, green and blue where 256 colours allow, else the basic ones */
	{
		static const short basic[4] = { COLOR_RED, COLOR_YELLOW, COLOR_GREEN, COLOR_CYAN };
		static const short fine[4] = { 196, 214, 40, 39 };

		for (int g = 0; g < 4; g++) {
			init_pair((short)(5 + g), COLORS >= 256 ? fine[g] : basic[g], -1);
			attrs[ATTR_GRADE_AGAIN + g] = COLOR_PAIR(5 + g);
		}
	}
}

int style(int which)
{
	return which >= 0 && which < ATTR_COUNT ? attrs[which] : (int)A_NORMAL;
}

void put_text(int y, int x, const char *s, size_t len, int cols, int attr)
{
	size_t fit = text_fit(s, len, cols);

	if (cols <= 0)
		return;
	attron(attr);
	move(y, x);
	if (text_ascii_on()) { /* a plain terminal: each character as its ASCII reading */
		char buf[1024];
		size_t k = text_ascii(s, fit, buf, sizeof(buf));

		for (size_t i = 0; i < k; i++)
			if (buf[i] == '\n')
				buf[i] = ' ';
		addnstr(buf, (int)k);
		attroff(attr);
		return;
	}
	/* Prose slices hold the source's newlines where lines were joined. */
	while (fit > 0) {
		const char *nl = memchr(s, '\n', fit);
		size_t run = nl ? (size_t)(nl - s) : fit;

		addnstr(s, (int)run);
		if (!nl)
			break;
		addch(' ');
		s += run + 1;
		fit -= run + 1;
	}
	attroff(attr);
}

void put_str(int y, int x, const char *s, int attr)
{
	put_text(y, x, s, strlen(s), COLS - x, attr);
}

/* The last " · " in the first n bytes of s, or NULL. */
static const char *last_dot(const char *s, size_t n)
{
	static const char dot[] = " \xc2\xb7 ";
	const char *found = NULL;

	for (const char *p = s; (size_t)(p - s) + sizeof(dot) - 1 <= n; p++)
		if (memcmp(p, dot, sizeof(dot) - 1) == 0)
			found = p;
	return found;
}

void draw_title(const char *left, const char *right)
{
	int rw = text_width(right, strlen(right));
	size_t n = strlen(left);
	const char *sep;

	/* too wide: whole " · " parts go from the end, rather than a word cut in two */
	while (text_width(left, n) > COLS - rw - 3 &&
	       (sep = last_dot(left, n)) != NULL)
		n = (size_t)(sep - left);
	attron(style(ATTR_TITLE));
	mvhline(0, 0, ' ', COLS);
	attroff(style(ATTR_TITLE));
	put_text(0, 1, left, n, COLS - rw - 3, style(ATTR_TITLE));
	put_str(0, COLS - rw - 1, right, style(ATTR_TITLE));
}

/*
 * Key hints ("Enter drill   c cram   ...   q quit") that fit `cols` columns, never cut in a
 * word: the groups close up, then middle groups drop from the right; the first, the last
 * and "? help" (which lists them all) stay.
 */
static void fit_hints(const char *hints, int cols, char *out, size_t size)
{
	const char *g[24];
	size_t len[24], n = 0, k = 0;
	bool keep[24];
	int w = 0;

	if (text_width(hints, strlen(hints)) <= cols) {
		snprintf(out, size, "%s", hints);
		return;
	}
	for (const char *p = hints; *p && n < 24; n++) {
		const char *end = strstr(p, "   ");

		g[n] = p;
		len[n] = end ? (size_t)(end - p) : strlen(p);
		p += len[n];
		while (*p == ' ')
			p++;
	}
	for (size_t i = 0; i < n; i++) {
		keep[i] = i == 0 || i + 1 == n || strncmp(g[i], "? ", 2) == 0;
		if (keep[i])
			w += text_width(g[i], len[i]) + (w ? 2 : 0);
	}
	for (size_t i = 1; i + 1 < n; i++) {
		int gw = text_width(g[i], len[i]) + 2;

		if (!keep[i] && w + gw <= cols) {
			keep[i] = true;
			w += gw;
		}
	}
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		if (keep[i] && k + len[i] + 3 < size)
			k += (size_t)snprintf(out + k, size - k, "%s%.*s", k ? "  " : "",
					      (int)len[i], g[i]);
	if (text_width(out, k) > cols) { /* too narrow even so: cut at a space */
		size_t fit = text_fit(out, k, cols);

		while (fit > 0 && out[fit] != ' ')
			fit--;
		out[fit] = '\0';
	}
}

/* The message sits on the rule above the key hints, so it never hides them. */
/* A message too long for the rule: wrapped over the last lines of the body, above the rule,
 * so that all of it can be read (an error quoting a path can be long). At most a third of
 * the screen; past that the last line says "…". */
static void draw_long_message(const char *msg, int attr)
{
	text_lines l = { 0 };
	int max = (LINES - 2) / 3, n, top;

	if (max < 1 || text_wrap(msg, COLS - 4, 0, TEXT_PROSE, &l) < 0 || l.n == 0) {
		text_lines_free(&l);
		return;
	}
	n = (int)l.n < max ? (int)l.n : max;
	top = LINES - 2 - n;
	for (int i = 0; i < n; i++) {
		move(top + i, 0);
		clrtoeol();
		put_text(top + i, 2, l.v[i].s, l.v[i].len, COLS - 4, attr);
	}
	if ((int)l.n > n)
		put_text(top + n - 1, COLS - 3, "…", strlen("…"), 2, attr);
	text_lines_free(&l);
}

void draw_footer(const char *hints, const char *msg, int msg_attr)
{
	char fitted[400];

	mvhline(LINES - 2, 0, text_ascii_on() ? '-' : ACS_HLINE, COLS);
	if (msg && *msg) {
		char buf[700];
		size_t n = (size_t)snprintf(buf, sizeof(buf), " %s ", msg);

		if (n >= sizeof(buf))
			n = sizeof(buf) - 1;
		if (text_width(buf, n) > COLS - 4)
			draw_long_message(msg, msg_attr);
		else
			put_text(LINES - 2, 2, buf, n, COLS - 4, msg_attr);
	}
	fit_hints(hints, COLS - 2, fitted, sizeof(fitted));
	put_text(LINES - 1, 1, fitted, strlen(fitted), COLS - 2, style(ATTR_DIM));
	mouse_hints(LINES - 1, 1, fitted);
}

void doc_reset(doc *d, int width)
{
	arena_free(&d->text);
	d->n = 0;
	d->width = width;
	d->click_key = d->click_row = 0;
}

void doc_click(doc *d, int key, int row)
{
	d->click_key = key;
	d->click_row = row + 1;
}

void doc_free(doc *d)
{
	arena_free(&d->text);
	free(d->v);
	memset(d, 0, sizeof(*d));
}

static doc_line *doc_push(doc *d)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 128;
		doc_line *v = realloc(d->v, cap * sizeof(*v));

		if (!v)
			return NULL;
		d->v = v;
		d->cap = cap;
	}
	memset(&d->v[d->n], 0, sizeof(doc_line));
	d->v[d->n].click_key = d->click_key;
	d->v[d->n].click_row = d->click_row;
	return &d->v[d->n++];
}

void doc_blank(doc *d)
{
	doc_push(d);
}

static void add_wrapped(doc *d, const char *s, int indent, int attr, enum text_mode mode,
			const char *prefix, int prefix_w)
{
	text_lines l = { 0 };

	if (text_wrap(s, d->width - indent, indent, mode, &l) < 0)
		return;
	for (size_t i = 0; i < l.n; i++) {
		doc_line *dl = doc_push(d);

		if (!dl)
			break;
		dl->s = l.v[i].s;
		dl->len = l.v[i].len;
		dl->indent = l.v[i].indent;
		dl->attr = attr;
		if (i == 0 && prefix) {
			snprintf(dl->prefix, sizeof(dl->prefix), "%s", prefix);
			dl->prefix_w = prefix_w;
		}
	}
	text_lines_free(&l);
}

void doc_text(doc *d, const char *s, int indent, int attr, enum text_mode mode)
{
	add_wrapped(d, s, indent, attr, mode, NULL, 0);
}

void doc_heading(doc *d, const char *s)
{
	add_wrapped(d, s, 0, style(ATTR_HEAD), TEXT_PROSE, NULL, 0);
}

const char *doc_keep(doc *d, const char *s)
{
	const char *k = arena_strndup(&d->text, s, strlen(s));

	return k ? k : "";
}

void doc_printf(doc *d, int attr, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	doc_text(d, doc_keep(d, buf), 0, attr, TEXT_PROSE);
}

void doc_entry(doc *d, const char *prefix, const char *s, int indent, int attr)
{
	int pw = text_width(prefix, strlen(prefix));

	add_wrapped(d, s, indent + pw, attr, TEXT_PROSE, prefix, pw);
}

int doc_draw(const doc *d, int top, int height, int scroll)
{
	int max = (int)d->n - height;

	if (scroll > max)
		scroll = max;
	if (scroll < 0)
		scroll = 0;
	for (int row = 0; row < height && (size_t)(scroll + row) < d->n; row++) {
		const doc_line *l = &d->v[scroll + row];
		int x = 1 + l->indent;

		if (l->prefix[0])
			put_str(top + row, x - l->prefix_w, l->prefix, l->attr | A_BOLD);
		put_text(top + row, x, l->s, l->len, COLS - x - 1, l->attr);
		if (l->click_row > 0)
			mouse_row_span(top + row, 0, COLS, l->click_row - 1, l->click_key);
		else if (l->click_key)
			mouse_key_span(top + row, 0, COLS, l->click_key);
	}
	return scroll;
}

bool scroll_key(action a, int *scroll)
{
	int page = LINES - 6;

	switch (a) {
	case ACT_UP:
		--*scroll;
		return true;
	case ACT_DOWN:
		++*scroll;
		return true;
	case ACT_PGUP:
		*scroll -= page;
		return true;
	case ACT_PGDN:
		*scroll += page;
		return true;
	case ACT_TOP:
		*scroll = 0;
		return true;
	case ACT_BOTTOM:
		*scroll = 1 << 20; /* doc_draw clamps it to the last page */
		return true;
	default:
		return false;
	}
}

/* The start of the character before byte `at`. */
static size_t char_before(const char *buf, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && ((unsigned char)buf[at] & 0xc0) == 0x80)
		at--;
	return at;
}

/* The byte after the character at `at`. */
static size_t char_after(const char *buf, size_t at)
{
	if (!buf[at])
		return at;
	at++;
	while (((unsigned char)buf[at] & 0xc0) == 0x80)
		at++;
	return at;
}

bool field_key(char *buf, size_t size, size_t *cur, int ch, const char *allowed)
{
	size_t n = strlen(buf), from;

	if (*cur > n)
		*cur = n;
	switch (ch) {
	case KEY_BACKSPACE:
	case 127:
	case 8:
		from = char_before(buf, *cur);
		memmove(buf + from, buf + *cur, n - *cur + 1);
		*cur = from;
		return true;
	case KEY_DC:
		memmove(buf + *cur, buf + char_after(buf, *cur), n - char_after(buf, *cur) + 1);
		return true;
	case KEY_LEFT:
		*cur = char_before(buf, *cur);
		return true;
	case KEY_RIGHT:
		*cur = char_after(buf, *cur);
		return true;
	case KEY_HOME:
	case 'A' & 0x1f:
		*cur = 0;
		return true;
	case KEY_END:
	case 'E' & 0x1f:
		*cur = n;
		return true;
	case 'U' & 0x1f:
		buf[0] = '\0';
		*cur = 0;
		return true;
	default:
		break;
	}
	/* bytes of UTF-8 arrive one by one; text_clean checks the whole line when it is kept */
	if (allowed ? ch > 0 && ch < 128 && strchr(allowed, ch) != NULL
		    : (ch >= ' ' && ch < 127) || (ch >= 128 && ch < 256)) {
		if (n + 1 < size) {
			memmove(buf + *cur + 1, buf + *cur, n - *cur + 1);
			buf[(*cur)++] = (char)ch;
		}
		return true;
	}
	return false;
}

void draw_field(const char *label, const char *buf, size_t cur)
{
	int y = LINES - 1, lw = text_width(label, strlen(label)), room;
	size_t start = 0, n = strlen(buf);

	if (lw > COLS - 14) /* a date and its cursor still fit after the label */
		lw = COLS - 14;
	put_text(y, 1, label, strlen(label), lw, A_BOLD);
	room = COLS - 2 - lw - 1; /* one column for the cursor at the end */
	if (room < 1 || cur > n)
		return;
	/* the text scrolls sideways to keep the cursor in view */
	while (start < cur && text_width(buf + start, cur - start) > room)
		start = char_after(buf, start);
	put_text(y, 1 + lw, buf + start, n - start, room, A_BOLD);
	if (cur < n)
		put_text(y, 1 + lw + text_width(buf + start, cur - start), buf + cur,
			 char_after(buf, cur) - cur, 2, A_BOLD | A_REVERSE);
	else
		put_str(y, 1 + lw + text_width(buf + start, cur - start), "_", A_BOLD);
}
