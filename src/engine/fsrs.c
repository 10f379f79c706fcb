/*
 * fsrs: the FSRS-6 scheduler, ported from ts-fsrs 5.4.2 (shared/FSRS.md).
 *
 * The port follows the reference operation by operation: the same products in the same
 * order, rounding to 8 decimals exactly where it rounds, the same clipping of weights, so
 * that replaying a review log gives the reference's state, stability, difficulty and due
 * time (checked against tests/fixtures/fsrs-vectors.txt). Where the reference throws on
 * input it cannot use, this module repairs the input instead and says so below.
 *
 * It must never read the clock, draw random numbers or touch storage: callers pass both.
 */
#include "backprep/fsrs.h"

#include <math.h>

/*
 * Bit-for-bit agreement needs every product rounded as the reference rounds it: no fused
 * multiply-add. GCC does not contract in ISO mode (-std=c11) and rejects this pragma; clang
 * contracts by default when the target has FMA.
 */
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

enum { MINUTE = 60, DAY = 86400, MINUTES_PER_DAY = 1440 };

/* Indices of the four grades in per-grade arrays. */
enum { G_AGAIN, G_HARD, G_GOOD, G_EASY, N_GRADES };

static const double S_MIN = 0.001;
static const double S_MAX = 36500.0;

static const double default_w[FSRS_WEIGHTS] = {
	0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194,
	0.001,  1.8722, 0.1666, 0.796,  1.4835, 0.0614, 0.2629,
	1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

/* The reference's CLAMP_PARAMETERS: the range each weight is clipped to before use. */
static const double w_bounds[FSRS_WEIGHTS][2] = {
	{ 0.001, 100 }, { 0.001, 100 }, { 0.001, 100 }, { 0.001, 100 }, { 1, 10 },
	{ 0.001, 4 },   { 0.001, 4 },   { 0.001, 0.75 }, { 0, 4.5 },    { 0, 0.8 },
	{ 0.001, 3.5 }, { 0.001, 5 },   { 0.001, 0.25 }, { 0.001, 0.9 }, { 0, 4 },
	{ 0, 1 },       { 1, 6 },       { 0, 2 },       { 0, 2 },       { 0.01, 0.8 },
	{ 0.1, 0.8 },
};

/* Everything one review needs, derived from the caller's parameters. */
struct model {
	const fsrs_params *p;
	double w[FSRS_WEIGHTS];	/* clipped as the reference clips them */
	double decay;
	double factor;
	double im;		/* interval modifier for the desired retention */
	double retention;
	int max_interval;
	int n_learning;
	int n_relearning;
};

struct memory {
	double stability;
	double difficulty;
};

/* A learning step's outcome; minutes 0 means no step applies and the card graduates. */
struct step {
	int64_t minutes;
	int next;
};

/* Math.round: halves go towards +infinity, unlike C's round(). */
static double js_round(double x)
{
	double f = floor(x);

	return x - f >= 0.5 ? f + 1.0 : f;
}

/* The reference's roundTo(x, 8). */
static double r8(double x)
{
	return js_round(x * 1e8) / 1e8;
}

/* The reference's clamp: Math.min(Math.max(x, lo), hi). */
static double clampd(double x, double lo, double hi)
{
	return fmin(fmax(x, lo), hi);
}

static int clampi(int x, int lo, int hi)
{
	return x < lo ? lo : x > hi ? hi : x;
}

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* The reference reads a missing or NaN weight as 0 (`w[i] || 0`) before clipping it. */
static double weight_or_zero(double x)
{
	return isnan(x) ? 0.0 : x;
}

/*
 * With more than one relearning step, the reference lowers the ceiling of w17 and w18 (the
 * same-day stability gain) as the steps grow in number, so that going through all of them
 * cannot undo a lapse.
 */
static double w17_w18_ceiling(const double *raw, int n_relearning)
{
	double w11 = clampd(weight_or_zero(raw[11]), w_bounds[11][0], w_bounds[11][1]);
	double w13 = clampd(weight_or_zero(raw[13]), w_bounds[13][0], w_bounds[13][1]);
	double w14 = clampd(weight_or_zero(raw[14]), w_bounds[14][0], w_bounds[14][1]);
	double value = -(log(w11) + log(pow(2, w13) - 1) + w14 * 0.3) / n_relearning;

	return clampd(r8(sqrt(fmax(value, 0))), 0.01, 2);
}

static void clip_weights(struct model *m)
{
	double ceiling = 2;

	if (m->n_relearning > 1)
		ceiling = w17_w18_ceiling(m->p->w, m->n_relearning);
	for (int i = 0; i < FSRS_WEIGHTS; i++) {
		double lo = w_bounds[i][0];
		double hi = w_bounds[i][1];

		if (i == 17 || i == 18)
			hi = ceiling;
		if (i == 19 && !m->p->short_term)
			lo = 0;
		m->w[i] = clampd(weight_or_zero(m->p->w[i]), lo, hi);
	}
}

/*
 * The reference throws on a retention outside (0, 1] and reads 0 as "the default"; a bad
 * config value must not stop a drill, so anything unusable becomes the default here.
 */
static void model_init(struct model *m, const fsrs_params *p)
{
	m->p = p;
	m->n_learning = clampi(p->n_learning, 0, FSRS_MAX_STEPS);
	m->n_relearning = clampi(p->n_relearning, 0, FSRS_MAX_STEPS);
	m->retention = (p->retention > 0 && p->retention <= 1) ? p->retention : 0.9;
	m->max_interval = p->max_interval > 0 ? p->max_interval : 36500;
	clip_weights(m);
	m->decay = -m->w[20];
	m->factor = r8(exp(pow(m->decay, -1) * log(0.9)) - 1);
	m->im = r8((pow(m->retention, 1 / m->decay) - 1) / m->factor);
}

static double forgetting_curve(const struct model *m, double t, double s)
{
	return r8(pow(1 + m->factor * t / s, m->decay));
}

static double init_stability(const struct model *m, int g)
{
	return fmax(m->w[g - 1], 0.1);
}

/* Not clamped: next_difficulty reverts towards D0(Easy) even when it is below 1. */
static double init_difficulty(const struct model *m, int g)
{
	return r8(m->w[4] - exp((g - 1) * m->w[5]) + 1);
}

static double next_difficulty(const struct model *m, double d, int g)
{
	const double *w = m->w;
	double delta_d = -w[6] * (g - 3);
	double next_d = d + r8(delta_d * (10 - d) / 9);

	return clampd(r8(w[7] * init_difficulty(m, FSRS_EASY) + (1 - w[7]) * next_d), 1, 10);
}

static double recall_stability(const struct model *m, double d, double s, double r, int g)
{
	const double *w = m->w;
	double hard_penalty = g == FSRS_HARD ? w[15] : 1;
	double easy_bonus = g == FSRS_EASY ? w[16] : 1;
	double next = s * (1 + exp(w[8]) * (11 - d) * pow(s, -w[9]) *
			   (exp((1 - r) * w[10]) - 1) * hard_penalty * easy_bonus);

	return r8(clampd(next, S_MIN, S_MAX));
}

static double forget_stability(const struct model *m, double d, double s, double r)
{
	const double *w = m->w;
	double next = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * exp((1 - r) * w[14]);

	return r8(clampd(next, S_MIN, S_MAX));
}

/* After a lapse the card keeps at most what the short-term steps would give back. */
static double lapse_stability(const struct model *m, double d, double s, double r)
{
	double after_fail = forget_stability(m, d, s, r);
	double w17 = m->p->short_term ? m->w[17] : 0;
	double w18 = m->p->short_term ? m->w[18] : 0;
	double floor_s = s / exp(w17 * w18);

	return clampd(r8(floor_s), S_MIN, after_fail);
}

/* A review on the same day as the last one: only a grade of Again may lower stability. */
static double short_term_stability(const struct model *m, double s, int g)
{
	const double *w = m->w;
	double sinc = pow(s, -w[19]) * exp(w[17] * (g - 3 + w[18]));

	if (g >= FSRS_HARD)
		sinc = fmax(sinc, 1);
	return r8(clampd(s * sinc, S_MIN, S_MAX));
}

/*
 * The reference's next_state. A memory of (0, 0) is a first review. It throws on a memory
 * below its bounds; here a damaged cache is pulled back into range instead.
 */
static struct memory next_memory(const struct model *m, struct memory cur, int64_t t, int g)
{
	struct memory next;
	double d = cur.difficulty;
	double s = cur.stability;

	if (d == 0 && s == 0) {
		next.difficulty = clampd(init_difficulty(m, g), 1, 10);
		next.stability = init_stability(m, g);
		return next;
	}
	d = clampd(d, 1, 10);
	s = clampd(s, S_MIN, S_MAX);
	if (t == 0 && m->p->short_term)
		next.stability = short_term_stability(m, s, g);
	else if (g == FSRS_AGAIN)
		next.stability = lapse_stability(m, d, s, forgetting_curve(m, (double)t, s));
	else
		next.stability = recall_stability(m, d, s, forgetting_curve(m, (double)t, s), g);
	next.difficulty = next_difficulty(m, d, g);
	return next;
}

/*
 * The reference's get_fuzz_range, then lo + floor(draw * (hi - lo + 1)). The reference adds
 * lo before the floor; for a draw within 1e-15 of 1 that sum rounds up to hi + 1, outside the
 * range. Its own generator never draws that close to 1, so both forms agree on its draws.
 */
static int fuzz_interval(const struct model *m, double ivl, int64_t elapsed, double draw)
{
	static const double ranges[3][3] = {
		{ 2.5, 7, 0.15 }, { 7, 20, 0.1 }, { 20, INFINITY, 0.05 },
	};
	double delta = 1;
	double lo, hi;

	for (int i = 0; i < 3; i++)
		delta += ranges[i][2] * fmax(fmin(ivl, ranges[i][1]) - ranges[i][0], 0);
	ivl = fmin(ivl, m->max_interval);
	lo = fmax(2, js_round(ivl - delta));
	hi = fmin(js_round(ivl + delta), m->max_interval);
	if (ivl > (double)elapsed)
		lo = fmax(lo, (double)elapsed + 1);
	lo = fmin(lo, hi);
	if (draw >= 1)
		draw = nextafter(1.0, 0.0);
	return (int)lo + (int)floor(draw * (hi - lo + 1));
}

static int next_interval(const struct model *m, double s, int64_t elapsed, double draw)
{
	double ivl = fmin(fmax(1, js_round(s * m->im)), m->max_interval);

	if (!m->p->fuzz || draw < 0 || ivl < 2.5)
		return (int)ivl;
	return fuzz_interval(m, ivl, elapsed, draw);
}

/*
 * Day intervals for several grades, kept in order as the reference keeps them: from Hard up
 * in the Review state, from Again up when short-term scheduling is off.
 */
static void ordered_intervals(const struct model *m, const struct memory *mem, int first,
			      int64_t elapsed, double draw, int *ivl)
{
	for (int i = first; i < N_GRADES; i++)
		ivl[i] = next_interval(m, mem[i].stability, elapsed, draw);
	if (first == G_AGAIN) {
		ivl[G_AGAIN] = ivl[G_AGAIN] < ivl[G_HARD] ? ivl[G_AGAIN] : ivl[G_HARD];
		if (ivl[G_HARD] < ivl[G_AGAIN] + 1)
			ivl[G_HARD] = ivl[G_AGAIN] + 1;
	} else if (ivl[G_HARD] > ivl[G_GOOD]) {
		ivl[G_HARD] = ivl[G_GOOD];
	}
	if (ivl[G_GOOD] < ivl[G_HARD] + 1)
		ivl[G_GOOD] = ivl[G_HARD] + 1;
	if (ivl[G_EASY] < ivl[G_GOOD] + 1)
		ivl[G_EASY] = ivl[G_GOOD] + 1;
}

/* Hard repeats the current step for the mean of the first two (or 1.5 x the only one). */
static int64_t hard_step_minutes(const int *steps, int n)
{
	if (n == 1)
		return (int64_t)js_round(steps[0] * 1.5);
	return (int64_t)js_round(((double)steps[0] + steps[1]) / 2);
}

/* The reference's BasicLearningStepsStrategy, for the card's state before the review. */
static struct step learning_step(const struct model *m, fsrs_state state, int cur, int g)
{
	bool relearn = state == FSRS_RELEARNING || state == FSRS_REVIEW;
	const int *steps = relearn ? m->p->relearning : m->p->learning;
	int n = relearn ? m->n_relearning : m->n_learning;
	struct step none = { 0, 0 };

	if (n == 0 || cur >= n)
		return none;
	/* A lapse relearns from the index the card kept, not always the first step. */
	if (state == FSRS_REVIEW)
		return g == FSRS_AGAIN ? (struct step){ steps[cur], 0 } : none;
	switch (g) {
	case FSRS_AGAIN:
		return (struct step){ steps[0], 0 };
	case FSRS_HARD:
		return (struct step){ hard_step_minutes(steps, n), cur };
	case FSRS_GOOD:
		if (cur + 1 < n && steps[cur + 1] != 0)
			return (struct step){ steps[cur + 1], cur + 1 };
		return none;
	default:
		return none;
	}
}

/*
 * The reference's applyLearningSteps: a step under a day keeps the card in to_state, due in
 * minutes; a step of a day or more, or no step at all, makes it a Review card.
 */
static void apply_steps(const struct model *m, const fsrs_card *cur, fsrs_card *out, int g,
			fsrs_state to_state, int64_t now, int64_t elapsed, double draw)
{
	struct step st = learning_step(m, cur->state, cur->step, g);
	int64_t minutes = st.minutes > 0 ? st.minutes : 0;
	int ivl;

	if (minutes > 0 && minutes < MINUTES_PER_DAY) {
		out->state = to_state;
		out->step = st.next;
		out->scheduled_days = 0;
		out->due = now + minutes * MINUTE;
		return;
	}
	out->state = FSRS_REVIEW;
	if (minutes >= MINUTES_PER_DAY) {
		/* Due after the step's exact minutes, though counted as whole days. */
		out->step = st.next;
		out->scheduled_days = (int)(minutes / MINUTES_PER_DAY);
		out->due = now + minutes * MINUTE;
		return;
	}
	ivl = next_interval(m, out->stability, elapsed, draw);
	out->step = 0;
	out->scheduled_days = ivl;
	out->due = now + (int64_t)ivl * DAY;
}

static struct memory memory_of(const fsrs_card *c)
{
	struct memory mem = { c->stability, c->difficulty };

	return mem;
}

static void set_memory(fsrs_card *c, struct memory mem)
{
	c->stability = mem.stability;
	c->difficulty = mem.difficulty;
}

static void review_in_days(fsrs_card *out, struct memory mem, int ivl, int64_t now)
{
	set_memory(out, mem);
	out->state = FSRS_REVIEW;
	out->step = 0;
	out->scheduled_days = ivl;
	out->due = now + (int64_t)ivl * DAY;
}

/* A New, Learning or Relearning card, or a lapse, with short-term scheduling on. */
static void review_by_steps(const struct model *m, const fsrs_card *cur, fsrs_card *out,
			    int g, fsrs_state to_state, int64_t now, int64_t elapsed, double draw)
{
	*out = *cur;
	set_memory(out, next_memory(m, memory_of(cur), elapsed, g));
	apply_steps(m, cur, out, g, to_state, now, elapsed, draw);
}

/* A Review card recalled (Hard, Good or Easy) with short-term scheduling on. */
static void review_recalled(const struct model *m, const fsrs_card *cur, fsrs_card *out,
			    int g, int64_t now, int64_t elapsed, double draw)
{
	struct memory mem[N_GRADES];
	int ivl[N_GRADES];

	for (int i = G_HARD; i < N_GRADES; i++)
		mem[i] = next_memory(m, memory_of(cur), elapsed, i + 1);
	ordered_intervals(m, mem, G_HARD, elapsed, draw, ivl);
	*out = *cur;
	review_in_days(out, mem[g - 1], ivl[g - 1], now);
}

static void review_short_term(const struct model *m, const fsrs_card *cur, fsrs_card *out,
			      int g, int64_t now, int64_t elapsed, double draw)
{
	switch (cur->state) {
	case FSRS_NEW:
		review_by_steps(m, cur, out, g, FSRS_LEARNING, now, elapsed, draw);
		break;
	case FSRS_LEARNING:
	case FSRS_RELEARNING:
		review_by_steps(m, cur, out, g, cur->state, now, elapsed, draw);
		break;
	default:
		if (g != FSRS_AGAIN) {
			review_recalled(m, cur, out, g, now, elapsed, draw);
			break;
		}
		review_by_steps(m, cur, out, g, FSRS_RELEARNING, now, elapsed, draw);
		out->lapses++;
		break;
	}
}

/*
 * Short-term scheduling off (the reference's LongTermScheduler): every grade gives a day
 * interval, and a card left in (Re)learning is treated as a Review card, lapses included.
 */
static void review_long_term(const struct model *m, const fsrs_card *cur, fsrs_card *out,
			     int g, int64_t now, int64_t elapsed, double draw)
{
	struct memory mem[N_GRADES];
	int ivl[N_GRADES];

	for (int i = G_AGAIN; i < N_GRADES; i++)
		mem[i] = next_memory(m, memory_of(cur), elapsed, i + 1);
	ordered_intervals(m, mem, G_AGAIN, elapsed, draw, ivl);
	*out = *cur;
	review_in_days(out, mem[g - 1], ivl[g - 1], now);
	if (cur->state != FSRS_NEW && g == FSRS_AGAIN)
		out->lapses++;
}

void fsrs_params_default(fsrs_params *p)
{
	for (int i = 0; i < FSRS_WEIGHTS; i++)
		p->w[i] = default_w[i];
	p->retention = 0.9;
	p->max_interval = 36500;
	p->short_term = true;
	p->fuzz = false;
	p->n_learning = 2;
	p->learning[0] = 1;
	p->learning[1] = 10;
	p->n_relearning = 1;
	p->relearning[0] = 10;
	for (int i = 2; i < FSRS_MAX_STEPS; i++)
		p->learning[i] = 0;
	for (int i = 1; i < FSRS_MAX_STEPS; i++)
		p->relearning[i] = 0;
}

void fsrs_card_init(fsrs_card *c, int64_t now)
{
	*c = (fsrs_card){ .state = FSRS_NEW, .due = now };
}

/*
 * The reference rejects a grade outside 1..4 and a review dated before the last one; here
 * the first leaves the card as it was, and the second counts as a same-day review.
 */
void fsrs_review(const fsrs_params *p, fsrs_card *c, fsrs_grade g, int64_t now, double fuzz_draw)
{
	struct model m;
	fsrs_card cur = *c;
	int64_t elapsed = 0;

	if (g < FSRS_AGAIN || g > FSRS_EASY)
		return;
	model_init(&m, p);
	if (cur.state != FSRS_NEW && cur.last_review != 0)
		elapsed = fsrs_days_between(cur.last_review, now);
	if (elapsed < 0)
		elapsed = 0;
	if (cur.step < 0)
		cur.step = 0;
	cur.last_review = now;
	cur.reps++;
	if (p->short_term)
		review_short_term(&m, &cur, c, (int)g, now, elapsed, fuzz_draw);
	else
		review_long_term(&m, &cur, c, (int)g, now, elapsed, fuzz_draw);
}

/*
 * As the reference's get_retrievability: elapsed time in whole 24-hour periods (not
 * calendar days, unlike a review), never negative. The reference gives 0 for a new card;
 * the header promises 1, since nothing learnt can have been forgotten.
 */
double fsrs_retrievability(const fsrs_params *p, const fsrs_card *c, int64_t at)
{
	struct model m;
	int64_t t;

	if (c->state == FSRS_NEW)
		return 1.0;
	/* Only the decay and the factor matter here; the queue asks this for every card, so
	 * the rest of model_init (all the clipping, the interval modifier) is skipped. */
	m.decay = -clampd(weight_or_zero(p->w[20]), w_bounds[20][0], w_bounds[20][1]);
	m.factor = r8(exp(pow(m.decay, -1) * log(0.9)) - 1);
	t = floor_div(at - c->last_review, DAY);
	if (t < 0)
		t = 0;
	return forgetting_curve(&m, (double)t, clampd(c->stability, S_MIN, S_MAX));
}

double fsrs_days_until(const fsrs_params *p, double stability, double r)
{
	double decay = -clampd(weight_or_zero(p->w[20]), w_bounds[20][0], w_bounds[20][1]);
	double factor = r8(exp(pow(decay, -1) * log(0.9)) - 1);

	if (r <= 0 || r >= 1)
		return r >= 1 ? 0 : S_MAX;
	return clampd(stability, S_MIN, S_MAX) / factor * (pow(r, 1 / decay) - 1);
}

int64_t fsrs_days_between(int64_t from, int64_t to)
{
	return floor_div(to, DAY) - floor_div(from, DAY);
}
