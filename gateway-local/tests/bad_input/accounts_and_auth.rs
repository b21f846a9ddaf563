//! Accounts, gateways, routes and credentials.

use gateway_local::UnknownGateway;

use super::common::harness::{ACCOUNT, API_TOKEN, Harness, MODEL};
use super::{test_config, valid_steps};

#[tokio::test]
async fn wrong_account_and_invalid_gateway_ids() {
    let h = Harness::new().await;
    let base = h.gateway.gateway_base_url();
    let body = valid_steps().to_string();
    for url in [
        format!("{base}/wrong-account/prod"),
        format!("{base}/LOCAL-ACCOUNT/prod"),
        format!("{base}/wrong-account/prod/workers-ai/{MODEL}"),
        format!("{base}/{ACCOUNT}/Bad_Gateway!"),
        format!("{base}/{ACCOUNT}/Bad_Gateway!/workers-ai/{MODEL}"),
        format!("{base}/{ACCOUNT}/-leading-dash"),
        format!("{base}/{ACCOUNT}/{}", "a".repeat(65)),
        format!("{base}/{ACCOUNT}/spa%20ce"),
    ] {
        let before = h.seen();
        let answer = h.post(&url, body.clone(), &[]).await;
        let message = answer.gateway_error(400, 2001);
        assert!(message.contains("configure AI Gateway"), "{message}");
        h.assert_unsent_and_alive(before, url).await;
    }
    // v4: a wrong account is no route.
    let url = format!("{}/accounts/wrong-account/ai-gateway/gateways/prod/logs", h.gateway.api_base_url());
    h.v4(reqwest::Method::GET, &url, None).await.v4_error(404, 7003);
    let url = format!("{}/accounts/wrong-account/ai/run/{MODEL}", h.gateway.api_base_url());
    h.v4(reqwest::Method::POST, &url, Some(br#"{"prompt":"hi"}"#)).await.v4_error(404, 7003);
    let url = format!("{}/accounts/{ACCOUNT}/ai-gateway/gateways/Bad_Gateway!/url/openai", h.gateway.api_base_url());
    h.v4(reqwest::Method::GET, &url, None).await.v4_error(404, 7003);
    h.assert_alive().await;
}

#[tokio::test]
async fn the_universal_url_the_api_hands_out_is_served() {
    let h = Harness::new().await;
    let url = format!("{}/accounts/{ACCOUNT}/ai-gateway/gateways/prod/url/universal", h.gateway.api_base_url());
    let answer = h.v4(reqwest::Method::GET, &url, None).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let universal = answer.json()["result"].as_str().expect("a URL").to_owned();
    let answer = h.post(&universal, valid_steps().to_string(), &[]).await;
    assert_eq!(answer.status, 200, "POST {universal}: {}", answer.text());
}

#[tokio::test]
async fn logs_of_gateways_that_cannot_exist_are_not_found() {
    let h = Harness::start(test_config().with_unknown_gateways(UnknownGateway::Reject)).await;
    for gateway in ["Bad_Gateway!", "other"] {
        let answer = h.v4(reqwest::Method::GET, &h.logs_url(gateway), None).await;
        assert_eq!(answer.status, 404, "{gateway}: {}", answer.text());
        answer.any_error_shape();
    }
}

#[tokio::test]
async fn unknown_routes_are_v4_404s() {
    let h = Harness::new().await;
    // (`GET /` is the dashboard's: a redirect to `/dashboard`.)
    for (method, path) in [
        ("GET", "/nope".to_owned()),
        ("POST", format!("/v2/{ACCOUNT}/prod")),
        ("GET", "/client/v4".to_owned()),
        ("GET", format!("/client/v4/accounts/{ACCOUNT}/ai-gateway/gateways")),
        ("GET", format!("/client/v4/accounts/{ACCOUNT}/ai-gateway/gateways/prod/logs/x/y/z")),
        ("GET", format!("/client/v4/accounts/{ACCOUNT}/ai-gateway/gateways/prod/nope")),
        ("GET", "/.env".to_owned()),
        ("GET", "/client/v4/../../etc/passwd".to_owned()),
    ] {
        let answer = h.raw(method, &path, &[("authorization", format!("Bearer {API_TOKEN}").as_bytes())], b"").await;
        let message = answer.v4_error(404, 7003);
        assert_eq!(message, "No route for the URI", "{method} {path}");
        h.assert_alive().await;
    }
    // The gateway host's paths answer in its own shape.
    for path in ["/v1".to_owned(), format!("/v1/{ACCOUNT}"), format!("/v1/{ACCOUNT}/prod/compat/not-chat")] {
        let answer = h.raw("POST", &path, &[], b"").await;
        assert_eq!(answer.gateway_error(404, 7003), "No route for the URI", "POST {path}");
    }
}

#[tokio::test]
async fn wrong_methods_get_an_error_shape() {
    let h = Harness::new().await;
    for (method, path) in [
        ("GET", format!("/v1/{ACCOUNT}/prod")),
        ("PUT", format!("/client/v4/accounts/{ACCOUNT}/ai-gateway/gateways/prod/logs")),
        // The gateway resource is read and replaced, not deleted.
        ("DELETE", format!("/client/v4/accounts/{ACCOUNT}/ai-gateway/gateways/prod")),
        ("POST", format!("/client/v4/accounts/{ACCOUNT}/ai-gateway/gateways/prod/logs/x")),
        ("GET", format!("/client/v4/accounts/{ACCOUNT}/ai/run/{MODEL}")),
    ] {
        let answer = h.raw(method, &path, &[("authorization", format!("Bearer {API_TOKEN}").as_bytes())], b"").await;
        assert!((400..500).contains(&answer.status), "{method} {path}: {}", answer.status);
        answer.any_error_shape();
        h.assert_alive().await;
    }
}

#[tokio::test]
async fn the_v4_api_needs_the_api_token() {
    let h = Harness::new().await;
    let created = h.universal("prod", &valid_steps(), &[]).await;
    let id = created.headers["cf-aig-log-id"].to_str().unwrap().to_owned();
    let logs = h.logs_url("prod");
    let api = h.gateway.api_base_url();
    let operations: Vec<(reqwest::Method, String)> = vec![
        (reqwest::Method::GET, logs.clone()),
        (reqwest::Method::DELETE, logs.clone()),
        (reqwest::Method::GET, format!("{logs}/{id}")),
        (reqwest::Method::PATCH, format!("{logs}/{id}")),
        (reqwest::Method::GET, format!("{logs}/{id}/request")),
        (reqwest::Method::GET, format!("{logs}/{id}/response")),
        (reqwest::Method::GET, format!("{api}/accounts/{ACCOUNT}/ai-gateway/gateways/prod/url/openai")),
        (reqwest::Method::POST, format!("{api}/accounts/{ACCOUNT}/ai/run/{MODEL}")),
        // The token is checked before the account.
        (reqwest::Method::GET, format!("{api}/accounts/wrong-account/ai-gateway/gateways/prod/logs")),
    ];
    let wrong: [Option<&str>; 8] = [
        None,
        Some("Bearer wrong"),
        Some("Bearer local-api-toke"),
        Some("Bearer local-api-tokenX"),
        Some(API_TOKEN),
        Some("Basic bG9jYWwtYXBpLXRva2Vu"),
        Some("Bearer"),
        Some(""),
    ];
    let before = h.seen();
    for (method, url) in &operations {
        for authorization in wrong {
            let mut request = h.http.request(method.clone(), url).body(r#"{"feedback":-1,"prompt":"hi"}"#);
            if let Some(value) = authorization {
                request = request.header("authorization", value);
            }
            let message = h.send(request).await.v4_error(401, 10000);
            assert_eq!(message, "Authentication error");
        }
        // The gateway token header is not the API token.
        let request = h.http.request(method.clone(), url).header("cf-aig-authorization", format!("Bearer {API_TOKEN}"));
        h.send(request).await.v4_error(401, 10000);
    }
    assert_eq!(h.seen(), before, "nothing reached the upstream");
    assert_eq!(h.gateway.store().evaluation("prod", &id).await.unwrap(), Some((None, None)), "no patch applied");
    assert_eq!(h.logs().await, 1, "no delete applied");
    // With the token: served.
    let listed = h.v4(reqwest::Method::GET, &logs, None).await;
    assert_eq!(listed.status, 200, "{}", listed.text());
    assert_eq!(listed.json()["result"].as_array().map(Vec::len), Some(1));
    let url = format!("{api}/accounts/{ACCOUNT}/ai/run/{MODEL}");
    assert_eq!(h.v4(reqwest::Method::POST, &url, Some(br#"{"prompt":"hi"}"#)).await.status, 200);
    h.assert_alive().await;
}

#[tokio::test]
async fn authenticated_gateway_needs_its_token() {
    let h = Harness::new().await;
    let urls = [h.universal_url("secure"), h.provider_url("secure", "workers-ai", MODEL)];
    let bodies = [valid_steps().to_string(), r#"{"prompt":"hi"}"#.to_owned()];
    for (url, body) in urls.iter().zip(&bodies) {
        for headers in [
            vec![],
            vec![("cf-aig-authorization", "Bearer wrong")],
            vec![("cf-aig-authorization", "t")],
            vec![("cf-aig-authorization", "Bearer t2")],
            vec![("cf-aig-authorization", "Bearer ")],
            vec![("cf-aig-authorization", "Basic dA==")],
            // The provider credential header is not the gateway token.
            vec![("authorization", "Bearer t")],
        ] {
            let before = h.seen();
            let answer = h.post(url, body.clone(), &headers).await;
            answer.gateway_error(401, 2009);
            h.assert_unsent_and_alive(before, format_args!("{url} {headers:?}")).await;
        }
        // The account's API token is accepted too (Cloudflare's gateway tokens are API tokens).
        let api_token = format!("Bearer {API_TOKEN}");
        let answer = h.post(url, body.clone(), &[("cf-aig-authorization", api_token.as_str())]).await;
        assert_eq!(answer.status, 200, "{url}: {}", answer.text());
        let answer = h.post(url, body.clone(), &[("cf-aig-authorization", "Bearer t")]).await;
        assert_eq!(answer.status, 200, "{url}: {}", answer.text());
        let id = answer.headers["cf-aig-log-id"].to_str().unwrap().to_owned();
        let log = h.v4(reqwest::Method::GET, &format!("{}/{id}", h.logs_url("secure")), None).await;
        assert_eq!(log.status, 200, "{}", log.text());
    }
    // The token is checked before the body is read: a bad body without the token is a 401.
    h.post(&urls[0], "not json", &[]).await.gateway_error(401, 2009);
    // Another gateway does not need it.
    h.assert_alive().await;
}

#[tokio::test]
async fn unconfigured_gateways_are_rejected_under_the_reject_policy() {
    let config = test_config().with_unknown_gateways(UnknownGateway::Reject);
    let h = Harness::start(config).await;
    for url in [
        h.universal_url("other"),
        h.universal_url("default"),
        h.provider_url("other", "workers-ai", MODEL),
        h.provider_url("other", "compat", "chat/completions"),
    ] {
        let before = h.seen();
        let answer = h.post(&url, valid_steps().to_string(), &[]).await;
        let message = answer.gateway_error(400, 2001);
        assert_eq!(message, "Please configure AI Gateway in the Cloudflare dashboard");
        h.assert_unsent_and_alive(before, url).await;
    }
    let url = format!("{}/accounts/{ACCOUNT}/ai-gateway/gateways/other/url/openai", h.gateway.api_base_url());
    h.v4(reqwest::Method::GET, &url, None).await.v4_error(404, 7003);
    assert_eq!(h.logs().await, 4, "only the configured gateway logged");
}
