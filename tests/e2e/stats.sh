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
run stats --from yesterday
expect_eq "a bad date is refused with exit 2" "$RC" 2
run stats
check "the text form names the streak" grep -qF "Streak: 7 days (longest 8)" <<<"$OUT"

finish
