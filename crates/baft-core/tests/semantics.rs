//! Exact point and plot semantics: boundaries, vertices, holes, MultiPolygons, overlaps.

mod common;
use baft_core::check::{PlotStatus, PointStatus};
use baft_core::dataset::Dataset;
use common::*;

const M: f64 = 1.0 / 111_000.0; // about a metre of latitude, in degrees

/// A one-layer dataset of `squares` (see `common::squares`), read as the file `name`.
fn layer(name: &str, items: &[(&str, f64, f64, f64)]) -> Dataset {
    Dataset::from_single_file(name, &squares(items)).unwrap()
}

/// Square A at (51.10, 35.70) and square B at (`b_lon`, `b_lat`), both 0.01° a side.
fn a_and_b(name: &str, b_lon: f64, b_lat: f64) -> Dataset {
    layer(
        name,
        &[("A", 51.10, 35.70, 0.01), ("B", b_lon, b_lat, 0.01)],
    )
}

fn st(ds: &Dataset, lon: f64, lat: f64) -> PointStatus {
    ds.check_point((lon, lat)).layers[0].status
}

#[test]
fn inside_outside_boundary_and_vertices() {
    let ds = layer("sq.geojson", &[("A", 51.10, 35.70, 0.01)]);
    assert_eq!(st(&ds, 51.105, 35.705), PointStatus::Inside);
    assert_eq!(st(&ds, 51.115, 35.705), PointStatus::Outside);
    // On the west edge, and 0.3 m either side of it: on the boundary (tolerance 0.5 m).
    assert_eq!(st(&ds, 51.10, 35.705), PointStatus::OnBoundary);
    assert_eq!(
        st(&ds, 51.10 + 0.3 * M * 1.23, 35.705),
        PointStatus::OnBoundary
    );
    assert_eq!(
        st(&ds, 51.10 - 0.3 * M * 1.23, 35.705),
        PointStatus::OnBoundary
    );
    // 2 m away: inside / outside.
    assert_eq!(st(&ds, 51.10 + 2.0 * M * 1.23, 35.705), PointStatus::Inside);
    assert_eq!(
        st(&ds, 51.10 - 2.0 * M * 1.23, 35.705),
        PointStatus::Outside
    );
    // Vertices and near-vertex points.
    assert_eq!(st(&ds, 51.10, 35.70), PointStatus::OnBoundary);
    assert_eq!(st(&ds, 51.11, 35.71), PointStatus::OnBoundary);
    assert_eq!(
        st(&ds, 51.11 + 0.2 * M, 35.71 + 0.2 * M),
        PointStatus::OnBoundary
    );
    // Distance when outside: 100 m east of the east edge.
    let r = ds.check_point((51.11 + 100.0 * M * 1.2317, 35.705));
    let d = r.layers[0].distance_m.unwrap();
    assert!((d - 100.0).abs() < 0.5, "{d}");
}

#[test]
fn shared_edges_between_features_are_internal() {
    // Two adjacent squares: their common edge is inside the layer, not its boundary.
    let ds = a_and_b("two.geojson", 51.11, 35.70);
    let r = ds.check_point((51.11, 35.705));
    assert_eq!(r.layers[0].status, PointStatus::Inside);
    let ids: Vec<_> = r.layers[0].zones.iter().map(|z| z.id.as_str()).collect();
    assert!(ids.contains(&"A") && ids.contains(&"B"), "{ids:?}");
    // The outer corner where they meet the outside is still boundary.
    assert_eq!(st(&ds, 51.11, 35.70), PointStatus::OnBoundary);
}

#[test]
fn overlapping_features_are_all_reported() {
    let ds = a_and_b("ov.geojson", 51.105, 35.705);
    let r = ds.check_point((51.107, 35.707));
    assert_eq!(r.layers[0].status, PointStatus::Inside);
    assert_eq!(r.layers[0].zones.len(), 2);
    // A point on A's edge that lies inside B is inside the layer, not on its boundary.
    assert_eq!(st(&ds, 51.11, 35.708), PointStatus::Inside);
}

const HOLE: &str = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"H"},"geometry":{"type":"Polygon","coordinates":[
 [[51.10,35.70],[51.12,35.70],[51.12,35.72],[51.10,35.72],[51.10,35.70]],
 [[51.105,35.705],[51.105,35.715],[51.115,35.715],[51.115,35.705],[51.105,35.705]]]}},
 {"type":"Feature","properties":{"id":"M"},"geometry":{"type":"MultiPolygon","coordinates":[
 [[[51.20,35.70],[51.21,35.70],[51.21,35.71],[51.20,35.71],[51.20,35.70]]],
 [[[51.23,35.70],[51.24,35.70],[51.24,35.71],[51.23,35.71],[51.23,35.70]]]]}}]}"#;

#[test]
fn holes_and_multipolygons() {
    let ds = Dataset::from_single_file("h.geojson", HOLE).unwrap();
    assert_eq!(st(&ds, 51.102, 35.71), PointStatus::Inside);
    assert_eq!(
        st(&ds, 51.11, 35.71),
        PointStatus::Outside,
        "inside the hole"
    );
    assert_eq!(
        st(&ds, 51.105, 35.71),
        PointStatus::OnBoundary,
        "on the hole's edge"
    );
    let r = ds.check_point((51.11, 35.71));
    assert!(
        (r.layers[0].distance_m.unwrap() - 0.005 * 111_000.0 * (35.71f64).to_radians().cos()).abs()
            < 15.0
    );
    assert_eq!(st(&ds, 51.205, 35.705), PointStatus::Inside);
    assert_eq!(st(&ds, 51.235, 35.705), PointStatus::Inside);
    assert_eq!(
        st(&ds, 51.22, 35.705),
        PointStatus::Outside,
        "between the parts"
    );
    assert_eq!(ds.check_point((51.235, 35.705)).layers[0].zones[0].id, "M");
}

#[test]
fn plot_percentages() {
    let ds = a_and_b("sq.geojson", 51.11, 35.70);
    let rect = |x0: f64, y0: f64, x1: f64, y1: f64| {
        vec![vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]]
    };
    // A plot straddling the layer's east edge: a quarter inside.
    let r = ds
        .check_plot(&rect(51.1195, 35.705, 51.1215, 35.7052))
        .unwrap();
    let l = &r.layers[0];
    assert_eq!(l.status, PlotStatus::PartlyInside);
    assert!((l.share - 0.25).abs() < 1e-3, "{}", l.share);
    assert!(!l.counts_as_inside);
    // A plot across the internal edge between A and B: fully inside the layer, 50/50 by block.
    let r = ds
        .check_plot(&rect(51.1095, 35.705, 51.1105, 35.7052))
        .unwrap();
    let l = &r.layers[0];
    assert_eq!(l.status, PlotStatus::Inside);
    assert!((l.share - 1.0).abs() < 1e-6);
    assert_eq!(l.overlaps.len(), 2);
    assert!((l.overlaps[0].share - 0.5).abs() < 1e-3);
    // The area is in true square metres: 0.001° × 0.0002° at 35.7° N.
    let expect = 0.001 * 111_320.0 * (35.7052f64).to_radians().cos() * 0.0002 * 110_950.0;
    assert!(
        (r.area_m2 - expect).abs() / expect < 0.01,
        "{} vs {expect}",
        r.area_m2
    );
    // Touching along an edge only: outside, with distance 0.
    let r = ds.check_plot(&rect(51.12, 35.705, 51.121, 35.706)).unwrap();
    assert_eq!(r.layers[0].status, PlotStatus::Outside);
    assert!(r.layers[0].distance_m.unwrap() < 1e-3, "{:?}", r.layers[0]);
    // Above the threshold: counts as inside.
    let r = ds
        .check_plot(&rect(51.1185, 35.705, 51.1205, 35.7052))
        .unwrap();
    assert!((r.layers[0].share - 0.75).abs() < 1e-3 && r.layers[0].counts_as_inside);
}

/// `Dataset::locate` (the lean query) gives `check_point`'s status for every layer, a zone that
/// `check_point` names, and the plot `check_parcel` would report, on random points over the
/// sample (many near edges: the sample's blocks are small) and on the fixture points.
#[test]
fn the_lean_locate_query_agrees_with_the_full_point_check() {
    let ds = sample();
    assert!(ds.parcels.is_some(), "the sample has a parcel layer");
    let [a, b, c, d] = ds.manifest.city.envelope;
    let mut rng = Rng(0x5eed);
    let mut points: Vec<(f64, f64)> = (0..4000)
        .map(|_| (a + (c - a) * rng.f(), b + (d - b) * rng.f()))
        .collect();
    for f in fixtures().as_object().unwrap().values() {
        if f.get("point").is_some_and(|p| p.get("lon").is_some()) {
            points.push(point(&f["point"]));
        }
    }
    let (mut inside, mut plots) = (0, 0);
    for &(lon, lat) in &points {
        let full = ds.check_point((lon, lat));
        let mut lean = Vec::new();
        let plot = ds.locate((lon, lat), |m| lean.push(m));
        assert_eq!(lean.len(), full.layers.len());
        for (m, f) in lean.iter().zip(&full.layers) {
            assert_eq!(m.status, f.status, "{lon},{lat} {}", f.layer.id);
            let layer = ds.layers.iter().find(|l| l.spec.id == f.layer.id).unwrap();
            match m.zone {
                None => assert_eq!(f.status, PointStatus::Outside),
                Some(i) => {
                    inside += 1;
                    assert!(f.zones.iter().any(|z| z.id == layer.zones[i].id));
                }
            }
        }
        if let Some(i) = plot {
            plots += 1;
            let (report, _) = ds.check_parcel(i, 1405).unwrap();
            assert!(report.area_m2 > 0.0);
            // The plot's own interior point finds it again.
            let [plon, plat] = report.interior_point;
            assert_eq!(ds.locate((plon, plat), |_| {}), Some(i));
        }
    }
    assert!(inside > 100 && plots > 100, "{inside} {plots}");
    // Not a place: outside everything, no plot.
    let mut lean = Vec::new();
    assert_eq!(ds.locate((f64::NAN, 35.7), |m| lean.push(m)), None);
    assert!(lean
        .iter()
        .all(|m| m.status == PointStatus::Outside && m.zone.is_none()));
}
