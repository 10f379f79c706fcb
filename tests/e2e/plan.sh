# The plan through the interface: the first-run questions, the Profile tuning the focus, the
# Plan screen, missed days rebalancing, and `backprep plan` as text and JSON.
. "$(dirname "$0")/lib.bash"

export BACKPREP_NOW=2026-11-29T08:00:00Z
CONTENT=(--content "$ROOT/content")

start -- "${CONTENT[@]}"
check "a first run asks for the interview date" wait_for "When is your interview?"
keys 2026-12-27 Enter
check "then the minutes a day" wait_for "How many minutes a day do you have?"
keys 9 9 9 Enter
check "an impossible answer is refused with a reason" wait_for "a number from 5 to 600"
keys BSpace BSpace BSpace 4 5 Enter
check "the plan starts and fits the interview" wait_for "Week 1 of 4 · day 1 of 28"
check "the minutes given are the day's budget" wait_for "Today: 0 of 45 min"
check "the interview is on Today" wait_for "Interview: 2026-12-27, in 28 days"
expect_eq "answers kept in the database" \
	"$(sql "SELECT group_concat(key || '=' || value, ' ') FROM (SELECT * FROM setting WHERE key IN ('plan_start', 'interview_date', 'daily_minutes', 'first_run') ORDER BY key)")" \
	"daily_minutes=45 first_run=done interview_date=2026-12-27 plan_start=2026-11-29"

# Profile: an infrastructure role raises scale and debugging from this week on.
keys r
check "r opens the recruiter profile" wait_for "Is the role product backend"
keys 2
check "an answer is saved" wait_for "Saved: Infrastructure backend"
check "its effect on the plan is shown" wait_for "Effect on the plan from week 1 on:"
check "scale is raised" wait_for "scale x1.50"
keys q
check "q returns to Today" wait_for "Enter drill"

# The Plan screen.
keys p
check "p opens the plan with its dates" wait_for "2026-11-29 to 2026-12-26, 28 days · interview: 2026-12-27"
check "the current week is marked" wait_for "Week 1 · Sun 29 Nov to Sat 05 Dec (7 days)"
check "the profile's effect is explained" wait_for "Your recruiter answers (Infrastructure backend"
keys NPage
check "today is marked among the days" wait_for "today: nothing yet"
check "per-area targets are shown" wait_for "New questions by area, against the week's target:"
keys q
wait_for "Enter drill" >/dev/null
keys q
expect_eq "quits cleanly" "$(exit_status)" 0

# Three days later with nothing done: behind, and the catch-up spread over the days left.
export BACKPREP_NOW=2026-12-02T08:00:00Z
out=$("$BIN" "${CONTENT[@]}" plan)
check "missed days put the plan behind" grep -q "^Behind the plan by 18 new questions. " <<<"$out"
# 45 minutes a day cannot hold the plan's six a day of week 1's long coding problems: the
# message says how far the budget reaches, in the numbers plan --json carries.
reach_text=$(sed -n 's/.*reach about \([0-9]*\) of the plan.s \([0-9]*\) new questions by the interview; 60 min a day reaches \([0-9]*\)\./\1 \2 \3/p' <<<"$out")
json=$("$BIN" "${CONTENT[@]}" plan --json)
out=$json
check "plan --json has the pace" grep -q '"behind": 18' <<<"$out"
expect_eq "the text's reach is plan --json's" "$reach_text" \
	"$(jq -r '.pace | "\(.reach) \(.plan_target) \(.reach_more)"' <<<"$json")"
check "the reach is short of the plan" jqt '.pace.feasible == false and .pace.reach < .pace.plan_target and .pace.reach_more > .pace.reach' <<<"$json"
check "plan --json has the four weeks" test "$(grep -c '"week": [1-4],' <<<"$out")" -eq 4
check "plan --json marks milestones" grep -q '"state": "open"' <<<"$out"
check "plan --json keeps the profile" grep -q '"answer": "infrastructure"' <<<"$out"
start_today -- "${CONTENT[@]}"
check "Today says the plan is behind" wait_for "Behind the plan by 18 new questions."
check "and how far the budget reaches, as plan says" \
	wait_for "At 45 min a day you will reach about $(cut -d' ' -f1 <<<"$reach_text") of the plan's"
# The catch-up Today promises is in its queue: the plan's 6 and the extra are all up next.
wait_for "Up next:" >/dev/null
extra=$(screen | sed -n 's/.*(plan: 6 a day + \([0-9]*\) to catch up.*/\1/p' | head -1)
queued=$(screen | sed -n 's/.*Up next: .*, \([0-9]*\) new).*/\1/p' | head -1)
check "the catch-up promised is in the queue" test "${queued:-0}" -ge $((6 + ${extra:-0}))
keys q
exit_status >/dev/null

# Moving the interview reshapes the weeks; history stays.
out=$("$BIN" "${CONTENT[@]}" plan --interview 2026-12-13)
check "plan --interview moves the date" grep -q "The interview date is now 2026-12-13" <<<"$out"
out=$("$BIN" "${CONTENT[@]}" plan)
check "the plan shrinks to 14 days" grep -q "^Plan: 2026-11-29 to 2026-12-12 (14 days)" <<<"$out"
out=$("$BIN" "${CONTENT[@]}" plan --start today --interview none)
out=$("$BIN" "${CONTENT[@]}" plan)
check "restarting gives a fresh 28 days from today" grep -q "^Plan: 2026-12-02 to 2026-12-29 (28 days)" <<<"$out"
check "and is no longer behind" bash -c '! grep -q "Behind" <<<"$0"' "$out"

# Moving to a new machine: an imported history is not a first run, and keeps its plan start.
"$BIN" "${CONTENT[@]}" plan --start 2026-11-20 >/dev/null
"$BIN" "${CONTENT[@]}" export -o "$T/export.json"
sql "INSERT INTO review (item, rev, at, grade, day) VALUES ('api.idempotent-writes', 1, $(date -u -d 2026-11-20T09:00:00Z +%s), 3, $(( $(date -u -d 2026-11-20 +%s) / 86400 )))"
"$BIN" "${CONTENT[@]}" export -o "$T/export.json"
(
	export XDG_DATA_HOME="$T/other"
	"$BIN" "${CONTENT[@]}" import "$T/export.json" >/dev/null
	start -- "${CONTENT[@]}"
	check "after an import the trainer opens on Today, not the first-run questions" wait_for "Enter drill"
	keys q
	exit_status >/dev/null
	out=$("$BIN" "${CONTENT[@]}" plan)
	check "the imported plan start is kept" grep -q "^Plan: 2026-11-20 to" <<<"$out"
)

# A person's own plan: a broken one is reported and the shipped one kept.
printf 'plan: mine\ntitle: Mine\nweeks: []\n' >"$T/myplan.yaml"
out=$("$BIN" "${CONTENT[@]}" --plan "$T/myplan.yaml" today 2>&1)
check "a broken own plan is reported with file:line:col" grep -q "myplan.yaml:3:8: the plan has 0 weeks; it must have 4" <<<"$out"
sed 's/Data modeling and API design/My own second week/' "$ROOT/content/plan.yaml" >"$XDG_DATA_HOME/backprep/plan.yaml"
out=$("$BIN" "${CONTENT[@]}" today)
check "plan.yaml in the data directory replaces the shipped plan" grep -q "^My own second week" <<<"$out"
finish
