//! The logs API's filter query parser: never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = gateway_local::fuzzing::parse_logs_query(text, false);
    let _ = gateway_local::fuzzing::parse_logs_query(text, true);
});
