/*
 * session: one drill through a queue. For each item: ask, show hints on request, reveal,
 * tick the key points covered, then grade. The grade is recorded (review log and card, one
 * transaction) before the next item is shown; a failed save keeps the answer for a retry.
 * The front end only calls these and draws what they return.
 */
#ifndef BACKPREP_SESSION_H
#define BACKPREP_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "backprep/catalog.h"
#include "backprep/fsrs.h"
#include "backprep/queue.h"
#include "backprep/rng.h"
#include "backprep/scenario.h"
#include "backprep/sched.h"
#include "backprep/store.h"
#include "backprep/tally.h"

typedef enum {
	SESSION_ASK,      /* the prompt, and hints when asked for */
	SESSION_REVEALED, /* key points, answer, pitfalls, follow-ups; ticking */
	SESSION_GRADE,    /* choosing the grade */
	SESSION_DONE,     /* the queue is finished */
} session_phase;

enum { SESSION_MAX_POINTS = 9 };

typedef struct session session;

/* The session takes the queue; store, catalog, params and rng must outlive it. */
session *session_new(store *st, queue *q, const sched *sp, bp_rng *rng);

/* A cram session: answers are recorded (source "cram") but schedules never change. */
void session_set_cram(session *s);
bool session_is_cram(const session *s);
void session_free(session *s);

session_phase session_phase_of(const session *s);
const bp_item *session_item(const session *s);
size_t session_position(const session *s); /* 0-based index of the current item */
size_t session_total(const session *s);
size_t session_answered(const session *s);
bool session_is_new(const session *s);
bool session_is_starred(const session *s);

/* Shows the next hint; false when none is left. */
bool session_hint(session *s);
int session_hints_shown(const session *s);

/* Shows the key points and the answer. An incident (a scenario with steps) is walked first:
 * each call reveals the current step's expected points or shows the next step, and the
 * answer comes after the last step. */
void session_reveal(session *s);

/* The walk of the current item when it is an incident told in steps, else NULL. */
const scenario_walk *session_walk(const session *s);

/* The checklist ticked after reveal: key points; for a choice item, its choices (ticked
 * before reveal, as the answer given); for an incident walked in steps, every step's expected
 * points, counted in one run, except that session_toggle ticks point i of the latest step. */
int session_points(const session *s);
const char *session_point(const session *s, int i);
bool session_ticked(const session *s, int i);
void session_toggle(session *s, int i);
int session_covered(const session *s);

/* The last run of the person's solution to the current (coding) item: the suggestion takes
 * it into account (tally_grade) and the answer records its tests passed and total. Reset
 * when the next item is shown. */
void session_set_tests(session *s, const test_tally *t);
const test_tally *session_tests(const session *s);

/* Revealed -> grade, with a suggestion from the share covered (at most Hard after a hint)
 * and, for a coding item whose solution was run, its tests (tally.h). */
void session_to_grade(session *s);
fsrs_grade session_suggested(const session *s);

/* Grade -> revealed, to change the ticks before grading. */
void session_ungrade(session *s);

/* When the current item would be due after each grade g (due[1..4]) if graded at `now`: the
 * same scheduler call, with the item's settings and the same fuzz draw (made once, when the
 * answer is revealed), that session_grade records. 0 once revealed; 1 in a cram session
 * (schedules do not change); -1 before the reveal. */
int session_next_due(const session *s, int64_t now, int64_t due[5]);

/* Records the grade; on success moves to the next item. -1 keeps everything for a retry.
 * An Again brings the item back later in the same session (after its learning step). */
int session_grade(session *s, fsrs_grade g, bp_error *e);

/* Takes back the last action of this drill, newest first: an answer (that item is asked
 * again), or a bury, suspend or star (the event leaves the log, the card and the queue are
 * as they were). 0 on success, 1 when there is nothing to undo, -1 on error. */
int session_undo(session *s, bp_error *e);

/* What session_undo would take back: "answer", or the flag's event name ("suspend", "bury",
 * "star", "unstar"); NULL when there is nothing. */
const char *session_undo_what(const session *s);

/* Bury (until `until`) or suspend (until unsuspended) the current item, as an event in the
 * log, and move on; a suspended or buried item is not asked again in this drill. */
int session_bury(session *s, int64_t until, bp_error *e);
int session_suspend(session *s, bp_error *e);

/* Stars or unstars the current item; *starred says which it is now. */
int session_star(session *s, bool *starred, bp_error *e);

#endif
