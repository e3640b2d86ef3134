//! Baft's engine for JavaScript (an ES module built with wasm-bindgen), without the UI.
//!
//! Data crosses into wasm as text or bytes and is parsed in Rust, never as JS objects. Most
//! integrators use the small wrapper `www/js-api/baft.mjs` (`loadBaft`), typed by
//! `www/js-api/baft.d.ts` and documented in `docs/js-api.md`:
//!
//! ```js
//! import init, { Baft } from './baft_js.js';
//! await init();
//! const baft = new Baft(await (await fetch('data/manifest.json')).text(), 'en');
//! for (const f of baft.files()) {
//!   const r = await fetch('data/' + f.path);
//!   if (f.binary) baft.addFileBytes(f.path, new Uint8Array(await r.arrayBuffer()));
//!   else baft.addFileText(f.path, await r.text());
//! }
//! const answer = baft.check('35.6951, 51.0946', 'area=150,street=8');
//! // { kind: 'point', layers: [{ id, status, version, … }], packages: [{ id, verdict, … }], … }
//! ```
//!
//! The logic lives in [`engine`] and [`answer`] (plain Rust, tested natively); this file only
//! converts to and from JS values. Errors are `JsError`s with the message in the language set
//! by `setLanguage` (Persian by default).

pub mod answer;
pub mod engine;
pub mod national;
mod ranges;

use baft_core::base::bidi::isolated;
use baft_core::base::jalali::GregorianDate;
use baft_core::{say, Lang};
use engine::{Body, Engine};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A result as a JS value (one JSON text, parsed by the browser: see [`baft_web::to_js`]).
fn js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsError> {
    baft_web::to_js(v).map_err(|m| error(&m))
}

/// A message as a thrown `Error`, its ids and codes kept whole in a right-to-left page
/// ([`baft_core::base::bidi::isolated`]).
fn error(m: &str) -> JsError {
    JsError::new(&isolated(m))
}

/// An answer of the engine's checks as a JS value, or its message as a `JsError`.
fn answer_js(a: Result<answer::Answer, String>) -> Result<JsValue, JsError> {
    js(&a.map_err(|m| error(&m))?)
}

fn lang_of(lang: Option<String>) -> Lang {
    baft_web::lang_or_default(lang.as_deref())
}

/// Loaded data and the checks on it.
#[wasm_bindgen]
pub struct Baft {
    e: Engine,
}

impl Baft {
    fn today(&self) -> GregorianDate {
        self.e.date.unwrap_or_else(baft_web::today)
    }

    fn add(&mut self, path: &str, body: Body) -> Result<JsValue, JsError> {
        let problems = self.e.add_file(path, body).map_err(|m| error(&m))?;
        let messages: Vec<String> = self
            .e
            .messages(&problems)
            .iter()
            .map(|m| isolated(m))
            .collect();
        js(&messages)
    }
}

#[wasm_bindgen]
impl Baft {
    /// Starts from a manifest's text; then add each file of `files()`. `lang` ("fa", the
    /// default, or "en") is the language of messages, as with `setLanguage`.
    #[wasm_bindgen(constructor)]
    pub fn new(manifest_text: &str, lang: Option<String>) -> Result<Baft, JsError> {
        Engine::new(manifest_text, lang_of(lang))
            .map(|e| Baft { e })
            .map_err(|m| error(&m))
    }

    /// One GeoJSON file of zones, without a manifest (one layer, id "zones").
    #[wasm_bindgen(js_name = fromZonesText)]
    pub fn from_zones_text(name: &str, text: &str, lang: Option<String>) -> Result<Baft, JsError> {
        Engine::from_zones(name, text, lang_of(lang))
            .map(|e| Baft { e })
            .map_err(|m| error(&m))
    }

    /// The language of messages and sentences: "fa" (default) or "en".
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&mut self, lang: &str) {
        self.e.lang = baft_web::lang_or_default(Some(lang));
    }

    /// The language in use: "fa" or "en".
    #[wasm_bindgen(getter)]
    pub fn language(&self) -> String {
        self.e.lang.code().into()
    }

    /// Evaluates packages on this date (Jalali `1405/09/05` or ISO `2026-11-26`) instead of
    /// today; empty or absent for today again.
    #[wasm_bindgen(js_name = setDate)]
    pub fn set_date(&mut self, date: Option<String>) -> Result<(), JsError> {
        self.e
            .set_date(date.as_deref().unwrap_or(""))
            .map_err(|m| error(&m))
    }

    /// The data release label (manifest `data_version`).
    #[wasm_bindgen(getter, js_name = dataVersion)]
    pub fn data_version(&self) -> String {
        self.e.ds.manifest.data_version.clone()
    }

    /// Whether the data is a synthetic sample (say so to users).
    #[wasm_bindgen(getter, js_name = sampleData)]
    pub fn sample_data(&self) -> bool {
        self.e.ds.manifest.sample_data
    }

    /// The data's title, `{ fa, en }`.
    pub fn title(&self) -> Result<JsValue, JsError> {
        js(&self.e.ds.manifest.title)
    }

    /// The area the data covers: `[min_lon, min_lat, max_lon, max_lat]`.
    pub fn envelope(&self) -> Vec<f64> {
        self.e.ds.manifest.city.envelope.to_vec()
    }

    /// The current layer files (a subset of `files()`), relative to the manifest.
    #[wasm_bindgen(js_name = plannedFiles)]
    pub fn planned_files(&self) -> Vec<String> {
        self.e
            .files()
            .into_iter()
            .filter(|f| f.kind == engine::FileKind::Layer)
            .map(|f| f.path)
            .collect()
    }

    /// Every file the manifest lists, `{ path, kind, binary, layer?, version? }`, in the order
    /// the app loads them (current layer versions first, the parcel layer last).
    pub fn files(&self) -> Result<JsValue, JsError> {
        js(&self.e.files())
    }

    /// Adds a current layer file's text; returns the problems found (possibly none).
    #[wasm_bindgen(js_name = addLayerText)]
    pub fn add_layer_text(&mut self, file: &str, text: &str) -> Result<JsValue, JsError> {
        let is_layer = self
            .e
            .files()
            .iter()
            .any(|f| f.path == file && f.kind == engine::FileKind::Layer);
        if !is_layer {
            return Err(error(&say!(
                self.e.lang,
                "«{file}» فایل نسخهٔ جاری هیچ لایه‌ای نیست",
                "“{file}” is not a current layer file"
            )));
        }
        self.add(file, Body::Text(text))
    }

    /// Adds a listed file's text (layer, other version, packages, offices, GeoJSON parcels);
    /// returns the problems found in it, in the API's language.
    #[wasm_bindgen(js_name = addFileText)]
    pub fn add_file_text(&mut self, path: &str, text: &str) -> Result<JsValue, JsError> {
        self.add(path, Body::Text(text))
    }

    /// Adds a listed file's bytes (required for a FlatGeobuf `.fgb`; text files are read as UTF-8).
    /// A FlatGeobuf parcel layer with an index, in lon/lat, is kept as it is and read in place:
    /// ready at once, its plots decoded only when a question needs them.
    #[wasm_bindgen(js_name = addFileBytes)]
    pub fn add_file_bytes(&mut self, path: &str, bytes: Vec<u8>) -> Result<JsValue, JsError> {
        self.add(path, Body::Owned(bytes))
    }

    /// Records that a file could not be fetched; returns that problem as a message.
    #[wasm_bindgen(js_name = addFileError)]
    pub fn add_file_error(&mut self, path: &str, detail: &str) -> String {
        let p = self.e.add_file_error(path, detail);
        isolated(&p.message(self.e.lang))
    }

    /// Every problem found in the files added so far, in the API's language.
    pub fn problems(&self) -> Vec<String> {
        self.e.problems().iter().map(|m| isolated(m)).collect()
    }

    /// The manifest's layers: `{ id, kind, name, colour, version?, loaded }`.
    pub fn layers(&self) -> Result<JsValue, JsError> {
        js(&self.e.layers())
    }

    /// Reads anything the app's search box reads and checks it: coordinates (Persian or Latin
    /// digits, decimal, DMS, UTM), `geo:` and map links, plates, renovation codes, zone names;
    /// three or more lines (corners) or GeoJSON are a plot outline. `facts` is optional text
    /// like `area=150,street=8,units=3`.
    pub fn check(&self, text: &str, facts: Option<String>) -> Result<JsValue, JsError> {
        let a = self.e.check(text, facts.as_deref(), self.today());
        answer_js(a)
    }

    /// Checks a point given as lon, lat (degrees).
    #[wasm_bindgen(js_name = checkPoint)]
    pub fn check_point(
        &self,
        lon: f64,
        lat: f64,
        facts: Option<String>,
    ) -> Result<JsValue, JsError> {
        let a = self.e.check_point(lon, lat, facts.as_deref(), self.today());
        answer_js(a)
    }

    /// Checks a plot outline: GeoJSON text (lon/lat, or UTM) or corner lines.
    #[wasm_bindgen(js_name = checkPlot)]
    pub fn check_plot(&self, text: &str, facts: Option<String>) -> Result<JsValue, JsError> {
        let a = self.e.check_plot(text, facts.as_deref(), self.today());
        answer_js(a)
    }

    /// Checks plot `index` of the parcel layer (from a `choices` answer).
    #[wasm_bindgen(js_name = checkParcel)]
    pub fn check_parcel(&self, index: u32, facts: Option<String>) -> Result<JsValue, JsError> {
        let a = self
            .e
            .check_parcel(index as usize, facts.as_deref(), self.today());
        answer_js(a)
    }

    /// The lean plot query: plot `index` of the parcel layer, its percentage inside each loaded
    /// layer in `locateLayers()` order (a `Float64Array`; empty without a parcel layer or past its
    /// last plot). The same percentages as `checkParcel`'s `layers[].percent`, unrounded, without
    /// the rest of the answer: for checking many plots at once.
    #[wasm_bindgen(js_name = parcelShares)]
    pub fn parcel_shares(&self, index: u32) -> Vec<f64> {
        self.e
            .ds
            .parcel_shares(index as usize)
            .map_or_else(Vec::new, |s| s.into_iter().map(|x| x * 100.0).collect())
    }

    /// How many plots the parcel layer has (0 before it is added).
    #[wasm_bindgen(getter, js_name = parcelCount)]
    pub fn parcel_count(&self) -> u32 {
        self.e.parcel_count() as u32
    }

    /// The parcel-layer plot under a point given as lon, lat (degrees): its index, for
    /// `checkParcel`; undefined when no plot holds the point (or there is no parcel layer).
    #[wasm_bindgen(js_name = parcelAt)]
    pub fn parcel_at(&self, lon: f64, lat: f64) -> Option<u32> {
        self.e.parcel_at(lon, lat).map(|i| i as u32)
    }

    /// Checks many points at once (`[lon0, lat0, lon1, lat1, …]`) and returns, per point and
    /// loaded layer, a status code: 0 outside, 1 on the boundary, 2 inside (0 for a point that
    /// isn't a valid lon/lat). For bulk use and for measuring the engine without the cost of
    /// building JS objects.
    #[wasm_bindgen(js_name = statusCodes)]
    pub fn status_codes(&self, lon_lat: &[f64]) -> Vec<u8> {
        let mut out = Vec::with_capacity(lon_lat.len() / 2 * 3);
        for p in lon_lat.chunks_exact(2) {
            self.e
                .ds
                .locate((p[0], p[1]), |m| out.push(m.status.code()));
        }
        out
    }

    /// The lean point query: which plot and which zone of each layer hold a point, as numbers
    /// (an `Int32Array`): the plot index (−1 for none), then per loaded layer, in
    /// `locateLayers()` order, its status (0 outside, 1 on the boundary, 2 inside) and the index
    /// of a zone holding the point in `zoneIds(layer)` (−1 when outside). The same statuses as
    /// `checkPoint`, without names, sentences or distances: for maps that colour many points,
    /// and forms that only need the ids.
    pub fn locate(&self, lon: f64, lat: f64) -> Vec<i32> {
        let mut out = Vec::with_capacity(7);
        self.e.locate_into(lon, lat, &mut out);
        out
    }

    /// `locate` for many points (`[lon0, lat0, lon1, lat1, …]`), the answers one after another
    /// (`1 + 2 × layers` numbers each).
    #[wasm_bindgen(js_name = locateMany)]
    pub fn locate_many(&self, lon_lat: &[f64]) -> Vec<i32> {
        let mut out = Vec::with_capacity(lon_lat.len() / 2 * 7);
        for p in lon_lat.chunks_exact(2) {
            self.e.locate_into(p[0], p[1], &mut out);
        }
        out
    }

    /// The loaded layers' ids, in the order `locate` reports them.
    #[wasm_bindgen(js_name = locateLayers)]
    pub fn locate_layers(&self) -> Vec<String> {
        self.e.locate_layers()
    }

    /// A loaded layer's zone ids (block codes), indexed as `locate` gives them.
    #[wasm_bindgen(js_name = zoneIds)]
    pub fn zone_ids(&self, layer: &str) -> Result<Vec<String>, JsError> {
        self.e.zone_ids(layer).ok_or_else(|| {
            error(&say!(
                self.e.lang,
                "لایهٔ «{layer}» بارگذاری نشده است",
                "no loaded layer \"{layer}\""
            ))
        })
    }
}
