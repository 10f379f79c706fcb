# Progress survives content changes, and config.yaml steers the scheduler: new wording keeps
# the history, a higher rev starts the item over (old answers kept and shown as such), a
# removed item leaves the queue and keeps its history.
. "$(dirname "$0")/lib.bash"

C="$T/content"
mkdir -p "$C"
cp "$ROOT/tests/fixtures/e2e/api.yaml" "$C/"
answer_all() {
	start_today -- --content "$C"
	wait_for "Up next" >/dev/null
	keys Enter
	for _ in 1 2 3; do
		wait_for "Space reveal" >/dev/null
		keys Space Enter 3
		wait_for "graded Good" >/dev/null
	done
	wait_for "Drill done" >/dev/null
	keys q q
	exit_status >/dev/null
}

# config.yaml: fuzz off and a config interview date that wins over the app's.
mkdir -p "$XDG_CONFIG_HOME/backprep"
printf 'daily_minutes: 45\ninterview_date: 2027-01-15\nscheduler:\n  fuzz: false\n' \
	>"$XDG_CONFIG_HOME/backprep/config.yaml"
answer_all
expect_eq "fuzz off: no draws recorded" "$(sql 'SELECT count(*) FROM review WHERE draw IS NOT NULL')" 0
out=$("$BIN" --content "$C" today)
check "config's daily minutes are used" grep -q "Today: 0 of 45 min" <<<"$out"
check "config's interview date is used and says where from" \
	grep -q "Interview: 2027-01-15 (in 47 days) from config.yaml" <<<"$out"
printf 'daily_minutes: 45\nsheduler: {fuzz: false}\n' >"$XDG_CONFIG_HOME/backprep/config.yaml"
out=$("$BIN" --content "$C" today 2>&1)
check "a typo in config.yaml is a clear error with line:col" \
	grep -q "config.yaml:2:1: unknown key 'sheduler' in the config" <<<"$out"
rm "$XDG_CONFIG_HOME/backprep/config.yaml"

# New wording, same rev: history kept, not new again.
sed -i 's/Why does a client send an idempotency key/Why would a client send an idempotency key/' \
	"$C/api.yaml"
out=$("$BIN" --content "$C" item api.idempotency-key)
check "reworded item keeps its schedule" grep -q "^State: review" <<<"$out"

# A higher rev: starts over as new, old answers kept and marked.
sed -i '/id: api.status-for-validation/{n;s/rev: 1/rev: 2/}' "$C/api.yaml"
out=$("$BIN" --content "$C" item api.status-for-validation)
check "a rev bump starts the item over" grep -q "^State: new" <<<"$out"
check "its old answers are kept and marked" grep -q "an earlier revision: not scheduled" <<<"$out"
out=$("$BIN" --content "$C" today --json)
check "the bumped item is offered as new again" \
	grep -A2 '"id": "api.status-for-validation"' <<<"$out" | grep -q '"kind": "new"'

# Removed from the pack: leaves the queue, keeps its history.
sed -i '/- id: api.safe-methods/,$d' "$C/api.yaml"
out=$("$BIN" --content "$C" today --json)
check "a removed item leaves the queue" bash -c '! grep -q "api.safe-methods" <<<"$0"' "$out"
out=$("$BIN" --content "$C" item api.safe-methods)
check "a removed item keeps its history" grep -q "no longer in the content; its history is kept" <<<"$out"
check "and its answers" grep -q "Good" <<<"$out"
expect_eq "nothing was deleted from the log" "$(sql 'SELECT count(*) FROM review')" 3
finish
