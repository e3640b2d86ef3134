//! `baft validate` rules, one fixture per rule with its exact finding; `baft fix` round trips.

use baft_core::error::ProblemKind;
use baft_core::publish::validate::validate_dir;
use baft_core::{BaftError, Severity};
use std::collections::HashMap;

const SQ: &str =
    "[[51.100,35.700],[51.101,35.700],[51.101,35.701],[51.100,35.701],[51.100,35.700]]";
const SQ2: &str =
    "[[51.110,35.700],[51.111,35.700],[51.111,35.701],[51.110,35.701],[51.110,35.700]]";

fn manifest(extra: &str) -> String {
    format!(
        r#"{{"format_version":1,"data_version":"t","title":{{"fa":"ت","en":"t"}},
        "city":{{"name":{{"fa":"ق","en":"Q"}},"center":[51.1,35.7],"envelope":[51.05,35.65,51.15,35.75]}},
        "layers":[{{"id":"w","kind":"worn_out_fabric","name":{{"fa":"ب","en":"w"}},
          "versions":[{{"id":"1","title":{{"fa":"۱","en":"1"}},"file":"a.geojson","approved":{{"jalali":"1402/05/14","iso":"2023-08-05"}},"approved_by":{{"fa":"ک","en":"c"}}}}],
          "source":{{"name":{{"fa":"م","en":"s"}}}},"id_property":"block_id"}}]{extra}}}"#
    )
}

fn fc(features: &[String]) -> String {
    format!(
        "{{\"type\":\"FeatureCollection\",\"features\":[\n{}\n]}}",
        features.join(",\n")
    )
}

fn poly(id: &str, rings: &str) -> String {
    format!(
        r#"{{"type":"Feature","properties":{{"block_id":"{id}"}},"geometry":{{"type":"Polygon","coordinates":[{rings}]}}}}"#
    )
}

/// A folder of the test manifest and one layer file, `a.geojson`.
fn folder(a_geojson: String) -> Vec<(&'static str, String)> {
    vec![("manifest.json", manifest("")), ("a.geojson", a_geojson)]
}

fn run(files: &[(&str, String)]) -> Vec<baft_core::Problem> {
    let map: HashMap<String, String> = files
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    validate_dir(|p: &str| {
        map.get(p).cloned().ok_or(BaftError::Io {
            path: p.into(),
            why: baft_core::error::Unreadable::NotFound,
        })
    })
    .0
}

fn only(files: &[(&str, String)]) -> baft_core::Problem {
    let f = run(files);
    assert_eq!(
        f.len(),
        1,
        "{:?}",
        f.iter()
            .map(|p| p.message(baft_core::Lang::En))
            .collect::<Vec<_>>()
    );
    f.into_iter().next().unwrap()
}

#[test]
fn a_clean_folder_has_no_findings() {
    assert!(run(&folder(fc(&[poly("B1", SQ), poly("B2", SQ2)]))).is_empty());
}

#[test]
fn manifest_schema() {
    let p = only(&[
        ("manifest.json", manifest(",\"colour\":1")),
        ("a.geojson", fc(&[poly("B1", SQ)])),
    ]);
    assert!(
        matches!(&p.kind, ProblemKind::FieldInvalid(e) if e.file == baft_core::error::DataFile::Manifest)
    );
    assert_eq!(p.location.file, "manifest.json");
}

#[test]
fn geojson_syntax_with_line_and_column() {
    let p = only(&folder(
        "{\"type\":\"FeatureCollection\",\n\"features\":[\n{,}]}".into(),
    ));
    assert!(matches!(p.kind, ProblemKind::JsonSyntax { .. }));
    assert_eq!((p.location.line, p.location.column), (Some(3), Some(2)));
}

#[test]
fn null_geometry_unclosed_and_degenerate_rings_self_intersection() {
    let null = r#"{"type":"Feature","properties":{"block_id":"N"},"geometry":null}"#.to_string();
    let unclosed = poly(
        "U",
        "[[51.120,35.700],[51.121,35.700],[51.121,35.701],[51.120,35.701]]",
    );
    let degenerate = poly("D", "[[51.130,35.700],[51.131,35.700],[51.130,35.700]]");
    let bowtie = poly(
        "X",
        "[[51.140,35.700],[51.141,35.701],[51.141,35.700],[51.1405,35.702],[51.140,35.700]]",
    );
    let f = run(&folder(fc(&[
        poly("B1", SQ),
        null,
        unclosed,
        degenerate,
        bowtie,
    ])));
    let by_id = |id: &str| {
        f.iter()
            .find(|p| p.location.feature_id.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("{id}: {f:?}"))
    };
    assert_eq!(by_id("N").kind, ProblemKind::NullGeometry);
    assert_eq!(by_id("N").location.feature_index, Some(1));
    assert_eq!(
        (by_id("U").kind.clone(), by_id("U").severity),
        (
            ProblemKind::UnclosedRing {
                polygon: 0,
                ring: 0
            },
            Severity::Warning
        )
    );
    assert_eq!(
        by_id("D").kind,
        ProblemKind::TooFewPoints {
            polygon: 0,
            ring: 0,
            count: 3
        }
    );
    assert!(matches!(
        by_id("X").kind,
        ProblemKind::SelfIntersection { .. }
    ));
}

#[test]
fn winding_order() {
    let cw = "[[51.100,35.700],[51.100,35.701],[51.101,35.701],[51.101,35.700],[51.100,35.700]]";
    let p = only(&folder(fc(&[poly("B1", cw)])));
    assert_eq!(
        (p.kind, p.severity),
        (
            ProblemKind::WindingOrder {
                polygon: 0,
                ring: 0
            },
            Severity::Warning
        )
    );
}

#[test]
fn duplicate_ids_and_overlaps() {
    let p = only(&folder(fc(&[poly("B1", SQ), poly("B1", SQ2)])));
    assert_eq!(
        (p.kind, p.location.feature_index),
        (ProblemKind::DuplicateId { id: "B1".into() }, Some(1))
    );
    let half =
        "[[51.1005,35.700],[51.1015,35.700],[51.1015,35.701],[51.1005,35.701],[51.1005,35.700]]";
    let p = only(&folder(fc(&[poly("B1", SQ), poly("B2", half)])));
    match p.kind {
        ProblemKind::Overlap { other_id, area_m2 } => {
            assert_eq!(other_id, "B1");
            assert!(
                (area_m2 - 0.0005 * 90_400.0 * 0.001 * 111_000.0).abs() / area_m2 < 0.02,
                "{area_m2}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn coordinate_systems() {
    let utm = poly(
        "U",
        "[[509000,3950000],[509100,3950000],[509100,3950100],[509000,3950100],[509000,3950000]]",
    );
    let p = only(&folder(fc(std::slice::from_ref(&utm))));
    assert_eq!(p.kind, ProblemKind::UndeclaredProjected);
    let swapped = poly(
        "S",
        "[[35.700,51.100],[35.700,51.101],[35.701,51.101],[35.701,51.100],[35.700,51.100]]",
    );
    assert_eq!(only(&folder(fc(&[swapped]))).kind, ProblemKind::SwappedAxes);
    let wrong_zone = fc(&[utm]).replacen("{\"type\":\"FeatureCollection\",", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:32640\"}},", 1);
    let f = run(&folder(wrong_zone));
    assert!(
        f.iter().any(|p| p.kind == ProblemKind::OutsideEnvelope),
        "zone 40 lands 6° east: {f:?}"
    );
}

#[test]
fn outside_the_city_envelope() {
    let far = "[[51.200,35.700],[51.201,35.700],[51.201,35.701],[51.200,35.701],[51.200,35.700]]";
    let p = only(&folder(fc(&[poly("F", far)])));
    assert_eq!(
        (p.kind, p.location.feature_id.as_deref()),
        (ProblemKind::OutsideEnvelope, Some("F"))
    );
}

#[test]
fn parcels_with_unknown_blocks_packages_and_offices() {
    let parcel = |id: &str, block: &str| {
        format!(
            r#"{{"type":"Feature","properties":{{"plot_id":"{id}","block_id":"{block}"}},"geometry":{{"type":"Polygon","coordinates":[{SQ}]}}}}"#
        )
    };
    let extra = ",\"parcels\":{\"file\":\"p.geojson\"},\"blocks\":\"b.geojson\",\"offices\":\"o.json\",\"packages\":\"k.json\"";
    let packages = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/packages.json"
    ))
    .unwrap();
    let offices = r#"{"format_version":1,"offices":[{"id":"O1","name":{"fa":"د","en":"o"},"address":{"fa":"ن","en":"a"},"phone":"+98 21","hours":{"fa":"س","en":"h"}}]}"#;
    let f = run(&[
        ("manifest.json", manifest(extra)),
        ("a.geojson", fc(&[poly("B1", SQ)])),
        ("b.geojson", fc(&[poly("B1", SQ)])),
        (
            "p.geojson",
            fc(&[parcel("P1", "B1"), parcel("P2", "B9"), parcel("P3", "b1")])
                .replace(SQ, SQ2)
                .replacen(SQ2, SQ, 0),
        ),
        ("o.json", offices.into()),
        ("k.json", packages),
    ]);
    let msgs: Vec<String> = f.iter().map(|p| p.message(baft_core::Lang::En)).collect();
    assert!(
        f.iter().any(|p| p.kind
            == ProblemKind::UnknownBlock {
                block_id: "B9".into()
            }
            && p.location.feature_id.as_deref() == Some("P2")),
        "{msgs:?}"
    );
    // `b1` is block B1, as the designation analysis reads it.
    assert!(
        !f.iter()
            .any(|p| matches!(p.kind, ProblemKind::UnknownBlock { .. })
                && p.location.feature_id.as_deref() == Some("P3")),
        "{msgs:?}"
    );
    assert!(
        f.iter()
            .any(|p| p.kind == ProblemKind::OfficeWithoutLocation
                && p.location.feature_id.as_deref() == Some("O1")),
        "{msgs:?}"
    );
    // The sample packages name layers this folder doesn't have.
    assert!(f.iter().any(|p| matches!(&p.kind, ProblemKind::FieldInvalid(e) if e.file == baft_core::error::DataFile::Packages && e.kind == baft_core::error::FieldKind::Unknown && e.field.ends_with(".layer"))), "{msgs:?}");
    assert_eq!(baft_core::publish::validate::Findings(f).exit_code(), 2);
}

#[test]
fn fix_round_trips() {
    use baft_core::publish::fix::{fix_geojson, Fix};
    // Unclosed + clockwise + duplicate → closed, counter-clockwise, once.
    let cw_open = poly(
        "B1",
        "[[51.100,35.700],[51.100,35.701],[51.101,35.701],[51.101,35.700]]",
    );
    let (fixed, fixes) =
        fix_geojson(&fc(&[cw_open.clone(), cw_open, poly("B2", SQ2)]), None).unwrap();
    assert_eq!(
        fixes,
        vec![
            Fix::ClosedRing {
                feature_index: 0,
                polygon: 0,
                ring: 0
            },
            Fix::Rewound {
                feature_index: 0,
                polygon: 0,
                ring: 0
            },
            Fix::ClosedRing {
                feature_index: 1,
                polygon: 0,
                ring: 0
            },
            Fix::Rewound {
                feature_index: 1,
                polygon: 0,
                ring: 0
            },
            Fix::DroppedDuplicate {
                feature_index: 1,
                duplicate_of: 0
            },
        ]
    );
    assert!(
        run(&folder(fixed.clone())).is_empty(),
        "the fixed file validates clean"
    );
    let (_, again) = fix_geojson(&fixed, None).unwrap();
    assert!(again.is_empty(), "fixing twice changes nothing");
    // UTM → lon/lat: the same answers as the original.
    let sample = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/layers/informal-settlements-utm39n.geojson"
    ))
    .unwrap();
    let (ll, fixes) = fix_geojson(&sample, None).unwrap();
    assert!(matches!(&fixes[0], Fix::Reprojected { from, features: 1 } if from == "EPSG:32639"));
    assert!(!ll.contains("\"crs\""));
    let a = baft_core::dataset::Dataset::from_single_file("utm", &sample).unwrap();
    let b = baft_core::dataset::Dataset::from_single_file("ll", &ll).unwrap();
    assert_eq!(
        b.layers[0].source_crs,
        Some(baft_core::geometry::crs::SourceCrs::LonLat)
    );
    for (lon, lat) in [
        (51.128, 35.688),
        (51.1331, 35.6884),
        (51.135, 35.692),
        (51.12, 35.68),
    ] {
        assert_eq!(
            a.check_point((lon, lat)).layers[0].status,
            b.check_point((lon, lat)).layers[0].status,
            "{lon},{lat}"
        );
    }
    // Self-intersections are not "fixed": they stay for the validator.
    let bow = poly(
        "X",
        "[[51.140,35.700],[51.141,35.701],[51.141,35.700],[51.1405,35.702],[51.140,35.700]]",
    );
    let (_, f) = fix_geojson(&fc(&[bow]), None).unwrap();
    assert!(f.iter().all(|x| !matches!(x, Fix::DroppedDuplicate { .. })));
}
