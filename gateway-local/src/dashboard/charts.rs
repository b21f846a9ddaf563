//! The gateway page's charts: line charts over the window's time buckets,
//! drawn by `plotters` into inline SVG (text as SVG `<text>`, no font files),
//! each with a text alternative (`role="img"`, `<title>`) and a caption.

use plotters::prelude::*;

use crate::store::Stats;

/// One chart of the page, ready for the template.
#[derive(Debug, Clone)]
pub(crate) struct Chart {
    /// `requests`, `errors`, ...: the figure's id is `chart-{name}`.
    pub(crate) name: &'static str,
    /// The inline `<svg>` (generated here, no caller text in it but escaped numbers and labels).
    pub(crate) svg: String,
    /// What it shows, in words (the caption and the SVG's title).
    pub(crate) caption: String,
}

/// Chart size in SVG pixels.
const SIZE: (u32, u32) = (520, 220);
/// Line colours: a series' colour by its position (colour-blind-safe Okabe-Ito hues).
const COLOURS: [RGBColor; 3] = [RGBColor(0, 114, 178), RGBColor(213, 94, 0), RGBColor(0, 158, 115)];

/// A named series of values, one per bucket.
struct Series {
    name: &'static str,
    values: Vec<f64>,
}

/// Escapes text for SVG (XML) content and attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A bucket's start as an axis label: the time of day within two days, the date beyond.
fn time_label(ms: i64, bucket_ms: i64) -> String {
    let Ok(at) = jiff::Timestamp::from_millisecond(ms) else { return String::new() };
    if bucket_ms <= 2 * 3_600_000 { at.strftime("%H:%M").to_string() } else { at.strftime("%m-%d").to_string() }
}

/// How a chart's values are written on its axis.
#[derive(Clone, Copy)]
enum Axis {
    /// Whole numbers (counts): ticks on integers.
    Count,
    /// Decimals, with a unit (`%`, ` ms`, or none).
    Amount(&'static str),
}

/// Draws `series` over the buckets of `stats` as SVG, or says why not.
#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "bucket indexes and axis ticks are small"
)]
fn draw(stats: &Stats, series: &[Series], axis: Axis) -> Result<String, String> {
    let buckets = stats.buckets.len().max(1);
    let top = series.iter().flat_map(|s| s.values.iter().copied()).fold(0.0_f64, f64::max);
    let (top, y_ticks) = match axis {
        // At most five ticks, on whole numbers.
        Axis::Count => {
            let top = (top * 1.1).ceil().max(1.0);
            (top, (top as usize).min(5) + 1)
        }
        Axis::Amount(_) => (if top > 0.0 { top * 1.1 } else { 1.0 }, 5),
    };
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let mut chart = ChartBuilder::on(&root)
            .margin(10)
            .x_label_area_size(24)
            .y_label_area_size(56)
            .build_cartesian_2d(0.0..(buckets - 1).max(1) as f64, 0.0..top)
            .map_err(|e| e.to_string())?;
        let x_label = |x: &f64| {
            #[allow(clippy::cast_possible_truncation, reason = "a bucket index")]
            let index = x.round() as i64;
            time_label(stats.from_ms + index * stats.bucket_ms, stats.bucket_ms)
        };
        // Enough decimals that the ticks differ: two below 10, more for small amounts (costs).
        let decimals = if top >= 10.0 { 0 } else { (2.0 - top.log10().floor()).clamp(2.0, 8.0) as usize };
        let y_label = |y: &f64| match axis {
            Axis::Count => format!("{y:.0}"),
            Axis::Amount(unit) => format!("{y:.decimals$}{unit}"),
        };
        chart
            .configure_mesh()
            .x_labels(6)
            .y_labels(y_ticks)
            .x_label_formatter(&x_label)
            .y_label_formatter(&y_label)
            .disable_x_mesh()
            .max_light_lines(0)
            .bold_line_style(RGBColor(225, 228, 232))
            .draw()
            .map_err(|e| e.to_string())?;
        for (line, colour) in series.iter().zip(COLOURS) {
            let points = line.values.iter().enumerate().map(|(i, v)| (i as f64, *v));
            chart
                .draw_series(LineSeries::new(points, colour.stroke_width(2)))
                .map_err(|e| e.to_string())?
                .label(line.name)
                .legend(move |(x, y)| PathElement::new([(x, y), (x + 16, y)], colour.stroke_width(2)));
        }
        if series.len() > 1 {
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::UpperLeft)
                .background_style(WHITE.mix(0.8))
                .border_style(BLACK.mix(0.3))
                .draw()
                .map_err(|e| e.to_string())?;
        }
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

/// `svg` with its text alternative: `role="img"`, `aria-labelledby` and a `<title>` first.
fn labelled(svg: &str, name: &str, caption: &str) -> String {
    let title_id = format!("chart-{name}-title");
    let Some(open_end) = svg.find('>') else { return String::new() };
    let (open, rest) = svg.split_at(open_end);
    let open = open.replacen("<svg ", &format!("<svg role=\"img\" aria-labelledby=\"{title_id}\" "), 1);
    format!("{open}><title id=\"{title_id}\">{}</title>{}", escape(caption), &rest[1..])
}

fn chart(stats: &Stats, name: &'static str, series: &[Series], axis: Axis, caption: String) -> Chart {
    let svg = match draw(stats, series, axis) {
        Ok(svg) => labelled(&svg, name, &caption),
        Err(e) => {
            tracing::warn!(chart = name, error = %e, "a dashboard chart could not be drawn");
            let empty =
                format!(r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}"></svg>"#, SIZE.0, SIZE.1);
            labelled(&empty, name, &caption)
        }
    };
    Chart { name, svg, caption }
}

/// The page's six charts of `stats` over the range named `range`.
#[allow(clippy::cast_precision_loss, reason = "counts far below 2^53")]
pub(crate) fn charts(stats: &Stats, range: &str) -> Vec<Chart> {
    let of = |f: &dyn Fn(&crate::store::Totals) -> f64| stats.buckets.iter().map(f).collect::<Vec<f64>>();
    let total = |f: &dyn Fn(&crate::store::Totals) -> u64| stats.buckets.iter().map(f).sum::<u64>();
    let (requests, errors, cached) = (total(&|b| b.requests), total(&|b| b.errors), total(&|b| b.cached));
    let (tokens_in, tokens_out) = (total(&|b| b.tokens_in), total(&|b| b.tokens_out));
    let cost: f64 = stats.buckets.iter().map(|b| b.cost).sum();
    let rate = if requests == 0 { 0.0 } else { cached as f64 * 100.0 / requests as f64 };
    let buckets = stats.buckets.len();
    let worst = |i: usize| stats.buckets.iter().filter_map(|b| b.latency.map(|l| l[i])).max();
    let ms = |v: Option<u64>| v.map_or_else(|| "none".to_owned(), |v| format!("{v} ms"));
    vec![
        chart(
            stats,
            "requests",
            &[Series { name: "requests", values: of(&|b| b.requests as f64) }],
            Axis::Count,
            format!("Requests over the last {range} in {buckets} buckets: {requests} in all."),
        ),
        chart(
            stats,
            "errors",
            &[Series { name: "errors", values: of(&|b| b.errors as f64) }],
            Axis::Count,
            format!("Errors over the last {range}: {errors} of {requests} requests."),
        ),
        chart(
            stats,
            "cache-hit-rate",
            &[Series {
                name: "cache hit rate",
                values: of(&|b| if b.requests == 0 { 0.0 } else { b.cached as f64 * 100.0 / b.requests as f64 }),
            }],
            Axis::Amount("%"),
            format!("Cache hit rate over the last {range}: {cached} of {requests} requests ({rate:.1}%)."),
        ),
        chart(
            stats,
            "tokens",
            &[
                Series { name: "tokens in", values: of(&|b| b.tokens_in as f64) },
                Series { name: "tokens out", values: of(&|b| b.tokens_out as f64) },
            ],
            Axis::Count,
            format!("Tokens over the last {range}: {tokens_in} in, {tokens_out} out."),
        ),
        chart(
            stats,
            "cost",
            &[Series { name: "cost", values: of(&|b| b.cost) }],
            Axis::Amount(""),
            format!("Cost over the last {range}: {cost:.6} in all."),
        ),
        chart(
            stats,
            "latency",
            &[
                Series { name: "p50", values: of(&|b| b.latency.map_or(0.0, |l| l[0] as f64)) },
                Series { name: "p95", values: of(&|b| b.latency.map_or(0.0, |l| l[1] as f64)) },
                Series { name: "p99", values: of(&|b| b.latency.map_or(0.0, |l| l[2] as f64)) },
            ],
            Axis::Amount(" ms"),
            format!(
                "Latency percentiles over the last {range}, per bucket: highest p50 {}, p95 {}, p99 {}.",
                ms(worst(0)),
                ms(worst(1)),
                ms(worst(2))
            ),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Totals;

    #[test]
    fn charts_are_labelled_svg() {
        let mut buckets = vec![Totals::default(); 24];
        buckets[3] = Totals { requests: 4, errors: 1, cached: 2, latency: Some([5, 9, 9]), ..Totals::default() };
        let stats = Stats { from_ms: 0, bucket_ms: 3_600_000, buckets, by_model: Vec::new() };
        let charts = charts(&stats, "24h");
        assert_eq!(charts.len(), 6);
        for chart in &charts {
            assert!(chart.svg.starts_with("<svg role=\"img\""), "{}", &chart.svg[..80.min(chart.svg.len())]);
            assert!(chart.svg.contains(&format!("<title id=\"chart-{}-title\">", chart.name)));
            assert!(!chart.svg.contains("style="), "CSP: no inline styles in {}", chart.name);
        }
        assert!(charts[0].caption.contains("4 in all"));
        assert!(charts[2].caption.contains("50.0%"));
    }
}
