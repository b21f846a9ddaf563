//! Property tests: encode then decode gives the value back for every public
//! wire type of gateway-core (JSON bodies, `cf-aig-*` headers and the logs
//! query string). Where an encoding is lossy by design, the value comes back
//! in its documented normal form, and the test says which and why.
//!
//! Types with only one side in gateway-core are covered through what is
//! public: the logs query through a standard form decoder (what rest-api
//! §10.1 says a server does), `GatewayMeta` and `CacheStatus` from response
//! headers written by the table of rest-api §8, and `LogPage`, `LogPayload`,
//! log ids and provider slugs in URLs through the log calls against a
//! loopback server.

use std::fmt::Debug;

use gateway_core::models::anthropic::{BlockDelta, ContentBlock, MessageEvent, MessageUsage};
use gateway_core::models::openai::{AssistantMessage, ChatCompletionChunk, Choice, ChunkChoice, Delta};
use gateway_core::models::workers_ai::{ChatMessage, LabelScore, ToolCall, Usage, Word};
use gateway_core::secrecy::SecretString;
use gateway_core::types::headers;
use gateway_core::{
    Ai, AiGatewayLog, ApiMessage, Backoff, CacheStatus, Config, CustomCost, DeleteLogs, Direction, Error, Feedback,
    FilterKey, FilterOperator, FilterValue, Gateway, GatewayMeta, GatewayOptions, GatewayRetries, ListLogs, LogFilter,
    LogMetadata, Metadata, MetadataValue, OrderBy, Patch, PatchLog, ProviderSlug, ResultInfo, StepConfig,
    StepHeaderValue, UniversalRequest, UniversalStep,
};
use http::{HeaderMap, HeaderValue};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestRunner;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// Cases per property: enough to hit the edge cases, few enough for a fast run.
const CASES: u32 = 128;

/// Largest integer a JavaScript number (the binding's `number`) holds exactly.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// `serde_json` encode, then decode.
fn json_round_trip<T: Serialize + DeserializeOwned>(value: &T) -> T {
    let text = serde_json::to_string(value).expect("encodes");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text} does not decode: {e}"))
}

/// A unit-like wire name (`"id"`, `"asc"`) read through the type's own serde decoding.
fn from_wire<T: DeserializeOwned>(name: &str) -> T {
    serde_json::from_value(Value::String(name.to_owned())).unwrap_or_else(|e| panic!("{name:?}: {e}"))
}

/// `a` and `b` are the same JSON once numbers are compared by value. The JS
/// encoder writes numbers as JavaScript does, which has one number type: a
/// whole `2.0` is written `2` and comes back as an integer.
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((kx, vx), (ky, vy))| kx == ky && same_json(vx, vy))
        }
        _ => a == b,
    }
}

// ---------------------------------------------------------------------------
// Strategies: scalars
// ---------------------------------------------------------------------------

/// Any text: empty, unicode, quotes, backslashes and control characters
/// (JSON bodies escape them).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "(?s).{0,16}",
        1 => select(vec!["", " ", "é", "日本語", "🦀", "\"q\"", "a\\b", "\u{7f}", "\0", "a\nb", "{}", "null", "%2e"])
            .prop_map(str::to_owned),
    ]
}

/// Text an HTTP header value can carry: anything but control characters.
fn header_text() -> impl Strategy<Value = String> {
    prop_oneof![3 => "[^\\p{Cc}]{0,16}", 1 => select(vec!["", " ", "é", "🦀", "a b", "\"q\""]).prop_map(str::to_owned)]
}

/// Finite doubles of every kind: subnormal, huge, negative zero, whole, and
/// the ones decimal formatting gets wrong most easily.
fn finite_f64() -> impl Strategy<Value = f64> {
    use proptest::num::f64 as f;
    prop_oneof![
        4 => f::POSITIVE | f::NEGATIVE | f::NORMAL | f::SUBNORMAL | f::ZERO,
        2 => any::<i32>().prop_map(f64::from),
        2 => -1.0e6f64..1.0e6,
        1 => select(vec![
            0.0,
            -0.0,
            0.1 + 0.2,
            5e-324,
            f64::MAX,
            f64::MIN,
            1e21,
            1e-7,
            9_007_199_254_740_993.0,
            105_444_455_981_005.81,
            1.844_674_407_370_955_2e19,
        ]),
    ]
}

/// Costs: finite and not negative (what `validate` allows).
fn cost() -> impl Strategy<Value = f64> {
    finite_f64().prop_map(f64::abs)
}

/// Any JSON value, `strings` for its strings and keys.
fn json_with(strings: BoxedStrategy<String>) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        finite_f64().prop_map(Value::from),
        strings.clone().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, move |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(Value::Array),
            vec((strings.clone(), inner), 0..4).prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

fn json_value() -> impl Strategy<Value = Value> {
    json_with(text().boxed())
}

/// A JSON value whose compact text is a valid header value.
fn header_json() -> impl Strategy<Value = Value> {
    json_with(header_text().boxed())
}

fn timestamp() -> impl Strategy<Value = jiff::Timestamp> {
    let seconds = jiff::Timestamp::MIN.as_second()..=jiff::Timestamp::MAX.as_second();
    prop_oneof![
        3 => (0i64..4_102_444_800, 0i32..1_000_000_000),
        1 => (seconds, 0i32..1_000_000_000),
    ]
    .prop_filter_map("inside jiff's range", |(s, ns)| jiff::Timestamp::new(s, ns).ok())
}

// ---------------------------------------------------------------------------
// Strategies: gateway-core types
// ---------------------------------------------------------------------------

/// A published slug, or any other string (as decoding builds it).
fn provider_slug() -> impl Strategy<Value = ProviderSlug> {
    prop_oneof![select(ProviderSlug::ALL.to_vec()), text().prop_map(ProviderSlug::from)]
}

fn backoff() -> impl Strategy<Value = Backoff> {
    prop_oneof![Just(Backoff::Constant), Just(Backoff::Linear), Just(Backoff::Exponential)]
}

/// A metadata value in the form decoding gives back (no `BigInt`).
fn metadata_value_with(strings: BoxedStrategy<String>) -> impl Strategy<Value = MetadataValue> {
    prop_oneof![
        strings.prop_map(MetadataValue::String),
        finite_f64().prop_map(MetadataValue::Number),
        any::<bool>().prop_map(MetadataValue::Bool),
        Just(MetadataValue::Null),
    ]
}

/// Any metadata value a caller can build, `BigInt` included.
fn any_metadata_value() -> impl Strategy<Value = MetadataValue> {
    prop_oneof![
        3 => metadata_value_with(text().boxed()),
        1 => any::<i128>().prop_map(MetadataValue::from),
        1 => any::<u64>().prop_map(MetadataValue::from),
        1 => any::<i64>().prop_map(MetadataValue::from),
    ]
}

/// What decoding gives back for `value`: a `BigInt` is sent as its decimal
/// string (JavaScript's `JSON.stringify` cannot write it as a number), so it
/// comes back as a string.
fn decoded_value(value: &MetadataValue) -> MetadataValue {
    match value {
        MetadataValue::BigInt(i) => MetadataValue::String(i.to_string()),
        other => other.clone(),
    }
}

fn metadata_of(
    keys: impl Strategy<Value = String>,
    values: impl Strategy<Value = MetadataValue>,
    max: usize,
) -> impl Strategy<Value = Metadata> {
    vec((keys, values), 0..=max).prop_map(|entries| entries.into_iter().collect())
}

/// Metadata as a server may send it: any keys, any number of entries.
fn metadata() -> impl Strategy<Value = Metadata> {
    metadata_of(text(), metadata_value_with(text().boxed()), 7)
}

/// Metadata `validate` accepts, whose JSON is a valid header value.
fn header_metadata() -> impl Strategy<Value = Metadata> {
    metadata_of("[^\\p{Cc}]{1,8}", metadata_value_with(header_text().boxed()), 5)
}

prop_compose! {
    fn retries()(
        max_attempts in option::of(1u8..=5),
        retry_delay_ms in option::of(prop_oneof![Just(0u64), Just(5000), 0u64..=5000]),
        backoff in option::of(backoff()),
    ) -> GatewayRetries {
        let mut r = GatewayRetries::new();
        if let Some(v) = max_attempts { r = r.max_attempts(v); }
        if let Some(v) = retry_delay_ms { r = r.retry_delay_ms(v); }
        if let Some(v) = backoff { r = r.backoff(v); }
        r
    }
}

fn custom_cost() -> impl Strategy<Value = CustomCost> {
    prop_oneof![
        cost().prop_map(|total_cost| CustomCost::Total { total_cost }),
        (option::of(cost()), option::of(cost()))
            .prop_map(|(per_token_in, per_token_out)| CustomCost::PerToken { per_token_in, per_token_out }),
    ]
}

fn gateway_id() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z0-9_]{1,8}(-[a-z0-9_]{1,8}){0,2}", Just("a".repeat(64))]
}

prop_compose! {
    /// Options with ids from `ids`, strings from `strings` and metadata from `metadata`.
    fn options_from(ids: BoxedStrategy<String>, strings: BoxedStrategy<String>, metadata: BoxedStrategy<Metadata>)(
        id in option::of(ids),
        cache in (
            option::of(strings.clone()),
            option::of(prop_oneof![Just(0u64), Just(60), Just(2_592_000), 60u64..=2_592_000]),
            option::of(any::<bool>()),
        ),
        metadata in option::of(metadata),
        collect_log in option::of(any::<bool>()),
        event_id in option::of(strings.clone()),
        request_timeout_ms in option::of(prop_oneof![Just(0u64), Just(u64::MAX), any::<u64>()]),
        retries in option::of(retries()),
        custom_cost in option::of(custom_cost()),
        collect_log_payload in option::of(any::<bool>()),
        byok_alias in option::of(strings),
    ) -> GatewayOptions {
        let (cache_key, cache_ttl, skip_cache) = cache;
        let mut o = GatewayOptions::default();
        o.id = id;
        if let Some(v) = cache_key { o = o.cache_key(v); }
        if let Some(v) = cache_ttl { o = o.cache_ttl(v); }
        if let Some(v) = skip_cache { o = o.skip_cache(v); }
        if let Some(v) = metadata { o = o.metadata(v); }
        if let Some(v) = collect_log { o = o.collect_log(v); }
        if let Some(v) = event_id { o = o.event_id(v); }
        if let Some(v) = request_timeout_ms { o = o.request_timeout_ms(v); }
        if let Some(v) = retries { o = o.retries(v); }
        if let Some(v) = custom_cost { o = o.custom_cost(v); }
        if let Some(v) = collect_log_payload { o = o.collect_log_payload(v); }
        if let Some(v) = byok_alias { o = o.byok_alias(v); }
        o
    }
}

/// Options that pass `validate`, so `to_headers` succeeds.
fn valid_options() -> impl Strategy<Value = GatewayOptions> {
    options_from(gateway_id().boxed(), header_text().boxed(), header_metadata().boxed())
}

/// Any options serde can carry (limits are `validate`'s business, not serde's).
fn any_options() -> impl Strategy<Value = GatewayOptions> {
    options_from(text().boxed(), text().boxed(), metadata().boxed())
}

prop_compose! {
    fn step_config()(
        request_timeout in option::of(prop_oneof![Just(0u64), any::<u64>()]),
        max_attempts in option::of(1u8..=5),
        retry_delay in option::of(0u64..=5000),
        backoff in option::of(backoff()),
    ) -> StepConfig {
        let mut c = StepConfig::new();
        if let Some(v) = request_timeout { c = c.request_timeout(v); }
        if let Some(v) = max_attempts { c = c.max_attempts(v); }
        if let Some(v) = retry_delay { c = c.retry_delay(v); }
        if let Some(v) = backoff { c = c.backoff(v); }
        c
    }
}

fn step_header_value() -> impl Strategy<Value = StepHeaderValue> {
    prop_oneof![
        header_text().prop_map(StepHeaderValue::String),
        header_text().prop_map(|s| StepHeaderValue::Secret(SecretString::from(s))),
        finite_f64().prop_map(StepHeaderValue::Number),
        any::<bool>().prop_map(StepHeaderValue::Bool),
        header_json().prop_map(StepHeaderValue::from),
        header_json().prop_map(StepHeaderValue::Json),
        Just(StepHeaderValue::Null),
        custom_cost().prop_map(StepHeaderValue::from),
        header_metadata().prop_map(|m| StepHeaderValue::from(&m)),
    ]
}

fn header_name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9!#$%&'*+.^_`|~-]{1,12}",
        select(vec!["cf-aig-cache-ttl", "cf-aig-metadata", "Authorization", "x-api-key", "Content-Type"])
            .prop_map(str::to_owned),
    ]
}

prop_compose! {
    fn universal_step()(
        provider in provider_slug().prop_filter("validate wants a provider", |p| !p.as_str().is_empty()),
        endpoint in text(),
        headers in vec((header_name(), step_header_value()), 0..5),
        query in json_value(),
        config in option::of(step_config()),
    ) -> UniversalStep {
        let mut step = UniversalStep::new(provider, endpoint, query);
        for (name, value) in headers {
            step = step.header(name, value);
        }
        if let Some(config) = config {
            step = step.config(config);
        }
        step
    }
}

/// Every published filter key.
const FILTER_KEYS: [FilterKey; 26] = [
    FilterKey::Id,
    FilterKey::CreatedAt,
    FilterKey::RequestContentType,
    FilterKey::ResponseContentType,
    FilterKey::RequestType,
    FilterKey::Success,
    FilterKey::Cached,
    FilterKey::Provider,
    FilterKey::Model,
    FilterKey::ModelType,
    FilterKey::Cost,
    FilterKey::Tokens,
    FilterKey::TokensIn,
    FilterKey::TokensOut,
    FilterKey::Duration,
    FilterKey::Feedback,
    FilterKey::EventId,
    FilterKey::MetadataKey,
    FilterKey::MetadataValue,
    FilterKey::Authentication,
    FilterKey::Wholesale,
    FilterKey::CompatibilityMode,
    FilterKey::DlpAction,
    FilterKey::UserAgent,
    FilterKey::PromptId,
    FilterKey::PromptVersionId,
];

const OPERATORS: [FilterOperator; 5] =
    [FilterOperator::Eq, FilterOperator::Neq, FilterOperator::Contains, FilterOperator::Lt, FilterOperator::Gt];

const ORDER_BY: [OrderBy; 11] = [
    OrderBy::CreatedAt,
    OrderBy::Provider,
    OrderBy::Model,
    OrderBy::ModelType,
    OrderBy::Success,
    OrderBy::Cached,
    OrderBy::Cost,
    OrderBy::TokensIn,
    OrderBy::TokensOut,
    OrderBy::Duration,
    OrderBy::Feedback,
];

const DIRECTIONS: [Direction; 2] = [Direction::Asc, Direction::Desc];

/// A published key, any other key, or `Other` holding a published spelling.
fn filter_key() -> impl Strategy<Value = FilterKey> {
    prop_oneof![
        3 => select(FILTER_KEYS.to_vec()),
        1 => text().prop_map(FilterKey::Other),
        1 => select(FILTER_KEYS.to_vec()).prop_map(|k| FilterKey::Other(k.as_str().to_owned())),
    ]
}

/// The key decoding gives back: the wire has one spelling per key, so
/// `Other("id")` is read as `Id`.
fn canonical_key(key: &FilterKey) -> FilterKey {
    FILTER_KEYS
        .iter()
        .find(|k| k.as_str() == key.as_str())
        .cloned()
        .unwrap_or_else(|| FilterKey::Other(key.as_str().to_owned()))
}

fn filter_value() -> impl Strategy<Value = FilterValue> {
    prop_oneof![
        text().prop_map(FilterValue::String),
        finite_f64().prop_map(FilterValue::Number),
        any::<bool>().prop_map(FilterValue::Bool),
        Just(FilterValue::Null),
    ]
}

prop_compose! {
    fn log_filter()(
        key in filter_key(),
        operator in select(OPERATORS.to_vec()),
        values in vec(filter_value(), 1..4),
    ) -> LogFilter {
        LogFilter::new(key, operator, values)
    }
}

fn order() -> impl Strategy<Value = (OrderBy, Direction)> {
    (select(ORDER_BY.to_vec()), select(DIRECTIONS.to_vec()))
}

prop_compose! {
    fn list_logs()(
        filters in vec(log_filter(), 0..4),
        page in option::of(prop_oneof![Just(1u32), Just(u32::MAX), 1..=u32::MAX]),
        per_page in option::of(prop_oneof![Just(1u32), Just(50), 1u32..=50]),
        search in option::of(text()),
        order in option::of(order()),
        meta_info in option::of(any::<bool>()),
    ) -> ListLogs {
        let mut q = ListLogs::new();
        q.filters = filters;
        q.page = page;
        q.per_page = per_page;
        q.search = search;
        q.order = order;
        q.meta_info = meta_info;
        q
    }
}

prop_compose! {
    fn delete_logs()(
        filters in vec(log_filter(), 0..4),
        limit in option::of(prop_oneof![Just(1u32), Just(10_000), 1u32..=10_000]),
        order in option::of(order()),
    ) -> DeleteLogs {
        let mut q = DeleteLogs::new();
        q.filters = filters;
        q.limit = limit;
        q.order = order;
        q
    }
}

fn log_metadata() -> impl Strategy<Value = LogMetadata> {
    prop_oneof![
        metadata().prop_map(LogMetadata::Entries),
        text().prop_map(LogMetadata::Text),
        select(vec!["{}", " {\"a\":1}", "{\"a\":{\"b\":1}}", "[1]", "null", "\"x\"", "", "{"])
            .prop_map(|s| LogMetadata::Text(s.to_owned())),
    ]
}

/// Durations the wire's JavaScript number holds exactly.
fn duration() -> impl Strategy<Value = u64> {
    prop_oneof![Just(0u64), Just(MAX_SAFE_INTEGER + 1), 0u64..1_000_000, 0..=MAX_SAFE_INTEGER + 1]
}

/// A log with every one of its 25 fields drawn (set or not). Boxed to keep
/// the value trees of the strategies built on it off the stack.
fn log() -> BoxedStrategy<AiGatewayLog> {
    let required = (text(), provider_slug(), text(), text(), duration(), any::<bool>(), any::<bool>(), timestamp());
    let kinds =
        (option::of(text()), option::of(text()), option::of(text()), option::of(text()), option::of(any::<u16>()));
    let usage = (
        option::of(any::<u64>()),
        option::of(any::<u64>()),
        option::of(finite_f64()),
        option::of(any::<bool>()),
        option::of(any::<u32>()),
        option::of(log_metadata()),
    );
    let heads = (
        option::of(text()),
        option::of(any::<bool>()),
        option::of(any::<u64>()),
        option::of(text()),
        option::of(any::<bool>()),
        option::of(any::<u64>()),
    );
    (required, kinds, usage, heads)
        .prop_map(|(required, kinds, usage, heads)| {
            let (id, provider, model, path, duration, success, cached, created_at) = required;
            let mut log = AiGatewayLog::new(id, provider, model, created_at);
            log.path = path;
            log.duration = duration;
            log.success = success;
            log.cached = cached;
            (log.model_type, log.request_type, log.request_content_type, log.response_content_type, log.status_code) =
                kinds;
            (log.tokens_in, log.tokens_out, log.cost, log.custom_cost, log.step, log.metadata) = usage;
            (
                log.request_head,
                log.request_head_complete,
                log.request_size,
                log.response_head,
                log.response_head_complete,
                log.response_size,
            ) = heads;
            log
        })
        .boxed()
}

/// A log as a list carries it (rest-api §10.2: no heads, no sizes).
fn list_item() -> impl Strategy<Value = AiGatewayLog> {
    log().prop_map(|mut log| {
        (log.request_head, log.request_head_complete, log.request_size) = (None, None, None);
        (log.response_head, log.response_head_complete, log.response_size) = (None, None, None);
        log
    })
}

/// The log decoding gives back: a `Text` metadata string that is a JSON
/// object of scalars is read as entries (the REST API sends metadata as a
/// string, and whether it holds JSON is undocumented; see `LogMetadata`).
fn decoded_log(log: &AiGatewayLog) -> AiGatewayLog {
    let mut log = log.clone();
    if let Some(LogMetadata::Text(text)) = &log.metadata {
        if let Ok(entries) = serde_json::from_str::<Metadata>(text) {
            log.metadata = Some(LogMetadata::Entries(entries));
        }
    }
    log
}

fn result_info() -> impl Strategy<Value = ResultInfo> {
    (proptest::array::uniform4(option::of(any::<u64>())), proptest::array::uniform10(option::of(finite_f64())))
        .prop_map(|(counts, aggregates)| {
            let mut info = ResultInfo::default();
            [info.count, info.page, info.per_page, info.total_count] = counts;
            [
                info.max_cost,
                info.min_cost,
                info.max_duration,
                info.min_duration,
                info.max_tokens_in,
                info.min_tokens_in,
                info.max_tokens_out,
                info.min_tokens_out,
                info.max_total_tokens,
                info.min_total_tokens,
            ] = aggregates;
            info
        })
}

fn cache_status() -> impl Strategy<Value = CacheStatus> {
    prop_oneof![
        Just(CacheStatus::Hit),
        Just(CacheStatus::Miss),
        header_text().prop_map(CacheStatus::Other),
        select(vec!["hit", "Miss", "HIT ", "EXPIRED", "BYPASS", ""]).prop_map(|s| CacheStatus::Other(s.to_owned())),
    ]
}

prop_compose! {
    fn gateway_meta()(
        status in 100u16..=599,
        ids in [option::of(header_text()), option::of(header_text()), option::of(header_text())],
        cache_status in option::of(cache_status()),
        step in option::of(any::<u32>()),
        routed in [option::of(header_text()), option::of(header_text()), option::of(header_text())],
        ai_request_id in option::of(header_text()),
    ) -> GatewayMeta {
        let mut meta = GatewayMeta::from_headers(status, &HeaderMap::new());
        [meta.log_id, meta.request_id, meta.event_id] = ids;
        [meta.model, meta.provider, meta.run_id] = routed;
        meta.cache_status = cache_status;
        meta.step = step;
        meta.ai_request_id = ai_request_id;
        meta
    }
}

// ---------------------------------------------------------------------------
// Test-side encoders and decoders for the formats gateway-core only writes or
// only reads
// ---------------------------------------------------------------------------

/// How a filter value reads in a query string. The query has no types, so
/// every value comes back as text: `null` as an empty value (rest-api
/// §10.1), numbers as JavaScript writes them (the formatting the step headers
/// use too), booleans as `true`/`false`.
fn query_text(value: &FilterValue) -> String {
    match value {
        FilterValue::String(s) => s.clone(),
        FilterValue::Number(n) => StepHeaderValue::Number(*n).to_wire().expect("numbers have a wire form"),
        FilterValue::Bool(b) => b.to_string(),
        FilterValue::Null => String::new(),
    }
}

/// The filters as a server reads them back (see [`query_text`] and [`canonical_key`]).
fn sent_filters(filters: &[LogFilter]) -> Vec<LogFilter> {
    filters
        .iter()
        .map(|f| {
            LogFilter::new(
                canonical_key(&f.key),
                f.operator.clone(),
                f.value.iter().map(|v| FilterValue::String(query_text(v))),
            )
        })
        .collect()
}

/// Splits a logs query the way rest-api §10.1 says a server reads it:
/// standard form decoding, a new `filters.key` starting a new filter, names
/// read through each type's serde decoding. Returns the filters and the
/// other parameters in order.
fn decode_filters(query: &str) -> (Vec<LogFilter>, Vec<(String, String)>) {
    let mut filters: Vec<(String, Option<String>, Vec<String>)> = Vec::new();
    let mut rest = Vec::new();
    for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
        let value = value.into_owned();
        match name.as_ref() {
            "filters.key" => filters.push((value, None, Vec::new())),
            "filters.operator" => filters.last_mut().expect("an operator follows its key").1 = Some(value),
            "filters.value" => filters.last_mut().expect("a value follows its key").2.push(value),
            _ => rest.push((name.into_owned(), value)),
        }
    }
    let filters = filters
        .into_iter()
        .map(|(key, operator, values)| {
            let operator = operator.expect("every filter has an operator");
            LogFilter::new(from_wire(&key), from_wire(&operator), values.into_iter().map(FilterValue::String))
        })
        .collect();
    (filters, rest)
}

/// Reads `order_by` and `order_by_direction`, which travel together.
fn decode_order(order_by: Option<String>, direction: Option<String>) -> Option<(OrderBy, Direction)> {
    match (order_by, direction) {
        (Some(field), Some(direction)) => Some((from_wire(&field), from_wire(&direction))),
        (None, None) => None,
        other => panic!("order_by and order_by_direction travel together, got {other:?}"),
    }
}

fn decode_list(query: &str) -> ListLogs {
    let (filters, rest) = decode_filters(query);
    let mut list = ListLogs::new();
    list.filters = filters;
    let (mut order_by, mut direction) = (None, None);
    for (name, value) in rest {
        match name.as_str() {
            "page" => list.page = Some(value.parse().expect("page is a number")),
            "per_page" => list.per_page = Some(value.parse().expect("per_page is a number")),
            "search" => list.search = Some(value),
            "order_by" => order_by = Some(value),
            "order_by_direction" => direction = Some(value),
            "meta_info" => list.meta_info = Some(value.parse().expect("meta_info is a boolean")),
            other => panic!("unexpected list parameter {other:?}"),
        }
    }
    list.order = decode_order(order_by, direction);
    list
}

fn decode_delete(query: &str) -> DeleteLogs {
    let (filters, rest) = decode_filters(query);
    let mut delete = DeleteLogs::new();
    delete.filters = filters;
    let (mut order_by, mut direction) = (None, None);
    for (name, value) in rest {
        match name.as_str() {
            "limit" => delete.limit = Some(value.parse().expect("limit is a number")),
            "order_by" => order_by = Some(value),
            "order_by_direction" => direction = Some(value),
            other => panic!("unexpected delete parameter {other:?}"),
        }
    }
    delete.order = decode_order(order_by, direction);
    delete
}

/// The query is RFC 3986 escaped: only unreserved characters, escapes and separators.
fn is_escaped(query: &str) -> bool {
    query.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%=&".contains(&b))
}

/// The response headers of rest-api §8 for `meta`.
fn response_headers(meta: &GatewayMeta) -> HeaderMap {
    let mut map = HeaderMap::new();
    let cache_status = meta.cache_status.as_ref().map(|c| match c {
        CacheStatus::Hit => "HIT".to_owned(),
        CacheStatus::Miss => "MISS".to_owned(),
        CacheStatus::Other(s) => s.clone(),
        other => panic!("unknown cache status {other:?}"),
    });
    let fields = [
        (headers::LOG_ID, meta.log_id.clone()),
        (headers::REQUEST_ID, meta.request_id.clone()),
        (headers::CACHE_STATUS, cache_status),
        (headers::STEP, meta.step.map(|s| s.to_string())),
        (headers::EVENT_ID, meta.event_id.clone()),
        (headers::MODEL, meta.model.clone()),
        (headers::PROVIDER, meta.provider.clone()),
        (headers::RUN_ID, meta.run_id.clone()),
        (headers::AI_REQUEST_ID, meta.ai_request_id.clone()),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            map.insert(name, HeaderValue::from_str(&value).expect("a header value"));
        }
    }
    map
}

/// What `from_headers` gives back for `meta`. A value is read only if it is
/// visible ASCII (`HeaderValue::to_str`; others stay `None`, as documented),
/// and the cache status is matched without regard to case.
fn read_back(meta: &GatewayMeta) -> GatewayMeta {
    let readable = |v: &Option<String>| v.clone().filter(|s| s.is_ascii());
    let mut back = meta.clone();
    for field in [
        &mut back.log_id,
        &mut back.request_id,
        &mut back.event_id,
        &mut back.model,
        &mut back.provider,
        &mut back.run_id,
        &mut back.ai_request_id,
    ] {
        *field = readable(field);
    }
    back.cache_status = match &meta.cache_status {
        Some(CacheStatus::Other(s)) if !s.is_ascii() => None,
        Some(CacheStatus::Other(s)) if s.eq_ignore_ascii_case("hit") => Some(CacheStatus::Hit),
        Some(CacheStatus::Other(s)) if s.eq_ignore_ascii_case("miss") => Some(CacheStatus::Miss),
        other => other.clone(),
    };
    back
}

// ---------------------------------------------------------------------------
// Properties: options, metadata, patches
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn gateway_options_round_trip(o in any_options()) {
        prop_assert_eq!(json_round_trip(&o), o);
    }

    /// binding-api §8: which options become headers, and how; each header
    /// value decodes back to the option it came from.
    #[test]
    fn header_mapping_follows_the_table(o in valid_options()) {
        let headers = o.to_headers().unwrap();
        let get = |name: &str| headers.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone());
        // `cacheTtl` only when truthy; `cacheKey` only when non-empty.
        prop_assert_eq!(get("cf-aig-cache-ttl"), o.cache_ttl.filter(|t| *t != 0).map(|t| t.to_string()));
        prop_assert_eq!(get("cf-aig-cache-key"), o.cache_key.clone().filter(|k| !k.is_empty()));
        // `requestTimeoutMs` and `eventId` whenever set, 0 and "" included.
        prop_assert_eq!(get("cf-aig-request-timeout"), o.request_timeout_ms.map(|t| t.to_string()));
        prop_assert_eq!(get("cf-aig-event-id"), o.event_id.clone());
        prop_assert_eq!(get("cf-aig-skip-cache"), o.skip_cache.map(|b| b.to_string()));
        prop_assert_eq!(get("cf-aig-collect-log"), o.collect_log.map(|b| b.to_string()));
        // Metadata whenever set (even `{}`), as compact JSON that parses back.
        match &o.metadata {
            Some(m) => {
                let sent = get("cf-aig-metadata").unwrap();
                let parsed: Metadata = serde_json::from_str(&sent).unwrap();
                prop_assert_eq!(&parsed, m);
                let spaced = m.iter().any(|(k, v)| k.contains(' ') || matches!(v, MetadataValue::String(s) if s.contains(' ')));
                prop_assert!(!sent.contains(' ') || spaced, "not compact: {}", sent);
            }
            None => prop_assert!(get("cf-aig-metadata").is_none()),
        }
        let retries = o.retries.clone().unwrap_or_default();
        prop_assert_eq!(get("cf-aig-max-attempts"), retries.max_attempts.map(|n| n.to_string()));
        prop_assert_eq!(get("cf-aig-retry-delay"), retries.retry_delay_ms.map(|n| n.to_string()));
        prop_assert_eq!(get("cf-aig-backoff"), retries.backoff.map(|b| b.as_str().to_owned()));
        // REST-only headers.
        let cost = get("cf-aig-custom-cost").map(|c| serde_json::from_str::<CustomCost>(&c).unwrap());
        prop_assert_eq!(cost, o.custom_cost);
        prop_assert_eq!(get("cf-aig-collect-log-payload"), o.collect_log_payload.map(|b| b.to_string()));
        prop_assert_eq!(get("cf-aig-byok-alias"), o.byok_alias.clone());
        // The id is never a header, nothing else is sent, and everything sent is sendable.
        prop_assert!(headers.iter().all(|(k, _)| k.starts_with("cf-aig-")));
        prop_assert!(headers.len() <= 13);
        for (name, value) in &headers {
            prop_assert!(HeaderValue::from_str(value).is_ok(), "{}: {:?}", name, value);
        }
    }

    #[test]
    fn retries_round_trip(r in retries()) {
        prop_assert_eq!(json_round_trip(&r), r);
    }

    #[test]
    fn backoff_round_trips_as_its_wire_name(b in backoff()) {
        prop_assert_eq!(serde_json::to_value(b).unwrap(), Value::String(b.as_str().to_owned()));
        prop_assert_eq!(json_round_trip(&b), b);
    }

    /// Both as a JSON field and as the `cf-aig-custom-cost` header text.
    #[test]
    fn custom_cost_round_trips(c in custom_cost()) {
        prop_assert_eq!(json_round_trip(&c), c);
        prop_assert_eq!(serde_json::from_str::<CustomCost>(&c.to_json()).unwrap(), c);
    }

    #[test]
    fn metadata_round_trips(m in metadata()) {
        prop_assert_eq!(json_round_trip(&m), m.clone());
        // The header form, in JavaScript's number formatting.
        let back: Metadata = serde_json::from_str(&m.to_json()).unwrap();
        prop_assert_eq!(back, m);
    }

    /// A `BigInt` comes back as its decimal string (see `decoded_value`);
    /// every other value comes back as it was.
    #[test]
    fn metadata_values_round_trip_big_integers_as_strings(
        entries in vec((text(), any_metadata_value()), 0..6),
    ) {
        let m: Metadata = entries.iter().cloned().collect();
        let expected: Metadata = m.iter().map(|(k, v)| (k, decoded_value(v))).collect();
        prop_assert_eq!(serde_json::from_str::<Metadata>(&m.to_json()).unwrap(), expected.clone());
        prop_assert_eq!(json_round_trip(&m), expected);
        for (_, value) in entries {
            prop_assert_eq!(json_round_trip(&value), decoded_value(&value));
        }
    }

    #[test]
    fn patch_log_round_trips(
        feedback in option::of(option::of(prop_oneof![Just(Feedback::Positive), Just(Feedback::Negative)])),
        score in option::of(option::of(prop_oneof![Just(0.0f64), Just(100.0), Just(5e-324), 0.0f64..=100.0])),
        metadata in option::of(option::of(metadata_of("(?s).{1,8}", metadata_value_with(text().boxed()), 5))),
    ) {
        let mut patch = PatchLog::new();
        match feedback { Some(Some(f)) => patch = patch.feedback(f), Some(None) => patch = patch.clear_feedback(), None => {} }
        match score { Some(Some(s)) => patch = patch.score(s), Some(None) => patch = patch.clear_score(), None => {} }
        match metadata { Some(Some(m)) => patch = patch.metadata(m), Some(None) => patch = patch.clear_metadata(), None => {} }
        let body = patch.to_body().unwrap();
        let back: PatchLog = serde_json::from_slice(&body).unwrap();
        prop_assert_eq!(&back, &patch);
        prop_assert_eq!(json_round_trip(&patch), patch);
    }

    /// Alone, `Keep` has no encoding (the containing struct leaves the field
    /// out), so it is written as `null` and comes back as `Clear`.
    #[test]
    fn patch_fields_round_trip(field in option::of(option::of(finite_f64()))) {
        let patch = match field { None => Patch::Keep, Some(None) => Patch::Clear, Some(Some(v)) => Patch::Set(v) };
        let expected = if patch.is_keep() { Patch::Clear } else { patch };
        prop_assert_eq!(json_round_trip(&patch), expected);
    }

    #[test]
    fn feedback_round_trips(f in prop_oneof![Just(Feedback::Positive), Just(Feedback::Negative)]) {
        prop_assert_eq!(serde_json::to_value(f).unwrap(), json!(f.as_i8()));
        prop_assert_eq!(json_round_trip(&f), f);
        prop_assert_eq!(Feedback::try_from(i64::from(f.as_i8())).unwrap(), f);
    }

    /// A slug is its string: any string gives a slug that gives the string back.
    #[test]
    fn provider_slugs_round_trip_as_strings(s in text(), published in select(ProviderSlug::ALL.to_vec())) {
        let slug = ProviderSlug::from(s.as_str());
        prop_assert_eq!(slug.as_str(), s.as_str());
        prop_assert_eq!(slug.to_string(), s.clone());
        prop_assert_eq!(&s.parse::<ProviderSlug>().unwrap(), &slug);
        prop_assert_eq!(&ProviderSlug::from(s.clone()), &slug);
        prop_assert_eq!(serde_json::to_value(&slug).unwrap(), Value::String(s));
        prop_assert_eq!(&json_round_trip(&slug), &slug);
        // One value per spelling: `Other` never holds a published slug after
        // decoding, so `Other("openai")` comes back as `Openai`.
        prop_assert!(!matches!(&slug, ProviderSlug::Other(o) if ProviderSlug::ALL.iter().any(|p| p.as_str() == o)));
        let spelled_out = ProviderSlug::Other(published.as_str().to_owned());
        prop_assert_eq!(json_round_trip(&spelled_out), published);
    }

    #[test]
    fn api_messages_round_trip(code in any::<i64>(), message in text()) {
        let m = ApiMessage { code, message };
        prop_assert_eq!(json_round_trip(&m), m);
    }
}

// ---------------------------------------------------------------------------
// Properties: universal requests
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn step_config_round_trips_in_camel_case(c in step_config()) {
        let value = serde_json::to_value(&c).unwrap();
        let keys = ["requestTimeout", "maxAttempts", "retryDelay", "backoff"];
        prop_assert!(value.as_object().unwrap().keys().all(|k| keys.contains(&k.as_str())), "{}", value);
        prop_assert_eq!(json_round_trip(&c), c);
    }

    /// The JS body decodes to the same steps and re-encodes to the same bytes.
    /// Header values come back as the strings they were sent as (they compare
    /// by wire form), and `query` numbers by value (see `same_json`).
    #[test]
    fn universal_bodies_round_trip(steps in vec(universal_step(), 1..4)) {
        let request = UniversalRequest::new(steps);
        let body = request.to_body().unwrap();
        let back: UniversalRequest = serde_json::from_slice(&body).unwrap();
        prop_assert_eq!(back.to_body().unwrap(), body);
        prop_assert_eq!(back.steps().len(), request.steps().len());
        for (back, sent) in back.steps().iter().zip(request.steps()) {
            prop_assert_eq!(&back.provider, &sent.provider);
            prop_assert_eq!(&back.endpoint, &sent.endpoint);
            prop_assert_eq!(&back.config, &sent.config);
            prop_assert_eq!(&back.headers, &sent.headers);
            let names = |s: &UniversalStep| s.headers.iter().map(|(k, _)| k.to_owned()).collect::<Vec<_>>();
            prop_assert_eq!(names(back), names(sent));
            prop_assert!(same_json(&back.query, &sent.query), "{} vs {}", back.query, sent.query);
        }
        // Through plain serde_json, nothing changes at all.
        prop_assert_eq!(json_round_trip(&request), request);
    }
}

// ---------------------------------------------------------------------------
// Properties: logs, filters and their query strings
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// Durations are limited to what a JavaScript number holds exactly: the
    /// decoder reads them as the binding's `number` (see `durations_are_rounded`).
    #[test]
    fn logs_round_trip_in_the_rest_shape(log in log()) {
        prop_assert_eq!(json_round_trip(&log), decoded_log(&log));
    }

    /// The binding shape (metadata as an object) decodes to the same log.
    #[test]
    fn logs_decode_from_the_binding_shape(log in log(), entries in metadata()) {
        let mut log = log;
        log.metadata = Some(LogMetadata::Entries(entries.clone()));
        let mut value = serde_json::to_value(&log).unwrap();
        value["metadata"] = serde_json::to_value(&entries).unwrap();
        prop_assert_eq!(serde_json::from_value::<AiGatewayLog>(value).unwrap(), log);
    }

    /// The binding's duration is a `number`: fractions are rounded (documented
    /// on the field), so only whole milliseconds come back unchanged.
    #[test]
    fn durations_are_rounded(log in log(), millis in 0.0f64..1.0e12) {
        let mut value = serde_json::to_value(&log).unwrap();
        value["duration"] = json!(millis);
        let back: AiGatewayLog = serde_json::from_value(value).unwrap();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "0 to 1e12, whole after rounding")]
        let expected = millis.round() as u64;
        prop_assert_eq!(back.duration, expected);
    }

    #[test]
    fn result_info_round_trips(info in result_info()) {
        prop_assert_eq!(json_round_trip(&info), info);
    }

    /// Each key has one spelling, so `Other` holding a published one comes back as that key.
    #[test]
    fn filters_round_trip_as_json(filter in log_filter()) {
        let mut expected = filter.clone();
        expected.key = canonical_key(&filter.key);
        prop_assert_eq!(serde_json::to_value(&filter.key).unwrap(), Value::String(filter.key.as_str().to_owned()));
        prop_assert_eq!(json_round_trip(&filter.key), expected.key.clone());
        for value in &filter.value {
            prop_assert_eq!(&json_round_trip(value), value);
        }
        prop_assert_eq!(json_round_trip(&filter), expected);
    }

    #[test]
    fn filter_names_round_trip(
        operator in select(OPERATORS.to_vec()),
        (field, direction) in order(),
    ) {
        prop_assert_eq!(serde_json::to_value(&operator).unwrap(), Value::String(operator.to_string()));
        prop_assert_eq!(json_round_trip(&operator), operator);
        prop_assert_eq!(serde_json::to_value(&field).unwrap(), Value::String(field.to_string()));
        prop_assert_eq!(json_round_trip(&field), field);
        prop_assert_eq!(serde_json::to_value(&direction).unwrap(), Value::String(direction.to_string()));
        prop_assert_eq!(json_round_trip(&direction), direction);
    }

    /// The list query decodes to the query sent, each filter value as the
    /// text it was sent as (see `query_text`); numbers keep their exact value.
    #[test]
    fn list_queries_round_trip(list in list_logs()) {
        let query = list.to_query().unwrap();
        prop_assert!(is_escaped(&query), "{}", query);
        let mut expected = list.clone();
        expected.filters = sent_filters(&list.filters);
        prop_assert_eq!(decode_list(&query), expected);
        for value in list.filters.iter().flat_map(|f| &f.value) {
            if let FilterValue::Number(n) = value {
                // Exact, bit for bit, except that JavaScript writes -0 as `0`.
                prop_assert_eq!(query_text(value).parse::<f64>().unwrap().to_bits(), (n + 0.0).to_bits());
            }
        }
    }

    #[test]
    fn delete_queries_round_trip(delete in delete_logs()) {
        let query = delete.to_query().unwrap();
        prop_assert!(is_escaped(&query), "{}", query);
        let mut expected = delete.clone();
        expected.filters = sent_filters(&delete.filters);
        prop_assert_eq!(decode_delete(&query), expected);
    }

    /// The response headers of rest-api §8 read back into the meta they
    /// came from (see `read_back` for what cannot be read).
    #[test]
    fn gateway_meta_round_trips_through_response_headers(meta in gateway_meta()) {
        let back = GatewayMeta::from_headers(meta.status, &response_headers(&meta));
        prop_assert_eq!(back.is_cache_hit(), back.cache_status == Some(CacheStatus::Hit));
        prop_assert_eq!(back, read_back(&meta));
    }

    #[test]
    fn workers_ai_types_round_trip(
        message in (text(), text()).prop_map(|(role, content)| ChatMessage::new(role, content)),
        usage in any::<[u64; 3]>().prop_map(|[prompt_tokens, completion_tokens, total_tokens]| Usage { prompt_tokens, completion_tokens, total_tokens }),
        call in (option::of(text()), option::of(json_value()), option::of(text()), option::of(json_value())),
        label in (option::of(text()), option::of(finite_f64())),
        word in (text(), finite_f64(), finite_f64()),
    ) {
        prop_assert_eq!(json_round_trip(&message), message);
        prop_assert_eq!(json_round_trip(&usage), usage);
        let (name, arguments, id, function) = call;
        let call = ToolCall { name, arguments, id, function };
        // An optional JSON field set to `null` is written `null`, read as absent.
        let mut expected = call.clone();
        expected.arguments = call.arguments.clone().filter(|v| !v.is_null());
        expected.function = call.function.clone().filter(|v| !v.is_null());
        prop_assert_eq!(json_round_trip(&call), expected);
        let label = LabelScore { label: label.0, score: label.1 };
        prop_assert_eq!(json_round_trip(&label), label);
        let word = Word { word: word.0, start: word.1, end: word.2 };
        prop_assert_eq!(json_round_trip(&word), word);
    }

    #[test]
    fn anthropic_types_round_trip(
        block in (text(), option::of(text())),
        usage in any::<(u64, u64)>(),
        event in prop_oneof![
            json_value().prop_map(|message| MessageEvent::MessageStart { message }),
            (any::<u32>(), json_value()).prop_map(|(index, content_block)| MessageEvent::ContentBlockStart { index, content_block }),
            (any::<u32>(), text(), option::of(text())).prop_map(|(index, kind, text)| MessageEvent::ContentBlockDelta { index, delta: BlockDelta { kind, text } }),
            any::<u32>().prop_map(|index| MessageEvent::ContentBlockStop { index }),
            (json_value(), option::of(json_value())).prop_map(|(delta, usage)| MessageEvent::MessageDelta { delta, usage }),
            Just(MessageEvent::MessageStop),
            Just(MessageEvent::Ping),
            Just(MessageEvent::Other),
        ],
    ) {
        let block = ContentBlock { kind: block.0, text: block.1 };
        prop_assert_eq!(json_round_trip(&block), block);
        let usage = MessageUsage { input_tokens: usage.0, output_tokens: usage.1 };
        prop_assert_eq!(json_round_trip(&usage), usage);
        // An optional JSON field set to `null` is written `null`, read as absent.
        let expected = match &event {
            MessageEvent::MessageDelta { delta, usage: Some(Value::Null) } => {
                MessageEvent::MessageDelta { delta: delta.clone(), usage: None }
            }
            other => other.clone(),
        };
        prop_assert_eq!(json_round_trip(&event), expected);
    }

    #[test]
    fn openai_types_round_trip(
        choice in (any::<u32>(), text(), option::of(text()), option::of(text()), option::of(text())),
        chunk in (text(), text(), vec((any::<u32>(), option::of(text()), option::of(text()), option::of(text())), 0..3)),
        usage in option::of(any::<[u64; 3]>()),
    ) {
        let (index, role, content, refusal, finish_reason) = choice;
        let choice = Choice { index, message: AssistantMessage { role, content, refusal }, finish_reason };
        prop_assert_eq!(json_round_trip(&choice), choice);
        let (id, model, choices) = chunk;
        let choices = choices
            .into_iter()
            .map(|(index, role, content, finish_reason)| ChunkChoice { index, delta: Delta { role, content }, finish_reason })
            .collect();
        let usage = usage.map(|[prompt_tokens, completion_tokens, total_tokens]| Usage { prompt_tokens, completion_tokens, total_tokens });
        let chunk = ChatCompletionChunk { id, model, choices, usage };
        prop_assert_eq!(json_round_trip(&chunk), chunk);
    }
}

// ---------------------------------------------------------------------------
// Properties over HTTP: what travels in URLs and log responses
// ---------------------------------------------------------------------------

/// Log ids and provider slugs: any text, plus the ones a URL path treats specially.
fn path_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => text(),
        1 => select(vec![".", "..", "...", ".a", "a/b", "../x", "?q#f", "%2e", "%2e%2e", " ", "01JADMCQQQBWH3NXZ5GCRN98DP"])
            .prop_map(str::to_owned),
    ]
}

/// Whether `segment` can travel as one URL path segment: a URL parser reads
/// `.` and `..` as "this" and "parent" directories, and an empty segment
/// names nothing, so those are rejected before sending.
fn fits_a_segment(segment: &str) -> bool {
    !matches!(segment, "" | "." | "..")
}

/// The last path segment of `request`, percent-decoded.
fn last_segment(request: &Request, strip: &str) -> Option<String> {
    let path = request.url.path().strip_suffix(strip)?;
    let (_, last) = path.rsplit_once('/')?;
    Some(percent_encoding::percent_decode_str(last).decode_utf8().ok()?.into_owned())
}

/// What the loopback server answers in one case.
#[derive(Debug, Clone)]
struct Answers {
    page: Vec<u8>,
    log: Vec<u8>,
    payload: (String, Vec<u8>),
    url: Vec<u8>,
}

/// Answers a log call by its path under `base`.
fn answer(base: &str, answers: &Answers, request: &Request) -> ResponseTemplate {
    let json = |body: &[u8]| ResponseTemplate::new(200).set_body_raw(body.to_owned(), "application/json");
    let path = request.url.path();
    let logs = format!("{base}/logs");
    if path == logs && request.method == http::Method::DELETE {
        json(br#"{"success":true}"#)
    } else if path == logs {
        json(&answers.page)
    } else if path.starts_with(&format!("{logs}/")) && path.ends_with("/request") {
        ResponseTemplate::new(200).set_body_raw(answers.payload.1.clone(), answers.payload.0.as_str())
    } else if path.starts_with(&format!("{logs}/")) {
        json(&answers.log)
    } else if path.starts_with(&format!("{base}/url/")) {
        json(&answers.url)
    } else {
        ResponseTemplate::new(404)
    }
}

/// Checks the outcome of a call whose path carries `segment`: sent and
/// answered when the segment fits, refused before sending when it does not.
fn check_segment_call<T: Debug>(segment: &str, outcome: &gateway_core::Result<T>) -> Result<bool, TestCaseError> {
    if fits_a_segment(segment) {
        prop_assert!(outcome.is_ok(), "{:?}: {:?}", segment, outcome);
        Ok(true)
    } else {
        prop_assert!(matches!(outcome, Err(Error::InvalidInput { .. })), "{:?}: {:?}", segment, outcome);
        Ok(false)
    }
}

/// The log calls against a loopback server. The query the server receives
/// decodes to the query sent, a log id or provider slug arrives as exactly
/// one path segment holding it, and the page (`LogPage`: list items and
/// `result_info`), the log in its envelope, the stored payload
/// (`LogPayload`) and the gateway URL the server sends come back whole.
#[test]
fn log_calls_round_trip_over_http() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let server = runtime.block_on(MockServer::start());
    let config = Config::new("acc").with_api_token("token").with_api_base_url(&format!("{}/client/v4", server.uri()));
    let ai = Ai::new(config).unwrap();
    let gateway = ai.gateway("gw");
    let base = "/client/v4/accounts/acc/ai-gateway/gateways/gw";

    let payload = (
        select(vec!["application/json", "text/plain; charset=utf-8", "application/octet-stream", "text/event-stream"]),
        prop_oneof![vec(any::<u8>(), 0..48), json_value().prop_map(|v| v.to_string().into_bytes())],
    );
    // Boxed: unboxed, the value trees of this tuple overflow the test
    // thread's stack in debug builds.
    let cases = (
        (list_logs().boxed(), delete_logs().boxed()),
        (vec(list_item(), 0..3).boxed(), result_info().boxed(), log().boxed()),
        (path_text(), path_text().prop_map(ProviderSlug::from), any::<bool>(), text()).boxed(),
        payload.boxed(),
    );
    let config = ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(32) };
    let mut runner = TestRunner::new(config);
    let result = runner.run(
        &cases,
        |((list, delete), (items, info, log), (id, slug, url_object, url), (content_type, body))| {
            runtime.block_on(async {
                let answers = Answers {
                    page: json!({"result": items, "result_info": info, "success": true, "errors": [], "messages": []})
                        .to_string()
                        .into_bytes(),
                    log: json!({"result": log, "success": true}).to_string().into_bytes(),
                    payload: (content_type.to_owned(), body.clone()),
                    // The REST API sends the URL as a string, the binding backend in an object.
                    url: if url_object {
                        json!({"result": {"url": url}})
                    } else {
                        json!({"result": url, "success": true})
                    }
                    .to_string()
                    .into_bytes(),
                };
                server.reset().await;
                let respond = move |request: &Request| answer(base, &answers, request);
                Mock::given(wiremock::matchers::any()).respond_with(respond).mount(&server).await;

                let page = gateway.list_logs(&list).await.unwrap();
                prop_assert_eq!(page.logs, items.iter().map(decoded_log).collect::<Vec<_>>());
                prop_assert_eq!(page.info, info);
                gateway.delete_logs(&delete).await.unwrap();
                let got_log = gateway.get_log(&id).await;
                let stored = gateway.log_request(&id).await;
                let got_url = gateway.get_url(Some(&slug)).await;

                let requests = server.received_requests().await.unwrap();
                let mut requests = requests.iter();
                let listed = requests.next().unwrap();
                prop_assert_eq!(decode_list(listed.url.query().unwrap_or_default()), {
                    let mut expected = list.clone();
                    expected.filters = sent_filters(&list.filters);
                    expected
                });
                let deleted = requests.next().unwrap();
                prop_assert_eq!(decode_delete(deleted.url.query().unwrap_or_default()), {
                    let mut expected = delete.clone();
                    expected.filters = sent_filters(&delete.filters);
                    expected
                });
                if check_segment_call(&id, &got_log)? {
                    prop_assert_eq!(got_log.unwrap(), decoded_log(&log));
                    let request = requests.next().unwrap();
                    prop_assert!(request.url.path().starts_with(&format!("{base}/logs/")), "{}", request.url);
                    prop_assert_eq!(last_segment(request, ""), Some(id.clone()), "{}", request.url);
                }
                if check_segment_call(&id, &stored)? {
                    let stored = stored.unwrap();
                    prop_assert_eq!(&stored.body[..], &body[..]);
                    prop_assert_eq!(stored.content_type.as_deref(), Some(content_type));
                    if let Ok(value) = serde_json::from_slice::<Value>(&body) {
                        prop_assert_eq!(stored.json::<Value>().unwrap(), value);
                    }
                    let request = requests.next().unwrap();
                    prop_assert!(request.url.path().starts_with(&format!("{base}/logs/")), "{}", request.url);
                    prop_assert_eq!(last_segment(request, "/request"), Some(id.clone()), "{}", request.url);
                }
                if check_segment_call(slug.as_str(), &got_url)? {
                    prop_assert_eq!(got_url.unwrap(), url);
                    let request = requests.next().unwrap();
                    prop_assert!(request.url.path().starts_with(&format!("{base}/url/")), "{}", request.url);
                    prop_assert_eq!(last_segment(request, ""), Some(slug.as_str().to_owned()), "{}", request.url);
                }
                prop_assert!(requests.next().is_none(), "no other request is sent");
                Ok(())
            })
        },
    );
    if let Err(e) = result {
        panic!("{e}");
    }
}
