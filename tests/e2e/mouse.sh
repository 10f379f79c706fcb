# The mouse: a click on a footer hint does what its key does, a click on a key point ticks
# it and a click on a grade grades (the database has it), the wheel scrolls three lines a
# notch, a click picks a row of the Browser and a second opens it; the terminal is asked for
# clicks and not for motion (so Shift still selects text); `mouse: false` asks for nothing
# and the same clicks do nothing.
. "$(dirname "$0")/lib.bash"

CONTENT=(--content "$ROOT/tests/fixtures/e2e")
# the mouse reports ncurses asks for follow the terminfo: SGR (1006) under xterm-256color, which
# the terminals people use declare; tmux gives its panes TERM=screen otherwise
CONFIG="$XDG_CONFIG_HOME/backprep/config.yaml"
flags() { tmux -S "$SOCK" display -p -t e2e \
	'#{mouse_standard_flag} #{mouse_button_flag} #{mouse_all_flag} #{mouse_sgr_flag}'; }
line() { screen | sed -n "$1p"; }
line_is() { [ "$(line "$1")" = "$2" ]; }

start_today TERM=xterm-256color -- "${CONTENT[@]}"
wait_for "Up next" >/dev/null
expect_eq "clicks are reported (1000, SGR), motion is not (1002, 1003)" "$(flags)" "1 0 0 1"

click_on "Enter drill" 7
check "a click on the footer's 'Enter drill' starts the drill" wait_for "Drill 1/3"
click_on "Space reveal" 8
check "a click on 'Space reveal' reveals the key points" wait_for "Key points"
click_on "[ ] 2. The server stores" 30
check "a click on a key point's line ticks it" wait_for "[x] 2. The server stores"
click_on "[ ] 4. The same key"
check "another one too" wait_for "[x] 4. The same key"
click_on "[x] 4. The same key"
check "a second click unticks it, as its digit does" wait_for "[ ] 4. The same key"
click_on "Enter grade"
check "'Enter grade' goes on to the grade bar" wait_for "Grade:"
check "which counts the ticks made by clicks" wait_for "covered 1 of 5"
click_on "[x] 2. The server stores"
click_on "3 Good" 4
check "a click on '3 Good' grades Good" wait_for "graded Good"
check "the click on point 2 while grading did not grade (its digit would be Hard)" \
	absent "graded Hard"
expect_eq "the database has the grade and the point covered" \
	"$(sql "select item, grade, covered from review")" "api.idempotency-key|3|1"

# the next question is a choice: a click on a choice picks it, then Space checks it
wait_for "Drill 2/3" >/dev/null
click_on "? help"
wait_for "Help" >/dev/null
top=$(line 3)
sixth=$(line 6)
wheel down 20 10
check "a notch of the wheel down scrolls help three lines" poll 5 line_is 3 "$sixth"
wheel up 20 10
check "a notch up scrolls back" poll 5 line_is 3 "$top"
click_on "q close help"
wait_for "Drill 2/3" >/dev/null
click_on "q leave"
check "a click on 'q leave' leaves the drill" wait_for "Drill summary"
keys q
wait_for "Up next" >/dev/null

click_on "B browse"
wait_for "Browse ·" >/dev/null
click_on "api.status-for-validation"
keys s
check "a click on a row of the Browser selects it (s suspends that one)" \
	wait_for "Suspended: api.status-for-validation."
check "and does not open it" on_screen "Browse ·"
keys s
wait_for "Unsuspended: api.status-for-validation." >/dev/null
click_on "api.status-for-validation"
check "a second click on the row opens its details" wait_for "api · open · level 2"
keys q
wait_for "Browse ·" >/dev/null
click_on "api.safe-methods"
click_on "api.safe-methods" 5
check "so does a double click on another row" wait_for "api · choice · level 3"
keys q
wait_for "Browse ·" >/dev/null
keys q
wait_for "Up next" >/dev/null
keys q
exit_status >/dev/null

# the Mock list and a round: a click on the chosen entry starts it, a click on a key point
# ticks it, one on a rubric's level scores it (the database has it), and in the list a click
# chooses an entry and a second one opens it
start_today TERM=xterm-256color -- --content "$ROOT/tests/fixtures/mock"
wait_for "Up next" >/dev/null
click_on "m mocks"
wait_for "Start a round" >/dev/null
click_on "Quick round · 3 min"
check "a click on the chosen template starts the round" wait_for "Quick round #1 · segment 1 of 2"
click_on "Enter end segment"
wait_for "Press Enter again" >/dev/null
click_on "Enter end segment"
check "two clicks on 'Enter end segment' end it, as two Enters do" wait_for "[ ] 3. "
click_on "[ ] 3. " 20
check "a click ticks a key point in a round" wait_for "[x] 3. "
click_on "Enter score the rubric"
wait_for "dimension 1 of 2" >/dev/null
click_on "3  Listed functional" 10
check "a click on a level scores it" wait_for "Evidence for Requirements and scope (3)"
click_on "4  Named the requirements"
keys Enter
check "no click scores while the evidence is typed" wait_for "dimension 2 of 2"
click_on "2  Scaled one part"
wait_for "Evidence for Tradeoffs (2)" >/dev/null
keys Enter
wait_for "segment 2 of 2" >/dev/null
expect_eq "the database has the scores clicked and the point ticked" \
	"$(sql "SELECT group_concat(dimension || '=' || score) FROM mock_score WHERE round = 1 AND pos = 0"),$(sql "SELECT covered FROM mock_segment WHERE round = 1 AND pos = 0")" \
	"scope=3,tradeoffs=2,1"
keys q
wait_for "Unfinished rounds" >/dev/null
click_on "#1 · "
check "a click chooses an unfinished round" wait_for "> #1 · "
check "and does not open it" on_screen "Unfinished rounds"
click_on "#1 · "
check "a second click resumes it" wait_for "Quick round #1 · segment 2 of 2"
keys q
wait_for "Unfinished rounds" >/dev/null
keys q
wait_for "Up next" >/dev/null
keys q
exit_status >/dev/null

# mouse: false: the terminal is not asked for mouse reports, so it sends none and a click
# does nothing; keys work as ever
mkdir -p "$(dirname "$CONFIG")"
printf 'mouse: false\n' >"$CONFIG"
start TERM=xterm-256color -- "${CONTENT[@]}"
wait_for "Up next" >/dev/null
expect_eq "with mouse: false no mouse report is asked for" "$(flags)" "0 0 0 0"
click_on "Enter drill" 7
keys t
check "the click did nothing: t (a key of Today, not of the drill) opens Stats" \
	wait_for "Activity"
keys q
check "and keys work as ever" wait_for "Up next"

printf 'mouse: sometimes\n' >"$CONFIG"
err=$("$BIN" "${CONTENT[@]}" today 2>&1)
check "a mouse value that is not true or false is an error at its place" \
	grep -qF "config.yaml:1:8: 'mouse' in the config must be true or false" <<<"$err"

finish
