#!/usr/bin/env bash
# `nianbao check DIR` against `nianbao check DIR --summary out.csv` (and
# .html) on COUNT (default 2 000) generated correct reports
# (examples/gen_reports, the tests/gen generator), REPEAT (default 5) runs
# each, interleaved so a change in the machine's load hits both alike.
# Prints wall and CPU seconds per run and the medians' ratio.
#
#   benches/summary.sh
#   COUNT=500 REPEAT=3 benches/summary.sh
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-2000}
REPEAT=${REPEAT:-5}
TARGET=${CARGO_TARGET_DIR:-target}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }

cargo build --release --quiet --bin nianbao --example gen_reports
DIR=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-summary.XXXXXX")
trap 'rm -rf "$DIR"' EXIT
"$TARGET/release/examples/gen_reports" "$DIR/reports" "$COUNT"
find "$DIR/reports" -type f -exec cat {} + > /dev/null

run() { # label, extra args…
    local label=$1
    shift
    "$TIME" -f '%e %U %S %M' -o "$DIR/time" "$TARGET/release/nianbao" check "$DIR/reports" "$@" > /dev/null 2>&1 \
        || [ $? -eq 1 ]
    read -r wall user sys rss < <(tail -n 1 "$DIR/time")
    echo "| $label | $wall | $(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}') | $((rss / 1024)) |"
}

echo "nproc $(nproc); load $(cut -d' ' -f1-3 /proc/loadavg); $COUNT reports"
echo
echo "| run | wall s | CPU s | peak RSS MiB |"
echo "|---|---|---|---|"
for _ in $(seq 1 "$REPEAT"); do
    run "check"
    run "check --summary out.csv" --summary "$DIR/out.csv"
    run "check --summary out.html" --summary "$DIR/out.html"
done
echo
echo "summary rows: $(($(wc -l < "$DIR/out.csv") - 2)) reports + totals; html $(wc -c < "$DIR/out.html") bytes"
