//! Under the verdict: the next step (the office, the packages that apply, the map one tap away)
//! and the data the answer came from.

use crate::actions;
use crate::state::AppState;
use baft_core::check::words as text;
use baft_core::Lang;
use leptos::prelude::*;

/// The next step under the verdict: the office to go to and how many packages apply or may
/// apply, each a link to its card below; and the map, one tap away.
pub fn next_step(state: AppState, l: Lang) -> impl IntoView {
    let office = actions::office(&state).map(|m| m.office.name.get(l).to_string());
    let packages = actions::incentives(&state)
        .and_then(Result::ok)
        .map(|e| baft_core::packages::words::counts(&e, l));
    let office = office.map(|o| {
        format!(
            "{}{o}",
            l.pick("دفتر تسهیلات شما: ", "Your facilitation office: ")
        )
    });
    view! {
        <div class="next-step">
            <p class="next-title">{l.pick("گام بعد", "Next step")}</p>
            <ul>
                {office.map(|o| view! { <li>{to_card(state, "#office-title", o)}</li> })}
                {packages.map(|p| view! { <li>{to_card(state, "#incentives-title", p)}</li> })}
            </ul>
            <button type="button" class="show-map" on:click=|_| crate::reveal::map()>
                {l.pick("نمایش روی نقشه", "Show on the map")}
            </button>
        </div>
    }
}

/// `text`, a link to the card at `target` once the cards are on the page (they are in the app's
/// second module, `components::later`); until then, or if they could not be loaded, plain text.
/// (An `<a>` without `href` is not a link: not focusable, not announced as one.)
fn to_card(state: AppState, target: &'static str, text: String) -> impl IntoView {
    view! { <a href=move || state.later_ready.get().then_some(target)>{text}</a> }
}

/// The data the answer came from: its version, and its publication date when the manifest
/// gives one (both calendars).
pub fn data_line(state: AppState, l: Lang) -> impl IntoView {
    state.data.with(|d| {
        d.as_ref().map(|d| {
            let m = &d.manifest;
            let date = m.published.as_ref().map(|p| {
                format!(
                    "{} {}",
                    l.pick("، منتشرشده", ", published"),
                    text::date_words(p, l)
                )
            });
            view! {
                <p class="data-line muted">
                    {l.pick("داده: نسخهٔ ", "Data: version ")}<span class="id" dir="ltr">{m.data_version.clone()}</span>{date}
                </p>
            }
        })
    })
}
