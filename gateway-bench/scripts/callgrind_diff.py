#!/usr/bin/env python3
"""Where two builds' instructions per request differ, by function and by module.

    python3 callgrind_diff.py OUT_DIR KEY N1 N2 [TOP]

Reads OUT_DIR/annotate.KEY.{baseline,current}.{N1,N2}.txt (`callgrind_annotate
--inclusive=no --threshold=100` of callgrind_gateway.sh's first repetition),
takes each function's self instructions per request, (at N2 - at N1) / (N2 - N1),
and prints the TOP (20) functions whose count changed most between the builds,
then the change summed by module (the first two path segments of the name,
e.g. `tokio::sync`; C code such as libc, SQLite and the allocator as one row).
Function names lose their source file and symbol hash, so a function that
moved between files (or was inlined differently) shows as a removal in one
place and an addition in another: read the module sums alongside.
"""
import re
import sys

out, key, n1, n2 = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
top = int(sys.argv[5]) if len(sys.argv) > 5 else 20
LINE = re.compile(r"^\s*([\d,]+)\s+(?:\([^)]*\)\s+)?(\S.*?)(?:\s+\[[^\]]*\])?\s*$")


def costs(build, n):
    table = {}
    with open(f"{out}/annotate.{key}.{build}.{n}.txt") as f:
        for text in f:
            m = LINE.match(text)
            if not m or "PROGRAM TOTALS" in text or ":" not in m.group(2):
                continue
            name = m.group(2).split(":", 1)[1]
            name = re.sub(r"::h[0-9a-f]{16}$", "", name)
            table[name] = table.get(name, 0) + int(m.group(1).replace(",", ""))
    return table


def module(name):
    """The first two path segments (`tokio::sync`); one row for C code."""
    bare = name.lstrip("<&*( ")
    m = re.match(r"(\w+)(::\w+)?", bare)
    if not m or "::" not in name:
        return "(C: libc, allocator, SQLite, ...)"
    return m.group(0)


per = {}
for build in ("baseline", "current"):
    a, b = costs(build, n1), costs(build, n2)
    per[build] = {f: (b.get(f, 0) - a.get(f, 0)) / (n2 - n1) for f in set(a) | set(b)}
names = set(per["baseline"]) | set(per["current"])


def change(f):
    return per["current"].get(f, 0) - per["baseline"].get(f, 0)


print(f"{'baseline':>10} {'current':>10} {'change':>10}  function (self instructions per request)")
for f in sorted(names, key=lambda f: -abs(change(f)))[:top]:
    b, c = per["baseline"].get(f, 0), per["current"].get(f, 0)
    print(f"{b:10.0f} {c:10.0f} {c - b:+10.0f}  {f[:140]}")
print()
modules = {}
for f in names:
    m = modules.setdefault(module(f), [0.0, 0.0])
    m[0] += per["baseline"].get(f, 0)
    m[1] += per["current"].get(f, 0)
print(f"{'baseline':>10} {'current':>10} {'change':>10}  module (summed)")
for m, (b, c) in sorted(modules.items(), key=lambda kv: -abs(kv[1][1] - kv[1][0]))[:top]:
    print(f"{b:10.0f} {c:10.0f} {c - b:+10.0f}  {m}")
totals = [sum(per[b].values()) for b in ("baseline", "current")]
print(f"{totals[0]:10.0f} {totals[1]:10.0f} {totals[1] - totals[0]:+10.0f}  all functions")
