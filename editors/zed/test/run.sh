#!/usr/bin/env bash
# Zed is not installable here, so this only checks editors/zed: settings.json is valid
# JSON once its // comments are removed, and the extension declares the server for
# Plain Text and Markdown with the LSP language ids the server expects.
set -euo pipefail
exec python3 - "$(dirname "$0")/.." <<'PY'
import json, re, sys, tomllib
from pathlib import Path
d = Path(sys.argv[1])
text = re.sub(r"^\s*//.*$", "", (d / "settings.json").read_text(encoding="utf-8"), flags=re.M)
s = json.loads(text)
assert s["lsp"]["nianbao"]["binary"]["arguments"] == ["lsp"]
for lang in ("Plain Text", "Markdown"):
    assert s["languages"][lang]["language_servers"][0] == "nianbao"
ext = tomllib.load(open(d / "extension" / "extension.toml", "rb"))
srv = ext["language_servers"]["nianbao"]
assert set(srv["languages"]) == {"Plain Text", "Markdown"}
assert srv["language_ids"] == {"Plain Text": "plaintext", "Markdown": "markdown"}
assert "language_server_command" in (d / "extension" / "src" / "lib.rs").read_text()
print("zed settings.json and extension ok")
PY
