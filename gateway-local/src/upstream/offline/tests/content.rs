//! Tests of the binary encoders and of deterministic content.

use super::*;

#[test]
fn checksums_and_base64_match_known_vectors() {
    assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
    assert_eq!(crc32(b""), 0);
    assert_eq!(adler32(b"Wikipedia"), 0x11e6_0398);
    assert_eq!(base64(b""), "");
    assert_eq!(base64(b"f"), "Zg==");
    assert_eq!(base64(b"fo"), "Zm8=");
    assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    assert_eq!(unbase64("Zm9vYmE="), b"fooba");
    assert_eq!(seed_of(&[]), FNV_OFFSET);
    assert_eq!(seed_of(&[b"a"]), 0xaf63_dc4c_8601_ec8c); // FNV-1a 64 of "a"
    assert_eq!(percent_decode("@cf%2Fmeta%2fllama%"), "@cf/meta/llama%");
    assert_eq!(rfc3339(1_700_000_000), "2023-11-14T22:13:20");
    assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00");
}

#[test]
fn png_is_valid_and_seeded() {
    assert_eq!(check_png(&png(1)), (8, 8));
    assert_eq!(check_png(&png(u64::MAX)), (8, 8));
    assert_ne!(png(1), png(2));
}

#[test]
fn mp3_and_wav_are_well_formed() {
    let audio = mp3(7, 3);
    assert_eq!(audio.len(), 3 * 417);
    for frame in audio.chunks(417) {
        assert_eq!(&frame[..4], [0xff, 0xfb, 0x90, 0xc4]);
    }
    let file = wav(7, "pcm_f32le", 16_000, 320);
    assert_eq!(&file[..4], b"RIFF");
    assert_eq!(&file[8..16], b"WAVEfmt ");
    assert_eq!(u16::from_le_bytes([file[20], file[21]]), 3);
    assert_eq!(size(u32::from_le_bytes(file[40..44].try_into().unwrap())), 320 * 4);
    assert_eq!(file.len(), 44 + 320 * 4);
}

#[test]
fn same_request_same_bytes_different_prompt_different_answer() {
    let cases = [
        ("workers-ai", "@cf/meta/llama-3.1-8b-instruct", text_gen("Where is New York?")),
        ("openai", "chat/completions", chat("gpt-4o-mini", "Where is New York?")),
        (
            "anthropic",
            "v1/messages",
            json!({"model": "claude-sonnet-4-5", "max_tokens": 64, "messages": [{"role": "user", "content": "Where is New York?"}]}),
        ),
        (
            "google-ai-studio",
            "v1beta/models/gemini-2.5-flash:generateContent",
            json!({"contents": [{"parts": [{"text": "Where is New York?"}]}]}),
        ),
        ("workers-ai", "@cf/stabilityai/stable-diffusion-xl-base-1.0", text_gen("Where is New York?")),
    ];
    for (provider, endpoint, body) in cases {
        let (first, second) = (answer(provider, endpoint, &body), answer(provider, endpoint, &body));
        assert_eq!(first.status, 200);
        assert_eq!(first.body, second.body, "{provider}");
        assert_eq!(first.headers, second.headers);
        let other = serde_json::to_string(&body).unwrap().replace("New York", "Paris");
        let other: Value = serde_json::from_str(&other).unwrap();
        assert_ne!(first.body, answer(provider, endpoint, &other).body, "{provider}");
    }
    let a = answer_json("openai", "chat/completions", &chat("gpt-4o-mini", "hi"), 200);
    let b = answer_json("openai", "chat/completions", &chat("gpt-4o", "hi"), 200);
    assert_ne!(a["choices"][0]["message"]["content"], b["choices"][0]["message"]["content"]);
}

#[test]
fn usage_counts_follow_words() {
    let body =
        answer_json("workers-ai", "@cf/meta/llama-3.1-8b-instruct", &text_gen("one two three four five six"), 200);
    let result = &body["result"];
    let response = result["response"].as_str().unwrap();
    assert!(response.starts_with("Offline answer "));
    assert_eq!(result["usage"]["prompt_tokens"], 8); // round(6 × 4/3)
    assert_eq!(result["usage"]["completion_tokens"], words(response));
    assert_eq!(result["usage"]["total_tokens"], 8 + words(response));
    // System and earlier turns count as input too.
    let body = answer_json("openai", "chat/completions", &chat("gpt-4o-mini", "one two three"), 200);
    assert_eq!(body["usage"]["prompt_tokens"], 7); // round(5 × 4/3)
}
