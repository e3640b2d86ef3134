//! Ring checks: where a ring crosses itself.

#[allow(unused_imports)]
use super::*;

/// The first place where a closed ring crosses itself, if any: a proper crossing of two
/// non-adjacent sides, or a side touching another side away from their shared vertex.
/// `O(n log n)`-ish for large rings (sides are sorted by x and swept), `O(n²)` worst case.
pub fn ring_self_intersection(ring: &[(f64, f64)]) -> Option<(f64, f64)> {
    let n = ring.len().saturating_sub(1);
    if n < 3 {
        return None;
    }
    let mut keyed: Vec<(f64, usize)> = (0..n).map(|i| (ring[i].0.min(ring[i + 1].0), i)).collect();
    let minx = |i: usize| ring[i].0.min(ring[i + 1].0);
    let maxx = |i: usize| ring[i].0.max(ring[i + 1].0);
    keyed.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    for (k, &i) in order.iter().enumerate() {
        let hi = maxx(i);
        for &j in &order[k + 1..] {
            if minx(j) > hi {
                break;
            }
            let (a, b) = (i.min(j), i.max(j));
            let adjacent = b == a + 1 || (a == 0 && b == n - 1);
            if let Some(p) = segment_crossing(ring[a], ring[a + 1], ring[b], ring[b + 1], adjacent)
            {
                return Some(p);
            }
        }
    }
    None
}

fn orient(a: (f64, f64), b: (f64, f64), c: (f64, f64)) -> f64 {
    (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
}

/// Whether two sides intersect in a way that makes the ring invalid. Adjacent sides may only
/// share their common vertex (a collinear overlap, a spike, is invalid).
fn segment_crossing(
    p1: (f64, f64),
    p2: (f64, f64),
    q1: (f64, f64),
    q2: (f64, f64),
    adjacent: bool,
) -> Option<(f64, f64)> {
    let (d1, d2) = (orient(q1, q2, p1), orient(q1, q2, p2));
    let (d3, d4) = (orient(p1, p2, q1), orient(p1, p2, q2));
    if ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
    {
        let t = d1 / (d1 - d2);
        return Some((p1.0 + t * (p2.0 - p1.0), p1.1 + t * (p2.1 - p1.1)));
    }
    let on = |a: (f64, f64), b: (f64, f64), c: (f64, f64)| {
        c.0 >= a.0.min(b.0) && c.0 <= a.0.max(b.0) && c.1 >= a.1.min(b.1) && c.1 <= a.1.max(b.1)
    };
    if adjacent {
        // They share one endpoint; invalid only if they overlap collinearly (a spike back along the side).
        if d1 == 0.0 && d2 == 0.0 {
            let shared = if p1 == q1 || p1 == q2 { p1 } else { p2 };
            let other_p = if shared == p1 { p2 } else { p1 };
            let other_q = if shared == q1 { q2 } else { q1 };
            let dot = (other_p.0 - shared.0) * (other_q.0 - shared.0)
                + (other_p.1 - shared.1) * (other_q.1 - shared.1);
            if dot > 0.0 {
                return Some(shared);
            }
        }
        return None;
    }
    if d1 == 0.0 && on(q1, q2, p1) {
        return Some(p1);
    }
    if d2 == 0.0 && on(q1, q2, p2) {
        return Some(p2);
    }
    if d3 == 0.0 && on(p1, p2, q1) {
        return Some(q1);
    }
    if d4 == 0.0 && on(p1, p2, q2) {
        return Some(q2);
    }
    None
}
