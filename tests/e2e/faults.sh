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
	"backprep: $DB was written by a newer backprep (schema 99; this one knows 3); it was left untouched"
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
finish
