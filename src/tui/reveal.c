/* reveal: an item's answer side as the drill reveals it and item details show it. */
#include <curses.h>

#include "tui.h"

void reveal_list(doc *d, const char *title, const bp_strs *v, int attr)
{
	if (v->n == 0)
		return;
	doc_blank(d);
	doc_heading(d, title);
	for (int i = 0; i < v->n; i++)
		doc_entry(d, "- ", v->v[i], 1, attr);
}

static void reveal_block(doc *d, const char *title, const char *text, enum text_mode mode)
{
	if (!text || !*text)
		return;
	doc_blank(d);
	doc_heading(d, title);
	doc_text(d, text, 1, 0, mode);
}

void reveal_problem(doc *d, const bp_item *it)
{
	if (it->kind != KIND_CODING)
		return;
	if (it->signature) {
		doc_blank(d);
		doc_entry(d, "Signature: ", it->signature, 0, 0);
	}
	if (it->n_examples) {
		doc_blank(d);
		doc_heading(d, "Examples");
		for (int i = 0; i < it->n_examples; i++) {
			doc_entry(d, "in:  ", it->examples[i].input, 1, 0);
			doc_entry(d, "out: ", it->examples[i].output, 1, 0);
			if (it->examples[i].explain)
				doc_entry(d, "     ", it->examples[i].explain, 1, style(ATTR_DIM));
		}
	}
	reveal_list(d, "Constraints", &it->constraints, 0);
}

static void add_coding(doc *d, const bp_item *it, bool problem)
{
	if (problem)
		reveal_problem(d, it);
	reveal_list(d, "Edge cases", &it->edge_cases, 0);
	if (it->time || it->space) {
		doc_blank(d);
		doc_heading(d, "Complexity");
		doc_printf(d, 0, "  time %s · space %s", it->time ? it->time : "?",
			   it->space ? it->space : "?");
	}
	reveal_block(d, "Reference solution", it->solution, TEXT_VERBATIM);
}

static void add_scenario(doc *d, const bp_item *it)
{
	for (int i = 0; i < it->n_steps; i++) {
		const bp_step *st = &it->steps[i];

		doc_blank(d);
		doc_printf(d, style(ATTR_HEAD), "Step %d", i + 1);
		doc_text(d, st->show, 1, 0, TEXT_VERBATIM);
		doc_entry(d, "Ask: ", st->ask, 1, A_BOLD);
		for (int k = 0; k < st->expect.n; k++)
			doc_entry(d, "- ", st->expect.v[k], 3, 0);
	}
	reveal_block(d, "Root cause", it->root_cause, TEXT_PROSE);
	reveal_block(d, "Mitigation", it->mitigation, TEXT_PROSE);
	reveal_block(d, "Prevention", it->prevention, TEXT_PROSE);
}

static void add_design(doc *d, const bp_item *it)
{
	for (int i = 0; i < it->n_steps; i++) {
		const bp_step *ph = &it->steps[i];

		doc_blank(d);
		doc_printf(d, style(ATTR_HEAD), "Phase %d: %s (%d min)", i + 1,
			   ph->title ? ph->title : "?", ph->minutes);
		doc_entry(d, "Ask: ", ph->ask, 1, A_BOLD);
		for (int k = 0; k < ph->expect.n; k++)
			doc_entry(d, "- ", ph->expect.v[k], 3, 0);
		if (ph->answer)
			doc_text(d, ph->answer, 3, 0, TEXT_PROSE);
	}
}

void reveal_kind(doc *d, const bp_item *it)
{
	if (it->kind == KIND_DESIGN)
		add_design(d, it);
	if (it->kind == KIND_CODING)
		add_coding(d, it, true);
	if (it->kind == KIND_SCENARIO)
		add_scenario(d, it);
}

void reveal_kind_after_problem(doc *d, const bp_item *it)
{
	if (it->kind == KIND_CODING)
		add_coding(d, it, false);
	else
		reveal_kind(d, it);
}

void reveal_answer(doc *d, const bp_item *it)
{
	reveal_block(d, "Model answer", it->answer, TEXT_PROSE);
	reveal_block(d, "Why", it->explain, TEXT_PROSE);
	reveal_list(d, "Pitfalls", &it->pitfalls, 0);
	reveal_list(d, "Follow-ups", &it->follow_ups, 0);
	if (it->n_twists) {
		doc_blank(d);
		doc_heading(d, "Twists (a mock round shows one at its minute)");
		for (int i = 0; i < it->n_twists; i++) {
			char prefix[32];

			snprintf(prefix, sizeof(prefix), "at %d min: ", it->twists[i].at);
			doc_entry(d, prefix, it->twists[i].text, 1, 0);
		}
	}
}
