//! The event-stream parser: never panics, and any split of the input gives
//! the same events (or the same error) as one push.
#![no_main]

use gateway_core::stream::SseParser;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&split, body)) = data.split_first() else { return };
    let whole = SseParser::parse_all(body);
    let at = usize::from(split) % (body.len() + 1);
    let mut parser = SseParser::with_max_event_bytes(1 << 16);
    let mut events = Vec::new();
    let mut failed = None;
    for part in [&body[..at], &body[at..]] {
        match parser.push(part) {
            Ok(mut more) => events.append(&mut more),
            Err(e) => {
                failed = Some(e);
                break;
            }
        }
    }
    if failed.is_none() {
        match parser.finish() {
            Ok(Some(last)) => events.push(last),
            Ok(None) => {}
            Err(e) => failed = Some(e),
        }
    }
    // Same limit on both sides only when the input is small enough not to hit it.
    if body.len() < 1 << 16 {
        match (whole, failed) {
            (Ok(expected), None) => assert_eq!(events, expected),
            (Err(_), Some(_)) => {}
            (whole, failed) => panic!("split at {at} changed the outcome: {whole:?} vs {failed:?}"),
        }
    }
});
