//! Small numeric helpers: the fixed-seed shuffle of each round's order,
//! microsecond conversions, rounding and quantiles.

use std::time::Duration;

/// Orders of the cases of each round: a fixed-seed xorshift and Fisher-Yates.
#[derive(Debug)]
pub(crate) struct Shuffle(u64);

impl Shuffle {
    pub(crate) fn new() -> Self {
        Self(0x9E37_79B9_7F4A_7C15)
    }

    pub(crate) fn order<const N: usize>(&mut self) -> [usize; N] {
        let mut out: [usize; N] = std::array::from_fn(|i| i);
        for i in (1..N).rev() {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            let bound = u64::try_from(i + 1).unwrap_or(u64::MAX);
            out.swap(i, usize::try_from(self.0 % bound).unwrap_or(0));
        }
        out
    }
}

pub(crate) fn us(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e6
}

pub(crate) fn fmt_us(duration: Duration) -> String {
    format!("{:.0}", us(duration))
}

pub(crate) fn as_f64(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
}

pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The `q` quantile of `values` (sorted in place); 0 for none.
pub(crate) fn quantile(values: &mut [f64], q: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a rank within the slice")]
    let index = ((as_f64(values.len() - 1) * q).round() as usize).min(values.len() - 1);
    values[index]
}
