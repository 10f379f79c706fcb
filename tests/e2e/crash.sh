# The kill -9 loop: drills in a real terminal, each killed with SIGKILL at a random moment
# (seeded, so a failure can be replayed), often in the middle of recording an answer. After
# each kill every answer the screen confirmed ("N saved" in the drill's title, "Saved: ID
# graded G.") must be in the database, and PRAGMA integrity_check must say ok.
#
# CRASH_N kills (default 20, for `make test`); `make crash N=1000` runs the long one.
# CRASH_SEED picks the moments (default 1).
. "$(dirname "$0")/lib.bash"

N=${CRASH_N:-20}
RANDOM=${CRASH_SEED:-1}
# The shipped packs but the incidents, whose steps a quick answer does not walk.
C="$T/content"
mkdir -p "$C"
cp "$ROOT"/content/*.yaml "$C/"
rm -f "$C/debugging.yaml"
CONTENT=(--content "$C")

# Killed while making a new progress file (0 to 20 ms after it starts, with the small test
# pack: the file is made a few ms in): what is left never stops the next start, as an empty
# file would (it is refused as progress cut short).
SMALL=(--content "$ROOT/tests/fixtures/e2e")
fine=0
for k in $(seq 40); do
	"$BIN" "${SMALL[@]}" --db "$T/new$k.db" plan --start 2026-11-29 >/dev/null 2>&1 &
	sleep "0.0$(printf %03d $((RANDOM % 200)))"
	kill -9 $! 2>/dev/null
	wait $! 2>/dev/null
	"$BIN" "${SMALL[@]}" --db "$T/new$k.db" plan --start 2026-11-29 >/dev/null 2>&1 &&
		fine=$((fine + 1))
done
expect_eq "a start after a kill while making the file works, 40 times of 40" "$fine" 40

"$BIN" "${CONTENT[@]}" plan --start 2026-11-29 >/dev/null || exit 1

# wait_or_dead TEXT: polls until TEXT is on the screen (0) or backprep has ended (1).
wait_or_dead() {
	local i=0 s
	while [ $i -lt 400 ]; do
		s=$(screen)
		grep -qF -- "$1" <<<"$s" && return 0
		grep -qF '[end]' <<<"$s" && return 1
		sleep 0.025
		i=$((i + 1))
	done
	return 1
}

# restart: start, once the last tmux server is gone (a new session asked of a server that
# is exiting fails with "server exited unexpectedly"); tried again if it failed all the same.
restart() {
	local try i
	for try in 1 2 3; do
		tmux -S "$SOCK" kill-server 2>/dev/null
		i=0
		while tmux -S "$SOCK" has-session 2>/dev/null && [ $i -lt 100 ]; do
			sleep 0.02
			i=$((i + 1))
		done
		start "$@" 2>/dev/null
		tmux -S "$SOCK" has-session 2>/dev/null && return 0
	done
	return 1
}

# saved_count: the drill's "N saved", or nothing when it is not on the screen.
saved_count() { screen | sed -n 's/.* \([0-9][0-9]*\) saved *$/\1/p' | head -1; }

lost=0 bad=0 confirmed_all=0 killed_mid=0
base=$(date -u -d 2026-11-29T08:00:00Z +%s)
for i in $(seq "$N"); do
	at=$((base + (i - 1) * 86400))
	export BACKPREP_NOW
	BACKPREP_NOW=$(date -u -d "@$at" +%Y-%m-%dT%H:%M:%SZ)
	restart -- "${CONTENT[@]}" || { not_ok "kill $i: tmux did not start"; continue; }
	skip_welcome >/dev/null || true
	pid=$(app_pid)
	[ -n "$pid" ] || { not_ok "kill $i: backprep did not start" "$(screen)"; continue; }
	# the moment: 0 to 1.5 s after Today is up, in 10 ms steps
	delay=$((RANDOM % 150))
	(sleep "$(printf '%d.%02d' $((delay / 100)) $((delay % 100)))"; kill -9 "$pid" 2>/dev/null) &
	killer=$!
	confirmed=0 ids=()
	keys Enter
	while wait_or_dead "Space reveal"; do
		keys Space
		wait_or_dead "Enter grade" || break
		keys Enter
		wait_or_dead "Grade:" || break
		keys $((RANDOM % 4 + 1))
		wait_or_dead "$((confirmed + 1)) saved" || break
		confirmed=$((confirmed + 1))
		id=$(screen | sed -n 's/.*Saved: \([a-z0-9.-]*\) graded.*/\1/p' | tail -1)
		[ -n "$id" ] && ids+=("$id")
	done
	# whatever the screen showed last counts too: it may have changed after the last poll
	n=$(saved_count)
	[ -n "$n" ] && [ "$n" -gt "$confirmed" ] && confirmed=$n
	wait "$killer" 2>/dev/null
	# the status line may wrap (long paths): read the lines joined
	wait_for '[end]' >/dev/null
	if ! tmux -S "$SOCK" capture-pane -p -J -t e2e | grep -qF '[exit 137]'; then
		not_ok "kill $i: backprep was killed" "$(screen)"
		continue
	fi
	have=$(sql "SELECT count(*) FROM review WHERE at = $at")
	if [ "$have" -lt "$confirmed" ]; then
		lost=$((lost + 1))
		not_ok "kill $i (after ${delay}0 ms): $confirmed answers confirmed, $have in the database"
	fi
	for id in "${ids[@]}"; do
		if [ "$(sql "SELECT count(*) FROM review WHERE at = $at AND item = '$id'")" = 0 ]; then
			lost=$((lost + 1))
			not_ok "kill $i: the confirmed answer to $id is not in the database"
		fi
	done
	[ "$have" -gt "$confirmed" ] && killed_mid=$((killed_mid + 1))
	check_out=$(sqlite3 -batch -noheader "$DB" 'PRAGMA integrity_check' 2>&1)
	if [ "$check_out" != ok ]; then
		bad=$((bad + 1))
		not_ok "kill $i: integrity_check" "$check_out"
	fi
	confirmed_all=$((confirmed_all + confirmed))
done
echo "# $N kills, $confirmed_all answers confirmed on screen, $(sql 'SELECT count(*) FROM review') in the database;"
echo "# $killed_mid kills came after a commit and before the screen said so"
expect_eq "no confirmed answer was lost in $N kills" "$lost" 0
expect_eq "every database passed integrity_check" "$bad" 0
check "the kills came while answering (answers were confirmed)" test "$confirmed_all" -gt 0
out=$("$BIN" "${CONTENT[@]}" doctor)
check "doctor finds the cards agree with the log" grep -q "cards: all match the review log" <<<"$out"
check "doctor finds the stats' summaries agree with the log (kept in the answer's transaction)" \
	grep -q "stats: the summaries match the review log" <<<"$out"
finish
