/* keys: what curses reads, as the key table's codes (the table is util/keymap.c). */
#include <curses.h>
#include <stdio.h>

#include "tui.h"

int keys_code(int ch)
{
	switch (ch) {
	case '\r':
	case KEY_ENTER:
		return KEY_CODE_ENTER;
	case KEY_BACKSPACE:
	case 8:
		return KEY_CODE_BACKSPACE;
	case KEY_UP:
		return KEY_CODE_UP;
	case KEY_DOWN:
		return KEY_CODE_DOWN;
	case KEY_LEFT:
		return KEY_CODE_LEFT;
	case KEY_RIGHT:
		return KEY_CODE_RIGHT;
	case KEY_PPAGE:
		return KEY_CODE_PGUP;
	case KEY_NPAGE:
		return KEY_CODE_PGDN;
	case KEY_HOME:
		return KEY_CODE_HOME;
	case KEY_END:
		return KEY_CODE_END;
	default:
		break;
	}
	if (ch >= KEY_F(1) && ch <= KEY_F(12))
		return KEY_CODE_F1 + ch - KEY_F(1);
	if (ch > 0 && ch < 128)
		return ch;
	return 0;
}

int keys_curses(int code)
{
	static const int special[] = { KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT,
				       KEY_PPAGE, KEY_NPAGE, KEY_HOME, KEY_END };

	if (code > 0 && code < 128)
		return code;
	if (code >= KEY_CODE_SPECIAL && code < KEY_CODE_F1)
		return special[code - KEY_CODE_SPECIAL];
	if (code >= KEY_CODE_F1 && code <= KEY_CODE_LAST)
		return KEY_F(1) + code - KEY_CODE_F1;
	return 0;
}

action keys_lookup(unsigned ctx, int ch, int *arg)
{
	int code = keys_code(ch);

	return code ? keymap_lookup(ctx, code, arg) : ACT_NONE;
}

void keys_hint(char *buf, size_t n, size_t *len, unsigned ctx, action a, const char *label)
{
	char key[32];

	if (*len == 0)
		buf[0] = '\0';
	if (*len >= n || !*keymap_first_key(keymap_row(ctx, a), key, sizeof(key)))
		return;
	*len += (size_t)snprintf(buf + *len, n - *len, "%s%s %s", *len ? "   " : "", key, label);
	if (*len >= n)
		*len = n - 1;
}

void keys_hint2(char *buf, size_t n, size_t *len, unsigned ctx, action a, action b,
		const char *label)
{
	char ka[32], kb[32], both[80];

	if (*len == 0)
		buf[0] = '\0';
	keymap_first_key(keymap_row(ctx, a), ka, sizeof(ka));
	keymap_first_key(keymap_row(ctx, b), kb, sizeof(kb));
	if (!*ka || !*kb) {
		keys_hint(buf, n, len, ctx, *ka ? a : b, label);
		return;
	}
	snprintf(both, sizeof(both), "%s/%s", ka, kb);
	if (*len < n)
		*len += (size_t)snprintf(buf + *len, n - *len, "%s%s %s", *len ? "   " : "", both,
					 label);
	if (*len >= n)
		*len = n - 1;
}

void keys_hints(char *buf, size_t n, unsigned ctx, const keyhint *h, size_t count)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < count; i++)
		if (h[i].b != ACT_NONE)
			keys_hint2(buf, n, &len, ctx, h[i].a, h[i].b, h[i].label);
		else
			keys_hint(buf, n, &len, ctx, h[i].a, h[i].label);
}

const char *keys_scroll_hints(unsigned ctx, const char *back)
{
	static char hints[200];
	const keyhint h[] = { { ACT_UP, ACT_DOWN, "scroll" },
			      { ACT_BACK, ACT_NONE, back },
			      { ACT_HELP, ACT_NONE, "help" } };

	KEYHINTS(hints, ctx, h);
	return hints;
}

int keys_first(unsigned ctx, action a)
{
	int r = keymap_row(ctx, a);

	return r >= 0 && !key_table[r].range ? keymap_keys(r)[0] : 0;
}

const char *keys_name(unsigned ctx, action a)
{
	static char ring[8][32];
	static unsigned next;
	char *buf = ring[next++ % 8];

	if (!*keymap_first_key(keymap_row(ctx, a), buf, sizeof(ring[0])))
		snprintf(buf, sizeof(ring[0]), "a key (none is bound)");
	return buf;
}
