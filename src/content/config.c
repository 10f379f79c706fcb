/* config: config.yaml into bp_config, with the same checked reads as the packs. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "backprep/clock.h"
#include "backprep/config.h"
#include "schema.h"

void config_defaults(bp_config *c)
{
	memset(c, 0, sizeof(*c));
	c->new_per_day = -1;
	c->n_learning = -1;
	c->n_relearning = -1;
	for (int k = 0; k < CONFIG_STEP_CLASSES; k++)
		c->n_steps_by_kind[k] = -1;
}

/* "10m", "2h", "1d" or a number of minutes. */
static bool read_step(sctx *s, const ynode *n, int *minutes)
{
	char *end, q[S_QUOTE_MAX];
	long v;
	int unit = 1;

	if (n->type != YN_SCALAR || strlen(n->str) != n->len) {
		s_err(s, n, "a step must be a duration such as 1m, 10m, 2h or 1d");
		return false;
	}
	errno = 0;
	v = strtol(n->str, &end, 10);
	if (*end == 'm')
		end++;
	else if (*end == 'h')
		unit = 60, end++;
	else if (*end == 'd')
		unit = 1440, end++;
	if (end == n->str || *end || errno || v < 1 || v > 365 * 1440 / unit) {
		s_err(s, n, "'%s' is not a duration such as 1m, 10m, 2h or 1d", s_quote(n, q));
		return false;
	}
	*minutes = (int)v * unit;
	return true;
}

static void read_steps(sctx *s, const ynode *n, const char *key, int *count, int *steps)
{
	if (n->type != YN_SEQ || n->n > CONFIG_MAX_STEPS) {
		s_err(s, n, "'%s' must be a list of at most %d durations", key, CONFIG_MAX_STEPS);
		return;
	}
	*count = 0;
	for (size_t i = 0; i < n->n; i++)
		if (read_step(s, n->kids[i], &steps[*count]))
			++*count;
}

/* steps_by_kind: {open: [1m, 10m], coding: [], ...}; the names are sched.h's classes. */
static void read_steps_by_kind(sctx *s, const ynode *n, bp_config *c)
{
	static const sfield f[] = { { "open", false },	   { "coding", false },
				    { "scenario", false }, { "choice", false },
				    { "design", false },   { "long", false },
				    { NULL, false } };
	static const sfield *const t[] = { f, NULL };
	const ynode *v;

	if (!s_map(s, n, t, "'steps_by_kind'"))
		return;
	for (int k = 0; k < CONFIG_STEP_CLASSES; k++)
		if ((v = ytree_get(n, f[k].key)))
			read_steps(s, v, f[k].key, &c->n_steps_by_kind[k], c->steps_by_kind[k]);
}

static void read_scheduler(sctx *s, const ynode *n, bp_config *c)
{
	static const sfield f[] = { { "fuzz", false },	   { "retention", false },
				    { "max_interval", false }, { "learning_steps", false },
				    { "relearning_steps", false }, { "steps_by_kind", false },
				    { "long_minutes", false }, { "deadline_recall", false },
				    { NULL, false } };
	static const sfield *const t[] = { f, NULL };
	const ynode *v;

	if (!s_map(s, n, t, "'scheduler'"))
		return;
	if ((v = ytree_get(n, "fuzz")))
		c->has_fuzz = s_bool(s, v, "fuzz", "'scheduler'", &c->fuzz);
	if ((v = ytree_get(n, "retention")))
		c->has_retention = s_num(s, v, "retention", "'scheduler'", 0.7, 0.99, &c->retention);
	if ((v = ytree_get(n, "max_interval")))
		c->has_max_interval = s_int(s, v, "max_interval", "'scheduler'", 1, 36500,
					    &c->max_interval);
	if ((v = ytree_get(n, "learning_steps")))
		read_steps(s, v, "learning_steps", &c->n_learning, c->learning);
	if ((v = ytree_get(n, "relearning_steps")))
		read_steps(s, v, "relearning_steps", &c->n_relearning, c->relearning);
	if ((v = ytree_get(n, "steps_by_kind")))
		read_steps_by_kind(s, v, c);
	if ((v = ytree_get(n, "long_minutes")))
		s_int(s, v, "long_minutes", "'scheduler'", 1, 600, &c->long_minutes);
	if ((v = ytree_get(n, "deadline_recall")))
		s_num(s, v, "deadline_recall", "'scheduler'", 0.5, 0.99, &c->deadline_recall);
}

/* What a terminal in cbreak mode keeps for itself: these never reach backprep. */
static const char *taken_by_terminal(int code)
{
	switch (code) {
	case 'C' & 0x1f:
		return "it interrupts (SIGINT)";
	case 'Z' & 0x1f:
		return "it suspends (SIGTSTP)";
	case 'S' & 0x1f:
	case 'Q' & 0x1f:
		return "it is flow control (XOFF/XON)";
	default:
		return NULL;
	}
}

/* One key name of action `name`; -1 when it is no key (reported). */
static int read_key(sctx *s, const ynode *n, const char *name)
{
	char q[S_QUOTE_MAX];
	const char *why;
	int code;

	if (n->type != YN_SCALAR) {
		s_err(s, n, "a key of '%s' must be a key name such as space or ctrl-x, not a %s",
		      name, n->type == YN_SEQ ? "list in a list" : "map");
		return -1;
	}
	if (strlen(n->str) != n->len || (code = keymap_parse_key(n->str)) < 0) {
		s_err(s, n,
		      "'%s' is not a key name for '%s': use a single character, space, enter, tab, "
		      "backspace, esc, up, down, left, right, pgup, pgdn, home, end, f1-f12 or "
		      "ctrl-a..ctrl-z",
		      s_quote(n, q), name);
		return -1;
	}
	if ((why = taken_by_terminal(code))) {
		s_err(s, n, "'%s' cannot be bound: the terminal keeps it (%s)", s_quote(n, q), why);
		return -1;
	}
	return code;
}

/* What a line being typed takes (tui's field_key): text and the keys that edit it. The
 * actions of the screens that are a line being typed (the search, the first run's
 * questions), and those of every screen, which come before the screen sees a key, cannot
 * have them, or they would take them from the line. */
static bool edits_a_line(int code)
{
	return (code >= ' ' && code < 127) || code == KEY_CODE_LEFT || code == KEY_CODE_RIGHT ||
	       code == KEY_CODE_HOME || code == KEY_CODE_END || code == ('A' & 0x1f) ||
	       code == ('E' & 0x1f) || code == ('U' & 0x1f);
}

/* One action's key or list of keys into b; false when one is wrong (reported). */
static bool read_bind(sctx *s, const ynode *v, const char *name, config_bind *b)
{
	const ynode *one[1] = { v };
	const ynode *const *kids = one;
	size_t n = 1;
	bool ok = true;

	if (v->type == YN_SEQ) {
		kids = (const ynode *const *)v->kids;
		n = v->n;
	}
	if (n > KEYMAP_MAX_KEYS) {
		s_err(s, v, "'%s' takes at most %d keys", name, KEYMAP_MAX_KEYS);
		return false;
	}
	b->n = 0;
	for (size_t i = 0; i < n; i++) {
		int code = read_key(s, kids[i], name);
		bool twice = false;

		for (int j = 0; j < b->n; j++)
			twice |= b->keys[j] == code;
		if (code < 0) {
			ok = false;
		} else if ((!(key_table[b->row].ctx & ~(unsigned)(CTX_FIND | CTX_WELCOME)) ||
			    key_table[b->row].ctx == CTX_ALL) &&
			   (edits_a_line(code) || code == KEY_CODE_BACKSPACE)) {
			s_err(s, kids[i], "'%s' cannot be a key of '%s': it edits the line being typed",
			      kids[i]->str, name);
			ok = false;
		} else if (twice) {
			s_err(s, kids[i], "'%s' lists the same key twice", name);
			ok = false;
		} else {
			b->keys[b->n++] = code;
		}
	}
	return ok;
}

/*
 * keys: {drill.reveal: [space, enter], today.stats: g}. Each value replaces the action's
 * default keys; [] unbinds it. The result may not have one key answer two actions in one
 * context; the bind that makes it so is reported at its key.
 */
static void read_keys(sctx *s, const ynode *n, bp_config *c)
{
	char q[S_QUOTE_MAX], keyname[32];
	const ynode *at[CONFIG_MAX_BINDS];

	if (n->type != YN_MAP) {
		s_err(s, n, "'keys' must be a map of action names to a key or a list of keys, "
			    "such as drill.reveal: [space, enter]");
		return;
	}
	for (size_t i = 0; i + 1 < n->n; i += 2) {
		const ynode *k = n->kids[i], *v = n->kids[i + 1];
		config_bind b = { 0 };

		if (k->type != YN_SCALAR || strlen(k->str) != k->len ||
		    (b.row = keymap_find(k->str)) < 0) {
			if (k->type != YN_SCALAR)
				s_err(s, k, "an action in 'keys' must be a name such as drill.reveal");
			else
				s_err(s, k, "'%s' is not an action; `backprep keys` lists them",
				      s_quote(k, q));
			continue;
		}
		if (key_table[b.row].range) {
			s_err(s, k, "'%s' takes the digits %c-%c, which cannot be rebound", k->str,
			      key_table[b.row].keys[0], key_table[b.row].keys[1]);
			continue;
		}
		if (!read_bind(s, v, k->str, &b) || c->n_binds == CONFIG_MAX_BINDS)
			continue;
		at[c->n_binds] = v;
		c->binds[c->n_binds++] = b;
	}
	/* the keys in force as they would be, checked for a key two actions answer */
	config_use_keys(c);
	for (int i = 0; i < c->n_binds; i++) {
		const config_bind *b = &c->binds[i];

		for (int j = 0; j < b->n; j++) {
			unsigned ctx;
			int other = keymap_conflict(b->row, b->keys[j], &ctx);

			if (other < 0)
				continue;
			s_err(s, at[i]->type == YN_SEQ ? at[i]->kids[j] : at[i],
			      "'%s' would be the key of both %s and %s on %s",
			      keymap_key_name(b->keys[j], keyname, sizeof(keyname)),
			      key_table[b->row].name, key_table[other].name,
			      keymap_ctx_title(ctx));
			break;
		}
	}
	keymap_reset();
}

void config_use_keys(const bp_config *c)
{
	keymap_reset();
	for (int i = 0; i < c->n_binds; i++)
		keymap_bind(c->binds[i].row, c->binds[i].keys, c->binds[i].n);
}

static void read_config(sctx *s, const ynode *root, bp_config *c)
{
	static const sfield f[] = { { "daily_minutes", false }, { "new_per_day", false },
				    { "interview_date", false }, { "scheduler", false },
				    { "keys", false },		   { "mouse", false },
				    { NULL, false } };
	static const sfield *const t[] = { f, NULL };
	const ynode *v;
	int64_t at;

	if (!root)
		return;
	if (!s_map(s, root, t, "the config") && root->type != YN_MAP)
		return;
	if ((v = ytree_get(root, "daily_minutes")))
		s_int(s, v, "daily_minutes", "the config", 5, 600, &c->daily_minutes);
	if ((v = ytree_get(root, "new_per_day")))
		s_int(s, v, "new_per_day", "the config", 0, 100, &c->new_per_day);
	if ((v = ytree_get(root, "interview_date"))) {
		if (v->type != YN_SCALAR || v->len != 10 || strlen(v->str) != 10 ||
		    clock_parse_iso(v->str, &at) < 0)
			s_err(s, v, "'interview_date' must be a date such as 2027-01-15");
		else
			c->interview = at / 86400;
	}
	if ((v = ytree_get(root, "scheduler")))
		read_scheduler(s, v, c);
	if ((v = ytree_get(root, "keys")))
		read_keys(s, v, c);
	if ((v = ytree_get(root, "mouse")))
		c->has_mouse = s_bool(s, v, "mouse", "the config", &c->mouse);
}

/* Every problem, not only the first: the others follow the first's message on its line (a
 * message is one line), each as "line:col: message", as long as they fit, then how many
 * did not. */
static void add_others(bp_error *e, const bp_diags *d)
{
	size_t used = strlen(e->msg);

	for (size_t i = 1; i < d->n; i++) {
		char line[sizeof(e->msg)];
		int n = snprintf(line, sizeof(line), "%s %d:%d: %s", i == 1 ? "; also" : ";",
				 d->v[i].line, d->v[i].col, d->v[i].msg);

		if (n < 0 || used + (size_t)n + 24 >= sizeof(e->msg)) {
			snprintf(e->msg + used, sizeof(e->msg) - used, "; and %zu more", d->n - i);
			return;
		}
		memcpy(e->msg + used, line, (size_t)n + 1);
		used += (size_t)n;
	}
}

int config_load(const char *path, bp_config *c, bp_error *e)
{
	struct stat st;
	bp_diags d = { 0 };
	arena ar = { 0 };
	sctx s = { .file = path, .diags = &d, .ar = &ar };
	ynode *root = NULL;
	char *buf = NULL;
	size_t len;
	int rc = 0;

	config_defaults(c);
	if (stat(path, &st) < 0 && errno == ENOENT)
		return 0;
	if (ytree_read_file(path, &buf, &len, e) < 0 || ytree_parse(path, buf, len, &root, e) < 0) {
		free(buf);
		return -1;
	}
	read_config(&s, root, c);
	if (d.n) {
		*e = d.v[0];
		add_others(e, &d);
		rc = -1;
	}
	c->loaded = rc == 0;
	bp_diags_free(&d);
	arena_free(&ar);
	ytree_free(root);
	free(buf);
	return rc;
}
