#!/usr/bin/env bash
# Emacs + Eglot (batch) end-to-end test of editors/emacs/nianbao.el.
# usage: editors/emacs/test/run.sh      env: NIANBAO_BIN (default target/release/nianbao)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PKG=$(dirname "$HERE")
FIX=$(dirname "$PKG")/test-fixtures
BIN=$(realpath "${NIANBAO_BIN:-target/release/nianbao}")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cp "$FIX/xiaye-2025-draft.txt" "$TMP/" && chmod u+w "$TMP/xiaye-2025-draft.txt"
# a fresh account whose ~/.emacs.d/init.el is the documented example
# (editors/emacs/example/init.el) with the package path filled in; `nianbao` is on PATH
export HOME=$TMP
mkdir -p "$HOME/.emacs.d" "$TMP/bin"
sed "s|/path/to/nianbao/editors/emacs|$PKG|" "$PKG/example/init.el" > "$HOME/.emacs.d/init.el"
ln -s "$BIN" "$TMP/bin/nianbao"
export PATH=$TMP/bin:$PATH
export NIANBAO_DRAFT=$TMP/xiaye-2025-draft.txt NIANBAO_FIXED=$FIX/xiaye-2025-fixed.txt NIANBAO_EXPECT=$FIX/expected.json
cd "$TMP"
# Eglot's own chatter goes to stderr; keep it out of the log unless the test fails
status=0
timeout 90 emacs -Q --batch -l "$HERE/e2e.el" 2> "$TMP/stderr" || status=$?
if [ "$status" -ne 0 ]; then
  echo "emacs test failed (exit $status); stderr:" >&2
  tail -n 40 "$TMP/stderr" >&2
fi
exit "$status"
