//! FlatGeobuf on the sample: what `baft pack` writes reads back to the source, the app's slices
//! and its first part around the centre, and the file's R-tree against a scan of every plot.

mod common;
use baft_core::Lang;
use common::*;

/// A feature's properties with numbers compared as numbers (a column of whole and fractional
/// numbers is a `Double` column in FlatGeobuf, so `120` reads back as `120.0`).
fn props(f: &baft_core::read::geojson::RawFeature) -> serde_json::Map<String, serde_json::Value> {
    let mut m = f.properties.to_map();
    for v in m.values_mut() {
        if let Some(x) = v.as_f64().filter(|_| v.is_number()) {
            *v = serde_json::json!(x);
        }
    }
    m
}

#[test]
fn flatgeobuf_then_read_equals_the_source() {
    use baft_core::read::fgb;
    let text = std::fs::read_to_string(repo().join("data/parcels/parcels.geojson")).unwrap();
    let (bytes, stats, problems) = fgb::from_geojson("parcels.geojson", &text, None, None).unwrap();
    assert!(problems.is_empty());
    assert!(stats.pack_bytes < stats.geojson_bytes, "{stats:?}");
    assert_eq!(&bytes[..8], fgb::MAGIC);
    let raw = fgb::read("p.fgb", &bytes, None).unwrap();
    assert_eq!(raw.crs_name.as_deref(), Some("EPSG:4326"));
    let src = baft_core::read::geojson::parse_feature_collection("p", &text).unwrap();
    assert_eq!(raw.features.len(), src.features.len());
    // Same features (as a set: the file is in Hilbert order), same attributes, same positions.
    let by_id = |f: &baft_core::read::geojson::RawFeature| {
        f.properties
            .get("plot_id")
            .unwrap()
            .as_str()
            .unwrap()
            .to_string()
    };
    let mut m: std::collections::HashMap<String, &baft_core::read::geojson::RawFeature> =
        src.features.iter().map(|f| (by_id(f), f)).collect();
    for f in &raw.features {
        let s = m.remove(&by_id(f)).expect("in the source");
        let mut want = props(s);
        if let Some(id) = &s.id {
            want.entry("id").or_insert(serde_json::json!(id));
        }
        assert_eq!(props(f), want);
        assert_eq!(f.polygons, s.polygons);
    }
    assert!(m.is_empty());
    // A limit reads only the first part; a damaged file is an error naming it, not a panic.
    assert_eq!(
        fgb::read("p", &bytes, Some(100)).unwrap().features.len(),
        100
    );
    for cut in [3, 10, 17, 100, bytes.len() / 2, bytes.len() - 1] {
        let e = fgb::read("p.fgb", &bytes[..cut], None).unwrap_err();
        assert!(e.message(Lang::En).contains("p.fgb"), "{cut}");
    }
    let mut corrupt = bytes.clone();
    corrupt[3] = 9;
    assert!(fgb::read("p", &corrupt, None).is_err());
    // Loaded as the parcel layer, it answers like the GeoJSON.
    let ds = sample();
    let spec = ds.manifest.parcels.clone().unwrap();
    let packed = baft_core::layer::parcels::ParcelLayer::load_fgb(&spec, &bytes, None, &ds.frame);
    let plain = ds.parcels.as_ref().unwrap();
    assert_eq!(packed.len(), plain.len());
    assert!(packed.problems().is_empty(), "{:?}", packed.problems());
    for i in [0, 1234, plain.len() - 1] {
        let q = baft_core::input::plate::PlateQuery {
            section: None,
            main: plain.info(i).unwrap().plate_main.unwrap(),
            sub: plain.info(i).unwrap().plate_sub.unwrap(),
        };
        let j = packed.find_plate(q)[0];
        assert_eq!(packed.info(j).unwrap(), plain.info(i).unwrap());
        assert_eq!(packed.rings(j), plain.rings(i));
    }
}

/// The sample's parcel layer as `baft pack` writes it, the sample dataset, and the layer read
/// from the file at once.
fn packed_sample() -> (
    Vec<u8>,
    baft_core::dataset::Dataset,
    baft_core::layer::parcels::ParcelLayer,
) {
    let text = std::fs::read_to_string(repo().join("data/parcels/parcels.geojson")).unwrap();
    let (bytes, _, _) = baft_core::read::fgb::from_geojson("p", &text, None, None).unwrap();
    let ds = sample();
    let spec = ds.manifest.parcels.clone().unwrap();
    let whole = baft_core::layer::parcels::ParcelLayer::load_fgb(&spec, &bytes, None, &ds.frame);
    (bytes, ds, whole)
}

#[test]
fn a_flatgeobuf_layer_built_in_slices_equals_one_read_and_answers_early() {
    use baft_core::layer::parcels::ParcelsBuilder;
    let (bytes, ds, whole) = packed_sample();
    let spec = ds.manifest.parcels.clone().unwrap();
    let mut b = ParcelsBuilder::new(&spec, &bytes, &ds.frame).unwrap();
    assert_eq!(b.step(1000).unwrap(), whole.len() - 1000);
    let early = b.snapshot();
    assert_eq!(early.len(), 1000);
    // The first slice answers already: its plots are found by their plates.
    let q = |p: &baft_core::layer::parcels::ParcelInfo| baft_core::input::plate::PlateQuery {
        section: None,
        main: p.plate_main.unwrap(),
        sub: p.plate_sub.unwrap(),
    };
    assert_eq!(early.find_plate(q(early.info(0).unwrap())).len(), 1);
    while b.step(3000).unwrap() > 0 {}
    let done = b.finish();
    assert_eq!(done.len(), whole.len());
    assert!((0..whole.len()).all(|k| done.info(k) == whole.info(k)) && done.len() == whole.len());
    assert!(done.problems().is_empty());
}

/// The file's packed R-tree, searched in place, finds exactly the plots whose boxes meet a box
/// (compared with a scan of every plot), for Baft's own file and for one GDAL wrote; reading
/// the rest in order then gives every other plot once.
#[test]
fn the_flatgeobuf_index_finds_exactly_the_plots_whose_boxes_meet_a_box() {
    use baft_core::read::fgb::{self, FgbChunks};
    let text = std::fs::read_to_string(repo().join("data/parcels/parcels.geojson")).unwrap();
    let (ours, _, _) = fgb::from_geojson("p", &text, None, None).unwrap();
    let gdal =
        std::fs::read(repo().join("fuzz/corpus/flatgeobuf/seed-gdal-parcels-3.fgb")).unwrap();
    for bytes in [ours, gdal] {
        let all = fgb::read("p.fgb", &bytes, None).unwrap().features;
        let boxes: Vec<(usize, [f64; 4])> = all
            .iter()
            .map(|f| {
                let b = baft_core::geometry::crs::bbox_of(
                    f.polygons.iter().flatten().flatten().copied(),
                );
                (f.index, [b.0, b.1, b.2, b.3])
            })
            .collect();
        let (minx, miny) = (
            boxes.iter().map(|b| b.1[0]).fold(f64::MAX, f64::min),
            boxes.iter().map(|b| b.1[1]).fold(f64::MAX, f64::min),
        );
        let (maxx, maxy) = (
            boxes.iter().map(|b| b.1[2]).fold(f64::MIN, f64::max),
            boxes.iter().map(|b| b.1[3]).fold(f64::MIN, f64::max),
        );
        let queries = query_boxes([minx, miny, maxx, maxy]);
        for q in queries {
            let mut want: Vec<usize> = boxes
                .iter()
                .filter(|(_, b)| !(b[0] > q[2] || b[1] > q[3] || b[2] < q[0] || b[3] < q[1]))
                .map(|(i, _)| *i)
                .collect();
            want.sort_unstable();
            let mut r = FgbChunks::new("p.fgb", &bytes).unwrap();
            let near: Vec<usize> = r
                .read_near(q)
                .unwrap()
                .features
                .iter()
                .map(|f| f.index)
                .collect();
            assert_eq!(near, want, "{q:?}");
            let mut rest = Vec::new();
            while r.remaining() > 0 {
                rest.extend(r.read_chunk(777).unwrap().features.iter().map(|f| f.index));
            }
            let mut every: Vec<usize> = near.into_iter().chain(rest).collect();
            every.sort_unstable();
            assert_eq!(every, (0..all.len()).collect::<Vec<_>>(), "{q:?}");
        }
    }
}

/// The app's first slice: the plots around the city centre, found by the index, answer before
/// the rest is read; the whole build then holds every plot once.
#[test]
fn the_plots_near_the_centre_are_read_first_by_the_index() {
    use baft_core::layer::parcels::ParcelsBuilder;
    let (bytes, ds, whole) = packed_sample();
    let spec = ds.manifest.parcels.clone().unwrap();
    let [lon, lat] = ds.manifest.city.center;
    let mut b = ParcelsBuilder::new(&spec, &bytes, &ds.frame).unwrap();
    let n = b.near(lon, lat, 300.0).unwrap();
    assert!(n > 0 && n < whole.len() / 2, "{n} of {}", whole.len());
    let early = b.snapshot();
    let mut found = 0;
    for (dx, dy) in [(0.0, 0.0), (100.0, 0.0), (0.0, -150.0), (-200.0, 120.0)] {
        let (x, y) = ds.frame.forward(lon, lat);
        if let Some(i) = whole.at(x + dx, y + dy) {
            let j = early
                .at(x + dx, y + dy)
                .expect("a plot near the centre is read first");
            assert_eq!(early.info(j).unwrap(), whole.info(i).unwrap());
            found += 1;
        }
    }
    assert!(found > 0, "the sample has plots around its centre");
    while b.step(3000).unwrap() > 0 {}
    let done = b.finish();
    assert_eq!(plot_ids(&done), plot_ids(&whole));
}

/// The layer type and each column's type, read from a file's header with the crate GDAL's
/// driver agrees with.
fn declared(
    bytes: &[u8],
) -> (
    flatgeobuf::GeometryType,
    Vec<(String, flatgeobuf::ColumnType)>,
) {
    let h = flatgeobuf::size_prefixed_root_as_header(&bytes[8..]).unwrap();
    let columns = h.columns().unwrap();
    let cols = columns
        .iter()
        .map(|c| (c.name().to_string(), c.type_()))
        .collect();
    (h.geometry_type(), cols)
}

#[test]
fn pack_writes_polygons_and_32_bit_numbers_when_they_hold_every_feature() {
    use baft_core::read::fgb;
    use flatgeobuf::{ColumnType as C, GeometryType as G};
    let square =
        |x: u32| format!("[[[{x},35.7],[{x}.001,35.7],[{x}.001,35.701],[{x},35.701],[{x},35.7]]]");
    // `big` is 64-bit in the first feature, `grows` in the last: both orders of the merge.
    let feature = |geometry: String, small: i64, big: i64| {
        let grows = 3_000_000_001 - big;
        format!(
            r#"{{"type":"Feature","properties":{{"small":{small},"big":{big},"grows":{grows},"mixed":{small},"r":1.5}},"geometry":{geometry}}}"#
        )
    };
    let polygon = |x| format!(r#"{{"type":"Polygon","coordinates":{}}}"#, square(x));
    let collection = |fs: &[String]| {
        format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            fs.join(",")
        )
    };
    // Whole numbers that fit 32 bits, one beyond (3,000,000,000), every feature one polygon.
    let text = collection(&[
        feature(polygon(51), -2_147_483_648, 3_000_000_000),
        feature(polygon(52), 2_147_483_647, 1),
    ]);
    let (bytes, _, problems) = fgb::from_geojson("t.geojson", &text, None, None).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let (kind, cols) = declared(&bytes);
    assert_eq!(kind, G::Polygon);
    let ty = |name: &str| cols.iter().find(|c| c.0 == name).unwrap().1;
    assert_eq!(
        [ty("small"), ty("big"), ty("grows"), ty("mixed"), ty("r")],
        [C::Int, C::Long, C::Long, C::Int, C::Double]
    );
    let back = fgb::read("t.fgb", &bytes, None).unwrap();
    let src = baft_core::read::geojson::parse_feature_collection("t", &text).unwrap();
    let mut got: Vec<_> = back
        .features
        .iter()
        .map(|f| f.properties.to_map())
        .collect();
    let mut want: Vec<_> = src.features.iter().map(|f| f.properties.to_map()).collect();
    let key = |m: &serde_json::Map<String, serde_json::Value>| m["small"].as_i64();
    got.sort_by_key(key);
    want.sort_by_key(key);
    assert_eq!(
        got, want,
        "whole numbers read back exactly, at both ends of 32 bits and beyond"
    );
    for f in &back.features {
        assert_eq!(f.polygons.len(), 1);
        assert!(src.features.iter().any(|s| s.polygons == f.polygons));
    }

    // One MultiPolygon among them: a MultiPolygon layer, the single polygons read back the same;
    // a column with a fraction among whole numbers is a Double.
    let multi = format!(
        r#"{{"type":"MultiPolygon","coordinates":[{},{}]}}"#,
        square(53),
        square(54)
    );
    let text = collection(&[
        feature(polygon(51), 1, 2),
        feature(multi, 3, 4),
        feature(polygon(52), 5, 6).replace(r#""mixed":5"#, r#""mixed":5.5"#),
    ]);
    let (bytes, _, _) = fgb::from_geojson("t.geojson", &text, None, None).unwrap();
    let (kind, cols) = declared(&bytes);
    assert_eq!(kind, G::MultiPolygon);
    let ty = |name: &str| cols.iter().find(|c| c.0 == name).unwrap().1;
    assert_eq!([ty("small"), ty("mixed")], [C::Int, C::Double]);
    let back = fgb::read("t.fgb", &bytes, None).unwrap();
    let src = baft_core::read::geojson::parse_feature_collection("t", &text).unwrap();
    let mut parts: Vec<usize> = back.features.iter().map(|f| f.polygons.len()).collect();
    parts.sort();
    assert_eq!(parts, [1, 1, 2]);
    for f in &back.features {
        assert!(src.features.iter().any(|s| s.polygons == f.polygons));
    }
}
