/*
 * stats: progress as the Stats screen and `backprep stats` show it — the activity of each
 * day, streaks, the cards of each area and their predicted recall, true retention, the
 * forecast of reviews, time per answer and the mock rounds. Every figure is computed from
 * the review log and the cards (aggregated in SQL, store_stats.h), never from a counter of
 * its own; "mastered" and the streaks are the Plan milestones' (progress.h), and the
 * forecast is the pacing engine's own placement from today's queue. Never draws.
 */
#ifndef BACKPREP_STATS_H
#define BACKPREP_STATS_H

#include <stdbool.h>
#include <stdint.h>

#include "backprep/app.h"
#include "backprep/mock.h"

enum {
	STATS_HEAT_WEEKS = 26, /* the heatmap reaches at least this far back */
	STATS_LEVELS = 5,      /* heatmap intensity: 0 (none) .. 4 */
	STATS_WEEKS = 12,      /* weeks of the retention sparkline */
	STATS_TIME_DAYS = 28,  /* days of the minutes sparkline */
	STATS_FORECAST = 14,   /* forecast days without an interview date */
	STATS_KINDS = KIND_COUNT, /* bp_kind values */
	STATS_MAX_DIMS = 16,
	STATS_MAX_ROUNDS = 32,
	STATS_FORECAST_MAX = 112, /* forecast days at most, with a far interview */
	STATS_TITLE = 64,
};

/* A heatmap level's lower bound in minutes: a day with answers is at level l >= 1 when it
 * has at least stats_level_min[l] minutes (1: any answer, 2: 15, 3: 30, 4: 60). */
extern const int stats_level_min[STATS_LEVELS];

typedef struct stats_day {
	int64_t day; /* local day */
	int answers, seconds;
	int level;   /* 0..STATS_LEVELS-1, from the minutes */
} stats_day;

typedef struct stats_ratio {
	int n, pass; /* review answers, and those not Again */
} stats_ratio;

typedef struct stats_area {
	bp_area area;
	int items, new_, learning, review, mastered;
	double recall;   /* mean predicted recall at recall_at of the items seen; -1: none */
} stats_area;

typedef struct stats_forecast {
	int64_t day;
	int due;        /* reviews the pacing engine placed on the day */
	double minutes; /* their expected minutes */
	double budget;  /* the day's room (today's: what is left of it) */
} stats_forecast;

typedef struct stats_kind {
	int answers;
	double seconds;        /* mean seconds per answer; 0 without answers */
	double stated_seconds; /* the mean of the answered items' stated minutes, in seconds */
} stats_kind;

typedef struct stats_week {
	int new_items, new_target;
	int minutes, minutes_target;
	bool current;
} stats_week;

typedef struct stats_dim {
	char title[STATS_TITLE];
	double scores[STATS_MAX_ROUNDS]; /* over finished rounds, oldest first */
	int n;
} stats_dim;

typedef struct stats {
	int64_t today, from, to; /* local days; the heatmap runs from..to */
	int64_t last;             /* the last day counted: to, or today when that is earlier */
	int64_t interview;        /* 0: none */
	int64_t plan_start, plan_end; /* the plan's first day and the day after its last */
	stats_day *days;          /* from..to */
	int n_days;
	int streak_current, streak_longest; /* from..to (or today) */
	int days_studied, days_planned; /* in the plan's days up to today */
	long total_seconds;             /* from..to */
	stats_area areas[AREA_COUNT];   /* areas with items, weakest first */
	int n_areas;
	int64_t recall_at;              /* local day the recall is predicted for */
	double target;                  /* configured retention */
	/* true retention: the last 7 and 30 days, and overall: the whole log, or the days from..
	 * to (or today) when they were asked for; by area too, and the kinds' time */
	stats_ratio last_7, last_30, all, by_area[AREA_COUNT];
	stats_ratio weekly[STATS_WEEKS]; /* oldest first; the last is the week ending to */
	stats_forecast forecast[STATS_FORECAST_MAX];
	int n_forecast;
	int minutes_by_day[STATS_TIME_DAYS]; /* the days ending on `last`, oldest first */
	stats_kind kinds[STATS_KINDS];
	stats_week weeks[PLAN_WEEKS];
	bool has_plan;
	stats_dim dims[STATS_MAX_DIMS];
	int n_dims;
	int finished_rounds;
	bool ready;
} stats;

/* A ratio as a share, or -1 without answers. */
double stats_share(stats_ratio r);

/* The heatmap level of a day with these answers and seconds. */
int stats_level(int answers, int seconds);

/*
 * Everything above for the days from..to (0: the default, from the plan's start or 26 weeks
 * back, whichever is earlier, to today), with t from app_today (its queue is the forecast).
 */
int stats_make(bp_app *app, const app_day *t, int64_t from, int64_t to, stats *s, bp_error *e);
void stats_free(stats *s);

/* What one drill did, for the summary after it: its answers in the log since it began. */
typedef struct stats_drill {
	int answered, by_grade[4]; /* Again, Hard, Good, Easy */
	int new_answers;           /* answers to questions first answered in this drill */
	int review_answers;        /* answers to questions seen before it */
	int seconds;
	stats_ratio retention;     /* the first answer to each question seen on an earlier day */
	int streak;                /* the current streak, today included */
	int due_tomorrow;          /* reviews today's placement puts on tomorrow */
	double tomorrow_minutes;
} stats_drill;

/* The drill that began at `since`, with t from app_today after it (tomorrow's placement). */
int stats_drill_make(bp_app *app, const app_day *t, int64_t since, stats_drill *out,
		     bp_error *e);

#endif
