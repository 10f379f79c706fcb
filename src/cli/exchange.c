/* exchange: `export` and `import`, the command-line side of src/exchange. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backprep/exchange.h"
#include "backprep/replay.h"
#include "backprep/text.h"
#include "cli.h"

enum format { FORMAT_JSON, FORMAT_CSV };

static int write_export(store *st, enum format format, FILE *f, bp_error *e)
{
	size_t bytes = 0;

	if (format == FORMAT_CSV)
		return exchange_write_csv(st, f, e);
	if (exchange_write_json(st, f, &bytes, e) < 0)
		return -1;
	if (bytes > EXCHANGE_MAX_BYTES)
		fprintf(stderr,
		        "backprep: warning: this export is %zu MiB; import reads at most %d MiB\n",
		        bytes >> 20, EXCHANGE_MAX_BYTES >> 20);
	return 0;
}

/* Writes to "<path>.tmp" and renames it over path once it is whole and on disk, so that a
 * failed export leaves no half file. */
static int export_to_file(store *st, enum format format, const char *path, bp_error *e)
{
	char tmp[PATHS_MAX];
	FILE *f = NULL;
	int fd;

	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= sizeof(tmp)) {
		bp_error_set(e, "%s: the path is too long", path);
		return -1;
	}
	/* 0600: the export is the person's progress, as private as the database's directory */
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 || !(f = fdopen(fd, "w"))) {
		bp_error_set(e, "cannot write %s: %s", tmp, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		return -1;
	}
	if (write_export(st, format, f, e) < 0)
		goto fail;
	if (fflush(f) == EOF || fsync(fd) < 0) {
		bp_error_set(e, "cannot write %s: %s", tmp, strerror(errno));
		goto fail;
	}
	if (fclose(f) == EOF) {
		f = NULL;
		bp_error_set(e, "cannot write %s: %s", tmp, strerror(errno));
		goto fail;
	}
	f = NULL;
	if (rename(tmp, path) < 0) {
		bp_error_set(e, "cannot rename %s to %s: %s", tmp, path, strerror(errno));
		goto fail;
	}
	return 0;
fail:
	if (f)
		fclose(f);
	unlink(tmp);
	return -1;
}

static int export_to_stdout(store *st, enum format format, bp_error *e)
{
	if (write_export(st, format, stdout, e) < 0)
		return -1;
	if (fflush(stdout) == EOF || ferror(stdout)) {
		bp_error_set(e, "cannot write the export: %s", strerror(errno));
		return -1;
	}
	return 0;
}

int cmd_export(const app_opts *o, int argc, char **argv)
{
	enum format format = FORMAT_JSON;
	const char *out = NULL;
	bp_app app;
	bp_error e;
	int rc;

	for (int i = 0; i < argc; i++) {
		const char *v = NULL;

		if (strncmp(argv[i], "--format=", 9) == 0)
			v = argv[i] + 9;
		else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
			v = argv[++i];
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (strcmp(argv[i], "--format") == 0 || strcmp(argv[i], "-o") == 0)
			return cli_usage_error("option '%s' needs a value", argv[i]);
		else
			return cli_usage_error("unknown argument '%s' for export", argv[i]);
		if (v && strcmp(v, "json") == 0)
			format = FORMAT_JSON;
		else if (v && strcmp(v, "csv") == 0)
			format = FORMAT_CSV;
		else if (v)
			return cli_usage_error("unknown export format '%s' (json or csv)", v);
	}
	/* read-only: no lock, so that it works while the trainer is open */
	if (cli_open(&app, o, true))
		return 1;
	rc = out ? export_to_file(app.st, format, out, &e) : export_to_stdout(app.st, format, &e);
	app_close(&app);
	return rc < 0 ? cli_fail(&e) : 0;
}

int cmd_import(const app_opts *o, int argc, char **argv)
{
	exchange_file *x;
	exchange_counts n;
	bp_app app;
	bp_error e;

	if (argc != 1) {
		fprintf(stderr, "backprep: import needs one file, the JSON that export wrote\n");
		cli_usage(stderr);
		return EXIT_USAGE;
	}
	/* the whole file is checked before the database is even opened: a refused file
	 * writes nothing, not even a new empty database */
	if (exchange_read(argv[0], &x, &e) < 0)
		return cli_fail(&e);
	if (cli_open_writable(&app, o, "import into")) {
		exchange_free(x);
		return 1;
	}
	if (exchange_merge(app.st, app.cat, &app.sched, x, &n, &e) < 0) {
		exchange_free(x);
		app_close(&app);
		return cli_fail(&e);
	}
	exchange_free(x);
	app_close(&app);
	printf("imported %zu %s (%zu already present)", n.added,
	       text_plural((long long)n.added, "review", "reviews"), n.present);
	if (n.events)
		printf(", %zu flag %s", n.events,
		       text_plural((long long)n.events, "event", "events"));
	printf("; %zu %s rebuilt\n", n.cards, text_plural((long long)n.cards, "card", "cards"));
	if (n.mocks_added || n.mocks_present)
		printf("imported %zu %s (%zu already present)\n", n.mocks_added,
		       text_plural((long long)n.mocks_added, "mock round", "mock rounds"),
		       n.mocks_present);
	return 0;
}
