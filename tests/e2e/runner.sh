# The code runner through the interface: a scripted $EDITOR writes a correct solution to one
# coding question and a wrong one to the other; r shows all passed, then the failures with
# what was expected and what came back; the review log keeps the counts. An endless loop and
# a solution that prints a clear-screen sequence are contained: the screen survives. Then
# `backprep run` and `validate --run` from the shell. The fixture pack has two small coding
# items with tests (tests/fixtures/runner), not the shipped content.
. "$(dirname "$0")/lib.bash"

CONTENT=(--content "$ROOT/tests/fixtures/runner")
SOLUTIONS="$XDG_DATA_HOME/backprep/solutions"
MODE="$T/mode" # what the scripted editor writes next
EDITOR_SCRIPT="$T/editor.sh"
cat >"$EDITOR_SCRIPT" <<SH
#!/bin/sh
# a person writing a solution: the one $MODE names, into the file they were given
case "\$(cat "$MODE")" in
good) cat >"\$1" <<'PY'
def clamp(n, low, high):
    if low > high:
        raise ValueError(low, high)
    return max(low, min(n, high))
PY
;;
wrong) cat >"\$1" <<'PY'
class Counter:
    def __init__(self):
        self.n = {}

    def add(self, word):
        self.n[word] = 1

    def count(self, word):
        return self.n[word]

    def top(self, k):
        return list(self.n)[:k]
PY
;;
loop) printf 'class Counter:\n    def __init__(self):\n        while True: pass\n' >"\$1" ;;
mock) # the clamp question right, the class wrong; a second of thinking on the round's clock
	sleep 1
	case "\$1" in
	*clamp*) printf 'def clamp(n, low, high):\n    if low > high: raise ValueError\n    return max(low, min(n, high))\n' >"\$1" ;;
	*) printf 'class Counter:\n    def add(self, w): pass\n' >"\$1" ;;
	esac ;;
escape) printf 'print("\\\\x1b[2J\\\\x1b[31mCLEARED")\nclass Counter: pass\n' >"\$1" ;;
esac
SH
chmod +x "$EDITOR_SCRIPT"

# without python3, r says how to install it and nothing else changes
echo good >"$MODE"
start_today EDITOR="$EDITOR_SCRIPT" BACKPREP_PYTHON=/nonexistent/python3 -- "${CONTENT[@]}"
keys Enter
wait_for "Drill 1/2 · coding" >/dev/null
keys e
wait_for "Solution saved" >/dev/null
keys r
check "r without python3 says how to install it" wait_for "Python 3 is needed to run solutions"
keys Space
wait_for "Key points" >/dev/null
keys 1 2 3 4 Enter
check "and the grade is the key points' alone" wait_for "Enter take Good"
check "with no tests in the grade bar" off_screen "tests 0/"
keys q
wait_for_any "Drill summary" "Enter drill" >/dev/null
keys q
wait_for "[end]" >/dev/null
check "backprep ends normally" terminal_restored
rm -rf "$XDG_DATA_HOME"

start_today EDITOR="$EDITOR_SCRIPT" -- "${CONTENT[@]}"
keys Enter
check "a coding question opens the drill" wait_for "Drill 1/2 · coding"
check "its signature shows before the reveal" wait_for "Signature: clamp(n, low, high)"
check "and its examples" wait_for "in:  clamp(500, 1, 100)"
check "the footer offers e and r" wait_for "e edit   r run"
keys r
check "r without a solution says how to write one" wait_for "No solution yet: e writes one"

# e: a new file starts as the stub, which the editor then replaces
echo good >"$MODE"
keys e
check "e saves the solution" wait_for "Solution saved; r runs the tests."
check "in the solutions directory, named by the item" \
	grep -q "raise ValueError" "$SOLUTIONS/coding.clamp-page-size.py"
keys r
check "r runs the tests: all passed, edge cases counted apart" \
	wait_match "6/6 passed \(edge cases 2/2\) in [0-9.]+ s"
check "each test is listed with its call" wait_for "pass clamp(7, 5, 5)"
keys Space
wait_for "Key points" >/dev/null
keys 1 2 3 4 Enter
check "all passed and every key point: Good suggested" wait_for "Enter take Good"
check "the grade bar shows the tests" wait_for "covered 4 of 4 · tests 6/6"
keys Enter
check "saved" wait_for "graded Good"
expect_eq "the review log keeps tests passed and total" \
	"$(sql "SELECT tests_passed, tests_total FROM review WHERE item = 'coding.clamp-page-size'")" "6|6"

# the second question: a class, and a wrong solution
check "the class question comes next" wait_for "Signature: class Counter(): add(word)"
echo wrong >"$MODE"
keys e
wait_for "Solution saved" >/dev/null
keys r
check "the failures are counted" wait_match "3/6 passed \(edge cases 1/2\)"
check "a failing test shows what was expected" wait_for "expected 0"
check "and what came back" wait_for "got      KeyError: 'x'"
check "with the last line of the traceback" wait_for "at       File \"solution.py\", line 9"

# E starts again from the stub; the old solution is kept as .prev
echo loop >"$MODE"
keys E
check "E starts afresh" wait_for "A fresh solution from the stub"
check "the old solution is kept as .prev" grep -q "self.n\[word\] = 1" "$SOLUTIONS/coding.count-words.py.prev"
keys r
check "an endless loop is stopped at the CPU limit, naming the test" \
	wait_for "Stopped at the CPU limit of 5 s while running test 1 of 6" 20
check "the screen survives it" on_screen "Drill 2/2 · coding"

echo escape >"$MODE"
keys e
wait_for "Solution saved" >/dev/null
keys r
wait_for "0/6 passed" 15 >/dev/null
keys G
check "a solution printing escape sequences: its output is shown as text" wait_for "[2J[31mCLEARED"
check "and the screen is not cleared" on_screen "Drill 2/2 · coding"
check "the run's own failure is told" wait_for "0/6 passed"

keys Space
wait_for "Key points" >/dev/null
keys 1 2 3 4 Enter
check "a run with most tests failing suggests Again, whatever the key points" \
	wait_for "Enter take Again"
keys Enter
wait_for "graded Again" >/dev/null
expect_eq "the log keeps the last run's counts" \
	"$(sql "SELECT grade, tests_passed, tests_total FROM review WHERE item = 'coding.count-words'")" "1|0|6"
leave_drill
keys q
wait_for "[end]" >/dev/null
check "backprep ends and the terminal is restored" terminal_restored

check "backprep item shows the tests beside the points" \
	grep -q "Good   4/4 points  6/6 tests" <<<"$("$BIN" "${CONTENT[@]}" item coding.clamp-page-size)"

# a mock round's coding segment: the same keys, n for the notes; the clock keeps running
# while the editor is open (BACKPREP_MOCK_SPEED=30: the editor's second is 30 on the clock)
clock_s() { screen | sed -n 's/^ *Clock \([0-9]*\):\([0-9]*\) of.*/\1 \2/p' | head -1 |
	awk '{ print $1 * 60 + $2 }'; }
echo mock >"$MODE"
start_today EDITOR="$EDITOR_SCRIPT" BACKPREP_MOCK_SPEED=30 -- "${CONTENT[@]}"
keys m
wait_for "Coding round" >/dev/null
keys Enter
check "a coding segment shows the signature" wait_for "Signature: "
check "and offers the runner's keys, notes on n" wait_for "e solution   r run tests   n notes"
before=$(clock_s)
keys e
wait_for "Solution saved" >/dev/null
after=$(clock_s)
check "the clock ran on while the editor was open ($before s, then $after s)" \
	test "$((after - before))" -ge 30
resize 100 18 # a short window: r brings the results into view, as the drill does
keys r
check "r runs the segment's tests" wait_match "[0-6]/6 passed"
check "and its per-test results are in view at 18 rows" wait_match "^ +(PASS|FAIL) "
passed=$(screen | sed -n 's/.* \([0-6]\)\/6 passed.*/\1/p' | head -1)
resize 100 30
keys Enter
wait_for "Enter again" 5 >/dev/null && keys Enter
wait_for "Key points" >/dev/null
keys 1 2 3 4 Enter
wait_for "Correctness" >/dev/null
keys 3 Enter
check "the round ends with its results" wait_for "Recorded for review"
expect_eq "the segment's review keeps the run's tests" \
	"$(sql "SELECT tests_passed, tests_total FROM review WHERE source = 'mock'")" "$passed|6"
keys q
wait_for "Enter" >/dev/null
keys q
wait_for "Enter drill" >/dev/null
keys q
wait_for "[end]" >/dev/null

# the shell: the same runner
out=$("$BIN" "${CONTENT[@]}" run coding.clamp-page-size)
expect_eq "backprep run exits 0 when all pass" "$?" 0
check "and prints the summary" grep -qE "^6/6 passed \(edge cases 2/2\) in" <<<"$out"
echo wrong >"$MODE"
"$EDITOR_SCRIPT" "$T/wrong.py"
out=$("$BIN" "${CONTENT[@]}" run coding.count-words "$T/wrong.py" --json)
expect_eq "backprep run exits 1 when a test fails" "$?" 1
check "--json gives each test" jqt '.total == 6 and .passed < 6 and (.tests | length) == 6 and
	([.tests[] | select(.ok | not)][0].expect | type) == "string"' <<<"$out"
out=$(BACKPREP_PYTHON=/nonexistent/python3 "$BIN" "${CONTENT[@]}" run coding.clamp-page-size)
expect_eq "without python3 it fails" "$?" 1
check "and says how to install it" grep -q "sudo apt-get install python3" <<<"$out"

out=$("$BIN" validate --strict --run "$ROOT/tests/fixtures/runner")
expect_eq "validate --strict --run passes the fixture's reference solutions" "$?" 0
check "and says it ran them" grep -q "^2 reference solutions run against their tests" <<<"$out"
mkdir -p "$T/broken"
sed 's/return max(low, min(n, high))/return min(n, high)/' \
	"$ROOT/tests/fixtures/runner/coding.yaml" >"$T/broken/coding.yaml"
out=$("$BIN" validate --run "$T/broken")
expect_eq "a reference solution that fails makes validate --run fail" "$?" 1
check "naming the test's line and what it got" \
	grep -q "coding.yaml:[0-9]*:9: the reference solution of 'coding.clamp-page-size' fails clamp(-3, 1, 100): expected 1, got -3" <<<"$out"

finish
