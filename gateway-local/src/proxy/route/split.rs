//! A percentage node's choice: a draw in [0, 100) from the gateway's seed
//! and the request, mapped onto the node's shares in order.
//!
//! Reproducible (gateway-local's own choice; Cloudflare draws at random): a
//! draw is SHA-256 of the seed, the gateway, the route name, the element and a draw
//! key — the request's `cf-aig-event-id` when the caller sets one, else the
//! number of draws the gateway has made since it started. So the same
//! `route_seed` and the same requests in the same order (or with the same
//! event ids, in any order) take the same outputs, and the shares hold over
//! many requests because SHA-256's output is uniform.

use gateway_core::route::Percentage;
use sha2::{Digest as _, Sha256};

/// What a draw is made of, besides the seed.
pub(crate) struct DrawKey<'a> {
    pub(crate) gateway: &'a str,
    pub(crate) route: &'a str,
    pub(crate) element: &'a str,
    /// The caller's event id, else the gateway's draw count as text.
    pub(crate) key: &'a str,
}

/// A number in [0, 100), uniform over keys.
pub(crate) fn draw(seed: u64, key: &DrawKey<'_>) -> f64 {
    let mut hash = Sha256::new();
    hash.update(seed.to_be_bytes());
    for part in [key.gateway, key.route, key.element, key.key] {
        // Length-prefixed: no two different keys hash the same bytes.
        hash.update((part.len() as u64).to_be_bytes());
        hash.update(part.as_bytes());
    }
    let digest = hash.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    // The top 53 bits: every value exactly representable, uniform in [0, 1).
    #[allow(clippy::cast_precision_loss, reason = "53 bits fit an f64 exactly")]
    let unit = (u64::from_be_bytes(first) >> 11) as f64 / (1u64 << 53) as f64;
    unit * 100.0
}

/// The output a draw takes: the first share whose running total exceeds
/// it; past every share, `else` (or the last share when there is none).
pub(crate) fn pick(node: &Percentage, draw: f64) -> Option<&str> {
    let mut total = 0.0;
    for share in &node.shares {
        total += share.percent().unwrap_or(0.0);
        if draw < total {
            return Some(&share.target);
        }
    }
    node.otherwise.as_deref().or_else(|| node.shares.last().map(|s| s.target.as_str()))
}

#[cfg(test)]
mod tests {
    use gateway_core::route::Share;

    use super::*;

    fn seventy_thirty() -> Percentage {
        Percentage {
            shares: vec![
                Share { key: "70%".into(), target: "a".into() },
                Share { key: "30%".into(), target: "b".into() },
            ],
            otherwise: None,
        }
    }

    #[test]
    fn the_same_seed_and_key_draw_the_same_and_others_differ() {
        let key = |k| DrawKey { gateway: "g", route: "r", element: "split", key: k };
        assert_eq!(draw(7, &key("1")).to_bits(), draw(7, &key("1")).to_bits());
        assert_ne!(draw(7, &key("1")).to_bits(), draw(8, &key("1")).to_bits());
        assert_ne!(draw(7, &key("1")).to_bits(), draw(7, &key("2")).to_bits());
        // Parts do not run into each other.
        let a = DrawKey { gateway: "g", route: "r", element: "ab", key: "c" };
        let b = DrawKey { gateway: "g", route: "r", element: "a", key: "bc" };
        assert_ne!(draw(7, &a).to_bits(), draw(7, &b).to_bits());
    }

    #[test]
    fn draws_follow_the_weights_over_many_keys() {
        let node = seventy_thirty();
        let n = 100_000;
        let to_a = (0..n)
            .filter(|i| {
                let key = i.to_string();
                let d = draw(42, &DrawKey { gateway: "g", route: "r", element: "s", key: &key });
                assert!((0.0..100.0).contains(&d));
                pick(&node, d) == Some("a")
            })
            .count();
        #[allow(clippy::cast_precision_loss, reason = "small counts")]
        let share = to_a as f64 / f64::from(n);
        assert!((share - 0.7).abs() < 0.01, "share of a: {share}");
    }

    #[test]
    fn draws_past_every_share_take_else_or_the_last() {
        let mut node = seventy_thirty();
        assert_eq!(pick(&node, 0.0), Some("a"));
        assert_eq!(pick(&node, 69.999), Some("a"));
        assert_eq!(pick(&node, 70.0), Some("b"));
        assert_eq!(pick(&node, 99.999), Some("b"));
        node.shares[1].key = "20%".into();
        assert_eq!(pick(&node, 95.0), Some("b"));
        node.otherwise = Some("c".into());
        assert_eq!(pick(&node, 95.0), Some("c"));
    }
}
