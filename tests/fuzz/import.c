/* import: reading and checking an export (exchange_read); nothing is merged. */
#include "backprep/exchange.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file("export.json", data, size);
	exchange_file *x;
	bp_error e;

	if (exchange_read(path, &x, &e) < 0) {
		fuzz_check_error(&e);
		return 0;
	}
	exchange_n_reviews(x);
	exchange_free(x);
	return 0;
}
