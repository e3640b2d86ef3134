//! Uploaded or typed plot outlines (`dataset::read_plot_outline`: GeoJSON Polygon, Feature or
//! FeatureCollection in lon/lat or UTM, or corner lines), then the plot check the app runs on
//! them (`Dataset::check_plot`) against the sample's worn-out fabric (1402).
//!
//! Asserts: never a panic; every outline read has at least one ring and only finite
//! positions; a plot check that succeeds gives a finite positive area and shares within 0–1.
#![no_main]

use baft_core::dataset::read_plot_outline;
use baft_core::input::ParseOptions;
use libfuzzer_sys::fuzz_target;

#[path = "sample.rs"]
mod sample;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ds = sample::worn_out_fabric();
    let Ok(rings) = read_plot_outline(text, ParseOptions::default()) else {
        return;
    };
    assert!(!rings.is_empty());
    assert!(
        rings
            .iter()
            .flatten()
            .all(|p| p.0.is_finite() && p.1.is_finite()),
        "{text:?} → {rings:?}"
    );
    if let Ok(r) = ds.check_plot(&rings) {
        assert!(r.area_m2.is_finite() && r.area_m2 > 0.0, "{}", r.area_m2);
        for l in &r.layers {
            assert!(
                l.share.is_finite() && (0.0..=1.0).contains(&l.share),
                "{}",
                l.share
            );
            assert!(l.overlaps.iter().all(|o| o.area_m2.is_finite()));
        }
    }
});
