//! Tests of the offline double, by topic; below, the helpers they share.

use std::time::Duration;

use bytes::Bytes;
use futures::StreamExt as _;
use futures::stream::BoxStream;
use http::{HeaderMap, Method, header};
use serde_json::{Value, json};

use super::call::*;
use super::content::*;
use super::encode::*;
use super::fault::*;
use super::reply::*;
use super::*;
use crate::upstream::{Upstream, UpstreamBody, UpstreamError, UpstreamRequest, UpstreamResponse};

mod anthropic_google;
mod content;
mod faults;
mod openai;
mod other_providers;
mod streaming;
mod workers_ai;

fn request(provider: &str, endpoint: &str, body: &Value) -> UpstreamRequest {
    raw_request(provider, endpoint, &serde_json::to_vec(body).unwrap())
}

fn raw_request(provider: &str, endpoint: &str, body: &[u8]) -> UpstreamRequest {
    UpstreamRequest {
        provider: provider.to_owned(),
        endpoint: endpoint.to_owned(),
        method: Method::POST,
        headers: HeaderMap::new(),
        body: Bytes::copy_from_slice(body),
    }
}

fn answer(provider: &str, endpoint: &str, body: &Value) -> Reply {
    OfflineUpstream::reply(&request(provider, endpoint, body)).unwrap()
}

/// A whole (not streamed) response, as a [`Reply`].
fn whole(response: UpstreamResponse) -> Reply {
    match response.body {
        UpstreamBody::Full(body) => {
            Reply { status: response.status, headers: response.headers, body, event_ends: None }
        }
        UpstreamBody::Stream(_) => panic!("expected a whole body, got a stream"),
    }
}

fn decode(response: &Reply) -> Value {
    serde_json::from_slice(&response.body).unwrap()
}

/// Answers and decodes, checking the status.
fn answer_json(provider: &str, endpoint: &str, body: &Value, status: u16) -> Value {
    let response = answer(provider, endpoint, body);
    assert_eq!(response.status, status, "{provider} {endpoint}: {}", String::from_utf8_lossy(&response.body));
    decode(&response)
}

fn content_type(response: &Reply) -> &str {
    response.headers.get(header::CONTENT_TYPE).unwrap().to_str().unwrap()
}

fn text_gen(prompt: &str) -> Value {
    json!({"prompt": prompt})
}

fn chat(model: &str, prompt: &str) -> Value {
    json!({"model": model, "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": prompt}]})
}

fn unbase64(text: &str) -> Vec<u8> {
    let value = |c: u8| -> u32 {
        u32::from(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("not base64: {c}"),
        })
    };
    let (mut out, mut acc, mut bits) = (Vec::new(), 0_u32, 0);
    for &c in text.as_bytes().iter().take_while(|c| **c != b'=') {
        acc = ((acc << 6) | value(c)) & 0xffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).unwrap());
        }
    }
    out
}

fn be32(bytes: &[u8]) -> u32 {
    u32::from_be_bytes(bytes[..4].try_into().unwrap())
}

fn size(n: u32) -> usize {
    usize::try_from(n).unwrap()
}

/// Checks a PNG from signature to `IEND`; returns `(width, height)`.
fn check_png(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let (mut at, mut kinds, mut idat, mut dims) = (8, Vec::new(), Vec::new(), (0, 0));
    while at < bytes.len() {
        let len = size(be32(&bytes[at..]));
        let (kind, data) = (&bytes[at + 4..at + 8], &bytes[at + 8..at + 8 + len]);
        assert_eq!(be32(&bytes[at + 8 + len..]), crc32(&bytes[at + 4..at + 8 + len]), "chunk CRC");
        if kind == b"IHDR" {
            dims = (be32(data), be32(&data[4..]));
            assert_eq!(&data[8..], [8, 2, 0, 0, 0]);
        }
        if kind == b"IDAT" {
            idat.extend_from_slice(data);
        }
        kinds.push(String::from_utf8(kind.to_vec()).unwrap());
        at += 12 + len;
    }
    assert_eq!(at, bytes.len());
    assert_eq!(kinds, ["IHDR", "IDAT", "IEND"]);
    assert_eq!(((u16::from(idat[0]) << 8) | u16::from(idat[1])) % 31, 0, "zlib header check");
    assert_eq!(idat[2], 1, "final stored block");
    let len = u16::from_le_bytes([idat[3], idat[4]]);
    assert_eq!(len, !u16::from_le_bytes([idat[5], idat[6]]));
    let raw = &idat[7..7 + usize::from(len)];
    assert_eq!(raw.len(), size(dims.1 * (1 + dims.0 * 3)));
    assert_eq!(idat[7 + usize::from(len)..], adler32(raw).to_be_bytes());
    dims
}

/// The `data:` payloads of an SSE body, with their `event:` names.
fn sse(response: &Reply) -> Vec<(Option<String>, String)> {
    assert_eq!(content_type(response), "text/event-stream");
    let text = std::str::from_utf8(&response.body).unwrap();
    assert!(text.ends_with("\n\n"));
    let events: Vec<_> = text.split("\n\n").filter(|event| !event.is_empty()).map(parse_event).collect();
    let chunks = response.events().expect("an event stream");
    assert_eq!(chunks.iter().map(|chunk| event_of(chunk)).collect::<Vec<_>>(), events);
    events
}

/// One event without its blank line: `(event name, data)`.
fn parse_event(event: &str) -> (Option<String>, String) {
    let name = event.lines().find_map(|l| l.strip_prefix("event: ")).map(str::to_owned);
    (name, event.lines().find_map(|l| l.strip_prefix("data: ")).unwrap().to_owned())
}

/// A stream chunk holding exactly one event.
fn event_of(chunk: &[u8]) -> (Option<String>, String) {
    let text = std::str::from_utf8(chunk).unwrap();
    let event = text.strip_suffix("\n\n").unwrap_or_else(|| panic!("not one whole event: {text:?}"));
    assert!(!event.is_empty() && !event.contains("\n\n"), "not one event: {text:?}");
    parse_event(event)
}

/// Parses an AWS event stream, checking both CRCs of every message.
fn eventstream(bytes: &[u8]) -> Vec<(String, Value)> {
    let (mut at, mut out) = (0, Vec::new());
    while at < bytes.len() {
        let (total, headers_len) = (size(be32(&bytes[at..])), size(be32(&bytes[at + 4..])));
        let message = &bytes[at..at + total];
        assert_eq!(be32(&message[8..]), crc32(&message[..8]), "prelude CRC");
        assert_eq!(be32(&message[total - 4..]), crc32(&message[..total - 4]), "message CRC");
        let (mut h, mut event) = (12, String::new());
        while h < 12 + headers_len {
            let name_len = usize::from(message[h]);
            let name = &message[h + 1..h + 1 + name_len];
            h += 1 + name_len;
            assert_eq!(message[h], 7);
            let value_len = usize::from(u16::from_be_bytes([message[h + 1], message[h + 2]]));
            if name == b":event-type" {
                event = String::from_utf8(message[h + 3..h + 3 + value_len].to_vec()).unwrap();
            }
            h += 3 + value_len;
        }
        out.push((event, serde_json::from_slice(&message[12 + headers_len..total - 4]).unwrap()));
        at += total;
    }
    out
}

/// Sends through the upstream (faults and counters apply), the answer whole.
async fn send(
    upstream: &OfflineUpstream,
    provider: &str,
    endpoint: &str,
    body: &Value,
) -> Result<Reply, UpstreamError> {
    upstream.send(request(provider, endpoint, body), None).await.map(whole)
}
