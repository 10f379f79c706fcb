# Plain terminals and themes. Under a locale that is not UTF-8 (LANG=C, LC_ALL=POSIX) every
# screen is written in ASCII: Today, a question with typographic quotes, dashes, an accent
# and arrows, its answer, the grade bar and Stats, checked on the capture's bytes. The grade
# bar's colours follow the terminal: the basic eight under TERM=xterm, finer ones under
# xterm-256color, and none at all under NO_COLOR (capture-pane -e shows the escape codes).
. "$(dirname "$0")/lib.bash"

PLAIN=(--content "$ROOT/tests/fixtures/plain")

# ascii_only: every byte on the screen is printable ASCII.
ascii_only() { ! screen | LC_ALL=C grep -q '[^ -~]'; }
# non_ascii: some byte on the screen is not.
non_ascii() { screen | LC_ALL=C grep -q '[^ -~]'; }
# grade_line: the grade bar's row with its escape codes.
grade_line() { tmux -S "$SOCK" capture-pane -e -p -t e2e | grep -F 'Grade:'; }
# colour_codes: the SGR colour codes on the screen (30-37, 38;5;N), one a line.
colour_codes() {
	tmux -S "$SOCK" capture-pane -e -p -t e2e | grep -oE $'\e\\[[0-9;]*m' |
		grep -oE '(^|;|\[)(3[0-7]|38;5;[0-9]+)(;|m)' | sort -u
}

# to_grade: from Today, the only question's answer revealed, a point ticked, the grade bar.
to_grade() {
	keys Enter
	wait_for "Drill 1/1" >/dev/null || return 1
	keys Space
	wait_for "Key points" >/dev/null || return 1
	keys 1 Enter
	wait_for "Grade:" >/dev/null
}

# The same question under UTF-8 first: its characters are there to be transliterated.
start_today -- "${PLAIN[@]}"
keys Enter
wait_for "Drill 1/1" >/dev/null
check "under UTF-8 the question keeps its own characters" on_screen "A café’s order service"
check "and the screen holds bytes beyond ASCII" non_ascii
keys q
wait_for "Enter drill" >/dev/null
keys q
expect_eq "quits" "$(exit_status)" 0

for loc in C POSIX; do
	start_today LANG=$loc LC_ALL=$loc -- "${PLAIN[@]}"
	check "LC_ALL=$loc: Today is ASCII only" ascii_only
	check "LC_ALL=$loc: the title's middle dot reads as a dash" on_screen "Today - 2026-11-29"
	keys Enter
	wait_for "Drill 1/1" >/dev/null
	check "LC_ALL=$loc: the question is ASCII only" ascii_only
	check "LC_ALL=$loc: quotes, the accent and the dash read in ASCII" \
		on_screen "A cafe's order service retries a \"create order\" call - what"
	check "LC_ALL=$loc: the ellipsis, arrow, bullet and <= read in ASCII" \
		on_screen "(client -> server * <= 3 tries)"
	keys Space
	wait_for "Key points" >/dev/null
	check "LC_ALL=$loc: the key points are ASCII only" ascii_only
	check "LC_ALL=$loc: a key point's dash" on_screen "One idempotency key per order - reused"
	keys 1 Enter
	wait_for "Grade:" >/dev/null
	check "LC_ALL=$loc: the grade bar is ASCII only" ascii_only
	check "LC_ALL=$loc: the footer's rule is drawn with -" on_screen_re '^-{20,}'
	keys 3
	wait_for "graded Good" >/dev/null
	keys q
	wait_for "Drill summary" >/dev/null
	check "LC_ALL=$loc: the drill summary and its bars are ASCII only" ascii_only
	keys t
	wait_for "Activity" >/dev/null
	check "LC_ALL=$loc: Stats is ASCII only" ascii_only
	check "LC_ALL=$loc: the heatmap's legend is the ASCII ramp" \
		on_screen "- none  . any  : 15+ min  + 30+  # 60+"
	check "LC_ALL=$loc: today's cell reads . (answered, under 15 minutes)" \
		on_screen_re '^ *Sun .*\.$'
	keys q
	wait_for "Enter drill" >/dev/null
	keys q
	expect_eq "LC_ALL=$loc: quits" "$(exit_status)" 0
	rm -rf "$XDG_DATA_HOME"
done

# Themes: the grade bar in colour where the terminal has it, in none under NO_COLOR.
start_today TERM=xterm -- "${PLAIN[@]}"
to_grade
check "TERM=xterm: the grade bar is drawn" wait_for "1 Again"
codes=$(colour_codes | tr '\n' ' ')
check "TERM=xterm: the grades use the basic colours (red for Again)" \
	eval 'grade_line | grep -qE $'"'"'\e\\[([0-9;]*;)?31(;[0-9;]*)?m 1 Again'"'"
check "TERM=xterm: and no 256-colour code ($codes)" eval '! colour_codes | grep -q "38;5"'
keys q
wait_for_any "Drill summary" "Enter drill" >/dev/null
rm -rf "$XDG_DATA_HOME"

start_today TERM=xterm-256color -- "${PLAIN[@]}"
to_grade
codes=$(colour_codes | tr '\n' ' ')
check "TERM=xterm-256color: Again is 256-colour red ($codes)" \
	eval 'grade_line | grep -qE $'"'"'\e\\[([0-9;]*;)?38;5;196(;[0-9;]*)?m 1 Again'"'"
check "TERM=xterm-256color: Good is 256-colour green" \
	eval 'grade_line | grep -qE "38;5;40(;[0-9;]*)?m 3 Good"'
keys q
wait_for_any "Drill summary" "Enter drill" >/dev/null
rm -rf "$XDG_DATA_HOME"

start_today NO_COLOR=1 TERM=xterm-256color -- "${PLAIN[@]}"
to_grade
codes=$(colour_codes | tr '\n' ' ')
check "NO_COLOR: no colour code anywhere on the screen ($codes)" eval '[ -z "$(colour_codes)" ]'
check "NO_COLOR: the suggested grade still stands out (reverse video)" \
	eval 'grade_line | grep -qE $'"'"'\e\\[([0-9;]*;)?7(;[0-9;]*)?m'"'"
keys q
wait_for_any "Drill summary" "Enter drill" >/dev/null

finish
