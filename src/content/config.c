/* config: config.yaml into bp_config, with the same checked reads as the packs. */
#include <errno.h>
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

static void read_config(sctx *s, const ynode *root, bp_config *c)
{
	static const sfield f[] = { { "daily_minutes", false }, { "new_per_day", false },
				    { "interview_date", false }, { "scheduler", false },
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
		rc = -1;
	}
	c->loaded = rc == 0;
	bp_diags_free(&d);
	arena_free(&ar);
	ytree_free(root);
	free(buf);
	return rc;
}
