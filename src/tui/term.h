/* term: the terminal's setup and restoration, and the signals that stop the loop. */
#ifndef BACKPREP_TERM_H
#define BACKPREP_TERM_H

#include "backprep/error.h"

/* Takes the terminal (ncursesw, newterm); -1 with a message when it cannot be used. */
int term_start(bp_error *e);

/* Gives the terminal back as it was. Safe to call twice. */
void term_stop(void);

/* After the mouse was turned on: a fatal signal turns its reports off too. */
void term_reset_mouse(void);

/* The stop signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) received, or 0. */
int term_stop_signal(void);

/*
 * Runs `cmd` with /bin/sh on the terminal (curses stepped aside by the caller) and waits for
 * it. Meanwhile SIGINT and SIGQUIT are the child's alone (backprep ignores them); SIGTERM or
 * SIGHUP ends the child before this returns (term_stop_signal() then says which), and a
 * fatal signal ends it before the terminal is restored. Returns the wait status, or -1 when
 * the child could not be started or was ended.
 */
int term_run_child(const char *cmd);

/*
 * Opens `path` in the person's editor ($EDITOR, else $VISUAL, else vi; *editor says which),
 * the screen stepping aside (curses ended, then restored and redrawn). Returns what
 * term_run_child returns, or -2 when the command cannot be made (a path too long).
 */
int term_edit(const char *path, const char **editor);

#endif
