#!/usr/bin/env bash
# Real VS Code end-to-end test: the packaged nianbao.vsix installed into code-server
# (VS Code 1.100.3), opened in headless Debian Chromium; a probe extension asserts
# diagnostics on the draft, applies the table-三 code action, runs the commands and
# leaves the draft with the Problems panel and a hover open for the screenshot.
#
# usage: editors/vscode/test/run.sh NIANBAO.VSIX [SCREENSHOT.png]
# env:   CODE_SERVER  code-server executable (default: code-server)
#        CHROMIUM     chromium executable (default: chromium)
#        VSCE         vsce executable (default: editors/vscode/node_modules/.bin/vsce)
# The server is whatever the extension finds: the vsix's bundled bin/nianbao here
# (nianbao.path is left unset on purpose).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
EXT=$(dirname "$HERE")
FIX=$(dirname "$EXT")/test-fixtures
VSIX=$(realpath "$1")
SHOT=${2:+$(realpath -m "$2")}
CODE_SERVER=${CODE_SERVER:-code-server}
CHROMIUM=${CHROMIUM:-chromium}
VSCE=${VSCE:-$EXT/node_modules/.bin/vsce}
PORT=${NIANBAO_E2E_PORT:-18765}
CDP_PORT=$((PORT + 1))

TMP=$(mktemp -d)
CS_PID= CH_PID=
cleanup() {
  # each was started with setsid: end its whole process group (extension host, server, renderers)
  for p in $CH_PID $CS_PID; do kill -- -"$p" 2>/dev/null; done
  wait 2>/dev/null
  [ -n "${KEEP_TMP:-}" ] || rm -rf "$TMP"
}
trap cleanup EXIT
T0=$(date +%s%N)
el() { echo "$(( ($(date +%s%N) - T0) / 1000000 )) ms"; }

mkdir -p "$TMP/ws" "$TMP/ud/User" "$TMP/ext"
cp "$FIX/xiaye-2025-draft.txt" "$TMP/ws/" && chmod u+w "$TMP/ws/xiaye-2025-draft.txt"
cat > "$TMP/ud/User/settings.json" <<'JSON'
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "workbench.enableExperiments": false,
  "chat.disableAIFeatures": true,
  "editor.fontFamily": "'WenQuanYi Micro Hei Mono', 'WenQuanYi Micro Hei', monospace",
  "editor.fontSize": 15,
  "editor.wordWrap": "on",
  "window.zoomLevel": 0
}
JSON
# plus the documented user settings (editors/vscode/example/settings.json)
node -e 'const fs = require("fs"); const [a, b] = process.argv.slice(1);
  fs.writeFileSync(a, JSON.stringify({ ...JSON.parse(fs.readFileSync(a, "utf8")), ...JSON.parse(fs.readFileSync(b, "utf8")) }, null, 2));' \
  "$TMP/ud/User/settings.json" "$EXT/example/settings.json"

# package the probe with the same vsce, then install both like a user would
(cd "$HERE/probe" && "$VSCE" package --allow-missing-repository --skip-license -o "$TMP/probe.vsix" >/dev/null) || { echo "probe packaging failed"; exit 1; }
"$CODE_SERVER" --extensions-dir "$TMP/ext" --user-data-dir "$TMP/ud" \
  --install-extension "$VSIX" --install-extension "$TMP/probe.vsix" > "$TMP/install.log" 2>&1 \
  || { cat "$TMP/install.log"; exit 1; }
echo "extensions installed after $(el)"

# no extension marketplace: point the gallery at a closed loopback port (nothing leaves the machine)
export EXTENSIONS_GALLERY='{"serviceUrl":"http://127.0.0.1:9/gallery","itemUrl":"http://127.0.0.1:9/item","resourceUrlTemplate":"http://127.0.0.1:9/{publisher}/{name}/{version}/{path}"}'
export NIANBAO_E2E_OUT=$TMP/result.json NIANBAO_E2E_EXPECT=$FIX/expected.json NIANBAO_E2E_FIXED=$FIX/xiaye-2025-fixed.txt
setsid "$CODE_SERVER" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override --extensions-dir "$TMP/ext" --user-data-dir "$TMP/ud" \
  "$TMP/ws" > "$TMP/code-server.log" 2>&1 &
CS_PID=$!
for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
echo "code-server up after $(el)"

setsid "$CHROMIUM" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
  --lang=zh-CN --window-size=1500,950 --user-data-dir="$TMP/chrome" --remote-debugging-port="$CDP_PORT" \
  "http://127.0.0.1:$PORT/?folder=$TMP/ws" > "$TMP/chromium.log" 2>&1 &
CH_PID=$!

for _ in $(seq 1 1800); do [ -s "$NIANBAO_E2E_OUT" ] && break; sleep 0.1; done
echo "probe verdict after $(el)"
if [ ! -s "$NIANBAO_E2E_OUT" ]; then
  echo "FAIL: no verdict from the probe"
  tail -n 30 "$TMP/code-server.log"
  find "$TMP/ud/logs" -name '*.log' -path '*exthost*' -exec tail -n 20 {} + 2>/dev/null
  exit 1
fi
cat "$NIANBAO_E2E_OUT"
if ! node -e 'process.exit(require(process.argv[1]).pass ? 0 : 1)' "$NIANBAO_E2E_OUT"; then
  echo "FAIL: probe reported failure"
  find "$TMP/ud/logs" -name '*.log' \( -path '*exthost*' -o -name 'remoteagent.log' \) -exec tail -n 30 {} + 2>/dev/null
  exit 1
fi
if [ -n "$SHOT" ]; then
  sleep 2 # let the hover and the Problems panel render
  mkdir -p "$(dirname "$SHOT")"
  node --experimental-websocket --no-warnings "$HERE/screenshot.mjs" "$CDP_PORT" "$SHOT" || { echo "FAIL: screenshot"; exit 1; }
fi
echo "PASS after $(el)"
