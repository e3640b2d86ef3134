//! A point inside an area (نقطه‌ای درون محدوده): where a result is pinned on the map, what a
//! search hit or a shared plot centres on.
//!
//! geo's `InteriorPoint` uses a sweep-line that asserts on nearly degenerate input (an outline
//! typed at latitude 89.9999° over 240° of longitude made it panic, found by fuzzing), and a
//! panic in wasm kills the app. This module uses the scan-line method of JTS's
//! `InteriorPointArea` instead, which only adds, divides by non-zero numbers and sorts:
//!
//! 1. Take a horizontal line at a height `y` halfway between the two vertex heights nearest the
//!    middle of the bounding box, one at or below it and one above, so the line passes through
//!    no vertex.
//! 2. Find where every ring (shell and holes) crosses it. A closed ring crosses a line that
//!    misses its vertices an even number of times, so the crossings, sorted, pair into the
//!    stretches of the line that lie inside.
//! 3. Answer the middle of the widest stretch (over all polygons of a multipolygon).
//!
//! The answer lies strictly inside for a valid polygon with area. For a polygon with no area
//! (all its vertices at one height) there is none. Non-finite coordinates are skipped.
//!
//! ```
//! use baft_core::geometry::interior::interior_point;
//! use geo::{polygon, MultiPolygon};
//! // An L-shaped plot: its bounding box's centre (1.5, 1.5) is outside it.
//! let l = polygon![(x: 0., y: 0.), (x: 3., y: 0.), (x: 3., y: 1.), (x: 1., y: 1.),
//!                  (x: 1., y: 3.), (x: 0., y: 3.)];
//! let (x, y) = interior_point(&MultiPolygon(vec![l])).unwrap();
//! assert!(y > 0.0 && y < 3.0);
//! assert!(if y < 1.0 { x > 0.0 && x < 3.0 } else { x > 0.0 && x < 1.0 });
//! ```

use geo::{LineString, MultiPolygon, Polygon};

/// A point strictly inside `area` (see the [module](self) for the method), or `None` when it
/// has no area.
pub fn interior_point(area: &MultiPolygon<f64>) -> Option<(f64, f64)> {
    let mut best: Option<(f64, (f64, f64))> = None;
    for p in &area.0 {
        if let Some((width, at)) = widest_stretch(p) {
            if best.is_none_or(|(w, _)| width > w) {
                best = Some((width, at));
            }
        }
    }
    best.map(|(_, at)| at)
}

/// [`interior_point`] of one polygon.
pub fn polygon_interior_point(polygon: &Polygon<f64>) -> Option<(f64, f64)> {
    widest_stretch(polygon).map(|(_, at)| at)
}

fn rings(p: &Polygon<f64>) -> impl Iterator<Item = &LineString<f64>> {
    std::iter::once(p.exterior()).chain(p.interiors())
}

fn finite_ys(p: &Polygon<f64>) -> impl Iterator<Item = f64> + '_ {
    rings(p)
        .flat_map(|r| r.0.iter())
        .filter(|c| c.x.is_finite() && c.y.is_finite())
        .map(|c| c.y)
}

/// The scan line's height: between the nearest vertex heights below and above the middle.
fn scan_height(p: &Polygon<f64>) -> Option<f64> {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for y in finite_ys(p) {
        lo = lo.min(y);
        hi = hi.max(y);
    }
    if lo >= hi {
        return None;
    }
    let centre = lo / 2.0 + hi / 2.0;
    let (mut below, mut above) = (lo, hi);
    for y in finite_ys(p) {
        if y <= centre {
            below = below.max(y);
        } else {
            above = above.min(y);
        }
    }
    let y = below / 2.0 + above / 2.0;
    // With `below` and `above` adjacent floats the halfway point rounds onto one of them.
    (y > below && y < above).then_some(y)
}

/// The widest inside stretch of the scan line: its width and middle.
fn widest_stretch(p: &Polygon<f64>) -> Option<(f64, (f64, f64))> {
    let y = scan_height(p)?;
    let mut xs: Vec<f64> = Vec::new();
    for ring in rings(p) {
        let c = &ring.0;
        let n = c.len();
        for i in 0..n {
            let (a, b) = (c[i], c[(i + 1) % n]);
            if !(a.x.is_finite() && a.y.is_finite() && b.x.is_finite() && b.y.is_finite()) {
                continue;
            }
            if (a.y > y) != (b.y > y) {
                // a.y ≠ b.y here, and neither equals y.
                let t = (y - a.y) / (b.y - a.y);
                let x = a.x + t * (b.x - a.x);
                if x.is_finite() {
                    xs.push(x);
                }
            }
        }
    }
    xs.sort_unstable_by(f64::total_cmp);
    xs.chunks_exact(2)
        .map(|s| (s[1] - s[0], (s[0] / 2.0 + s[1] / 2.0, y)))
        .filter(|(w, _)| w.is_finite() && *w > 0.0)
        .fold(None, |best: Option<(f64, (f64, f64))>, s| match best {
            Some(b) if b.0 >= s.0 => Some(b),
            _ => Some(s),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{polygon, Contains, Point};

    fn inside(p: &Polygon<f64>) -> bool {
        let (x, y) = polygon_interior_point(p).unwrap();
        p.contains(&Point::new(x, y))
    }

    #[test]
    fn a_square_gives_a_point_inside() {
        let sq = polygon![(x: 0., y: 0.), (x: 2., y: 0.), (x: 2., y: 2.), (x: 0., y: 2.)];
        assert!(inside(&sq));
    }

    #[test]
    fn a_square_with_a_hole_in_the_middle_gives_a_point_outside_the_hole() {
        let p = polygon!(
            exterior: [(x: 0., y: 0.), (x: 4., y: 0.), (x: 4., y: 4.), (x: 0., y: 4.)],
            interiors: [[(x: 1., y: 1.), (x: 3., y: 1.), (x: 3., y: 3.), (x: 1., y: 3.)]],
        );
        assert!(inside(&p));
        let (x, _) = polygon_interior_point(&p).unwrap();
        assert!(!(1.0..=3.0).contains(&x));
    }

    #[test]
    fn a_u_shape_gives_a_point_in_an_arm() {
        let u = polygon![(x: 0., y: 0.), (x: 3., y: 0.), (x: 3., y: 3.), (x: 2., y: 3.),
                         (x: 2., y: 1.), (x: 1., y: 1.), (x: 1., y: 3.), (x: 0., y: 3.)];
        assert!(inside(&u));
    }

    #[test]
    fn a_flat_outline_has_none() {
        let flat = polygon![(x: 0., y: 1.), (x: 2., y: 1.), (x: 5., y: 1.)];
        assert_eq!(polygon_interior_point(&flat), None);
        assert_eq!(interior_point(&MultiPolygon(vec![])), None);
    }

    #[test]
    fn a_multipolygon_answers_in_its_widest_part() {
        let small = polygon![(x: 0., y: 0.), (x: 1., y: 0.), (x: 1., y: 1.), (x: 0., y: 1.)];
        let big = polygon![(x: 10., y: 0.), (x: 20., y: 0.), (x: 20., y: 10.), (x: 10., y: 10.)];
        let (x, _) = interior_point(&MultiPolygon(vec![small, big])).unwrap();
        assert!(x > 10.0 && x < 20.0);
    }

    /// The outline fuzzing found making geo's sweep-line panic (see the module docs).
    #[test]
    fn the_near_pole_outline_gives_an_answer_without_panicking() {
        let p = polygon![(x: 0., y: 89.99989), (x: 120., y: 89.9999), (x: 120., y: 89.9999),
                         (x: -0., y: 89.9999), (x: -120., y: 89.9999)];
        let (x, y) = polygon_interior_point(&p).unwrap();
        assert!(x.is_finite() && y > 89.99989 && y < 89.9999);
    }

    #[test]
    fn heights_one_float_apart_have_no_scan_line() {
        let y = 1.0f64;
        let next = f64::from_bits(y.to_bits() + 1);
        let p = polygon![(x: 0., y: y), (x: 1., y: y), (x: 1., y: next), (x: 0., y: next)];
        assert_eq!(polygon_interior_point(&p), None);
    }

    #[test]
    fn non_finite_corners_are_skipped() {
        let p = polygon![(x: 0., y: 0.), (x: f64::NAN, y: 1.), (x: 2., y: 0.), (x: 2., y: 2.),
                         (x: 0., y: 2.)];
        let _ = polygon_interior_point(&p);
    }
}
