# Export and import: two days of answers through the TUI, exported while the trainer is open,
# imported into a fresh database, which then holds the same cards and the same log; a second
# import adds nothing. The CSV export, and every kind of bad file refused with nothing written.
. "$(dirname "$0")/lib.bash"

CONTENT=(--content "$ROOT/tests/fixtures/e2e")
FRESH="$T/fresh.db"
OUT="$T/export.json"

run() { OUT_TEXT=$("$BIN" "${CONTENT[@]}" "$@" 2>&1 </dev/null); RC=$?; }
fresh_sql() { sqlite3 -batch -noheader "$FRESH" "$@"; }
json_of() { sqlite3 -batch -noheader :memory: "SELECT $2 FROM (SELECT readfile('$1') AS j)"; }

# Every column of the card cache but buried_until (bury is not exported), and the whole log.
CARDS="SELECT item, rev, state, printf('%.17g', stability), printf('%.17g', difficulty), due,
	last_review, introduced, scheduled_days, reps, lapses, step, suspended, starred
	FROM card ORDER BY item"
REVIEWS="SELECT item, rev, at, grade, covered, points, hints, seconds,
	coalesce(printf('%.17g', draw), 'none'), source FROM review ORDER BY item, at, id"

# drill GRADE...: today's drill, each question answered with the next grade (then Good);
# "*" before a grade stars the question first.
drill() {
	local n=0 g
	skip_welcome || return 1
	keys Enter
	while [ $n -lt 20 ]; do
		wait_for_any "Space reveal" "Drill done" || return 1
		screen | grep -q "Drill done" && break
		g=${1:-3}
		[ $# -gt 0 ] && shift
		if [ "$g" = "*" ]; then
			keys '*'
			wait_for "Starred:" >/dev/null || return 1
			g=${1:-3}
			[ $# -gt 0 ] && shift
		fi
		keys Space
		wait_for "Enter grade" >/dev/null || return 1
		keys Enter
		wait_for "Grade:" >/dev/null || return 1
		keys "$g"
		wait_for "graded" >/dev/null || return 1
		n=$((n + 1))
	done
	leave_drill || return 1
	keys q
}

# Day 1: Again twice on the first question (two answers in the same second: twins in the
# log), a star; day 2: everything Easy, so that intervals are long enough for fuzz.
export BACKPREP_NOW=2026-11-29T08:00:00Z
start -- "${CONTENT[@]}"
check "day 1 drilled through the TUI" drill 1 '*' 3 3 1 3
expect_eq "day 1 exits cleanly" "$(exit_status)" 0
export BACKPREP_NOW=2026-11-30T08:00:00Z
start -- "${CONTENT[@]}"
check "day 2 drilled through the TUI" drill 4 4 4 4 4 4
expect_eq "day 2 exits cleanly" "$(exit_status)" 0
REVS=$(sql 'SELECT count(*) FROM review')
check "the log has answers of both days" test "$(sql 'SELECT count(DISTINCT at) FROM review')" -eq 2
check "the log has twins (same item, time and grade)" \
	test "$(sql 'SELECT count(*) FROM (SELECT 1 FROM review GROUP BY item, rev, at, grade HAVING count(*) > 1)')" -gt 0
check "some cards are in review" test "$(sql 'SELECT count(*) FROM card WHERE state = 2')" -gt 0
check "with intervals long enough for the fuzz draw to count" \
	test "$(sql 'SELECT max(scheduled_days) FROM card')" -ge 3
expect_eq "one card is starred" "$(sql 'SELECT count(*) FROM card WHERE starred = 1')" 1

# Export while the trainer is open: it reads without taking the lock.
start -- "${CONTENT[@]}"
skip_welcome >/dev/null
run export -o "$OUT"
expect_eq "export runs while the trainer is open" "$RC" 0
check "export -o leaves no temporary file" test ! -e "$OUT.tmp"
expect_eq "the export says what it is" "$(json_of "$OUT" "json_extract(j, '\$.format'), json_extract(j, '\$.version')")" \
	"backprep-export|4"
expect_eq "exported_at is the clock, in UTC" "$(json_of "$OUT" "json_extract(j, '\$.exported_at')")" \
	"2026-11-30T08:00:00Z"
expect_eq "every review is exported" "$(json_of "$OUT" "json_array_length(j, '\$.reviews')")" "$REVS"
expect_eq "every card is exported" "$(json_of "$OUT" "json_array_length(j, '\$.items')")" \
	"$(sql 'SELECT count(*) FROM card')"
expect_eq "an item as the README shows it" \
	"$(json_of "$OUT" "json_extract(j, '\$.items[0].state') || ' ' || json_type(j, '\$.items[0].stability') || ' ' || json_extract(j, '\$.items[0].due')")" \
	"$(sql "SELECT CASE state WHEN 2 THEN 'review' WHEN 1 THEN 'learning' WHEN 3 THEN 'relearning' ELSE 'new' END || ' real ' || strftime('%Y-%m-%dT%H:%M:%SZ', due, 'unixepoch') FROM card ORDER BY item LIMIT 1")"
expect_eq "the plan start is exported" "$(json_of "$OUT" "json_extract(j, '\$.plan.start')")" \
	"$(sql "SELECT value FROM setting WHERE key = 'plan_start'")"
run import "$OUT"
expect_eq "import is refused while the trainer is open" "$RC" 1
check "and says why" grep -q "another backprep is already using" <<<"$OUT_TEXT"
keys q
expect_eq "the trainer exits cleanly" "$(exit_status)" 0

# Import into a fresh database: the same cards, the same log.
run --db "$FRESH" import "$OUT"
expect_eq "import into a fresh database succeeds" "$RC" 0
expect_eq "import says what it did" "$OUT_TEXT" \
	"imported $REVS reviews (0 already present), 1 flag event; $(sql 'SELECT count(*) FROM card') cards rebuilt"
expect_eq "the cards are identical (state, stability, difficulty, due, reps, lapses, flags)" \
	"$(fresh_sql "$CARDS")" "$(sql "$CARDS")"
expect_eq "the review log is identical" "$(fresh_sql "$REVIEWS")" "$(sql "$REVIEWS")"
expect_eq "the plan start is copied" \
	"$(fresh_sql "SELECT value FROM setting WHERE key = 'plan_start'")" \
	"$(sql "SELECT value FROM setting WHERE key = 'plan_start'")"
"$BIN" "${CONTENT[@]}" --db "$FRESH" export -o "$T/again.json"
check "exporting the imported database gives the same file" cmp -s "$OUT" "$T/again.json"

before=$(md5sum <"$FRESH")
run --db "$FRESH" import "$OUT"
expect_eq "a second import adds nothing" "$OUT_TEXT" \
	"imported 0 reviews ($REVS already present); $(sql 'SELECT count(*) FROM card') cards rebuilt"
expect_eq "and leaves the log as it was" "$(fresh_sql 'SELECT count(*) FROM review')" "$REVS"
expect_eq "and the cards" "$(fresh_sql "$CARDS")" "$(sql "$CARDS")"

# A database holding one of two twins gets the other one, and only that.
twin=$(sqlite3 -batch -noheader :memory: "SELECT r.key FROM json_each(readfile('$OUT'), '\$.reviews') r
	WHERE EXISTS (SELECT 1 FROM json_each(readfile('$OUT'), '\$.reviews') q WHERE q.key < r.key
	AND json_extract(q.value, '\$.item') = json_extract(r.value, '\$.item')
	AND json_extract(q.value, '\$.at') = json_extract(r.value, '\$.at')
	AND json_extract(q.value, '\$.grade') = json_extract(r.value, '\$.grade')) LIMIT 1")
json_of "$OUT" "json_remove(j, '\$.reviews[$twin]')" >"$T/part.json"
"$BIN" "${CONTENT[@]}" --db "$T/part.db" import "$T/part.json" >/dev/null
run --db "$T/part.db" import "$OUT"
expect_eq "merging adds the missing twin and nothing else" "$OUT_TEXT" \
	"imported 1 review ($((REVS - 1)) already present); $(sql 'SELECT count(*) FROM card') cards rebuilt"
# (its id comes after the answers it was given with in the same second, so that second
# replays in another order: the log keeps no finer time than the second)
expect_eq "after which the log holds the same answers" \
	"$(sqlite3 -batch -noheader "$T/part.db" "$REVIEWS" | sort)" "$(sql "$REVIEWS" | sort)"

# CSV: a header and one line per review, RFC 4180 (CRLF).
run export --format csv -o "$T/log.csv"
expect_eq "CSV export succeeds" "$RC" 0
expect_eq "CSV header" "$(head -1 "$T/log.csv")" $'item,rev,at,grade,covered,points,hints,seconds,source,tests_passed,tests_total\r'
expect_eq "CSV has one line per review" "$(($(wc -l <"$T/log.csv") - 1))" "$REVS"
expect_eq "CSV lines are the log" "$(sed -n 2p "$T/log.csv")" \
	"$(sql "SELECT item, rev, strftime('%Y-%m-%dT%H:%M:%SZ', at, 'unixepoch'), grade, covered, points, hints, seconds, source, tests_passed, tests_total FROM review ORDER BY item, at, id LIMIT 1" | tr '|' ,)"$'\r'
run export --format csv
check "CSV to stdout" grep -q "^item,rev,at," <<<"$OUT_TEXT"

# Bad files: refused with where and what, exit 1, and the database not touched.
H="$T/bad"
mkdir -p "$H"
before=$(md5sum <"$FRESH")
refused() { # NAME FILE MESSAGE
	local out rc
	out=$(timeout 20 "$BIN" "${CONTENT[@]}" --db "$FRESH" import "$2" 2>&1)
	rc=$?
	if [ "$rc" = 1 ] && grep -qF -- "$3" <<<"$out" && [ "$(md5sum <"$FRESH")" = "$before" ] &&
		[ ! -e "$FRESH-wal" ]; then
		ok "$1"
	else
		not_ok "$1" "exit $rc: $out"
	fi
}
printf '{\n  "format": "backprep-export",\n  "version": 1,\n  "reviews": [\n    {"item": "api.idempotency-key", "rev": 1,, "grade": 3}\n  ]\n}\n' >"$H/syntax.json"
refused "malformed JSON is refused with line:col, the database unchanged" "$H/syntax.json" \
	"$H/syntax.json:5:46: string or '}' expected near ','"
json_of "$OUT" "json_set(j, '\$.reviews[1].grade', 5, '\$.reviews[#]', json_object('item', 'api.new', 'rev', 1, 'at', '2026-12-01', 'grade', 3))" >"$H/grade5.json"
refused "a review with grade 5 is refused by its index, nothing written" "$H/grade5.json" \
	"$H/grade5.json: reviews[1].grade must be an integer from 1 to 4, not 5"
json_of "$OUT" "json_set(j, '\$.reviews[2].at', 'the day before')" >"$H/time.json"
refused "an unreadable time is refused" "$H/time.json" \
	"reviews[2].at must be a time like 2026-11-29T08:00:00Z"
json_of "$OUT" "json_set(j, '\$.reviews[1].at', '9999-12-31T00:00:00Z')" >"$H/future.json"
refused "a review dated in the year 9999 is refused with its place, nothing written" "$H/future.json" \
	"$H/future.json: reviews[1].at must be a time from 2000-01-01 to a day after this clock (2026-12-01T08:00:00Z), not 9999-12-31T00:00:00Z"
json_of "$OUT" "json_set(j, '\$.reviews[1].at', '2026-12-01T08:00:01Z')" >"$H/tomorrow.json"
refused "a review a second more than a day ahead is refused" "$H/tomorrow.json" \
	"reviews[1].at must be a time from 2000-01-01 to a day after this clock (2026-12-01T08:00:00Z), not 2026-12-01T08:00:01Z"
json_of "$OUT" "json_set(j, '\$.reviews[2].at', '1999-12-31T23:59:59Z')" >"$H/old.json"
refused "a review before 2000 is refused" "$H/old.json" \
	"reviews[2].at must be a time from 2000-01-01 to a day after this clock (2026-12-01T08:00:00Z), not 1999-12-31T23:59:59Z"
json_of "$OUT" "json_set(j, '\$.reviews[0].seconds', '12')" >"$H/string.json"
refused "a string where a number belongs is refused" "$H/string.json" \
	"reviews[0].seconds must be an integer from 0 to 2147483647, not a string"
json_of "$OUT" "json_remove(j, '\$.reviews[3].item')" >"$H/missing.json"
refused "a review without its item is refused" "$H/missing.json" "reviews[3].item is missing"
json_of "$OUT" "json_set(j, '\$.reviews[0].item', 'api.x' || char(27) || '[2J')" >"$H/escape.json"
refused "an item id with control characters is refused" "$H/escape.json" \
	"reviews[0].item must be an item id"
json_of "$OUT" "json_set(j, '\$.version', 5)" >"$H/v5.json"
refused "a newer version is refused" "$H/v5.json" \
	"export version 5 is not supported: this backprep reads versions 1 to 4"
json_of "$OUT" "json_set(j, '\$.format', 'anki')" >"$H/format.json"
refused "another format is refused" "$H/format.json" "not a backprep export"
printf '[{"format": "backprep-export", "version": 1}]\n' >"$H/array.json"
refused "a top level that is not an object is refused" "$H/array.json" \
	"not a backprep export: the top level is an array, not an object"
printf '{"format": "backprep-export", "format": "backprep-export", "version": 1}\n' >"$H/dup.json"
refused "a duplicate key is refused" "$H/dup.json" "1:38: duplicate object key"
{ printf '{"format": "backprep-export", "version": 1, "mocks": '; head -c 100000 /dev/zero | tr '\0' '['; } >"$H/deep.json"
refused "100,000 nested arrays stop at jansson's depth limit" "$H/deep.json" \
	"deep.json:1:2101: maximum parsing depth reached"
{ printf '{"format": "backprep-export", "version": 1, "x": "'; head -c 52428800 /dev/zero | tr '\0' a; printf '"}'; } >"$H/big.json"
refused "a 50 MB file is refused by its size" "$H/big.json" \
	"big.json: file is larger than 32 MiB, the most an export may be"
rm -f "$H/big.json"
refused "a missing file is refused" "$H/none.json" "none.json: cannot open: No such file or directory"

# Nothing refused creates a database either.
"$BIN" "${CONTENT[@]}" --db "$T/never.db" import "$H/grade5.json" 2>/dev/null
check "a refused import creates no database" test ! -e "$T/never.db"

# Flags of an item never answered, and the plan dates, into an empty database.
printf '{"format": "backprep-export", "version": 1, "items": [{"id": "api.safe-methods", "suspended": true}], "plan": {"start": "2026-11-20", "interview": "2026-12-24"}}\n' >"$H/flags.json"
run --db "$T/flags.db" import "$H/flags.json"
expect_eq "a version 1 export without reviews imports, its flag as an event" "$OUT_TEXT" \
	"imported 0 reviews (0 already present), 1 flag event; 1 card rebuilt"
expect_eq "a suspended item never answered is a suspended new card" \
	"$(sqlite3 "$T/flags.db" "SELECT item, state, suspended FROM card")" "api.safe-methods|0|1"
expect_eq "the plan dates are copied into a database without them" \
	"$(sqlite3 "$T/flags.db" "SELECT value FROM setting WHERE key IN ('plan_start', 'interview_date') ORDER BY key")" \
	$'2026-12-24\n2026-11-20'

# Numbers with a fraction print in the shortest form that reads back the same.
printf '{"format": "backprep-export", "version": 1, "reviews": [{"item": "api.safe-methods", "rev": 1, "at": "2026-11-20T08:00:00Z", "grade": 3, "draw": 0.63028553}]}\n' >"$H/draw.json"
"$BIN" "${CONTENT[@]}" --db "$T/draw.db" import "$H/draw.json" >/dev/null
run --db "$T/draw.db" export
check "a draw of 0.63028553 is exported as 0.63028553, not 0.63028552999999998" \
	grep -qx '      "draw": 0.63028553,\?' <<<"$OUT_TEXT"
expect_eq "and kept exactly" "$(sqlite3 "$T/draw.db" "SELECT draw = 0.63028553 FROM review")" 1
run --db "$T/draw.db" today --json
check "today --json prints a recall of 1 as 1.0" grep -qx '      "retrievability": 1.0' <<<"$OUT_TEXT"

# Export errors.
run export -o "$T/no/such/dir/x.json"
expect_eq "export to a missing directory fails" "$RC" 1
check "and leaves no file" test ! -e "$T/no/such/dir/x.json.tmp"
run export --format xml
expect_eq "an unknown format is a usage error" "$RC" 2

# An answer keeps the day it was given on: answered at 22:00 in New York (03:00 UTC the next
# day), exported, and imported in Tokyo (where that moment is already the day after), it is
# still on the New York day, in the log and in Stats.
NY="$T/ny.db" TOKYO="$T/tokyo.db"
cat >"$T/ny.json" <<'JSON'
{"format": "backprep-export", "version": 4, "exported_at": "2026-11-28T12:00:00Z",
 "reviews": [{"item": "api.idempotency-key", "rev": 1, "at": "2026-11-28T03:00:00Z",
              "grade": 3, "seconds": 600}]}
JSON
TZ=America/New_York "$BIN" "${CONTENT[@]}" --db "$NY" import "$T/ny.json" >/dev/null
TZ=America/New_York "$BIN" "${CONTENT[@]}" --db "$NY" export -o "$T/ny-out.json"
expect_eq "the export says the New York day" "$(jq -r '.reviews[0].day' "$T/ny-out.json")" \
	"2026-11-27"
TZ=Asia/Tokyo "$BIN" "${CONTENT[@]}" --db "$TOKYO" import "$T/ny-out.json" >/dev/null
expect_eq "imported in Tokyo, it is still on that day" \
	"$(TZ=Asia/Tokyo "$BIN" "${CONTENT[@]}" --db "$TOKYO" stats --json --from 2026-11-27 \
		--to 2026-11-28 | jq -c '[.heatmap[] | [.date, .answers]]')" \
	'[["2026-11-27",1],["2026-11-28",0]]'
jq '.reviews[0].day = "2026-11-20"' "$T/ny-out.json" >"$T/bad-day.json"
run --db "$T/bad.db" import "$T/bad-day.json"
expect_eq "a day that cannot hold the answer's time is refused" "$RC" 1
check "and the message names the field" grep -qF 'reviews[0].day must be the date of "at" in some time zone' <<<"$OUT_TEXT"
finish
