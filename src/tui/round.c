/* round: a mock round being taken — the clock, the question, notes, key points, the rubric. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mock_ui.h"
#include "solve.h"
#include "walk.h"

static mock_round *current(const tui *t)
{
	return t->mock ? t->mock->round : NULL;
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

static unsigned round_ctx(const tui *t)
{
	const mock_round *r = current(t);

	switch (r ? mock_stage_of(r) : MOCK_DONE) {
	case MOCK_POINTS:
		return CTX_ROUND_POINTS;
	case MOCK_SCORE:
		return CTX_ROUND_SCORE;
	default:
		return CTX_ROUND;
	}
}

static void round_enter(tui *t)
{
	struct mock_ui *u = t->mock;
	mock_clock c;
	char at[16];

	if (!u)
		return;
	u->confirm_end = false;
	u->level = 0;
	u->evidence[0] = '\0';
	u->drawn_sec = -1;
	u->twist_seen = false;
	u->round_scroll = 0;
	u->follow = false;
	t->msg[0] = '\0';
	if (u->round && mock_paused(u->round)) {
		mock_clock_of(u->round, &c);
		mock_ui_mmss(c.elapsed_ms, at);
		snprintf(t->msg, sizeof(t->msg), "Round #%lld resumed, its clock paused at %s: press %s "
						  "to start it.",
			 (long long)mock_id(u->round), at, keys_name(CTX_ROUND, ACT_PAUSE));
		t->msg_bad = false;
	}
}

/* Leaving mid-round: the clock's time is saved, and the round stays unfinished. */
static void round_leave(tui *t)
{
	struct mock_ui *u = t->mock;
	char buf[200];
	bp_error e;

	if (!u || !u->round)
		return;
	if (mock_leave(u->round, &e) < 0) {
		say(t, true, "The round's clock was not saved", &e);
	} else {
		snprintf(buf, sizeof(buf), "Round #%lld kept unfinished: choose it below to resume "
					   "or discard it.",
			 (long long)mock_id(u->round));
		say(t, false, buf, NULL);
	}
	mock_close(u->round);
	u->round = NULL;
}

/* The clock's two rows under the title; returns the countdown for the title bar. */
static void draw_clock(struct mock_ui *u, const mock_round *r, char *right, size_t n)
{
	const mock_seg *g = mock_segment(r, mock_current(r));
	bool running = mock_stage_of(r) == MOCK_RUN;
	char el[16], plan[16], left[16], line[400];
	mock_clock c;
	int attr;

	mock_clock_of(r, &c);
	u->drawn_sec = c.elapsed_ms / 1000;
	/* whole seconds, so that used and left always add up to the plan */
	c.left_ms += c.elapsed_ms % 1000;
	c.phase_left_ms += c.elapsed_ms % 1000;
	mock_ui_mmss(c.elapsed_ms, el);
	mock_ui_mmss((int64_t)g->minutes * 60000, plan);
	mock_ui_mmss(c.left_ms, left);
	if (c.left_ms < 0) {
		snprintf(line, sizeof(line), "OVER TIME by %s (%s planned)%s", left, plan,
			 !running ? " · clock stopped" : c.paused ? " · PAUSED, p resumes" : "");
		snprintf(right, n, "OVER by %s", left);
		attr = style(ATTR_BAD);
	} else if (running) {
		snprintf(line, sizeof(line), "Clock %s of %s · %s left%s", el, plan, left,
			 c.paused ? " · PAUSED, p resumes" : "");
		snprintf(right, n, "%s left%s", left, c.paused ? " · paused" : "");
		attr = c.paused ? style(ATTR_KEY) : (int)A_BOLD;
	} else {
		snprintf(line, sizeof(line), "Time used %s of %s · clock stopped", el, plan);
		snprintf(right, n, "used %s", el);
		attr = (int)A_BOLD;
	}
	put_str(1, 1, line, attr);
	if (running && c.phase >= 0) {
		char pl[16];

		mock_ui_mmss(c.phase_left_ms, pl);
		snprintf(line, sizeof(line), "Phase %d of %d: %s · %s %s", c.phase + 1, c.n_phases,
			 c.phase_title ? c.phase_title : "?", pl,
			 c.phase_left_ms >= 0 ? "left" : "over");
		put_str(2, 1, line, c.phase_left_ms >= 0 ? 0 : style(ATTR_BAD));
	}
}

static void add_list(doc *d, const char *title, const bp_strs *v)
{
	if (v->n == 0)
		return;
	doc_blank(d);
	doc_heading(d, title);
	for (int i = 0; i < v->n; i++)
		doc_entry(d, "- ", v->v[i], 1, 0);
}

static void add_block(doc *d, const char *title, const char *text, enum text_mode mode)
{
	if (!text || !*text)
		return;
	doc_blank(d);
	doc_heading(d, title);
	doc_text(d, text, 1, 0, mode);
}

/* The key points with their ticks, then what a strong answer looks like. */
static void add_answer(doc *d, const mock_round *r, const mock_seg *g)
{
	const bp_item *it = g->item;

	doc_blank(d);
	doc_heading(d, "Key points: press 1-9 for each one you covered");
	for (int i = 0; i < it->key_points.n; i++) {
		char prefix[24];
		bool on = i < MOCK_MAX_POINTS && g->ticked[i];

		if (i < mock_points(r))
			snprintf(prefix, sizeof(prefix), "[%c] %d. ", on ? 'x' : ' ', i + 1);
		else
			snprintf(prefix, sizeof(prefix), "- ");
		doc_click(d, i < mock_points(r) && i < 9 ? '1' + i : 0, -1);
		doc_entry(d, prefix, it->key_points.v[i], 1, on ? style(ATTR_GOOD) : 0);
	}
	doc_click(d, 0, -1);
	if (it->time || it->space) {
		doc_blank(d);
		doc_heading(d, "Complexity");
		doc_printf(d, 0, "  time %s · space %s", it->time ? it->time : "?",
			   it->space ? it->space : "?");
	}
	add_block(d, "Reference solution", it->solution, TEXT_VERBATIM);
	add_block(d, "Model answer", it->answer, TEXT_PROSE);
	add_list(d, "Pitfalls", &it->pitfalls);
	add_list(d, "Follow-ups", &it->follow_ups);
}

/* The question as the clock runs, and after it; returns the line to follow in a walk. */
static size_t build_question(tui *t, const mock_round *r, const mock_seg *g)
{
	doc *d = &t->doc;
	bool points = mock_stage_of(r) == MOCK_POINTS;
	size_t mark = 0;
	mock_clock c;

	mock_clock_of(r, &c);
	if (c.twist) {
		char prefix[32];

		snprintf(prefix, sizeof(prefix), "TWIST at %d:00: ", c.shown.at);
		doc_entry(d, prefix, c.shown.text, 0, style(ATTR_KEY));
		doc_blank(d);
	}
	if (!g->item) {
		doc_printf(d, style(ATTR_BAD), "The question %s is no longer in the content: score "
					       "this segment from your notes and memory.",
			   g->item_id);
	} else {
		if (g->spec && g->item->area != g->spec->area)
			doc_printf(d, style(ATTR_DIM), "(No %s question is loaded: this one is from %s.)",
				   area_name(g->spec->area), area_name(g->item->area));
		doc_text(d, g->item->prompt, 0, A_BOLD, TEXT_PROSE);
		reveal_problem(d, g->item);
		t->mock->tests_mark = solve_add_results(d, t, g->item);
		if (g->walking) {
			mark = walk_add(d, &g->walk, mock_stage_of(r) == MOCK_RUN || points);
			if (g->walk.ended)
				mark = walk_add_ending(d, &g->walk);
			if (g->walk.ended && g->item->kind == KIND_DESIGN) {
				add_list(d, "Pitfalls", &g->item->pitfalls);
				add_list(d, "Follow-ups", &g->item->follow_ups);
			}
		} else if (points) {
			add_answer(d, r, g);
		}
	}
	if (g->notes[0]) {
		doc_blank(d);
		doc_heading(d, solve_can(g->item) ? "Your notes (n edits them)"
						  : "Your notes (e edits them)");
		doc_text(d, g->notes, 1, 0, TEXT_VERBATIM);
	}
	return mark;
}

static void build_score(tui *t, const mock_round *r, const mock_seg *g)
{
	struct mock_ui *u = t->mock;
	doc *d = &t->doc;
	int k = mock_dim(r), n = mock_dims(r);
	const bp_dimension *dim = &g->rubric->dims[k];
	int chosen = u->level ? u->level : k < g->n_marks ? g->marks[k].score : 0;

	doc_printf(d, style(ATTR_HEAD), "%s · dimension %d of %d: %s",
		   g->rubric->title ? g->rubric->title : g->rubric->id, k + 1, n,
		   dim->title ? dim->title : dim->id);
	doc_text(d, "Score what you did in this segment, not what you know: the level whose "
		    "behaviour matches it.",
		 0, style(ATTR_DIM), TEXT_PROSE);
	doc_blank(d);
	for (int lv = 1; lv <= 4; lv++) {
		char prefix[16];

		snprintf(prefix, sizeof(prefix), "%c %d  ", lv == chosen ? '>' : ' ', lv);
		/* a click scores the level, as its digit does; not while its evidence is typed */
		doc_click(d, u->level ? 0 : '0' + lv, -1);
		doc_entry(d, prefix, dim->levels[lv - 1] ? dim->levels[lv - 1] : "",
			  1, lv == chosen ? style(ATTR_SEL) : 0);
	}
	doc_click(d, 0, -1);
	doc_blank(d);
	doc_printf(d, 0, "Key points covered: %d of %d", mock_covered(r), mock_points(r));
	if (k == 0)
		return;
	doc_blank(d);
	doc_heading(d, "Scored so far");
	for (int i = 0; i < k && i < g->n_marks; i++) {
		char buf[400];
		const char *title = g->marks[i].dim;

		for (int j = 0; j < g->rubric->n_dims; j++)
			if (strcmp(g->rubric->dims[j].id, g->marks[i].dim) == 0 &&
			    g->rubric->dims[j].title)
				title = g->rubric->dims[j].title;
		snprintf(buf, sizeof(buf), "%s: %d — %s", title, g->marks[i].score,
			 g->marks[i].evidence);
		doc_entry(d, "  ", doc_keep(d, buf), 1, 0);
	}
}

/* The notes, and on a coding question with tests its solution and its run. */
static void code_hints(char *hints, size_t n, size_t *k, unsigned ctx, const bp_item *it)
{
	if (solve_can(it)) {
		keys_hint(hints, n, k, ctx, ACT_EDIT, "solution");
		keys_hint(hints, n, k, ctx, ACT_RUN, "run tests");
	}
	keys_hint(hints, n, k, ctx, ACT_NOTES, "notes");
}

static void draw_footer_for(tui *t, const mock_round *r)
{
	struct mock_ui *u = t->mock;
	const mock_seg *g = mock_segment(r, mock_current(r));
	int attr = t->msg_bad ? style(ATTR_BAD) : style(ATTR_GOOD);
	char hints[400];
	const char *walk = g->walking ? walk_next_hint(&g->walk) : "";

	size_t k = 0;
	unsigned ctx = mock_stage_of(r) == MOCK_RUN ? CTX_ROUND : CTX_ROUND_POINTS;

	hints[0] = '\0';
	if (*walk)
		keys_hint(hints, sizeof(hints), &k, ctx, ACT_REVEAL, walk);
	switch (mock_stage_of(r)) {
	case MOCK_RUN:
		if (*walk)
			keys_hint(hints, sizeof(hints), &k, ctx, ACT_TICK, "tick");
		keys_hint(hints, sizeof(hints), &k, ctx, ACT_PAUSE,
			  mock_paused(r) ? "resume" : "pause");
		code_hints(hints, sizeof(hints), &k, ctx, g->item);
		keys_hint(hints, sizeof(hints), &k, ctx, ACT_END, "end segment");
		keys_hint(hints, sizeof(hints), &k, ctx, ACT_BACK, "leave");
		keys_hint(hints, sizeof(hints), &k, ctx, ACT_HELP, "help");
		break;
	case MOCK_POINTS:
		keys_hint(hints, sizeof(hints), &k, ctx, ACT_TICK, "tick");
		keys_hint(hints, sizeof(hints), &k, ctx, ACT_TO_GRADE, "score the rubric");
		code_hints(hints, sizeof(hints), &k, ctx, g->item);
		keys_hint2(hints, sizeof(hints), &k, ctx, ACT_UP, ACT_DOWN, "scroll");
		keys_hint(hints, sizeof(hints), &k, ctx, ACT_BACK, "leave");
		break;
	default:
		if (u->level) {
			const bp_dimension *dim = &g->rubric->dims[mock_dim(r)];
			char label[200];

			snprintf(label, sizeof(label), "Evidence for %s (%d): ",
				 dim->title ? dim->title : dim->id, u->level);
			draw_footer("", t->msg[0] ? t->msg : "optional; Enter saves (empty skips), "
							      "Esc picks again",
				    t->msg[0] ? attr : (int)A_BOLD);
			draw_field(label, u->evidence, u->evidence_cur);
			return;
		}
		keys_hint(hints, sizeof(hints), &k, CTX_ROUND_SCORE, ACT_GRADE, "score this dimension");
		keys_hint(hints, sizeof(hints), &k, CTX_ROUND_SCORE, ACT_UNGRADE, "back");
		keys_hint(hints, sizeof(hints), &k, CTX_ROUND_SCORE, ACT_BACK, "leave");
		keys_hint(hints, sizeof(hints), &k, CTX_ROUND_SCORE, ACT_HELP, "help");
		break;
	}
	draw_footer(hints, t->msg, attr);
}

static void round_draw(tui *t)
{
	struct mock_ui *u = t->mock;
	const mock_round *r = current(t);
	const mock_seg *g;
	char left[300], right[64];
	size_t mark;
	mock_clock c;
	int top = 3, body = LINES - 5;

	if (!r) {
		draw_title("Mock round", "");
		draw_footer("q back", t->msg, style(ATTR_BAD));
		return;
	}
	g = mock_segment(r, mock_current(r));
	draw_clock(u, r, right, sizeof(right));
	snprintf(left, sizeof(left), "%s #%lld · segment %d of %d: %s", mock_title(r),
		 (long long)mock_id(r), mock_current(r) + 1, mock_count(r), g->title);
	draw_title(left, right);
	doc_reset(&t->doc, COLS - 3);
	if (mock_stage_of(r) == MOCK_SCORE && mock_dim(r) < mock_dims(r)) {
		build_score(t, r, g);
	} else {
		mark = build_question(t, r, g);
		mock_clock_of(r, &c);
		if (c.twist && !u->twist_seen && mock_stage_of(r) == MOCK_RUN) {
			u->twist_seen = true; /* the twist is at the top: show it when it comes */
			u->round_scroll = 0;
		}
		if (u->follow) {
			u->round_scroll = (int)mark;
			u->follow = false;
		}
		if (u->tests_follow) { /* as the drill does after r: the results in view */
			u->round_scroll = (int)u->tests_mark;
			u->tests_follow = false;
		}
	}
	u->round_scroll = doc_draw(&t->doc, top, body, u->round_scroll);
	draw_footer_for(t, r);
}

static bool round_tick(tui *t)
{
	mock_round *r = current(t);
	mock_clock c;

	if (!r || mock_stage_of(r) != MOCK_RUN || mock_paused(r))
		return false;
	/* a design's clock moved on to its next phase: the walk shows it below, without
	 * scrolling away from the twist at the top (the clock's line names the phase) */
	if (mock_follow_phase(r))
		return true;
	mock_clock_of(r, &c);
	return c.elapsed_ms / 1000 != t->mock->drawn_sec;
}

/* After a dimension is scored: the segment may have been saved and the next one begun. */
static go after_score(tui *t, struct mock_ui *u, int before)
{
	static const char *const grades[] = { "", "Again", "Hard", "Good", "Easy" };
	const mock_saved *sv = mock_last_saved(u->round);
	const mock_seg *g;
	char buf[600];

	u->level = 0;
	u->evidence[0] = '\0';
	if (mock_stage_of(u->round) != MOCK_DONE && mock_current(u->round) == before)
		return GO_STAY;
	g = mock_segment(u->round, sv->pos);
	if (g->n_marks == 0)
		snprintf(buf, sizeof(buf), "Saved segment %d on its key points (its rubric is not "
					   "loaded); %s recorded as %s.",
			 sv->pos + 1, g->item_id, sv->grade ? grades[sv->grade] : "-");
	else if (sv->lapse)
		snprintf(buf, sizeof(buf), "Saved segment %d: mean %.1f; %s comes back for review "
					   "soon (a lapse).",
			 sv->pos + 1, sv->mean, g->item_id);
	else
		snprintf(buf, sizeof(buf), "Saved segment %d: mean %.1f; %s recorded as %s.",
			 sv->pos + 1, sv->mean, g->item_id, sv->grade ? grades[sv->grade] : "-");
	say(t, false, buf, NULL);
	u->round_scroll = 0;
	u->twist_seen = false;
	if (mock_stage_of(u->round) != MOCK_DONE)
		return GO_STAY;
	/* the round is finished: its results, on the Mock screen */
	u->shown = u->round;
	u->round = NULL;
	u->results = true;
	u->scroll = 0;
	return GO_MOCK;
}

/* Typing the line of evidence for the level chosen; it is optional. */
static go evidence_key(tui *t, struct mock_ui *u, int ch)
{
	int before = mock_current(u->round);
	char *clean;
	bp_error e;
	int rc;

	t->msg[0] = '\0';
	if (ch == 27) {
		/* back to the levels; what was typed goes, so a new line starts empty */
		u->level = 0;
		u->evidence[0] = '\0';
		u->evidence_cur = 0;
	} else if (field_key(u->evidence, sizeof(u->evidence), &u->evidence_cur, ch, NULL)) {
		/* typed */
	} else if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
		if (!(clean = text_clean(u->evidence, strlen(u->evidence)))) {
			say(t, true, "Out of memory.", NULL);
			return GO_STAY;
		}
		rc = mock_score(u->round, u->level, clean, &e);
		free(clean);
		if (rc < 0) {
			say(t, true, "NOT SAVED; press Enter to retry", &e);
			return GO_STAY;
		}
		return after_score(t, u, before);
	}
	return GO_STAY;
}

static go end_segment(tui *t, struct mock_ui *u)
{
	mock_clock c;
	char left[16], buf[200];
	bp_error e;

	mock_clock_of(u->round, &c);
	if (c.left_ms > 0 && !u->confirm_end) {
		mock_ui_mmss(c.left_ms, left);
		snprintf(buf, sizeof(buf), "%s left. Press %s again to end the segment and score "
					   "it; any other key goes on.",
			 left, keys_name(CTX_ROUND, ACT_END));
		say(t, true, buf, NULL);
		u->confirm_end = true;
		return GO_STAY;
	}
	u->confirm_end = false;
	if (mock_end_segment(u->round, &e) < 0) {
		say(t, true, "Not saved", &e);
		return GO_STAY;
	}
	say(t, false, "Clock stopped. Tick what you covered, then Enter to score the rubric.", NULL);
	u->round_scroll = 0;
	return GO_STAY;
}

static go round_key(tui *t, int ch)
{
	struct mock_ui *u = t->mock;
	int arg = 0;
	action a;
	bp_error e;

	if (!u || !u->round)
		return ch == 'q' ? GO_MOCK : GO_STAY;
	if (mock_stage_of(u->round) == MOCK_SCORE && u->level)
		return evidence_key(t, u, ch);
	a = keys_lookup(round_ctx(t), ch, &arg);
	if (a == ACT_END)
		return end_segment(t, u);
	u->confirm_end = false;
	if (a != ACT_NONE)
		t->msg[0] = '\0';
	if (scroll_key(a, &u->round_scroll))
		return GO_STAY;
	switch (a) {
	case ACT_BACK:
		return GO_MOCK;
	case ACT_HELP:
		return GO_HELP;
	case ACT_PAUSE:
		if (mock_pause(u->round, !mock_paused(u->round), &e) < 0)
			say(t, true, "The clock's time was not saved", &e);
		return GO_STAY;
	case ACT_EDIT: /* a coding question's solution; elsewhere, as before, the notes */
		if (solve_can(mock_segment(u->round, mock_current(u->round))->item)) {
			solve_edit(t, mock_segment(u->round, mock_current(u->round))->item, false);
			return GO_STAY;
		}
		/* fall through */
	case ACT_NOTES:
		mock_ui_edit_notes(t, u->round);
		return GO_STAY;
	case ACT_FRESH:
		solve_edit(t, mock_segment(u->round, mock_current(u->round))->item, true);
		return GO_STAY;
	case ACT_RUN: {
		const test_tally *tally =
			solve_run(t, mock_segment(u->round, mock_current(u->round))->item);

		if (tally)
			mock_set_tests(u->round, tally);
		u->tests_follow = tally != NULL;
		return GO_STAY;
	}
	case ACT_REVEAL:
		u->follow = mock_advance(u->round);
		return GO_STAY;
	case ACT_TICK:
		mock_toggle(u->round, arg - 1);
		return GO_STAY;
	case ACT_TO_GRADE: {
		int before = mock_current(u->round);

		if (mock_to_score(u->round, &e) < 0)
			say(t, true, "NOT SAVED", &e);
		else if (mock_stage_of(u->round) != MOCK_SCORE) /* no rubric: saved at once */
			return after_score(t, u, before);
		return GO_STAY;
	}
	case ACT_GRADE: {
		u->level = arg;
		u->evidence[0] = '\0'; /* scored again after Esc: a fresh line, nothing left over */
		u->evidence_cur = 0;
		return GO_STAY;
	}
	case ACT_UNGRADE:
		mock_unscore(u->round);
		return GO_STAY;
	default:
		return GO_STAY;
	}
}

const screen_ops round_screen = { round_enter, round_leave, round_draw, round_key, round_ctx,
				  round_tick };
