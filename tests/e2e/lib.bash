# Helpers for end-to-end tests: the real ./backprep in a real terminal (tmux), with a pinned
# clock, seed, locale, size and private HOME/XDG directories. Screens are waited for by
# polling capture-pane, never by fixed sleeps. Source it; each test prints "ok - name" or
# "not ok - name".

set -u
BIN=${BACKPREP_BIN:?set BACKPREP_BIN}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
T=$(mktemp -d /tmp/backprep-e2e.XXXXXX)
SOCK="$T/tmux0.sock" # the socket of the current session; start() makes a new one
SESSIONS=0
export HOME="$T/home" XDG_DATA_HOME="$T/home/data" XDG_CONFIG_HOME="$T/home/config"
export TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
export BACKPREP_NOW=${BACKPREP_NOW:-2026-11-29T08:00:00Z} BACKPREP_SEED=7
unset BACKPREP_DB BACKPREP_CONTENT NO_COLOR
mkdir -p "$HOME"
DB="$XDG_DATA_HOME/backprep/progress.db"
FAILED=0

# stop_server: ends the tmux server. It takes a second or two to exit after kill-server
# returns, so each start() uses a fresh socket (below) rather than waiting: a new-session on
# the old socket at once could meet the dying server (the flaky dumb-terminal cases).
stop_server() {
	tmux -S "$SOCK" kill-server 2>/dev/null
}

cleanup() {
	stop_server
	rm -rf "$T"
}
trap cleanup EXIT

ok() { echo "ok - $1"; }
not_ok() {
	echo "not ok - $1"
	[ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/#   /'
	FAILED=1
}

# check NAME CONDITION...: runs the condition (a command) and reports.
check() {
	local name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name" "$(screen)"; fi
}

# expect_eq NAME ACTUAL EXPECTED
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "expected [$3], got [$2]"; fi
}

# start [ENV=VALUE...] -- [ARGS...]: runs backprep in a fresh 100x30 terminal. When it exits,
# the pane shows its exit status and the terminal modes it left behind.
start() {
	local envs=() args=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	args=("$@")
	stop_server
	SESSIONS=$((SESSIONS + 1))
	SOCK="$T/tmux$SESSIONS.sock"
	printf '%q ' env "${envs[@]}" "$BIN" "${args[@]}" >"$T/cmd"
	cat >"$T/run.sh" <<SH
$(cat "$T/cmd")
rc=\$?
printf '[exit %s] ' "\$rc"
stty -a | tr ' ;' '\n\n' | grep -E '^-?(icanon|echo)\$' | tr '\n' ' '
printf '[end]\n'
exec sleep 3600
SH
	tmux -S "$SOCK" -f /dev/null new-session -d -s e2e -x "${COLS:-100}" -y "${ROWS:-30}" \
		"bash $T/run.sh"
}

screen() { tmux -S "$SOCK" capture-pane -p -t e2e 2>/dev/null; }

# wait_for_any A B: polls until either text is on the screen.
wait_for_any() {
	local i=0
	while [ $i -lt 200 ]; do
		screen | grep -qF -e "$1" -e "$2" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	screen | sed 's/^/#   | /'
	return 1
}

# jqt FILTER: true when the JSON on standard input makes FILTER true (jq -e, quietly).
jqt() { jq -e "$@" >/dev/null; }

# absent TEXT: TEXT is not on the screen now.
absent() { ! screen | grep -qF -- "$1"; }

# skip_welcome: on a first run, skips the welcome questions (Esc); ends on Today.
skip_welcome() {
	wait_for_any "When is your interview?" "Enter drill" || return 1
	if screen | grep -qF "When is your interview?"; then
		keys Escape
		wait_for "Enter drill" >/dev/null || return 1
	fi
}

# answer_one [GRADE]: from Today, starts the drill, ticks the first key point of the first
# question and confirms GRADE (1-4, default 2: Hard); returns once it is saved.
answer_one() {
	local grade=${1:-2} names=(- Again Hard Good Easy)
	wait_for "Up next" >/dev/null
	keys Enter
	wait_for "Drill 1/" >/dev/null
	keys Space
	wait_for "Key points" >/dev/null
	keys 1 Enter
	wait_for "Grade:" >/dev/null
	keys "$grade"
	wait_for "graded ${names[$grade]}" >/dev/null
}

# leave_drill: q from a drill, past the summary that follows one with answers; ends on Today.
leave_drill() {
	keys q
	wait_for_any "Drill summary" "Enter drill" || return 1
	if screen | grep -qF "Drill summary"; then
		keys q
		wait_for "Enter drill" >/dev/null || return 1
	fi
}

# start_today [same as start]: starts, past the welcome questions, on Today.
start_today() {
	start "$@"
	skip_welcome
}

# poll SECONDS COMMAND...: runs COMMAND every 50 ms until it succeeds or the time is up.
poll() {
	local limit=$1 i=0 n
	shift
	n=$((limit * 20))
	while [ $i -lt $n ]; do
		"$@" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

on_screen() { screen | grep -qF -- "$1"; }
off_screen() { ! on_screen "$1"; }
on_screen_re() { screen | grep -Eq -- "$1"; }

# wait_for TEXT [SECONDS]: polls the screen until TEXT appears.
wait_for() {
	poll "${2:-10}" on_screen "$1" && return 0
	echo "# timed out waiting for: $1"
	screen | sed 's/^/#   | /'
	return 1
}

# wait_match REGEX [SECONDS]: polls the screen until a line matches the extended regex.
wait_match() {
	poll "${2:-10}" on_screen_re "$1" && return 0
	echo "# timed out waiting for /$1/"
	screen | sed 's/^/#   | /'
	return 1
}

# wait_gone TEXT [SECONDS]: polls until TEXT is no longer on the screen.
wait_gone() {
	poll "${2:-10}" off_screen "$1" && return 0
	echo "# still on screen: $1"
	return 1
}

keys() { tmux -S "$SOCK" send-keys -t e2e "$@"; }

# The pid of backprep inside the pane (the pane runs bash, which runs it).
app_pid() { pgrep -f -P "$(tmux -S "$SOCK" display -p -t e2e '#{pane_pid}')" "$BIN" | head -1; }

resize() { tmux -S "$SOCK" resize-window -t e2e -x "$1" -y "$2"; }

# exit_status: waits for backprep to end and prints its exit status.
exit_status() {
	wait_for '[end]' 10 >/dev/null || { echo none; return; }
	screen | sed -n 's/.*\[exit \([0-9]*\)\].*/\1/p' | tail -1
}

# terminal_restored: after exit, the modes are back (canonical input, echo), the alternate
# screen is off and so are mouse reports.
terminal_restored() {
	local s
	s=$(screen | grep -F '[end]' | tail -1)
	case "$s" in *-icanon* | *-echo\ *) return 1 ;; esac
	[ "$(tmux -S "$SOCK" display -p -t e2e '#{alternate_on} #{mouse_any_flag}')" = "0 0" ]
}

sql() { sqlite3 -batch -noheader "$DB" "$@"; }

finish() { exit "$FAILED"; }

# at TEXT: "COL ROW" of the first cell of TEXT on the screen, numbered from 1 as a terminal
# numbers them in its mouse reports; nothing when TEXT is not there.
at() { screen | awk -v t="$1" '{ i = index($0, t); if (i) { print i, NR; exit } }'; }

# mouse_asked: the program asked the terminal for mouse reports (SGR encoding, the one
# ncurses asks for under xterm-256color).
mouse_asked() { [ "$(tmux -S "$SOCK" display -p -t e2e '#{mouse_sgr_flag}')" = 1 ]; }

# click COL ROW: a left click on that cell, written to the pane as a terminal reports it
# (press and release, SGR). Like a terminal, it sends nothing unless the program asked for
# mouse reports: bytes the program did not ask for would only read as keys.
click() {
	mouse_asked || return 0
	keys -l $'\e[<0;'"$1;$2"'M'$'\e[<0;'"$1;$2"'m'
}

# click_on TEXT [OFFSET]: clicks the cell OFFSET (default 0) columns after where TEXT starts;
# fails when TEXT is not on the screen.
click_on() {
	local p
	p=$(at "$1")
	[ -n "$p" ] || { echo "# not on screen: $1"; return 1; }
	set -- ${p% *} ${p#* } "${2:-0}"
	click $(($1 + $3)) "$2"
}

# wheel up|down COL ROW: one notch of the wheel (buttons 4 and 5: a press, no release).
wheel() {
	mouse_asked || return 0
	keys -l $'\e[<'"$([ "$1" = up ] && echo 64 || echo 65);$2;$3"'M'
}
