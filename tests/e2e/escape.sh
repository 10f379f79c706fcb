# Escape injection: packs, a config.yaml, an import file and arguments carrying OSC 52 (write
# the clipboard), OSC 0 (set the title), C1 CSI (U+009B and a raw 0x9B byte), and a bidi
# override (U+202E). Every command's output, and every byte the trainer writes to its
# terminal, must hold none of them; the messages show them instead (\x1b, U+202E). Then
# validate's source line: the right line after one longer than 511 bytes, made visible, cut
# to the width with the caret under the column.
. "$(dirname "$0")/lib.bash"

C="$T/content"
mkdir -p "$C" "$XDG_CONFIG_HOME/backprep"
OSC52='\e]52;c;cHduZWQ=\a'
OSC0='\e]0;pwned\a'

# A pack that loads, its text full of payloads (YAML escapes; U+202E also raw): cleaned.
cat >"$C/hostile.yaml" <<YAML
pack: hostile
title: "Hostile $OSC0 pack"
area: api
version: 1
items:
  - id: api.hostile
    rev: 1
    kind: open
    level: 1
    week: 1
    minutes: 3
    tags: ["t\\x9b2J"]
    prompt: "Why $OSC52 and \\x9b2J and \\u202e and ‮ this?"
    hints: ["hint $OSC0"]
    key_points: ["point $OSC52", "point \\u202e two"]
    pitfalls: ["\\x9b31m"]
    follow_ups: ["follow $OSC0"]
    answer: "Because $OSC52 it is."
YAML
# Packs that fail, their payloads in what the messages quote: a key, an area, a number, an id.
cat >"$C/broken.yaml" <<YAML
pack: broken
title: Broken
area: "api$OSC0"
version: 1
"key$OSC52": 1
items: []
YAML
printf 'pack: number
title: N
area: api
version: "1\\x9b2J"
items: []
' >"$C/number.yaml"
printf 'pack: id
title: I
area: api
version: 1
items:
  - id: "api.x\\u202e%s"
' \
	"$OSC0" >"$C/id.yaml"

# has_payload FILE: true when FILE holds ESC ], U+009B, a 0x9B byte outside a UTF-8 sequence,
# or U+202E (a box-drawing character also holds the byte 0x9B: that one is fine).
has_payload() {
	perl -0777 -ne '
		exit 0 if /\x1b\]/ || /\xc2\x9b/ || /\xe2\x80\xae/;
		s/[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}//g;
		exit(/\x9b/ ? 0 : 1)' "$1"
}
# clean NAME FILE: the output holds no payload, and no ESC or BEL at all (it is not a screen).
clean() {
	if has_payload "$2" || LC_ALL=C grep -q $'[\e\a]' "$2"; then
		not_ok "$1" "$(cat -v "$2")"
	else
		ok "$1"
	fi
}
n=0
# cmd NAME ARGS...: runs backprep on the hostile content; stdout and stderr go to $OUT.
cmd() {
	local name=$1
	shift
	n=$((n + 1))
	OUT="$T/out.$n"
	"$BIN" --content "$C" "$@" >"$OUT" 2>&1 </dev/null
	RC=$?
	clean "$name prints no payload" "$OUT"
}

# The trainer first, so that the commands below have a progress file with answers.
start -- --content "$C"
pipe="$T/tui.raw"
tmux -S "$SOCK" pipe-pane -o -t e2e "cat >>'$pipe'"
skip_welcome
check "Today counts the broken pack" wait_for "Content problems"
keys Enter
check "the hostile question is shown" wait_for "Why ]52;c;cHduZWQ= and 2J and"
keys h
check "its hint" wait_for "hint ]0;pwned"
keys Space
check "its key points" wait_for "point  two"
keys Enter
wait_for "Grade:" >/dev/null
keys 3
wait_for "Drill done" >/dev/null
leave_drill
keys '?'
wait_for "scroll" >/dev/null
keys q q
expect_eq "the trainer exits cleanly" "$(exit_status)" 0
check "the trainer wrote something to its terminal" test -s "$pipe"
if has_payload "$pipe"; then not_ok "the trainer's raw output holds no payload"; else
	ok "the trainer's raw output holds no payload"; fi
expect_eq "the answer was saved" "$(sql "SELECT item, grade FROM review")" "api.hostile|3"

cmd "validate" validate "$C"
check "validate shows the quoted key" grep -qF "unknown key 'key\\x1b]52;c;cHduZWQ=\\x07' in a pack" "$OUT"
check "validate shows the area" grep -qF "unknown area 'api\\x1b]0;pwned\\x07'" "$OUT"
check "validate shows the number" grep -qF "not '1U+009B2J'" "$OUT"
check "validate shows the item id" grep -qF "in item 'api.xU+202E\\x1b]0;pwned\\x07'" "$OUT"
printf 'pack: p\n"key\xe2\x80\xae\e]52;c;cHduZWQ=\a": 1\n' >"$T/raw.yaml"
check "validate shows the source line as the message does" \
	grep -qxF "  \"keyU+202E\\x1b]52;c;cHduZWQ=\\x07\": 1" <<<"$("$BIN" validate "$T/raw.yaml")"
cmd "today" today
check "today names the broken pack" grep -qF "broken.yaml" "$OUT"
cmd "today --json" today --json
cmd "item" item api.hostile
check "item shows the question" grep -qF "Why ]52;c;cHduZWQ= and 2J and" "$OUT"
cmd "item with a hostile id" item "$(printf 'x\e]0;t\a\xc2\x9b\xe2\x80\xae\x9b')"
check "item shows the id it was given" grep -qF "no item 'x\\x1b]0;t\\x07U+009BU+202E\\x9b'" "$OUT"
cmd "an unknown option" "$(printf -- '--x\e]0;t\a')"
check "the option is shown" grep -qF "unknown option '--x\\x1b]0;t\\x07'" "$OUT"
for c in today plan mocks doctor; do
	cmd "$c with a hostile argument" "$c" "$(printf '\e]0;t\a')"
	check "$c shows the argument" grep -qF "unknown argument '\x1b]0;t\x07' for $c" "$OUT"
done
cmd "plan" plan
cmd "plan --json" plan --json
cmd "mocks" mocks
cmd "export" export
cmd "export --format csv" export --format csv
cmd "doctor" doctor

# Import files: payloads in an id, in a source, in the text jansson quotes, in a file name.
printf '{"format": "backprep-export", "version": 1, "reviews": [{"item": "api.x\\u001b]0;t\\u0007", "rev": 1, "at": "2026-11-29T08:00:00Z", "grade": 3}]}' >"$T/id.json"
printf '{"format": "backprep-export", "version": 1, "reviews": [{"item": "api.hostile", "rev": 1, "at": "2026-11-29T08:00:00Z", "grade": 3, "source": "\\u009b2J\\u202e"}]}' >"$T/source.json"
printf '{"format": "backprep-export", \e]52;c;cHduZWQ=\a \xc2\x9b\xe2\x80\xae}' >"$T/token.json"
bad_name="$T/$(printf 'x\e]0;t\a\xe2\x80\xae').json"
cp "$T/source.json" "$bad_name"
for f in id source token; do
	cmd "import refusing $f.json" import "$T/$f.json"
	expect_eq "import refuses $f.json" "$RC" 1
done
cmd "import naming a hostile file" import "$bad_name"
check "the file name is shown" grep -qF "x\\x1b]0;t\\x07U+202E.json" "$OUT"
expect_eq "nothing was imported" "$(sql "SELECT count(*) FROM review")" 1

# config.yaml: every command reports it, made visible.
printf '"\\e]0;t\\a": 1\nscheduler:\n  learning_steps: ["1m\\u202e"]\n' >"$XDG_CONFIG_HOME/backprep/config.yaml"
cmd "today with a hostile config.yaml" today
check "the config's key is shown" grep -qF "unknown key '\\x1b]0;t\\x07' in the config" "$OUT"
printf 'scheduler:\n  learning_steps: ["1m\\u202e\\x9b"]\n' >"$XDG_CONFIG_HOME/backprep/config.yaml"
cmd "item with a hostile duration" item api.hostile
check "the duration is shown" grep -qF "'1mU+202EU+009B' is not a duration" "$OUT"
start -- --content "$C"
wait_for "[end]" >/dev/null
check "the trainer shows the config problem and exits" grep -qF "'1mU+202EU+009B' is not a" <<<"$(screen)"
check "and leaves the terminal as it was" terminal_restored
rm "$XDG_CONFIG_HOME/backprep/config.yaml"

# validate's source line. A first line of 1,500 bytes: the problem on line 3 shows line 3.
V="$T/v"
mkdir -p "$V"
{ printf 'pack: p\ntitle: "%s"\n' "$(head -c 1500 /dev/zero | tr '\0' x)"; printf 'bogus: 1\n'; } >"$V/long.yaml"
out=$("$BIN" validate "$V/long.yaml")
expect_eq "after a 1,500-byte line the right line is shown" "$(sed -n 2p <<<"$out")" "  bogus: 1"
# A problem at column 312 of a long line, at 60 columns: cut, the caret under the column.
{ printf 'pack: p\nx: {a: 1, "%s": 2, "caf\xc3\xa9\xe2\x80\xae\x7f": 3}\n' "$(head -c 300 /dev/zero | tr '\0' y)"; } >"$V/wide.yaml"
out=$(COLUMNS=60 "$BIN" validate "$V/wide.yaml")
line=$(sed -n 2p <<<"$out")
caret=$(sed -n 3p <<<"$out")
check "the line is cut to 60 columns" test "$(printf '%s' "$line" | wc -m)" -le 60
check "it starts with an ellipsis where it was cut" grep -q '^  …y' <<<"$line"
pos=$((${#caret} - 1))
expect_eq "the caret is under the bad character" "${line:$pos:4}" '\x7f'
check "the bidi override before it is shown" grep -qF 'caféU+202E\x7f' <<<"$line"
printf 'pack: p\ntitle: T\nversion: 1\nitems: []\narea: "%s"\n' \
	"$(head -c 100 /dev/zero | tr '\0' x)" >"$V/start.yaml"
out=$(COLUMNS=40 "$BIN" validate "$V/start.yaml")
expect_eq "a long line with its problem near the start is cut with an ellipsis" \
	"$(sed -n 2,3p <<<"$out")" "$(printf '  area: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\n        ^')"
finish
