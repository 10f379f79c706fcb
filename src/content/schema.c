/* schema: typed, located reads of YAML nodes. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/text.h"
#include "schema.h"

void s_err(sctx *s, const ynode *at, const char *fmt, ...)
{
	bp_error e;
	va_list ap;

	va_start(ap, fmt);
	bp_error_vat(&e, s->file, at ? at->line : 0, at ? at->col : 0, fmt, ap);
	va_end(ap);
	bp_diags_add(s->diags, &e);
	s->errors++;
}

const char *s_quote(const ynode *n, char buf[S_QUOTE_MAX])
{
	size_t used = text_visible(n->str, n->len, buf, S_QUOTE_MAX - 4);

	if (used < n->len)
		strcat(buf, "\u2026"); /* … */
	return buf;
}

static bool want_scalar(sctx *s, const ynode *n, const char *key, const char *what)
{
	if (n->type == YN_SCALAR)
		return true;
	s_err(s, n, "'%s' in %s must be text, not %s", key, what, ytree_type_name(n->type));
	return false;
}

bool s_plain(sctx *s, const ynode *n, const char *key, const char *what)
{
	if (!want_scalar(s, n, key, what))
		return false;
	if (strlen(n->str) != n->len) {
		char q[S_QUOTE_MAX];

		s_err(s, n, "'%s' in %s holds a NUL byte: '%s'", key, what, s_quote(n, q));
		return false;
	}
	return true;
}

static bool in_tables(const sfield *const *tables, const char *key)
{
	for (; *tables; tables++)
		for (const sfield *f = *tables; f->key; f++)
			if (strcmp(f->key, key) == 0)
				return true;
	return false;
}

bool s_map(sctx *s, const ynode *n, const sfield *const *tables, const char *what)
{
	int before = s->errors;

	if (!n || n->type != YN_MAP) {
		s_err(s, n, "%s must be a map of keys, not %s", what,
		      n ? ytree_type_name(n->type) : "empty");
		return false;
	}
	for (size_t i = 0; i + 1 < n->n; i += 2) {
		const ynode *k = n->kids[i];

		char q[S_QUOTE_MAX];

		if (!in_tables(tables, k->str))
			s_err(s, k, "unknown key '%s' in %s", s_quote(k, q), what);
	}
	for (const sfield *const *t = tables; *t; t++)
		for (const sfield *f = *t; f->key; f++)
			if (f->required && !ytree_get(n, f->key))
				s_err(s, n, "missing required key '%s' in %s", f->key, what);
	return s->errors == before;
}

const char *s_text(sctx *s, const ynode *n, const char *key, const char *what)
{
	char *clean, *out;
	size_t len;

	if (!want_scalar(s, n, key, what))
		return NULL;
	if (s->quality && text_has_controls(n->str, n->len)) {
		bp_error e;

		bp_error_at(&e, s->file, n->line, n->col,
			    "'%s' in %s holds tabs or control characters", key, what);
		bp_diags_add(s->quality, &e);
	}
	clean = text_clean(n->str, n->len);
	if (!clean) {
		s_err(s, n, "out of memory");
		return NULL;
	}
	/* Block scalars end with a newline; the screen does not want it. */
	len = strlen(clean);
	while (len > 0 && (clean[len - 1] == '\n' || clean[len - 1] == ' '))
		len--;
	out = arena_strndup(s->ar, clean, len);
	free(clean);
	if (!out)
		s_err(s, n, "out of memory");
	return out;
}

bool s_int(sctx *s, const ynode *n, const char *key, const char *what, int lo, int hi, int *out)
{
	char *end, q[S_QUOTE_MAX];
	long v;

	if (!s_plain(s, n, key, what))
		return false;
	errno = 0;
	v = strtol(n->str, &end, 10);
	if (n->len == 0 || *end || errno || v < lo || v > hi) {
		s_err(s, n, "'%s' in %s must be a whole number from %d to %d, not '%s'", key, what,
		      lo, hi, s_quote(n, q));
		return false;
	}
	*out = (int)v;
	return true;
}

bool s_num(sctx *s, const ynode *n, const char *key, const char *what, double lo, double hi,
	   double *out)
{
	char *end, q[S_QUOTE_MAX];
	double v;

	if (!s_plain(s, n, key, what))
		return false;
	errno = 0;
	v = strtod(n->str, &end);
	if (n->len == 0 || *end || errno || !(v >= lo && v <= hi)) {
		s_err(s, n, "'%s' in %s must be a number from %g to %g, not '%s'", key, what, lo,
		      hi, s_quote(n, q));
		return false;
	}
	*out = v;
	return true;
}

bool s_bool(sctx *s, const ynode *n, const char *key, const char *what, bool *out)
{
	static const char *const yes[] = { "true", "yes", "on" }, *const no[] = { "false", "no",
									      "off" };

	for (int i = 0; n->type == YN_SCALAR && strlen(n->str) == n->len && i < 3; i++) {
		if (strcmp(n->str, yes[i]) == 0)
			return *out = true;
		if (strcmp(n->str, no[i]) == 0)
			return !(*out = false);
	}
	s_err(s, n, "'%s' in %s must be true or false", key, what);
	return false;
}

bool s_texts(sctx *s, const ynode *n, const char *key, const char *what, bp_strs *out)
{
	if (n->type != YN_SEQ) {
		s_err(s, n, "'%s' in %s must be a list, not %s", key, what, ytree_type_name(n->type));
		return false;
	}
	out->n = 0;
	out->v = arena_alloc(s->ar, (n->n ? n->n : 1) * sizeof(*out->v));
	if (!out->v) {
		s_err(s, n, "out of memory");
		return false;
	}
	for (size_t i = 0; i < n->n; i++) {
		const char *t = s_text(s, n->kids[i], key, what);

		if (!t)
			return false;
		out->v[out->n++] = t;
	}
	return true;
}

bool s_area(sctx *s, const ynode *n, const char *key, const char *what, bp_area *out)
{
	char q[S_QUOTE_MAX];

	if (!s_plain(s, n, key, what))
		return false;
	if (area_parse(n->str, out) < 0) {
		s_err(s, n,
		      "unknown area '%s' in %s (areas: coding, data-modeling, api, scale, "
		      "debugging, behavioral, recruiter)",
		      s_quote(n, q), what);
		return false;
	}
	return true;
}

bool s_slug_ok(const char *p)
{
	if (!*p)
		return false;
	for (; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return false;
	return true;
}

void s_opt_text(sctx *s, const ynode *map, const char *key, const char *what, const char **out)
{
	const ynode *n = ytree_get(map, key);

	if (n)
		*out = s_text(s, n, key, what);
}

void s_opt_texts(sctx *s, const ynode *map, const char *key, const char *what, bp_strs *out)
{
	const ynode *n = ytree_get(map, key);

	if (n)
		s_texts(s, n, key, what, out);
}
