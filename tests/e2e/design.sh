# A full system design (kind design, issue 14) walked phase by phase in a drill: the phase's
# question first, then its key points to tick and its model answer, then the next phase; the
# grade counts the points of every phase and undo takes the answer back. Then the design mock
# round: it draws a design, runs the question's own phases on their clocks and shows the
# question's own twist at its minute, never the template's twist about payments (which is not
# marked generic). Last, week 4 on Today suggests a mock round until one is taken.
#
# BACKPREP_MOCK_SPEED=600 runs the round's clocks 600 times faster (a minute in 0.1 s).
. "$(dirname "$0")/lib.bash"

PACK="$ROOT/tests/fixtures/design"

# The drill: the 35-minute paste service fits the 45-minute day; the 45-minute contacts
# design does not fit after it, and is not promised.
start_today -- --content "$PACK/design.yaml"
check "Today promises the one design that fits the day" wait_for "Up next: 1 question"
keys Enter
check "the design's prompt" wait_for "Design a paste service"
check "its first phase, with its minutes" wait_for "Phase 1 of 6: Requirements and scope (5 min)"
check "and the phase's question" wait_for "Ask: What must the service do"
check "the key points wait for Space" absent "Create, read and expire a paste"
check "the next phase is not shown yet" absent "Phase 2 of 6"
check "the footer says what Space does" wait_match "Space key points +1-9 tick"
check "and names the key once (not \"Space Space\")" absent "Space Space"
keys Space
check "Space reveals the phase's key points" \
	wait_for "[ ] 1. Create, read and expire a paste; links are unguessable"
check "and its model answer" wait_for "Create returns a short link; read by link"
keys 1 2 3
check "digits tick the phase's points" wait_for "[x] 3. Editing, accounts and search"
keys Space
check "Space shows the next phase" wait_for "Phase 2 of 6: Estimation (5 min)"
check "whose points wait for Space again" absent "About 60 writes a second"
keys Space 1 Space
check "the third phase" wait_for "Phase 3 of 6: API (5 min)"
keys Space Space Space Space Space Space
check "the last phase" wait_for "Phase 6 of 6: Failure handling (5 min)"
keys Space
check "Space at the last phase leads to the pitfalls" wait_for "Space pitfalls"
keys 1 Space
check "after the last phase: the pitfalls" wait_for "Sequential ids, which let anyone read"
check "the follow-ups" wait_for "How would you add private pastes?"
keys Enter
check "the share covered counts every phase's points" wait_for "covered 5 of 19"
check "a quarter covered suggests Again" wait_for "Enter take Again"
keys 3
check "the answer is saved" wait_for "Saved: design.paste-service graded Good."
expect_eq "the review holds the points of every phase" \
	"$(sql "SELECT item, grade, covered, points, source FROM review")" \
	"design.paste-service|3|5|19|drill"
check "a design is long: it is not asked again today, it goes to a later day" \
	test "$(sql "SELECT due > strftime('%s', '2026-11-30T00:00:00Z') FROM card WHERE item = 'design.paste-service'")" = 1
keys u
check "undo asks the design again from its first phase" \
	wait_for "Phase 1 of 6: Requirements and scope (5 min)"
expect_eq "and takes its review out of the log" "$(sql "SELECT count(*) FROM review")" 0
keys q
wait_for "Week 1" >/dev/null
keys q
expect_eq "quits cleanly" "$(exit_status)" 0

# Week 4 (the plan started 22 days ago) asks for mock rounds: Today says so while none was
# taken today or yesterday, from the same numbers as `today --json`.
"$BIN" --db "$DB" --content "$PACK" plan --start 2026-11-07 >/dev/null
check "today --json: a mock round is due in week 4" \
	sh -c '"$1" --db "$2" --content "$3" today --json | jq -e ".week == 4 and .mock_due == true"' \
	_ "$BIN" "$DB" "$PACK"

# The design mock round: the question's phases, clocks and twist.
start_today BACKPREP_MOCK_SPEED=600 -- --content "$PACK"
check "Today in week 4 suggests a mock round" \
	wait_for "Week 4 is for mock rounds, and you have not taken one yet: press m"
keys m
check "the Mock screen lists the design round" wait_for "System design round"
keys Enter
check "the round draws a design: its own first phase is on the clock" \
	wait_match "Phase 1 of [68]: Requirements and scope"
check "the question's twist appears at its minute" \
	wait_match "TWIST at (20|30):00: (Pastes may now be up to 50 MB|Two devices edit the same contact)" 15
check "a later phase of the question is on the clock" wait_match "Phase [5-8] of [68]: "
check "the template's twist about payments does not land on it" absent "Refunds must reach"
keys End
check "the walk has followed the clock to that phase's question" \
	wait_match "Phase [5-8] of [68]: [A-Za-z -]+ \([0-9]+ min\)"
check "nor is the payments twist anywhere in the round" absent "charged twice"
expect_eq "the round's segment runs as long as the question's phases" \
	"$(sql "SELECT s.minutes = CASE s.item WHEN 'design.paste-service' THEN 35 ELSE 45 END FROM mock_segment s")" 1
check "the round runs over its question's minutes" wait_for "OVER TIME" 15
keys Enter
check "the clock stops for the key points" wait_for "clock stopped"
keys Enter
check "then the design rubric" wait_for "dimension 1 of 2"
keys 3 Enter
wait_for "dimension 2 of 2" >/dev/null
keys 3 Enter
check "the round is finished" wait_match "[Rr]esults|finished"
expect_eq "its segment is scored" "$(sql "SELECT count(*) FROM mock_segment WHERE scored IS NOT NULL")" 1
keys q
wait_for "System design round" >/dev/null
keys q
check "back on Today" wait_for "m mocks"
check "a round taken today: no more suggestion" absent "Week 4 is for mock rounds"
keys q
expect_eq "quits cleanly after the round" "$(exit_status)" 0

finish
