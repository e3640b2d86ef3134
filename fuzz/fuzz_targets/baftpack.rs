//! The `.baftpack` reader (`pack::read`, `pack::PackReader` in chunks) and the parcel layer
//! the app builds from it (`Dataset::set_parcels_packed`), then a plate search and a plot
//! check on it.
//!
//! Asserts: never a panic; reading in chunks gives the same features as reading at once; a
//! pack written from what was read reads back to the same features (positions within 1e-7°).
#![no_main]

use baft_core::dataset::Dataset;
use baft_core::read::manifest::Manifest;
use baft_core::read::pack::{self, PackReader};
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
    let whole = pack::read("p.baftpack", data, None);
    // In chunks, as the app's progressive loader reads it.
    if let Ok(mut r) = PackReader::new("p.baftpack", data) {
        let mut n = 0;
        loop {
            let before = r.remaining();
            match r.read_chunk(3) {
                Ok(c) => {
                    n += c.features.len();
                    if c.features.is_empty() || r.remaining() == 0 {
                        break;
                    }
                    assert!(r.remaining() < before);
                }
                Err(_) => break,
            }
        }
        if let Ok(w) = &whole {
            assert_eq!(n, w.features.len());
        }
    }
    if let Ok(raw) = &whole {
        let refs: Vec<_> = raw.features.iter().collect();
        let again = pack::read("p.baftpack", &pack::write(&refs), None)
            .expect("a pack written from a read pack reads back");
        assert_eq!(again.features.len(), raw.features.len());
        for (a, b) in again.features.iter().zip(&raw.features) {
            assert_eq!(a.polygons.len(), b.polygons.len());
            for (pa, pb) in a.polygons.iter().flatten().zip(b.polygons.iter().flatten()) {
                assert_eq!(pa.len(), pb.len());
                for (x, y) in pa.iter().zip(pb) {
                    if x.0.abs().max(x.1.abs()) < 1e6 {
                        assert!((x.0 - y.0).abs() <= 1e-7 && (x.1 - y.1).abs() <= 1e-7);
                    }
                }
            }
        }
    }
    let mut ds = Dataset::new(manifest());
    let _ = ds.set_parcels_packed(data, Some(50));
    if let Some(p) = ds.parcels.clone() {
        for i in 0..p.len().min(3) {
            let _ = p.info[i].plate_text();
            let _ = ds.check_parcel(i, 1403);
        }
        let _ = baft_core::answer::search::search(&ds, "123/45");
    }
});
