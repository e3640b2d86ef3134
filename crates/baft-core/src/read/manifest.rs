//! `data/manifest.json`: what the app and the CLI load. See `docs/data-format.md`.
//!
//! The manifest lists the layers; each layer lists its boundary versions (each a GeoJSON
//! file with an approval date and approving body). Unknown fields are rejected so that a
//! typo never silently drops a setting; later format versions add sections (parcels,
//! offices, packages) as new optional fields.

use crate::base::jalali::{GregorianDate, JalaliDate};
use crate::Lang;
use serde::{Deserialize, Serialize};
mod designation;
mod validate;
pub use designation::*;
#[allow(unused_imports)]
pub use validate::*;

/// The manifest format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

pub use crate::base::LocalText;

/// The kind of a regeneration layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LayerKind {
    /// بافت فرسوده: blocks meeting the three national criteria.
    WornOutFabric,
    /// سکونتگاه غیررسمی.
    InformalSettlement,
    /// بافت تاریخی.
    HistoricFabric,
    /// محله هدف بازآفرینی.
    TargetNeighbourhood,
}

impl LayerKind {
    /// The kind's name in a language.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            LayerKind::WornOutFabric => lang.pick("بافت فرسوده", "worn-out urban fabric"),
            LayerKind::InformalSettlement => lang.pick("سکونتگاه غیررسمی", "informal settlement"),
            LayerKind::HistoricFabric => lang.pick("بافت تاریخی", "historic fabric"),
            LayerKind::TargetNeighbourhood => {
                lang.pick("محلهٔ هدف بازآفرینی", "regeneration target neighbourhood")
            }
        }
    }
}

/// An approval date, given in both calendars (they must agree).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApprovalDate {
    /// `1402/05/14`.
    pub jalali: String,
    /// `2023-08-05`.
    pub iso: String,
}

impl ApprovalDate {
    /// The Jalali date; `None` when `jalali` is not a valid date.
    pub fn jalali_date(&self) -> Option<JalaliDate> {
        JalaliDate::parse(&self.jalali)
    }
    /// The Gregorian date; `None` when `iso` is not a valid date.
    pub fn gregorian_date(&self) -> Option<GregorianDate> {
        GregorianDate::parse_iso(&self.iso)
    }
}

/// Where the data comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Who published the data, by name.
    pub name: LocalText,
    /// A link to the source, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One approved boundary version of a layer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoundaryVersion {
    /// Short id, e.g. `1402`.
    pub id: String,
    /// e.g. "اصلاحیهٔ ۱۴۰۲" / "1402 amendment".
    pub title: LocalText,
    /// GeoJSON file, relative to the manifest.
    pub file: String,
    /// The approval date, in both calendars (they must agree).
    pub approved: ApprovalDate,
    /// e.g. the provincial Article 5 Commission (کمیسیون ماده ۵).
    pub approved_by: LocalText,
    /// Coordinate system of the file when it has no `crs` member: `EPSG:4326` or `EPSG:32639`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crs: Option<String>,
}

/// A regeneration layer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayerSpec {
    /// Stable id, e.g. `worn-out-fabric`.
    pub id: String,
    /// Which kind of regeneration layer it is.
    pub kind: LayerKind,
    /// The layer's name.
    pub name: LocalText,
    /// Boundary versions; the current one is the latest approved unless `current` says otherwise.
    pub versions: Vec<BoundaryVersion>,
    /// The id of the version in force; `None`: the latest approved one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
    /// Where the layer's data comes from.
    pub source: Source,
    /// Property holding each feature's block or zone id (default: `id`, `block_id`, `zone_id`, `code`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_property: Option<String>,
    /// Property holding the Persian name (default: `name_fa`, `name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_property: Option<String>,
    /// Property holding the English name (default: `name_en`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en_property: Option<String>,
    /// Map colour (CSS hex).
    #[serde(default = "default_colour")]
    pub colour: String,
}

fn default_colour() -> String {
    "#c0392b".into()
}

impl LayerSpec {
    /// The version in force: `current` if given, else the latest approval date.
    pub fn current_version(&self) -> Option<&BoundaryVersion> {
        if let Some(c) = &self.current {
            return self.versions.iter().find(|v| &v.id == c);
        }
        self.versions
            .iter()
            .max_by_key(|v| v.approved.gregorian_date())
    }
}

/// How plots and points are judged.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckSettings {
    /// A point within this distance (metres) of a layer's outer boundary is "on the boundary".
    #[serde(default = "default_tolerance")]
    pub boundary_tolerance_m: f64,
    /// A plot with at least this share of its area inside a layer counts as inside (0–1).
    #[serde(default = "default_threshold")]
    pub plot_inside_threshold: f64,
}

fn default_tolerance() -> f64 {
    0.5
}
fn default_threshold() -> f64 {
    0.5
}

impl Default for CheckSettings {
    fn default() -> Self {
        CheckSettings {
            boundary_tolerance_m: 0.5,
            plot_inside_threshold: 0.5,
        }
    }
}

/// The city the data covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct City {
    /// The city's name.
    pub name: LocalText,
    /// `[lon, lat]` of the centre: the map's start and Baft's metric frame origin.
    pub center: [f64; 2],
    /// `[min_lon, min_lat, max_lon, max_lat]`: the area the data covers.
    pub envelope: [f64; 4],
    /// UTM zone for typed UTM figures without a zone (39 for Qods).
    #[serde(default = "default_zone")]
    pub utm_zone: u8,
}

fn default_zone() -> u8 {
    39
}

/// An optional raster basemap. Loading tiles reveals the viewed area to the tile server, so
/// it is off unless `on_by_default` is set or the user turns it on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Basemap {
    /// Tile URL template with `{z}`, `{x}` and `{y}` (default: OpenStreetMap's tiles).
    #[serde(default = "default_tiles")]
    pub url: String,
    /// Attribution shown on the map (default: "© OpenStreetMap contributors").
    #[serde(default = "default_attribution")]
    pub attribution: String,
    /// Whether the basemap is on when the app opens (default: off).
    #[serde(default)]
    pub on_by_default: bool,
    /// Deepest zoom level to request tiles at (default 19).
    #[serde(default = "default_max_zoom")]
    pub max_zoom: u8,
}

/// Embedding on other sites (see `docs/embedding.md`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmbedSettings {
    /// Origins (`https://qods.ir`: scheme, host and optional port; no path) whose pages may
    /// frame Baft, send it commands and receive its results. Baft's own origin is always allowed.
    #[serde(default)]
    pub allowed_origins: Vec<String>,
}

impl EmbedSettings {
    /// Whether messages from (and to) `origin` are allowed; `own` is Baft's own origin.
    ///
    /// ```
    /// use baft_core::read::manifest::EmbedSettings;
    /// let e = EmbedSettings { allowed_origins: vec!["https://qods.ir".into()] };
    /// assert!(e.allows("https://qods.ir", "https://baft.qods.ir"));
    /// assert!(e.allows("https://baft.qods.ir", "https://baft.qods.ir"));
    /// assert!(!e.allows("https://qods.ir.evil.example", "https://baft.qods.ir"));
    /// assert!(!e.allows("null", "https://baft.qods.ir"));
    /// ```
    pub fn allows(&self, origin: &str, own: &str) -> bool {
        origin != "null" && (origin == own || self.allowed_origins.iter().any(|o| o == origin))
    }
}

/// Whether `o` is an origin as browsers write it: `http(s)://host[:port]`, lower case, no path.
pub fn is_origin(o: &str) -> bool {
    let Some(rest) = o
        .strip_prefix("https://")
        .or_else(|| o.strip_prefix("http://"))
    else {
        return false;
    };
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (rest, None),
    };
    !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
        && port
            .is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()))
}

fn default_tiles() -> String {
    "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into()
}
fn default_attribution() -> String {
    "© OpenStreetMap contributors".into()
}
fn default_max_zoom() -> u8 {
    19
}

impl Default for Basemap {
    fn default() -> Self {
        Basemap {
            url: default_tiles(),
            attribution: default_attribution(),
            on_by_default: false,
            max_zoom: 19,
        }
    }
}

/// The manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Format version; must be [`FORMAT_VERSION`].
    pub format_version: u32,
    /// A label for this data release, e.g. `qods-sample-2026-11`.
    pub data_version: String,
    /// Synthetic sample data: the app and CLI say so plainly.
    #[serde(default)]
    pub sample_data: bool,
    /// When this data release was published (Jalali and ISO, as boundary versions' dates):
    /// answers show it with the data version, so an owner sees how current the answer is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<ApprovalDate>,
    /// The data's title, in Persian and English.
    pub title: LocalText,
    /// The city the data covers.
    pub city: City,
    /// How points and plots are judged (default: 0.5 m tolerance, 50 % threshold).
    #[serde(default)]
    pub checking: CheckSettings,
    /// The optional raster basemap (default: OpenStreetMap tiles, off).
    #[serde(default)]
    pub basemap: Basemap,
    /// The regeneration layers, in the order answers list them (at least one).
    pub layers: Vec<LayerSpec>,
    /// The incentive packages file, relative to the manifest (see `docs/packages-format.md`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub packages: Option<String>,
    /// The optional plot-by-plot parcel layer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parcels: Option<ParcelsSpec>,
    /// The optional facilitation offices file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offices: Option<String>,
    /// The optional streets file: named streets (lines) and squares and landmarks (points), drawn
    /// under the zones and searched by name ([`crate::layer::streets`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub streets: Option<String>,
    /// The optional layer of all urban blocks (with their criteria), which parcels' `block_id`s
    /// refer to. Only the validator reads it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocks: Option<String>,
    /// How blocks are designated from the survey (`baft designate`; national defaults), kept
    /// as JSON here: only the staff tools read it, with [`DesignationSettings::from_manifest_text`],
    /// so the owners' app doesn't carry its reader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub designation: Option<RawSection>,
    /// Which other sites may embed Baft.
    #[serde(default)]
    pub embed: EmbedSettings,
}

/// Where the parcel layer is and how to read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParcelsSpec {
    /// GeoJSON of plot polygons, relative to the manifest.
    pub file: String,
    /// Property holding each plot's id (default `plot_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_property: Option<String>,
    /// Coordinate system when the file has no `crs` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crs: Option<String>,
}

impl ParcelsSpec {
    /// The property holding each plot's id: `id_property`, else `plot_id`.
    pub fn id_key(&self) -> &str {
        self.id_property.as_deref().unwrap_or("plot_id")
    }
}

/// A path that stays inside the data folder: relative, no `..`, no URL.
fn safe_relative(p: &str) -> bool {
    !(p.contains("..") || p.starts_with('/') || p.contains("://") || p.contains('\\'))
}

pub use crate::error::{DataFile, FieldError, FieldKind};
