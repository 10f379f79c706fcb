/*
 * mouse: clicks and the wheel as the keys they stand for. While a screen draws, it marks
 * the cells that stand for a key (footer hints, grades, key points) or a list row
 * (hitmap.h); a click there becomes that key and goes to the screen's key handler like any
 * key, so nothing the mouse does has a path of its own. Only presses and the wheel are
 * asked for, never motion, so Shift still selects text in the terminal.
 */
#include <curses.h>
#include <string.h>

#include "backprep/hitmap.h"
#include "term.h"
#include "tui.h"

#ifndef BUTTON5_PRESSED /* the first mouse version of ncurses has no wheel down */
#define BUTTON5_PRESSED 0
#endif

static hitmap spans;
static bool mouse_on;

void mouse_start(bool on)
{
	mmask_t want = BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED;

	mouse_on = on && mousemask(want, NULL) != 0;
	/* a press is acted on at once: no wait for a release to make it a click */
	if (mouse_on) {
		mouseinterval(0);
		term_reset_mouse(); /* endwin turns it off; a crash must too */
	}
}

void mouse_clear(void)
{
	hitmap_clear(&spans);
}

void mouse_key_span(int y, int x0, int x1, int code)
{
	if (mouse_on)
		hitmap_add(&spans, y, x0, x1, code, -1);
}

void mouse_row_span(int y, int x0, int x1, int row, int code)
{
	if (mouse_on)
		hitmap_add(&spans, y, x0, x1, code, row);
}

void mouse_hints(int y, int x, const char *line)
{
	if (mouse_on)
		hitmap_add_hints(&spans, y, x, line);
}

/* The first key in force of action a in ctx as curses reads it, or 0; *lines gets how many
 * presses a notch of the wheel makes (three lines of a document, one row of a list). */
static int wheel_key(unsigned ctx, action a, int *lines)
{
	int r = keymap_row(ctx, a);
	const int *k = r >= 0 ? keymap_keys(r) : NULL;

	if (!k || !k[0])
		return 0;
	*lines = strncmp(key_table[r].name, "scroll.", 7) == 0 ||
				 strncmp(key_table[r].name, "mocks.", 6) == 0
			 ? 3
			 : 1;
	return keys_curses(k[0]);
}

int mouse_read(unsigned ctx, int *row, int *keys, int max)
{
	MEVENT ev;
	const hit_span *s;
	int n = 0, lines = 1, key = 0;

	*row = -1;
	if (!mouse_on || getmouse(&ev) != OK)
		return 0;
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		key = wheel_key(ctx, ev.bstate & BUTTON4_PRESSED ? ACT_UP : ACT_DOWN, &lines);
		while (key && n < lines && n < max)
			keys[n++] = key;
		return n;
	}
	if (!(ev.bstate & BUTTON1_PRESSED) || !(s = hitmap_at(&spans, ev.y, ev.x)))
		return 0;
	*row = s->row;
	if (s->key && max > 0 && (keys[0] = keys_curses(s->key)))
		n = 1;
	return n;
}
