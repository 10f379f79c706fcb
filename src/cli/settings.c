/* settings: every setting in force and where it comes from; set or reset the ones made in
 * the app. The same list as the Settings screen (settings.h). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/settings.h"
#include "backprep/text.h"
#include "cli.h"

static void print_json(const settings_list *l)
{
	json_t *root = json_object(), *v = json_array();

	for (size_t i = 0; i < l->n; i++) {
		const setting *s = &l->v[i];

		json_array_append_new(v, json_pack("{s:s, s:s, s:s, s:s, s:s, s:b}", "name",
		                                   s->name, "label", s->label, "value", s->value,
		                                   "source", settings_source_name(s->source),
		                                   "where", s->where, "editable", s->editable));
	}
	json_object_set_new(root, "settings", v);
	json_dumpf(root, stdout, JSON_INDENT(2));
	putchar('\n');
	json_decref(root);
}

static void print_line(const setting *s)
{
	printf("%-16s %-11s %s%s\n", s->name, s->value, s->where,
	       s->editable ? " [can be set]" : "");
}

static void print_text(const settings_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		print_line(&l->v[i]);
	printf("\n[can be set]: backprep settings --set NAME VALUE, or on the Settings screen "
	       "(S on Today);\nbackprep settings --reset NAME puts the default back.\n");
}

/* Lists the settings, or after --set / --reset, the one changed. */
static int show(bp_app *app, const char *only, bool json)
{
	settings_list *l = calloc(1, sizeof(*l));
	app_day day;
	bp_error e;

	if (!l) {
		bp_error_set(&e, "out of memory while listing the settings");
		return cli_fail(&e);
	}
	if (app_today(app, &day, &e) < 0) {
		free(l);
		return cli_fail(&e);
	}
	settings_make(app, &day, l);
	if (json)
		print_json(l);
	else if (only && settings_find(l, only))
		print_line(settings_find(l, only));
	else
		print_text(l);
	app_day_free(&day);
	free(l);
	return 0;
}

int cmd_settings(const app_opts *o, int argc, char **argv)
{
	const char *name = NULL, *value = NULL;
	bool json = false;
	bp_app app;
	bp_error e;
	int rc;

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = true;
		else if (strcmp(argv[i], "--set") == 0 && i + 2 < argc && !name && argv[i + 2][0])
			name = argv[i + 1], value = argv[i + 2], i += 2;
		else if (strcmp(argv[i], "--reset") == 0 && i + 1 < argc && !name)
			name = argv[++i], value = "";
		else
			return cli_usage_error("unknown argument '%s' for settings", argv[i]);
	}
	if (!name) {
		if (cli_open(&app, o, true))
			return 1;
		rc = show(&app, NULL, json);
		app_close(&app);
		return rc;
	}
	if (cli_open_writable(&app, o, "change a setting in"))
		return 1;
	if (settings_set(&app, name, value, NULL, &e) < 0) {
		app_close(&app);
		return cli_fail(&e);
	}
	rc = show(&app, name, json);
	app_close(&app);
	return rc;
}
