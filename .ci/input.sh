#!/usr/bin/env bash
# What tests/office needs: LibreOffice's Writer, headless, to turn the
# examples into real Word documents. Debian's -nogui package leaves out the
# desktop toolkits (about a third of the full suite's download).
# Also Chromium and CJK fonts: tests/cli_summary.rs opens the summary page
# in it, and .ci/web.sh drives the serve page with it.
set -euo pipefail
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "soffice: $(soffice --version 2>/dev/null | head -n1)"
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
