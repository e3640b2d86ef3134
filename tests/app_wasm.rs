//! The wasm/DOM glue, in headless Chromium: loading data into the app state, the actions the
//! components call, and rendering results in both languages.
#![cfg(target_arch = "wasm32")]

use baft_app::actions;
use baft_app::components::result::ResultCard;
use baft_app::loader::{apply_file, apply_manifest};
use baft_app::state::{AppState, Outcome, Progress};
use baft_core::answer::Report;
use baft_core::check::{PlotStatus, PointStatus};
use baft_core::Lang;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "app_wasm/helpers.rs"]
mod helpers;
use helpers::*;
#[path = "app_wasm/links.rs"]
mod links;
#[path = "app_wasm/paint.rs"]
mod paint;

#[wasm_bindgen_test]
fn sample_data_loads_into_the_state() {
    let state = loaded_state(Lang::Fa);
    assert_eq!(state.progress.get_untracked(), Progress::Ready);
    assert!(state.problems.get_untracked().is_empty());
    let ds = state.data.get_untracked().unwrap();
    assert_eq!(ds.layers.len(), 4);
    assert!(ds.layers.iter().all(|l| l.is_usable()));
    // The UTM layer was converted: its zone lies near Qods in lon/lat.
    let informal = ds
        .layers
        .iter()
        .find(|l| l.spec.id == "informal-settlement")
        .unwrap();
    let c = informal.zones[0].lon_lat.0[0].exterior().0[0];
    assert!(
        (c.x - 51.13).abs() < 0.05 && (c.y - 35.69).abs() < 0.05,
        "{c:?}"
    );
}

#[wasm_bindgen_test]
fn a_bad_layer_file_is_reported_and_the_rest_still_load() {
    let state = AppState::new(Lang::En);
    let plan = apply_manifest(&state, MANIFEST).unwrap();
    for (i, f) in plan.iter().enumerate() {
        let text = if i == 0 {
            "{\"type\":\"FeatureCollection\",\n\"features\":["
        } else {
            file(&f.path)
        };
        apply_file(&state, f, text);
    }
    // A packages file with a bad value: reported by package and field, not loaded.
    apply_packages(
        &state,
        &PACKAGES.replacen("\"extra_floors\": 2", "\"extra_floors\": -2", 1),
    );
    apply_extras_but_packages(&state);
    assert_eq!(state.progress.get_untracked(), Progress::Ready);
    let problems = state.problems.get_untracked();
    assert_eq!(problems.len(), 2);
    assert!(
        problems[1]
            .message(Lang::En)
            .contains("national-1401-block-scale"),
        "{}",
        problems[1].message(Lang::En)
    );
    assert!(state.data.get_untracked().unwrap().packages.is_none());
    assert!(problems[0]
        .message(Lang::En)
        .contains("layers/worn-out-fabric-1402.geojson"));
    let ds = state.data.get_untracked().unwrap();
    assert_eq!(ds.layers.iter().filter(|l| l.is_usable()).count(), 3);
}

#[wasm_bindgen_test]
fn a_bad_manifest_is_an_error_not_a_panic() {
    let state = AppState::new(Lang::Fa);
    let e = apply_manifest(&state, "{\"format_version\": 1,").unwrap_err();
    assert!(e.message(Lang::Fa).contains("manifest.json"));
}

#[wasm_bindgen_test]
fn actions_check_typed_text_taps_and_outlines() {
    let state = loaded_state(Lang::Fa);
    let (lat, lon) = fixture_point("worn_block");
    let persian = baft_core::base::digits::to_persian_digits(&format!("{lat}، {lon}"));
    actions::check_text(&state, &persian);
    let place = answered(&state);
    let Report::Point(report) = &place.result else {
        panic!("{place:?}")
    };
    assert!(place.input.is_some());
    assert_eq!(report.layers[0].status, PointStatus::Inside);
    actions::check_text(&state, "not a place");
    assert!(matches!(
        state.outcome.get_untracked(),
        Some(Outcome::InputError(_))
    ));
    let (lat, lon) = fixture_point("outside_all");
    actions::check_lon_lat(&state, lon, lat, false);
    let place = answered(&state);
    let Report::Point(report) = &place.result else {
        panic!("{place:?}")
    };
    assert!(report
        .layers
        .iter()
        .all(|l| l.status == PointStatus::Outside));
    // The tapped point goes into the search box in the page's digits (Persian here).
    assert!(state
        .query
        .get_untracked()
        .starts_with(&baft_core::base::digits::to_persian_digits(&format!(
            "{lat:.3}"
        ))));
    actions::check_plot_text(&state, STRADDLING);
    let place = answered(&state);
    let Report::Plot(report) = &place.result else {
        panic!("{place:?}")
    };
    assert_eq!(report.layers[0].status, PlotStatus::PartlyInside);
    assert!((report.layers[0].share - 0.6).abs() < 0.002);
}

#[wasm_bindgen_test]
async fn the_result_card_renders_in_persian_and_english() {
    let state = loaded_state(Lang::Fa);
    let (host, handle) = mount(state, || view! { <ResultCard/> });
    tick().await;
    assert!(host
        .text_content()
        .unwrap()
        .contains("نقطه یا ملکی را جست‌وجو کنید"));
    let (lat, lon) = fixture_point("worn_block");
    actions::check_text(&state, &format!("{lat}, {lon}"));
    tick().await;
    let text = host.text_content().unwrap();
    assert!(text.contains("داخل بافت فرسوده است"), "{text}");
    assert!(text.contains("اصلاحیهٔ ۱۴۰۲"), "{text}");
    let live = host
        .query_selector("[aria-live=polite]")
        .unwrap()
        .expect("a live region");
    assert!(live.text_content().unwrap().contains("داخل"));
    let worn = host
        .query_selector("[data-layer=worn-out-fabric]")
        .unwrap()
        .unwrap();
    assert_eq!(worn.get_attribute("data-status").as_deref(), Some("inside"));
    state.lang.set(Lang::En);
    tick().await;
    let text = host.text_content().unwrap();
    assert!(text.contains("Inside the worn-out fabric"), "{text}");
    assert!(
        text.contains("1402 amendment, approved 1402/05/14 (2023-08-05)"),
        "{text}"
    );
    actions::check_text(&state, "hello");
    tick().await;
    let alert = host
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    assert!(alert
        .text_content()
        .unwrap()
        .contains("Nothing found for “hello”"));
    drop(handle);
}

#[wasm_bindgen_test]
async fn incentives_render_and_follow_the_facts_form() {
    use baft_app::components::incentives::Incentives;
    let state = loaded_state(Lang::En);
    let (host, handle) = mount(state, || view! { <Incentives/> });
    tick().await;
    assert_eq!(host.text_content().unwrap(), "", "nothing before a check");
    let (lat, lon) = fixture_point("worn_block");
    actions::check_text(&state, &format!("{lat}, {lon}"));
    tick().await;
    let pkg = |id: &str| {
        host.query_selector(&format!("[data-package='{id}']"))
            .unwrap()
            .unwrap()
    };
    assert_eq!(
        pkg("national-1401-inside-fabric")
            .get_attribute("data-status")
            .as_deref(),
        Some("may_apply")
    );
    assert!(pkg("national-1401-inside-fabric")
        .text_content()
        .unwrap()
        .contains("Depends on: on a main neighbourhood axis."));
    assert!(host
        .text_content()
        .unwrap()
        .contains("To estimate, give the plot area"));
    state.facts.update(|f| {
        f.axis = "no".into();
        f.area = "180".into();
        f.land_use = "residential".into();
        f.units = "4".into();
    });
    tick().await;
    assert_eq!(
        pkg("national-1401-inside-fabric")
            .get_attribute("data-status")
            .as_deref(),
        Some("applies")
    );
    let text = host.text_content().unwrap();
    assert!(text.contains("3,110,400,000 rial"), "{text}");
    assert!(text.contains("14,000,000,000 rial"), "{text}");
    state.lang.set(Lang::Fa);
    tick().await;
    assert!(host.text_content().unwrap().contains("۳٬۱۱۰٬۴۰۰٬۰۰۰ ریال"));
    state.facts.update(|f| f.area = "big".into());
    tick().await;
    assert!(host
        .query_selector("[role=alert]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("big"));
    drop(handle);
}

/// In wasm32 a `usize` is 32 bits: a FlatGeobuf header claiming nearly 4 GiB once wrapped the
/// header's end to 0 and panicked (found in review; natively the sum does not wrap). Damaged
/// files are problems in the browser too, and a file cut short is never taken as complete.
#[wasm_bindgen_test]
fn damaged_flatgeobuf_files_are_problems_in_wasm32_too() {
    use baft_core::read::fgb;
    let mut b = fgb::MAGIC.to_vec();
    b.extend(0xFFFF_FFF4u32.to_le_bytes());
    assert!(fgb::read("p.fgb", &b, None).is_err());
    b.extend([0u8; 64]);
    assert!(fgb::read("p.fgb", &b, None).is_err());
    // Three plots as `baft pack` writes them (the fuzz corpus's seed).
    let good = include_bytes!("../fuzz/corpus/flatgeobuf/seed-baft-parcels-3.fgb");
    assert_eq!(fgb::read("p.fgb", good, None).unwrap().features.len(), 3);
    for cut in 8..good.len() {
        assert!(fgb::read("p.fgb", &good[..cut], None).is_err(), "{cut}");
    }
}

/// Which runs are ids is the core's (`baft_core::base::bidi`, tested there); the app puts each
/// in its own left-to-right element, in order, the text around it untouched.
#[wasm_bindgen_test]
async fn ids_in_sentences_are_rendered_isolated_whole() {
    use baft_app::components::ids::with_ids;
    let state = loaded_state(Lang::Fa);
    let text = "بلوک QB-0232 و کد پستی ۳۷۵۱۴-۰۰۴۰۶.";
    let (host, handle) = mount(state, move || with_ids(text));
    tick().await;
    let mut html = host.inner_html();
    while let Some(i) = html.find("<!--") {
        let j = html[i..].find("-->").map_or(html.len(), |j| i + j + 3);
        html.replace_range(i..j, "");
    }
    assert_eq!(
        html,
        "<span>بلوک </span><span class=\"id\" dir=\"ltr\">QB-0232</span><span> و کد پستی </span>\
         <span class=\"id\" dir=\"ltr\">۳۷۵۱۴-۰۰۴۰۶</span><span>.</span>"
    );
    assert_eq!(host.text_content().unwrap(), text);
    drop(handle);
}
