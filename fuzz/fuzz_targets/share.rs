//! Share links: `share::SharedState::from_fragment`, the outline encoding
//! (`share::decode_outline` / `encode_outline`), the page's query options
//! (`share::PageOptions::from_query`) and the facts a link carries
//! (`packages::PlotFacts::set_from_text`); a link's point or outline is checked against the
//! sample's worn-out fabric (1402), as the app does on opening it.
//!
//! Asserts: never a panic; a state read from a link survives writing it back: after one
//! `to_fragment` (which rounds points to 6 decimals and trims facts),
//! `from_fragment(to_fragment(s)) == s`; `decode_outline(encode_outline(rings)) == rings` for
//! every decoded outline; the page's theme is only ever `#` and hex digits.
#![no_main]

use baft_core::answer::share::{decode_outline, encode_outline, PageOptions, SharedState, Subject};
use baft_core::packages::{FactSource, PlotFacts};
use libfuzzer_sys::fuzz_target;

#[path = "sample.rs"]
mod sample;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(s) = SharedState::from_fragment(text) {
        let once = SharedState::from_fragment(&s.to_fragment())
            .unwrap_or_else(|e| panic!("{text:?}: its own link is unreadable: {e:?}"));
        let frag = once.to_fragment();
        let twice = SharedState::from_fragment(&frag)
            .unwrap_or_else(|e| panic!("{frag:?}: its own link is unreadable: {e:?}"));
        assert_eq!(once, twice, "{text:?} → {frag:?}");
        // What the app does on opening the link: check its subject, read its facts.
        match &s.subject {
            Some(Subject::Point { lat, lon }) => {
                let _ = sample::worn_out_fabric().check_point((*lon, *lat));
            }
            Some(Subject::Outline(rings)) => {
                let _ = sample::worn_out_fabric().check_plot(rings);
            }
            _ => {}
        }
        let _ = PlotFacts::default().set_from_text(&s.facts, FactSource::User);
    }
    let _ = SharedState::lang_of(text);
    if let Some(rings) = decode_outline(text) {
        let again = encode_outline(&rings);
        assert_eq!(
            decode_outline(&again).as_ref(),
            Some(&rings),
            "{text:?} → {again:?}"
        );
    }
    let o = PageOptions::from_query(text);
    if let Some(t) = &o.theme {
        assert!(
            t.starts_with('#') && t[1..].bytes().all(|b| b.is_ascii_hexdigit()),
            "{t:?}"
        );
    }
    let _ = PlotFacts::default().set_from_text(text, FactSource::User);
});
