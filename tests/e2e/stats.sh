# Stats: a fixture history (tests/fixtures/stats/history.json) imported with `import`, then
# `backprep stats --json` against figures worked out by hand from that file: 15 days studied
# in two runs (Nov 13-20 and Nov 22-28; today, Sunday Nov 29, not yet), 186 minutes, and
# 19 review answers of which 4 were Again (9 of 11 in the last 7 days).
. "$(dirname "$0")/lib.bash"

CONTENT=(--content "$ROOT/tests/fixtures/e2e")
run() { OUT=$("$BIN" "${CONTENT[@]}" "$@" 2>&1 </dev/null); RC=$?; }
j() { jq -c "$1" <<<"$OUT"; }

run import "$ROOT/tests/fixtures/stats/history.json"
expect_eq "the fixture history imports" "$RC" 0
expect_eq "every answer of it is in the log" "$(sql 'SELECT count(*) FROM review')" 24

run stats --json
expect_eq "stats --json exits 0" "$RC" 0
expect_eq "the heatmap runs 26 weeks back to today" "$(j '[.from, .to, (.heatmap | length)]')" \
	'["2026-06-01","2026-11-29",182]'
expect_eq "the studied days are the history's, with their levels by minutes" \
	"$(j '[.heatmap[] | select(.answers > 0) | "\(.date[8:]):\(.level)"] | join(" ")')" \
	'"13:1 14:1 15:1 16:1 17:1 18:1 19:1 20:1 22:1 23:1 24:1 25:1 26:2 27:3 28:4"'
expect_eq "a day's minutes and answers (Nov 28: 50 + 10 min, one answer given at +02:00)" \
	"$(j '.heatmap[] | select(.date == "2026-11-28") | [.minutes, .answers]')" '[60,2]'
expect_eq "streaks: 7 up to yesterday, the longest 8" "$(j '.streak')" \
	'{"current":7,"longest":8}'
expect_eq "days studied of the plan's days so far, and the total time" \
	"$(j '[.days_studied, .days_planned, .total_minutes]')" '[15,17,186]'
expect_eq "true retention: 9 of 11 in 7 days, 15 of 19 in 30 and in all" \
	"$(j '.retention | [.target, (.last_7 * 1e4 | round), (.last_30 * 1e4 | round), (.all * 1e4 | round), .answers, (.by_area.api * 1e4 | round)]')" \
	'[0.9,8182,7895,7895,19,7895]'
expect_eq "weekly retention: 1 of 2, 5 of 6, 9 of 11 in the last three weeks" \
	"$(j '.retention.weekly[9:] | map(. * 1e4 | round)')" '[5000,8333,8182]'
expect_eq "seconds per answer by kind against the stated minutes" \
	"$(j '.time.seconds_per_answer_by_kind | [.open.answers, .open.seconds, .open.stated_seconds, .choice.answers, (.choice.seconds | round), .choice.stated_seconds]')" \
	'[20,497,336,3,353,120]'
expect_eq "minutes by day end today" "$(j '.time.by_day[-2:]')" \
	'[{"date":"2026-11-28","minutes":60},{"date":"2026-11-29","minutes":0}]'
expect_eq "the area's items: three seen, none new" "$(j '.areas[0] | [.id, .items, .new, .learning + .review]')" \
	'["api",3,0,3]'
expect_eq "plan weeks: new questions and minutes" "$(j '[.weeks[] | [.new, .minutes, .current]]')" \
	'[[1,37,false],[2,57,false],[0,91,true],[0,0,false]]'
expect_eq "the forecast is Today's placement: 14 days, today's reviews as today --json" \
	"$(j '[(.forecast | length), .forecast[0].due, .forecast[0].minutes]')" \
	"$(run today --json; jq -c '[14, .due, .forecast_review_minutes[0]]' <<<"$OUT")"
run stats --json
expect_eq "no mock rounds yet" "$(j '.mocks')" '{"dimensions":[],"finished_rounds":0,"ready":false}'
run stats --json --from 2026-11-20 --to 2026-11-25
expect_eq "--from and --to bound the heatmap (5 + 0 + 9 + 9 + 10 + 8 min)" \
	"$(j '[.from, .to, (.heatmap | length), .total_minutes]')" '["2026-11-20","2026-11-25",6,41]'
# Retention inside Nov 20-25 only, each answer judged by the one before it even when that
# came before the days: K Nov 20 Again (after Nov 19), K Nov 22-25 pass; V and S first seen
# (not counted), V Nov 23 Again, V Nov 24 pass. 5 of 7.
expect_eq "--from and --to bound retention, by area too: 5 of 7" \
	"$(j '.retention | [.answers, (.all * 1e4 | round), (.by_area.api * 1e4 | round)]')" '[7,7143,7143]'
expect_eq "--to ends the minutes by day and the streaks (Nov 22-25 in a row)" \
	"$(j '[.time.by_day[-1], .streak]')" '[{"date":"2026-11-25","minutes":8},{"current":4,"longest":4}]'
run stats --from yesterday
expect_eq "a bad date is refused with exit 2" "$RC" 2
run stats
check "the text form names the streak" grep -qF "Streak: 7 days (longest 8)" <<<"$OUT"

# The summaries Stats reads are the log's: doctor finds a damaged one and makes it anew, and
# the figures come back.
before=$("$BIN" "${CONTENT[@]}" stats --json | jq -c '[.heatmap, .retention, .streak]')
sql "UPDATE review_by_day SET answers = answers + 5, ret_pass = 0; DELETE FROM review_by_item"
check "a damaged summary shows in the stats" \
	test "$("$BIN" "${CONTENT[@]}" stats --json | jq -c '[.heatmap, .retention, .streak]')" != "$before"
run doctor
check "doctor says the damaged summary rows were made anew" \
	grep -qE "^stats: [0-9]+ summary rows differed from the review log and were made anew" <<<"$OUT"
expect_eq "after doctor the stats are the log's again" \
	"$("$BIN" "${CONTENT[@]}" stats --json | jq -c '[.heatmap, .retention, .streak]')" "$before"
run doctor
check "a second doctor finds them in step" grep -qF "stats: the summaries match the review log" <<<"$OUT"

# The Stats screen on the same history: t on Today.
open_stats() {
	COLS=$1 ROWS=$2 start -- "${CONTENT[@]}"
	skip_welcome || return 1
	keys t
	wait_for "Activity" >/dev/null
}
open_stats 80 24
check "80x24: the streak numbers match the history" \
	grep -qF "Streak 7 days · longest 8 · studied 15 of 17 plan days · 186 min in all" \
	<<<"$(screen)"
# The heatmap's columns are weeks from Monday; the last two are Nov 23-29 and Nov 16-22, the
# one before holds Fri 13 to Sun 15. Rows: Mon..Sun.
heat() { screen | grep -E "^ (Mon|Wed|Fri|Sun|   ) [·░▒▓█ ]" | sed -n "$1p" | awk '{print $(NF-2), $(NF-1), $NF}'; }
expect_eq "80x24: Mondays studied in the last two weeks only" "$(heat 1)" "· ░ ░"
expect_eq "80x24: Fridays: Nov 13, 20 and 27 (31 min: ▓)" "$(heat 5)" "░ ░ ▓"
expect_eq "80x24: Saturdays: Nov 14, none on Nov 21, Nov 28 (60 min: █)" "$(heat 6)" "░ · █"
check "80x24: the legend names the levels" grep -qF "▒ 15+ min  ▓ 30+  █ 60+" <<<"$(screen)"
keys NPage NPage
wait_for "Mock rounds" >/dev/null
check "80x24: scrolled down, retention as computed by hand" \
	grep -qF "last 7 days 82% · last 30 days 79% · all 79% · target 90%" <<<"$(screen)"
check "80x24: time per answer by kind" grep -qF "open        20 answers  497 s an answer" \
	<<<"$(screen)"
keys q
wait_for "Enter drill" >/dev/null
check "q returns to Today" absent "Activity"

open_stats 120 40
check "120x40: heatmap, weeks, mastery and retention on one screen" \
	bash -c 'for w in "Streak 7 days" "Plan weeks" "Mastery by area" "last 7 days 82%"; do
		grep -qF "$w" <<<"$1" || exit 1; done' _ "$(screen)"
check "120x40: the mastery bar uses the width" grep -qE "api .*█{20,}" <<<"$(screen)"

open_stats 60 16
check "60x16: the streak line is readable" grep -qF "Streak 7 days · longest 8" <<<"$(screen)"
keys NPage
wait_for "recall on" >/dev/null
check "60x16: the narrow layout drops the per-area retention column" \
	bash -c '! grep -q "recall on .*retention" <<<"$1"' _ "$(screen)"

# The summary after a two-answer drill, on a fresh progress file.
FRESH=(--db "$T/fresh.db" "${CONTENT[@]}")
COLS=80 ROWS=24 start -- "${FRESH[@]}"
skip_welcome
keys Enter
for g in 3 1; do
	wait_for "Space reveal" >/dev/null
	keys Space
	wait_for "Enter grade" >/dev/null
	keys Enter
	wait_for "Grade:" >/dev/null
	keys "$g"
	wait_for "Saved:" >/dev/null
done
keys q
wait_for "Drill summary" >/dev/null
check "summary: answers, minutes, new and reviews" grep -qE "2 answers in [0-9]+ min: 2 new, 0 reviews" \
	<<<"$(screen)"
check "summary: one Good and one Again" \
	bash -c 'grep -qE "^ Again .* 1$" <<<"$1" && grep -qE "^ Good .* 1$" <<<"$1"' _ "$(screen)"
check "summary: the streak counts today" grep -qF "Streak: 1 day" <<<"$(screen)"
check "summary: no retention without reviews of earlier days" \
	grep -qF "no reviews of questions seen on an earlier day" <<<"$(screen)"
check "summary: what is placed tomorrow" grep -qE "Tomorrow: [0-9]+ reviews? placed" <<<"$(screen)"
expect_eq "the two answers are in the log" \
	"$(sqlite3 -batch -noheader "$T/fresh.db" 'SELECT group_concat(grade) FROM (SELECT grade FROM review ORDER BY id)')" "3,1"
keys Enter
wait_for "Enter drill" >/dev/null
check "Enter returns to Today" absent "Drill summary"

finish
