#!/usr/bin/env bash
# Neovim end-to-end test of editors/nvim: loads the plugin as a user would
# (runtimepath + require('nianbao').setup{...} in init.lua), opens a
# copy of the draft, checks diagnostics, applies the table-三 code action.
# usage: editors/nvim/test/run.sh [path/to/nvim]     env: NIANBAO_BIN (default target/release/nianbao)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PLUGIN=$(dirname "$HERE")
FIX=$(dirname "$PLUGIN")/test-fixtures
NVIM=${1:-nvim}
BIN=$(realpath "${NIANBAO_BIN:-target/release/nianbao}")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cp "$FIX/xiaye-2025-draft.txt" "$TMP/" && chmod u+w "$TMP/xiaye-2025-draft.txt"
# a fresh account: private config/state; its init.lua is the documented example
# (editors/nvim/example/init.lua) with the plugin path filled in, and `nianbao` is on PATH
export XDG_CONFIG_HOME=$TMP/config XDG_DATA_HOME=$TMP/data XDG_STATE_HOME=$TMP/state XDG_CACHE_HOME=$TMP/cache
mkdir -p "$XDG_CONFIG_HOME/nvim" "$TMP/bin"
sed "s|/path/to/nianbao/editors/nvim|$PLUGIN|" "$PLUGIN/example/init.lua" > "$XDG_CONFIG_HOME/nvim/init.lua"
ln -s "$BIN" "$TMP/bin/nianbao"
export PATH=$TMP/bin:$PATH
export NIANBAO_DRAFT=$TMP/xiaye-2025-draft.txt NIANBAO_FIXED=$FIX/xiaye-2025-fixed.txt NIANBAO_EXPECT=$FIX/expected.json
cd "$TMP"
status=0
timeout 60 "$NVIM" --headless -i NONE -n -c "luafile $HERE/e2e.lua" || status=$?
if [ "$status" -ne 0 ]; then
  echo "nvim test failed (exit $status); LSP log:" >&2
  tail -n 30 "$XDG_STATE_HOME/nvim/lsp.log" "$XDG_CACHE_HOME/nvim/lsp.log" 2>/dev/null >&2 || true
fi
exit "$status"
