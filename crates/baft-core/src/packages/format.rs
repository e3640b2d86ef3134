//! The packages file. See `docs/packages-format.md`.

use super::facts::FactName;
use crate::base::jalali::GregorianDate;
use crate::read::manifest::{ApprovalDate, LocalText};
use crate::Lang;
use serde::{Deserialize, Serialize};

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
    pub date: ApprovalDate,
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
    pub fact: FactName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<bool>,
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Vec<String>>,
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
    pub id: String,
    pub group: PackageGroup,
    pub name: LocalText,
    pub description: LocalText,
    pub source: PackageSource,
    pub valid_from: ApprovalDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<ApprovalDate>,
    /// Values here are sample assumptions, not confirmed for this city.
    #[serde(default)]
    pub sample_assumption: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assumption_note: Option<LocalText>,
    /// All must hold.
    pub conditions: Vec<Condition>,
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
    pub id: String,
    pub name: LocalText,
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
    pub source: PackageSource,
    #[serde(default)]
    pub sample_assumption: bool,
}

/// The packages file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackagesFile {
    pub format_version: u32,
    pub title: LocalText,
    /// Shown with every figure: the municipality decides.
    pub disclaimer: LocalText,
    pub valuation: Valuation,
    #[serde(default)]
    pub stacking: Stacking,
    pub packages: Vec<Package>,
}

/// A validation error: the package (or section) and field, and what is wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackageError {
    /// Package id, or the section (`valuation`, `stacking`, `file`).
    pub package: String,
    /// JSON path of the field inside it, e.g. `conditions[1].at_least`.
    pub field: String,
    pub detail: LocalText,
}

impl PackageError {
    fn new(package: &str, field: impl Into<String>, fa: String, en: String) -> Self {
        PackageError {
            package: package.into(),
            field: field.into(),
            detail: LocalText { fa, en },
        }
    }
    pub fn message(&self, lang: Lang) -> String {
        package_error_text(&self.package, &self.field, &self.detail, lang)
    }
}

/// `package “p”, field “f”: …`; the sections `valuation` and `stacking` are named as such, and
/// `file` (the file as a whole) by its field alone.
pub fn package_error_text(package: &str, field: &str, detail: &LocalText, lang: Lang) -> String {
    let d = detail.get(lang);
    let fa = lang == Lang::Fa;
    let whom = match (package, fa) {
        ("file", _) => None,
        ("valuation" | "stacking", true) => Some(format!("بخش «{package}»")),
        ("valuation" | "stacking", false) => Some(format!("section “{package}”")),
        (_, true) => Some(format!("بستهٔ «{package}»")),
        (_, false) => Some(format!("package “{package}”")),
    };
    let field = (!field.is_empty()).then(|| match fa {
        true => format!("فیلد «{field}»"),
        false => format!("field “{field}”"),
    });
    let place: Vec<String> = whom.into_iter().chain(field).collect();
    if place.is_empty() {
        d.to_string()
    } else {
        format!("{}: {d}", place.join(lang.pick("، ", ", ")))
    }
}

/// Membership values a `layer` condition may list.
pub const MEMBERSHIPS: [&str; 5] = [
    "inside",
    "partly_inside",
    "partly_outside",
    "on_boundary",
    "outside",
];

impl PackagesFile {
    /// Parses and validates. `layer_ids` are the manifest's layers (conditions may only name
    /// those); pass `None` to skip that check.
    pub fn parse(
        text: &str,
        layer_ids: Option<&[String]>,
    ) -> Result<PackagesFile, Vec<PackageError>> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let f: PackagesFile = serde_json::from_str(text).map_err(|e| structure_errors(text, &e))?;
        let errs = f.validate(layer_ids);
        if errs.is_empty() {
            Ok(f)
        } else {
            Err(errs)
        }
    }

    /// Checks what serde can't: ranges, operators that fit each fact, known layers, dates in
    /// both calendars that agree, unique ids, stacking sets naming real packages, and
    /// overlapping validity of two packages with the same id.
    pub fn validate(&self, layer_ids: Option<&[String]>) -> Vec<PackageError> {
        let mut e = Vec::new();
        if self.format_version != FORMAT_VERSION {
            e.push(PackageError::new(
                "file",
                "format_version",
                crate::base::digits::to_persian_digits(&format!(
                    "نسخهٔ {} پشتیبانی نمی‌شود (فقط {FORMAT_VERSION})",
                    self.format_version
                )),
                format!(
                    "version {} is not supported (only {FORMAT_VERSION})",
                    self.format_version
                ),
            ));
        }
        let v = &self.valuation;
        let mut range = |pkg: &str, field: &str, x: Option<f64>, lo: f64, hi: f64| {
            if let Some(x) = x {
                if !(x.is_finite() && x >= lo && x <= hi) {
                    let n = crate::error::error_number;
                    let p = |v: f64| crate::base::digits::to_persian_digits(&n(v));
                    e.push(PackageError::new(
                        pkg,
                        field,
                        format!("مقدار {} باید بین {} و {} باشد", p(x), p(lo), p(hi)),
                        format!("value {} must be between {} and {}", n(x), n(lo), n(hi)),
                    ));
                }
            }
        };
        range(
            "valuation",
            "coverage_ratio",
            Some(v.coverage_ratio),
            0.05,
            1.0,
        );
        range("valuation", "base_floors", Some(v.base_floors), 0.0, 60.0);
        range(
            "valuation",
            "land_value_rial_per_m2",
            Some(v.land_value_rial_per_m2),
            0.0,
            1e13,
        );
        range(
            "valuation",
            "permit_fee_coefficient",
            Some(v.permit_fee_coefficient),
            0.0,
            100.0,
        );
        range("valuation", "default_units", v.default_units, 1.0, 10_000.0);
        range(
            "stacking",
            "max_extra_floors",
            self.stacking.max_extra_floors,
            0.0,
            20.0,
        );
        for (i, p) in self.packages.iter().enumerate() {
            let id = if p.id.trim().is_empty() {
                format!("#{i}")
            } else {
                p.id.clone()
            };
            let b = &p.benefits;
            range(&id, "benefits.extra_floors", b.extra_floors, 0.0, 10.0);
            range(
                &id,
                "benefits.density_percent",
                b.density_percent,
                0.0,
                500.0,
            );
            range(
                &id,
                "benefits.density_percent_per_extra_plot",
                b.density_percent_per_extra_plot,
                0.0,
                200.0,
            );
            range(
                &id,
                "benefits.density_cap_floors",
                b.density_cap_floors,
                0.0,
                10.0,
            );
            range(
                &id,
                "benefits.permit_fee_discount_percent",
                b.permit_fee_discount_percent,
                0.0,
                100.0,
            );
            range(
                &id,
                "benefits.engineering_fee_discount_percent",
                b.engineering_fee_discount_percent,
                0.0,
                100.0,
            );
            range(
                &id,
                "benefits.parking_per_unit",
                b.parking_per_unit,
                0.0,
                5.0,
            );
            range(
                &id,
                "benefits.loan_per_unit_rial",
                b.loan_per_unit_rial,
                0.0,
                1e13,
            );
            range(
                &id,
                "benefits.loan_rate_percent",
                b.loan_rate_percent,
                0.0,
                100.0,
            );
            range(
                &id,
                "benefits.loan_term_years",
                b.loan_term_years,
                0.0,
                50.0,
            );
            range(
                &id,
                "benefits.loan_zero_rate_portion_rial",
                b.loan_zero_rate_portion_rial,
                0.0,
                b.loan_per_unit_rial.unwrap_or(1e13),
            );
            range(&id, "benefits.rent_loan_rial", b.rent_loan_rial, 0.0, 1e13);
        }
        let mut ids = std::collections::HashSet::new();
        for (i, p) in self.packages.iter().enumerate() {
            let id = if p.id.trim().is_empty() {
                format!("#{i}")
            } else {
                p.id.clone()
            };
            if p.id.trim().is_empty() {
                e.push(PackageError::new(
                    &id,
                    "id",
                    "شناسه خالی است".into(),
                    "the id is empty".into(),
                ));
            }
            if !ids.insert(p.id.clone()) {
                e.push(PackageError::new(
                    &id,
                    "id",
                    "شناسهٔ تکراری".into(),
                    "duplicate id".into(),
                ));
            }
            check_date(&mut e, &id, "valid_from", Some(&p.valid_from));
            check_date(&mut e, &id, "valid_to", p.valid_to.as_ref());
            check_date(&mut e, &id, "source.date", Some(&p.source.date));
            if let (Some(f), Some(t)) = (
                p.valid_from.gregorian_date(),
                p.valid_to.as_ref().and_then(|d| d.gregorian_date()),
            ) {
                if t < f {
                    e.push(PackageError::new(
                        &id,
                        "valid_to",
                        "پایان اعتبار پیش از آغاز آن است".into(),
                        "validity ends before it starts".into(),
                    ));
                }
            }
            if p.conditions.is_empty() {
                e.push(PackageError::new(
                    &id,
                    "conditions",
                    "دست‌کم یک شرط لازم است (مثلاً عضویت در لایه)".into(),
                    "at least one condition is required (e.g. layer membership)".into(),
                ));
            }
            for (k, c) in p.conditions.iter().enumerate() {
                for (field, fa, en) in c.problems(layer_ids) {
                    e.push(PackageError::new(
                        &id,
                        format!("conditions[{k}].{field}"),
                        fa,
                        en,
                    ));
                }
            }
            if p.benefits == Benefits::default() {
                e.push(PackageError::new(
                    &id,
                    "benefits",
                    "هیچ مزیتی تعریف نشده".into(),
                    "no benefit is given".into(),
                ));
            }
        }
        for (i, set) in self.stacking.exclusive.iter().enumerate() {
            for (k, pid) in set.packages.iter().enumerate() {
                if !self.packages.iter().any(|p| &p.id == pid) {
                    e.push(PackageError::new(
                        "stacking",
                        format!("exclusive[{i}].packages[{k}]"),
                        format!("بستهٔ «{pid}» وجود ندارد"),
                        format!("no package “{pid}”"),
                    ));
                }
            }
        }
        e
    }
}

fn check_date(e: &mut Vec<PackageError>, id: &str, field: &str, d: Option<&ApprovalDate>) {
    let Some(d) = d else { return };
    match (d.jalali_date(), d.gregorian_date()) {
        (None, _) => e.push(PackageError::new(
            id,
            format!("{field}.jalali"),
            format!("«{}» تاریخ شمسی معتبری نیست", d.jalali),
            format!("“{}” is not a valid Jalali date", d.jalali),
        )),
        (_, None) => e.push(PackageError::new(
            id,
            format!("{field}.iso"),
            format!("«{}» تاریخ میلادی معتبری نیست", d.iso),
            format!("“{}” is not a valid ISO date", d.iso),
        )),
        (Some(j), Some(g)) if j.to_gregorian() != g => e.push(PackageError::new(
            id,
            field,
            format!("{} برابر {} است، نه {}", d.jalali, j.to_gregorian(), d.iso),
            format!("{} is {}, not {}", d.jalali, j.to_gregorian(), d.iso),
        )),
        _ => {}
    }
}

impl Condition {
    /// What is wrong with this condition: (field, Persian, English).
    fn problems(&self, layer_ids: Option<&[String]>) -> Vec<(&'static str, String, String)> {
        use super::facts::FactKind::*;
        let mut p = Vec::new();
        let numeric = [self.at_least, self.above, self.at_most, self.below];
        let has_num = numeric.iter().any(Option::is_some);
        let has_set = self.one_of.is_some() || self.not_in.is_some();
        match self.fact.kind() {
            Number => {
                if !has_num || self.equals.is_some() || has_set || self.layer.is_some() {
                    p.push((
                        "fact",
                        "برای عدد فقط at_least، above، at_most و below".into(),
                        "a number takes only at_least, above, at_most, below".into(),
                    ));
                }
                if numeric.iter().flatten().any(|x| !x.is_finite() || *x < 0.0) {
                    p.push((
                        "at_least",
                        "حدها باید عدد نامنفی باشند".into(),
                        "limits must be non-negative numbers".into(),
                    ));
                }
            }
            YesNo => {
                if self.equals.is_none() || has_num || has_set || self.layer.is_some() {
                    p.push((
                        "equals",
                        "برای بله/خیر فقط equals: true یا false".into(),
                        "a yes/no fact takes only equals: true or false".into(),
                    ));
                }
            }
            Text => {
                if !has_set || has_num || self.equals.is_some() || self.layer.is_some() {
                    p.push((
                        "in",
                        "برای متن فقط in یا not_in".into(),
                        "a text fact takes only in or not_in".into(),
                    ));
                }
                if let Some(vals) = self.one_of.iter().chain(self.not_in.iter()).next() {
                    let known = self.fact.known_values();
                    if let Some(bad) = vals.iter().find(|v| !known.contains(&v.as_str())) {
                        p.push((
                            "in",
                            format!("مقدار ناشناخته «{bad}»؛ مجاز: {}", known.join("، ")),
                            format!("unknown value “{bad}”; allowed: {}", known.join(", ")),
                        ));
                    }
                }
            }
            Membership => {
                match (&self.layer, layer_ids) {
                    (None, _) => p.push((
                        "layer",
                        "نام لایه لازم است".into(),
                        "the layer id is required".into(),
                    )),
                    (Some(l), Some(ids)) if !ids.contains(l) => p.push((
                        "layer",
                        format!("لایهٔ «{l}» در مانیفست نیست"),
                        format!("layer “{l}” is not in the manifest"),
                    )),
                    _ => {}
                }
                match &self.one_of {
                    None => p.push((
                        "in",
                        "فهرست وضعیت‌ها (in) لازم است".into(),
                        "the list of memberships (in) is required".into(),
                    )),
                    Some(v) => {
                        if let Some(bad) = v.iter().find(|m| !MEMBERSHIPS.contains(&m.as_str())) {
                            p.push((
                                "in",
                                format!("وضعیت ناشناختهٔ «{bad}»؛ مجاز: {}", MEMBERSHIPS.join("، ")),
                                format!(
                                    "unknown membership “{bad}”; allowed: {}",
                                    MEMBERSHIPS.join(", ")
                                ),
                            ));
                        }
                    }
                }
                if has_num || self.equals.is_some() || self.not_in.is_some() {
                    p.push((
                        "fact",
                        "برای لایه فقط layer و in".into(),
                        "a layer condition takes only layer and in".into(),
                    ));
                }
            }
        }
        p
    }
}

/// Explains a failed parse. Text that isn't JSON: the line and column. Otherwise each package
/// that fails on its own is named by its id, with the field (`benefits.extra_floors`); an error
/// outside the packages names its field in the file (`valuation.coverage_ratio`).
fn structure_errors(text: &str, whole: &serde_json::Error) -> Vec<PackageError> {
    use crate::read::json_error::{describe, explain, field_of, not_json, sniff, without_position};
    if let Some(format) = sniff(text) {
        let (fa, en) = (not_json(format, Lang::Fa), not_json(format, Lang::En));
        return vec![PackageError::new("file", "", fa, en)];
    }
    let x = explain(text, whole);
    if x.syntax {
        return vec![PackageError::new(
            "file",
            "",
            format!("خطای نحوی JSON: {}", describe(&x.detail, Lang::Fa)),
            format!("JSON syntax error: {}", describe(&x.detail, Lang::En)),
        )];
    }
    let Ok(v) = serde_json::from_str::<serde_json::Value>(text) else {
        return vec![PackageError::new(
            "file",
            x.field,
            describe(&x.detail, Lang::Fa),
            describe(&x.detail, Lang::En),
        )];
    };
    let mut errs = Vec::new();
    if let Some(pkgs) = v.get("packages").and_then(|p| p.as_array()) {
        for (i, p) in pkgs.iter().enumerate() {
            let compact = p.to_string();
            if let Err(e) = serde_json::from_str::<Package>(&compact) {
                let id = p
                    .get("id")
                    .and_then(|x| x.as_str())
                    .filter(|x| !x.trim().is_empty())
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("#{i}"));
                // Positions in the re-serialised package mean nothing to the reader.
                let m = e.to_string();
                let m = without_position(&m);
                errs.push(PackageError::new(
                    &id,
                    field_of(&compact, &e),
                    describe(m, Lang::Fa),
                    describe(m, Lang::En),
                ));
            }
        }
    }
    if errs.is_empty() || !x.field.starts_with("packages[") {
        errs.push(PackageError::new(
            "file",
            x.field,
            describe(&x.detail, Lang::Fa),
            describe(&x.detail, Lang::En),
        ));
    }
    errs
}
