# backprep — a terminal trainer for backend engineering interviews.
# `make` builds ./backprep; `make run` installs missing packages, builds and starts it;
# `make test` runs the unit and end-to-end tests; `make check` runs them under ASan and UBSan;
# `make bench` times the queue, an answer and Stats at a large size; `make sim` runs the
# learner simulation; `make fuzz` fuzzes the readers of packs, config.yaml and imports
# (clang, libFuzzer).

VERSION = 0.1.0
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
DATAROOTDIR = $(PREFIX)/share
DATADIR = $(DATAROOTDIR)/backprep
MANDIR = $(DATAROOTDIR)/man
BASHCOMPDIR = $(DATAROOTDIR)/bash-completion/completions
ZSHCOMPDIR = $(DATAROOTDIR)/zsh/site-functions

CC ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS ?= -O2 -g
WARN = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 \
       -Wno-missing-field-initializers
ifdef CI
WARN += -Werror
endif

# B is the build directory; `make check` uses a second one with the sanitizers.
B ?= build
ifdef SAN
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
endif
# `make fuzz` builds everything again with clang, coverage for libFuzzer and the sanitizers.
ifdef FUZZ
SANFLAGS = -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=undefined
endif

# Evaluated when used, so that `make deps` can install the libraries first.
PC = $(shell $(PKG_CONFIG) $(1) $(2) 2>/dev/null)
CPPFLAGS += -Iinclude -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600 -MMD -MP \
	    -DBP_VERSION='"$(VERSION)"' -DBP_DATADIR='"$(DATADIR)"'
ALL_CFLAGS = $(WARN) $(CFLAGS) $(SANFLAGS)

CORE_SRC = $(wildcard src/util/*.c src/content/*.c src/store/*.c src/engine/*.c)
TUI_SRC = $(wildcard src/tui/*.c)
CLI_SRC = $(wildcard src/cli/*.c src/exchange/*.c)
# The code runner, with its harness built in as a C string (build/gen/harness.c).
RUNNER_SRC = $(wildcard src/runner/*.c)
RUNNER_OBJ = $(RUNNER_SRC:%.c=$(B)/%.o) $(B)/gen/harness.o
CORE_OBJ = $(CORE_SRC:%.c=$(B)/%.o)
TUI_OBJ = $(TUI_SRC:%.c=$(B)/%.o)
CLI_OBJ = $(CLI_SRC:%.c=$(B)/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
BENCH_SRC = $(wildcard tests/bench/*.c)
BENCH_BIN = $(BENCH_SRC:tests/bench/%.c=$(B)/bench/%)
SIM_SRC = $(wildcard tests/sim/*.c)
SIM_OBJ = $(SIM_SRC:%.c=$(B)/%.o)
SIM_BIN = $(B)/sim/sim
# Fuzz harnesses (tests/fuzz/TARGET.c): libFuzzer binaries for `make fuzz`, and corpus
# replays, built by $(CC) and run by `make test` as unit tests.
FUZZ_TARGETS = pack config import
FUZZ_COMMON = tests/fuzz/common.c
FUZZ_BIN = $(FUZZ_TARGETS:%=$(B)/fuzz/%)
FUZZ_REPLAY_BIN = $(FUZZ_TARGETS:%=$(B)/tests/test_fuzz_%)
FUZZ_SECONDS ?= 60
EXCHANGE_OBJ = $(patsubst %.c,$(B)/%.o,$(wildcard src/exchange/*.c))

CORE_LIBS = $(call PC,--libs,sqlite3 yaml-0.1) -lm
TUI_LIBS = $(call PC,--libs,ncursesw)

ifeq ($(B),build)
BIN = backprep
else
BIN = $(B)/backprep
endif

ifeq ($(V),1)
Q =
else
Q = @
endif

DEB_PACKAGES = build-essential pkg-config libncurses-dev libsqlite3-dev libyaml-dev \
	       libjansson-dev libcmocka-dev tmux sqlite3 jq procps python3 groff-base zsh
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all run test check bench sim crash fuzz fuzz-run deps install uninstall clean FORCE \
	readme-keys

# Made by the binary from its own tables (src/cli/gen.c): the man page (from its prose in
# doc/backprep.1.in) and the bash and zsh completions.
GEN = $(B)/backprep.1 $(B)/backprep.bash $(B)/_backprep

all: $(BIN) $(GEN)

$(B)/backprep.1: doc/backprep.1.in $(BIN)
	@echo "  GEN     $@"
	$(Q)$(abspath $(BIN)) --gen man <$< >$@.tmp && mv $@.tmp $@

$(B)/backprep.bash: $(BIN)
	@echo "  GEN     $@"
	$(Q)$(abspath $(BIN)) --gen bash >$@.tmp && mv $@.tmp $@

$(B)/_backprep: $(BIN)
	@echo "  GEN     $@"
	$(Q)$(abspath $(BIN)) --gen zsh >$@.tmp && mv $@.tmp $@

# README.md's key table between its markers, made again from the key table (after adding
# or changing a key; tests/e2e/docs.sh fails until it is).
readme-keys: $(BIN)
	@$(abspath $(BIN)) --gen keys-md >$(B)/keys.md
	@awk -v f=$(B)/keys.md '/^<!-- end keys -->$$/ { skip = 0 } !skip { print } \
		/^<!-- keys: / { while ((getline l < f) > 0) print l; skip = 1 }' \
		README.md >$(B)/README.md && mv $(B)/README.md README.md

# The installed binary finds its content in $(DATADIR), compiled in: the files that use it
# are built again when PREFIX changes.
$(B)/datadir.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' >$@
$(B)/src/engine/app.o $(B)/src/cli/gen.o: $(B)/datadir.stamp

$(BIN): $(CLI_OBJ) $(TUI_OBJ) $(RUNNER_OBJ) $(B)/libbackprep.a
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(TUI_OBJ) $(RUNNER_OBJ) \
		$(B)/libbackprep.a \
		$(TUI_LIBS) $(call PC,--libs,jansson) $(CORE_LIBS)

$(B)/libbackprep.a: $(CORE_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(B)/src/tui/%.o: src/tui/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(call PC,--cflags,ncursesw) $(ALL_CFLAGS) -c -o $@ $<

$(B)/src/content/%.o: src/content/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(call PC,--cflags,yaml-0.1) $(ALL_CFLAGS) -c -o $@ $<

$(B)/src/cli/%.o: src/cli/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(call PC,--cflags,jansson) $(ALL_CFLAGS) -c -o $@ $<

$(B)/src/runner/%.o: src/runner/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(call PC,--cflags,jansson) $(ALL_CFLAGS) -c -o $@ $<

# harness.py as one C string, a line a literal (sed and the shell: no xxd needed).
$(B)/gen/harness.c: src/runner/harness.py Makefile
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	$(Q){ echo '/* generated from src/runner/harness.py by make; do not edit */'; \
	  echo 'extern const char runner_harness_py[];'; \
	  echo 'const char runner_harness_py[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $<; \
	  echo ';'; } >$@.tmp && mv $@.tmp $@

$(B)/gen/harness.o: $(B)/gen/harness.c
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/tests/test_runner: tests/unit/test_runner.c $(RUNNER_OBJ) $(B)/libbackprep.a
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(call PC,--cflags,cmocka) $(call PC,--cflags,jansson) \
		$(ALL_CFLAGS) -o $@ $< $(RUNNER_OBJ) $(B)/libbackprep.a $(call PC,--libs,cmocka) \
		$(call PC,--libs,jansson) $(CORE_LIBS)

$(B)/src/exchange/%.o: src/exchange/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(call PC,--cflags,jansson) $(ALL_CFLAGS) -c -o $@ $<

$(B)/src/store/%.o: src/store/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(call PC,--cflags,sqlite3) $(ALL_CFLAGS) -c -o $@ $<

$(B)/%.o: %.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(B)/libbackprep.a
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(call PC,--cflags,cmocka) $(ALL_CFLAGS) -o $@ $< \
		$(B)/libbackprep.a $(call PC,--libs,cmocka) $(CORE_LIBS)

$(B)/bench/%: tests/bench/%.c $(B)/libbackprep.a
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(B)/libbackprep.a $(CORE_LIBS)

$(SIM_BIN): $(SIM_OBJ) $(B)/libbackprep.a
	@mkdir -p $(@D)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(SIM_OBJ) $(B)/libbackprep.a $(CORE_LIBS)
$(B)/tests/test_fuzz_%: tests/fuzz/%.c tests/fuzz/replay.c $(FUZZ_COMMON) $(EXCHANGE_OBJ) \
		$(B)/libbackprep.a
	@mkdir -p $(@D)
	@echo "  CC      $@"
	$(Q)$(CC) $(CPPFLAGS) $(call PC,--cflags,cmocka) $(ALL_CFLAGS) \
		-DFUZZ_CORPUS='"tests/fuzz/corpus/$*"' -o $@ tests/fuzz/$*.c tests/fuzz/replay.c \
		$(FUZZ_COMMON) $(EXCHANGE_OBJ) $(B)/libbackprep.a $(call PC,--libs,cmocka) \
		$(call PC,--libs,jansson) $(CORE_LIBS)

$(B)/fuzz/%: tests/fuzz/%.c $(FUZZ_COMMON) $(EXCHANGE_OBJ) $(B)/libbackprep.a
	@mkdir -p $(@D)
	@echo "  CC      $@"
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_COMMON) \
		$(EXCHANGE_OBJ) $(B)/libbackprep.a $(call PC,--libs,jansson) $(CORE_LIBS)

# Fuzzes each reader for FUZZ_SECONDS, from the committed corpus; what is new goes to
# build/fuzz/corpus/TARGET, a crashing input to build/fuzz/crash-TARGET-*.
fuzz: deps
	@$(MAKE) --no-print-directory B=build/fuzz CC=clang FUZZ=1 fuzz-run

fuzz-run: $(FUZZ_BIN)
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p $(B)/corpus/$$t && echo "fuzz: $$t for $(FUZZ_SECONDS) s" && \
		$(B)/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
			-artifact_prefix=$(B)/crash-$$t- $(B)/corpus/$$t tests/fuzz/corpus/$$t \
			2>$(B)/$$t.log || { tail -40 $(B)/$$t.log; exit 1; }; \
		grep -E '^(Done|#[0-9]+ *DONE)' $(B)/$$t.log | tail -1; \
	done

# Installs the Debian packages that are missing, through sudo when not root.
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || \
			missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "backprep: installing missing packages:$$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

run: deps
	@$(MAKE) --no-print-directory all
	./$(BIN)

test: deps
	@$(MAKE) --no-print-directory $(BIN) $(UNIT_BIN) $(SIM_BIN)
	@$(MAKE) --no-print-directory $(BIN) $(UNIT_BIN) $(FUZZ_REPLAY_BIN)
	@$(MAKE) --no-print-directory $(GEN)
	@BACKPREP_BIN=$(abspath $(BIN)) BACKPREP_UNIT_DIR=$(abspath $(B)/tests) \
		BACKPREP_SIM_BIN=$(abspath $(SIM_BIN)) BACKPREP_BUILD=$(abspath $(B)) \
		BACKPREP_SAN=$(SAN) bash tests/run

check:
	@$(MAKE) --no-print-directory B=build/san SAN=1 test

# The kill -9 loop of tests/e2e/crash.sh, N kills (make test runs 20).
N ?= 1000
crash: deps
	@$(MAKE) --no-print-directory $(BIN)
	@CRASH_N=$(N) BACKPREP_BIN=$(abspath $(BIN)) bash tests/e2e/crash.sh

bench: deps
	@$(MAKE) --no-print-directory $(BENCH_BIN) $(BIN)
	@for b in $(BENCH_BIN); do ./$$b || exit 1; done
	@BACKPREP_BIN=$(abspath $(BIN)) bash tests/bench/ids.sh

sim: deps
	@$(MAKE) --no-print-directory $(SIM_BIN)
	./$(SIM_BIN)

# The binary, its content, the man page and the completions; uninstall removes exactly
# these (and backprep's own directories once empty). tests/e2e/install.sh checks both.
CONTENT_FILES = $(notdir $(wildcard content/*.yaml))

install: $(BIN) $(GEN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/content $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/backprep
	install -m 644 $(addprefix content/,$(CONTENT_FILES)) $(DESTDIR)$(DATADIR)/content/
	install -m 644 $(B)/backprep.1 $(DESTDIR)$(MANDIR)/man1/backprep.1
	install -m 644 $(B)/backprep.bash $(DESTDIR)$(BASHCOMPDIR)/backprep
	install -m 644 $(B)/_backprep $(DESTDIR)$(ZSHCOMPDIR)/_backprep

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/backprep $(DESTDIR)$(MANDIR)/man1/backprep.1 \
		$(DESTDIR)$(BASHCOMPDIR)/backprep $(DESTDIR)$(ZSHCOMPDIR)/_backprep \
		$(addprefix $(DESTDIR)$(DATADIR)/content/,$(CONTENT_FILES))
	-rmdir $(DESTDIR)$(DATADIR)/content $(DESTDIR)$(DATADIR) 2>/dev/null

clean:
	rm -rf build backprep

-include $(CORE_OBJ:.o=.d) $(TUI_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(SIM_OBJ:.o=.d) $(RUNNER_OBJ:.o=.d)
