#!/usr/bin/env bash
# Kakoune (Debian 2022.10.31) + kak-lsp end-to-end test of editors/kakoune/nianbao.kak,
# driven with `kak -ui dummy` + `kak -p`: diagnostics at the right byte columns, the
# table-三 code action applied by kak-lsp, the table findings gone afterwards.
# usage: editors/kakoune/test/run.sh     env: NIANBAO_BIN, KAK_LSP (kak-lsp executable)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
KAKDIR=$(dirname "$HERE")
FIX=$(dirname "$KAKDIR")/test-fixtures
BIN=$(realpath "${NIANBAO_BIN:-target/release/nianbao}")
KAK_LSP=$(command -v "${KAK_LSP:-kak-lsp}") || { echo "FAIL: kak-lsp not found"; exit 1; }
T0=$(date +%s%N)
ms() { echo $((($(date +%s%N) - $1) / 1000000)); }

# a fresh account: private HOME/TMPDIR (Kakoune's sockets live there), the documented
# kakrc snippet after kak-lsp's own script, `nianbao` and `kak-lsp` on PATH
HOME=$(mktemp -d)
export HOME TMPDIR=$HOME
unset XDG_CONFIG_HOME XDG_RUNTIME_DIR
cd "$HOME"
mkdir -p bin .config/kak
ln -s "$BIN" bin/nianbao
ln -s "$KAK_LSP" bin/kak-lsp
export PATH=$HOME/bin:$PATH
cp "$FIX/xiaye-2025-draft.txt" draft.txt && chmod u+w draft.txt
{ echo 'evaluate-commands %sh{kak-lsp}'; cat "$KAKDIR/nianbao.kak"; } > .config/kak/kakrc

S=nianbao-test
cleanup() {
  echo 'kill!' | kak -p $S 2> /dev/null || true
  wait 2> /dev/null || true
  rm -rf "$HOME"
}
trap cleanup EXIT
# any Kakoune expansion, evaluated in the running session
kq() {
  rm -f q.out
  echo "evaluate-commands -client client0 %{ echo -to-file $HOME/q.out -quoting raw \"$1\" }" | kak -p $S
  for _ in $(seq 300); do [ -s q.out ] && break; sleep 0.01; done
  cat q.out 2> /dev/null
}
wait_for() {
  local t
  t=$(date +%s%N)
  until eval "$1"; do
    (($(ms "$t") > ${2:-10000})) && { echo "FAIL: timeout: $1"; return 1; }
    sleep 0.05
  done
}

kak -ui dummy -s $S draft.txt < /dev/null > /dev/null 2>&1 &
wait_for 'kak -l 2> /dev/null | grep -qx $S'
wait_for '[ "$(kq %opt{lsp_diagnostic_error_count})" -gt 0 ] 2> /dev/null'
wait_for '[ "$(kq %opt{lsp_diagnostic_error_count})" -ge 20 ] 2> /dev/null' 3000 || true
errors=$(kq %opt{lsp_diagnostic_error_count})
echo "kakoune $(kak -version | sed "s/Kakoune //") (Debian $(dpkg-query -W -f="\${Version}" kakoune 2>/dev/null)), kak-lsp $("$KAK_LSP" --version | sed "s/^kak-lsp //")"
echo "diagnostics after $(ms "$T0") ms: filetype $(kq %opt{filetype}), language id $(kq %opt{lsp_language_id}), $errors errors, $(kq %opt{lsp_diagnostic_warning_count}) warnings"
kq %opt{lsp_inline_diagnostics} > inline.txt

# anchors: expected (line, character) -> Kakoune's 1-based line.byte-column
python3 - "$FIX" inline.txt <<'PY'
import json, re, sys
fix, inline = sys.argv[1], open(sys.argv[2]).read()
lines = open(f"{fix}/xiaye-2025-draft.txt", encoding="utf-8").read().split("\n")
starts = set(re.findall(r"(\d+\.\d+),\d+\.\d+\|", inline))
for a in json.load(open(f"{fix}/expected.json"))["diagnostics"]:
    col = len(lines[a["line"]][: a["character"]].encode()) + 1
    want = f"{a['line'] + 1}.{col}"
    assert want in starts, f"{a['code']} expected at {want}; have {sorted(starts)}"
print(f"all expected diagnostics found at their byte columns ({len(starts)} ranges)")
PY

# the table-三 code action on the table's first line, chosen by title (no menu)
t=$(date +%s%N)
echo "evaluate-commands -client client0 %{ select 36.1,36.1; lsp-code-action-sync '补上|替换为标准表三' }" | kak -p $S
wait_for '[ "$(kq %opt{lsp_diagnostic_error_count})" -lt "$errors" ] 2> /dev/null'
echo "code action applied, diagnostics refreshed in $(ms "$t") ms: $(kq %opt{lsp_diagnostic_error_count}) errors left"
echo "evaluate-commands -client client0 %{ write -force $HOME/after.txt }" | kak -p $S
wait_for '[ -s after.txt ]'
kq %opt{lsp_inline_diagnostics} > inline-after.txt
python3 - "$FIX/xiaye-2025-fixed.txt" after.txt inline-after.txt <<'PY'
import re, sys
def t3(path):
    ls = open(path, encoding="utf-8").read().split("\n")
    s = next(i for i, l in enumerate(ls) if l.startswith("三、收到和处理政府信息公开申请情况"))
    e = next(i for i, l in enumerate(ls) if i > s and l.startswith("四、政府信息公开行政复议"))
    return ls[s + 1 : e], s + 1, e
want, _, _ = t3(sys.argv[1])
got, s, e = t3(sys.argv[2])
assert got == want, "table 三 differs from the corrected twin"
left = [int(l) for l in re.findall(r"(\d+)\.\d+,\d+\.\d+\|", open(sys.argv[3]).read())]
inside = [l for l in left if s < l <= e]
assert not inside, f"diagnostics still inside table 三 at lines {inside}"
print(f"table 三 now equals the corrected twin ({len(got)} lines); no diagnostics left in it")
PY
echo "total $(ms "$T0") ms; PASS"
