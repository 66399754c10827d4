"""Prompt-injection detection on the project's red-team set: detection rate, false positives, time.

    python benchmarks/redteam.py [--threshold 0.5] [--show-misses]

Reads tests/security/data/redteam/{attacks,benign}.jsonl, scores each record's messages with
``ketch.security.guards.injection.score_messages`` and prints detection (attacks at or over the
threshold) and false positives (benign records at or over it), by family, with p50/p99 time per
record. The issue's targets: detection >= 95%, false positives <= 3%.
"""
from __future__ import annotations

import argparse
import collections
import json
import statistics
import time
from pathlib import Path

from ketch.security.guards.injection import score_messages

DATA = Path(__file__).resolve().parents[1] / "tests" / "security" / "data" / "redteam"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threshold", type=float, default=0.5)
    p.add_argument("--show-misses", action="store_true", help="print each missed attack and false positive")
    args = p.parse_args()
    rows = [json.loads(line) for name in ("attacks", "benign") for line in (DATA / f"{name}.jsonl").open()]
    scored, times = [], []
    for row in rows:
        t0 = time.perf_counter()
        verdict = score_messages(row["messages"])
        times.append(time.perf_counter() - t0)
        scored.append((row, verdict))
    for label, what in (("attack", "detected"), ("benign", "flagged (false positives)")):
        group = [(r, v) for r, v in scored if r["label"] == label]
        hit = [(r, v) for r, v in group if v.score >= args.threshold]
        print(f"{label}: {len(hit)}/{len(group)} {what} = {len(hit) / len(group):.1%}")
        by_family = collections.Counter(r["family"] for r, _ in group)
        hit_family = collections.Counter(r["family"] for r, _ in hit)
        for family in sorted(by_family):
            print(f"  {family:26s} {hit_family[family]:4d}/{by_family[family]:<4d}")
        if args.show_misses:
            shown = (r for r, v in group if (v.score >= args.threshold) != (label == "attack"))
            for r in shown:
                print(f"    {r['id']} {r['family']}: {r['messages'][-1]['content'][:120]!r}")
    ms = sorted(t * 1000 for t in times)
    print(f"time per record: p50 {statistics.median(ms):.2f} ms, p99 {ms[int(0.99 * (len(ms) - 1))]:.2f} ms")


if __name__ == "__main__":
    main()
