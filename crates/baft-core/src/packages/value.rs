//! What the counted packages are worth, with every assumption listed.
//!
//! - Extra floor area = extra floors × (coverage × plot area) + density bonus % × permitted
//!   floor area (base floors × coverage × plot area); the consolidation bonus is capped at its
//!   `density_cap_floors`. When plots are consolidated, the consolidated area is used.
//! - Permit fee (Qods-style tariff, sample) = land value P × coefficient K × floor area
//!   (permitted + extra); the saving is the discount % of it.
//! - Loans = loan per unit × housing units (units as said, or assumed one per floor).
//! - Value of the extra area = extra area × land value P (a floor for the estimate, not a price).

use super::facts::{FactName, FactSource, PlotFacts};
use super::format::{Package, PackagesFile, Valuation};
use crate::read::manifest::LocalText;
use serde::Serialize;

/// One assumption behind a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assumption {
    /// The assumption in words, e.g. "area 180 m²".
    pub text: LocalText,
    /// Where the number came from.
    pub source: AssumptionSource,
}

/// Where an assumption's number came from. Serialised as `packages file`, `parcel layer`,
/// `check`, `you` or `assumed` (the JS API's and `baft check --json`'s strings); in words:
/// [`super::words::assumption_source`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AssumptionSource {
    /// The packages file's valuation.
    #[serde(rename = "packages file")]
    PackagesFile,
    /// The municipality's parcel layer.
    #[serde(rename = "parcel layer")]
    ParcelLayer,
    /// Measured by the check (the outline's area).
    #[serde(rename = "check")]
    Check,
    /// Given by the user.
    #[serde(rename = "you")]
    User,
    /// A default nobody confirmed.
    #[serde(rename = "assumed")]
    Assumed,
}

impl From<FactSource> for AssumptionSource {
    fn from(s: FactSource) -> AssumptionSource {
        match s {
            FactSource::Check => AssumptionSource::Check,
            FactSource::Parcel => AssumptionSource::ParcelLayer,
            FactSource::User => AssumptionSource::User,
            FactSource::Assumed => AssumptionSource::Assumed,
        }
    }
}

/// Estimated figures; `None` when a needed fact is unknown.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Worth {
    /// The area the figures use, m²: the consolidated area when plots are consolidated, else the
    /// plot's own.
    pub area_m2: Option<f64>,
    /// Extra floor area from the extra floors and the density bonus, m².
    pub extra_floor_area_m2: Option<f64>,
    /// Permit fee on the permitted and extra floor area, rial.
    pub permit_fee_rial: Option<f64>,
    /// Permit fee saving from the discount, rial.
    pub fee_saving_rial: Option<f64>,
    /// Housing units the loans are counted for (as given, or assumed).
    pub units: Option<f64>,
    /// Renovation loans for all units, rial (credit, not value).
    pub loans_total_rial: Option<f64>,
    /// The part of those loans at 0 %, rial.
    pub loans_zero_rate_total_rial: Option<f64>,
    /// Rent loans while rebuilding, one per housing unit, rial.
    pub rent_loans_total_rial: Option<f64>,
    /// The extra floor area valued at the regional land value, rial (a floor for the estimate, not
    /// a market price).
    pub extra_area_value_rial: Option<f64>,
    /// Fee saving + value of the extra area (loans are credit, not value, and are listed apart).
    pub total_value_rial: Option<f64>,
    /// Every assumption behind the figures, with where each came from.
    pub assumptions: Vec<Assumption>,
}

/// All benefits of the counted packages together.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Combined {
    /// Extra floors of the counted packages, summed and capped by the stacking's
    /// `max_extra_floors`.
    pub extra_floors: f64,
    /// The uncapped sum when the cap reduced it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extra_floors_before_cap: Option<f64>,
    /// Density bonus, % of the permitted floor area: the packages' bonuses added up (each
    /// consolidation bonus capped by its `density_cap_floors`).
    pub density_percent: f64,
    /// Permit fee discount, %: the largest of the packages'.
    pub permit_fee_discount_percent: f64,
    /// Parking spaces required per housing unit: the smallest requirement; `None` when no package
    /// sets one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parking_per_unit: Option<f64>,
    /// Renovation loan per housing unit, rial: the largest of the packages'.
    pub loan_per_unit_rial: f64,
    /// Annual interest rate of that loan, %; `None` when its package gives none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loan_rate_percent: Option<f64>,
    /// Repayment term of that loan, years; `None` when its package gives none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loan_term_years: Option<f64>,
    /// The part of that loan per unit at 0 %, rial.
    pub loan_zero_rate_portion_rial: f64,
    /// Rent loan per household while rebuilding, rial: the largest of the packages'.
    pub rent_loan_rial: f64,
    /// Engineering-fee discount, %: the largest of the packages'.
    pub engineering_fee_discount_percent: f64,
    /// Ids of the packages that count.
    pub counted: Vec<String>,
}

/// The combined benefits of `packages` (stacking caps included).
pub fn benefits_of(packages: &[Package], facts: &PlotFacts, file: &PackagesFile) -> Combined {
    let mut c = Combined::default();
    let plots = facts.number(FactName::PlotsConsolidated).unwrap_or(1.0);
    let base = file.valuation.base_floors.max(1e-9);
    for p in packages {
        let b = &p.benefits;
        c.counted.push(p.id.clone());
        c.extra_floors += b.extra_floors.unwrap_or(0.0);
        c.density_percent += b.density_percent.unwrap_or(0.0);
        if let Some(per) = b.density_percent_per_extra_plot {
            let mut pct = per * (plots - 1.0).max(0.0);
            if let Some(cap) = b.density_cap_floors {
                pct = pct.min(cap / base * 100.0);
            }
            c.density_percent += pct;
        }
        c.permit_fee_discount_percent = c
            .permit_fee_discount_percent
            .max(b.permit_fee_discount_percent.unwrap_or(0.0));
        c.engineering_fee_discount_percent = c
            .engineering_fee_discount_percent
            .max(b.engineering_fee_discount_percent.unwrap_or(0.0));
        if let Some(pk) = b.parking_per_unit {
            c.parking_per_unit = Some(c.parking_per_unit.map_or(pk, |x: f64| x.min(pk)));
        }
        if b.loan_per_unit_rial.unwrap_or(0.0) > c.loan_per_unit_rial {
            c.loan_per_unit_rial = b.loan_per_unit_rial.unwrap_or(0.0);
            c.loan_rate_percent = b.loan_rate_percent;
            c.loan_term_years = b.loan_term_years;
            c.loan_zero_rate_portion_rial = b.loan_zero_rate_portion_rial.unwrap_or(0.0);
        }
        c.rent_loan_rial = c.rent_loan_rial.max(b.rent_loan_rial.unwrap_or(0.0));
    }
    if let Some(cap) = file.stacking.max_extra_floors {
        if c.extra_floors > cap {
            c.extra_floors_before_cap = Some(c.extra_floors);
            c.extra_floors = cap;
        }
    }
    c
}

/// Estimates what `combined` is worth for this plot.
pub fn estimate(file: &PackagesFile, facts: &PlotFacts, combined: &Combined) -> Worth {
    let v = &file.valuation;
    let mut w = Worth::default();
    let sample = if v.sample_assumption { " (sample)" } else { "" };
    let sample_fa = if v.sample_assumption {
        " (نمونه)"
    } else {
        ""
    };
    let (area, area_source) = area_used(facts);
    w.assumptions.push(Assumption {
        text: LocalText {
            fa: format!(
                "سطح اشغال {}٪ و {} طبقهٔ مجاز پایه{sample_fa}",
                figure_fa(v.coverage_ratio * 100.0),
                figure_fa(v.base_floors)
            ),
            en: format!(
                "coverage {}% and {} permitted base floors{sample}",
                figure(v.coverage_ratio * 100.0),
                figure(v.base_floors)
            ),
        },
        source: AssumptionSource::PackagesFile,
    });
    let Some(area) = area else { return w };
    w.area_m2 = Some(area);
    w.assumptions.push(Assumption {
        text: LocalText {
            fa: format!("مساحت {} متر مربع", figure_fa(area)),
            en: format!("area {} m²", figure(area)),
        },
        source: area_source.map_or(AssumptionSource::Assumed, AssumptionSource::from),
    });
    let extra = add_floor_area_and_fee(&mut w, v, combined, area, sample, sample_fa);
    add_units_and_loans(&mut w, v, facts, combined);
    w.extra_area_value_rial = Some(extra * v.land_value_rial_per_m2);
    w.total_value_rial = Some(w.fee_saving_rial.unwrap_or(0.0) + extra * v.land_value_rial_per_m2);
    w.assumptions.push(Assumption {
        text: LocalText {
            fa: "ارزش زیربنای اضافه به ارزش منطقه‌ای زمین سنجیده شده (کمینه، نه قیمت بازار)".into(),
            en: "extra floor area valued at the regional land value (a floor, not a market price)"
                .into(),
        },
        source: AssumptionSource::PackagesFile,
    });
    w
}

/// A figure written in English digits.
fn figure(x: f64) -> String {
    crate::error::trim_float(x)
}

/// A figure written in Persian digits.
fn figure_fa(x: f64) -> String {
    crate::base::digits::localize_digits(&crate::error::trim_float(x), crate::Lang::Fa)
}

/// The area the figures use (the consolidated area when plots are consolidated, else the
/// plot's own) and where it came from.
fn area_used(facts: &PlotFacts) -> (Option<f64>, Option<FactSource>) {
    let plots = facts.number(FactName::PlotsConsolidated).unwrap_or(1.0);
    if plots > 1.0 {
        (
            facts.number(FactName::ConsolidatedAreaM2),
            facts.get(FactName::ConsolidatedAreaM2).map(|k| k.source),
        )
    } else {
        (
            facts.number(FactName::PlotAreaM2),
            facts.get(FactName::PlotAreaM2).map(|k| k.source),
        )
    }
}

/// Sets the extra floor area, permit fee and fee saving on `w` for a plot of `area` m², with
/// the fee's assumption; returns the extra floor area, m².
fn add_floor_area_and_fee(
    w: &mut Worth,
    v: &Valuation,
    combined: &Combined,
    area: f64,
    sample: &str,
    sample_fa: &str,
) -> f64 {
    let floor = v.coverage_ratio * area;
    let base_area = v.base_floors * floor;
    let extra = combined.extra_floors * floor + combined.density_percent / 100.0 * base_area;
    w.extra_floor_area_m2 = Some(extra);
    let fee = v.land_value_rial_per_m2 * v.permit_fee_coefficient * (base_area + extra);
    w.permit_fee_rial = Some(fee);
    w.fee_saving_rial = Some(fee * combined.permit_fee_discount_percent / 100.0);
    w.assumptions.push(Assumption {
        text: LocalText {
            fa: format!(
                "عوارض پروانه = ارزش منطقه‌ای {} ریال در متر مربع × ضریب {} × زیربنا{sample_fa}",
                crate::base::units::format_number(v.land_value_rial_per_m2, 0, crate::Lang::Fa),
                crate::base::digits::localize_digits(
                    &figure(v.permit_fee_coefficient),
                    crate::Lang::Fa
                )
            ),
            en: format!(
                "permit fee = land value {} rial/m² × coefficient {} × floor area{sample}",
                crate::base::units::format_number(v.land_value_rial_per_m2, 0, crate::Lang::En),
                figure(v.permit_fee_coefficient)
            ),
        },
        source: AssumptionSource::PackagesFile,
    });
    extra
}

/// Sets the housing units (as given, or assumed) and the loans for them on `w`, with the
/// units' assumption.
fn add_units_and_loans(w: &mut Worth, v: &Valuation, facts: &PlotFacts, combined: &Combined) {
    let (units, units_source) = match facts.get(FactName::Units) {
        Some(k) => (
            facts.number(FactName::Units),
            AssumptionSource::from(k.source),
        ),
        None => (
            Some(
                v.default_units
                    .unwrap_or(v.base_floors + combined.extra_floors)
                    .max(1.0),
            ),
            AssumptionSource::Assumed,
        ),
    };
    if let Some(u) = units {
        w.units = Some(u);
        w.assumptions.push(Assumption {
            text: LocalText {
                fa: format!("{} واحد مسکونی", figure_fa(u)),
                en: format!("{} housing units", figure(u)),
            },
            source: units_source,
        });
        w.loans_total_rial = Some(combined.loan_per_unit_rial * u);
        w.loans_zero_rate_total_rial = Some(combined.loan_zero_rate_portion_rial * u);
        w.rent_loans_total_rial = Some(combined.rent_loan_rial * u);
    }
}
