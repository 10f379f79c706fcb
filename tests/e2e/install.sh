# make install and make uninstall, as a package would use them: installed into a DESTDIR
# with a PREFIX of its own, the tree is then put where PREFIX says (a symbolic link) and the
# installed binary runs on its installed content, with its man page and bash completion;
# uninstall leaves nothing behind.
. "$(dirname "$0")/lib.bash"

prefix="$T/usr"
dest="$T/dest"
b="$T/build"
# The build of the tests is reused: only what holds the data directory is built again.
if [ -n "${BACKPREP_BUILD:-}" ] && [ -d "$BACKPREP_BUILD/src" ]; then
	mkdir -p "$b" && cp -a "$BACKPREP_BUILD/src" "$BACKPREP_BUILD/libbackprep.a" "$b/"
fi
log="$T/install.log"
if env -u MAKEFLAGS -u MAKELEVEL make -C "$ROOT" --no-print-directory B="$b" \
	${BACKPREP_SAN:+SAN=1} PREFIX="$prefix" DESTDIR="$dest" install >"$log" 2>&1; then
	ok "make install into a DESTDIR"
else
	not_ok "make install into a DESTDIR" "$(tail -20 "$log")"
	finish
fi
root="$dest$prefix"
for f in bin/backprep share/man/man1/backprep.1 share/bash-completion/completions/backprep \
	share/zsh/site-functions/_backprep share/backprep/content/plan.yaml; do
	[ -f "$root/$f" ] || missing+=" $f"
done
expect_eq "it installs the binary, the man page, the completions and the content" \
	"${missing:-}" ""
expect_eq "all of the content" "$(ls "$root/share/backprep/content" | wc -l)" \
	"$(ls "$ROOT"/content/*.yaml | wc -l)"

# unpacked where PREFIX says; run from elsewhere, without BACKPREP_CONTENT, and as a copy
# outside its tree, so that only the compiled-in directory can lead it to the content
ln -s "$root" "$prefix"
mkdir -p "$T/elsewhere" && cp "$prefix/bin/backprep" "$T/elsewhere/backprep"
out=$(cd "$T/elsewhere" && ./backprep validate --strict 2>&1)
check "the installed binary validates its installed content (strict)" \
	grep -q "^ok: [0-9]* items in" <<<"$out"
check "found in the compiled-in directory" \
	bash -c 'cd "$1" && ./backprep ids | grep -qx api.idempotent-writes' _ "$T/elsewhere"
out=$(cd "$T/elsewhere" && "$prefix/bin/backprep" today 2>&1)
rc=$?
expect_eq "backprep today runs on it" "$rc" 0
check "and plans the day from it" grep -q "week 1 of 4" <<<"$out"

man="$prefix/share/man/man1/backprep.1"
expect_eq "the installed man page is clean roff (groff -ww)" \
	"$(groff -ww -z -man "$man" 2>&1)" ""
check "and man reads it" bash -c 'MANWIDTH=80 man -l "$1" 2>/dev/null | grep -q "KEYS"' _ "$man"
comp="$prefix/share/bash-completion/completions/backprep"
got=$(bash -c 'source "$1"; COMP_WORDS=(backprep it); COMP_CWORD=1; _backprep
	echo "${COMPREPLY[@]}"' _ "$comp")
expect_eq "bash completes backprep it<Tab> to item through the installed completion" "$got" "item"
got=$(PATH="$prefix/bin:$PATH" bash -c 'source "$1"; COMP_WORDS=(backprep item api.idempotent-w)
	COMP_CWORD=2; _backprep; echo "${COMPREPLY[@]}"' _ "$comp")
expect_eq "and an item id from the installed content" "$got" "api.idempotent-writes"

if env -u MAKEFLAGS -u MAKELEVEL make -C "$ROOT" --no-print-directory B="$b" \
	${BACKPREP_SAN:+SAN=1} PREFIX="$prefix" DESTDIR="$dest" uninstall >"$log" 2>&1; then
	ok "make uninstall"
else
	not_ok "make uninstall" "$(tail -20 "$log")"
fi
expect_eq "leaves no file behind" "$(find "$dest" ! -type d)" ""
check "nor backprep's own directory" test ! -e "$root/share/backprep"

finish
