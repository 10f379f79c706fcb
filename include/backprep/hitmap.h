/*
 * hitmap: what a mouse click at a cell of the screen means, as the screen last drew it.
 * Each span is a run of cells on one row that stands for a key (a footer hint, a grade, a
 * key point) or for a row of a list. A click becomes that key, so it goes the one way a key
 * goes. Pure logic: no curses here; the TUI fills it while it draws (tui/mouse.c).
 */
#ifndef BACKPREP_HITMAP_H
#define BACKPREP_HITMAP_H

enum { HITMAP_MAX = 256 };

typedef struct hit_span {
	int y, x0, x1; /* the cells x0 <= x < x1 of row y */
	int key;       /* a key code (keymap.h) the click presses, or 0 */
	int row;       /* a list row the click selects, or -1 */
} hit_span;

typedef struct hitmap {
	hit_span v[HITMAP_MAX];
	int n;
} hitmap;

void hitmap_clear(hitmap *m);

/* Adds a span; past HITMAP_MAX spans, or an empty one, it is dropped. */
void hitmap_add(hitmap *m, int y, int x0, int x1, int key, int row);

/* The span under (y, x), the last added first (it was drawn over the others); NULL: none. */
const hit_span *hitmap_at(const hitmap *m, int y, int x);

/*
 * The spans of a footer's key hints drawn at (y, x): "Space reveal   Up/Down scroll  q leave".
 * Hints are parted by two spaces or more. A hint's keys are its leading words written as
 * the key table names keys ("Space", "q", "PgDn"; several joined by '/' or a space, as
 * "a t w l f filter"); a click on one of them presses it, a click elsewhere on the hint
 * presses its first. A hint without such a word ("1-9 tick": a range, "any other key")
 * gets no span.
 */
void hitmap_add_hints(hitmap *m, int y, int x, const char *line);

#endif
