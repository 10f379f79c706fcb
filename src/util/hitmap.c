/* hitmap: spans of the screen that stand for keys or list rows, and the footer's hints. */
#include <stdbool.h>
#include <string.h>

#include "backprep/hitmap.h"
#include "backprep/keymap.h"
#include "backprep/text.h"

void hitmap_clear(hitmap *m)
{
	m->n = 0;
}

void hitmap_add(hitmap *m, int y, int x0, int x1, int key, int row)
{
	if (m->n >= HITMAP_MAX || x1 <= x0 || (key <= 0 && row < 0))
		return;
	m->v[m->n++] = (hit_span){ y, x0, x1, key > 0 ? key : 0, row };
}

const hit_span *hitmap_at(const hitmap *m, int y, int x)
{
	for (int i = m->n - 1; i >= 0; i--)
		if (m->v[i].y == y && x >= m->v[i].x0 && x < m->v[i].x1)
			return &m->v[i];
	return NULL;
}

/* The code of key name s[0..len) when it is written exactly as the key table shows it
 * ("Space", not "space"; a word of the label such as "end" is not the key End); else 0. */
static int key_named(const char *s, size_t len)
{
	char word[24], shown[24];
	int code;

	if (len == 0 || len >= sizeof(word))
		return 0;
	memcpy(word, s, len);
	word[len] = '\0';
	code = keymap_parse_key(word);
	if (code <= 0 || strcmp(keymap_key_name(code, shown, sizeof(shown)), word) != 0)
		return 0;
	return code;
}

/* The keys of one word ("Up/Down", "q", "/"): each with its columns; false when a part of it
 * names no key. */
static bool word_keys(const char *w, size_t len, int *code, size_t *at, size_t *plen, int *n,
		      int max)
{
	size_t start = 0;

	*n = 0;
	if (len == 1) { /* "/" is the key itself, not a separator */
		code[0] = key_named(w, 1);
		at[0] = 0;
		plen[0] = 1;
		*n = code[0] ? 1 : 0;
		return *n == 1;
	}
	for (size_t i = 0; i <= len; i++) {
		if (i < len && w[i] != '/')
			continue;
		if (*n >= max || !(code[*n] = key_named(w + start, i - start)))
			return false;
		at[*n] = start;
		plen[*n] = i - start;
		++*n;
		start = i + 1;
	}
	return *n > 0;
}

/* One hint, line[from..to), whose first column is x. */
static void add_hint(hitmap *m, int y, int x, const char *line, size_t from, size_t to)
{
	enum { MAX_KEYS = 16 };
	int code[MAX_KEYS], n = 0;
	size_t at[MAX_KEYS], len[MAX_KEYS], p = from;

	while (p < to && n < MAX_KEYS) {
		size_t end = p, wat[4], wlen[4];
		int wcode[4], wn;

		while (end < to && line[end] != ' ')
			end++;
		if (!word_keys(line + p, end - p, wcode, wat, wlen, &wn, 4) || n + wn > MAX_KEYS)
			break;
		for (int k = 0; k < wn; k++) {
			code[n] = wcode[k];
			at[n] = p + wat[k];
			len[n++] = wlen[k];
		}
		p = end + 1;
	}
	if (n == 0 || p >= to) /* no key, or keys without a label: not a hint */
		return;
	hitmap_add(m, y, x + text_width(line, from), x + text_width(line, to), code[0], -1);
	for (int k = 1; k < n; k++)
		hitmap_add(m, y, x + text_width(line, at[k]),
			   x + text_width(line, at[k] + len[k]), code[k], -1);
}

void hitmap_add_hints(hitmap *m, int y, int x, const char *line)
{
	size_t n = strlen(line), p = 0;

	while (p < n) {
		size_t end;

		while (p < n && line[p] == ' ')
			p++;
		end = p;
		/* a hint runs to two spaces in a row */
		while (end < n && !(line[end] == ' ' && (end + 1 >= n || line[end + 1] == ' ')))
			end++;
		if (end > p)
			add_hint(m, y, x, line, p, end);
		p = end;
	}
}
