//! The FlatGeobuf reader (`fgb::read`, `fgb::FgbChunks` in chunks) and the parcel layer the app
//! builds from it (`Dataset::set_parcels_fgb`), then a plate search and a plot check on it.
//!
//! Also reads the file in place (`fgb::FgbFile`, `Dataset::set_parcels_fgb_owned`), as the app
//! and the JS API keep a whole file.
//!
//! Asserts: never a panic; reading in chunks gives the same features as reading at once; a
//! file written (`fgb::write`) from what was read reads back to the same features; reading by
//! byte ranges (`fgb::FgbRanges`, as over HTTP `Range`) ends, and finds what the whole file's
//! index finds.
#![no_main]

use baft_core::dataset::Dataset;
use baft_core::read::fgb::{self, FgbChunks};
use baft_core::read::manifest::Manifest;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static MANIFEST: OnceLock<Manifest> = OnceLock::new();

fn manifest() -> Manifest {
    MANIFEST
        .get_or_init(|| {
            Manifest::parse(include_str!("../../data/manifest.json")).expect("sample manifest")
        })
        .clone()
}

fuzz_target!(|data: &[u8]| {
    let whole = fgb::read("p.fgb", data, None);
    // In chunks, as the app's progressive loader reads it.
    if let Ok(mut r) = FgbChunks::new("p.fgb", data) {
        let mut n = 0;
        let mut ok = true;
        loop {
            match r.read_chunk(3) {
                Ok(c) => {
                    n += c.features.len();
                    if r.remaining() == 0 || (c.features.is_empty() && c.problems.is_empty()) {
                        break;
                    }
                }
                Err(_) => {
                    ok = false;
                    break;
                }
            }
        }
        if let (Ok(w), true) = (&whole, ok) {
            assert_eq!(n, w.features.len());
        }
    }
    // By byte ranges, as the app reads a parcel layer from a server that honours `Range`.
    if let Ok(Some(mut r)) = fgb::FgbRanges::open("p.fgb", &data[..data.len().min(4096)], data.len() as u64) {
        let bbox = [51.0, 35.6, 51.2, 35.8];
        let by_ranges = r.query(bbox, |range| {
            let (a, b) = (range.start as usize, (range.end as usize).min(data.len()));
            Ok(data.get(a..b.max(a)).unwrap_or_default().to_vec())
        });
        if let (Ok(got), Ok(mut c)) = (by_ranges, FgbChunks::new("p.fgb", data)) {
            if let Ok(want) = c.read_near(bbox) {
                let ids = |f: &baft_core::read::geojson::RawFile| {
                    let mut v: Vec<usize> = f.features.iter().map(|f| f.index).collect();
                    v.sort_unstable();
                    v
                };
                // The whole file's reader passes over a second leaf that points at a feature
                // already read; by ranges, each leaf is a feature: so at least what it found.
                let got = ids(&got);
                assert!(ids(&want).iter().all(|i| got.binary_search(i).is_ok()));
            }
        }
    }
    if let Ok(raw) = &whole {
        let refs: Vec<_> = raw.features.iter().collect();
        if let Ok(bytes) = fgb::write(&refs) {
            let again = fgb::read("p.fgb", &bytes, None).expect("a file written from a read file reads back");
            assert_eq!(again.features.len(), raw.features.len());
            let mut a: Vec<_> = again.features.iter().map(|f| format!("{:?}", f.polygons)).collect();
            let mut b: Vec<_> = raw.features.iter().map(|f| format!("{:?}", f.polygons)).collect();
            a.sort();
            b.sort();
            assert_eq!(a, b);
        }
    }
    // In place, as the app and the JS API keep a whole file: its index finds at least what
    // the whole file's reader finds near a box, and each plot found decodes or is left out.
    if let Ok(f) = fgb::FgbFile::open("p.fgb", data.to_vec()) {
        let bbox = [51.0, 35.6, 51.2, 35.8];
        let mut found = Vec::new();
        f.search(bbox, |i| found.push(i));
        found.sort_unstable();
        for &i in found.iter().take(50) {
            let _ = (f.holds(i, 51.1, 35.7), f.read(i), f.bbox(i));
        }
        if let Ok(mut c) = FgbChunks::new("p.fgb", data) {
            if let Ok(want) = c.read_near(bbox) {
                assert!(want.features.iter().all(|w| found.binary_search(&w.index).is_ok()));
            }
        }
    }
    for in_place in [false, true] {
        let mut ds = Dataset::new(manifest());
        let _ = if in_place {
            ds.set_parcels_fgb_owned(data.to_vec())
        } else {
            ds.set_parcels_fgb(data, Some(50))
        };
        if let Some(p) = ds.parcels.clone() {
            for i in 0..p.len().min(3) {
                let _ = p.info(i).map(|p| p.plate_text());
                let _ = ds.check_parcel(i, 1403);
            }
            let _ = ds.parcel_at((51.1, 35.7));
            let _ = baft_core::answer::search::search(&ds, "123/45");
        }
    }
});
