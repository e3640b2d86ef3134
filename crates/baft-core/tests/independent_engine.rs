//! Agreement with an independent geometry engine: `geo`'s own point location and distance
//! algorithms (not used by Baft's point check), on random points around the sample's real
//! polygons, concentrated near edges, vertices and holes.

mod common;
use baft_core::check::PointStatus;
use baft_core::dataset::Dataset;
use baft_core::layer::Layer;
use common::*;
use geo::coordinate_position::CoordPos;
use geo::{Coord, CoordinatePosition, Distance, Euclidean, Point};

/// A random point near a vertex or edge of a random ring of `mp`: within ±3 m, sometimes ±60 m.
fn point_near_an_edge(rng: &mut Rng, mp: &geo::MultiPolygon<f64>) -> Coord {
    let poly = &mp.0[(rng.f() * mp.0.len() as f64) as usize % mp.0.len()];
    let rings: Vec<_> = std::iter::once(poly.exterior())
        .chain(poly.interiors())
        .collect();
    let ring = rings[(rng.f() * rings.len() as f64) as usize % rings.len()];
    let i = (rng.f() * (ring.0.len() - 1) as f64) as usize;
    let (a, b) = (ring.0[i], ring.0[i + 1]);
    let t = if rng.f() < 0.1 { 0.0 } else { rng.f() };
    let spread = if rng.f() < 0.7 { 3.0 } else { 60.0 };
    Coord {
        x: a.x + (b.x - a.x) * t + (rng.f() - 0.5) * 2.0 * spread,
        y: a.y + (b.y - a.y) * t + (rng.f() - 0.5) * 2.0 * spread,
    }
}

/// Every ring of `mp` (shells and holes) as one multi-line string.
fn boundary_lines(mp: &geo::MultiPolygon<f64>) -> geo::MultiLineString<f64> {
    mp.0.iter()
        .map(|q| {
            geo::MultiLineString(
                std::iter::once(q.exterior().clone())
                    .chain(q.interiors().iter().cloned())
                    .collect(),
            )
        })
        .fold(geo::MultiLineString(vec![]), |mut acc, m| {
            acc.0.extend(m.0);
            acc
        })
}

/// geo's answer for `p` against the layer's zones: inside any, and distance to the nearest edge.
fn geo_reference(layer: &Layer, p: Coord) -> (bool, f64) {
    let mut inside_ref = false;
    let mut dist_ref = f64::INFINITY;
    for zz in &layer.zones {
        if zz.local.coordinate_position(&p) == CoordPos::Inside {
            inside_ref = true;
        }
        dist_ref = dist_ref.min(Euclidean.distance(&Point(p), &boundary_lines(&zz.local)));
    }
    (inside_ref, dist_ref)
}

/// The status a point should get from its distance to the boundary and whether it is inside.
fn expected_status(dist_ref: f64, tol: f64, inside_ref: bool) -> PointStatus {
    // Blocks in the sample never touch (streets separate them), so every edge is an outer edge.
    if dist_ref <= tol {
        PointStatus::OnBoundary
    } else if inside_ref {
        PointStatus::Inside
    } else {
        PointStatus::Outside
    }
}

fn agree_on(ds: &Dataset, layer_index: usize, n_random: usize, seed: u64) -> usize {
    let layer = &ds.layers[layer_index];
    let tol = ds.manifest.checking.boundary_tolerance_m;
    let mut rng = Rng(seed);
    let mut checked = 0;
    let zones: Vec<_> = layer.zones.iter().collect();
    for k in 0..n_random {
        // Pick a zone and a vertex/edge of it, then a point within ±3 m of the edge (or further, sometimes).
        let z = zones[k % zones.len()];
        let p = point_near_an_edge(&mut rng, &z.local);
        // Reference: geo's location and distance against every zone of the layer.
        let (inside_ref, dist_ref) = geo_reference(layer, p);
        // Skip points within a micrometre of the tolerance, where rounding decides.
        if (dist_ref - tol).abs() < 1e-6 {
            continue;
        }
        let (lon, lat) = ds.frame.inverse(p.x, p.y);
        let got = ds
            .check_point((lon, lat))
            .layers
            .iter()
            .find(|l| l.layer.id == layer.spec.id)
            .unwrap()
            .clone();
        let want = expected_status(dist_ref, tol, inside_ref);
        assert_eq!(
            got.status, want,
            "point {lat:.8},{lon:.8}: distance {dist_ref:.4} m, geo inside {inside_ref}"
        );
        if want == PointStatus::Outside {
            let d = got.distance_m.unwrap();
            assert!(
                (d - dist_ref).abs() < 0.01,
                "distance {d} vs geo {dist_ref}"
            );
        }
        checked += 1;
    }
    checked
}

#[test]
fn worn_out_blocks_agree_with_geo() {
    let ds = sample();
    assert!(agree_on(&ds, 0, 4000, 0x5eed) > 3900);
}

#[test]
fn informal_settlement_with_hole_agrees_with_geo() {
    let ds = sample();
    assert!(agree_on(&ds, 1, 1500, 0xbeef) > 1450);
}

#[test]
fn neighbourhoods_and_historic_core_agree_with_geo() {
    let ds = sample();
    assert!(agree_on(&ds, 2, 800, 7) > 780);
    assert!(agree_on(&ds, 3, 1500, 11) > 1450);
}

#[test]
fn plot_shares_agree_with_geo_boolean_area_on_random_plots() {
    // Random small plots anywhere near the worn-out blocks: Baft's share equals the area of
    // plot ∩ each block summed (blocks don't overlap), computed here independently per block.
    use geo::{Area, BooleanOps};
    let ds = sample();
    let layer = &ds.layers[0];
    let mut rng = Rng(99);
    for k in 0..300 {
        let z = &layer.zones[k % layer.zones.len()];
        let c = z.local.0[0].exterior().0[0];
        let (w, h) = (8.0 + rng.f() * 25.0, 8.0 + rng.f() * 25.0);
        let (x0, y0) = (c.x - w * rng.f(), c.y - h * rng.f());
        let local = geo::Polygon::new(
            geo::LineString::from(vec![
                (x0, y0),
                (x0 + w, y0),
                (x0 + w, y0 + h),
                (x0, y0 + h),
                (x0, y0),
            ]),
            vec![],
        );
        let ring: Vec<(f64, f64)> = local
            .exterior()
            .0
            .iter()
            .map(|c| ds.frame.inverse(c.x, c.y))
            .collect();
        let r = ds.check_plot(&[ring]).unwrap();
        let want: f64 = layer
            .zones
            .iter()
            .map(|zz| {
                geo::MultiPolygon(vec![local.clone()])
                    .intersection(&zz.local)
                    .unsigned_area()
            })
            .sum::<f64>()
            / local.unsigned_area();
        assert!(
            (r.layers[0].share - want).abs() < 1e-3,
            "plot {k}: {} vs {want}",
            r.layers[0].share
        );
    }
}
