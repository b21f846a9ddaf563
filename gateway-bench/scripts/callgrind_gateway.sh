#!/usr/bin/env bash
# Instructions and heap allocations per request, counted by valgrind, for two
# builds side by side: the gateway-local binary proxying requests, and the
# typed client (`Ai::run`, `Ai::run_model`) against reqwest + serde_json by
# hand. Instruction counts do not depend on what else the machine runs, so
# this compares two builds on a busy machine, where wall-clock latency cannot.
# Not run in CI (needs valgrind; about 10-15 minutes on 2 cores).
#
#   bash gateway-bench/scripts/callgrind_gateway.sh BASELINE_DIR CURRENT_DIR [OUT_DIR]
#
# Each DIR holds release builds of `gateway-local` and `callgrind_driver`:
#   cargo build --release -p gateway-local --bin gateway-local -p gateway-bench --bin callgrind_driver
# (for an older commit, copy gateway-bench/src/bin/callgrind_driver.rs into its tree first).
#
# Method. A static upstream (`callgrind_driver upstream`, outside valgrind)
# answers every request with the same JSON. For each build, mode and N:
#   gateway: `gateway-local serve --config C --db FILE` under valgrind, and
#            `callgrind_driver load URL N` (outside valgrind) sends N sequential
#            POSTs of {"prompt":"hi"} (gateway_overhead's request) through the
#            gateway `bench` (logs on) or `bench-nolog` (collect_logs = false);
#            then SIGINT, a graceful stop, and valgrind writes its counts.
#   client:  `callgrind_driver client VARIANT N ADDR` under valgrind, N
#            sequential calls on a current-thread runtime.
# Per request = (count at N2 - count at N1) / (N2 - N1): start-up, warm-up and
# shutdown cancel. Callgrind's Ir (instructions executed, all threads) and
# DHAT's totals (bytes and blocks allocated, SQLite's mallocs included). Each
# callgrind pair runs REPS times to show the counts repeat. Then, from the
# first callgrind rep: the functions (self cost) whose instructions per request
# differ most between the two builds.
#
# Environment: N1 (200), N2 (1200), REPS (2), DHAT (1: also run DHAT; 0: skip),
# CLIENT (1: also the client side; 0: the gateway only).
set -euo pipefail
# shellcheck source=gateway-bench/scripts/two_builds.sh
source "$(dirname "$0")/two_builds.sh"

two_builds_args callgrind-gateway "$@"
builds=(baseline current)
N1=${N1:-200}
N2=${N2:-1200}
REPS=${REPS:-2}
DHAT=${DHAT:-1}
CLIENT=${CLIENT:-1}
client_variants=(baseline run run_model)
[[ $CLIENT == 1 ]] || client_variants=()
for build in "${builds[@]}"; do
  for exe in gateway-local callgrind_driver; do
    [[ -x ${dirs[$build]}/$exe ]] || { echo "missing ${dirs[$build]}/$exe" >&2; exit 2; }
  done
done
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 2; }

# The upstream, outside valgrind.
start_upstream
write_config

# valgrind_opts TOOL TAG: where each tool writes.
valgrind_opts() {
  case $1 in
    callgrind) echo "--tool=callgrind --callgrind-out-file=$out/$2.out" ;;
    dhat) echo "--tool=dhat --dhat-out-file=$out/$2.json" ;;
  esac
}

# count TOOL TAG: "instructions" (callgrind) or "bytes blocks" (DHAT) of a finished run.
count() {
  case $1 in
    callgrind) awk '/^(summary|totals):/ { print $2; exit }' "$out/$2.out" ;;
    dhat) sed -n 's/.*Total: *\([0-9,]*\) bytes in \([0-9,]*\) blocks.*/\1 \2/p' "$out/$2.log" | tr -d , ;;
  esac
}

# gateway_run TOOL BUILD GATEWAY N TAG: N requests through a gateway-local under valgrind.
gateway_run() {
  local tool=$1 build=$2 gateway=$3 n=$4 tag=$5 port pid
  port=$(free_port)
  rm -f "$out/logs.$tag.sqlite"*
  : >"$out/$tag.log"
  # shellcheck disable=SC2046
  env -u RUST_LOG valgrind $(valgrind_opts "$tool" "$tag") "${dirs[$build]}/gateway-local" serve \
    --port "$port" --config "$config" --db "$out/logs.$tag.sqlite" >"$out/$tag.log" 2>&1 &
  pid=$!
  for _ in $(seq 1200); do
    grep -q ' ready ' "$out/$tag.log" && break
    kill -0 "$pid" 2>/dev/null || { cat "$out/$tag.log" >&2; return 1; }
    sleep 0.1
  done
  "${dirs[current]}/callgrind_driver" load "http://127.0.0.1:$port/v1/acc/$gateway/workers-ai/$MODEL" "$n"
  kill -INT "$pid"
  wait "$pid"
  rm -f "$out/logs.$tag.sqlite"*
}

# client_run TOOL BUILD VARIANT N TAG: N typed or hand-written calls under valgrind.
client_run() {
  # shellcheck disable=SC2046
  valgrind $(valgrind_opts "$1" "$5") "${dirs[$2]}/callgrind_driver" client "$3" "$4" "$upstream" >"$out/$5.log" 2>&1
}

echo "callgrind_gateway: per request = (count at N=$N2 - count at N=$N1) / $((N2 - N1)); $(valgrind --version)"
for build in "${builds[@]}"; do echo "$build: ${dirs[$build]}"; done
echo "upstream: $upstream (outside valgrind); raw files in $out"
echo
printf '%-7s %-6s %-11s %-9s %4s %14s %14s %12s\n' side tool what build rep "at N1" "at N2" "per request"
declare -A per
measure() { # SIDE TOOL WHAT BUILD REP
  local side=$1 tool=$2 what=$3 build=$4 rep=$5 n tag a b
  for n in "$N1" "$N2"; do
    tag=$tool.$side.$what.$build.$n.$rep
    if [[ $side == gateway ]]; then
      gateway_run "$tool" "$build" "$what" "$n" "$tag"
    else
      client_run "$tool" "$build" "$what" "$n" "$tag"
    fi
  done
  a=$(count "$tool" "$tool.$side.$what.$build.$N1.$rep")
  b=$(count "$tool" "$tool.$side.$what.$build.$N2.$rep")
  if [[ $tool == callgrind ]]; then
    per[$side.$tool.$what.$build.$rep]=$(( (b - a) / (N2 - N1) ))
    printf '%-7s %-6s %-11s %-9s %4s %14s %14s %12s\n' "$side" Ir "$what" "$build" "$rep" "$a" "$b" \
      "${per[$side.$tool.$what.$build.$rep]}"
  else
    read -r ab ak <<<"$a"
    read -r bb bk <<<"$b"
    per[$side.bytes.$what.$build.$rep]=$(( (bb - ab) / (N2 - N1) ))
    per[$side.blocks.$what.$build.$rep]=$(python3 -c "print(round(($bk - $ak) / $((N2 - N1)), 2))")
    printf '%-7s %-6s %-11s %-9s %4s %14s %14s %12s\n' "$side" "bytes" "$what" "$build" "$rep" "$ab" "$bb" \
      "${per[$side.bytes.$what.$build.$rep]}"
    printf '%-7s %-6s %-11s %-9s %4s %14s %14s %12s\n' "$side" "blocks" "$what" "$build" "$rep" "$ak" "$bk" \
      "${per[$side.blocks.$what.$build.$rep]}"
  fi
}

# Builds alternate inside each repetition, so a drift (if any) hits both.
for rep in $(seq "$REPS"); do
  for what in bench bench-nolog; do
    for build in "${builds[@]}"; do measure gateway callgrind "$what" "$build" "$rep"; done
  done
  for what in "${client_variants[@]}"; do
    for build in "${builds[@]}"; do measure client callgrind "$what" "$build" "$rep"; done
  done
done
if [[ $DHAT == 1 ]]; then
  for what in bench bench-nolog; do
    for build in "${builds[@]}"; do measure gateway dhat "$what" "$build" 1; done
  done
  for what in "${client_variants[@]}"; do
    for build in "${builds[@]}"; do measure client dhat "$what" "$build" 1; done
  done
fi

echo
echo "== per request, current / baseline (mean over reps; each rep's value in brackets)"
printf '%-34s %24s %24s %8s\n' measure baseline current ratio
ratio_row() { # LABEL KEY
  local build values
  declare -A mean
  for build in "${builds[@]}"; do
    values=()
    for rep in $(seq "$REPS"); do
      [[ -n ${per[$2.$build.$rep]:-} ]] && values+=("${per[$2.$build.$rep]}")
    done
    [[ ${#values[@]} -gt 0 ]] || return 0
    mean[$build]=$(python3 -c "import sys; v = [float(x) for x in sys.argv[1:]]; print(f'{sum(v) / len(v):.1f} [{\" \".join(sys.argv[1:])}]')" "${values[@]}")
  done
  printf '%-34s %24s %24s %8s\n' "$1" "${mean[baseline]}" "${mean[current]}" \
    "$(python3 -c "print(f'{${mean[current]%% *} / ${mean[baseline]%% *}:.4f}')")"
}
for side_what in "gateway bench:gateway, logs on" "gateway bench-nolog:gateway, logs off" \
  "client baseline:client, reqwest by hand" "client run:client, Ai::run" "client run_model:client, Ai::run_model"; do
  key=${side_what%%:*}
  label=${side_what#*:}
  side=${key% *}
  what=${key#* }
  ratio_row "$label: Ir" "$side.callgrind.$what"
  ratio_row "$label: bytes" "$side.bytes.$what"
  ratio_row "$label: blocks" "$side.blocks.$what"
done
echo
[[ $CLIENT == 1 ]] && echo "== client: typed / hand-written reqwest, instructions per call (rep 1)"
for build in "${builds[@]}"; do
  [[ $CLIENT == 1 ]] || break
  b=${per[client.callgrind.baseline.$build.1]}
  for what in run run_model; do
    c=${per[client.callgrind.$what.$build.1]}
    printf '%-9s %-10s %s\n' "$build" "$what" "$(python3 -c "print(f'{$c / $b:.4f} ({$c} / {$b})')")"
  done
done

# Functions and modules whose self instructions per request differ most between the builds.
echo
keys=(gateway.bench gateway.bench-nolog)
[[ $CLIENT == 1 ]] && keys+=(client.run client.baseline)
for key in "${keys[@]}"; do
  echo "== $key: change in self instructions per request, current - baseline, by function and by module (rep 1)"
  for build in "${builds[@]}"; do
    for n in "$N1" "$N2"; do
      callgrind_annotate --inclusive=no --threshold=100 "$out/callgrind.$key.$build.$n.1.out" >"$out/annotate.$key.$build.$n.txt"
    done
  done
  python3 "$(dirname "$0")/callgrind_diff.py" "$out" "$key" "$N1" "$N2"
  echo
done

echo "RESULT $(python3 -c "import json, sys; print(json.dumps(dict(kv.split('=', 1) for kv in sys.argv[1:])))" \
  $(for k in "${!per[@]}"; do echo "$k=${per[$k]}"; done | sort))"
