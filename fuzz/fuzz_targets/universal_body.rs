//! Universal request bodies: never panic; a body that decodes and validates
//! re-encodes to a body that decodes to the same bytes again.
#![no_main]

use gateway_core::UniversalRequest;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(request) = serde_json::from_slice::<UniversalRequest>(data) else { return };
    let Ok(body) = request.to_body() else { return };
    let again: UniversalRequest = serde_json::from_slice(&body).expect("our own body decodes");
    assert_eq!(again.to_body().expect("and encodes"), body);
    for step in request.steps() {
        let _ = gateway_local::fuzzing::check_endpoint(&step.endpoint);
    }
});
