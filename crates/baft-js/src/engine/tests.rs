//! The engine's tests, on the sample data.

use super::*;
use std::path::PathBuf;

const DAY: GregorianDate = GregorianDate {
    year: 2026,
    month: 11,
    day: 26,
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(p: &str) -> String {
    std::fs::read_to_string(root().join(p)).unwrap()
}

/// The sample data, without the (large) parcel layer unless asked.
fn sample(parcels: bool) -> Engine {
    let mut e = Engine::new(&read("data/manifest.json"), Lang::En).unwrap();
    for f in e.files() {
        if f.kind == FileKind::Parcels && !parcels {
            continue;
        }
        let bytes = std::fs::read(root().join("data").join(&f.path)).unwrap();
        let body = if f.binary {
            Body::Owned(bytes.clone())
        } else {
            Body::Text(std::str::from_utf8(&bytes).unwrap())
        };
        e.add_file(&f.path, body).unwrap();
    }
    e
}

fn fixture_point(name: &str) -> (f64, f64) {
    let fx: serde_json::Value =
        serde_json::from_str(&read("tests/fixtures/sample-points.json")).unwrap();
    let p = &fx[name]["point"];
    (p["lon"].as_f64().unwrap(), p["lat"].as_f64().unwrap())
}

/// The answer to `text` (with `facts`) as JSON.
fn answer_json(e: &Engine, text: &str, facts: Option<&str>) -> serde_json::Value {
    serde_json::to_value(e.check(text, facts, DAY).unwrap()).unwrap()
}

/// The layer `id` in an answer's JSON.
fn layer_json<'a>(v: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    v["layers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == id)
        .unwrap()
}

#[test]
fn files_in_load_order_with_roles() {
    let e = Engine::new(&read("data/manifest.json"), Lang::En).unwrap();
    let f = e.files();
    let kinds: Vec<FileKind> = f.iter().map(|x| x.kind).collect();
    let first_other = kinds.iter().position(|k| *k != FileKind::Layer).unwrap();
    assert_eq!(first_other, e.ds.manifest.layers.len());
    assert!(kinds.contains(&FileKind::Packages) && kinds.contains(&FileKind::Version));
    assert_eq!(kinds.last(), Some(&FileKind::Parcels));
    let v = serde_json::to_value(&f[0]).unwrap();
    assert_eq!(v["kind"], "layer");
    assert_eq!(v["binary"], false);
}

#[test]
fn unknown_file_and_bad_input_are_errors_in_the_language() {
    let mut e = sample(false);
    let err = e
        .add_file("layers/nope.geojson", Body::Text("{}"))
        .unwrap_err();
    assert!(err.contains("layers/nope.geojson"));
    e.lang = Lang::Fa;
    assert!(e
        .check("hello there", None, DAY)
        .unwrap_err()
        .contains("پیدا نشد"));
    assert!(e.check_point(f64::NAN, 35.7, None, DAY).is_err());
    assert!(e.check("35.7, 51.1", Some("colour=red"), DAY).is_err());
    assert!(e.check_parcel(0, None, DAY).is_err());
    assert!(e.set_date("tomorrow").is_err());
    assert!(e
        .add_file("layers/historic-fabric.geojson", Body::Bytes(&[0xff, 0xfe]))
        .is_err());
}

#[test]
fn point_answer_has_layers_packages_and_report() {
    let e = sample(false);
    let (lon, lat) = fixture_point("worn_block");
    let v = answer_json(&e, &format!("{lat}, {lon}"), Some("area=150,street=8"));
    assert_eq!(v["kind"], "point");
    let worn = layer_json(&v, "worn-out-fabric");
    assert_eq!(worn["status"], "inside");
    assert_eq!(worn["zones"][0]["id"], "QB-0232");
    // In Persian, the id in the sentence is isolated (U+2066…U+2069): whole in a right-to-left
    // page; English needs no marks.
    let sentence = worn["sentence"].as_str().unwrap();
    assert!(
        sentence.contains("QB-0232") && !sentence.contains('\u{2066}'),
        "{sentence}"
    );
    let mut fa = sample(false);
    fa.lang = Lang::Fa;
    let fa_answer = answer_json(&fa, &format!("{lat}, {lon}"), Some("area=150,street=8"));
    let sentence = layer_json(&fa_answer, "worn-out-fabric")["sentence"].clone();
    let sentence = sentence.as_str().unwrap();
    assert!(sentence.contains("\u{2066}QB-0232\u{2069}"), "{sentence}");
    assert!(worn["version"]["approved"]["iso"].is_string());
    assert!(!v["packages"].as_array().unwrap().is_empty());
    assert!(v["report"]["layers"].is_array());
    assert_eq!(v["facts"]["facts"]["plot_area_m2"]["source"], "user");
    assert!(v["input"]["form"].is_string());
    // An unmet condition comes with its change, and the two on one line as the app shows them.
    let unmet: Vec<&serde_json::Value> = (v["packages"].as_array().unwrap().iter())
        .flat_map(|p| p["unmet"].as_array().unwrap())
        .collect();
    assert!(!unmet.is_empty(), "{v}");
    for u in unmet {
        let (c, h) = (
            u["condition"].as_str().unwrap(),
            u["change"].as_str().unwrap(),
        );
        assert_eq!(u["text"], format!("{c} → {h}"));
    }
}

#[test]
fn plot_outline_as_geojson_and_corners() {
    let e = sample(false);
    let v = answer_json(&e, &read("tests/fixtures/plot-straddling.geojson"), None);
    assert_eq!(v["kind"], "plot");
    let worn = layer_json(&v, "worn-out-fabric");
    assert_eq!(worn["status"], "partly_inside");
    let pct = worn["percent"].as_f64().unwrap();
    assert!((pct - 60.0).abs() < 2.0, "{pct}");
    assert!(v["areaM2"].as_f64().unwrap() > 0.0);
    let corners = "35.6947051, 51.0944226\n35.6947091, 51.0947514\n35.6947618, 51.0947505\n35.6947578, 51.0944217";
    let b = answer_json(&e, corners, None);
    assert_eq!(b["kind"], "plot");
}

#[test]
fn parcel_at_a_point_is_the_plot_holding_it() {
    let e = sample(true);
    assert!(e.parcel_count() > 0);
    // A point inside plot i (its interior point) finds plot i; a point far away finds none.
    for i in [0, e.parcel_count() / 2, e.parcel_count() - 1] {
        let (report, _) = e.ds.check_parcel(i, 1405).unwrap();
        let [lon, lat] = report.interior_point;
        assert_eq!(e.parcel_at(lon, lat), Some(i));
    }
    assert_eq!(e.parcel_at(51.0, 35.0), None);
    assert_eq!(e.parcel_at(f64::NAN, 35.7), None);
    assert_eq!(sample(false).parcel_at(51.1119, 35.7097), None);
}

#[test]
fn locate_gives_check_points_status_zone_and_plot_as_numbers() {
    let e = sample(true);
    let layers = e.locate_layers();
    assert!(layers.len() >= 3);
    let mut seen_inside = 0;
    for i in (0..e.parcel_count()).step_by(97) {
        let (report, _) = e.ds.check_parcel(i, 1405).unwrap();
        let [lon, lat] = report.interior_point;
        let mut out = Vec::new();
        e.locate_into(lon, lat, &mut out);
        assert_eq!(out.len(), 1 + 2 * layers.len());
        assert_eq!(out[0], i as i32);
        let full = e.ds.check_point((lon, lat));
        for (k, id) in layers.iter().enumerate() {
            let l = full.layers.iter().find(|l| &l.layer.id == id).unwrap();
            let (status, zone) = (out[1 + 2 * k], out[2 + 2 * k]);
            let want = match l.status {
                baft_core::check::PointStatus::Outside => 0,
                baft_core::check::PointStatus::OnBoundary => 1,
                baft_core::check::PointStatus::Inside => 2,
            };
            assert_eq!(status, want, "{lon},{lat} {id}");
            if status == 0 {
                assert_eq!(zone, -1);
            } else {
                seen_inside += 1;
                let ids = e.zone_ids(id).unwrap();
                assert!(l.zones.iter().any(|z| z.id == ids[zone as usize]));
            }
        }
        // The display answer agrees on the statuses too.
        assert!(e.check_point(lon, lat, None, DAY).is_ok());
    }
    assert!(seen_inside > 10, "{seen_inside}");
    let mut out = Vec::new();
    e.locate_into(f64::NAN, 35.7, &mut out);
    assert_eq!(out[0], -1);
    assert!(out[1..].chunks(2).all(|c| c == [0, -1]));
    assert_eq!(e.zone_ids("no-such-layer"), None);
}

#[test]
fn plate_finds_the_surveyed_plot() {
    let e = sample(true);
    assert_eq!(e.problems(), Vec::<String>::new());
    assert!(e.layers().iter().all(|l| l.loaded));
    let v = answer_json(&e, "121/1", None);
    match v["kind"].as_str() {
        Some("plot") => assert!(v["plot"]["plotId"].is_string()),
        Some("choices") => {
            assert!(v["choices"].as_array().unwrap().len() > 1);
            let i = v["choices"][0]["index"].as_u64().unwrap() as usize;
            let p = serde_json::to_value(e.check_parcel(i, None, DAY).unwrap()).unwrap();
            assert_eq!(p["kind"], "plot");
        }
        other => panic!("{other:?}"),
    }
}

/// A parcel layer written by GDAL (`ogr2ogr -f FlatGeobuf`, the fuzz corpus's 3-plot seed),
/// listed in the manifest as `.fgb`, is fetched as bytes and answers by plot id and plate as the
/// GeoJSON does; given as text, it is refused with a clear error.
#[test]
fn a_flatgeobuf_parcel_layer_written_by_gdal_answers_like_the_geojson() {
    let manifest =
        read("data/manifest.json").replace("parcels/parcels.geojson", "parcels/parcels.fgb");
    let mut e = Engine::new(&manifest, Lang::En).unwrap();
    let gdal =
        std::fs::read(root().join("fuzz/corpus/flatgeobuf/seed-gdal-parcels-3.fgb")).unwrap();
    for f in e.files() {
        if f.kind == FileKind::Parcels {
            assert!(f.binary, "a .fgb is fetched as bytes");
            let err = e.add_file(&f.path, Body::Text("x")).unwrap_err();
            assert!(err.contains("addFileBytes"), "{err}");
            assert!(e
                .add_file(&f.path, Body::Owned(gdal.clone()))
                .unwrap()
                .is_empty());
            assert!(
                e.ds.parcels.as_ref().unwrap().is_in_place(),
                "read in place"
            );
            continue;
        }
        e.add_file(&f.path, Body::Text(&read(&format!("data/{}", f.path))))
            .unwrap();
    }
    assert_eq!(e.parcel_count(), 3);
    let plain = sample(true);
    for q in ["QB-0185-001", "121/1"] {
        let (a, b) = (answer_json(&e, q, None), answer_json(&plain, q, None));
        assert_eq!(a["plot"]["plotId"], "QB-0185-001", "{q}");
        assert_eq!(a["plot"]["info"], b["plot"]["info"], "{q}");
        assert_eq!(a["layers"], b["layers"], "{q}");
        assert_eq!(a["packages"], b["packages"], "{q}");
    }
}

/// The JS API's range protocol (what `readParcels` in baft.mjs drives): the plot at a point is
/// read in a few ranges and then answers as if the whole layer were loaded.
#[test]
fn a_parcel_layer_read_by_area_answers_the_plot_at_a_point() {
    let (whole, bytes, mut e) = by_area();
    assert!(e.parcels_by_ranges());
    // A point inside a plot of the whole layer.
    let [lon, lat, ..] = inside(&whole, 123);
    assert_eq!(e.parcel_at(lon, lat), None, "not read yet");
    let requests = read_area(&mut e, &bytes, [lon, lat, lon, lat]);
    assert!(requests <= 5, "{requests}");
    let i = e.parcel_at(lon, lat).expect("the plot is read");
    let j = whole.parcel_at(lon, lat).unwrap();
    let info = |e: &Engine, i: usize| e.ds.parcels.as_ref().unwrap().info(i).unwrap().clone();
    assert_eq!(info(&e, i), info(&whole, j));
    // A file that can't be read by area is added whole, as before.
    let plain =
        std::fs::read(root().join("fuzz/corpus/flatgeobuf/seed-gdal-no-index-3.fgb")).unwrap();
    let mut e = sample(false);
    assert!(!e.open_parcel_ranges(&plain, plain.len() as u64).unwrap());
    assert!(e.open_parcel_ranges(b"not fgb at all", 14).is_err());
}

/// `readParcels` whose feature fetch failed: the area is done (with a problem), and the next
/// area is still read.
#[test]
fn a_failed_feature_fetch_does_not_stop_the_next_area() {
    let (whole, bytes, mut e) = by_area();
    let (a, b) = (inside(&whole, 10), inside(&whole, 900));
    // Area a: the index, then its features' ranges are handed out and never come.
    let mut rounds = 0;
    loop {
        let r = e.parcel_ranges(a);
        assert!(!r.is_empty());
        let before = e.problems.len();
        // Index ranges are read; the first feature ranges are not (the fetch "failed").
        if e.remote.as_ref().unwrap().pending.is_some() {
            assert_eq!(e.problems.len(), before);
            break;
        }
        for g in r.chunks(2) {
            e.add_parcel_bytes(g[0], &bytes[g[0] as usize..g[1] as usize]);
        }
        rounds += 1;
        assert!(rounds < 10);
    }
    // Area b is read whole, all the same.
    read_area(&mut e, &bytes, b);
    assert!(e.parcel_at(b[0], b[1]).is_some());
    // Area a asked again: its features are read now.
    read_area(&mut e, &bytes, a);
    assert!(e.parcel_at(a[0], a[1]).is_some());
}

/// What `readParcels` does, with `bytes` as the server: rounds of ranges until none is asked;
/// returns the requests made.
fn read_area(e: &mut Engine, bytes: &[u8], bbox: [f64; 4]) -> usize {
    let mut requests = 0;
    for _ in 0..16 {
        let ranges = e.parcel_ranges(bbox);
        if ranges.is_empty() {
            return requests;
        }
        for g in ranges.chunks(2) {
            e.add_parcel_bytes(g[0], &bytes[g[0] as usize..g[1] as usize]);
            requests += 1;
        }
    }
    panic!("more than 16 rounds")
}

/// The sample with its parcel layer whole; the layer as FlatGeobuf; and the sample with that
/// file opened by area (its first 16 KB).
fn by_area() -> (Engine, Vec<u8>, Engine) {
    let text = read("data/parcels/parcels.geojson");
    let (bytes, _, _) = baft_core::read::fgb::from_geojson("p", &text, None, None).unwrap();
    let mut e = sample(false);
    let first = &bytes[..baft_core::read::fgb::FgbRanges::FIRST as usize];
    assert!(e.open_parcel_ranges(first, bytes.len() as u64).unwrap());
    (sample(true), bytes, e)
}

/// A point inside plot `i` of the whole layer (the mean of its corners: the sample's plots are
/// convex), as a box.
fn inside(whole: &Engine, i: usize) -> [f64; 4] {
    let ring = &whole.ds.parcels.as_ref().unwrap().rings(i)[0];
    let n = (ring.len() - 1) as f64;
    let lon = ring[..ring.len() - 1].iter().map(|p| p.0).sum::<f64>() / n;
    let lat = ring[..ring.len() - 1].iter().map(|p| p.1).sum::<f64>() / n;
    [lon, lat, lon, lat]
}
