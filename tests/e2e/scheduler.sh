# The scheduler through the interface: undo, bury, suspend, star, Again within the session,
# the interview date, cram, `item`, `today --json`, and doctor after a damaged card.
. "$(dirname "$0")/lib.bash"

CONTENT=(--content "$ROOT/tests/fixtures/e2e")
json() { "$BIN" "${CONTENT[@]}" today --json; }

start_today -- "${CONTENT[@]}"
wait_for "Up next" >/dev/null
keys Enter
wait_for "Drill 1/3" >/dev/null
first=$(screen | grep -o 'Drill 1/3 · [a-z]*')

# Answer, then undo: the review and the card are gone, the same question is asked again.
keys Space Enter 3
check "answer saved" wait_for "graded Good"
expect_eq "one review before undo" "$(sql 'SELECT count(*) FROM review')" 1
keys u
check "u takes the answer back" wait_for "Undone: the last answer was taken back."
check "and asks it again" wait_for "Drill 1/3"
expect_eq "undo removed the review" "$(sql 'SELECT count(*) FROM review')" 0
expect_eq "undo removed the new card" "$(sql 'SELECT count(*) FROM card')" 0

# Star, then bury: both are kept on the card; a buried item leaves today's queue.
keys '*'
check "* stars the question" wait_for "Starred: api."
starred=$(sql "SELECT item FROM card WHERE starred = 1")
check "the star is saved" test -n "$starred"
keys b
check "b buries until tomorrow" wait_for "Buried until tomorrow: $starred."
expect_eq "buried until the start of tomorrow" \
	"$(sql "SELECT buried_until FROM card WHERE item = '$starred'")" \
	"$(date -u -d '2026-11-30' +%s)"
check "the buried item is not offered again today" \
	bash -c "! \"\$0\" ${CONTENT[*]} today --json | grep -q '\"$starred\"'" "$BIN"

# Suspend the next one: s asks first, any key but y keeps it; u takes a suspension back
# (before, u undid the previous grade and left the item suspended for ever).
keys s
check "s asks before suspending" wait_for "y suspends, any other key keeps it."
keys n
check "another key keeps it" wait_for "Not suspended."
expect_eq "nothing suspended yet" "$(sql 'SELECT count(*) FROM card WHERE suspended = 1')" 0
keys s y
check "s y suspends" wait_for "Suspended: api."
suspended=$(sql "SELECT item FROM card WHERE suspended = 1")
expect_eq "the suspension is an event in the log" "$(sql "SELECT item, kind FROM event WHERE kind = 'suspend'")" \
	"$suspended|suspend"
check "and the drill moves on" wait_for "Drill 3/3"
keys u
check "u takes the suspension back" wait_for "Undone: suspend of $suspended."
check "and asks that question again" wait_for "Drill 2/3"
expect_eq "s, y, u leaves the item unsuspended" \
	"$(sql "SELECT count(*) FROM card WHERE suspended = 1")" 0
expect_eq "and its event is gone" "$(sql "SELECT count(*) FROM event WHERE kind = 'suspend'")" 0
keys s y
check "s y suspends it again" wait_for "Suspended: $suspended."
expect_eq "suspension saved" "$(sql 'SELECT count(*) FROM card WHERE suspended = 1')" 1

# Again brings the last one back within the session.
wait_for "Drill 3/3" >/dev/null
keys Space Enter 1
check "Again brings the item back later in the drill" wait_for "Drill 4/4"
keys Space Enter 3
check "the drill ends" wait_for "Drill done: 2 answered and saved."
leave_drill
wait_for "Up next" >/dev/null

# The interview date, set on Today.
keys i
check "i asks for the interview date" wait_for "Interview date (YYYY-MM-DD, empty to clear):"
keys 2026-12-20 Enter
check "the interview date is shown with the days left" wait_for "Interview: 2026-12-20, in 21 days"
expect_eq "and kept in the database" \
	"$(sql "SELECT value FROM setting WHERE key = 'interview_date'")" 2026-12-20
keys i C-u 2026-13-01 Enter
check "a bad date is refused" wait_for "'2026-13-01' is not a date like 2027-01-15."
keys Escape

# Cram: recorded as cram, schedule unchanged.
before=$(sql "SELECT item, due, stability, reps FROM card WHERE state <> 0 ORDER BY item")
keys c
check "c starts a cram session" wait_for "Cram 1/"
keys Space Enter 3
check "a cram answer is saved" wait_for "graded Good"
expect_eq "cram answers are marked" "$(sql "SELECT count(*) FROM review WHERE source = 'cram'")" 1
expect_eq "cram leaves schedules alone" \
	"$(sql "SELECT item, due, stability, reps FROM card WHERE state <> 0 ORDER BY item")" "$before"
leave_drill
keys q
expect_eq "quits cleanly" "$(exit_status)" 0

# item: state and history.
out=$("$BIN" "${CONTENT[@]}" item "$starred")
check "item shows the star and the bury as flags" \
	grep -q "^Flags: starred buried until 2026-11-30" <<<"$out"
again=$(sql "SELECT item FROM review WHERE grade = 1 LIMIT 1")
out=$("$BIN" "${CONTENT[@]}" item "$again")
check "item shows its history, Again first" grep -q "Again.*drill" <<<"$out"
check "item shows recall at the interview" grep -q "at the interview (2026-12-20)" <<<"$out"
out=$("$BIN" "${CONTENT[@]}" item api.no-such-thing 2>&1)
check "an unknown item is an error" grep -q "no item 'api.no-such-thing'" <<<"$out"

# today --json
out=$(json)
check "today --json names the interview" grep -q '"interview": "2026-12-20"' <<<"$out"
# The day before the interview, what would stand below 0.9 at it is asked: a review, with its
# recall at the interview.
out=$(BACKPREP_NOW=2026-12-19T08:00:00Z json)
check "today --json lists reviews with their recall" \
	jqt '[.queue[] | select(.kind == "review" and .retrievability < 0.9)] | length > 0' <<<"$out"
# Three weeks before the interview, the forecast runs to the day before it and no day holds
# more review minutes than the day's budget; today's reviews in the queue are its first day.
out=$(json)
check "the forecast covers the days before the interview" \
	jqt '.forecast_review_minutes | length == 21' <<<"$out"
check "no day of the forecast is over the budget" \
	jqt '.budget_minutes as $b | all(.forecast_review_minutes[]; . <= $b + 1e-9)' <<<"$out"
check "today's forecast is the queue's reviews" \
	jqt '(([.queue[] | select(.kind == "review") | .expected_minutes] | add // 0) -
		.forecast_review_minutes[0]) as $d | $d < 1e-6 and $d > -1e-6' <<<"$out"

# doctor: a damaged card is found and rebuilt from the log.
out=$("$BIN" "${CONTENT[@]}" doctor)
check "doctor finds a clean database" grep -q "cards: all match the review log" <<<"$out"
sql "UPDATE card SET stability = 99, due = 0 WHERE item = '$again'"
out=$("$BIN" "${CONTENT[@]}" doctor)
check "doctor repairs a damaged card" grep -q "1 differed from their replay and were repaired: $again" <<<"$out"
expect_eq "the repaired card is plausible again" \
	"$(sql "SELECT stability < 99 AND due > 0 FROM card WHERE item = '$again'")" 1
check "flags survive the repair" test "$(sql "SELECT starred FROM card WHERE item = '$starred'")" = 1
finish
