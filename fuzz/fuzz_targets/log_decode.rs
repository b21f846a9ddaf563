//! `AiGatewayLog` decoding, both shapes: never panics, and whatever decodes
//! re-encodes (REST shape) to something that decodes to the same log.
#![no_main]

use gateway_core::AiGatewayLog;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(log) = serde_json::from_slice::<AiGatewayLog>(data) {
        let encoded = serde_json::to_vec(&log).expect("a decoded log encodes");
        let back: AiGatewayLog = serde_json::from_slice(&encoded).expect("an encoded log decodes");
        assert_eq!(back, log);
    }
});
