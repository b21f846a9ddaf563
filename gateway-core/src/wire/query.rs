//! Query strings in the encoding of Cloudflare's SDKs (`qs` with dot
//! notation and repeated array keys, RFC 3986 escaping).

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Everything but RFC 3986 unreserved characters is escaped (spaces as `%20`).
const QUERY_ESCAPE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Builds `k=v&k=v` pairs in insertion order.
#[derive(Debug, Default)]
pub(crate) struct QueryBuilder {
    out: String,
}

impl QueryBuilder {
    pub(crate) fn push(&mut self, key: &str, value: &str) -> &mut Self {
        if !self.out.is_empty() {
            self.out.push('&');
        }
        self.out.extend(utf8_percent_encode(key, QUERY_ESCAPE));
        self.out.push('=');
        self.out.extend(utf8_percent_encode(value, QUERY_ESCAPE));
        self
    }

    pub(crate) fn push_opt(&mut self, key: &str, value: Option<impl ToString>) -> &mut Self {
        if let Some(v) = value {
            self.push(key, &v.to_string());
        }
        self
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }
}
