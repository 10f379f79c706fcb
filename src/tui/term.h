/* term: the terminal's setup and restoration, and the signals that stop the loop. */
#ifndef BACKPREP_TERM_H
#define BACKPREP_TERM_H

#include "backprep/error.h"

/* Takes the terminal (ncursesw, newterm); -1 with a message when it cannot be used. */
int term_start(bp_error *e);

/* Gives the terminal back as it was. Safe to call twice. */
void term_stop(void);

/* The stop signal (SIGINT, SIGTERM, SIGHUP) received, or 0. */
int term_stop_signal(void);

#endif
