#!/usr/bin/env bash
# gateway-local beside the gateways people install today, against the same
# static upstream with the same load generator (issue 18). Not run in CI: it
# installs packages from npm, PyPI, Debian and crates.io, and takes about
# 20 minutes with the defaults.
#
#   bash gateway-bench/scripts/peers.sh [--duration S] [--rounds N] [--warmup S] RESULTS_FILE
#
# Targets, each sent the same OpenAI-format `POST .../chat/completions`:
#   direct     nginx itself (the floor)
#   relay      a second nginx on the gateways' CPU, `proxy_pass` to the first
#              (keep-alive, unbuffered): what any proxy pays for the extra
#              hops on this machine, doing nothing else
#   gl-file    gateway-local, logs in a SQLite file (--db): the reference for every ratio
#   gl-mem     gateway-local, logs in memory (no --db)
#   gl-nolog   gateway-local, a gateway with collect_logs = false
#   portkey    the Portkey gateway (@portkey-ai/gateway, npm), x-portkey-custom-host to nginx
#   litellm    the LiteLLM proxy (litellm[proxy], PyPI), model_list api_base to nginx
# Cells, each run for every target in a rotated order, for --rounds rounds:
#   seq        one connection, back to back: p50 / p99, added over direct
#   closed32   32 connections, closed loop: req/s
#   open4000   open loop at 4000 req/s (oha -q, latency from the scheduled
#              send time: --latency-correction): p99 and errors
#   stream     one connection, `"stream": true`, an SSE answer: time to the
#              first body byte (oha's first-byte percentiles)
# Each figure is the median over rounds (min-max beside it); "÷ gl-file" is
# the target's figure over gateway-local's with file logging on.
#
# Pinning: every gateway on CPU 0 (`taskset -c 0`), nginx and the load
# generator on CPU 1. Run it on an otherwise idle 2-core machine.
#
# Installs, when missing, under target/peers/: the Portkey gateway (npm,
# pinned), a venv with the LiteLLM proxy (PyPI, pinned), oha (cargo install
# --locked, pinned; with native-tls, on the system OpenSSL: oha does not build
# without a TLS feature, and its default rustls one compiles aws-lc); nginx and
# OpenSSL's headers from Debian (apt-get) when missing. Builds gateway-local in
# release mode.
set -euo pipefail

PORTKEY_VERSION=1.15.2
HONO_NODE_SERVER_VERSION=1.14.2
LITELLM_VERSION=1.108.0
OHA_VERSION=1.16.0
RATE=4000
CONNECTIONS=32
GATEWAY_CPU=0
# Every request's bearer token (LiteLLM's master key; forwarded to nginx, which ignores it).
BEARER=sk-bench-peers
LOAD_CPU=1

duration=10
rounds=3
warmup=3
results=
while [[ $# -gt 0 ]]; do
  case $1 in
    --duration) duration=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    -h|--help) sed -n '2,33p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) results=$1; shift ;;
  esac
done
if [[ -z $results ]]; then
  echo "usage: $0 [--duration S] [--rounds N] [--warmup S] RESULTS_FILE" >&2
  exit 2
fi
results=$(realpath -m "$results")

cd "$(dirname "$0")/../.."
repo=$PWD
peers=$repo/target/peers
run=$peers/run
mkdir -p "$peers" "$run"
rm -rf "$run"/*

log() { printf '== %s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------- installs

install_nginx() {
  command -v nginx >/dev/null && return
  log "installing nginx (Debian)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light
}

install_portkey() {
  local dir=$peers/portkey
  local pkg=$dir/node_modules/@portkey-ai/gateway
  local hono=$dir/node_modules/@hono/node-server/package.json
  if [[ -f $pkg/package.json ]] && grep -q "\"version\": \"$PORTKEY_VERSION\"" "$pkg/package.json" &&
    grep -q "\"version\": \"$HONO_NODE_SERVER_VERSION\"" "$hono"; then return; fi
  command -v npm >/dev/null || { echo "npm is needed for the Portkey gateway" >&2; exit 2; }
  log "installing @portkey-ai/gateway@$PORTKEY_VERSION (npm)"
  mkdir -p "$dir"
  # @hono/node-server after 1.14.2 hands Portkey fetch's immutable response
  # headers, and every stream fails with "TypeError: immutable" (Portkey-AI/gateway#1389).
  cat >"$dir/package.json" <<EOF
{
  "private": true,
  "dependencies": { "@portkey-ai/gateway": "$PORTKEY_VERSION", "@hono/node-server": "$HONO_NODE_SERVER_VERSION" },
  "overrides": { "@hono/node-server": "$HONO_NODE_SERVER_VERSION" }
}
EOF
  (cd "$dir" && npm install --no-audit --no-fund >"$peers/portkey-install.log" 2>&1)
}

install_litellm() {
  local venv=$peers/litellm
  if [[ -x $venv/bin/litellm ]] && "$venv/bin/pip" show litellm 2>/dev/null | grep -q "^Version: $LITELLM_VERSION$"; then return; fi
  log "installing litellm[proxy]==$LITELLM_VERSION (PyPI, venv $venv)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "litellm[proxy]==$LITELLM_VERSION" >"$peers/litellm-install.log" 2>&1
}

install_oha() {
  if [[ -x $peers/bin/oha ]] && [[ $("$peers/bin/oha" --version) == "oha $OHA_VERSION" ]]; then return; fi
  if ! pkg-config --exists openssl 2>/dev/null; then
    log "installing OpenSSL's headers for oha (Debian)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libssl-dev pkg-config
  fi
  log "installing oha $OHA_VERSION (cargo install --locked; a few minutes)"
  CARGO_INCREMENTAL=0 cargo install oha --version "$OHA_VERSION" --locked --no-default-features --features native-tls \
    --root "$peers" --target-dir "$peers/oha-build" >"$peers/oha-install.log" 2>&1
  rm -rf "$peers/oha-build"
}

install_nginx
install_portkey
install_litellm
install_oha
log "building gateway-local (release)"
CARGO_INCREMENTAL=0 cargo build --release -p gateway-local --bin gateway-local
oha=$peers/bin/oha
gateway_local=$repo/target/release/gateway-local

# ---------------------------------------------------------------- upstream

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -f $run/nginx/nginx.pid ]] && kill "$(cat "$run/nginx/nginx.pid")" 2>/dev/null || true
  [[ -f $run/relay/nginx.pid ]] && kill "$(cat "$run/relay/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

# The answers: an OpenAI chat completion, and the same as an SSE stream (16
# content chunks, a usage chunk, [DONE]).
completion='{"id":"chatcmpl-bench","object":"chat.completion","created":1764900000,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I help you today?"},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":9,"total_tokens":18}}'
stream_events() {
  local head='"id":"chatcmpl-bench","object":"chat.completion.chunk","created":1764900000,"model":"gpt-4o-mini"'
  printf 'data: {%s,"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}\\n\\n' "$head"
  for i in $(seq 1 16); do
    printf 'data: {%s,"choices":[{"index":0,"delta":{"content":"word%d "},"finish_reason":null}]}\\n\\n' "$head" "$i"
  done
  printf 'data: {%s,"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":16,"total_tokens":25}}\\n\\n' "$head"
  printf 'data: [DONE]\\n\\n'
}

# Starts an nginx named NAME (its files under $run/NAME) on CPU, listening on
# PORT, with the http block's SERVER_BODY (and any upstream block before it);
# keep-alive connections are never closed during a run (nginx's default
# closes one after 1000 requests).
start_nginx() {
  local name=$1 cpu=$2 port=$3 before_server=$4 server_body=$5 dir=$run/$1
  mkdir -p "$dir/logs"
  cat >"$dir/nginx.conf" <<EOF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 100000000;
  keepalive_timeout 600s;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  $before_server
  server {
    listen 127.0.0.1:$port;
$server_body
  }
}
EOF
  log "$name on 127.0.0.1:$port (CPU $cpu)"
  taskset -c "$cpu" nginx -p "$dir" -c "$dir/nginx.conf"
}

# The upstream: `return` answers a POST without reading a file.
nginx_port=$(free_port)
start_nginx nginx "$LOAD_CPU" "$nginx_port" "" "    location = /v1/chat/completions {
      default_type application/json;
      return 200 '$completion';
    }
    location = /stream/v1/chat/completions {
      default_type text/event-stream;
      return 200 '$(stream_events)';
    }"
upstream=http://127.0.0.1:$nginx_port

# The relay: nginx passing every request on to the upstream, on the gateways' CPU.
relay_port=$(free_port)
start_nginx relay "$GATEWAY_CPU" "$relay_port" \
  "upstream static { server 127.0.0.1:$nginx_port; keepalive 256; keepalive_requests 100000000; }" \
  "    location / {
      proxy_pass http://static;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
      proxy_buffering off;
    }"

# ---------------------------------------------------------------- gateways

# gateway-local: `openai` points at nginx's JSON answer, `groq` (the same
# OpenAI-format route, also a versioned base) at its stream.
cat >"$run/gateway-local.toml" <<EOF
account_id = "bench"

[gateways.bench]
collect_logs = true

[gateways.bench-nolog]
collect_logs = false

[upstreams]
openai = "$upstream/v1"
groq = "$upstream/stream/v1"
EOF
gl_file_port=$(free_port)
taskset -c "$GATEWAY_CPU" "$gateway_local" serve --port "$gl_file_port" --config "$run/gateway-local.toml" \
  --db "$run/gateway-local.sqlite3" >"$run/gl-file.log" 2>&1 &
pids+=($!)
gl_mem_port=$(free_port)
taskset -c "$GATEWAY_CPU" "$gateway_local" serve --port "$gl_mem_port" --config "$run/gateway-local.toml" \
  >"$run/gl-mem.log" 2>&1 &
pids+=($!)

# Portkey: the provider and the upstream come with each request. On Node,
# @hono/node-server's Response keeps fetch's immutable headers for a streamed
# body and Portkey's header update throws on every stream ("TypeError:
# immutable", Portkey-AI/gateway#1389 and #1550; pinning @hono/node-server
# 1.14.2 does not help streams). So the stream cell goes to a second instance
# whose fetch re-wraps upstream answers with mutable headers; the other cells
# go to Portkey as published.
cat >"$run/portkey-mutable-fetch.mjs" <<'EOF'
const upstreamFetch = globalThis.fetch;
globalThis.fetch = async (...args) => {
  const answer = await upstreamFetch(...args);
  return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers: new Headers(answer.headers) });
};
EOF
portkey_port=$(free_port)
(cd "$peers/portkey" && NODE_ENV=production exec taskset -c "$GATEWAY_CPU" node \
  node_modules/@portkey-ai/gateway/build/start-server.js --port="$portkey_port" --headless) \
  >"$run/portkey.log" 2>&1 &
pids+=($!)
portkey_stream_port=$(free_port)
(cd "$peers/portkey" && NODE_ENV=production exec taskset -c "$GATEWAY_CPU" node --import "$run/portkey-mutable-fetch.mjs" \
  node_modules/@portkey-ai/gateway/build/start-server.js --port="$portkey_stream_port" --headless) \
  >"$run/portkey-stream.log" 2>&1 &
pids+=($!)

# LiteLLM: one model name per nginx answer; no database. It refuses to start
# without a master key, so every target is sent that key as its bearer token.
cat >"$run/litellm.yaml" <<EOF
model_list:
  - model_name: gpt-4o-mini
    litellm_params:
      model: openai/gpt-4o-mini
      api_base: $upstream/v1
      api_key: sk-bench
  - model_name: gpt-4o-mini-stream
    litellm_params:
      model: openai/gpt-4o-mini
      api_base: $upstream/stream/v1
      api_key: sk-bench
litellm_settings:
  telemetry: false
general_settings:
  master_key: $BEARER
EOF
litellm_port=$(free_port)
LITELLM_LOCAL_MODEL_COST_MAP=True LITELLM_LOG=ERROR taskset -c "$GATEWAY_CPU" \
  "$peers/litellm/bin/litellm" --config "$run/litellm.yaml" --host 127.0.0.1 --port "$litellm_port" \
  --num_workers 1 --telemetry False >"$run/litellm.log" 2>&1 &
pids+=($!)

# Per target: the JSON URL, the stream URL, and the extra headers.
targets=(direct relay gl-file gl-mem gl-nolog portkey litellm)
declare -A url stream_url headers
url[direct]=$upstream/v1/chat/completions
stream_url[direct]=$upstream/stream/v1/chat/completions
url[relay]=http://127.0.0.1:$relay_port/v1/chat/completions
stream_url[relay]=http://127.0.0.1:$relay_port/stream/v1/chat/completions
for t in gl-file gl-mem gl-nolog; do
  case $t in
    gl-file) port=$gl_file_port gateway=bench ;;
    gl-mem) port=$gl_mem_port gateway=bench ;;
    gl-nolog) port=$gl_file_port gateway=bench-nolog ;;
  esac
  url[$t]=http://127.0.0.1:$port/v1/bench/$gateway/openai/chat/completions
  stream_url[$t]=http://127.0.0.1:$port/v1/bench/$gateway/groq/chat/completions
done
url[portkey]=http://127.0.0.1:$portkey_port/v1/chat/completions
stream_url[portkey]=http://127.0.0.1:$portkey_stream_port/v1/chat/completions
url[litellm]=http://127.0.0.1:$litellm_port/v1/chat/completions
stream_url[litellm]=${url[litellm]}
headers[portkey]="x-portkey-provider: openai"
declare -A custom_host=([json]="$upstream/v1" [stream]="$upstream/stream/v1")

body_json='{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hello!"}]}'
body_stream='{"model":"gpt-4o-mini-stream","stream":true,"messages":[{"role":"user","content":"Hello!"}]}'

# oha's arguments for TARGET and KIND (json or stream), one per line.
request_args() {
  local target=$1 kind=$2
  local target_url=${url[$target]} body=$body_json
  if [[ $kind == stream ]]; then target_url=${stream_url[$target]} body=$body_stream; fi
  printf '%s\n' -m POST -T application/json -H "authorization: Bearer $BEARER" -d "$body"
  if [[ $target == portkey ]]; then
    printf '%s\n' -H "${headers[portkey]}" -H "x-portkey-custom-host: ${custom_host[$kind]}"
  fi
  printf '%s\n' "$target_url"
}

# One request with curl, for readiness and a check of what comes back.
probe() {
  local target=$1 kind=$2 args
  mapfile -t args < <(request_args "$target" "$kind")
  local n=${#args[@]} target_url=${args[-1]}
  local curl_args=(-sS -o "$run/probe-$target-$kind.out" -w '%{http_code}' --max-time 10 -X POST)
  local i
  for ((i = 2; i < n - 1; i += 2)); do
    case ${args[i]} in
      -T) curl_args+=(-H "content-type: ${args[i + 1]}") ;;
      -H) curl_args+=(-H "${args[i + 1]}") ;;
      -d) curl_args+=(--data-raw "${args[i + 1]}") ;;
    esac
  done
  curl "${curl_args[@]}" "$target_url" 2>/dev/null || true
}

for target in "${targets[@]}"; do
  deadline=$((SECONDS + 180))
  until [[ $(probe "$target" json) == 200 ]]; do
    if ((SECONDS > deadline)); then
      echo "$target did not answer 200 within 180 s; its log: $run/$target.log" >&2
      cat "$run/probe-$target-json.out" >&2 || true
      exit 1
    fi
    sleep 1
  done
  code=$(probe "$target" stream)
  if [[ $code != 200 ]] || ! grep -q '^data: \[DONE\]' "$run/probe-$target-stream.out"; then
    echo "$target: the stream request answered $code without [DONE]:" >&2
    head -c 600 "$run/probe-$target-stream.out" >&2
    exit 1
  fi
  log "$target ready: $(head -c 120 "$run/probe-$target-json.out")"
done

# ---------------------------------------------------------------- measure

# run_oha OUT TARGET KIND OHA_OPTIONS...
run_oha() {
  local out=$1 target=$2 kind=$3
  shift 3
  local args
  mapfile -t args < <(request_args "$target" "$kind")
  taskset -c "$LOAD_CPU" "$oha" --no-tui --output-format json --worker-threads 1 "$@" "${args[@]}" >"$out"
}

log "warm-up: ${warmup} s per target at $CONNECTIONS connections"
for target in "${targets[@]}"; do
  run_oha "$run/warmup-$target.json" "$target" json -c "$CONNECTIONS" -z "${warmup}s"
done

cells=(seq closed32 open4000 stream)
mkdir -p "$run/raw"
for ((round = 1; round <= rounds; round++)); do
  for ((c = 0; c < ${#cells[@]}; c++)); do
    cell=${cells[c]}
    # Rotate the order each round and cell so no target always comes first or follows the same one.
    shift_by=$(((round - 1 + c) % ${#targets[@]}))
    order=("${targets[@]:shift_by}" "${targets[@]:0:shift_by}")
    for target in "${order[@]}"; do
      out=$run/raw/$round-$cell-$target.json
      log "round $round/$rounds $cell $target"
      case $cell in
        seq) run_oha "$out" "$target" json -c 1 -z "${duration}s" ;;
        closed32) run_oha "$out" "$target" json -c "$CONNECTIONS" -z "${duration}s" ;;
        open4000) run_oha "$out" "$target" json -c "$CONNECTIONS" -q "$RATE" --latency-correction -z "${duration}s" ;;
        stream) run_oha "$out" "$target" stream -c 1 -z "${duration}s" ;;
      esac
    done
  done
done

# Resident memory of each gateway process at the end.
for pid in "${pids[@]}"; do
  printf '%s %s\n' "$pid" "$(ps -o rss= -p "$pid" | tr -d ' ')"
done >"$run/rss.txt"

# ---------------------------------------------------------------- report

{
  echo "# peers.sh $(date -u +%Y-%m-%dT%H:%MZ): $rounds rounds, ${duration} s per cell, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# gateway-local $(git -C "$repo" rev-parse --short HEAD), @portkey-ai/gateway $PORTKEY_VERSION (node $(node --version)),"
  echo "# litellm $LITELLM_VERSION ($("$peers/litellm/bin/python" --version)), $(nginx -v 2>&1 | sed 's/.*: //'), oha $OHA_VERSION"
  printf '# RSS after the run (KiB): gl-file %s, gl-mem %s, portkey %s, portkey (streams) %s, litellm %s\n' $(awk '{print $2}' "$run/rss.txt")
  python3 "$repo/gateway-bench/scripts/peers_table.py" "$run/raw" "$rounds"
} | tee "$results"
log "written to $results (raw oha output: $run/raw)"
