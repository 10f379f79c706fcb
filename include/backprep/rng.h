/*
 * rng: the one seeded generator (xoshiro256**). BACKPREP_SEED pins the seed for tests;
 * otherwise it is seeded from the clock. Nothing else in backprep draws random numbers.
 */
#ifndef BACKPREP_RNG_H
#define BACKPREP_RNG_H

#include <stdint.h>

typedef struct bp_rng {
	uint64_t s[4];
} bp_rng;

void rng_seed(bp_rng *r, uint64_t seed);

/* Seeds from BACKPREP_SEED when set (a decimal number), else from `fallback`. */
void rng_seed_env(bp_rng *r, uint64_t fallback);

uint64_t rng_next(bp_rng *r);

/* Uniform in [0, 1). */
double rng_unit(bp_rng *r);

#endif
