#!/usr/bin/env bash
# Compile time of the generated catalog (gateway-models/src/generated, every
# Workers AI model with a schema as `#[derive(Model)]` declarations) against
# the same types as plain serde structs, produced by the same generator in
# its second mode (`cargo run -p xtask -- gen-models --serde DIR`).
#
# Generates, in a temporary directory outside the workspace, two crates
# depending on gateway-core by path, with the catalog's cargo features:
#
#   A (cat_a_derive): a copy of gateway-models/src/generated (derive).
#   B (cat_b_serde):  the same request, response and nested types as serde
#     structs: `Serialize` requests (optional fields skipped when unset),
#     `Deserialize` responses, string enums and untagged unions. B lacks:
#     `new` and builder methods, exclusive groups as enums, `validate()`,
#     the `Model` impls and the derive's generated docs. B is the floor of
#     "the same shapes with serde", not the same functionality.
#
# Dependencies are built once (not timed); then, per round and feature set,
# `cargo clean -p <crate>` and a timed `cargo build -p <crate> --features F`
# for A and B (order alternating). Reported: medians and A/B per feature set.
#
# Usage: catalog_compile_time.sh [--rounds N] [--features "all text-generation"]

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUNDS=3
FEATURE_SETS="all text-generation text-embeddings"
while (($#)); do
    case "$1" in
        --rounds) ROUNDS="$2"; shift ;;
        --features) FEATURE_SETS="$2"; shift ;;
        *) echo "unknown argument: $1" >&2; exit 64 ;;
    esac
    shift
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/catalog-compile-time.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export CARGO_TARGET_DIR="$WORK/target" CARGO_TERM_COLOR=never CARGO_INCREMENTAL=0

features="$(sed -n '/^\[features\]/,/^\[/p' "$ROOT/gateway-models/Cargo.toml" | grep -v '^\[\[\|^\[lints\|^# ')"
cat >"$WORK/Cargo.toml" <<TOML
[workspace]
members = ["cat_a_derive", "cat_b_serde"]
resolver = "3"
TOML
cp "$ROOT/Cargo.lock" "$WORK/Cargo.lock"
for crate in cat_a_derive cat_b_serde; do
    mkdir -p "$WORK/$crate/src/generated"
    cat >"$WORK/$crate/Cargo.toml" <<TOML
[package]
name = "$crate"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
gateway-core = { path = "$ROOT/gateway-core" }
serde = { version = "1", features = ["derive"] }

$features
TOML
    echo "pub mod generated;" >"$WORK/$crate/src/lib.rs"
done
cp "$ROOT"/gateway-models/src/generated/*.rs "$WORK/cat_a_derive/src/generated/"
(cd "$ROOT" && cargo run -q -p xtask -- gen-models --serde "$WORK/cat_b_serde/src/generated" >/dev/null)

now_ns() { date +%s%N; }
build() { # crate features -> seconds
    local start
    start=$(now_ns)
    cargo build -q --manifest-path "$WORK/Cargo.toml" -p "$1" --features "$2" >"$WORK/build.log" 2>&1 ||
        { cat "$WORK/build.log" >&2; exit 1; }
    awk -v a="$start" -v b="$(now_ns)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'
}
echo "building dependencies once (not timed)..." >&2
for crate in cat_a_derive cat_b_serde; do build "$crate" all >/dev/null; done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for set in $FEATURE_SETS; do
    a=() b=()
    for ((round = 1; round <= ROUNDS; round++)); do
        if ((round % 2)); then order=(cat_a_derive cat_b_serde); else order=(cat_b_serde cat_a_derive); fi
        for crate in "${order[@]}"; do
            cargo clean -q --manifest-path "$WORK/Cargo.toml" -p "$crate"
            t=$(build "$crate" "$set")
            if [[ $crate == cat_a_derive ]]; then a+=("$t"); else b+=("$t"); fi
            echo "round $round $set $crate clean ${t}s" >&2
        done
    done
    ma=$(median "${a[@]}") mb=$(median "${b[@]}")
    echo "features=$set derive(A) median ${ma}s [${a[*]}]  serde(B) median ${mb}s [${b[*]}]  A/B $(awk -v a="$ma" -v b="$mb" 'BEGIN { printf "%.2f", a / b }')"
done
