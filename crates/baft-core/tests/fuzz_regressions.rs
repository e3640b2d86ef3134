//! Inputs that the fuzz targets in `fuzz/` found crashing the core or breaking one of their
//! invariants, each kept here as a test after the fix (see `docs/fuzzing.md`: a panic that input
//! can reach kills the app in the browser, where wasm aborts). The crashing files themselves are
//! in `tests/fuzz-crashes/`.

use baft_core::answer::share::{decode_outline, encode_outline, SharedState, Subject};
use baft_core::dataset::read_plot_outline;
use baft_core::input::{parse_location, parse_location_with, InputForm, ParseOptions};
use baft_core::read::fgb;
use baft_core::read::geojson::RawFeature;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Counts the largest single allocation of the current thread (for the pack header test).
struct Counting;

thread_local! {
    static LARGEST: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = LARGEST.try_with(|m| m.set(m.get().max(layout.size())));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn on_globe(lon: f64, lat: f64) -> bool {
    lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0 && lat.abs() <= 90.0
}

/// `parse_location` target, invariant "on the globe": UTM figures far from the zone's central
/// meridian (zone 1, near the pole) came back as longitude −206.23°, which no share link can
/// carry. The inverse projection now wraps longitudes into −180°…180° (here 153.77° E).
#[test]
fn utm_zone_1_near_the_pole_reads_as_a_longitude_on_the_globe() {
    // As the target fed it: 60 bytes, so its second run used default zone 1.
    let text = format!("{:<60}", "E 166000 N 9400000");
    let zone_1 = ParseOptions {
        default_utm_zone: 1,
    };
    for p in [
        parse_location_with(&text, zone_1).unwrap(),
        parse_location("zone 1 E 166000 N 9400000").unwrap(),
    ] {
        assert!(on_globe(p.lon, p.lat), "{p:?}");
        assert!((p.lon - 153.767).abs() < 1e-3, "{p:?}");
        assert!(matches!(p.form, InputForm::Utm { zone: 1, .. }));
        // Its share link opens again.
        let s = SharedState {
            subject: Some(Subject::Point {
                lat: p.lat,
                lon: p.lon,
            }),
            ..Default::default()
        };
        match SharedState::from_fragment(&s.to_fragment())
            .unwrap()
            .subject
        {
            Some(Subject::Point { lat, lon }) => {
                assert!((lat - p.lat).abs() <= 1e-6 && (lon - p.lon).abs() <= 1e-6)
            }
            other => panic!("{other:?}"),
        }
    }
    // Iran is untouched: Qods in zone 39.
    let q = parse_location("E 510122 N 3951756").unwrap();
    assert!((q.lon - 51.1119).abs() < 1e-4 && (q.lat - 35.7097).abs() < 1e-4);
}

/// The same wrap for a plot typed as UTM corners: its share link decodes again.
#[test]
fn utm_corners_in_zone_1_near_the_pole_make_a_link_that_opens() {
    let text = "zone 1 E 166000 N 9399000\nzone 1 E 166100 N 9399000\nzone 1 E 166100 N 9399100";
    let rings = read_plot_outline(text, ParseOptions::default()).unwrap();
    assert!(
        rings.iter().flatten().all(|&(lon, lat)| on_globe(lon, lat)),
        "{rings:?}"
    );
    let back = decode_outline(&encode_outline(&rings)).expect("the link decodes");
    assert_eq!(back[0].len(), rings[0].len());
}

/// Carried over from the `.baftpack` reader's crash "attempt to subtract with overflow" (the
/// format is gone; the property holds for FlatGeobuf): positions a whole `i64` of 1e-7° apart
/// write and read back exactly.
#[test]
fn far_apart_positions_write_and_read_back_exactly() {
    // The smallest such feature: two corners 1.8e12° apart.
    let far = RawFeature {
        index: 0,
        id: None,
        properties: Default::default(),
        polygons: vec![vec![vec![
            (9.0e11, 0.0),
            (-9.0e11, 0.0),
            (0.0, 1.0),
            (9.0e11, 0.0),
        ]]],
    };
    let back = fgb::read("p.fgb", &fgb::write(&[&far]).unwrap(), None).unwrap();
    assert_eq!(back.features[0].polygons, far.polygons);
}

/// Carried over from the `.baftpack` reader: bytes that only start like a FlatGeobuf file are
/// an error, and reading them allocates little (wasm never gives memory back).
#[test]
fn a_flatgeobuf_file_cut_after_its_magic_reserves_no_memory() {
    let mut bytes = fgb::MAGIC.to_vec();
    bytes.extend(u32::MAX.to_le_bytes());
    LARGEST.with(|m| m.set(0));
    assert!(fgb::read("p.fgb", &bytes, None).is_err());
    let largest = LARGEST.with(Cell::get);
    assert!(largest < 1 << 16, "largest allocation {largest} bytes");
}

/// `flatgeobuf` target: a header counting more features than any file holds overflowed the
/// index size when the file was opened for range reading. It is now damage, as for the whole
/// file's reader.
#[test]
fn a_feature_count_no_file_can_hold_is_damage_when_read_by_ranges() {
    let bytes = include_bytes!("fuzz-crashes/flatgeobuf-ranges-count-overflows.fgb");
    let opened = fgb::FgbRanges::open("p.fgb", bytes, bytes.len() as u64);
    let e = opened.err().expect("damage");
    assert!(e.message(baft_core::Lang::En).contains("p.fgb"));
}

/// `flatgeobuf` target: a leaf whose next leaf points before it gave a feature that ended
/// before it began, and reading it by ranges underflowed. Such a feature now ends with the file
/// (its size prefix says where), and reading by ranges ends, as an answer or as damage.
#[test]
fn a_leaf_whose_next_leaf_points_before_it_is_read_by_ranges_without_a_panic() {
    let bytes = include_bytes!("fuzz-crashes/flatgeobuf-ranges-next-leaf-before.fgb");
    let Ok(Some(mut r)) = fgb::FgbRanges::open("p.fgb", bytes, bytes.len() as u64) else {
        panic!("the file opens for range reading");
    };
    let got = r.query([51.0, 35.6, 51.2, 35.8], |range| {
        let (a, b) = (range.start as usize, (range.end as usize).min(bytes.len()));
        Ok(bytes.get(a..b.max(a)).unwrap_or_default().to_vec())
    });
    if let Err(e) = got {
        assert!(e.message(baft_core::Lang::En).contains("p.fgb"));
    }
}

/// `flatgeobuf` target: a MultiPolygon with no parts read as a feature with no polygons, and
/// written back it read as an empty geometry, so the file written from a read file had one
/// feature fewer. A geometry with no parts or no positions is now an empty geometry when read.
#[test]
fn a_multipolygon_without_parts_is_an_empty_geometry_and_round_trips() {
    let bytes = include_bytes!("fuzz-crashes/flatgeobuf-multipolygon-without-parts.fgb");
    let raw = fgb::read("p.fgb", bytes, None).unwrap();
    assert_eq!(raw.features.len(), 2);
    assert!(matches!(
        raw.problems[0].kind,
        baft_core::error::ProblemKind::EmptyGeometry
    ));
    let refs: Vec<&RawFeature> = raw.features.iter().collect();
    let again = fgb::read("p.fgb", &fgb::write(&refs).unwrap(), None).unwrap();
    assert_eq!(again.features.len(), 2);
}

/// `plot_outline` target (found by CI's 15-second run): corners at latitude 89.9999° spread
/// over 240° of longitude made geo's `InteriorPoint` sweep-line assert, a panic that would
/// kill the app. The plot check now uses `baft_core::geometry::interior` and answers.
#[test]
fn corners_near_the_pole_across_240_degrees_of_longitude_are_checked_without_panicking() {
    let text = include_str!("fuzz-crashes/plot-outline-near-pole.txt");
    let ds = baft_core::dataset::Dataset::from_single_file(
        "worn-out-fabric-1402.geojson",
        include_str!("../../../data/layers/worn-out-fabric-1402.geojson"),
    )
    .unwrap();
    let rings = read_plot_outline(text, ParseOptions::default()).unwrap();
    let r = ds.check_plot(&rings).unwrap();
    let [lon, lat] = r.interior_point;
    assert!(
        on_globe(lon, lat) && lat > 89.99989 && lat < 89.9999,
        "{lon} {lat}"
    );
    assert!(!r.in_data_area);
    assert!(r.layers.iter().all(|l| l.share == 0.0));
}

/// Found in review: a file whose header counts its features but whose bytes end after a whole
/// number of them was taken as complete when a slice ended there (the app read fewer plots and
/// said nothing). Cut after any feature, it is an error at the first feature missing, whether
/// read at once or in slices.
#[test]
fn a_flatgeobuf_file_cut_between_features_is_an_error_in_slices_too() {
    let whole = include_bytes!("../../../fuzz/corpus/flatgeobuf/seed-baft-parcels-8.fgb");
    let all = fgb::read("p.fgb", whole, None).unwrap().features.len();
    assert_eq!(all, 8);
    let mut cuts = 0;
    for cut in 8..whole.len() {
        let bytes = &whole[..cut];
        assert!(fgb::read("p.fgb", bytes, None).is_err(), "{cut}");
        let Ok(mut r) = fgb::FgbChunks::new("p.fgb", bytes) else {
            continue;
        };
        let mut read = 0;
        let outcome = loop {
            match r.read_chunk(1) {
                Ok(c) => read += c.features.len(),
                Err(e) => break Err(e),
            }
            if r.remaining() == 0 {
                break Ok(());
            }
        };
        assert!(
            outcome.is_err(),
            "cut at {cut}: {read} plots read as if complete"
        );
        cuts += 1;
    }
    assert!(cuts > 0);
}

/// Found in review: an `id` attribute that is a whole number (QGIS and GDAL often export ids as
/// integer columns) is the feature's id too.
#[test]
fn a_whole_number_id_attribute_is_the_feature_id() {
    let f = RawFeature {
        index: 0,
        id: None,
        properties: baft_core::read::properties::Properties::from_json_text(r#"{"id":42}"#),
        polygons: vec![vec![vec![
            (51.1, 35.7),
            (51.101, 35.7),
            (51.101, 35.701),
            (51.1, 35.7),
        ]]],
    };
    let back = fgb::read("p.fgb", &fgb::write(&[&f]).unwrap(), None).unwrap();
    assert_eq!(back.features[0].id.as_deref(), Some("42"));
}

/// `flatgeobuf` target, in place: every FlatGeobuf file of the corpus and of the crashes kept
/// here (damaged indexes, counts no file holds, cut features) opens in place or is refused,
/// and searching, testing and decoding its plots, and the parcel layer over it, never panic.
#[test]
fn every_flatgeobuf_file_kept_is_read_in_place_without_a_panic() {
    let dirs = ["../../fuzz/corpus/flatgeobuf", "tests/fuzz-crashes"];
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut opened = 0;
    for dir in dirs {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "fgb") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            if let Ok(f) = baft_core::read::fgb::FgbFile::open("p.fgb", bytes.clone()) {
                opened += 1;
                let mut found = Vec::new();
                f.search([-180.0, -90.0, 180.0, 90.0], |i| found.push(i));
                for i in found.into_iter().take(100) {
                    let _ = (f.holds(i, 51.1, 35.7), f.read(i), f.bbox(i));
                }
            }
            let mut ds = baft_core::dataset::Dataset::new(
                baft_core::read::manifest::Manifest::parse(include_str!(
                    "../../../data/manifest.json"
                ))
                .unwrap(),
            );
            let _ = ds.set_parcels_fgb_owned(bytes);
            let p = ds.parcels.clone().unwrap();
            for i in 0..p.len().min(20) {
                let _ = (
                    p.info(i),
                    p.rings(i),
                    p.neighbours(i, 1.0),
                    ds.parcel_shares(i),
                );
            }
            let _ = ds.parcel_at((51.1, 35.7));
            let _ = baft_core::answer::search::search(&ds, "123/45");
        }
    }
    assert!(opened >= 5, "{opened} files opened in place");
}
