# Bad files on disk and a second instance: each gets a message that names the file, nothing
# is written over, and the terminal is left as it was.
. "$(dirname "$0")/lib.bash"

CONTENT=(--content "$ROOT/tests/fixtures/e2e")
mkdir -p "$XDG_DATA_HOME/backprep"

# A progress file that is not SQLite.
printf 'my notes, not a database\n' >"$DB"
sum=$(md5sum <"$DB")
out=$("$BIN" "${CONTENT[@]}" 2>&1 </dev/null)
rc=$?
expect_eq "a non-SQLite progress file is refused" "$rc" 1
expect_eq "the message names the file and what is wrong" "$out" \
	"backprep: $DB is not a backprep progress file (not an SQLite database); it was left untouched"
expect_eq "the file is untouched" "$(md5sum <"$DB")" "$sum"
check "no WAL or journal files were made beside it" \
	bash -c "! ls '$DB'-wal '$DB'-shm '$DB'-journal 2>/dev/null | grep -q ."

# A database from a newer backprep.
rm -f "$DB" "$DB".*
sqlite3 "$DB" 'PRAGMA application_id=1651536496; PRAGMA user_version=99; CREATE TABLE x(y);'
sum=$(md5sum <"$DB")
out=$("$BIN" "${CONTENT[@]}" 2>&1 </dev/null)
expect_eq "a newer schema is refused" "$out" \
	"backprep: $DB was written by a newer backprep (schema 99; this one knows 5); it was left untouched"
expect_eq "the newer file is untouched" "$(md5sum <"$DB")" "$sum"
out=$("$BIN" "${CONTENT[@]}" today 2>&1)
check "today refuses it too" grep -q "newer backprep" <<<"$out"

# An SQLite database of another application.
rm -f "$DB" "$DB".*
sqlite3 "$DB" 'CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ("ada");'
sum=$(md5sum <"$DB")
out=$("$BIN" "${CONTENT[@]}" 2>&1 </dev/null)
check "another application's database is refused" grep -q "another application" <<<"$out"
expect_eq "its data is untouched" "$(md5sum <"$DB")" "$sum"
rm -f "$DB" "$DB".*

# A second running instance is told at once.
start_today -- "${CONTENT[@]}"
wait_for "Up next" >/dev/null
out=$("$BIN" "${CONTENT[@]}" 2>&1 </dev/null)
rc=$?
expect_eq "a second instance exits 1" "$rc" 1
expect_eq "a second instance is told why" "$out" \
	"backprep: another backprep is already using $DB; close it first"
out=$("$BIN" "${CONTENT[@]}" today 2>&1)
check "today still reads while the trainer runs" grep -q "Up next" <<<"$out"
keys q
expect_eq "the first instance is unharmed" "$(exit_status)" 0

# A data directory that cannot be created: its parent is a file.
touch "$T/not-a-dir"
out=$(XDG_DATA_HOME="$T/not-a-dir/data" "$BIN" "${CONTENT[@]}" 2>&1 </dev/null)
rc=$?
expect_eq "an impossible data directory exits 1" "$rc" 1
check "and names the directory" grep -q "cannot create directory $T/not-a-dir" <<<"$out"

# A data directory without write permission (as an unprivileged user when run as root).
mkdir -p "$T/ro" && chmod 555 "$T/ro"
if [ "$(id -u)" = 0 ]; then
	runas=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	chmod 755 "$T" && chmod -R a+rX "$ROOT/tests/fixtures/e2e"
else
	runas=()
fi
if "${runas[@]}" test -x "$BIN" 2>/dev/null; then
	out=$("${runas[@]}" env XDG_DATA_HOME="$T/ro" HOME="$T/ro" "$BIN" "${CONTENT[@]}" 2>&1 </dev/null)
	check "a read-only data directory is a clear message" \
		grep -q "cannot create directory $T/ro/backprep: Permission denied" <<<"$out"
else
	ok "a read-only data directory is a clear message # skip: binary not runnable unprivileged"
fi

# A broken pack next to a good one: the good one loads, the broken one is shown on Today.
mkdir -p "$T/packs"
cp "$ROOT/tests/fixtures/e2e/api.yaml" "$T/packs/"
printf 'pack: broken\ntitle: Broken\narea: scale\nversion: 1\nitems:\n  - id: scale.x\n    promt: hi\n' \
	>"$T/packs/broken.yaml"
start_today -- --content "$T/packs"
check "Today says a pack was skipped" wait_for "Content problems: 1 file skipped, 9 problems"
check "with file:line:col and the key" wait_for "broken.yaml:7:5: unknown key 'promt' in item 'scale.x'"
check "the good pack still loads" wait_for "Up next: 3 questions"
keys q
expect_eq "quits cleanly" "$(exit_status)" 0
# Bad arguments: each is named, and nothing is written.
rm -f "$DB" "$DB".*
out=$("$BIN" "${CONTENT[@]}" today --json extra 2>&1)
rc=$?
expect_eq "today --json extra exits 2" "$rc" 2
expect_eq "and names extra, not --json" "$(head -1 <<<"$out")" "backprep: unknown argument 'extra' for today"
out=$("$BIN" "${CONTENT[@]}" item nope.nope 2>&1)
rc=$?
expect_eq "an item that never existed exits 1" "$rc" 1
expect_eq "with one message and no header" "$out" \
	"backprep: no item 'nope.nope' in the content or the progress file"
for d in 2026-11-29 2026-11-01; do
	out=$("$BIN" "${CONTENT[@]}" plan --interview $d 2>&1)
	rc=$?
	expect_eq "plan --interview $d (not after today) exits 2" "$rc" 2
	expect_eq "and says the date must be after today" "$out" \
		"backprep: the interview date must be after today (2026-11-29), not $d; give a later date, or none to clear it"
done
check "a refused interview date creates no database" test ! -e "$DB"
out=$("$BIN" "${CONTENT[@]}" plan --interview 2026-11-30 2>&1)
expect_eq "tomorrow is accepted, as on the first-run screen" "$out" "The interview date is now 2026-11-30."
expect_eq "and saved" "$(sql "SELECT value FROM setting WHERE key = 'interview_date'")" "2026-11-30"
# A 0-byte progress file (a crash cut it short, or `touch`) is refused, not adopted.
rm -f "$DB" "$DB".*
: >"$DB"
out=$("$BIN" "${CONTENT[@]}" 2>&1 </dev/null)
rc=$?
expect_eq "an empty progress file is refused" "$rc" 1
expect_eq "the message says it is empty and what to do" "$out" \
	"backprep: $DB is empty (0 bytes), not a progress file; it was left untouched. If you have no copy to put back, delete it and backprep starts a new one"
out=$("$BIN" "${CONTENT[@]}" today 2>&1)
check "today refuses it too" grep -q "is empty (0 bytes)" <<<"$out"
check "it stays 0 bytes, with nothing made beside it" \
	bash -c "[ ! -s '$DB' ] && ! ls '$DB'-wal '$DB'-shm '$DB'.lock 2>/dev/null | grep -q ."
rm -f "$DB"
out=$("$BIN" "${CONTENT[@]}" plan --interview 2026-12-24 2>&1)
check "once deleted, a new one is made" grep -q "The interview date is now 2026-12-24" <<<"$out"

# Read-only storage: a progress file with answers, in a read-only directory.
RO="$T/rodir"
mkdir -p "$RO"
printf '{"format": "backprep-export", "version": 1, "reviews": [{"item": "api.safe-methods", "rev": 1, "at": "2026-11-28T08:00:00Z", "grade": 3}], "plan": {"start": "2026-11-28", "interview": null}}\n' >"$T/one.json"
"$BIN" "${CONTENT[@]}" --db "$RO/p.db" import "$T/one.json" >/dev/null
if [ "$(id -u)" = 0 ]; then chown -R 65534:65534 "$RO"; fi
chmod 444 "$RO/p.db"
chmod 555 "$RO"
sum=$(md5sum <"$RO/p.db")
ro() { OUT_TEXT=$("${runas[@]}" env HOME="$T/ro" XDG_CONFIG_HOME="$T/ro" "$BIN" "${CONTENT[@]}" --db "$RO/p.db" "$@" 2>&1); RC=$?; }
if "${runas[@]}" test -x "$BIN" 2>/dev/null; then
	for c in "today" "today --json" "item api.safe-methods" "plan" "plan --json" "mocks" "export"; do
		# shellcheck disable=SC2086
		ro $c
		expect_eq "'$c' works in a read-only directory" "$RC" 0
	done
	ro item api.safe-methods
	check "and reads the answers" grep -q "Good" <<<"$OUT_TEXT"
	ro today --json
	check "today --json is JSON" grep -q '"date": "2026-11-29"' <<<"$OUT_TEXT"
	ro import "$T/one.json"
	expect_eq "import onto a read-only file is refused" "$RC" 1
	expect_eq "naming the operation and why" "$OUT_TEXT" \
		"backprep: cannot import into $RO/p.db: the file is read-only (Permission denied); nothing was written"
	ro plan --interview 2026-12-24
	check "plan --interview names its operation" \
		grep -qF "cannot change the plan's dates in $RO/p.db: the file is read-only" <<<"$OUT_TEXT"
	expect_eq "the read-only file is unchanged" "$(md5sum <"$RO/p.db")" "$sum"
	check "and no WAL or shared-memory file was made beside it" \
		bash -c "! ls '$RO/p.db-wal' '$RO/p.db-shm' 2>/dev/null | grep -q ."

	# The trainer on a read-only file (its directory writable) says so at once.
	chmod 755 "$RO"
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "${runas[*]}" "$BIN" >"$T/ro-bin"
	chmod 755 "$T/ro-bin"
	REAL_BIN=$BIN BIN="$T/ro-bin"
	for size in 60x16 80x24 120x40; do
		COLS=${size%x*} ROWS=${size#*x} start HOME="$T/ro" XDG_CONFIG_HOME="$T/ro" -- \
			"${CONTENT[@]}" --db "$RO/p.db"
		check "the trainer at $size says answers cannot be saved, and why" \
			wait_for "Answers cannot be saved: the file is read-only"
		check "at $size the warning begins the screen" \
			bash -c "tmux -S '$SOCK' capture-pane -p -t e2e | sed -n 3p | grep -q 'Answers cannot be saved:'"
		if [ "$size" = 120x40 ]; then
			keys Enter
			wait_for "Space reveal" >/dev/null && keys Space
			wait_for "Enter grade" >/dev/null && keys Enter
			wait_for "Grade:" >/dev/null && keys 3
			check "a grade says why it was not saved" \
				wait_for "could not save the answer: the file is read-only (Permission denied)"
			keys q
			wait_for "Enter drill" >/dev/null
		fi
		keys q
		expect_eq "and quits cleanly at $size" "$(exit_status)" 0
	done
	BIN=$REAL_BIN
	expect_eq "the trainer wrote nothing" "$(md5sum <"$RO/p.db")" "$sum"
else
	ok "read-only storage # skip: binary not runnable unprivileged"
fi
finish
