//! The city chooser of a national deployment: shown while no city is loaded (the link named
//! none, or its point is in no city or in several), with a filter by name; and, once a city
//! is loaded, its name with a way to choose another.

use crate::i18n::{self, t};
use crate::state::{use_state, CityAsk, Progress};
use baft_core::base::letters::fold;
use leptos::prelude::*;

/// The chooser (while asking) or the loaded city's name and "change city" (after).
#[component]
pub fn CityChooser() -> impl IntoView {
    let state = use_state();
    let filter = RwSignal::new(String::new());
    move || {
        let catalogue = state.catalogue.get()?;
        let l = state.lang.get();
        let ask = match state.progress.get() {
            Progress::ChooseCity(ask) => ask,
            _ => {
                let id = state.city.get()?;
                let name = catalogue.find(&id)?.name.get(l).to_string();
                // A fresh start (no task of this city's load goes on into the next one's).
                let change = move |_| crate::loader::cities::start_over();
                return Some(
                    view! {
                        <p class="city-now">
                            {t(l, i18n::CITY)}" "<strong>{name}</strong>" "
                            <button type="button" class="link" on:click=change>{t(l, i18n::CHANGE_CITY)}</button>
                        </p>
                    }
                    .into_any(),
                );
            }
        };
        let note = match ask {
            CityAsk::Choose => None,
            CityAsk::Unknown(_) => Some(t(l, i18n::UNKNOWN_CITY)),
            CityAsk::NoneAtPoint => Some(t(l, i18n::NO_CITY_AT_POINT)),
            CityAsk::SeveralAtPoint(_) => Some(t(l, i18n::SEVERAL_CITIES_AT_POINT)),
        };
        let wanted = fold(&filter.get());
        let items = catalogue
            .cities
            .iter()
            .filter(|c| {
                wanted.is_empty()
                    || fold(c.name.get(l)).contains(&wanted)
                    || fold(&c.name.fa).contains(&wanted)
                    || fold(&c.name.en).contains(&wanted)
            })
            .map(|c| {
                let id = c.id.clone();
                let pick = move |_| crate::loader::cities::choose(state, id.clone());
                view! { <li><button type="button" on:click=pick>{c.name.get(l).to_string()}</button></li> }
            })
            .collect_view();
        Some(
            view! {
                <section class="cities" aria-labelledby="cities-title">
                    <h2 id="cities-title">{t(l, i18n::CHOOSE_CITY)}</h2>
                    {note.map(|n| view! { <p role="status">{n}</p> })}
                    <label for="city-filter">{t(l, i18n::CITY_FILTER)}</label>
                    <input id="city-filter" type="search" autocomplete="off" dir="auto"
                        prop:value=move || filter.get()
                        on:input=move |ev| filter.set(event_target_value(&ev))/>
                    <ul class="city-list">{items}</ul>
                </section>
            }
            .into_any(),
        )
    }
}
