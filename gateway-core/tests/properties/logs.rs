//! Properties of logs, filters and their query strings, response metadata
//! and the built-in models' wire types.

use gateway_core::models::anthropic::{BlockDelta, ContentBlock, MessageEvent, MessageUsage};
use gateway_core::models::openai::{AssistantMessage, ChatCompletionChunk, Choice, ChunkChoice, Delta};
use gateway_core::models::workers_ai::{ChatMessage, LabelScore, ToolCall, Usage, Word};
use gateway_core::{AiGatewayLog, CacheStatus, FilterValue, GatewayMeta, LogMetadata};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Value, json};

use crate::scalar_strategies::{finite_f64, json_value, text};
use crate::type_strategies::{
    OPERATORS, canonical_key, decoded_log, delete_logs, delete_order, gateway_meta, list_logs, list_order, log,
    log_filter, metadata, result_info,
};
use crate::wire_codecs::{
    decode_delete, decode_list, is_escaped, query_text, read_back, response_headers, sent_filters,
};
use crate::{CASES, json_round_trip};

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
        (field, direction) in list_order(),
        (delete_field, _) in delete_order(),
    ) {
        prop_assert_eq!(serde_json::to_value(&operator).unwrap(), Value::String(operator.to_string()));
        prop_assert_eq!(json_round_trip(&operator), operator);
        prop_assert_eq!(serde_json::to_value(&field).unwrap(), Value::String(field.to_string()));
        prop_assert_eq!(json_round_trip(&field), field);
        prop_assert_eq!(serde_json::to_value(&delete_field).unwrap(), Value::String(delete_field.to_string()));
        prop_assert_eq!(json_round_trip(&delete_field), delete_field);
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
