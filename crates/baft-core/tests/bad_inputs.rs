//! The bad-input corpus (`tests/bad-inputs/`): every entry is fed to the core function the app
//! and the CLI use for its kind, and must give exactly its message in Persian and in English
//! (or, for an entry accepted by design, exactly what it reads as). A panic fails the test.
//!
//! `BAFT_BLESS=1 cargo test -p baft-core --test bad_inputs` rewrites the expectations from what
//! the core answers now; review the diff before committing it (see `docs/bad-input.md`).

mod common;
#[path = "../../../tests/bad-inputs/corpus.rs"]
mod corpus;

use baft_core::answer::share::{SharedState, Subject};
use baft_core::dataset::{read_plot_outline, Dataset};
use baft_core::read::manifest::{LayerSpec, Manifest};
use baft_core::{BaftError, Lang, Problem};
use corpus::{Entry, Expect};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// What the core answered: an error (both languages) or what an accepted input reads as.
#[derive(Debug, PartialEq)]
enum Answer {
    Error(Expect),
    Accepted(Value),
}

fn error(e: &BaftError) -> Answer {
    Answer::Error(Expect {
        fa: e.message(Lang::Fa),
        en: e.message(Lang::En),
    })
}

fn problems(p: &[Problem]) -> Answer {
    if p.is_empty() {
        return Answer::Accepted(json!({}));
    }
    let join = |l: Lang| {
        p.iter()
            .map(|p| p.message(l))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Answer::Error(Expect {
        fa: join(Lang::Fa),
        en: join(Lang::En),
    })
}

fn round(x: f64, places: i32) -> Value {
    let f = 10f64.powi(places);
    json!((x * f).round() / f + 0.0)
}

fn plot(ds: &Dataset, rings: &[Vec<(f64, f64)>]) -> Answer {
    match ds.check_plot(rings) {
        Ok(r) => Answer::Accepted(json!({ "area_m2": round(r.area_m2, 1) })),
        Err(e) => error(&e),
    }
}

/// Feeds one entry to the core, as the app and the CLI do for its kind.
fn answer(ds: &Dataset, e: &Entry) -> Answer {
    let text = corpus::text(e);
    match e.kind.as_str() {
        "search" | "plate" => {
            assert!(
                text.lines().filter(|l| !l.trim().is_empty()).count() < 3,
                "{}: three lines or more are corners (a plot)",
                e.id
            );
            match baft_core::answer::search::search(ds, &text) {
                Ok(baft_core::answer::search::Found::Location(l)) => {
                    Answer::Accepted(json!({ "lat": round(l.lat, 6), "lon": round(l.lon, 6) }))
                }
                Ok(baft_core::answer::search::Found::Parcels(v)) => {
                    Answer::Accepted(json!({ "parcels": v.len() }))
                }
                Ok(baft_core::answer::search::Found::Zones(z)) => {
                    Answer::Accepted(json!({ "zones": z.len() }))
                }
                Ok(baft_core::answer::search::Found::Streets(v)) => {
                    Answer::Accepted(json!({ "streets": v.len() }))
                }
                Ok(baft_core::answer::search::Found::Outline(rings)) => plot(ds, &rings),
                Err(err) => error(&err),
            }
        }
        "plot" => match read_plot_outline(&text, ds.parse_options()) {
            Ok(rings) => plot(ds, &rings),
            Err(err) => error(&err),
        },
        // As the app opens a link: read the fragment, then check what it points at.
        "link" => match SharedState::from_fragment(&text) {
            Err(err) => error(&err),
            Ok(s) => match s.subject {
                None => Answer::Accepted(json!({})),
                Some(Subject::Point { lat, lon }) => {
                    Answer::Accepted(json!({ "lat": round(lat, 6), "lon": round(lon, 6) }))
                }
                Some(Subject::Outline(rings)) => plot(ds, &rings),
                Some(Subject::Parcel(id)) => {
                    match ds.parcels.as_ref().and_then(|p| p.find_id(&id)) {
                        Some(_) => Answer::Accepted(json!({ "parcel": id })),
                        None => error(&BaftError::PlotNotFound { text: id }),
                    }
                }
            },
        },
        "layer" => {
            let spec: LayerSpec = serde_json::from_value(corpus::layer_spec_json(e)).unwrap();
            let mut d = Dataset::new(ds.manifest.clone());
            let p = d.add_layer(&spec, &spec.versions[0], &corpus::layer_file(e), &text);
            match problems(&p) {
                Answer::Accepted(_) => {
                    Answer::Accepted(json!({ "zones": d.layers[0].zones.len() }))
                }
                a => a,
            }
        }
        // As the app and `baft check` load it (the validator reports the same fields).
        "manifest" => match Manifest::parse(&text) {
            Ok(_) => Answer::Accepted(json!({})),
            Err(errors) => error(&BaftError::BadManifest { errors }),
        },
        "packages" => {
            let mut d = Dataset::new(ds.manifest.clone());
            problems(&d.set_packages("packages.json", &text))
        }
        other => panic!("{}: unknown kind {other}", e.id),
    }
}

/// A message must be in its language and never quote serde's raw words: what is wrong with it.
fn review(e: &Entry, x: &Expect) -> Vec<String> {
    let mut out = Vec::new();
    let persian = |s: &str| s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    if !persian(&x.fa) {
        out.push(format!(
            "{}: the Persian message has no Persian: {}",
            e.id, x.fa
        ));
    }
    for raw in [
        "invalid type:",
        "invalid value:",
        "expected struct",
        "EOF while",
        "at line ",
        "invalid structure",
        "ساختار نادرست",
        "خطای JSON:",
        "NaN)",
    ] {
        if x.fa.contains(raw) || x.en.contains(raw) {
            out.push(format!("{}: raw words “{raw}” in {x:?}", e.id));
        }
    }
    for w in [
        "feature", "field", "line", "column", "ring", "position", "package", "not ", "the ", "was ",
    ] {
        if x.fa.to_lowercase().contains(&format!(" {w} ")) {
            out.push(format!(
                "{}: the English word “{w}” in the Persian message: {}",
                e.id, x.fa
            ));
        }
    }
    out
}

#[test]
fn every_bad_input_gives_its_exact_message() {
    let ds = common::sample();
    let bless = std::env::var_os("BAFT_BLESS").is_some();
    let mut failures = Vec::new();
    let (mut errors, mut accepted) = (0, 0);
    let mut ids = std::collections::HashSet::new();
    for (path, mut file) in corpus::load_all() {
        for e in &mut file.entries {
            assert!(ids.insert(e.id.clone()), "duplicate id {}", e.id);
            let started = Instant::now();
            let got = answer(&ds, e);
            let took = started.elapsed();
            // Bounded time even for the generated giants (a debug build on a busy machine).
            assert!(took < Duration::from_secs(60), "{}: took {took:?}", e.id);
            if let Answer::Error(x) = &got {
                failures.extend(review(e, x));
                errors += 1;
            } else {
                accepted += 1;
            }
            let want = match (&e.expect, &e.accept) {
                (Some(x), None) => Answer::Error(x.clone()),
                (None, Some(v)) => Answer::Accepted(v.clone()),
                (None, None) if bless => Answer::Accepted(Value::Null),
                _ => panic!("{}: exactly one of expect and accept", e.id),
            };
            if got != want {
                if bless {
                    match got {
                        Answer::Error(x) => (e.expect, e.accept) = (Some(x), None),
                        Answer::Accepted(v) => (e.expect, e.accept) = (None, Some(v)),
                    }
                } else {
                    failures.push(format!("{}:\n  want {want:?}\n  got  {got:?}", e.id));
                }
            }
        }
        if bless {
            corpus::write(&path, &file);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(errors >= 150, "only {errors} bad inputs give errors");
    eprintln!("{errors} errors, {accepted} accepted by design");
}

#[test]
fn the_corpus_covers_every_kind() {
    let all = corpus::entries();
    for kind in [
        "search", "plate", "plot", "link", "layer", "manifest", "packages",
    ] {
        assert!(
            all.iter()
                .filter(|e| e.kind == kind && e.expect.is_some())
                .count()
                >= 5,
            "fewer than 5 {kind} errors"
        );
    }
}
