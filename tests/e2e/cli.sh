# The command line: usage errors, version, `today`, and `validate` on hostile packs — every
# problem as file:line:col, nothing crashes, and it finishes promptly.
. "$(dirname "$0")/lib.bash"

run() { OUT=$("$BIN" "$@" 2>&1 </dev/null); RC=$?; }

run --version
expect_eq "--version" "$OUT" "backprep 0.1.0"
run --help
check "--help shows usage" grep -q "^usage: backprep" <<<"$OUT"
run --frobnicate
expect_eq "an unknown flag exits 2" "$RC" 2
check "an unknown flag is named, then the usage" \
	bash -c 'head -2 <<<"$0" | grep -qx "usage: backprep .*" && grep -q "^backprep: unknown option '\''--frobnicate'\''" <<<"$0"' "$OUT"
run frobnicate
expect_eq "an unknown command exits 2" "$RC" 2
check "an unknown command is named" grep -q "unknown command 'frobnicate'" <<<"$OUT"
run --db
expect_eq "a flag without its value exits 2" "$RC" 2
BACKPREP_NOW=yesterday run today
expect_eq "a bad BACKPREP_NOW exits 2" "$RC" 2
check "and says so" grep -q "BACKPREP_NOW='yesterday' is not an ISO 8601 time" <<<"$OUT"

run --content "$ROOT/tests/fixtures/e2e" today
expect_eq "today runs without a terminal" "$RC" 0
check "today prints the plan position" grep -q "week 1 of 4, day 1 of 28" <<<"$OUT"
check "today lists the queue" grep -q "1. new    api" <<<"$OUT"
check "today wrote no progress file" test ! -e "$DB"

run validate "$ROOT/content"
expect_eq "the shipped content validates" "$RC" 0
run validate --strict "$ROOT/content"
expect_eq "the shipped content passes the strict rules" "$RC" 0
check "and says how much it checked" grep -q "^ok: [0-9]* items in [0-9]* packs" <<<"$OUT"

# Hostile packs, each written here, each with the message it must give.
H="$T/hostile"
mkdir -p "$H"
pack_head='pack: p\ntitle: P\narea: api\nversion: 1\nitems:\n'
item='  - id: api.a\n    rev: 1\n    kind: open\n    level: 1\n    week: 1\n    minutes: 3\n    prompt: Why?\n    key_points: [a]\n    answer: Because.\n'

printf "${pack_head}  - id: api.a\n    prompt: [unclosed\n" >"$H/syntax.yaml"
printf "${pack_head}${item}    promt: typo\n" >"$H/unknown.yaml"
printf "${pack_head}${item}${item}" >"$H/dupid.yaml"
printf "${pack_head}  - id: api.a\n    rev: 1\n    kind: open\n    level: 1\n    week: 1\n    prompt: Why?\n    key_points: [a]\n    answer: x\n" >"$H/missing.yaml"
printf "${pack_head}${item}    tags: [caf\xe9]\n" >"$H/utf8.yaml"
printf "${pack_head}  - &a\n    id: api.a\n  - *a\n" >"$H/anchor.yaml"
printf "${pack_head}${item}    hints: !!seq [a]\n" >"$H/tag.yaml"
head -c 2097152 /dev/zero | tr '\0' 'a' >"$H/big.yaml"
{ printf 'x: '; head -c 10000 /dev/zero | tr '\0' '['; } >"$H/deep.yaml"

expect_msg() { # NAME FILE MESSAGE
	local out rc
	out=$(timeout 5 "$BIN" validate "$H/$2" 2>&1)
	rc=$?
	if [ "$rc" = 1 ] && grep -qF -- "$3" <<<"$out"; then ok "$1"; else
		not_ok "$1" "exit $rc: $out"; fi
}
expect_msg "syntax error with line:col" syntax.yaml \
	"syntax.yaml:8:1: syntax error: did not find expected ',' or ']'"
expect_msg "unknown key names key and item" unknown.yaml \
	"unknown.yaml:15:5: unknown key 'promt' in item 'api.a'"
expect_msg "duplicate id points at the first" dupid.yaml \
	"dupid.yaml:15:9: duplicate id 'api.a' in item 'api.a' (first at $H/dupid.yaml:6:5)"
expect_msg "missing required field" missing.yaml \
	"missing.yaml:6:5: missing required key 'minutes' in item 'api.a'"
expect_msg "invalid UTF-8 with line:col" utf8.yaml "utf8.yaml:15:16: invalid text:"
expect_msg "anchors are refused" anchor.yaml "anchor.yaml:6:5: anchors (&a) are not allowed"
expect_msg "tags are refused" tag.yaml "tag.yaml:15:12: tags (tag:yaml.org,2002:seq) are not allowed"
expect_msg "a 2 MB file is refused by size" big.yaml "big.yaml: file is 2.0 MiB; a content file may be at most 1 MiB"
expect_msg "10,000 nested lists stop at the depth limit" deep.yaml "deep.yaml:1:35: nested deeper than 32 levels"

out=$("$BIN" validate "$H/unknown.yaml")
check "validate shows the line and a caret under the column" \
	grep -qx '      ^' <<<"$(sed -n 3p <<<"$out")"

cp "$ROOT/tests/fixtures/e2e/api.yaml" "$H/good.yaml"
out=$("$BIN" validate "$H" 2>&1)
check "every broken file is reported in one run" \
	test "$(grep -c "^$H/[a-z0-9]*\.yaml:" <<<"$out")" -ge 9
check "the good pack in the same directory still loads" grep -q "3 items in 1 pack" <<<"$out"

# A command's option takes its value after "=" too, as the options before the command do.
run --content "$ROOT/tests/fixtures/e2e" stats --json --from 2026-11-01 --to 2026-11-02
spaced=$OUT
run --content "$ROOT/tests/fixtures/e2e" stats --json --from=2026-11-01 --to=2026-11-02
expect_eq "--from=DATE is --from DATE" "$RC $OUT" "0 $spaced"
run --content "$ROOT/tests/fixtures/e2e" stats --json=yes
expect_eq "a flag given a value is refused" "$RC" 2
check "naming it" grep -qF "unknown argument '--json=yes' for stats" <<<"$OUT"
finish
