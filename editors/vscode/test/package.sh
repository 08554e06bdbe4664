#!/usr/bin/env bash
# Build the VS Code extension exactly as released: npm ci, tsc, esbuild bundle, the
# server binary bundled in bin/, vsce package -> editors/vscode/nianbao.vsix.
# env: NIANBAO_BIN (default target/release/nianbao)
set -euo pipefail
EXT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(realpath "${NIANBAO_BIN:-target/release/nianbao}")
cd "$EXT"
t() { local s; s=$(date +%s%N); "$@"; echo "  ($(( ($(date +%s%N) - s) / 1000000 )) ms: $*)"; }
t npm ci --no-audit --no-fund --loglevel=error
t npx --no-install tsc -p . --noEmit
t node esbuild.mjs --minify
install -m 755 "$BIN" bin/nianbao
strip bin/nianbao 2> /dev/null || true # the release profile keeps line tables; not needed in the .vsix
t npx --no-install vsce package --no-dependencies --allow-missing-repository --skip-license -o nianbao.vsix
unzip -l nianbao.vsix | grep -E 'extension/(bin/nianbao|dist/extension.js|package.json)$'
