/* help: the keys, generated from the key table, for the screen it was opened from first. */
#include <curses.h>
#include <stdio.h>

#include "tui.h"

static const struct {
	unsigned ctx;
	const char *title;
} sections[] = {
	{ CTX_TODAY, "Today" },
	{ CTX_ASK, "Drill: the question" },
	{ CTX_REVEALED, "Drill: the answer revealed" },
	{ CTX_GRADE, "Drill: grading" },
	{ CTX_MOCK, "Mock rounds" },
	{ CTX_ROUND, "Mock round: the clock running" },
	{ CTX_ROUND_POINTS, "Mock round: key points" },
	{ CTX_ROUND_SCORE, "Mock round: scoring the rubric" },
	{ CTX_MOCK_RESULTS, "Mock round: results" },
	{ CTX_BROWSE, "Browser" },
	{ CTX_FIND, "Browser: typing the filter" },
	{ CTX_ITEM, "Item details" },
	{ CTX_PLAN, "Plan" },
	{ CTX_STATS, "Stats" },
	{ CTX_SETTINGS, "Settings" },
	{ CTX_SUMMARY, "Drill summary" },
	{ CTX_PROFILE, "Profile" },
	{ CTX_WELCOME, "First run" },
	{ CTX_HELP, "Help" },
};

static void add_section(doc *d, unsigned ctx, const char *title)
{
	doc_blank(d);
	doc_heading(d, title);
	for (const keydef *k = key_table; k->name; k++) {
		char prefix[24];

		if (!(k->ctx & ctx) || k->ctx == CTX_ALL)
			continue;
		snprintf(prefix, sizeof(prefix), "%-8s ", k->name);
		doc_entry(d, prefix, k->label, 2, 0);
	}
}

static void help_draw(tui *t)
{
	doc *d = &t->doc;
	size_t n = sizeof(sections) / sizeof(sections[0]);

	draw_title("Help", "backprep " BP_VERSION);
	doc_reset(d, COLS - 3);
	doc_text(d,
		 "Every day: answer each question aloud or on paper, reveal the key points, tick "
		 "the ones you covered, and confirm a grade. Each confirmed grade is saved at once; "
		 "leaving at any moment loses nothing that was confirmed.",
		 0, 0, TEXT_PROSE);
	/* the screen help came from first, then the others */
	for (size_t i = 0; i < n; i++)
		if (sections[i].ctx & t->help_from)
			add_section(d, sections[i].ctx, sections[i].title);
	for (size_t i = 0; i < n; i++)
		if (!(sections[i].ctx & t->help_from))
			add_section(d, sections[i].ctx, sections[i].title);
	doc_blank(d);
	doc_heading(d, "Everywhere");
	for (const keydef *k = key_table; k->name; k++) {
		char prefix[24];

		if (k->ctx != CTX_ALL)
			continue;
		snprintf(prefix, sizeof(prefix), "%-8s ", k->name);
		doc_entry(d, prefix, k->label, 2, 0);
	}
	t->help_scroll = doc_draw(d, 2, LINES - 4, t->help_scroll);
	draw_footer("Up/Down scroll   q close help", "", 0);
}

static go help_key(tui *t, int ch)
{
	int arg;
	action a = keys_lookup(CTX_HELP, ch, &arg);

	if (a == ACT_BACK)
		return GO_BACK;
	scroll_key(a, &t->help_scroll);
	return GO_STAY;
}

static unsigned help_ctx(const tui *t)
{
	(void)t;
	return CTX_HELP;
}

const screen_ops help_screen = { NULL, NULL, help_draw, help_key, help_ctx };
