# Settings (, or S on Today): every setting with its value and where it comes from; the ones
# made in the app changed in place with their checks, put back to the default, undone; the
# config.yaml ones shown as such with the file's path; `backprep settings` the same list.
. "$(dirname "$0")/lib.bash"

CONTENT=(--content "$ROOT/content")
setting() { sql "SELECT value FROM setting WHERE key = '$1'"; }
run() { OUT=$("$BIN" "${CONTENT[@]}" "$@" 2>&1 </dev/null); RC=$?; }

start_today -- "${CONTENT[@]}"
wait_for "Up next" >/dev/null
check "Today's budget is the plan's" wait_for "Today: 0 of 60 min"
keys S
check "S opens Settings" wait_for "Settings: what is in force, and why"
check "the budget is Today's, and says it is the plan's week" \
	wait_for "Minutes a day: 60"
check "...from the plan's week 1" wait_for "the plan's week 1 asks for it"
check "the new questions' cap says there is none" wait_for "New questions a day (cap): none"
check "the retention is the default" wait_for "Retention aimed for: 0.90"

keys Enter
check "Enter opens the field, prefilled with the value in force" \
	wait_for "Minutes a day (5-600, empty: the plan's): 60_"
keys C-u 3 Enter
check "a value out of range is refused, saying what is wanted" \
	wait_for "Not changed: '3' is not minutes a day from 5 to 600"
check "...and the field stays open" on_screen "Minutes a day (5-600, empty: the plan's): 3_"
keys C-u 45 Enter
check "45 is saved" wait_for "Minutes a day: 45, saved. u undoes it."
check "...and says it was set in the app, and when" wait_for "set in the app on 2026-11-29"
expect_eq "...kept in the database" "$(setting daily_minutes)" 45
keys q
check "Today's budget is the one set" wait_for "Today: 0 of 45 min"
keys ,
check ", opens Settings too" wait_for "Minutes a day: 45"
keys u
check "u undoes the change" wait_for "Undone: Minutes a day is 60 again."
expect_eq "...in the database" "$(setting daily_minutes)" ""

# the retention, three rows down: changed, then put back to the default with d
keys Down Down Down Enter
check "the retention's field" wait_for "Retention (0.70-0.99, empty: 0.90): 0.90_"
keys C-u 0.5 Enter
check "a retention out of range is refused" wait_for "a retention from 0.70 to 0.99"
keys C-u 0.85 Enter
check "0.85 is saved" wait_for "Retention aimed for: 0.85, saved."
expect_eq "...in the database" "$(setting retention)" 0.85
keys d
check "d puts the default back" wait_for "Retention aimed for: 0.90, back to the default."
expect_eq "...in the database" "$(setting retention)" ""
keys u
check "u undoes the reset" wait_for "Undone: Retention aimed for is 0.85 again."
keys Down Enter
check "a setting not made in the app says so" \
	wait_for "is not one of the settings made in the app"
keys '?'
check "help lists the Settings keys from the key table" \
	wait_for "put the setting chosen back to its default"
keys q q
wait_for "Up next" >/dev/null
keys q
expect_eq "quits" "$(exit_status)" 0

# The same list from the shell, agreeing with today --json; --set and --reset.
run settings --json
expect_eq "settings --json: the retention set in the app" \
	"$(jq -c '.settings[] | select(.name == "retention") | [.value, .source, .editable]' <<<"$OUT")" \
	'["0.85","app",true]'
run settings --set daily_minutes 50
expect_eq "settings --set saves" "$RC" 0
budget=$("$BIN" "${CONTENT[@]}" today --json | jq .budget_minutes)
run settings --json
expect_eq "the list's budget is today --json's" \
	"$(jq -r '.settings[] | select(.name == "daily_minutes") | .value' <<<"$OUT")" "$budget"
run settings --set daily_minutes 2
expect_eq "settings --set refuses a bad value" "$RC" 1
check "...saying what is wanted" grep -qF "'2' is not minutes a day from 5 to 600" <<<"$OUT"
run settings --reset retention
expect_eq "settings --reset puts the default back" \
	"$(grep -E '^retention ' <<<"$OUT" | tr -s ' ')" \
	"retention 0.90 default: a review falls due when predicted recall drops to it [can be set]"
expect_eq "...in the database" "$(setting retention)" ""

# config.yaml wins, and Settings says so with the file's path.
mkdir -p "$XDG_CONFIG_HOME/backprep"
printf 'daily_minutes: 35\nscheduler:\n  deadline_recall: 0.8\n' >"$XDG_CONFIG_HOME/backprep/config.yaml"
start_today -- "${CONTENT[@]}"
keys S
check "a config.yaml value shows as from config.yaml" wait_for "Minutes a day: 35"
check "...with the file's path" \
	wait_for "daily_minutes in config.yaml: $XDG_CONFIG_HOME/backprep/config.yaml"
check "a scheduler option from config.yaml" wait_for "Recall due before the interview: 0.80"
keys Enter
check "it is not changed in the app" wait_for "set in config.yaml (change it there)"
for size in "60 16" "80 24" "120 40"; do
	resize $size
	check "at ${size/ /x} the chosen setting and the keys are in view" \
		eval 'wait_for "Minutes a day: 35" >/dev/null && on_screen "Up/Down choose"'
done
keys End
check "End chooses the last setting, scrolled into view" wait_for "Clock: 2026-11-29T08:00:00Z"
keys q q
expect_eq "quits" "$(exit_status)" 0

finish
