//! Bringing an answer into view: on a phone the search box, the GPS button and the upload sit
//! above the fold, and an answer rendered below them is off screen (with the on-screen keyboard
//! open, entirely). After every answer the keyboard is closed (the focused field is blurred),
//! the verdict card is scrolled to the top of the screen when its first lines are not on screen,
//! and its heading takes focus, so a screen reader reads from the verdict.
//! Embedded in another site's page, nothing is scrolled or focused: the host page is theirs.

use wasm_bindgen::JsCast;

/// The verdict card and its heading (`src/components/result.rs`).
const CARD: &str = "section.result";
const HEADING: &str = "result-title";
/// How much of the card must be on screen to count as in view: its heading and first layer.
const VERDICT_PX: f64 = 200.0;

/// Brings the verdict into view and focus, after the next frame (once it is rendered). With
/// `keep_focus` (an input error: the owner corrects what was typed) the card is scrolled into
/// view but the focus and the keyboard stay in the text field; the error is announced as an alert.
pub fn answer(keep_focus: bool) {
    let Some(w) = web_sys::window() else { return };
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || now(keep_focus));
    let _ = w.request_animation_frame(cb.unchecked_ref());
}

/// Scrolls the map into view and gives it focus (the answer card's "show on the map").
pub fn map() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(el) = doc.query_selector(".map-wrap").ok().flatten() {
        scroll_to(&el);
    }
    if let Some(el) = doc
        .query_selector(".map")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus_with_options(&no_scroll());
    }
}

fn now(keep_focus: bool) {
    let Some(w) = web_sys::window() else { return };
    let Some(doc) = w.document() else { return };
    // Closes the on-screen keyboard: a typed search leaves the focus in the text field.
    if let Some(active) = doc.active_element().filter(|_| !keep_focus) {
        if matches!(active.tag_name().as_str(), "TEXTAREA" | "INPUT") {
            if let Ok(el) = active.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.blur();
            }
        }
    }
    let Some(card) = doc.query_selector(CARD).ok().flatten() else {
        return;
    };
    let top = card.get_bounding_client_rect().top();
    let height = w
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    // Scrolled only when the verdict's first lines would not be on screen: a desktop page,
    // whose answer sits beside the map, stays where it is.
    if top < 0.0 || top + VERDICT_PX > height {
        scroll_to(&card);
    }
    if let Some(h) = (!keep_focus)
        .then(|| doc.get_element_by_id(HEADING))
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = h.focus_with_options(&no_scroll());
    }
}

fn scroll_to(el: &web_sys::Element) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

fn no_scroll() -> web_sys::FocusOptions {
    let o = web_sys::FocusOptions::new();
    o.set_prevent_scroll(true);
    o
}
