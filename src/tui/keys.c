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

const char *keys_scroll_hints(unsigned ctx, const char *back)
{
	static char hints[200];
	size_t k = 0;

	hints[0] = '\0';
	keys_hint2(hints, sizeof(hints), &k, ctx, ACT_UP, ACT_DOWN, "scroll");
	keys_hint(hints, sizeof(hints), &k, ctx, ACT_BACK, back);
	keys_hint(hints, sizeof(hints), &k, ctx, ACT_HELP, "help");
	return hints;
}
