//! The one answer object the JS API returns for every check (see `www/js-api/baft.d.ts`).
//!
//! Its own fields are camelCase and made for display (statuses, %, the version used, the
//! packages with their verdicts and reasons in words). `report`, `incentives`, `facts`,
//! `input`, `office` and `plot.info` are the core's own objects, snake_case, exactly as
//! `baft check --json` prints them.

use baft_core::answer::{Place, PlaceKind, Report as CoreReport};
use baft_core::check::{
    LayerPlotResult, LayerPointResult, PlotReport, PlotStatus, PointReport, PointStatus, ZoneRef,
};
use baft_core::dataset::Dataset;
use baft_core::input::ParsedLocation;
use baft_core::layer::offices::OfficeMatch;
use baft_core::layer::parcels::ParcelInfo;
use baft_core::packages::format::PackageGroup;
use baft_core::packages::rules::{Evaluation, PackageStatus, Truth};
use baft_core::packages::value::Worth;
use baft_core::packages::words;
use baft_core::packages::{FactName, PlotFacts};
use baft_core::read::manifest::{ApprovalDate, LayerKind, LocalText};
use baft_core::{check::words as text, Lang};
use serde::Serialize;

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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_id: Option<String>,
    /// The survey attributes (the core's object).
    pub info: ParcelInfo,
}

/// One of several matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum Choice {
    /// A surveyed plot: check it with `checkParcel(index)`.
    Plot {
        index: usize,
        plot_id: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        plate: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        renovation_code: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        block_id: Option<String>,
    },
    /// A zone found by name or id: check a point inside it with `checkPoint(lon, lat)`.
    Zone {
        layer_id: String,
        id: String,
        name: LocalText,
        lon: f64,
        lat: f64,
    },
}

/// The core's report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Report {
    Point(PointReport),
    Plot(PlotReport),
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
    /// Several matches: pick one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    /// The core's full report (as `baft check --json` prints under `result`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<Report>,
}

fn version(v: &baft_core::check::VersionRef) -> VersionAnswer {
    VersionAnswer {
        id: v.id.clone(),
        title: v.title.clone(),
        approved: v.approved.clone(),
        approved_by: v.approved_by.clone(),
    }
}

fn point_layer(l: &LayerPointResult, lang: Lang) -> LayerAnswer {
    LayerAnswer {
        id: l.layer.id.clone(),
        kind: l.layer.kind,
        name: l.layer.name.clone(),
        status: match l.status {
            PointStatus::Inside => Status::Inside,
            PointStatus::OnBoundary => Status::OnBoundary,
            PointStatus::Outside => Status::Outside,
        },
        status_text: text::point_status_word(l.status, lang).into(),
        sentence: text::point_sentence(l, lang),
        percent: None,
        inside_area_m2: None,
        counts_as_inside: None,
        version: version(&l.layer.version),
        version_text: text::version_line(&l.layer.version, lang),
        zones: l.zones.iter().map(|z| ZoneAnswer::of(z)).collect(),
        distance_m: l.distance_m,
        nearest: l.nearest.as_deref().map(ZoneAnswer::of),
    }
}

fn plot_layer(l: &LayerPlotResult, lang: Lang) -> LayerAnswer {
    LayerAnswer {
        id: l.layer.id.clone(),
        kind: l.layer.kind,
        name: l.layer.name.clone(),
        status: match l.status {
            PlotStatus::Inside => Status::Inside,
            PlotStatus::PartlyInside => Status::PartlyInside,
            PlotStatus::Outside => Status::Outside,
        },
        status_text: text::plot_status_word(l.status, lang).into(),
        sentence: text::plot_sentence(l, lang),
        percent: Some(l.share * 100.0),
        inside_area_m2: Some(l.inside_area_m2),
        counts_as_inside: Some(l.counts_as_inside),
        version: version(&l.layer.version),
        version_text: text::version_line(&l.layer.version, lang),
        zones: l
            .overlaps
            .iter()
            .map(|o| ZoneAnswer {
                area_m2: Some(o.area_m2),
                percent: Some(o.share * 100.0),
                ..ZoneAnswer::of(&o.zone)
            })
            .collect(),
        distance_m: l.distance_m,
        nearest: l.nearest.as_deref().map(ZoneAnswer::of),
    }
}

fn packages(ds: &Dataset, lang: Lang, eval: Option<&Evaluation>) -> Vec<PackageAnswer> {
    let Some(eval) = eval else {
        return Vec::new();
    };
    let names: words::LayerNames = ds
        .manifest
        .layers
        .iter()
        .map(|l| (l.id.clone(), l.name.clone()))
        .collect();
    eval.results
        .iter()
        .map(|r| PackageAnswer {
            id: r.package.id.clone(),
            name: r.package.name.clone(),
            group: r.package.group,
            verdict: r.status,
            verdict_text: words::status(r.status, lang).into(),
            counted: r.counted,
            excluded_by: r.excluded_by.clone(),
            sample_assumption: r.package.sample_assumption,
            conditions: r
                .conditions
                .iter()
                .map(|o| ConditionAnswer {
                    text: words::condition(&o.condition, &names, lang),
                    truth: o.truth,
                })
                .collect(),
            missing: r.missing.clone(),
            questions: r
                .missing
                .iter()
                .map(|f| words::question(*f, lang))
                .collect(),
            // Hints are given in the order of the unmet conditions (as the CLI pairs them).
            unmet: r
                .conditions
                .iter()
                .filter(|o| o.truth == Truth::No)
                .zip(&r.hints)
                .map(|(o, h)| UnmetAnswer {
                    condition: words::condition(&o.condition, &names, lang),
                    change: words::hint(h, &names, lang),
                })
                .collect(),
            benefits: words::benefits(&r.package.benefits, lang),
            worth: r.worth.clone(),
        })
        .collect()
}

fn base(ds: &Dataset, lang: Lang, kind: AnswerKind) -> Answer {
    let m = &ds.manifest;
    Answer {
        kind,
        input: None,
        lat: None,
        lon: None,
        area_m2: None,
        in_data_area: None,
        sample_data: m.sample_data,
        notice: m.sample_data.then(|| text::sample_notice(lang).to_string()),
        data_version: m.data_version.clone(),
        layers: Vec::new(),
        packages: Vec::new(),
        disclaimer: None,
        incentives: None,
        facts: None,
        office: None,
        plot: None,
        choices: Vec::new(),
        report: None,
    }
}

/// The core's answer in the JS API's shape, with words in `lang`.
pub fn render(ds: &Dataset, lang: Lang, a: baft_core::answer::Answer) -> Answer {
    match a {
        baft_core::answer::Answer::Place(p) => place(ds, lang, *p),
        baft_core::answer::Answer::Choices(c) => {
            let mut a = base(ds, lang, AnswerKind::Choices);
            a.choices = c.choices.into_iter().map(Choice::from).collect();
            a
        }
    }
}

fn place(ds: &Dataset, lang: Lang, p: Place) -> Answer {
    let mut a = base(
        ds,
        lang,
        match p.kind {
            PlaceKind::Point => AnswerKind::Point,
            PlaceKind::Plot => AnswerKind::Plot,
        },
    );
    let (lon, lat) = p.lon_lat();
    a.lat = Some(lat);
    a.lon = Some(lon);
    a.input = p.input;
    match &p.result {
        CoreReport::Point(r) => {
            a.in_data_area = Some(r.in_data_area);
            a.layers = r.layers.iter().map(|l| point_layer(l, lang)).collect();
        }
        CoreReport::Plot(r) => {
            a.area_m2 = Some(r.area_m2);
            a.in_data_area = Some(r.in_data_area);
            a.layers = r.layers.iter().map(|l| plot_layer(l, lang)).collect();
        }
    }
    a.plot = p
        .parcel_index
        .zip(p.parcel)
        .map(|(index, info)| PlotAnswer {
            index,
            plot_id: info.plot_id.clone(),
            plate: info.plate_text(),
            renovation_code: info.renovation_code.clone(),
            block_id: info.block_id.clone(),
            info,
        });
    a.office = p.office;
    a.packages = packages(ds, lang, p.incentives.as_ref());
    a.disclaimer = p
        .incentives
        .as_ref()
        .and(ds.packages.as_ref())
        .map(|pk| pk.disclaimer.get(lang).to_string());
    a.incentives = p.incentives;
    a.facts = Some(p.facts);
    a.report = Some(match p.result {
        CoreReport::Point(r) => Report::Point(r),
        CoreReport::Plot(r) => Report::Plot(r),
    });
    a
}

impl From<baft_core::answer::Choice> for Choice {
    fn from(c: baft_core::answer::Choice) -> Self {
        match c {
            baft_core::answer::Choice::Plot {
                index,
                plot_id,
                plate,
                renovation_code,
                block_id,
            } => Choice::Plot {
                index,
                plot_id,
                plate,
                renovation_code,
                block_id,
            },
            baft_core::answer::Choice::Zone {
                layer_id,
                id,
                name,
                lon,
                lat,
            } => Choice::Zone {
                layer_id,
                id,
                name,
                lon,
                lat,
            },
        }
    }
}
