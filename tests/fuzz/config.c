/* config: config.yaml (config_load). A file that loads holds only values in range. */
#include <stdlib.h>

#include "backprep/config.h"
#include "fuzz.h"

static void check_steps(int n, const int *steps)
{
	if (n < -1 || n > CONFIG_MAX_STEPS)
		abort();
	for (int i = 0; i < n; i++)
		if (steps[i] < 1 || steps[i] > 365 * 1440)
			abort();
}

/* keys: each bind names a row that may be rebound, with keys that have names; in force,
 * no key answers two actions of one context. */
static void check_keys(const bp_config *c)
{
	char buf[32];

	if (c->n_binds < 0 || c->n_binds > CONFIG_MAX_BINDS)
		abort();
	for (int i = 0; i < c->n_binds; i++) {
		const config_bind *b = &c->binds[i];

		if (b->row < 0 || (size_t)b->row >= keymap_count() || key_table[b->row].range ||
		    b->n < 0 || b->n > KEYMAP_MAX_KEYS)
			abort();
		for (int j = 0; j < b->n; j++)
			if (keymap_parse_key(keymap_key_name(b->keys[j], buf, sizeof(buf))) !=
			    b->keys[j])
				abort();
	}
	config_use_keys(c);
	for (int i = 0; i < c->n_binds; i++)
		for (int j = 0; j < c->binds[i].n; j++) {
			unsigned ctx;

			if (keymap_conflict(c->binds[i].row, c->binds[i].keys[j], &ctx) >= 0)
				abort();
		}
	keymap_reset();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file("config.yaml", data, size);
	bp_config c;
	bp_error e;

	if (config_load(path, &c, &e) < 0) {
		fuzz_check_error(&e);
		return 0;
	}
	if ((c.daily_minutes && (c.daily_minutes < 5 || c.daily_minutes > 600)) ||
	    c.new_per_day < -1 || c.new_per_day > 100 ||
	    (c.has_retention && !(c.retention >= 0.7 && c.retention <= 0.99)) ||
	    (c.has_max_interval && (c.max_interval < 1 || c.max_interval > 36500)))
		abort();
	check_steps(c.n_learning, c.learning);
	check_steps(c.n_relearning, c.relearning);
	check_keys(&c);
	return 0;
}
