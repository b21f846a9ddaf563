#!/usr/bin/env bash
# Reproduces every number in BENCHMARKS.md: one command, one machine, one run.
#
#   bash gateway-bench/scripts/run_all.sh [--quick]
#
# Each benchmark measures its baseline and its candidate in the same run,
# interleaved, and ends with a `RESULT {json}` line; all of them are collected
# in target/bench-results.txt. Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
quick=()
if [[ "${1:-}" == "--quick" ]]; then quick=(--quick); fi
out=target/bench-results.txt
mkdir -p target
: > "$out"

cargo build --release -p gateway-bench --bins -p gateway-local

echo "== 1. client overhead (typed client vs reqwest + serde_json)"
./target/release/client_overhead "${quick[@]}" | tee -a "$out"

echo "== 2. encode and decode (criterion)"
if [[ ${#quick[@]} -gt 0 ]]; then
  cargo bench -p gateway-core --bench codec -- --quick
else
  cargo bench -p gateway-core --bench codec
fi
python3 gateway-bench/scripts/criterion_ratios.py | tee -a "$out"

echo "== 3, 4, 6. gateway-local latency, streaming, memory"
./target/release/gateway_overhead "${quick[@]}" | tee -a "$out"

echo "== 5. derive compile time"
bash gateway-bench/scripts/derive_compile_time.sh "${quick[@]}" | tee -a "$out"

echo
echo "RESULT lines collected in $out:"
grep '^RESULT' "$out"
