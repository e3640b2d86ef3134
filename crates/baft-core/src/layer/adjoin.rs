//! Whether two plots adjoin: the one rule for consolidation (تجمیع), used by the owner's
//! neighbours ([`super::parcels::ParcelLayer::neighbours`]) and the profile's clusters of small
//! plots ([`crate::profile::catalyst`]).

use super::Zone;
use geo::BoundingRect;

/// Two edges this close to one line are one boundary (digitising slack), metres.
pub const ON_LINE_M: f64 = 0.05;

/// Plots adjoin for consolidation when they share at least this much boundary, metres: plots
/// meeting only at a corner do not.
pub const MIN_SHARED_M: f64 = 0.5;

impl Zone {
    /// Whether this zone and `other` share a stretch of outer boundary at least `min_shared_m`
    /// metres long: an edge of each lying on one line (within [`ON_LINE_M`]) over that length.
    /// Zones meeting at a corner only, or apart, do not adjoin.
    pub fn adjoins(&self, other: &Zone, min_shared_m: f64) -> bool {
        let (Some(a), Some(b)) = (self.local.bounding_rect(), other.local.bounding_rect()) else {
            return false;
        };
        let slack = ON_LINE_M;
        let apart = a.min().x > b.max().x + slack
            || b.min().x > a.max().x + slack
            || a.min().y > b.max().y + slack
            || b.min().y > a.max().y + slack;
        if apart {
            return false;
        }
        let (mine, theirs) = (edges(self), edges(other));
        mine.iter()
            .any(|e| theirs.iter().any(|f| shared_length(e, f) >= min_shared_m))
    }
}

/// A zone's outer edges, `[x0, y0, x1, y1]` in the local frame.
fn edges(z: &Zone) -> Vec<[f64; 4]> {
    (z.local.0.iter())
        .flat_map(|p| p.exterior().0.windows(2))
        .map(|w| [w[0].x, w[0].y, w[1].x, w[1].y])
        .collect()
}

/// Length over which two segments lie on the same line (within [`ON_LINE_M`]), else 0.
fn shared_length(a: &[f64; 4], c: &[f64; 4]) -> f64 {
    let (dx, dy) = (a[2] - a[0], a[3] - a[1]);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1e-9 {
        return 0.0;
    }
    let dist = |x: f64, y: f64| ((x - a[0]) * dy - (y - a[1]) * dx).abs() / len;
    if dist(c[0], c[1]) > ON_LINE_M || dist(c[2], c[3]) > ON_LINE_M {
        return 0.0;
    }
    let t = |x: f64, y: f64| ((x - a[0]) * dx + (y - a[1]) * dy) / len;
    let (t0, t1) = (t(c[0], c[1]), t(c[2], c[3]));
    let (lo, hi) = (t0.min(t1).max(0.0), t0.max(t1).min(len));
    (hi - lo).max(0.0)
}
