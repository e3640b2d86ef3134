use super::{
    cities::CityChooser,
    data_status::DataStatus,
    later::{Later, Part},
    link_note::LinkNote,
    map_view::MapView,
    result::ResultCard,
    search::Search,
};
use crate::i18n::{self, t};
use crate::state::AppState;
use baft_core::Lang;
use leptos::prelude::*;

const LANG_KEY: &str = "baft.lang";

fn stored_lang() -> Lang {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|v| Lang::parse(&v))
        .unwrap_or_default()
}

/// Puts the loaded data's version on `<html>` (`data-data-version`).
fn sync_data_version(state: AppState) {
    let v = state
        .data
        .with(|d| d.as_ref().map(|d| d.manifest.data_version.clone()));
    if let (Some(v), Some(html)) = (
        v,
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element()),
    ) {
        let _ = html.set_attribute("data-data-version", &v);
    }
}

/// Sets `<html lang/dir>` and the title for `l`, and stores the choice.
fn sync_lang(l: Lang) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", l.code());
            let _ = html.set_attribute("dir", l.dir());
        }
        doc.set_title(&format!(
            "{} — {}",
            t(l, i18n::APP_NAME),
            t(l, i18n::TAGLINE)
        ));
    }
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(LANG_KEY, l.code());
    }
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let page = crate::embed::read_page_options();
    let state = AppState::new(page.lang.unwrap_or_else(stored_lang));
    state.page.set_value(page);
    provide_context(state);
    let lang = state.lang;

    // The loaded data's version on <html>, for the service worker's tests and for staff.
    Effect::new(move |_| sync_data_version(state));
    crate::link::sync_url(state);
    crate::embed::apply_first_layer(state);
    crate::embed::start_bridge(state);

    // Keep <html lang/dir>, the title and the stored choice in step with the language.
    Effect::new(move |_| sync_lang(lang.get()));

    leptos::task::spawn_local(crate::loader::load(state, crate::loader::DATA.to_string()));
    // A plate typed while the plots were loading is answered once they are in.
    Effect::new(move |_| crate::actions::answer_when_plots_in(&state));
    crate::settled::announce(state);

    let toggle = move |_| lang.update(|l| *l = if *l == Lang::Fa { Lang::En } else { Lang::Fa });
    let sample = move || {
        state
            .data
            .with(|d| d.as_ref().is_some_and(|d| d.manifest.sample_data))
    };
    view! {
        <header class="top">
            <div class="brand">
                <h1>{i18n::tr(i18n::APP_NAME)}</h1>
                <p class="tagline">{i18n::tr(i18n::TAGLINE)}</p>
            </div>
            <button class="lang" type="button" on:click=toggle
                aria-label=i18n::tr(i18n::OTHER_LANG_LABEL)
                lang=move || if lang.get() == Lang::Fa { "en" } else { "fa" }>
                {i18n::tr(i18n::OTHER_LANG)}
            </button>
        </header>
        <Show when=sample>
            <aside class="sample-banner" aria-label=move || lang.get().pick("دادهٔ نمونه", "Sample data")>{move || baft_core::check::words::sample_notice(lang.get())}</aside>
        </Show>
        <DataStatus/>
        <main class="layout">
            // Embedded, the page header is hidden: the page keeps its title for screen readers.
            {state.page.with_value(|p| p.embed).then(|| view! { <h1 class="visually-hidden">{i18n::tr(i18n::APP_NAME)}</h1> })}
            <section class="panel">
                <CityChooser/>
                <Later part=Part::Head/>
                <Search/>
                <ResultCard/>
                <LinkNote/>
                <Later part=Part::Share/>
                <Later part=Part::Rest/>
            </section>
            <MapView/>
        </main>
        <footer class="foot"><p>{i18n::tr(i18n::DISCLAIMER)}</p></footer>
    }
}
