//! The upstream transport (hyper's client over rustls since issue 18, in
//! place of reqwest): what a provider receives besides the caller's own
//! headers, and that an HTTPS upstream must present a certificate the
//! platform trusts.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::harness::{Harness, recording_chat_upstream};
use gateway_local::LocalConfig;
use serde_json::json;
use tokio::net::TcpListener;

mod common;

#[tokio::test]
async fn a_provider_receives_the_request_as_the_caller_sent_it_plus_the_hop_headers() {
    let upstream = recording_chat_upstream("hi").await;
    let harness =
        Harness::start(LocalConfig::default().with_upstream("openai", format!("{}/v1", upstream.uri()))).await;
    let body = json!({"model": "m", "messages": [{"role": "user", "content": "hi"}]}).to_string();
    let url = harness.provider_url("main", "openai", "chat/completions?trace=1");
    // No `accept`: the gateway names `*/*`, as its reqwest transport did; the caller's wins when sent.
    let plain = harness.post(&url, body.clone(), &[("x-custom", "kept"), ("cf-aig-metadata", r#"{"a":1}"#)]).await;
    assert_eq!(plain.status, 200, "{}", plain.text());
    let typed = harness.post(&url, body.clone(), &[("accept", "application/json")]).await;
    assert_eq!(typed.status, 200, "{}", typed.text());

    let received = upstream.received_requests().await.unwrap_or_default();
    assert_eq!(received.len(), 2);
    let header = |i: usize, name: &str| received[i].headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let authority = upstream.address().to_string();
    for (i, request) in received.iter().enumerate() {
        assert_eq!(request.url.path(), "/v1/chat/completions");
        assert_eq!(request.url.query(), Some("trace=1"));
        assert_eq!(request.body, body.as_bytes(), "the body as sent");
        assert_eq!(header(i, "host").as_deref(), Some(authority.as_str()), "host names the upstream");
        assert_eq!(header(i, "content-length"), Some(body.len().to_string()));
        assert_eq!(header(i, "accept-encoding").as_deref(), Some("gzip, deflate, br"));
    }
    assert_eq!(header(0, "accept").as_deref(), Some("*/*"));
    assert_eq!(header(1, "accept").as_deref(), Some("application/json"));
    assert_eq!(header(0, "x-custom").as_deref(), Some("kept"));
    assert_eq!(header(0, "cf-aig-metadata"), None, "the gateway's own headers stay with the gateway");
}

/// An HTTPS server on loopback whose certificate (for `localhost`) no
/// platform trusts; counts the TLS handshakes it was offered.
async fn untrusted_https_upstream() -> (u16, Arc<AtomicUsize>) {
    let certified =
        rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).expect("a self-signed certificate");
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(certified.signing_key.serialize_der().into());
    let config = rustls::ServerConfig::builder()
        .with_no_client_auth()
        .with_single_cert(vec![certified.cert.der().clone()], key)
        .expect("a server configuration");
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("its address").port();
    let offered = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&offered);
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            let counter = Arc::clone(&counter);
            tokio::spawn(async move {
                counter.fetch_add(1, Ordering::SeqCst);
                // The client refuses the certificate: the handshake fails on its alert.
                let _ = acceptor.accept(stream).await;
            });
        }
    });
    (port, offered)
}

#[tokio::test]
async fn an_https_upstream_with_an_untrusted_certificate_is_refused_and_logged() {
    let (port, offered) = untrusted_https_upstream().await;
    let config = LocalConfig::default().with_upstream("openai", format!("https://localhost:{port}/v1"));
    let harness = Harness::start(config).await;
    let body = json!({"model": "m", "messages": [{"role": "user", "content": "secret prompt"}]}).to_string();
    let answer = harness.post(&harness.provider_url("main", "openai", "chat/completions"), body, &[]).await;
    // 2005: the gateway host's code for a failed upstream request.
    let message = answer.gateway_error(502, 2005);
    assert!(message.contains("certificate"), "the answer says the certificate was refused: {message}");
    assert!(!message.contains(&port.to_string()), "the answer names no upstream address: {message}");
    assert!(offered.load(Ordering::SeqCst) >= 1, "a TLS handshake was offered");
    assert_eq!(harness.logs().await, 1, "the failed step is logged");
}
