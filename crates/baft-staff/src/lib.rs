//! The facilitation office's workbench for the browser (wasm-bindgen): loaded only by the
//! staff page (`www/staff/`), never by the owners' app, so owners never download it.
//!
//! The page fetches the site's data files ([`Workbench::site_files`]), the staff member opens a
//! local survey file (GeoJSON or FlatGeobuf) that never leaves the browser, and the workbench
//! designates the blocks, profiles the neighbourhoods and writes the dossier, the exports and
//! the outreach: the core's own functions, the same the `baft` CLI calls. The logic is in
//! [`workbench`] (plain Rust, tested natively); this file only converts to and from JS values.

pub mod site;
pub mod workbench;

use baft_core::designate::dossier::Paper;
use baft_core::Lang;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The per-capita targets file, relative to the manifest (the core's).
pub use baft_core::profile::TARGETS_FILE as TARGETS;

fn js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsError> {
    baft_web::to_js(v).map_err(|m| JsError::new(&m))
}

/// The workbench, for JavaScript.
#[wasm_bindgen]
pub struct Workbench(workbench::Workbench);

#[wasm_bindgen]
impl Workbench {
    /// From a city's `manifest.json` text; `lang` is `fa` (default) or `en` for messages;
    /// `city`, in a national deployment, the city's id in the catalogue ([`site_city`]).
    #[wasm_bindgen(constructor)]
    pub fn new(
        manifest: &str,
        lang: Option<String>,
        city: Option<String>,
    ) -> Result<Workbench, JsError> {
        let lang = baft_web::lang_or_default(lang.as_deref());
        workbench::Workbench::new(manifest, lang, city.as_deref())
            .map(Workbench)
            .map_err(|e| JsError::new(&e))
    }

    /// `[{path, binary}]`: the site's files to fetch, in order.
    #[wasm_bindgen(js_name = siteFiles)]
    pub fn site_files(&self) -> Result<JsValue, JsError> {
        js(&self.0.site_files())
    }

    /// Adds a fetched site file; returns its problems in words.
    #[wasm_bindgen(js_name = addSiteFile)]
    pub fn add_site_file(&mut self, path: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
        let problems = self
            .0
            .add_site_file(path, bytes)
            .map_err(|e| JsError::new(&e))?;
        js(&problems)
    }

    /// `[[id, {fa, en}]]`: the target neighbourhoods.
    pub fn neighbourhoods(&self) -> Result<JsValue, JsError> {
        js(&self.0.neighbourhoods())
    }

    /// Opens the survey file: `{plots, problems}`.
    #[wasm_bindgen(js_name = openSurvey)]
    pub fn open_survey(&mut self, name: &str, bytes: Vec<u8>) -> Result<JsValue, JsError> {
        let opened = self
            .0
            .open_survey(name, bytes)
            .map_err(|e| JsError::new(&e))?;
        js(&opened)
    }

    /// Designates the blocks: the core's `Designation` (settings, blocks, proposal).
    pub fn designate(&mut self) -> Result<JsValue, JsError> {
        js(&self.0.designate())
    }

    /// The last designation in sentences, `{fa, en}` (the core's summary, as `baft designate`
    /// prints it); `undefined` before one.
    pub fn summary(&self) -> Result<JsValue, JsError> {
        let Some(d) = self.0.designation() else {
            return Ok(JsValue::UNDEFINED);
        };
        let say = |lang| baft_core::designate::summary(d, lang).join(" ");
        js(&baft_core::base::LocalText::new(
            &say(Lang::Fa),
            &say(Lang::En),
        ))
    }

    /// Profiles the neighbourhoods: the core's profiles.
    pub fn profile(&mut self) -> Result<JsValue, JsError> {
        js(self.0.profile())
    }

    /// The dossier's HTML (`a3` or `a4`).
    pub fn dossier(&self, paper: &str) -> Option<String> {
        let paper = if paper == "a3" { Paper::A3 } else { Paper::A4 };
        self.0.dossier(paper, baft_web::today())
    }

    /// One neighbourhood's profile HTML.
    #[wasm_bindgen(js_name = profileHtml)]
    pub fn profile_html(&self, id: &str) -> Option<String> {
        self.0.profile_html(id, baft_web::today())
    }

    /// `[{name, mime, bytes}]`: every file to download, the outreach's links to `base_url`.
    pub fn downloads(&self, base_url: &str) -> Result<js_sys::Array, JsError> {
        let out = js_sys::Array::new();
        for d in self.0.downloads(base_url, baft_web::today()) {
            out.push(&download_js(d)?.into());
        }
        Ok(out)
    }

    /// `{name, mime, bytes}`: the owner letters of one neighbourhood, or `undefined` when none
    /// of its plots is in the fabric.
    pub fn letters(&mut self, id: &str, base_url: &str) -> Result<JsValue, JsError> {
        match self.0.letters(id, base_url, baft_web::today()) {
            Some(d) => download_js(d).map(Into::into),
            None => Ok(JsValue::UNDEFINED),
        }
    }
}

/// What to do with the site's `data/manifest.json` text, given the page's `?c=`:
/// `{kind: "single"}` (one city's manifest), `{kind: "city", id, name, folder}` (a national
/// catalogue's city to open) or `{kind: "choose", cities: [[id, {fa, en}]], why?}`
/// ([`site::site_city`]). A catalogue that does not read is an error in words.
#[wasm_bindgen(js_name = siteCity)]
pub fn site_city(text: &str, c: Option<String>, lang: Option<String>) -> Result<JsValue, JsError> {
    let lang = baft_web::lang_or_default(lang.as_deref());
    js(&site::site_city(text, c.as_deref(), lang).map_err(|e| JsError::new(&e))?)
}

/// A sentence's pieces, `[{kind: "text" | "id", text}]`: its ids and codes apart (the core's
/// [`baft_core::base::bidi::pieces`], as the owners' app uses), for the page to put each id in
/// its own left-to-right element.
#[wasm_bindgen]
pub fn pieces(text: &str) -> Result<JsValue, JsError> {
    js(&baft_core::base::bidi::pieces(text))
}

/// A file to download as `{name, mime, bytes}`.
fn download_js(d: workbench::Download) -> Result<js_sys::Object, JsError> {
    let o = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        js_sys::Reflect::set(&o, &k.into(), &v).map_err(|_| JsError::new("set"))
    };
    set("name", d.name.into())?;
    set("mime", d.mime.into())?;
    set("bytes", js_sys::Uint8Array::from(&d.bytes[..]).into())?;
    Ok(o)
}
