//! The packages file. See `docs/packages-format.md`.

use super::facts::FactName;
use crate::base::jalali::GregorianDate;
pub use crate::error::{DataFile, FieldError, FieldKind};
use crate::read::manifest::{ApprovalDate, LocalText};
use serde::{Deserialize, Serialize};
mod check;
mod condition;
#[allow(unused_imports)]
pub use check::*;
#[allow(unused_imports)]
pub use condition::*;

/// The packages file format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// A package's group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PackageGroup {
    /// The national physical incentive package (بستهٔ تشویقی کالبدی), its four groups.
    NationalPhysical,
    /// Permit and density fee discounts (تخفیف عوارض صدور پروانه).
    FeeDiscount,
    /// Consolidation bonuses (تشویق تجمیع).
    Consolidation,
    /// Renovation loans (تسهیلات نوسازی).
    RenovationLoan,
    /// Rent loans while rebuilding (ودیعهٔ اجاره).
    RentLoan,
    /// Engineering-fee discounts (تخفیف تعرفهٔ نظام مهندسی).
    EngineeringFee,
    /// Informal-settlement packages.
    InformalSettlement,
    /// Historic-fabric packages.
    HistoricFabric,
    /// Any other package.
    Other,
}

/// Where a package comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackageSource {
    /// e.g. "Supreme Council of Urban Planning and Architecture resolution".
    pub title: LocalText,
    /// Letter or resolution number, e.g. `300/111898`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Date of the resolution or letter, in both calendars.
    pub date: ApprovalDate,
    /// A link to its text, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One condition on a plot fact. Exactly the operators that fit the fact's type are allowed:
/// numbers take `at_least` (≥), `above` (>), `at_most` (≤), `below` (<); yes/no facts take
/// `equals`; text facts take `in` (one of) or `not_in`; `layer` takes `layer` and `in`
/// (membership values: `inside`, `partly_inside`, `partly_outside`, `on_boundary`, `outside`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The fact tested.
    pub fact: FactName,
    /// For a `layer` fact: the layer's id in the manifest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer: Option<String>,
    /// Holds when the number is at least this (≥).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<f64>,
    /// Holds when the number is above this (>).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above: Option<f64>,
    /// Holds when the number is at most this (≤).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<f64>,
    /// Holds when the number is below this (<).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<f64>,
    /// For a yes/no fact: the value that holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<bool>,
    /// `in`: the values that hold (for `layer`, the memberships in [`MEMBERSHIPS`]).
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Vec<String>>,
    /// For a text fact: the values that don't hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_in: Option<Vec<String>>,
}

/// What a package gives. Every field is optional; amounts are in rials.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Benefits {
    /// Extra floors above the permitted density.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_floors: Option<f64>,
    /// Extra density, % of the permitted floor area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub density_percent: Option<f64>,
    /// Extra density per plot consolidated beyond the first, % of the permitted floor area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub density_percent_per_extra_plot: Option<f64>,
    /// Cap on the density bonus, in floors (floor = coverage × plot area).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub density_cap_floors: Option<f64>,
    /// Discount on permit and density fees, %.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permit_fee_discount_percent: Option<f64>,
    /// Parking spaces required per housing unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parking_per_unit: Option<f64>,
    /// Renovation loan per housing unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loan_per_unit_rial: Option<f64>,
    /// Annual interest rate of the loan, %.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loan_rate_percent: Option<f64>,
    /// Repayment term, years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loan_term_years: Option<f64>,
    /// Part of the loan per unit at 0 %.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loan_zero_rate_portion_rial: Option<f64>,
    /// Rent loan per household while rebuilding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rent_loan_rial: Option<f64>,
    /// Discount on engineering (نظام مهندسی) fees, %.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engineering_fee_discount_percent: Option<f64>,
    /// Anything else, in words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extras: Vec<LocalText>,
}

/// One incentive package.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Package {
    /// Stable id, e.g. `national-1401-inside-fabric`.
    pub id: String,
    /// The group it belongs to.
    pub group: PackageGroup,
    /// The package's name.
    pub name: LocalText,
    /// The package's description, in Persian and English.
    pub description: LocalText,
    /// The resolution or letter it comes from.
    pub source: PackageSource,
    /// First day in force (inclusive), in both calendars.
    pub valid_from: ApprovalDate,
    /// Last day in force (inclusive); `None`: no end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<ApprovalDate>,
    /// Values here are sample assumptions, not confirmed for this city.
    #[serde(default)]
    pub sample_assumption: bool,
    /// A note on the values not confirmed for this city, shown with the package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assumption_note: Option<LocalText>,
    /// All must hold.
    pub conditions: Vec<Condition>,
    /// What it gives when it counts.
    pub benefits: Benefits,
}

impl Package {
    /// Whether the package is in force on `day` (inclusive dates).
    pub fn in_force(&self, day: GregorianDate) -> bool {
        let from = self.valid_from.gregorian_date();
        let to = self.valid_to.as_ref().and_then(|d| d.gregorian_date());
        from.is_some_and(|f| f <= day) && to.is_none_or(|t| day <= t)
    }
}

/// A set of packages of which only the best one counts ("best of").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExclusiveSet {
    /// The set's id.
    pub id: String,
    /// The set's name.
    pub name: LocalText,
    /// Ids of the packages in the set.
    pub packages: Vec<String>,
}

/// How packages combine.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stacking {
    /// Cap on the extra floors from all packages together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_extra_floors: Option<f64>,
    /// Sets whose members exclude each other: the best applying one counts (most extra floors,
    /// then largest estimated value, then file order).
    #[serde(default)]
    pub exclusive: Vec<ExclusiveSet>,
}

/// The figures used to estimate what packages are worth (all marked as assumptions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Valuation {
    /// Share of the plot a floor may cover (سطح اشغال), 0–1.
    pub coverage_ratio: f64,
    /// Permitted floors before incentives (the base the density % applies to).
    pub base_floors: f64,
    /// Regional land value per m² (ارزش منطقه‌ای, P), rials.
    pub land_value_rial_per_m2: f64,
    /// Permit fee per m² of floor area = P × this coefficient (K).
    pub permit_fee_coefficient: f64,
    /// Housing units assumed when the owner hasn't said (one per floor by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_units: Option<f64>,
    /// Where the figures come from.
    pub source: PackageSource,
    /// The figures are sample assumptions, not confirmed for this city.
    #[serde(default)]
    pub sample_assumption: bool,
}

/// The packages file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackagesFile {
    /// Format version; must be [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The file's title, in Persian and English.
    pub title: LocalText,
    /// Shown with every figure: the municipality decides.
    pub disclaimer: LocalText,
    /// The figures used to estimate what packages are worth.
    pub valuation: Valuation,
    /// How packages combine (default: no cap, no exclusive sets).
    #[serde(default)]
    pub stacking: Stacking,
    /// Every package, in file order.
    pub packages: Vec<Package>,
}

/// Membership values a `layer` condition may list.
pub const MEMBERSHIPS: [&str; 5] = [
    "inside",
    "partly_inside",
    "partly_outside",
    "on_boundary",
    "outside",
];
