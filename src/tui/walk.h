/* walk: drawing an incident walked step by step, or a design phase by phase (drill and mock
 * rounds). Private to src/tui. */
#ifndef BACKPREP_TUI_WALK_H
#define BACKPREP_TUI_WALK_H

#include "backprep/scenario.h"
#include "tui.h"

/*
 * The steps shown so far: what the person sees, the question, and (once revealed) the
 * expected points with their ticks; the latest step's are numbered for the digits. Returns
 * the document line where the latest step starts, to scroll to it. With `clicks`, a click
 * on one of the latest step's points presses its digit (doc_click).
 */
size_t walk_add(doc *d, const scenario_walk *w, bool clicks);

/* Root cause, mitigation and prevention, once the walk has ended; returns the line where
 * they start. */
size_t walk_add_ending(doc *d, const scenario_walk *w);

/* What the reveal key does next in a walk ("next step"), for the footer; "" at the end. */
const char *walk_next_hint(const scenario_walk *w);

#endif
