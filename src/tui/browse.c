/* browse: the Browser — every question in a table, searched as you type, filtered, sorted. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/browse.h"
#include "backprep/clock.h"
#include "backprep/flag.h"
#include "tui.h"

struct browse_ui {
	browse *b;
	bool at_interview; /* recall is predicted at the interview, not now */
	store_card *cards; /* what the rows point into */
	size_t n_cards;
	bool stale;        /* a flag changed: read the cards again */
	browse_filter f;
	browse_sort sort;
	char text[64];     /* the search being typed */
	size_t cur;
	bool typing;
	const browse_row *const *rows;
	size_t n;
	size_t sel, top;
	char sel_id[STORE_ID_MAX]; /* the selection follows its item across queries */
	char confirm[STORE_ID_MAX]; /* R was pressed on this item: y resets it */
};

/* The interview's start, or now: when recall is predicted. */
static int64_t recall_at(tui *t)
{
	bool from_config;
	int64_t day = app_interview(t->app, &from_config);

	return day ? clock_day_start(day) : clock_now();
}

static void query(struct browse_ui *u)
{
	u->f.text = u->text;
	u->n = browse_query(u->b, &u->f, u->sort, &u->rows);
	u->sel = 0;
	for (size_t i = 0; i < u->n; i++)
		if (strcmp(u->rows[i]->item->id, u->sel_id) == 0)
			u->sel = i;
}

/* Reads the cards and builds the rows and the search index. */
static bool load(tui *t, struct browse_ui *u)
{
	bp_error e;

	browse_free(u->b);
	u->b = NULL;
	free(u->cards);
	u->cards = NULL;
	if (store_cards(t->app->st, &u->cards, &u->n_cards, &e) < 0) {
		snprintf(t->msg, sizeof(t->msg), "%s", e.msg);
		t->msg_bad = true;
		return false;
	}
	u->at_interview = recall_at(t) != clock_now();
	u->b = browse_new(t->app->cat, u->cards, u->n_cards, &t->app->sched.base, clock_now(),
			  recall_at(t));
	if (!u->b) {
		snprintf(t->msg, sizeof(t->msg), "Out of memory: cannot open the Browser.");
		t->msg_bad = true;
		return false;
	}
	u->stale = false;
	query(u);
	return true;
}

void browse_ui_free(tui *t)
{
	if (!t->browse)
		return;
	browse_free(t->browse->b);
	free(t->browse->cards);
	free(t->browse);
	t->browse = NULL;
}

static void browse_enter(tui *t)
{
	struct browse_ui *u = t->browse;

	if (!u) {
		if (!(u = t->browse = calloc(1, sizeof(*u))))
			return;
		u->f = (browse_filter){ .area = -1, .state = -1 };
		u->stale = true;
	}
	if (t->find_first) {
		u->typing = true;
		t->find_first = false;
	}
	t->msg[0] = '\0';
	if (u->stale || !u->b)
		load(t, u);
}

/* A row's cells, in the order columns are given up as the window narrows. */
enum { COL_ID, COL_STATE, COL_DUE, COL_RECALL, COL_AREA, COL_STAB, COL_LAPSES, COL_LEVEL,
       COL_WEEK, COL_KIND, COL_N };
static const struct {
	const char *head;
	int w;
} cols[COL_N] = {
	{ "id", 0 },	   { "state", 10 }, { "due", 10 }, { "recall", 6 }, { "area", 11 },
	{ "stab", 6 },	   { "lps", 3 },	 { "lv", 2 },	{ "wk", 2 },	 { "kind", 8 },
};

static void cell(const browse_row *r, int c, char *buf, size_t n)
{
	const store_card *sc = r->card;
	char day[16];

	switch (c) {
	case COL_ID:
		snprintf(buf, n, "%s%s", sc && sc->starred ? "*" : " ", r->item->id);
		break;
	case COL_STATE:
		snprintf(buf, n, "%s", browse_state_name(r->state));
		break;
	case COL_DUE:
		clock_format_day(clock_local_day(sc ? sc->due : 0), day);
		snprintf(buf, n, "%s", sc && sc->state ? day : "-");
		break;
	case COL_RECALL:
		if (r->recall < 0)
			snprintf(buf, n, "-");
		else
			snprintf(buf, n, "%.2f", r->recall);
		break;
	case COL_AREA:
		snprintf(buf, n, "%s", area_name(r->item->area));
		break;
	case COL_STAB:
		if (sc && sc->state)
			snprintf(buf, n, "%.1fd", sc->stability);
		else
			snprintf(buf, n, "-");
		break;
	case COL_LAPSES:
		snprintf(buf, n, "%d", sc ? sc->lapses : 0);
		break;
	case COL_LEVEL:
		snprintf(buf, n, "%d", r->item->level);
		break;
	case COL_WEEK:
		snprintf(buf, n, "%d", r->item->week);
		break;
	default:
		snprintf(buf, n, "%s", kind_name(r->item->kind));
		break;
	}
}

/* How many columns fit: the id keeps at least 24 columns. */
static int columns_that_fit(int width)
{
	int used = 24, k = 1;

	while (k < COL_N && used + cols[k].w + 1 <= width)
		used += cols[k++].w + 1;
	return k;
}

static void draw_row(int y, const browse_row *r, int k, int width, int attr)
{
	int idw = width, x = 1;
	char buf[STORE_ID_MAX + 8];

	for (int c = 1; c < k; c++)
		idw -= cols[c].w + 1;
	for (int c = 0; c < k; c++) {
		int w = c == COL_ID ? idw : cols[c].w;

		if (r)
			cell(r, c, buf, sizeof(buf));
		else
			snprintf(buf, sizeof(buf), "%s%s", c == COL_ID ? " " : "", cols[c].head);
		put_text(y, x, buf, strlen(buf), w, attr);
		x += w + 1;
	}
}

static void filters_line(const struct browse_ui *u, char *buf, size_t n)
{
	char week[8] = "any", level[8] = "any";

	if (u->f.week)
		snprintf(week, sizeof(week), "%d", u->f.week);
	if (u->f.level)
		snprintf(level, sizeof(level), "%d", u->f.level);
	snprintf(buf, n, "area %s · state %s · week %s · level %s%s · sort %s · recall %s",
		 u->f.area < 0 ? "any" : area_name((bp_area)u->f.area),
		 u->f.state < 0 ? "any" : browse_state_name((browse_state)u->f.state), week, level,
		 u->f.starred ? " · starred" : "", browse_sort_name(u->sort),
		 u->at_interview ? "at the interview" : "now");
}

static void browse_draw(tui *t)
{
	struct browse_ui *u = t->browse;
	char left[96], right[48], line[200];
	int k = columns_that_fit(COLS - 2), body = LINES - 6;

	if (!u || !u->b) {
		draw_title("Browse", "");
		draw_footer("q back", t->msg, style(ATTR_BAD));
		return;
	}
	snprintf(left, sizeof(left), "Browse · %zu of %zu %s", u->n, browse_total(u->b),
		 text_plural((long long)browse_total(u->b), "question", "questions"));
	if (u->n > (size_t)body)
		snprintf(right, sizeof(right), "%zu/%zu", u->sel + 1, u->n);
	else
		right[0] = '\0';
	draw_title(left, right);
	snprintf(line, sizeof(line), "Search: %s", u->text);
	put_str(1, 1, line, u->typing ? A_BOLD : 0);
	filters_line(u, line, sizeof(line));
	put_text(2, 1, line, strlen(line), COLS - 2, style(ATTR_DIM));
	draw_row(3, NULL, k, COLS - 2, style(ATTR_HEAD));
	if (body < 1)
		body = 1;
	if (u->sel < u->top)
		u->top = u->sel;
	if (u->sel >= u->top + (size_t)body)
		u->top = u->sel - (size_t)body + 1;
	for (int i = 0; i < body && u->top + (size_t)i < u->n; i++) {
		size_t at = u->top + (size_t)i;

		draw_row(4 + i, u->rows[at], k, COLS - 2, at == u->sel ? style(ATTR_SEL) : 0);
		if (!u->typing)
			mouse_row_span(4 + i, 0, COLS, (int)at, keys_first(CTX_BROWSE, ACT_OPEN));
	}
	if (u->n == 0)
		put_str(4, 2, "No question matches. Esc clears the search; a, t, w, l, f cycle back.",
			style(ATTR_DIM));
	if (u->typing) {
		char hint[100];

		snprintf(hint, sizeof(hint), "%s: the list · %s: clear the search",
			 keys_name(CTX_FIND, ACT_ACCEPT), keys_name(CTX_FIND, ACT_CLEAR));
		draw_footer("", t->msg[0] ? t->msg : hint, style(t->msg[0] ? ATTR_GOOD : ATTR_DIM));
		draw_field("Search:", u->text, u->cur);
	} else {
		static const keyhint h[] = {
			{ ACT_SORT, ACT_NONE, "sort" },	      { ACT_THESE, ACT_THESE_COUNT, "drill these" },
			{ ACT_SUSPEND, ACT_NONE, "suspend" }, { ACT_STAR, ACT_NONE, "star" },
			{ ACT_BURY, ACT_NONE, "bury" },	      { ACT_RESET, ACT_NONE, "reset" },
			{ ACT_HELP, ACT_NONE, "help" },	      { ACT_BACK, ACT_NONE, "back" },
		};
		char hints[400], rest[300];

		/* the five filters as one hint: "a t w l f filter" */
		KEYHINTS(rest, CTX_BROWSE, h);
		snprintf(hints, sizeof(hints), "%s search   %s details   %s %s %s %s %s filter   %s",
			 keys_name(CTX_BROWSE, ACT_FIND), keys_name(CTX_BROWSE, ACT_OPEN),
			 keys_name(CTX_BROWSE, ACT_AREA), keys_name(CTX_BROWSE, ACT_STATE),
			 keys_name(CTX_BROWSE, ACT_WEEK), keys_name(CTX_BROWSE, ACT_LEVEL),
			 keys_name(CTX_BROWSE, ACT_STARRED), rest);
		draw_footer(hints, t->msg, t->msg_bad ? style(ATTR_BAD) : style(ATTR_GOOD));
	}
}

static const char *selected(const struct browse_ui *u)
{
	return u->n ? u->rows[u->sel]->item->id : NULL;
}

void browse_flag(tui *t, const char *id, action a, bool confirmed)
{
	struct browse_ui *u = t->browse;
	store_card card;
	bool found = false;
	const store_card *sc = &card;
	int64_t now = clock_now();
	flag_kind k;
	flag_change ch;
	bp_error e;
	static const char *const done[FLAG_KINDS] = { "Suspended", "Unsuspended", "Starred",
						      "Unstarred", "Buried until tomorrow",
						      "Unburied", "Reset (a new card again)" };

	if (!u)
		return;
	if (store_card_get(t->app->st, id, &card, &found, &e) < 0 || !found)
		sc = NULL; /* read afresh: the details may have changed it since the rows were read */
	switch (a) {
	case ACT_SUSPEND:
		k = sc && sc->suspended ? FLAG_UNSUSPEND : FLAG_SUSPEND;
		break;
	case ACT_STAR:
		k = sc && sc->starred ? FLAG_UNSTAR : FLAG_STAR;
		break;
	case ACT_BURY:
		k = sc && sc->buried_until > now ? FLAG_UNBURY : FLAG_BURY;
		break;
	default:
		if (!confirmed) {
			snprintf(u->confirm, sizeof(u->confirm), "%s", id);
			snprintf(t->msg, sizeof(t->msg),
				 "Reset %s? Its answers stay in the log; y resets, any other key "
				 "keeps it.",
				 id);
			t->msg_bad = false;
			return;
		}
		k = FLAG_RESET;
		break;
	}
	if (flag_set(t->app->st, &t->app->sched, catalog_find(t->app->cat, id), id, k, now,
		     clock_day_start(clock_local_day(now) + 1), &ch, &e) < 0) {
		snprintf(t->msg, sizeof(t->msg), "Not saved: %s", e.msg);
		t->msg_bad = true;
		return;
	}
	snprintf(t->msg, sizeof(t->msg), "%s: %s.", done[k], id);
	t->msg_bad = false;
	u->stale = true;
}

bool browse_confirm_key(tui *t, int ch)
{
	struct browse_ui *u = t->browse;
	char id[STORE_ID_MAX];

	if (!u || !u->confirm[0])
		return false;
	snprintf(id, sizeof(id), "%s", u->confirm);
	u->confirm[0] = '\0';
	if (ch == 'y')
		browse_flag(t, id, ACT_RESET, true);
	else
		snprintf(t->msg, sizeof(t->msg), "Not reset.");
	t->msg_bad = false;
	return true;
}

static go find_key(struct browse_ui *u, int ch)
{
	int arg = 0;
	action a = keys_lookup(CTX_FIND, ch, &arg);

	if (a == ACT_ACCEPT || a == ACT_CLEAR) {
		if (a == ACT_CLEAR) {
			u->text[0] = '\0';
			u->cur = 0;
			query(u);
		}
		u->typing = false;
		return GO_STAY;
	}
	if (field_key(u->text, sizeof(u->text), &u->cur, ch, NULL))
		query(u);
	return GO_STAY;
}

static void cycle(struct browse_ui *u, action a)
{
	switch (a) {
	case ACT_AREA:
		u->f.area = u->f.area + 1 >= AREA_COUNT ? -1 : u->f.area + 1;
		break;
	case ACT_STATE:
		u->f.state = u->f.state + 1 >= BROWSE_STATES ? -1 : u->f.state + 1;
		break;
	case ACT_WEEK:
		u->f.week = (u->f.week + 1) % 5;
		break;
	case ACT_LEVEL:
		u->f.level = (u->f.level + 1) % 4;
		break;
	case ACT_STARRED:
		u->f.starred = !u->f.starred;
		break;
	default:
		u->sort = (browse_sort)((u->sort + 1) % BROWSE_SORTS);
		break;
	}
	query(u);
}

/* The questions listed, as a cram drill: recorded, schedules unchanged. */
static go drill_these(tui *t, struct browse_ui *u)
{
	queue_free(&t->these);
	if (u->n == 0) {
		snprintf(t->msg, sizeof(t->msg), "No question listed to drill.");
		return GO_STAY;
	}
	if (!(t->these.v = calloc(u->n, sizeof(*t->these.v)))) {
		snprintf(t->msg, sizeof(t->msg), "Out of memory: cannot start the drill.");
		t->msg_bad = true;
		return GO_STAY;
	}
	/* the rows' cards stay until the Browser reads them again, after the drill */
	for (size_t i = 0; i < u->n; i++)
		t->these.v[t->these.n++] = (queue_entry){ u->rows[i]->item, u->rows[i]->card,
							  u->rows[i]->recall < 0 ? 1 : u->rows[i]->recall,
							  u->rows[i]->item->minutes };
	u->stale = true;
	return GO_DRILL;
}

static go browse_key(tui *t, int ch)
{
	struct browse_ui *u = t->browse;
	int arg = 0, page = LINES - 6 > 1 ? LINES - 6 : 1;
	action a;

	if (!u || !u->b)
		return keys_lookup(CTX_BROWSE, ch, &arg) == ACT_BACK ? GO_TODAY : GO_STAY;
	if (browse_confirm_key(t, ch)) {
		if (u->stale)
			load(t, u);
		return GO_STAY;
	}
	if (u->typing)
		return find_key(u, ch);
	a = keys_lookup(CTX_BROWSE, ch, &arg);
	if (a != ACT_NONE)
		t->msg[0] = '\0';
	switch (a) {
	case ACT_BACK:
		return GO_TODAY;
	case ACT_HELP:
		return GO_HELP;
	case ACT_FIND:
		u->typing = true;
		return GO_STAY;
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PGUP:
	case ACT_PGDN:
	case ACT_TOP:
	case ACT_BOTTOM: {
		long s = (long)u->sel, n = (long)u->n;

		s = a == ACT_UP ? s - 1 : a == ACT_DOWN ? s + 1 : a == ACT_PGUP ? s - page
		    : a == ACT_PGDN			     ? s + page
		    : a == ACT_TOP			     ? 0
							     : n - 1;
		u->sel = (size_t)(s < 0 ? 0 : s >= n ? (n ? n - 1 : 0) : s);
		break;
	}
	case ACT_THESE:
	case ACT_THESE_COUNT:
		t->these_count = a == ACT_THESE_COUNT;
		return drill_these(t, u);
	case ACT_OPEN:
		if (!selected(u))
			return GO_STAY;
		snprintf(t->item_id, sizeof(t->item_id), "%s", selected(u));
		return GO_ITEM;
	case ACT_AREA:
	case ACT_STATE:
	case ACT_WEEK:
	case ACT_LEVEL:
	case ACT_STARRED:
	case ACT_SORT:
		cycle(u, a);
		break;
	case ACT_SUSPEND:
	case ACT_STAR:
	case ACT_BURY:
	case ACT_RESET:
		if (selected(u))
			browse_flag(t, selected(u), a, false);
		if (u->stale)
			load(t, u);
		break;
	default:
		break;
	}
	if (selected(u))
		snprintf(u->sel_id, sizeof(u->sel_id), "%s", selected(u));
	return GO_STAY;
}

static unsigned browse_ctx(const tui *t)
{
	return t->browse && t->browse->typing ? CTX_FIND : CTX_BROWSE;
}

/* A click on row `row` of the list: selected; true when it was selected already. */
static bool browse_pick(tui *t, int row)
{
	struct browse_ui *u = t->browse;

	if (!u || u->typing || u->confirm[0] || (size_t)row >= u->n)
		return false;
	if (u->sel == (size_t)row)
		return true;
	u->sel = (size_t)row;
	snprintf(u->sel_id, sizeof(u->sel_id), "%s", selected(u));
	t->msg[0] = '\0';
	return false;
}

const screen_ops browse_screen = { browse_enter, NULL,	     browse_draw, browse_key,
				   browse_ctx,	 NULL, browse_pick };
