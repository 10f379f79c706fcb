/* notes: a mock segment's notes in the person's $EDITOR, with the screen stepping aside. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "backprep/paths.h"
#include "mock_ui.h"
#include "term.h"

static void say(tui *t, bool bad, const char *what, const bp_error *e)
{
	char buf[1100];

	if (e)
		snprintf(t->msg, sizeof(t->msg), "%s: %s", what, bp_error_str(e, buf, sizeof(buf)));
	else
		snprintf(t->msg, sizeof(t->msg), "%s", what);
	t->msg_bad = bad;
}

/* Reads the notes file back, cleaned; NULL when it cannot (or is too long: *too_long). */
static char *read_notes(const char *path, bool *too_long)
{
	FILE *f = fopen(path, "r");
	char *buf, *clean;
	size_t n;

	*too_long = false;
	if (!f)
		return NULL;
	buf = malloc(MOCK_NOTES_MAX + 1);
	n = buf ? fread(buf, 1, MOCK_NOTES_MAX + 1, f) : 0;
	fclose(f);
	if (!buf)
		return NULL;
	if (n > MOCK_NOTES_MAX) {
		*too_long = true;
		free(buf);
		return NULL;
	}
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		n--;
	clean = text_clean(buf, n);
	free(buf);
	return clean;
}

void mock_ui_edit_notes(tui *t, mock_round *r)
{
	const mock_seg *g = mock_segment(r, mock_current(r));
	const char *editor, *tmp = getenv("TMPDIR");
	char path[PATHS_MAX], *notes;
	bool too_long, written;
	FILE *f;
	int fd, rc;
	bp_error e;

	if ((size_t)snprintf(path, sizeof(path), "%s/backprep-round%lld-segment%d-XXXXXX.txt",
			     tmp && *tmp ? tmp : "/tmp", (long long)mock_id(r),
			     mock_current(r) + 1) >= sizeof(path) ||
	    (fd = mkstemps(path, 4)) < 0) {
		say(t, true, "Cannot make a notes file in $TMPDIR (or /tmp).", NULL);
		return;
	}
	/* the notes so far, to go on from */
	f = fdopen(fd, "w");
	written = f && fputs(g->notes, f) >= 0;
	if (f)
		written = fclose(f) == 0 && written;
	else
		close(fd);
	if (!written || (rc = term_edit(path, &editor)) == -2) {
		unlink(path);
		say(t, true, "Cannot write the notes file for the editor.", NULL);
		return;
	}
	notes = read_notes(path, &too_long);
	unlink(path);
	/* ended by SIGTERM or SIGHUP: keep what the editor last wrote, and let backprep end */
	if (!term_stop_signal() && (rc == -1 || (WIFEXITED(rc) && WEXITSTATUS(rc) == 127))) {
		snprintf(t->msg, sizeof(t->msg), "Could not run the editor '%.200s': set $EDITOR.",
			 editor);
		t->msg_bad = true;
	} else if (too_long) {
		say(t, true, "The notes are over 64 KiB and were not kept; the earlier ones stay.",
		    NULL);
	} else if (!notes) {
		say(t, true, "Cannot read the notes back; the earlier ones stay.", NULL);
	} else if (mock_set_notes(r, notes, &e) < 0) {
		say(t, true, "Notes NOT saved", &e);
	} else {
		say(t, false, "Notes saved with the round.", NULL);
	}
	free(notes);
}
