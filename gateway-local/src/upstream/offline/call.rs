//! A request split up for routing: provider, path, query, body, and typed looks at its JSON.

use http::Method;
use serde_json::{Map, Value};

use crate::upstream::UpstreamRequest;

/// A request, split up for routing.
pub(super) struct Call<'a> {
    pub(super) provider: &'a str,
    /// Endpoint path: no leading or trailing `/`, no query string.
    pub(super) path: String,
    pub(super) query: &'a str,
    pub(super) method: &'a Method,
    pub(super) body: &'a [u8],
}

impl<'a> Call<'a> {
    pub(super) fn new(request: &'a UpstreamRequest) -> Self {
        let endpoint = request.endpoint.trim_start_matches('/');
        let (path, query) = endpoint.split_once('?').unwrap_or((endpoint, ""));
        Self {
            provider: &request.provider,
            path: path.trim_end_matches('/').to_owned(),
            query,
            method: &request.method,
            body: &request.body,
        }
    }

    pub(super) fn is_post(&self) -> bool {
        *self.method == Method::POST
    }

    pub(super) fn query_param(&self, name: &str) -> Option<&'a str> {
        self.query.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (key == name).then_some(value)
        })
    }

    /// The body as a JSON object, or why it is not one.
    pub(super) fn json(&self) -> Result<Map<String, Value>, String> {
        match serde_json::from_slice::<Value>(self.body) {
            Ok(Value::Object(map)) => Ok(map),
            Ok(_) => Err("the request body must be a JSON object".to_owned()),
            Err(error) => Err(format!("malformed JSON body: {error}")),
        }
    }
}

/// The value of `key` unless it is missing or `null`.
pub(super) fn field<'v>(body: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    body.get(key).filter(|value| !value.is_null())
}

pub(super) fn str_field<'v>(body: &'v Map<String, Value>, key: &str) -> Option<&'v str> {
    body.get(key).and_then(Value::as_str)
}

pub(super) fn uint_field(body: &Map<String, Value>, key: &str) -> Option<usize> {
    body.get(key).and_then(Value::as_u64).map(|n| usize::try_from(n).unwrap_or(usize::MAX))
}

pub(super) fn is_true(body: &Map<String, Value>, key: &str) -> bool {
    body.get(key).and_then(Value::as_bool).unwrap_or(false)
}

/// `text` with `%XX` escapes decoded (others left as they are), as lossy UTF-8.
pub(super) fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text).decode_utf8_lossy().into_owned()
}

/// `text` as a list of strings (a string, or a non-empty list of strings).
pub(super) fn text_list(value: Option<&Value>) -> Option<Vec<String>> {
    match value? {
        Value::String(text) => Some(vec![text.clone()]),
        Value::Array(items) if !items.is_empty() => items.iter().map(|item| item.as_str().map(str::to_owned)).collect(),
        _ => None,
    }
}
