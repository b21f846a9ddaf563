#!/usr/bin/env bash
# Runs every fuzz target for a bounded time each (default 60 s), starting from
# the checked-in seed corpus. Needs cargo-fuzz (`cargo install cargo-fuzz`);
# on a stable toolchain RUSTC_BOOTSTRAP=1 lets it use libFuzzer's coverage flags.
#
#   bash fuzz/run.sh [seconds-per-target]
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
export RUSTC_BOOTSTRAP=1
for target in sse_parser log_decode metadata_header universal_body logs_query; do
  echo "== $target (${seconds}s)"
  # A working copy of the corpus: new inputs found stay out of the checked-in seeds.
  work="$(mktemp -d)"
  cp -r "corpus/$target/." "$work/"
  cargo fuzz run --sanitizer none "$target" "$work" -- -max_total_time="$seconds" -rss_limit_mb=2048
  rm -rf "$work"
done
