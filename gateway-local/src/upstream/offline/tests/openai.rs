//! Tests of the OpenAI and OpenAI-compatible doubles.

use super::*;

#[test]
fn openai_chat_completion_object() {
    let body = answer_json("openai", "chat/completions", &chat("gpt-4o-mini", "Say hi"), 200);
    assert!(body["id"].as_str().unwrap().starts_with("chatcmpl-"));
    assert_eq!(body["object"], "chat.completion");
    let created = body["created"].as_u64().unwrap();
    assert!((1_700_000_000..1_800_000_000).contains(&created));
    assert_eq!(body["model"], "gpt-4o-mini");
    let choice = &body["choices"][0];
    assert_eq!(choice["message"]["role"], "assistant");
    assert_eq!(choice["message"]["refusal"], Value::Null);
    assert_eq!(choice["finish_reason"], "stop");
    let content = choice["message"]["content"].as_str().unwrap();
    let usage = &body["usage"];
    assert_eq!(usage["completion_tokens"], words(content));
    assert_eq!(
        usage["total_tokens"].as_u64(),
        Some(usage["prompt_tokens"].as_u64().unwrap() + usage["completion_tokens"].as_u64().unwrap())
    );
    let mut limited = chat("gpt-4o-mini", "Say hi");
    limited["max_tokens"] = json!(3);
    let body = answer_json("openai", "chat/completions", &limited, 200);
    assert_eq!(body["choices"][0]["finish_reason"], "length");
    assert_eq!(body["usage"]["completion_tokens"], 3);
}

#[test]
fn openai_compatible_providers_and_paths() {
    for (provider, endpoint) in [
        ("openai", "v1/chat/completions"),
        ("groq", "chat/completions"),
        ("mistral", "v1/chat/completions"),
        ("deepseek", "chat/completions"),
        ("grok", "v1/chat/completions"),
        ("perplexity-ai", "chat/completions"),
        ("cerebras", "v1/chat/completions"),
        ("openrouter", "v1/chat/completions"),
        ("compat", "chat/completions"),
    ] {
        let body = answer_json(provider, endpoint, &chat("vendor/some-model", "hi"), 200);
        assert_eq!(body["model"], "vendor/some-model", "{provider}");
        assert_eq!(body["object"], "chat.completion");
    }
    let azure = json!({"messages": [{"role": "user", "content": "hi"}]});
    let body =
        answer_json("azure-openai", "my-resource/my-deployment/chat/completions?api-version=2024-10-21", &azure, 200);
    assert_eq!(body["model"], "my-deployment");
    let body = answer_json("azure-openai", "my-resource", &azure, 404);
    assert_eq!(body["error"]["type"], "invalid_request_error");
}

#[test]
fn openai_errors() {
    let body = answer_json("openai", "chat/completions", &json!({"model": "gpt-4o"}), 400);
    assert_eq!(
        body,
        json!({"error": {"message": "Missing required parameter: 'messages'.", "type": "invalid_request_error", "param": "messages", "code": null}})
    );
    let body = answer_json("openai", "chat/completions", &json!({"messages": []}), 400);
    assert_eq!(body["error"]["message"], "you must provide a model parameter");
    let body = answer_json("groq", "chat/completions", &json!({"model": "m", "messages": []}), 400);
    assert_eq!(body["error"]["param"], "messages");
    let broken = OfflineUpstream::reply(&raw_request("openai", "chat/completions", b"{nope")).unwrap();
    assert_eq!(broken.status, 400);
    assert!(decode(&broken)["error"]["message"].as_str().unwrap().contains("could not parse the JSON body"));
    let body = answer_json("openai", "v1/files", &json!({}), 404);
    assert_eq!(body["error"]["message"], "Invalid URL (POST /v1/files)");
}

#[test]
fn openai_streams_chunks() {
    let mut body = chat("gpt-4o-mini", "Say hi");
    body["stream"] = json!(true);
    body["stream_options"] = json!({"include_usage": true});
    let events = sse(&answer("openai", "chat/completions", &body));
    let plain = answer_json("openai", "chat/completions", &chat("gpt-4o-mini", "Say hi"), 200);
    assert_eq!(events.last().unwrap().1, "[DONE]");
    let chunks: Vec<Value> = events[..events.len() - 1].iter().map(|(_, d)| serde_json::from_str(d).unwrap()).collect();
    assert!(chunks.iter().all(|c| c["object"] == "chat.completion.chunk" && c["id"] == plain["id"]));
    assert_eq!(chunks[0]["choices"][0]["delta"]["role"], "assistant");
    let text: String = chunks.iter().filter_map(|c| c["choices"][0]["delta"]["content"].as_str()).collect();
    assert_eq!(text, plain["choices"][0]["message"]["content"].as_str().unwrap());
    assert_eq!(chunks[chunks.len() - 2]["choices"][0]["finish_reason"], "stop");
    assert_eq!(chunks.last().unwrap()["usage"], plain["usage"]);
}

#[test]
fn openai_embeddings_and_responses() {
    let body =
        answer_json("openai", "embeddings", &json!({"model": "text-embedding-3-small", "input": ["a", "b"]}), 200);
    assert_eq!(body["object"], "list");
    assert_eq!(body["data"][1]["index"], 1);
    assert_eq!(body["data"][0]["object"], "embedding");
    assert_eq!(body["data"][0]["embedding"].as_array().unwrap().len(), 1536);
    let input =
        json!({"model": "text-embedding-3-large", "input": "a", "dimensions": 256, "encoding_format": "base64"});
    let body = answer_json("openai", "embeddings", &input, 200);
    assert_eq!(unbase64(body["data"][0]["embedding"].as_str().unwrap()).len(), 256 * 4);
    let body = answer_json("openai", "embeddings", &json!({"model": "text-embedding-3-small"}), 400);
    assert_eq!(body["error"]["param"], "input");

    let input = json!({"model": "gpt-4.1", "instructions": "Be brief.", "input": "Say hi"});
    let body = answer_json("openai", "responses", &input, 200);
    assert_eq!(body["object"], "response");
    assert_eq!(body["status"], "completed");
    assert!(body["id"].as_str().unwrap().starts_with("resp_"));
    assert_eq!(body["output_text"], body["output"][0]["content"][0]["text"]);
    assert_eq!(body["usage"]["input_tokens"], 5); // "Be brief. Say hi": 4 words × 4/3
    let body = answer_json("openai", "responses", &json!({"input": "hi"}), 400);
    assert_eq!(body["error"]["param"], "model");
    let body = answer_json("workers-ai", "@cf/openai/gpt-oss-20b", &json!({"input": "hi"}), 200);
    assert!(body["result"]["output_text"].is_string());
}
