/* mock_ui: what the Mock screen (mock.c) and the Round screen (round.c) share. Private to
 * src/tui. */
#ifndef BACKPREP_TUI_MOCK_UI_H
#define BACKPREP_TUI_MOCK_UI_H

#include <stdbool.h>
#include <stdint.h>

#include "backprep/mock.h"
#include "tui.h"

struct mock_ui {
	mock_round *round;  /* the round on the Round screen, or NULL */
	mock_summary sum;   /* the rounds taken, for the list, trends and readiness */
	bool sum_ok;
	char sum_err[600];
	/* the Mock screen */
	bool results;       /* one round's results instead of the list */
	mock_round *shown;  /* that round */
	int sel;            /* the entry chosen in the list */
	int64_t discard;    /* an unfinished round waiting for y to be discarded; 0: none */
	int scroll;
	bool follow_sel;    /* bring the chosen entry into view on the next draw */
	/* the Round screen */
	bool confirm_end;   /* Enter was pressed once while time was left */
	int level;          /* 1-4 chosen for the dimension, evidence being typed; 0: none */
	char evidence[MOCK_EVIDENCE_MAX]; /* optional; typed with field_key */
	size_t evidence_cur;
	int64_t drawn_sec;  /* the second the clock showed when last drawn */
	bool twist_seen;    /* the twist has been scrolled into view once */
	int round_scroll;
	bool follow;        /* scroll to the incident's latest step on the next draw */
	bool tests_follow;  /* scroll to the solution's test results on the next draw (r) */
	size_t tests_mark;  /* where they are in the document */
};

/* The state, made on first use; NULL when out of memory. */
struct mock_ui *mock_ui_get(tui *t);

/* Reads the rounds taken again. */
void mock_ui_refresh(tui *t, struct mock_ui *u);

/* "2026-11-29 08:00", local time. */
void mock_ui_when(int64_t t, char buf[static 32]);

/* "mm:ss" of a duration (its absolute value). */
void mock_ui_mmss(int64_t ms, char buf[static 16]);

/* "Design · Estimation": a dimension with its rubric. */
void mock_ui_dim_name(const mock_dimension *d, char *buf, size_t n);

/* The current segment's notes in $EDITOR (else $VISUAL, else vi), on a file in $TMPDIR: the
 * screen steps aside and comes back as it was, and what was written is kept with the round
 * (notes.c). What happened goes to the footer message. */
void mock_ui_edit_notes(tui *t, mock_round *r);

#endif
