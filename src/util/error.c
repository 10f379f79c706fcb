/*
 * error: formatting and collecting bp_error values. A message quotes files, arguments and
 * the database, any of which may hold escape sequences: every message and file name is made
 * visible (text_visible) here, the one place they all pass, so no caller has to remember.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/error.h"
#include "backprep/text.h"

void bp_error_clear(bp_error *e)
{
	memset(e, 0, sizeof(*e));
}

static void set_msg(bp_error *e, const char *fmt, va_list ap) BP_PRINTF(2, 0);

static void set_msg(bp_error *e, const char *fmt, va_list ap)
{
	char raw[sizeof(e->msg)];
	int n = vsnprintf(raw, sizeof(raw), fmt, ap);

	if (n < 0)
		n = 0;
	text_visible(raw, (size_t)n < sizeof(raw) ? (size_t)n : sizeof(raw) - 1, e->msg,
		     sizeof(e->msg));
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

void bp_error_vat(bp_error *e, const char *file, int line, int col, const char *fmt, va_list ap)
{
	if (!e)
		return;
	bp_error_clear(e);
	/* kept as it is, to open it again (validate shows the line); made visible when shown */
	snprintf(e->file, sizeof(e->file), "%s", file ? file : "");
	e->line = line;
	e->col = col;
	set_msg(e, fmt, ap);
}

void bp_error_at(bp_error *e, const char *file, int line, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	bp_error_vat(e, file, line, col, fmt, ap);
	va_end(ap);
}

const char *bp_error_str(const bp_error *e, char *buf, size_t n)
{
	char file[sizeof(e->file)];

	text_visible(e->file, strlen(e->file), file, sizeof(file));
	if (!e->file[0])
		snprintf(buf, n, "%s", e->msg);
	else if (e->line > 0 && e->col > 0)
		snprintf(buf, n, "%s:%d:%d: %s", file, e->line, e->col, e->msg);
	else if (e->line > 0)
		snprintf(buf, n, "%s:%d: %s", file, e->line, e->msg);
	else
		snprintf(buf, n, "%s: %s", file, e->msg);
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
