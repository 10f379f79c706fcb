/*
 * arena: many small allocations freed at once. The catalog keeps all its strings in one,
 * so loading is a few large mallocs and unloading is one call.
 */
#ifndef BACKPREP_ARENA_H
#define BACKPREP_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;
typedef struct arena {
	arena_block *head;
} arena;

/* Zeroed memory, aligned for any type; NULL when out of memory. */
void *arena_alloc(arena *a, size_t n);
char *arena_strndup(arena *a, const char *s, size_t n);
void arena_free(arena *a);

#endif
