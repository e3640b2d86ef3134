//! Baft's engine for JavaScript (an ES module built with wasm-bindgen), without the UI.
//!
//! Data crosses into wasm as text and is parsed in Rust, never as JS objects.
//!
//! ```js
//! import init, { Baft } from './baft_js.js';
//! await init();
//! const baft = new Baft(await (await fetch('data/manifest.json')).text());
//! for (const file of baft.plannedFiles()) baft.addLayerText(file, await (await fetch('data/' + file)).text());
//! const answer = baft.checkText('35.7097, 51.1119');   // { input, result: { layers: [...] } }
//! ```

use baft_core::dataset::{planned_files, read_plot_outline, Dataset};
use baft_core::input::parse_location_with;
use baft_core::manifest::Manifest;
use baft_core::Lang;
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn js<T: Serialize>(v: &T) -> Result<JsValue, JsError> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Loaded data and the checks on it.
#[wasm_bindgen]
pub struct Baft {
    ds: Dataset,
    lang: Lang,
}

#[wasm_bindgen]
impl Baft {
    /// Starts from a manifest's text; then add each planned layer file with `addLayerText`.
    #[wasm_bindgen(constructor)]
    pub fn new(manifest_text: &str) -> Result<Baft, JsError> {
        let m = Manifest::parse(manifest_text).map_err(|errs| {
            JsError::new(
                &errs
                    .iter()
                    .map(|e| e.message(Lang::En))
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })?;
        Ok(Baft {
            ds: Dataset::new(m),
            lang: Lang::Fa,
        })
    }

    /// One GeoJSON file of zones, without a manifest.
    #[wasm_bindgen(js_name = fromZonesText)]
    pub fn from_zones_text(name: &str, text: &str) -> Result<Baft, JsError> {
        Dataset::from_single_file(name, text)
            .map(|ds| Baft { ds, lang: Lang::Fa })
            .map_err(|e| JsError::new(&e.message(Lang::En)))
    }

    /// The language of messages: "fa" (default) or "en".
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&mut self, lang: &str) {
        self.lang = Lang::parse(lang).unwrap_or_default();
    }

    /// The area the data covers: `[min_lon, min_lat, max_lon, max_lat]`.
    pub fn envelope(&self) -> Vec<f64> {
        self.ds.manifest.city.envelope.to_vec()
    }

    /// The layer files to fetch, relative to the manifest.
    #[wasm_bindgen(js_name = plannedFiles)]
    pub fn planned_files(&self) -> Vec<String> {
        planned_files(&self.ds.manifest)
            .into_iter()
            .map(|(_, _, f)| f)
            .collect()
    }

    /// Adds a planned layer file's text; returns the problems found (possibly empty).
    #[wasm_bindgen(js_name = addLayerText)]
    pub fn add_layer_text(&mut self, file: &str, text: &str) -> Result<JsValue, JsError> {
        let plan = planned_files(&self.ds.manifest);
        let (spec, version, _) = plan
            .iter()
            .find(|(_, _, f)| f == file)
            .ok_or_else(|| JsError::new(&format!("{file} is not a planned layer file")))?;
        let problems = self.ds.add_layer(spec, version, file, text);
        let msgs: Vec<String> = problems.iter().map(|p| p.message(self.lang)).collect();
        js(&msgs)
    }

    /// Checks a point given as lon, lat.
    #[wasm_bindgen(js_name = checkPoint)]
    pub fn check_point(&self, lon: f64, lat: f64) -> Result<JsValue, JsError> {
        js(&self.ds.check_point((lon, lat)))
    }

    /// Reads typed text (coordinates, UTM, DMS, geo: URI, map link) and checks it.
    #[wasm_bindgen(js_name = checkText)]
    pub fn check_text(&self, text: &str) -> Result<JsValue, JsError> {
        let loc = parse_location_with(text, self.ds.parse_options())
            .map_err(|e| JsError::new(&e.message(self.lang)))?;
        #[derive(Serialize)]
        struct Out<'a> {
            input: &'a baft_core::input::ParsedLocation,
            result: baft_core::check::PointReport,
        }
        js(&Out {
            input: &loc,
            result: self.ds.check_point(loc.lon_lat()),
        })
    }

    /// Checks a plot outline: GeoJSON text or corner lines.
    #[wasm_bindgen(js_name = checkPlot)]
    pub fn check_plot(&self, text: &str) -> Result<JsValue, JsError> {
        let rings = read_plot_outline(text, self.ds.parse_options())
            .map_err(|e| JsError::new(&e.message(self.lang)))?;
        let r = self
            .ds
            .check_plot(&rings)
            .map_err(|e| JsError::new(&e.message(self.lang)))?;
        js(&r)
    }

    /// Checks many points at once (`[lon0, lat0, lon1, lat1, …]`) and returns, per point and
    /// layer, a status code: 0 outside, 1 on the boundary, 2 inside. For bulk use and for
    /// measuring the engine without the cost of building JS objects.
    #[wasm_bindgen(js_name = statusCodes)]
    pub fn status_codes(&self, lon_lat: &[f64]) -> Vec<u8> {
        use baft_core::check::PointStatus::*;
        let mut out = Vec::with_capacity(lon_lat.len() / 2 * self.ds.layers.len());
        for p in lon_lat.chunks_exact(2) {
            for l in self.ds.check_point((p[0], p[1])).layers {
                out.push(match l.status {
                    Outside => 0,
                    OnBoundary => 1,
                    Inside => 2,
                });
            }
        }
        out
    }
}
