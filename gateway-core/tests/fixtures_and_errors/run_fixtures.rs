//! Model run fixtures: Workers AI direct and through a gateway, the binding's
//! bare output, streams, compat chat and the model schemas.

use gateway_core::{Ai, BuiltinProvider, Gateway, GatewayOptions, ProviderSlug, RunOptions, UniversalOptions};
use serde::Deserialize;
use serde_json::{Value, json};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::{MODEL, fixture, fixture_json, header, json_answer, mount, mount_once, only_request};
use crate::{
    GW, RUN_DIRECT, RUN_GATEWAY, TextOutput, binding_ai, chat_input, rest_ai, rest_config, through_gateway, trimmed,
};

#[derive(Debug, Deserialize)]
#[allow(clippy::struct_field_names, reason = "the field names are the wire names of Workers AI usage")]
struct Usage {
    prompt_tokens: u32,
    completion_tokens: u32,
    total_tokens: u32,
}

#[derive(Debug, Deserialize)]
struct TextWithUsage {
    response: String,
    tool_calls: Vec<Value>,
    usage: Usage,
}

#[derive(Debug, Deserialize)]
struct Embeddings {
    shape: Vec<u32>,
    data: Vec<Vec<f64>>,
    pooling: String,
}

#[tokio::test]
async fn workers_ai_run_direct_unwraps_the_envelope() {
    let server = MockServer::start().await;
    let answer = json_answer(200, fixture("workers-ai-run.response.json")).insert_header("cf-ai-req-id", "req-1");
    mount_once(&server, "POST", RUN_DIRECT, answer).await;
    let ai = rest_ai(&server);
    let answer = ai.run::<_, TextOutput>(MODEL, &chat_input(), &RunOptions::new()).await.expect("run");
    assert_eq!(
        answer.output.response,
        "Hello, World first appeared in 1974 at Bell Labs when Brian Kernighan included it in the C programming language example. \
         It became widely used as a basic test program due to simplicity and clarity. It represents an inviting greeting from a program to the world."
    );
    assert_eq!(answer.meta.ai_request_id.as_deref(), Some("req-1"));
    assert_eq!(answer.log_id(), None);
    assert_eq!(ai.ai_gateway_log_id(), None);
    let sent = only_request(&server).await;
    assert_eq!(header(&sent, "authorization"), Some("Bearer api-secret"));
    assert_eq!(sent.body_json::<Value>().expect("JSON"), chat_input());

    // Into a plain value: the envelope's `success`/`errors` are gone.
    let server = MockServer::start().await;
    mount(&server, "POST", RUN_DIRECT, json_answer(200, fixture("workers-ai-batch-queued.response.json"))).await;
    let queued =
        rest_ai(&server).run::<_, Value>(MODEL, &chat_input(), &RunOptions::new()).await.expect("run").into_output();
    assert_eq!(queued, json!({"status": "queued", "request_id": "768f15b7-4fd6-4498-906e-ad94ffc7f8d2"}));
}

#[tokio::test]
async fn workers_ai_run_through_a_gateway_unwraps_the_envelope() {
    let server = MockServer::start().await;
    let answer = json_answer(200, fixture("workers-ai-run-usage.response.json"))
        .insert_header("cf-aig-log-id", "01JLOG")
        .insert_header("cf-aig-cache-status", "HIT");
    mount_once(&server, "POST", RUN_GATEWAY, answer).await;
    let ai = Ai::new(rest_config(&server).with_gateway_token("aig-secret")).expect("config");
    let options = RunOptions::new().gateway(GatewayOptions::new(GW).skip_cache(true).cache_ttl(3600));
    let answer = ai.run::<_, TextWithUsage>(MODEL, &chat_input(), &options).await.expect("run");
    assert_eq!(answer.output.response, "Generated text response from the model");
    assert!(answer.output.tool_calls.is_empty());
    let usage = &answer.output.usage;
    assert_eq!((usage.prompt_tokens, usage.completion_tokens, usage.total_tokens), (86, 171, 257));
    assert_eq!(answer.log_id(), Some("01JLOG"));
    assert!(answer.meta.is_cache_hit());
    assert_eq!(ai.ai_gateway_log_id().as_deref(), Some("01JLOG"));

    let sent = only_request(&server).await;
    assert_eq!(header(&sent, "authorization"), Some("Bearer api-secret"));
    assert_eq!(header(&sent, "cf-aig-authorization"), Some("Bearer aig-secret"));
    assert_eq!(header(&sent, "cf-aig-skip-cache"), Some("true"));
    assert_eq!(header(&sent, "cf-aig-cache-ttl"), Some("3600"));

    // Embeddings: request fixture in, response fixture out.
    let server = MockServer::start().await;
    let route = "/v1/acc/my-gateway/workers-ai/@cf/baai/bge-base-en-v1.5";
    mount_once(&server, "POST", route, json_answer(200, fixture("workers-ai-embeddings.response.json"))).await;
    let input = fixture_json("workers-ai-embeddings.request.json");
    let answer = rest_ai(&server)
        .run::<_, Embeddings>("@cf/baai/bge-base-en-v1.5", &input, &through_gateway())
        .await
        .expect("run");
    assert_eq!(answer.output.shape, [1, 3]);
    assert_eq!(answer.output.data, [vec![0.123, -0.456, 0.789]]);
    assert_eq!(answer.output.pooling, "mean");
    assert_eq!(only_request(&server).await.body_json::<Value>().expect("JSON"), input);
}

#[tokio::test]
async fn workers_ai_stream_is_returned_raw() {
    let server = MockServer::start().await;
    let sse = fixture("workers-ai-stream.sse.txt");
    mount_once(&server, "POST", RUN_DIRECT, ResponseTemplate::new(200).set_body_raw(sse.clone(), "text/event-stream"))
        .await;
    let input = fixture_json("workers-ai-stream.request.json");
    assert_eq!(input["stream"], true);
    let response = rest_ai(&server).run_raw(MODEL, &input, &RunOptions::new()).await.expect("run");
    assert_eq!(response.content_type(), Some("text/event-stream"));
    assert_eq!(response.body.as_ref(), sse.as_slice());
    assert!(response.text().ends_with("data: [DONE]\n\n"));
    assert_eq!(only_request(&server).await.body_json::<Value>().expect("JSON"), input);
}

#[tokio::test]
async fn binding_ai_run_returns_the_bare_output() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/run"))
        .and(query_param("version", "3"))
        .respond_with(json_answer(200, fixture("binding-ai-run.response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let answer = binding_ai(&server)
        .run::<_, TextOutput>(MODEL, &json!({"prompt": "test"}), &RunOptions::new())
        .await
        .expect("run");
    assert_eq!(answer.output.response, "model response");
    let sent = only_request(&server).await;
    assert_eq!(sent.body, br#"{"inputs":{"prompt":"test"},"options":{}}"#);
    assert_eq!(header(&sent, "cf-consn-model-id"), Some(MODEL));
    assert_eq!(header(&sent, "cf-consn-sdk-version"), Some("2.0.0"));

    // Through a gateway: `/ai-gateway/run`, options only in the body.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/ai-gateway/run"))
        .and(query_param("version", "3"))
        .respond_with(
            json_answer(200, fixture("binding-ai-run.response.json")).insert_header("cf-aig-log-id", "01JBIND"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let ai = binding_ai(&server);
    let options = RunOptions::new().gateway(GatewayOptions::new(GW).skip_cache(true));
    let answer = ai.run::<_, Value>(MODEL, &json!({"prompt": "test"}), &options).await.expect("run");
    assert_eq!(answer.output, json!({"response": "model response"}));
    assert_eq!(answer.log_id(), Some("01JBIND"));
    assert_eq!(ai.ai_gateway_log_id().as_deref(), Some("01JBIND"));
    let sent = only_request(&server).await;
    assert_eq!(sent.body, trimmed(&fixture("binding-ai-run-gateway.body.json")));
    assert_eq!(header(&sent, "cf-aig-skip-cache"), None);
}

#[tokio::test]
async fn compat_chat_fixtures_parse_and_go_through_provider_request() {
    let chat = fixture_json("compat-chat.request.json");
    assert_eq!(chat["model"], "openai/gpt-5-mini");
    assert_eq!(chat["model"].as_str().and_then(|m| m.split_once('/')), Some(("openai", "gpt-5-mini")));
    assert_eq!(chat["messages"], json!([{"role": "user", "content": "What is Cloudflare?"}]));
    let dynamic = fixture_json("compat-chat-dynamic.request.json");
    assert_eq!(dynamic["model"], "dynamic/my-route");
    assert_eq!(dynamic["messages"][0]["role"], "user");

    // No typed compat API yet; the provider-native call carries it unchanged.
    let server = MockServer::start().await;
    let completion = r#"{"id":"c1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"A cloud."}}]}"#;
    mount_once(&server, "POST", "/v1/acc/my-gateway/compat/chat/completions", json_answer(200, completion)).await;
    let compat = BuiltinProvider::new(ProviderSlug::Other("compat".to_owned())).with_api_key("sk-test");
    let response = rest_ai(&server)
        .gateway(GW)
        .provider_request(&compat, "chat/completions", &chat, &UniversalOptions::new())
        .await
        .expect("compat");
    let body: Value = response.json().expect("JSON");
    assert_eq!(body["choices"][0]["message"]["content"], "A cloud.");
    let sent = only_request(&server).await;
    assert_eq!(sent.body_json::<Value>().expect("JSON"), chat);
    assert_eq!(header(&sent, "authorization"), Some("Bearer sk-test"));
}

#[test]
fn model_schema_fixtures_state_their_limits() {
    let llama = fixture_json("schema-llama-3.1-8b-instruct.json");
    let prompt_form = &llama["input"]["oneOf"][0];
    assert_eq!(prompt_form["title"], "Prompt");
    assert_eq!(prompt_form["required"], json!(["prompt"]));
    let props = &prompt_form["properties"];
    assert_eq!(props["prompt"]["minLength"], 1);
    assert_eq!(props["prompt"]["maxLength"], 131_072);
    assert_eq!(props["max_tokens"]["default"], 256);
    assert_eq!(
        (props["temperature"]["default"].as_f64(), props["temperature"]["maximum"].as_f64()),
        (Some(0.6), Some(5.0))
    );
    assert_eq!((props["top_k"]["minimum"].as_u64(), props["top_k"]["maximum"].as_u64()), (Some(1), Some(50)));
    assert_eq!(props["seed"]["maximum"].as_u64(), Some(9_999_999_999));
    let messages_form = &llama["input"]["oneOf"][1];
    assert_eq!(messages_form["title"], "Messages");
    assert_eq!(messages_form["properties"]["messages"]["items"]["required"], json!(["role", "content"]));
    assert_eq!(messages_form["properties"]["messages"]["items"]["properties"]["content"]["maxLength"], 131_072);
    assert_eq!(llama["output"]["oneOf"][1]["contentType"], "text/event-stream");

    let bge = fixture_json("schema-bge-base-en-v1.5.json");
    let text = &bge["input"]["oneOf"][0]["properties"]["text"]["oneOf"];
    assert_eq!(text[0]["minLength"], 1);
    assert_eq!(text[1]["maxItems"], 100);
    assert_eq!(bge["input"]["oneOf"][0]["properties"]["pooling"]["enum"], json!(["mean", "cls"]));
    assert_eq!(bge["input"]["oneOf"][1]["required"], json!(["requests"]));
    assert_eq!(bge["output"]["oneOf"][1]["title"], "Async response");
    assert_eq!(bge["output"]["oneOf"][1]["properties"]["request_id"]["type"], "string");
}
