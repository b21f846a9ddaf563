//! Property tests: encode then decode gives the value back for the public
//! wire types, and the `cf-aig-*` header mapping follows the spec's rules for
//! any `GatewayOptions`.

use gateway_core::{
    AiGatewayLog, Backoff, CustomCost, Feedback, GatewayOptions, GatewayRetries, LogMetadata, Metadata, MetadataValue,
    PatchLog, UniversalRequest, UniversalStep,
};
use proptest::prelude::*;
use serde_json::json;

fn metadata_value() -> impl Strategy<Value = MetadataValue> {
    prop_oneof![
        "[a-zA-Z0-9 _-]{0,12}".prop_map(MetadataValue::String),
        (-1.0e15f64..1.0e15).prop_map(MetadataValue::Number),
        any::<bool>().prop_map(MetadataValue::Bool),
        Just(MetadataValue::Null),
    ]
}

fn metadata() -> impl Strategy<Value = Metadata> {
    proptest::collection::vec(("[a-z]{1,8}", metadata_value()), 0..=5).prop_map(|entries| entries.into_iter().collect())
}

fn backoff() -> impl Strategy<Value = Backoff> {
    prop_oneof![Just(Backoff::Constant), Just(Backoff::Linear), Just(Backoff::Exponential)]
}

prop_compose! {
    fn options()(
        cache_key in proptest::option::of("[a-z0-9]{0,8}"),
        cache_ttl in proptest::option::of(prop_oneof![Just(0u64), 60u64..=2_592_000]),
        skip_cache in proptest::option::of(any::<bool>()),
        metadata in proptest::option::of(metadata()),
        collect_log in proptest::option::of(any::<bool>()),
        event_id in proptest::option::of("[a-z0-9-]{0,8}"),
        request_timeout_ms in proptest::option::of(0u64..100_000),
        max_attempts in proptest::option::of(1u8..=5),
        retry_delay_ms in proptest::option::of(0u64..=5000),
        backoff in proptest::option::of(backoff()),
    ) -> GatewayOptions {
        let mut o = GatewayOptions::new("gw");
        if let Some(v) = cache_key { o = o.cache_key(v); }
        if let Some(v) = cache_ttl { o = o.cache_ttl(v); }
        if let Some(v) = skip_cache { o = o.skip_cache(v); }
        if let Some(v) = metadata { o = o.metadata(v); }
        if let Some(v) = collect_log { o = o.collect_log(v); }
        if let Some(v) = event_id { o = o.event_id(v); }
        if let Some(v) = request_timeout_ms { o = o.request_timeout_ms(v); }
        if max_attempts.is_some() || retry_delay_ms.is_some() || backoff.is_some() {
            let mut r = GatewayRetries::new();
            if let Some(v) = max_attempts { r = r.max_attempts(v); }
            if let Some(v) = retry_delay_ms { r = r.retry_delay_ms(v); }
            if let Some(v) = backoff { r = r.backoff(v); }
            o = o.retries(r);
        }
        o
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn gateway_options_round_trip(o in options()) {
        let json = serde_json::to_string(&o).unwrap();
        let back: GatewayOptions = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, o);
    }

    /// binding-api §8: which options become headers, and how.
    #[test]
    fn header_mapping_follows_the_table(o in options()) {
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
                prop_assert!(!sent.contains(' ') || m.iter().any(|(_, v)| matches!(v, MetadataValue::String(s) if s.contains(' '))));
            }
            None => prop_assert!(get("cf-aig-metadata").is_none()),
        }
        let retries = o.retries.clone().unwrap_or_default();
        prop_assert_eq!(get("cf-aig-max-attempts"), retries.max_attempts.map(|n| n.to_string()));
        prop_assert_eq!(get("cf-aig-retry-delay"), retries.retry_delay_ms.map(|n| n.to_string()));
        prop_assert_eq!(get("cf-aig-backoff"), retries.backoff.map(|b| b.as_str().to_owned()));
        // The id is never a header, and nothing else is sent.
        prop_assert!(headers.iter().all(|(k, _)| k.starts_with("cf-aig-")));
        prop_assert!(headers.len() <= 10);
    }

    #[test]
    fn metadata_round_trips_through_its_header_json(m in metadata()) {
        let back: Metadata = serde_json::from_str(&m.to_json()).unwrap();
        prop_assert_eq!(back, m);
    }

    #[test]
    fn patch_log_round_trips(
        feedback in proptest::option::of(proptest::option::of(prop_oneof![Just(Feedback::Positive), Just(Feedback::Negative)])),
        score in proptest::option::of(proptest::option::of(0.0f64..=100.0)),
        metadata in proptest::option::of(proptest::option::of(metadata())),
    ) {
        let mut patch = PatchLog::new();
        match feedback { Some(Some(f)) => patch = patch.feedback(f), Some(None) => patch = patch.clear_feedback(), None => {} }
        match score { Some(Some(s)) => patch = patch.score(s), Some(None) => patch = patch.clear_score(), None => {} }
        match metadata { Some(Some(m)) => patch = patch.metadata(m), Some(None) => patch = patch.clear_metadata(), None => {} }
        let body = patch.to_body().unwrap();
        let back: PatchLog = serde_json::from_slice(&body).unwrap();
        prop_assert_eq!(back, patch);
    }

    #[test]
    fn logs_round_trip_in_the_rest_shape(
        id in "[0-9A-Z]{26}",
        model in "[a-z0-9@/.-]{1,30}",
        duration in 0u64..1_000_000,
        tokens in proptest::option::of((0u64..100_000, 0u64..100_000)),
        metadata in proptest::option::of(metadata()),
        millis in 0i64..4_000_000_000_000,
        success in any::<bool>(),
    ) {
        let created = jiff::Timestamp::from_millisecond(millis).unwrap();
        let mut log = AiGatewayLog::new(id, "workers-ai", model, created);
        log.duration = duration;
        log.success = success;
        log.tokens_in = tokens.map(|t| t.0);
        log.tokens_out = tokens.map(|t| t.1);
        log.metadata = metadata.map(LogMetadata::Entries);
        log.request_head = Some("{}".to_owned());
        let json = serde_json::to_string(&log).unwrap();
        let back: AiGatewayLog = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, log);
    }

    /// A universal body decodes and re-encodes to the same bytes.
    #[test]
    fn universal_bodies_are_stable(
        steps in proptest::collection::vec(("[a-z-]{1,12}", "[a-z/@.-]{1,20}", "[a-zA-Z0-9 ]{0,20}", 0.0f64..10.0), 1..4),
        cost in 0.0f64..5.0,
    ) {
        let steps: Vec<UniversalStep> = steps
            .into_iter()
            .map(|(provider, endpoint, prompt, ttl)| {
                UniversalStep::new(provider.as_str(), endpoint, json!({"prompt": prompt}))
                    .header("cf-aig-cache-ttl", ttl)
                    .header("cf-aig-custom-cost", CustomCost::Total { total_cost: cost })
            })
            .collect();
        let body = UniversalRequest::new(steps).to_body().unwrap();
        let back: UniversalRequest = serde_json::from_slice(&body).unwrap();
        prop_assert_eq!(back.to_body().unwrap(), body);
    }
}
