/* pack: the pack reader (catalog_load of one file) and the strict quality rules. */
#include <stdlib.h>

#include "backprep/catalog.h"
#include "fuzz.h"

static void check_strs(const char *what, const bp_strs *s)
{
	for (int i = 0; i < s->n; i++)
		fuzz_check_loaded(what, s->v[i]);
}

/* What a screen draws of an item must be cleaned text. */
static void check_item(const bp_item *it)
{
	fuzz_check_loaded("id", it->id);
	fuzz_check_loaded("prompt", it->prompt);
	fuzz_check_loaded("answer", it->answer);
	fuzz_check_loaded("solution", it->solution);
	fuzz_check_loaded("explain", it->explain);
	check_strs("key point", &it->key_points);
	check_strs("hint", &it->hints);
	check_strs("tag", &it->tags);
	check_strs("choice", &it->choices);
	for (int i = 0; i < it->n_steps; i++) {
		fuzz_check_loaded("step", it->steps[i].show);
		fuzz_check_loaded("step", it->steps[i].ask);
		check_strs("step", &it->steps[i].expect);
		fuzz_check_loaded("phase", it->steps[i].title);
		fuzz_check_loaded("phase", it->steps[i].answer);
	}
	for (int i = 0; i < it->n_twists; i++) {
		fuzz_check_loaded("twist", it->twists[i].text);
		if (it->twists[i].at <= 0 || it->twists[i].at >= it->minutes)
			abort();
	}
	for (int i = 0; i < it->n_correct; i++)
		if (it->correct[i] < 0 || it->correct[i] >= it->choices.n)
			abort();
	if (it->level < 1 || it->level > 3 || it->week < 1 || it->week > 4)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file("pack.yaml", data, size);
	bp_diags d = { 0 };
	catalog *c;

	if (catalog_load(&path, 1, &c, &d) < 0)
		abort();
	catalog_check_quality(c, &d);
	for (size_t i = 0; i < catalog_count(c); i++)
		check_item(catalog_item(c, i));
	for (size_t i = 0; i < catalog_pack_count(c); i++)
		fuzz_check_loaded("pack title", catalog_pack(c, i)->title);
	for (size_t i = 0; i < d.n; i++)
		fuzz_check_error(&d.v[i]);
	catalog_free(c);
	bp_diags_free(&d);
	return 0;
}
