/*
 * codetest: a coding item's `signature` and `tests`, checked and turned into the JSON the
 * runner's harness reads. Tests are data only: scalars, lists and maps, never code. A
 * plain scalar that YAML readers disagree about (1e3, 012, 0x1f, 1_000) is refused rather
 * than guessed, so that the value a pack's author meant is the value the harness gets.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_impl.h"

enum { MAX_METHODS = 32 };

/* A growing JSON text; `bad` once out of memory. */
typedef struct jbuf {
	char *s;
	size_t n, cap;
	bool bad;
} jbuf;

static void jb_put(jbuf *b, const char *s, size_t len)
{
	if (b->bad)
		return;
	if (b->n + len + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		char *v;

		while (cap < b->n + len + 1)
			cap *= 2;
		if (!(v = realloc(b->s, cap))) {
			b->bad = true;
			return;
		}
		b->s = v;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, len);
	b->n += len;
	b->s[b->n] = '\0';
}

static void jb_str(jbuf *b, const char *s)
{
	jb_put(b, s, strlen(s));
}

/* A JSON string of s[0..len) (valid UTF-8: libyaml checked it), controls escaped. */
static void jb_quoted(jbuf *b, const char *s, size_t len)
{
	jb_put(b, "\"", 1);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[8];

		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			jb_put(b, esc, 2);
		} else if (c < 0x20 || c == 0x7f) {
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			jb_put(b, esc, 6);
		} else {
			jb_put(b, s + i, 1);
		}
	}
	jb_put(b, "\"", 1);
}

static bool one_of(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (strcmp(s, *words) == 0)
			return true;
	return false;
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/* A plain decimal: [-+]digits, no leading zero (YAML 1.1 reads 012 as octal). */
static bool plain_int(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	return all_digits(s) && (s[0] != '0' || s[1] == '\0');
}

/* [-+]digits*.digits*, then optionally e or E with a sign and digits: the float both YAML
 * 1.1 and 1.2 readers agree on. */
static bool plain_float(const char *s)
{
	const char *dot, *e;

	if (*s == '-' || *s == '+')
		s++;
	dot = strchr(s, '.');
	if (!dot || (dot == s && !isdigit((unsigned char)dot[1])))
		return false;
	for (const char *p = s; p < dot; p++)
		if (!isdigit((unsigned char)*p))
			return false;
	e = dot + 1;
	while (isdigit((unsigned char)*e))
		e++;
	if (!*e)
		return true;
	return (*e == 'e' || *e == 'E') && (e[1] == '-' || e[1] == '+') && all_digits(e + 2);
}

/* Digits and '_', at least one digit; returns past them. */
static const char *digits_(const char *s, bool *any)
{
	for (; isdigit((unsigned char)*s) || *s == '_'; s++)
		*any |= *s != '_';
	return s;
}

/*
 * A number to some YAML reader though not written as plain_int or plain_float take it:
 * 0x1f, 0o17, 0b101, 012 (octal to YAML 1.1), 1_000, 1e3 or 1.0e5 (text to YAML 1.1, a
 * float to 1.2), 1:30 (90 to YAML 1.1).
 */
static bool number_like(const char *s)
{
	bool any = false;

	if (*s == '-' || *s == '+')
		s++;
	if (s[0] == '0' && s[1] && strchr("xob", s[1]) && s[2]) {
		const char *set = s[1] == 'x' ? "0123456789abcdefABCDEF_" : s[1] == 'o' ? "01234567_"
												: "01_";

		return strspn(s + 2, set) == strlen(s + 2);
	}
	s = digits_(s, &any);
	while (any && *s == ':') /* sexagesimal */
		s = digits_(s + 1, &any);
	if (*s == '.')
		s = digits_(s + 1, &any);
	if (any && (*s == 'e' || *s == 'E')) {
		bool exp = false;

		s += s[1] == '-' || s[1] == '+' ? 2 : 1;
		s = digits_(s, &exp);
		any = exp;
	}
	return any && *s == '\0';
}

/* One node as JSON; false (with an error reported) on what the harness cannot take. */
static bool node_json(sctx *s, const ynode *n, const char *what, jbuf *b)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL", NULL };
	static const char *const trues[] = { "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", NULL };
	static const char *const falses[] = { "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", NULL };
	static const char *const infs[] = { ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", NULL };
	static const char *const ninfs[] = { "-.inf", "-.Inf", "-.INF", NULL };
	static const char *const nans[] = { ".nan", ".NaN", ".NAN", NULL };
	char q[S_QUOTE_MAX];

	if (n->type == YN_SEQ || n->type == YN_MAP) {
		bool map = n->type == YN_MAP;

		jb_put(b, map ? "{" : "[", 1);
		for (size_t i = 0; i < n->n; i++) {
			if (i)
				jb_put(b, map && i % 2 ? ": " : ", ", 2);
			if (map && i % 2 == 0)
				jb_quoted(b, n->kids[i]->str, n->kids[i]->len);
			else if (!node_json(s, n->kids[i], what, b))
				return false;
		}
		jb_put(b, map ? "}" : "]", 1);
		return true;
	}
	if (!n->plain || strlen(n->str) != n->len) {
		jb_quoted(b, n->str, n->len);
	} else if (one_of(n->str, nulls)) {
		jb_str(b, "null");
	} else if (one_of(n->str, trues)) {
		jb_str(b, "true");
	} else if (one_of(n->str, falses)) {
		jb_str(b, "false");
	} else if (one_of(n->str, infs)) {
		jb_str(b, "Infinity"); /* Python's json reads these */
	} else if (one_of(n->str, ninfs)) {
		jb_str(b, "-Infinity");
	} else if (one_of(n->str, nans)) {
		jb_str(b, "NaN");
	} else if (plain_int(n->str)) {
		jb_str(b, n->str + (n->str[0] == '+'));
	} else if (plain_float(n->str)) {
		const char *p = n->str + (n->str[0] == '+');

		if (*p == '-')
			jb_put(b, p++, 1);
		if (*p == '.') /* ".5" is "0.5" */
			jb_put(b, "0", 1);
		/* JSON wants a digit after the point: "1." is "1.0" */
		for (; *p; p++) {
			jb_put(b, p, 1);
			if (*p == '.' && !isdigit((unsigned char)p[1]))
				jb_put(b, "0", 1);
		}
	} else if (number_like(n->str)) {
		s_err(s, n,
		      "'%s' in %s reads as a number to some YAML readers and as text to others: "
		      "quote it for text, or write a plain decimal like 12, -3 or 1.5e+3",
		      s_quote(n, q), what);
		return false;
	} else {
		jb_quoted(b, n->str, n->len);
	}
	return true;
}

static bool ident_start(char c)
{
	return isalpha((unsigned char)c) || c == '_';
}

static bool ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* At p: NAME(PARAMS) with balanced brackets in PARAMS. Sets the name's and the params'
 * spans; returns just past ')' or NULL. */
static const char *read_call(const char *p, const char **name, size_t *name_len,
			     const char **params, size_t *params_len)
{
	int depth = 0;
	char quote = 0;

	while (*p == ' ')
		p++;
	if (!ident_start(*p))
		return NULL;
	*name = p;
	while (ident_char(*p))
		p++;
	*name_len = (size_t)(p - *name);
	if (*p != '(')
		return NULL;
	*params = ++p;
	for (; *p; p++) {
		if (quote) {
			if (*p == '\\' && p[1])
				p++;
			else if (*p == quote)
				quote = 0;
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
		} else if (*p == '(' || *p == '[' || *p == '{') {
			depth++;
		} else if ((*p == ')' || *p == ']' || *p == '}') && depth > 0) {
			depth--;
		} else if (*p == ')') {
			*params_len = (size_t)(p - *params);
			return p + 1;
		} else if (*p == '\n') {
			return NULL;
		}
	}
	return NULL;
}

/* After ')': spaces and an optional return annotation "-> type", up to ';' or the end. */
static const char *skip_tail(const char *p)
{
	while (*p == ' ')
		p++;
	if (p[0] == '-' && p[1] == '>')
		p += strcspn(p, ";\n");
	return p;
}

/* A class's methods: "name(params)" separated by ';'. */
static bool read_methods(sctx *s, const char *p, bp_item *it)
{
	const char *v[MAX_METHODS];
	int n = 0;

	while (*p) {
		const char *name, *params, *end;
		size_t nl, pl;

		if (n == MAX_METHODS || !(end = read_call(p, &name, &nl, &params, &pl)))
			return false;
		if (!(v[n++] = arena_strndup(s->ar, name, (size_t)(end - name))))
			return false;
		p = skip_tail(end);
		if (*p == ';')
			p++;
		else if (*p)
			return false;
		while (*p == ' ')
			p++;
	}
	it->methods.v = arena_alloc(s->ar, (n ? (size_t)n : 1) * sizeof(*v));
	if (!it->methods.v)
		return false;
	memcpy(it->methods.v, v, (size_t)n * sizeof(*v));
	it->methods.n = n;
	return n > 0;
}

void codetest_read_signature(sctx *s, const ynode *n, const char *what, bp_item *it)
{
	const char *sig = s_text(s, n, "signature", what), *p, *name, *params, *end;
	size_t nl, pl;
	char q[S_QUOTE_MAX];

	if (!sig)
		return;
	p = sig;
	if (strncmp(p, "class ", 6) == 0) {
		it->entry_class = true;
		p += 6;
	}
	end = read_call(p, &name, &nl, &params, &pl);
	if (end && it->entry_class) {
		while (*end == ' ')
			end++;
		if (*end != ':' || !read_methods(s, end + 1, it))
			end = NULL;
	} else if (end && *skip_tail(end)) {
		end = NULL;
	}
	if (!end) {
		s_err(s, n,
		      "'signature' in %s must be 'name(params)' or 'class Name(params): "
		      "method(params); ...', not '%s'",
		      what, s_quote(n, q));
		it->entry = NULL;
		return;
	}
	it->signature = sig;
	it->entry = arena_strndup(s->ar, name, nl);
	it->params = arena_strndup(s->ar, params, pl);
}

/* True when the class declares a method of this name. */
static bool has_method(const bp_item *it, const char *name, size_t len)
{
	for (int i = 0; i < it->methods.n; i++)
		if (strncmp(it->methods.v[i], name, len) == 0 && it->methods.v[i][len] == '(')
			return true;
	return false;
}

/* ops: a list of lists, each starting with a name: the class, then its methods. */
static bool check_ops(sctx *s, const ynode *ops, const ynode *expect, const char *what,
		      const bp_item *it)
{
	if (ops->type != YN_SEQ || ops->n == 0) {
		s_err(s, ops, "'ops' in %s must be a non-empty list of [method, args...] lists",
		      what);
		return false;
	}
	for (size_t i = 0; i < ops->n; i++) {
		const ynode *op = ops->kids[i], *name = op->type == YN_SEQ && op->n ? op->kids[0] : NULL;
		char q[S_QUOTE_MAX];

		if (!name || name->type != YN_SCALAR || !name->plain) {
			s_err(s, op, "each entry of 'ops' in %s must be a list [method, args...]", what);
			return false;
		}
		if (i == 0 && (!it->entry || strcmp(name->str, it->entry) != 0)) {
			s_err(s, name, "the first op in %s must build the class: [%s, args...], not '%s'",
			      what, it->entry ? it->entry : "Class", s_quote(name, q));
			return false;
		}
		if (i > 0 && !has_method(it, name->str, name->len)) {
			s_err(s, name, "'%s' in %s is not a method of the signature", s_quote(name, q),
			      what);
			return false;
		}
	}
	if (!expect || expect->type != YN_SEQ || expect->n != ops->n) {
		s_err(s, expect ? expect : ops,
		      "'expect' in %s must be a list of one result per op (%zu), null for the first",
		      what, ops->n);
		return false;
	}
	return true;
}

static bool read_test(sctx *s, const ynode *m, const char *what, const bp_item *it, bp_test *t)
{
	static const sfield f[] = { { "args", false },	  { "ops", false },  { "expect", false },
				    { "raises", false },  { "edge", false }, { "note", false },
				    { "compare", false }, { NULL, false } };
	static const sfield *const tab[] = { f, NULL };
	static const char *const compares[] = { "unordered", "float", NULL };
	const ynode *args = ytree_get(m, "args"), *ops = ytree_get(m, "ops"),
		    *expect = ytree_get(m, "expect"), *raises = ytree_get(m, "raises"),
		    *cmp = ytree_get(m, "compare");
	jbuf b = { 0 };
	char q[S_QUOTE_MAX];
	bool ok;

	if (!s_map(s, m, tab, "a test"))
		return false;
	if (!args == !ops) {
		s_err(s, m, "a test in %s needs either 'args' (a call) or 'ops' (a class), not %s",
		      what, args ? "both" : "neither");
		return false;
	}
	if (ops && !it->entry_class) {
		s_err(s, ops, "'ops' in %s needs a class signature ('class Name(...): ...')", what);
		return false;
	}
	if (args && args->type != YN_SEQ) {
		s_err(s, args, "'args' in %s must be a list of arguments", what);
		return false;
	}
	if (args && !expect == !raises) {
		s_err(s, m, "a test in %s needs either 'expect' or 'raises', not %s", what,
		      expect ? "both" : "neither");
		return false;
	}
	if (ops && raises) {
		s_err(s, raises, "'raises' in %s: with 'ops', write {raises: Name} in 'expect'",
		      what);
		return false;
	}
	if (ops && !check_ops(s, ops, expect, what, it))
		return false;
	if (raises && (raises->type != YN_SCALAR || !ident_start(raises->str[0]) ||
		       strspn(raises->str, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
					   "0123456789_") != raises->len)) {
		s_err(s, raises, "'raises' in %s must name an exception, like ValueError", what);
		return false;
	}
	if (cmp && (cmp->type != YN_SCALAR || !one_of(cmp->str, compares))) {
		s_err(s, cmp, "unknown 'compare' in %s: '%s' (unordered or float)", what,
		      cmp->type == YN_SCALAR ? s_quote(cmp, q) : ytree_type_name(cmp->type));
		return false;
	}
	if (ytree_get(m, "edge") && !s_bool(s, ytree_get(m, "edge"), "edge", what, &t->edge))
		return false;
	s_opt_text(s, m, "note", what, &t->note);
	jb_str(&b, args ? "{\"args\": " : "{\"ops\": ");
	ok = node_json(s, args ? args : ops, what, &b);
	if (ok && expect) {
		jb_str(&b, ", \"expect\": ");
		ok = node_json(s, expect, what, &b);
	}
	if (ok && raises) {
		jb_str(&b, ", \"raises\": ");
		jb_quoted(&b, raises->str, raises->len);
	}
	if (ok && cmp) {
		jb_str(&b, ", \"compare\": ");
		jb_quoted(&b, cmp->str, cmp->len);
	}
	jb_str(&b, "}");
	if (ok && b.bad)
		s_err(s, m, "out of memory");
	ok = ok && !b.bad && (t->json = arena_strndup(s->ar, b.s, b.n)) != NULL;
	free(b.s);
	t->line = m->line;
	t->col = m->col;
	return ok;
}

void codetest_read_tests(sctx *s, const ynode *n, const char *what, bp_item *it)
{
	if (n->type != YN_SEQ) {
		s_err(s, n, "'tests' in %s must be a list", what);
		return;
	}
	if (!it->entry) {
		s_err(s, n, "'tests' in %s need a 'signature' that names what they call", what);
		return;
	}
	it->tests = arena_alloc(s->ar, (n->n ? n->n : 1) * sizeof(*it->tests));
	for (size_t i = 0; it->tests && i < n->n; i++)
		if (read_test(s, n->kids[i], what, it, &it->tests[it->n_tests]))
			it->n_tests++;
}
