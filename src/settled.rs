//! Tells the page's own scripts when the first answer is on screen, so that what it does not
//! need waits until then.
//!
//! The app marks `<html data-app-settled>` and sends a `baft-settled` event on `window` once:
//! when the frame after the current layers are in has been painted (a shared link's answer is
//! then on screen; [`next_frame`]), or when loading ends otherwise (ready, failed, or a national
//! deployment's city to choose). It also
//! sets `AppState::settled`, which the printed certificate waits for. Two scripts wait for it:
//! - `www/map.js` runs Leaflet (already downloaded by a preload) only then: its evaluation took
//!   about 180 ms of a phone-speed main thread (CPU 4×) before the answer;
//! - `www/offline.js` registers the service worker only then: on a first visit its install
//!   downloads the app shell, and once it controls the page every data request goes through it.
//!
//! Both fall back to a timer, so a page whose app never starts still gets its map and its
//! offline copy.

use crate::state::{AppState, Progress};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The event sent on `window` (and the attribute set on `<html>`, with `data-` before it).
pub const EVENT: &str = "baft-settled";

/// Whether loading has come far enough for the first answer.
fn settled(state: &AppState) -> bool {
    match state.progress.get() {
        Progress::Loading { .. } => {
            state.layers_left.get() == 0 && state.data.with(|d| d.is_some())
        }
        Progress::Ready | Progress::Failed(_) | Progress::ChooseCity(_) => true,
    }
}

/// Watches the loading and announces, once, when the first answer can be on screen.
pub fn announce(state: AppState) {
    let sent = StoredValue::new(false);
    Effect::new(move |_| {
        if sent.get_value() || !settled(&state) {
            return;
        }
        sent.set_value(true);
        leptos::task::spawn_local(async move {
            next_frame().await;
            state.settled.set(true);
            send();
        });
    });
}

/// Once the next frame is painted (the answer on screen), or after [`FRAME_FALLBACK_MS`] when
/// frames are paused (a hidden tab, an iframe out of view).
///
/// A frame's `requestAnimationFrame` callbacks run before its layout and paint, so what is done
/// in one delays that frame: when this resolved there, the map library's first run and the
/// printed certificate ran before the answer's paint, and the answer's text took 70–110 ms longer
/// to appear on a phone-speed main thread (docs/performance.md). The task the callback queues
/// runs after the frame is painted.
pub async fn next_frame() {
    let painted = js_sys::Promise::new(&mut |ok, _| {
        let Some(w) = web_sys::window() else { return };
        let then = ok.clone();
        let after_frame = Closure::once_into_js(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&then, 0);
            }
        });
        let _ = w.request_animation_frame(after_frame.unchecked_ref());
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&ok, FRAME_FALLBACK_MS);
    });
    let _ = JsFuture::from(painted).await;
}

/// How long [`next_frame`] waits for a frame before it gives up (ms). Long enough that a busy
/// main thread's next frame, not this timer, ends the wait; short enough that a page whose frames
/// are paused still gets its map and its offline copy soon.
pub const FRAME_FALLBACK_MS: i32 = 500;

fn send() {
    let Some(w) = web_sys::window() else { return };
    if let Some(html) = w.document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("data-app-settled", "");
    }
    if let Ok(e) = web_sys::Event::new(EVENT) {
        let _ = w.dispatch_event(&e);
    }
}
