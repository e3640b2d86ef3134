//! A national deployment: `data/manifest.json` is a catalogue of cities
//! (`baft_core::read::catalogue`). The city is the core's choice (`Catalogue::pick`): the one a
//! link names (`c=`), else the one whose envelope holds the link's point, else the only city of a
//! one-city catalogue; otherwise the owner is asked ([`Progress::ChooseCity`], the chooser in
//! `components/cities.rs`, saying why). Only that city's data is loaded, from its folder on.

use crate::state::{AppState, CityAsk, Progress};
use baft_core::answer::share::{SharedState, Subject};
use baft_core::read::catalogue::Catalogue;
use baft_core::BaftError;
use leptos::prelude::*;
use std::sync::Arc;

/// Reads the catalogue, then loads the city the link points at, or asks for one.
pub async fn open(state: AppState, base: String, text: &str) {
    let catalogue = match Catalogue::parse(text) {
        Ok(c) => Arc::new(c),
        Err(errors) => {
            return state
                .progress
                .set(Progress::Failed(BaftError::BadManifest { errors }))
        }
    };
    state.catalogue.set(Some(catalogue.clone()));
    match pick(&catalogue, &crate::link::fragment()) {
        Ok(id) => load_city(state, base, id).await,
        Err(ask) => state.progress.set(Progress::ChooseCity(ask)),
    }
}

/// The city a link's fragment names or points into ([`Catalogue::pick`]), or why the owner
/// must be asked.
pub fn pick(catalogue: &Catalogue, fragment: &str) -> Result<String, CityAsk> {
    let link = SharedState::from_fragment(fragment).unwrap_or_default();
    let point = match &link.subject {
        Some(Subject::Point { lat, lon }) => Some((*lon, *lat)),
        Some(Subject::Outline(rings)) => rings.first().and_then(|r| r.first()).copied(),
        _ => None,
    };
    catalogue
        .pick(link.city.as_deref(), point)
        .map(|c| c.id.clone())
}

/// Loads city `id` of the catalogue (the owner chose it).
pub fn choose(state: AppState, id: String) {
    leptos::task::spawn_local(load_city(state, super::DATA.to_string(), id));
}

async fn load_city(state: AppState, base: String, id: String) {
    let Some(folder) = state
        .catalogue
        .with_untracked(|c| Some(c.as_ref()?.find(&id)?.folder.clone()))
    else {
        return state.progress.set(Progress::ChooseCity(CityAsk::Choose));
    };
    state.city.set(Some(id));
    state.hashes.set(Vec::new());
    state.progress.set(Progress::Loading {
        done: 0,
        total: 1,
        bytes: 0,
    });
    let base = format!("{base}{folder}");
    let text = match super::fetch_file_text(&state, &base, "manifest.json").await {
        Ok(t) => t,
        Err(e) => return state.progress.set(Progress::Failed(e)),
    };
    // A catalogue inside a city's folder is not a manifest: the manifest's own errors say so.
    super::load_manifest(state, base, text).await
}

/// Another city: the page again without its link, so that the chooser shows and nothing of
/// the loaded city's reading goes on.
pub fn start_over() {
    if let Some(w) = web_sys::window() {
        let l = w.location();
        let page = l.pathname().unwrap_or_default() + &l.search().unwrap_or_default();
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page));
        }
        let _ = l.reload();
    }
}
