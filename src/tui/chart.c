/* chart: the small charts screens share. */
#include <string.h>

#include "tui.h"

void chart_spark(const double *v, size_t n, char *out, size_t cap)
{
	static const char *const bars[8] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	size_t len = 0;

	if (cap == 0)
		return;
	for (size_t i = 0; i < n && len + 4 < cap; i++) {
		double x = v[i] < 0 ? 0 : v[i] > 1 ? 1 : v[i];
		const char *b = bars[(int)(x * 7 + 0.5)];

		memcpy(out + len, b, strlen(b));
		len += strlen(b);
	}
	out[len] = '\0';
}
