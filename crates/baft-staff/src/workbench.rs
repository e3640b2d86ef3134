//! The workbench's logic, in plain Rust (tested natively): the site's data loaded by the core's
//! load plan (without the published parcel layer: the staff member's own survey file takes its
//! place), then the designation, the dossier, the profiles and the outreach, each from the
//! core's own functions, the same the `baft` CLI calls.

use baft_core::base::jalali::{GregorianDate, JalaliDate};
use baft_core::base::small::file_safe;
use baft_core::dataset::{Dataset, FileBody};
use baft_core::designate::{self, dossier, export, Designation};
use baft_core::layer::Layer;
use baft_core::outreach;
use baft_core::profile::{self, report, NeighbourhoodProfile, Targets};
use baft_core::read::manifest::{DesignationSettings, Manifest};
use baft_core::read::plan::{load_plan, Role};
use baft_core::{say, Lang};
use serde::Serialize;

/// A file the page fetches from the site before the survey is opened.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SiteFile {
    /// Relative to the manifest.
    pub path: String,
    /// Fetch it as bytes (FlatGeobuf), not text.
    pub binary: bool,
    /// The workbench goes on without it (the per-capita targets: only the profiles need them).
    pub optional: bool,
}

/// One generated file, to download.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Download {
    /// Its file name.
    pub name: String,
    /// Its MIME type.
    pub mime: &'static str,
    /// Its bytes.
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// The survey as opened, in a line: its plots and the problems found in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Opened {
    /// Plots read.
    pub plots: usize,
    /// Each problem in words (features left out, …).
    pub problems: Vec<String>,
}

/// The workbench: the site's data, the settings, and the survey once opened.
pub struct Workbench {
    ds: Dataset,
    manifest_text: String,
    settings: DesignationSettings,
    lang: Lang,
    blocks: Option<(String, String, Layer)>,
    targets: Option<(String, Targets)>,
    survey: Option<(String, Vec<u8>, Layer)>,
    designation: Option<Designation>,
    profiles: Vec<NeighbourhoodProfile>,
    city: Option<String>,
}

impl Workbench {
    /// From a city's `manifest.json`; a bad manifest or designation section is an error in
    /// words naming the field. `city`: in a national deployment, the city's id in the catalogue
    /// ([`crate::site::site_city`]), which the outreach's links carry (`c=`) so that they open
    /// this city's data; `None` for a single city's site.
    pub fn new(manifest_text: &str, lang: Lang, city: Option<&str>) -> Result<Workbench, String> {
        let manifest = Manifest::parse(manifest_text)
            .map_err(|errors| baft_core::BaftError::BadManifest { errors }.message(lang))?;
        let settings = DesignationSettings::from_manifest_text(manifest_text)
            .map_err(|errors| baft_core::BaftError::BadManifest { errors }.message(lang))?;
        Ok(Workbench {
            ds: Dataset::new(manifest),
            manifest_text: manifest_text.into(),
            settings,
            lang,
            blocks: None,
            targets: None,
            survey: None,
            designation: None,
            profiles: Vec::new(),
            city: city.map(str::to_string),
        })
    }

    /// The site's files to fetch, in load order: the layers, packages and offices the core's
    /// load plan lists (not the published parcel layer), then the blocks layer and the
    /// per-capita targets.
    pub fn site_files(&self) -> Vec<SiteFile> {
        let mut out: Vec<SiteFile> = load_plan(&self.ds.manifest)
            .into_iter()
            .filter(|f| !matches!(f.role, Role::Parcels | Role::Streets))
            .map(|f| SiteFile {
                path: f.path,
                binary: f.binary,
                optional: false,
            })
            .collect();
        if let Some(b) = &self.ds.manifest.blocks {
            out.push(SiteFile {
                path: b.clone(),
                binary: false,
                optional: false,
            });
        }
        out.push(SiteFile {
            path: crate::TARGETS.into(),
            binary: false,
            optional: true,
        });
        out
    }

    /// Adds a fetched site file; returns its problems in words.
    pub fn add_site_file(&mut self, path: &str, bytes: &[u8]) -> Result<Vec<String>, String> {
        let text = || String::from_utf8_lossy(bytes).into_owned();
        if self.ds.manifest.blocks.as_deref() == Some(path) {
            let t = text();
            let layer = designate::read_blocks(&self.ds, path, &t);
            let problems = layer
                .problems
                .iter()
                .map(|p| p.message(self.lang))
                .collect();
            self.blocks = Some((path.into(), t, layer));
            return Ok(problems);
        }
        if path == crate::TARGETS {
            // Without targets the profiles are left out; everything else works.
            return Ok(match Targets::from_json(&text()) {
                Ok(targets) => {
                    self.targets = Some((path.into(), targets));
                    Vec::new()
                }
                Err(e) => vec![say!(
                    self.lang,
                    "{path}: سرانه‌های هدف خوانده نشد و شناسنامهٔ محله‌ها ساخته نمی‌شود: {e}",
                    "{path}: the per-capita targets could not be read, so there are no neighbourhood profiles: {e}"
                )],
            });
        }
        let file = load_plan(&self.ds.manifest)
            .into_iter()
            .find(|f| f.path == path)
            .ok_or_else(|| {
                say!(
                    self.lang,
                    "«{path}» در فهرست فایل‌های manifest.json نیست",
                    "“{path}” is not a file manifest.json lists"
                )
            })?;
        let problems = self
            .ds
            .add_file(&file, FileBody::Bytes(bytes))
            .map_err(|e| e.message(self.lang))?;
        Ok(problems.iter().map(|p| p.message(self.lang)).collect())
    }

    /// Opens the staff member's survey file (GeoJSON or FlatGeobuf, by its name); then
    /// [`Self::designate`] and [`Self::profile`] analyse it (apart, so that the page can show
    /// progress between the steps).
    pub fn open_survey(&mut self, name: &str, bytes: Vec<u8>) -> Result<Opened, String> {
        let layer =
            designate::read_survey(&self.ds, name, &bytes).map_err(|e| e.message(self.lang))?;
        if layer.zones.is_empty() {
            let first = layer.problems.first().map(|p| p.message(self.lang));
            return Err(first.unwrap_or_else(|| {
                say!(
                    self.lang,
                    "«{name}» هیچ پلاکی ندارد",
                    "“{name}” has no plots"
                )
            }));
        }
        let opened = Opened {
            plots: layer.zones.len(),
            problems: layer
                .problems
                .iter()
                .map(|p| p.message(self.lang))
                .collect(),
        };
        // The last survey's parcel layer goes; this one's is read when letters are asked for.
        self.ds.parcels = None;
        self.survey = Some((name.into(), bytes, layer));
        self.designation = None;
        self.profiles = Vec::new();
        Ok(opened)
    }

    /// Designates the blocks from the open survey ([`designate::designate`]).
    pub fn designate(&mut self) -> Option<&Designation> {
        let (_, _, survey) = self.survey.as_ref()?;
        let blocks = self.blocks.as_ref().map(|(_, _, l)| l);
        let d = designate::designate(&self.ds, self.settings.clone(), survey, blocks);
        self.designation = Some(d);
        self.designation.as_ref()
    }

    /// Profiles the target neighbourhoods from the open survey ([`profile::profile`]; none
    /// without a targets file).
    pub fn profile(&mut self) -> &[NeighbourhoodProfile] {
        self.profiles = match (&self.survey, &self.targets) {
            (Some((_, _, survey)), Some((_, t))) => {
                profile::profile(&self.ds, survey, t, &self.settings)
            }
            _ => Vec::new(),
        };
        &self.profiles
    }

    /// The target neighbourhoods (id, name), for choosing whose letters to write.
    pub fn neighbourhoods(&self) -> Vec<(String, baft_core::base::LocalText)> {
        (self.ds.layers.iter())
            .filter(|l| l.spec.kind == baft_core::read::manifest::LayerKind::TargetNeighbourhood)
            .flat_map(|l| l.zones.iter().map(|z| (z.id.clone(), z.name.clone())))
            .collect()
    }

    /// The designation, once a survey is open.
    pub fn designation(&self) -> Option<&Designation> {
        self.designation.as_ref()
    }

    /// The profiles, once a survey is open (none without a targets file).
    pub fn profiles(&self) -> &[NeighbourhoodProfile] {
        &self.profiles
    }

    /// The Commission's dossier (A4 or A3) made on `today`, with the SHA-256 of the manifest,
    /// the survey and the blocks file; `None` before a survey is open or without blocks.
    pub fn dossier(&self, paper: dossier::Paper, today: GregorianDate) -> Option<String> {
        let d = self.designation.as_ref()?;
        let (blocks_file, blocks_text, blocks) = self.blocks.as_ref()?;
        let (survey_file, survey_bytes, _) = self.survey.as_ref()?;
        let files = vec![
            (
                "manifest.json".to_string(),
                dossier::sha256_hex(self.manifest_text.as_bytes()),
            ),
            (survey_file.clone(), dossier::sha256_hex(survey_bytes)),
            (
                blocks_file.clone(),
                dossier::sha256_hex(blocks_text.as_bytes()),
            ),
        ];
        let facts = dossier::DossierFacts {
            city: self.ds.manifest.city.name.clone(),
            data_version: self.ds.manifest.data_version.clone(),
            date: (
                JalaliDate::from_gregorian(today).to_string(),
                today.to_string(),
            ),
            files,
            paper,
        };
        Some(dossier::dossier_html(d, blocks, &facts))
    }

    /// One neighbourhood's printable profile.
    pub fn profile_html(&self, id: &str, today: GregorianDate) -> Option<String> {
        let p = self.profiles.iter().find(|p| p.id == id)?;
        let (_, _, survey) = self.survey.as_ref()?;
        let date = JalaliDate::from_gregorian(today).to_string();
        Some(report::profile_html(
            p,
            survey,
            &self.ds.manifest.city.name.fa,
            &date,
        ))
    }

    /// The owners' app at `base_url`, for this city.
    fn app_link<'a>(&'a self, base_url: &'a str) -> outreach::AppLink<'a> {
        outreach::AppLink {
            url: base_url,
            city: self.city.as_deref(),
        }
    }

    /// The owner letters of one target neighbourhood (a page per plot of the open survey inside
    /// the worn-out fabric), with links to the app at `base_url`; `None` before a survey is open
    /// or when none of the neighbourhood's plots is in the fabric.
    pub fn letters(&mut self, id: &str, base_url: &str, today: GregorianDate) -> Option<Download> {
        let (name, bytes, _) = self.survey.as_ref()?;
        // The survey is also the parcel layer the letters are written from: read as one on the
        // first letters asked for, not on every survey opened.
        if self.ds.parcels.is_none() {
            if baft_core::read::fgb::is_fgb(name) {
                self.ds.set_parcels_fgb(bytes, None);
            } else {
                let text = String::from_utf8_lossy(bytes).into_owned();
                self.ds.set_parcels(&text);
            }
        }
        let letters = outreach::letters(&self.ds, &self.app_link(base_url), today, Some(id));
        if letters.is_empty() {
            return None;
        }
        let date = JalaliDate::from_gregorian(today).to_string();
        Some(Download {
            name: format!("letters-{}.html", file_safe(id)),
            mime: "text/html",
            bytes: outreach::letters_html(&letters, &date).into_bytes(),
        })
    }

    /// Every file to download: the designation's exports, both dossiers, each profile, and each
    /// neighbourhood's brochure and banner with links to the app at `base_url`.
    pub fn downloads(&self, base_url: &str, today: GregorianDate) -> Vec<Download> {
        let mut out = Vec::new();
        let Some(d) = &self.designation else {
            return out;
        };
        let blocks = self.blocks.as_ref().map(|(_, _, l)| l);
        for (name, bytes) in export::files(d, blocks) {
            let mime = match name.rsplit('.').next() {
                Some("csv") => "text/csv",
                Some("geojson") => "application/geo+json",
                _ => "application/octet-stream",
            };
            out.push(Download { name, mime, bytes });
        }
        let html = |name: String, text: String| Download {
            name,
            mime: "text/html",
            bytes: text.into_bytes(),
        };
        for (name, paper) in [
            ("dossier-a4.html", dossier::Paper::A4),
            ("dossier-a3.html", dossier::Paper::A3),
        ] {
            if let Some(h) = self.dossier(paper, today) {
                out.push(html(name.into(), h));
            }
        }
        for p in &self.profiles {
            if let Some(h) = self.profile_html(&p.id, today) {
                out.push(html(format!("profile-{}.html", file_safe(&p.id)), h));
            }
        }
        for o in outreach::all(&self.ds, &self.app_link(base_url), today) {
            out.push(html(
                format!("brochure-{}.html", file_safe(&o.id)),
                outreach::brochure_html(&o),
            ));
            out.push(Download {
                name: format!("banner-{}.svg", file_safe(&o.id)),
                mime: "image/svg+xml",
                bytes: outreach::banner_svg(&o).into_bytes(),
            });
        }
        out
    }
}
