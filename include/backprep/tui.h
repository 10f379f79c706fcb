/*
 * tui: the interactive trainer on ncurses. The only way in is tui_run; nothing here is
 * called by the engine. The terminal is restored on every way out.
 */
#ifndef BACKPREP_TUI_H
#define BACKPREP_TUI_H

#include "backprep/app.h"
#include "backprep/error.h"

/* Runs until the person quits or a signal asks it to stop. 0 on a normal exit; -1 when the
 * terminal could not be used (e has why). *signo is the signal that ended it, or 0. */
int tui_run(bp_app *app, int *signo, bp_error *e);

#endif
