/* help: the keys, generated from the key table, for the screen it was opened from first. */
#include <curses.h>
#include <stdio.h>

#include "tui.h"

/* One row: its keys in force, then what it does. */
static void add_key(doc *d, int r)
{
	char keys[64], prefix[24];

	snprintf(prefix, sizeof(prefix), "%-8s ", keymap_keys_name(r, keys, sizeof(keys)));
	doc_entry(d, prefix, key_table[r].label, 2, 0);
}

static void add_section(doc *d, unsigned ctx, const char *title)
{
	doc_blank(d);
	doc_heading(d, title);
	for (size_t r = 0; r < keymap_count(); r++)
		if ((key_table[r].ctx & ctx) && key_table[r].ctx != CTX_ALL)
			add_key(d, (int)r);
}

static void help_draw(tui *t)
{
	doc *d = &t->doc;
	size_t n = keymap_n_sections;

	draw_title("Help", "backprep " BP_VERSION);
	doc_reset(d, COLS - 3);
	doc_text(d,
		 "Every day: answer each question aloud or on paper, reveal the key points, tick "
		 "the ones you covered, and confirm a grade. Each confirmed grade is saved at once; "
		 "leaving at any moment loses nothing that was confirmed.",
		 0, 0, TEXT_PROSE);
	/* the screen help came from first, then the others */
	for (size_t i = 0; i < n; i++)
		if (keymap_sections[i].ctx & t->help_from)
			add_section(d, keymap_sections[i].ctx, keymap_sections[i].title);
	for (size_t i = 0; i < n; i++)
		if (!(keymap_sections[i].ctx & t->help_from))
			add_section(d, keymap_sections[i].ctx, keymap_sections[i].title);
	doc_blank(d);
	doc_heading(d, "Everywhere");
	for (size_t r = 0; r < keymap_count(); r++)
		if (key_table[r].ctx == CTX_ALL)
			add_key(d, (int)r);
	t->help_scroll = doc_draw(d, 2, LINES - 4, t->help_scroll);
	draw_footer(keys_scroll_hints(CTX_HELP, "close help"), "", 0);
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
