/* settings: every setting in force and where it comes from (see settings.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backprep/clock.h"
#include "backprep/settings.h"
#include "backprep/text.h"

const char *settings_source_name(setting_source s)
{
	static const char *const names[] = {"default", "plan",   "app",
	                                    "config",  "option", "environment"};

	return (unsigned)s < sizeof(names) / sizeof(names[0]) ? names[s] : "default";
}

static setting *add(settings_list *l, const char *name, const char *label, setting_source src)
{
	setting *s = &l->v[l->n < SETTINGS_MAX ? l->n++ : SETTINGS_MAX - 1];

	memset(s, 0, sizeof(*s));
	s->name = name;
	s->label = label;
	s->source = src;
	return s;
}

/* Formats into field (SETTING_TEXT bytes) and makes it visible: a path or a variable may
 * hold anything. */
static void put(char *field, const char *fmt, ...) BP_PRINTF(2, 3);
static void put(char *field, const char *fmt, ...)
{
	char raw[SETTING_TEXT];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(raw, sizeof(raw), fmt, ap);
	va_end(ap);
	text_visible(raw, strlen(raw), field, SETTING_TEXT);
}

/* The value shown is also what is typed to change it. */
static void edit_as_shown(setting *s)
{
	size_t n = strnlen(s->value, sizeof(s->edit) - 1);

	memcpy(s->edit, s->value, n);
	s->edit[n] = '\0';
}

static void put_config(setting *s, const bp_app *app, const char *key)
{
	s->source = SETTING_CONFIG;
	put(s->where, "%s in config.yaml: %s", key, app->config_path);
}

/* "set in the app on 2026-12-01", or without the day for a setting made before it was kept. */
static void put_app(setting *s, bp_app *app, const char *key)
{
	int64_t on = app_setting_day(app, key);
	char day[16];

	s->source = SETTING_APP;
	if (on) {
		clock_format_day(on, day);
		put(s->where, "set in the app on %s", day);
	} else {
		put(s->where, "set in the app");
	}
}

/* Where the plan comes from, for "the plan's week 2 (...)". */
static const char *plan_name(const bp_app *app)
{
	return app->plan_path[0] ? app->plan_path : "the shipped plan.yaml";
}

static void add_minutes(settings_list *l, bp_app *app, const app_day *day)
{
	const app_plan *p = &day->plan;
	setting *s = add(l, "daily_minutes", "Minutes a day", SETTING_DEFAULT);

	put(s->value, "%d", day->budget);
	snprintf(s->edit, sizeof(s->edit), "%d", day->budget);
	s->editable = !p->minutes_from_config;
	if (p->minutes_from_config)
		put_config(s, app, "daily_minutes");
	else if (p->daily_minutes > 0)
		put_app(s, app, "daily_minutes");
	else if (p->plan) {
		s->source = SETTING_PLAN;
		put(s->where, "the plan's week %d asks for it (%s)", day->pos.week, plan_name(app));
	} else {
		put(s->where, "default: no plan.yaml was found");
	}
}

static void add_new(settings_list *l, bp_app *app, const app_day *day)
{
	const app_plan *p = &day->plan;
	setting *s = add(l, "new_per_day", "New questions a day (cap)", SETTING_DEFAULT);

	s->editable = !p->new_from_config;
	if (p->new_capped) {
		put(s->value, "%d", p->tg.new_per_day[day->pos.week - 1]);
		edit_as_shown(s);
		if (p->new_from_config)
			put_config(s, app, "new_per_day");
		else
			put_app(s, app, "new_per_day");
		return;
	}
	put(s->value, "none");
	s->source = p->plan ? SETTING_PLAN : SETTING_DEFAULT;
	put(s->where,
	    "no cap: the plan's %d a day (week %d) paces the plan, your minutes limit them",
	    day->plan_new, day->pos.week);
}

static void add_interview(settings_list *l, bp_app *app, const app_day *day)
{
	setting *s = add(l, "interview_date", "Interview date", SETTING_DEFAULT);

	s->editable = !day->interview_from_config;
	if (!day->interview) {
		put(s->value, "none");
		put(s->where, "default: none; the plan lasts %d days", PLAN_WEEKS * 7);
		return;
	}
	clock_format_day(day->interview, s->value);
	edit_as_shown(s);
	if (day->interview_from_config)
		put_config(s, app, "interview_date");
	else
		put_app(s, app, "interview_date");
}

/* A probability as the app keeps it: two decimals, whatever the locale's decimal point. */
static void put_hundredths(char *field, double v)
{
	int h = (int)(v * 100 + 0.5);

	put(field, "%d.%02d", h / 100, h % 100);
}

static void add_recall(settings_list *l, bp_app *app, const app_day *day)
{
	setting *s = add(l, "retention", "Retention aimed for", SETTING_DEFAULT);

	put_hundredths(s->value, app->sched.base.retention);
	s->editable = !app->cfg.has_retention;
	if (app->cfg.has_retention)
		put_config(s, app, "scheduler.retention");
	else if (app_retention_setting(app) > 0)
		put_app(s, app, "retention");
	else
		put(s->where, "default: a review falls due when predicted recall drops to it");
	if (s->editable)
		edit_as_shown(s);

	s = add(l, "deadline_recall", "Recall due before the interview", SETTING_DEFAULT);
	put_hundredths(s->value, app->sched.deadline_recall);
	if (app->cfg.deadline_recall > 0)
		put_config(s, app, "scheduler.deadline_recall");
	else
		put(s->where, "default");
	snprintf(s->where + strlen(s->where), SETTING_TEXT - strlen(s->where), "%s",
	         day->interview ? "; with the interview date, a review falls due at this recall"
	                        : "; not in use without an interview date");
}

static void add_model(settings_list *l, bp_app *app)
{
	const bp_config *c = &app->cfg;
	setting *s = add(l, "fuzz", "Fuzz (intervals spread a little)", SETTING_DEFAULT);

	put(s->value, "%s", app->sched.base.fuzz ? "on" : "off");
	if (c->has_fuzz)
		put_config(s, app, "scheduler.fuzz");
	else
		put(s->where, "default");
	s = add(l, "max_interval", "Longest interval, days", SETTING_DEFAULT);
	put(s->value, "%d", app->sched.base.max_interval);
	if (c->has_max_interval)
		put_config(s, app, "scheduler.max_interval");
	else
		put(s->where, "default");
	s = add(l, "long_minutes", "A long question, from minutes", SETTING_DEFAULT);
	put(s->value, "%d", app->sched.long_minutes);
	if (c->long_minutes > 0)
		put_config(s, app, "scheduler.long_minutes");
	else
		put(s->where, "default: a question this long does not come back the same day");
	s = add(l, "mouse", "Mouse (clicks, the wheel)", SETTING_DEFAULT);
	put(s->value, "%s", !c->has_mouse || c->mouse ? "on" : "off");
	if (c->has_mouse)
		put_config(s, app, "mouse");
	else
		put(s->where, "default");
}

/* "10m, 1h" or "none". */
static void put_steps(char *buf, size_t n, const int *v, int count)
{
	size_t k = 0;

	buf[0] = '\0';
	if (count == 0)
		snprintf(buf, n, "none");
	for (int i = 0; i < count && k < n; i++) {
		int m = v[i];

		k += (size_t)snprintf(buf + k, n - k, "%s%d%s", i ? ", " : "",
		                      m % 1440 == 0 ? m / 1440
		                      : m % 60 == 0 ? m / 60
		                                    : m,
		                      m % 1440 == 0 ? "d"
		                      : m % 60 == 0 ? "h"
		                                    : "m");
	}
}

static void add_steps(settings_list *l, bp_app *app)
{
	static const char *const names[SCHED_CLASSES] = {
	    "steps.open", "steps.coding", "steps.scenario", "steps.choice", "steps.design",
	    "steps.long"};
	static const char *const labels[SCHED_CLASSES] = {
	    "Same-day steps: open questions", "Same-day steps: coding", "Same-day steps: incidents",
	    "Same-day steps: multiple choice", "Same-day steps: system designs",
	    "Same-day steps: long questions"};
	static const char *const keys[SCHED_CLASSES] = {"open", "coding", "scenario", "choice",
	                                                "design", "long"};
	const bp_config *c = &app->cfg;

	for (int k = 0; k < SCHED_CLASSES; k++) {
		const fsrs_params *p = &app->sched.by_class[k];
		setting *s = add(l, names[k], labels[k], SETTING_DEFAULT);
		bool long_by_default = k == KIND_CODING || k == KIND_SCENARIO || k == KIND_DESIGN ||
				       k == SCHED_LONG;
		char learn[96], relearn[96];

		put_steps(learn, sizeof(learn), p->learning, p->n_learning);
		put_steps(relearn, sizeof(relearn), p->relearning, p->n_relearning);
		if (p->n_learning == 0 && p->n_relearning == 0)
			put(s->value, "none");
		else
			put(s->value, "%s; after a lapse %s", learn, relearn);
		if (c->n_steps_by_kind[k] >= 0) {
			char key[48];

			snprintf(key, sizeof(key), "scheduler.steps_by_kind.%s", keys[k]);
			put_config(s, app, key);
		} else if (long_by_default) {
			put(s->where, "default: a long question comes back another day");
		} else if (c->n_learning >= 0 || c->n_relearning >= 0) {
			put_config(s, app, "scheduler.learning_steps");
		} else {
			put(s->where, "default");
		}
	}
}

static setting_source env_source(const char *name)
{
	const char *v = getenv(name);

	return v && *v ? SETTING_ENV : SETTING_DEFAULT;
}

static setting_source from_source(app_from f)
{
	return f == APP_FROM_OPTION ? SETTING_OPTION
	       : f == APP_FROM_ENV  ? SETTING_ENV
	                            : SETTING_DEFAULT;
}

static void add_plan(settings_list *l, bp_app *app, const app_day *day)
{
	setting *s = add(l, "plan", "Plan", from_source(app->plan_from));
	char buf[16];

	if (app->plan_from == APP_FROM_OPTION) {
		put(s->value, "%s", app->plan_path);
		put(s->where, "--plan");
	} else if (app->plan_path[0]) {
		put(s->value, "%s", app->plan_path);
		put(s->where, "your own plan.yaml in the data directory");
	} else if (day->plan.plan) {
		put(s->value, "plan.yaml");
		for (size_t i = 0; i < app->n_content_dirs; i++) {
			char path[PATHS_MAX + 16];

			snprintf(path, sizeof(path), "%s/plan.yaml", app->content[i]);
			if (access(path, F_OK) == 0) {
				put(s->value, "%s", path);
				break;
			}
		}
		put(s->where, "shipped with the content");
	} else {
		put(s->value, "none");
		put(s->where, "no plan.yaml: equal focus, default targets");
	}
	s = add(l, "plan_start", "Plan start", SETTING_DEFAULT);
	clock_format_day(day->plan.cal.start, s->value);
	if (store_setting_get(app->st, "plan_start_chosen", buf, sizeof(buf), NULL) == 1 &&
	    strcmp(buf, "yes") == 0) {
		s->source = SETTING_APP;
		put(s->where, "chosen with backprep plan --start");
	} else {
		put(s->where, "default: your first answer or first run, whichever came first");
	}
}

static void add_files(settings_list *l, bp_app *app)
{
	setting *s = add(l, "content", "Content", from_source(app->content_from));
	char dirs[SETTING_TEXT] = "";
	size_t k = 0;

	for (size_t i = 0; i < app->n_content_dirs && k < sizeof(dirs); i++)
		k += (size_t)snprintf(dirs + k, sizeof(dirs) - k, "%s%s", i ? ":" : "",
		                      app->content[i]);
	put(s->value, "%s", dirs);
	put(s->where, "%s",
	    app->content_from == APP_FROM_OPTION ? "--content"
	    : app->content_from == APP_FROM_ENV
	        ? "BACKPREP_CONTENT"
	        : "default: your packs, then the installed content");
	s = add(l, "database", "Progress file", from_source(app->db_from));
	put(s->value, "%s", store_path(app->st));
	put(s->where, "%s",
	    app->db_from == APP_FROM_OPTION ? "--db"
	    : app->db_from == APP_FROM_ENV  ? "BACKPREP_DB"
	                                    : "default: $XDG_DATA_HOME/backprep/progress.db");
	s = add(l, "config", "config.yaml", env_source("XDG_CONFIG_HOME"));
	put(s->value, "%s", app->config_path[0] ? app->config_path : "none");
	put(s->where, "%s",
	    app->cfg.loaded && access(app->config_path, F_OK) == 0
	        ? "read: its values win over the same settings made in the app"
	        : "not there (it is optional)");
}

/* The variable that decides the character set: LC_ALL, else LC_CTYPE, else LANG. */
static const char *locale_var(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};

	for (size_t i = 0; i < 3; i++) {
		const char *v = getenv(vars[i]);

		if (v && *v)
			return vars[i];
	}
	return NULL;
}

static void add_terminal(settings_list *l)
{
	const char *term = getenv("TERM"), *var = locale_var(), *now = getenv("BACKPREP_NOW");
	setting *s = add(l, "colour", "Colour", getenv("NO_COLOR") ? SETTING_ENV : SETTING_DEFAULT);

	put(s->value, "%s", getenv("NO_COLOR") ? "off" : "on");
	if (getenv("NO_COLOR"))
		put(s->where, "NO_COLOR is set");
	else
		put(s->where, "default: where the terminal has colours (TERM=%s)",
		    term ? term : "");
	s = add(l, "locale", "Character set", var ? SETTING_ENV : SETTING_DEFAULT);
	put(s->value, "%s", text_codeset());
	put(s->where, "%s%s%s%s", var ? var : "default", var ? "=" : "", var ? getenv(var) : "",
	    text_codeset_is_utf8(text_codeset())
	        ? ""
	        : ": not UTF-8, so the screen is written in ASCII");
	if (now && *now) {
		s = add(l, "clock", "Clock", SETTING_ENV);
		put(s->value, "%s", now);
		put(s->where, "BACKPREP_NOW pins the time");
	}
}

void settings_make(bp_app *app, const app_day *day, settings_list *out)
{
	out->n = 0;
	add_minutes(out, app, day);
	add_new(out, app, day);
	add_interview(out, app, day);
	add_recall(out, app, day);
	add_steps(out, app);
	add_model(out, app);
	add_plan(out, app, day);
	add_files(out, app);
	add_terminal(out);
}

const setting *settings_find(const settings_list *l, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].name, name) == 0)
			return &l->v[i];
	return NULL;
}

/* A whole number of at most 4 digits from lo to hi; -1 when it is not. */
static int whole(const char *t, int lo, int hi)
{
	size_t n = strlen(t);
	int v;

	if (n == 0 || n > 4 || strspn(t, "0123456789") != n)
		return -1;
	v = atoi(t);
	return v >= lo && v <= hi ? v : -1;
}

/* "0.9", "0.85" or ".85" as hundredths from lo to hi; -1 when it is not. */
static int hundredths(const char *t, int lo, int hi)
{
	size_t d;
	int v;

	if (t[0] == '0')
		t++;
	d = strlen(t + 1);
	if (t[0] != '.' || d == 0 || d > 2 || strspn(t + 1, "0123456789") != d)
		return -1;
	v = atoi(t + 1) * (d == 1 ? 10 : 1);
	return v >= lo && v <= hi ? v : -1;
}

/* The typed text as a value to save, or -1 with the reason in e. */
static int parse(const char *name, const char *t, double *v, bp_error *e)
{
	int64_t at;
	int n;

	if (strcmp(name, "daily_minutes") == 0) {
		if ((n = whole(t, 5, 600)) < 0)
			goto bad;
		*v = n;
	} else if (strcmp(name, "new_per_day") == 0) {
		if ((n = whole(t, 0, 100)) < 0)
			goto bad;
		*v = n;
	} else if (strcmp(name, "retention") == 0) {
		if ((n = hundredths(t, 70, 99)) < 0)
			goto bad;
		*v = n / 100.0;
	} else {
		if (strlen(t) != 10 || clock_parse_iso(t, &at) < 0)
			goto bad;
		if (at / 86400 <= clock_local_day(clock_now())) {
			bp_error_set(e, "the interview date must be after today, not %s", t);
			return -1;
		}
		*v = (double)(at / 86400);
	}
	return 0;
bad:
	bp_error_set(e, "'%s' is not %s", t,
	             strcmp(name, "daily_minutes") == 0 ? "minutes a day from 5 to 600"
	             : strcmp(name, "new_per_day") == 0 ? "a number of new questions from 0 to 100"
	             : strcmp(name, "retention") == 0   ? "a retention from 0.70 to 0.99, like 0.90"
	                                                : "a date like 2027-01-15");
	return -1;
}

/* config.yaml's key when it sets `name` (and so wins over the app), else NULL. */
static const char *config_key(const bp_app *app, const char *name)
{
	const bp_config *c = &app->cfg;

	if (strcmp(name, "daily_minutes") == 0)
		return c->daily_minutes > 0 ? "daily_minutes" : NULL;
	if (strcmp(name, "new_per_day") == 0)
		return c->new_per_day >= 0 ? "new_per_day" : NULL;
	if (strcmp(name, "interview_date") == 0)
		return c->interview > 0 ? "interview_date" : NULL;
	return c->has_retention ? "scheduler.retention" : NULL;
}

static bool settable(const char *name)
{
	return strcmp(name, "daily_minutes") == 0 || strcmp(name, "new_per_day") == 0 ||
	       strcmp(name, "interview_date") == 0 || strcmp(name, "retention") == 0;
}

static void raw_get(bp_app *app, const char *key, char *buf, size_t n)
{
	if (store_setting_get(app->st, key, buf, n, NULL) != 1)
		buf[0] = '\0';
}

int settings_set(bp_app *app, const char *name, const char *text, settings_undo *undo, bp_error *e)
{
	settings_undo was;
	const char *key;
	char on_key[64];
	double v = 0;
	int rc;

	if (!settable(name)) {
		bp_error_set(e,
		             "'%s' cannot be set in the app; the settings made in the app are "
		             "daily_minutes, new_per_day, interview_date and retention",
		             name);
		return -1;
	}
	if ((key = config_key(app, name))) {
		bp_error_set(e,
		             "%s is set in config.yaml (%s), which wins over the app: change it "
		             "there",
		             key, app->config_path);
		return -1;
	}
	if (text[0] && parse(name, text, &v, e) < 0)
		return -1;
	snprintf(was.name, sizeof(was.name), "%s", name);
	snprintf(on_key, sizeof(on_key), "set_on.%s", name);
	raw_get(app, name, was.value, sizeof(was.value));
	raw_get(app, on_key, was.set_on, sizeof(was.set_on));
	if (strcmp(name, "daily_minutes") == 0)
		rc = app_set_daily_minutes(app, text[0] ? (int)v : 0, e);
	else if (strcmp(name, "new_per_day") == 0)
		rc = app_set_new_per_day(app, text[0] ? (int)v : -1, e);
	else if (strcmp(name, "retention") == 0)
		rc = app_set_retention(app, text[0] ? v : 0, e);
	else
		rc = app_set_interview(app, text[0] ? (int64_t)v : 0, e);
	if (rc == 0 && undo)
		*undo = was;
	return rc;
}

int settings_undo_edit(bp_app *app, const settings_undo *u, bp_error *e)
{
	char on_key[64];

	if (!settable(u->name)) {
		bp_error_set(e, "nothing to undo");
		return -1;
	}
	snprintf(on_key, sizeof(on_key), "set_on.%s", u->name);
	if (store_setting_set(app->st, u->name, u->value, e) < 0 ||
	    store_setting_set(app->st, on_key, u->set_on, e) < 0)
		return -1;
	app_make_sched(app);
	return 0;
}
