/* error: formatting and collecting bp_error values. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/error.h"

void bp_error_clear(bp_error *e)
{
	memset(e, 0, sizeof(*e));
}

static void set_msg(bp_error *e, const char *fmt, va_list ap)
{
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
}

void bp_error_set(bp_error *e, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return;
	bp_error_clear(e);
	va_start(ap, fmt);
	set_msg(e, fmt, ap);
	va_end(ap);
}

void bp_error_at(bp_error *e, const char *file, int line, int col, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return;
	bp_error_clear(e);
	snprintf(e->file, sizeof(e->file), "%s", file ? file : "");
	e->line = line;
	e->col = col;
	va_start(ap, fmt);
	set_msg(e, fmt, ap);
	va_end(ap);
}

const char *bp_error_str(const bp_error *e, char *buf, size_t n)
{
	if (!e->file[0])
		snprintf(buf, n, "%s", e->msg);
	else if (e->line > 0 && e->col > 0)
		snprintf(buf, n, "%s:%d:%d: %s", e->file, e->line, e->col, e->msg);
	else if (e->line > 0)
		snprintf(buf, n, "%s:%d: %s", e->file, e->line, e->msg);
	else
		snprintf(buf, n, "%s: %s", e->file, e->msg);
	return buf;
}

int bp_diags_add(bp_diags *d, const bp_error *e)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 8;
		bp_error *v = realloc(d->v, cap * sizeof(*v));

		if (!v)
			return -1;
		d->v = v;
		d->cap = cap;
	}
	d->v[d->n++] = *e;
	return 0;
}

void bp_diags_free(bp_diags *d)
{
	free(d->v);
	d->v = NULL;
	d->n = d->cap = 0;
}
