/* The insides of a read export, shared by src/exchange files. Private to src/exchange. */
#ifndef BACKPREP_EXCHANGE_IMPL_H
#define BACKPREP_EXCHANGE_IMPL_H

#include <jansson.h>
#include <stdbool.h>

#include "backprep/exchange.h"
#include "backprep/store_mock.h"

/* A setting made in the app; the strings live in the document. */
typedef struct exchange_setting {
	const char *key, *value;
} exchange_setting;

/*
 * Twins are reviews with the same item, revision, time and grade: what merging compares.
 * A log may hold real twins (Again twice within one second), so merging keeps each review as
 * often as the file or the log has it, whichever is more: importing a file twice adds nothing,
 * and no answer is lost.
 */
struct exchange_file {
	json_t *doc;           /* the parsed document; owns every string below */
	store_review *reviews; /* in file order */
	size_t *nth;           /* how many twins come before each in the file */
	size_t *first;         /* the index of each review's first twin in the file */
	size_t n_reviews;
	store_event *events;   /* flags and resets; a version 1 file's item flags become events
				* at its exported_at */
	size_t n_events;
	char plan_start[16]; /* "YYYY-MM-DD", or "" when the file has none */
	char interview[16];
	exchange_setting *settings; /* version 2 on */
	size_t n_settings;
	store_mock_import *mocks; /* each with its own segs and scores, malloc'd */
	size_t n_mocks;
};

/* Where in the document a value is, for messages: "" (the top), "reviews[3]", "plan". */
typedef struct place {
	const char *file;
	char at[64];
} place;

/*
 * The checks every reader of the document shares (import.c). Each refuses a value with its
 * place and the reason ("reviews[3].grade must be an integer from 1 to 4, not 5"), never
 * echoing text from the file, and returns -1; 0 when the value is good.
 */
bool exchange_id_ok(const char *s);
int exchange_refuse(const place *p, const char *key, const json_t *v, const char *want,
                    const char *shown, bp_error *e);
int exchange_get_int(const place *p, const json_t *o, const char *key, bool required, long lo,
                     long hi, int *out, bp_error *e);
int exchange_get_id(const place *p, const json_t *o, const char *key, const char **out,
                    bp_error *e);
int exchange_get_bool(const place *p, const json_t *o, const char *key, bool *out, bp_error *e);

enum {
	TIME_NULLABLE = 1, /* absent or null is 0 */
	TIME_DONE = 2,     /* something done: from 2000-01-01 to a day after the clock */
};
int exchange_get_time(const place *p, const json_t *o, const char *key, unsigned flags,
                      int64_t *out, bp_error *e);

/* The settings and the mock rounds of a version 2 document (import_mocks.c). */
int exchange_read_settings(exchange_file *x, const json_t *settings, place *p, bp_error *e);
int exchange_read_mocks(exchange_file *x, const json_t *mocks, place *p, bp_error *e);

/* A time as ISO 8601 in UTC, or null for 0 (never, not yet). */
json_t *exchange_time(int64_t t);

/* Appends every mock round of st to rounds, with segments, scores, evidence and notes. */
int exchange_add_mocks(store *st, json_t *rounds, bp_error *e);

/* Sets in o each setting made in the app, but the plan dates ("plan" holds them). */
int exchange_add_settings(store *st, json_t *o, bp_error *e);

#endif
