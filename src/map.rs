//! The map: Leaflet from npm, self-hosted in `dist`, driven through `www/map.js`.
//!
//! Leaflet is a well-kept, small (≈40 KB gzip), touch-friendly map library with canvas
//! rendering for vector layers and an optional raster basemap. The container is LTR.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/www/map.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = mapCreate)]
    pub fn map_create(
        el: &web_sys::HtmlElement,
        lat: f64,
        lon: f64,
        zoom: f64,
        on_click: &JsValue,
        aria_label: &str,
        on_ready: &JsValue,
    ) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_name = mapSetZoomLabels)]
    pub fn map_set_zoom_labels(zoom_in: &str, zoom_out: &str);
    #[wasm_bindgen(js_name = mapSetLabel)]
    pub fn map_set_label(el: &web_sys::HtmlElement, aria_label: &str);
    #[wasm_bindgen(catch, js_name = mapSetLayer)]
    pub fn map_set_layer(
        id: &str,
        geojson: &str,
        colour: &str,
        visible: bool,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(js_name = mapShowLayer)]
    pub fn map_show_layer(id: &str, visible: bool);
    #[wasm_bindgen(js_name = mapShowPoint)]
    pub fn map_show_point(lat: f64, lon: f64, pan: bool, accuracy_m: f64);
    #[wasm_bindgen(catch, js_name = mapShowPlot)]
    pub fn map_show_plot(geojson: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(js_name = mapSetBasemap)]
    pub fn map_set_basemap(url: &str, attribution: &str, max_zoom: f64, on: bool);
    #[wasm_bindgen(js_name = mapFit)]
    pub fn map_fit(min_lon: f64, min_lat: f64, max_lon: f64, max_lat: f64);
    #[wasm_bindgen(js_name = mapCenter)]
    pub fn map_center() -> Vec<f64>;
    #[wasm_bindgen(catch, js_name = mapSetParcels)]
    pub fn map_set_parcels(geojson: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(js_name = mapOnView)]
    pub fn map_on_view(callback: &JsValue);
    #[wasm_bindgen(catch, js_name = mapShowChanges)]
    pub fn map_show_changes(geojson: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_name = mapSetStreets)]
    pub fn map_set_streets(geojson: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_name = mapShowStreet)]
    pub fn map_show_street(geojson: &str) -> Result<(), JsValue>;
}

/// The streets layer as GeoJSON for drawing: each street's lines (or point) with its `label` in
/// `lang` and its `kind`, and the neighbourhoods' names (`kind` `neighbourhood`, a point each,
/// labelled only) (map.js places the labels in view).
pub fn streets_geojson(
    streets: &baft_core::layer::streets::Streets,
    places: &[(String, (f64, f64))],
    lang: baft_core::Lang,
) -> String {
    let features: Vec<serde_json::Value> = streets
        .items
        .iter()
        .map(|s| street_feature(s, lang))
        .chain(places.iter().map(|(label, (lon, lat))| {
            serde_json::json!({
                "type": "Feature",
                "properties": {"label": label, "kind": "neighbourhood"},
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
            })
        }))
        .collect();
    serde_json::json!({"type": "FeatureCollection", "features": features}).to_string()
}

/// The target neighbourhoods' names in `lang`, each at a point inside it: labelled with the
/// streets, as what owners call the place.
pub fn neighbourhood_names(
    layers: &[baft_core::layer::Layer],
    lang: baft_core::Lang,
) -> Vec<(String, (f64, f64))> {
    use baft_core::read::manifest::LayerKind;
    (layers.iter())
        .filter(|l| l.spec.kind == LayerKind::TargetNeighbourhood)
        .flat_map(|l| l.zones.iter())
        .filter_map(|z| {
            let at = baft_core::geometry::interior::interior_point(&z.lon_lat)?;
            Some((z.name.get(lang).to_string(), at))
        })
        .filter(|(name, _)| !name.is_empty())
        .collect()
}

/// One street as a GeoJSON feature (see [`streets_geojson`]).
pub fn street_feature(
    s: &baft_core::layer::streets::Street,
    lang: baft_core::Lang,
) -> serde_json::Value {
    let line = |l: &Vec<(f64, f64)>| l.iter().map(|p| [p.0, p.1]).collect::<Vec<_>>();
    let geometry = if s.lines.is_empty() {
        serde_json::json!({"type": "Point", "coordinates": [s.anchor.0, s.anchor.1]})
    } else {
        serde_json::json!({"type": "MultiLineString", "coordinates": s.lines.iter().map(line).collect::<Vec<_>>()})
    };
    serde_json::json!({
        "type": "Feature",
        "properties": {"label": s.name.get(lang), "kind": s.kind},
        "geometry": geometry,
    })
}

/// A plot's rings (lon, lat) as a GeoJSON Polygon for drawing.
pub fn rings_geojson(rings: &[Vec<(f64, f64)>]) -> String {
    baft_core::layer::polygon_geojson(rings)
}
