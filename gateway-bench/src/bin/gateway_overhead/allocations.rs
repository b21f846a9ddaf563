//! Part 3a: heap bytes and allocations the embedded gateway adds per
//! proxied request (a batch through it minus the same batch direct).

use std::sync::Arc;
use std::time::Duration;

use gateway_bench::median;
use serde_json::{Value, json};
use stats_alloc::{Region, Stats};

use crate::numbers::{Shuffle, as_f64, round2};
use crate::requests::post;
use crate::{DIRECT, GLOBAL, LOGS_OFF, LOGS_ON, Plan, ROUTES};

/// Bytes and allocations per request the embedded gateway adds (logs on and off).
pub(crate) async fn allocations(client: &reqwest::Client, urls: &[Arc<str>; 3], plan: &Plan) -> Value {
    println!("\n== 3a. heap allocated per proxied request, embedded gateway (batch minus the same batch direct) ==");
    for url in urls {
        sequential(client, url, 200).await;
    }
    let mut stats: [Vec<Stats>; 3] = Default::default();
    let mut shuffle = Shuffle::new();
    for _ in 0..plan.alloc_reps {
        for route in shuffle.order::<3>() {
            let region = Region::new(GLOBAL);
            let ok = sequential(client, &urls[route], plan.alloc_batch).await;
            let change = region.change();
            if ok == plan.alloc_batch {
                stats[route].push(change);
            }
        }
    }
    let n = as_f64(plan.alloc_batch);
    let mut out = serde_json::Map::new();
    println!("{:<30} {:>14} {:>14} {:>20}", "", "bytes/request", "allocs/request", "retained bytes/req");
    let per_request = |f: &dyn Fn(&Stats) -> f64| -> f64 {
        let mut per: Vec<f64> = stats[DIRECT].iter().map(|s| f(s) / n).collect();
        median(&mut per)
    };
    let (bytes, count) = (per_request(&|s| as_f64(s.bytes_allocated)), per_request(&|s| as_f64(s.allocations)));
    println!("{:<30} {:>14.0} {:>14.1}", "direct (client + upstream)", bytes, count);
    out.insert(
        "direct_client_and_upstream".to_owned(),
        json!({"bytes": round2(bytes), "allocations": round2(count), "batches": stats[DIRECT].len()}),
    );
    for route in [LOGS_ON, LOGS_OFF] {
        let pairs = stats[route].iter().zip(&stats[DIRECT]);
        let diff = |f: &dyn Fn(&Stats) -> f64| -> f64 {
            let mut per: Vec<f64> = pairs.clone().map(|(g, d)| (f(g) - f(d)) / n).collect();
            median(&mut per)
        };
        let bytes = diff(&|s| as_f64(s.bytes_allocated));
        let count = diff(&|s| as_f64(s.allocations));
        let retained = diff(&|s| as_f64(s.bytes_allocated) - as_f64(s.bytes_deallocated));
        println!("{:<30} {:>14.0} {:>14.1} {:>20.0}", format!("added by {}", ROUTES[route]), bytes, count, retained);
        out.insert(
            ["direct", "gateway_logs_on", "gateway_logs_off"][route].to_owned(),
            json!({
                "bytes": round2(bytes),
                "allocations": round2(count),
                "retained_bytes": round2(retained),
                "batches": stats[route].len().min(stats[DIRECT].len()),
            }),
        );
    }
    out.insert("batch".to_owned(), json!(plan.alloc_batch));
    println!(
        "(median over {} interleaved batches of {}; SQLite allocates with libc malloc, not counted)",
        plan.alloc_reps, plan.alloc_batch
    );
    Value::Object(out)
}

/// `count` requests one after another (at most 60 s); how many succeeded.
async fn sequential(client: &reqwest::Client, url: &str, count: usize) -> usize {
    let mut ok = 0;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    for _ in 0..count {
        match tokio::time::timeout_at(deadline, post(client, url)).await {
            Ok(true) => ok += 1,
            Ok(false) => {}
            Err(_) => break,
        }
    }
    ok
}
