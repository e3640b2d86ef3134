//! The incentive packages file (`packages::PackagesFile::parse`, with and without the
//! manifest's layer ids), then what the app does with a valid one: every package evaluated
//! for a few typical plots (`packages::evaluate`), the consolidation scenarios and their CSV,
//! and the words for conditions, hints and benefits in both languages.
//!
//! Asserts: never a panic; a file that parses, written back as JSON, parses to the same file
//! (numbers to within one unit in the last place: see `json_eq.rs`); the estimated worth is
//! never NaN or infinite.
#![no_main]

use baft_core::base::jalali::GregorianDate;
use baft_core::packages::compare::{scenarios, to_csv};
use baft_core::packages::facts::Membership;
use baft_core::packages::{evaluate, words, FactSource, PackagesFile, PlotFacts};
use baft_core::Lang;
use libfuzzer_sys::fuzz_target;

#[path = "json_eq.rs"]
mod json_eq;

const LAYERS: [&str; 4] = [
    "worn-out-fabric",
    "informal-settlement",
    "historic-fabric",
    "target-neighbourhoods",
];

fn finite(x: Option<f64>) -> bool {
    x.is_none_or(f64::is_finite)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ids: Vec<String> = LAYERS.iter().map(|s| s.to_string()).collect();
    let _ = PackagesFile::parse(text, None);
    let file = match PackagesFile::parse(text, Some(&ids)) {
        Ok(f) => f,
        Err(errs) => {
            for e in errs {
                let _ = (e.message(Lang::Fa), e.message(Lang::En));
            }
            return;
        }
    };
    let json = serde_json::to_string(&file).expect("a packages file serialises");
    let back = PackagesFile::parse(&json, Some(&ids)).unwrap_or_else(|e| panic!("{json}: {e:?}"));
    let (a, b) = (
        serde_json::to_value(&back).unwrap(),
        serde_json::to_value(&file).unwrap(),
    );
    assert!(json_eq::same(&a, &b), "{json}\n{a}\n{b}");
    let today = GregorianDate {
        year: 2025,
        month: 6,
        day: 1,
    };
    for (facts_text, inside) in [
        ("", true),
        ("area=180,street=8,units=4,axis=yes,use=residential", true),
        (
            "area=0,street=0,units=0,plots=3,age=40,structure=unreinforced_masonry",
            false,
        ),
        (
            "area=1e12,street=1e9,units=1e6,plots=1e3,block_project=yes",
            true,
        ),
    ] {
        let mut facts = PlotFacts::default();
        for l in LAYERS {
            facts.layers.insert(
                l.into(),
                if inside {
                    Membership::Inside
                } else {
                    Membership::PartlyOutside
                },
            );
        }
        facts
            .set_from_text(facts_text, FactSource::User)
            .expect("typical facts read");
        let facts = facts.with_assumed_defaults();
        let e = evaluate(&file, &facts, today);
        let w = &e.worth;
        assert!(
            finite(w.extra_floor_area_m2)
                && finite(w.fee_saving_rial)
                && finite(w.loans_total_rial)
                && finite(w.total_value_rial),
            "{facts_text}: {w:?}"
        );
        for lang in [Lang::Fa, Lang::En] {
            let rows = scenarios(&file, &facts, &[120.0, 0.0, 1e9], today, lang);
            let _ = to_csv(&rows, lang);
            let names = words::LayerNames::new();
            for r in &e.results {
                let _ = words::benefits(&r.package.benefits, lang);
                let _ = words::status(r.status, lang);
                for c in &r.package.conditions {
                    let _ = words::condition(c, &names, lang);
                }
                for h in &r.hints {
                    let _ = words::hint(h, &names, lang);
                }
            }
        }
    }
});
