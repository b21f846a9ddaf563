//! Tests of the event-stream parser: fixed cases and properties (any split, any line ending).
use super::*;

use proptest::prelude::*;
use proptest::sample::Index;

// ----- helpers -----

fn data(data: &str) -> SseEvent {
    SseEvent { data: data.to_owned(), ..SseEvent::default() }
}

fn typed(event: &str, data: &str) -> SseEvent {
    SseEvent { event: Some(event.to_owned()), data: data.to_owned(), ..SseEvent::default() }
}

fn parse(input: &[u8]) -> Vec<SseEvent> {
    SseParser::parse_all(input).expect("stream should parse")
}

/// What a parser made of a stream: the events returned before any error,
/// then the error or what `finish` returned.
type Outcome = (Vec<SseEvent>, Result<Option<SseEvent>, SseError>);

fn run_chunks<'a>(limit: usize, chunks: impl IntoIterator<Item = &'a [u8]>) -> Outcome {
    let mut parser = SseParser::with_max_event_bytes(limit);
    let mut events = Vec::new();
    for chunk in chunks {
        match parser.push(chunk) {
            Ok(more) => events.extend(more),
            Err(error) => return (events, Err(error)),
        }
    }
    (events, parser.finish())
}

fn run_whole(limit: usize, input: &[u8]) -> Outcome {
    run_chunks(limit, [input])
}

fn run_bytewise(limit: usize, input: &[u8]) -> Outcome {
    run_chunks(limit, input.chunks(1))
}

/// Splits `input` at the given points (in any order, repeats allowed).
fn split_at_points<'a>(input: &'a [u8], points: &[Index]) -> Vec<&'a [u8]> {
    let mut cuts: Vec<usize> = points.iter().map(|p| p.index(input.len() + 1)).collect();
    cuts.sort_unstable();
    let mut chunks = Vec::new();
    let mut start = 0;
    for cut in cuts {
        chunks.push(&input[start..cut]);
        start = cut;
    }
    chunks.push(&input[start..]);
    chunks
}

const WORKERS_AI: &str = include_str!("../../../../tests/fixtures/workers-ai-stream.sse.txt");
const WORKERS_AI_USAGE: &str = include_str!("../../../../tests/fixtures/workers-ai-stream-usage.sse.txt");

const OPENAI_CHAT: &str = concat!(
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1735689600,",
    "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},",
    "\"finish_reason\":null}]}\n",
    "\n",
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1735689600,",
    "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"},\"finish_reason\":null}]}\n",
    "\n",
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1735689600,",
    "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" world\"},\"finish_reason\":null}]}\n",
    "\n",
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1735689600,",
    "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n",
    "\n",
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1735689600,",
    "\"model\":\"gpt-4o-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3,",
    "\"total_tokens\":12}}\n",
    "\n",
    "data: [DONE]\n",
    "\n",
);

const ANTHROPIC: &str = concat!(
    "event: message_start\n",
    "data: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\",\"type\":\"message\",",
    "\"role\":\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-5\",\"stop_reason\":null,",
    "\"stop_sequence\":null,\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}\n",
    "\n",
    "event: content_block_start\n",
    "data: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n",
    "\n",
    "event: ping\n",
    "data: {\"type\": \"ping\"}\n",
    "\n",
    "event: content_block_delta\n",
    "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}\n",
    "\n",
    "event: content_block_delta\n",
    "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\", \"}}\n",
    "\n",
    "event: content_block_delta\n",
    "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"world!\"}}\n",
    "\n",
    "event: content_block_stop\n",
    "data: {\"type\":\"content_block_stop\",\"index\":0}\n",
    "\n",
    "event: message_delta\n",
    "data: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},",
    "\"usage\":{\"output_tokens\":15}}\n",
    "\n",
    "event: message_stop\n",
    "data: {\"type\":\"message_stop\"}\n",
    "\n",
);

// ----- line endings -----

#[test]
fn lf_line_endings() {
    assert_eq!(parse(b"data: a\n\ndata: b\n\n"), [data("a"), data("b")]);
}

#[test]
fn crlf_line_endings() {
    assert_eq!(parse(b"data: a\r\n\r\ndata: b\r\n\r\n"), [data("a"), data("b")]);
}

#[test]
fn cr_line_endings() {
    assert_eq!(parse(b"data: a\r\rdata: b\r\r"), [data("a"), data("b")]);
}

#[test]
fn mixed_line_endings() {
    assert_eq!(parse(b"data: a\rdata: b\r\ndata: c\n\r\n\rdata: d\n\r"), [data("a\nb\nc"), data("d")]);
}

#[test]
fn crlf_split_across_pushes_is_one_line_end() {
    let mut parser = SseParser::new();
    assert_eq!(parser.push(b"data: a\r").unwrap(), []);
    // If this LF were a line of its own, it would dispatch "a".
    assert_eq!(parser.push(b"\n").unwrap(), []);
    assert_eq!(parser.push(b"data: b\r").unwrap(), []);
    // An empty push in between changes nothing.
    assert_eq!(parser.push(b"").unwrap(), []);
    assert_eq!(parser.push(b"\ndata: c\r\n\r").unwrap(), [data("a\nb\nc")]);
    assert_eq!(parser.push(b"\n").unwrap(), []);
    assert_eq!(parser.finish().unwrap(), None);
}

#[test]
fn cr_then_cr_across_pushes_is_two_line_ends() {
    let mut parser = SseParser::new();
    assert_eq!(parser.push(b"data: a\r").unwrap(), []);
    assert_eq!(parser.push(b"\r").unwrap(), [data("a")]);
    assert_eq!(parser.push(b"\ndata: b\r").unwrap(), []);
    assert_eq!(parser.push(b"x: y\r\r").unwrap(), [data("b")]);
}

// ----- fields -----

#[test]
fn multi_line_data_is_joined_with_newlines() {
    assert_eq!(parse(b"data: a\ndata: b\ndata:\ndata: c\n\n"), [data("a\nb\n\nc")]);
    assert_eq!(parse(b"data: a\ndata:\n\n"), [data("a\n")]);
}

#[test]
fn comments_are_ignored() {
    let input = b": hello\ndata: a\n:data: not data\n:\ndata: b\n\n: only a comment\n\n";
    assert_eq!(parse(input), [data("a\nb")]);
}

#[test]
fn event_id_and_retry() {
    let events = parse(b"event: update\nid: 42\nretry: 3000\ndata: {\"x\":1}\n\n");
    let expected =
        SseEvent { event: Some("update".into()), data: "{\"x\":1}".into(), id: Some("42".into()), retry: Some(3000) };
    assert_eq!(events, [expected]);
    assert_eq!(events[0].event_type(), "update");
}

#[test]
fn id_persists_until_changed_or_cleared() {
    let events = parse(b"id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\nid\ndata: d\n\nid: 3\n\nid:\ndata: e\n\n");
    let ids: Vec<Option<&str>> = events.iter().map(|e| e.id.as_deref()).collect();
    assert_eq!(ids, [Some("1"), Some("1"), Some("2"), None, None]);
    // An `id` in a block that dispatches nothing still sets the last id.
    assert_eq!(parse(b"id: 7\n\ndata: x\n\n")[0].id.as_deref(), Some("7"));
}

#[test]
fn id_with_nul_is_ignored() {
    let events = parse(b"id: 1\ndata: a\n\nid: 2\0x\ndata: b\n\n");
    assert_eq!(events[1].id.as_deref(), Some("1"));
    let events = parse(b"id: \0\ndata: a\n\n");
    assert_eq!(events[0].id, None);
}

#[test]
fn id_accessor_follows_the_stream() {
    let mut parser = SseParser::new();
    assert_eq!(parser.last_event_id(), None);
    parser.push(b"id: abc\n").unwrap();
    assert_eq!(parser.last_event_id(), Some("abc"));
    parser.push(b"id\n").unwrap();
    assert_eq!(parser.last_event_id(), None);
}

#[test]
fn bad_retry_is_ignored() {
    for line in [
        "retry: 10a",
        "retry: -1",
        "retry: +5",
        "retry: 1.5",
        "retry: ",
        "retry",
        "retry:  100",
        "retry: 100 ",
        "retry: ١٢",
        "retry: 99999999999999999999999",
    ] {
        let input = format!("{line}\ndata: x\n\n");
        assert_eq!(parse(input.as_bytes()), [data("x")], "{line:?}");
    }
    assert_eq!(parse(b"retry:0\ndata: x\n\n")[0].retry, Some(0));
    assert_eq!(parse(b"retry: 18446744073709551615\ndata: x\n\n")[0].retry, Some(u64::MAX));
    // A bad value leaves an earlier good one in place.
    assert_eq!(parse(b"retry: 5\nretry: x\ndata: x\n\n")[0].retry, Some(5));
}

#[test]
fn retry_is_reported_once_and_survives_empty_blocks() {
    let mut parser = SseParser::new();
    let events = parser.push(b"retry: 10000\n\ndata: a\n\ndata: b\n\n").unwrap();
    let retries: Vec<Option<u64>> = events.iter().map(|e| e.retry).collect();
    assert_eq!(retries, [Some(10000), None]);
    assert_eq!(parser.reconnection_time(), Some(10000));
}

#[test]
fn leading_bom_is_skipped_once() {
    assert_eq!(parse(b"\xEF\xBB\xBFdata: a\n\n"), [data("a")]);
    // A second BOM is content: the field name `\u{feff}data` is unknown.
    assert_eq!(parse(b"\xEF\xBB\xBF\xEF\xBB\xBFdata: a\n\n"), []);
    // A BOM after the start is not skipped either.
    assert_eq!(parse(b"data: a\n\n\xEF\xBB\xBFdata: b\n\n"), [data("a")]);
    // A BOM in the data stays.
    assert_eq!(parse("data: \u{feff}x\n\n".as_bytes()), [data("\u{feff}x")]);
}

#[test]
fn bom_split_across_pushes() {
    let input = b"\xEF\xBB\xBFdata: a\n\n";
    assert_eq!(run_bytewise(DEFAULT_MAX_EVENT_BYTES, input), (vec![data("a")], Ok(None)));
    assert_eq!(run_chunks(DEFAULT_MAX_EVENT_BYTES, [&input[..2], &input[2..]]), (vec![data("a")], Ok(None)));
}

#[test]
fn partial_bom_is_content() {
    // EF BB is the start of a BOM, but what follows is not: invalid UTF-8 at 0.
    assert_eq!(SseParser::parse_all(b"\xEF\xBBdata: a\n\n"), Err(SseError::InvalidUtf8 { offset: 0 }));
    let mut parser = SseParser::new();
    parser.push(b"\xEF\xBB").unwrap();
    assert_eq!(parser.finish(), Err(SseError::InvalidUtf8 { offset: 0 }));
    // The start of a BOM followed by a valid character that begins with EF.
    assert_eq!(parse("\u{fe00}: comment\ndata: a\n\n".as_bytes()), [data("a")]);
    assert_eq!(run_bytewise(DEFAULT_MAX_EVENT_BYTES, "data: \u{feff}\n\n".as_bytes()).0, [data("\u{feff}")]);
}

#[test]
fn empty_data() {
    assert_eq!(parse(b"data\n\n"), [data("")]);
    assert_eq!(parse(b"data:\n\n"), [data("")]);
    assert_eq!(parse(b"data: \n\n"), [data("")]);
    assert_eq!(parse(b"data\ndata\n\n"), [data("\n")]);
}

#[test]
fn field_without_colon_has_an_empty_value() {
    assert_eq!(parse(b"event\ndata\n\n"), [data("")]);
    assert_eq!(parse(b"event: x\nevent\ndata: a\n\n"), [data("a")]);
    assert_eq!(parse(b"id: 1\nid\ndata: a\n\n"), [data("a")]);
    // Unknown fields, with or without a colon, are ignored.
    assert_eq!(parse(b"foo\nfoo: bar\nData: no\ndata : no\n data: no\ndata: a\n\n"), [data("a")]);
}

#[test]
fn one_space_after_the_colon_is_removed() {
    assert_eq!(parse(b"data:a\n\n"), [data("a")]);
    assert_eq!(parse(b"data: a\n\n"), [data("a")]);
    assert_eq!(parse(b"data:  a\n\n"), [data(" a")]);
    assert_eq!(parse(b"data:\ta\n\n"), [data("\ta")]);
    assert_eq!(parse(b"data: a: b\n\n"), [data("a: b")]);
    assert_eq!(parse(b"event:x\ndata:1\n\n"), [typed("x", "1")]);
}

#[test]
fn blank_line_without_data_dispatches_nothing_and_resets_the_type() {
    assert_eq!(parse(b"\n\n\r\n\r"), []);
    assert_eq!(parse(b"event: a\n\ndata: x\n\n"), [data("x")]);
    assert_eq!(parse(b"event: a\ndata: 1\n\ndata: 2\n\n"), [typed("a", "1"), data("2")]);
    assert_eq!(parse(b"event: a\nevent: b\ndata: 1\n\n"), [typed("b", "1")]);
    assert_eq!(parse(b"data: 2\n\n")[0].event_type(), "message");
}

#[test]
fn unicode_and_nul_in_data() {
    assert_eq!(parse("data: héllo €😀\0\n\n".as_bytes()), [data("héllo €😀\0")]);
}

// ----- end of input -----

#[test]
fn finish_returns_a_cut_off_event_with_data() {
    let mut parser = SseParser::new();
    assert_eq!(parser.push(b"event: x\nid: 9\ndata: a\ndata: b\n").unwrap(), []);
    let expected = SseEvent { event: Some("x".into()), data: "a\nb".into(), id: Some("9".into()), retry: None };
    assert_eq!(parser.finish(), Ok(Some(expected)));
    // A last line without a line end counts.
    let mut parser = SseParser::new();
    parser.push(b"data: {\"resp").unwrap();
    assert_eq!(parser.finish(), Ok(Some(data("{\"resp"))));
    assert_eq!(SseParser::parse_all(b"data: a\n\ndata: b"), Ok(vec![data("a"), data("b")]));
}

#[test]
fn finish_without_data_is_none() {
    for input in
        [&b""[..], b"\n", b"event: x\n", b"id: 1\nretry: 5\n", b": comment", b"data: a\n\n", b"dat", b"\xEF\xBB\xBF"]
    {
        let mut parser = SseParser::new();
        parser.push(input).unwrap();
        assert_eq!(parser.finish(), Ok(None), "{input:?}");
    }
}

// ----- limits -----

#[test]
fn line_longer_than_the_limit() {
    let limit = 16;
    let ok = format!("data:{}\n\n", "x".repeat(limit - 5));
    assert_eq!(run_whole(limit, ok.as_bytes()).0, [data(&"x".repeat(limit - 5))]);
    let long = format!("data:{}\n\n", "x".repeat(limit - 4));
    let expected = (vec![], Err(SseError::EventTooLarge { limit }));
    assert_eq!(run_whole(limit, long.as_bytes()), expected);
    assert_eq!(run_bytewise(limit, long.as_bytes()), expected);
    // Comments and unknown fields count too: every line is buffered.
    assert_eq!(run_whole(limit, format!(":{}\n", "x".repeat(limit)).as_bytes()), expected);
    // Also at the end of input.
    assert_eq!(run_whole(limit, "x".repeat(limit + 1).as_bytes()), expected);
}

#[test]
fn event_larger_than_the_limit() {
    let limit = 10;
    // Exactly the limit: "12345\n1234" is 10 bytes.
    let ok = b"data:12345\ndata:1234\n\n";
    assert_eq!(run_whole(limit, ok), (vec![data("12345\n1234")], Ok(None)));
    let over = b"data:12345\ndata:12345\n\n";
    assert_eq!(run_whole(limit, over), (vec![], Err(SseError::EventTooLarge { limit })));
    assert_eq!(run_bytewise(limit, over), (vec![], Err(SseError::EventTooLarge { limit })));
    // Many small data lines: the sixth would make "x\nx\nx\nx\nx\nx", 11 bytes.
    let five = "data:x\n".repeat(5) + "\n";
    assert_eq!(run_whole(limit, five.as_bytes()).0, [data("x\nx\nx\nx\nx")]);
    let many = "data:x\n".repeat(6);
    assert_eq!(run_whole(limit, many.as_bytes()).1, Err(SseError::EventTooLarge { limit }));
    // The limit is per event, not per stream.
    let stream = "data:12345\n\n".repeat(100);
    assert_eq!(run_whole(limit, stream.as_bytes()).0.len(), 100);
}

#[test]
fn errors_are_sticky_and_earlier_events_are_kept() {
    let mut parser = SseParser::with_max_event_bytes(8);
    let events = parser.push(b"data: a\n\ndata: 123456789\n\n").unwrap();
    assert_eq!(events, [data("a")]);
    let error = SseError::EventTooLarge { limit: 8 };
    assert_eq!(parser.push(b"data: b\n\n"), Err(error.clone()));
    assert_eq!(parser.push(b""), Err(error.clone()));
    assert_eq!(parser.finish(), Err(error.clone()));
    assert_eq!(SseParser::parse_all(&b"data: x\n\n".repeat(2)), Ok(vec![data("x"), data("x")]));
    assert_eq!(error.to_string(), "event stream line or event is larger than the limit of 8 bytes");
}

#[test]
fn memory_stays_bounded_on_an_endless_line() {
    let limit = 1024;
    let mut parser = SseParser::with_max_event_bytes(limit);
    let chunk = [b'x'; 100];
    let mut pushed = 0;
    let error = loop {
        match parser.push(&chunk) {
            Ok(events) => assert!(events.is_empty()),
            Err(error) => break error,
        }
        pushed += chunk.len();
        assert!(parser.line.len() <= limit);
        assert!(pushed <= limit, "the parser kept buffering past the limit");
    };
    assert_eq!(error, SseError::EventTooLarge { limit });
    assert_eq!(parser.line.capacity(), 0, "buffers are freed after an error");
}

#[test]
fn zero_limit_allows_only_blank_lines() {
    assert_eq!(run_whole(0, b"\n\r\n\r"), (vec![], Ok(None)));
    assert_eq!(run_whole(0, b"data\n\n").1, Err(SseError::EventTooLarge { limit: 0 }));
}

// ----- UTF-8 -----

#[test]
fn invalid_utf8_reports_the_offset() {
    let input = b"data: a\n\ndata: b\xFFc\n\n";
    let expected = (vec![data("a")], Err(SseError::InvalidUtf8 { offset: 16 }));
    assert_eq!(run_whole(DEFAULT_MAX_EVENT_BYTES, input), expected);
    assert_eq!(run_bytewise(DEFAULT_MAX_EVENT_BYTES, input), expected);
    assert_eq!(SseParser::parse_all(input), Err(SseError::InvalidUtf8 { offset: 16 }));
    // The BOM counts in the offset.
    assert_eq!(SseParser::parse_all(b"\xEF\xBB\xBFdata: \xC0\x80\n\n"), Err(SseError::InvalidUtf8 { offset: 9 }));
    // In a comment or an unknown field too.
    assert_eq!(SseParser::parse_all(b":\xFE\n"), Err(SseError::InvalidUtf8 { offset: 1 }));
    let message = SseError::InvalidUtf8 { offset: 16 }.to_string();
    assert_eq!(message, "event stream is not valid UTF-8 at byte offset 16");
}

#[test]
fn invalid_utf8_is_reported_before_the_line_ends() {
    let mut parser = SseParser::new();
    parser.push(b"data: ok\n").unwrap();
    assert_eq!(parser.push(b"data: \xFF and more to come"), Err(SseError::InvalidUtf8 { offset: 15 }));
}

#[test]
fn character_cut_off_by_a_line_end_or_the_end_of_input() {
    // "€" is E2 82 AC.
    let cut = b"data: \xE2\x82\ndata: x\n\n";
    assert_eq!(run_whole(DEFAULT_MAX_EVENT_BYTES, cut).1, Err(SseError::InvalidUtf8 { offset: 6 }));
    assert_eq!(run_bytewise(DEFAULT_MAX_EVENT_BYTES, cut).1, Err(SseError::InvalidUtf8 { offset: 6 }));
    assert_eq!(run_whole(DEFAULT_MAX_EVENT_BYTES, b"data: \xE2\x82\r").1, Err(SseError::InvalidUtf8 { offset: 6 }));
    let mut parser = SseParser::new();
    parser.push(b"data: a\ndata: \xE2\x82").unwrap();
    assert_eq!(parser.finish(), Err(SseError::InvalidUtf8 { offset: 14 }));
}

#[test]
fn character_split_across_pushes_is_valid() {
    let text = "data: é€😀 ok\n\n".as_bytes();
    let expected = (vec![data("é€😀 ok")], Ok(None));
    assert_eq!(run_bytewise(DEFAULT_MAX_EVENT_BYTES, text), expected);
    for cut in 0..=text.len() {
        assert_eq!(run_chunks(DEFAULT_MAX_EVENT_BYTES, [&text[..cut], &text[cut..]]), expected, "cut at {cut}");
    }
}

// ----- recorded and provider streams -----

fn workers_ai_chunks(stream: &str) -> Vec<serde_json::Value> {
    let events = parse(stream.as_bytes());
    let (done, chunks) = events.split_last().expect("at least one event");
    assert_eq!(*done, data("[DONE]"));
    chunks
        .iter()
        .map(|event| {
            assert_eq!((&event.event, &event.id, event.retry), (&None, &None, None));
            serde_json::from_str(&event.data).expect("every chunk is JSON")
        })
        .collect()
}

#[test]
fn workers_ai_fixture() {
    let chunks = workers_ai_chunks(WORKERS_AI);
    let text: String = chunks.iter().map(|c| c["response"].as_str().unwrap()).collect();
    assert_eq!(chunks.len(), 6);
    assert_eq!(text, "New York is located in the");
    let events = parse(WORKERS_AI.as_bytes());
    assert_eq!(events[0], data("{\"response\":\"New\"}"));
}

#[test]
fn workers_ai_usage_fixture() {
    let events = parse(WORKERS_AI_USAGE.as_bytes());
    assert_eq!(
        events,
        [
            data("{\"response\":\"Hello\",\"p\":\"user\"}"),
            data("{\"response\":\"\",\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":50,\"total_tokens\":60}}"),
            data("[DONE]"),
        ]
    );
    let chunks = workers_ai_chunks(WORKERS_AI_USAGE);
    assert_eq!(chunks[1]["usage"]["total_tokens"], 60);
}

#[test]
fn openai_chat_chunks() {
    let events = parse(OPENAI_CHAT.as_bytes());
    assert_eq!(events.len(), 6);
    assert_eq!(events.last(), Some(&data("[DONE]")));
    let mut text = String::new();
    for event in &events[..5] {
        assert_eq!(event.event, None);
        let chunk: serde_json::Value = serde_json::from_str(&event.data).unwrap();
        assert_eq!(chunk["object"], "chat.completion.chunk");
        if let Some(content) = chunk["choices"][0]["delta"]["content"].as_str() {
            text.push_str(content);
        }
    }
    assert_eq!(text, "Hello world");
}

#[test]
fn anthropic_message_stream() {
    let events = parse(ANTHROPIC.as_bytes());
    let types: Vec<&str> = events.iter().map(SseEvent::event_type).collect();
    assert_eq!(
        types,
        [
            "message_start",
            "content_block_start",
            "ping",
            "content_block_delta",
            "content_block_delta",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop",
        ]
    );
    let mut text = String::new();
    for event in &events {
        let body: serde_json::Value = serde_json::from_str(&event.data).unwrap();
        assert_eq!(body["type"], event.event_type());
        if let Some(delta) = body["delta"]["text"].as_str() {
            text.push_str(delta);
        }
    }
    assert_eq!(text, "Hello, world!");
    // The same stream with CRLF line ends, pushed a byte at a time.
    let crlf = ANTHROPIC.replace('\n', "\r\n");
    assert_eq!(run_bytewise(DEFAULT_MAX_EVENT_BYTES, crlf.as_bytes()), (events, Ok(None)));
}

#[test]
fn large_event_one_byte_at_a_time_is_linear() {
    // Quadratic rescanning would take minutes here.
    let payload = "y".repeat(256 * 1024);
    let input = format!("data: {payload}\n\n");
    let (events, end) = run_bytewise(DEFAULT_MAX_EVENT_BYTES, input.as_bytes());
    assert_eq!(end, Ok(None));
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].data.len(), payload.len());
}

// ----- property tests -----

/// An event the generator makes, with the lines of its data.
#[derive(Debug, Clone)]
struct GenEvent {
    event: Option<String>,
    lines: Vec<String>,
    id: Option<String>,
    retry: Option<u64>,
}

impl GenEvent {
    fn expected(&self) -> SseEvent {
        SseEvent { event: self.event.clone(), data: self.lines.join("\n"), id: self.id.clone(), retry: self.retry }
    }
}

fn gen_event() -> impl Strategy<Value = GenEvent> {
    (
        proptest::option::of("[a-z_]{1,12}"),
        proptest::collection::vec("[^\r\n]{0,12}", 1..4),
        proptest::option::of("[^\r\n\0]{1,8}"),
        proptest::option::of(any::<u64>()),
    )
        .prop_map(|(event, lines, id, retry)| GenEvent { event, lines, id, retry })
}

/// Random choices for the serializer, taken one at a time.
struct Choices {
    bytes: Vec<u8>,
    next: usize,
}

impl Choices {
    /// A number below `n`; 0 once the bytes run out.
    fn below(&mut self, n: usize) -> usize {
        let byte = self.bytes.get(self.next).copied().unwrap_or(0);
        self.next += 1;
        usize::from(byte) % n
    }

    fn coin(&mut self) -> bool {
        self.below(2) == 1
    }
}

#[derive(Debug, Clone, Copy)]
enum Endings {
    Lf,
    CrLf,
    Cr,
    Mixed,
}

const COMMENTS: [&str; 5] = [":", ": keep-alive", ":ping", ": data: not data", ":  ünïcödé 😀"];

/// `name: value` or `name:value`, keeping a leading space of the value.
fn field_line(name: &str, value: &str, choices: &mut Choices) -> String {
    if value.starts_with(' ') || choices.coin() { format!("{name}: {value}") } else { format!("{name}:{value}") }
}

/// Writes events as an event stream, with random spelling of fields,
/// comments, unknown fields, blocks that dispatch nothing, and line ends.
fn serialize(events: &[GenEvent], choices: &mut Choices, endings: Endings, bom: bool) -> Vec<u8> {
    let mut lines: Vec<String> = Vec::new();
    let mut last_id: Option<&String> = None;
    for event in events {
        if choices.below(6) == 0 {
            // A block without data: dispatches nothing and resets the type.
            lines.push(field_line("event", "ignored", choices));
            lines.push(COMMENTS[choices.below(COMMENTS.len())].to_owned());
            lines.push(String::new());
        }
        let mut block: Vec<String> = Vec::new();
        for value in &event.lines {
            if value.is_empty() && choices.coin() {
                block.push("data".to_owned());
            } else {
                block.push(field_line("data", value, choices));
            }
        }
        let mut others: Vec<String> = Vec::new();
        match &event.event {
            Some(name) => others.push(field_line("event", name, choices)),
            None if choices.coin() => others.push(if choices.coin() { "event".into() } else { "event:".into() }),
            None => {}
        }
        if event.id.as_ref() != last_id || choices.below(4) == 0 {
            others.push(match &event.id {
                Some(id) => field_line("id", id, choices),
                None if choices.coin() => "id".to_owned(),
                None => "id:".to_owned(),
            });
            last_id = event.id.as_ref();
        }
        if let Some(retry) = event.retry {
            others.push(field_line("retry", &retry.to_string(), choices));
        }
        if choices.below(4) == 0 {
            others.push(COMMENTS[choices.below(COMMENTS.len())].to_owned());
        }
        if choices.below(5) == 0 {
            others.push(field_line("unknown", "value", choices));
        }
        for line in others {
            let at = choices.below(block.len() + 1);
            block.insert(at, line);
        }
        lines.extend(block);
        lines.push(String::new());
    }
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(&BOM);
    }
    let mut previous = "";
    for line in &lines {
        let mut ending = match endings {
            Endings::Lf => "\n",
            Endings::CrLf => "\r\n",
            Endings::Cr => "\r",
            Endings::Mixed => ["\n", "\r\n", "\r"][choices.below(3)],
        };
        // After a CR, an empty line ended by LF would read as one CRLF.
        if previous == "\r" && line.is_empty() && ending == "\n" {
            ending = "\r\n";
        }
        out.extend_from_slice(line.as_bytes());
        out.extend_from_slice(ending.as_bytes());
        previous = ending;
    }
    out
}

/// A generated stream and the events it should give.
fn gen_stream(endings: Endings) -> impl Strategy<Value = (Vec<u8>, Vec<SseEvent>)> {
    (proptest::collection::vec(gen_event(), 0..6), proptest::collection::vec(any::<u8>(), 0..64), any::<bool>())
        .prop_map(move |(events, choice_bytes, bom)| {
            let mut choices = Choices { bytes: choice_bytes, next: 0 };
            let bytes = serialize(&events, &mut choices, endings, bom);
            (bytes, events.iter().map(GenEvent::expected).collect())
        })
}

fn any_endings() -> impl Strategy<Value = Endings> {
    prop_oneof![Just(Endings::Lf), Just(Endings::CrLf), Just(Endings::Cr), Just(Endings::Mixed)]
}

/// Recorded and hand-written streams, and generated ones.
fn some_stream() -> impl Strategy<Value = Vec<u8>> {
    let fixed = proptest::sample::select(vec![WORKERS_AI, WORKERS_AI_USAGE, OPENAI_CHAT, ANTHROPIC])
        .prop_map(|s| s.as_bytes().to_vec());
    let generated = any_endings().prop_flat_map(gen_stream).prop_map(|(bytes, _)| bytes);
    prop_oneof![fixed, generated]
}

/// Bytes that are mostly the pieces of event streams, so that they get far
/// into the parser: field names, colons, line ends, BOM bytes, bad bytes.
fn sse_like_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces: Vec<&'static [u8]> = vec![
        b"data",
        b"event",
        b"id",
        b"retry",
        b":",
        b" ",
        b"\n",
        b"\r",
        b"\r\n",
        b"x",
        b"7",
        b"\0",
        b"\xEF\xBB\xBF",
        b"\xEF",
        b"\xBB",
        b"\xE2\x82",
        b"\xAC",
        b"\xFF",
        "é".as_bytes(),
    ];
    proptest::collection::vec(proptest::sample::select(pieces), 0..120).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    // (a) Splitting the bytes anywhere gives the same events.
    #[test]
    fn splitting_does_not_change_the_events(
        input in some_stream(),
        points in proptest::collection::vec(any::<Index>(), 0..24),
    ) {
        let whole = run_whole(DEFAULT_MAX_EVENT_BYTES, &input);
        prop_assert!(whole.1.is_ok());
        prop_assert_eq!(&run_chunks(DEFAULT_MAX_EVENT_BYTES, split_at_points(&input, &points)), &whole);
        prop_assert_eq!(&run_bytewise(DEFAULT_MAX_EVENT_BYTES, &input), &whole);
    }

    // (b) LF, CRLF and CR line ends give the same events.
    #[test]
    fn line_endings_do_not_change_the_events((input, expected) in gen_stream(Endings::Lf)) {
        let text = String::from_utf8(input).unwrap();
        for converted in [text.clone(), text.replace('\n', "\r\n"), text.replace('\n', "\r")] {
            prop_assert_eq!(&parse(converted.as_bytes()), &expected);
        }
    }

    // (c) Arbitrary bytes never panic; they parse or give an error, the
    // same wherever they are split, and the limit holds.
    #[test]
    fn arbitrary_bytes_parse_or_fail_the_same_way_in_any_split(
        input in prop_oneof![proptest::collection::vec(any::<u8>(), 0..256), sse_like_bytes()],
        points in proptest::collection::vec(any::<Index>(), 0..16),
        limit in prop_oneof![Just(DEFAULT_MAX_EVENT_BYTES), 0..48usize],
    ) {
        let whole = run_whole(limit, &input);
        prop_assert_eq!(&run_chunks(limit, split_at_points(&input, &points)), &whole);
        prop_assert_eq!(&run_bytewise(limit, &input), &whole);
        for event in whole.0.iter().chain(whole.1.as_ref().ok().and_then(Option::as_ref)) {
            prop_assert!(event.data.len() <= limit);
        }
        if limit == DEFAULT_MAX_EVENT_BYTES {
            let all = SseParser::parse_all(&input);
            match &whole {
                (events, Ok(last)) => {
                    let mut expected = events.clone();
                    expected.extend(last.clone());
                    prop_assert_eq!(all, Ok(expected));
                }
                (_, Err(error)) => prop_assert_eq!(all, Err(error.clone())),
            }
        }
    }

    // (d) Random events written out as a stream come back unchanged.
    #[test]
    fn generated_events_round_trip(
        (input, expected) in any_endings().prop_flat_map(gen_stream),
        points in proptest::collection::vec(any::<Index>(), 0..8),
    ) {
        prop_assert_eq!(&parse(&input), &expected);
        let split = run_chunks(DEFAULT_MAX_EVENT_BYTES, split_at_points(&input, &points));
        prop_assert_eq!(split, (expected, Ok(None)));
    }
}
