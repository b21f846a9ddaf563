//! Part 2, streaming: time to first chunk and chunks per second, direct and
//! through the gateway, with `Ai::run_stream` and plain reqwest.

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::StreamExt as _;
use gateway_bench::{STREAM_CHUNKS, median, ratio, summarize};
use gateway_core::{Ai, GatewayOptions, RunOptions};
use serde_json::{Value, json};

use crate::numbers::{Shuffle, as_f64, quantile, round2, us};
use crate::{DIRECT, GATEWAY_LOGS_OFF, GATEWAY_LOGS_ON, LOGS_OFF, LOGS_ON, MODEL, Plan, REQUEST_TIMEOUT, ROUTES};

/// One streamed answer: time to the first chunk, to the end, and chunks seen.
#[derive(Debug, Clone, Copy)]
struct StreamSample {
    first: Duration,
    total: Duration,
    chunks: usize,
}

impl StreamSample {
    fn chunks_per_sec(&self) -> f64 {
        as_f64(self.chunks) / self.total.as_secs_f64().max(f64::MIN_POSITIVE)
    }
}

async fn stream_once(ai: &Ai, options: &RunOptions) -> Option<StreamSample> {
    let attempt = async {
        let input = json!({"prompt": "hi"});
        let start = Instant::now();
        let mut stream = ai.run_stream::<_, Value>(MODEL, &input, options).await.ok()?;
        let mut first = None;
        let mut chunks = 0;
        while let Some(chunk) = stream.next().await {
            chunk.ok()?;
            chunks += 1;
            first.get_or_insert_with(|| start.elapsed());
        }
        Some(StreamSample { first: first?, total: start.elapsed(), chunks })
    };
    tokio::time::timeout(REQUEST_TIMEOUT, attempt).await.ok().flatten()
}

/// A stream this slow on loopback has waited on a timer (a delayed ACK).
const SLOW_STREAM: Duration = Duration::from_millis(30);

/// The body of a raw streaming request (the upstream streams on `"stream":true`).
const STREAM_BODY: &str = r#"{"prompt":"hi","stream":true}"#;

/// One streamed answer read with plain reqwest to the end of the body:
/// time to the first bytes, to the end, and events (blank-line separated).
async fn raw_stream_once(client: &reqwest::Client, url: &str) -> Option<StreamSample> {
    let attempt = async {
        let start = Instant::now();
        let response = client
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(STREAM_BODY)
            .send()
            .await
            .ok()?;
        if !response.status().is_success() {
            return None;
        }
        let mut body = response.bytes_stream();
        let (mut first, mut events, mut newline) = (None, 0, false);
        while let Some(chunk) = body.next().await {
            let chunk = chunk.ok()?;
            if !chunk.is_empty() {
                first.get_or_insert_with(|| start.elapsed());
            }
            for &byte in &chunk {
                events += usize::from(newline && byte == b'\n');
                newline = byte == b'\n';
            }
        }
        Some(StreamSample { first: first?, total: start.elapsed(), chunks: events })
    };
    tokio::time::timeout(REQUEST_TIMEOUT, attempt).await.ok().flatten()
}

/// Per path: samples, failures, and per-round ratios to the direct sample of the same round.
#[derive(Debug, Default)]
struct StreamSeries {
    samples: Vec<StreamSample>,
    failures: usize,
    first_ratios: Vec<f64>,
    rate_ratios: Vec<f64>,
}

pub(crate) async fn streaming(ai: &Ai, client: &reqwest::Client, urls: &[Arc<str>; 3], plan: &Plan) -> Value {
    println!(
        "\n== 2. streaming ({STREAM_CHUNKS} content chunks + usage + [DONE]; all six cases interleaved by round) =="
    );
    let options = [
        RunOptions::new(),
        RunOptions::new().gateway(GatewayOptions::new(GATEWAY_LOGS_ON)),
        RunOptions::new().gateway(GatewayOptions::new(GATEWAY_LOGS_OFF)),
    ];
    // Cases 0..3: `Ai::run_stream` (ends at `[DONE]`); 3..6: raw reqwest to the end of the body.
    let options = &options;
    let once = |case: usize| async move {
        if case < 3 { stream_once(ai, &options[case]).await } else { raw_stream_once(client, &urls[case - 3]).await }
    };
    for case in 0..6 {
        for _ in 0..30 {
            let _ = once(case).await;
        }
    }
    let started = Instant::now();
    let mut shuffle = Shuffle::new();
    let mut series: [StreamSeries; 6] = Default::default();
    for _ in 0..plan.stream_rounds {
        if started.elapsed() > plan.stream_budget {
            break;
        }
        let mut this: [Option<StreamSample>; 6] = [None; 6];
        for case in shuffle.order::<6>() {
            this[case] = once(case).await;
        }
        for case in 0..6 {
            let direct = this[case - case % 3];
            let entry = &mut series[case];
            match this[case] {
                Some(sample) => entry.samples.push(sample),
                None => entry.failures += 1,
            }
            if let (Some(sample), Some(direct)) = (this[case], direct) {
                entry.first_ratios.push(ratio(sample.first, direct.first));
                entry.rate_ratios.push(sample.chunks_per_sec() / direct.chunks_per_sec().max(f64::MIN_POSITIVE));
            }
        }
    }
    let mut out = serde_json::Map::new();
    for (client_name, key, cases) in [
        ("Ai::run_stream, to [DONE]", "typed_run_stream", 0..3),
        ("raw reqwest, to the end of the body", "raw_reqwest_to_eof", 3..6),
    ] {
        println!("{client_name}:");
        println!(
            "  {:<17} {:>6} {:>9} {:>15} {:>10} {:>10} {:>17} {:>7} {:>7} {:>7}",
            "path",
            "rounds",
            "TTFC p50",
            "TTFC p10..p90",
            "total p50",
            "chunks/s",
            "chunks/s p10..p90",
            "TTFC x",
            "rate x",
            ">=30ms"
        );
        let mut table = serde_json::Map::new();
        for case in cases {
            let (route, entry) = (case % 3, &mut series[case]);
            table.insert(["direct", "gateway_logs_on", "gateway_logs_off"][route].to_owned(), stream_row(route, entry));
        }
        out.insert(key.to_owned(), Value::Object(table));
    }
    println!(
        "  (µs; x: median over rounds of gateway / direct in the same round; chunks/s = chunks / whole stream time)"
    );
    out.insert("back_to_back_one_connection".to_owned(), back_to_back(urls).await);
    Value::Object(out)
}

/// Streams read to the end one after another on one keep-alive connection
/// per path (a chat client's pattern): shows a stream end held back by a
/// delayed ACK, which the interleaved rounds above may or may not meet.
async fn back_to_back(urls: &[Arc<str>; 3]) -> Value {
    const STREAMS: usize = 20;
    println!("back to back, raw reqwest to the end of the body, {STREAMS} streams on one connection per path:");
    let mut out = serde_json::Map::new();
    for route in [DIRECT, LOGS_OFF, LOGS_ON] {
        let Ok(client) = reqwest::Client::builder().pool_max_idle_per_host(1).timeout(REQUEST_TIMEOUT).build() else {
            continue;
        };
        let _ = raw_stream_once(&client, &urls[route]).await;
        let mut totals = Vec::with_capacity(STREAMS);
        for _ in 0..STREAMS {
            if let Some(sample) = raw_stream_once(&client, &urls[route]).await {
                totals.push(sample.total);
            }
        }
        let slow = totals.iter().filter(|t| **t >= SLOW_STREAM).count();
        let summary = summarize(&mut totals);
        let p50 = summary.map_or(0.0, |s| us(s.p50));
        println!("  {:<17} total p50 {:>8.0} µs, {slow} of {} streams >= 30 ms", ROUTES[route], p50, totals.len());
        out.insert(
            ["direct", "gateway_logs_on", "gateway_logs_off"][route].to_owned(),
            json!({"streams": totals.len(), "total_p50_us": round2(p50), "streams_over_30ms": slow}),
        );
    }
    Value::Object(out)
}

/// Prints and returns one path's streaming numbers.
fn stream_row(route: usize, entry: &mut StreamSeries) -> Value {
    let mut first: Vec<f64> = entry.samples.iter().map(|s| us(s.first)).collect();
    let mut total: Vec<f64> = entry.samples.iter().map(|s| us(s.total)).collect();
    let mut rate: Vec<f64> = entry.samples.iter().map(StreamSample::chunks_per_sec).collect();
    let chunks = entry.samples.iter().map(|s| s.chunks).max().unwrap_or(0);
    // A 40 ms delayed ACK meeting Nagle's algorithm shows up as streams of >= 30 ms.
    let slow = entry.samples.iter().filter(|s| s.total >= SLOW_STREAM).count();
    let (f10, f90) = (quantile(&mut first, 0.1), quantile(&mut first, 0.9));
    let (r10, r90) = (quantile(&mut rate, 0.1), quantile(&mut rate, 0.9));
    let (f50, t50, r50) = (median(&mut first), median(&mut total), median(&mut rate));
    let first_x = median(&mut entry.first_ratios);
    let rate_x = median(&mut entry.rate_ratios);
    println!(
        "  {:<17} {:>6} {:>9.0} {:>7.0}..{:<7.0} {:>10.0} {:>10.0} {:>8.0}..{:<8.0} {:>6.2}x {:>6.2}x {:>7}",
        ROUTES[route],
        entry.samples.len(),
        f50,
        f10,
        f90,
        t50,
        r50,
        r10,
        r90,
        first_x,
        rate_x,
        slow
    );
    json!({
        "rounds": entry.samples.len(),
        "failures": entry.failures,
        "chunks_per_stream": chunks,
        "streams_over_30ms": slow,
        "ttfc_p50_us": round2(f50),
        "ttfc_p10_us": round2(f10),
        "ttfc_p90_us": round2(f90),
        "total_p50_us": round2(t50),
        "chunks_per_s_p50": round2(r50),
        "chunks_per_s_p10": round2(r10),
        "chunks_per_s_p90": round2(r90),
        "ttfc_ratio_vs_direct_median_paired": round2(first_x),
        "chunks_per_s_ratio_vs_direct_median_paired": round2(rate_x),
    })
}
