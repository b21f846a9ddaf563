//! Deterministic content: seeds, word salad, usage counts, ids, timestamps and embeddings.

use serde_json::{Value, json};

/// Every string in `value`, following `text`, `content` and `parts` keys
/// (OpenAI, Anthropic, Gemini, Cohere, Bedrock and Responses messages).
pub(super) fn collect_text(value: &Value, out: &mut String) {
    match value {
        Value::String(text) if !text.is_empty() => {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(text);
        }
        Value::Array(items) => {
            for item in items {
                collect_text(item, out);
            }
        }
        Value::Object(map) => {
            for key in ["text", "content", "parts"] {
                if let Some(inner) = map.get(key) {
                    collect_text(inner, out);
                }
            }
        }
        _ => {}
    }
}

pub(super) fn text_of(value: &Value) -> String {
    let mut out = String::new();
    collect_text(value, &mut out);
    out
}

pub(super) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
pub(super) const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over `parts`, with a separator byte between parts.
pub(super) fn seed_of(parts: &[&[u8]]) -> u64 {
    let mut hash = FNV_OFFSET;
    for (index, part) in parts.iter().enumerate() {
        if index > 0 {
            hash ^= 0xff;
            hash = hash.wrapping_mul(FNV_PRIME);
        }
        for &byte in *part {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(FNV_PRIME);
        }
    }
    hash
}

pub(super) fn seed_str(parts: &[&str]) -> u64 {
    let bytes: Vec<&[u8]> = parts.iter().map(|part| part.as_bytes()).collect();
    seed_of(&bytes)
}

/// `SplitMix64`: small, fast, good enough for fake content.
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform-ish in `0..n` (`0` when `n` is 0).
    pub(super) fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() >> 33).unwrap_or(0) % n.max(1)
    }

    /// Uniform in `[0, 1)`.
    pub(super) fn unit(&mut self) -> f64 {
        f64::from_bits(0x3ff0_0000_0000_0000 | (self.next() >> 12)) - 1.0
    }

    pub(super) fn byte(&mut self) -> u8 {
        self.next().to_be_bytes()[0]
    }

    pub(super) fn pick<'w>(&mut self, items: &[&'w str]) -> &'w str {
        items[self.below(items.len())]
    }
}

pub(super) const VOCABULARY: [&str; 48] = [
    "the",
    "gateway",
    "keeps",
    "a",
    "careful",
    "record",
    "of",
    "each",
    "quiet",
    "request",
    "while",
    "tokens",
    "drift",
    "through",
    "cached",
    "answers",
    "and",
    "models",
    "reply",
    "with",
    "steady",
    "light",
    "across",
    "every",
    "route",
    "so",
    "tests",
    "can",
    "trust",
    "what",
    "they",
    "see",
    "because",
    "nothing",
    "here",
    "leaves",
    "this",
    "machine",
    "offline",
    "signals",
    "travel",
    "slowly",
    "retries",
    "wait",
    "patiently",
    "before",
    "fallbacks",
    "begin",
];

/// `"{lead} {8 hex digits}: word word ... ."` with `min..min + spread` words.
pub(super) fn sentence(seed: u64, lead: &str, min: usize, spread: usize) -> String {
    let mut rng = Rng::new(seed);
    let count = min + rng.below(spread);
    let mut text = format!("{lead} {:08x}:", seed >> 32);
    for _ in 0..count {
        text.push(' ');
        text.push_str(rng.pick(&VOCABULARY));
    }
    text.push('.');
    text
}

pub(super) fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Estimated tokens of an input: its words × 4/3, rounded.
pub(super) fn approx_tokens(text: &str) -> usize {
    (words(text) * 4 + 1) / 3
}

pub(super) fn round_to(value: f64, scale: f64) -> f64 {
    (value * scale).round() / scale
}

pub(super) fn round6(value: f64) -> f64 {
    round_to(value, 1e6)
}

/// `text` split for streaming: first word, then `" word"` pieces; they concatenate back to `text`.
pub(super) fn pieces(text: &str) -> Vec<String> {
    text.split(' ').enumerate().map(|(i, word)| if i == 0 { word.to_owned() } else { format!(" {word}") }).collect()
}

/// A fixed, plausible Unix timestamp (Nov 2023 – Nov 2024) derived from `seed`.
pub(super) fn created(seed: u64) -> u64 {
    1_700_000_000 + seed % 31_536_000
}

pub(super) const BASE62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
pub(super) const HEX: &[u8] = b"0123456789abcdef";

pub(super) fn token(seed: u64, alphabet: &[u8], len: usize) -> String {
    let mut rng = Rng::new(seed ^ 0x1d5e_ed00_c0ff_ee11);
    (0..len).map(|_| char::from(alphabet[rng.below(alphabet.len())])).collect()
}

pub(super) fn uuid(seed: u64) -> String {
    let mut rng = Rng::new(seed ^ 0x0fed_cba9_8765_4321);
    let (a, b) = (rng.next(), rng.next());
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0x0fff,
        ((b >> 48) & 0x3fff) | 0x8000,
        b & 0xffff_ffff_ffff
    )
}

/// `YYYY-MM-DDTHH:MM:SS` (UTC) for a Unix time.
pub(super) fn rfc3339(secs: u64) -> String {
    let at = i64::try_from(secs).ok().and_then(|secs| jiff::Timestamp::from_second(secs).ok());
    at.unwrap_or(jiff::Timestamp::UNIX_EPOCH).strftime("%Y-%m-%dT%H:%M:%S").to_string()
}

/// What a chat-like request asks for, reduced to what the double needs.
pub(super) struct Prompt {
    pub(super) model: String,
    /// The last user message: drives the content.
    pub(super) last_user: String,
    /// Every input text (system prompt, all turns): drives the input token count.
    pub(super) all_input: String,
    /// The output limit the request sets, in tokens (= words here).
    pub(super) max_tokens: Option<usize>,
}

/// A generated answer.
pub(super) struct Completion {
    pub(super) text: String,
    pub(super) input_tokens: usize,
    pub(super) output_tokens: usize,
    /// Cut short by the request's output limit.
    pub(super) truncated: bool,
    pub(super) seed: u64,
}

impl Completion {
    pub(super) fn total_tokens(&self) -> usize {
        self.input_tokens + self.output_tokens
    }

    pub(super) fn openai_usage(&self) -> Value {
        json!({
            "prompt_tokens": self.input_tokens,
            "completion_tokens": self.output_tokens,
            "total_tokens": self.total_tokens(),
        })
    }
}

impl Prompt {
    pub(super) fn single(model: &str, text: &str) -> Self {
        Self { model: model.to_owned(), last_user: text.to_owned(), all_input: text.to_owned(), max_tokens: None }
    }

    /// From a list of messages; a message without `role` counts as the user's (Gemini).
    pub(super) fn from_messages(model: &str, messages: &[Value], system: Option<&Value>) -> Self {
        let last_user = messages
            .iter()
            .rev()
            .find(|m| m.get("role").and_then(Value::as_str).is_none_or(|role| role.eq_ignore_ascii_case("user")))
            .or_else(|| messages.last())
            .map(text_of)
            .unwrap_or_default();
        let mut all_input = String::new();
        if let Some(system) = system {
            collect_text(system, &mut all_input);
        }
        for message in messages {
            collect_text(message, &mut all_input);
        }
        Self { model: model.to_owned(), last_user, all_input, max_tokens: None }
    }

    pub(super) fn limit(mut self, max_tokens: Option<usize>) -> Self {
        self.max_tokens = max_tokens;
        self
    }

    pub(super) fn complete(&self) -> Completion {
        let seed = seed_str(&[&self.model, &self.last_user]);
        let full = sentence(seed, "Offline answer", 8, 12);
        let (text, truncated) = match self.max_tokens {
            Some(limit) if words(&full) > limit => {
                (full.split_whitespace().take(limit.max(1)).collect::<Vec<_>>().join(" "), true)
            }
            _ => (full, false),
        };
        Completion { input_tokens: approx_tokens(&self.all_input), output_tokens: words(&text), text, truncated, seed }
    }
}

/// A pseudo-random unit vector (values rounded to 6 decimals).
pub(super) fn vector(seed: u64, dims: usize) -> Vec<f64> {
    let mut rng = Rng::new(seed);
    let raw: Vec<f64> = (0..dims.max(1)).map(|_| rng.unit() * 2.0 - 1.0).collect();
    let norm = raw.iter().map(|v| v * v).sum::<f64>().sqrt().max(f64::MIN_POSITIVE);
    raw.into_iter().map(|v| round6(v / norm)).collect()
}

pub(super) fn embed(model: &str, text: &str, dims: usize) -> Vec<f64> {
    vector(seed_str(&[model, text]), dims)
}

/// Embedding width by model name; `default` when the name says nothing.
pub(super) fn embedding_dims(model: &str, default: usize) -> usize {
    let id = model.to_ascii_lowercase();
    let has = |needle: &str| id.contains(needle);
    if has("bge-small") || has("minilm") || has("light") {
        384
    } else if has("bge-large") || has("bge-m3") || has("qwen3-embedding") || has("-v3") || has("titan-embed-text-v2") {
        1024
    } else if has("plamo") {
        2048
    } else if has("3-large") || has("gemini-embedding") {
        3072
    } else if has("bge") || has("embeddinggemma") || has("mpnet") || has("text-embedding-00") {
        768
    } else if has("titan-embed") || has("embed-v4") || has("ada-002") || has("3-small") {
        1536
    } else {
        default
    }
}

/// `[{"label":"POSITIVE",...},{"label":"NEGATIVE",...}]`.
pub(super) fn sentiment(seed: u64) -> Value {
    let positive = round6(Rng::new(seed).unit());
    json!([{"label": "POSITIVE", "score": positive}, {"label": "NEGATIVE", "score": round6(1.0 - positive)}])
}
