//! The JS API's logic in plain Rust (no JS types), so that it is tested natively: which files a
//! manifest lists and what each is for, adding them, and one answer object per check.
//!
//! Errors are messages in the engine's language; `lib.rs` turns them into `JsError`s.

use crate::answer::{self, Answer};
use baft_core::answer::{answer, Ask, Question};
use baft_core::base::jalali::GregorianDate;
use baft_core::dataset::{read_plot_outline, Dataset};
use baft_core::error::ProblemKind;
use baft_core::read::manifest::Manifest;
use baft_core::{BaftError, Lang, Problem};
use serde::Serialize;

/// What a data file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// A layer's current boundary version.
    Layer,
    /// Another (older or newer) boundary version of a layer.
    Version,
    Packages,
    Offices,
    /// The streets reference layer (searched by name).
    Streets,
    Parcels,
}

/// A file the manifest lists, as `files()` returns it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FileEntry {
    /// Relative to the manifest.
    pub path: String,
    pub kind: FileKind,
    /// Fetch as bytes (a FlatGeobuf `.fgb`), not as text.
    pub binary: bool,
    /// The layer id, for layer and version files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<String>,
    /// The boundary version id, for layer and version files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// A file's contents as they crossed from JS.
pub enum Body<'a> {
    Text(&'a str),
    Bytes(&'a [u8]),
    /// Bytes handed over: a FlatGeobuf parcel layer is kept and read in place.
    Owned(Vec<u8>),
}

/// A loaded layer, as `layers()` returns it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerInfo {
    pub id: String,
    pub kind: baft_core::read::manifest::LayerKind,
    pub name: baft_core::read::manifest::LocalText,
    pub colour: String,
    /// The version checks use (the current one), when the manifest names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<answer::VersionAnswer>,
    /// Its file has been added and has usable features.
    pub loaded: bool,
}

/// Loaded data, the language of messages, the date packages are evaluated on, and the problems
/// found in the files added so far.
pub struct Engine {
    pub ds: Dataset,
    pub lang: Lang,
    /// Evaluate packages on this date instead of today.
    pub date: Option<GregorianDate>,
    pub(crate) problems: Vec<Problem>,
    /// The parcel layer, while it is read by range requests.
    pub(crate) remote: Option<ranges::RemoteParcels>,
}

fn manifest_errors(errs: &[baft_core::FieldError], lang: Lang) -> String {
    errs.iter()
        .map(|e| e.message(lang))
        .collect::<Vec<_>>()
        .join("; ")
}

impl Engine {
    /// Starts from a manifest's text.
    pub fn new(manifest_text: &str, lang: Lang) -> Result<Engine, String> {
        let m = Manifest::parse(manifest_text).map_err(|errs| manifest_errors(&errs, lang))?;
        Ok(Engine::with(Dataset::new(m), lang))
    }

    /// One GeoJSON file of zones, without a manifest.
    pub fn from_zones(name: &str, text: &str, lang: Lang) -> Result<Engine, String> {
        let (ds, problems) =
            Dataset::from_single_file_with_problems(name, text).map_err(|e| e.message(lang))?;
        if !ds.layers.iter().any(|l| l.is_usable()) {
            // The same refusal as `Dataset::from_single_file`, in the caller's language.
            return Err(BaftError::UnusableFile {
                file: name.into(),
                problem: problems.into_iter().next().map(Box::new),
            }
            .message(lang));
        }
        let mut e = Engine::with(ds, lang);
        e.problems = problems;
        Ok(e)
    }

    fn with(ds: Dataset, lang: Lang) -> Engine {
        Engine {
            ds,
            lang,
            date: None,
            problems: Vec::new(),
            remote: None,
        }
    }

    /// Sets the date packages are evaluated on: Jalali (`1405/09/05`) or ISO (`2026-11-26`);
    /// empty for today.
    pub fn set_date(&mut self, text: &str) -> Result<(), String> {
        if text.trim().is_empty() {
            self.date = None;
            return Ok(());
        }
        let d = GregorianDate::parse_day(text)
            .ok_or_else(|| baft_core::base::jalali::day_error(self.lang).to_string())?;
        self.date = Some(d);
        Ok(())
    }

    /// Every problem found so far, in the engine's language.
    pub fn problems(&self) -> Vec<String> {
        self.messages(&self.problems)
    }

    pub fn messages(&self, problems: &[Problem]) -> Vec<String> {
        problems.iter().map(|p| p.message(self.lang)).collect()
    }

    /// The manifest's layers, with the version checks use and whether it is loaded.
    pub fn layers(&self) -> Vec<LayerInfo> {
        self.ds
            .manifest
            .layers
            .iter()
            .map(|l| LayerInfo {
                id: l.id.clone(),
                kind: l.kind,
                name: l.name.clone(),
                colour: l.colour.clone(),
                version: l.current_version().map(|v| answer::VersionAnswer {
                    id: v.id.clone(),
                    title: v.title.clone(),
                    approved: v.approved.clone(),
                    approved_by: v.approved_by.clone(),
                }),
                loaded: self
                    .ds
                    .layers
                    .iter()
                    .any(|x| x.spec.id == l.id && x.is_usable()),
            })
            .collect()
    }

    /// Asks the core and renders its answer in the engine's language.
    fn ask(
        &self,
        question: Question,
        facts: Option<&str>,
        today: GregorianDate,
    ) -> Result<Answer, String> {
        let ask = Ask { facts, today };
        answer(&self.ds, question, &ask)
            .map(|a| crate::answer::render(&self.ds, self.lang, a))
            .map_err(|e| e.message(self.lang))
    }

    /// Reads what the app's search box reads and answers it (the core's `search`): coordinates
    /// (any digits, decimal, DMS, UTM), `geo:` URIs and map links, plot ids, plates and
    /// renovation codes, zone ids and names; three or more lines (corners) or GeoJSON text are
    /// a plot outline.
    pub fn check(
        &self,
        text: &str,
        facts: Option<&str>,
        today: GregorianDate,
    ) -> Result<Answer, String> {
        self.ask(Question::Text(text), facts, today)
    }

    /// Checks a point given as lon, lat (degrees).
    pub fn check_point(
        &self,
        lon: f64,
        lat: f64,
        facts: Option<&str>,
        today: GregorianDate,
    ) -> Result<Answer, String> {
        self.ask(Question::Point { lon, lat }, facts, today)
    }

    /// Checks a plot outline: GeoJSON text (lon/lat or UTM) or corner lines.
    pub fn check_plot(
        &self,
        text: &str,
        facts: Option<&str>,
        today: GregorianDate,
    ) -> Result<Answer, String> {
        let rings =
            read_plot_outline(text, self.ds.parse_options()).map_err(|e| e.message(self.lang))?;
        self.ask(Question::Outline(rings), facts, today)
    }

    /// The number of plots in the parcel layer (0 before it is added).
    pub fn parcel_count(&self) -> usize {
        self.ds.parcels.as_ref().map_or(0, |p| p.len())
    }

    /// The loaded layers' ids, in the order [`Self::locate_into`] reports them.
    pub fn locate_layers(&self) -> Vec<String> {
        self.usable_layers().map(|l| l.spec.id.clone()).collect()
    }

    /// A loaded layer's zone ids, in the order of the zone indexes [`Self::locate_into`] gives.
    pub fn zone_ids(&self, layer: &str) -> Option<Vec<String>> {
        self.usable_layers()
            .find(|l| l.spec.id == layer)
            .map(|l| l.zones.iter().map(|z| z.id.clone()).collect())
    }

    fn usable_layers(&self) -> impl Iterator<Item = &baft_core::layer::Layer> {
        self.ds.layers.iter().filter(|l| l.is_usable())
    }

    /// The lean point query ([`baft_core::dataset::Dataset::locate`]) appended to `out` as
    /// numbers: the plot under the point (−1 for none), then per loaded layer (in
    /// [`Self::locate_layers`]' order) its status (0 outside, 1 on the boundary, 2 inside) and
    /// the index of a zone holding the point (−1 when outside). `1 + 2 × layers` numbers.
    pub fn locate_into(&self, lon: f64, lat: f64, out: &mut Vec<i32>) {
        let at = out.len();
        out.push(-1);
        let plot = self.ds.locate((lon, lat), |m| {
            out.push(i32::from(m.status.code()));
            out.push(m.zone.map_or(-1, |z| z as i32));
        });
        if let Some(i) = plot {
            out[at] = i as i32;
        }
    }

    /// The parcel-layer plot holding a point given as lon, lat (degrees): its index, for
    /// [`Self::check_parcel`]. None outside every plot, for an invalid point, or without parcels.
    pub fn parcel_at(&self, lon: f64, lat: f64) -> Option<usize> {
        self.ds.parcel_at((lon, lat))
    }

    /// Checks plot `index` of the parcel layer (as listed in a `choices` answer); its survey
    /// attributes become facts.
    pub fn check_parcel(
        &self,
        index: usize,
        facts: Option<&str>,
        today: GregorianDate,
    ) -> Result<Answer, String> {
        self.ask(Question::Parcel(index), facts, today)
    }
}

mod files;
mod ranges;
#[cfg(test)]
mod tests;
