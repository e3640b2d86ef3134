use crate::actions;
use crate::i18n;
use crate::state::use_state;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The ways in: typed or pasted text, GPS, the map centre, and an uploaded outline.
#[component]
pub fn Search() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    // The file last read, named under the picker (the browser's own words are not localised).
    let chosen = RwSignal::new(None::<String>);
    // Ready once every layer's current version is in: an answer given before would lack the
    // layers still loading (and keep lacking them).
    let ready = move || state.data.with(|d| d.is_some()) && state.layers_left.get() == 0;
    let submit = move || actions::check_text(&state, &state.query.get_untracked());
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" && !ev.shift_key() {
            ev.prevent_default();
            if ready() {
                submit();
            }
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        chosen.set(Some(file.name()));
        leptos::task::spawn_local(async move {
            if let Ok(text) = JsFuture::from(file.text()).await {
                actions::check_plot_text(&state, &text.as_string().unwrap_or_default());
            }
        });
        input.set_value("");
    };
    let centre = move |_| {
        let c = crate::map::map_center();
        if c.len() == 2 {
            actions::check_lon_lat(&state, c[1], c[0], false);
        }
    };
    view! {
        <form class="search" role="search" on:submit=move |ev| { ev.prevent_default(); submit(); }>
            <label for="q">{i18n::tr(i18n::SEARCH_LABEL)}</label>
            <div class="search-row">
                <textarea id="q" name="q" rows="2" dir="auto" autocomplete="off" spellcheck="false"
                    aria-describedby="q-help"
                    prop:value=move || state.query.get()
                    on:input=move |ev| state.query.set(event_target_value(&ev))
                    on:keydown=on_key></textarea>
                <button type="submit" class="primary" disabled=move || !ready()>{i18n::tr(i18n::CHECK)}</button>
            </div>
            <p id="q-help" class="help">{move || super::ids::with_ids(i18n::t(lang.get(), i18n::SEARCH_HELP))}</p>
            <div class="actions">
                <button type="button" on:click=move |_| actions::locate(state) disabled=move || !ready()>{i18n::tr(i18n::MY_LOCATION)}</button>
                <button type="button" on:click=centre disabled=move || !ready()>{i18n::tr(i18n::MAP_CENTRE)}</button>
                <label class="upload">
                    <span>{i18n::tr(i18n::UPLOAD_LABEL)}</span>
                    <input type="file" accept=".geojson,.json,.txt,application/geo+json,application/json,text/plain" on:change=on_file disabled=move || !ready()/>
                    <span class="pick" aria-hidden="true">{i18n::tr(i18n::CHOOSE_FILE)}</span>
                    <span class="chosen" role="status">{move || chosen.get().map(|n| format!("{} {n}", lang.get().pick("فایل خوانده‌شده:", "File read:")))}</span>
                </label>
            </div>
        </form>
    }
}
