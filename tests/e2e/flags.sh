# Flags and resets as events in the log, and the next intervals on the grade bar: what the
# bar shows for Good is what `backprep item` says after grading; an interval past the
# interview is marked; `backprep item ID --suspend ... --reset` records events that Today,
# doctor, export and import all follow (an import can carry an unsuspend).
. "$(dirname "$0")/lib.bash"

CONTENT=(--content "$ROOT/tests/fixtures/e2e")
json() { "$BIN" "${CONTENT[@]}" today --json; }
day_after() { date -u -d "2026-11-29 +$1 days" +%Y-%m-%d; }

start_today -- "${CONTENT[@]}"
wait_for "Up next" >/dev/null
keys i 2026-12-03 Enter
wait_for "Interview: 2026-12-03" >/dev/null
keys Enter
wait_for "Drill 1/" >/dev/null
check "the footer offers the hints this question has" wait_for "h hint (2 left)"
check "and star, bury and suspend" wait_for "* star   b bury   s suspend"
keys Space
wait_for "Key points" >/dev/null
resize 80 16
check "a text longer than the window shows where the window is" \
	wait_match "new +[0-9]+/[0-9]+ · 0 saved"
check "and that it scrolls" wait_for "Up/Down scroll"
resize 100 30
keys 1 Enter
check "the grade bar shows each grade's next interval" \
	wait_for "1 Again 10m   2 Hard 15m   3 Good 2d   4 Easy 7d*"
check "an interval past the interview is marked and said" \
	wait_for "* falls after the interview (2026-12-03)"
good=$(screen | grep -o '3 Good [0-9]*d' | grep -o '[0-9]*d$' | tr -d d)
keys 3
check "Good is saved" wait_for "graded Good"
check "then u is offered" wait_for "u undo"
check "and h hint is not, for a question without hints" wait_gone "h hint"
item=$(sql "SELECT item FROM review ORDER BY id DESC LIMIT 1")
out=$("$BIN" "${CONTENT[@]}" item "$item")
check "backprep item gives the due day the bar showed for Good" \
	grep -q "due $(day_after "$good")" <<<"$out"
check "and why: the interval the last answer gave" \
	grep -q "^  The last answer (2026-11-29, Good) gave an interval of $good days: due $(day_after "$good").$" <<<"$out"
check "and its recall since, one number for one answer" \
	grep -Eq "^Recall just before each answer, then now: [01]\.[0-9]{2}$" <<<"$out"
expect_eq "and the card in the database says the same" \
	"$(sql "SELECT date(due, 'unixepoch') FROM card WHERE item = '$item'")" "$(day_after "$good")"
leave_drill
keys q
expect_eq "quits cleanly" "$(exit_status)" 0

# From the shell: suspend, then unsuspend; Today follows the events.
new=$(json | jq -r '[.queue[] | select(.kind == "new")][0].id')
out=$("$BIN" "${CONTENT[@]}" item "$new" --suspend)
check "item --suspend records the event" grep -q "^Recorded: suspend.$" <<<"$out"
check "and shows the flag" grep -q "^Flags: suspended" <<<"$out"
check "a suspended item leaves today's queue" \
	bash -c "! \"\$0\" ${CONTENT[*]} today --json | jq -e --arg id \"\$1\" '.queue[] | select(.id == \$id)' >/dev/null" "$BIN" "$new"
"$BIN" "${CONTENT[@]}" item "$new" --unsuspend >/dev/null
check "item --unsuspend brings it back" \
	bash -c "\"\$0\" ${CONTENT[*]} today --json | jq -e --arg id \"\$1\" '.queue[] | select(.id == \$id)' >/dev/null" "$BIN" "$new"
expect_eq "both are events in the log, in order" \
	"$(sql "SELECT kind FROM event WHERE item = '$new' ORDER BY id" | tr '\n' ' ')" "suspend unsuspend "
out=$("$BIN" "${CONTENT[@]}" doctor)
check "doctor replays the events to the same cards" grep -q "cards: all match the review log" <<<"$out"

# Reset: the card starts over as new; its answers stay in the log.
"$BIN" "${CONTENT[@]}" item "$item" --star --reset >/dev/null
expect_eq "a reset card is new again, its star kept" \
	"$(sql "SELECT state, reps, starred FROM card WHERE item = '$item'")" "0|0|1"
expect_eq "its answer stays in the log" "$(sql "SELECT count(*) FROM review WHERE item = '$item'")" 1
out=$("$BIN" "${CONTENT[@]}" item "$item")
check "item shows the reset among the events" grep -q "08:00  reset$" <<<"$out"
check "and the card as new" grep -q "^State: new" <<<"$out"
sql "UPDATE card SET state = 2, reps = 1 WHERE item = '$item'"
out=$("$BIN" "${CONTENT[@]}" doctor)
check "doctor rebuilds a damaged card to its reset" grep -q "1 differed from their replay and were repaired: $item" <<<"$out"
expect_eq "as new" "$(sql "SELECT state, reps FROM card WHERE item = '$item'")" "0|0"

# Export carries the events (version 2); import into another database reproduces the cards,
# the unsuspend included.
"$BIN" "${CONTENT[@]}" export -o "$T/out.json" >/dev/null
expect_eq "the export is version 4 with the events" \
	"$(jq -r '"\(.version) \([.events[].kind] | sort | join(","))"' "$T/out.json")" "4 reset,star,suspend,unsuspend"
FRESH="$T/fresh.db"
"$BIN" "${CONTENT[@]}" --db "$FRESH" import "$T/out.json" >/dev/null
expect_eq "import reproduces the cards and their flags" \
	"$(sqlite3 "$FRESH" 'SELECT item, state, reps, suspended, starred FROM card ORDER BY item')" \
	"$(sql 'SELECT item, state, reps, suspended, starred FROM card ORDER BY item')"
# an unsuspend made here reaches a database where the item is still suspended
BACKPREP_NOW=2026-11-29T08:30:00Z "$BIN" "${CONTENT[@]}" --db "$FRESH" item "$new" --suspend >/dev/null
BACKPREP_NOW=2026-11-29T09:00:00Z "$BIN" "${CONTENT[@]}" item "$new" --unsuspend >/dev/null
"$BIN" "${CONTENT[@]}" export -o "$T/out2.json" >/dev/null
"$BIN" "${CONTENT[@]}" --db "$FRESH" import "$T/out2.json" >/dev/null
expect_eq "an import carries an unsuspend" \
	"$(sqlite3 "$FRESH" "SELECT suspended FROM card WHERE item = '$new'")" 0
"$BIN" "${CONTENT[@]}" export -o "$T/again.json" >/dev/null
"$BIN" "${CONTENT[@]}" import "$T/again.json" >/dev/null
expect_eq "importing its own export adds no event" "$(sql 'SELECT count(*) FROM event')" 5
finish
