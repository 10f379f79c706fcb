/* mock: the Mock screen — templates to start, rounds to resume or read, trends, readiness. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/clock.h"
#include "mock_ui.h"

struct mock_ui *mock_ui_get(tui *t)
{
	if (!t->mock)
		t->mock = calloc(1, sizeof(*t->mock));
	return t->mock;
}

void mock_ui_refresh(tui *t, struct mock_ui *u)
{
	bp_error e;

	mock_summary_free(&u->sum);
	u->sum_ok = mock_summary_load(t->app->st, t->app->cat, &u->sum, &e) == 0;
	if (!u->sum_ok)
		bp_error_str(&e, u->sum_err, sizeof(u->sum_err));
}

void mock_ui_free(tui *t)
{
	struct mock_ui *u = t->mock;

	if (!u)
		return;
	mock_close(u->round); /* a clock left running is saved */
	mock_close(u->shown);
	mock_summary_free(&u->sum);
	free(u);
	t->mock = NULL;
}

void mock_ui_when(int64_t t, char buf[static 32])
{
	int64_t day = clock_local_day(t), s = t - clock_day_start(day);
	char date[16];

	clock_format_day(day, date);
	snprintf(buf, 32, "%s %02d:%02d", date, (int)(s / 3600 % 24), (int)(s / 60 % 60));
}

void mock_ui_mmss(int64_t ms, char buf[static 16])
{
	int64_t s = (ms < 0 ? -ms : ms) / 1000;

	snprintf(buf, 16, "%02d:%02d", (int)(s / 60 % 10000), (int)(s % 60));
}

void mock_ui_dim_name(const mock_dimension *d, char *buf, size_t n)
{
	snprintf(buf, n, "%s · %s", d->rubric_title, d->title);
}

/* The list: the templates, then unfinished rounds, then finished ones, newest first. */
typedef enum { ENTRY_TEMPLATE, ENTRY_UNFINISHED, ENTRY_TAKEN } entry_kind;

static int n_entries(const tui *t, const struct mock_ui *u)
{
	return (int)catalog_mock_count(t->app->cat) + (int)u->sum.n_rounds;
}

/* The i-th entry's kind and its index among the templates or the rounds taken. */
static entry_kind entry_at(const tui *t, const struct mock_ui *u, int i, size_t *index)
{
	int n_tpl = (int)catalog_mock_count(t->app->cat);
	bool want_finished = false;

	if (i < n_tpl) {
		*index = (size_t)i;
		return ENTRY_TEMPLATE;
	}
	i -= n_tpl;
	for (int pass = 0; pass < 2; pass++, want_finished = true)
		for (size_t r = u->sum.n_rounds; r-- > 0;) {
			if ((u->sum.rounds[r].finished != 0) != want_finished)
				continue;
			if (i-- == 0) {
				*index = r;
				return want_finished ? ENTRY_TAKEN : ENTRY_UNFINISHED;
			}
		}
	*index = 0;
	return ENTRY_TEMPLATE;
}

static void list_enter(tui *t)
{
	struct mock_ui *u = mock_ui_get(t);
	int n;

	if (!u)
		return;
	mock_ui_refresh(t, u);
	n = n_entries(t, u);
	if (u->sel >= n)
		u->sel = n ? n - 1 : 0;
	if (u->results && !u->shown)
		u->results = false;
	u->follow_sel = true;
}

static void list_leave(tui *t)
{
	struct mock_ui *u = t->mock;

	if (!u)
		return;
	mock_close(u->shown);
	u->shown = NULL;
	u->results = false;
	u->discard = 0;
}

static unsigned list_ctx(const tui *t)
{
	return t->mock && t->mock->results ? CTX_MOCK_RESULTS : CTX_MOCK;
}

static void add_template(doc *d, const bp_mock *m, bool chosen)
{
	char buf[600];
	size_t used = 0;

	used += (size_t)snprintf(buf, sizeof(buf), "%s · %d min:", m->title ? m->title : m->id,
				 m->minutes);
	for (int k = 0; k < m->n_segments && used < sizeof(buf); k++)
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s %s %d",
					 k ? "," : "", m->segments[k].title ? m->segments[k].title : "?",
					 m->segments[k].minutes);
	doc_entry(d, chosen ? "> " : "  ", doc_keep(d, buf), 1, chosen ? style(ATTR_SEL) : 0);
	if (chosen && m->description)
		doc_text(d, m->description, 4, style(ATTR_DIM), TEXT_PROSE);
}

static void add_round(doc *d, const mock_taken *r, bool chosen)
{
	char buf[400], when[32];

	mock_ui_when(r->started, when);
	if (r->finished)
		snprintf(buf, sizeof(buf), "#%lld · %s · %s · mean score %.1f",
			 (long long)r->id, when, r->title, r->mean);
	else
		snprintf(buf, sizeof(buf), "#%lld · %s · %s · %d of %d %s scored",
			 (long long)r->id, when, r->title, r->scored, r->segments,
			 text_plural(r->segments, "segment", "segments"));
	doc_entry(d, chosen ? "> " : "  ", doc_keep(d, buf), 1, chosen ? style(ATTR_SEL) : 0);
}

static void add_readiness(doc *d, const mock_summary *s)
{
	mock_ready rd;
	char buf[900], name[200];
	size_t used = 0;

	mock_readiness(s, &rd);
	doc_blank(d);
	doc_heading(d, "Readiness");
	if (rd.ready) {
		doc_text(d, "Ready: the last three rounds scored 3 or more on every dimension.", 1,
			 style(ATTR_GOOD), TEXT_PROSE);
		return;
	}
	if (rd.counted < MOCK_READY_ROUNDS)
		used += (size_t)snprintf(buf, sizeof(buf),
					 "Not ready yet: %d of the %d finished rounds it takes.",
					 rd.counted, MOCK_READY_ROUNDS);
	else
		used += (size_t)snprintf(buf, sizeof(buf), "Not ready yet.");
	for (int i = 0; i < rd.n_held && used < sizeof(buf); i++) {
		mock_ui_dim_name(&s->dims[rd.held[i]], name, sizeof(name));
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s (%.1f)",
					 i ? ", " : " Held back by: ", name, rd.lowest[i]);
	}
	if (rd.n_held && used < sizeof(buf))
		snprintf(buf + used, sizeof(buf) - used, ", under 3 in the last %d %s.",
			 rd.counted, text_plural(rd.counted, "round", "rounds"));
	doc_text(d, doc_keep(d, buf), 1, rd.n_held ? style(ATTR_BAD) : 0, TEXT_PROSE);
}

/* Each dimension's scores over the finished rounds, oldest first. */
static void add_trends(doc *d, const mock_summary *s, const mock_round *only)
{
	bool any = false;

	for (size_t k = 0; k < s->n_dims; k++) {
		double v[12];
		int n = mock_trend(s, k, v, 12);
		char buf[400], name[200];
		size_t used;

		if (n == 0)
			continue;
		if (only) { /* the dimensions this round scored */
			bool scored = false;

			for (int g = 0; g < mock_count(only) && !scored; g++) {
				const mock_seg *sg = mock_segment(only, g);

				for (int i = 0; i < sg->n_marks; i++)
					scored |= strcmp(sg->rubric_id, s->dims[k].rubric) == 0 &&
						  strcmp(sg->marks[i].dim, s->dims[k].id) == 0;
			}
			if (!scored)
				continue;
		}
		if (!any) {
			doc_blank(d);
			doc_heading(d, "Trends (finished rounds, oldest first)");
			any = true;
		}
		mock_ui_dim_name(&s->dims[k], name, sizeof(name));
		used = (size_t)snprintf(buf, sizeof(buf), "%s:", name);
		for (int i = 0; i < n && used < sizeof(buf); i++)
			used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%.1f",
						 i ? " → " : " ", v[i]);
		if (used < sizeof(buf))
			snprintf(buf + used, sizeof(buf) - used, "  (%s)", mock_trend_word(v, n));
		doc_entry(d, "  ", doc_keep(d, buf), 1, 0);
	}
}

/* The list; returns the document line of the chosen entry. */
static size_t build_list(tui *t, struct mock_ui *u)
{
	doc *d = &t->doc;
	int n_tpl = (int)catalog_mock_count(t->app->cat), n = n_entries(t, u);
	size_t mark = 0;
	entry_kind last = ENTRY_TEMPLATE;

	doc_text(d, "A mock round rehearses an interview under the clock: one question per "
		    "segment, then your own score on the rubric, with a line of evidence for each "
		    "dimension.",
		 0, 0, TEXT_PROSE);
	doc_blank(d);
	doc_heading(d, "Start a round (Enter)");
	if (n_tpl == 0)
		doc_text(d, "No mock templates were loaded (mocks.yaml).", 1, style(ATTR_BAD),
			 TEXT_PROSE);
	for (int i = 0; i < n; i++) {
		size_t k;
		entry_kind kind = entry_at(t, u, i, &k);

		if (kind != last || (i == n_tpl && kind != ENTRY_TEMPLATE)) {
			doc_blank(d);
			doc_heading(d, kind == ENTRY_UNFINISHED
					       ? "Unfinished rounds (Enter resumes, d discards)"
					       : "Rounds taken (Enter shows the results)");
			last = kind;
		}
		if (i == u->sel)
			mark = d->n;
		/* a click chooses the entry (its description too); a second one opens it */
		doc_click(d, keys_first(CTX_MOCK, ACT_START), i);
		if (kind == ENTRY_TEMPLATE)
			add_template(d, catalog_mock(t->app->cat, k), i == u->sel);
		else
			add_round(d, &u->sum.rounds[k], i == u->sel);
		doc_click(d, 0, -1);
	}
	if (!u->sum_ok) {
		doc_blank(d);
		doc_printf(d, style(ATTR_BAD), "%s", u->sum_err);
		return mark;
	}
	if (u->sum.n_rounds == 0) {
		doc_blank(d);
		doc_text(d, "No rounds taken yet.", 0, style(ATTR_DIM), TEXT_PROSE);
	}
	add_readiness(d, &u->sum);
	add_trends(d, &u->sum, NULL);
	return mark;
}

static void add_segment(doc *d, const mock_seg *g, int i, int n)
{
	static const char *const grades[] = { "", "Again", "Hard", "Good", "Easy" };
	char buf[600], used[16], planned[16], over[16];
	int64_t plan_ms = (int64_t)g->minutes * 60000;

	doc_blank(d);
	snprintf(buf, sizeof(buf), "Segment %d of %d · %s · %s", i + 1, n, g->title, g->item_id);
	doc_text(d, doc_keep(d, buf), 0, style(ATTR_HEAD), TEXT_PROSE);
	mock_ui_mmss(g->elapsed_ms, used);
	mock_ui_mmss(plan_ms, planned);
	mock_ui_mmss(g->elapsed_ms - plan_ms, over);
	if (g->elapsed_ms > plan_ms)
		doc_printf(d, style(ATTR_BAD), "  Time: %s of %s, over by %s", used, planned, over);
	else
		doc_printf(d, 0, "  Time: %s of %s", used, planned);
	if (!g->scored) {
		doc_printf(d, style(ATTR_DIM), "  Not scored yet.");
		return;
	}
	doc_printf(d, 0, "  Key points covered: %d of %d", g->covered, g->points);
	if (g->grade == FSRS_AGAIN)
		doc_printf(d, style(ATTR_BAD), "  Recorded for review: Again (a lapse: it comes back "
					       "soon)");
	else if (g->grade)
		doc_printf(d, 0, "  Recorded for review: %s", g->grade <= 4 ? grades[g->grade] : "?");
	for (int k = 0; k < g->n_marks; k++) {
		const mock_mark *m = &g->marks[k];
		const char *title = m->dim, *level = NULL;

		for (int j = 0; g->rubric && j < g->rubric->n_dims; j++)
			if (strcmp(g->rubric->dims[j].id, m->dim) == 0) {
				title = g->rubric->dims[j].title;
				level = m->score >= 1 && m->score <= 4 ? g->rubric->dims[j].levels[m->score - 1]
								      : NULL;
			}
		snprintf(buf, sizeof(buf), "%s: %d of 4", title, m->score);
		doc_entry(d, "  ", doc_keep(d, buf), 1, m->score < MOCK_READY_SCORE ? style(ATTR_BAD)
										    : style(ATTR_GOOD));
		if (level)
			doc_text(d, level, 6, style(ATTR_DIM), TEXT_PROSE);
		if (m->evidence[0])
			doc_entry(d, "Evidence: ", m->evidence, 6, 0);
	}
	if (g->notes[0]) {
		doc_printf(d, 0, "  Notes:");
		doc_text(d, g->notes, 4, 0, TEXT_VERBATIM);
	}
}

static void build_results(tui *t, struct mock_ui *u)
{
	const mock_round *r = u->shown;
	doc *d = &t->doc;
	char when[32], end[32];
	double sum = 0;
	int n = 0;

	for (int i = 0; i < mock_count(r); i++)
		for (int k = 0; k < mock_segment(r, i)->n_marks; k++, n++)
			sum += mock_segment(r, i)->marks[k].score;
	mock_ui_when(mock_started(r), when);
	if (mock_finished(r)) {
		mock_ui_when(mock_finished(r), end);
		doc_printf(d, 0, "Started %s · finished %s · mean score %.1f over %d %s",
			   when, end, n ? sum / n : 0.0, n,
			   text_plural(n, "dimension", "dimensions"));
	} else {
		doc_printf(d, style(ATTR_BAD), "Started %s · unfinished", when);
	}
	for (int i = 0; i < mock_count(r); i++)
		add_segment(d, mock_segment(r, i), i, mock_count(r));
	if (u->sum_ok) {
		add_readiness(d, &u->sum);
		add_trends(d, &u->sum, r);
	}
}

static void list_draw(tui *t)
{
	struct mock_ui *u = t->mock;
	doc *d = &t->doc;
	char left[240], right[64];
	int body = LINES - 4;

	doc_reset(d, COLS - 3);
	if (!u) {
		draw_title("Mock rounds", "");
		draw_footer("q back", "Out of memory.", style(ATTR_BAD));
		return;
	}
	if (u->results && u->shown) {
		snprintf(left, sizeof(left), "Round #%lld · %s", (long long)mock_id(u->shown),
			 mock_title(u->shown));
		draw_title(left, mock_finished(u->shown) ? "results" : "unfinished");
		build_results(t, u);
		u->scroll = doc_draw(d, 2, body, u->scroll);
		draw_footer(keys_scroll_hints(CTX_MOCK_RESULTS, "back to the list"), t->msg,
			    t->msg_bad ? style(ATTR_BAD) : style(ATTR_GOOD));
		return;
	}
	snprintf(right, sizeof(right), "%zu %s taken", u->sum.n_rounds,
		 text_plural((long long)u->sum.n_rounds, "round", "rounds"));
	draw_title("Mock rounds", right);
	{
		int mark = (int)build_list(t, u);

		/* the chosen entry (and its description) comes into view when the choice moves;
		 * paging and End scroll past it, down to the last trend line */
		if (u->follow_sel) {
			if (mark < u->scroll)
				u->scroll = mark;
			if (mark + 3 >= u->scroll + body)
				u->scroll = mark + 4 - body;
			if (u->sel == 0)
				u->scroll = 0;
			u->follow_sel = false;
		}
	}
	u->scroll = doc_draw(d, 2, body, u->scroll);
	{
		static const keyhint h[] = {
			{ ACT_UP, ACT_DOWN, "choose" },
			{ ACT_START, ACT_NONE, "start/resume/results" },
			{ ACT_DISCARD, ACT_NONE, "discard" },
			{ ACT_HELP, ACT_NONE, "help" },
			{ ACT_BACK, ACT_NONE, "back" },
		};
		char hints[300];

		KEYHINTS(hints, CTX_MOCK, h);
		draw_footer(u->discard ? "y discard it   any other key keeps it" : hints, t->msg,
			    t->msg_bad ? style(ATTR_BAD) : style(ATTR_GOOD));
	}
}

static void say(tui *t, bool bad, const char *what, const bp_error *e)
{
	char buf[1100];

	if (e)
		snprintf(t->msg, sizeof(t->msg), "%s: %s", what, bp_error_str(e, buf, sizeof(buf)));
	else
		snprintf(t->msg, sizeof(t->msg), "%s", what);
	t->msg_bad = bad;
}

/* Enter on the chosen entry. */
static go open_entry(tui *t, struct mock_ui *u)
{
	bp_app *a = t->app;
	size_t k;
	entry_kind kind;
	mock_round *r;
	bp_error e;

	if (n_entries(t, u) == 0)
		return GO_STAY;
	kind = entry_at(t, u, u->sel, &k);
	if (kind == ENTRY_TEMPLATE)
		r = mock_start(a->st, a->cat, &a->sched, &a->rng, catalog_mock(a->cat, k), &e);
	else
		r = mock_open(a->st, a->cat, &a->sched, &a->rng, u->sum.rounds[k].id, &e);
	if (!r) {
		say(t, true, "Cannot open the round", &e);
		return GO_STAY;
	}
	if (kind == ENTRY_TAKEN) {
		u->shown = r;
		u->results = true;
		u->scroll = 0;
		return GO_STAY;
	}
	u->round = r;
	return GO_ROUND;
}

static go discard_key(tui *t, struct mock_ui *u, int ch)
{
	int64_t id = u->discard;
	char buf[120];
	bp_error e;

	u->discard = 0;
	if (ch != 'y') {
		say(t, false, "Kept.", NULL);
		return GO_STAY;
	}
	if (mock_discard(t->app->st, id, &e) < 0) {
		say(t, true, "Not discarded", &e);
		return GO_STAY;
	}
	snprintf(buf, sizeof(buf), "Round #%lld discarded (answers it recorded stay in the review log).",
		 (long long)id);
	say(t, false, buf, NULL);
	list_enter(t);
	return GO_STAY;
}

static go list_key(tui *t, int ch)
{
	struct mock_ui *u = t->mock;
	int arg, n;
	size_t k;
	action a;

	if (!u)
		return ch == 'q' ? GO_TODAY : GO_STAY;
	if (u->discard)
		return discard_key(t, u, ch);
	a = keys_lookup(list_ctx(t), ch, &arg);
	if (a != ACT_NONE)
		t->msg[0] = '\0';
	if (u->results) {
		switch (a) {
		case ACT_BACK:
			mock_close(u->shown);
			u->shown = NULL;
			u->results = false;
			return GO_STAY;
		case ACT_HELP:
			return GO_HELP;
		default:
			scroll_key(a, &u->scroll);
			return GO_STAY;
		}
	}
	n = n_entries(t, u);
	switch (a) {
	case ACT_BACK:
		return GO_TODAY;
	case ACT_HELP:
		return GO_HELP;
	case ACT_UP:
		if (u->sel > 0)
			u->sel--;
		u->follow_sel = true;
		return GO_STAY;
	case ACT_DOWN:
		/* past the last entry, Down scrolls on through readiness and the trends */
		if (u->sel + 1 < n) {
			u->sel++;
			u->follow_sel = true;
		} else {
			u->scroll++;
		}
		return GO_STAY;
	case ACT_START:
		return open_entry(t, u);
	case ACT_DISCARD:
		if (n == 0 || entry_at(t, u, u->sel, &k) != ENTRY_UNFINISHED) {
			say(t, false, "Only an unfinished round can be discarded: choose one first.",
			    NULL);
			return GO_STAY;
		}
		u->discard = u->sum.rounds[k].id;
		snprintf(t->msg, sizeof(t->msg), "Discard round #%lld and the scores it holds? y "
						  "discards, any other key keeps it.",
			 (long long)u->discard);
		t->msg_bad = true;
		return GO_STAY;
	default:
		scroll_key(a, &u->scroll); /* PgUp, PgDn, Home, End */
		return GO_STAY;
	}
}

/* A click on entry `row` of the list: chosen; true when it was chosen already. */
static bool list_pick(tui *t, int row)
{
	struct mock_ui *u = t->mock;

	if (!u || u->results || u->discard || row >= n_entries(t, u))
		return false;
	if (u->sel == row)
		return true;
	u->sel = row;
	u->follow_sel = true;
	t->msg[0] = '\0';
	return false;
}

const screen_ops mock_screen = { list_enter, list_leave, list_draw, list_key,
				 list_ctx,   NULL,	 list_pick };
