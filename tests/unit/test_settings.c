/*
 * Tests of src/engine/settings.c: the list the Settings screen and `backprep settings` show
 * says what Today does — the same budget, cap, interview and retention — and where each
 * comes from (the plan, the app, config.yaml). Changes made in the app are checked, can be
 * put back to the default, and undone.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "backprep/app.h"
#include "backprep/clock.h"
#include "backprep/settings.h"
#include "fixture.h"

#define NOW_ISO "2026-11-29T08:00:00Z"

static char conf_dir[128];

/* A fresh app on the shipped content and plan, with config.yaml holding `config` (NULL:
 * none) and a progress file in the test's directory. */
static void open_app(bp_app *app, const char *config)
{
	const char *root = getenv("BACKPREP_FIXTURES");
	static char content[600];
	app_opts o = {0};
	bp_error e;

	snprintf(content, sizeof(content), "%s/../../content",
	         root && *root ? root : "tests/fixtures");
	snprintf(conf_dir, sizeof(conf_dir), "%s/config", fixture_dir);
	setenv("XDG_CONFIG_HOME", conf_dir, 1);
	if (config) {
		char path[256];
		FILE *f;

		snprintf(path, sizeof(path), "%s/backprep", conf_dir);
		assert_int_equal(paths_mkdir_p(path, 0700, &e), 0);
		strcat(path, "/config.yaml");
		assert_non_null(f = fopen(path, "w"));
		fputs(config, f);
		fclose(f);
	}
	o.db = fixture_db;
	o.content[o.n_content++] = content;
	if (app_open(app, &o, &e) < 0)
		fail_msg("app_open: %s", e.msg);
}

/* Today and the settings list, as the screen builds them. */
static void today_and_list(bp_app *app, app_day *day, settings_list *l)
{
	bp_error e;

	if (app_today(app, day, &e) < 0)
		fail_msg("app_today: %s", e.msg);
	settings_make(app, day, l);
	/* a full list would write its last settings over one another */
	assert_true(l->n < SETTINGS_MAX);
	for (size_t i = 0; i < l->n; i++)
		assert_non_null(l->v[i].name);
}

static const setting *get(const settings_list *l, const char *name)
{
	const setting *s = settings_find(l, name);

	if (!s)
		fail_msg("no setting %s in the list", name);
	return s;
}

static void set_ok(bp_app *app, const char *name, const char *text, settings_undo *undo)
{
	bp_error e;

	if (settings_set(app, name, text, undo, &e) < 0)
		fail_msg("settings_set %s %s: %s", name, text, e.msg);
}

/* "Why is my budget 45?": the value is Today's budget, whichever place it comes from. */
static void test_budget_is_todays_and_says_where_from(void **state)
{
	static settings_list l;
	app_day day;
	bp_app app;

	(void)state;
	open_app(&app, NULL);
	today_and_list(&app, &day, &l);
	assert_int_equal(atoi(get(&l, "daily_minutes")->value), day.budget);
	assert_int_equal(get(&l, "daily_minutes")->source, SETTING_PLAN);
	assert_non_null(strstr(get(&l, "daily_minutes")->where, "week 1"));
	assert_true(get(&l, "daily_minutes")->editable);
	app_day_free(&day);

	set_ok(&app, "daily_minutes", "45", NULL);
	today_and_list(&app, &day, &l);
	assert_int_equal(day.budget, 45);
	assert_string_equal(get(&l, "daily_minutes")->value, "45");
	assert_int_equal(get(&l, "daily_minutes")->source, SETTING_APP);
	assert_string_equal(get(&l, "daily_minutes")->where, "set in the app on 2026-11-29");
	app_day_free(&day);
	app_close(&app);
}

static void test_config_wins_and_is_shown_with_its_path(void **state)
{
	static settings_list l;
	char want[300];
	app_day day;
	bp_app app;
	bp_error e;

	(void)state;
	open_app(&app, "daily_minutes: 50\nnew_per_day: 2\nscheduler:\n  retention: 0.8\n");
	set_ok(&app, "interview_date", "2027-01-15", NULL);
	today_and_list(&app, &day, &l);
	snprintf(want, sizeof(want), "daily_minutes in config.yaml: %s/backprep/config.yaml",
	         conf_dir);
	assert_int_equal(day.budget, 50);
	assert_string_equal(get(&l, "daily_minutes")->value, "50");
	assert_int_equal(get(&l, "daily_minutes")->source, SETTING_CONFIG);
	assert_string_equal(get(&l, "daily_minutes")->where, want);
	assert_false(get(&l, "daily_minutes")->editable);
	assert_string_equal(get(&l, "new_per_day")->value, "2");
	assert_int_equal(day.new_per_day - day.extra_new, 2);
	assert_string_equal(get(&l, "retention")->value, "0.80");
	assert_int_equal(get(&l, "retention")->source, SETTING_CONFIG);
	/* what config.yaml sets is refused in the app, with where to change it */
	assert_int_equal(settings_set(&app, "daily_minutes", "30", NULL, &e), -1);
	assert_non_null(strstr(e.msg, "config.yaml"));
	/* the interview, set in the app, is still the app's */
	assert_string_equal(get(&l, "interview_date")->value, "2027-01-15");
	assert_int_equal(get(&l, "interview_date")->source, SETTING_APP);
	assert_true(get(&l, "interview_date")->editable);
	app_day_free(&day);
	app_close(&app);
}

/* A cap on new questions set in the app caps Today's queue; reset, the plan paces again. */
static void test_new_per_day_caps_the_queue(void **state)
{
	static settings_list l;
	app_day day;
	bp_app app;
	size_t fresh;

	(void)state;
	open_app(&app, NULL);
	set_ok(&app, "new_per_day", "2", NULL);
	today_and_list(&app, &day, &l);
	fresh = day.q.n - day.q.reviews;
	assert_true(day.plan.new_capped);
	assert_int_equal(fresh, 2);
	assert_string_equal(get(&l, "new_per_day")->value, "2");
	assert_int_equal(get(&l, "new_per_day")->source, SETTING_APP);
	app_day_free(&day);

	set_ok(&app, "new_per_day", "", NULL);
	today_and_list(&app, &day, &l);
	assert_false(day.plan.new_capped);
	assert_true(day.q.n - day.q.reviews > 2);
	assert_string_equal(get(&l, "new_per_day")->value, "none");
	app_day_free(&day);
	app_close(&app);
}

/* The retention set in the app is the scheduler's, at once and on the next open. */
static void test_retention_reaches_the_scheduler(void **state)
{
	static settings_list l;
	app_day day;
	bp_app app;

	(void)state;
	open_app(&app, NULL);
	assert_true(app.sched.base.retention > 0.899 && app.sched.base.retention < 0.901);
	set_ok(&app, "retention", "0.85", NULL);
	assert_true(app.sched.base.retention > 0.849 && app.sched.base.retention < 0.851);
	assert_true(app.sched.by_class[KIND_CODING].retention > 0.849);
	app_close(&app);
	open_app(&app, NULL);
	assert_true(app.sched.base.retention > 0.849 && app.sched.base.retention < 0.851);
	today_and_list(&app, &day, &l);
	assert_string_equal(get(&l, "retention")->value, "0.85");
	assert_int_equal(get(&l, "retention")->source, SETTING_APP);
	app_day_free(&day);
	app_close(&app);
}

static void test_bad_values_are_refused_with_what_is_wanted(void **state)
{
	static const struct {
		const char *name, *text, *says;
	} cases[] = {
	    {"daily_minutes", "3", "from 5 to 600"},
	    {"daily_minutes", "45x", "from 5 to 600"},
	    {"new_per_day", "101", "from 0 to 100"},
	    {"retention", "0.5", "0.70 to 0.99"},
	    {"retention", "90", "0.70 to 0.99"},
	    {"interview_date", "2026-11-29", "after today"},
	    {"interview_date", "15/01/2027", "a date like"},
	    {"steps.open", "1m", "cannot be set in the app"},
	};
	bp_app app;
	bp_error e;
	char buf[32];

	(void)state;
	open_app(&app, NULL);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (settings_set(&app, cases[i].name, cases[i].text, NULL, &e) == 0)
			fail_msg("%s '%s' was accepted", cases[i].name, cases[i].text);
		if (!strstr(e.msg, cases[i].says))
			fail_msg("%s '%s': \"%s\" does not say \"%s\"", cases[i].name,
			         cases[i].text, e.msg, cases[i].says);
	}
	/* nothing was written */
	assert_int_equal(store_setting_get(app.st, "daily_minutes", buf, sizeof(buf), &e), 0);
	app_close(&app);
}

/* Each change can be undone, newest first, back to the default. */
static void test_changes_undo_newest_first(void **state)
{
	static settings_list l;
	settings_undo u1, u2;
	app_day day;
	bp_app app;
	bp_error e;
	int plan_minutes;

	(void)state;
	open_app(&app, NULL);
	today_and_list(&app, &day, &l);
	plan_minutes = day.budget;
	app_day_free(&day);
	set_ok(&app, "daily_minutes", "45", &u1);
	set_ok(&app, "daily_minutes", "", &u2); /* back to the default */
	today_and_list(&app, &day, &l);
	assert_int_equal(day.budget, plan_minutes);
	assert_int_equal(get(&l, "daily_minutes")->source, SETTING_PLAN);
	app_day_free(&day);
	assert_int_equal(settings_undo_edit(&app, &u2, &e), 0);
	today_and_list(&app, &day, &l);
	assert_int_equal(day.budget, 45);
	assert_string_equal(get(&l, "daily_minutes")->where, "set in the app on 2026-11-29");
	app_day_free(&day);
	assert_int_equal(settings_undo_edit(&app, &u1, &e), 0);
	today_and_list(&app, &day, &l);
	assert_int_equal(day.budget, plan_minutes);
	assert_int_equal(get(&l, "daily_minutes")->source, SETTING_PLAN);
	app_day_free(&day);
	app_close(&app);
}

/* Paths and variables are shown made visible: an escape sequence is never sent. */
static void test_paths_and_variables_are_sanitised(void **state)
{
	static settings_list l;
	app_day day;
	bp_app app;

	(void)state;
	setenv("TERM", "xterm\x1b[31m", 1);
	open_app(&app, NULL);
	today_and_list(&app, &day, &l);
	assert_null(strchr(get(&l, "colour")->where, '\x1b'));
	assert_non_null(strstr(get(&l, "colour")->where, "\\x1b[31m"));
	app_day_free(&day);
	app_close(&app);
	setenv("TERM", "xterm", 1);
}

static int setup_group(void **state)
{
	bp_error e;

	(void)state;
	setenv("BACKPREP_NOW", NOW_ISO, 1);
	setenv("TZ", "UTC", 1);
	unsetenv("NO_COLOR");
	unsetenv("BACKPREP_DB");
	unsetenv("BACKPREP_CONTENT");
	return clock_init(&e);
}

#define D(f) cmocka_unit_test_setup_teardown(f, fixture_dir_setup, fixture_dir_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    D(test_budget_is_todays_and_says_where_from),
	    D(test_config_wins_and_is_shown_with_its_path),
	    D(test_new_per_day_caps_the_queue),
	    D(test_retention_reaches_the_scheduler),
	    D(test_bad_values_are_refused_with_what_is_wanted),
	    D(test_changes_undo_newest_first),
	    D(test_paths_and_variables_are_sanitised),
	};

	return cmocka_run_group_tests(tests, setup_group, NULL);
}
