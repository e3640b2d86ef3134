//! Bad data files give specific problems naming the file, feature and id; valid features stay.

mod common;
use baft_core::dataset::Dataset;
use baft_core::error::ProblemKind;
use baft_core::read::manifest::Manifest;
use baft_core::{Lang, Severity};
use common::*;

fn load(text: &str) -> (Dataset, Vec<baft_core::Problem>) {
    Dataset::from_single_file_with_problems("bad.geojson", text).unwrap()
}

fn fc(features: &[&str]) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    )
}

const GOOD: &str = r#"{"type":"Feature","properties":{"id":"OK"},"geometry":{"type":"Polygon","coordinates":[[[51.10,35.70],[51.11,35.70],[51.11,35.71],[51.10,35.71],[51.10,35.70]]]}}"#;

fn kinds(p: &[baft_core::Problem]) -> Vec<ProblemKind> {
    p.iter().map(|p| p.kind.clone()).collect()
}

#[test]
fn null_geometry_is_reported_and_the_rest_kept() {
    let (ds, p) = load(&fc(&[
        GOOD,
        r#"{"type":"Feature","properties":{"id":"N1"},"geometry":null}"#,
    ]));
    assert_eq!(ds.layers[0].zones.len(), 1);
    assert_eq!(kinds(&p), vec![ProblemKind::NullGeometry]);
    assert_eq!(p[0].location.feature_index, Some(1));
    assert_eq!(p[0].location.feature_id.as_deref(), Some("N1"));
    assert_eq!(p[0].severity, Severity::Error);
    assert!(
        p[0].message(Lang::En)
            .starts_with("bad.geojson, feature 1, id “N1”: no geometry"),
        "{}",
        p[0].message(Lang::En)
    );
    assert!(p[0].message(Lang::Fa).contains("هندسه ندارد"));
}

#[test]
fn unclosed_rings_are_closed_with_a_warning() {
    let open = r#"{"type":"Feature","properties":{"id":"U"},"geometry":{"type":"Polygon","coordinates":[[[51.12,35.70],[51.13,35.70],[51.13,35.71],[51.12,35.71]]]}}"#;
    let (ds, p) = load(&fc(&[GOOD, open]));
    assert_eq!(ds.layers[0].zones.len(), 2);
    assert_eq!(
        kinds(&p),
        vec![ProblemKind::UnclosedRing {
            polygon: 0,
            ring: 0
        }]
    );
    assert_eq!(p[0].severity, Severity::Warning);
}

#[test]
fn degenerate_and_self_intersecting_rings_are_left_out() {
    let two = r#"{"type":"Feature","properties":{"id":"T"},"geometry":{"type":"Polygon","coordinates":[[[51.12,35.70],[51.13,35.70]]]}}"#;
    let flat = r#"{"type":"Feature","properties":{"id":"F"},"geometry":{"type":"Polygon","coordinates":[[[51.12,35.70],[51.13,35.70],[51.14,35.70],[51.12,35.70]]]}}"#;
    let bowtie = r#"{"type":"Feature","properties":{"id":"B"},"geometry":{"type":"Polygon","coordinates":[[[51.12,35.70],[51.13,35.71],[51.13,35.70],[51.125,35.72],[51.12,35.70]]]}}"#;
    let (ds, p) = load(&fc(&[two, GOOD, flat, bowtie]));
    assert_eq!(ds.layers[0].zones.len(), 1);
    let k = kinds(&p);
    assert_eq!(
        k[0],
        ProblemKind::TooFewPoints {
            polygon: 0,
            ring: 0,
            count: 2
        }
    );
    assert_eq!(
        k[1],
        ProblemKind::ZeroAreaRing {
            polygon: 0,
            ring: 0
        }
    );
    match &k[2] {
        ProblemKind::SelfIntersection { lon, lat, .. } => assert!(
            (lon - 51.128).abs() < 1e-4 && (lat - 35.708).abs() < 1e-4,
            "{lon} {lat}"
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(p[2].location.feature_index, Some(3));
}

#[test]
fn wrong_types_and_bad_positions() {
    let point = r#"{"type":"Feature","properties":{"id":"P"},"geometry":{"type":"Point","coordinates":[51.1,35.7]}}"#;
    let nullpos = r#"{"type":"Feature","properties":{"id":"Q"},"geometry":{"type":"Polygon","coordinates":[[[51.12,35.70],null,[51.13,35.71],[51.12,35.70]]]}}"#;
    let (ds, p) = load(&fc(&[point, nullpos, "42", GOOD]));
    assert_eq!(ds.layers[0].zones.len(), 1);
    let k = kinds(&p);
    assert_eq!(
        k[0],
        ProblemKind::WrongGeometryType {
            found: "Point".into()
        }
    );
    assert_eq!(
        k[1],
        ProblemKind::NullPosition {
            polygon: 0,
            ring: 0,
            position: 1
        }
    );
    assert_eq!(k[2], ProblemKind::FeatureNotObject);
}

#[test]
fn json_syntax_errors_give_line_and_column() {
    let text = "{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\":\"Feature\",,}]}";
    let (ds, p) = load(text);
    assert!(ds.layers[0].zones.is_empty());
    assert!(matches!(p[0].kind, ProblemKind::JsonSyntax { .. }));
    assert_eq!(p[0].location.line, Some(3));
    assert!(
        p[0].message(Lang::En).contains("line 3, column"),
        "{}",
        p[0].message(Lang::En)
    );
    assert!(Dataset::from_single_file("x", text).is_err());
}

#[test]
fn swapped_axes_and_undeclared_utm_are_refused_with_a_reason() {
    let swapped = squares(&[("A", 35.70, 51.10, 0.01)]);
    let (ds, p) = load(&swapped);
    assert!(!ds.layers[0].is_usable());
    assert_eq!(kinds(&p), vec![ProblemKind::SwappedAxes]);
    assert!(p[0].message(Lang::En).contains("swapped axes"));
    let utm = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"U"},"geometry":{"type":"Polygon","coordinates":[[[510000,3951000],[510100,3951000],[510100,3951100],[510000,3951100],[510000,3951000]]]}}]}"#;
    let (_, p) = load(utm);
    assert_eq!(kinds(&p), vec![ProblemKind::UndeclaredProjected]);
    // The same file with a legacy crs member works; with a wrong zone it lands outside Iran.
    let declared = utm.replacen("{\"type\":\"FeatureCollection\",", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::32639\"}},", 1);
    let (ds, p) = load(&declared);
    assert!(p.is_empty() && ds.layers[0].is_usable());
    let wrong_zone = declared.replace("32639", "32610");
    let (_, p) = load(&wrong_zone);
    assert!(matches!(kinds(&p)[0], ProblemKind::OutsideIran { .. }));
    // A single swapped feature in a lon/lat file is left out alone.
    let swapped_feature = r#"{"type":"Feature","properties":{"id":"S"},"geometry":{"type":"Polygon","coordinates":[[[35.70,51.10],[35.71,51.10],[35.71,51.11],[35.70,51.11],[35.70,51.10]]]}}"#;
    let mixed = fc(&[GOOD, swapped_feature]);
    let (ds, p) = load(&mixed);
    assert_eq!(ds.layers[0].zones.len(), 1);
    assert_eq!(kinds(&p), vec![ProblemKind::SwappedAxes]);
}

#[test]
fn utm_and_lon_lat_files_give_the_same_answers() {
    // The sample's worn-out layer, rewritten in UTM 39N with a crs member.
    use baft_core::geometry::projection::TransverseMercator;
    let text =
        std::fs::read_to_string(repo().join("data/layers/worn-out-fabric-1402.geojson")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let utm = TransverseMercator::utm_north(39);
    for f in v["features"].as_array_mut().unwrap() {
        for ring in f["geometry"]["coordinates"].as_array_mut().unwrap() {
            for pos in ring.as_array_mut().unwrap() {
                let (e, n) = utm.forward(pos[0].as_f64().unwrap(), pos[1].as_f64().unwrap());
                *pos = serde_json::json!([
                    (e * 1000.0).round() / 1000.0,
                    (n * 1000.0).round() / 1000.0
                ]);
            }
        }
    }
    v["crs"] =
        serde_json::json!({"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32639"}});
    let a = Dataset::from_single_file("ll.geojson", &text).unwrap();
    let b = Dataset::from_single_file("utm.geojson", &v.to_string()).unwrap();
    assert_eq!(
        b.layers[0].source_crs,
        Some(baft_core::geometry::crs::SourceCrs::Utm { zone: 39 })
    );
    let mut rng = Rng(3);
    let mut inside = 0;
    for _ in 0..3000 {
        let p = (51.08 + rng.f() * 0.06, 35.68 + rng.f() * 0.06);
        let (ra, rb) = (a.check_point(p), b.check_point(p));
        let (la, lb) = (&ra.layers[0], &rb.layers[0]);
        if la.status != lb.status {
            // Only possible within millimetres of the tolerance (rounding to 1 mm in UTM).
            let d = a.layers[0]
                .zones
                .iter()
                .map(|z| {
                    let (x, y) = a.frame.forward(p.0, p.1);
                    geo::Distance::distance(
                        &geo::Euclidean,
                        &geo::Point::new(x, y),
                        &z.local.0[0].exterior().clone(),
                    )
                })
                .fold(f64::INFINITY, f64::min);
            assert!(
                (d - 0.5).abs() < 0.01,
                "{p:?}: {:?} vs {:?}",
                la.status,
                lb.status
            );
        }
        inside += la.status.is_inside() as usize;
        if let (Some(x), Some(y)) = (la.distance_m, lb.distance_m) {
            assert!((x - y).abs() < 0.01);
        }
    }
    assert!(inside > 50, "the test points reach the blocks ({inside})");
}

#[test]
fn manifest_errors_name_the_field() {
    let text = std::fs::read_to_string(repo().join("data/manifest.json")).unwrap();
    assert!(Manifest::parse(&text).is_ok());
    let bad_date = text.replacen("1398/08/14", "1398/08/15", 1);
    let e = Manifest::parse(&bad_date).unwrap_err();
    assert_eq!(e[0].field, "layers[0].versions[0].approved");
    let typo = text.replacen("\"id_property\"", "\"id_propety\"", 1);
    let e = Manifest::parse(&typo).unwrap_err();
    assert!(
        e[0].message(Lang::En).contains("id_propety"),
        "{}",
        e[0].message(Lang::En)
    );
    let bad_tol = text.replacen(
        "\"boundary_tolerance_m\": 0.5",
        "\"boundary_tolerance_m\": -1",
        1,
    );
    assert_eq!(
        Manifest::parse(&bad_tol).unwrap_err()[0].field,
        "checking.boundary_tolerance_m"
    );
    let escape = text.replacen("layers/historic-fabric.geojson", "../../etc/passwd", 1);
    assert_eq!(
        Manifest::parse(&escape).unwrap_err()[0].field,
        "layers[2].versions[0].file"
    );
}

#[test]
fn plot_outline_errors_are_localised() {
    use baft_core::dataset::read_plot_outline;
    use baft_core::input::ParseOptions;
    let e = read_plot_outline(
        r#"{"type":"Point","coordinates":[51.1,35.7]}"#,
        ParseOptions::default(),
    )
    .unwrap_err();
    assert!(
        e.message(Lang::Fa).contains("نوع هندسه «Point» است"),
        "{}",
        e.message(Lang::Fa)
    );
    assert!(e.message(Lang::En).contains("geometry type is “Point”"));
    assert!(
        !e.message(Lang::En).contains("left out"),
        "no feature-loading consequence for an upload"
    );
    let e = read_plot_outline(
        r#"{"type":"Feature","geometry":null}"#,
        ParseOptions::default(),
    )
    .unwrap_err();
    assert!(e.message(Lang::Fa).contains("هندسه ندارد"));
    let e = read_plot_outline("{\"type\":\"Polygon\",", ParseOptions::default()).unwrap_err();
    assert!(
        e.message(Lang::En).contains("JSON syntax error"),
        "{}",
        e.message(Lang::En)
    );
    // UTM corners without a zone are read in the city's zone, as deeds print them.
    let rings = read_plot_outline(r#"{"type":"Polygon","coordinates":[[[510100,3951800],[510130,3951800],[510130,3951770],[510100,3951770],[510100,3951800]]]}"#, ParseOptions::default()).unwrap();
    assert!(
        (rings[0][0].0 - 51.111).abs() < 0.01 && (rings[0][0].1 - 35.71).abs() < 0.01,
        "{:?}",
        rings[0][0]
    );
}

/// A file whose coordinates look like no system in Iran (here the Gulf of Guinea, in degrees):
/// `baft pack` refused it with "the coordinates fall at (latitude NaN, longitude NaN)" (the
/// decision on the whole file has no position to give). The words now give none, in both
/// languages; loading it as a layer still names the position.
#[test]
fn a_file_outside_iran_is_refused_without_a_made_up_position() {
    let text = fc(&[
        r#"{"type":"Feature","properties":{"id":"Z1"},"geometry":{"type":"Polygon","coordinates":[[[1,1],[1.001,1],[1.001,1.001],[1,1]]]}}"#,
    ]);
    let e = Dataset::from_single_file("far.geojson", &text).unwrap_err();
    assert!(e.message(Lang::En).contains("(latitude 1, longitude 1)"));
    let e = baft_core::read::fgb::from_geojson("far.geojson", &text, None, None).unwrap_err();
    for lang in [Lang::Fa, Lang::En] {
        let m = e.message(lang);
        assert!(!m.contains("NaN"), "{m}");
        assert!(
            m.contains(lang.pick("بیرون از ایران", "outside Iran")),
            "{m}"
        );
    }
}
