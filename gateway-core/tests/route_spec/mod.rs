//! The spec's example route (`cloudflare-2026.md` §3.3), shared by the route tests.

// Each test target uses only part of it.
#![allow(dead_code, reason = "each test target uses a different part of this module")]

use std::time::Duration;

use gateway_core::route::{ModelSpec, Route};

/// The spec's example create body (§3.3), without its line breaks.
pub(crate) const SPEC_CREATE: &str = concat!(
    r#"{"name":"support","elements":["#,
    r#"{"id":"s","type":"start","outputs":{"next":{"elementId":"m1"}}},"#,
    r#"{"id":"m1","type":"model","properties":{"provider":"openai","model":"gpt-4.1","timeout":60000,"retries":2},"outputs":{"success":{"elementId":"e"},"fallback":{"elementId":"m2"}}},"#,
    r#"{"id":"m2","type":"model","properties":{"provider":"workers-ai","model":"@cf/moonshotai/kimi-k2.6","timeout":60000,"retries":1},"outputs":{"success":{"elementId":"e"},"fallback":{"elementId":"e"}}},"#,
    r#"{"id":"e","type":"end","outputs":{}}]}"#
);

/// The spec's example, built from typed handles.
pub(crate) fn spec_route() -> Route {
    let minute = Duration::from_secs(60);
    Route::build("support", |b| {
        let e = b.end("e");
        let m2 = b.model("m2", ModelSpec::new("workers-ai", "@cf/moonshotai/kimi-k2.6", minute, 1), e, e);
        let m1 = b.model("m1", ModelSpec::new("openai", "gpt-4.1", minute, 2), e, m2);
        b.start("s", m1)
    })
    .unwrap()
}
