//! A place's boundary history agrees with its answer: it ends at the version in force (the one
//! the answer checked against), and a plot is judged in every version by its share, as the
//! answer judges it, not at its interior point.

mod common;
use baft_core::answer::Question;
use baft_core::dataset::Dataset;
use baft_core::Lang;
use common::place;
use serde_json::{json, Value};

const LON: f64 = 51.11;
const LAT: f64 = 35.70;

/// (lon, lat) of the point `x`, `y` metres east and north of (LON, LAT).
fn at(x: f64, y: f64) -> (f64, f64) {
    (
        LON + x / (111_320.0 * LAT.to_radians().cos()),
        LAT + y / 111_320.0,
    )
}

/// A rectangle's ring, (lon, lat), from its south-west corner and size in metres.
fn ring(x: f64, y: f64, w: f64, h: f64) -> Vec<(f64, f64)> {
    [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)]
        .iter()
        .map(|(a, b)| at(*a, *b))
        .collect()
}

fn blocks(rects: &[(&str, [f64; 4])]) -> String {
    let features: Vec<Value> = rects
        .iter()
        .map(|(id, [x, y, w, h])| {
            let coords: Vec<[f64; 2]> = ring(*x, *y, *w, *h).iter().map(|p| [p.0, p.1]).collect();
            json!({"type": "Feature", "properties": {"block_id": id},
                   "geometry": {"type": "Polygon", "coordinates": [coords]}})
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features}).to_string()
}

/// One layer in two versions: in 1398 a block far to the north; the 1402 amendment adds two
/// blocks that cover the plot (0, 0, 100 × 10 m) but for its middle 20 m (80 % inside, its
/// interior point outside). `current`: the manifest's version in force, if named; `empty`: a
/// version whose file holds no block.
fn dataset(current: Option<&str>, empty: Option<&str>) -> Dataset {
    let version = |id: &str, jalali: &str, iso: &str| {
        json!({"id": id, "title": {"fa": format!("نسخهٔ {id}"), "en": format!("version {id}")},
               "file": format!("{id}.geojson"), "approved": {"jalali": jalali, "iso": iso},
               "approved_by": {"fa": "کمیسیون", "en": "commission"}})
    };
    let mut layer = json!({"id": "w", "kind": "worn_out_fabric", "name": {"fa": "بافت", "en": "worn"},
        "id_property": "block_id", "source": {"name": {"fa": "آزمون", "en": "test"}},
        "versions": [version("1398", "1398/05/14", "2019-08-05"), version("1402", "1402/05/14", "2023-08-05")]});
    if let Some(c) = current {
        layer["current"] = json!(c);
    }
    let manifest = json!({
        "format_version": 1, "data_version": "t", "title": {"fa": "آزمون", "en": "test"},
        "city": {"name": {"fa": "آزمون", "en": "Test"}, "center": [LON, LAT], "envelope": [51.0, 35.6, 51.2, 35.8]},
        "layers": [layer]});
    let files = [
        ("1398.geojson", blocks(&[("B0", [0.0, 500.0, 50.0, 50.0])])),
        (
            "1402.geojson",
            blocks(&[
                ("B1", [-5.0, -5.0, 45.0, 20.0]),
                ("B2", [60.0, -5.0, 45.0, 20.0]),
            ]),
        ),
    ];
    let (ds, problems) = Dataset::load(&manifest.to_string(), |p| {
        Ok(match empty {
            Some(v) if p.starts_with(v) => blocks(&[]),
            _ => files.iter().find(|(f, _)| *f == p).expect(p).1.clone(),
        })
    })
    .expect("loads");
    assert_eq!(problems.is_empty(), empty.is_none(), "{problems:?}");
    ds
}

#[test]
fn a_plot_is_judged_in_every_version_by_its_share() {
    let ds = dataset(None, None);
    let p = place(&ds, Question::Outline(vec![ring(0.0, 0.0, 100.0, 10.0)]));
    let r = &p.plot_report().unwrap().layers[0];
    assert_eq!(r.status.as_str(), "partly_inside");
    assert!((r.share - 0.8).abs() < 1e-6, "{}", r.share);
    assert!(r.counts_as_inside);
    // Its interior point is outside in both versions: a history judged there said "outside in
    // every version" beside an answer counting the plot as inside.
    let at_point = ds.history(p.lon_lat());
    assert_eq!(at_point[0].sentence(Lang::En), "Outside in every version.");
    assert_eq!(
        p.history[0].sentence(Lang::En),
        "Inside since the version 1402 (added; it was outside in the version 1398)."
    );
    let s: Vec<&str> = p.history[0]
        .statuses
        .iter()
        .map(|v| match v.status {
            baft_core::layer::versions::Standing::Plot(s) => s.as_str(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(s, ["outside", "partly_inside"]);
}

#[test]
fn the_history_ends_at_the_version_in_force() {
    let ds = dataset(Some("1398"), None);
    // A point the 1402 amendment takes in; the answer follows the version in force, 1398.
    let (lon, lat) = at(20.0, 5.0);
    let p = place(&ds, Question::Point { lon, lat });
    let r = &p.point_report().unwrap().layers[0];
    assert_eq!(
        (r.status.as_str(), r.layer.version.id.as_str()),
        ("outside", "1398")
    );
    let h = &p.history[0];
    assert_eq!(
        h.statuses.iter().map(|v| v.in_force).collect::<Vec<_>>(),
        [true, false]
    );
    assert_eq!(
        h.sentence(Lang::En),
        "Outside in every version up to the version 1398. \
         In the version 1402, not in force, it is inside."
    );
    assert_eq!(
        h.sentence(Lang::Fa),
        "تا نسخهٔ 1398 در هیچ نسخه‌ای داخل نبوده است. در نسخهٔ 1402، که نافذ نیست، داخل است."
    );
    // With 1402 in force (the latest, by default) the same point was added in 1402.
    let p = place(&dataset(None, None), Question::Point { lon, lat });
    assert_eq!(
        p.history[0].sentence(Lang::En),
        "Inside since the version 1402 (added; it was outside in the version 1398)."
    );
}

#[test]
fn no_history_for_a_layer_whose_version_in_force_gave_no_answer() {
    // 1402 in force but its file holds no block: the layer gives no answer, and no history
    // either (it read "inside in every version since the 1398 approval" for a layer not shown).
    let (lon, lat) = at(20.0, 520.0);
    let p = place(&dataset(None, Some("1402")), Question::Point { lon, lat });
    assert!(p.point_report().unwrap().layers.is_empty());
    assert_eq!(p.history, vec![]);
    // With both usable, the same point has its history.
    let p = place(&dataset(None, None), Question::Point { lon, lat });
    assert_eq!(
        p.history[0].sentence(Lang::En),
        "Was inside in the version 1398; removed in the version 1402."
    );
}
