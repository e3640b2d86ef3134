//! Embedding Baft in a municipality's page (see `docs/embedding.md`).
//!
//! - The query string configures the page (`?embed=1&lang=en&layer=…&theme=…`, read by
//!   `baft_core::answer::share::PageOptions`): compact mode, language, first layer, accent colour.
//! - The postMessage bridge: results go to the parent page, commands come from it, both only to
//!   and from the origins the manifest allows (`embed.allowed_origins`) and Baft's own origin.
//!   Each message to the parent is posted once per allowed origin with that origin as the target,
//!   so the browser delivers it only when the parent really is one of them.

use crate::actions;
use crate::link;
use crate::state::{AppState, Outcome, Progress};
use baft_core::answer::share::PageOptions;
use baft_core::Lang;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// The message protocol's version (the `version` field of every message).
pub const PROTOCOL: u32 = 1;

/// Reads the query string and applies what the page itself needs (compact mode, colour).
pub fn read_page_options() -> PageOptions {
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let o = PageOptions::from_query(&query);
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        if o.embed {
            let _ = html.class_list().add_1("embed");
        }
        if let (Some(c), Ok(el)) = (&o.theme, html.dyn_into::<web_sys::HtmlElement>()) {
            // CSSOM, not a style attribute: allowed under the strict Content-Security-Policy.
            let _ = el.style().set_property("--accent", c);
        }
    }
    o
}

/// Shows only the page's first layer on the map (`layer=`), once the manifest is in.
pub fn apply_first_layer(state: AppState) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(want) = state.page.with_value(|p| p.layer.clone()) else {
            return true;
        };
        state.data.with(|d| {
            let Some(ds) = d else { return false };
            let ids: Vec<String> = ds.manifest.layers.iter().map(|l| l.id.clone()).collect();
            if ids.contains(&want) {
                state
                    .hidden_layers
                    .set(ids.into_iter().filter(|i| *i != want).collect());
            }
            true
        })
    });
}

fn own_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The origins a message to the parent is posted to: the allowed ones and our own.
fn targets(state: &AppState) -> Vec<String> {
    let mut v = state
        .data
        .with_untracked(|d| d.as_ref().map(|d| d.manifest.embed.allowed_origins.clone()))
        .unwrap_or_default();
    v.push(own_origin());
    v
}

/// A message to the parent page (the fields of each `type` are in `docs/embedding.md`).
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Message<'a> {
    source: &'static str,
    version: u32,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    data_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    result: Option<&'a baft_core::answer::summary::Summary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    height: Option<i32>,
}

impl Message<'_> {
    fn of(kind: &'static str) -> Self {
        Message {
            source: "baft",
            version: PROTOCOL,
            kind,
            data_version: None,
            lang: None,
            link: None,
            result: None,
            message: None,
            height: None,
        }
    }
}

/// Posts `message` to the parent page, if Baft is framed.
fn post(state: &AppState, message: &Message) {
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return;
    }
    let Ok(text) = serde_json::to_string(message) else {
        return;
    };
    let Ok(value) = js_sys::JSON::parse(&text) else {
        return;
    };
    for origin in targets(state) {
        let _ = parent.post_message(&value, &origin);
    }
}

fn field(data: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(data, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// What a command from the parent asks.
fn handle_command(state: &AppState, data: &JsValue) {
    if field(data, "target").as_string().as_deref() != Some("baft") {
        return;
    }
    match field(data, "type").as_string().as_deref() {
        Some("check") => {
            if let Some(text) = field(data, "text").as_string() {
                state.query.set(text.clone());
                actions::check_text(state, &text);
            }
        }
        Some("checkPoint") => {
            let (lat, lon) = (field(data, "lat").as_f64(), field(data, "lon").as_f64());
            if let (Some(lat), Some(lon)) = (lat, lon) {
                if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) {
                    actions::show_point(state, lon, lat);
                }
            }
        }
        Some("setLanguage") => {
            if let Some(l) = field(data, "lang")
                .as_string()
                .and_then(|l| Lang::parse(&l))
            {
                state.lang.set(l);
            }
        }
        _ => {}
    }
}

/// Starts the bridge: listens for commands, reports readiness, results, errors and height.
pub fn start_bridge(state: AppState) {
    let Some(w) = web_sys::window() else { return };
    listen_for_commands(state, &w);
    if !w.parent().ok().flatten().is_some_and(|p| p != w) {
        return; // not framed: nothing to report to
    }
    Effect::new(move |sent: Option<bool>| report_ready(state, sent));
    Effect::new(move |_| report_result(state));
    report_height(state, &w);
}

/// Handles the parent's commands, from allowed origins once the data is ready.
fn listen_for_commands(state: AppState, w: &web_sys::Window) {
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let allowed = state.data.with_untracked(|d| {
                d.as_ref()
                    .is_some_and(|d| d.manifest.embed.allows(&ev.origin(), &own_origin()))
            });
            if allowed && state.progress.get_untracked() == Progress::Ready {
                handle_command(&state, &ev.data());
            }
        });
    let _ = w.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

/// Posts "ready" once the data is in (`sent`: whether it was posted already).
fn report_ready(state: AppState, sent: Option<bool>) -> bool {
    if sent == Some(true) || state.progress.get() != Progress::Ready {
        return sent.unwrap_or(false);
    }
    let version = state
        .data
        .with_untracked(|d| d.as_ref().map(|d| d.manifest.data_version.clone()));
    post(
        &state,
        &Message {
            data_version: version,
            lang: Some(state.lang.get_untracked().code()),
            ..Message::of("ready")
        },
    );
    true
}

/// Posts the input error or the answer (with its link) whenever they change.
fn report_result(state: AppState) {
    // After "ready": a link's answer may come before the last files are in.
    if !state.link_applied.get() || state.progress.get() != Progress::Ready {
        return;
    }
    let error = state.outcome.with(|o| match o {
        Some(Outcome::InputError(e)) => Some(e.message(state.lang.get())),
        _ => None,
    });
    if let Some(e) = error {
        return post(
            &state,
            &Message {
                message: Some(e),
                ..Message::of("error")
            },
        );
    }
    if let Some(s) = link::summary(&state) {
        post(
            &state,
            &Message {
                link: Some(link::link_now(&state)),
                result: Some(&s),
                ..Message::of("result")
            },
        );
    }
}

/// Posts the content's height whenever it changes, so the parent can size the iframe.
fn report_height(state: AppState, w: &web_sys::Window) {
    let last = StoredValue::new(0i32);
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let h = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
            .map(|b| b.scroll_height())
            .unwrap_or(0);
        if h != last.get_value() {
            last.set_value(h);
            post(
                &state,
                &Message {
                    height: Some(h),
                    ..Message::of("resize")
                },
            );
        }
    });
    if let (Ok(observer), Some(body)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        w.document().and_then(|d| d.body()),
    ) {
        observer.observe(&body);
        std::mem::forget(observer);
    }
    on_resize.forget();
}
