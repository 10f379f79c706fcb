/* walk: an incident on screen, one step at a time. */
#include <curses.h>
#include <stdio.h>

#include "walk.h"

static void add_points(doc *d, const scenario_walk *w, int k, bool clicks)
{
	const bp_strs *ex = &w->item->steps[k].expect;
	bool live = k == w->step;
	bool design = w->item->kind == KIND_DESIGN;

	if (design)
		doc_heading(d, live ? "  Key points: press 1-9 for each one you covered"
				    : "  Key points");
	else
		doc_heading(d, live ? "  Expected: press 1-9 for each point you covered"
				    : "  Expected");
	for (int i = 0; i < ex->n; i++) {
		char prefix[24];
		bool ticked = scenario_ticked(w, k, i);

		if (i < scenario_step_points(w, k))
			snprintf(prefix, sizeof(prefix), "[%c] %d. ", ticked ? 'x' : ' ', i + 1);
		else
			snprintf(prefix, sizeof(prefix), "- ");
		doc_click(d, clicks && live && i < scenario_step_points(w, k) && i < 9 ? '1' + i : 0,
			  -1);
		doc_entry(d, prefix, ex->v[i], 2, ticked ? style(ATTR_GOOD) : 0);
	}
	doc_click(d, 0, -1);
}

/* A design's phase: its title and minutes, the ask; once revealed its key points to tick
 * and its model answer. */
static void add_phase(doc *d, const scenario_walk *w, int k, bool clicks)
{
	const bp_step *ph = &w->item->steps[k];

	doc_printf(d, style(ATTR_HEAD), "Phase %d of %d: %s (%d min)", k + 1, scenario_steps(w),
		   ph->title ? ph->title : "?", ph->minutes);
	doc_entry(d, "Ask: ", ph->ask, 1, A_BOLD);
	if (!scenario_points_shown(w, k)) {
		doc_text(d, "Answer aloud (or in your notes), then press Space for the key points "
			    "and a model answer of this phase.",
			 2, style(ATTR_DIM), TEXT_PROSE);
		return;
	}
	add_points(d, w, k, clicks);
	if (ph->answer && *ph->answer) {
		doc_heading(d, "  Model answer");
		doc_text(d, ph->answer, 2, 0, TEXT_PROSE);
	}
}

size_t walk_add(doc *d, const scenario_walk *w, bool clicks)
{
	size_t mark = d->n;

	for (int k = 0; k < scenario_steps(w) && scenario_step_shown(w, k); k++) {
		const bp_step *st = &w->item->steps[k];

		doc_blank(d);
		if (k == w->step)
			mark = d->n;
		if (w->item->kind == KIND_DESIGN) {
			add_phase(d, w, k, clicks);
			continue;
		}
		doc_printf(d, style(ATTR_HEAD), "Step %d of %d", k + 1, scenario_steps(w));
		doc_text(d, st->show, 2, 0, TEXT_VERBATIM);
		doc_entry(d, "Ask: ", st->ask, 1, A_BOLD);
		if (scenario_points_shown(w, k))
			add_points(d, w, k, clicks);
		else
			doc_text(d, "Answer aloud (or in your notes), then press Space for the points a "
				    "good answer covers.",
				 2, style(ATTR_DIM), TEXT_PROSE);
	}
	return mark;
}

static void add_block(doc *d, const char *title, const char *text)
{
	if (!text || !*text)
		return;
	doc_blank(d);
	doc_heading(d, title);
	doc_text(d, text, 1, 0, TEXT_PROSE);
}

size_t walk_add_ending(doc *d, const scenario_walk *w)
{
	size_t mark = d->n;

	if (!w->ended)
		return mark;
	add_block(d, "Root cause", w->item->root_cause);
	add_block(d, "Mitigation", w->item->mitigation);
	add_block(d, "Prevention", w->item->prevention);
	return mark;
}

const char *walk_next_hint(const scenario_walk *w)
{
	if (w->ended)
		return "";
	if (w->item && w->item->kind == KIND_DESIGN) {
		if (!w->revealed)
			return "key points";
		return w->step + 1 < scenario_steps(w) ? "next phase" : "pitfalls";
	}
	if (!w->revealed)
		return "expected points";
	return w->step + 1 < scenario_steps(w) ? "next step" : "root cause";
}
