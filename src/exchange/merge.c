/*
 * merge: a checked export added to the store in one transaction. Merging adds and never takes
 * away: reviews the log has already are not added again, a plan date or setting the database
 * has is kept, events are added (so a flag is what the merged events say), and a mock round
 * the database has is kept as it is. Cards are rebuilt afterwards, by replay.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/clock.h"
#include "backprep/fsrs.h"
#include "backprep/replay.h"
#include "backprep/store_mock.h"
#include "exchange_impl.h"

/*
 * A setting from the file, where the database has none. For a plan date, "" is a cleared date
 * and counts as none; another setting made in the app, even cleared (a recruiter answer taken
 * back), is this person's choice on this machine and is kept.
 */
static int copy_setting(store *st, const char *key, const char *value, bool empty_is_unset,
                        exchange_counts *out, bp_error *e)
{
	char have[64];
	int found;

	if (empty_is_unset && !value[0])
		return 0;
	if ((found = store_setting_get(st, key, have, sizeof(have), e)) < 0)
		return -1;
	if (found && (have[0] || !empty_is_unset))
		return 0;
	if (store_setting_set(st, key, value, e) < 0)
		return -1;
	out->settings++;
	return 0;
}

/* Appends each event of the file that the log does not have. */
static int merge_events(store *st, const exchange_file *x, exchange_counts *out, bp_error *e)
{
	for (size_t i = 0; i < x->n_events; i++) {
		store_event ev = x->events[i];
		size_t have;

		if (store_event_twins(st, &ev, &have, e) < 0)
			return -1;
		if (have)
			continue;
		if (store_event_append(st, &ev, e) < 0)
			return -1;
		out->events++;
	}
	return 0;
}

/* Appends each review of the file that its twins in the log do not account for, in file
 * order (the order of answers given in the same second). */
static int merge_reviews(store *st, const exchange_file *x, exchange_counts *out, bp_error *e)
{
	size_t *have = calloc(x->n_reviews ? x->n_reviews : 1, sizeof(*have));
	int rc = -1;

	if (!have) {
		bp_error_set(e, "out of memory while importing");
		return -1;
	}
	/* the log's twins, counted once for each set of twins in the file, before adding any */
	for (size_t i = 0; i < x->n_reviews; i++)
		if (x->nth[i] == 0 && store_review_twins(st, &x->reviews[i], &have[i], e) < 0)
			goto out;
	for (size_t i = 0; i < x->n_reviews; i++) {
		if (x->nth[i] < have[x->first[i]]) {
			out->present++;
			continue;
		}
		if (store_review_import(st, &x->reviews[i], e) < 0)
			goto out;
		out->added++;
	}
	rc = 0;
out:
	free(have);
	return rc;
}

int exchange_merge(store *st, const catalog *c, const sched *sp, const exchange_file *x,
		   exchange_counts *out, bp_error *e)
{
	memset(out, 0, sizeof(*out));
	if (store_begin(st, e) < 0)
		return -1;
	if (merge_reviews(st, x, out, e) < 0 ||
	    copy_setting(st, "plan_start", x->plan_start, true, out, e) < 0 ||
	    copy_setting(st, "interview_date", x->interview, true, out, e) < 0)
		goto fail;
	for (size_t i = 0; i < x->n_settings; i++)
		if (copy_setting(st, x->settings[i].key, x->settings[i].value, false, out, e) < 0)
			goto fail;
	if (merge_events(st, x, out, e) < 0)
		goto fail;
	/* after the reviews, so that a scored segment finds the review it recorded */
	for (size_t i = 0; i < x->n_mocks; i++) {
		int added = store_mock_put(st, &x->mocks[i], e);

		if (added < 0)
			goto fail;
		if (added)
			out->mocks_added++;
		else
			out->mocks_present++;
	}
	/* the cards are rebuilt from the merged log in the same transaction: all or nothing */
	if (replay_rebuild(st, c, sp, &out->cards, e) < 0 || store_commit(st, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(st); /* the error in e is the one to show */
	return -1;
}
