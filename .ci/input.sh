#!/usr/bin/env bash
# What tests/office needs: LibreOffice's Writer, headless, to turn the
# examples into real Word documents. Debian's -nogui package leaves out the
# desktop toolkits (about a third of the full suite's download).
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then
  echo "soffice: $(soffice --version 2>/dev/null | head -n1)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui
soffice --version | head -n1
