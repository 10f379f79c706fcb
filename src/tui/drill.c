/* drill: one question at a time — ask, hint, reveal, tick, grade. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "backprep/clock.h"
#include "solve.h"
#include "tui.h"
#include "walk.h"

static const char *const grade_names[] = { "", "Again", "Hard", "Good", "Easy" };

/* An incident's latest step (or its ending), to scroll to after Space moved the walk on. */
static size_t walk_mark;
static bool walk_follow;
static bool confirm_suspend;
/* The tests' results, to scroll to after r ran them; the key points, to scroll to when the
 * reveal comes below a run's results. */
static size_t tests_mark, points_mark;
static bool tests_follow, points_follow; /* s was pressed: y suspends, any other key keeps the item */

static void drill_enter(tui *t)
{
	queue cram;
	bp_error e;

	if (t->these.v) { /* the Browser's list, as cram */
		t->drill = session_new(t->app->st, &t->these, &t->app->sched, &t->app->rng);
		if (t->drill && !t->these_count)
			session_set_cram(t->drill);
		queue_free(&t->these);
	} else if (t->cram) {
		if (app_cram(t->app, &cram, &e) < 0) {
			snprintf(t->msg, sizeof(t->msg), "%s", e.msg);
			t->msg_bad = true;
			t->drill = NULL;
			return;
		}
		t->drill = session_new(t->app->st, &cram, &t->app->sched, &t->app->rng);
		if (t->drill)
			session_set_cram(t->drill);
		queue_free(&cram);
	} else {
		t->drill = session_new(t->app->st, &t->day.q, &t->app->sched, &t->app->rng);
	}
	t->scroll = 0;
	t->msg[0] = '\0';
	t->drill_since = clock_now();
	confirm_suspend = false;
	if (!t->drill) {
		snprintf(t->msg, sizeof(t->msg), "Out of memory: cannot start the drill.");
		t->msg_bad = true;
	}
}

static void drill_leave(tui *t)
{
	size_t n = t->drill ? session_answered(t->drill) : 0;

	session_free(t->drill);
	t->drill = NULL;
	solve_forget(t);
	snprintf(t->msg, sizeof(t->msg), "%zu %s saved this drill.", n,
		 text_plural((long long)n, "answer", "answers"));
	t->msg_bad = false;
}

static unsigned drill_ctx(const tui *t)
{
	switch (t->drill ? session_phase_of(t->drill) : SESSION_DONE) {
	case SESSION_ASK:
		return CTX_ASK;
	case SESSION_REVEALED:
		return CTX_REVEALED;
	case SESSION_GRADE:
		return CTX_GRADE;
	default:
		return CTX_DONE;
	}
}

/* With `clicks`, a click on a point presses its digit (to tick it, or pick a choice). */
static void add_points(doc *d, const session *s, const bp_item *it, bool revealed, bool clicks)
{
	int n = session_points(s);
	bool choice = it->kind == KIND_CHOICE;

	doc_blank(d);
	if (choice && revealed) {
		doc_heading(d, "Choices ([x] picked; each right answer is marked)");
	} else if (choice) {
		char head[80];

		snprintf(head, sizeof(head), "Choices: press 1-9 to pick, then %s to check",
			 keys_name(CTX_ASK, ACT_REVEAL));
		doc_heading(d, doc_keep(d, head));
	}
	else
		doc_heading(d, it->kind == KIND_SCENARIO && it->key_points.n == 0
				       ? "Steps: press 1-9 for each one you handled"
				       : "Key points: press 1-9 for each one you covered");
	for (int i = 0; i < n; i++) {
		char prefix[24], mark[1100];
		const char *text = session_point(s, i);
		bool right = false;
		int attr = session_ticked(s, i) ? style(ATTR_GOOD) : 0;

		for (int k = 0; choice && k < it->n_correct; k++)
			right |= it->correct[k] == i;
		snprintf(prefix, sizeof(prefix), "[%c] %d. ", session_ticked(s, i) ? 'x' : ' ', i + 1);
		if (choice && revealed) {
			bool picked = session_ticked(s, i);

			/* said in words, not by colour alone: a right answer missed reads apart
			 * from one picked, under NO_COLOR too */
			snprintf(mark, sizeof(mark), "%s%s", text,
				 right ? (picked ? "  <- right, picked" : "  <- right, MISSED")
				       : (picked ? "  <- wrong" : ""));
			text = doc_keep(d, mark);
			attr = right && picked ? style(ATTR_GOOD)
			       : right || picked ? style(ATTR_BAD)
						 : style(ATTR_DIM);
		}
		doc_click(d, clicks && i < 9 ? '1' + i : 0, -1);
		doc_entry(d, prefix, text, 1, attr);
	}
	doc_click(d, 0, -1);
}

static void build(tui *t, int width)
{
	const session *s = t->drill;
	const bp_item *it = session_item(s);
	session_phase ph = session_phase_of(s);
	doc *d = &t->doc;

	doc_reset(d, width);
	if (ph == SESSION_DONE) {
		doc_printf(d, style(ATTR_GOOD), "Drill done: %zu answered and saved.",
			   session_answered(s));
		doc_printf(d, 0, "Press %s for the summary.", keys_name(CTX_DONE, ACT_BACK));
		return;
	}
	doc_text(d, it->prompt, 0, A_BOLD, TEXT_PROSE);
	for (int i = 0; i < session_hints_shown(s); i++) {
		char prefix[24];

		snprintf(prefix, sizeof(prefix), "Hint %d: ", i + 1);
		doc_blank(d);
		doc_entry(d, prefix, it->hints.v[i], 0, style(ATTR_KEY));
	}
	/* a coding question: what an interviewer would say up front, and the last run */
	reveal_problem(d, it);
	tests_mark = solve_add_results(d, t, it);
	if (session_walk(s)) {
		/* an incident, one step at a time; the answer after its ending */
		const scenario_walk *w = session_walk(s);
		size_t step = walk_add(d, w, ph == SESSION_ASK || ph == SESSION_REVEALED),
		       end = walk_add_ending(d, w);

		walk_mark = w->ended ? end : step;
		if (ph == SESSION_ASK)
			return;
		reveal_list(d, "Key points", &it->key_points, 0);
	} else if (ph == SESSION_ASK) {
		if (it->kind == KIND_CHOICE)
			add_points(d, s, it, false, true);
		return;
	} else {
		points_mark = d->n;
		/* while grading, a digit grades: a click on a point then does nothing */
		add_points(d, s, it, true, ph == SESSION_REVEALED);
		reveal_kind_after_problem(d, it);
	}
	reveal_answer(d, it);
}

/* Each grade with the interval it gives (session_next_due: what grading records), marked
 * with * when it runs past the interview. */
static void draw_grade_bar(const session *s, int64_t interview, int y)
{
	fsrs_grade sug = session_suggested(s);
	int64_t now = clock_now(), due[5], cut = interview ? clock_day_start(interview) : 0;
	bool shown = session_next_due(s, now, due) == 0, past = false;
	char info[220], day[16], tests[48];
	int x = 1;

	put_str(y, x, "Grade:", A_BOLD);
	x += 8;
	for (int g = 1; g <= 4; g++) {
		char b[40], span[16];
		bool late = shown && cut && due[g] >= cut;

		clock_format_span(shown ? due[g] - now : 0, span);
		snprintf(b, sizeof(b), " %d %s%s%s%s ", g, grade_names[g], shown ? " " : "",
			 shown ? span : "", late ? "*" : "");
		put_str(y, x, b,
			style(ATTR_GRADE_AGAIN + g - 1) | (g == (int)sug ? style(ATTR_SEL) : 0));
		mouse_key_span(y, x, x + text_width(b, strlen(b)), '0' + g);
		x += (int)strlen(b) + 1;
		past |= late;
	}
	clock_format_day(interview, day);
	tests[0] = '\0';
	if (session_tests(s)->ran)
		snprintf(tests, sizeof(tests), " · tests %d/%d%s", session_tests(s)->passed,
			 session_tests(s)->total, session_tests(s)->crashed ? " (ended early)" : "");
	snprintf(info, sizeof(info), "%s %d of %d%s%s%s%s%s",
		 session_item(s)->kind == KIND_CHOICE ? "picked" : "covered", session_covered(s),
		 session_points(s), tests,
		 session_hints_shown(s) ? " · hint used: at most Hard suggested" : "",
		 past ? " · * falls after the interview (" : "", past ? day : "", past ? ")" : "");
	put_str(y + 1, 1, info, style(ATTR_DIM));
}

/* Every key that works now, the most used first (the footer closes up from the middle). */
static void drill_hints(const session *s, unsigned ctx, bool scrolls, char *out, size_t n)
{
	const bp_item *it = session_item(s);
	session_phase ph = session_phase_of(s);
	bool undo = session_undo_what(s) != NULL, choice = it && it->kind == KIND_CHOICE;
	char label[48];
	size_t k = 0;

	out[0] = '\0';
	if (ph == SESSION_ASK && it && session_walk(s)) {
		keys_hint(out, n, &k, ctx, ACT_REVEAL, walk_next_hint(session_walk(s)));
		keys_hint(out, n, &k, ctx, ACT_TICK, "tick");
	} else if (ph == SESSION_ASK && it) {
		keys_hint(out, n, &k, ctx, ACT_REVEAL, "reveal");
		if (choice)
			keys_hint(out, n, &k, ctx, ACT_TICK, "pick");
	} else if (ph == SESSION_REVEALED) {
		keys_hint(out, n, &k, ctx, ACT_TICK, choice ? "change a pick" : "tick covered");
		keys_hint(out, n, &k, ctx, ACT_TO_GRADE, "grade");
	}
	if ((ph == SESSION_ASK || ph == SESSION_REVEALED) && solve_can(it)) {
		keys_hint(out, n, &k, ctx, ACT_EDIT, "edit");
		keys_hint(out, n, &k, ctx, ACT_RUN, "run");
	} else if (ph == SESSION_GRADE) {
		keys_hint(out, n, &k, ctx, ACT_GRADE, "grade");
		snprintf(label, sizeof(label), "take %s", grade_names[session_suggested(s)]);
		keys_hint(out, n, &k, ctx, ACT_ACCEPT, label);
		keys_hint(out, n, &k, ctx, ACT_UNGRADE, "back");
	}
	if (it && it->hints.n && ph == SESSION_ASK) {
		snprintf(label, sizeof(label), "hint (%d left)", it->hints.n - session_hints_shown(s));
		keys_hint(out, n, &k, ctx, ACT_HINT, label);
	}
	if (ph != SESSION_DONE && scrolls)
		keys_hint2(out, n, &k, ctx, ACT_UP, ACT_DOWN, "scroll");
	if (undo)
		keys_hint(out, n, &k, ctx, ACT_UNDO, "undo");
	if (ph == SESSION_DONE) {
		keys_hint(out, n, &k, ctx, ACT_BACK, session_answered(s) ? "summary" : "back to Today");
		return;
	}
	keys_hint(out, n, &k, ctx, ACT_STAR, "star");
	keys_hint(out, n, &k, ctx, ACT_BURY, "bury");
	keys_hint(out, n, &k, ctx, ACT_SUSPEND, "suspend");
	keys_hint(out, n, &k, ctx, ACT_DETAILS, "details");
	keys_hint(out, n, &k, ctx, ACT_HELP, "help");
	keys_hint(out, n, &k, ctx, ACT_BACK, "leave");
}

static void drill_draw(tui *t)
{
	const session *s = t->drill;
	const bp_item *it;
	char left[160], right[64], hints[320];
	int body, ph;

	if (!s) {
		draw_title("Drill", "");
		draw_footer("q back", t->msg, style(ATTR_BAD));
		return;
	}
	it = session_item(s);
	ph = session_phase_of(s);
	if (it)
		snprintf(left, sizeof(left), "%s %zu/%zu · %s · level %d · ~%d min%s%s",
			 session_is_cram(s) ? "Cram" : "Drill", session_position(s) + 1,
			 session_total(s), area_name(it->area), it->level, it->minutes,
			 session_is_new(s) ? " · new" : "", session_is_starred(s) ? " · *" : "");
	else
		snprintf(left, sizeof(left), "Drill");
	body = LINES - 4 - (ph == SESSION_GRADE ? 3 : 0);
	build(t, COLS - 3);
	if (walk_follow) {
		t->scroll = (int)walk_mark;
		walk_follow = false;
	}
	if (tests_follow || points_follow) {
		t->scroll = (int)(tests_follow ? tests_mark : points_mark);
		tests_follow = points_follow = false;
	}
	t->scroll = doc_draw(&t->doc, 2, body, t->scroll);
	/* where the window is in a text longer than it: its last line of all the lines */
	if (t->doc.n > (size_t)body)
		snprintf(right, sizeof(right), "%zu/%zu · %zu saved",
			 (size_t)t->scroll + (size_t)body < t->doc.n ? (size_t)t->scroll + (size_t)body
								     : t->doc.n,
			 t->doc.n, session_answered(s));
	else
		snprintf(right, sizeof(right), "%zu saved", session_answered(s));
	draw_title(left, right);
	if (ph == SESSION_GRADE)
		draw_grade_bar(s, t->day.interview, LINES - 4);
	drill_hints(s, drill_ctx(t), t->doc.n > (size_t)body, hints, sizeof(hints));
	draw_footer(hints, t->msg, t->msg_bad ? style(ATTR_BAD) : style(ATTR_GOOD));
}

static void grade(tui *t, fsrs_grade g)
{
	const bp_item *it = session_item(t->drill);
	char id[STORE_ID_MAX];
	bp_error e;

	snprintf(id, sizeof(id), "%s", it ? it->id : "");
	if (session_grade(t->drill, g, &e) < 0) {
		char buf[1100];

		snprintf(t->msg, sizeof(t->msg), "NOT SAVED: %s. Grade again to retry.",
			 bp_error_str(&e, buf, sizeof(buf)));
		t->msg_bad = true;
		return;
	}
	snprintf(t->msg, sizeof(t->msg), "Saved: %s graded %s.", id, grade_names[g]);
	t->msg_bad = false;
	t->scroll = 0;
	solve_forget(t); /* the run was of this answer; the item may come back (Again) */
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

/* u, b, s and *: what they did, or why not. */
static void flag_key(tui *t, action a)
{
	const bp_item *it = session_item(t->drill);
	char id[STORE_ID_MAX], done[200];
	bool starred = false;
	bp_error e;
	int rc;

	snprintf(id, sizeof(id), "%s", it ? it->id : "");
	switch (a) {
	case ACT_UNDO: {
		const char *what = session_undo_what(t->drill);
		char kind[16];

		snprintf(kind, sizeof(kind), "%s", what ? what : "");
		rc = session_undo(t->drill, &e);
		if (rc == 1)
			say(t, false, "Nothing to undo in this drill.", NULL);
		else if (rc == 0 && strcmp(kind, "answer") == 0)
			say(t, false, "Undone: the last answer was taken back.", NULL);
		else if (rc == 0)
			snprintf(t->msg, sizeof(t->msg), "Undone: %s of %s.", kind,
				 session_item(t->drill) ? session_item(t->drill)->id : "the item");
		else
			say(t, true, "Could not undo", &e);
		t->msg_bad = rc < 0;
		return;
	}
	case ACT_BURY:
		rc = session_bury(t->drill, clock_day_start(clock_local_day(clock_now()) + 1), &e);
		snprintf(done, sizeof(done), "Buried until tomorrow: %s.", id);
		break;
	case ACT_SUSPEND:
		rc = session_suspend(t->drill, &e);
		snprintf(done, sizeof(done), "Suspended: %s.", id);
		break;
	default:
		rc = session_star(t->drill, &starred, &e);
		snprintf(done, sizeof(done), "%s: %s.", starred ? "Starred" : "Unstarred", id);
		break;
	}
	if (rc < 0)
		say(t, true, "Not saved", &e);
	else if (rc == 0)
		say(t, false, done, NULL);
	t->scroll = 0;
}

static go drill_key(tui *t, int ch)
{
	int arg = 0;
	action a = keys_lookup(drill_ctx(t), ch, &arg);

	if (!t->drill)
		return a == ACT_BACK ? GO_TODAY : GO_STAY;
	if (confirm_suspend) {
		confirm_suspend = false;
		if (ch == 'y')
			flag_key(t, ACT_SUSPEND);
		else
			say(t, false, "Not suspended.", NULL);
		return GO_STAY;
	}
	if (scroll_key(a, &t->scroll))
		return GO_STAY;
	if (a != ACT_NONE && a != ACT_UP && a != ACT_DOWN && a != ACT_PGUP && a != ACT_PGDN)
		t->msg[0] = '\0';
	switch (a) {
	case ACT_BACK: /* the summary, when something was answered */
		return session_answered(t->drill) ? GO_SUMMARY : GO_TODAY;
	case ACT_HELP:
		return GO_HELP;
	case ACT_HINT:
		if (!session_hint(t->drill)) {
			snprintf(t->msg, sizeof(t->msg), "No more hints for this question.");
			t->msg_bad = false;
		}
		return GO_STAY;
	case ACT_REVEAL:
		walk_follow = session_walk(t->drill) != NULL;
		points_follow = solve_result(t, session_item(t->drill)) != NULL;
		session_reveal(t->drill);
		return GO_STAY;
	case ACT_TICK:
		session_toggle(t->drill, arg - 1);
		return GO_STAY;
	case ACT_TO_GRADE:
		session_to_grade(t->drill);
		return GO_STAY;
	case ACT_GRADE:
		grade(t, (fsrs_grade)arg);
		return GO_STAY;
	case ACT_ACCEPT:
		grade(t, session_suggested(t->drill));
		return GO_STAY;
	case ACT_UNGRADE:
		/* back to ticking: the grade is not saved yet */
		session_ungrade(t->drill);
		return GO_STAY;
	case ACT_SUSPEND: {
		char ask[STORE_ID_MAX + 96];

		snprintf(ask, sizeof(ask),
			 "Suspend %s? y suspends, any other key keeps it.",
			 session_item(t->drill) ? session_item(t->drill)->id : "");
		say(t, false, ask, NULL);
		confirm_suspend = true;
		return GO_STAY;
	}
	case ACT_UNDO:
	case ACT_BURY:
	case ACT_STAR:
		flag_key(t, a);
		return GO_STAY;
	case ACT_EDIT:
	case ACT_FRESH:
		solve_edit(t, session_item(t->drill), a == ACT_FRESH);
		return GO_STAY;
	case ACT_RUN: {
		const test_tally *tally = solve_run(t, session_item(t->drill));

		if (tally)
			session_set_tests(t->drill, tally);
		tests_follow = tally != NULL;
		return GO_STAY;
	}
	case ACT_DETAILS:
		if (!session_item(t->drill))
			return GO_STAY;
		snprintf(t->item_id, sizeof(t->item_id), "%s", session_item(t->drill)->id);
		return GO_ITEM;
	default:
		return GO_STAY;
	}
}

const screen_ops drill_screen = { drill_enter, drill_leave, drill_draw, drill_key, drill_ctx };
