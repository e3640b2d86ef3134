use crate::actions;
use crate::i18n::{self, t};
use crate::map;
use crate::state::{use_state, Outcome};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// The map (left-to-right inside the right-to-left page) and its layer switches.
#[component]
pub fn MapView() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let el: NodeRef<Div> = NodeRef::new();
    let created = RwSignal::new(false);
    let hidden = RwSignal::new(Vec::<String>::new());

    // Create the map once the container exists and the manifest gives the centre.
    Effect::new(move |_| {
        if created.get_untracked() {
            return;
        }
        let (Some(div), Some(ds)) = (el.get(), state.data.get()) else {
            return;
        };
        let [lon, lat] = ds.manifest.city.center;
        let on_click = Closure::<dyn FnMut(f64, f64)>::new(move |lat: f64, lon: f64| {
            actions::check_lon_lat(&state, lon, lat, false)
        });
        let el: &web_sys::HtmlElement = &div;
        if map::map_create(
            el,
            lat,
            lon,
            13.0,
            on_click.as_ref(),
            t(lang.get_untracked(), i18n::MAP_LABEL),
        )
        .is_ok()
        {
            on_click.forget();
            let [a, b, c, d] = ds.manifest.city.envelope;
            map::map_fit(a, b, c, d);
            created.set(true);
        }
    });
    // Draw each loaded layer (again when one is added).
    Effect::new(move |drawn: Option<Vec<String>>| {
        let mut drawn = drawn.unwrap_or_default();
        if !created.get() {
            return drawn;
        }
        state.data.with(|d| {
            if let Some(ds) = d {
                for l in &ds.layers {
                    let key = format!("{}@{}", l.spec.id, l.version.id);
                    if !drawn.contains(&key) {
                        let _ = map::map_set_layer(
                            &l.spec.id,
                            &l.display_geojson(),
                            &l.spec.colour,
                            true,
                        );
                        drawn.push(key);
                    }
                }
            }
        });
        drawn
    });
    Effect::new(move |_| {
        if !created.get() {
            return;
        }
        match state.outcome.get() {
            Some(Outcome::Point { report, .. }) => {
                map::map_show_point(report.lat, report.lon, true)
            }
            Some(Outcome::Plot { rings, .. }) => {
                let _ = map::map_show_plot(&map::rings_geojson(&rings));
            }
            _ => {}
        }
    });
    Effect::new(move |_| {
        if !created.get() {
            return;
        }
        let on = state.basemap_on.get();
        state.data.with_untracked(|d| {
            if let Some(ds) = d {
                let b = &ds.manifest.basemap;
                map::map_set_basemap(&b.url, &b.attribution, b.max_zoom as f64, on);
            }
        });
    });
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(div) = el.get() {
            map::map_set_label(&div, t(l, i18n::MAP_LABEL));
        }
    });

    let switches = move || {
        let l = lang.get();
        state.data.with(|d| {
            d.as_ref().map(|ds| {
                ds.manifest
                    .layers
                    .iter()
                    .map(|spec| {
                        let id = spec.id.clone();
                        let id2 = id.clone();
                        let id3 = id.clone();
                        let name = spec.name.get(l).to_string();
                        let colour = format!("background:{}", spec.colour);
                        view! {
                            <label class="switch">
                                <input type="checkbox" prop:checked=move || !hidden.with(|h| h.contains(&id))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        hidden.update(|h| { h.retain(|x| x != &id2); if !on { h.push(id2.clone()); } });
                                        map::map_show_layer(&id3, on);
                                    }/>
                                <span class="swatch" style=colour aria-hidden="true"></span>
                                {name}
                            </label>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="map-wrap">
            <div class="map" dir="ltr" node_ref=el tabindex="0" role="application"></div>
            <fieldset class="legend">
                <legend>{move || t(lang.get(), i18n::LAYERS)}</legend>
                {switches}
                <label class="switch">
                    <input type="checkbox" prop:checked=move || state.basemap_on.get() on:change=move |ev| state.basemap_on.set(event_target_checked(&ev))/>
                    {move || t(lang.get(), i18n::BASEMAP)}
                </label>
            </fieldset>
        </section>
    }
}
