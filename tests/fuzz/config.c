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
	return 0;
}
