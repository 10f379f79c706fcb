/*
 * profile: the questions worth asking a recruiter. Each answer multiplies the focus weights
 * of the weeks still to come; the screen shows the result as it changes.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "tui.h"

static void profile_enter(tui *t)
{
	t->profile_sel = 0;
	today_enter(t);
}

static void add_effect(doc *d, const app_plan *p)
{
	char buf[400];
	size_t used = 0;

	for (int a = 0; a < AREA_COUNT && used < sizeof(buf); a++)
		if (p->adjust[a] < 0.995 || p->adjust[a] > 1.005)
			used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s x%.2f",
						 used ? ", " : "", area_name(a), p->adjust[a]);
	doc_blank(d);
	if (used)
		doc_printf(d, A_BOLD, "Effect on the plan from week %d on: %s", p->adjust_from, buf);
	else
		doc_printf(d, style(ATTR_DIM), "No effect on the plan yet.");
}

static void profile_draw(tui *t)
{
	const catalog *c = t->app->cat;
	size_t n = catalog_question_count(c);
	doc *d = &t->doc;
	int sel_line = 0, sel_end = 0, body = LINES - 4;

	draw_title("Profile: what the recruiter told you", keys_name(CTX_TODAY, ACT_PROFILE));
	doc_reset(d, COLS - 3);
	if (n == 0)
		doc_printf(d, style(ATTR_BAD), "No recruiter.yaml was loaded with the content.");
	for (size_t i = 0; i < n; i++) {
		const bp_question *q = catalog_question(c, i);
		bool sel = (int)i == t->profile_sel;
		char chosen[64];

		app_profile_answer(t->app, q->id, chosen, sizeof(chosen));
		if (sel)
			sel_line = (int)d->n;
		doc_blank(d);
		doc_entry(d, sel ? "> " : "  ", q->ask, 0, sel ? style(ATTR_HEAD) : (int)A_BOLD);
		for (int k = 0; k < q->n_answers; k++) {
			const bp_answer *a = &q->answers[k];
			bool on = strcmp(chosen, a->id) == 0;
			char prefix[16];

			if (!sel && !on)
				continue;
			snprintf(prefix, sizeof(prefix), "%c %d. ", on ? '*' : ' ', k + 1);
			doc_entry(d, prefix, a->text, 4, on ? style(ATTR_GOOD) : 0);
		}
		if (!sel && !chosen[0])
			doc_printf(d, style(ATTR_DIM), "      (not answered)");
		/* why it matters comes after the answers, which a small window must show */
		if (sel && q->why)
			doc_text(d, q->why, 4, style(ATTR_DIM), TEXT_PROSE);
		if (sel)
			sel_end = (int)d->n;
	}
	if (t->day_ok)
		add_effect(d, &t->day.plan);
	/* the selected question in view, as much of it as fits, from its first line */
	doc_draw(d, 2, body,
		 sel_end > body ? (sel_end - body < sel_line ? sel_end - body : sel_line) : 0);
	{
		static const keyhint h[] = {
			{ ACT_UP, ACT_DOWN, "question" },
			{ ACT_TICK, ACT_NONE, "answer" },
			{ ACT_CLEAR, ACT_NONE, "clear" },
			{ ACT_BACK, ACT_NONE, "back" },
		};
		char hints[200];

		KEYHINTS(hints, CTX_PROFILE, h);
		draw_footer(hints, t->msg, t->msg_bad ? style(ATTR_BAD) : style(ATTR_GOOD));
	}
}

static void choose(tui *t, int k)
{
	const bp_question *q = catalog_question(t->app->cat, (size_t)t->profile_sel);
	bp_error e;

	if (!q || k > q->n_answers)
		return;
	if (app_set_profile(t->app, q->id, k > 0 ? q->answers[k - 1].id : NULL, &e) < 0) {
		snprintf(t->msg, sizeof(t->msg), "Not saved: %s", e.msg);
		t->msg_bad = true;
		return;
	}
	snprintf(t->msg, sizeof(t->msg), k > 0 ? "Saved: %s" : "Cleared%s",
		 k > 0 ? q->answers[k - 1].text : "");
	t->msg_bad = false;
	today_enter(t); /* the new weights shape today's queue too */
}

static go profile_key(tui *t, int ch)
{
	int arg = 0, n = (int)catalog_question_count(t->app->cat);

	switch (keys_lookup(CTX_PROFILE, ch, &arg)) {
	case ACT_BACK:
		return GO_TODAY;
	case ACT_HELP:
		return GO_HELP;
	case ACT_UP:
		if (t->profile_sel > 0)
			t->profile_sel--;
		break;
	case ACT_DOWN:
		if (t->profile_sel + 1 < n)
			t->profile_sel++;
		break;
	case ACT_TICK:
		choose(t, arg);
		break;
	case ACT_CLEAR:
		choose(t, 0);
		break;
	default:
		break;
	}
	return GO_STAY;
}

static unsigned profile_ctx(const tui *t)
{
	(void)t;
	return CTX_PROFILE;
}

const screen_ops profile_screen = { profile_enter, NULL, profile_draw, profile_key,
				    profile_ctx };
