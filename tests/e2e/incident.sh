# An incident drilled step by step: what the person sees and the question first, then the
# points a good answer covers, ticked per step, then the next step; the walk ends with the root
# cause, mitigation and prevention, and the share covered counts every step's points.
. "$(dirname "$0")/lib.bash"


start_today -- --content "$ROOT/tests/fixtures/mock/debugging.yaml"
wait_for "Up next: 1 question" >/dev/null
keys Enter
check "the incident's prompt" wait_for "You are on call for the billing workers."
check "its first step: what you now see" wait_for "invoices queue depth: 1,200 -> 48,000"
check "and the question" wait_for "Ask: What do you look at first?"
check "the expected points wait for Space" absent "Whether the consumers are processing"
check "the next step is not shown yet" absent "Step 2 of 3"
check "the footer says what Space does" wait_for "Space expected points   1-9 tick"

keys Space
check "Space reveals the step's expected points" \
	wait_for "[ ] 1. Whether the consumers are processing at all"
keys 1 3
check "digits tick the step's points" wait_for "[x] 3. Who is affected"
keys Space
check "Space shows the next step" wait_for "Step 2 of 3"
check "with what the person now sees" wait_for "timeout calling tax-service after 30s"
check "its points wait for Space again" absent "Mitigate first by lowering the timeout"
keys Space 2
check "digits now tick the second step's points" wait_for "[x] 2. Check tax-service"
check "the first step keeps its ticks" wait_for "[x] 1. Whether the consumers"
keys Space Space
check "the last step" wait_for "tax-service deployed v4.2 at 09:08"
check "Space at the last step leads to the root cause" wait_for "Space root cause"
keys 1 Space
check "the walk ends with the root cause" wait_for "Root cause"
check "then the mitigation" wait_for "Mitigation"
check "and the prevention" wait_for "Prevention"
check "the last step's ticks are still there" wait_for "[x] 1. Roll back tax-service v4.2"

keys Enter
check "the share covered counts every step's points" wait_for "covered 4 of 8"
check "half covered suggests Hard" wait_for "Enter take Hard"
keys Enter
check "the answer is saved" wait_for "Saved: debugging.queue-backlog graded Hard."
expect_eq "the review holds the points of every step" \
	"$(sql "SELECT item, grade, covered, points, source FROM review")" \
	"debugging.queue-backlog|2|4|8|drill"
leave_drill
keys q
expect_eq "quits cleanly" "$(exit_status)" 0
finish
