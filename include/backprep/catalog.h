/*
 * catalog: the content packs, plan and tips, loaded from YAML into memory and read-only
 * from then on. Every string in it is cleaned text (see text.h). A pack with an error is
 * skipped and its problems reported; the others still load. Never touches the database.
 */
#ifndef BACKPREP_CATALOG_H
#define BACKPREP_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "backprep/error.h"

typedef enum {
	AREA_CODING,
	AREA_DATA_MODELING,
	AREA_API,
	AREA_SCALE,
	AREA_DEBUGGING,
	AREA_BEHAVIORAL,
	AREA_RECRUITER,
	AREA_COUNT
} bp_area;

/* KIND_DESIGN: a full system design of 35-45 minutes, asked one phase at a time. */
typedef enum { KIND_OPEN, KIND_CODING, KIND_SCENARIO, KIND_CHOICE, KIND_DESIGN, KIND_COUNT } bp_kind;

typedef struct bp_strs {
	const char **v;
	int n;
} bp_strs;

typedef struct bp_example {
	const char *input, *output, *explain;
} bp_example;

/* A coding item's test, as data: the harness (src/runner/harness.py) reads `json`. */
typedef struct bp_test {
	const char *json; /* {"args": [...], "expect": V} or with "raises", or {"ops": ...} */
	const char *note; /* optional, cleaned text */
	bool edge;        /* an edge case: counted apart */
	int line, col;    /* where it is in its file */
} bp_test;

/* A scenario's step ({show, ask, expect}), or a design item's phase ({title, minutes, ask,
 * key_points as expect, answer}): both are walked one at a time (scenario.h). */
typedef struct bp_step {
	const char *show, *ask;
	bp_strs expect;
	const char *title, *answer; /* a phase's; NULL for a scenario's step */
	int minutes;                /* a phase's; 0 for a scenario's step */
} bp_step;

/* The interviewer's change of requirements at a minute of the round (0 < at < minutes). */
typedef struct bp_twist {
	int at;
	const char *text;
} bp_twist;

typedef struct bp_item {
	const char *id; /* area.slug, stable forever */
	int rev;
	bp_kind kind;
	bp_area area;
	int level;   /* 1..3 */
	int week;    /* 1..4 */
	int minutes; /* a good spoken answer */
	bool guide;  /* the preparation guide names it: introduced first in its area */
	bp_strs tags, hints, key_points, pitfalls, follow_ups;
	const char *prompt, *answer;
	/* coding */
	bp_example *examples;
	int n_examples;
	bp_strs constraints, edge_cases;
	const char *time, *space, *solution;
	const char *signature; /* "parse_query(qs)" or "class LRU(capacity): get(key); put(key, v)" */
	const char *entry;     /* the function or class name the tests call */
	bool entry_class;
	const char *params;    /* what is between the entry's parentheses */
	bp_strs methods;       /* a class's methods, each "name(params)" */
	bp_test *tests;
	int n_tests;
	/* scenario: its steps; design: its phases */
	bp_step *steps;
	int n_steps;
	const char *root_cause, *mitigation, *prevention;
	/* choice */
	bp_strs choices;
	int *correct;
	int n_correct;
	const char *explain;
	/* any kind: the interviewer's mid-round changes, own to this question */
	bp_twist *twists;
	int n_twists;
	/* where it came from */
	const char *pack, *file;
	int line, col;
} bp_item;

typedef struct bp_pack {
	const char *id, *title, *file;
	bp_area area;
	int version;
	size_t first, count; /* its items in the catalog */
} bp_pack;

typedef enum {
	METRIC_ATTEMPTED, /* distinct items of an area answered */
	METRIC_MASTERED,  /* items of an area with stability >= 21 days */
	METRIC_REVIEWS,
	METRIC_STREAK,
	METRIC_MOCKS,
} bp_metric_kind;

typedef struct bp_milestone {
	const char *id, *text;
	bp_metric_kind kind;
	bp_area area;
	int count;
	double min_score;
} bp_milestone;

typedef struct bp_week {
	int week;
	const char *title, *goal;
	double focus[AREA_COUNT];
	int focus_line[AREA_COUNT], focus_col[AREA_COUNT]; /* where each weight is; 0: absent */
	int daily_minutes, new_per_day;
	unsigned levels; /* bit n set: level n allowed */
	bp_milestone *milestones;
	int n_milestones;
} bp_week;

enum { PLAN_WEEKS = 4, PLAN_DAYS = 28 }; /* the plan's length without an interview date */

/*
 * A week's new questions of area a over its `days`: the area's share of the focus weights,
 * times the daily allowance and the days, rounded; 0 when no weight is above zero. The one
 * arithmetic behind the engine's week targets (plan.h) and `validate --strict`.
 */
int plan_share(const double focus[AREA_COUNT], bp_area a, int new_per_day, int days);

typedef struct bp_plan {
	const char *id, *title, *file;
	bp_week weeks[PLAN_WEEKS];
} bp_plan;

/* rubrics.yaml: each round type's dimensions, every level 1-4 described. */
typedef struct bp_dimension {
	const char *id, *title;
	const char *levels[4];
} bp_dimension;

typedef struct bp_rubric {
	const char *id, *title;
	bp_dimension *dims;
	int n_dims;
} bp_rubric;

/* mocks.yaml: timed rounds of segments, each scored on a rubric. */
typedef struct bp_phase {
	const char *title;
	int minutes;
} bp_phase;

typedef struct bp_segment {
	const char *title;
	bp_area area;
	int kind;  /* a bp_kind, or -1 for any */
	int level; /* 1..3, or 0 for any */
	int minutes;
	const char *rubric;
	bp_phase *phases;
	int n_phases;
	int twist_at; /* minute of the segment, or -1 without a twist */
	const char *twist;
	bool twist_generic; /* `generic: true`: shown for a question without a twist of its own */
	const char *file; /* where it is defined */
	int line, col;
} bp_segment;

/* The item is of the segment's kind (any kind but choice and design when it names none). */
bool segment_kind_ok(const bp_segment *g, const bp_item *it);

typedef struct bp_mock {
	const char *id, *title, *description;
	int minutes;
	bp_segment *segments;
	int n_segments;
} bp_mock;

/* recruiter.yaml: questions whose answers multiply the plan's focus weights. */
typedef struct bp_answer {
	const char *id, *text;
	double adjust[AREA_COUNT]; /* 1 where the answer says nothing */
} bp_answer;

typedef struct bp_question {
	const char *id, *ask, *why;
	bp_answer *answers;
	int n_answers;
} bp_question;

typedef struct catalog catalog;

const char *area_name(bp_area a);
int area_parse(const char *s, bp_area *out);
const char *kind_name(bp_kind k);

/*
 * Loads every *.yaml and *.yml in each path (a directory, in name order, or a file).
 * plan.yaml, rubrics.yaml, mocks.yaml, recruiter.yaml and tips.yaml are read by name; the
 * first of each wins. Problems go to *diags; -1 only when out of memory.
 */
int catalog_load(const char *const *paths, size_t n_paths, catalog **out, bp_diags *diags);
void catalog_free(catalog *c);

/* Calls fn with the id of each item in the packs of paths (as catalog_load finds them), in
 * file order, fast and unchecked: for the shell's completion (`backprep ids`). */
typedef void (*catalog_id_fn)(const char *id, void *ctx);
void catalog_ids(const char *const *paths, size_t n_paths, catalog_id_fn fn, void *ctx);

/* Reads `path` as the plan, whatever its name, in place of the one loaded; a broken file
 * is reported and the loaded plan kept. */
void catalog_use_plan(catalog *c, const char *path, bp_diags *diags);

size_t catalog_count(const catalog *c);
const bp_item *catalog_item(const catalog *c, size_t i);
const bp_item *catalog_find(const catalog *c, const char *id);
size_t catalog_pack_count(const catalog *c);
const bp_pack *catalog_pack(const catalog *c, size_t i);
size_t catalog_file_count(const catalog *c); /* files read, broken ones included */

/* The plan, or NULL when no plan.yaml was loaded. */
const bp_plan *catalog_plan(const catalog *c);

size_t catalog_tip_count(const catalog *c);
const char *catalog_tip(const catalog *c, size_t i);

size_t catalog_rubric_count(const catalog *c);
const bp_rubric *catalog_rubric(const catalog *c, size_t i);
const bp_rubric *catalog_rubric_find(const catalog *c, const char *id);
size_t catalog_mock_count(const catalog *c);
const bp_mock *catalog_mock(const catalog *c, size_t i);
size_t catalog_question_count(const catalog *c);
const bp_question *catalog_question(const catalog *c, size_t i);

/*
 * The quality rules of `validate --strict`; problems go to *diags. With a plan loaded they
 * include the plan against the packs (catalog_check_plan).
 */
void catalog_check_quality(const catalog *c, bp_diags *diags);

/*
 * The plan against the packs, when at least one pack is loaded: in each week, every area with a weight above zero has at
 * least its target (plan_share over PLAN_DAYS / PLAN_WEEKS days) of items of that week or
 * earlier at the week's levels, reported at the weight; every item's level is among its
 * week's levels, reported at the item; every mock segment has enough items of its own area,
 * kind and level to be filled without a fallback, reported at the segment.
 */
void catalog_check_plan(const catalog *c, bp_diags *diags);

#endif
