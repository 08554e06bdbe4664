#!/usr/bin/env bash
# pytest-lsp suite against the binary, once per captured client profile.
# usage: editors/pytest-lsp/test/run.sh [python-with-pytest-lsp]   env: NIANBAO_BIN
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PY=${1:-python3}
export NIANBAO_BIN=$(realpath "${NIANBAO_BIN:-target/release/nianbao}")
cd "$(dirname "$HERE")"
exec timeout 300 "$PY" -m pytest -q -p no:cacheprovider -rfExX
