#!/usr/bin/env bash
# Closed-loop throughput of the real gateway-local binary, two builds side by
# side, logging to a file, in memory, or off; and its resident memory after
# the run. Not run in CI.
#
#   bash gateway-bench/scripts/closed_loop_logging.sh BASELINE_DIR CURRENT_DIR [OUT_DIR]
#
# Each DIR holds release builds of `gateway-local` and `callgrind_driver`.
# The gateway is pinned to CPU 0; the load (`callgrind_driver closed`: C
# connections, each sending {"prompt":"hi"} and reading the answer before the
# next, on one thread) and the static upstream (`callgrind_driver upstream`)
# to CPU 1. Each round runs every build and mode once, in a new order, so
# a drift of this shared machine hits all of them alike.
#
# Environment: ROUNDS (3), SECONDS_PER_RUN (5), CONNECTIONS (32).
set -euo pipefail
# shellcheck source=gateway-bench/scripts/two_builds.sh
source "$(dirname "$0")/two_builds.sh"

two_builds_args closed-loop "$@"
ROUNDS=${ROUNDS:-3}
SECS=${SECONDS_PER_RUN:-5}
CONNECTIONS=${CONNECTIONS:-32}

start_upstream taskset -c 1
write_config

# run BUILD MODE ROUND: one closed-loop run; prints a result line.
run() {
  local build=$1 mode=$2 round=$3 port pid gateway db_args=() line rss
  port=$(free_port)
  gateway=bench
  case $mode in
    file) rm -f "$out/logs.sqlite"*; db_args=(--db "$out/logs.sqlite") ;;
    memory) ;;
    off) gateway=bench-nolog; rm -f "$out/logs.sqlite"*; db_args=(--db "$out/logs.sqlite") ;;
  esac
  env -u RUST_LOG taskset -c 0 "${dirs[$build]}/gateway-local" serve --port "$port" --config "$config" \
    "${db_args[@]}" >"$out/gateway.$build.$mode.$round.log" 2>&1 &
  pid=$!
  for _ in $(seq 300); do
    grep -q ' ready ' "$out/gateway.$build.$mode.$round.log" && break
    sleep 0.05
  done
  line=$(taskset -c 1 "${dirs[current]}/callgrind_driver" closed \
    "http://127.0.0.1:$port/v1/acc/$gateway/workers-ai/$MODEL" "$CONNECTIONS" "$SECS")
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
  kill -INT "$pid"
  wait "$pid" || true
  echo "round $round $build $mode: $line; gateway VmRSS $rss KiB"
}

echo "closed_loop_logging: $CONNECTIONS connections, $SECS s per run (after 1 s warm-up), $ROUNDS rounds;" \
  "gateway on CPU 0, load and upstream on CPU 1"
for build in baseline current; do echo "$build: ${dirs[$build]}"; done
for round in $(seq "$ROUNDS"); do
  for pair in $(printf '%s\n' {baseline,current}:{file,memory,off} | shuf); do
    run "${pair%%:*}" "${pair#*:}" "$round"
  done
done
