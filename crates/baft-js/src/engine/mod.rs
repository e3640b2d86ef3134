//! The JS API's logic in plain Rust (no JS types), so that it is tested natively: which files a
//! manifest lists and what each is for, adding them, and one answer object per check.
//!
//! Errors are messages in the engine's language; `lib.rs` turns them into `JsError`s.

use crate::answer::{self, Answer};
use baft_core::answer::search::{search, Found};
use baft_core::base::jalali::{GregorianDate, JalaliDate};
use baft_core::dataset::{other_version_files, planned_files, read_plot_outline, Dataset};
use baft_core::error::ProblemKind;
use baft_core::packages::{FactSource, PlotFacts};
use baft_core::read::manifest::{BoundaryVersion, LayerSpec, Manifest};
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
    Parcels,
}

/// A file the manifest lists, as `files()` returns it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FileEntry {
    /// Relative to the manifest.
    pub path: String,
    pub kind: FileKind,
    /// Fetch as bytes (a `.baftpack`), not as text.
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
    problems: Vec<Problem>,
}

fn manifest_errors(errs: &[baft_core::read::manifest::ManifestError], lang: Lang) -> String {
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
            let detail = problems.first().map(|p| p.what(lang)).unwrap_or_else(|| {
                lang.pick("عارضهٔ قابل‌استفاده‌ای ندارد", "no usable feature")
                    .into()
            });
            return Err(BaftError::Data {
                file: name.into(),
                detail,
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
        }
    }

    /// Sets the date packages are evaluated on: Jalali (`1405/09/05`) or ISO (`2026-11-26`);
    /// empty for today.
    pub fn set_date(&mut self, text: &str) -> Result<(), String> {
        if text.trim().is_empty() {
            self.date = None;
            return Ok(());
        }
        let d = JalaliDate::parse(text)
            .map(JalaliDate::to_gregorian)
            .or_else(|| GregorianDate::parse_iso(text.trim()))
            .ok_or_else(|| {
                self.lang
                    .pick(
                        "تاریخ باید شمسی (۱۴۰۵/۰۹/۰۵) یا میلادی (2026-11-26) باشد",
                        "the date must be Jalali (1405/09/05) or ISO (2026-11-26)",
                    )
                    .to_string()
            })?;
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

    /// The user's facts on top of the check's, then the assumed defaults; and the packages'
    /// evaluation when the data has packages.
    fn with_facts(
        &self,
        mut base: PlotFacts,
        user: Option<&str>,
        today: GregorianDate,
    ) -> Result<(PlotFacts, Option<baft_core::packages::Evaluation>), String> {
        if let Some(t) = user {
            base.set_from_text(t, FactSource::User)
                .map_err(|e| e.message(self.lang))?;
        }
        let facts = base.with_assumed_defaults();
        let eval = self.ds.incentives(&facts, today);
        Ok((facts, eval))
    }

    /// Reads what the app's search box reads and checks it: coordinates (any digits, decimal,
    /// DMS, UTM), `geo:` URIs and map links, plates and renovation codes, zone names; three or
    /// more lines (corners) or GeoJSON text are a plot outline.
    pub fn check(
        &self,
        text: &str,
        facts: Option<&str>,
        today: GregorianDate,
    ) -> Result<Answer, String> {
        let lang = self.lang;
        let t = text.trim_start_matches('\u{FEFF}').trim_start();
        let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
        if t.starts_with('{') || lines >= 3 {
            return self.check_plot(text, facts, today);
        }
        match search(&self.ds, text).map_err(|e| e.message(lang))? {
            Found::Location(loc) => self.point(loc.lon_lat(), Some(loc), facts, today),
            Found::Parcels(v) => match v.as_slice() {
                [i] => self.check_parcel(*i, facts, today),
                _ => {
                    // Facts are read even when there is nothing to apply them to yet, so that
                    // a typo is reported at once.
                    self.with_facts(PlotFacts::default(), facts, today)?;
                    Ok(answer::parcel_choices(self, &v))
                }
            },
            Found::Zones(z) => match z.as_slice() {
                [one] => {
                    let [lon, lat] = one.interior_point;
                    self.point((lon, lat), None, facts, today)
                }
                _ => {
                    self.with_facts(PlotFacts::default(), facts, today)?;
                    Ok(answer::zone_choices(self, &z))
                }
            },
        }
    }

    /// Checks a point given as lon, lat (degrees).
    pub fn check_point(
        &self,
        lon: f64,
        lat: f64,
        facts: Option<&str>,
        today: GregorianDate,
    ) -> Result<Answer, String> {
        self.point((lon, lat), None, facts, today)
    }

    fn point(
        &self,
        (lon, lat): (f64, f64),
        input: Option<baft_core::input::ParsedLocation>,
        facts: Option<&str>,
        today: GregorianDate,
    ) -> Result<Answer, String> {
        if !(lon.is_finite() && lat.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0) {
            return Err(BaftError::OutOfRange { lat, lon }.message(self.lang));
        }
        let report = self.ds.check_point((lon, lat));
        let (facts, eval) = self.with_facts(PlotFacts::from_point(&report), facts, today)?;
        Ok(answer::point(self, report, input, facts, eval))
    }

    /// Checks a plot outline: GeoJSON text (lon/lat or UTM) or corner lines.
    pub fn check_plot(
        &self,
        text: &str,
        facts: Option<&str>,
        today: GregorianDate,
    ) -> Result<Answer, String> {
        let lang = self.lang;
        let rings =
            read_plot_outline(text, self.ds.parse_options()).map_err(|e| e.message(lang))?;
        let report = self.ds.check_plot(&rings).map_err(|e| e.message(lang))?;
        let (facts, eval) = self.with_facts(PlotFacts::from_plot(&report), facts, today)?;
        Ok(answer::plot(self, report, None, facts, eval))
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
        if !(lon.is_finite() && lat.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0) {
            return None;
        }
        let parcels = self.ds.parcels.as_ref()?;
        let (x, y) = self.ds.frame.forward(lon, lat);
        parcels.at(x, y)
    }

    /// Checks plot `index` of the parcel layer (as listed in a `choices` answer); its survey
    /// attributes become facts.
    pub fn check_parcel(
        &self,
        index: usize,
        facts: Option<&str>,
        today: GregorianDate,
    ) -> Result<Answer, String> {
        let lang = self.lang;
        let parcels = self
            .ds
            .parcels
            .as_ref()
            .ok_or_else(|| BaftError::NoParcelLayer.message(lang))?;
        let not_found = || {
            BaftError::PlotNotFound {
                text: index.to_string(),
            }
            .message(lang)
        };
        if index >= parcels.len() {
            return Err(not_found());
        }
        let year = JalaliDate::from_gregorian(today).year;
        let (report, base) = self.ds.check_parcel(index, year).ok_or_else(not_found)?;
        let (facts, eval) = self.with_facts(base, facts, today)?;
        Ok(answer::plot(self, report, Some(index), facts, eval))
    }
}

mod files;
#[cfg(test)]
mod tests;
