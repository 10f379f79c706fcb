# A progress file of schema 1, made by backprep before mock rounds existed
# (tests/fixtures/db/progress-v1.sql), opens under this build: it is copied aside to
# progress.db.bak-v1 first, gains the mock tables, and keeps every review, card and setting.
. "$(dirname "$0")/lib.bash"

CONTENT=(--content "$ROOT/tests/fixtures/e2e")
mkdir -p "$XDG_DATA_HOME/backprep"
chmod 700 "$XDG_DATA_HOME/backprep"
sqlite3 "$DB" <"$ROOT/tests/fixtures/db/progress-v1.sql"
expect_eq "the fixture is schema 1" "$(sql 'PRAGMA user_version')" 1
sql "UPDATE card SET starred = 1 WHERE item = 'api.idempotency-key'"
reviews=$(sql 'SELECT * FROM review ORDER BY id')
cards=$(sql 'SELECT * FROM card ORDER BY item')
settings=$(sql 'SELECT * FROM setting ORDER BY key')
expect_eq "the fixture holds two reviews" "$(sql 'SELECT count(*) FROM review')" 2

out=$("$BIN" "${CONTENT[@]}" today 2>&1)
check "reading it without upgrading says what to do" \
	grep -q "is from an older backprep; start backprep once to upgrade it" <<<"$out"
expect_eq "and leaves it at schema 1" "$(sql 'PRAGMA user_version')" 1

start_today -- "${CONTENT[@]}"
check "the upgraded file opens on Today" wait_for "Enter drill"
check "the interview date survived" wait_for "Interview: 2026-12-20"
check "a backup of schema 1 was made first" test -f "$DB.bak-v1"
expect_eq "the backup is schema 1" "$(sqlite3 "$DB.bak-v1" 'PRAGMA user_version')" 1
expect_eq "the backup holds the reviews" "$(sqlite3 "$DB.bak-v1" 'SELECT * FROM review ORDER BY id')" \
	"$reviews"
expect_eq "the file is schema 5 now" "$(sql 'PRAGMA user_version')" 5
cols="id, item, rev, at, grade, covered, points, hints, seconds, draw, source"
expect_eq "its reviews are kept" "$(sql "SELECT $cols FROM review ORDER BY id")" "$reviews"
expect_eq "each answer got its local day (UTC here: at / 86400)" \
	"$(sql 'SELECT count(*) FROM review WHERE day <> at / 86400')" 0
expect_eq "the stats' summary of the day holds both answers (none counts for retention)" \
	"$(sql 'SELECT day, answers, seconds, ret_n, ret_pass FROM review_by_day')" "20786|2|0|0|0"
expect_eq "with no tests run (schema 5)" "$(sql 'SELECT DISTINCT tests_passed, tests_total FROM review')" "0|0"
expect_eq "its cards are kept" "$(sql 'SELECT * FROM card ORDER BY item')" "$cards"
expect_eq "its settings are kept" \
	"$(sql "SELECT * FROM setting WHERE key IN ('interview_date', 'plan_start') ORDER BY key")" \
	"$settings"
expect_eq "the mock tables are there" \
	"$(sql "SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'mock%' ORDER BY name" | tr '\n' ' ')" \
	"mock_round mock_score mock_segment "
expect_eq "the star became an event at the card's last answer" \
	"$(sql 'SELECT item, at, kind FROM event')" "api.idempotency-key|1795939200|star"
expect_eq "the database is sound" "$(sql 'PRAGMA integrity_check')" ok
expect_eq "with no broken foreign keys" "$(sql 'PRAGMA foreign_key_check')" ""
keys q
expect_eq "quits cleanly" "$(exit_status)" 0

start_today -- "${CONTENT[@]}"
wait_for "Enter drill" >/dev/null
keys q
exit_status >/dev/null
check "a second start makes no other backup" test ! -e "$DB.bak-v2"
out=$("$BIN" "${CONTENT[@]}" mocks)
expect_eq "mocks reads the upgraded file" "$(head -1 <<<"$out")" \
	"No mock rounds taken yet. Start one from the Mock screen (m on Today)."
# The fixture's cards were scheduled with the reference's 1m 10m steps; with those steps the
# log still replays to exactly them. (The shipped default is one 10-minute step, under which
# doctor would rebuild them.)
mkdir -p "$XDG_CONFIG_HOME/backprep"
printf 'scheduler:\n  learning_steps: [1m, 10m]\n' >"$XDG_CONFIG_HOME/backprep/config.yaml"
out=$("$BIN" "${CONTENT[@]}" doctor)
check "doctor finds the cards match the log" grep -q "cards: all match the review log" <<<"$out"
expect_eq "and the star, replayed from its event, stays" \
	"$(sql "SELECT starred FROM card WHERE item = 'api.idempotency-key'")" 1
rm "$XDG_CONFIG_HOME/backprep/config.yaml"
finish
