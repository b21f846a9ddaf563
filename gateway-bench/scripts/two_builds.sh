# shellcheck shell=bash
# Sourced by the scripts that run two release builds of gateway-local side by
# side through a static upstream (callgrind_gateway.sh, closed_loop_logging.sh):
# their shared setup. Not run on its own.

# The model every request names.
MODEL='@cf/meta/llama-3.1-8b-instruct-fp8'

# two_builds_args OUT_PREFIX BASELINE_DIR CURRENT_DIR [OUT_DIR]: sets `dirs`
# (baseline, current: absolute) and `out` (OUT_DIR or a new
# /tmp/OUT_PREFIX.XXXXXX, made and absolute); prints the usage and exits 2
# without both build dirs.
two_builds_args() {
  local prefix=$1
  shift
  if [[ $# -lt 2 ]]; then
    echo "usage: $0 BASELINE_DIR CURRENT_DIR [OUT_DIR]" >&2
    exit 2
  fi
  declare -gA dirs=([baseline]="$(realpath "$1")" [current]="$(realpath "$2")")
  out=${3:-$(mktemp -d "/tmp/$prefix.XXXXXX")}
  mkdir -p "$out"
  out=$(realpath "$out")
}

# start_upstream [COMMAND_PREFIX...]: the static upstream (the current build's
# `callgrind_driver upstream`, run under COMMAND_PREFIX, e.g. `taskset -c 1`);
# sets `upstream` (its host:port) and stops it when the script exits (it also
# stops when its stdin closes).
start_upstream() {
  coproc UPSTREAM { exec "$@" "${dirs[current]}/callgrind_driver" upstream; }
  upstream_pid=$UPSTREAM_PID
  trap 'kill "$upstream_pid" 2>/dev/null || true' EXIT
  read -r upstream <&"${UPSTREAM[0]}"
}

# write_config: `$out/gateway.toml` with gateway `bench` (logs on) and
# `bench-nolog` (collect_logs = false), both over the upstream; sets `config`.
write_config() {
  config=$out/gateway.toml
  cat >"$config" <<CONFIG
account_id = "acc"

[gateways.bench]
collect_logs = true

[gateways.bench-nolog]
collect_logs = false

[upstreams]
workers-ai = "http://$upstream/client/v4/accounts/acc/ai/run"
CONFIG
}

# free_port: a loopback port free right now.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
