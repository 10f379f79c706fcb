/*
 * keymap: the one table of actions. Each row is an action with a stable name
 * ("drill.reveal"), the screens (contexts) it works on, its default keys and its help text.
 * The help screen, the footers, `backprep keys`, the man page, the README check and
 * config.yaml's `keys:` all read it. It draws nothing and knows no curses: keys are the
 * codes below, and the TUI turns what curses reads into them (tui/keys.c).
 *
 * Adding a key: one row in keymap.c (and, for a new kind of action, one ACT_ below and its
 * handling in the screen), and one row in README.md's key table.
 */
#ifndef BACKPREP_KEYMAP_H
#define BACKPREP_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

/* Key contexts: where a binding applies (one bit per screen or state of a screen). */
enum {
	CTX_TODAY = 1 << 0,
	CTX_ASK = 1 << 1,
	CTX_REVEALED = 1 << 2,
	CTX_GRADE = 1 << 3,
	CTX_DONE = 1 << 4,
	CTX_HELP = 1 << 5,
	CTX_PLAN = 1 << 6,
	CTX_PROFILE = 1 << 7,
	CTX_WELCOME = 1 << 8,
	CTX_MOCK = 1 << 9,          /* Mock: templates and rounds taken */
	CTX_MOCK_RESULTS = 1 << 10, /* Mock: one round's results */
	CTX_ROUND = 1 << 11,        /* a mock round: the clock runs */
	CTX_ROUND_POINTS = 1 << 12, /* a mock round: key points revealed and ticked */
	CTX_ROUND_SCORE = 1 << 13,  /* a mock round: the rubric scored */
	CTX_STATS = 1 << 14,
	CTX_SUMMARY = 1 << 15,      /* the summary after a drill */
	CTX_BROWSE = 1 << 16,       /* the Browser's list */
	CTX_FIND = 1 << 17,         /* the Browser: typing the filter */
	CTX_ITEM = 1 << 18,         /* an item's details */
	CTX_SETTINGS = 1 << 19,     /* the Settings screen */
	CTX_MOCKS = CTX_MOCK | CTX_MOCK_RESULTS | CTX_ROUND | CTX_ROUND_POINTS | CTX_ROUND_SCORE,
	CTX_DRILL = CTX_ASK | CTX_REVEALED | CTX_GRADE | CTX_DONE,
	CTX_ALL = (1 << 20) - 1,    /* every context above */
};

typedef enum {
	ACT_NONE,
	ACT_QUIT,
	ACT_BACK,
	ACT_HELP,
	ACT_REDRAW,
	ACT_START,
	ACT_HINT,
	ACT_REVEAL,
	ACT_TICK,    /* with the digit */
	ACT_TO_GRADE,
	ACT_GRADE,   /* with the digit */
	ACT_ACCEPT,  /* take the suggested grade */
	ACT_UNGRADE, /* back from grading to the answer */
	ACT_UP,
	ACT_DOWN,
	ACT_PGUP,
	ACT_PGDN,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_UNDO,
	ACT_BURY,
	ACT_SUSPEND,
	ACT_STAR,
	ACT_CRAM,
	ACT_INTERVIEW,
	ACT_PLAN,
	ACT_PROFILE,
	ACT_CLEAR,
	ACT_MOCK,     /* open the Mock screen */
	ACT_PAUSE,    /* pause or resume a round's clock */
	ACT_NOTES,    /* the segment's notes in $EDITOR */
	ACT_END,      /* end the segment and score it */
	ACT_DISCARD,  /* discard an unfinished round */
	ACT_STATS,    /* open the Stats screen */
	ACT_BROWSE,   /* open the Browser */
	ACT_FIND,     /* the Browser: type the filter */
	ACT_OPEN,     /* the Browser: the selected item's details */
	ACT_AREA,     /* the Browser: cycle the filters and the sort */
	ACT_STATE,
	ACT_WEEK,
	ACT_LEVEL,
	ACT_STARRED,
	ACT_SORT,
	ACT_RESET,
	ACT_THESE,    /* the Browser: drill the questions listed, as cram */
	ACT_THESE_COUNT, /* ...as a drill that counts */
	ACT_DETAILS,  /* the drill: the question's details */
	ACT_EDIT,     /* a coding question: the solution in $EDITOR */
	ACT_FRESH,    /* ...a fresh one from the stub, the old kept as .prev */
	ACT_RUN,      /* ...run its tests */
	ACT_SETTINGS, /* open the Settings screen */
	ACT_EXIT,     /* quit from any screen (global.quit: no key unless config.yaml gives one) */
} action;

/*
 * Key codes: a printable ASCII character, Tab, Enter and Esc, Backspace and Ctrl-A..Ctrl-Z
 * are their byte (Enter is '\n', Backspace 127; Ctrl-H, Ctrl-I and Ctrl-M are Backspace,
 * Tab and Enter, as a terminal sends them); the other keys follow KEY_CODE_SPECIAL.
 */
enum {
	KEY_CODE_TAB = '\t',
	KEY_CODE_ENTER = '\n',
	KEY_CODE_ESC = 27,
	KEY_CODE_BACKSPACE = 127,
	KEY_CODE_SPECIAL = 0x200,
	KEY_CODE_UP = KEY_CODE_SPECIAL,
	KEY_CODE_DOWN,
	KEY_CODE_LEFT,
	KEY_CODE_RIGHT,
	KEY_CODE_PGUP,
	KEY_CODE_PGDN,
	KEY_CODE_HOME,
	KEY_CODE_END,
	KEY_CODE_F1, /* ..KEY_CODE_F1 + 11 */
	KEY_CODE_LAST = KEY_CODE_F1 + 11,
};

enum { KEYMAP_MAX_KEYS = 4 };

typedef struct keydef {
	const char *name;   /* "drill.reveal": stable, what config.yaml binds */
	action act;
	unsigned ctx;       /* the contexts it works in */
	int keys[KEYMAP_MAX_KEYS]; /* default keys, 0-terminated; with `range`, keys[0]..keys[1] */
	bool range;         /* a digit range (1-9, 1-4): its digit is the argument; not rebound */
	const char *label;  /* what it does: help, footers' long form, the man page */
} keydef;

/* The table, ended by a row with a NULL name. */
extern const keydef key_table[];
size_t keymap_count(void);

/* The row named `name`, or -1. */
int keymap_find(const char *name);

/* The keys in force for row r (defaults until keymap_bind), 0-terminated. */
const int *keymap_keys(int r);

/* Makes keys (n of them, at most KEYMAP_MAX_KEYS) the keys of row r; n = 0 unbinds it. */
void keymap_bind(int r, const int *keys, int n);

/* Back to the default keys everywhere. */
void keymap_reset(void);

/* True when the keys in force for row r are not its defaults. */
bool keymap_rebound(int r);

/* True when row r answers key in force `code`; *arg gets a range's digit. */
bool keymap_match(int r, int code, int *arg);

/* The action of key `code` in context ctx, first row first; *arg gets a range's digit. */
action keymap_lookup(unsigned ctx, int code, int *arg);

/* The first row of action a in a context of ctx, or -1 (for footers). */
int keymap_row(unsigned ctx, action a);

/*
 * A key name as config.yaml writes it ("q", "space", "enter", "ctrl-q", "f5", "pgdn";
 * names are case-insensitive, a single character is not) into its code; -1 when it is none.
 */
int keymap_parse_key(const char *s);

/* How help shows a key ("Space", "Ctrl-Q", "q") into buf; returns buf. */
const char *keymap_key_name(int code, char *buf, size_t n);

/* Row r's keys in force joined by '/' ("Space/Enter", "1-9"), or "(none)". Returns buf. */
const char *keymap_keys_name(int r, char *buf, size_t n);

/* The first key in force of row r ("Space"), or "" when it has none (for footers). */
const char *keymap_first_key(int r, char *buf, size_t n);

/*
 * Another row that shares a context with row r and answers one of code's keys in force
 * (ranges count their digits), or -1; *ctx gets the first context they share.
 */
int keymap_conflict(int r, int code, unsigned *ctx);

/* The contexts as help and the man page title them, in that order. */
typedef struct keymap_section {
	unsigned ctx;
	const char *title;
	const char *where; /* short, for README's key table: "question", "rubric" */
} keymap_section;
extern const keymap_section keymap_sections[];
extern const size_t keymap_n_sections;

/* The title of the first section of ctx ("Drill: the question"). */
const char *keymap_ctx_title(unsigned ctx);

#endif
