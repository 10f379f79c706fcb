/* keymap: the one table of actions and the keys in force (see keymap.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "backprep/keymap.h"

#define ENTER KEY_CODE_ENTER
#define ESC KEY_CODE_ESC
#define BKSP KEY_CODE_BACKSPACE
#define UP KEY_CODE_UP
#define DOWN KEY_CODE_DOWN
#define PGUP KEY_CODE_PGUP
#define PGDN KEY_CODE_PGDN
#define HOME KEY_CODE_HOME
#define END KEY_CODE_END
#define CTRL(c) ((c)&0x1f)

/* Every screen that shows a document longer than the window. */
#define SCROLLED (CTX_TODAY | CTX_DRILL | CTX_HELP | CTX_PLAN | CTX_STATS | CTX_ITEM)
/* The Mock screens other than the list, which moves its selection with Up and Down. */
#define MOCK_SCROLLED (CTX_MOCKS & ~CTX_MOCK)
#define DRILL_Q (CTX_ASK | CTX_REVEALED | CTX_GRADE)

/*
 * One row per action: name, action, contexts, default keys, range, help. Where two rows
 * share a context and a key, the first wins; `make test` checks that the defaults have no
 * such conflict, and config.yaml may not make one.
 */
const keydef key_table[] = {
	/* Today */
	{ "today.start", ACT_START, CTX_TODAY, { ENTER }, false, "start today's drill" },
	{ "today.cram", ACT_CRAM, CTX_TODAY, { 'c' }, false,
	  "cram: the items you are least likely to recall at the interview (schedules unchanged)" },
	{ "today.interview", ACT_INTERVIEW, CTX_TODAY, { 'i' }, false,
	  "set or clear the interview date (Ctrl-U then Enter clears it)" },
	{ "today.plan", ACT_PLAN, CTX_TODAY, { 'p' }, false,
	  "the plan: weeks, days, milestones, progress" },
	{ "today.profile", ACT_PROFILE, CTX_TODAY, { 'r' }, false,
	  "recruiter profile: what the role asks for tunes the plan's focus" },
	{ "today.stats", ACT_STATS, CTX_TODAY, { 't' }, false,
	  "stats: activity, streaks, mastery, retention, the forecast, time, mocks" },
	{ "today.browse", ACT_BROWSE, CTX_TODAY, { 'B' }, false,
	  "the Browser: every question, its state and schedule; filter, sort, manage" },
	{ "today.find", ACT_FIND, CTX_TODAY, { '/' }, false, "the Browser, typing a search at once" },
	{ "today.settings", ACT_SETTINGS, CTX_TODAY, { ',', 'S' }, false,
	  "settings: each one's value and where it comes from; change the ones made in the app" },
	{ "today.mock", ACT_MOCK, CTX_TODAY, { 'm' }, false,
	  "mock rounds: timed and self-scored, with results, trends and readiness" },
	{ "today.quit", ACT_QUIT, CTX_TODAY, { 'q' }, false, "quit backprep" },
	/* the drill */
	{ "drill.hint", ACT_HINT, CTX_ASK, { 'h' }, false,
	  "show the next hint (caps the grade at Hard)" },
	{ "drill.reveal", ACT_REVEAL, CTX_ASK, { ' ' }, false,
	  "reveal the key points and the model answer; in an incident (a design), the step's "
	  "expected points (the phase's key points and answer), then the next step (phase)" },
	{ "drill.choose", ACT_TICK, CTX_ASK, { '1', '9' }, true,
	  "choose an answer (choice questions); tick a point of the step or phase (incidents, "
	  "designs)" },
	{ "drill.tick", ACT_TICK, CTX_REVEALED, { '1', '9' }, true,
	  "tick a key point you covered (in an incident, of the last step)" },
	{ "drill.to_grade", ACT_TO_GRADE, CTX_REVEALED, { ENTER }, false, "go on to the grade" },
	{ "drill.grade", ACT_GRADE, CTX_GRADE, { '1', '4' }, true,
	  "grade: 1 Again, 2 Hard, 3 Good, 4 Easy" },
	{ "drill.accept", ACT_ACCEPT, CTX_GRADE, { ENTER }, false, "take the suggested grade" },
	{ "drill.ungrade", ACT_UNGRADE, CTX_GRADE, { ESC, BKSP }, false, "back to the answer" },
	{ "drill.undo", ACT_UNDO, CTX_DRILL, { 'u' }, false,
	  "undo the last action, newest first: an answer (asked again), a bury, suspend or star" },
	{ "drill.bury", ACT_BURY, DRILL_Q, { 'b' }, false,
	  "bury: skip this question until tomorrow" },
	{ "drill.suspend", ACT_SUSPEND, DRILL_Q, { 's' }, false,
	  "suspend: never ask this question again until unsuspended (asks y first; u undoes)" },
	{ "drill.star", ACT_STAR, DRILL_Q, { '*' }, false, "star or unstar this question" },
	{ "drill.details", ACT_DETAILS, DRILL_Q, { 'I' }, false,
	  "the question's details: memory, history, why it is scheduled (q comes back)" },
	{ "code.edit", ACT_EDIT, CTX_ASK | CTX_REVEALED | CTX_GRADE | CTX_ROUND | CTX_ROUND_POINTS,
	  { 'e' }, false, "a coding question with tests: write the solution in $EDITOR (kept for "
	  "next time); in a mock round's other questions, the notes" },
	{ "code.fresh", ACT_FRESH, CTX_ASK | CTX_REVEALED | CTX_GRADE | CTX_ROUND | CTX_ROUND_POINTS,
	  { 'E' }, false, "a coding question: start the solution again from the stub (the old is .prev)" },
	{ "code.run", ACT_RUN, CTX_ASK | CTX_REVEALED | CTX_GRADE | CTX_ROUND | CTX_ROUND_POINTS,
	  { 'r' }, false, "a coding question: run its tests on your solution; the grade counts them" },
	{ "drill.back", ACT_BACK, CTX_DRILL, { 'q' }, false,
	  "leave the drill (confirmed answers are saved): to its summary, or to Today when "
	  "nothing was answered" },
	{ "summary.stats", ACT_STATS, CTX_SUMMARY, { 't' }, false,
	  "stats: activity, streaks, mastery, retention, the forecast, time, mocks" },
	{ "summary.back", ACT_BACK, CTX_SUMMARY, { ENTER, 'q', ESC }, false, "back to Today" },
	/* Plan, Profile, Stats */
	{ "plan.back", ACT_BACK, CTX_PLAN, { 'q', ESC }, false, "back to Today" },
	{ "stats.back", ACT_BACK, CTX_STATS, { 'q', ESC }, false, "back to Today" },
	/* the Settings screen (settings.c) */
	{ "settings.up", ACT_UP, CTX_SETTINGS, { UP, 'k' }, false, "the setting above" },
	{ "settings.down", ACT_DOWN, CTX_SETTINGS, { DOWN, 'j' }, false, "the setting below" },
	{ "settings.top", ACT_TOP, CTX_SETTINGS, { HOME, 'g' }, false, "the first setting" },
	{ "settings.bottom", ACT_BOTTOM, CTX_SETTINGS, { END, 'G' }, false, "the last setting" },
	{ "settings.edit", ACT_OPEN, CTX_SETTINGS, { ENTER }, false,
	  "change the setting chosen (one made in the app): Enter saves, Esc cancels" },
	{ "settings.default", ACT_RESET, CTX_SETTINGS, { 'd' }, false,
	  "put the setting chosen back to its default" },
	{ "settings.undo", ACT_UNDO, CTX_SETTINGS, { 'u' }, false, "undo the last change, newest first" },
	{ "settings.back", ACT_BACK, CTX_SETTINGS, { 'q', ESC }, false, "back to Today" },
	{ "profile.up", ACT_UP, CTX_PROFILE, { UP, 'k' }, false, "the previous question" },
	{ "profile.down", ACT_DOWN, CTX_PROFILE, { DOWN, 'j' }, false, "the next question" },
	{ "profile.choose", ACT_TICK, CTX_PROFILE, { '1', '9' }, true, "choose that answer" },
	{ "profile.clear", ACT_CLEAR, CTX_PROFILE, { '0', BKSP }, false, "clear the answer" },
	{ "profile.back", ACT_BACK, CTX_PROFILE, { 'q', ESC }, false, "back to Today" },
	{ "welcome.save", ACT_ACCEPT, CTX_WELCOME, { ENTER }, false,
	  "save and go on (empty keeps the default)" },
	{ "welcome.skip", ACT_BACK, CTX_WELCOME, { ESC }, false, "skip the questions" },
	/* the Browser (browse.c) and item details (item.c) */
	{ "browse.find", ACT_FIND, CTX_BROWSE, { '/' }, false,
	  "search: type words of an id, prompt, tag or key point" },
	{ "find.accept", ACT_ACCEPT, CTX_FIND, { ENTER, DOWN }, false,
	  "keep the search and go to the list" },
	{ "find.clear", ACT_CLEAR, CTX_FIND, { ESC }, false, "clear the search and go to the list" },
	{ "browse.open", ACT_OPEN, CTX_BROWSE, { ENTER }, false,
	  "the question's details: answer, memory, history, why it is scheduled" },
	{ "browse.up", ACT_UP, CTX_BROWSE, { UP, 'k' }, false, "the row above" },
	{ "browse.down", ACT_DOWN, CTX_BROWSE, { DOWN, 'j' }, false, "the row below" },
	{ "browse.pgup", ACT_PGUP, CTX_BROWSE, { PGUP }, false, "a page up" },
	{ "browse.pgdn", ACT_PGDN, CTX_BROWSE, { PGDN }, false, "a page down" },
	{ "browse.top", ACT_TOP, CTX_BROWSE, { HOME, 'g' }, false, "the first row" },
	{ "browse.bottom", ACT_BOTTOM, CTX_BROWSE, { END, 'G' }, false, "the last row" },
	{ "browse.area", ACT_AREA, CTX_BROWSE, { 'a' }, false, "filter: cycle the area" },
	{ "browse.state", ACT_STATE, CTX_BROWSE, { 't' }, false, "filter: cycle the state" },
	{ "browse.week", ACT_WEEK, CTX_BROWSE, { 'w' }, false, "filter: cycle the week" },
	{ "browse.level", ACT_LEVEL, CTX_BROWSE, { 'l' }, false, "filter: cycle the level" },
	{ "browse.starred", ACT_STARRED, CTX_BROWSE, { 'f' }, false, "filter: starred only, or all" },
	{ "browse.sort", ACT_SORT, CTX_BROWSE, { 'o' }, false,
	  "sort by the next column: id, due, recall, stability, lapses, week" },
	{ "browse.suspend", ACT_SUSPEND, CTX_BROWSE | CTX_ITEM, { 's' }, false,
	  "suspend or unsuspend the question" },
	{ "browse.star", ACT_STAR, CTX_BROWSE | CTX_ITEM, { '*' }, false,
	  "star or unstar the question" },
	{ "browse.bury", ACT_BURY, CTX_BROWSE | CTX_ITEM, { 'b' }, false,
	  "bury until tomorrow, or unbury" },
	{ "browse.reset", ACT_RESET, CTX_BROWSE | CTX_ITEM, { 'R' }, false,
	  "reset: the card starts over as new; its answers stay in the log (asks y first)" },
	{ "browse.drill", ACT_THESE, CTX_BROWSE, { 'D' }, false,
	  "drill the questions listed, as cram: recorded, schedules unchanged" },
	{ "browse.drill_counted", ACT_THESE_COUNT, CTX_BROWSE, { 'C' }, false,
	  "drill the questions listed and count it: the answers move their schedules" },
	{ "browse.back", ACT_BACK, CTX_BROWSE, { 'q', ESC }, false, "back to Today" },
	{ "item.back", ACT_BACK, CTX_ITEM, { 'q', ESC }, false,
	  "back to the Browser (or to the drill it was opened from)" },
	/* Mock rounds: the Mock screen (mock.c) and a round (round.c) */
	{ "mock.start", ACT_START, CTX_MOCK, { ENTER }, false,
	  "start the round chosen; resume an unfinished one; show a finished one's results" },
	{ "mock.discard", ACT_DISCARD, CTX_MOCK, { 'd' }, false,
	  "discard the unfinished round chosen (asks first)" },
	{ "mock.up", ACT_UP, CTX_MOCK, { UP, 'k' }, false, "choose the one above" },
	{ "mock.down", ACT_DOWN, CTX_MOCK, { DOWN, 'j' }, false,
	  "choose the one below; past the last, scroll down" },
	{ "mock.back", ACT_BACK, CTX_MOCK, { 'q', ESC }, false, "back to Today" },
	{ "results.back", ACT_BACK, CTX_MOCK_RESULTS, { 'q', ESC }, false,
	  "back to the list of rounds" },
	{ "round.pause", ACT_PAUSE, CTX_ROUND, { 'p' }, false, "pause or resume the clock" },
	{ "round.reveal", ACT_REVEAL, CTX_ROUND | CTX_ROUND_POINTS, { ' ' }, false,
	  "incident or design: reveal the step's (phase's) points, then the next, then the ending" },
	{ "round.tick", ACT_TICK, CTX_ROUND | CTX_ROUND_POINTS, { '1', '9' }, true,
	  "tick a point you covered (in an incident or a design, of the latest step or phase)" },
	{ "round.notes", ACT_NOTES, CTX_ROUND | CTX_ROUND_POINTS, { 'n' }, false,
	  "notes for this segment in $EDITOR, kept with the round" },
	{ "round.end", ACT_END, CTX_ROUND, { ENTER }, false,
	  "end the segment and score it (asks again while time is left)" },
	{ "round.to_score", ACT_TO_GRADE, CTX_ROUND_POINTS, { ENTER }, false,
	  "go on to score the rubric" },
	{ "round.score", ACT_GRADE, CTX_ROUND_SCORE, { '1', '4' }, true,
	  "score this dimension; then a line of evidence (optional) and Enter" },
	{ "round.unscore", ACT_UNGRADE, CTX_ROUND_SCORE, { ESC, BKSP }, false,
	  "back to the previous dimension (or to the key points)" },
	{ "round.leave", ACT_BACK, CTX_ROUND | CTX_ROUND_POINTS | CTX_ROUND_SCORE, { 'q' }, false,
	  "leave the round: what is scored is kept, and it can be resumed or discarded" },
	{ "mocks.up", ACT_UP, MOCK_SCROLLED, { UP, 'k' }, false, "scroll up" },
	{ "mocks.down", ACT_DOWN, MOCK_SCROLLED, { DOWN, 'j' }, false, "scroll down" },
	{ "mocks.pgup", ACT_PGUP, CTX_MOCKS, { PGUP }, false, "scroll a page up" },
	{ "mocks.pgdn", ACT_PGDN, CTX_MOCKS, { PGDN }, false, "scroll a page down" },
	{ "mocks.top", ACT_TOP, CTX_MOCKS, { HOME, 'g' }, false, "scroll to the top" },
	{ "mocks.bottom", ACT_BOTTOM, CTX_MOCKS, { END, 'G' }, false,
	  "scroll to the bottom (on the Mock screen, to the last trend)" },
	/* scrolling a long document, and everywhere */
	{ "scroll.up", ACT_UP, SCROLLED, { UP, 'k' }, false, "scroll up" },
	{ "scroll.down", ACT_DOWN, SCROLLED, { DOWN, 'j' }, false, "scroll down" },
	{ "scroll.pgup", ACT_PGUP, SCROLLED, { PGUP }, false, "scroll a page up" },
	{ "scroll.pgdn", ACT_PGDN, SCROLLED, { PGDN }, false, "scroll a page down" },
	{ "scroll.top", ACT_TOP, SCROLLED, { HOME, 'g' }, false, "scroll to the top" },
	{ "scroll.bottom", ACT_BOTTOM, SCROLLED, { END, 'G' }, false, "scroll to the bottom" },
	{ "help.back", ACT_BACK, CTX_HELP, { 'q', ESC, '?' }, false, "close help" },
	{ "global.help", ACT_HELP, CTX_ALL & ~CTX_HELP, { '?' }, false,
	  "help: the keys of this screen" },
	{ "global.redraw", ACT_REDRAW, CTX_ALL, { CTRL('l') }, false, "redraw the screen" },
	{ "global.quit", ACT_EXIT, CTX_ALL, { 0 }, false,
	  "quit backprep from any screen, as Ctrl-C does (no key unless config.yaml binds one)" },
	{ NULL, ACT_NONE, 0, { 0 }, false, NULL },
};

#define ROWS (sizeof(key_table) / sizeof(key_table[0]) - 1)

/* The keys in force; a row not bound since the last reset uses its defaults. */
static int bound[ROWS][KEYMAP_MAX_KEYS + 1];
static bool is_bound[ROWS];

size_t keymap_count(void)
{
	return ROWS;
}

int keymap_find(const char *name)
{
	for (size_t r = 0; r < ROWS; r++)
		if (strcmp(key_table[r].name, name) == 0)
			return (int)r;
	return -1;
}

const int *keymap_keys(int r)
{
	static const int none[1] = { 0 };

	if (r < 0 || (size_t)r >= ROWS)
		return none;
	return is_bound[r] ? bound[r] : key_table[r].keys;
}

void keymap_bind(int r, const int *keys, int n)
{
	if (r < 0 || (size_t)r >= ROWS || key_table[r].range)
		return;
	if (n > KEYMAP_MAX_KEYS)
		n = KEYMAP_MAX_KEYS;
	memset(bound[r], 0, sizeof(bound[r]));
	memcpy(bound[r], keys, sizeof(int) * (size_t)n);
	is_bound[r] = true;
}

void keymap_reset(void)
{
	memset(is_bound, 0, sizeof(is_bound));
}

bool keymap_rebound(int r)
{
	const int *k = keymap_keys(r), *d = key_table[r].keys;
	int i;

	for (i = 0; i < KEYMAP_MAX_KEYS && d[i]; i++)
		if (k[i] != d[i])
			return true;
	return i < KEYMAP_MAX_KEYS && k[i];
}

bool keymap_match(int r, int code, int *arg)
{
	const keydef *k = &key_table[r];
	const int *keys = keymap_keys(r);

	if (k->range) {
		if (code < k->keys[0] || code > k->keys[1])
			return false;
		*arg = code - '0';
		return true;
	}
	for (int i = 0; i < KEYMAP_MAX_KEYS && keys[i]; i++)
		if (keys[i] == code)
			return true;
	return false;
}

action keymap_lookup(unsigned ctx, int code, int *arg)
{
	for (size_t r = 0; r < ROWS; r++)
		if ((key_table[r].ctx & ctx) && keymap_match((int)r, code, arg))
			return key_table[r].act;
	return ACT_NONE;
}

int keymap_row(unsigned ctx, action a)
{
	for (size_t r = 0; r < ROWS; r++)
		if ((key_table[r].ctx & ctx) && key_table[r].act == a)
			return (int)r;
	return -1;
}

static const char *const special[] = { "Up",  "Down", "Left", "Right",
				       "PgUp", "PgDn", "Home", "End" };

static const struct {
	const char *name;
	int code;
} named[] = {
	{ "space", ' ' },	{ "enter", KEY_CODE_ENTER },	    { "return", KEY_CODE_ENTER },
	{ "tab", KEY_CODE_TAB }, { "backspace", KEY_CODE_BACKSPACE }, { "esc", KEY_CODE_ESC },
	{ "escape", KEY_CODE_ESC }, { "pageup", KEY_CODE_PGUP },	  { "pagedown", KEY_CODE_PGDN },
};

int keymap_parse_key(const char *s)
{
	size_t n = strlen(s);

	if (n == 1 && s[0] > ' ' && s[0] < 127)
		return (unsigned char)s[0];
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (strcasecmp(s, named[i].name) == 0)
			return named[i].code;
	for (size_t i = 0; i < sizeof(special) / sizeof(special[0]); i++)
		if (strcasecmp(s, special[i]) == 0)
			return KEY_CODE_SPECIAL + (int)i;
	if ((s[0] == 'f' || s[0] == 'F') && n >= 2 && n <= 3 && s[1] >= '1' && s[1] <= '9') {
		int f = s[1] - '0';

		if (n == 3) {
			if (s[2] < '0' || s[2] > '9')
				return -1;
			f = f * 10 + s[2] - '0';
		}
		return f <= 12 ? KEY_CODE_F1 + f - 1 : -1;
	}
	if (n == 6 && strncasecmp(s, "ctrl-", 5) == 0) {
		char c = s[5] | 0x20;

		if (c < 'a' || c > 'z')
			return -1;
		/* what the terminal sends for these */
		if (c == 'h')
			return KEY_CODE_BACKSPACE;
		if (c == 'j' || c == 'm')
			return KEY_CODE_ENTER;
		return CTRL(c);
	}
	return -1;
}

const char *keymap_key_name(int code, char *buf, size_t n)
{
	if (code == ' ')
		snprintf(buf, n, "Space");
	else if (code == KEY_CODE_ENTER)
		snprintf(buf, n, "Enter");
	else if (code == KEY_CODE_TAB)
		snprintf(buf, n, "Tab");
	else if (code == KEY_CODE_ESC)
		snprintf(buf, n, "Esc");
	else if (code == KEY_CODE_BACKSPACE)
		snprintf(buf, n, "Backspace");
	else if (code > 0 && code < ' ')
		snprintf(buf, n, "Ctrl-%c", code + '@');
	else if (code > ' ' && code < 127)
		snprintf(buf, n, "%c", code);
	else if (code >= KEY_CODE_SPECIAL && code < KEY_CODE_F1)
		snprintf(buf, n, "%s", special[code - KEY_CODE_SPECIAL]);
	else if (code >= KEY_CODE_F1 && code <= KEY_CODE_LAST)
		snprintf(buf, n, "F%d", code - KEY_CODE_F1 + 1);
	else
		snprintf(buf, n, "?");
	return buf;
}

const char *keymap_keys_name(int r, char *buf, size_t n)
{
	const int *keys = keymap_keys(r);
	size_t used = 0;
	char one[16];

	buf[0] = 0;
	if (key_table[r].range) {
		snprintf(buf, n, "%c-%c", key_table[r].keys[0], key_table[r].keys[1]);
		return buf;
	}
	for (int i = 0; i < KEYMAP_MAX_KEYS && keys[i] && used < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%s", i ? "/" : "",
					 keymap_key_name(keys[i], one, sizeof(one)));
	if (!buf[0])
		snprintf(buf, n, "(none)");
	return buf;
}

const char *keymap_first_key(int r, char *buf, size_t n)
{
	const int *keys = keymap_keys(r);

	buf[0] = 0;
	if (r < 0)
		return buf;
	if (key_table[r].range)
		return keymap_keys_name(r, buf, n);
	if (keys[0])
		keymap_key_name(keys[0], buf, n);
	return buf;
}

int keymap_conflict(int r, int code, unsigned *ctx)
{
	for (size_t o = 0; o < ROWS; o++) {
		unsigned shared = key_table[o].ctx & key_table[r].ctx;
		int arg;

		if ((int)o == r || !shared || !keymap_match((int)o, code, &arg))
			continue;
		*ctx = shared & -shared;
		return (int)o;
	}
	return -1;
}

const keymap_section keymap_sections[] = {
	{ CTX_TODAY, "Today", "Today" },
	{ CTX_ASK, "Drill: the question", "question" },
	{ CTX_REVEALED, "Drill: the answer revealed", "answer" },
	{ CTX_GRADE, "Drill: grading", "grade" },
	{ CTX_DONE, "Drill: after the last question", "drill end" },
	{ CTX_SUMMARY, "Drill summary", "drill summary" },
	{ CTX_SETTINGS, "Settings", "Settings" },
	{ CTX_MOCK, "Mock rounds", "Mock" },
	{ CTX_ROUND, "Mock round: the clock running", "round" },
	{ CTX_ROUND_POINTS, "Mock round: key points", "key points" },
	{ CTX_ROUND_SCORE, "Mock round: scoring the rubric", "rubric" },
	{ CTX_MOCK_RESULTS, "Mock round: results", "results" },
	{ CTX_BROWSE, "Browser", "Browser" },
	{ CTX_FIND, "Browser: typing the filter", "search" },
	{ CTX_ITEM, "Item details", "details" },
	{ CTX_PLAN, "Plan", "Plan" },
	{ CTX_STATS, "Stats", "Stats" },
	{ CTX_PROFILE, "Profile", "Profile" },
	{ CTX_WELCOME, "First run", "first run" },
	{ CTX_HELP, "Help", "help" },
};
const size_t keymap_n_sections = sizeof(keymap_sections) / sizeof(keymap_sections[0]);

const char *keymap_ctx_title(unsigned ctx)
{
	for (size_t i = 0; i < keymap_n_sections; i++)
		if (keymap_sections[i].ctx & ctx)
			return keymap_sections[i].title;
	return "?";
}
