/* The catalog's insides, shared by the readers of src/content. Private to src/content. */
#ifndef BACKPREP_CATALOG_IMPL_H
#define BACKPREP_CATALOG_IMPL_H

#include "backprep/arena.h"
#include "backprep/catalog.h"
#include "schema.h"

struct catalog {
	arena ar;
	bp_item *items;
	size_t n_items, cap_items;
	bp_pack *packs;
	size_t n_packs, cap_packs;
	size_t *index; /* open addressing over item ids: slot -> item number + 1 (0 = empty) */
	size_t index_cap;
	bp_plan plan;
	bool has_plan;
	const char **tips;
	size_t n_tips;
	size_t n_files;
	bp_diags quality; /* found while loading, reported by catalog_check_quality */
	bool seen_rubrics, seen_mocks, seen_recruiter;
	bp_rubric *rubrics;
	size_t n_rubrics;
	bp_mock *mocks;
	size_t n_mocks;
	bp_question *questions;
	size_t n_questions;
};

/* Index of the item with this id, or -1. */
long catalog_lookup(const catalog *c, const char *id);
int catalog_index_put(catalog *c, size_t item);
int catalog_index_rebuild(catalog *c);
bp_item *catalog_new_item(catalog *c);

/* Readers of one parsed file each: they add to c and report problems through s. */
void pack_read(catalog *c, sctx *s, const ynode *root);
void plan_read(catalog *c, sctx *s, const ynode *root);
void tips_read(catalog *c, sctx *s, const ynode *root);
void rubrics_read(catalog *c, sctx *s, const ynode *root);
void mocks_read(catalog *c, sctx *s, const ynode *root);
void recruiter_read(catalog *c, sctx *s, const ynode *root);

/* A coding item's signature, then its tests (codetest.c); the tests need the signature. */
void codetest_read_signature(sctx *s, const ynode *n, const char *what, bp_item *it);
void codetest_read_tests(sctx *s, const ynode *n, const char *what, bp_item *it);

/* After every file: mocks name rubrics that exist. */
void rounds_check_refs(catalog *c, bp_diags *diags);

/* Helpers shared by the readers of the non-pack files. */
bool s_list(sctx *s, const ynode *n, const char *key);
void s_check_slug(sctx *s, const ynode *m, const char *what);

#endif
