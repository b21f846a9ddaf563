#!/usr/bin/env bash
# Instructions per client call, counted by callgrind, for every variant of
# `gateway_bench::client_calls` (the hand-written floors, the typed client on
# each route, async-openai), with each variant's ratio to its floor and the
# OpenAI-format ones' ratio to async-openai.
#
#   CARGO_INCREMENTAL=0 cargo build --release -p gateway-bench --bin callgrind_driver
#   bash gateway-bench/scripts/callgrind_client.sh target/release [OUT_DIR]
#
# Method: a static upstream (`callgrind_driver upstream`, outside valgrind);
# `callgrind_driver client VARIANT N ADDR` under valgrind makes N sequential
# calls on a current-thread runtime. Per call = (Ir at N2 - Ir at N1) / (N2 - N1),
# so start-up and shutdown cancel. Not run in CI (needs valgrind).
#
# Environment: N1 (100), N2 (600), REPS (1), VARIANTS (all).
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 RELEASE_DIR [OUT_DIR]" >&2
  exit 2
fi
driver="$(realpath "$1")/callgrind_driver"
[[ -x $driver ]] || { echo "missing $driver" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 2; }
out=${2:-$(mktemp -d /tmp/callgrind-client.XXXXXX)}
mkdir -p "$out"
out=$(realpath "$out")
N1=${N1:-100}
N2=${N2:-600}
REPS=${REPS:-1}
read -r -a variants <<<"${VARIANTS:-baseline run run_model universal run_api baseline_openai provider v1 async_openai run_retries provider_retries}"

# The upstream, outside valgrind; it stops when its stdin closes.
coproc UPSTREAM { exec "$driver" upstream; }
upstream_pid=$UPSTREAM_PID
trap 'kill "$upstream_pid" 2>/dev/null || true' EXIT
read -r upstream <&"${UPSTREAM[0]}"

# ir VARIANT N TAG: instructions of N calls.
ir() {
  valgrind --tool=callgrind --callgrind-out-file="$out/$3.out" "$driver" client "$1" "$2" "$upstream" \
    >"$out/$3.log" 2>&1 || { cat "$out/$3.log" >&2; return 1; }
  awk '/^(summary|totals):/ { print $2; exit }' "$out/$3.out"
}

echo "callgrind_client: per call = (Ir at N=$N2 - Ir at N=$N1) / $((N2 - N1)); $(valgrind --version)"
echo "driver: $driver; upstream: $upstream (outside valgrind); raw files in $out"
printf '%-16s %4s %14s %14s %12s\n' variant rep "Ir at N1" "Ir at N2" "Ir per call"
declare -A per
for rep in $(seq "$REPS"); do
  for v in "${variants[@]}"; do
    a=$(ir "$v" "$N1" "$v.$N1.$rep")
    b=$(ir "$v" "$N2" "$v.$N2.$rep")
    per[$v.$rep]=$(( (b - a) / (N2 - N1) ))
    printf '%-16s %4s %14s %14s %12s\n' "$v" "$rep" "$a" "$b" "${per[$v.$rep]}"
  done
done

mean() { # VARIANT
  local rep sum=0
  for rep in $(seq "$REPS"); do sum=$(( sum + ${per[$1.$rep]} )); done
  echo $(( sum / REPS ))
}
floor_of() {
  case $1 in
    baseline | run | run_model | universal | run_api | run_retries) echo baseline ;;
    *) echo baseline_openai ;;
  esac
}
echo
echo "== Ir per call (mean over reps), ratio to the floor, and to async-openai for OpenAI-format calls"
printf '%-16s %12s %-16s %8s %10s\n' variant "Ir/call" floor "÷ floor" "÷ peer"
for v in "${variants[@]}"; do
  f=$(floor_of "$v")
  to_peer=-
  if [[ $f == baseline_openai && -n ${per[async_openai.1]:-} ]]; then
    to_peer=$(python3 -c "print(f'{$(mean "$v") / $(mean async_openai):.3f}')")
  fi
  to_floor=-
  [[ -n ${per[$f.1]:-} ]] && to_floor=$(python3 -c "print(f'{$(mean "$v") / $(mean "$f"):.3f}')")
  printf '%-16s %12s %-16s %8s %10s\n' "$v" "$(mean "$v")" "$f" "$to_floor" "$to_peer"
done
