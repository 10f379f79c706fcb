# The first journey of a new user: Today, a drill with a hint, reveal, ticks and grades,
# then back to Today and out; the database and the terminal checked afterwards.
. "$(dirname "$0")/lib.bash"

start_today -- --content "$ROOT/tests/fixtures/e2e"
check "opens on Today" wait_for "Week 1 of 4 · day 1 of 28"
check "Today shows the queue" wait_for "Up next: 3 questions"
check "progress file created under XDG_DATA_HOME" test -f "$DB"
expect_eq "data directory is private" "$(stat -c %a "$XDG_DATA_HOME/backprep")" 700

keys Enter
check "Enter starts the drill with area, level and minutes" \
	wait_for "Drill 1/3 · api · level 1 · ~6 min · new"
check "the prompt is shown" wait_for "Why does a client send an idempotency key"
keys h
check "h shows the first hint" wait_for "Hint 1: Think about what a retry looks like"
keys Space
check "Space reveals numbered key points" wait_for "[ ] 1. The client makes one key"
check "the model answer is revealed" wait_for "Model answer"
keys 1 3
check "digits tick key points" wait_for "[x] 3. "
keys Enter
check "Enter moves to the grade" wait_for "Grade:"
check "a hint caps the suggestion at Hard" wait_for "Enter take Hard"
keys 3
check "a chosen grade is saved" wait_for "Saved: api.idempotency-key graded Good."
check "the next question comes" wait_for "Drill 2/3"

keys Space
wait_for "Key points" >/dev/null
keys 1 2 3 4 Enter
check "all points covered suggests Good" wait_for "Enter take Good"
keys Enter
check "Enter takes the suggestion" wait_for "graded Good."

keys q
check "q leaves the drill for its summary" wait_for "Drill summary"
keys q
check "q leaves the summary for Today" wait_for "2 answered"
keys q
expect_eq "q on Today quits with status 0" "$(exit_status)" 0
check "terminal restored after quitting" terminal_restored

expect_eq "two reviews recorded" "$(sql 'SELECT count(*) FROM review')" 2
expect_eq "first review: grade, covered, points, hints" \
	"$(sql "SELECT item, rev, grade, covered, points, hints FROM review ORDER BY id LIMIT 1")" \
	"api.idempotency-key|1|3|2|5|1"
expect_eq "second review took the suggested grade" \
	"$(sql "SELECT grade, covered, points, hints FROM review ORDER BY id DESC LIMIT 1")" \
	"3|4|4|0"
expect_eq "review time is the pinned clock" \
	"$(sql "SELECT DISTINCT at FROM review")" "$(date -u -d "$BACKPREP_NOW" +%s)"
expect_eq "each answered item has a card" "$(sql 'SELECT count(*) FROM card')" 2
# A short question has one 10-minute step, for an Again; a first Good graduates it.
expect_eq "cards graduate to review after a first Good" \
	"$(sql "SELECT DISTINCT state FROM card")" 2

# Reopening the same day continues where the person left off.
start_today -- --content "$ROOT/tests/fixtures/e2e"
check "reopening shows today's progress" wait_for "2 answered · 2 new"
# Both graduated, so only the 2-minute choice question is left; with one step, a Good on it
# would not come back either.
check "what is left of today, and nothing answered comes back" \
	wait_for "Up next: 1 question, about 2 min (0 reviews, 1 new)"
keys q
expect_eq "second session quits cleanly" "$(exit_status)" 0
finish
