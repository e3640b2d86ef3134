//! Whether a point on some zone's edge lies on the layer's **outer** boundary: the boundary of
//! the union of the layer's zones, not an edge two adjacent zones share.
//!
//! A point `q` on an edge is on the outer boundary unless the layer covers a whole small disc
//! around it. Around `q`, the edges through it (an edge's two directions when `q` is inside
//! it, one direction when `q` is its end) cut the disc into sectors; inside a disc small
//! enough that no other edge enters it, each sector is wholly in the layer or wholly out. So
//! `q` is on the outer boundary exactly when some sector's middle direction, probed inside that
//! disc, is out of the layer. This holds at any vertex angle, sharp spikes and reflex notches
//! alike, where probing a fixed distance square to one edge does not.
//!
//! Edges of neighbouring zones that should meet rarely meet exactly once projected: a vertex
//! that lies on a neighbour's edge in lon/lat lies some micrometres off it in metres. So edges
//! passing within [`SNAP_M`] of `q` count as passing through it, and sectors narrower than
//! [`SLIVER_RAD`] (the hair between two such edges) count as covered.
//!
//! The point checked is within the tolerance of the outer boundary when some point of the
//! boundary is. The nearest point of the outer boundary is the nearest point on some edge, an
//! edge's end, or a crossing of two edges (where overlapping zones meet), so those candidates
//! within the tolerance are tested, and no other.

use super::PROBE_M;
use crate::geometry::prepared::seg_dist2;
use crate::layer::Layer;

/// Edges and points this close (m) to `q` pass through it: far below any survey's precision
/// (1 mm), far above the projection's drift of a shared vertex.
pub const SNAP_M: f64 = 1e-3;

/// Sectors narrower than this (radians, 0.06°) are the hair between two edges that should
/// coincide, not a notch of the boundary.
pub const SLIVER_RAD: f64 = 1e-3;

/// Whether some point of `layer`'s outer boundary lies within `tolerance` of (x, y), given the
/// edges within `tolerance` of it (with their nearest points, as `edges_within` gives them).
pub(super) fn near_outer_boundary(
    layer: &Layer,
    (x, y): (f64, f64),
    tolerance: f64,
    near: &[((f64, f64), [f64; 4])],
) -> bool {
    let within = |q: (f64, f64)| (q.0 - x).hypot(q.1 - y) <= tolerance;
    let mut candidates: Vec<(f64, f64)> = Vec::new();
    for (i, &(q, e)) in near.iter().enumerate() {
        candidates.push(q);
        candidates.extend(
            [(e[0], e[1]), (e[2], e[3])]
                .into_iter()
                .filter(|&v| within(v)),
        );
        for &(_, f) in &near[i + 1..] {
            candidates.extend(crossing(&e, &f).filter(|&c| within(c)));
        }
    }
    candidates.into_iter().any(|q| on_outer_boundary(layer, q))
}

/// Whether `q`, a point on some zone's edge, is on the layer's outer boundary (module docs).
fn on_outer_boundary(layer: &Layer, (qx, qy): (f64, f64)) -> bool {
    let mut angles: Vec<f64> = Vec::new();
    let mut radius = PROBE_M;
    for z in layer.candidates(qx, qy, PROBE_M) {
        for (_, e) in z.prepared.edges_within(qx, qy, PROBE_M) {
            let (a, b) = ((e[0], e[1]), (e[2], e[3]));
            let len = (b.0 - a.0).hypot(b.1 - a.1);
            if len <= SNAP_M {
                continue;
            }
            let d = seg_dist2(qx, qy, &e).0.sqrt();
            if d > SNAP_M {
                // An edge not through q bounds the disc.
                radius = radius.min(d / 2.0);
                continue;
            }
            radius = radius.min(len / 4.0);
            let dir = |p: (f64, f64)| (p.1 - qy).atan2(p.0 - qx);
            let at_a = (a.0 - qx).hypot(a.1 - qy) <= SNAP_M;
            let at_b = (b.0 - qx).hypot(b.1 - qy) <= SNAP_M;
            if !at_a {
                angles.push(dir(a));
            }
            if !at_b {
                angles.push(dir(b));
            }
        }
    }
    if angles.is_empty() {
        return true;
    }
    angles.sort_by(f64::total_cmp);
    let in_layer = |px: f64, py: f64| {
        layer
            .candidates(px, py, 0.0)
            .any(|z| z.prepared.contains(px, py))
    };
    let n = angles.len();
    (0..n).any(|i| {
        let (lo, hi) = (
            angles[i],
            if i + 1 < n {
                angles[i + 1]
            } else {
                angles[0] + std::f64::consts::TAU
            },
        );
        if hi - lo < SLIVER_RAD {
            return false; // edges in (nearly) one direction: no sector between them
        }
        let mid = (lo + hi) / 2.0;
        !in_layer(qx + radius * mid.cos(), qy + radius * mid.sin())
    })
}

/// Where two segments cross, if they do at one point.
fn crossing(e: &[f64; 4], f: &[f64; 4]) -> Option<(f64, f64)> {
    let (r, s) = ((e[2] - e[0], e[3] - e[1]), (f[2] - f[0], f[3] - f[1]));
    let den = r.0 * s.1 - r.1 * s.0;
    if den.abs() < 1e-18 {
        return None;
    }
    let (qx, qy) = (f[0] - e[0], f[1] - e[1]);
    let t = (qx * s.1 - qy * s.0) / den;
    let u = (qx * r.1 - qy * r.0) / den;
    ((0.0..=1.0).contains(&t) && (0.0..=1.0).contains(&u)).then(|| (e[0] + t * r.0, e[1] + t * r.1))
}
