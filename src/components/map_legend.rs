//! The map's legend: a switch per layer, and the boundary version shown for layers with a
//! history (with the changes highlighted).

use crate::map;
use crate::state::AppState;
use baft_core::dataset::Dataset;
use baft_core::layer::Layer;
use baft_core::read::manifest::LayerSpec;
use baft_core::Lang;
use leptos::prelude::*;

/// The boundary version chosen for the map per layer (layer id, version id).
pub(super) type Chosen = RwSignal<Vec<(String, String)>>;

/// The switch that shows or hides one layer.
fn layer_switch(hidden: RwSignal<Vec<String>>, spec: &LayerSpec, l: Lang) -> impl IntoView {
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
}

/// A switch per layer of the manifest, once it is in.
pub(super) fn layer_switches(state: AppState, l: Lang) -> Option<impl IntoView> {
    state.data.with(|d| {
        d.as_ref().map(|ds| {
            ds.manifest
                .layers
                .iter()
                .map(|spec| layer_switch(state.hidden_layers, spec, l))
                .collect_view()
        })
    })
}

/// The choice of boundary version shown on the map for layer `cur` (one with other versions).
fn version_select(ds: &Dataset, cur: &Layer, shown: Chosen, l: Lang) -> impl IntoView {
    let id = cur.spec.id.clone();
    let sel_id = format!("version-{id}");
    let mut all: Vec<(String, String)> = ds
        .other_versions
        .iter()
        .filter(|o| o.spec.id == id)
        .map(|o| {
            (
                o.version.id.clone(),
                baft_core::check::words::version_line(&o.reference().version, l),
            )
        })
        .collect();
    all.push((
        cur.version.id.clone(),
        baft_core::check::words::version_line(&cur.reference().version, l),
    ));
    let current = cur.version.id.clone();
    let label = format!(
        "{} — {}",
        l.pick("نسخهٔ مرز روی نقشه", "Boundary version on the map"),
        cur.spec.name.get(l)
    );
    let id2 = id.clone();
    view! {
        <label class="version-select" for=sel_id.clone()>{label}</label>
        <select id=sel_id prop:value=move || shown.with(|s| s.iter().find(|(i, _)| i == &id2).map(|(_, v)| v.clone()).unwrap_or_else(|| current.clone()))
            on:change=move |ev| { let v = event_target_value(&ev); let id = id.clone(); shown.update(|s| { s.retain(|(i, _)| i != &id); s.push((id, v)); }); }>
            {all.into_iter().map(|(v, label)| view! { <option value=v>{label}</option> }).collect_view()}
        </select>
    }
}

/// A version choice per layer with other boundary versions, and the switch that highlights
/// the changes (nothing when no layer has other versions).
pub(super) fn version_choices(
    state: AppState,
    shown: Chosen,
    highlight: RwSignal<bool>,
    l: Lang,
) -> Option<impl IntoView> {
    state.data.with(|d| {
        let ds = d.as_ref()?;
        let with_history: Vec<_> = ds.layers.iter().filter(|cur| ds.other_versions.iter().any(|o| o.spec.id == cur.spec.id)).collect();
        if with_history.is_empty() {
            return None;
        }
        Some(view! {
            {with_history.into_iter().map(|cur| version_select(ds, cur, shown, l)).collect_view()}
            <label class="switch">
                <input type="checkbox" prop:checked=move || highlight.get() on:change=move |ev| highlight.set(event_target_checked(&ev))/>
                {l.pick("نمایش تغییرات بین نسخه‌ها (سبز: افزوده، قرمز: حذف‌شده)", "Highlight changes between versions (green: added, red: removed)")}
            </label>
        })
    })
}
