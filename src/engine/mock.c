/* mock: starting, resuming and leaving a round, and its clock. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/clock.h"
#include "backprep/store_mock.h"
#include "backprep/text.h"
#include "mock_impl.h"

int mock_speed(void)
{
	const char *s = getenv("BACKPREP_MOCK_SPEED");
	char *end;
	long v;

	if (!s || !*s)
		return 1;
	v = strtol(s, &end, 10);
	return *end || v < 1 || v > 3600 ? 1 : (int)v;
}

static mock_round *round_new(store *st, const catalog *c, const sched *sp, bp_rng *rng)
{
	mock_round *r = calloc(1, sizeof(*r));

	if (!r)
		return NULL;
	r->st = st;
	r->cat = c;
	r->sp = sp;
	r->rng = rng;
	r->speed = mock_speed();
	r->saved.pos = -1;
	return r;
}

static void round_free(mock_round *r)
{
	for (int i = 0; i < r->n; i++)
		free(r->seg[i].notes);
	free(r);
}

/* Points the segment at what the catalog has now: its template segment, question, rubric. */
static void bind_segment(mock_round *r, int pos, mock_seg *g)
{
	g->spec = r->tpl && pos < r->tpl->n_segments ? &r->tpl->segments[pos] : NULL;
	g->item = catalog_find(r->cat, g->item_id);
	g->rubric = catalog_rubric_find(r->cat, g->rubric_id);
	g->walking = scenario_walkable(g->item);
	scenario_start(&g->walk, g->walking ? g->item : NULL);
}

static const bp_mock *find_template(const catalog *c, const char *id)
{
	for (size_t i = 0; i < catalog_mock_count(c); i++)
		if (strcmp(catalog_mock(c, i)->id, id) == 0)
			return catalog_mock(c, i);
	return NULL;
}

void mock_run_clock(mock_round *r, bool paused)
{
	r->stage = MOCK_RUN;
	r->base_ms = r->seg[r->cur].elapsed_ms;
	r->run_from = clock_mono_ms();
	r->paused = paused;
}

static int64_t elapsed_now(const mock_round *r)
{
	if (r->stage != MOCK_RUN || r->paused)
		return r->base_ms;
	return r->base_ms + (clock_mono_ms() - r->run_from) * r->speed;
}

/* A design question runs its own phases; other questions the template's. */
static bool item_phases(const bp_item *it)
{
	return it && it->kind == KIND_DESIGN && it->n_steps > 0;
}

typedef struct uses {
	char **id;
	int *times;
	size_t n;
	bool oom;
} uses;

static int add_use(void *ctx, const char *item, int times)
{
	uses *u = ctx;
	char **id = realloc(u->id, (u->n + 1) * sizeof(*id));
	int *t;

	if (id)
		u->id = id;
	t = id ? realloc(u->times, (u->n + 1) * sizeof(*t)) : NULL;
	if (t)
		u->times = t;
	if (!id || !t || !(u->id[u->n] = strdup(item))) {
		u->oom = true;
		return 1;
	}
	u->times[u->n++] = times;
	return 0;
}

static void uses_free(uses *u)
{
	for (size_t i = 0; i < u->n; i++)
		free(u->id[i]);
	free(u->id);
	free(u->times);
}

mock_round *mock_start(store *st, const catalog *c, const sched *sp, bp_rng *rng,
		       const bp_mock *tpl, bp_error *e)
{
	const bp_item *items[MOCK_MAX_SEGMENTS];
	store_mock_segment rows[MOCK_MAX_SEGMENTS];
	uses u = { 0 };
	mock_round *r;
	int rc;

	if (tpl->n_segments < 1 || tpl->n_segments > MOCK_MAX_SEGMENTS) {
		bp_error_set(e, "mock '%s' has %d %s; a round has 1 to %d", tpl->id,
			     tpl->n_segments, text_plural(tpl->n_segments, "segment", "segments"),
			     MOCK_MAX_SEGMENTS);
		return NULL;
	}
	if (store_mock_used(st, add_use, &u, e) < 0 || u.oom) {
		if (u.oom)
			bp_error_set(e, "out of memory");
		uses_free(&u);
		return NULL;
	}
	rc = mock_pick(c, tpl, (const char *const *)u.id, u.times, u.n, rng, items, e);
	uses_free(&u);
	if (rc < 0)
		return NULL;
	if (!(r = round_new(st, c, sp, rng))) {
		bp_error_set(e, "out of memory");
		return NULL;
	}
	r->tpl = tpl;
	r->n = tpl->n_segments;
	r->started = clock_now();
	snprintf(r->title, sizeof(r->title), "%s", tpl->title ? tpl->title : tpl->id);
	memset(rows, 0, sizeof(rows));
	for (int i = 0; i < r->n; i++) {
		const bp_segment *g = &tpl->segments[i];
		mock_seg *s = &r->seg[i];

		snprintf(s->title, sizeof(s->title), "%s", g->title ? g->title : "Segment");
		snprintf(s->item_id, sizeof(s->item_id), "%s", items[i]->id);
		snprintf(s->rubric_id, sizeof(s->rubric_id), "%s", g->rubric ? g->rubric : "");
		/* a design runs its own phases: the segment lasts as long as they do */
		s->minutes = item_phases(items[i]) ? items[i]->minutes : g->minutes;
		s->rev = items[i]->rev;
		s->notes = strdup("");
		bind_segment(r, i, s);
		rows[i] = (store_mock_segment){ .title = s->title, .item = s->item_id,
						.rubric = s->rubric_id, .rev = s->rev,
						.minutes = s->minutes };
		if (!s->notes) {
			round_free(r);
			bp_error_set(e, "out of memory");
			return NULL;
		}
	}
	if (store_mock_create(st, tpl->id, r->title, r->started, rows, r->n, &r->id, e) < 0) {
		round_free(r);
		return NULL;
	}
	mock_run_clock(r, false);
	return r;
}

typedef struct loader {
	mock_round *r;
	char tpl[MOCK_ID_MAX];
	bool found, oom;
} loader;

static int load_round(void *ctx, const store_mock_round *row)
{
	loader *l = ctx;

	l->found = true;
	l->r->id = row->id;
	l->r->started = row->started;
	l->r->finished = row->finished;
	snprintf(l->r->title, sizeof(l->r->title), "%s", row->title);
	snprintf(l->tpl, sizeof(l->tpl), "%s", row->tpl);
	return 0;
}

static int load_segment(void *ctx, const store_mock_segment *row)
{
	loader *l = ctx;
	mock_round *r = l->r;
	mock_seg *g;

	if (r->n == MOCK_MAX_SEGMENTS || row->pos != r->n)
		return 0; /* not made by this backprep: skip */
	g = &r->seg[r->n];
	snprintf(g->title, sizeof(g->title), "%s", row->title);
	snprintf(g->item_id, sizeof(g->item_id), "%s", row->item);
	snprintf(g->rubric_id, sizeof(g->rubric_id), "%s", row->rubric);
	g->rev = row->rev;
	g->minutes = row->minutes;
	g->elapsed_ms = row->elapsed_ms;
	g->ended = row->ended;
	g->scored = row->scored > 0;
	g->covered = row->covered;
	g->points = row->points;
	g->grade = row->grade;
	if (!(g->notes = strdup(row->notes))) {
		l->oom = true;
		return 1;
	}
	bind_segment(r, r->n, g);
	r->n++;
	return 0;
}

static int load_score(void *ctx, const store_mock_score *row)
{
	loader *l = ctx;
	mock_seg *g;
	mock_mark *m;

	if (row->pos < 0 || row->pos >= l->r->n)
		return 0;
	g = &l->r->seg[row->pos];
	if (g->n_marks == MOCK_MAX_DIMS)
		return 0;
	m = &g->marks[g->n_marks++];
	snprintf(m->dim, sizeof(m->dim), "%s", row->dimension);
	snprintf(m->evidence, sizeof(m->evidence), "%s", row->evidence);
	m->score = row->score;
	return 0;
}

mock_round *mock_open(store *st, const catalog *c, const sched *sp, bp_rng *rng,
		      int64_t id, bp_error *e)
{
	mock_round *r = round_new(st, c, sp, rng);
	loader l = { .r = r };

	if (!r) {
		bp_error_set(e, "out of memory");
		return NULL;
	}
	if (store_mock_rounds(st, id, load_round, &l, e) < 0)
		goto fail;
	if (!l.found) {
		bp_error_set(e, "there is no mock round %lld", (long long)id);
		goto fail;
	}
	r->tpl = find_template(c, l.tpl);
	if (store_mock_segments(st, id, load_segment, &l, e) < 0 ||
	    store_mock_scores(st, id, load_score, &l, e) < 0)
		goto fail;
	if (l.oom) {
		bp_error_set(e, "out of memory");
		goto fail;
	}
	if (r->n == 0) {
		bp_error_set(e, "mock round %lld has no segments", (long long)id);
		goto fail;
	}
	for (r->cur = 0; r->cur < r->n && r->seg[r->cur].scored; r->cur++)
		;
	if (r->finished || r->cur == r->n) {
		r->cur = r->n - 1;
		r->stage = MOCK_DONE;
	} else if (r->seg[r->cur].ended) {
		r->stage = MOCK_POINTS;
		r->base_ms = r->seg[r->cur].elapsed_ms;
	} else {
		mock_run_clock(r, true); /* resumed: the person starts the clock when ready */
	}
	return r;
fail:
	round_free(r);
	return NULL;
}

int mock_leave(mock_round *r, bp_error *e)
{
	mock_seg *g;

	if (r->stage != MOCK_RUN)
		return 0;
	g = &r->seg[r->cur];
	g->elapsed_ms = elapsed_now(r);
	return store_mock_elapsed(r->st, r->id, r->cur, g->elapsed_ms, false, e);
}

void mock_close(mock_round *r)
{
	if (!r)
		return;
	mock_leave(r, NULL);
	round_free(r);
}

int mock_discard(store *st, int64_t id, bp_error *e)
{
	return store_mock_discard(st, id, e);
}

int64_t mock_id(const mock_round *r)
{
	return r->id;
}

const char *mock_title(const mock_round *r)
{
	return r->title;
}

const bp_mock *mock_template(const mock_round *r)
{
	return r->tpl;
}

int64_t mock_started(const mock_round *r)
{
	return r->started;
}

int64_t mock_finished(const mock_round *r)
{
	return r->finished;
}

mock_stage mock_stage_of(const mock_round *r)
{
	return r->stage;
}

int mock_count(const mock_round *r)
{
	return r->n;
}

int mock_current(const mock_round *r)
{
	return r->cur;
}

const mock_seg *mock_segment(const mock_round *r, int i)
{
	return i >= 0 && i < r->n ? &r->seg[i] : NULL;
}

bool mock_twist_for(const bp_segment *spec, const bp_item *it, int minutes, bp_twist *out)
{
	out->at = -1;
	out->text = NULL;
	if (it && it->n_twists) {
		for (int i = 0; i < it->n_twists; i++)
			if (it->twists[i].at < minutes) {
				*out = it->twists[i];
				return true;
			}
		/* a short segment for a long question: the same point of the question's time */
		*out = it->twists[0];
		out->at = it->minutes > 0 ? (int)((long)out->at * minutes / it->minutes) : 0;
		if (out->at >= minutes)
			out->at = minutes > 1 ? minutes - 1 : 0;
		return true;
	}
	if (spec && spec->twist && spec->twist_generic && spec->twist_at >= 0) {
		out->at = spec->twist_at;
		out->text = spec->twist;
		return true;
	}
	return false;
}

void mock_clock_at(const bp_segment *spec, const bp_item *it, int minutes, int64_t elapsed_ms,
		   mock_clock *out)
{
	int64_t end = 0;
	bool own = item_phases(it);

	memset(out, 0, sizeof(*out));
	out->elapsed_ms = elapsed_ms;
	out->left_ms = (int64_t)minutes * 60000 - elapsed_ms;
	out->phase = -1;
	out->n_phases = own ? it->n_steps : spec ? spec->n_phases : 0;
	for (int i = 0; i < out->n_phases; i++) {
		end += (int64_t)(own ? it->steps[i].minutes : spec->phases[i].minutes) * 60000;
		if (elapsed_ms < end || i == out->n_phases - 1) {
			out->phase = i;
			out->phase_title = own ? it->steps[i].title : spec->phases[i].title;
			out->phase_left_ms = end - elapsed_ms;
			break;
		}
	}
	out->twist = mock_twist_for(spec, it, minutes, &out->shown) &&
		     elapsed_ms >= (int64_t)out->shown.at * 60000;
}

void mock_clock_of(const mock_round *r, mock_clock *out)
{
	const mock_seg *g = &r->seg[r->cur];

	mock_clock_at(g->spec, g->item, g->minutes, elapsed_now(r), out);
	out->paused = r->stage != MOCK_RUN || r->paused;
}

int mock_pause(mock_round *r, bool pause, bp_error *e)
{
	if (r->stage != MOCK_RUN || pause == r->paused)
		return 0;
	if (!pause) {
		r->run_from = clock_mono_ms();
		r->paused = false;
		return 0;
	}
	r->base_ms = elapsed_now(r);
	r->paused = true;
	r->seg[r->cur].elapsed_ms = r->base_ms;
	return store_mock_elapsed(r->st, r->id, r->cur, r->base_ms, false, e);
}

bool mock_paused(const mock_round *r)
{
	return r->stage == MOCK_RUN && r->paused;
}

int mock_set_notes(mock_round *r, const char *notes, bp_error *e)
{
	mock_seg *g = &r->seg[r->cur];
	char *copy;

	if (r->stage == MOCK_DONE) {
		bp_error_set(e, "the round is finished");
		return -1;
	}
	if (strlen(notes) > MOCK_NOTES_MAX) {
		bp_error_set(e, "the notes are longer than %d KiB; they were not kept",
			     MOCK_NOTES_MAX / 1024);
		return -1;
	}
	if (!(copy = strdup(notes))) {
		bp_error_set(e, "out of memory");
		return -1;
	}
	if (store_mock_notes(r->st, r->id, r->cur, copy, e) < 0) {
		free(copy);
		return -1;
	}
	free(g->notes);
	g->notes = copy;
	return 0;
}

bool mock_follow_phase(mock_round *r)
{
	mock_seg *g = &r->seg[r->cur];
	mock_clock c;
	bool moved = false;

	if (r->stage != MOCK_RUN || !g->walking || !item_phases(g->item))
		return false;
	mock_clock_of(r, &c);
	while (!g->walk.ended && g->walk.step < c.phase && scenario_advance(&g->walk))
		moved = true;
	return moved;
}

bool mock_advance(mock_round *r)
{
	mock_seg *g = &r->seg[r->cur];

	if (!g->walking || (r->stage != MOCK_RUN && r->stage != MOCK_POINTS))
		return false;
	return scenario_advance(&g->walk);
}

int mock_end_segment(mock_round *r, bp_error *e)
{
	mock_seg *g = &r->seg[r->cur];
	int64_t t;

	if (r->stage != MOCK_RUN)
		return 0;
	t = elapsed_now(r);
	if (store_mock_elapsed(r->st, r->id, r->cur, t, true, e) < 0)
		return -1;
	g->elapsed_ms = t;
	g->ended = true;
	r->base_ms = t;
	r->stage = MOCK_POINTS;
	return 0;
}
