//! Properties of options, metadata, retries, costs, patches, feedback,
//! provider slugs and API messages: JSON round trips and the header table.

use gateway_core::{ApiMessage, CustomCost, Feedback, Metadata, MetadataValue, Patch, PatchLog, ProviderSlug};
use http::HeaderValue;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Value, json};

use crate::scalar_strategies::{finite_f64, text};
use crate::type_strategies::{
    any_metadata_value, any_options, backoff, custom_cost, decoded_value, metadata, metadata_of, metadata_value_with,
    retries, valid_options,
};
use crate::{CASES, json_round_trip};

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
