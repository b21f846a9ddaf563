#!/usr/bin/env bash
# Compile time of `#[derive(Model)]` against the same types written by hand
# with serde derives.
#
# Generates, in a temporary directory outside the workspace, a two-member
# workspace depending on gateway-core by path:
#
#   A (dct_a_derive): 100 `#[derive(Model)]` declarations over 10 modules,
#     varied: exclusive groups, ranges, lengths, defaults, `values(...)`
#     enums, renames, provider/endpoint (model id in the body), `binary`,
#     `output`, `output, default`, `output, transparent`.
#   B (dct_b_serde): the same request/response/enum types written by hand:
#     `#[derive(Serialize)]` requests (exclusive groups as a flattened enum,
#     optional fields skipped when unset, the `model` field for the
#     provider-routed ones), `#[derive(Deserialize)]` responses, value enums,
#     plus `new` and builder methods. Same derives as A generates (Debug,
#     Clone; Copy/Eq/Hash on value enums). What B lacks against A: no
#     `validate()` (range and length checks with their error messages), no
#     `Model`/`ModelRequest`/`ModelResponse` impls (id, provider, endpoint,
#     envelope unwrapping, `to_query`/`to_step`), no `as_str` on value enums,
#     no generated docs, and no compile-time checks of the declarations.
#     So B is the floor of "same shapes with serde", not equal functionality.
#
# Both crates share one CARGO_TARGET_DIR, built once with every dependency
# (gateway-core, gateway-derive, serde, ...) before timing, so only the
# crate itself compiles in the timed builds. Per round, for each crate
# (order alternating A,B / B,A between rounds):
#
#   clean:        `cargo clean -p <crate>` then `cargo build -p <crate>`
#   noop:         `cargo build -p <crate>` with nothing to do (cargo's own
#                 overhead: fingerprints of every dependency)
#   incremental:  edit one doc comment of one declaration (one file of the
#                 10), then `cargo build -p <crate>`
#
# Reported: per measurement, medians, min/max and spread ((max-min)/median)
# of A and B, the ratio A/B of the medians, and the "net" ratio with the
# median no-op time subtracted from both (closer to rustc's time on the
# crate alone). The target (default 1.3) is judged on the net ratios of
# clean and incremental builds. Last line: `RESULT {json}`.
#
# Wall-clock times on a shared machine are noisy: read the spread before the
# ratio.
#
# Usage: derive_compile_time.sh [--quick] [--rounds N] [--target-dir DIR]
#                               [--release] [--keep] [--target RATIO]
#   --quick           2 rounds (default 5)
#   --rounds N        N rounds
#   --target-dir DIR  reuse DIR as CARGO_TARGET_DIR (kept between runs, so
#                     dependencies are built once); default: inside the
#                     temporary directory, removed at the end
#   --release         time the release profile instead of dev
#   --keep            keep the temporary directory
#   --target RATIO    largest passing net ratio (default 1.3)

set -euo pipefail

# gateway-core of this checkout (/work/main/gateway-core); override with GATEWAY_CORE=...
GATEWAY_CORE="${GATEWAY_CORE:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../gateway-core" && pwd)}"
ROUNDS=5
QUICK=false
KEEP=false
TARGET_RATIO=1.3
TARGET_DIR=""
PROFILE_FLAG=()
PROFILE_NAME=dev

while (($#)); do
    case "$1" in
        --quick) QUICK=true; ROUNDS=2 ;;
        --rounds) ROUNDS="$2"; shift ;;
        --target-dir) TARGET_DIR="$2"; shift ;;
        --release) PROFILE_FLAG=(--release); PROFILE_NAME=release ;;
        --keep) KEEP=true ;;
        --target) TARGET_RATIO="$2"; shift ;;
        -h | --help) sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 64 ;;
    esac
    shift
done
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "--rounds needs a positive integer" >&2; exit 64; }
[[ -f "$GATEWAY_CORE/Cargo.toml" ]] || { echo "no gateway-core at $GATEWAY_CORE" >&2; exit 66; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/derive-compile-time.XXXXXX")"
cleanup() {
    if $KEEP; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
export CARGO_TARGET_DIR="${TARGET_DIR:-$WORK/target}"
export CARGO_TERM_COLOR=never
LOG="$WORK/build.log"
CRATE_A=dct_a_derive
CRATE_B=dct_b_serde
MODULES=10
PER_MODULE=10
# The declaration whose doc comment the incremental builds edit.
TOUCH_MODULE=m04
TOUCH_NAME="" # set once the declarations are generated

# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------

mkdir -p "$WORK/$CRATE_A/src" "$WORK/$CRATE_B/src"
cat >"$WORK/Cargo.toml" <<EOF
[workspace]
members = ["$CRATE_A", "$CRATE_B"]
resolver = "3"
EOF
# Same dependency versions as the typed-gateway workspace.
if [[ -f "$GATEWAY_CORE/../Cargo.lock" ]]; then cp "$GATEWAY_CORE/../Cargo.lock" "$WORK/Cargo.lock"; fi

for crate in "$CRATE_A" "$CRATE_B"; do
    cat >"$WORK/$crate/Cargo.toml" <<EOF
[package]
name = "$crate"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
gateway-core = { path = "$GATEWAY_CORE" }
serde = { version = "1", features = ["derive"] }
EOF
done

# Types the declarations of both crates use.
shared_types() {
    cat <<'EOF'
use serde::{Deserialize, Serialize};

/// One chat message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    /// Role.
    pub role: String,
    /// Text.
    pub content: String,
}

/// Token counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    /// Input tokens.
    #[serde(default)]
    pub prompt_tokens: u64,
    /// Output tokens.
    #[serde(default)]
    pub completion_tokens: u64,
}

/// A tool call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolCall {
    /// Tool name.
    #[serde(default)]
    pub name: Option<String>,
    /// Call id.
    #[serde(default)]
    pub id: Option<String>,
}

/// One choice of a chat completion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    /// Index.
    #[serde(default)]
    pub index: u32,
    /// The message.
    pub message: Message,
    /// Why it stopped.
    #[serde(default)]
    pub finish_reason: Option<String>,
}

/// A label with its score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Label {
    /// Label.
    #[serde(default)]
    pub label: Option<String>,
    /// Score.
    #[serde(default)]
    pub score: Option<f64>,
}
EOF
}

# Declaration i for crate A (derive), by template i % 6.
decl_a() {
    local i=$1 n
    n=$(printf '%03d' "$i")
    case $((i % 6)) in
        0) cat <<EOF
/// Text generation model $n.
/// Revision: 0
#[derive(Debug, Model)]
#[model(id = "@cf/bench/text-gen-$n")]
pub struct TextGen$n {
    /// The prompt.
    #[model(one_of = "input", length = 1..=131_072)]
    prompt: String,
    /// The conversation so far.
    #[model(one_of = "input", length = 1..)]
    messages: Vec<Message>,
    /// Most tokens to generate.
    #[model(default = 256, range = 1..)]
    max_tokens: u32,
    /// Randomness.
    #[model(default = 0.6, range = 0..=5)]
    temperature: f64,
    /// Nucleus sampling.
    #[model(range = 0..=2)]
    top_p: Option<f64>,
    /// Random seed.
    #[model(range = 1..=9_999_999_999)]
    seed: Option<u64>,
    /// Decoding mode.
    #[model(values("fast", "careful"))]
    mode: Option<String>,
    /// Adapter.
    lora: Option<String>,
    /// The generated text.
    #[model(output)]
    response: Option<String>,
    /// Tool calls.
    #[model(output, default)]
    tool_calls: Vec<ToolCall>,
    /// Token counts.
    #[model(output)]
    usage: Option<Usage>,
}

EOF
        ;;
        1) cat <<EOF
/// Embedding model $n.
/// Revision: 0
#[derive(Debug, Model)]
#[model(id = "@cf/bench/embed-$n")]
pub struct Embed$n {
    /// Texts to embed.
    #[model(length = 1..=100)]
    text: Vec<String>,
    /// Pooling method.
    #[model(values("mean", "cls"))]
    pooling: Option<String>,
    /// Shape of \`data\`.
    #[model(output)]
    shape: Vec<u64>,
    /// One vector per text.
    #[model(output)]
    data: Vec<Vec<f32>>,
    /// The pooling used.
    #[model(output, rename = "pooling")]
    pooling_used: Option<String>,
}

EOF
        ;;
        2) cat <<EOF
/// Chat completion model $n.
/// Revision: 0
#[derive(Debug, Model)]
#[model(id = "bench-chat-$n", provider = "openai", endpoint = "chat/completions")]
pub struct Chat$n {
    /// The conversation.
    #[model(length = 1..)]
    messages: Vec<Message>,
    /// Most tokens to generate.
    #[model(range = 1..)]
    max_completion_tokens: Option<u32>,
    /// Randomness.
    #[model(range = 0..=2)]
    temperature: Option<f64>,
    /// Number of choices.
    #[model(range = 1..=128)]
    n: Option<u32>,
    /// End-user id.
    user: Option<String>,
    /// Reasoning effort.
    #[model(values("low", "medium", "high"))]
    reasoning_effort: Option<String>,
    /// Completion id.
    #[model(output)]
    id: String,
    /// The model that answered.
    #[model(output, rename = "model")]
    answered_by: String,
    /// The choices.
    #[model(output)]
    choices: Vec<Choice>,
    /// Token counts.
    #[model(output)]
    usage: Option<Usage>,
}

EOF
        ;;
        3) cat <<EOF
/// Classification model $n.
/// Revision: 0
#[derive(Debug, Model)]
#[model(id = "@cf/bench/classify-$n")]
pub struct Classify$n {
    /// Text to classify.
    #[model(length = 1..)]
    text: String,
    /// Labels and scores.
    #[model(output, transparent)]
    labels: Vec<Label>,
}

EOF
        ;;
        4) cat <<EOF
/// Translation model $n.
/// Revision: 0
#[derive(Debug, Model)]
#[model(id = "@cf/bench/translate-$n")]
pub struct Translate$n {
    /// Text to translate.
    #[model(length = 1..)]
    text: String,
    /// Target language.
    #[model(length = 2..=16)]
    target_lang: String,
    /// Source language.
    #[model(default = "en", length = 2..=16)]
    source_lang: String,
    /// Register.
    #[model(values("formal", "informal"))]
    formality: Option<String>,
    /// The translation.
    #[model(output)]
    translated_text: Option<String>,
    /// Other translations.
    #[model(output, default)]
    alternatives: Vec<String>,
}

EOF
        ;;
        5) cat <<EOF
/// Image model $n.
/// Revision: 0
#[derive(Debug, Model)]
#[model(id = "@cf/bench/image-$n", binary)]
pub struct Image$n {
    /// What to draw.
    #[model(length = 1..)]
    prompt: String,
    /// What to avoid.
    negative_prompt: Option<String>,
    /// Height in pixels.
    #[model(range = 256..=2048)]
    height: Option<u32>,
    /// Width in pixels.
    #[model(range = 256..=2048)]
    width: Option<u32>,
    /// Diffusion steps.
    #[model(range = 1..=20)]
    num_steps: Option<u32>,
    /// Prompt adherence.
    guidance: Option<f64>,
    /// Random seed.
    seed: Option<u64>,
}

EOF
        ;;
    esac
}

# Builder method for an optional field: name, type.
opt_setter() {
    cat <<EOF
    /// Sets \`$1\`.
    #[must_use]
    pub fn $1(mut self, value: impl Into<$2>) -> Self {
        self.$1 = Some(value.into());
        self
    }
EOF
}

# Builder method for a defaulted field: name, type.
set_setter() {
    cat <<EOF
    /// Sets \`$1\`.
    #[must_use]
    pub fn $1(mut self, value: impl Into<$2>) -> Self {
        self.$1 = value.into();
        self
    }
EOF
}

# Declaration i for crate B (hand-written serde), the same shapes as decl_a.
decl_b() {
    local i=$1 n
    n=$(printf '%03d' "$i")
    case $((i % 6)) in
        0)
            cat <<EOF
/// Exactly one of \`prompt\`, \`messages\`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextGen${n}Input {
    /// The prompt.
    Prompt(String),
    /// The conversation so far.
    Messages(Vec<Message>),
}

/// The allowed values of \`mode\`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum TextGen${n}Mode {
    /// \`fast\`
    #[serde(rename = "fast")]
    Fast,
    /// \`careful\`
    #[serde(rename = "careful")]
    Careful,
}

/// Text generation model $n.
/// Revision: 0
#[derive(Debug, Clone, Serialize)]
pub struct TextGen${n}Request {
    /// The exclusive group \`input\`.
    #[serde(flatten)]
    pub input: TextGen${n}Input,
    /// Most tokens to generate.
    pub max_tokens: u32,
    /// Randomness.
    pub temperature: f64,
    /// Nucleus sampling.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    /// Random seed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    /// Decoding mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<TextGen${n}Mode>,
    /// Adapter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lora: Option<String>,
}

impl TextGen${n}Request {
    /// A request from its required fields.
    pub fn new(input: TextGen${n}Input) -> Self {
        Self { input, max_tokens: 256, temperature: 0.6, top_p: None, seed: None, mode: None, lora: None }
    }
EOF
            set_setter max_tokens u32
            set_setter temperature f64
            opt_setter top_p f64
            opt_setter seed u64
            opt_setter mode "TextGen${n}Mode"
            opt_setter lora String
            cat <<EOF
}

/// Response of text generation model $n.
#[derive(Debug, Clone, Deserialize)]
pub struct TextGen${n}Response {
    /// The generated text.
    pub response: Option<String>,
    /// Tool calls.
    #[serde(default)]
    pub tool_calls: Vec<ToolCall>,
    /// Token counts.
    pub usage: Option<Usage>,
}

EOF
            ;;
        1)
            cat <<EOF
/// The allowed values of \`pooling\`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Embed${n}Pooling {
    /// \`mean\`
    #[serde(rename = "mean")]
    Mean,
    /// \`cls\`
    #[serde(rename = "cls")]
    Cls,
}

/// Embedding model $n.
/// Revision: 0
#[derive(Debug, Clone, Serialize)]
pub struct Embed${n}Request {
    /// Texts to embed.
    pub text: Vec<String>,
    /// Pooling method.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pooling: Option<Embed${n}Pooling>,
}

impl Embed${n}Request {
    /// A request from its required fields.
    pub fn new(text: impl Into<Vec<String>>) -> Self {
        Self { text: text.into(), pooling: None }
    }
EOF
            opt_setter pooling "Embed${n}Pooling"
            cat <<EOF
}

/// Response of embedding model $n.
#[derive(Debug, Clone, Deserialize)]
pub struct Embed${n}Response {
    /// Shape of \`data\`.
    pub shape: Vec<u64>,
    /// One vector per text.
    pub data: Vec<Vec<f32>>,
    /// The pooling used.
    #[serde(rename = "pooling")]
    pub pooling_used: Option<String>,
}

EOF
            ;;
        2)
            cat <<EOF
/// The allowed values of \`reasoning_effort\`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Chat${n}ReasoningEffort {
    /// \`low\`
    #[serde(rename = "low")]
    Low,
    /// \`medium\`
    #[serde(rename = "medium")]
    Medium,
    /// \`high\`
    #[serde(rename = "high")]
    High,
}

/// Chat completion model $n.
/// Revision: 0
#[derive(Debug, Clone, Serialize)]
pub struct Chat${n}Request {
    /// The model id.
    pub model: &'static str,
    /// The conversation.
    pub messages: Vec<Message>,
    /// Most tokens to generate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_completion_tokens: Option<u32>,
    /// Randomness.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// Number of choices.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
    /// End-user id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Reasoning effort.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reasoning_effort: Option<Chat${n}ReasoningEffort>,
}

impl Chat${n}Request {
    /// A request from its required fields.
    pub fn new(messages: impl Into<Vec<Message>>) -> Self {
        Self {
            model: "bench-chat-$n",
            messages: messages.into(),
            max_completion_tokens: None,
            temperature: None,
            n: None,
            user: None,
            reasoning_effort: None,
        }
    }
EOF
            opt_setter max_completion_tokens u32
            opt_setter temperature f64
            opt_setter n u32
            opt_setter user String
            opt_setter reasoning_effort "Chat${n}ReasoningEffort"
            cat <<EOF
}

/// Response of chat completion model $n.
#[derive(Debug, Clone, Deserialize)]
pub struct Chat${n}Response {
    /// Completion id.
    pub id: String,
    /// The model that answered.
    #[serde(rename = "model")]
    pub answered_by: String,
    /// The choices.
    pub choices: Vec<Choice>,
    /// Token counts.
    pub usage: Option<Usage>,
}

EOF
            ;;
        3)
            cat <<EOF
/// Classification model $n.
/// Revision: 0
#[derive(Debug, Clone, Serialize)]
pub struct Classify${n}Request {
    /// Text to classify.
    pub text: String,
}

impl Classify${n}Request {
    /// A request from its required fields.
    pub fn new(text: impl Into<String>) -> Self {
        Self { text: text.into() }
    }
}

/// Response of classification model $n.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct Classify${n}Response {
    /// Labels and scores.
    pub labels: Vec<Label>,
}

EOF
            ;;
        4)
            cat <<EOF
/// The allowed values of \`formality\`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Translate${n}Formality {
    /// \`formal\`
    #[serde(rename = "formal")]
    Formal,
    /// \`informal\`
    #[serde(rename = "informal")]
    Informal,
}

/// Translation model $n.
/// Revision: 0
#[derive(Debug, Clone, Serialize)]
pub struct Translate${n}Request {
    /// Text to translate.
    pub text: String,
    /// Target language.
    pub target_lang: String,
    /// Source language.
    pub source_lang: String,
    /// Register.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formality: Option<Translate${n}Formality>,
}

impl Translate${n}Request {
    /// A request from its required fields.
    pub fn new(text: impl Into<String>, target_lang: impl Into<String>) -> Self {
        Self { text: text.into(), target_lang: target_lang.into(), source_lang: "en".into(), formality: None }
    }
EOF
            set_setter source_lang String
            opt_setter formality "Translate${n}Formality"
            cat <<EOF
}

/// Response of translation model $n.
#[derive(Debug, Clone, Deserialize)]
pub struct Translate${n}Response {
    /// The translation.
    pub translated_text: Option<String>,
    /// Other translations.
    #[serde(default)]
    pub alternatives: Vec<String>,
}

EOF
            ;;
        5)
            cat <<EOF
/// Image model $n.
/// Revision: 0
#[derive(Debug, Clone, Serialize)]
pub struct Image${n}Request {
    /// What to draw.
    pub prompt: String,
    /// What to avoid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub negative_prompt: Option<String>,
    /// Height in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// Width in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// Diffusion steps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub num_steps: Option<u32>,
    /// Prompt adherence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guidance: Option<f64>,
    /// Random seed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
}

impl Image${n}Request {
    /// A request from its required fields.
    pub fn new(prompt: impl Into<String>) -> Self {
        Self { prompt: prompt.into(), negative_prompt: None, height: None, width: None, num_steps: None, guidance: None, seed: None }
    }
EOF
            opt_setter negative_prompt String
            opt_setter height u32
            opt_setter width u32
            opt_setter num_steps u32
            opt_setter guidance f64
            opt_setter seed u64
            cat <<EOF
}

/// Response of image model $n: the raw bytes.
pub type Image${n}Response = Vec<u8>;

EOF
            ;;
    esac
}

generate() {
    local crate_a_lib="$WORK/$CRATE_A/src/lib.rs" crate_b_lib="$WORK/$CRATE_B/src/lib.rs" m i mod
    {
        echo "//! 100 \`#[derive(Model)]\` declarations (generated)."
        shared_types
    } >"$crate_a_lib"
    {
        echo "//! The same types as dct_a_derive, written by hand with serde derives (generated)."
        shared_types
    } >"$crate_b_lib"
    for ((m = 0; m < MODULES; m++)); do
        mod=$(printf 'm%02d' "$m")
        printf '\npub mod %s;\n' "$mod" | tee -a "$crate_a_lib" >>"$crate_b_lib"
        {
            echo "//! Declarations $((m * PER_MODULE)) to $((m * PER_MODULE + PER_MODULE - 1))."
            echo
            echo "use gateway_core::Model;"
            echo
            echo "use crate::{Choice, Label, Message, ToolCall, Usage};"
            echo
            for ((i = m * PER_MODULE; i < (m + 1) * PER_MODULE; i++)); do decl_a "$i"; done
        } >"$WORK/$CRATE_A/src/$mod.rs"
        {
            echo "//! Hand-written types $((m * PER_MODULE)) to $((m * PER_MODULE + PER_MODULE - 1))."
            echo
            echo "use serde::{Deserialize, Serialize};"
            echo
            echo "use crate::{Choice, Label, Message, ToolCall, Usage};"
            echo
            for ((i = m * PER_MODULE; i < (m + 1) * PER_MODULE; i++)); do decl_b "$i"; done
        } >"$WORK/$CRATE_B/src/$mod.rs"
    done
}

generate
TOUCH_NAME="$(grep -m1 -o 'pub struct [A-Za-z0-9]*' "$WORK/$CRATE_A/src/$TOUCH_MODULE.rs" | cut -d' ' -f3)"

# ---------------------------------------------------------------------------
# Measurement
# ---------------------------------------------------------------------------

now_ns() { date +%s%N; }

# Builds crate $1, checks that it compiled (or, with $2 = noop, that it did
# not), prints the wall time in seconds.
timed_build() {
    local crate=$1 expect=${2:-compile} out start end
    out="$WORK/last-build.log"
    start=$(now_ns)
    if ! cargo build --manifest-path "$WORK/Cargo.toml" -p "$crate" "${PROFILE_FLAG[@]}" >"$out" 2>&1; then
        cat "$out" >&2
        echo "build of $crate failed" >&2
        exit 1
    fi
    end=$(now_ns)
    cat "$out" >>"$LOG"
    local compiled=false
    grep -q "Compiling $crate v" "$out" && compiled=true
    if [[ $expect == compile && $compiled == false ]]; then
        echo "expected $crate to compile, but cargo found nothing to do" >&2
        exit 1
    fi
    if [[ $expect == noop && $compiled == true ]]; then
        echo "expected a no-op build of $crate, but it compiled" >&2
        exit 1
    fi
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'
}

# Edits one doc comment of one declaration (one file of the 10).
touch_declaration() {
    local crate=$1 round=$2
    local file="$WORK/$crate/src/$TOUCH_MODULE.rs"
    # The first `/// Revision: N` line of the module belongs to its first declaration.
    sed -i "0,/^\/\/\/ Revision: [0-9]*$/s//\/\/\/ Revision: $round/" "$file"
    grep -q "^/// Revision: $round$" "$file" || { echo "could not edit $file" >&2; exit 1; }
}

declare -A SAMPLES=() # key: "<measure>_<a|b>" -> space-separated seconds

record() { SAMPLES[$1]="${SAMPLES[$1]:-}${SAMPLES[$1]:+ }$2"; }

echo "generated $((MODULES * PER_MODULE)) declarations per crate in $WORK" >&2
echo "CARGO_TARGET_DIR=$CARGO_TARGET_DIR, profile $PROFILE_NAME, $ROUNDS round(s)" >&2
echo "building dependencies and both crates once (not timed)..." >&2
prebuild_start=$(now_ns)
for crate in "$CRATE_A" "$CRATE_B"; do
    if ! cargo build --manifest-path "$WORK/Cargo.toml" -p "$crate" "${PROFILE_FLAG[@]}" >>"$LOG" 2>&1; then
        tail -60 "$LOG" >&2
        echo "pre-build of $crate failed" >&2
        exit 1
    fi
done
echo "pre-build took $(awk -v a="$prebuild_start" -v b="$(now_ns)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }') s" >&2

for ((round = 1; round <= ROUNDS; round++)); do
    if ((round % 2)); then order=("$CRATE_A" "$CRATE_B"); else order=("$CRATE_B" "$CRATE_A"); fi
    for crate in "${order[@]}"; do
        key=$([[ $crate == "$CRATE_A" ]] && echo a || echo b)
        cargo clean --quiet --manifest-path "$WORK/Cargo.toml" -p "$crate" "${PROFILE_FLAG[@]}" >>"$LOG" 2>&1
        clean=$(timed_build "$crate")
        noop=$(timed_build "$crate" noop)
        touch_declaration "$crate" "$round"
        incr=$(timed_build "$crate")
        record "clean_$key" "$clean"
        record "noop_$key" "$noop"
        record "incremental_$key" "$incr"
        printf 'round %d %-13s clean %7.3f s  noop %6.3f s  incremental %7.3f s\n' \
            "$round" "$crate" "$clean" "$noop" "$incr" >&2
    done
done

# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------

# median min max of the arguments
stats() {
    printf '%s\n' "$@" | sort -g | awk '
        { v[NR] = $1 }
        END {
            med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "%.3f %.3f %.3f", med, v[1], v[NR]
        }'
}

json_list() { printf '%s\n' "$@" | paste -sd, | sed 's/^/[/; s/$/]/'; }

# shellcheck disable=SC2086 # word splitting of the sample lists is intended
read -r noop_a _ _ <<<"$(stats ${SAMPLES[noop_a]})"
# shellcheck disable=SC2086
read -r noop_b _ _ <<<"$(stats ${SAMPLES[noop_b]})"

ok=true
json_parts=()
echo
printf '%-12s %-3s %9s %9s %9s %8s\n' measure crate median min max spread
for measure in clean incremental noop; do
    # shellcheck disable=SC2086
    read -r med_a min_a max_a <<<"$(stats ${SAMPLES[${measure}_a]})"
    # shellcheck disable=SC2086
    read -r med_b min_b max_b <<<"$(stats ${SAMPLES[${measure}_b]})"
    read -r spread_a spread_b ratio net_ratio pass <<<"$(awk \
        -v ma="$med_a" -v la="$min_a" -v ha="$max_a" -v mb="$med_b" -v lb="$min_b" -v hb="$max_b" \
        -v na="$noop_a" -v nb="$noop_b" -v t="$TARGET_RATIO" -v m="$measure" 'BEGIN {
            sa = (ma > 0) ? (ha - la) / ma : 0; sb = (mb > 0) ? (hb - lb) / mb : 0
            r = (mb > 0) ? ma / mb : 0
            if (m == "noop") { nr = r } else { nr = (mb - nb > 0) ? (ma - na) / (mb - nb) : 0 }
            printf "%.3f %.3f %.3f %.3f %s", sa, sb, r, nr, (m == "noop" || nr <= t) ? "true" : "false"
        }')"
    printf '%-12s %-3s %8.3fs %8.3fs %8.3fs %7.1f%%\n' "$measure" A "$med_a" "$min_a" "$max_a" \
        "$(awk -v s="$spread_a" 'BEGIN { print s * 100 }')"
    printf '%-12s %-3s %8.3fs %8.3fs %8.3fs %7.1f%%\n' "$measure" B "$med_b" "$min_b" "$max_b" \
        "$(awk -v s="$spread_b" 'BEGIN { print s * 100 }')"
    if [[ $measure == noop ]]; then
        printf '%-12s A/B %.3f\n' "$measure" "$ratio"
    else
        printf '%-12s A/B %.3f (net of no-op: %.3f, target <= %s: %s)\n' "$measure" "$ratio" "$net_ratio" \
            "$TARGET_RATIO" "$([[ $pass == true ]] && echo ok || echo OVER)"
        [[ $pass == true ]] || ok=false
    fi
    # shellcheck disable=SC2086
    json_parts+=("\"$measure\":{\"a_median_s\":$med_a,\"a_min_s\":$min_a,\"a_max_s\":$max_a,\"a_spread\":$spread_a,\
\"b_median_s\":$med_b,\"b_min_s\":$min_b,\"b_max_s\":$max_b,\"b_spread\":$spread_b,\"ratio\":$ratio,\
\"net_ratio\":$net_ratio,\"a_samples_s\":$(json_list ${SAMPLES[${measure}_a]}),\"b_samples_s\":$(json_list ${SAMPLES[${measure}_b]})}")
done
echo
echo "note: wall-clock times on a shared machine; compare the spread with the gap between A and B." >&2

joined=$(IFS=,; echo "${json_parts[*]}")
echo "RESULT {\"ok\":$ok,\"target\":$TARGET_RATIO,\"rounds\":$ROUNDS,\"quick\":$QUICK,\"profile\":\"$PROFILE_NAME\",\
\"declarations\":$((MODULES * PER_MODULE)),\"modules\":$MODULES,\"touched\":\"$TOUCH_MODULE::$TOUCH_NAME\",$joined}"
