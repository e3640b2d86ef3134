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
    let hidden = state.hidden_layers;
    let shown = RwSignal::new(Vec::<(String, String)>::new());
    let highlight = RwSignal::new(false);

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
    // Draw each layer at the version chosen for the map (the current one unless switched),
    // and the parcels once loaded; again whenever that changes.
    Effect::new(move |drawn: Option<Vec<(String, String)>>| {
        let mut drawn = drawn.unwrap_or_default();
        if !created.get() {
            return drawn;
        }
        let chosen = shown.get();
        state.data.with(|d| {
            let Some(ds) = d else { return };
            for l in &ds.layers {
                let want = chosen
                    .iter()
                    .find(|(id, _)| id == &l.spec.id)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_else(|| l.version.id.clone());
                let layer = if want == l.version.id {
                    Some(l)
                } else {
                    ds.other_versions
                        .iter()
                        .find(|o| o.spec.id == l.spec.id && o.version.id == want)
                };
                let Some(layer) = layer else { continue };
                let key = (l.spec.id.clone(), layer.version.id.clone());
                if !drawn.contains(&key) {
                    let _ = map::map_set_layer(
                        &l.spec.id,
                        &layer.display_geojson(),
                        &l.spec.colour,
                        !hidden.with_untracked(|h| h.contains(&l.spec.id)),
                    );
                    drawn.retain(|(id, _)| id != &l.spec.id);
                    drawn.push(key);
                }
            }
        });
        drawn
    });
    // Parcels: only those in view, when zoomed in (re-sent after every move and when the layer
    // grows while loading).
    let view = RwSignal::new(None::<(f64, [f64; 4])>);
    Effect::new(move |registered: Option<bool>| {
        if !created.get() {
            return false;
        }
        if registered != Some(true) {
            let cb = Closure::<dyn FnMut(f64, f64, f64, f64, f64)>::new(
                move |z: f64, w: f64, s: f64, e: f64, n: f64| view.set(Some((z, [w, s, e, n]))),
            );
            map::map_on_view(cb.as_ref());
            cb.forget();
        }
        true
    });
    Effect::new(move |_| {
        let Some((zoom, bbox)) = view.get() else {
            return;
        };
        state.data.with(|d| {
            let Some(ds) = d else { return };
            let Some(p) = &ds.parcels else { return };
            let text = if zoom >= 16.0 {
                p.visible_geojson(&ds.frame, bbox, 4000).0
            } else {
                r#"{"type":"FeatureCollection","features":[]}"#.to_string()
            };
            let _ = map::map_set_parcels(&text);
        });
    });
    // Highlight what changed between the version shown (or the earliest) and the current one.
    Effect::new(move |_| {
        if !created.get() {
            return;
        }
        let on = highlight.get();
        let chosen = shown.get();
        state.data.with(|d| {
            let Some(ds) = d else { return };
            let text = on
                .then(|| {
                    ds.layers.iter().find_map(|cur| {
                        let old_id = chosen
                            .iter()
                            .find(|(id, _)| id == &cur.spec.id)
                            .map(|(_, v)| v.clone());
                        let mut olds: Vec<&baft_core::layer::Layer> = ds
                            .other_versions
                            .iter()
                            .filter(|o| o.spec.id == cur.spec.id)
                            .collect();
                        baft_core::base::small::sort_small_by(&mut olds, |a, b| {
                            a.version
                                .approved
                                .gregorian_date()
                                .cmp(&b.version.approved.gregorian_date())
                        });
                        let old = match old_id {
                            Some(v) if v != cur.version.id => {
                                olds.into_iter().find(|o| o.version.id == v)
                            }
                            _ => olds.into_iter().next(),
                        }?;
                        Some(baft_core::layer::versions::diff(old, cur).geojson(old, cur))
                    })
                })
                .flatten()
                .unwrap_or_default();
            let _ = map::map_show_changes(&text);
        });
    });
    Effect::new(move |_| {
        if !created.get() {
            return;
        }
        match state.outcome.get() {
            Some(Outcome::Answer { place, .. }) => match &place.rings {
                Some(rings) => {
                    let _ = map::map_show_plot(&map::rings_geojson(rings));
                }
                None => {
                    let (lon, lat) = place.lon_lat();
                    map::map_show_point(lat, lon, true)
                }
            },
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
        if created.get() {
            map::map_set_zoom_labels(
                l.pick("بزرگ‌نمایی", "Zoom in"),
                l.pick("کوچک‌نمایی", "Zoom out"),
            );
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
                        let colour = baft_core::answer::share::hex_colour(&spec.colour).unwrap_or_default();
                        view! {
                            <label class="switch">
                                <input type="checkbox" prop:checked=move || !hidden.with(|h| h.contains(&id))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        hidden.update(|h| { h.retain(|x| x != &id2); if !on { h.push(id2.clone()); } });
                                        map::map_show_layer(&id3, on);
                                    }/>
                                <span class="swatch" style:background-color=colour aria-hidden="true"></span>
                                {name}
                            </label>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let versions = move || {
        let l = lang.get();
        state.data.with(|d| {
            let ds = d.as_ref()?;
            let with_history: Vec<_> = ds.layers.iter().filter(|cur| ds.other_versions.iter().any(|o| o.spec.id == cur.spec.id)).collect();
            if with_history.is_empty() {
                return None;
            }
            Some(view! {
                {with_history.into_iter().map(|cur| {
                    let id = cur.spec.id.clone();
                    let sel_id = format!("version-{id}");
                    let mut all: Vec<(String, String)> = ds.other_versions.iter().filter(|o| o.spec.id == id).map(|o| (o.version.id.clone(), baft_core::check::words::version_line(&o.reference().version, l))).collect();
                    all.push((cur.version.id.clone(), baft_core::check::words::version_line(&cur.reference().version, l)));
                    let current = cur.version.id.clone();
                    let label = format!("{} — {}", l.pick("نسخهٔ مرز روی نقشه", "Boundary version on the map"), cur.spec.name.get(l));
                    let id2 = id.clone();
                    view! {
                        <label class="version-select" for=sel_id.clone()>{label}</label>
                        <select id=sel_id prop:value=move || shown.with(|s| s.iter().find(|(i, _)| i == &id2).map(|(_, v)| v.clone()).unwrap_or_else(|| current.clone()))
                            on:change=move |ev| { let v = event_target_value(&ev); let id = id.clone(); shown.update(|s| { s.retain(|(i, _)| i != &id); s.push((id, v)); }); }>
                            {all.into_iter().map(|(v, label)| view! { <option value=v>{label}</option> }).collect_view()}
                        </select>
                    }
                }).collect_view()}
                <label class="switch">
                    <input type="checkbox" prop:checked=move || highlight.get() on:change=move |ev| highlight.set(event_target_checked(&ev))/>
                    {l.pick("نمایش تغییرات بین نسخه‌ها (سبز: افزوده، قرمز: حذف‌شده)", "Highlight changes between versions (green: added, red: removed)")}
                </label>
            })
        })
    };
    view! {
        <section class="map-wrap">
            <div class="map" dir="ltr" node_ref=el tabindex="0" role="application"></div>
            <fieldset class="legend">
                <legend>{i18n::tr(i18n::LAYERS)}</legend>
                {switches}
                {versions}
                <label class="switch">
                    <input type="checkbox" prop:checked=move || state.basemap_on.get() on:change=move |ev| state.basemap_on.set(event_target_checked(&ev))/>
                    {i18n::tr(i18n::BASEMAP)}
                </label>
            </fieldset>
        </section>
    }
}
