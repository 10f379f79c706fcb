/*
 * schema: checked reads of a ytree into catalog structures. Each reader reports its
 * problem at the node's file:line:col and keeps going, so that validate lists them all.
 * Private to src/content.
 */
#ifndef BACKPREP_SCHEMA_H
#define BACKPREP_SCHEMA_H

#include <stdbool.h>

#include "backprep/arena.h"
#include "backprep/catalog.h"
#include "backprep/error.h"
#include "ytree.h"

typedef struct sctx {
	const char *file;
	bp_diags *diags;
	bp_diags *quality; /* findings only --strict reports */
	arena *ar;
	int errors;
} sctx;

/* A key a map may hold. */
typedef struct sfield {
	const char *key;
	bool required;
} sfield;

void s_err(sctx *s, const ynode *at, const char *fmt, ...) BP_PRINTF(3, 4);

enum { S_QUOTE_MAX = 64 };

/* A scalar as a message quotes it: made visible (text_visible), NULs included, and cut with
 * "…" past about 60 bytes. Returns buf. */
const char *s_quote(const ynode *n, char buf[S_QUOTE_MAX]);

/* True when n is a scalar without a NUL byte, which C string functions would stop at
 * ("5\0junk" read as 5); otherwise reports it. For values read as numbers, names, dates. */
bool s_plain(sctx *s, const ynode *n, const char *key, const char *what);

/* Checks that n is a map, has no key outside the tables (NULL-terminated lists of tables)
 * and has every required one. `what` names it in messages ("item 'api.x'"). */
bool s_map(sctx *s, const ynode *n, const sfield *const *tables, const char *what);

/* Cleaned text of a scalar; NULL (with an error) when n is not text. */
const char *s_text(sctx *s, const ynode *n, const char *key, const char *what);
bool s_int(sctx *s, const ynode *n, const char *key, const char *what, int lo, int hi, int *out);
bool s_bool(sctx *s, const ynode *n, const char *key, const char *what, bool *out);
bool s_num(sctx *s, const ynode *n, const char *key, const char *what, double lo, double hi,
	   double *out);
bool s_texts(sctx *s, const ynode *n, const char *key, const char *what, bp_strs *out);
bool s_area(sctx *s, const ynode *n, const char *key, const char *what, bp_area *out);

/* lowercase letters, digits and '-', not empty */
bool s_slug_ok(const char *s);

/* Text reads of optional keys: when map has key, reads it into *out. */
void s_opt_text(sctx *s, const ynode *map, const char *key, const char *what, const char **out);
void s_opt_texts(sctx *s, const ynode *map, const char *key, const char *what, bp_strs *out);

#endif
