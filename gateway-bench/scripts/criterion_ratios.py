#!/usr/bin/env python3
"""Candidate/baseline ratios from criterion's estimates (stdlib only).

Criterion reports each function of a group on its own; it never divides one
by another. This script reads, for every group under `target/criterion`,
`<group>/<function>/new/estimates.json` (with `new/benchmark.json` for the
real group and function names), takes the function named `serde_json` (see
`--baseline`) as the baseline and prints, for every other function of the
group:

- both medians (criterion's bootstrap point estimate of the median time per
  iteration) with their 95% confidence intervals;
- ratio = candidate median / baseline median;
- a conservative interval for the ratio: candidate lower bound / baseline
  upper bound .. candidate upper bound / baseline lower bound. Criterion
  bootstraps each function separately, so this is the widest ratio both
  intervals allow, not a bootstrap interval of the ratio itself.

A ratio passes when it is at most `--target` (default 1.1). Candidates named
with `--informational` (default `typed_to_query`, which does more work than
the baseline by design) are printed but not judged.

The last line is `RESULT {json}`: every ratio, whether it passed, and the
overall verdict. Exit status is 0 even when a ratio misses the target (these
are measurements, not tests); 2 when no estimates are found.

Usage: criterion_ratios.py [--dir target/criterion] [--baseline serde_json]
                           [--target 1.1] [--informational NAME ...] [GROUP ...]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

# Baseline and candidates older than this apart were probably not measured
# in the same run.
SAME_RUN_SECONDS = 15 * 60


def default_dir() -> Path:
    """`$CARGO_TARGET_DIR/criterion`, else the workspace's `target/criterion`."""
    target = os.environ.get("CARGO_TARGET_DIR")
    if target:
        return Path(target) / "criterion"
    # gateway-bench/scripts/ -> workspace root
    return Path(__file__).resolve().parents[2] / "target" / "criterion"


def load(dir_: Path) -> dict[str, dict[str, dict]]:
    """group id -> function id -> {median, lower, upper, mtime, path}."""
    groups: dict[str, dict[str, dict]] = {}
    for estimates in sorted(dir_.glob("*/*/new/estimates.json")):
        new = estimates.parent
        try:
            meta = json.loads((new / "benchmark.json").read_text())
            group, function = meta["group_id"], meta.get("function_id")
        except (OSError, ValueError, KeyError):
            group, function = new.parent.parent.name, new.parent.name
        if function is None:
            continue  # a bare `bench_function` outside a group: nothing to pair with
        median = json.loads(estimates.read_text())["median"]
        ci = median["confidence_interval"]
        groups.setdefault(group, {})[function] = {
            "median": median["point_estimate"],
            "lower": ci["lower_bound"],
            "upper": ci["upper_bound"],
            "mtime": estimates.stat().st_mtime,
            "path": str(estimates),
        }
    return groups


def fmt_ns(ns: float) -> str:
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3f} {unit}"
    return f"{ns:.1f} ns"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=None, help="criterion output (default: target/criterion)")
    parser.add_argument("--baseline", default="serde_json", help="baseline function name (default: serde_json)")
    parser.add_argument("--target", type=float, default=1.1, help="largest passing ratio (default: 1.1)")
    parser.add_argument(
        "--informational",
        nargs="*",
        default=["typed_to_query"],
        help="candidates reported but not judged (default: typed_to_query)",
    )
    parser.add_argument("groups", nargs="*", help="only these groups (default: every group with a baseline)")
    args = parser.parse_args()

    dir_ = args.dir or default_dir()
    groups = load(dir_) if dir_.is_dir() else {}
    if args.groups:
        groups = {g: f for g, f in groups.items() if g in args.groups}
    if not groups:
        print(f"no criterion estimates under {dir_}", file=sys.stderr)
        print("RESULT " + json.dumps({"ok": False, "error": f"no estimates under {dir_}"}))
        return 2

    results = []
    warnings = []
    for group in sorted(groups):
        functions = groups[group]
        base = functions.get(args.baseline)
        if base is None:
            warnings.append(f"{group}: no `{args.baseline}` baseline, skipped")
            continue
        print(f"{group}")
        print(
            f"  {args.baseline:<16} median {fmt_ns(base['median']):>11}"
            f"  [{fmt_ns(base['lower'])} .. {fmt_ns(base['upper'])}]  (baseline)"
        )
        for name in sorted(f for f in functions if f != args.baseline):
            cand = functions[name]
            ratio = cand["median"] / base["median"]
            lo = cand["lower"] / base["upper"]
            hi = cand["upper"] / base["lower"]
            judged = name not in args.informational
            passed = ratio <= args.target if judged else None
            verdict = "info" if not judged else ("ok" if passed else "OVER")
            print(
                f"  {name:<16} median {fmt_ns(cand['median']):>11}"
                f"  [{fmt_ns(cand['lower'])} .. {fmt_ns(cand['upper'])}]"
                f"  ratio {ratio:.3f} [{lo:.3f} .. {hi:.3f}]  {verdict}"
            )
            if abs(cand["mtime"] - base["mtime"]) > SAME_RUN_SECONDS:
                warnings.append(f"{group}/{name}: estimates written far apart from the baseline's (different runs?)")
            results.append(
                {
                    "group": group,
                    "candidate": name,
                    "baseline_median_ns": round(base["median"], 3),
                    "candidate_median_ns": round(cand["median"], 3),
                    "ratio": round(ratio, 4),
                    "ratio_interval": [round(lo, 4), round(hi, 4)],
                    "judged": judged,
                    "pass": passed,
                }
            )
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)

    judged = [r for r in results if r["judged"]]
    worst = max(judged, key=lambda r: r["ratio"], default=None)
    summary = {
        "ok": bool(judged) and all(r["pass"] for r in judged),
        "target": args.target,
        "baseline": args.baseline,
        "worst": None if worst is None else {k: worst[k] for k in ("group", "candidate", "ratio")},
        "ratios": results,
        "warnings": warnings,
    }
    print("RESULT " + json.dumps(summary, separators=(",", ":")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
