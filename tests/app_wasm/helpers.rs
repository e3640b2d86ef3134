//! Helpers of the wasm tests: the sample data fed to the app state as if fetched, fixture
//! points, and the answer the state holds.

use baft_app::loader::{apply_file, apply_manifest};
use baft_app::state::{AppState, Outcome, Progress};
use baft_core::answer::Report;
use baft_core::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub const MANIFEST: &str = include_str!("../../data/manifest.json");
pub const FIXTURES: &str = include_str!("../fixtures/sample-points.json");
pub const STRADDLING: &str = include_str!("../fixtures/plot-straddling.geojson");
pub const PACKAGES: &str = include_str!("../../data/packages.json");

pub fn file(name: &str) -> &'static str {
    match name {
        "layers/worn-out-fabric-1398.geojson" => {
            include_str!("../../data/layers/worn-out-fabric-1398.geojson")
        }
        "layers/worn-out-fabric-1402.geojson" => {
            include_str!("../../data/layers/worn-out-fabric-1402.geojson")
        }
        "layers/informal-settlements-utm39n.geojson" => {
            include_str!("../../data/layers/informal-settlements-utm39n.geojson")
        }
        "layers/historic-fabric.geojson" => {
            include_str!("../../data/layers/historic-fabric.geojson")
        }
        "layers/target-neighbourhoods.geojson" => {
            include_str!("../../data/layers/target-neighbourhoods.geojson")
        }
        other => panic!("unexpected file {other}"),
    }
}

/// Feeds every extra file but the packages (fed separately) as if fetched.
pub fn apply_extras_but_packages(state: &AppState) {
    for extra in baft_app::loader::extras(&state.data.get_untracked().unwrap().manifest) {
        let text = match extra.path.as_str() {
            "packages.json" => continue,
            "offices.json" => include_str!("../../data/offices.json"),
            "reference/streets.geojson" => include_str!("../../data/reference/streets.geojson"),
            "parcels/parcels.geojson" => include_str!("../../data/parcels/parcels.geojson"),
            f => file(f),
        };
        apply_file(state, &extra, text);
    }
}

/// Feeds the packages file as if fetched.
pub fn apply_packages(state: &AppState, text: &str) {
    let manifest = state.data.get_untracked().unwrap().manifest.clone();
    let packages = baft_app::loader::extras(&manifest)
        .into_iter()
        .find(|f| f.path == "packages.json")
        .unwrap();
    apply_file(state, &packages, text);
}

pub fn loaded_state(lang: Lang) -> AppState {
    let state = AppState::new(lang);
    let plan = apply_manifest(&state, MANIFEST).expect("manifest");
    assert_eq!(plan.len(), 4);
    assert_eq!(
        state.progress.get_untracked(),
        Progress::Loading {
            done: 0,
            total: 9,
            bytes: MANIFEST.len()
        }
    );
    for f in &plan {
        apply_file(&state, f, file(&f.path));
    }
    apply_packages(&state, PACKAGES);
    apply_extras_but_packages(&state);
    state
}

pub fn fixture_point(key: &str) -> (f64, f64) {
    let v: serde_json::Value = serde_json::from_str(FIXTURES).unwrap();
    (
        v[key]["point"]["lat"].as_f64().unwrap(),
        v[key]["point"]["lon"].as_f64().unwrap(),
    )
}

pub async fn tick() {
    let p = js_sys::Promise::new(&mut |ok, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&ok, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Mounts `view` (with `state` provided as context) in a new element at the end of the page's
/// body; returns the element and the handle that unmounts the view when dropped.
pub fn mount<N: IntoView>(
    state: AppState,
    view: impl FnOnce() -> N + 'static,
) -> (web_sys::HtmlElement, impl Sized) {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().dyn_into().unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(state);
        view()
    });
    (host, handle)
}

/// The place the state's outcome answers (panics when there is none).
pub fn answered(state: &AppState) -> std::sync::Arc<baft_core::answer::Place> {
    match state.outcome.get_untracked() {
        Some(Outcome::Answer { place, .. }) => place,
        other => panic!("no answer: {other:?}"),
    }
}

pub fn statuses(state: &AppState) -> Vec<(String, String)> {
    match &answered(state).result {
        Report::Point(report) => report
            .layers
            .iter()
            .map(|l| (l.layer.id.clone(), format!("{:?}", l.status)))
            .collect(),
        Report::Plot(report) => report
            .layers
            .iter()
            .map(|l| (l.layer.id.clone(), format!("{:?}", l.status)))
            .collect(),
    }
}
