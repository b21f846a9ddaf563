//! Tests of the Anthropic, Google AI Studio and Vertex AI doubles.

use super::*;

#[test]
fn anthropic_messages() {
    let input = json!({
        "model": "claude-sonnet-4-5", "max_tokens": 1024, "system": "Be brief.",
        "messages": [{"role": "user", "content": [{"type": "text", "text": "Say hi"}]}],
    });
    let body = answer_json("anthropic", "v1/messages", &input, 200);
    assert!(body["id"].as_str().unwrap().starts_with("msg_"));
    assert_eq!((body["type"].as_str(), body["role"].as_str()), (Some("message"), Some("assistant")));
    assert_eq!(body["model"], "claude-sonnet-4-5");
    assert_eq!(body["content"][0]["type"], "text");
    assert_eq!(body["stop_reason"], "end_turn");
    assert_eq!(body["usage"]["input_tokens"], 5); // 4 words
    assert_eq!(body["usage"]["output_tokens"], words(body["content"][0]["text"].as_str().unwrap()));

    let missing = json!({"model": "claude-sonnet-4-5", "messages": [{"role": "user", "content": "hi"}]});
    let response = answer("anthropic", "v1/messages", &missing);
    assert_eq!(response.status, 400);
    assert_eq!(
        response.body,
        r#"{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: Field required"}}"#
    );
    let body = answer_json("anthropic", "v1/complete", &input, 404);
    assert_eq!(body["error"]["type"], "not_found_error");
    let body = answer_json("anthropic", "v1/messages/count_tokens", &input, 200);
    assert_eq!(body["input_tokens"], 5);
}

#[test]
fn anthropic_streams_events() {
    let input = json!({"model": "claude-sonnet-4-5", "max_tokens": 1024, "stream": true, "messages": [{"role": "user", "content": "Say hi"}]});
    let events = sse(&answer("anthropic", "v1/messages", &input));
    let names: Vec<&str> = events.iter().map(|(name, _)| name.as_deref().unwrap()).collect();
    assert_eq!(names[..3], ["message_start", "content_block_start", "ping"]);
    assert_eq!(names[names.len() - 3..], ["content_block_stop", "message_delta", "message_stop"]);
    let text: String = events
        .iter()
        .filter(|(name, _)| name.as_deref() == Some("content_block_delta"))
        .map(|(_, data)| serde_json::from_str::<Value>(data).unwrap()["delta"]["text"].as_str().unwrap().to_owned())
        .collect();
    let mut plain = input.clone();
    plain["stream"] = json!(false);
    assert_eq!(text, answer_json("anthropic", "v1/messages", &plain, 200)["content"][0]["text"].as_str().unwrap());
}

#[test]
fn google_ai_studio_generate_content() {
    let input = json!({"contents": [{"role": "user", "parts": [{"text": "Say hi"}]}]});
    for version in ["v1", "v1beta"] {
        let body =
            answer_json("google-ai-studio", &format!("{version}/models/gemini-2.5-flash:generateContent"), &input, 200);
        let candidate = &body["candidates"][0];
        assert_eq!(candidate["content"]["role"], "model");
        assert_eq!(candidate["finishReason"], "STOP");
        let text = candidate["content"]["parts"][0]["text"].as_str().unwrap();
        let usage = &body["usageMetadata"];
        assert_eq!(usage["promptTokenCount"], 3);
        assert_eq!(usage["candidatesTokenCount"], words(text));
        assert_eq!(usage["totalTokenCount"], 3 + words(text));
        assert_eq!(body["modelVersion"], "gemini-2.5-flash");
    }
    let body = answer_json("google-ai-studio", "v1beta/models/gemini-2.5-flash:generateContent", &json!({}), 400);
    assert_eq!(
        (body["error"]["code"].as_u64(), body["error"]["status"].as_str()),
        (Some(400), Some("INVALID_ARGUMENT"))
    );
    let body = answer_json("google-ai-studio", "v1beta/files", &input, 404);
    assert_eq!(body["error"]["status"], "NOT_FOUND");

    let stream =
        sse(&answer("google-ai-studio", "v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", &input));
    let chunks: Vec<Value> = stream.iter().map(|(_, d)| serde_json::from_str(d).unwrap()).collect();
    let text: String =
        chunks.iter().map(|c| c["candidates"][0]["content"]["parts"][0]["text"].as_str().unwrap()).collect();
    let plain = answer_json("google-ai-studio", "v1beta/models/gemini-2.5-flash:generateContent", &input, 200);
    assert_eq!(text, plain["candidates"][0]["content"]["parts"][0]["text"].as_str().unwrap());
    assert_eq!(chunks.last().unwrap()["usageMetadata"], plain["usageMetadata"]);
    let array = answer_json("google-ai-studio", "v1beta/models/gemini-2.5-flash:streamGenerateContent", &input, 200);
    assert_eq!(array.as_array().unwrap().len(), chunks.len());

    let embed = json!({"content": {"parts": [{"text": "hello"}]}});
    let body = answer_json("google-ai-studio", "v1beta/models/text-embedding-004:embedContent", &embed, 200);
    assert_eq!(body["embedding"]["values"].as_array().unwrap().len(), 768);
}

#[test]
fn vertex_gemini_anthropic_and_embeddings() {
    let base = "v1/projects/p/locations/us-central1/publishers";
    let input = json!({"contents": [{"role": "user", "parts": [{"text": "Say hi"}]}]});
    let body =
        answer_json("google-vertex-ai", &format!("{base}/google/models/gemini-2.0-flash:generateContent"), &input, 200);
    assert_eq!(body["candidates"][0]["finishReason"], "STOP");
    let claude = json!({"anthropic_version": "vertex-2023-10-16", "max_tokens": 64, "messages": [{"role": "user", "content": "hi"}]});
    let body =
        answer_json("google-vertex-ai", &format!("{base}/anthropic/models/claude-sonnet-4-5:rawPredict"), &claude, 200);
    assert_eq!((body["type"].as_str(), body["model"].as_str()), (Some("message"), Some("claude-sonnet-4-5")));
    let embed = json!({"instances": [{"content": "a"}, {"content": "b"}]});
    let body =
        answer_json("google-vertex-ai", &format!("{base}/google/models/text-embedding-005:predict"), &embed, 200);
    assert_eq!(body["predictions"][1]["embeddings"]["values"].as_array().unwrap().len(), 768);
    let body = answer_json("google-vertex-ai", "v1/projects/p", &input, 404);
    assert_eq!(body["error"]["status"], "NOT_FOUND");
}
