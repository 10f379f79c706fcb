/*
 * fuzz: harnesses for the readers that take files from outside — packs, config.yaml and
 * import. Each is a libFuzzer entry point; `make fuzz` builds them with clang and fuzzes,
 * and `make test` replays the committed corpus through the same entry points (replay.c),
 * built by the ordinary compiler. Besides not crashing, each input must leave every message
 * and every loaded text free of what a terminal would act on.
 */
#ifndef BACKPREP_FUZZ_H
#define BACKPREP_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "backprep/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Writes data to a file of this name in a private temporary directory; returns its path. */
const char *fuzz_file(const char *name, const uint8_t *data, size_t size);

/* Abort (so that the fuzzer keeps the input) when text loaded from a file is not as
 * text_clean leaves it, or when a message, as "file:line:col: message", is not one line of
 * printable UTF-8. */
void fuzz_check_loaded(const char *what, const char *text);
void fuzz_check_error(const bp_error *e);

#endif
