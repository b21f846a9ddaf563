//! The `cf-aig-metadata` header as gateway-local reads it, and as the client
//! decodes metadata: never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = gateway_local::fuzzing::parse_gateway_headers(&[("cf-aig-metadata", text)]);
    let _ =
        gateway_local::fuzzing::parse_gateway_headers(&[("cf-aig-custom-cost", text), ("cf-aig-max-attempts", text)]);
    if let Ok(metadata) = serde_json::from_str::<gateway_core::Metadata>(text) {
        let again: gateway_core::Metadata =
            serde_json::from_str(&metadata.to_json()).expect("re-encoded metadata decodes");
        assert_eq!(again, metadata);
    }
});
