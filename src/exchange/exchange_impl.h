/* The insides of a read export, shared by src/exchange files. Private to src/exchange. */
#ifndef BACKPREP_EXCHANGE_IMPL_H
#define BACKPREP_EXCHANGE_IMPL_H

#include <jansson.h>
#include <stdbool.h>

#include "backprep/exchange.h"

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
};

#endif
