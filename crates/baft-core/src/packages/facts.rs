//! What is known about a plot, and where each fact came from.
//!
//! Facts come from the check (layer membership, the outline's area), from the parcel layer
//! (a later issue), from the user, or are assumed defaults that the UI marks as such. A fact
//! nobody knows stays unknown.

use crate::check::{PlotReport, PlotStatus, PointReport, PointStatus};
use crate::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A plot fact a condition can test.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum FactName {
    /// Membership in a layer (with `layer`).
    #[default]
    Layer,
    /// The plot's area, m².
    PlotAreaM2,
    /// The area of the plots consolidated together, m² (the plot's own area when building alone).
    ConsolidatedAreaM2,
    /// How many plots are consolidated, the plot itself included (1: building alone).
    PlotsConsolidated,
    /// Width of the street or passage on the plot's frontage, m.
    FrontageWidthM,
    /// Whether the plot is on a main neighbourhood axis.
    OnMainAxis,
    /// Land use: one of [`FactName::known_values`] (`residential`, `commercial`, …).
    LandUse,
    /// Age of the building, years.
    BuildingAgeYears,
    /// The building's structural system: one of [`FactName::known_values`].
    Structure,
    /// Number of housing units.
    Units,
    /// Whether the plot is part of a block-scale regeneration project.
    BlockScaleProject,
}

/// The type of a fact's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKind {
    /// A number, tested with `at_least`, `above`, `at_most` and `below`.
    Number,
    /// Yes or no, tested with `equals`.
    YesNo,
    /// One of the fact's known values, tested with `in` or `not_in`.
    Text,
    /// Membership in a layer, tested with `layer` and `in`.
    Membership,
}

impl FactName {
    /// Every fact, `Layer` first; the others are the facts a user can give.
    pub const ALL: [FactName; 11] = [
        FactName::Layer,
        FactName::PlotAreaM2,
        FactName::ConsolidatedAreaM2,
        FactName::PlotsConsolidated,
        FactName::FrontageWidthM,
        FactName::OnMainAxis,
        FactName::LandUse,
        FactName::BuildingAgeYears,
        FactName::Structure,
        FactName::Units,
        FactName::BlockScaleProject,
    ];

    /// The type of the fact's value, which decides the operators a condition may use.
    pub fn kind(self) -> FactKind {
        use FactName::*;
        match self {
            Layer => FactKind::Membership,
            PlotAreaM2 | ConsolidatedAreaM2 | PlotsConsolidated | FrontageWidthM
            | BuildingAgeYears | Units => FactKind::Number,
            OnMainAxis | BlockScaleProject => FactKind::YesNo,
            LandUse | Structure => FactKind::Text,
        }
    }

    /// The allowed values of a text fact.
    pub fn known_values(self) -> &'static [&'static str] {
        match self {
            FactName::LandUse => &["residential", "commercial", "mixed", "educational", "other"],
            FactName::Structure => &[
                "unreinforced_masonry",
                "steel_frame",
                "concrete_frame",
                "other",
            ],
            _ => &[],
        }
    }

    /// The snake_case name used in files, the CLI and URLs.
    pub fn key(self) -> &'static str {
        use FactName::*;
        match self {
            Layer => "layer",
            PlotAreaM2 => "plot_area_m2",
            ConsolidatedAreaM2 => "consolidated_area_m2",
            PlotsConsolidated => "plots_consolidated",
            FrontageWidthM => "frontage_width_m",
            OnMainAxis => "on_main_axis",
            LandUse => "land_use",
            BuildingAgeYears => "building_age_years",
            Structure => "structure",
            Units => "units",
            BlockScaleProject => "block_scale_project",
        }
    }

    /// Reads a key or one of its short aliases (`area`, `street`, `units`, `plots`, …).
    pub fn parse(s: &str) -> Option<FactName> {
        use FactName::*;
        let s = s.trim().to_ascii_lowercase().replace('-', "_");
        Some(match s.as_str() {
            "area" | "plot_area" | "plot_area_m2" => PlotAreaM2,
            "consolidated_area" | "consolidated_area_m2" | "total_area" => ConsolidatedAreaM2,
            "plots" | "plots_consolidated" => PlotsConsolidated,
            "street" | "width" | "frontage" | "frontage_width_m" => FrontageWidthM,
            "axis" | "main_axis" | "on_main_axis" => OnMainAxis,
            "use" | "land_use" => LandUse,
            "age" | "building_age" | "building_age_years" => BuildingAgeYears,
            "structure" => Structure,
            "units" => Units,
            "block_project" | "block_scale_project" => BlockScaleProject,
            _ => return None,
        })
    }
}

/// A fact's value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FactValue {
    /// A number, in the fact's unit (m², m, years or a count).
    Number(f64),
    /// Yes (true) or no (false).
    YesNo(bool),
    /// Text: one of the fact's known values, or a membership key for a layer.
    Text(String),
}

/// Where a fact came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FactSource {
    /// Measured by the check (the outline's area).
    Check,
    /// From the municipality's parcel layer.
    Parcel,
    /// Given by the user.
    User,
    /// A default the user hasn't confirmed; always shown as assumed.
    Assumed,
}

/// A known fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Known {
    /// The fact's value.
    pub value: FactValue,
    /// Where the value came from.
    pub source: FactSource,
}

/// How a plot stands in a layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Membership {
    /// Inside the layer (a point inside, or a plot at least 99.5 % inside).
    Inside,
    /// Partly inside and counts as inside by the manifest's threshold.
    PartlyInside,
    /// Partly inside but counts as outside.
    PartlyOutside,
    /// A point on the layer's boundary.
    OnBoundary,
    /// Outside the layer.
    Outside,
}

impl Membership {
    /// The snake_case name used in files and conditions: `inside`, `partly_inside`,
    /// `partly_outside`, `on_boundary` or `outside`.
    pub fn key(self) -> &'static str {
        match self {
            Membership::Inside => "inside",
            Membership::PartlyInside => "partly_inside",
            Membership::PartlyOutside => "partly_outside",
            Membership::OnBoundary => "on_boundary",
            Membership::Outside => "outside",
        }
    }
}

/// Everything known about a plot.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PlotFacts {
    /// Layer id → membership (from the check).
    pub layers: BTreeMap<String, Membership>,
    /// Every other known fact, with its value and source; a fact not here is unknown.
    pub facts: BTreeMap<FactName, Known>,
}

/// A fact the user typed that can't be used.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum FactError {
    /// No fact has this name, or the pair has no `=`; `name` is what was typed.
    UnknownFact {
        /// The name as typed, trimmed (the whole pair when it has no `=`).
        name: String,
    },
    /// A neighbour's area for a consolidation scenario is not a positive figure.
    BadNeighbourArea {
        /// Which neighbour: 1, 2 or 3.
        neighbour: usize,
        /// The text as typed, trimmed.
        value: String,
    },
    /// The value doesn't fit the fact (not a non-negative number, not yes or no, or not a known
    /// value).
    #[serde(rename = "bad_fact_value")]
    BadValue {
        /// The fact's name as typed, trimmed.
        name: String,
        /// The value as typed, trimmed.
        value: String,
    },
}

impl FactError {
    /// The error in words; for an unknown fact, with the list of facts.
    pub fn message(&self, lang: Lang) -> String {
        let names = FactName::ALL[1..]
            .iter()
            .map(|f| f.key())
            .collect::<Vec<_>>()
            .join(", ");
        match (self, lang) {
            (FactError::UnknownFact { name }, Lang::Fa) => format!("ویژگی «{name}» شناخته نیست. ویژگی‌ها: area، street، units، plots، axis، use، age، structure، block_project ({names})"),
            (FactError::UnknownFact { name }, Lang::En) => format!("Unknown fact “{name}”. Facts: area, street, units, plots, axis, use, age, structure, block_project ({names})"),
            (FactError::BadValue { name, value }, Lang::Fa) => format!("مقدار «{value}» برای «{name}» درست نیست"),
            (FactError::BadValue { name, value }, Lang::En) => format!("“{value}” is not a valid value for “{name}”"),
            (FactError::BadNeighbourArea { neighbour, value }, _) => say!(
                lang,
                "مساحت همسایهٔ {} («{}») عددی مثبت به متر مربع نیست",
                "The area of neighbour {} (“{}”) is not a positive number of m²",
                crate::base::digits::localize_digits(&neighbour.to_string(), lang),
                value
            ),
        }
    }
}

impl PlotFacts {
    /// Facts from a point check: layer memberships only.
    pub fn from_point(r: &PointReport) -> PlotFacts {
        let mut f = PlotFacts::default();
        for l in &r.layers {
            let m = match l.status {
                PointStatus::Inside => Membership::Inside,
                PointStatus::OnBoundary => Membership::OnBoundary,
                PointStatus::Outside => Membership::Outside,
            };
            f.layers.insert(l.layer.id.clone(), m);
        }
        f
    }

    /// Facts from a plot check: memberships and the measured area.
    pub fn from_plot(r: &PlotReport) -> PlotFacts {
        let mut f = PlotFacts::default();
        for l in &r.layers {
            let m = match (l.status, l.counts_as_inside) {
                (PlotStatus::Inside, _) => Membership::Inside,
                (PlotStatus::PartlyInside, true) => Membership::PartlyInside,
                (PlotStatus::PartlyInside, false) => Membership::PartlyOutside,
                (PlotStatus::Outside, _) => Membership::Outside,
            };
            f.layers.insert(l.layer.id.clone(), m);
        }
        f.set(
            FactName::PlotAreaM2,
            FactValue::Number((r.area_m2 * 10.0).round() / 10.0),
            FactSource::Check,
        );
        f
    }

    /// Sets a fact, replacing any earlier value.
    pub fn set(&mut self, name: FactName, value: FactValue, source: FactSource) {
        self.facts.insert(name, Known { value, source });
    }

    /// The fact's value and source; `None` when unknown.
    pub fn get(&self, name: FactName) -> Option<&Known> {
        self.facts.get(&name)
    }

    /// The fact's value as a number; `None` when unknown or not a number.
    pub fn number(&self, name: FactName) -> Option<f64> {
        match self.get(name)?.value {
            FactValue::Number(x) => Some(x),
            _ => None,
        }
    }

    /// Sets what hasn't been said to the usual defaults, marked as assumed: building alone
    /// (one plot), not part of a block-scale project.
    pub fn with_assumed_defaults(mut self) -> PlotFacts {
        for (name, v) in [
            (FactName::PlotsConsolidated, FactValue::Number(1.0)),
            (FactName::BlockScaleProject, FactValue::YesNo(false)),
        ] {
            self.facts.entry(name).or_insert(Known {
                value: v,
                source: FactSource::Assumed,
            });
        }
        // Building alone: the consolidated area is the plot's own area.
        if self.number(FactName::PlotsConsolidated) == Some(1.0)
            && self.get(FactName::ConsolidatedAreaM2).is_none()
        {
            if let Some(k) = self.get(FactName::PlotAreaM2).cloned() {
                self.facts.insert(FactName::ConsolidatedAreaM2, k);
            }
        }
        self
    }

    /// Reads user facts like `area=180,street=8,units=4,axis=yes,use=residential` (any digits;
    /// `,` `;` or new lines between them). Values given here override earlier ones.
    pub fn set_from_text(&mut self, text: &str, source: FactSource) -> Result<(), FactError> {
        let text = crate::base::digits::normalize(text);
        for pair in text
            .split([',', ';', '\n'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let (k, v) = pair
                .split_once('=')
                .ok_or_else(|| FactError::UnknownFact { name: pair.into() })?;
            let name = FactName::parse(k).ok_or_else(|| FactError::UnknownFact {
                name: k.trim().into(),
            })?;
            let bad = || FactError::BadValue {
                name: k.trim().into(),
                value: v.trim().into(),
            };
            let v = v.trim();
            let value = match name.kind() {
                FactKind::Number => FactValue::Number(figure(v).ok_or_else(bad)?),
                FactKind::YesNo => FactValue::YesNo(match v.to_ascii_lowercase().as_str() {
                    "yes" | "y" | "true" | "1" | "بله" | "آری" => true,
                    "no" | "n" | "false" | "0" | "خیر" | "نه" => false,
                    _ => return Err(bad()),
                }),
                FactKind::Text => {
                    let v = v.to_ascii_lowercase();
                    if !name.known_values().contains(&v.as_str()) {
                        return Err(bad());
                    }
                    FactValue::Text(v)
                }
                FactKind::Membership => return Err(FactError::UnknownFact { name: k.into() }),
            };
            self.set(name, value, source);
        }
        Ok(())
    }
}

/// A figure as an owner types it: a finite, non-negative number in any digits, with an optional
/// unit of metres or square metres after it (`180`, `180 m2`, `180m²`, `۱۸۰ متر مربع`, `8 m`).
pub fn figure(text: &str) -> Option<f64> {
    let t = crate::base::digits::normalize(text);
    let mut t = t.trim();
    for unit in ["متر مربع", "مترمربع", "متر", "m2", "m²", "m"] {
        t = t.strip_suffix(unit).unwrap_or(t).trim();
    }
    t.parse::<f64>().ok().filter(|x| x.is_finite() && *x >= 0.0)
}
