# A week of days with the shipped content and a pinned clock, answered through the TUI:
# every day's queue is drilled to the end, every fifth answer is Again. Afterwards the review
# log replays to exactly the cached cards (doctor), and the schedule has moved on.
. "$(dirname "$0")/lib.bash"

answered=0
drill_today() {
	local n=0
	wait_for "Enter drill" >/dev/null || return 1
	if screen | grep -q "Nothing left for today"; then
		keys q
		return 0
	fi
	keys Enter
	while [ $n -lt 60 ]; do
		wait_for_any "Space reveal" "Drill done" || return 1
		screen | grep -q "Drill done" && break
		reveal_all || return 1
		keys Enter
		wait_for "Grade:" >/dev/null || return 1
		answered=$((answered + 1))
		if [ $((answered % 5)) -eq 0 ]; then keys 1; else keys 3; fi
		wait_for "graded" >/dev/null || return 1
		n=$((n + 1))
	done
	leave_drill
	keys q
}

# reveal_all: Space until the answer is open; an incident is walked one step per Space.
reveal_all() {
	local i=0
	keys Space
	while [ $i -lt 100 ]; do
		screen | grep -qF "Enter grade" && return 0
		screen | grep -qE "Space (expected points|next step|root cause)" && keys Space
		sleep 0.05
		i=$((i + 1))
	done
	screen | sed 's/^/#   | /'
	return 1
}

# The plan's new questions a day pace the plan and the minutes limit them; a person who sets
# new_per_day in config.yaml makes it a cap, which this week checks.
mkdir -p "$XDG_CONFIG_HOME/backprep"
printf 'new_per_day: 6\n' >"$XDG_CONFIG_HOME/backprep/config.yaml"

for day in 01 02 03 04 05 06 07; do
	export BACKPREP_NOW="2026-12-${day}T08:00:00Z"
	start_today -- --content "$ROOT/content"
	if drill_today; then ok "day $day drilled to the end"; else not_ok "day $day drilled to the end"; fi
	expect_eq "day $day exits cleanly" "$(exit_status)" 0
done

total=$(sql 'SELECT count(*) FROM review')
expect_eq "every confirmed answer is in the log" "$total" "$answered"
check "each of the seven days has answers" \
	test "$(sql "SELECT count(DISTINCT at) FROM review")" -eq 7
check "Again answers were asked again the same day" \
	test "$(sql "SELECT count(*) FROM (SELECT item, at FROM review GROUP BY item, at HAVING count(*) > 1)")" -gt 0
check "some cards have graduated to review" test "$(sql 'SELECT count(*) FROM card WHERE state = 2')" -gt 0
check "reviews are scheduled into the future" \
	test "$(sql "SELECT max(due) FROM card")" -gt "$(date -u -d 2026-12-08 +%s)"
check "new items per day stayed within config.yaml's cap (6)" \
	test "$(sql "SELECT max(n) FROM (SELECT count(*) n FROM card GROUP BY introduced)")" -le 6

out=$("$BIN" --content "$ROOT/content" doctor)
check "the log replays to exactly the cached cards" grep -q "cards: all match the review log" <<<"$out"

# Export the week, import it into a fresh database: the same states.
cards_of() { sqlite3 -batch "$1" "SELECT item, rev, state, printf('%.9f', stability), printf('%.9f', difficulty), due, reps, lapses, step FROM card WHERE state <> 0 ORDER BY item"; }
"$BIN" --content "$ROOT/content" export -o "$T/week.json"
out=$("$BIN" --content "$ROOT/content" --db "$T/fresh.db" import "$T/week.json")
check "the week imports into a fresh database" grep -q "^imported $answered reviews (0 already present)" <<<"$out"
check "with every card in the same state" test "$(cards_of "$DB")" = "$(cards_of "$T/fresh.db")"
check "and a non-empty set of them" test -n "$(cards_of "$T/fresh.db")"

export BACKPREP_NOW="2026-12-08T08:00:00Z"
out=$("$BIN" --content "$ROOT/content" today --json)
check "day 8 brings reviews back" grep -q '"kind": "review"' <<<"$out"
finish
