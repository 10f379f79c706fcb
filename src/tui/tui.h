/*
 * The TUI's shared pieces: the screens, the key table and the drawing helpers.
 * Private to src/tui.
 */
#ifndef BACKPREP_TUI_PRIV_H
#define BACKPREP_TUI_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "backprep/app.h"
#include "backprep/arena.h"
#include "backprep/keymap.h"
#include "backprep/session.h"
#include "backprep/text.h"

enum { MIN_COLS = 60, MIN_LINES = 16 };

/* The action of key ch (as curses reads it) in context ctx, from the keys in force;
 * *arg gets the digit for ACT_TICK and ACT_GRADE. */
action keys_lookup(unsigned ctx, int ch, int *arg);

/* ch as curses reads it, as a keymap code (keymap.h); 0 for a key the table cannot name. */
int keys_code(int ch);

/* The first key in force of action a in ctx, as a keymap code; 0 when it has none. */
int keys_first(unsigned ctx, action a);
/* The other way: a keymap code as curses reads the key (KEY_UP for KEY_CODE_UP); 0: none. */
int keys_curses(int code);

/*
 * The mouse (mouse.c): on unless config.yaml says `mouse: false`. While a screen draws, it
 * marks what a click means: a run of cells that presses a key (a keymap code), a list row
 * (selected by the first click; the second presses `code`, the key that opens it), and the
 * footer's hints (draw_footer does it). mouse_clear forgets the marks before each drawing.
 */
void mouse_start(bool on);
void mouse_clear(void);
void mouse_key_span(int y, int x0, int x1, int code);
void mouse_row_span(int y, int x0, int x1, int row, int code);
void mouse_hints(int y, int x, const char *line);
/* After KEY_MOUSE: the keys (as curses reads them) the event stands for in ctx, at most max
 * (a wheel notch is Up or Down, three times on a document); *row gets the list row clicked,
 * or -1. Returns how many keys. */
int mouse_read(unsigned ctx, int *row, int *keys, int max);

/* Appends "KEY label" for action a in ctx to a footer's hints (at *len in buf of size n),
 * with the first key in force; nothing when the action has no key there. */
void keys_hint(char *buf, size_t n, size_t *len, unsigned ctx, action a, const char *label);
/* The first key in force of action a in ctx, for a sentence ("press %s to set one"); "a key
 * (none is bound)" when it has none. Good for the next seven calls. */
const char *keys_name(unsigned ctx, action a);

/* A footer's hints from a list: each action's first key in force (two for a pair, as
 * "Up/Down"), then its label; an action without a key in ctx is left out. Into buf. */
typedef struct keyhint {
	action a, b; /* b: ACT_NONE, or the second of a pair */
	const char *label;
} keyhint;
void keys_hints(char *buf, size_t n, unsigned ctx, const keyhint *h, size_t count);
#define KEYHINTS(buf, ctx, h) keys_hints(buf, sizeof(buf), ctx, h, sizeof(h) / sizeof((h)[0]))

/* A footer of a screen that scrolls: "Up/Down scroll   q <back>   ? help", from the keys in
 * force in ctx. Returns a static buffer, good until the next call. */
const char *keys_scroll_hints(unsigned ctx, const char *back);
/* The same for two actions shown as one hint: "Up/Down scroll". */
void keys_hint2(char *buf, size_t n, size_t *len, unsigned ctx, action a, action b,
		const char *label);

/* Colour pairs and attributes; plain attributes under NO_COLOR or without colour. */
/* The grades' colours (Again, Hard, Good, Easy, in that order) are the basic eight on an
 * 8-colour terminal and finer ones on a 256-colour one; under NO_COLOR they are none. */
enum {
	ATTR_TITLE,
	ATTR_DIM,
	ATTR_HEAD,
	ATTR_GOOD,
	ATTR_BAD,
	ATTR_KEY,
	ATTR_SEL,
	ATTR_GRADE_AGAIN,
	ATTR_GRADE_HARD,
	ATTR_GRADE_GOOD,
	ATTR_GRADE_EASY,
	ATTR_COUNT
};
void style_init(void);
int style(int which);

/* A document of wrapped lines, drawn with a scroll offset. */
typedef struct doc_line {
	const char *s;
	size_t len;
	int indent;
	int attr;
	char prefix[24]; /* drawn before the text on the first line of an entry */
	int prefix_w;
	int click_key;   /* a click on the line presses it (a keymap code), or 0 */
	int click_row;   /* ...or selects list row click_row - 1 (0: none) */
} doc_line;

typedef struct doc {
	doc_line *v;
	size_t n, cap;
	int width;
	arena text; /* text made for this drawing (doc_printf), freed by doc_reset */
	int click_key, click_row; /* given to the lines added now (doc_click) */
} doc;

void doc_reset(doc *d, int width);
void doc_free(doc *d);
void doc_blank(doc *d);
void doc_text(doc *d, const char *s, int indent, int attr, enum text_mode mode);
void doc_heading(doc *d, const char *s);
void doc_printf(doc *d, int attr, const char *fmt, ...) BP_PRINTF(3, 4);
/* A copy of s that lives until the next doc_reset. */
const char *doc_keep(doc *d, const char *s);
/* An entry with a prefix ("[x] 1. ") and the text hanging after it. */
void doc_entry(doc *d, const char *prefix, const char *s, int indent, int attr);
/* What a click means on the lines added from now on, until the next doc_click or
 * doc_reset: press key (a keymap code; 0 none), select list row `row` (-1 none) and open it
 * with key on the second click. doc_draw marks them where they land, scrolled or not. */
void doc_click(doc *d, int key, int row);
/* Draws rows [top, top+height) from line `scroll`; returns the clamped scroll. */
int doc_draw(const doc *d, int top, int height, int scroll);

/* An item's answer side, as the drill reveals it (reveal.c): a titled list, the parts of a
 * coding problem or an incident, then the model answer, why, pitfalls and follow-ups. */
void reveal_list(doc *d, const char *title, const bp_strs *v, int attr);
void reveal_kind(doc *d, const bp_item *it);
/* A coding question's signature, examples and constraints: what is shown before the reveal
 * (drill, mock round); reveal_kind_after_problem is reveal_kind without them. */
void reveal_problem(doc *d, const bp_item *it);
void reveal_kind_after_problem(doc *d, const bp_item *it);
void reveal_answer(doc *d, const bp_item *it);

/* One line of text at (y, x), cut to `cols` columns; newlines drawn as spaces. */
void put_text(int y, int x, const char *s, size_t len, int cols, int attr);
void put_str(int y, int x, const char *s, int attr);
/* The title bar and the footer of key hints. */
void draw_title(const char *left, const char *right);
void draw_footer(const char *hints, const char *msg, int msg_attr);

/*
 * Charts (chart.c), shared by every screen that draws one. Intensity is a block character's
 * weight, never colour alone, so they read under NO_COLOR.
 */
enum { CHART_LEVELS = 5 };
/* The heatmap's cell for a level 0..4: · ░ ▒ ▓ █ */
const char *chart_shade(int level);
/* A bar of `width` cells filled to frac (0..1) in eighths, the rest dotted, into buf. */
void chart_hbar(char *buf, size_t n, double frac, int width);
/* One cell per value, ▁ (lo) to █ (hi); a value below lo (none) is a dot. */
void chart_spark(char *buf, size_t n, const double *v, int count, double lo, double hi);
/* Vertical bars `height` rows high, one column per value (a space between), scaled to the
 * largest value or line; where a bar stays below the line's value, the line shows as ─. */
void chart_vbars(doc *d, const double *v, const double *line, int count, int height,
		 int indent);
/* Days first..first+n as a grid, weeks as columns from Monday, with month labels above and
 * ^ under today's week, I on the interview day; only the latest weeks that fit in `cols`.
 * Returns the weeks drawn. */
int chart_heatmap(doc *d, int64_t first, const int *levels, int n, int64_t today,
		  int64_t interview, int cols);

/* The screens; each is one file with enter, leave, draw, key and its key context. */
typedef enum {
	SCR_TODAY,
	SCR_DRILL,
	SCR_HELP,
	SCR_PLAN,
	SCR_PROFILE,
	SCR_WELCOME,
	SCR_MOCK,
	SCR_ROUND,
	SCR_STATS,
	SCR_SUMMARY,
	SCR_BROWSE,
	SCR_ITEM,
	SCR_SETTINGS,
	SCR_COUNT
} screen_id;

/* What a screen's key handler asks for: stay, go back, quit, or open a screen. */
typedef enum {
	GO_STAY = -1,
	GO_BACK = -2, /* to the screen before help */
	GO_QUIT = -3,
	GO_RESUME = -4, /* to the drill the details were opened over */
	GO_TODAY = SCR_TODAY,
	GO_DRILL = SCR_DRILL,
	GO_HELP = SCR_HELP,
	GO_PLAN = SCR_PLAN,
	GO_PROFILE = SCR_PROFILE,
	GO_WELCOME = SCR_WELCOME,
	GO_MOCK = SCR_MOCK,
	GO_ROUND = SCR_ROUND,
	GO_STATS = SCR_STATS,
	GO_SUMMARY = SCR_SUMMARY,
	GO_BROWSE = SCR_BROWSE,
	GO_ITEM = SCR_ITEM,
	GO_SETTINGS = SCR_SETTINGS,
} go;

struct tui;
typedef struct screen_ops {
	void (*enter)(struct tui *t); /* may be NULL */
	void (*leave)(struct tui *t); /* may be NULL */
	void (*draw)(struct tui *t);
	go (*key)(struct tui *t, int ch);
	unsigned (*ctx)(const struct tui *t);
	/* may be NULL: called as the loop wakes (every 200 ms); true when the screen must be
	 * drawn again though no key came (a running clock) */
	bool (*tick)(struct tui *t);
	/* may be NULL: a click on list row `row` (mouse_row_span) selects it; true when it was
	 * selected already, and the click then opens it */
	bool (*pick)(struct tui *t, int row);
} screen_ops;

typedef struct tui {
	bp_app *app;
	app_day day;      /* today's figures and queue, rebuilt on entering Today */
	bool day_ok;
	char day_err[600];
	session *drill;   /* the running drill, or NULL */
	doc doc;
	int scroll;
	int today_scroll;
	int help_scroll;
	unsigned help_from; /* the context help was opened from */
	char msg[600];    /* footer message */
	bool msg_bad;
	bool cram;        /* the drill about to start is a cram session */
	bool editing;     /* typing the interview date on Today */
	char input[11];   /* the date or minutes being typed (field_key) */
	size_t input_cur;
	int welcome_step; /* 0: the interview date, 1: minutes a day */
	int profile_sel;  /* the recruiter question selected on Profile */
	int plan_scroll;
	plan_progress progress; /* for the Plan screen */
	bool progress_ok;
	struct mock_ui *mock; /* the Mock and Round screens' state (mock.c), or NULL */
	struct stats *stats;  /* the Stats screen's figures (stats.c), or NULL */
	int stats_scroll;
	int64_t drill_since; /* when the drill began: the summary counts its answers */
	struct browse_ui *browse; /* the Browser's state (browse.c), or NULL */
	bool find_first;  /* the Browser opens typing the filter (/ on Today) */
	char item_id[STORE_ID_MAX]; /* the item the details show */
	int item_scroll;
	bool item_over_drill; /* the details were opened from a drill (I), which goes on after */
	queue these;      /* the Browser's "drill these", for the drill about to start */
	bool these_count; /* ...answered as a drill that moves the schedule, not as cram */
	struct settings_ui *settings; /* the Settings screen's state (settings.c), or NULL */
	struct solve_ui *solve; /* the last run of a solution's tests (solve.c), or NULL */
} tui;

/* Up, Down, PgUp, PgDn, Home and End on a scrolled document: true when a was one of them. */
bool scroll_key(action a, int *scroll);

/*
 * A line being typed (a date, minutes, a line of evidence) in buf, with the cursor at byte
 * *cur: Left/Right/Home/End (Ctrl-A, Ctrl-E) move it, Backspace and Delete remove a
 * character, Ctrl-U empties the line, other keys in `allowed` (NULL: any printable text)
 * are inserted at the cursor. True when ch was one of its keys.
 */
bool field_key(char *buf, size_t size, size_t *cur, int ch, const char *allowed);
/* The line being typed on the footer's last row, after its label, with the cursor shown. */
void draw_field(const char *label, const char *buf, size_t cur);

extern const screen_ops today_screen, drill_screen, help_screen, plan_screen, profile_screen,
	welcome_screen, mock_screen, round_screen, stats_screen, summary_screen, browse_screen,
	item_screen, settings_screen;

/* Frees the Settings screen's state, its undo list with it (on exit). */
void settings_ui_free(tui *t);

/* Frees the Browser's state (on exit). */
void browse_ui_free(tui *t);

/* s, u (unsuspend), *, b and R on item `id` from the Browser or its details: records the
 * event, says what it did in t->msg, and marks the Browser's rows to be read again. R asks
 * first: *confirm is set, and the next call with confirmed true resets. */
void browse_flag(tui *t, const char *id, action a, bool confirmed);

/* After R: y resets, any other key keeps the card. True when ch answered that question. */
bool browse_confirm_key(tui *t, int ch);

/* Saves the clock of a round left running and frees the Mock screens' state (on exit). */
void mock_ui_free(tui *t);

/* For screens that open today's figures afresh. */
void today_enter(tui *t);

#endif
