/* The mock module's insides, shared by src/engine/mock*.c. Private to src/engine. */
#ifndef BACKPREP_MOCK_IMPL_H
#define BACKPREP_MOCK_IMPL_H

#include "backprep/mock.h"

struct mock_round {
	store *st;
	const catalog *cat;
	const sched *sp;
	bp_rng *rng;
	const bp_mock *tpl;
	int64_t id, started, finished;
	char title[MOCK_TITLE_MAX];
	mock_seg seg[MOCK_MAX_SEGMENTS];
	int n, cur;
	mock_stage stage;
	bool paused;
	int64_t base_ms;  /* clock time of the current segment before this run of the clock */
	int64_t run_from; /* clock_mono_ms when this run began */
	int speed;
	int dim;
	mock_saved saved;
};

/* The clock of the current segment starts, or goes on from its saved time. */
void mock_run_clock(mock_round *r, bool paused);

#endif
