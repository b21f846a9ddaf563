//! Tests of the Cohere, Bedrock, Hugging Face, Replicate and media doubles, and error shapes.

use super::*;

#[test]
fn cohere_chat_and_embed() {
    let input = json!({"model": "command-r-plus", "messages": [{"role": "user", "content": "Say hi"}]});
    let body = answer_json("cohere", "v2/chat", &input, 200);
    assert_eq!(body["message"]["role"], "assistant");
    assert_eq!(body["message"]["content"][0]["type"], "text");
    assert_eq!(body["finish_reason"], "COMPLETE");
    assert_eq!(body["usage"]["tokens"]["input_tokens"], 3);
    let body = answer_json("cohere", "v1/chat", &json!({"message": "Say hi"}), 200);
    assert!(body["text"].is_string());
    assert_eq!(body["meta"]["billed_units"]["input_tokens"], 3);
    let input = json!({"model": "embed-english-v3.0", "texts": ["a"], "input_type": "search_document"});
    let body = answer_json("cohere", "v2/embed", &input, 200);
    assert_eq!(body["embeddings"]["float"][0].as_array().unwrap().len(), 1024);
    let body = answer_json("cohere", "v2/chat", &json!({"messages": []}), 400);
    assert!(body["message"].as_str().unwrap().starts_with("invalid request"));
    answer_json("cohere", "v3/chat", &input, 404);
}

#[test]
fn bedrock_converse_invoke_and_streams() {
    let path = "bedrock-runtime/us-east-1/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0";
    let input =
        json!({"messages": [{"role": "user", "content": [{"text": "Say hi"}]}], "inferenceConfig": {"maxTokens": 100}});
    let body = answer_json("aws-bedrock", &format!("{path}/converse"), &input, 200);
    let text = body["output"]["message"]["content"][0]["text"].as_str().unwrap().to_owned();
    assert_eq!(body["stopReason"], "end_turn");
    assert_eq!(body["usage"]["inputTokens"], 3);
    assert_eq!(body["usage"]["outputTokens"], words(&text));

    let stream = answer("aws-bedrock", &format!("{path}/converse-stream"), &input);
    assert_eq!(content_type(&stream), "application/vnd.amazon.eventstream");
    let events = eventstream(&stream.body);
    assert_eq!(events[0].0, "messageStart");
    assert_eq!(events.last().unwrap().0, "metadata");
    let streamed: String = events.iter().filter_map(|(_, p)| p["delta"]["text"].as_str()).collect();
    assert_eq!(streamed, text);

    let claude = json!({"max_tokens": 64, "messages": [{"role": "user", "content": "hi"}]});
    let body = answer_json("aws-bedrock", &format!("{path}/invoke"), &claude, 400);
    assert!(body["message"].as_str().unwrap().contains("anthropic_version"));
    let mut claude = claude;
    claude["anthropic_version"] = json!("bedrock-2023-05-31");
    let body = answer_json("aws-bedrock", &format!("{path}/invoke"), &claude, 200);
    assert_eq!(body["type"], "message");
    let stream = answer("aws-bedrock", &format!("{path}/invoke-with-response-stream"), &claude);
    let chunks = eventstream(&stream.body);
    let first: Value = serde_json::from_slice(&unbase64(chunks[0].1["bytes"].as_str().unwrap())).unwrap();
    assert_eq!(first["type"], "message_start");

    let titan = answer_json(
        "aws-bedrock",
        "bedrock-runtime/us-east-1/model/amazon.titan-embed-text-v2:0/invoke",
        &json!({"inputText": "hi"}),
        200,
    );
    assert_eq!(titan["embedding"].as_array().unwrap().len(), 1024);
    let response = answer("aws-bedrock", "bedrock-runtime/us-east-1/foundation-models", &input);
    assert_eq!(response.status, 404);
    assert!(response.headers["x-amzn-errortype"].to_str().unwrap().starts_with("UnknownOperationException"));
}

#[test]
fn huggingface_tasks() {
    let body = answer_json("huggingface", "gpt2", &json!({"inputs": "Once upon a time"}), 200);
    assert!(body[0]["generated_text"].as_str().unwrap().starts_with("Once upon a time Offline answer"));
    let body = answer_json("huggingface", "sentence-transformers/all-MiniLM-L6-v2", &json!({"inputs": "hi"}), 200);
    assert_eq!(body.as_array().unwrap().len(), 384);
    let body =
        answer_json("huggingface", "sentence-transformers/all-MiniLM-L6-v2", &json!({"inputs": ["a", "b"]}), 200);
    assert_eq!(body[1].as_array().unwrap().len(), 384);
    let body = answer_json(
        "huggingface",
        "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
        &json!({"inputs": "great"}),
        200,
    );
    assert!(body[0][0]["score"].as_f64() >= body[0][1]["score"].as_f64());
    let body = answer_json("huggingface", "facebook/bart-large-cnn", &json!({"inputs": "long text"}), 200);
    assert!(body[0]["summary_text"].is_string());
    let image = answer("huggingface", "stabilityai/stable-diffusion-xl-base-1.0", &json!({"inputs": "a cat"}));
    check_png(&image.body);
    let body = answer_json("huggingface", "gpt2", &json!({"parameters": {}}), 400);
    assert!(body["error"].is_string());
    let body = answer_json(
        "huggingface",
        "meta-llama/Llama-3.1-8B-Instruct/v1/chat/completions",
        &json!({"messages": [{"role": "user", "content": "hi"}]}),
        200,
    );
    assert_eq!(body["model"], "meta-llama/Llama-3.1-8B-Instruct");
}

#[test]
fn replicate_predictions() {
    let input = json!({"input": {"prompt": "Say hi", "max_tokens": 100}});
    let response = answer("replicate", "v1/models/meta/meta-llama-3-8b-instruct/predictions", &input);
    assert_eq!(response.status, 201);
    let body = decode(&response);
    assert_eq!(body["status"], "succeeded");
    assert_eq!(body["model"], "meta/meta-llama-3-8b-instruct");
    assert_eq!(body["id"].as_str().unwrap().len(), 26);
    let text: String = body["output"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    assert!(text.starts_with("Offline answer"));
    assert!(body["created_at"].as_str().unwrap().ends_with('Z'));
    let body = answer_json("replicate", "v1/models/black-forest-labs/flux-schnell/predictions", &input, 201);
    let url = body["output"][0].as_str().unwrap();
    check_png(&unbase64(url.strip_prefix("data:image/png;base64,").unwrap()));
    let body = answer_json(
        "replicate",
        "v1/predictions",
        &json!({"version": "owner/model:abc123", "input": {"prompt": "x"}}),
        201,
    );
    assert_eq!((body["model"].as_str(), body["version"].as_str()), (Some("owner/model"), Some("abc123")));
    let response = answer("replicate", "v1/predictions", &json!({"version": "abc"}));
    assert_eq!((response.status, content_type(&response)), (422, "application/problem+json"));
    assert_eq!(decode(&response)["invalid_fields"][0]["field"], "input");
    answer_json("replicate", "v1/collections", &input, 404);
}

#[test]
fn speech_and_image_providers() {
    let input = json!({
        "model_id": "sonic-english", "transcript": "Welcome to Cloudflare",
        "voice": {"mode": "id", "id": "694f9389"}, "output_format": {"container": "wav", "encoding": "pcm_f32le", "sample_rate": 44100},
    });
    let response = answer("cartesia", "tts/bytes", &input);
    assert_eq!((response.status, content_type(&response)), (200, "audio/wav"));
    assert_eq!(&response.body[..4], b"RIFF");
    assert_eq!(u32::from_le_bytes(response.body[24..28].try_into().unwrap()), 44_100);
    let body = answer_json("cartesia", "tts/bytes", &json!({"model_id": "sonic"}), 400);
    assert_eq!(
        (body["title"].as_str(), body["message"].as_str()),
        (Some("Bad Request"), Some("transcript is required"))
    );

    let speech = answer(
        "elevenlabs",
        "v1/text-to-speech/21m00Tcm4TlvDq8ikWAM",
        &json!({"text": "Hello there", "model_id": "eleven_turbo_v2"}),
    );
    assert_eq!((speech.status, content_type(&speech)), (200, "audio/mpeg"));
    assert_eq!(&speech.body[..2], [0xff, 0xfb]);
    let body = answer_json("elevenlabs", "v1/text-to-speech/21m00Tcm4TlvDq8ikWAM", &json!({}), 422);
    assert_eq!(body["detail"][0]["loc"], json!(["body", "text"]));
    let body = answer_json("elevenlabs", "v1/text-to-speech/v/with-timestamps", &json!({"text": "Hi"}), 200);
    assert_eq!(body["alignment"]["characters"], json!(["H", "i"]));
    answer_json("elevenlabs", "v1/voices", &json!({}), 404);

    let body = answer_json("adobe-firefly", "v3/images/generate", &json!({"prompt": "a cat", "numVariations": 2}), 200);
    let outputs = body["outputs"].as_array().unwrap();
    assert_eq!(outputs.len(), 2);
    assert!(outputs[0]["image"]["url"].as_str().unwrap().starts_with("data:image/png;base64,"));
    let body = answer_json("adobe-firefly", "v3/images/generate-async", &json!({"prompt": "a cat"}), 202);
    assert!(body["statusUrl"].as_str().unwrap().ends_with(body["jobId"].as_str().unwrap()));
    let body = answer_json("adobe-firefly", "v3/images/generate", &json!({}), 400);
    assert_eq!(body["error_code"], "validation_error");
}

#[test]
fn malformed_json_gets_each_providers_error_shape() {
    let cases = [
        ("openai", "chat/completions", "/error/message"),
        ("anthropic", "v1/messages", "/error/message"),
        ("google-ai-studio", "v1/models/gemini-2.5-flash:generateContent", "/error/message"),
        ("cohere", "v2/chat", "/message"),
        ("aws-bedrock", "bedrock-runtime/us-east-1/model/amazon.nova-pro-v1:0/converse", "/message"),
        ("huggingface", "gpt2", "/error"),
        ("replicate", "v1/predictions", "/detail"),
        ("cartesia", "tts/bytes", "/message"),
        ("elevenlabs", "v1/text-to-speech/v", "/detail/message"),
        ("adobe-firefly", "v3/images/generate", "/message"),
    ];
    for (provider, endpoint, pointer) in cases {
        let response = OfflineUpstream::reply(&raw_request(provider, endpoint, b"{\"a\": ")).unwrap();
        assert_eq!(response.status, 400, "{provider}");
        let body = decode(&response);
        let message = body.pointer(pointer).and_then(Value::as_str).unwrap_or_else(|| panic!("{provider}: {body}"));
        assert!(message.contains("EOF while parsing"), "{provider}: {message}");
    }
}

#[test]
fn unknown_provider_is_an_error() {
    let request = request("fireworks", "chat/completions", &chat("m", "hi"));
    assert_eq!(OfflineUpstream::answer(&request).unwrap_err(), UpstreamError::UnknownProvider("fireworks".to_owned()));
}
