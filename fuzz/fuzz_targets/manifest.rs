//! `data/manifest.json` (`manifest::Manifest::parse`), then what the loaders do with a valid
//! one: the files to fetch (the load plan), each layer's current version, an empty dataset in the city's
//! frame, and the embed origin check.
//!
//! Asserts: never a panic; a manifest that parses, written back as JSON, parses to the same
//! manifest (numbers to within one unit in the last place: see `json_eq.rs`); every file the
//! loaders would fetch is a relative path inside the data folder.
#![no_main]

use baft_core::dataset::Dataset;
use baft_core::read::plan::load_plan;
use baft_core::read::manifest::Manifest;
use libfuzzer_sys::fuzz_target;

#[path = "json_eq.rs"]
mod json_eq;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(m) = Manifest::parse(text) else {
        return;
    };
    let json = serde_json::to_string(&m).expect("a manifest serialises");
    let back = Manifest::parse(&json).unwrap_or_else(|e| panic!("{json}: {e:?}"));
    let (a, b) = (
        serde_json::to_value(&back).unwrap(),
        serde_json::to_value(&m).unwrap(),
    );
    assert!(json_eq::same(&a, &b), "{json}\n{a}\n{b}");
    for file in load_plan(&m) {
        let path = file.path;
        assert!(
            !path.contains("..") && !path.starts_with('/') && !path.contains("://"),
            "{path}"
        );
    }
    for l in &m.layers {
        let _ = l.current_version();
    }
    let ds = Dataset::new(m);
    let _ = ds.check_point((ds.manifest.city.center[0], ds.manifest.city.center[1]));
    let _ = ds.parse_options();
    let _ = ds
        .manifest
        .embed
        .allows("https://qods.ir", "https://baft.qods.ir");
});
