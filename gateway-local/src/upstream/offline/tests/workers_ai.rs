//! Tests of the Workers AI double.

use super::*;

#[test]
fn workers_ai_text_generation_accepts_every_path_form() {
    let body = text_gen("Where is New York?");
    let expected = answer("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &body);
    for endpoint in [
        "run/@cf/meta/llama-3.1-8b-instruct",
        "run/@cf%2Fmeta%2Fllama-3.1-8b-instruct",
        "/@cf/meta/llama-3.1-8b-instruct",
    ] {
        assert_eq!(answer("workers-ai", endpoint, &body).body, expected.body, "{endpoint}");
    }
    let envelope = decode(&expected);
    assert_eq!(envelope["success"], true);
    assert_eq!(envelope["errors"], json!([]));
    assert_eq!(envelope["messages"], json!([]));
    assert_eq!(envelope["result"]["tool_calls"], json!([]));
    let messages = json!({"messages": [{"role": "user", "content": "Where is New York?"}]});
    let from_messages = answer_json("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &messages, 200);
    assert_eq!(from_messages["result"]["response"], envelope["result"]["response"]);
}

#[test]
fn workers_ai_prompt_and_messages_are_mutually_exclusive() {
    let both = json!({"prompt": "hi", "messages": [{"role": "user", "content": "hi"}]});
    let response = answer("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &both);
    assert_eq!(response.status, 400);
    assert_eq!(
        response.body,
        r#"{"result":null,"success":false,"errors":[{"code":5006,"message":"prompt and messages are mutually exclusive"}],"messages":[]}"#
    );
    let neither = answer_json("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &json!({"max_tokens": 10}), 400);
    assert_eq!(neither["success"], false);
    assert_eq!(neither["result"], Value::Null);
    assert_eq!(neither["errors"][0]["code"], 5006);
    // `null` counts as absent.
    let null_prompt = json!({"prompt": null, "messages": [{"role": "user", "content": "hi"}]});
    answer_json("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &null_prompt, 200);
}

#[test]
fn workers_ai_unknown_models() {
    let response = answer("workers-ai", "@hf/nobody/nothing", &text_gen("hi"));
    assert_eq!(response.status, 400);
    assert_eq!(response.body, r#"{"result":null,"success":false,"errors":[{"code":5007,"message":"No such model"}]}"#);
    // An id outside the catalog is unknown, prompt or not...
    let body = answer_json("workers-ai", "@cf/acme/brand-new-model", &text_gen("hi"), 400);
    assert_eq!(body["errors"][0]["code"], 5007);
    let body = answer_json("workers-ai", "@cf/acme/brand-new-model", &json!({"text": "hi"}), 400);
    assert_eq!(body["errors"][0]["code"], 5007);
    // ...except Cloudflare's models the catalog copy lacks: a prompt is text generation.
    let body = answer_json("workers-ai", "@cf/cloudflare/clef-flash", &text_gen("hi"), 200);
    assert!(body["result"]["response"].is_string());
    // bge-m3's catalog schema takes `contexts` (and a `query`), not `text`.
    let body = answer_json("workers-ai", "@cf/baai/bge-m3", &json!({"text": "hi"}), 400);
    assert_eq!(body["errors"][0]["message"], "required properties at '/' are 'contexts'");
    let body = answer_json("workers-ai", "models/search", &json!({}), 404);
    assert_eq!(body["errors"][0]["code"], 7003);
}

#[test]
fn workers_ai_streams_sse_with_usage() {
    let body = json!({"prompt": "where is new york?", "stream": true});
    let events = sse(&answer("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &body));
    let plain = answer_json("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &text_gen("where is new york?"), 200);
    assert_eq!(events.last().unwrap().1, "[DONE]");
    let payloads: Vec<Value> =
        events[..events.len() - 1].iter().map(|(_, d)| serde_json::from_str(d).unwrap()).collect();
    let text: String = payloads.iter().map(|p| p["response"].as_str().unwrap()).collect();
    assert_eq!(text, plain["result"]["response"].as_str().unwrap());
    assert_eq!(payloads.last().unwrap()["usage"], plain["result"]["usage"]);
}

#[test]
fn workers_ai_embeddings() {
    for (model, dims) in [
        ("@cf/baai/bge-base-en-v1.5", 768),
        ("@cf/baai/bge-large-en-v1.5", 1024),
        ("@cf/baai/bge-small-en-v1.5", 384),
        ("@cf/google/embeddinggemma-300m", 768),
    ] {
        let body = answer_json("workers-ai", model, &json!({"text": ["What is Cloudflare?", "A CDN."]}), 200);
        let result = &body["result"];
        assert_eq!(result["shape"], json!([2, dims]), "{model}");
        assert_eq!(result["pooling"], "mean");
        let data = result["data"].as_array().unwrap();
        assert_eq!(data.len(), 2);
        assert_ne!(data[0], data[1]);
        for vector in data {
            let vector = vector.as_array().unwrap();
            assert_eq!(vector.len(), dims);
            assert!(vector.iter().all(|v| (-1.0..=1.0).contains(&v.as_f64().unwrap())));
        }
    }
    let single = answer_json("workers-ai", "@cf/baai/bge-base-en-v1.5", &json!({"text": "one"}), 200);
    assert_eq!(single["result"]["shape"], json!([1, 768]));
    let missing = answer_json("workers-ai", "@cf/baai/bge-base-en-v1.5", &json!({"prompt": "one"}), 400);
    assert_eq!(missing["errors"][0]["code"], 5006);
}

#[test]
fn workers_ai_classification_summary_translation() {
    let body = answer_json("workers-ai", "@cf/huggingface/distilbert-sst-2-int8", &json!({"text": "I love it"}), 200);
    let labels = body["result"].as_array().unwrap();
    assert_eq!((labels[0]["label"].as_str(), labels[1]["label"].as_str()), (Some("POSITIVE"), Some("NEGATIVE")));
    let sum = labels[0]["score"].as_f64().unwrap() + labels[1]["score"].as_f64().unwrap();
    assert!((sum - 1.0).abs() < 1e-5);
    let body = answer_json("workers-ai", "@cf/microsoft/resnet-50", &json!({"image": [1, 2, 3]}), 200);
    assert_eq!(body["result"].as_array().unwrap().len(), 5);
    let raw = OfflineUpstream::reply(&raw_request("workers-ai", "@cf/microsoft/resnet-50", b"\x89PNG...")).unwrap();
    assert_eq!(raw.status, 200);
    let body = answer_json("workers-ai", "@cf/facebook/bart-large-cnn", &json!({"input_text": "long text here"}), 200);
    assert!(body["result"]["summary"].as_str().unwrap().starts_with("Offline summary"));
    let input = json!({"text": "hello world", "source_lang": "en", "target_lang": "fr"});
    let body = answer_json("workers-ai", "@cf/meta/m2m100-1.2b", &input, 200);
    assert!(body["result"]["translated_text"].is_string());
    answer_json("workers-ai", "@cf/meta/m2m100-1.2b", &json!({"text": "hello"}), 400);
    let input = json!({"text": "hello", "target_language": "hin_Deva"});
    answer_json("workers-ai", "@cf/ai4bharat/indictrans2-en-indic-1B", &input, 200);
}

#[test]
fn workers_ai_speech_images_and_more() {
    let body = answer_json("workers-ai", "@cf/openai/whisper", &json!({"audio": [0, 1, 2, 3]}), 200);
    let result = &body["result"];
    assert_eq!(result["word_count"], result["words"].as_array().unwrap().len());
    assert_eq!(result["word_count"], words(result["text"].as_str().unwrap()));
    assert!(result["vtt"].as_str().unwrap().starts_with("WEBVTT"));
    let raw = OfflineUpstream::reply(&raw_request("workers-ai", "@cf/deepgram/nova-3", b"ID3\x04binary")).unwrap();
    assert!(decode(&raw)["result"]["text"].is_string());
    let tts = answer("workers-ai", "@cf/deepgram/aura-1", &json!({"text": "hello there"}));
    assert_eq!((tts.status, content_type(&tts)), (200, "audio/mpeg"));
    let melo = answer_json("workers-ai", "@cf/myshell-ai/melotts", &json!({"prompt": "hello"}), 200);
    assert_eq!(&unbase64(melo["result"]["audio"].as_str().unwrap())[..2], [0xff, 0xfb]);
    let body =
        answer_json("workers-ai", "@cf/llava-hf/llava-1.5-7b-hf", &json!({"image": [1], "prompt": "what?"}), 200);
    assert!(body["result"]["description"].is_string());
    let input = json!({"query": "q", "contexts": [{"text": "a"}, {"text": "b"}, {"text": "c"}], "top_k": 2});
    let body = answer_json("workers-ai", "@cf/baai/bge-reranker-base", &input, 200);
    let ranked = body["result"]["response"].as_array().unwrap();
    assert_eq!(ranked.len(), 2);
    assert!(ranked[0]["score"].as_f64() >= ranked[1]["score"].as_f64());
    let queued =
        answer_json("workers-ai", "@cf/baai/bge-base-en-v1.5?queueRequest=true", &json!({"text": ["a", "b"]}), 200);
    assert_eq!(queued["result"]["status"], "queued");
}

#[test]
fn workers_ai_text_to_image() {
    let image = answer("workers-ai", "@cf/stabilityai/stable-diffusion-xl-base-1.0", &text_gen("a cat"));
    assert_eq!((image.status, content_type(&image)), (200, "image/png"));
    assert_eq!(check_png(&image.body), (8, 8));
    let dog = answer("workers-ai", "@cf/stabilityai/stable-diffusion-xl-base-1.0", &text_gen("a dog"));
    assert_ne!(image.body, dog.body);
    let body = answer_json("workers-ai", "@cf/black-forest-labs/flux-1-schnell", &text_gen("a cat"), 200);
    check_png(&unbase64(body["result"]["image"].as_str().unwrap()));
    let missing = answer_json("workers-ai", "@cf/lykon/dreamshaper-8-lcm", &json!({"width": 8}), 400);
    assert_eq!(missing["errors"][0]["code"], 5006);
}

#[test]
fn workers_ai_openai_compatible_and_malformed_json() {
    let body = answer_json("workers-ai", "v1/chat/completions", &chat("@cf/meta/llama-3.1-8b-instruct", "hi"), 200);
    assert_eq!(body["object"], "chat.completion");
    assert_eq!(body["model"], "@cf/meta/llama-3.1-8b-instruct");
    let input = json!({"model": "@cf/baai/bge-large-en-v1.5", "input": ["a", "b"]});
    let body = answer_json("workers-ai", "v1/embeddings", &input, 200);
    assert_eq!(body["data"][1]["embedding"].as_array().unwrap().len(), 1024);
    let broken =
        OfflineUpstream::reply(&raw_request("workers-ai", "@cf/meta/llama-3.1-8b-instruct", b"{\"prompt\":")).unwrap();
    assert_eq!(broken.status, 400);
    let body = decode(&broken);
    assert_eq!(body["errors"][0]["code"], 5004);
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("malformed JSON"));
}
