/* rng: xoshiro256** seeded through splitmix64. */
#include <stdlib.h>

#include "backprep/rng.h"

static uint64_t splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

void rng_seed(bp_rng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix(&seed);
}

void rng_seed_env(bp_rng *r, uint64_t fallback)
{
	const char *s = getenv("BACKPREP_SEED");
	char *end;
	unsigned long long v;

	if (s && *s) {
		v = strtoull(s, &end, 10);
		if (!*end) {
			rng_seed(r, v);
			return;
		}
	}
	rng_seed(r, fallback);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t rng_next(bp_rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

double rng_unit(bp_rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}
