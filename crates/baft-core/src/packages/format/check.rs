//! Checking a packages file: the rules serde can't express, each error naming package and field.

#[allow(unused_imports)]
use super::*;
use crate::read::manifest::ApprovalDate;

impl PackagesFile {
    /// Parses and validates. `layer_ids` are the manifest's layers (conditions may only name
    /// those); pass `None` to skip that check.
    pub fn parse(
        text: &str,
        layer_ids: Option<&[String]>,
    ) -> Result<PackagesFile, Vec<FieldError>> {
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
    pub fn validate(&self, layer_ids: Option<&[String]>) -> Vec<FieldError> {
        let mut e = Vec::new();
        e.extend(FieldError::version(
            DataFile::Packages,
            self.format_version,
            FORMAT_VERSION,
        ));
        self.range_errors(&mut e);
        let mut ids = std::collections::HashSet::new();
        for (i, p) in self.packages.iter().enumerate() {
            let duplicate = !ids.insert(p.id.clone());
            package_errors(&mut e, i, p, duplicate, layer_ids);
        }
        for (i, set) in self.stacking.exclusive.iter().enumerate() {
            for (k, pid) in set.packages.iter().enumerate() {
                if !self.packages.iter().any(|p| &p.id == pid) {
                    e.push(FieldError::package(
                        "stacking",
                        format!("exclusive[{i}].packages[{k}]"),
                        FieldKind::Unknown,
                        format!("بستهٔ «{pid}» وجود ندارد"),
                        format!("no package “{pid}”"),
                    ));
                }
            }
        }
        e
    }

    /// Numbers outside their range: the valuation, the stacking cap, each package's benefits.
    fn range_errors(&self, e: &mut Vec<FieldError>) {
        let v = &self.valuation;
        for (field, x, lo, hi) in [
            ("coverage_ratio", Some(v.coverage_ratio), 0.05, 1.0),
            ("base_floors", Some(v.base_floors), 0.0, 60.0),
            (
                "land_value_rial_per_m2",
                Some(v.land_value_rial_per_m2),
                0.0,
                1e13,
            ),
            (
                "permit_fee_coefficient",
                Some(v.permit_fee_coefficient),
                0.0,
                100.0,
            ),
            ("default_units", v.default_units, 1.0, 10_000.0),
        ] {
            range(e, "valuation", field, x, lo, hi);
        }
        let cap = self.stacking.max_extra_floors;
        range(e, "stacking", "max_extra_floors", cap, 0.0, 20.0);
        for (i, p) in self.packages.iter().enumerate() {
            let id = package_id(i, p);
            let b = &p.benefits;
            for (field, x, lo, hi) in [
                ("extra_floors", b.extra_floors, 0.0, 10.0),
                ("density_percent", b.density_percent, 0.0, 500.0),
                (
                    "density_percent_per_extra_plot",
                    b.density_percent_per_extra_plot,
                    0.0,
                    200.0,
                ),
                ("density_cap_floors", b.density_cap_floors, 0.0, 10.0),
                (
                    "permit_fee_discount_percent",
                    b.permit_fee_discount_percent,
                    0.0,
                    100.0,
                ),
                (
                    "engineering_fee_discount_percent",
                    b.engineering_fee_discount_percent,
                    0.0,
                    100.0,
                ),
                ("parking_per_unit", b.parking_per_unit, 0.0, 5.0),
                ("loan_per_unit_rial", b.loan_per_unit_rial, 0.0, 1e13),
                ("loan_rate_percent", b.loan_rate_percent, 0.0, 100.0),
                ("loan_term_years", b.loan_term_years, 0.0, 50.0),
                (
                    "loan_zero_rate_portion_rial",
                    b.loan_zero_rate_portion_rial,
                    0.0,
                    b.loan_per_unit_rial.unwrap_or(1e13),
                ),
                ("rent_loan_rial", b.rent_loan_rial, 0.0, 1e13),
            ] {
                range(e, &id, &format!("benefits.{field}"), x, lo, hi);
            }
        }
    }
}

/// A package as errors name it: its id, or `#index` when the id is empty.
fn package_id(i: usize, p: &Package) -> String {
    if p.id.trim().is_empty() {
        format!("#{i}")
    } else {
        p.id.clone()
    }
}

/// A value outside `lo..=hi` (or not finite), naming package and field.
fn range(e: &mut Vec<FieldError>, pkg: &str, field: &str, x: Option<f64>, lo: f64, hi: f64) {
    let Some(x) = x.filter(|x| !(x.is_finite() && *x >= lo && *x <= hi)) else {
        return;
    };
    let n = crate::error::error_number;
    let p = |v: f64| crate::base::digits::to_persian_digits(&n(v));
    e.push(FieldError::package(
        pkg,
        field,
        FieldKind::OutOfRange,
        format!("مقدار {} باید بین {} و {} باشد", p(x), p(lo), p(hi)),
        format!("value {} must be between {} and {}", n(x), n(lo), n(hi)),
    ));
}

/// One package's own problems: an empty or `duplicate` id, dates, validity, conditions,
/// benefits.
fn package_errors(
    e: &mut Vec<FieldError>,
    i: usize,
    p: &Package,
    duplicate: bool,
    layer_ids: Option<&[String]>,
) {
    let id = package_id(i, p);
    if p.id.trim().is_empty() {
        e.push(FieldError::package(
            &id,
            "id",
            FieldKind::Missing,
            "شناسه خالی است".into(),
            "the id is empty".into(),
        ));
    }
    if duplicate {
        e.push(FieldError::package(
            &id,
            "id",
            FieldKind::Duplicate,
            "شناسهٔ تکراری".into(),
            "duplicate id".into(),
        ));
    }
    check_date(e, &id, "valid_from", Some(&p.valid_from));
    check_date(e, &id, "valid_to", p.valid_to.as_ref());
    check_date(e, &id, "source.date", Some(&p.source.date));
    if let (Some(f), Some(t)) = (
        p.valid_from.gregorian_date(),
        p.valid_to.as_ref().and_then(|d| d.gregorian_date()),
    ) {
        if t < f {
            e.push(FieldError::package(
                &id,
                "valid_to",
                FieldKind::Order,
                "پایان اعتبار پیش از آغاز آن است".into(),
                "validity ends before it starts".into(),
            ));
        }
    }
    if p.conditions.is_empty() {
        e.push(FieldError::package(
            &id,
            "conditions",
            FieldKind::Missing,
            "دست‌کم یک شرط لازم است (مثلاً عضویت در لایه)".into(),
            "at least one condition is required (e.g. layer membership)".into(),
        ));
    }
    for (k, c) in p.conditions.iter().enumerate() {
        for (field, kind, fa, en) in c.problems(layer_ids) {
            e.push(FieldError::package(
                &id,
                format!("conditions[{k}].{field}"),
                kind,
                fa,
                en,
            ));
        }
    }
    if p.benefits == Benefits::default() {
        e.push(FieldError::package(
            &id,
            "benefits",
            FieldKind::Missing,
            "هیچ مزیتی تعریف نشده".into(),
            "no benefit is given".into(),
        ));
    }
}

fn check_date(e: &mut Vec<FieldError>, id: &str, field: &str, d: Option<&ApprovalDate>) {
    e.extend(d.and_then(|d| FieldError::date(DataFile::Packages, id, field, d)));
}
