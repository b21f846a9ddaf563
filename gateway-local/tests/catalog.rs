//! The offline Workers AI double against Cloudflare's catalog (`gateway-models`),
//! over loopback HTTP through an embedded gateway: every catalog model with a
//! schema answers its minimal valid input with an answer its output schema
//! accepts; unknown ids, schema-breaking inputs and tool calls answer as Workers AI does.

mod common;

use common::harness::{Answer, Harness};
use gateway_local::LocalConfig;
use gateway_models::{CatalogModel, Sampler, catalog};
use serde_json::{Value, json};

async fn run(harness: &Harness, model: &str, input: &Value) -> Answer {
    let url = harness.provider_url("catalog", "workers-ai", &format!("run/{model}"));
    harness.post(&url, input.to_string(), &[]).await
}

fn valid(schema: &Value, value: &Value) -> bool {
    jsonschema::validator_for(schema)
        .unwrap_or_else(|error| panic!("a schema that does not compile: {error}"))
        .is_valid(value)
}

/// The content types a binary answer may have under `schema` (itself or its branches).
fn binary_types(schema: &Value) -> Vec<String> {
    let nodes = std::iter::once(schema)
        .chain(["oneOf", "anyOf"].iter().filter_map(|key| schema.get(*key).and_then(Value::as_array)).flatten());
    nodes
        .filter(|node| node["format"] == "binary" && node["type"] == "string")
        .filter_map(|node| node["contentType"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn every_catalog_model_with_a_schema_answers_as_its_output_schema_says() {
    let harness = Harness::start(LocalConfig::default()).await;
    let entries: Vec<&CatalogModel> = catalog().entries().iter().filter(|entry| entry.schema().is_some()).collect();
    assert_eq!(entries.len(), 98);
    let (mut binary, mut strict) = (0, 0);
    for entry in entries {
        let schema = entry.schema().unwrap();
        let input = Sampler::minimal().checked_by(&valid).sample(schema.input());
        assert!(
            valid(schema.input(), &input),
            "{}: the minimal input {input} breaks its own schema",
            entry.file_name()
        );
        // A model whose input may be a file takes its bytes as the body.
        let answer = if input.is_string() && !binary_types(schema.input()).is_empty() {
            let url = harness.provider_url("catalog", "workers-ai", &format!("run/{}", entry.id()));
            let file = b"\x89PNG\r\n\x1a\n offline test bytes".to_vec();
            harness.send(harness.http.post(url).header("content-type", "application/octet-stream").body(file)).await
        } else {
            run(&harness, entry.id(), &input).await
        };
        assert_eq!(answer.status, 200, "{} ({input}): {}", entry.file_name(), answer.text());
        let content_type = answer.header("content-type").unwrap_or_default().to_owned();
        if content_type.starts_with("application/json") {
            let result = &answer.json()["result"];
            assert!(
                valid(&schema.output_as_any_of(), result),
                "{}: {result} breaks the output schema",
                entry.file_name()
            );
            strict += usize::from(valid(schema.output(), result));
        } else {
            binary += 1;
            assert!(binary_types(schema.output()).contains(&content_type), "{}: {content_type}", entry.file_name());
            let magic: &[u8] = match content_type.as_str() {
                "image/png" => b"\x89PNG",
                "image/jpeg" => b"\xff\xd8",
                _ => b"",
            };
            assert!(answer.body.starts_with(magic) && !answer.body.is_empty(), "{}", entry.file_name());
        }
    }
    assert!(binary >= 8, "images and audio come as bytes: {binary}");
    // Outputs whose `oneOf` branches overlap can match no answer exactly once: read as `anyOf`.
    println!("{strict} of {} JSON answers also match their output schema's `oneOf` as written", 98 - binary);
}

#[tokio::test]
async fn an_unknown_model_id_gets_no_such_model() {
    let harness = Harness::start(LocalConfig::default()).await;
    for model in ["@cf/meta/llama-3.1-8b-instruct-fp9", "@cf/acme/brand-new-model", "@hf/nobody/nothing"] {
        let answer = run(&harness, model, &json!({"prompt": "hi"})).await;
        assert_eq!(answer.status, 400, "{model}");
        assert_eq!(answer.json()["errors"], json!([{"code": 5007, "message": "No such model"}]), "{model}");
    }
    // Cloudflare's models whose entries the catalog copy lacks still answer.
    let answer = run(&harness, "@cf/zai-org/glm-5.2", &json!({"messages": [{"role": "user", "content": "hi"}]})).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
}

#[tokio::test]
async fn a_schema_breaking_input_names_the_field() {
    let harness = Harness::start(LocalConfig::default()).await;
    for (model, input, field) in [
        ("@cf/baai/bge-base-en-v1.5", json!({"text": 5}), "'/text"),
        ("@cf/meta/llama-3.1-8b-instruct-fp8", json!({"prompt": "hi", "temperature": 99}), "'/temperature'"),
        ("@cf/facebook/bart-large-cnn", json!({"max_length": 10}), "'input_text'"),
        ("@cf/meta/m2m100-1.2b", json!({"text": "hello"}), "'target_lang'"),
    ] {
        let answer = run(&harness, model, &input).await;
        assert_eq!(answer.status, 400, "{model}: {}", answer.text());
        let body = answer.json();
        assert_eq!(body["success"], false);
        assert_eq!(body["errors"][0]["code"], 5006, "{body}");
        let message = body["errors"][0]["message"].as_str().unwrap();
        assert!(message.contains(field), "{model}: {message:?} should name {field}");
    }
}

fn weather_tools() -> Value {
    json!([
        {"type": "function", "function": {"name": "get_time", "description": "The time", "parameters": {"type": "object", "properties": {}}}},
        {"type": "function", "function": {"name": "get_weather", "description": "The weather in a city",
            "parameters": {"type": "object", "properties": {"city": {"type": "string", "description": "City"}}, "required": ["city"]}}}
    ])
}

#[tokio::test]
async fn a_request_with_tools_gets_a_tool_call() {
    let harness = Harness::start(LocalConfig::default()).await;
    // A chat-completion model: the call goes in `choices[0].message.tool_calls`.
    let kimi = catalog().get("@cf/moonshotai/kimi-k2.6").unwrap();
    let input =
        json!({"messages": [{"role": "user", "content": "Use get_weather for Lisbon"}], "tools": weather_tools()});
    let answer = run(&harness, kimi.id(), &input).await;
    let result = &answer.json()["result"];
    assert!(valid(&kimi.schema().unwrap().output_as_any_of(), result), "{result}");
    let call = &result["choices"][0]["message"]["tool_calls"][0];
    assert_eq!(call["function"]["name"], "get_weather", "{result}");
    let arguments: Value = serde_json::from_str(call["function"]["arguments"].as_str().unwrap()).unwrap();
    assert!(arguments["city"].is_string(), "{arguments}");
    assert_eq!(result["choices"][0]["finish_reason"], "tool_calls");

    // A Workers AI-shaped model: `tool_calls: [{name, arguments}]`; `required` calls the first tool.
    let hermes = catalog().get("@hf/nousresearch/hermes-2-pro-mistral-7b").unwrap();
    let input =
        json!({"messages": [{"role": "user", "content": "hi"}], "tools": weather_tools(), "tool_choice": "required"});
    let answer = run(&harness, hermes.id(), &input).await;
    let result = &answer.json()["result"];
    assert!(valid(&hermes.schema().unwrap().output_as_any_of(), result), "{result}");
    assert_eq!(result["tool_calls"][0]["name"], "get_time", "{result}");

    // No tool named, none required: no call.
    let input = json!({"messages": [{"role": "user", "content": "hi"}], "tools": weather_tools()});
    let result = run(&harness, kimi.id(), &input).await.json()["result"].clone();
    assert_eq!(result["object"], "chat.completion", "{result}");
    assert!(result["choices"][0]["message"]["content"].as_str().unwrap().starts_with("Offline answer"), "{result}");
    assert!(
        result["choices"][0]["message"]
            .get("tool_calls")
            .is_none_or(|calls| calls.as_array().is_some_and(Vec::is_empty)),
        "{result}"
    );
}
