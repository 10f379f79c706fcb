/*
 * bench_queue: how long building a day's queue and recording one answer take at a large
 * size — a catalog of 10,000 items and a progress file with 1,000,000 reviews.
 *
 * The catalog is written as ten YAML packs into a temporary directory and read with
 * catalog_load; the progress file is made with store_open, then filled directly with sqlite3
 * in one transaction (the store has no bulk insert, and 1M answers through store_record
 * would take minutes of fsyncs). The clock is pinned, so the figures other than
 * the times are the same on every run. It prints figures; it asserts nothing about time.
 *
 * Figures: (a) app_today (store_day_stats + store_cards + queue_build, as Today does it) and
 * queue_build alone, over 100k and 1M reviews and 100, 300 and 3,000 due reviews, with the
 * interview tomorrow (every card due), and before the welcome questions are answered (as
 * after a first run or an import); (b) session_grade through the real store (one
 * transaction, synchronous=FULL, so one fdatasync of the WAL); (c) the Browser: building its
 * rows and search index, and each keystroke of typing a search (browse_query: filter and
 * sort of the 10,000 items), which must stay under 16 ms.
 */
#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "backprep/app.h"
#include "backprep/browse.h"
#include "backprep/clock.h"
#include "backprep/config.h"
#include "backprep/session.h"
#include "backprep/stats.h"
#include "backprep/store_stats.h"

enum {
	DAY = 86400,
	N_PACKS = 10,
	ITEMS_PER_PACK = 1000,
	N_ITEMS = N_PACKS * ITEMS_PER_PACK,
	TODAY_ANSWERS = 10, /* answered earlier today, so that Today has something done */
	REPS_TODAY = 200,
	REPS_WELCOME = 5, /* app_today before the welcome is done: slow, see the table */
	REPS_BUILD = 1000,
	REPS_RECORD = 1000,
	REPS_STATS = 20,
};

/* 2026-03-15 09:00 UTC; the plan started 24 days before, so it is week 4. */
static const char NOW_ISO[] = "2026-03-15T09:00:00Z";
static const int PLAN_DAYS_AGO = 24;

static const char *const pack_area[N_PACKS] = {
    "coding", "coding", "coding",        "api",       "api",
    "scale",  "scale",  "data-modeling", "debugging", "behavioral",
};

static const char *const words[] = {
    "caching",      "retries",  "idempotency", "pagination",  "indexes",    "locking",
    "queues",       "sharding", "replication", "consistency", "timeouts",   "backpressure",
    "hashing",      "sorting",  "graphs",      "strings",     "heaps",      "windows",
    "transactions", "schemas",  "migrations",  "latency",     "throughput", "logging",
    "metrics",      "tracing",  "deadlocks",   "memory",      "leadership", "conflict",
};
enum { N_WORDS = sizeof(words) / sizeof(words[0]) };

static void die(const char *what, const char *why)
{
	fprintf(stderr, "bench_queue: %s: %s\n", what, why);
	exit(1);
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

typedef struct figures {
	double min_ms, median_ms, p99_ms;
} figures;

/* Sorts the samples (nanoseconds) and returns median and p99 in milliseconds. */
static figures summarise(double *ns, size_t n)
{
	figures f;
	size_t p99 = (size_t)ceil(0.99 * (double)n) - 1;

	qsort(ns, n, sizeof(*ns), cmp_double);
	f.min_ms = ns[0] / 1e6;
	f.median_ms = (n % 2 ? ns[n / 2] : (ns[n / 2 - 1] + ns[n / 2]) / 2) / 1e6;
	f.p99_ms = ns[p99] / 1e6;
	return f;
}

/* The content */

static void path_in(char *buf, const char *dir, const char *name)
{
	if (snprintf(buf, PATHS_MAX, "%s/%s", dir, name) >= PATHS_MAX)
		die(dir, "path too long");
}

static unsigned pick(bp_rng *r, unsigned n)
{
	return (unsigned)(rng_unit(r) * n);
}

static void write_pack(const char *dir, int p, bp_rng *r)
{
	char path[PATHS_MAX], name[32];
	const char *area = pack_area[p];
	FILE *f;
	long size;

	snprintf(name, sizeof(name), "bench-%02d.yaml", p);
	path_in(path, dir, name);
	if (!(f = fopen(path, "w")))
		die(path, "cannot write");
	fprintf(f, "pack: bench-%02d\ntitle: Synthetic pack %d\narea: %s\nversion: 1\nitems:\n", p,
	        p, area);
	for (int i = 0; i < ITEMS_PER_PACK; i++) {
		unsigned t0 = pick(r, N_WORDS), nt = 1 + pick(r, 3);
		bool choice = pick(r, 10) == 0;

		fprintf(f, "  - id: %s.p%02d-item-%04d\n    rev: 1\n    kind: %s\n", area, p, i,
		        choice ? "choice" : "open");
		fprintf(f, "    level: %u\n    week: %u\n    minutes: %u\n    tags: [",
		        1 + pick(r, 3), 1 + pick(r, 4), 2 + pick(r, 14));
		for (unsigned k = 0; k < nt; k++)
			fprintf(f, "%s%s", k ? ", " : "", words[(t0 + k * 7) % N_WORDS]);
		fprintf(
		    f,
		    "]\n    prompt: |\n      Synthetic question %d of pack %d about %s and %s.\n",
		    i, p, words[t0], words[(t0 + 7) % N_WORDS]);
		if (choice) {
			fprintf(f,
			        "    choices: [first, second, third]\n    correct: [%u]\n"
			        "    explain: |\n      The right one is right because it is.\n",
			        pick(r, 3));
			continue;
		}
		fprintf(f,
		        "    hints:\n      - Start from what the client sees.\n"
		        "    key_points:\n"
		        "      - The first point a strong answer makes\n"
		        "      - The second point, about failure\n"
		        "      - The third point, about cost\n"
		        "      - The fourth point, about operations\n"
		        "    answer: |\n"
		        "      A model answer of a few lines, long enough to look like content in\n"
		        "      memory, short enough that a thousand of them fit in a pack file.\n");
	}
	size = ftell(f);
	if (fclose(f) != 0 || size < 0)
		die(path, "cannot write");
	if (size >= 1024 * 1024)
		die(path, "a pack file grew past 1 MiB");
}

static void write_plan(const char *dir)
{
	static const char *const focus[PLAN_WEEKS] = {
	    "coding: 0.6, debugging: 0.2, data-modeling: 0.2",
	    "coding: 0.2, data-modeling: 0.4, api: 0.4",
	    "coding: 0.2, api: 0.3, scale: 0.4, debugging: 0.1",
	    "coding: 0.3, api: 0.2, scale: 0.2, behavioral: 0.2, debugging: 0.1",
	};
	char path[PATHS_MAX];
	FILE *f;

	path_in(path, dir, "plan.yaml");
	if (!(f = fopen(path, "w")))
		die(path, "cannot write");
	fprintf(f, "plan: bench\ntitle: Bench plan\nweeks:\n");
	for (int w = 0; w < PLAN_WEEKS; w++)
		fprintf(f,
		        "  - week: %d\n    title: Week %d\n    goal: Practise.\n"
		        "    focus: {%s}\n    daily_minutes: 60\n    new_per_day: 8\n"
		        "    levels: %s\n",
		        w + 1, w + 1, focus[w], w < 2 ? "[1, 2]" : "[1, 2, 3]");
	if (fclose(f) != 0)
		die(path, "cannot write");
}

static catalog *make_catalog(const char *dir)
{
	const char *paths[] = {dir};
	catalog *c;
	bp_diags d = {0};
	bp_rng r;
	char buf[1024];
	double t0;

	rng_seed(&r, 20260315);
	for (int p = 0; p < N_PACKS; p++)
		write_pack(dir, p, &r);
	write_plan(dir);
	t0 = now_ns();
	if (catalog_load(paths, 1, &c, &d) < 0)
		die("catalog_load", "out of memory");
	printf("catalog: %zu items in %zu packs, loaded in %.0f ms\n", catalog_count(c),
	       catalog_pack_count(c), (now_ns() - t0) / 1e6);
	if (d.n || catalog_count(c) != N_ITEMS || !catalog_plan(c))
		die("the synthetic content",
		    d.n ? bp_error_str(&d.v[0], buf, sizeof(buf)) : "not every item loaded");
	bp_diags_free(&d);
	return c;
}

/* The progress file */

/* One card of the synthetic history; the same for a seed and an item, whatever D is. */
typedef struct card_plan {
	int state, lapses;
	double stability, difficulty;
	bool suspended;
	size_t rank; /* order in which cards become due as D grows; SIZE_MAX: never */
} card_plan;

typedef struct history {
	const catalog *cat;
	int64_t now, day_start, day_end;
	card_plan *card;
} history;

static void plan_cards(history *h, uint64_t seed)
{
	bp_rng r;
	size_t *order = malloc(N_ITEMS * sizeof(*order)), n = 0;

	h->card = calloc(N_ITEMS, sizeof(*h->card));
	if (!order || !h->card)
		die("history", "out of memory");
	rng_seed(&r, seed);
	for (size_t i = 0; i < N_ITEMS; i++) {
		card_plan *cp = &h->card[i];
		double u = rng_unit(&r);

		/* 4% new cards (starred before a first answer), 3% learning, 3% relearning */
		cp->state = u < 0.04   ? FSRS_NEW
		            : u < 0.07 ? FSRS_LEARNING
		            : u < 0.10 ? FSRS_RELEARNING
		                       : FSRS_REVIEW;
		cp->rank = SIZE_MAX;
		if (cp->state == FSRS_NEW)
			continue;
		cp->stability = exp(rng_unit(&r) * log(200.0)); /* 1..200 days, log-uniform */
		cp->difficulty = 1 + 9 * rng_unit(&r);
		cp->lapses = (int)(-log(1 - rng_unit(&r)) * 0.8);
		cp->suspended = rng_unit(&r) < 0.005;
		if (!cp->suspended)
			order[n++] = i;
	}
	for (size_t i = n; i > 1; i--) { /* Fisher-Yates */
		size_t j = (size_t)(rng_unit(&r) * (double)i), t = order[i - 1];

		order[i - 1] = order[j];
		order[j] = t;
	}
	for (size_t k = 0; k < n; k++)
		h->card[order[k]].rank = k;
	free(order);
}

/* The card row of item i when `due` reviews are due today. */
static store_card card_row(const history *h, size_t i, size_t due)
{
	const card_plan *cp = &h->card[i];
	const bp_item *it = catalog_item(h->cat, i);
	store_card sc = {.rev = it->rev, .state = cp->state};
	uint64_t mix = (uint64_t)i * 0x9e3779b97f4a7c15u;
	int64_t jitter = (int64_t)(mix >> 40) % DAY;

	snprintf(sc.item, sizeof(sc.item), "%s", it->id);
	if (cp->state == FSRS_NEW) {
		sc.due = h->now;
		sc.starred = true;
		return sc;
	}
	sc.stability = cp->stability;
	sc.difficulty = cp->difficulty;
	sc.lapses = cp->lapses;
	sc.suspended = cp->suspended;
	sc.scheduled_days = cp->state == FSRS_REVIEW ? (int)ceil(cp->stability) : 0;
	if (cp->rank < due) /* overdue by up to 30 days, or due later today */
		sc.due = h->now - (int64_t)(mix >> 44) % (30 * DAY);
	else /* tomorrow or later, within the interval */
		sc.due = h->day_end +
		         (int64_t)((mix >> 20) % (uint64_t)(sc.scheduled_days + 1)) * DAY + jitter;
	sc.last_review =
	    cp->state == FSRS_REVIEW ? sc.due - (int64_t)sc.scheduled_days * DAY : sc.due - 600;
	if (sc.last_review >= h->day_start) /* everything before today but the few below */
		sc.last_review = h->day_start - 3600 - jitter / 2;
	return sc;
}

static void check(sqlite3 *db, int rc, const char *what)
{
	if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
		die(what, sqlite3_errmsg(db));
}

static sqlite3 *raw_open(const char *path)
{
	sqlite3 *db;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		die(path, sqlite3_errmsg(db));
	check(db,
	      sqlite3_exec(db, "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;", NULL, NULL,
	                   NULL),
	      "pragmas");
	return db;
}

static void bind_card(sqlite3_stmt *s, const store_card *c)
{
	sqlite3_bind_text(s, 1, c->item, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 2, c->rev);
	sqlite3_bind_int(s, 3, c->state);
	sqlite3_bind_double(s, 4, c->stability);
	sqlite3_bind_double(s, 5, c->difficulty);
	sqlite3_bind_int64(s, 6, c->due);
	sqlite3_bind_int64(s, 7, c->last_review);
	sqlite3_bind_int64(s, 8, c->introduced);
	sqlite3_bind_int(s, 9, c->scheduled_days);
	sqlite3_bind_int(s, 10, c->reps);
	sqlite3_bind_int(s, 11, c->lapses);
	sqlite3_bind_int(s, 12, c->step);
	sqlite3_bind_int(s, 13, c->suspended);
	sqlite3_bind_int(s, 14, c->starred);
}

/* 7% Again, 10% Hard, 80% Good, 3% Easy */
static int grade_of(double u)
{
	if (u < 0.07)
		return 1;
	if (u < 0.17)
		return 2;
	return u < 0.97 ? 3 : 4;
}

static void insert_review(sqlite3 *db, sqlite3_stmt *s, const char *item, int64_t at, int grade,
                          int seconds)
{
	sqlite3_reset(s);
	sqlite3_bind_text(s, 1, item, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, at);
	sqlite3_bind_int(s, 3, grade);
	sqlite3_bind_int(s, 4, seconds);
	sqlite3_bind_int64(s, 5, clock_local_day(at));
	check(db, sqlite3_step(s), "insert a review");
}

/*
 * Makes a progress file at path with n_reviews reviews spread over the cards (each card's
 * reviews evenly spaced between its introduction and its last review), TODAY_ANSWERS of them
 * today, and `due` cards due today.
 */
static void make_db(const history *h, const char *path, size_t n_reviews, size_t due)
{
	store *st;
	bp_error e = {0};
	char day[16], buf[1100];
	sqlite3 *db;
	sqlite3_stmt *card, *rev;
	size_t seen = 0, done = 0;
	bp_rng r;
	double t0 = now_ns();

	if (store_open(path, 0, &st, &e) < 0)
		die("store_open", bp_error_str(&e, buf, sizeof(buf)));
	clock_format_day(clock_local_day(h->now) - PLAN_DAYS_AGO, day);
	if (store_setting_set(st, "plan_start", day, &e) < 0)
		die("store_setting_set", bp_error_str(&e, buf, sizeof(buf)));
	store_close(st);

	db = raw_open(path);
	check(db,
	      sqlite3_prepare_v2(db,
	                         "INSERT INTO card (item, rev, state, stability, difficulty, due, "
	                         "last_review, introduced, scheduled_days, reps, lapses, step, "
	                         "suspended, starred) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
	                         -1, &card, NULL),
	      "prepare");
	check(db,
	      sqlite3_prepare_v2(db,
	                         "INSERT INTO review (item, rev, at, grade, seconds, source, day) "
	                         "VALUES (?1, 1, ?2, ?3, ?4, 'drill', ?5)",
	                         -1, &rev, NULL),
	      "prepare");
	for (size_t i = 0; i < N_ITEMS; i++)
		seen += h->card[i].state != FSRS_NEW;
	rng_seed(&r, n_reviews);
	/* the stats' summaries are made once at the end (store_stats_rebuild), not per answer */
	check(db, sqlite3_exec(db, "BEGIN; DROP TRIGGER review_stats_insert;", NULL, NULL, NULL),
	      "begin");
	for (size_t i = 0, k = 0; i < N_ITEMS; i++) {
		store_card sc = card_row(h, i, due);
		size_t n = 0;

		if (sc.state != FSRS_NEW) { /* share out n_reviews - TODAY_ANSWERS evenly */
			size_t total = n_reviews - TODAY_ANSWERS;

			n = total / seen + (k < total % seen);
			k++;
		}
		sc.reps = (int)n;
		sc.introduced = n ? sc.last_review - (int64_t)(60 + pick(&r, 600)) * DAY : 0;
		for (size_t j = 0; j < n; j++) {
			int64_t at = n > 1 ? sc.introduced + (sc.last_review - sc.introduced) *
			                                         (int64_t)j / (int64_t)(n - 1)
			                   : sc.last_review;
			double g = rng_unit(&r);

			insert_review(db, rev, sc.item, at, grade_of(g), 20 + (int)pick(&r, 400));
		}
		done += n;
		sqlite3_reset(card);
		bind_card(card, &sc);
		check(db, sqlite3_step(card), "insert a card");
	}
	for (int j = 0; j < TODAY_ANSWERS; j++) /* this morning: about 7 minutes in all */
		insert_review(db, rev, catalog_item(h->cat, (size_t)j * 997 % N_ITEMS)->id,
		              h->now - 3600 + j * 60, 3, 40);
	done += TODAY_ANSWERS;
	check(db, sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), "commit");
	sqlite3_finalize(card);
	sqlite3_finalize(rev);
	sqlite3_close(db);
	if (store_open(path, 0, &st, &e) < 0 || store_stats_rebuild(st, &e) < 0)
		die("store_stats_rebuild", bp_error_str(&e, buf, sizeof(buf)));
	store_close(st);
	db = raw_open(path);
	check(db, sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL),
	      "checkpoint");
	sqlite3_close(db);
	printf("progress file: %zu reviews, %d cards, written in %.1f s\n", done, N_ITEMS,
	       (now_ns() - t0) / 1e9);
}

/* Rewrites the cards' due dates so that `due` reviews are due today. */
static void set_due(const history *h, const char *path, size_t due)
{
	sqlite3 *db = raw_open(path);
	sqlite3_stmt *s;

	check(db,
	      sqlite3_prepare_v2(db, "UPDATE card SET due = ?2, last_review = ?3 WHERE item = ?1",
	                         -1, &s, NULL),
	      "prepare");
	check(db, sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), "begin");
	for (size_t i = 0; i < N_ITEMS; i++) {
		store_card sc = card_row(h, i, due);

		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, sc.item, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, sc.due);
		sqlite3_bind_int64(s, 3, sc.last_review);
		check(db, sqlite3_step(s), "update a card");
	}
	check(db, sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), "commit");
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* The measurements */

static void open_store(bp_app *app, const char *path)
{
	bp_error e = {0};
	char buf[1100];

	if (store_open(path, 0, &app->st, &e) < 0)
		die("store_open", bp_error_str(&e, buf, sizeof(buf)));
}

static void today(bp_app *app, app_day *t)
{
	bp_error e = {0};
	char buf[1100];

	if (app_today(app, t, &e) < 0)
		die("app_today", bp_error_str(&e, buf, sizeof(buf)));
}

/* The options app_today built its queue with (see app_today in src/engine/app.c). */
static queue_opts opts_of(bp_app *app, const app_day *t)
{
	int64_t now = clock_now();

	return (queue_opts){
	    .now = now,
	    .day_end = clock_day_start(clock_local_day(now) + 1),
	    .week = t->pos.week,
	    .levels = t->week ? t->week->levels : 0,
	    .budget_minutes = t->budget - t->done.seconds / 60,
	    .new_limit = t->new_per_day - t->done.new_items,
	    .focus = t->week ? t->week->focus : NULL,
	    .interview = t->interview ? clock_day_start(t->interview) : 0,
	    .rng = &app->rng,
	    .daily_minutes = t->budget,
	};
}

typedef struct row {
	figures today, build, cards, stats;
	size_t due_total, n, backlog, n_new;
	int minutes, backlog_days;
} row;

/* Measures app_today `reps` times (after a few to warm the page cache and statements), then
 * its parts. */
static row measure_day(bp_app *app, int reps)
{
	static double ns[REPS_BUILD];
	bp_error e = {0};
	app_day t;
	queue q;
	queue_opts o;
	row out = {0};
	store_day d;

	for (int i = 0; i < (reps < 5 ? 1 : 5); i++) {
		today(app, &t);
		app_day_free(&t);
	}
	for (int i = 0; i < reps; i++) {
		double t0 = now_ns();

		today(app, &t);
		ns[i] = now_ns() - t0;
		app_day_free(&t);
	}
	out.today = summarise(ns, (size_t)reps);

	today(app, &t);
	out.due_total = t.q.due_total;
	out.n = t.q.n;
	out.minutes = t.q.minutes;
	out.backlog = t.q.backlog;
	out.backlog_days = t.q.backlog_days;
	for (size_t i = 0; i < t.q.n; i++)
		out.n_new += t.q.v[i].card == NULL || t.q.v[i].card->state == FSRS_NEW;
	o = opts_of(app, &t);
	for (int i = 0; i < REPS_BUILD; i++) {
		double t0 = now_ns();

		if (queue_build(app->cat, app->cards, app->n_cards, &app->sched.base, &o, &q) < 0)
			die("queue_build", "out of memory");
		ns[i] = now_ns() - t0;
		queue_free(&q);
	}
	out.build = summarise(ns, REPS_BUILD);
	app_day_free(&t);

	for (int i = 0; i < REPS_TODAY; i++) {
		store_card *cards;
		size_t n;
		double t0 = now_ns();

		if (store_cards(app->st, &cards, &n, &e) < 0)
			die("store_cards", e.msg);
		ns[i] = now_ns() - t0;
		free(cards);
	}
	out.cards = summarise(ns, REPS_TODAY);
	for (int i = 0; i < REPS_BUILD; i++) {
		int64_t day = clock_local_day(clock_now());
		double t0 = now_ns();

		if (store_day_stats(app->st, clock_day_start(day), clock_day_start(day + 1), &d,
		                    &e) < 0)
			die("store_day_stats", e.msg);
		ns[i] = now_ns() - t0;
	}
	out.stats = summarise(ns, REPS_BUILD);
	return out;
}

static void print_row(const char *reviews, const char *due, const row *r)
{
	printf("%-5s %-20s %5zu %5zu %4d %5zu/%-4d | %7.2f %7.2f %7.2f | %5.2f %6.2f %6.2f | "
	       "%6.2f %6.3f\n",
	       reviews, due, r->due_total, r->n, r->minutes, r->backlog, r->backlog_days,
	       r->today.min_ms, r->today.median_ms, r->today.p99_ms, r->build.min_ms,
	       r->build.median_ms, r->build.p99_ms, r->cards.median_ms, r->stats.median_ms);
}

static void print_header(void)
{
	printf("\n%-5s %-20s %5s %5s %4s %10s | %-23s | %-19s | %6s %6s\n", "revs", "due today",
	       "due", "queue", "mins", "backlog/d", "app_today (ms)", "queue_build (ms)", "cards",
	       "stats");
	printf("%-5s %-20s %5s %5s %4s %10s | %7s %7s %7s | %5s %6s %6s | %6s %6s\n", "", "", "",
	       "", "", "", "min", "median", "p99", "min", "median", "p99", "median", "median");
}

/* session_grade through the real store, for REPS_RECORD review cards answered Good. */
static figures measure_record(bp_app *app)
{
	static double ns[REPS_RECORD];
	bp_error e = {0};
	char buf[1100];
	queue q = {.v = malloc(REPS_RECORD * sizeof(*q.v))};
	session *s;

	if (!q.v)
		die("record", "out of memory");
	for (size_t i = 0; i < app->n_cards && q.n < REPS_RECORD; i++) {
		const store_card *sc = &app->cards[i];
		const bp_item *it = catalog_find(app->cat, sc->item);

		if (it && sc->state == FSRS_REVIEW && !sc->suspended)
			q.v[q.n++] = (queue_entry){it, sc, 0.5};
	}
	if (q.n < REPS_RECORD || !(s = session_new(app->st, &q, &app->sched, &app->rng)))
		die("record", "not enough review cards, or out of memory");
	for (int i = 0; i < REPS_RECORD; i++) {
		double t0;

		session_reveal(s);
		session_to_grade(s);
		t0 = now_ns();
		if (session_grade(s, FSRS_GOOD, &e) < 0)
			die("session_grade", bp_error_str(&e, buf, sizeof(buf)));
		ns[i] = now_ns() - t0;
	}
	session_free(s);
	return summarise(ns, REPS_RECORD);
}

/* stats_make on a Today built once: over the default days (the heatmap's 26 weeks, streaks;
 * retention and time over the whole log), as the Stats screen does, or over the days
 * from..to as `backprep stats --from --to` (0, 0: the default). */
static figures measure_stats(bp_app *app, int64_t from, int64_t to)
{
	static double ns[REPS_STATS];
	bp_error e = {0};
	char buf[1100];
	app_day t;
	stats s;

	today(app, &t);
	for (int i = -1; i < REPS_STATS; i++) { /* one to warm up */
		double t0 = now_ns();

		if (stats_make(app, &t, from, to, &s, &e) < 0)
			die("stats_make", bp_error_str(&e, buf, sizeof(buf)));
		if (i >= 0)
			ns[i] = now_ns() - t0;
		stats_free(&s);
	}
	app_day_free(&t);
	return summarise(ns, REPS_STATS);
}

/* The Browser over the loaded cards: one build, then typing words letter by letter, as a
 * person searches, with the sort cycled between passes. */
static void measure_browse(bp_app *app)
{
	static const char *const typed[] = { "replication", "idempotency", "zq" };
	static double ns[2048];
	size_t n = 0, shown = 0;
	double t0 = now_ns(), build;
	browse *b = browse_new(app->cat, app->cards, app->n_cards, &app->sched.base, clock_now(),
			       clock_now());
	figures f;

	build = now_ns() - t0;
	if (!b)
		die("browse_new", "out of memory");
	for (int pass = 0; pass < BROWSE_SORTS * 4; pass++) {
		for (size_t w = 0; w < sizeof(typed) / sizeof(typed[0]); w++) {
			char text[32] = "";
			size_t len = strlen(typed[w]);

			for (size_t k = 1; k <= len && n < sizeof(ns) / sizeof(ns[0]); k++) {
				browse_filter flt = { .text = text, .area = -1, .state = -1 };
				const browse_row *const *rows;

				memcpy(text, typed[w], k);
				text[k] = '\0';
				t0 = now_ns();
				shown = browse_query(b, &flt, (browse_sort)(pass % BROWSE_SORTS), &rows);
				ns[n++] = now_ns() - t0;
			}
		}
	}
	f = summarise(ns, n);
	printf("\nbrowser (10,000 items): build rows and search index %.2f ms; a keystroke of "
	       "typing a search\n(browse_query: filter and sort), %zu keystrokes over every sort: "
	       "min %.3f ms, median %.3f ms,\np99 %.3f ms (budget 16 ms; the last query showed "
	       "%zu rows)\n",
	       build / 1e6, n, f.min_ms, f.median_ms, f.p99_ms, shown);
	browse_free(b);
}

static int remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb, (void)flag, (void)ftw;
	return remove(path);
}

static void remove_tree(const char *dir)
{
	if (nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS) != 0)
		fprintf(stderr, "bench_queue: could not remove %s\n", dir);
}

int main(void)
{
	static const size_t due_counts[] = {100, 300, 3000};
	static const size_t review_counts[] = {100000, 1000000};
	char tmpl[] = "/tmp/bench-queue-XXXXXX", content[PATHS_MAX], db[2][PATHS_MAX];
	const char *dir = mkdtemp(tmpl);
	bp_error e = {0};
	bp_app app;
	history h;
	row r;
	figures rec;
	bool from_config;
	int64_t day;

	if (!dir)
		die("mkdtemp", "cannot make a temporary directory");
	/* No config.yaml of the person running it; a pinned clock. */
	setenv("XDG_CONFIG_HOME", dir, 1);
	setenv("BACKPREP_NOW", NOW_ISO, 1);
	if (clock_init(&e) < 0)
		die("clock_init", e.msg);
	snprintf(content, sizeof(content), "%s/content", dir);
	if (mkdir(content, 0700) < 0)
		die(content, "cannot make it");
	printf("bench_queue: now %s, temporary files in %s\n", NOW_ISO, dir);

	memset(&app, 0, sizeof(app));
	app.cat = make_catalog(content);
	config_defaults(&app.cfg);
	{
		fsrs_params base;

		fsrs_params_default(&base);
		base.fuzz = true; /* as for a person */
		sched_make(&base, NULL, &app.sched);
	}
	rng_seed(&app.rng, 42);

	h.cat = app.cat;
	h.now = clock_now();
	day = clock_local_day(h.now);
	h.day_start = clock_day_start(day);
	h.day_end = clock_day_start(day + 1);
	plan_cards(&h, 7);
	for (int k = 0; k < 2; k++) {
		snprintf(db[k], sizeof(db[k]), "%s/progress-%zuk.db", dir, review_counts[k] / 1000);
		make_db(&h, db[k], review_counts[k], 300);
	}

	print_header();
	/* Before the welcome questions are answered (a first run, or after an import). */
	for (int k = 0; k < 2; k++) {
		open_store(&app, db[k]);
		r = measure_day(&app, REPS_WELCOME);
		store_close(app.st);
		app.st = NULL;
		print_row(k ? "1M" : "100k", "300, before welcome", &r);
	}
	/* A person past the welcome, from here on. */
	for (int k = 0; k < 2; k++) {
		for (size_t d = 0; d < sizeof(due_counts) / sizeof(due_counts[0]); d++) {
			char label[32];

			set_due(&h, db[k], due_counts[d]);
			open_store(&app, db[k]);
			if (app_finish_first_run(&app, &e) < 0)
				die("app_finish_first_run", e.msg);
			r = measure_day(&app, REPS_TODAY);
			store_close(app.st);
			app.st = NULL;
			snprintf(label, sizeof(label), "%zu", due_counts[d]);
			print_row(k ? "1M" : "100k", label, &r);
		}
	}

	/* The interview tomorrow: every reviewed card is due today (its last check). */
	set_due(&h, db[1], 300);
	open_store(&app, db[1]);
	if (app_set_interview(&app, day + 1, &e) < 0)
		die("app_set_interview", e.msg);
	r = measure_day(&app, REPS_TODAY);
	print_row("1M", "300 + interview tmrw", &r);
	if (app_set_interview(&app, 0, &e) < 0 || app_interview(&app, &from_config) != 0)
		die("app_set_interview", "cannot clear it");

	/* Recording answers, into the 1M file, after one Today as the app does. */
	{
		app_day t;

		today(&app, &t);
		app_day_free(&t);
	}
	rec = measure_stats(&app, 0, 0);
	printf("\nstats (stats_make: the Stats screen and `backprep stats`), 10,000 items and "
	       "1M reviews,\n%d runs (budget 50 ms):\n  min %.2f ms, median %.2f ms, p99 %.2f ms\n",
	       REPS_STATS, rec.min_ms, rec.median_ms, rec.p99_ms);
	rec = measure_stats(&app, clock_local_day(clock_now()) - 29, clock_local_day(clock_now()));
	printf("the last 30 days only (`stats --from --to`: retention and time from those days' "
	       "answers):\n  min %.2f ms, median %.2f ms, p99 %.2f ms\n",
	       rec.min_ms, rec.median_ms, rec.p99_ms);
	rec = measure_record(&app);
	printf("\nrecord one answer (session_grade: one transaction, synchronous=FULL, WAL), "
	       "%d answers into the 1M file:\n  min %.3f ms, median %.3f ms, p99 %.3f ms\n",
	       REPS_RECORD, rec.min_ms, rec.median_ms, rec.p99_ms);
	measure_browse(&app);
	printf("\ncolumns: revs = reviews in the log; due = reviews due today; queue = entries; "
	       "mins = their\nminutes; backlog/d = due reviews that do not fit, and the days to "
	       "clear them; app_today =\nwhat Today does (day stats, every card, the plan, "
	       "queue_build); queue_build = the build alone\non loaded cards; cards = store_cards; "
	       "stats = store_day_stats. Over %d runs (app_today,\ncards; %d before the "
	       "welcome) or %d (queue_build, stats), after 5 (1) to warm up.\n",
	       REPS_TODAY, REPS_WELCOME, REPS_BUILD);

	app_close(&app);
	free(h.card);
	if (!getenv("BENCH_KEEP"))
		remove_tree(dir);
	else
		printf("kept %s\n", dir);
	return 0;
}
