# The signal matrix: INT, TERM, HUP, QUIT and SEGV sent to backprep on Today, in a drill and
# with $EDITOR open on a mock round's notes. Whenever backprep ends, the terminal is restored
# (canonical input and echo, the alternate screen left), the lock is released (a second
# start reaches Today), a confirmed answer is in the database, and an editor it started has
# been ended first. While the editor is open, INT and QUIT (from the keyboard or sent to
# backprep) are the editor's: backprep stays, and the notes written afterwards are kept.
. "$(dirname "$0")/lib.bash"

E2E=(--content "$ROOT/tests/fixtures/e2e")
MOCK=(--content "$ROOT/tests/fixtures/mock")
EDITOR_SCRIPT="$T/editor.sh"
EDITOR_PID="$T/editor.pid"
# An editor that waits for a line typed on the terminal, says which signals reached it and
# goes on waiting, then appends the line to the file.
cat >"$EDITOR_SCRIPT" <<SH
#!/bin/bash
echo \$\$ >"$EDITOR_PID"
trap 'echo "editor caught INT"' INT
trap 'echo "editor caught QUIT"' QUIT
echo "FAKE EDITOR on \$1: type a line"
while :; do
	if IFS= read -r line; then
		printf '%s\n' "\$line" >>"\$1"
		exit 0
	fi
	[ \$? -gt 128 ] || exit 1 # only a trapped signal interrupts the read
done
SH
chmod +x "$EDITOR_SCRIPT"

declare -A CODE=([INT]=130 [TERM]=143 [HUP]=129 [QUIT]=131 [SEGV]=139)
SIGNALS=(INT TERM HUP QUIT SEGV)

# use_db NAME: a fresh progress file for one case.
use_db() { DB="$T/$1.db"; }

# ended_cleanly WHERE SIG [CHECK]: backprep ended with SIG's status, gave the terminal back
# and let go of the lock (a second start on the same file reaches Today and quits); CHECK,
# a command, is run (and reported) as soon as backprep has ended.
ended_cleanly() {
	local where=$1 sig=$2
	expect_eq "$where, SIG$sig: exit status ${CODE[$sig]}" "$(exit_status)" "${CODE[$sig]}"
	[ $# -gt 2 ] && check "$where, SIG$sig: $3 first" "$3"
	check "$where, SIG$sig: terminal restored" terminal_restored
	start_today -- --db "$DB" "${E2E[@]}" >/dev/null
	check "$where, SIG$sig: the lock is released (a second start reaches Today)" \
		wait_for "Enter drill"
	keys q
	exit_status >/dev/null
}

for sig in "${SIGNALS[@]}"; do
	use_db "today-$sig"
	start_today -- --db "$DB" "${E2E[@]}" >/dev/null
	wait_for "Enter drill" >/dev/null
	kill -"$sig" "$(app_pid)"
	ended_cleanly "on Today" "$sig"
done

for sig in "${SIGNALS[@]}"; do
	use_db "drill-$sig"
	start_today -- --db "$DB" "${E2E[@]}" >/dev/null
	answer_one 3
	keys Space # the next question's answer is open, not confirmed
	kill -"$sig" "$(app_pid)"
	ended_cleanly "in a drill" "$sig"
	expect_eq "in a drill, SIG$sig: the confirmed answer is in the database" \
		"$(sql 'SELECT count(*), max(grade) FROM review')" "1|3"
done

# open_editor: a mock round on its first segment, with the fake editor open on its notes.
open_editor() {
	rm -f "$EDITOR_PID"
	start_today EDITOR="$EDITOR_SCRIPT" -- --db "$DB" "${MOCK[@]}" >/dev/null
	keys m
	wait_for "Mock rounds" >/dev/null
	keys Enter
	wait_for "segment 1 of 2" >/dev/null
	keys e
	wait_for "FAKE EDITOR on" >/dev/null
}

# editor_gone: the editor backprep started has ended.
editor_gone() {
	local pid
	pid=$(cat "$EDITOR_PID" 2>/dev/null) || return 1
	! kill -0 "$pid" 2>/dev/null
}

# INT and QUIT while the editor is open: from the keyboard they reach the editor, sent to
# backprep they are ignored; the editor goes on, and what it writes is kept.
for sig in INT QUIT; do
	use_db "editor-$sig"
	open_editor
	pid=$(app_pid)
	kill -"$sig" "$pid"
	[ "$sig" = INT ] && keys C-c || keys 'C-\'
	check "editor open, SIG$sig from the keyboard reaches the editor" \
		wait_for "editor caught $sig"
	check "editor open, SIG$sig: backprep is still running" kill -0 "$pid"
	check "editor open, SIG$sig: the editor still has the terminal" \
		bash -c "kill -0 $(cat "$EDITOR_PID")"
	keys "notes after SIG$sig" Enter
	check "editor open, SIG$sig: backprep comes back when the editor is done" \
		wait_for "Notes saved with the round."
	expect_eq "editor open, SIG$sig: the notes are in the database" \
		"$(sql 'SELECT notes FROM mock_segment WHERE round = 1 AND pos = 0')" \
		"notes after SIG$sig"
	keys q
	wait_for "kept unfinished" >/dev/null
	keys q
	wait_for "Enter drill" >/dev/null
	keys q
	expect_eq "editor open, SIG$sig: quits normally afterwards" "$(exit_status)" 0
	check "editor open, SIG$sig: terminal restored" terminal_restored
done

# TERM, HUP and SEGV while the editor is open end the editor first, then backprep.
for sig in TERM HUP SEGV; do
	use_db "editor-$sig"
	open_editor
	kill -"$sig" "$(app_pid)"
	ended_cleanly "editor open" "$sig" editor_gone
	expect_eq "editor open, SIG$sig: the round is kept, unfinished" \
		"$(sql 'SELECT count(*) FROM mock_round WHERE finished IS NULL')" 1
done
finish
