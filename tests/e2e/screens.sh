# Help generated from the key table, resizing at any moment, the too-small notice, NO_COLOR,
# and long answers that scroll.
. "$(dirname "$0")/lib.bash"

CONTENT=(--content "$ROOT/tests/fixtures/e2e")

start_today -- "${CONTENT[@]}"
wait_for "Up next" >/dev/null
keys '?'
check "? opens help" wait_for "Help"
check "help lists the Today keys from the key table" wait_for "start today's drill"
keys PgDn # the drill's keys follow Today's
check "help lists the drill keys" wait_for "reveal the key points and the model answer"
keys q
check "q closes help back to Today" wait_for "Up next"

keys Enter
wait_for "Drill 1/" >/dev/null
keys '?'
check "help from the drill starts with the question's keys" wait_for "Drill: the question"
keys Escape
check "Esc closes help back to the drill" wait_for "Drill 1/"

resize 50 12
check "a tiny terminal gets a notice" wait_for "Terminal too small: 50x12"
check "the notice says the minimum" wait_for "least 60x16"
keys Space
resize 100 30
check "growing the terminal brings the drill back" wait_for "Drill 1/"
check "keys pressed while too small were ignored" wait_gone "Key points" 1

resize 60 16
keys Space
check "the drill works at the minimum size" wait_for "Key points"
keys End
check "End scrolls to the bottom of a long answer" wait_for "Follow-ups"
check "the prompt scrolled out of view" wait_gone "Why does a client send"
keys Home
check "Home scrolls back to the prompt" wait_for "Why does a client send"
resize 100 30
keys q
wait_for "Up next" >/dev/null
keys q
expect_eq "quits cleanly after resizing" "$(exit_status)" 0
check "terminal restored" terminal_restored

# The interview date on Today: i prefills it, the field edits in place, and clearing it takes
# an explicit Ctrl-U.
interview() { sql "SELECT value FROM setting WHERE key = 'interview_date'"; }
start_today -- "${CONTENT[@]}"
keys i
check "i with no date set opens an empty field" \
	wait_for "Interview date (YYYY-MM-DD, empty to clear): _"
check "the footer says how to clear" wait_for "Ctrl-U then Enter clears"
keys 2026-12-20 Enter
check "a date is saved" wait_for "Interview date saved."
expect_eq "and kept in the database" "$(interview)" 2026-12-20
keys i
check "i prefills the date set" wait_for "empty to clear): 2026-12-20_"
keys Enter
check "Enter on it keeps the date" wait_for "Interview: 2026-12-20, in 21 days"
expect_eq "unchanged in the database" "$(interview)" 2026-12-20
keys i Home Right Right Right BSpace 3
check "the cursor moves inside the date" wait_for "empty to clear): 2036-12-20"
check "and stays there" absent "2036-12-20_"
keys Escape
check "Esc cancels" wait_for "Interview: 2026-12-20, in 21 days"
keys i C-u 2026-11-19 Enter
check "a date before today is refused" wait_for "The interview date must be after today."
check "and the field stays open as typed" wait_for "empty to clear): 2026-11-19_"
keys C-u
check "Ctrl-U empties the field" wait_for "empty to clear): _"
keys Enter
check "Enter on the empty field clears the date, and says so" wait_for "Interview date cleared."
check "Today shows no date" wait_for "No interview date set"
expect_eq "cleared in the database" "$(interview)" ""
keys q
expect_eq "quits cleanly after editing the date" "$(exit_status)" 0

# NO_COLOR: the same screens, no colour pairs (the grade suggestion still stands out).
start_today NO_COLOR=1 -- "${CONTENT[@]}"
check "NO_COLOR still opens Today" wait_for "Up next"
keys Enter Space 1 2 3 4 Enter
check "NO_COLOR grade bar" wait_for "Enter take Good"
# A choice question (the third): what was picked, and a right answer missed, read in words.
keys 3
wait_for "Drill 2/" >/dev/null
keys Space Enter 3
wait_for "Drill 3/" >/dev/null
check "the third question is the choice one" wait_for "Choices: press 1-9 to pick"
keys 1 2 Space
check "a right answer picked says so" wait_for "[x] 1. GET  <- right, picked"
check "a wrong one picked says so" wait_for "[x] 2. POST  <- wrong"
check "a right answer missed is marked apart, not by colour alone" \
	wait_for "[ ] 3. PUT  <- right, MISSED"
check "a wrong one left alone is not marked" wait_for "[ ] 4. PATCH"
check "and carries no mark" absent "PATCH  <-"
check "the keys say what 1-9 does here" wait_match "1-9 change a pick +Enter grade"
keys Enter
check "the grade bar counts the choices picked" wait_for "picked 2 of 4"
check "not covered" absent "covered 2 of 4"
check "a wrong pick suggests Again" wait_for "Enter take Again"
leave_drill
keys q
expect_eq "NO_COLOR quits cleanly" "$(exit_status)" 0

# At the documented minimum, 60x16, with the shipped content: each screen shows the line that
# matters (the field typed, the day's counts, the keys) and scrolls the rest; the key hints
# and messages are shortened at a word, never cut inside one.
footer() { screen | tail -1; }
rule() { screen | tail -2 | head -1; }
DB="$T/small.db"
COLS=60 ROWS=16 start -- --db "$DB" --content "$ROOT/content"
check "60x16: the first-run date field is on screen" wait_for "Interview date (YYYY-MM-DD): _"
keys 2026-12-24
check "60x16: and shows what is typed" wait_for "Interview date (YYYY-MM-DD): 2026-12-24_"
keys Enter
check "60x16: then the minutes field" wait_for "Minutes a day (5-600): _"
keys Escape
check "60x16: Today shows the due and new counts" wait_for "Due reviews: 0 · new questions available:"
check "60x16: and what comes next" wait_for "Up next:"
expect_eq "60x16: Today's key hints close up and keep help and quit" "$(footer)" \
	" Enter drill  c cram  m mocks  p plan  ? help  q quit"
check "60x16: the tip is below the window" absent "Tip:"
keys PPage NPage
check "60x16: PgDn scrolls Today down to the tip" wait_for "Tip:"
check "60x16: the top scrolled away" absent "Week 1 of 4"
keys Home
check "60x16: Home scrolls back to the top" wait_for "Week 1 of 4"
keys j
check "60x16: j scrolls a line" wait_gone "Week 1 of 4"
keys k
check "60x16: k scrolls back" wait_for "Week 1 of 4"
keys i
check "60x16: the interview field fits, prefilled" \
	wait_for "Interview date (YYYY-MM-DD, empty to clear): 2026-12-24_"
keys Escape NPage
wait_gone "Week 1 of 4" >/dev/null
keys Enter
check "60x16: a drill shows the question and its keys" wait_for "Space reveal"
check "60x16: with quit in reach" wait_for "q leave"
keys Space Enter
check "60x16: the grade bar, with each grade's next interval" \
	wait_match "1 Again [0-9]+[md]  +2 Hard [0-9]+[md]  +3 Good [0-9]+d  +4 Easy [0-9]+d"
keys Escape q
check "60x16: back on Today, the top with the counts shows again" wait_for "Week 1 of 4"
keys r
check "60x16: Profile shows the chosen question's answers" wait_for "1. Product backend"
check "60x16: all of them" wait_for "4. A mix of product and infrastructure work"
keys j
check "60x16: the next question with its answers" wait_for "4. Several behavioral or hiring manager"
keys q m
check "60x16: the Mock screen shows what Enter starts" wait_for "> Mixed backend round"
keys Enter
wait_for "segment 1 of 3" >/dev/null
keys Enter Enter
# Too long for the rule at 60 columns: wrapped above it, every word on screen.
check "60x16: a long message wraps above the rule" wait_for "Clock stopped. Tick what you covered, then Enter to"
check "60x16: and its end is on screen too" wait_for "score the rubric."
keys Enter
check "60x16: the rubric's levels and keys" wait_for "1-4 score this dimension"
keys 3
check "60x16: the evidence field, with its hint" wait_for "Evidence for Communication (3): _"
check "60x16: the hint fits the rule" wait_for "optional; Enter saves (empty skips), Esc picks again"
keys Escape q q q
expect_eq "60x16: quits cleanly" "$(exit_status)" 0

# An unknown terminal type is a message, not an abort.
start TERM=no-such-terminal -- "${CONTENT[@]}"
check "unknown TERM gets a clear message" wait_for "unknown terminal type 'no-such-terminal'"
expect_eq "unknown TERM exits 1" "$(exit_status)" 1

# A terminal that cannot address the cursor.
start TERM=dumb -- "${CONTENT[@]}"
check "a dumb terminal gets a clear message" wait_for "cannot move the cursor"
expect_eq "dumb terminal exits 1" "$(exit_status)" 1
check "terminal restored after refusing" terminal_restored
finish
