# Today's promise is the drill's queue: on the shipped content, where the day's areas are
# drawn at random, Today's "Up next", `today --json`, the drill's count and Today after
# leaving the drill unanswered all name the same questions (the day's draw is seeded by the
# day, not by how many times the queue was built before).
. "$(dirname "$0")/lib.bash"

count_today() { screen | sed -n 's/^ *Up next: \([0-9]*\) questions.*/\1/p' | head -1; }

start_today -- --content "$ROOT/content"
wait_for "Up next" >/dev/null
first=$(count_today)
check "Today names a number of questions" test -n "$first"
cli=$("$BIN" --content "$ROOT/content" today --json | jq '.queue | length')
expect_eq "today --json queues as many" "$cli" "$first"
ids=$("$BIN" --content "$ROOT/content" today --json | jq -r '.queue[0].id')
keys Enter
check "the drill holds them all" wait_for "Drill 1/$first "
keys q
wait_for "Enter drill" >/dev/null
expect_eq "Today, after leaving the drill unanswered, promises the same" "$(count_today)" "$first"
expect_eq "and today --json still starts with the same question" \
	"$("$BIN" --content "$ROOT/content" today --json | jq -r '.queue[0].id')" "$ids"
keys q
finish
