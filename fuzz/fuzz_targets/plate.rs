//! Registration plates (`plate::parse_plate`) and renovation codes
//! (`plate::parse_renovation_code`).
//!
//! Asserts: never a panic; a plate read back from its canonical text (`section-main/sub` or
//! `main/sub`, as the parcel layer writes it) is the same plate; a renovation code is ASCII
//! digits and dashes and reads back as itself.
#![no_main]

use baft_core::input::plate::{parse_plate, parse_renovation_code};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(q) = parse_plate(text) {
        let canonical = match q.section {
            Some(s) => format!("{s}-{}/{}", q.main, q.sub),
            None => format!("{}/{}", q.main, q.sub),
        };
        assert_eq!(parse_plate(&canonical), Some(q), "{text:?} → {canonical:?}");
    }
    if let Some(code) = parse_renovation_code(text) {
        assert!(
            code.bytes().all(|b| b.is_ascii_digit() || b == b'-'),
            "{text:?} → {code:?}"
        );
        assert_eq!(parse_renovation_code(&code).as_deref(), Some(code.as_str()));
    }
});
