#!/usr/bin/env python3
"""Keep docs/editors.md honest: every configuration snippet in it is a verbatim copy
of a file under editors/ that the editor tests load.

A snippet is a fenced block right after a marker line
    <!-- snippet: editors/nvim/example/init.lua -->
`python3 editors/check_snippets.py` fails if a block differs from its file or a
required file is not shown; `--write` refreshes the blocks from the files.
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "editors.md"
REQUIRED = [
    "editors/vscode/example/settings.json",
    "editors/nvim/example/init.lua",
    "editors/emacs/example/init.el",
    "editors/kakoune/nianbao.kak",
    "editors/kakoune/kak-lsp.toml",
    "editors/helix/languages.toml",
    "editors/zed/settings.json",
]
BLOCK = re.compile(r"(<!-- snippet: (?P<path>[^ ]+) -->\n```(?P<lang>[^\n]*)\n)(?P<body>.*?)(```)", re.S)


def main() -> int:
    text = DOC.read_text(encoding="utf-8")
    seen, bad = [], []

    def fill(m: re.Match) -> str:
        path = m["path"]
        seen.append(path)
        want = (ROOT / path).read_text(encoding="utf-8")
        if not want.endswith("\n"):
            want += "\n"
        if m["body"] != want:
            bad.append(path)
        return m.group(1) + want + "```"

    new = BLOCK.sub(fill, text)
    if "--write" in sys.argv:
        DOC.write_text(new, encoding="utf-8")
        print(f"wrote {len(seen)} snippets into {DOC.relative_to(ROOT)}")
        return 0
    missing = [p for p in REQUIRED if p not in seen]
    for p in bad:
        print(f"docs/editors.md: snippet of {p} differs from the file (run with --write)")
    for p in missing:
        print(f"docs/editors.md: no snippet of {p}")
    if bad or missing:
        return 1
    print(f"docs/editors.md: {len(seen)} snippets match their files under editors/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
