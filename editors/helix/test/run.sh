#!/usr/bin/env bash
# Helix is not installable here (not in Debian bookworm; no registry package), so this
# only checks editors/helix/languages.toml: valid TOML, the nianbao server runs
# `<binary> lsp`, and both report languages use it.
set -euo pipefail
exec python3 - "$(dirname "$0")/../languages.toml" <<'PY'
import sys, tomllib
cfg = tomllib.load(open(sys.argv[1], "rb"))
srv = cfg["language-server"]["nianbao"]
assert srv["command"] == "nianbao" and srv["args"] == ["lsp"], srv
langs = {l["name"]: l for l in cfg["language"]}
assert "nianbao" in langs["markdown"]["language-servers"]
text = langs["nianbao-text"]
assert text["language-id"] == "plaintext" and "txt" in text["file-types"] and text["language-servers"] == ["nianbao"]
print("helix languages.toml ok:", ", ".join(langs))
PY
