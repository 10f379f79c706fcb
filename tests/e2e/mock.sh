# A mock round taken through the interface: the countdown and its phases, pause, the twist at
# its minute, notes through a scripted $EDITOR, an overrun, the key points and the rubric with
# evidence, a lapse in the review log; leaving midway, resuming, the results; then
# `backprep mocks --json`, a second round that draws a fresh question, and a discard.
#
# BACKPREP_MOCK_SPEED=30 runs the round's clocks 30 times faster than real time (a 2-minute
# segment takes 4 seconds): the clock is still read from the monotonic clock, and every wait
# polls the screen.
. "$(dirname "$0")/lib.bash"

CONTENT=(--content "$ROOT/tests/fixtures/mock")
EDITOR_SCRIPT="$T/editor.sh"
cat >"$EDITOR_SCRIPT" <<'SH'
#!/bin/sh
# a person writing notes: one more line in the file they were given
printf '%s\n' "checked the replica lag first" >>"$1"
SH
chmod +x "$EDITOR_SCRIPT"


# wait_re REGEX [SECONDS]: polls the screen until a line matches the extended regex.
wait_re() {
	local re=$1 limit=${2:-10} i=0
	while [ $i -lt $((limit * 20)) ]; do
		screen | grep -qE -- "$re" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "# timed out waiting for /$re/"
	return 1
}

# scroll_to TEXT: pages down until TEXT is on the screen.
scroll_to() {
	local i
	for i in $(seq 30); do
		screen | grep -qF -- "$1" && return 0
		keys NPage
		sleep 0.05
	done
	return 1
}

# stays TEXT SECONDS: TEXT is on the screen, and still is after SECONDS of polling.
stays() {
	local i=0
	while [ $i -lt $(($2 * 20)) ]; do
		screen | grep -qF -- "$1" || return 1
		sleep 0.05
		i=$((i + 1))
	done
}

start_today BACKPREP_MOCK_SPEED=30 EDITOR="$EDITOR_SCRIPT" -- "${CONTENT[@]}"
check "Today offers the mock rounds" wait_for "m mocks"
keys m
check "m opens the Mock screen with the templates" \
	wait_for "> Quick round · 3 min: API design 2, Incident 1"
check "the template's description" wait_for "a design question with two phases and a twist"
check "no rounds taken yet" wait_for "No rounds taken yet."
keys '?'
check "help lists the Mock screen's keys first" wait_for "discard the unfinished round chosen"
check "and those of a round, further down" scroll_to "pause or resume the clock"
keys q

keys Enter
check "Enter starts a round at its first segment" \
	wait_for "Quick round #1 · segment 1 of 2: API design"
check "the question is shown" wait_for "Design "
check "the clock counts down" wait_re "Clock 00:[0-5][0-9] of 02:00 · 01:[0-5][0-9] left"
check "the first phase with its own clock" \
	wait_re "Phase 1 of 2: Requirements and scope · 00:[0-5][0-9] left$"
keys p
check "p pauses the clock" wait_for "PAUSED, p resumes"
paused=$(screen | grep -oE "Clock [0-9:]+ of 02:00")
check "a paused clock stands still" stays "$paused" 1
keys p
check "p starts it again" wait_gone "PAUSED"
check "the twist appears at its minute" \
	wait_for "TWIST at 1:00: The primary database is lost." 15
check "with the second phase" wait_for "Phase 2 of 2: Tradeoffs"
keys e
check "e opens \$EDITOR, and the notes come back on the screen" \
	wait_for "checked the replica lag first"
check "the screen is whole again after the editor" wait_for "Quick round #1 · segment 1 of 2"
check "an overrun is shown plainly" wait_for "OVER TIME by" 15
check "and in the title bar" wait_re "OVER by 00:[0-9]{2} *$"

keys Enter
check "Enter stops the clock and reveals the key points" \
	wait_for "Key points: press 1-9 for each one you covered"
check "with the model answer" wait_for "Model answer"
keys 1 3
check "digits tick the key points" wait_for "[x] 3."
keys Enter
check "each rubric dimension is scored in turn" \
	wait_for "Design · dimension 1 of 2: Requirements and scope"
check "level 1 described by behaviour" wait_for "1  Started drawing without asking what the system must do"
check "level 4 described by behaviour" wait_for "4  Named the requirements that drive the design"
keys 2
check "a level asks for a line of evidence" wait_for "Evidence for Requirements and scope (2): _"
check "which is optional" wait_for "Enter saves (empty skips)"
keys -l "stale words"
keys Escape
check "Esc goes back to the levels" wait_for "1-4 score this dimension"
keys 2
check "after Esc the field starts empty" wait_for "Evidence for Requirements and scope (2): _"
check "the old evidence is gone" absent "stale words"
keys -l "asked scale only at the end"
keys Home Right Right Right Right Right Right
keys -l "about "
check "Home and Right move the cursor; typing goes in at the cursor" \
	wait_for "(2): asked about scale only at the end"
check "which stays inside the line" absent "at the end_"
keys End
keys -l "xyz"
keys Left BSpace
check "Left then Backspace deletes inside the line" wait_for "at the endxz"
keys Right BSpace BSpace
check "Right, then Backspace at the end" wait_for "(2): asked about scale only at the end_"
keys Enter
check "then the next dimension" wait_for "dimension 2 of 2: Tradeoffs"
check "with the one scored before it" wait_for "Requirements and scope: 2 — asked about scale only at the end"
keys 2
keys -l "named no costs, café"
keys BSpace
check "Backspace takes a whole UTF-8 character" wait_for "Evidence for Tradeoffs (2): named no costs, caf_"
keys C-u
check "Ctrl-U empties the field" wait_for "Evidence for Tradeoffs (2): _"
check "of all it held" absent "named no costs"
keys Enter
check "the segment is saved, and a poor one is a lapse" \
	wait_re "Saved segment 1: mean 2.0; api\.[a-z-]+ comes back for review soon \(a lapse\)"
check "the next segment's clock starts" wait_for "Quick round #1 · segment 2 of 2: Incident"
keys p
check "and pauses" wait_for "PAUSED, p resumes"
check "an incident shows its first step" wait_for "Step 1 of 3"
check "and not the next" absent "Step 2 of 3"
keys Space
check "Space reveals the step's expected points" wait_for "[ ] 1. Whether the consumers"
keys 2
check "digits tick the step's points" wait_for "[x] 2. What changed at 09:10"
keys q
check "q leaves the round, kept unfinished" wait_for "Round #1 kept unfinished"
check "it is listed as unfinished" \
	wait_for "#1 · 2026-11-29 08:00 · Quick round · 1 of 2 segments scored"

first=$(sql "SELECT item FROM mock_segment WHERE round = 1 AND pos = 0")
expect_eq "the round is unfinished in the database" \
	"$(sql 'SELECT template, finished IS NULL FROM mock_round')" "quick-3|1"
expect_eq "the scored segment: key points, grade, notes" \
	"$(sql "SELECT covered, points, grade, ended, notes FROM mock_segment WHERE round = 1 AND pos = 0")" \
	"2|4|1|1|checked the replica lag first"
check "its clock time was kept (over the 2 minutes)" \
	test "$(sql "SELECT elapsed_ms FROM mock_segment WHERE round = 1 AND pos = 0")" -gt 120000
expect_eq "its scores, each with its evidence" \
	"$(sql "SELECT dimension, score, evidence FROM mock_score WHERE round = 1 ORDER BY rowid")" \
	"scope|2|asked about scale only at the end
tradeoffs|2|"
expect_eq "the unscored segment has no scores" \
	"$(sql "SELECT scored IS NULL, count(s.dimension) FROM mock_segment g LEFT JOIN mock_score s USING (round, pos) WHERE g.round = 1 AND g.pos = 1")" \
	"1|0"
expect_eq "the question went into the review log as a lapse" \
	"$(sql "SELECT item, grade, covered, points, source FROM review")" "$first|1|2|4|mock"
check "and comes back for review within minutes" \
	test "$(sql "SELECT c.due - r.at FROM card c JOIN review r USING (item)")" -le 600

keys Down Enter
check "Enter on the unfinished round resumes it, paused" wait_for "resumed, its clock paused"
check "at the segment not yet scored" wait_for "segment 2 of 2: Incident"
keys Space 1 Space Space 1 Space Space 1 2 3
check "the incident is walked to its last step" wait_for "[x] 3. An alert on queue age"
keys Enter
check "ending a segment with time left asks first" wait_for "Press Enter again to end the segment"
keys Enter
check "then the clock stops" wait_for "Clock stopped."
keys Space
check "Space then shows the root cause" wait_for "Root cause"
keys Enter
check "the incident's rubric" wait_for "Debugging · dimension 1 of 2: Triage and blast radius"
keys 3
keys -l "asked who was affected first"
keys Enter 4
keys -l "paused retries before reading the diff"
keys Enter
check "the last segment finishes the round: its results" wait_for "Round #1 · Quick round"
check "the results hold each score with its evidence" \
	wait_for "Evidence: paused retries before reading the diff"
check "the notes" wait_for "checked the replica lag first"
check "the lapse" wait_for "Recorded for review: Again (a lapse: it comes back soon)"
keys G
check "readiness: not yet, and what holds it back" \
	wait_for "Not ready yet: 1 of the 3 finished rounds it takes. Held back by: Design ·"
check "each dimension's trend" wait_for "Debugging · Mitigation before root cause: 4.0  (first)"

expect_eq "the round is finished" "$(sql 'SELECT finished IS NOT NULL FROM mock_round WHERE id = 1')" 1
expect_eq "four dimensions scored in all" "$(sql 'SELECT count(*) FROM mock_score WHERE round = 1')" 4
expect_eq "the incident was recorded with the share covered over all its steps" \
	"$(sql "SELECT item, grade, covered, points, source FROM review ORDER BY id DESC LIMIT 1")" \
	"debugging.queue-backlog|2|5|8|mock"
expect_eq "the segment points at its review" \
	"$(sql "SELECT count(*) FROM mock_segment g JOIN review r ON r.id = g.review")" 2

# the command line, while the trainer is open
json=$("$BIN" "${CONTENT[@]}" mocks --json)
expect_eq "mocks --json: the round and its status" \
	"$(jq -r '.rounds[0] | "\(.id) \(.template) \(.status)"' <<<"$json")" "1 quick-3 finished"
expect_eq "mocks --json: scores with evidence" \
	"$(jq -r '.rounds[0].segments[1].scores[0] | "\(.dimension) \(.score) \(.evidence)"' <<<"$json")" \
	"triage 3 asked who was affected first"
expect_eq "mocks --json: each dimension's trend" \
	"$(jq -r '.dimensions[] | "\(.rubric)/\(.dimension) \(.scores | join(",")) \(.trend)"' <<<"$json")" \
	"design/scope 2 first
design/tradeoffs 2 first
debugging/triage 3 first
debugging/mitigation 4 first"
expect_eq "mocks --json: not ready, and why" \
	"$(jq -r '.readiness | "\(.ready) \(.counted) \([.held_back_by[].dimension] | join(","))"' <<<"$json")" \
	"false 1 scope,tradeoffs"
json=$("$BIN" "${CONTENT[@]}" stats --json)
expect_eq "stats --json: each dimension's scores and latest, the verdict" \
	"$(jq -r '.mocks | (.dimensions[] | "\(.title) \(.scores | join(",")) \(.latest)"), "\(.finished_rounds) \(.ready)"' <<<"$json")" \
	"$(jq -r '.dimensions[] | "\(.title) \(.scores | join(",")) \(.scores[-1])"' <<<"$("$BIN" "${CONTENT[@]}" mocks --json)")
1 false"
out=$("$BIN" "${CONTENT[@]}" --plan "$ROOT/content/plan.yaml" plan --json)
expect_eq "a finished round meets the plan's first-mock milestone" \
	"$(jq -r '.weeks[2].milestones[] | select(.id == "w3-first-mock") | "\(.value) \(.state)"' <<<"$out")" \
	"1 met"
out=$("$BIN" "${CONTENT[@]}" mocks)
check "mocks lists the round with its mean" \
	grep -q "^  #1   2026-11-29 08:00  Quick round  *finished, mean 2.8$" <<<"$out"
check "mocks says what holds readiness back" \
	grep -q "held back by Design · Requirements and scope (2.0), Design · Tradeoffs (2.0)" <<<"$out"

# a second round draws the design question not used yet; then it is discarded
keys q
check "q goes back to the list" wait_for "Rounds taken (Enter shows the results)"
keys k k Enter
check "a second round starts" wait_for "Quick round #2 · segment 1 of 2"
keys q
check "and is left unfinished" wait_for "Round #2 kept unfinished"
expect_eq "it drew the design question not used in a mock yet" \
	"$(sql "SELECT item <> '$first' AND item LIKE 'api.%' FROM mock_segment WHERE round = 2 AND pos = 0")" 1
keys j d
check "d asks before discarding" wait_for "Discard round #2 and the scores it holds?"
keys y
check "y discards it" wait_for "Round #2 discarded"
expect_eq "its rows are gone" "$(sql 'SELECT count(*) FROM mock_round WHERE id = 2')" 0
expect_eq "with its segments" "$(sql 'SELECT count(*) FROM mock_segment WHERE round = 2')" 0
expect_eq "the first round stays" "$(sql 'SELECT count(*) FROM mock_round')" 1
expect_eq "no broken foreign keys" "$(sql 'PRAGMA foreign_key_check')" ""
keys q q
expect_eq "quits cleanly" "$(exit_status)" 0
check "terminal restored" terminal_restored
out=$("$BIN" "${CONTENT[@]}" doctor)
check "the mock answers replay to the same cards (doctor)" \
	grep -q "cards: all match the review log" <<<"$out"

# The shipped templates are all there, and a round of the first starts; stopped by a signal
# midway, it keeps its clock time and stays unfinished.
start_today BACKPREP_MOCK_SPEED=30 -- --content "$ROOT/content"
keys m
check "the 60-minute mixed round" wait_for "Mixed backend round · 60 min: Coding 25, API or data design 20, Debugging discussion 15"
check "the system design round" wait_for "System design round · 45 min"
check "the incident round" wait_for "Incident round · 30 min"
check "the coding round" wait_for "Coding round · 45 min"
keys Enter
check "a shipped round starts (round numbers are not reused)" \
	wait_for "Mixed backend round #3 · segment 1 of 3: Coding"
check "with its phase clocks" wait_for "Phase 1 of 3: Clarify and plan"
check "the clock runs" wait_re "Clock 0[1-9]:[0-9]{2} of 25:00"
kill -TERM "$(app_pid)"
expect_eq "SIGTERM stops backprep" "$(exit_status)" 143
check "and the terminal is restored" terminal_restored
expect_eq "the round stays unfinished" "$(sql 'SELECT finished IS NULL FROM mock_round WHERE id = 3')" 1
check "with the clock time it had" \
	test "$(sql 'SELECT elapsed_ms FROM mock_segment WHERE round = 3 AND pos = 0')" -ge 60000

# finish_round: ends each segment of the round on screen and scores every dimension 3 with no
# evidence (Enter on the empty line), until its results show.
finish_round() {
	local i
	for i in $(seq 100); do
		case "$(screen)" in
		*"q back to the list"*) return 0 ;;
		*"1-4 score this dimension"*)
			keys 3
			wait_for "Evidence for" >/dev/null
			keys Enter
			wait_gone "Evidence for" >/dev/null ;;
		*"Enter score the rubric"*)
			keys Enter
			wait_gone "Enter score the rubric" >/dev/null ;;
		*"Press Enter again"*)
			keys Enter
			wait_gone "Press Enter again" >/dev/null ;;
		*"Enter end segment"*)
			keys Enter
			wait_for_any "Press Enter again" "Clock stopped" >/dev/null ;;
		*) sleep 0.05 ;;
		esac
	done
	return 1
}

# reaches KEY N: from the top of the Mock screen, at most N presses of KEY bring the last
# trend line into view.
LAST_TREND="Debugging and incident round · Communication: 3.0  (first)"
reaches() {
	local i
	keys Home
	wait_for "A mock round rehearses" >/dev/null || return 1
	for i in $(seq "$2"); do
		keys "$1"
		sleep 0.05
		screen | grep -qF -- "$LAST_TREND" && return 0
	done
	return 1
}

# After a mixed round the Mock screen's trends run past the window: every way down reaches
# the last one, at 100x30.
DB="$T/mixed.db"
start_today -- --db "$DB" --content "$ROOT/content"
keys m
wait_for "Mixed backend round" >/dev/null
keys Enter
wait_for "segment 1 of 3" >/dev/null
check "a mixed round is scored to its end" finish_round
expect_eq "its 19 dimensions are saved" "$(sql 'SELECT count(*) FROM mock_score')" 19
keys q
check "the Mock screen opens at the top" wait_for "A mock round rehearses"
check "with the last trend out of view" absent "$LAST_TREND"
check "PgDn reaches the last trend line" reaches NPage 10
check "End reaches it at once" reaches End 1
check "G reaches it at once" reaches G 1
check "j goes through the entries, then scrolls on to it" reaches j 40
check "the first line is scrolled away then" absent "A mock round rehearses"
keys g
check "g scrolls back to the top" wait_for "A mock round rehearses"
keys k
check "and k chooses the entry above the last one" wait_for "> Behavioral round"
keys q q
expect_eq "quits cleanly after scrolling" "$(exit_status)" 0
finish
