use super::map_legend::{layer_switches, version_choices, Chosen};
use crate::actions;
use crate::i18n::{self, t};
use crate::map;
use crate::state::{use_state, AppState, Outcome};
use baft_core::dataset::Dataset;
use baft_core::layer::Layer;
use baft_core::Lang;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// The map's zoom and bounds (west, south, east, north) after its last move.
type Viewport = RwSignal<Option<(f64, [f64; 4])>>;

/// Asks for the map once the container exists and the manifest gives the centre; `created`
/// turns true when Leaflet has made it (after the first answer: `www/map.js`), so the layers'
/// drawing (their GeoJSON written out for Leaflet) waits until then too.
fn create_map(
    state: AppState,
    el: NodeRef<Div>,
    asked: StoredValue<bool>,
    created: RwSignal<bool>,
) {
    if asked.get_value() {
        return;
    }
    let (Some(div), Some(ds)) = (el.get(), state.data.get()) else {
        return;
    };
    let [lon, lat] = ds.manifest.city.center;
    let on_click = Closure::<dyn FnMut(f64, f64)>::new(move |lat: f64, lon: f64| {
        actions::check_lon_lat(&state, lon, lat, false)
    });
    let on_ready = Closure::once_into_js(move || created.set(true));
    let el: &web_sys::HtmlElement = &div;
    if map::map_create(
        el,
        lat,
        lon,
        13.0,
        on_click.as_ref(),
        t(state.lang.get_untracked(), i18n::MAP_LABEL),
        &on_ready,
    )
    .is_ok()
    {
        on_click.forget();
        let [a, b, c, d] = ds.manifest.city.envelope;
        map::map_fit(a, b, c, d);
        asked.set_value(true);
    }
}

/// Draws each layer at the version chosen for the map (the current one unless switched) that
/// is not drawn yet; returns what is drawn now (`drawn`: what was before).
fn draw_layers(
    state: AppState,
    created: RwSignal<bool>,
    shown: Chosen,
    drawn: Option<Vec<(String, String)>>,
) -> Vec<(String, String)> {
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
                    !state
                        .hidden_layers
                        .with_untracked(|h| h.contains(&l.spec.id)),
                );
                drawn.retain(|(id, _)| id != &l.spec.id);
                drawn.push(key);
            }
        }
    });
    drawn
}

/// Has the map report its view after every move, once it exists; returns whether it does.
fn watch_view(created: RwSignal<bool>, view: Viewport, registered: Option<bool>) -> bool {
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
}

/// A parcel layer read by area: the plots within this distance of the view's centre (each way)
/// are read when the view moves.
const VIEW_READ_M: f64 = 300.0;

/// Draws the parcels in view when zoomed in (none when zoomed out).
fn draw_parcels(state: AppState, view: Viewport) {
    let Some((zoom, bbox)) = view.get() else {
        return;
    };
    if zoom >= 16.0 && crate::loader::ranges::active() {
        // Read by ranges: the plots in the middle of the view are read (and then drawn, as the
        // data changes), at most VIEW_READ_M each way: a phone's data plan pays for each one.
        let bbox = crate::loader::ranges::clip_view(bbox, VIEW_READ_M);
        leptos::task::spawn_local(async move {
            crate::loader::ranges::read_box(&state, bbox).await;
        });
    }
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
}

/// What changed in layer `cur` since the version shown (or the earliest), as GeoJSON; `None`
/// when the layer has no other version.
fn layer_changes(ds: &Dataset, cur: &Layer, chosen: &[(String, String)]) -> Option<String> {
    let old_id = chosen
        .iter()
        .find(|(id, _)| id == &cur.spec.id)
        .map(|(_, v)| v.clone());
    let mut olds: Vec<&Layer> = ds
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
        Some(v) if v != cur.version.id => olds.into_iter().find(|o| o.version.id == v),
        _ => olds.into_iter().next(),
    }?;
    Some(baft_core::layer::versions::diff(old, cur).geojson(old, cur))
}

/// Highlights what changed between the version shown (or the earliest) and the current one.
fn show_changes(
    state: AppState,
    created: RwSignal<bool>,
    highlight: RwSignal<bool>,
    shown: Chosen,
) {
    if !created.get() {
        return;
    }
    let on = highlight.get();
    let chosen = shown.get();
    state.data.with(|d| {
        let Some(ds) = d else { return };
        let text = on
            .then(|| {
                ds.layers
                    .iter()
                    .find_map(|cur| layer_changes(ds, cur, &chosen))
            })
            .flatten()
            .unwrap_or_default();
        let _ = map::map_show_changes(&text);
    });
}

/// Shows the answered plot, or point, on the map.
fn show_answer(state: AppState, created: RwSignal<bool>) {
    if !created.get() {
        return;
    }
    match state.outcome.get() {
        // One street found: it is shown at once (several: when one is picked).
        Some(Outcome::Choose(c)) => {
            if let [baft_core::answer::Choice::Street { index, .. }] = c.choices[..] {
                super::result::show_street(&state, index, false);
            }
        }
        Some(Outcome::Answer { place, .. }) => match &place.rings {
            Some(rings) => {
                let _ = map::map_show_plot(&map::rings_geojson(rings));
            }
            None => {
                let (lon, lat) = place.lon_lat();
                let accuracy = place.gps.as_ref().map_or(0.0, |g| g.accuracy_m);
                map::map_show_point(lat, lon, true, accuracy)
            }
        },
        _ => {}
    }
}

/// Draws the streets layer, labelled in the page's language, once the map and the streets are in.
fn sync_streets(state: AppState, created: RwSignal<bool>) {
    if !created.get() {
        return;
    }
    let lang = state.lang.get();
    let text = state.data.with(|d| {
        let d = d.as_ref()?;
        let places = map::neighbourhood_names(&d.layers, lang);
        Some(map::streets_geojson(d.streets.as_ref()?, &places, lang))
    });
    if let Some(t) = text {
        let _ = map::map_set_streets(&t);
    }
}

/// Shows or hides the basemap as switched.
fn sync_basemap(state: AppState, created: RwSignal<bool>) {
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
}

/// Labels the map and its zoom buttons in the language `l`.
fn sync_labels(l: Lang, el: NodeRef<Div>, created: RwSignal<bool>) {
    if let Some(div) = el.get() {
        map::map_set_label(&div, t(l, i18n::MAP_LABEL));
    }
    if created.get() {
        map::map_set_zoom_labels(
            l.pick("بزرگ‌نمایی", "Zoom in"),
            l.pick("کوچک‌نمایی", "Zoom out"),
        );
    }
}

/// The map (left-to-right inside the right-to-left page) and its layer switches.
#[component]
pub fn MapView() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let el: NodeRef<Div> = NodeRef::new();
    let asked = StoredValue::new(false);
    let created = RwSignal::new(false);
    let shown: Chosen = RwSignal::new(Vec::new());
    let highlight = RwSignal::new(false);

    // Ask for the map once the container exists and the manifest gives the centre.
    Effect::new(move |_| create_map(state, el, asked, created));
    // Draw each layer at the version chosen for the map (the current one unless switched),
    // and the parcels once loaded; again whenever that changes.
    Effect::new(move |drawn: Option<Vec<(String, String)>>| {
        draw_layers(state, created, shown, drawn)
    });
    // Parcels: only those in view, when zoomed in (re-sent after every move and when the layer
    // grows while loading).
    let view: Viewport = RwSignal::new(None);
    Effect::new(move |registered: Option<bool>| watch_view(created, view, registered));
    Effect::new(move |_| draw_parcels(state, view));
    // Highlight what changed between the version shown (or the earliest) and the current one.
    Effect::new(move |_| show_changes(state, created, highlight, shown));
    Effect::new(move |_| show_answer(state, created));
    Effect::new(move |_| sync_basemap(state, created));
    Effect::new(move |_| sync_streets(state, created));
    Effect::new(move |_| sync_labels(lang.get(), el, created));

    let switches = move || layer_switches(state, lang.get());
    let versions = move || version_choices(state, shown, highlight, lang.get());
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
