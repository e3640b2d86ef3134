//! Typed coordinates, UTM figures, `geo:` URIs and map links (`input::parse_location_with`),
//! corner lists (`input::parse_corners`) and the search box (`search::search`, on the sample's
//! target neighbourhoods).
//!
//! Asserts: never a panic; every location read is finite and on the globe (|lat| ≤ 90,
//! |lon| ≤ 180), UTM figures are within the accepted ranges, and every corner list read is a
//! closed ring of at least four such positions.
#![no_main]

use baft_core::answer::search::{search, Found};
use baft_core::input::{parse_corners, parse_location_with, InputForm, ParseOptions};
use libfuzzer_sys::fuzz_target;

#[path = "sample.rs"]
mod sample;

fn on_globe((lon, lat): (f64, f64)) -> bool {
    lon.is_finite() && lat.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Qods's zone (39), and another default zone (the manifest's `city.utm_zone`, 1–60).
    let other = ParseOptions {
        default_utm_zone: (text.len() % 60) as u8 + 1,
    };
    let opts = ParseOptions::default();
    for o in [opts, other] {
        check_location(text, o);
    }
    if let Ok(ring) = parse_corners(text, opts) {
        assert!(ring.len() >= 4, "{text:?} → {ring:?}");
        assert_eq!(ring.first(), ring.last(), "{text:?}");
        assert!(ring.iter().all(|&p| on_globe(p)), "{text:?} → {ring:?}");
    }
    // The search box: a location, else a plate or code, else a zone's name or id.
    if let Ok(Found::Location(p)) = search(sample::target_neighbourhoods(), text) {
        assert!(on_globe(p.lon_lat()), "{text:?} → {p:?}");
    }
});

fn check_location(text: &str, opts: ParseOptions) {
    if let Ok(p) = parse_location_with(text, opts) {
        assert!(on_globe(p.lon_lat()), "{text:?} → {p:?}");
        if let InputForm::Utm {
            zone,
            easting,
            northing,
        } = p.form
        {
            assert!((1..=60).contains(&zone), "{text:?} → {p:?}");
            assert!(
                easting.is_finite() && northing.is_finite(),
                "{text:?} → {p:?}"
            );
        }
    }
}
