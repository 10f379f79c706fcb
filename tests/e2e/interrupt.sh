# Leaving at any moment loses no confirmed answer and leaves the terminal as it was:
# Ctrl-C mid-answer, SIGTERM, and closing the terminal (SIGHUP).
. "$(dirname "$0")/lib.bash"

CONTENT=(--content "$ROOT/tests/fixtures/e2e")

start_today -- "${CONTENT[@]}"
answer_one
keys Space 2
wait_for "[x] 2." >/dev/null
keys C-c
expect_eq "Ctrl-C mid-answer exits with 130" "$(exit_status)" 130
check "Ctrl-C says the confirmed answers are saved" wait_for "every confirmed answer is saved"
check "terminal restored after Ctrl-C" terminal_restored
expect_eq "the confirmed answer is in the database" "$(sql 'SELECT count(*) FROM review')" 1
expect_eq "the unconfirmed one is not" "$(sql "SELECT grade FROM review")" 2

start_today -- "${CONTENT[@]}"
answer_one
kill -TERM "$(app_pid)"
expect_eq "SIGTERM exits with 143" "$(exit_status)" 143
check "terminal restored after SIGTERM" terminal_restored
expect_eq "answer before SIGTERM kept" "$(sql 'SELECT count(*) FROM review')" 2

start_today -- "${CONTENT[@]}"
answer_one
pid=$(app_pid)
tmux -S "$SOCK" kill-pane -t e2e
for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
check "closing the terminal ends backprep" bash -c "! kill -0 $pid 2>/dev/null"
expect_eq "answer before the hangup kept" "$(sql 'SELECT count(*) FROM review')" 3
expect_eq "database intact after the hangup" "$(sql 'PRAGMA integrity_check')" ok

# The lock is released with the process: a new session starts at once.
start_today -- "${CONTENT[@]}"
check "a new session starts after a hangup" wait_for "3 answered"
keys q
expect_eq "and quits cleanly" "$(exit_status)" 0
finish
