//! The committed sample data gives the answers that follow from how it was generated.

mod common;
use baft_core::check::{PlotStatus, PointStatus};
use baft_core::dataset::read_plot_outline;
use baft_core::input::{parse_location, ParseOptions};
use common::*;

fn status(
    ds: &baft_core::dataset::Dataset,
    p: (f64, f64),
    layer: &str,
) -> (PointStatus, Vec<String>) {
    let r = ds.check_point(p);
    let l = r.layers.iter().find(|l| l.layer.id == layer).unwrap();
    (l.status, l.zones.iter().map(|z| z.id.clone()).collect())
}

#[test]
fn fixture_points_have_their_known_answers() {
    let ds = sample();
    let fx = fixtures();
    let worn = point(&fx["worn_block"]["point"]);
    assert_eq!(
        status(&ds, worn, "worn-out-fabric"),
        (
            PointStatus::Inside,
            vec![fx["worn_block"]["block_id"].as_str().unwrap().to_string()]
        )
    );
    assert_eq!(
        status(&ds, point(&fx["added_1402"]["point"]), "worn-out-fabric").0,
        PointStatus::Inside
    );
    assert_eq!(
        status(&ds, point(&fx["removed_1402"]["point"]), "worn-out-fabric").0,
        PointStatus::Outside
    );
    let out = point(&fx["outside_all"]["point"]);
    for layer in [
        "worn-out-fabric",
        "informal-settlement",
        "historic-fabric",
        "target-neighbourhoods",
    ] {
        assert_eq!(status(&ds, out, layer).0, PointStatus::Outside, "{layer}");
    }
    assert_eq!(
        status(
            &ds,
            point(&fx["informal_inside"]["point"]),
            "informal-settlement"
        )
        .0,
        PointStatus::Inside
    );
    assert_eq!(
        status(
            &ds,
            point(&fx["informal_hole"]["point"]),
            "informal-settlement"
        )
        .0,
        PointStatus::Outside,
        "the hole is outside"
    );
    assert_eq!(
        status(
            &ds,
            point(&fx["historic_inside"]["point"]),
            "historic-fabric"
        )
        .0,
        PointStatus::Inside
    );
    let nb = &fx["neighbourhood_block"];
    assert_eq!(
        status(&ds, point(&nb["point"]), "target-neighbourhoods"),
        (
            PointStatus::Inside,
            vec![nb["zone_id"].as_str().unwrap().to_string()]
        )
    );
    // The result names the boundary version it used.
    let r = ds.check_point(worn);
    assert_eq!(r.layers[0].layer.version.id, "1402");
    assert!(r.sample_data && r.in_data_area);
}

#[test]
fn the_outside_distance_is_to_the_nearest_block() {
    let ds = sample();
    let r = ds.check_point(point(&fixtures()["outside_all"]["point"]));
    let worn = &r.layers[0];
    let d = worn.distance_m.unwrap();
    assert!(d > 0.0 && d < 3000.0, "{d}");
    assert!(worn.nearest.is_some());
}

#[test]
fn a_point_on_a_block_edge_is_on_the_boundary() {
    let ds = sample();
    let fx = fixtures();
    let p = point(&fx["worn_block"]["south_edge_midpoint"]);
    // The fixture is rounded to 1e-7° (about 1 cm), well within the 0.5 m tolerance.
    assert_eq!(status(&ds, p, "worn-out-fabric").0, PointStatus::OnBoundary);
}

#[test]
fn typed_utm_from_a_deed_gives_the_same_block() {
    let ds = sample();
    let fx = fixtures();
    let utm = fx["worn_block"]["point"]["utm39n"].as_array().unwrap();
    let text = format!("E {} N {}", utm[0], utm[1]);
    let loc = parse_location(&text).unwrap();
    let (st, zones) = status(&ds, loc.lon_lat(), "worn-out-fabric");
    assert_eq!(st, PointStatus::Inside);
    assert_eq!(zones[0], fx["worn_block"]["block_id"].as_str().unwrap());
}

#[test]
fn plots_inside_and_straddling() {
    let ds = sample();
    let read = |f: &str| std::fs::read_to_string(repo().join("tests/fixtures").join(f)).unwrap();
    let rings =
        read_plot_outline(&read("plot-straddling.geojson"), ParseOptions::default()).unwrap();
    let r = ds.check_plot(&rings).unwrap();
    let worn = &r.layers[0];
    assert_eq!(worn.status, PlotStatus::PartlyInside);
    assert!((worn.share - 0.6).abs() < 0.002, "share {}", worn.share);
    assert!(worn.counts_as_inside);
    assert_eq!(worn.overlaps.len(), 1);
    let inside = read_plot_outline(&read("plot-inside.geojson"), ParseOptions::default()).unwrap();
    let r = ds.check_plot(&inside).unwrap();
    assert_eq!(r.layers[0].status, PlotStatus::Inside);
    let want = fixtures()["inside_plot"]["area_m2"].as_f64().unwrap();
    assert!(
        (r.area_m2 - want).abs() / want < 0.002,
        "{} vs {want}",
        r.area_m2
    );
}
