//! The area of a plot inside a zone, exactly, by Green's theorem.
//!
//! The area of a region is the integral of `x dy` around its boundary, and the boundary of
//! plot ∩ zone is made of the parts of the plot's edges that lie in the zone and the parts of the
//! zone's edges that lie inside the plot. So [`area_inside`] cuts each edge where the other
//! shape's edges cross or touch it, keeps each piece or not by where its midpoint lies, and sums
//! the kept pieces' integrals. Only the zone's edges that meet the plot's bounding box can lie
//! inside the plot (the zone's band index finds them); when none does, the plot is wholly inside
//! or wholly outside the zone and one vertex decides.
//!
//! Both shapes' rings run anticlockwise around what they enclose (shells anticlockwise, holes
//! clockwise): [`Prepared`] orients a zone's rings so when it is built, [`Outline::new`] a plot's.
//!
//! A piece that lies on an edge of the other shape (a plot's edge along a block's outline, two
//! zones side by side, a hole against another hole) is judged by probing just beside it, on
//! each side, rather than by where its midpoint is; such a piece is taken once, from the plot's
//! side. The sum is exact up to rounding: the integrals are taken from the
//! plot's corner, so that they stay small numbers. `tests/plot_area_property.rs` compares it with
//! `geo`'s boolean operations on random star-shaped zones with holes, plots sharing their edges
//! and corners, in lon/lat and UTM.

use super::prepared::{bounds, push_ring, seg_dist2, Prepared};

/// A piece's midpoint this close (m) to an edge of the other shape lies on that edge. Edges
/// that coincide in the data coincide after projection to within rounding (10⁻¹² m); edges
/// some micrometres apart are told apart by where the midpoint falls.
const ON_M: f64 = 1e-9;

/// How far (m) beside a piece that lies on another edge its sides are probed: far above the
/// rounding of coordinates in metres (10⁻¹¹ m), far below the micrometres that separate edges
/// which meet at a T-junction in the data once projected.
const PROBE_M: f64 = 1e-8;

/// Pieces shorter than this share of their edge are rounding between two equal cut points.
const MIN_PIECE: f64 = 1e-12;

/// A plot's outline prepared for [`area_inside`]: its edges oriented, its box and area.
#[derive(Debug, Clone)]
pub(crate) struct Outline {
    edges: Vec<[f64; 4]>,
    bbox: [f64; 4],
    /// The plot's area, m².
    pub(crate) area: f64,
}

impl Outline {
    /// The outline of `p` (local metres).
    pub(crate) fn new(p: &geo::Polygon<f64>) -> Outline {
        let mut edges = Vec::new();
        push_ring(&mut edges, p.exterior(), true);
        for hole in p.interiors() {
            push_ring(&mut edges, hole, false);
        }
        let bbox = bounds(edges.iter().map(|e| [e[0], e[1], e[0], e[1]]));
        let origin = (bbox[0], bbox[1]);
        let area = edges.iter().map(|e| integral(e, 0.0, 1.0, origin)).sum();
        Outline { edges, bbox, area }
    }

    /// The outline's bounding box `[min x, min y, max x, max y]`.
    pub(crate) fn bbox(&self) -> [f64; 4] {
        self.bbox
    }

    /// Crossing-number test: whether (x, y) is inside (a point on an edge may go either way).
    fn contains(&self, x: f64, y: f64) -> bool {
        let mut inside = false;
        for e in &self.edges {
            if (e[1] > y) != (e[3] > y) {
                let xi = e[0] + (y - e[1]) / (e[3] - e[1]) * (e[2] - e[0]);
                if x < xi {
                    inside = !inside;
                }
            }
        }
        inside
    }
}

/// The area (m²) of the plot `plot` inside the zone `zone`.
pub(crate) fn area_inside(plot: &Outline, zone: &Prepared) -> f64 {
    area_inside_union(plot, &[zone])
}

/// The area (m²) of the plot `plot` inside the union of `zones`, which may overlap, share edges
/// or be made of parts and holes that share edges. A piece that lies on another edge (of the
/// plot or of a zone) is judged by points [`PROBE_M`] either side of it: a plot's piece counts
/// when the plot's side of it is in the union; a zone's piece when the union is on its inner
/// side and not on its outer side (a line where two zones meet is inside the union), and of two
/// zones' pieces that coincide and run the same way, only the first zone's.
pub(crate) fn area_inside_union(plot: &Outline, zones: &[&Prepared]) -> f64 {
    let b = plot.bbox;
    let m = 1e-6;
    let near: Vec<Vec<[f64; 4]>> = zones
        .iter()
        .map(|z| z.edges_meeting([b[0] - m, b[1] - m, b[2] + m, b[3] + m]))
        .collect();
    let Some(first) = plot.edges.first() else {
        return 0.0;
    };
    let in_union = |(x, y): (f64, f64)| zones.iter().any(|z| z.contains(x, y));
    if near.iter().all(Vec::is_empty) {
        // No zone edge comes near the plot: it is wholly inside or wholly outside each.
        return match in_union((first[0], first[1])) {
            true => plot.area.max(0.0),
            false => 0.0,
        };
    }
    let origin = (b[0], b[1]);
    let mut sum = 0.0;
    let all: Vec<[f64; 4]> = near.concat();
    for e in &plot.edges {
        sum += kept_pieces(e, &all, origin, |x, y| match on_any(&all, x, y) {
            true => in_union(beside(e, x, y, PROBE_M)),
            false => in_union((x, y)),
        });
    }
    for (k, edges) in near.iter().enumerate() {
        let mut cuts = plot.edges.clone();
        for (j, other) in near.iter().enumerate() {
            if j != k {
                cuts.extend_from_slice(other);
            }
        }
        for f in edges {
            sum += kept_pieces(f, &cuts, origin, |x, y| {
                if on_any(&plot.edges, x, y) || !plot.contains(x, y) {
                    return false;
                }
                let on_another = near.iter().enumerate().any(|(j, other)| {
                    other.iter().any(|g| {
                        !(j == k && std::ptr::eq(g, f)) && seg_dist2(x, y, g).0 <= ON_M * ON_M
                    })
                });
                if !on_another {
                    // Its own zone is on its inner side; the outer side is in no other zone.
                    return zones
                        .iter()
                        .enumerate()
                        .all(|(j, z)| j == k || !z.contains(x, y));
                }
                let first_of_its_line = near[..k].iter().all(|other| {
                    !other.iter().any(|g| {
                        seg_dist2(x, y, g).0 <= ON_M * ON_M
                            && (f[2] - f[0]) * (g[2] - g[0]) + (f[3] - f[1]) * (g[3] - g[1]) > 0.0
                    })
                });
                first_of_its_line
                    && in_union(beside(f, x, y, PROBE_M))
                    && !in_union(beside(f, x, y, -PROBE_M))
            });
        }
    }
    sum.max(0.0).min(plot.area.max(0.0))
}

/// Whether (x, y) lies on one of `edges`.
fn on_any(edges: &[[f64; 4]], x: f64, y: f64) -> bool {
    edges.iter().any(|f| seg_dist2(x, y, f).0 <= ON_M * ON_M)
}

/// The point `d` metres to the left of (x, y) across the direction of `e` (to the right for a
/// negative `d`).
fn beside(e: &[f64; 4], x: f64, y: f64, d: f64) -> (f64, f64) {
    let (dx, dy) = (e[2] - e[0], e[3] - e[1]);
    let len = (dx * dx + dy * dy).sqrt();
    (x - dy / len * d, y + dx / len * d)
}

/// The integral of `x dy` along the part of `e` from `t0` to `t1`, with `origin` as (0, 0).
fn integral(e: &[f64; 4], t0: f64, t1: f64, origin: (f64, f64)) -> f64 {
    let (dx, dy) = (e[2] - e[0], e[3] - e[1]);
    let (xa, ya) = (e[0] + t0 * dx - origin.0, e[1] + t0 * dy - origin.1);
    let (xb, yb) = (e[0] + t1 * dx - origin.0, e[1] + t1 * dy - origin.1);
    (xa + xb) / 2.0 * (yb - ya)
}

/// Cuts `e` wherever one of `others` crosses or touches it, and sums the integrals of the
/// pieces whose midpoints `keep` accepts.
fn kept_pieces(
    e: &[f64; 4],
    others: &[[f64; 4]],
    origin: (f64, f64),
    keep: impl Fn(f64, f64) -> bool,
) -> f64 {
    let (dx, dy) = (e[2] - e[0], e[3] - e[1]);
    if dx == 0.0 && dy == 0.0 {
        return 0.0;
    }
    let mut cuts = vec![0.0, 1.0];
    for f in others {
        cut_points(e, f, &mut cuts);
    }
    crate::base::small::sort_small_by(&mut cuts, f64::total_cmp);
    let mut sum = 0.0;
    for w in cuts.windows(2) {
        let (t0, t1) = (w[0], w[1]);
        if t1 - t0 <= MIN_PIECE {
            continue;
        }
        let tm = (t0 + t1) / 2.0;
        if keep(e[0] + tm * dx, e[1] + tm * dy) {
            sum += integral(e, t0, t1, origin);
        }
    }
    sum
}

/// Adds to `cuts` the positions along `e` (0 to 1) where `f` crosses it, where an end of `f`
/// lies on or next to it, and, when the two are collinear, where `f`'s ends fall along it.
/// A cut too many only splits a piece in two; a cut too few would misplace a piece.
fn cut_points(e: &[f64; 4], f: &[f64; 4], cuts: &mut Vec<f64>) {
    let pad = 1e-6;
    if e[0].max(e[2]) + pad < f[0].min(f[2])
        || f[0].max(f[2]) + pad < e[0].min(e[2])
        || e[1].max(e[3]) + pad < f[1].min(f[3])
        || f[1].max(f[3]) + pad < e[1].min(e[3])
    {
        return;
    }
    let r = (e[2] - e[0], e[3] - e[1]);
    let s = (f[2] - f[0], f[3] - f[1]);
    let q = (f[0] - e[0], f[1] - e[1]);
    let len2 = r.0 * r.0 + r.1 * r.1;
    let mut add = |t: f64| {
        if t > 0.0 && t < 1.0 {
            cuts.push(t);
        }
    };
    let denom = r.0 * s.1 - r.1 * s.0;
    let scale = len2.sqrt() * (s.0 * s.0 + s.1 * s.1).sqrt();
    if denom.abs() > 1e-12 * scale {
        let t = (q.0 * s.1 - q.1 * s.0) / denom;
        let u = (q.0 * r.1 - q.1 * r.0) / denom;
        if (-1e-9..=1.0 + 1e-9).contains(&u) {
            add(t);
        }
    }
    // The ends of `f` that lie on `e` (or within a hair of it): where they fall along `e`.
    for (px, py) in [(f[0], f[1]), (f[2], f[3])] {
        if seg_dist2(px, py, e).0 <= pad * pad {
            add(((px - e[0]) * r.0 + (py - e[1]) * r.1) / len2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{LineString, MultiPolygon, Polygon};

    fn square(x0: f64, y0: f64, s: f64, clockwise: bool) -> LineString<f64> {
        let mut pts = vec![
            (x0, y0),
            (x0 + s, y0),
            (x0 + s, y0 + s),
            (x0, y0 + s),
            (x0, y0),
        ];
        if clockwise {
            pts.reverse();
        }
        LineString::from(pts)
    }

    fn zone(rings: Vec<Polygon<f64>>) -> Prepared {
        Prepared::new(&MultiPolygon(rings))
    }

    #[test]
    fn whole_partial_touching_and_holes() {
        let block = zone(vec![Polygon::new(square(0.0, 0.0, 100.0, true), vec![])]);
        let plot = |x, y, s| Outline::new(&Polygon::new(square(x, y, s, false), vec![]));
        // Wholly inside, wholly outside, half over the edge, sharing an edge from inside,
        // touching an edge from outside, sharing a corner.
        assert_eq!(area_inside(&plot(10.0, 10.0, 10.0), &block), 100.0);
        assert_eq!(area_inside(&plot(200.0, 10.0, 10.0), &block), 0.0);
        assert!((area_inside(&plot(95.0, 10.0, 10.0), &block) - 50.0).abs() < 1e-9);
        assert!((area_inside(&plot(0.0, 0.0, 10.0), &block) - 100.0).abs() < 1e-9);
        assert!(area_inside(&plot(100.0, 10.0, 10.0), &block).abs() < 1e-9);
        assert!(area_inside(&plot(100.0, 100.0, 10.0), &block).abs() < 1e-9);
        // The block with a hole: a plot in the hole, one across the hole's edge.
        let holed = zone(vec![Polygon::new(
            square(0.0, 0.0, 100.0, false),
            vec![square(40.0, 40.0, 20.0, false)],
        )]);
        assert!(area_inside(&plot(45.0, 45.0, 5.0), &holed).abs() < 1e-9);
        assert!((area_inside(&plot(35.0, 45.0, 10.0), &holed) - 50.0).abs() < 1e-9);
        // The plot is the block.
        assert!((area_inside(&plot(0.0, 0.0, 100.0), &block) - 10_000.0).abs() < 1e-6);
    }

    #[test]
    fn the_union_of_zones_side_by_side_overlapping_or_twice_the_same() {
        let sq = |x, y, s| zone(vec![Polygon::new(square(x, y, s, false), vec![])]);
        let (a, b, c) = (sq(0.0, 0.0, 50.0), sq(50.0, 0.0, 50.0), sq(30.0, 0.0, 50.0));
        let plot = |x, y, s| Outline::new(&Polygon::new(square(x, y, s, false), vec![]));
        // Side by side: a plot across the shared edge, and one along it.
        assert!((area_inside_union(&plot(45.0, 10.0, 10.0), &[&a, &b]) - 100.0).abs() < 1e-9);
        assert!((area_inside_union(&plot(50.0, 10.0, 10.0), &[&a, &b]) - 100.0).abs() < 1e-9);
        // Overlapping (a: x 0–50, c: x 30–80, both y 0–50): the plot x 40–90, y 10–60 has
        // x 40–80, y 10–50 inside their union.
        let across = area_inside_union(&plot(40.0, 10.0, 50.0), &[&a, &c]);
        assert!((across - 40.0 * 40.0).abs() < 1e-9, "{across}");
        // The same zone twice counts once; a plot partly out of both.
        assert!((area_inside_union(&plot(45.0, -5.0, 10.0), &[&a, &a]) - 25.0).abs() < 1e-9);
        assert!((area_inside_union(&plot(90.0, 45.0, 20.0), &[&a, &b]) - 50.0).abs() < 1e-9);
    }

    #[test]
    fn parts_and_holes_that_share_edges() {
        let part = |x, y, s| Polygon::new(square(x, y, s, false), vec![]);
        let plot = |x, y, s| Outline::new(&Polygon::new(square(x, y, s, false), vec![]));
        // A zone of two parts side by side, and a zone that is the second part again: a plot
        // across the parts' shared line is wholly inside, whichever zone comes first.
        let (a, b) = (
            zone(vec![part(0.0, 0.0, 50.0), part(50.0, 0.0, 50.0)]),
            zone(vec![part(50.0, 0.0, 50.0)]),
        );
        for zones in [[&a, &b], [&b, &a]] {
            let got = area_inside_union(&plot(40.0, 10.0, 20.0), &zones);
            assert!((got - 400.0).abs() < 1e-9, "{got}");
        }
        // Two holes side by side: a plot in the first, its edge on their shared line, is out.
        let holed = zone(vec![Polygon::new(
            square(0.0, 0.0, 100.0, false),
            vec![
                square(20.0, 20.0, 30.0, false),
                square(50.0, 20.0, 30.0, false),
            ],
        )]);
        assert!(area_inside(&plot(40.0, 30.0, 10.0), &holed).abs() < 1e-9);
        // A hole against the shell's edge: a plot outside touching it there is out.
        let notched = zone(vec![Polygon::new(
            square(0.0, 0.0, 100.0, false),
            vec![square(100.0 - 30.0, 20.0, 30.0, false)],
        )]);
        assert!(area_inside(&plot(100.0, 25.0, 10.0), &notched).abs() < 1e-9);
        assert!((area_inside(&plot(60.0, 25.0, 20.0), &notched) - 200.0).abs() < 1e-9);
    }

    #[test]
    fn a_plot_whose_hole_is_its_shell_has_no_area_and_does_not_panic() {
        let block = zone(vec![Polygon::new(square(0.0, 0.0, 100.0, false), vec![])]);
        let shell = square(0.0, 0.0, 10.0, false);
        let hole = LineString::from(vec![
            (-5e-7, -5e-7),
            (10.0 + 5e-7, -5e-7),
            (10.0 + 5e-7, 10.0 + 5e-7),
            (-5e-7, 10.0 + 5e-7),
            (-5e-7, -5e-7),
        ]);
        let empty = Outline::new(&Polygon::new(shell, vec![hole]));
        assert!(empty.area <= 0.0);
        assert_eq!(area_inside(&empty, &block), 0.0);
    }

    #[test]
    fn two_parts_sharing_an_edge_cover_a_plot_across_it() {
        let parts = zone(vec![
            Polygon::new(square(0.0, 0.0, 50.0, false), vec![]),
            Polygon::new(square(50.0, 0.0, 50.0, false), vec![]),
        ]);
        let across = Outline::new(&Polygon::new(square(45.0, 10.0, 10.0, false), vec![]));
        assert!((area_inside(&across, &parts) - 100.0).abs() < 1e-9);
        // A plot whose edge runs along the parts' shared edge.
        let along = Outline::new(&Polygon::new(square(50.0, 10.0, 10.0, false), vec![]));
        assert!((area_inside(&along, &parts) - 100.0).abs() < 1e-9);
    }
}
