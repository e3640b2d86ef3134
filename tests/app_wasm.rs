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

#[wasm_bindgen_test]
fn a_link_reopens_the_same_point_language_and_facts() {
    use baft_app::link::{apply_fragment, state_now};
    let state = loaded_state(Lang::En);
    let (lat, lon) = fixture_point("historic_inside");
    actions::show_point(&state, lon, lat);
    state
        .facts
        .update(|f| f.set(baft_app::state::FactField::Area, "150".into()));
    let frag = state_now(&state).to_fragment();
    assert!(
        frag.starts_with("p=") && frag.contains("&lang=en&") && frag.ends_with("&f=area:150"),
        "{frag}"
    );
    let other = loaded_state(Lang::Fa);
    apply_fragment(&other, &frag);
    assert_eq!(other.lang.get_untracked(), Lang::En);
    assert_eq!(statuses(&other), statuses(&state));
    assert_eq!(other.facts.get_untracked().area, "150");
    assert_eq!(other.link_versions.get_untracked(), None);
    assert_eq!(state_now(&other).to_fragment(), frag);
}

#[wasm_bindgen_test]
fn a_surveyed_plot_travels_by_its_id_and_an_outline_by_its_corners() {
    use baft_app::link::{apply_fragment, state_now};
    use baft_core::answer::share::Subject;
    let state = loaded_state(Lang::Fa);
    actions::select_parcel(&state, 1234);
    let link = state_now(&state);
    let Some(Subject::Parcel(id)) = &link.subject else {
        panic!("{link:?}")
    };
    let other = loaded_state(Lang::Fa);
    apply_fragment(&other, &link.to_fragment());
    assert_eq!(answered(&other).parcel_index, Some(1234));
    assert!(!id.is_empty());
    actions::check_plot_text(&state, STRADDLING);
    let frag = state_now(&state).to_fragment();
    assert!(frag.starts_with("g="), "{frag}");
    apply_fragment(&other, &frag);
    assert_eq!(statuses(&other), statuses(&state));
}

#[wasm_bindgen_test]
fn an_outdated_or_broken_link_is_reported() {
    use baft_app::link::apply_fragment;
    let state = loaded_state(Lang::Fa);
    let (lat, lon) = fixture_point("worn_block");
    apply_fragment(&state, &format!("p={lat},{lon}&v=old-1&b=1398"));
    let v = state
        .link_versions
        .get_untracked()
        .expect("versions differ");
    assert_eq!(v.data_version.as_deref(), Some("old-1"));
    assert_eq!(
        v.boundary,
        vec![("worn-out-fabric".into(), "1398".into(), Some("1402".into()))]
    );
    apply_fragment(&state, "p=95,51&lang=en");
    assert_eq!(state.lang.get_untracked(), Lang::En);
    match state.outcome.get_untracked() {
        Some(Outcome::InputError(e)) => assert!(e.message(Lang::En).contains("“p”")),
        other => panic!("{other:?}"),
    }
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

#[wasm_bindgen_test]
fn ids_in_sentences_are_isolated_whole() {
    use baft_app::components::ids::{pieces, Piece, Piece::Id, Piece::Text};
    let cases: [(&str, &[Piece]); 8] = [
        (
            "داخل بافت: بلوک QB-0232 — کاووسیه.",
            &[Text("داخل بافت: بلوک "), Id("QB-0232"), Text(" — کاووسیه.")],
        ),
        (
            "(plot QB-0232-001.)",
            &[Text("(plot "), Id("QB-0232-001"), Text(".)")],
        ),
        // Words without digits and numbers without letters are text.
        ("UTM 510122", &[Text("UTM 510122")]),
        // Digits joined by dashes, in any script, are one code when they look like one (two
        // dashes, a leading zero, five digits): the bidi algorithm would swap its halves in a
        // Persian sentence. A range, digits joined by a slash, or a sign after a number are text.
        (
            "کد پستی ۳۷۵۱۴-۰۰۴۰۶ و کد نوسازی ۰۲۳۲-۰۰۱.",
            &[
                Text("کد پستی "),
                Id("۳۷۵۱۴-۰۰۴۰۶"),
                Text(" و کد نوسازی "),
                Id("۰۲۳۲-۰۰۱"),
                Text("."),
            ],
        ),
        (
            "میلادی (2026-11-26)",
            &[Text("میلادی ("), Id("2026-11-26"), Text(")")],
        ),
        (
            "پلاک ۱۲۱/۴۰۶ بخش ۱۱، مصوب ۱۴۰۲/۰۵/۱۴",
            &[Text("پلاک ۱۲۱/۴۰۶ بخش ۱۱، مصوب ۱۴۰۲/۰۵/۱۴")],
        ),
        ("عرض بین ۹۰- و ۹۰", &[Text("عرض بین ۹۰- و ۹۰")]),
        (
            "برنامهٔ ۱۴۰۳-۱۴۰۷، پلاک ۶۱-۶۳",
            &[Text("برنامهٔ ۱۴۰۳-۱۴۰۷، پلاک ۶۱-۶۳")],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(pieces(text), want.to_vec(), "{text}");
    }
    assert_eq!(pieces(""), vec![]);
}

/// `settled::next_frame` resolves once the frame is painted, in a task after it, not inside the
/// frame's callbacks: what waits for it (the map library's first run, the printed certificate)
/// would otherwise run before that frame's layout and paint and hold the answer's paint back.
/// A frame callback registered first queues a task; by the time `next_frame` resolves, that
/// task has run.
#[wasm_bindgen_test]
async fn the_settled_frame_is_awaited_until_it_is_painted() {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::{closure::Closure, JsCast};
    let queued_in_frame_ran = Rc::new(Cell::new(false));
    let ran = queued_in_frame_ran.clone();
    let in_frame = Closure::once_into_js(move || {
        let task = Closure::once_into_js(move || ran.set(true));
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0)
            .unwrap();
    });
    web_sys::window()
        .unwrap()
        .request_animation_frame(in_frame.unchecked_ref())
        .unwrap();
    baft_app::settled::next_frame().await;
    assert!(
        queued_in_frame_ran.get(),
        "next_frame resolved inside the frame, before its paint"
    );
}

#[wasm_bindgen_test]
async fn the_parts_after_the_answer_wait_until_it_is_painted() {
    use baft_app::components::later::{Later, Part};
    let state = loaded_state(Lang::En);
    let (host, handle) = mount(state, || view! { <Later part=Part::Rest/> });
    let (lat, lon) = fixture_point("worn_block");
    actions::check_text(&state, &format!("{lat}, {lon}"));
    tick().await;
    assert!(
        host.query_selector(".incentives").unwrap().is_none(),
        "not before settled"
    );
    state.settled.set(true);
    tick().await;
    tick().await;
    let text = host.text_content().unwrap();
    assert!(
        host.query_selector(".incentives").unwrap().is_some(),
        "{text}"
    );
    assert!(host.query_selector(".later-failed").unwrap().is_none());
    drop(handle);
}
