/*
 * clock: the only source of time. BACKPREP_NOW (ISO 8601) pins the wall clock for tests;
 * durations come from a monotonic clock that is never pinned.
 */
#ifndef BACKPREP_CLOCK_H
#define BACKPREP_CLOCK_H

#include <stdint.h>

#include "backprep/error.h"

/* Reads BACKPREP_NOW once; an unparsable value is an error that names it. */
int clock_init(bp_error *e);

/* Unix seconds, UTC. */
int64_t clock_now(void);

/* Milliseconds from an arbitrary start, for measuring how long something took. */
int64_t clock_mono_ms(void);

/*
 * Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS][.fff]" followed by "Z", "+HH:MM", "-HH:MM"
 * or nothing (UTC). Returns -1 on anything else, including impossible dates.
 */
int clock_parse_iso(const char *s, int64_t *out);

/* "YYYY-MM-DDTHH:MM:SSZ" */
void clock_format_iso(int64_t t, char buf[static 32]);

/* The local calendar day of t as days since 1970-01-01, and back to "YYYY-MM-DD". */
int64_t clock_local_day(int64_t t);
void clock_format_day(int64_t day, char buf[static 16]);

/* "Sun 29 Nov": a local day for people. */
void clock_format_day_short(int64_t day, char buf[static 16]);

/* Local midnight at the start of a local day, as Unix seconds. */
int64_t clock_day_start(int64_t day);

/* A span of time as a grade bar shows it: "10m", "5h", "12d", "3.2mo", "1.5y". */
void clock_format_span(int64_t seconds, char buf[static 16]);

#endif
