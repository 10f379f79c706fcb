# Keys rebound in config.yaml: the new key works and the old one no longer does, the footer
# and help show the keys in force, `backprep keys` prints them, and a conflict is an error
# with file:line:col before any screen opens.
. "$(dirname "$0")/lib.bash"

CONTENT=(--content "$ROOT/tests/fixtures/e2e")
CONFIG="$XDG_CONFIG_HOME/backprep/config.yaml"
mkdir -p "$(dirname "$CONFIG")"
cat >"$CONFIG" <<'YAML'
keys:
  drill.reveal: [x, enter]
  today.stats: T
YAML

start_today -- "${CONTENT[@]}"
wait_for "Up next" >/dev/null
check "Today's footer shows the stats key in force" wait_for "T stats"
check "and not the default one" absent "t stats"
keys t '?'
wait_for "Help" >/dev/null
check "help shows the key in force" wait_match "^ *T +stats: activity"
keys q
check "the default key did nothing: help closes back to Today, not to Stats" \
	wait_for "Up next"
keys T
check "the new key opens Stats" wait_for "Activity"
keys q
wait_for "Up next" >/dev/null

keys Enter
wait_for "Drill 1/" >/dev/null
check "the drill's footer shows the reveal key in force" wait_for "x reveal"
check "not Space" absent "Space reveal"
keys Space '?'
wait_for "Help" >/dev/null
check "help lists x and Enter for reveal" wait_match "^ *x/Enter +reveal the key points"
keys q
wait_for "Drill 1/" >/dev/null
check "Space no longer reveals" absent "Key points"
keys x
check "x reveals the key points" wait_for "Key points"
keys 1 Enter
check "the other keys are unchanged: Enter goes on to the grade" wait_for "Grade:"
keys 3
check "and the answer is saved" wait_for "graded Good"
keys q
wait_for_any "Drill summary" "Enter drill" >/dev/null

out=$("$BIN" "${CONTENT[@]}" keys)
check "backprep keys marks the rebound actions" \
	grep -Eq '^ +\* x/Enter +drill\.reveal +reveal' <<<"$out"
check "and names where they were set" grep -qF "set in $CONFIG" <<<"$out"
check "and shows the defaults of the others" grep -Eq '^ +h +drill\.hint ' <<<"$out"

cat >"$CONFIG" <<'YAML'
keys:
  drill.reveal: [x, enter]
  today.stats: p
YAML
err=$("$BIN" "${CONTENT[@]}" today 2>&1)
rc=$?
expect_eq "a key two actions would answer is an error" "$rc" 1
check "at its line and column, naming both actions and the screen" \
	grep -qF "$CONFIG:3:16: 'p' would be the key of both today.stats and today.plan on Today" \
	<<<"$err"
printf 'keys:\n  drill.reveal: spacebar\n' >"$CONFIG"
err=$("$BIN" "${CONTENT[@]}" keys 2>&1)
check "an unknown key name is an error for backprep keys too" \
	grep -qF "$CONFIG:2:17: 'spacebar' is not a key name for 'drill.reveal'" <<<"$err"
printf 'keys:\n  global.quit: ctrl-x\n' >"$CONFIG"
start -- "${CONTENT[@]}"
wait_for "Up next" >/dev/null
keys Enter
wait_for "Drill 1/" >/dev/null
keys '?' End
check "help lists global.quit's key, at its end" wait_match "^ *Ctrl-X +quit backprep from any screen"
keys q
wait_for "Drill 1/" >/dev/null
keys C-x
expect_eq "global.quit bound to Ctrl-X quits from the drill, with status 0" "$(exit_status)" 0
check "and leaves the terminal as it found it" terminal_restored

printf 'keys:\n  drill.reveel: x\n' >"$CONFIG"
start -- "${CONTENT[@]}"
check "the trainer does not open on a broken keys: entry" \
	wait_for "config.yaml:2:3: 'drill.reveel' is not an"
expect_eq "and exits 1" "$(exit_status)" 1

finish
