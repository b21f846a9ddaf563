//! Strategies for gateway-core's public types: options, metadata, steps,
//! filters and log queries, logs, result info and response metadata.

use gateway_core::secrecy::SecretString;
use gateway_core::{
    AiGatewayLog, Backoff, CacheStatus, CustomCost, DeleteLogs, DeleteOrderBy, Direction, FilterKey, FilterOperator,
    FilterValue, GatewayMeta, GatewayOptions, GatewayRetries, ListLogs, ListOrderBy, LogFilter, LogMetadata, Metadata,
    MetadataValue, ProviderSlug, ResultInfo, StepConfig, StepHeaderValue, UniversalStep,
};
use http::HeaderMap;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::MAX_SAFE_INTEGER;
use crate::common::aggregates_mut;
use crate::scalar_strategies::{cost, finite_f64, header_json, header_text, json_value, text, timestamp};

/// A published slug, or any other string (as decoding builds it).
pub(crate) fn provider_slug() -> impl Strategy<Value = ProviderSlug> {
    prop_oneof![select(ProviderSlug::ALL.to_vec()), text().prop_map(ProviderSlug::from)]
}

pub(crate) fn backoff() -> impl Strategy<Value = Backoff> {
    prop_oneof![Just(Backoff::Constant), Just(Backoff::Linear), Just(Backoff::Exponential)]
}

/// A metadata value in the form decoding gives back (no `BigInt`).
pub(crate) fn metadata_value_with(strings: BoxedStrategy<String>) -> impl Strategy<Value = MetadataValue> {
    prop_oneof![
        strings.prop_map(MetadataValue::String),
        finite_f64().prop_map(MetadataValue::Number),
        any::<bool>().prop_map(MetadataValue::Bool),
    ]
}

/// A value as a server may send it: an explicit null too (the client
/// refuses to send one, but reads it back from logs).
fn received_metadata_value(strings: BoxedStrategy<String>) -> impl Strategy<Value = MetadataValue> {
    prop_oneof![4 => metadata_value_with(strings), 1 => Just(MetadataValue::Null)]
}

/// Any metadata value a caller can build, `BigInt` included.
pub(crate) fn any_metadata_value() -> impl Strategy<Value = MetadataValue> {
    prop_oneof![
        3 => received_metadata_value(text().boxed()),
        1 => any::<i128>().prop_map(MetadataValue::from),
        1 => any::<u64>().prop_map(MetadataValue::from),
        1 => any::<i64>().prop_map(MetadataValue::from),
    ]
}

/// What decoding gives back for `value`: a `BigInt` is sent as its decimal
/// string (JavaScript's `JSON.stringify` cannot write it as a number), so it
/// comes back as a string.
pub(crate) fn decoded_value(value: &MetadataValue) -> MetadataValue {
    match value {
        MetadataValue::BigInt(i) => MetadataValue::String(i.to_string()),
        other => other.clone(),
    }
}

pub(crate) fn metadata_of(
    keys: impl Strategy<Value = String>,
    values: impl Strategy<Value = MetadataValue>,
    max: usize,
) -> impl Strategy<Value = Metadata> {
    vec((keys, values), 0..=max).prop_map(|entries| entries.into_iter().collect())
}

/// Metadata as a server may send it: any keys, any number of entries.
pub(crate) fn metadata() -> impl Strategy<Value = Metadata> {
    metadata_of(text(), received_metadata_value(text().boxed()), 7)
}

/// Metadata `validate` accepts, whose JSON is a valid header value.
pub(crate) fn header_metadata() -> impl Strategy<Value = Metadata> {
    metadata_of("[^\\p{Cc}]{1,8}", metadata_value_with(header_text().boxed()), 5)
}

prop_compose! {
    pub(crate) fn retries()(
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

pub(crate) fn custom_cost() -> impl Strategy<Value = CustomCost> {
    prop_oneof![
        cost().prop_map(|total_cost| CustomCost::Total { total_cost }),
        (option::of(cost()), option::of(cost()), option::of(cost()), option::of(cost())).prop_map(
            |(per_token_in, per_token_out, per_cache_read_token, per_cache_write_token)| CustomCost::PerToken {
                per_token_in,
                per_token_out,
                per_cache_read_token,
                per_cache_write_token
            }
        ),
    ]
}

pub(crate) fn gateway_id() -> impl Strategy<Value = String> {
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
pub(crate) fn valid_options() -> impl Strategy<Value = GatewayOptions> {
    options_from(gateway_id().boxed(), header_text().boxed(), header_metadata().boxed())
}

/// Any options serde can carry (limits are `validate`'s business, not serde's).
pub(crate) fn any_options() -> impl Strategy<Value = GatewayOptions> {
    options_from(text().boxed(), text().boxed(), metadata().boxed())
}

prop_compose! {
    pub(crate) fn step_config()(
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

pub(crate) fn step_header_value() -> impl Strategy<Value = StepHeaderValue> {
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

pub(crate) fn header_name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9!#$%&'*+.^_`|~-]{1,12}",
        select(vec!["cf-aig-cache-ttl", "cf-aig-metadata", "Authorization", "x-api-key", "Content-Type"])
            .prop_map(str::to_owned),
    ]
}

prop_compose! {
    pub(crate) fn universal_step()(
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
pub(crate) const FILTER_KEYS: [FilterKey; 26] = [
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

pub(crate) const OPERATORS: [FilterOperator; 5] =
    [FilterOperator::Eq, FilterOperator::Neq, FilterOperator::Contains, FilterOperator::Lt, FilterOperator::Gt];

pub(crate) const LIST_ORDER_BY: [ListOrderBy; 6] = [
    ListOrderBy::CreatedAt,
    ListOrderBy::Provider,
    ListOrderBy::Model,
    ListOrderBy::ModelType,
    ListOrderBy::Success,
    ListOrderBy::Cached,
];

pub(crate) const DELETE_ORDER_BY: [DeleteOrderBy; 11] = [
    DeleteOrderBy::CreatedAt,
    DeleteOrderBy::Provider,
    DeleteOrderBy::Model,
    DeleteOrderBy::ModelType,
    DeleteOrderBy::Success,
    DeleteOrderBy::Cached,
    DeleteOrderBy::Cost,
    DeleteOrderBy::TokensIn,
    DeleteOrderBy::TokensOut,
    DeleteOrderBy::Duration,
    DeleteOrderBy::Feedback,
];

pub(crate) const DIRECTIONS: [Direction; 2] = [Direction::Asc, Direction::Desc];

/// A published key, any other key, or `Other` holding a published spelling.
pub(crate) fn filter_key() -> impl Strategy<Value = FilterKey> {
    prop_oneof![
        3 => select(FILTER_KEYS.to_vec()),
        1 => text().prop_map(FilterKey::Other),
        1 => select(FILTER_KEYS.to_vec()).prop_map(|k| FilterKey::Other(k.as_str().to_owned())),
    ]
}

/// The key decoding gives back: the wire has one spelling per key, so
/// `Other("id")` is read as `Id`.
pub(crate) fn canonical_key(key: &FilterKey) -> FilterKey {
    FILTER_KEYS
        .iter()
        .find(|k| k.as_str() == key.as_str())
        .cloned()
        .unwrap_or_else(|| FilterKey::Other(key.as_str().to_owned()))
}

pub(crate) fn filter_value() -> impl Strategy<Value = FilterValue> {
    prop_oneof![
        text().prop_map(FilterValue::String),
        finite_f64().prop_map(FilterValue::Number),
        any::<bool>().prop_map(FilterValue::Bool),
        Just(FilterValue::Null),
    ]
}

prop_compose! {
    pub(crate) fn log_filter()(
        key in filter_key(),
        operator in select(OPERATORS.to_vec()),
        values in vec(filter_value(), 1..4),
    ) -> LogFilter {
        LogFilter::new(key, operator, values)
    }
}

pub(crate) fn list_order() -> impl Strategy<Value = (ListOrderBy, Direction)> {
    (select(LIST_ORDER_BY.to_vec()), select(DIRECTIONS.to_vec()))
}

pub(crate) fn delete_order() -> impl Strategy<Value = (DeleteOrderBy, Direction)> {
    (select(DELETE_ORDER_BY.to_vec()), select(DIRECTIONS.to_vec()))
}

prop_compose! {
    pub(crate) fn list_logs()(
        filters in vec(log_filter(), 0..4),
        page in option::of(prop_oneof![Just(1u32), Just(u32::MAX), 1..=u32::MAX]),
        per_page in option::of(prop_oneof![Just(1u32), Just(50), 1u32..=50]),
        search in option::of(text()),
        order in option::of(list_order()),
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
    pub(crate) fn delete_logs()(
        filters in vec(log_filter(), 0..4),
        limit in option::of(prop_oneof![Just(1u32), Just(10_000), 1u32..=10_000]),
        order in option::of(delete_order()),
    ) -> DeleteLogs {
        let mut q = DeleteLogs::new();
        q.filters = filters;
        q.limit = limit;
        q.order = order;
        q
    }
}

pub(crate) fn log_metadata() -> impl Strategy<Value = LogMetadata> {
    prop_oneof![
        metadata().prop_map(LogMetadata::Entries),
        text().prop_map(LogMetadata::Text),
        select(vec!["{}", " {\"a\":1}", "{\"a\":{\"b\":1}}", "[1]", "null", "\"x\"", "", "{"])
            .prop_map(|s| LogMetadata::Text(s.to_owned())),
    ]
}

/// Durations the wire's JavaScript number holds exactly.
pub(crate) fn duration() -> impl Strategy<Value = u64> {
    prop_oneof![Just(0u64), Just(MAX_SAFE_INTEGER + 1), 0u64..1_000_000, 0..=MAX_SAFE_INTEGER + 1]
}

/// A log with every one of its 25 fields drawn (set or not). Boxed to keep
/// the value trees of the strategies built on it off the stack.
pub(crate) fn log() -> BoxedStrategy<AiGatewayLog> {
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
pub(crate) fn list_item() -> impl Strategy<Value = AiGatewayLog> {
    log().prop_map(|mut log| {
        (log.request_head, log.request_head_complete, log.request_size) = (None, None, None);
        (log.response_head, log.response_head_complete, log.response_size) = (None, None, None);
        log
    })
}

/// The log decoding gives back: a `Text` metadata string that is a JSON
/// object of scalars is read as entries (the REST API sends metadata as a
/// string, and whether it holds JSON is undocumented; see `LogMetadata`).
pub(crate) fn decoded_log(log: &AiGatewayLog) -> AiGatewayLog {
    let mut log = log.clone();
    if let Some(LogMetadata::Text(text)) = &log.metadata {
        if let Ok(entries) = serde_json::from_str::<Metadata>(text) {
            log.metadata = Some(LogMetadata::Entries(entries));
        }
    }
    log
}

pub(crate) fn result_info() -> impl Strategy<Value = ResultInfo> {
    (proptest::array::uniform4(option::of(any::<u64>())), proptest::array::uniform10(option::of(finite_f64())))
        .prop_map(|(counts, aggregates)| {
            let mut info = ResultInfo::default();
            [info.count, info.page, info.per_page, info.total_count] = counts;
            for (field, value) in aggregates_mut(&mut info).into_iter().zip(aggregates) {
                *field = value;
            }
            info
        })
}

pub(crate) fn cache_status() -> impl Strategy<Value = CacheStatus> {
    prop_oneof![
        Just(CacheStatus::Hit),
        Just(CacheStatus::Miss),
        header_text().prop_map(CacheStatus::Other),
        select(vec!["hit", "Miss", "HIT ", "EXPIRED", "BYPASS", ""]).prop_map(|s| CacheStatus::Other(s.to_owned())),
    ]
}

prop_compose! {
    pub(crate) fn gateway_meta()(
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
