//! The one answer object the JS API returns for every check (see `www/js-api/baft.d.ts`; the
//! core's objects it carries are typed in `baft-core.d.ts`).
//!
//! Its own fields are camelCase and made for display (statuses, %, the version used, the
//! packages with their verdicts and reasons in words). `report`, `incentives`, `facts`,
//! `input`, `office` and `plot.info` are the core's own objects, snake_case, exactly as
//! `baft check --json` prints them.

use baft_core::check::ZoneRef;
use baft_core::input::ParsedLocation;
use baft_core::layer::offices::OfficeMatch;
use baft_core::layer::parcels::ParcelInfo;
use baft_core::packages::format::PackageGroup;
use baft_core::packages::rules::{Evaluation, PackageStatus, Truth};
use baft_core::packages::value::Worth;
use baft_core::packages::{FactName, PlotFacts};
use baft_core::read::manifest::{ApprovalDate, LayerKind, LocalText};
use serde::Serialize;
mod render;
#[allow(unused_imports)]
pub use render::*;

/// What was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    Point,
    Plot,
    /// The text matched several plots or zones: pick one and check again.
    Choices,
}

/// A layer status, for points and plots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Inside,
    OnBoundary,
    Outside,
    PartlyInside,
}

/// The boundary version a result used.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionAnswer {
    pub id: String,
    pub title: LocalText,
    pub approved: ApprovalDate,
    pub approved_by: LocalText,
}

/// A block or zone in a layer answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ZoneAnswer {
    pub id: String,
    pub name: LocalText,
    /// Plots: the plot's area inside this zone, m².
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area_m2: Option<f64>,
    /// Plots: that area as a % of the plot (0–100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent: Option<f64>,
}

impl ZoneAnswer {
    fn of(z: &ZoneRef) -> ZoneAnswer {
        ZoneAnswer {
            id: z.id.clone(),
            name: z.name.clone(),
            area_m2: None,
            percent: None,
        }
    }
}

/// One layer's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerAnswer {
    pub id: String,
    pub kind: LayerKind,
    pub name: LocalText,
    pub status: Status,
    /// The status in a word or two, in the API's language.
    pub status_text: String,
    /// The whole answer for this layer in one sentence (the app's and the CLI's words).
    pub sentence: String,
    /// Plots: % of the plot inside the layer (0–100, unrounded).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent: Option<f64>,
    /// Plots: area inside the layer, m².
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inside_area_m2: Option<f64>,
    /// Plots: whether a partly inside plot counts as inside (the manifest's threshold).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counts_as_inside: Option<bool>,
    pub version: VersionAnswer,
    /// The version in words ("1402 amendment, approved 1402/05/14 (2023-08-05) by …").
    pub version_text: String,
    /// The zones holding the point, or the plot's overlaps (largest first).
    pub zones: Vec<ZoneAnswer>,
    /// Outside: the distance to the nearest boundary, metres.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_m: Option<f64>,
    /// Outside: the nearest zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nearest: Option<ZoneAnswer>,
}

/// One condition of a package, in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConditionAnswer {
    pub text: String,
    pub truth: Truth,
}

/// An unmet condition and what would change it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UnmetAnswer {
    pub condition: String,
    pub change: String,
    /// The two on one line, as the app and the CLI show them (`… ← …` in Persian).
    pub text: String,
}

/// One incentive package's verdict, with its reasons in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PackageAnswer {
    pub id: String,
    pub name: LocalText,
    pub group: PackageGroup,
    pub verdict: PackageStatus,
    pub verdict_text: String,
    /// Applies and counts in the combined benefits (a better package of the same exclusive
    /// set may count instead: see `excludedBy`).
    pub counted: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excluded_by: Option<String>,
    /// Values are sample assumptions, not confirmed for this city.
    pub sample_assumption: bool,
    /// Every condition with its answer.
    pub conditions: Vec<ConditionAnswer>,
    /// Facts whose absence makes it "may apply".
    pub missing: Vec<FactName>,
    /// The questions to ask for those facts.
    pub questions: Vec<String>,
    /// Unmet conditions and what would change each.
    pub unmet: Vec<UnmetAnswer>,
    /// What the package gives, one line each.
    pub benefits: Vec<String>,
    /// This package's own estimated worth (the core's object).
    pub worth: Worth,
}

/// The surveyed plot an answer is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlotAnswer {
    /// Its index in the parcel layer (for `checkParcel`).
    pub index: usize,
    pub plot_id: String,
    /// `section-main/sub`, or `main/sub`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plate: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renovation_code: Option<String>,
    /// Ten digits, as printed on a utility bill.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// The street address in the API's language (`خیابان سرو، پلاک ۶۱`, `No. 61, Sarv Street`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_id: Option<String>,
    /// The survey attributes (the core's object).
    pub info: ParcelInfo,
}

/// The answer to a check.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    pub kind: AnswerKind,
    /// How the typed text was read (the core's object), for typed coordinates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<ParsedLocation>,
    /// The point checked; for a plot, a point inside it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// Plots: the outline's area, m².
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area_m2: Option<f64>,
    /// Whether the place is inside the area the data covers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_data_area: Option<bool>,
    pub sample_data: bool,
    /// Shown with sample data (synthetic boundaries), in the API's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
    pub data_version: String,
    /// One per loaded layer, in manifest order.
    pub layers: Vec<LayerAnswer>,
    /// Every package with its verdict (empty without a packages file).
    pub packages: Vec<PackageAnswer>,
    /// The packages file's disclaimer, in the API's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disclaimer: Option<String>,
    /// The whole evaluation (the core's object: combined benefits, worth, assumptions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incentives: Option<Evaluation>,
    /// The facts the packages were evaluated on, each with its source (the core's object).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facts: Option<PlotFacts>,
    /// The facilitation office for the place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office: Option<OfficeMatch>,
    /// The surveyed plot, when a plate or code found one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plot: Option<PlotAnswer>,
    /// Several matches: pick one. The core's choices (`kind` `plot`: check it with
    /// `checkParcel(index)`; `kind` `zone`: check a point inside it with `checkPoint(lon, lat)`),
    /// with the API's camelCase field names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<serde_json::Value>,
    /// The core's full report (as `baft check --json` prints under `result`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<baft_core::answer::Report>,
}
