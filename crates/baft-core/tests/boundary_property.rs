//! The boundary status as a property, against `geo`'s independent union, location and distance:
//! random star-shaped zones with sharp spikes and reflex notches, holes, MultiPolygons, zones
//! sharing an edge, in lon/lat and in UTM; points at exact vertices, at edge midpoints, near
//! edges and anywhere. A point within the tolerance of the union's boundary is `on_boundary`,
//! else `inside` or `outside` as `geo` places it.

mod common;
use baft_core::check::PointStatus;
use baft_core::dataset::Dataset;
use baft_core::geometry::projection::TransverseMercator;
use baft_core::layer::Zone;
use common::shapes::{geojson, random_layer, reference_union, square};
use common::Rng;
use geo::coordinate_position::CoordPos;
use geo::{Coord, CoordinatePosition, Distance, Euclidean, MultiPolygon, Point};

/// Every ring of the union (shells and holes) as one multi-line string.
fn union_boundary(union: &MultiPolygon<f64>) -> geo::MultiLineString<f64> {
    geo::MultiLineString(
        union
            .0
            .iter()
            .flat_map(|p| {
                std::iter::once(p.exterior().clone()).chain(p.interiors().iter().cloned())
            })
            .collect(),
    )
}

/// Each edge's start vertex, midpoint and a random point near it, then 60 points anywhere.
fn test_points(rng: &mut Rng, zones: &[Zone]) -> Vec<Coord> {
    let mut points: Vec<Coord> = Vec::new();
    for z in zones {
        for p in &z.local.0 {
            for ring in std::iter::once(p.exterior()).chain(p.interiors()) {
                for w in ring.0.windows(2) {
                    let (a, b) = (w[0], w[1]);
                    points.push(a); // an exact vertex
                    points.push(Coord {
                        x: (a.x + b.x) / 2.0,
                        y: (a.y + b.y) / 2.0,
                    });
                    let t = rng.f();
                    points.push(Coord {
                        x: a.x + (b.x - a.x) * t + (rng.f() - 0.5) * 3.0,
                        y: a.y + (b.y - a.y) * t + (rng.f() - 0.5) * 3.0,
                    });
                }
            }
        }
    }
    for _ in 0..60 {
        points.push(Coord {
            x: -600.0 + rng.f() * 1500.0,
            y: -400.0 + rng.f() * 800.0,
        });
    }
    points
}

/// The status `p` should get: on the boundary within `tol` of it, else as geo places it.
fn expected_status(dist: f64, tol: f64, union: &MultiPolygon<f64>, p: Coord) -> PointStatus {
    if dist <= tol {
        PointStatus::OnBoundary
    } else if union.coordinate_position(&p) == CoordPos::Inside {
        PointStatus::Inside
    } else {
        PointStatus::Outside
    }
}

/// Checks every test point of one random layer; returns how many were compared.
fn agree(seed: u64, utm: bool) -> usize {
    let mut rng = Rng(seed);
    let layer = random_layer(&mut rng);
    let ds = Dataset::from_single_file("zones.geojson", &geojson(&layer, utm)).unwrap();
    let zones = &ds.layers[0].zones;
    assert_eq!(zones.len(), layer.len(), "seed {seed}: every feature loads");
    let union = reference_union(zones);
    let boundary = union_boundary(&union);
    let tol = ds.manifest.checking.boundary_tolerance_m;
    let points = test_points(&mut rng, zones);
    let mut compared = 0;
    for p in points {
        let dist = Euclidean.distance(&Point(p), &boundary);
        if (dist - tol).abs() < 1e-3 {
            continue; // rounding decides
        }
        let want = expected_status(dist, tol, &union, p);
        let (lon, lat) = ds.frame.inverse(p.x, p.y);
        let got = ds.check_point((lon, lat)).layers[0].status;
        assert_eq!(
            got, want,
            "seed {seed}, utm {utm}: local ({:.4}, {:.4}), {dist:.6} m from the union's boundary",
            p.x, p.y
        );
        compared += 1;
    }
    compared
}

#[test]
fn vertices_edges_and_random_points_agree_with_geo_in_lon_lat() {
    let n: usize = (1..=40).map(|s| agree(s, false)).sum();
    assert!(n > 4000, "{n} points compared");
}

#[test]
fn vertices_edges_and_random_points_agree_with_geo_in_utm() {
    let n: usize = (100..=120).map(|s| agree(s, true)).sum();
    assert!(n > 2000, "{n} points compared");
}

#[test]
fn a_sharp_corner_of_a_triangle_is_on_the_boundary() {
    // The example from the issue: a point at a triangle's acute corner.
    let tri = vec![(0.0, 0.0), (100.0, 0.0), (100.0, 5.0), (0.0, 0.0)];
    let ds = Dataset::from_single_file("t.geojson", &geojson(&[vec![vec![tri]]], false)).unwrap();
    let c = ds.layers[0].zones[0].local.0[0].exterior().0[0];
    let (lon, lat) = ds.frame.inverse(c.x, c.y);
    let r = ds.check_point((lon, lat));
    assert_eq!(r.layers[0].status, PointStatus::OnBoundary, "{r:?}");
}

#[test]
fn edges_shared_at_a_t_junction_are_inside_after_projection() {
    // Square C sits on squares A and B, its bottom corners in the middle of their top edges:
    // in lon/lat those corners lie on the edges; projected, micrometres off them. Points on the
    // shared stretches and where the three meet are inside the layer, not on its boundary.
    let (a, b) = (square(0.0, 0.0, 100.0), square(100.0, 0.0, 100.0));
    let c = square(50.0, 100.0, 100.0);
    let ds = Dataset::from_single_file(
        "t.geojson",
        &geojson(&[vec![vec![a]], vec![vec![b]], vec![vec![c]]], false),
    )
    .unwrap();
    let local = TransverseMercator::local(51.1, 35.7);
    for (x, y) in [
        (75.0, 100.0),
        (100.0, 100.0),
        (125.0, 100.0),
        (100.0, 50.0),
        (100.0, 100.2),
    ] {
        let (lon, lat) = local.inverse(x, y);
        let r = ds.check_point((lon, lat));
        assert_eq!(r.layers[0].status, PointStatus::Inside, "({x}, {y}): {r:?}");
    }
    // The T's own corners are on the outer boundary.
    for (x, y) in [(50.0, 100.0), (150.0, 100.0), (0.0, 100.0)] {
        let (lon, lat) = local.inverse(x, y);
        let r = ds.check_point((lon, lat));
        assert_eq!(
            r.layers[0].status,
            PointStatus::OnBoundary,
            "({x}, {y}): {r:?}"
        );
    }
}
