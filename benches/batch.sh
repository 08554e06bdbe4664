#!/usr/bin/env bash
# Batch throughput of `nianbao check`: COUNT (default 10 000) generated
# reports in a temp dir, checked with 1 thread and with all cores, each run
# REPEAT (default 3) times. Prints MiB/s, reports/s, MiB/s per core (by CPU
# time), peak RSS and the load average beside every run.
#
#   benches/batch.sh                # 10 000 reports
#   COUNT=2000 REPEAT=5 benches/batch.sh
#
# The reports come from benches/common (examples/bench_inputs), so the
# directory is the same on every machine and every day.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-10000}
REPEAT=${REPEAT:-3}
TARGET=${CARGO_TARGET_DIR:-target}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }

cargo build --release --quiet --bin nianbao --example bench_inputs
DIR=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-batch.XXXXXX")
trap 'rm -rf "$DIR"' EXIT
"$TARGET/release/examples/bench_inputs" batch "$DIR" "$COUNT" >&2
BYTES=$(find "$DIR" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
FILES=$(find "$DIR" -type f | wc -l)
# read every file once so the runs measure checking, not the disk
find "$DIR" -type f -exec cat {} + > /dev/null

echo "nproc $(nproc); $FILES files, $BYTES bytes ($(awk -v b="$BYTES" 'BEGIN {printf "%.1f", b / 1048576}') MiB)"
echo
echo "| threads | run | wall s | cpu s | MiB/s | reports/s | MiB/s per core (cpu) | peak RSS MiB | load avg |"
echo "|---|---|---|---|---|---|---|---|---|"
for threads in 1 "$(nproc)"; do
    for run in $(seq 1 "$REPEAT"); do
        load=$(cut -d' ' -f1 /proc/loadavg)
        # exit status 1 means error findings were printed, which is expected
        RAYON_NUM_THREADS=$threads "$TIME" -f '%e %U %S %M' -o "$DIR.time" \
            "$TARGET/release/nianbao" check "$DIR" > /dev/null || [ $? -eq 1 ]
        # GNU time puts "Command exited with non-zero status 1" first
        read -r wall user sys rss < <(tail -n 1 "$DIR.time")
        awk -v b="$BYTES" -v f="$FILES" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
            -v t="$threads" -v n="$run" -v l="$load" 'BEGIN {
                mib = b / 1048576; cpu = u + s
                printf "| %s | %s | %.2f | %.2f | %.1f | %.0f | %.1f | %.1f | %s |\n",
                    t, n, w, cpu, mib / w, f / w, mib / cpu, r / 1024, l
            }'
    done
done
rm -f "$DIR.time"
