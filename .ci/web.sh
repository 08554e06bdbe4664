#!/usr/bin/env bash
# The page of `nianbao serve` (editors/web), proven in headless Chromium.
#
# Called by .ci/run after `cargo build --release`:  bash .ci/web.sh
# env: NIANBAO_BIN (default target/release/nianbao), NIANBAO_SCREENSHOT
# (where the page's screenshot goes; default: a temporary file, so CI does
# not rewrite docs/images/serve.png).
# Rebuilds the bundle from the locked packages and fails if it differs from
# the committed editors/web/dist that the binary embeds, then runs the page's
# end-to-end test against the release binary. Chromium is Debian's, driven by
# playwright-core (playwright's own browser download does not work here).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${NIANBAO_BIN:-target/release/nianbao}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
SHOT=${NIANBAO_SCREENSHOT:-$(mktemp --suffix=.png)}

missing=()
command -v chromium > /dev/null || missing+=(chromium)
command -v node > /dev/null || missing+=(nodejs)
command -v npm > /dev/null || missing+=(npm)
# Chinese glyphs in the screenshot
fc-list 2> /dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "web: apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq > /dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi

cd editors/web
echo "web: npm ci"
npm ci --no-audit --no-fund
echo "web: npm run build (must reproduce the committed dist/)"
npm run build
git diff --exit-code -- dist || {
  echo "web: editors/web/dist differs from its sources: run 'npm run build' in editors/web and commit dist/" >&2
  exit 1
}
echo "web: browser test"
timeout --kill-after=10 300 node test/browser.mjs "$BIN" "$SHOT"
