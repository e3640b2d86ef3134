//! Share links in the page: the answer's state lives in the URL fragment (see
//! `baft_core::answer::share` for the format, and why a fragment keeps the location private).
//!
//! - [`apply_fragment`] reopens an answer from a link (once the data has loaded, and again when
//!   the fragment changes);
//! - [`sync_url`] keeps the fragment in step with the answer, language and facts;
//! - [`link_now`], [`copy_link`], [`share_link`]: the link of the current answer.

use crate::actions;
use crate::state::{AppState, FactsForm, LinkVersions, Outcome, Progress};
use baft_core::answer::share::{SharedState, Subject};
use baft_core::answer::summary::Summary;
use baft_core::answer::Report;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The page's fragment, without `#`.
pub fn fragment() -> String {
    location()
        .and_then(|l| l.hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// The compact answer for the current outcome (None without a checked point or plot).
pub fn summary(state: &AppState) -> Option<Summary> {
    let lang = state.lang.get();
    let eval = actions::incentives(state).and_then(Result::ok);
    state.outcome.with(|o| {
        Some(match &o.as_ref()?.place()?.result {
            Report::Point(r) => Summary::of_point(r, eval.as_ref(), lang),
            Report::Plot(r) => Summary::of_plot(r, eval.as_ref(), lang),
        })
    })
}

/// The state of the current answer, as a link records it (the core's
/// [`SharedState::of_place`]), with the city, the language and the owner's facts.
pub fn state_now(state: &AppState) -> SharedState {
    let ds = state.data.get();
    let place = state
        .outcome
        .with(|o| o.as_ref().and_then(Outcome::place).cloned());
    let answered = ds
        .as_ref()
        .zip(place.as_ref())
        .map(|(ds, p)| SharedState::of_place(ds, p));
    SharedState {
        city: state.city.get(),
        lang: Some(state.lang.get()),
        facts: state.facts.with(|f| f.to_text()),
        ..answered.unwrap_or_default()
    }
}

/// The link of the current answer: this page's address (without its query, so that a link made
/// in an embedded Baft opens the full app) and the state in the fragment.
pub fn link_now(state: &AppState) -> String {
    let frag = state_now(state).to_fragment();
    let (origin, path) = location()
        .map(|l| {
            (
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default(),
            )
        })
        .unwrap_or_default();
    format!("{origin}{path}#{frag}")
}

/// Reopens the answer a fragment describes: language, facts, then the point or plot.
pub fn apply_fragment(state: &AppState, frag: &str) {
    apply(state, frag, true);
}

/// [`apply_fragment`], the point or plot only when `answer` (see [`sync_url`]).
fn apply(state: &AppState, frag: &str, answer: bool) {
    let link = match SharedState::from_fragment(frag) {
        Ok(s) => s,
        Err(e) => {
            if let Some(l) = SharedState::lang_of(frag) {
                state.lang.set(l);
            }
            return crate::actions::set_outcome(state, Outcome::InputError(e));
        }
    };
    // A link to another city of a national deployment: that city's data, from the start.
    let known = |c: &str| {
        state
            .catalogue
            .with_untracked(|k| k.as_ref().is_some_and(|k| k.find(c).is_some()))
    };
    if let (Some(c), Some(now)) = (&link.city, state.city.get_untracked()) {
        if *c != now && known(c) {
            if let Some(l) = location() {
                let _ = l.reload();
            }
            return;
        }
    }
    if let Some(l) = link.lang {
        state.lang.set(l);
    }
    if !link.facts.is_empty() {
        state.facts.set(FactsForm::from_text(&link.facts));
    }
    let Some(ds) = state.data.get_untracked() else {
        return;
    };
    match link.subject.as_ref().filter(|_| answer) {
        Some(Subject::Point { lat, lon }) => actions::show_point(state, *lon, *lat),
        Some(Subject::Outline(rings)) => actions::show_rings(state, rings.clone()),
        Some(Subject::Parcel(id)) => actions::select_parcel_id(state, id),
        None => {}
    }
    let boundary = link.boundary_changes(&baft_core::answer::share::boundary_now(&ds));
    let data_version = link.data_version.filter(|v| *v != ds.manifest.data_version);
    state
        .link_versions
        .set(
            (data_version.is_some() || !boundary.is_empty()).then_some(LinkVersions {
                data_version,
                boundary,
            }),
        );
}

/// Whether the opened link can be answered now: a point or an outline once the current layers
/// are in (packages, history and parcels go on loading, and the answer's incentives follow them
/// as they arrive); a surveyed plot's id once everything is (it needs the parcel layer).
fn link_answerable(state: &AppState, frag: &str) -> bool {
    match state.progress.get() {
        Progress::Ready => true,
        Progress::Failed(_) | Progress::ChooseCity(_) => false,
        Progress::Loading { .. } => {
            state.layers_left.get() == 0
                && !matches!(
                    SharedState::from_fragment(frag),
                    Ok(SharedState {
                        subject: Some(Subject::Parcel(_)),
                        ..
                    })
                )
        }
    }
}

/// Applies the opened link as soon as it can be answered ([`link_answerable`]); then keeps the
/// fragment in step with the answer (`history.replaceState`: no history entry per keystroke)
/// and reopens the answer when the fragment is changed by hand or by an embedding page.
pub fn sync_url(state: AppState) {
    Effect::new(move |_| {
        if state.link_applied.get_untracked() {
            return;
        }
        let frag = fragment();
        if !link_answerable(&state, &frag) {
            return;
        }
        // A plot's id waits for the whole parcel layer: a person who asked something of their
        // own meanwhile keeps that answer (the link's language and facts still apply).
        let asked = state.outcome.with_untracked(|o| o.is_some());
        apply(&state, &frag, !asked);
        state.link_applied.set(true);
    });
    let written = StoredValue::new(String::new());
    Effect::new(move |_| {
        if !state.link_applied.get() {
            return;
        }
        let frag = state_now(&state).to_fragment();
        if frag == written.get_value() && frag == fragment() {
            return;
        }
        written.set_value(frag.clone());
        let url = match frag.is_empty() {
            true => location()
                .map(|l| l.pathname().unwrap_or_default() + &l.search().unwrap_or_default())
                .unwrap_or_default(),
            false => format!("#{frag}"),
        };
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    });
    let on_hash = Closure::<dyn FnMut()>::new(move || {
        let now = fragment();
        if state.link_applied.get_untracked() && now != written.get_value() {
            written.set_value(now.clone());
            apply_fragment(&state, &now);
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref());
    }
    on_hash.forget();
}

/// Calls `navigator.<object>.<method>(arg)` when the browser has it; the promise, if any.
fn call_navigator(object: Option<&str>, method: &str, arg: &JsValue) -> Option<js_sys::Promise> {
    let nav: JsValue = web_sys::window()?.navigator().into();
    let target = match object {
        Some(o) => js_sys::Reflect::get(&nav, &o.into()).ok()?,
        None => nav,
    };
    let f: js_sys::Function = js_sys::Reflect::get(&target, &method.into())
        .ok()?
        .dyn_into()
        .ok()?;
    f.call1(&target, arg).ok()?.dyn_into().ok()
}

/// Whether the browser offers the Web Share API (phones).
pub fn can_share() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
        .unwrap_or(false)
}

/// Copies the link to the clipboard; `done(true)` when it was copied.
pub fn copy_link(state: &AppState, done: impl FnOnce(bool) + 'static) {
    let link = link_now(state);
    match call_navigator(Some("clipboard"), "writeText", &link.into()) {
        Some(p) => leptos::task::spawn_local(async move {
            done(wasm_bindgen_futures::JsFuture::from(p).await.is_ok())
        }),
        None => done(false),
    }
}

/// Opens the phone's share sheet with the link and a one-line title.
pub fn share_link(state: &AppState, title: &str) {
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &link_now(state).into());
    if let Some(p) = call_navigator(None, "share", &data) {
        // A dismissed share sheet rejects the promise; nothing to report.
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
        });
    }
}
