# The documents made from the tables: README's key table is what the key table makes, the man
# page is clean roff that names every command and action, and the completions parse and
# offer what the command table says.
. "$(dirname "$0")/lib.bash"

readme=$(sed -n '/^<!-- keys: backprep --gen keys-md -->$/,/^<!-- end keys -->$/p' \
	"$ROOT/README.md" | sed '1d;$d')
fresh=$("$BIN" --gen keys-md)
if [ -n "$readme" ] && [ "$readme" = "$fresh" ]; then
	ok "README's key table is the key table's"
else
	not_ok "README's key table is the key table's" \
		"$(diff <(printf '%s\n' "$readme") <(printf '%s\n' "$fresh") | head -20)
(make readme-keys writes it again)"
fi

man="$T/backprep.1"
"$BIN" --gen man <"$ROOT/doc/backprep.1.in" >"$man"
warn=$(groff -ww -z -man "$man" 2>&1)
expect_eq "the man page is clean roff (groff -ww)" "$warn" ""
text=$(MANWIDTH=100 man -l "$man" 2>/dev/null | col -b 2>/dev/null || groff -man -Tascii "$man" | col -b)
missing=
for c in today validate item mocks plan stats doctor export import keys; do
	grep -Eq "^ +$c( |$)" <<<"$text" || missing+=" $c"
done
expect_eq "the man page lists every command" "$missing" ""
missing=
while read -r name; do
	grep -qF "($name)" <<<"$text" || missing+=" $name"
done < <("$BIN" --gen keys-md | sed -n 's/^| [^|]* | `[^`]*` | `\([^`]*\)` |.*/\1/p')
expect_eq "and every action, with its keys" "$missing" ""
for v in BACKPREP_DB BACKPREP_CONTENT BACKPREP_NOW BACKPREP_SEED BACKPREP_MOCK_SPEED NO_COLOR \
	EDITOR VISUAL config.yaml "EXIT STATUS" EXAMPLES; do
	grep -qF "$v" <<<"$text" || missing+=" $v"
done
expect_eq "and its environment, files, exit status and examples" "$missing" ""

bash_comp="$T/backprep.bash"
"$BIN" --gen bash >"$bash_comp"
check "the bash completion parses" bash -n "$bash_comp"
# complete WORD... : what Tab offers after the words (the last one is being typed)
complete_words() {
	bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _backprep
		[ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_comp" "$BIN" "$@"
}
expect_eq "bash completes the commands" "$(complete_words st | tr '\n' ' ')" "stats "
expect_eq "and the options of one" "$(complete_words stats --f | tr '\n' ' ')" "--from "
expect_eq "a date where a date goes" "$(complete_words plan --start to | tr '\n' ' ')" "today "
expect_eq "none for the interview" "$(complete_words plan --interview n | tr '\n' ' ')" "none "
expect_eq "the formats of export" "$(complete_words export --format c | tr '\n' ' ')" "csv "
# --opt=VALUE: bash splits the words at the =
expect_eq "a date after --start=" "$(complete_words plan --start = to | tr '\n' ' ')" "today "
expect_eq "right after the =" "$(complete_words export --format = | sort | tr '\n' ' ')" "csv json "
mkdir -p "$T/files/sub" && touch "$T/files/progress.json"
expect_eq "files where a file goes" \
	"$(cd "$T/files" && complete_words import pro | tr '\n' ' ')" "progress.json "
expect_eq "and no second file where one goes" \
	"$(cd "$T/files" && complete_words import x.json pro | tr '\n' ' ')" ""
expect_eq "but a path after a path where many go" \
	"$(cd "$T/files" && complete_words validate x.yaml pro | tr '\n' ' ')" "progress.json "
expect_eq "directories for --content" \
	"$(cd "$T/files" && complete_words --content s | tr '\n' ' ')" "sub "
expect_eq "item ids of the content on the line" \
	"$(complete_words --content "$ROOT/tests/fixtures/e2e" item api.idem | tr '\n' ' ')" \
	"api.idempotency-key "
check "the hidden ids is not offered" \
	bash -c '! grep -qx ids <<<"$1"' _ "$(complete_words '')"

zsh_comp="$T/_backprep"
"$BIN" --gen zsh >"$zsh_comp"
if command -v zsh >/dev/null; then
	check "the zsh completion parses" zsh -n "$zsh_comp"
	# an interactive zsh in tmux, with the completion in its fpath, completing for real
	zsock="$T/zsh.sock"
	mkdir -p "$T/bin" && ln -sf "$BIN" "$T/bin/backprep"
	tmux -S "$zsock" -f /dev/null new-session -d -s z -x 120 -y 20 \
		"env PATH=$T/bin:$PATH ZDOTDIR=$T zsh -f"
	zsh_wait() { poll 10 bash -c '[[ $(tmux -S "$1" capture-pane -p -t z) == *"$2"* ]]' _ \
		"$zsock" "$1"; }
	tmux -S "$zsock" send-keys -t z -l "fpath=($T \$fpath) && autoload -U compinit && \
compinit -u -D && cd $ROOT/tests/fixtures && clear && echo ready"
	tmux -S "$zsock" send-keys -t z Enter
	zsh_wait "ready"
	tmux -S "$zsock" send-keys -t z "backprep --content e2e it" Tab
	check "zsh completes backprep it<Tab> to item" zsh_wait "backprep --content e2e item"
	tmux -S "$zsock" send-keys -t z "api.idempotency-" Tab
	check "and an item id from the content on the line" \
		zsh_wait "backprep --content e2e item api.idempotency-key"
	tmux -S "$zsock" send-keys -t z C-u "backprep export --format " Tab
	check "and the words of --format" zsh_wait "csv   json"
	tmux -S "$zsock" kill-server 2>/dev/null
fi
check "the zsh completion names every command" \
	bash -c 'for c in today validate item mocks plan stats doctor export import keys; do
		grep -q "^[[:space:]]*'\''$c:" "$1" || exit 1; done' _ "$zsh_comp"

finish
