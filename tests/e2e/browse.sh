# The Browser and item details: search as you type, open a question, filter and sort, and
# manage flags from there (unsuspend, star, reset) with Today's counts following.
. "$(dirname "$0")/lib.bash"

CONTENT=(--content "$ROOT/tests/fixtures/e2e")
ID=api.idempotency-key

# Suspended from the shell first: Today offers one new question fewer.
"$BIN" "${CONTENT[@]}" item "$ID" --suspend >/dev/null
start_today -- "${CONTENT[@]}"
check "Today counts without the suspended question" wait_for "new questions available: 2"

# / opens the Browser typing: a word from one question's prompt finds it alone.
keys /
check "/ opens the Browser with the search field" wait_for "Enter: the list · Esc: clear the search"
check "every question is listed" wait_for "Browse · 3 of 3 questions"
keys P a y M e N t
check "typing filters as it goes, case-insensitive" wait_for "Browse · 1 of 3 questions"
check "the one whose prompt says payment" wait_for "$ID"
check "shown as suspended" wait_for "suspended"
keys Enter Enter
check "Enter opens its details: the question" wait_for "Why does a client send an idempotency key"
check "and its answer as the drill reveals it" wait_for "Key points"
keys G
check "why it is scheduled: suspended" wait_for "Suspended: never asked until unsuspended."
check "its events" wait_for "suspend"
keys q
check "q goes back to the Browser" wait_for "Search: PayMeNt"

# s unsuspends from the Browser; back on Today the question counts again.
keys s
check "s unsuspends it" wait_for "Unsuspended: $ID."
expect_eq "the unsuspend is an event" "$(sql "SELECT group_concat(kind) FROM event WHERE item = '$ID'")" \
	"suspend,unsuspend"
keys q
check "Today counts it again" wait_for "new questions available: 3"

# B opens the list; filters and sort cycle; Esc clears a search.
keys B
check "B opens the Browser on the list" wait_for "/ search"
check "without an interview, recall is predicted now" wait_for "sort id · recall now"
keys / x y z z y
check "a search with no match says so" wait_for "No question matches."
keys Escape
check "Esc clears it" wait_for "Browse · 3 of 3 questions"
keys t
check "t filters by state" wait_for "state new"
keys f
check "f shows only starred" wait_for "Browse · 0 of 3"
keys f o
check "o sorts by the next column" wait_for "sort due"

# Star from the details; reset asks first.
keys g Enter
wait_for "Key points" >/dev/null
keys '*'
check "* stars from the details" wait_for "Starred: "
keys R
check "R asks first" wait_for "y resets, any other key keeps it."
keys n
check "another key keeps the card" wait_for "Not reset."
keys R y
check "R y resets" wait_for "Reset (a new card again): "
expect_eq "the star and the reset are events" \
	"$(sql "SELECT group_concat(kind) FROM event WHERE kind IN ('star', 'reset')")" "star,reset"

# D drills the questions listed, as cram.
keys q t
check "t again: learning" wait_for "state learning"
keys t t t t t
check "back to any state" wait_for "state any"
keys D
check "D drills the questions listed, as cram" wait_for "Cram 1/3"
keys Space Enter 3
check "a cram answer is saved" wait_for "graded Good"
expect_eq "recorded as cram" "$(sql "SELECT count(*) FROM review WHERE source = 'cram'")" 1
# I in a drill shows the question's details; q goes back to the same question.
keys I
check "I opens the details over the drill" wait_for "q back to the drill"
check "with the history" wait_for "History (date, grade"
keys s
check "flags there are left to the drill's own keys" wait_for "In a drill, b, s and * act on the question"
keys '?'
check "help from the details lists their keys" wait_for "Item details"
keys q
check "and goes back to them" wait_for "q back to the drill"
keys q
check "q comes back to the drill where it was" wait_for "Cram 2/3"
leave_drill
keys B
keys C
check "C drills them and counts it" wait_for "Drill 1/3"
keys q B

# The table at each size keeps the id and what matters most.
for size in "60 16" "80 24" "120 40"; do
	resize ${size% *} ${size#* }
	check "${size/ /x}: the header and a row" wait_for "api.status-for-validation"
	check "${size/ /x}: the state and recall columns" wait_for "state      due        recall"
done
check "120x40: every column" wait_for "lps lv wk kind"
keys q q
expect_eq "quits cleanly" "$(exit_status)" 0
finish
