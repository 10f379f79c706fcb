# The shipped content: it passes the strict rules, every area has the items the content
# issue asks for, and every question the preparation guide names is there to be drilled.
. "$(dirname "$0")/lib.bash"

out=$("$BIN" validate --strict "$ROOT/content")
rc=$?
expect_eq "the shipped content passes validate --strict" "$rc" 0

# the area's own pack (design.yaml is a second pack of area scale, counted apart)
count() { sed -n "s/^pack $1 ($1): \([0-9]*\) items.*/\1/p" <<<"$out"; }
at_least() { # AREA N
	local n
	n=$(count "$1")
	if [ "${n:-0}" -ge "$2" ]; then ok "$1 has at least $2 items ($n)"; else
		not_ok "$1 has at least $2 items" "it has ${n:-none}"; fi
}
at_least coding 70
at_least data-modeling 55
at_least api 55
at_least scale 65
at_least debugging 55
at_least behavioral 15
# The plan points at real pools: a plan whose week-1 api weight has no api item fails, at the
# weight, with the line under it (the fixture is the one of the unit test, test_coverage).
fix="${BACKPREP_FIXTURES:-$ROOT/tests/fixtures}/coverage"
bad=$("$BIN" validate --strict "$fix" 2>&1)
check "validate --strict reports an empty pool at its weight" \
	grep -q "coverage/plan.yaml:10:12: week 1 gives api a weight of 0.5, a target of 4 new" \
	<<<"$bad"
check "validate --strict shows the weight's line" grep -q "^ *api: 0.5$" <<<"$bad"

scenarios=$(sed -n 's/^pack [a-z-]* (debugging):.* scenario \([0-9]*\),.*/\1/p' <<<"$out")
check "debugging has at least 15 incident scenarios" test "${scenarios:-0}" -ge 15
for area in coding data-modeling api scale debugging behavioral; do
	line=$(grep "^pack $area ($area):" <<<"$out")
	check "$area spreads levels 1, 2 and 3" \
		bash -c '[[ "$0" =~ levels\ 1/2/3:\ ([0-9]+)/([0-9]+)/([0-9]+) ]] && [ "${BASH_REMATCH[1]}" -gt 0 ] && [ "${BASH_REMATCH[2]}" -gt 0 ] && [ "${BASH_REMATCH[3]}" -gt 0 ]' "$line"
done

for id in data-modeling.orders-payments-refunds data-modeling.relational-vs-document-store \
	data-modeling.indexing-for-access-pattern api.idempotent-writes \
	api.versioning-without-breaking api.validation-authz-ratelimit-layers \
	scale.ten-x-traffic scale.retries-without-duplicates scale.slow-dependency \
	debugging.launch-metrics debugging.tail-latency-spike debugging.structured-logs; do
	out=$("$BIN" --content "$ROOT/content" item "$id" 2>&1)
	check "the guide's question $id is an item" grep -q "^$id  (" <<<"$out"
done

# Issue 14's second wave, by area and kind: 10 distributed-systems, 6 security and 10
# behavioral items (two of them incident scenarios, three of them choices).
declare -A wave=(
	[scale.two-phase-commit-vs-sagas]="scale · open" [scale.raft-consensus]="scale · open"
	[data-modeling.btree-vs-lsm]="data-modeling · open" [scale.write-ahead-log]="scale · open"
	[data-modeling.cqrs-read-models]="data-modeling · open"
	[scale.choice-logical-clocks]="scale · choice"
	[scale.choice-linearizable-vs-serializable]="scale · choice"
	[debugging.scenario-search-cdc-lag]="debugging · scenario"
	[data-modeling.oltp-vs-olap]="data-modeling · open"
	[scale.service-discovery-gossip]="scale · open" [api.rbac-vs-abac]="api · open"
	[api.password-storage]="api · open" [scale.secrets-rotation]="scale · open"
	[data-modeling.envelope-encryption]="data-modeling · open"
	[debugging.scenario-webhook-ssrf]="debugging · scenario"
	[data-modeling.choice-tenant-leaks]="data-modeling · choice"
	[behavioral.ambiguous-requirements]="behavioral · open"
	[behavioral.failed-project]="behavioral · open"
	[behavioral.conflict-with-product-manager]="behavioral · open"
	[behavioral.prioritised-under-pressure]="behavioral · open"
	[behavioral.raised-operational-bar]="behavioral · open"
	[behavioral.mentored-engineer-growth]="behavioral · open"
	[behavioral.hard-feedback-to-peer]="behavioral · open"
	[behavioral.ramped-up-unfamiliar-system]="behavioral · open"
	[behavioral.simplified-system]="behavioral · open" [behavioral.build-vs-buy]="behavioral · open"
)
found=0
early=0
for id in "${!wave[@]}"; do
	line=$("$BIN" --content "$ROOT/content" item "$id" 2>&1 | head -1)
	[[ "$line" == "$id  (${wave[$id]} · "* ]] && found=$((found + 1))
	[[ "$id" == behavioral.* && "$line" =~ "week "[12]" " ]] && early=$((early + 1))
done
expect_eq "issue 14's 26 items are there with their area and kind" "$found" 26
check "at least 3 of its behavioral stories come in weeks 1-2" test "$early" -ge 3
# Every coding item's reference solution passes its tests, through the runner a person uses.
run_out=$("$BIN" validate --strict --run "$ROOT/content" 2>&1)
rc=$?
expect_eq "every reference solution passes its tests (validate --strict --run)" "$rc" 0
[ "$rc" -eq 0 ] || printf '%s\n' "$run_out" | grep -v '^  ' | head -20 | sed 's/^/#   /'
n_coding=$(grep -c '^    kind: coding$' "$ROOT/content/coding.yaml")
check "it ran every coding question's solution ($n_coding)" \
	grep -q "^$n_coding reference solutions run" <<<"$run_out"

tips=$(grep -c '^  - id: ' "$ROOT/content/tips.yaml")
check "at least 30 tips" test "$tips" -ge 30
out=$("$BIN" --content "$ROOT/content" plan --json)
check "the plan has four weeks with milestones" test "$(grep -c '"state": ' <<<"$out")" -ge 8
finish
