/*
 * ytree: a YAML file read with libyaml's event API into a small tree of maps, sequences and
 * scalars, each with its line and column. The limits of DESIGN.md ("Faults and bad input")
 * are enforced while parsing, so a hostile file costs no more than its size.
 * Private to src/content.
 */
#ifndef BACKPREP_YTREE_H
#define BACKPREP_YTREE_H

#include <stdbool.h>
#include <stddef.h>

#include "backprep/error.h"

enum {
	YTREE_MAX_FILE = 1024 * 1024,
	YTREE_MAX_DEPTH = 32,
	YTREE_MAX_SCALAR = 64 * 1024,
};

typedef enum { YN_SCALAR, YN_SEQ, YN_MAP } ynode_type;

typedef struct ynode {
	ynode_type type;
	int line, col; /* 1-based */
	char *str;     /* scalar text, NUL-terminated (may hold NULs: see len) */
	size_t len;
	bool plain; /* a plain (unquoted, not block) scalar: may read as a number, bool or null */
	struct ynode **kids; /* a map holds key, value, key, value, ... */
	size_t n, cap;
} ynode;

/* Reads a whole file under the size limit into a malloc'd, NUL-terminated buffer. */
int ytree_read_file(const char *path, char **buf, size_t *len, bp_error *e);

/* Parses buf into *root (NULL for an empty document). `file` names it in errors. A UTF-8
 * byte-order mark starting buf is skipped; a key holding a NUL byte is an error. */
int ytree_parse(const char *file, const char *buf, size_t len, ynode **root, bp_error *e);

void ytree_free(ynode *n);

/* The value for `key` in a map, or NULL. */
const ynode *ytree_get(const ynode *map, const char *key);

const char *ytree_type_name(ynode_type t);

#endif
