/* keys: the one table of key bindings; help is generated from it. */
#include <curses.h>

#include "tui.h"

#define CTRL(c) ((c)&0x1f)

/* Every screen that shows a document longer than the window. */
#define SCROLLED (CTX_TODAY | CTX_DRILL | CTX_HELP | CTX_PLAN | CTX_STATS | CTX_ITEM)

const keydef key_table[] = {
	{ ACT_START, CTX_TODAY, { '\n', '\r', KEY_ENTER, 0 }, false, "Enter", "start today's drill" },
	{ ACT_CRAM, CTX_TODAY, { 'c', 0 }, false, "c",
	  "cram: the items you are least likely to recall at the interview (schedules unchanged)" },
	{ ACT_INTERVIEW, CTX_TODAY, { 'i', 0 }, false, "i", "set or clear the interview date" },
	{ ACT_PLAN, CTX_TODAY, { 'p', 0 }, false, "p", "the plan: weeks, days, milestones, progress" },
	{ ACT_PROFILE, CTX_TODAY, { 'r', 0 }, false, "r",
	  "recruiter profile: what the role asks for tunes the plan's focus" },
	{ ACT_STATS, CTX_TODAY | CTX_SUMMARY, { 't', 0 }, false, "t",
	  "stats: activity, streaks, mastery, retention, the forecast, time, mocks" },
	{ ACT_BACK, CTX_PLAN | CTX_PROFILE | CTX_STATS, { 'q', 27, 0 }, false, "q/Esc",
	  "back to Today" },
	{ ACT_BACK, CTX_SUMMARY, { '\n', '\r', KEY_ENTER, 0 }, false, "Enter", "back to Today" },
	{ ACT_BACK, CTX_SUMMARY, { 'q', 27, 0 }, false, "q/Esc", "back to Today" },
	{ ACT_BROWSE, CTX_TODAY, { 'B', 0 }, false, "B",
	  "the Browser: every question, its state and schedule; filter, sort, manage" },
	{ ACT_FIND, CTX_TODAY, { '/', 0 }, false, "/", "the Browser, typing a search at once" },
	{ ACT_BACK, CTX_PLAN | CTX_PROFILE, { 'q', 27, 0 }, false, "q/Esc", "back to Today" },
	/* the Browser (browse.c) and item details (item.c) */
	{ ACT_FIND, CTX_BROWSE, { '/', 0 }, false, "/",
	  "search: type words of an id, prompt, tag or key point" },
	{ ACT_ACCEPT, CTX_FIND, { '\n', '\r', KEY_ENTER, KEY_DOWN }, false, "Enter",
	  "keep the search and go to the list" },
	{ ACT_CLEAR, CTX_FIND, { 27, 0 }, false, "Esc", "clear the search and go to the list" },
	{ ACT_OPEN, CTX_BROWSE, { '\n', '\r', KEY_ENTER, 0 }, false, "Enter",
	  "the question's details: answer, memory, history, why it is scheduled" },
	{ ACT_UP, CTX_BROWSE, { KEY_UP, 'k', 0 }, false, "Up/k", "the row above" },
	{ ACT_DOWN, CTX_BROWSE, { KEY_DOWN, 'j', 0 }, false, "Down/j", "the row below" },
	{ ACT_PGUP, CTX_BROWSE, { KEY_PPAGE, 0 }, false, "PgUp", "a page up" },
	{ ACT_PGDN, CTX_BROWSE, { KEY_NPAGE, 0 }, false, "PgDn", "a page down" },
	{ ACT_TOP, CTX_BROWSE, { KEY_HOME, 'g', 0 }, false, "Home/g", "the first row" },
	{ ACT_BOTTOM, CTX_BROWSE, { KEY_END, 'G', 0 }, false, "End/G", "the last row" },
	{ ACT_AREA, CTX_BROWSE, { 'a', 0 }, false, "a", "filter: cycle the area" },
	{ ACT_STATE, CTX_BROWSE, { 't', 0 }, false, "t", "filter: cycle the state" },
	{ ACT_WEEK, CTX_BROWSE, { 'w', 0 }, false, "w", "filter: cycle the week" },
	{ ACT_LEVEL, CTX_BROWSE, { 'l', 0 }, false, "l", "filter: cycle the level" },
	{ ACT_STARRED, CTX_BROWSE, { 'f', 0 }, false, "f", "filter: starred only, or all" },
	{ ACT_SORT, CTX_BROWSE, { 'o', 0 }, false, "o",
	  "sort by the next column: id, due, recall, stability, lapses, week" },
	{ ACT_SUSPEND, CTX_BROWSE | CTX_ITEM, { 's', 0 }, false, "s",
	  "suspend or unsuspend the question" },
	{ ACT_STAR, CTX_BROWSE | CTX_ITEM, { '*', 0 }, false, "*", "star or unstar the question" },
	{ ACT_BURY, CTX_BROWSE | CTX_ITEM, { 'b', 0 }, false, "b",
	  "bury until tomorrow, or unbury" },
	{ ACT_RESET, CTX_BROWSE | CTX_ITEM, { 'R', 0 }, false, "R",
	  "reset: the card starts over as new; its answers stay in the log (asks y first)" },
	{ ACT_THESE, CTX_BROWSE, { 'D', 0 }, false, "D",
	  "drill the questions listed, as cram: recorded, schedules unchanged" },
	{ ACT_THESE_COUNT, CTX_BROWSE, { 'C', 0 }, false, "C",
	  "drill the questions listed and count it: the answers move their schedules" },
	{ ACT_BACK, CTX_BROWSE, { 'q', 27, 0 }, false, "q/Esc", "back to Today" },
	{ ACT_BACK, CTX_ITEM, { 'q', 27, 0 }, false, "q/Esc",
	  "back to the Browser (or to the drill it was opened from)" },
	{ ACT_UP, CTX_PROFILE, { KEY_UP, 'k', 0 }, false, "Up/k", "the previous question" },
	{ ACT_DOWN, CTX_PROFILE, { KEY_DOWN, 'j', 0 }, false, "Down/j", "the next question" },
	{ ACT_TICK, CTX_PROFILE, { '1', '9' }, true, "1-9", "choose that answer" },
	{ ACT_CLEAR, CTX_PROFILE, { '0', KEY_BACKSPACE, 127, 0 }, false, "0", "clear the answer" },
	{ ACT_ACCEPT, CTX_WELCOME, { '\n', '\r', KEY_ENTER, 0 }, false, "Enter",
	  "save and go on (empty keeps the default)" },
	{ ACT_BACK, CTX_WELCOME, { 27, 0 }, false, "Esc", "skip the questions" },
	/* Mock rounds: the Mock screen (mock.c) and a round (round.c) */
	{ ACT_MOCK, CTX_TODAY, { 'm', 0 }, false, "m",
	  "mock rounds: timed and self-scored, with results, trends and readiness" },
	{ ACT_START, CTX_MOCK, { '\n', '\r', KEY_ENTER, 0 }, false, "Enter",
	  "start the round chosen; resume an unfinished one; show a finished one's results" },
	{ ACT_DISCARD, CTX_MOCK, { 'd', 0 }, false, "d",
	  "discard the unfinished round chosen (asks first)" },
	{ ACT_UP, CTX_MOCK, { KEY_UP, 'k', 0 }, false, "Up/k", "choose the one above" },
	{ ACT_DOWN, CTX_MOCK, { KEY_DOWN, 'j', 0 }, false, "Down/j",
	  "choose the one below; past the last, scroll down" },
	{ ACT_BACK, CTX_MOCK, { 'q', 27, 0 }, false, "q/Esc", "back to Today" },
	{ ACT_BACK, CTX_MOCK_RESULTS, { 'q', 27, 0 }, false, "q/Esc", "back to the list of rounds" },
	{ ACT_PAUSE, CTX_ROUND, { 'p', 0 }, false, "p", "pause or resume the clock" },
	{ ACT_REVEAL, CTX_ROUND | CTX_ROUND_POINTS, { ' ', 0 }, false, "Space",
	  "incident or design: reveal the step's (phase's) points, then the next, then the ending" },
	{ ACT_TICK, CTX_ROUND | CTX_ROUND_POINTS, { '1', '9' }, true, "1-9",
	  "tick a point you covered (in an incident or a design, of the latest step or phase)" },
	{ ACT_NOTES, CTX_ROUND | CTX_ROUND_POINTS, { 'e', 'n', 0 }, false, "e/n",
	  "notes for this segment in $EDITOR, kept with the round (a coding question with "
	  "tests: n; e is its solution)" },
	{ ACT_END, CTX_ROUND, { '\n', '\r', KEY_ENTER, 0 }, false, "Enter",
	  "end the segment and score it (asks again while time is left)" },
	{ ACT_TO_GRADE, CTX_ROUND_POINTS, { '\n', '\r', KEY_ENTER, 0 }, false, "Enter",
	  "go on to score the rubric" },
	{ ACT_GRADE, CTX_ROUND_SCORE, { '1', '4' }, true, "1-4",
	  "score this dimension; then a line of evidence (optional) and Enter" },
	{ ACT_UNGRADE, CTX_ROUND_SCORE, { 27, KEY_BACKSPACE, 127, 0 }, false, "Esc",
	  "back to the previous dimension (or to the key points)" },
	{ ACT_BACK, CTX_ROUND | CTX_ROUND_POINTS | CTX_ROUND_SCORE, { 'q', 0 }, false, "q",
	  "leave the round: what is scored is kept, and it can be resumed or discarded" },
	{ ACT_UP, CTX_MOCKS & ~CTX_MOCK, { KEY_UP, 'k', 0 }, false, "Up/k", "scroll up" },
	{ ACT_DOWN, CTX_MOCKS & ~CTX_MOCK, { KEY_DOWN, 'j', 0 }, false, "Down/j", "scroll down" },
	{ ACT_PGUP, CTX_MOCKS, { KEY_PPAGE, 0 }, false, "PgUp", "scroll a page up" },
	{ ACT_PGDN, CTX_MOCKS, { KEY_NPAGE, 0 }, false, "PgDn", "scroll a page down" },
	{ ACT_TOP, CTX_MOCKS, { KEY_HOME, 'g', 0 }, false, "Home/g", "scroll to the top" },
	{ ACT_BOTTOM, CTX_MOCKS, { KEY_END, 'G', 0 }, false, "End/G",
	  "scroll to the bottom (on the Mock screen, to the last trend)" },
	{ ACT_QUIT, CTX_TODAY, { 'q', 0 }, false, "q", "quit backprep" },
	{ ACT_HINT, CTX_ASK, { 'h', 0 }, false, "h", "show the next hint (caps the grade at Hard)" },
	{ ACT_REVEAL, CTX_ASK, { ' ', 0 }, false, "Space",
	  "reveal the key points and the model answer; in an incident (a design), the step's "
	  "expected points (the phase's key points and answer), then the next step (phase)" },
	{ ACT_TICK, CTX_ASK, { '1', '9' }, true, "1-9",
	  "choose an answer (choice questions); tick a point of the step or phase (incidents, "
	  "designs)" },
	{ ACT_TICK, CTX_REVEALED, { '1', '9' }, true, "1-9",
	  "tick a key point you covered (in an incident, of the last step)" },
	{ ACT_TO_GRADE, CTX_REVEALED, { '\n', '\r', KEY_ENTER, 0 }, false, "Enter",
	  "go on to the grade" },
	{ ACT_GRADE, CTX_GRADE, { '1', '4' }, true, "1-4", "grade: 1 Again, 2 Hard, 3 Good, 4 Easy" },
	{ ACT_ACCEPT, CTX_GRADE, { '\n', '\r', KEY_ENTER, 0 }, false, "Enter",
	  "take the suggested grade" },
	{ ACT_UNGRADE, CTX_GRADE, { 27, KEY_BACKSPACE, 127, 0 }, false, "Esc",
	  "back to the answer" },
	{ ACT_EDIT, CTX_ASK | CTX_REVEALED | CTX_GRADE, { 'e', 0 }, false, "e",
	  "a coding question with tests: write the solution in $EDITOR (kept for next time)" },
	{ ACT_FRESH, CTX_ASK | CTX_REVEALED | CTX_GRADE | CTX_ROUND | CTX_ROUND_POINTS, { 'E', 0 },
	  false, "E", "a coding question: start the solution again from the stub (the old is .prev)" },
	{ ACT_RUN, CTX_ASK | CTX_REVEALED | CTX_GRADE | CTX_ROUND | CTX_ROUND_POINTS, { 'r', 0 },
	  false, "r", "a coding question: run its tests on your solution; the grade counts them" },
	{ ACT_UNDO, CTX_DRILL, { 'u', 0 }, false, "u", "undo the last action, newest first: an answer (asked again), a bury, suspend or star" },
	{ ACT_BURY, CTX_ASK | CTX_REVEALED | CTX_GRADE, { 'b', 0 }, false, "b",
	  "bury: skip this question until tomorrow" },
	{ ACT_SUSPEND, CTX_ASK | CTX_REVEALED | CTX_GRADE, { 's', 0 }, false, "s",
	  "suspend: never ask this question again until unsuspended (asks y first; u undoes)" },
	{ ACT_STAR, CTX_ASK | CTX_REVEALED | CTX_GRADE, { '*', 0 }, false, "*",
	  "star or unstar this question" },
	{ ACT_DETAILS, CTX_ASK | CTX_REVEALED | CTX_GRADE, { 'I', 0 }, false, "I",
	  "the question's details: memory, history, why it is scheduled (q comes back)" },
	{ ACT_BACK, CTX_DRILL, { 'q', 0 }, false, "q",
	  "leave the drill (confirmed answers are saved)" },
	{ ACT_UP, SCROLLED, { KEY_UP, 'k', 0 }, false, "Up/k", "scroll up" },
	{ ACT_DOWN, SCROLLED, { KEY_DOWN, 'j', 0 }, false, "Down/j", "scroll down" },
	{ ACT_PGUP, SCROLLED, { KEY_PPAGE, 0 }, false, "PgUp", "scroll a page up" },
	{ ACT_PGDN, SCROLLED, { KEY_NPAGE, 0 }, false, "PgDn", "scroll a page down" },
	{ ACT_TOP, SCROLLED, { KEY_HOME, 'g', 0 }, false, "Home/g", "scroll to the top" },
	{ ACT_BOTTOM, SCROLLED, { KEY_END, 'G', 0 }, false, "End/G",
	  "scroll to the bottom" },
	{ ACT_BACK, CTX_HELP, { 'q', 27, '?', 0 }, false, "q/Esc", "close help" },
	{ ACT_HELP, CTX_ALL & ~CTX_HELP, { '?', 0 }, false, "?", "help: the keys of this screen" },
	{ ACT_REDRAW, CTX_ALL, { CTRL('l'), 0 }, false, "Ctrl-L", "redraw the screen" },
	{ ACT_NONE, 0, { 0 }, false, NULL, NULL },
};

action keys_lookup(unsigned ctx, int ch, int *arg)
{
	for (const keydef *k = key_table; k->name; k++) {
		if (!(k->ctx & ctx))
			continue;
		if (k->range && ch >= k->keys[0] && ch <= k->keys[1]) {
			*arg = ch - '0';
			return k->act;
		}
		for (int i = 0; !k->range && i < 4 && k->keys[i]; i++)
			if (k->keys[i] == ch)
				return k->act;
	}
	return ACT_NONE;
}
