/* ytree: libyaml events into a tree, with the limits of DESIGN.md. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "backprep/text.h"
#include "ytree.h"

int ytree_read_file(const char *path, char **buf, size_t *len, bp_error *e)
{
	struct stat st;
	size_t got = 0;
	char *b;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		bp_error_at(e, path, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		bp_error_at(e, path, 0, 0, "not a regular file");
		close(fd);
		return -1;
	}
	if (st.st_size > YTREE_MAX_FILE) {
		bp_error_at(e, path, 0, 0, "file is %.1f MiB; a content file may be at most 1 MiB",
			    (double)st.st_size / (1024.0 * 1024.0));
		close(fd);
		return -1;
	}
	b = malloc((size_t)st.st_size + 1);
	if (!b) {
		bp_error_at(e, path, 0, 0, "out of memory");
		close(fd);
		return -1;
	}
	/* Read to EOF but never past the limit, in case the file grows under us. */
	for (;;) {
		ssize_t r = read(fd, b + got, (size_t)st.st_size - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			bp_error_at(e, path, 0, 0, "cannot read: %s", strerror(errno));
			free(b);
			close(fd);
			return -1;
		}
		if (r == 0)
			break;
		got += (size_t)r;
		if (got == (size_t)st.st_size)
			break;
	}
	close(fd);
	b[got] = '\0';
	*buf = b;
	*len = got;
	return 0;
}

const char *ytree_type_name(ynode_type t)
{
	return t == YN_MAP ? "a map" : t == YN_SEQ ? "a list" : "text";
}

void ytree_free(ynode *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->n; i++)
		ytree_free(n->kids[i]);
	free(n->kids);
	free(n->str);
	free(n);
}

const ynode *ytree_get(const ynode *map, const char *key)
{
	if (!map || map->type != YN_MAP)
		return NULL;
	for (size_t i = 0; i + 1 < map->n; i += 2)
		if (strcmp(map->kids[i]->str, key) == 0)
			return map->kids[i + 1];
	return NULL;
}

/* Line and column (in characters) of a byte offset, for reader errors that carry only one. */
static void offset_pos(const char *buf, size_t len, size_t off, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off && i < len; i++) {
		unsigned char c = (unsigned char)buf[i];

		if (c == '\n') {
			++*line;
			*col = 1;
		} else if ((c & 0xc0) != 0x80) {
			++*col;
		}
	}
}

static void parser_error(const yaml_parser_t *p, const char *file, const char *buf, size_t len,
			 bp_error *e)
{
	int line, col;

	if (p->error == YAML_READER_ERROR) {
		offset_pos(buf, len, p->problem_offset, &line, &col);
		if (p->problem_value != -1)
			bp_error_at(e, file, line, col, "invalid text: %s (byte 0x%02X)",
				    p->problem ? p->problem : "bad encoding", p->problem_value & 0xff);
		else
			bp_error_at(e, file, line, col, "invalid text: %s",
				    p->problem ? p->problem : "bad encoding");
		return;
	}
	if (p->error == YAML_MEMORY_ERROR) {
		bp_error_at(e, file, 0, 0, "out of memory while parsing");
		return;
	}
	line = (int)p->problem_mark.line + 1;
	col = (int)p->problem_mark.column + 1;
	if (p->context)
		bp_error_at(e, file, line, col, "syntax error: %s %s", p->problem ? p->problem : "",
			    p->context);
	else
		bp_error_at(e, file, line, col, "syntax error: %s", p->problem ? p->problem : "");
}

static ynode *node_new(ynode_type t, const yaml_mark_t *m)
{
	ynode *n = calloc(1, sizeof(*n));

	if (n) {
		n->type = t;
		n->line = (int)m->line + 1;
		n->col = (int)m->column + 1;
	}
	return n;
}

static int node_add(ynode *parent, ynode *kid)
{
	if (parent->n == parent->cap) {
		size_t cap = parent->cap ? parent->cap * 2 : 8;
		ynode **v = realloc(parent->kids, cap * sizeof(*v));

		if (!v)
			return -1;
		parent->kids = v;
		parent->cap = cap;
	}
	parent->kids[parent->n++] = kid;
	return 0;
}

/* Checks what every node must not carry, and the key rules of maps. */
static int check_props(const char *file, const yaml_event_t *ev, bp_error *e)
{
	const yaml_char_t *anchor = NULL, *tag = NULL;
	int line = (int)ev->start_mark.line + 1, col = (int)ev->start_mark.column + 1;

	if (ev->type == YAML_SCALAR_EVENT) {
		anchor = ev->data.scalar.anchor;
		tag = ev->data.scalar.tag;
	} else if (ev->type == YAML_SEQUENCE_START_EVENT) {
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
	} else if (ev->type == YAML_MAPPING_START_EVENT) {
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
	}
	if (anchor) {
		bp_error_at(e, file, line, col, "anchors (&%s) are not allowed in content files",
			    (const char *)anchor);
		return -1;
	}
	if (tag) {
		bp_error_at(e, file, line, col, "tags (%s) are not allowed in content files",
			    (const char *)tag);
		return -1;
	}
	return 0;
}

static int attach(const char *file, ynode **stack, int depth, ynode **root, ynode *n,
		  bp_error *e)
{
	ynode *parent;

	if (depth == 0) {
		*root = n;
		return 0;
	}
	parent = stack[depth - 1];
	if (parent->type == YN_MAP && parent->n % 2 == 0) {
		if (n->type != YN_SCALAR) {
			bp_error_at(e, file, n->line, n->col, "a key must be plain text");
			ytree_free(n);
			return -1;
		}
		if (strlen(n->str) != n->len) {
			/* compared as C strings, "prompt\0junk" would pass for "prompt" */
			char q[64];

			text_visible(n->str, n->len, q, sizeof(q));
			bp_error_at(e, file, n->line, n->col, "a key must not hold a NUL byte: '%s'",
				    q);
			ytree_free(n);
			return -1;
		}
		if (ytree_get(parent, n->str)) {
			bp_error_at(e, file, n->line, n->col, "duplicate key '%s'", n->str);
			ytree_free(n);
			return -1;
		}
	}
	if (node_add(parent, n) < 0) {
		bp_error_at(e, file, n->line, n->col, "out of memory");
		ytree_free(n);
		return -1;
	}
	return 0;
}

static int on_event(const char *file, const yaml_event_t *ev, ynode **stack, int *depth,
		    int *docs, ynode **root, bp_error *e)
{
	int line = (int)ev->start_mark.line + 1, col = (int)ev->start_mark.column + 1;
	ynode *n;

	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++*docs > 1) {
			bp_error_at(e, file, line, col, "only one document per file is allowed");
			return -1;
		}
		return 0;
	case YAML_ALIAS_EVENT:
		bp_error_at(e, file, line, col, "aliases (*%s) are not allowed in content files",
			    (const char *)ev->data.alias.anchor);
		return -1;
	case YAML_SCALAR_EVENT:
		if (check_props(file, ev, e) < 0)
			return -1;
		if (ev->data.scalar.length > YTREE_MAX_SCALAR) {
			bp_error_at(e, file, line, col, "text of %zu KiB; at most 64 KiB is allowed",
				    ev->data.scalar.length / 1024);
			return -1;
		}
		n = node_new(YN_SCALAR, &ev->start_mark);
		if (n) {
			n->len = ev->data.scalar.length;
			n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			n->str = malloc(n->len + 1);
			if (n->str) {
				memcpy(n->str, ev->data.scalar.value, n->len);
				n->str[n->len] = '\0';
			}
		}
		if (!n || !n->str) {
			ytree_free(n);
			bp_error_at(e, file, line, col, "out of memory");
			return -1;
		}
		return attach(file, stack, *depth, root, n, e);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (check_props(file, ev, e) < 0)
			return -1;
		if (*depth >= YTREE_MAX_DEPTH) {
			bp_error_at(e, file, line, col, "nested deeper than %d levels",
				    YTREE_MAX_DEPTH);
			return -1;
		}
		n = node_new(ev->type == YAML_MAPPING_START_EVENT ? YN_MAP : YN_SEQ,
			     &ev->start_mark);
		if (!n) {
			bp_error_at(e, file, line, col, "out of memory");
			return -1;
		}
		if (attach(file, stack, *depth, root, n, e) < 0)
			return -1;
		stack[(*depth)++] = n;
		return 0;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		--*depth;
		return 0;
	default:
		return 0;
	}
}

int ytree_parse(const char *file, const char *buf, size_t len, ynode **root, bp_error *e)
{
	yaml_parser_t p;
	yaml_event_t ev;
	ynode *stack[YTREE_MAX_DEPTH + 1];
	int depth = 0, docs = 0, rc = 0;
	bool done = false;

	*root = NULL;
	/* Editors on Windows start files with a byte-order mark; with the encoding set, libyaml
	 * would take it for text. Skipped, it is not counted: columns stay as the reader sees. */
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	if (!yaml_parser_initialize(&p)) {
		bp_error_at(e, file, 0, 0, "out of memory");
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			parser_error(&p, file, buf, len, e);
			rc = -1;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		rc = on_event(file, &ev, stack, &depth, &docs, root, e);
		yaml_event_delete(&ev);
		if (rc < 0)
			break;
	}
	yaml_parser_delete(&p);
	if (rc < 0) {
		ytree_free(*root);
		*root = NULL;
	}
	return rc;
}
