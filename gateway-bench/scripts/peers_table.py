#!/usr/bin/env python3
"""The table of peers.sh: oha's JSON outputs, one per round, cell and target.

    python3 peers_table.py RAW_DIR ROUNDS

RAW_DIR holds ROUND-CELL-TARGET.json. Every figure is the median over rounds
(min-max beside the main one); "added" is the target's figure minus direct's
in the same round, then the median over rounds; "÷ gl-file" divides a
target's figure by gateway-local's with file logging on.
"""

import json
import statistics
import sys
from pathlib import Path

TARGETS = ["direct", "relay", "gl-file", "gl-mem", "gl-nolog", "portkey", "litellm"]
REFERENCE = "gl-file"
# oha's error for a request still in flight when the duration ends: not the target's fault.
DEADLINE = "aborted due to deadline"


def figures(path):
    """The figures of one oha run: latencies in µs, rate in req/s, error count."""
    run = json.loads(path.read_text())
    lat = run["latencyPercentiles"]
    first = run.get("firstBytePercentiles") or {}
    non_2xx = sum(n for code, n in run["statusCodeDistribution"].items() if not code.startswith("2"))
    errors = sum(n for what, n in run["errorDistribution"].items() if what != DEADLINE)
    return {
        "p50": (lat.get("p50") or 0) * 1e6,
        "p99": (lat.get("p99") or 0) * 1e6,
        "fb50": (first.get("p50") or 0) * 1e6,
        "fb99": (first.get("p99") or 0) * 1e6,
        "rps": run["summary"]["requestsPerSec"],
        "errors": non_2xx + errors,
        "error_kinds": {**{k: v for k, v in run["errorDistribution"].items() if k != DEADLINE},
                        **{f"HTTP {k}": v for k, v in run["statusCodeDistribution"].items() if not k.startswith("2")}},
    }


def main():
    raw, rounds = Path(sys.argv[1]), int(sys.argv[2])
    data = {}  # (cell, target) -> [figures per round]
    for path in sorted(raw.glob("*.json")):
        rnd, cell, target = path.stem.split("-", 2)
        data.setdefault((cell, target), {})[int(rnd)] = figures(path)

    def per_round(cell, target, key, minus_direct=False):
        runs = data.get((cell, target), {})
        direct = data.get((cell, "direct"), {})
        out = []
        for rnd in sorted(runs):
            value = runs[rnd][key]
            if minus_direct:
                if rnd not in direct:
                    continue
                value -= direct[rnd][key]
            out.append(value)
        return out

    def med(values):
        return statistics.median(values) if values else float("nan")

    def spread(values, fmt):
        if len(values) < 2:
            return ""
        return f" ({fmt(min(values))}–{fmt(max(values))})"

    def us(v):
        return f"{v:.0f}"

    def signed(v):
        return f"{v:+.0f}"

    def ratio(value, reference):
        if reference == 0 or reference != reference:
            return "—"
        return f"{value / reference:.2f}"

    def errors(cell, target):
        runs = data.get((cell, target), {})
        total = sum(r["errors"] for r in runs.values())
        kinds = {}
        for r in runs.values():
            for k, v in r["error_kinds"].items():
                kinds[k] = kinds.get(k, 0) + v
        if not total:
            return "0"
        top = ", ".join(f"{k}: {v}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])[:2])
        return f"{total} ({top})"

    def table(title, header, rows):
        print(f"\n## {title}\n")
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(row) + " |")

    present = [t for t in TARGETS if any((c, t) in data for c in ("seq", "closed32", "open4000", "stream"))]

    # Sequential, one connection: latency and what each target adds to direct.
    ref50 = med(per_round("seq", REFERENCE, "p50", True))
    ref99 = med(per_round("seq", REFERENCE, "p99", True))
    rows = []
    for t in present:
        p50, p99 = per_round("seq", t, "p50"), per_round("seq", t, "p99")
        if t == "direct":
            rows.append([t, us(med(p50)) + spread(p50, us), us(med(p99)), "—", "—", "—", "—", errors("seq", t)])
            continue
        a50, a99 = per_round("seq", t, "p50", True), per_round("seq", t, "p99", True)
        rows.append([t, us(med(p50)) + spread(p50, us), us(med(p99)), signed(med(a50)) + spread(a50, signed),
                     signed(med(a99)), ratio(med(a50), ref50), ratio(med(a99), ref99), errors("seq", t)])
    table("Sequential, one connection (µs; added = target − direct, same round)",
          ["target", "p50", "p99", "added p50", "added p99", "added p50 ÷ gl-file", "added p99 ÷ gl-file", "errors"],
          rows)

    # Closed loop: throughput.
    ref = med(per_round("closed32", REFERENCE, "rps"))
    rows = []
    for t in present:
        rps = per_round("closed32", t, "rps")
        rows.append([t, us(med(rps)) + spread(rps, us), ratio(med(rps), ref),
                     us(med(per_round("closed32", t, "p50"))), us(med(per_round("closed32", t, "p99"))),
                     errors("closed32", t)])
    table("Closed loop, 32 connections",
          ["target", "req/s", "÷ gl-file", "p50 µs", "p99 µs", "errors"], rows)

    # Open loop: tail latency at a fixed offered rate.
    ref = med(per_round("open4000", REFERENCE, "p99", True))
    rows = []
    for t in present:
        p99 = per_round("open4000", t, "p99")
        added = "—" if t == "direct" else signed(med(per_round("open4000", t, "p99", True)))
        ratio_ = "—" if t == "direct" else ratio(med(per_round("open4000", t, "p99", True)), ref)
        rows.append([t, us(med(per_round("open4000", t, "rps"))), us(med(per_round("open4000", t, "p50"))),
                     us(med(p99)) + spread(p99, us), added, ratio_, errors("open4000", t)])
    table("Open loop at 4000 req/s offered (µs from the scheduled send time)",
          ["target", "achieved req/s", "p50", "p99", "added p99", "added p99 ÷ gl-file", "errors"], rows)

    # Streams: time to the first body byte.
    ref = med(per_round("stream", REFERENCE, "fb50", True))
    rows = []
    for t in present:
        fb50 = per_round("stream", t, "fb50")
        added = "—" if t == "direct" else signed(med(per_round("stream", t, "fb50", True)))
        ratio_ = "—" if t == "direct" else ratio(med(per_round("stream", t, "fb50", True)), ref)
        rows.append([t, us(med(fb50)) + spread(fb50, us), us(med(per_round("stream", t, "fb99"))), added, ratio_,
                     us(med(per_round("stream", t, "p50"))), errors("stream", t)])
    table("Streams, one connection: time to the first body byte (µs)",
          ["target", "TTFB p50", "TTFB p99", "added p50", "added p50 ÷ gl-file", "whole stream p50", "errors"],
          rows)
    print(f"\n(medians over {rounds} rounds; min–max in brackets)")


if __name__ == "__main__":
    main()
