# Export means everything: a database given every kind of data through the interface — the
# first-run answers, a recruiter answer, starred, suspended and buried questions, drill and
# cram answers, a finished mock round with scores, evidence and notes, an unfinished one — is
# exported, imported into a fresh database and exported again: the two exports are equal but
# for exported_at, and the tables hold the same rows. A second import adds nothing.
. "$(dirname "$0")/lib.bash"

C="$T/content"
mkdir -p "$C"
cp "$ROOT"/tests/fixtures/mock/*.yaml "$ROOT/content/recruiter.yaml" "$C/"
CONTENT=(--content "$C")
FRESH="$T/fresh.db"
cat >"$T/editor.sh" <<'SH'
#!/bin/sh
printf '%s\n' "started from the write path" "	then the read path" >>"$1"
SH
chmod +x "$T/editor.sh"
fresh_sql() { sqlite3 -batch -noheader "$FRESH" "$@"; }

# score N EVIDENCE: scores the rubric's dimension shown and types its line of evidence.
score() {
	keys "$1"
	wait_for "Evidence for" >/dev/null || return 1
	keys -l "$2"
	wait_for "$2_" >/dev/null || return 1
	keys Enter
}

# end_segment: Enter ends the segment (asking again while time is left).
end_segment() {
	keys Enter
	wait_for_any "Press Enter again" "stopped" >/dev/null
	if screen | grep -qF "Press Enter again"; then keys Enter; fi
}

# Day 1: the first-run answers, a recruiter answer, a drill with a star, a suspension and a
# bury, then a mock round scored to the end (notes, evidence) and one left unfinished.
export BACKPREP_NOW=2026-11-29T08:00:00Z
start BACKPREP_MOCK_SPEED=30 EDITOR="$T/editor.sh" -- "${CONTENT[@]}"
wait_for "When is your interview?" >/dev/null
keys -l 2026-12-20
keys Enter
wait_for "How many minutes a day" >/dev/null
keys -l 45
keys Enter
check "the first-run answers lead to Today" wait_for "Enter drill"
keys r
wait_for "Up/Down" >/dev/null
keys 2
check "a recruiter answer is saved" wait_for "Saved: "
keys q
wait_for "Enter drill" >/dev/null
keys Enter
wait_for "Space reveal" >/dev/null
keys b
check "a question is buried" wait_for "Buried until tomorrow:"
wait_for "Space reveal" >/dev/null
suspended=0
if screen | grep -q "Step 1 of"; then # an incident: suspended, so that the next is graded
	keys s y
	check "a question is suspended" wait_for "Suspended:"
	suspended=1
	wait_for "Space reveal" >/dev/null
fi
keys '*'
check "a question is starred" wait_for "Starred:"
keys Space
wait_for "Enter grade" >/dev/null
keys Enter
wait_for "Grade:" >/dev/null
keys 3
check "and answered" wait_for "Saved: "
if [ $suspended = 0 ]; then
	wait_for "Space reveal" >/dev/null
	keys s y
	check "a question is suspended" wait_for "Suspended:"
fi
leave_drill
keys m
wait_for "Quick round" >/dev/null
keys Enter
wait_for "segment 1 of 2" >/dev/null
keys e
check "notes written in \$EDITOR" wait_for "started from the write path"
end_segment
wait_for "Key points" >/dev/null
keys 1 2
keys Enter
wait_for "dimension 1 of 2" >/dev/null
score 3 "asked for the read/write ratio first"
wait_for "dimension 2 of 2" >/dev/null
score 2 'named one cost, "latency"'
check "the first segment is saved" wait_for "Saved segment 1"
wait_for "Step 1 of 3" >/dev/null
keys Space 1 Space Space 1 Space Space 1 2
wait_for "[x] 2." >/dev/null
end_segment
wait_for "Clock stopped." >/dev/null
keys Space
wait_for "Root cause" >/dev/null
keys Enter
wait_for "dimension 1 of 2" >/dev/null
score 4 "asked who was affected"
wait_for "dimension 2 of 2" >/dev/null
score 1 "restarted it twice"
check "the round is finished, with its results" wait_for "Evidence: restarted it twice"
keys q
wait_for "Rounds taken" >/dev/null
keys k k Enter
wait_for "Quick round #2 · segment 1 of 2" >/dev/null
keys q
check "a second round is left unfinished" wait_for "Round #2 kept unfinished"
keys q
wait_for "Enter drill" >/dev/null
keys q
expect_eq "day 1 exits cleanly" "$(exit_status)" 0

# Day 2: a cram answer (recorded, never scheduled).
export BACKPREP_NOW=2026-11-30T08:00:00Z
start -- "${CONTENT[@]}"
wait_for "Enter drill" >/dev/null
keys c
wait_for "Space reveal" >/dev/null
# an incident of N steps takes 2N Spaces (each step's points, then the next) to its end
steps=$(screen | sed -n 's/.*Step 1 of \([0-9]*\).*/\1/p' | head -1)
spaces=1
[ -n "$steps" ] && spaces=$((steps * 2))
for _ in $(seq $spaces); do keys Space; done
wait_for "Enter grade" >/dev/null
keys Enter
wait_for "Grade:" >/dev/null
keys 4
check "a cram answer" wait_for "Saved: "
leave_drill
keys q
expect_eq "day 2 exits cleanly" "$(exit_status)" 0

# What the database holds: every kind of data.
expect_eq "drill, mock and cram answers" \
	"$(sql "SELECT group_concat(source, ',') FROM (SELECT DISTINCT source FROM review ORDER BY source)")" "cram,drill,mock"
expect_eq "a starred, a suspended and a buried card" \
	"$(sql "SELECT sum(starred), sum(suspended), sum(buried_until > 0) FROM card")" "1|1|1"
expect_eq "the settings made in the app" \
	"$(sql "SELECT group_concat(key, ' ') FROM (SELECT key FROM setting WHERE value <> '' ORDER BY key)")" \
	"daily_minutes first_run interview_date plan_start profile.role-shape set_on.daily_minutes set_on.interview_date"
expect_eq "a finished and an unfinished mock round" \
	"$(sql "SELECT group_concat(finished IS NULL) FROM (SELECT finished FROM mock_round ORDER BY id)")" "0,1"
expect_eq "with notes, scores and evidence" \
	"$(sql "SELECT count(*) FROM mock_score WHERE evidence <> ''") $(sql "SELECT count(*) FROM mock_segment WHERE notes LIKE '%read path%'")" \
	"4 1"

# Export, import into a fresh database, export again.
"$BIN" "${CONTENT[@]}" export -o "$T/a.json"
check "the export holds the mock rounds, settings and the bury" \
	test "$(jq -r '"\(.mocks | length) \(.settings | length) \([.items[] | select(.buried_until)] | length)"' "$T/a.json")" = "2 5 1"
out=$("$BIN" "${CONTENT[@]}" --db "$FRESH" import "$T/a.json")
expect_eq "import into a fresh database says what it added" "$out" \
	"imported $(sql 'SELECT count(*) FROM review') reviews (0 already present), $(sql 'SELECT count(*) FROM event') flag events; $(sql 'SELECT count(*) FROM card') cards rebuilt
imported 2 mock rounds (0 already present)"
export BACKPREP_NOW=2026-12-02T10:00:00Z
"$BIN" "${CONTENT[@]}" --db "$FRESH" export -o "$T/b.json"
expect_eq "the second export was made later" "$(jq -r .exported_at "$T/b.json")" "2026-12-02T10:00:00Z"
check "the two exports are equal apart from exported_at" \
	cmp -s <(jq 'del(.exported_at)' "$T/a.json") <(jq 'del(.exported_at)' "$T/b.json")

# The tables themselves, row for row (review ids aside: the log is kept in its order).
same() { # NAME SQL
	expect_eq "$1" "$(fresh_sql "$2")" "$(sql "$2")"
}
same "the review log" "SELECT item, rev, at, grade, covered, points, hints, seconds, quote(draw), source FROM review ORDER BY item, at, id"
same "the cards, flags and buries" "SELECT * FROM card ORDER BY item"
same "the settings" "SELECT * FROM setting ORDER BY key"
same "the mock rounds" "SELECT * FROM mock_round ORDER BY id"
same "their segments, each linked to the review it recorded" \
	"SELECT g.round, g.pos, g.title, g.item, g.rev, g.rubric, g.minutes, g.elapsed_ms, g.ended, g.covered, g.points, g.notes, g.scored, g.grade, r.item, r.at, r.grade FROM mock_segment g LEFT JOIN review r ON r.id = g.review ORDER BY g.round, g.pos"
same "their scores and evidence, in the order scored" "SELECT round, pos, dimension, score, evidence FROM mock_score ORDER BY rowid"
expect_eq "no broken foreign keys" "$(fresh_sql 'PRAGMA foreign_key_check')" ""
expect_eq "integrity" "$(fresh_sql 'PRAGMA integrity_check')" "ok"
out=$("$BIN" "${CONTENT[@]}" --db "$FRESH" mocks)
check "mocks reads the imported rounds" grep -q "#1 .*finished, mean" <<<"$out"

# A second import adds nothing: no answer, no round twice.
before=$(fresh_sql "SELECT (SELECT count(*) FROM review) || ' ' || (SELECT count(*) FROM mock_round) || ' ' || (SELECT count(*) FROM mock_score)")
out=$("$BIN" "${CONTENT[@]}" --db "$FRESH" import "$T/a.json")
check "a second import adds no review" grep -q "^imported 0 reviews" <<<"$out"
check "and no mock round" grep -qx "imported 0 mock rounds (2 already present)" <<<"$out"
expect_eq "the counts are as they were" \
	"$(fresh_sql "SELECT (SELECT count(*) FROM review) || ' ' || (SELECT count(*) FROM mock_round) || ' ' || (SELECT count(*) FROM mock_score)")" "$before"

# A version 1 export (before settings, mock rounds and buries) is still read.
jq '.version = 1 | del(.settings) | .mocks = [] | del(.items[].buried_until)' "$T/a.json" >"$T/v1.json"
out=$("$BIN" "${CONTENT[@]}" --db "$T/v1.db" import "$T/v1.json")
check "a version 1 export still imports" grep -q "^imported $(sql 'SELECT count(*) FROM review') reviews (0 already present)" <<<"$out"
expect_eq "with the same log" \
	"$(sqlite3 "$T/v1.db" "SELECT item, at, grade, source FROM review ORDER BY item, at, id")" \
	"$(sql "SELECT item, at, grade, source FROM review ORDER BY item, at, id")"

# Merging into a database with its own round #1: the imported #1 gets the next number, and
# the local settings win.
"$BIN" "${CONTENT[@]}" --db "$T/other.db" plan --interview 2027-01-10 >/dev/null
sqlite3 "$T/other.db" "INSERT INTO mock_round (id, template, title, started) VALUES (1, 'quick-3', 'Quick round', 1790000000);
	INSERT INTO setting VALUES ('daily_minutes', '90');"
out=$("$BIN" "${CONTENT[@]}" --db "$T/other.db" import "$T/a.json")
check "both rounds are added next to the local one" grep -qx "imported 2 mock rounds (0 already present)" <<<"$out"
expect_eq "the local round keeps #1, the imported ones follow" \
	"$(sqlite3 "$T/other.db" "SELECT group_concat(id || ':' || started) FROM (SELECT * FROM mock_round ORDER BY id)")" \
	"1:1790000000,2:$(sql 'SELECT started FROM mock_round WHERE id = 1'),3:$(sql 'SELECT started FROM mock_round WHERE id = 2')"
expect_eq "a setting the database has is kept; one it lacks is copied" \
	"$(sqlite3 "$T/other.db" "SELECT key || '=' || value FROM setting WHERE key IN ('daily_minutes', 'interview_date', 'profile.role-shape') ORDER BY key")" \
	"daily_minutes=90
interview_date=2027-01-10
profile.role-shape=$(sql "SELECT value FROM setting WHERE key = 'profile.role-shape'")"

# Bad mock rounds and settings are refused with their place, writing nothing.
sum=$(md5sum <"$FRESH")
refused() { # NAME JQ-FILTER MESSAGE
	jq "$2" "$T/a.json" >"$T/bad.json"
	out=$("$BIN" "${CONTENT[@]}" --db "$FRESH" import "$T/bad.json" 2>&1)
	if [ $? = 1 ] && [ "$out" = "backprep: $T/bad.json: $3" ] && [ "$(md5sum <"$FRESH")" = "$sum" ]; then
		ok "$1"
	else
		not_ok "$1" "$out"
	fi
}
refused "a score of 5 is refused by its place" '.mocks[0].segments[1].scores[0].score = 5' \
	"mocks[0].segments[1].scores[0].score must be an integer from 1 to 4, not 5"
refused "a round started in the future is refused" '.mocks[1].started = "2030-01-01T00:00:00Z"' \
	"mocks[1].started must be a time from 2000-01-01 to a day after this clock (2026-12-03T10:00:00Z), not 2030-01-01T00:00:00Z"
refused "a round without segments is refused" '.mocks[0].segments = []' \
	"mocks[0].segments must be an array of 1 to 64 segments, not 0"
refused "an unknown setting is refused" '.settings.colour = "red"' \
	"settings.colour is not a setting backprep keeps"
refused "a setting with a bad value is refused" '.settings.daily_minutes = "lots"' \
	"settings.daily_minutes must be \"\" or minutes from 1 to 600, as a string"
finish
