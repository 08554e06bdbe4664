#!/usr/bin/env python3
"""Markdown table of the last `cargo bench --bench analysis` run: the median
of each benchmark with its median absolute deviation and the 95 % interval
of the median, read from criterion's estimates.json files.

    python3 benches/criterion_table.py [CRITERION_DIR]   # default $CARGO_TARGET_DIR/criterion
"""
import json
import os
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "criterion")


def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


rows = []
for dirpath, _, files in os.walk(root):
    if os.path.basename(dirpath) != "new" or "estimates.json" not in files:
        continue
    with open(os.path.join(dirpath, "estimates.json")) as f:
        est = json.load(f)
    with open(os.path.join(dirpath, "benchmark.json")) as f:
        bench = json.load(f)
    med = est["median"]
    ci = med["confidence_interval"]
    thr = bench.get("throughput") or {}
    mibs = ""
    if "Bytes" in thr:
        mibs = f"{thr['Bytes'] / (med['point_estimate'] / 1e9) / 1048576:.1f}"
    rows.append((bench["full_id"], fmt(med["point_estimate"]), fmt(est["median_abs_dev"]["point_estimate"]),
                 f"{fmt(ci['lower_bound'])} – {fmt(ci['upper_bound'])}", mibs))

print("| benchmark | median | MAD | 95 % CI of median | MiB/s |")
print("|---|---|---|---|---|")
for r in sorted(rows):
    print("| " + " | ".join(r) + " |")
