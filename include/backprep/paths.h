/*
 * paths: where backprep keeps things on the user's machine (XDG base directories).
 * The data directory is created 0700 on first use; nothing else here writes.
 */
#ifndef BACKPREP_PATHS_H
#define BACKPREP_PATHS_H

#include <stddef.h>
#include <sys/types.h>

#include "backprep/error.h"

enum { PATHS_MAX = 4096 };

/* $XDG_DATA_HOME/backprep, else $HOME/.local/share/backprep. */
int paths_data_dir(char *buf, size_t n, bp_error *e);

/* $XDG_CONFIG_HOME/backprep, else $HOME/.config/backprep. */
int paths_config_dir(char *buf, size_t n, bp_error *e);

/* The progress file: --db, else $BACKPREP_DB, else <data dir>/progress.db. */
int paths_db(const char *flag, char *buf, size_t n, bp_error *e);

/* Creates dir and its missing parents with `mode`; an existing directory is fine. */
int paths_mkdir_p(const char *dir, mode_t mode, bp_error *e);

/* Directory part of path, into buf ("." when there is none). */
void paths_dirname(const char *path, char *buf, size_t n);

int paths_is_dir(const char *path);

#endif
