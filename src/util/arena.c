/* arena: a bump allocator over a list of blocks. */
#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/arena.h"

enum { BLOCK = 64 * 1024 };

struct arena_block {
	arena_block *next;
	size_t used, size;
	alignas(max_align_t) unsigned char data[];
};

void *arena_alloc(arena *a, size_t n)
{
	arena_block *b = a->head;
	size_t align = alignof(max_align_t);
	void *p;

	n = (n + align - 1) / align * align;
	if (!b || b->size - b->used < n) {
		size_t size = n > BLOCK ? n : BLOCK;

		b = malloc(sizeof(*b) + size);
		if (!b)
			return NULL;
		b->size = size;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

void arena_free(arena *a)
{
	while (a->head) {
		arena_block *next = a->head->next;

		free(a->head);
		a->head = next;
	}
}
