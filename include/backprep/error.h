/*
 * error: errors as values. A function that can fail returns 0 or -1 and fills a bp_error
 * with a message and, for content, the file, line and column it is about. Nothing below
 * main() prints or exits on its own.
 */
#ifndef BACKPREP_ERROR_H
#define BACKPREP_ERROR_H

#include <stdarg.h>
#include <stddef.h>

#define BP_PRINTF(a, b) __attribute__((format(printf, a, b)))

typedef struct bp_error {
	char file[512]; /* empty when the error is not about a file */
	int line;       /* 1-based; 0 when unknown */
	int col;        /* 1-based; 0 when unknown */
	char msg[512];
} bp_error;

/* A list of errors, for checks that report every problem rather than the first. */
typedef struct bp_diags {
	bp_error *v;
	size_t n, cap;
} bp_diags;

void bp_error_clear(bp_error *e);
/* The message is formatted, then made visible (text_visible): controls and invalid UTF-8
 * quoted from a file, an argument or the database are shown as \x1b or U+202E, never sent. */
void bp_error_set(bp_error *e, const char *fmt, ...) BP_PRINTF(2, 3);
void bp_error_at(bp_error *e, const char *file, int line, int col, const char *fmt, ...)
	BP_PRINTF(5, 6);
void bp_error_vat(bp_error *e, const char *file, int line, int col, const char *fmt, va_list ap)
	BP_PRINTF(5, 0);

/* "file:line:col: message", "file: message" or "message", into buf, the file name made
 * visible as the message is; returns buf. */
const char *bp_error_str(const bp_error *e, char *buf, size_t n);

/* Appends a copy of *e; returns -1 only when out of memory. */
int bp_diags_add(bp_diags *d, const bp_error *e);
void bp_diags_free(bp_diags *d);

#endif
