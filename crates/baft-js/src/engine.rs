//! The JS API's logic in plain Rust (no JS types), so that it is tested natively: which files a
//! manifest lists and what each is for, adding them, and one answer object per check.
//!
//! Errors are messages in the engine's language; `lib.rs` turns them into `JsError`s.

use crate::answer::{self, Answer};
use baft_core::dataset::{other_version_files, planned_files, read_plot_outline, Dataset};
use baft_core::error::ProblemKind;
use baft_core::jalali::{GregorianDate, JalaliDate};
use baft_core::manifest::{BoundaryVersion, LayerSpec, Manifest};
use baft_core::packages::{FactSource, PlotFacts};
use baft_core::search::{search, Found};
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

/// What to do with a file's contents.
enum Role {
    Layer(LayerSpec, BoundaryVersion),
    Version(LayerSpec, BoundaryVersion),
    Packages,
    Offices,
    Parcels,
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
    pub kind: baft_core::manifest::LayerKind,
    pub name: baft_core::manifest::LocalText,
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

fn manifest_errors(errs: &[baft_core::manifest::ManifestError], lang: Lang) -> String {
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

    fn roles(&self) -> Vec<(FileEntry, Role)> {
        let m = &self.ds.manifest;
        let entry = |path: &str, kind, l: Option<(&LayerSpec, &BoundaryVersion)>| FileEntry {
            path: path.into(),
            kind,
            binary: kind == FileKind::Parcels && baft_core::pack::is_pack(path),
            layer: l.map(|(s, _)| s.id.clone()),
            version: l.map(|(_, v)| v.id.clone()),
        };
        // The app's order: current versions first, then the small files, then older versions
        // and the (large) parcel layer.
        let mut v = Vec::new();
        for (s, ver, f) in planned_files(m) {
            v.push((
                entry(&f, FileKind::Layer, Some((&s, &ver))),
                Role::Layer(s, ver),
            ));
        }
        if let Some(p) = &m.packages {
            v.push((entry(p, FileKind::Packages, None), Role::Packages));
        }
        if let Some(o) = &m.offices {
            v.push((entry(o, FileKind::Offices, None), Role::Offices));
        }
        for (s, ver, f) in other_version_files(m) {
            v.push((
                entry(&f, FileKind::Version, Some((&s, &ver))),
                Role::Version(s, ver),
            ));
        }
        if let Some(p) = &m.parcels {
            v.push((entry(&p.file, FileKind::Parcels, None), Role::Parcels));
        }
        v
    }

    /// Every file the manifest lists, in the order the app loads them.
    pub fn files(&self) -> Vec<FileEntry> {
        self.roles().into_iter().map(|(e, _)| e).collect()
    }

    fn not_listed(&self, path: &str) -> String {
        match self.lang {
            Lang::Fa => format!("«{path}» در فهرست فایل‌های manifest.json نیست"),
            Lang::En => format!("“{path}” is not a file manifest.json lists"),
        }
    }

    /// Adds a listed file's contents; returns the problems found in it.
    pub fn add_file<'a>(&mut self, path: &str, body: Body<'a>) -> Result<Vec<Problem>, String> {
        let role = self
            .roles()
            .into_iter()
            .find(|(e, _)| e.path == path)
            .map(|(_, r)| r)
            .ok_or_else(|| self.not_listed(path))?;
        let lang = self.lang;
        // Borrowed, never copied: a parcel layer can be tens of MB, and wasm memory never
        // shrinks, so every copy raises the page's memory for good.
        let text = |body: &Body<'a>| -> Result<&'a str, String> {
            match *body {
                Body::Text(t) => Ok(t),
                Body::Bytes(b) => {
                    let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
                    std::str::from_utf8(b).map_err(|_| {
                        BaftError::Data {
                            file: path.into(),
                            detail: lang.pick("متن UTF-8 نیست", "not UTF-8 text").into(),
                        }
                        .message(lang)
                    })
                }
            }
        };
        let ds = &mut self.ds;
        let problems = match role {
            Role::Layer(spec, version) => ds.add_layer(&spec, &version, path, text(&body)?),
            Role::Version(spec, version) => {
                ds.add_other_version(&spec, &version, path, text(&body)?)
            }
            Role::Packages => ds.set_packages(path, text(&body)?),
            Role::Offices => ds.set_offices(path, text(&body)?),
            Role::Parcels if baft_core::pack::is_pack(path) => match body {
                Body::Bytes(b) => ds.set_parcels_packed(b, None),
                Body::Text(_) => {
                    return Err(match lang {
                        Lang::Fa => format!(
                            "«{path}» فایل فشرده (دودویی) است؛ بایت‌هایش را با addFileBytes بدهید"
                        ),
                        Lang::En => format!(
                            "“{path}” is a packed (binary) file: pass its bytes to addFileBytes"
                        ),
                    })
                }
            },
            Role::Parcels => ds.set_parcels(text(&body)?),
        };
        self.problems.retain(|p| p.location.file != path);
        self.problems.extend(problems.iter().cloned());
        Ok(problems)
    }

    /// Records that a file could not be fetched (the rest goes on loading, as in the app).
    pub fn add_file_error(&mut self, path: &str, detail: &str) -> Problem {
        let p = Problem::file_error(
            path,
            ProblemKind::FileUnreadable {
                detail: detail.into(),
            },
        );
        self.problems.retain(|q| q.location.file != path);
        self.problems.push(p.clone());
        p
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    const DAY: GregorianDate = GregorianDate {
        year: 2026,
        month: 11,
        day: 26,
    };

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    fn read(p: &str) -> String {
        std::fs::read_to_string(root().join(p)).unwrap()
    }

    /// The sample data, without the (large) parcel layer unless asked.
    fn sample(parcels: bool) -> Engine {
        let mut e = Engine::new(&read("data/manifest.json"), Lang::En).unwrap();
        for f in e.files() {
            if f.kind == FileKind::Parcels && !parcels {
                continue;
            }
            let bytes = std::fs::read(root().join("data").join(&f.path)).unwrap();
            let body = if f.binary {
                Body::Bytes(&bytes)
            } else {
                Body::Text(std::str::from_utf8(&bytes).unwrap())
            };
            e.add_file(&f.path, body).unwrap();
        }
        e
    }

    fn fixture_point(name: &str) -> (f64, f64) {
        let fx: serde_json::Value =
            serde_json::from_str(&read("tests/fixtures/sample-points.json")).unwrap();
        let p = &fx[name]["point"];
        (p["lon"].as_f64().unwrap(), p["lat"].as_f64().unwrap())
    }

    #[test]
    fn files_in_load_order_with_roles() {
        let e = Engine::new(&read("data/manifest.json"), Lang::En).unwrap();
        let f = e.files();
        let kinds: Vec<FileKind> = f.iter().map(|x| x.kind).collect();
        let first_other = kinds.iter().position(|k| *k != FileKind::Layer).unwrap();
        assert_eq!(first_other, e.ds.manifest.layers.len());
        assert!(kinds.contains(&FileKind::Packages) && kinds.contains(&FileKind::Version));
        assert_eq!(kinds.last(), Some(&FileKind::Parcels));
        let v = serde_json::to_value(&f[0]).unwrap();
        assert_eq!(v["kind"], "layer");
        assert_eq!(v["binary"], false);
    }

    #[test]
    fn unknown_file_and_bad_input_are_errors_in_the_language() {
        let mut e = sample(false);
        let err = e
            .add_file("layers/nope.geojson", Body::Text("{}"))
            .unwrap_err();
        assert!(err.contains("layers/nope.geojson"));
        e.lang = Lang::Fa;
        assert!(e
            .check("hello there", None, DAY)
            .unwrap_err()
            .contains("خوانده نشد"));
        assert!(e.check_point(f64::NAN, 35.7, None, DAY).is_err());
        assert!(e.check("35.7, 51.1", Some("colour=red"), DAY).is_err());
        assert!(e.check_parcel(0, None, DAY).is_err());
        assert!(e.set_date("tomorrow").is_err());
        assert!(e
            .add_file("layers/historic-fabric.geojson", Body::Bytes(&[0xff, 0xfe]))
            .is_err());
    }

    #[test]
    fn point_answer_has_layers_packages_and_report() {
        let e = sample(false);
        let (lon, lat) = fixture_point("worn_block");
        let a = e
            .check(&format!("{lat}, {lon}"), Some("area=150,street=8"), DAY)
            .unwrap();
        let v = serde_json::to_value(&a).unwrap();
        assert_eq!(v["kind"], "point");
        let worn = v["layers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["id"] == "worn-out-fabric")
            .unwrap();
        assert_eq!(worn["status"], "inside");
        assert_eq!(worn["zones"][0]["id"], "QB-0232");
        assert!(worn["version"]["approved"]["iso"].is_string());
        assert!(!v["packages"].as_array().unwrap().is_empty());
        assert!(v["report"]["layers"].is_array());
        assert_eq!(v["facts"]["facts"]["plot_area_m2"]["source"], "user");
        assert!(v["input"]["form"].is_string());
    }

    #[test]
    fn plot_outline_as_geojson_and_corners() {
        let e = sample(false);
        let a = e
            .check(&read("tests/fixtures/plot-straddling.geojson"), None, DAY)
            .unwrap();
        let v = serde_json::to_value(&a).unwrap();
        assert_eq!(v["kind"], "plot");
        let worn = v["layers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["id"] == "worn-out-fabric")
            .unwrap();
        assert_eq!(worn["status"], "partly_inside");
        let pct = worn["percent"].as_f64().unwrap();
        assert!((pct - 60.0).abs() < 2.0, "{pct}");
        assert!(v["areaM2"].as_f64().unwrap() > 0.0);
        let corners = "35.6947051, 51.0944226\n35.6947091, 51.0947514\n35.6947618, 51.0947505\n35.6947578, 51.0944217";
        let b = serde_json::to_value(e.check(corners, None, DAY).unwrap()).unwrap();
        assert_eq!(b["kind"], "plot");
    }

    #[test]
    fn parcel_at_a_point_is_the_plot_holding_it() {
        let e = sample(true);
        assert!(e.parcel_count() > 0);
        // A point inside plot i (its interior point) finds plot i; a point far away finds none.
        for i in [0, e.parcel_count() / 2, e.parcel_count() - 1] {
            let (report, _) = e.ds.check_parcel(i, 1405).unwrap();
            let [lon, lat] = report.interior_point;
            assert_eq!(e.parcel_at(lon, lat), Some(i));
        }
        assert_eq!(e.parcel_at(51.0, 35.0), None);
        assert_eq!(e.parcel_at(f64::NAN, 35.7), None);
        assert_eq!(sample(false).parcel_at(51.1119, 35.7097), None);
    }

    #[test]
    fn locate_gives_check_points_status_zone_and_plot_as_numbers() {
        let e = sample(true);
        let layers = e.locate_layers();
        assert!(layers.len() >= 3);
        let day = GregorianDate {
            year: 2026,
            month: 11,
            day: 26,
        };
        let mut seen_inside = 0;
        for i in (0..e.parcel_count()).step_by(97) {
            let (report, _) = e.ds.check_parcel(i, 1405).unwrap();
            let [lon, lat] = report.interior_point;
            let mut out = Vec::new();
            e.locate_into(lon, lat, &mut out);
            assert_eq!(out.len(), 1 + 2 * layers.len());
            assert_eq!(out[0], i as i32);
            let full = e.ds.check_point((lon, lat));
            for (k, id) in layers.iter().enumerate() {
                let l = full.layers.iter().find(|l| &l.layer.id == id).unwrap();
                let (status, zone) = (out[1 + 2 * k], out[2 + 2 * k]);
                let want = match l.status {
                    baft_core::check::PointStatus::Outside => 0,
                    baft_core::check::PointStatus::OnBoundary => 1,
                    baft_core::check::PointStatus::Inside => 2,
                };
                assert_eq!(status, want, "{lon},{lat} {id}");
                if status == 0 {
                    assert_eq!(zone, -1);
                } else {
                    seen_inside += 1;
                    let ids = e.zone_ids(id).unwrap();
                    assert!(l.zones.iter().any(|z| z.id == ids[zone as usize]));
                }
            }
            // The display answer agrees on the statuses too.
            assert!(e.check_point(lon, lat, None, day).is_ok());
        }
        assert!(seen_inside > 10, "{seen_inside}");
        let mut out = Vec::new();
        e.locate_into(f64::NAN, 35.7, &mut out);
        assert_eq!(out[0], -1);
        assert!(out[1..].chunks(2).all(|c| c == [0, -1]));
        assert_eq!(e.zone_ids("no-such-layer"), None);
    }

    #[test]
    fn plate_finds_the_surveyed_plot() {
        let e = sample(true);
        assert_eq!(e.problems(), Vec::<String>::new());
        assert!(e.layers().iter().all(|l| l.loaded));
        let v = serde_json::to_value(e.check("121/1", None, DAY).unwrap()).unwrap();
        match v["kind"].as_str() {
            Some("plot") => assert!(v["plot"]["plotId"].is_string()),
            Some("choices") => {
                assert!(v["choices"].as_array().unwrap().len() > 1);
                let i = v["choices"][0]["index"].as_u64().unwrap() as usize;
                let p = serde_json::to_value(e.check_parcel(i, None, DAY).unwrap()).unwrap();
                assert_eq!(p["kind"], "plot");
            }
            other => panic!("{other:?}"),
        }
    }
}
