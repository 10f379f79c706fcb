/* paths: XDG directories and creating them. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "backprep/paths.h"

static int xdg_dir(const char *var, const char *fallback, char *buf, size_t n, bp_error *e)
{
	const char *base = getenv(var);
	const char *home = getenv("HOME");
	int len;

	/* The XDG spec says a relative value is invalid and must be ignored. */
	if (base && base[0] == '/')
		len = snprintf(buf, n, "%s/backprep", base);
	else if (home && home[0])
		len = snprintf(buf, n, "%s/%s/backprep", home, fallback);
	else {
		bp_error_set(e, "neither %s nor HOME is set: cannot tell where to keep progress",
			     var);
		return -1;
	}
	if (len < 0 || (size_t)len >= n) {
		bp_error_set(e, "the path from %s or HOME is too long", var);
		return -1;
	}
	return 0;
}

int paths_data_dir(char *buf, size_t n, bp_error *e)
{
	return xdg_dir("XDG_DATA_HOME", ".local/share", buf, n, e);
}

int paths_config_dir(char *buf, size_t n, bp_error *e)
{
	return xdg_dir("XDG_CONFIG_HOME", ".config", buf, n, e);
}

int paths_db(const char *flag, char *buf, size_t n, bp_error *e)
{
	const char *env = getenv("BACKPREP_DB");
	char dir[PATHS_MAX];
	const char *given = flag && *flag ? flag : env && *env ? env : NULL;

	if (given) {
		if ((size_t)snprintf(buf, n, "%s", given) >= n) {
			bp_error_set(e, "database path is too long");
			return -1;
		}
		return 0;
	}
	if (paths_data_dir(dir, sizeof(dir), e) < 0)
		return -1;
	if ((size_t)snprintf(buf, n, "%s/progress.db", dir) >= n) {
		bp_error_set(e, "database path is too long");
		return -1;
	}
	return 0;
}

int paths_mkdir_p(const char *dir, mode_t mode, bp_error *e)
{
	char tmp[PATHS_MAX];
	size_t len = strlen(dir);

	if (len == 0 || len >= sizeof(tmp)) {
		bp_error_set(e, "bad directory path '%s'", dir);
		return -1;
	}
	memcpy(tmp, dir, len + 1);
	for (char *p = tmp + 1;; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			struct stat st;

			*p = '\0';
			if (mkdir(tmp, mode) < 0 && errno != EEXIST) {
				bp_error_set(e, "cannot create directory %s: %s", tmp, strerror(errno));
				return -1;
			}
			if (stat(tmp, &st) < 0 || !S_ISDIR(st.st_mode)) {
				bp_error_set(e, "cannot create directory %s: %s is not a directory",
					     dir, tmp);
				return -1;
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
	return 0;
}

void paths_dirname(const char *path, char *buf, size_t n)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		snprintf(buf, n, ".");
	else if (slash == path)
		snprintf(buf, n, "/");
	else
		snprintf(buf, n, "%.*s", (int)(slash - path), path);
}

int paths_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
