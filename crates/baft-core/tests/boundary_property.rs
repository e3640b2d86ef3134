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
use common::Rng;
use geo::coordinate_position::CoordPos;
use geo::{BooleanOps, Coord, CoordinatePosition, Distance, Euclidean, MultiPolygon, Point};

type Ring = Vec<(f64, f64)>;

/// A star around (cx, cy): `n` vertices at sorted random angles (no gap over 100°), radii 20–100
/// m, some pulled in to 20–30 m (reflex notches) and one spike out to 300 m between two
/// vertices 0.3° either side (a vertex of a few degrees).
fn star(rng: &mut Rng, cx: f64, cy: f64) -> Ring {
    let n = 7 + (rng.f() * 8.0) as usize;
    let mut angles: Vec<f64> = (0..n)
        .map(|i| (i as f64 + 0.2 + rng.f() * 0.6) * std::f64::consts::TAU / n as f64)
        .collect();
    let spike = (rng.f() * n as f64) as usize % n;
    let mut ring = Vec::new();
    angles.sort_by(f64::total_cmp);
    for (i, a) in angles.iter().enumerate() {
        let r = if rng.f() < 0.3 {
            20.0 + rng.f() * 10.0
        } else {
            40.0 + rng.f() * 60.0
        };
        if i == spike {
            let d = 0.3_f64.to_radians();
            ring.push((cx + 60.0 * (a - d).cos(), cy + 60.0 * (a - d).sin()));
            ring.push((cx + 300.0 * a.cos(), cy + 300.0 * a.sin()));
            ring.push((cx + 60.0 * (a + d).cos(), cy + 60.0 * (a + d).sin()));
        } else {
            ring.push((cx + r * a.cos(), cy + r * a.sin()));
        }
    }
    ring.push(ring[0]);
    ring
}

/// A small triangle hole near (cx, cy), inside any star around it.
fn hole(rng: &mut Rng, cx: f64, cy: f64) -> Ring {
    let a = rng.f();
    let mut r: Ring = (0..3)
        .map(|k| {
            let t = a + k as f64 * std::f64::consts::TAU / 3.0;
            (cx + 4.0 * t.cos(), cy + 4.0 * t.sin())
        })
        .collect();
    r.reverse();
    r.push(r[0]);
    r
}

fn square(x0: f64, y0: f64, s: f64) -> Ring {
    vec![
        (x0, y0),
        (x0 + s, y0),
        (x0 + s, y0 + s),
        (x0, y0 + s),
        (x0, y0),
    ]
}

/// A random layer: features, each a list of polygons, each a list of rings (local metres).
fn random_layer(rng: &mut Rng) -> Vec<Vec<Vec<Ring>>> {
    let mut features = Vec::new();
    let mut first = vec![star(rng, 0.0, 0.0)];
    if rng.f() < 0.5 {
        first.push(hole(rng, 0.0, 0.0));
    }
    let mut polys = vec![first];
    if rng.f() < 0.5 {
        polys.push(vec![star(rng, 700.0, 50.0)]); // a MultiPolygon
    }
    features.push(polys);
    // Two squares sharing an edge (an internal edge), and a star overlapping the first one.
    features.push(vec![vec![square(-500.0, -500.0, 50.0)]]);
    features.push(vec![vec![square(-450.0, -500.0, 50.0)]]);
    if rng.f() < 0.5 {
        features.push(vec![vec![star(rng, 60.0, 30.0)]]);
    }
    features
}

/// The layer as GeoJSON: lon/lat, or UTM zone 39 with a `crs` member.
fn geojson(features: &[Vec<Vec<Ring>>], utm: bool) -> String {
    let local = TransverseMercator::local(51.1, 35.7);
    let utm39 = TransverseMercator::utm_north(39);
    let pos = |&(x, y): &(f64, f64)| {
        let (lon, lat) = local.inverse(x, y);
        let (a, b) = if utm {
            utm39.forward(lon, lat)
        } else {
            (lon, lat)
        };
        serde_json::json!([a, b])
    };
    let feats: Vec<_> = features
        .iter()
        .enumerate()
        .map(|(i, polys)| {
            let coords: Vec<Vec<Vec<serde_json::Value>>> = polys
                .iter()
                .map(|rings| rings.iter().map(|r| r.iter().map(pos).collect()).collect())
                .collect();
            serde_json::json!({"type": "Feature", "properties": {"id": format!("Z{i}")},
                "geometry": {"type": "MultiPolygon", "coordinates": coords}})
        })
        .collect();
    let mut fc = serde_json::json!({"type": "FeatureCollection", "features": feats});
    if utm {
        fc["crs"] = serde_json::json!({"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32639"}});
    }
    fc.to_string()
}

/// geo's union of the zones, with the two squares that share an edge given as one rectangle.
fn reference_union(zones: &[Zone]) -> MultiPolygon<f64> {
    // The reference union: the two squares that share an edge are given to geo as the one
    // rectangle they make (its overlay would keep the shared edge's rounding as a seam).
    let (a, b) = (
        &zones[1].local.0[0].exterior().0,
        &zones[2].local.0[0].exterior().0,
    );
    let rect = geo::Polygon::new(
        geo::LineString(vec![a[0], b[0], b[1], b[2], b[3], a[3], a[0]]),
        vec![],
    );
    zones
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 1 && *i != 2)
        .fold(MultiPolygon(vec![rect]), |u, (_, z)| u.union(&z.local))
}

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
