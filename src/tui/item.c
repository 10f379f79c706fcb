/* item: one question's details — its answer, memory state, history, and why it is due when. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "backprep/card.h"
#include "backprep/clock.h"
#include "backprep/replay.h"
#include "backprep/why.h"
#include "tui.h"

static const char *const grade_names[] = { "?", "Again", "Hard", "Good", "Easy" };
static const char *const state_names[] = { "new", "learning", "review", "relearning" };

typedef struct history {
	doc *d;
	int rev, n;
	int64_t last_at; /* the last scheduled answer */
	int last_grade;
} history;

static int add_review(void *ctx, const store_review *r)
{
	history *h = ctx;
	char when[32], tests[40] = "";

	if (r->rev == h->rev && strcmp(r->source, "cram") != 0) {
		h->last_at = r->at;
		h->last_grade = r->grade;
	}
	h->n++;
	if (!h->d) /* only looking for the last answer */
		return 0;
	clock_format_iso(r->at, when);
	when[16] = '\0';
	when[10] = ' ';
	if (r->tests_total > 0)
		snprintf(tests, sizeof(tests), "  %d/%d tests", r->tests_passed, r->tests_total);
	/* the source is one of the three words the log's reader allows */
	doc_printf(h->d, 0, "  %s  %-5s  %d/%d points%s  %d %s  %3d s  %s%s", when,
		   grade_names[r->grade >= 1 && r->grade <= 4 ? r->grade : 0], r->covered,
		   r->points, tests, r->hints, text_plural(r->hints, "hint", "hints"), r->seconds,
		   strcmp(r->source, "mock") == 0   ? "mock"
		   : strcmp(r->source, "cram") == 0 ? "cram"
						    : "drill",
		   r->rev != h->rev ? "  (earlier revision)" : "");
	return 0;
}

static int add_event(void *ctx, const store_event *ev)
{
	history *h = ctx;
	char when[32], until[16];

	clock_format_iso(ev->at, when);
	when[16] = '\0';
	when[10] = ' ';
	clock_format_day(clock_local_day(ev->until), until);
	doc_printf(h->d, 0, "  %s  %s%s%s", when, strcmp(ev->kind, "bury") == 0 ? "bury" : ev->kind,
		   strcmp(ev->kind, "bury") == 0 ? " until " : "",
		   strcmp(ev->kind, "bury") == 0 ? until : "");
	h->n++;
	return 0;
}

static void add_question(doc *d, const bp_item *it)
{
	doc_printf(d, style(ATTR_DIM), "%s · %s · level %d · week %d · ~%d min · rev %d",
		   area_name(it->area), kind_name(it->kind), it->level, it->week, it->minutes,
		   it->rev);
	doc_blank(d);
	doc_text(d, it->prompt, 0, A_BOLD, TEXT_PROSE);
	if (it->kind == KIND_CHOICE) {
		doc_blank(d);
		doc_heading(d, "Choices (the right ones marked)");
		for (int i = 0; i < it->choices.n; i++) {
			bool right = false;
			char prefix[16];

			for (int k = 0; k < it->n_correct; k++)
				right |= it->correct[k] == i;
			snprintf(prefix, sizeof(prefix), "%s %d. ", right ? "->" : "  ", i + 1);
			doc_entry(d, prefix, it->choices.v[i], 1, right ? style(ATTR_GOOD) : 0);
		}
	}
	reveal_list(d, "Key points", &it->key_points, 0);
	reveal_kind(d, it);
	reveal_answer(d, it);
}

/* The memory state and why the card is due when it is. */
static void add_schedule(doc *d, bp_app *app, const bp_item *it, const store_card *sc,
			 const history *h)
{
	bool from_config, current = sc && (!it || sc->rev == it->rev) && sc->state != FSRS_NEW;
	int64_t interview = app_interview(app, &from_config), now = clock_now();
	char due[16], day[16], why[WHY_LINES][WHY_LINE];
	fsrs_card fc;
	int n;

	doc_blank(d);
	doc_heading(d, "Memory");
	if (!current) {
		doc_printf(d, 0, "  new: not answered since its current revision%s",
			   sc && sc->rev && it && sc->rev != it->rev ? " (its revision rose)" : "");
	} else {
		card_to_fsrs(sc, &fc);
		clock_format_day(clock_local_day(sc->due), due);
		doc_printf(d, 0, "  %s · stability %.2f days · difficulty %.2f · due %s",
			   state_names[sc->state & 3], sc->stability, sc->difficulty, due);
		doc_printf(d, 0, "  recall now %.2f", fsrs_retrievability(&app->sched.base, &fc, now));
		if (interview) {
			clock_format_day(interview, day);
			doc_printf(d, 0, "  recall at the interview (%s) %.2f", day,
				   fsrs_retrievability(&app->sched.base, &fc,
						       clock_day_start(interview)));
		}
		doc_printf(d, 0, "  reps %d · lapses %d", sc->reps, sc->lapses);
	}
	doc_blank(d);
	doc_heading(d, "Why it is scheduled so");
	n = why_scheduled(&(why_input){ it, sc, now, interview, h->last_at, h->last_grade }, why);
	for (int i = 0; i < n; i++)
		doc_text(d, doc_keep(d, why[i]), 1, 0, TEXT_PROSE); /* why[] ends with this call */
}

enum { CHART_MAX = 64 };

/* Recall just before each answer, then now: how far it had fallen each time. */
static void add_chart(doc *d, tui *t, const bp_item *it)
{
	double v[CHART_MAX];
	size_t n = CHART_MAX, first = 0;
	store_card c;
	bool any;
	char spark[CHART_MAX * 4 + 1];
	bp_error e;

	if (replay_item_recall(t->app->st, &t->app->sched, it, t->item_id, &c, &any, clock_now(),
			       v, &n, &e) < 0 ||
	    n == 0)
		return;
	if (n > 40) /* the most recent, in a narrow window too */
		first = n - 40;
	chart_spark(spark, sizeof(spark), v + first, (int)(n - first), 0, 1);
	doc_blank(d);
	doc_heading(d, "Recall just before each answer, then now");
	doc_printf(d, 0, "  %s  %.2f at the first shown, %.2f now", spark, v[first], v[n - 1]);
}

static void build(tui *t, int width)
{
	doc *d = &t->doc;
	const bp_item *it = catalog_find(t->app->cat, t->item_id);
	store_card sc;
	bool found = false;
	history h = { d, it ? it->rev : 0, 0, 0, 0 };
	bp_error e;

	doc_reset(d, width);
	if (store_card_get(t->app->st, t->item_id, &sc, &found, &e) < 0) {
		doc_printf(d, style(ATTR_BAD), "%s", e.msg);
		return;
	}
	if (it)
		add_question(d, it);
	else
		doc_text(d, "No longer in the content; its history is kept.", 0, 0, TEXT_PROSE);
	if (!it && found)
		h.rev = sc.rev;
	/* the schedule's reasons name the last answer: found first, drawn below */
	h.d = NULL;
	if (store_reviews(t->app->st, t->item_id, add_review, &h, &e) < 0)
		h.last_at = 0;
	h.d = d;
	h.n = 0;
	add_schedule(d, t->app, it, found ? &sc : NULL, &h);
	add_chart(d, t, it);
	doc_blank(d);
	doc_heading(d, "History (date, grade, points covered, tests passed, hints, seconds, "
		       "source)");
	if (store_reviews(t->app->st, t->item_id, add_review, &h, &e) < 0 || !h.n)
		doc_text(d, "none", 1, style(ATTR_DIM), TEXT_PROSE);
	doc_blank(d);
	doc_heading(d, "Events (flags and resets)");
	h.n = 0;
	if (store_events(t->app->st, t->item_id, add_event, &h, &e) < 0 || !h.n)
		doc_text(d, "none", 1, style(ATTR_DIM), TEXT_PROSE);
}

static void item_enter(tui *t)
{
	t->item_scroll = 0;
	t->msg[0] = '\0';
}

static void item_draw(tui *t)
{
	char pos[48];
	int body = LINES - 4;

	build(t, COLS - 3);
	t->item_scroll = doc_draw(&t->doc, 2, body, t->item_scroll);
	if (t->doc.n > (size_t)body)
		snprintf(pos, sizeof(pos), "%zu/%zu",
			 (size_t)(t->item_scroll + body) < t->doc.n ? (size_t)(t->item_scroll + body)
								    : t->doc.n,
			 t->doc.n);
	else
		pos[0] = '\0';
	draw_title(t->item_id, pos);
	{
		char hints[300];
		size_t k = 0;

		if (!t->item_over_drill) {
			keys_hint(hints, sizeof(hints), &k, CTX_ITEM, ACT_SUSPEND, "suspend");
			keys_hint(hints, sizeof(hints), &k, CTX_ITEM, ACT_STAR, "star");
			keys_hint(hints, sizeof(hints), &k, CTX_ITEM, ACT_BURY, "bury");
			keys_hint(hints, sizeof(hints), &k, CTX_ITEM, ACT_RESET, "reset");
		}
		snprintf(hints + k, sizeof(hints) - k, "%s%s", k ? "   " : "",
			 keys_scroll_hints(CTX_ITEM, t->item_over_drill ? "back to the drill" : "back"));
		draw_footer(hints, t->msg, t->msg_bad ? style(ATTR_BAD) : style(ATTR_GOOD));
	}
}

static go item_key(tui *t, int ch)
{
	int arg = 0;
	action a = keys_lookup(CTX_ITEM, ch, &arg);

	if (browse_confirm_key(t, ch))
		return GO_STAY;
	if (scroll_key(a, &t->item_scroll))
		return GO_STAY;
	switch (a) {
	case ACT_BACK:
		if (t->item_over_drill) {
			t->item_over_drill = false;
			return GO_RESUME;
		}
		return GO_BROWSE;
	case ACT_HELP:
		return GO_HELP;
	case ACT_SUSPEND:
	case ACT_STAR:
	case ACT_BURY:
	case ACT_RESET:
		if (t->item_over_drill)
			snprintf(t->msg, sizeof(t->msg),
				 "In a drill, b, s and * act on the question, and u undoes them.");
		else
			browse_flag(t, t->item_id, a, false);
		return GO_STAY;
	default:
		return GO_STAY;
	}
}

static unsigned item_ctx(const tui *t)
{
	(void)t;
	return CTX_ITEM;
}

const screen_ops item_screen = { item_enter, NULL, item_draw, item_key, item_ctx };
