//! Part 1, the rate ladder: the three paths interleaved in slices at each
//! rate, the p99 the gateway adds (pooled and by round), and the 1 ms target.

use std::sync::Arc;
use std::time::{Duration, Instant};

use gateway_bench::{Summary, median, summarize};
use serde_json::{Value, json};

use crate::numbers::{Shuffle, as_f64, fmt_us, round2, us};
use crate::open_loop::{Load, open_loop};
use crate::{DIRECT, LOGS_OFF, LOGS_ON, Plan, ROUTES};

/// The rate ladder, requests per second.
pub(crate) const RATES: [u32; 8] = [500, 1000, 2000, 4000, 6000, 8000, 12000, 16000];
/// A rate is sustained when this share of it is achieved...
const MIN_ACHIEVED: f64 = 0.95;
/// ...with a p99 under this...
const MAX_P99: Duration = Duration::from_millis(50);
/// ...and at most this share of requests failing.
const MAX_ERROR_SHARE: f64 = 0.001;
/// The goal: p99 added by the gateway (logging on) at the highest sustained rate.
const TARGET_ADDED_P99: Duration = Duration::from_millis(1);

/// Length of one interleaved slice of a path at a rate.
const SLICE: Duration = Duration::from_millis(500);

/// One path at one rate.
#[derive(Debug, Clone, Copy)]
struct PathStats {
    summary: Option<Summary>,
    /// The generator's own lag (scheduled send to the request's task starting).
    lag: Option<Summary>,
    achieved: f64,
    ok: usize,
    errors: usize,
    sustained: bool,
}

impl PathStats {
    fn new(rate: u32, mut load: Load) -> Self {
        let summary = summarize(&mut load.latencies);
        let lag = summarize(&mut load.lags);
        let achieved = as_f64(load.ok) / load.active.as_secs_f64().max(f64::MIN_POSITIVE);
        let error_share = as_f64(load.errors) / as_f64((load.ok + load.errors).max(1));
        let sustained = achieved >= MIN_ACHIEVED * f64::from(rate)
            && summary.is_some_and(|s| s.p99 <= MAX_P99)
            && error_share <= MAX_ERROR_SHARE;
        Self { summary, lag, achieved, ok: load.ok, errors: load.errors, sustained }
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct RateRow {
    rate: u32,
    paths: [PathStats; 3],
    /// Per path: the median over rounds of (this path's slice − the direct
    /// slice of the same round) at p50 and p99, in µs. A stall of the machine
    /// hits one slice, not the median.
    paired: [Option<(f64, f64)>; 3],
}

impl RateRow {
    /// Sustained by the direct path and the gateway with logging on.
    fn sustained(&self) -> bool {
        self.paths[DIRECT].sustained && self.paths[LOGS_ON].sustained
    }
    /// Gateway minus direct at p50 and p99, in microseconds.
    fn added(&self, route: usize) -> Option<(f64, f64)> {
        let (gateway, direct) = (self.paths[route].summary?, self.paths[DIRECT].summary?);
        Some((us(gateway.p50) - us(direct.p50), us(gateway.p99) - us(direct.p99)))
    }
    /// Whether the gateway with logging on adds at most [`TARGET_ADDED_P99`]
    /// at p99, both pooled and paired by round.
    fn meets_target(&self) -> bool {
        let limit = us(TARGET_ADDED_P99);
        self.added(LOGS_ON).is_some_and(|(_, p99)| p99 <= limit)
            && self.paired[LOGS_ON].is_some_and(|(_, p99)| p99 <= limit)
    }
}

/// Median over rounds of `route`'s slice minus the direct slice, at p50 and p99.
fn paired_added(slices: &[Vec<Option<Summary>>; 3], route: usize) -> Option<(f64, f64)> {
    let pairs: Vec<(Summary, Summary)> =
        slices[route].iter().zip(&slices[DIRECT]).filter_map(|(g, d)| Some(((*g)?, (*d)?))).collect();
    if pairs.is_empty() {
        return None;
    }
    let mut p50: Vec<f64> = pairs.iter().map(|(g, d)| us(g.p50) - us(d.p50)).collect();
    let mut p99: Vec<f64> = pairs.iter().map(|(g, d)| us(g.p99) - us(d.p99)).collect();
    Some((median(&mut p50), median(&mut p99)))
}

pub(crate) async fn ladder(client: &reqwest::Client, urls: &[Arc<str>; 3], plan: &Plan) -> Vec<RateRow> {
    println!("== 1. latency added at fixed rates (open loop, from scheduled send; µs) ==");
    println!(
        "{:>8}  {:<17} {:>11} {:>8} {:>8} {:>8} {:>8} {:>10} {:>8} {:>7}  sustained",
        "target/s", "path", "achieved/s", "p50", "p99", "+p50", "+p99", "+p99 rnd", "lag p99", "errors"
    );
    let started = Instant::now();
    let rounds = usize::try_from(plan.per_rate.as_millis() / SLICE.as_millis()).unwrap_or(1).max(1);
    let mut shuffle = Shuffle::new();
    let mut rows = Vec::new();
    for rate in RATES {
        if started.elapsed() > plan.ladder_budget {
            println!("(ladder time budget of {:?} spent: stopping)", plan.ladder_budget);
            break;
        }
        for url in urls {
            let _ = open_loop(client.clone(), Arc::clone(url), rate, plan.warm).await;
        }
        let rate_started = Instant::now();
        let mut loads: [Load; 3] = Default::default();
        let mut slices: [Vec<Option<Summary>>; 3] = Default::default();
        for round in 0..rounds {
            // An overloaded path drains slowly: bound the time spent on one rate.
            if rate_started.elapsed() > (plan.per_rate + plan.warm) * 3 + Duration::from_secs(5) {
                println!("(time for {rate}/s spent after {round} of {rounds} rounds)");
                break;
            }
            // A new order each round: no path always runs first, or after the same other.
            for route in shuffle.order::<3>() {
                let load = open_loop(client.clone(), Arc::clone(&urls[route]), rate, SLICE).await;
                slices[route].push(summarize(&mut load.latencies.clone()));
                loads[route].absorb(load);
            }
            // A path far past its limit will not recover within this rate: save the time.
            let hopeless = [DIRECT, LOGS_ON]
                .into_iter()
                .any(|route| slices[route].last().is_some_and(|slice| slice.is_none_or(|s| s.p99 > MAX_P99 * 4)));
            if hopeless && round + 1 < rounds {
                println!(
                    "({rate}/s: p99 over {:?} in round {}: not sustainable, rounds cut short)",
                    MAX_P99 * 4,
                    round + 1
                );
                break;
            }
        }
        let paths = loads.map(|load| PathStats::new(rate, load));
        let paired = [None, paired_added(&slices, LOGS_ON), paired_added(&slices, LOGS_OFF)];
        let row = RateRow { rate, paths, paired };
        print_row(&row);
        rows.push(row);
        if !row.sustained() {
            println!("(not sustained at {rate}/s: stopping the ladder)");
            break;
        }
    }
    rows
}

fn print_row(row: &RateRow) {
    for (route, stats) in row.paths.iter().enumerate() {
        let (p50, p99) = stats.summary.map_or(("-".to_owned(), "-".to_owned()), |s| (fmt_us(s.p50), fmt_us(s.p99)));
        let (added50, added99) = match (route, row.added(route)) {
            (DIRECT, _) | (_, None) => (String::new(), String::new()),
            (_, Some((a, b))) => (format!("{a:+.0}"), format!("{b:+.0}")),
        };
        let paired99 = row.paired[route].map_or(String::new(), |(_, p99)| format!("{p99:+.0}"));
        println!(
            "{:>8}  {:<17} {:>11.0} {:>8} {:>8} {:>8} {:>8} {:>10} {:>8} {:>7}  {}",
            row.rate,
            ROUTES[route],
            stats.achieved,
            p50,
            p99,
            added50,
            added99,
            paired99,
            stats.lag.map_or("-".to_owned(), |s| fmt_us(s.p99)),
            stats.errors,
            if stats.sustained { "yes" } else { "NO" }
        );
    }
}

pub(crate) fn max_sustained(rows: &[RateRow]) -> Option<u32> {
    rows.iter().filter(|row| row.sustained()).map(|row| row.rate).max()
}

pub(crate) fn report_ladder(rows: &[RateRow]) -> Value {
    let max = max_sustained(rows);
    let max_logs_off = rows
        .iter()
        .filter(|row| row.paths[DIRECT].sustained && row.paths[LOGS_OFF].sustained)
        .map(|row| row.rate)
        .max();
    let at_max = rows.iter().find(|row| Some(row.rate) == max);
    let added_p99 = at_max.and_then(|row| row.added(LOGS_ON)).map(|(_, p99)| p99);
    let paired_p99 = at_max.and_then(|row| row.paired[LOGS_ON]).map(|(_, p99)| p99);
    let met = at_max.is_some_and(RateRow::meets_target);
    let meeting = rows.iter().filter(|row| row.sustained() && row.meets_target()).map(|row| row.rate).max();
    let exhausted = rows.len() == RATES.len() && rows.iter().all(RateRow::sustained);
    println!();
    match (max, added_p99, paired_p99) {
        (Some(max), Some(added), Some(paired)) => println!(
            "max sustained rate (direct and gateway logs on): {max}/s; p99 added there with logging on: {added:+.0} µs \
             pooled, {paired:+.0} µs median by round -> target p99 added <= {} µs (both): {}",
            us(TARGET_ADDED_P99),
            if met { "MET" } else { "NOT MET" }
        ),
        _ => println!("no rate of the ladder was sustained -> target p99 added <= 1 ms: NOT MET"),
    }
    if let Some(rate) = max_logs_off {
        println!("max sustained rate (direct and gateway logs off): {rate}/s");
    }
    if exhausted {
        println!("(every rate of the ladder was sustained: the maximum is at least its top)");
    }
    match meeting {
        Some(rate) => println!("highest sustained rate with p99 added <= 1 ms, logging on: {rate}/s"),
        None => println!("no sustained rate had p99 added <= 1 ms with logging on"),
    }
    let rates: Vec<Value> = rows
        .iter()
        .map(|row| {
            let path = |route: usize| {
                let stats = row.paths[route];
                let mut out = json!({
                    "achieved_per_s": round2(stats.achieved),
                    "ok": stats.ok,
                    "errors": stats.errors,
                    "p50_us": stats.summary.map(|s| round2(us(s.p50))),
                    "p99_us": stats.summary.map(|s| round2(us(s.p99))),
                    "max_us": stats.summary.map(|s| round2(us(s.max))),
                    "generator_lag_p50_us": stats.lag.map(|s| round2(us(s.p50))),
                    "generator_lag_p99_us": stats.lag.map(|s| round2(us(s.p99))),
                    "sustained": stats.sustained,
                });
                if let (Some((p50, p99)), true) = (row.added(route), route != DIRECT) {
                    out["added_p50_us"] = json!(round2(p50));
                    out["added_p99_us"] = json!(round2(p99));
                }
                if let Some((p50, p99)) = row.paired[route] {
                    out["added_p50_us_median_by_round"] = json!(round2(p50));
                    out["added_p99_us_median_by_round"] = json!(round2(p99));
                }
                out
            };
            json!({
                "target_per_s": row.rate,
                "direct": path(DIRECT),
                "gateway_logs_on": path(LOGS_ON),
                "gateway_logs_off": path(LOGS_OFF),
            })
        })
        .collect();
    json!({
        "rates": rates,
        "max_sustained_per_s": max,
        "max_sustained_logs_off_per_s": max_logs_off,
        "added_p99_at_max_logs_on_us": added_p99.map(round2),
        "added_p99_at_max_logs_on_us_median_by_round": paired_p99.map(round2),
        "target_added_p99_us": us(TARGET_ADDED_P99),
        "target_met": met,
        "highest_rate_meeting_target_per_s": meeting,
        "ladder_top_sustained": exhausted,
        "sustained_means": "achieved >= 95% of target, p99 <= 50 ms, errors <= 0.1%",
        "target_rule": "gateway logs on minus direct p99 <= 1 ms at the max sustained rate, pooled and median by round",
    })
}
