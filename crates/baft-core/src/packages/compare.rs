//! Builders compare: scenarios for one plot (build alone, or consolidate with 1–3
//! neighbours) and candidate plots side by side, as rows with the same columns, and as CSV.

use super::facts::{FactError, FactName, FactSource, FactValue, PlotFacts};
use super::format::PackagesFile;
use super::rules::{evaluate, Evaluation, PackageStatus};
use super::words;
use crate::base::jalali::GregorianDate;
use crate::base::units::format_number;
use crate::Lang;
use serde::Serialize;

/// One row of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The scenario's or candidate's label, e.g. "Build alone".
    pub label: String,
    /// Plots consolidated, the plot itself included (1 when building alone).
    pub plots: f64,
    /// The area the figures use (the consolidated area when plots are consolidated), m²; `None`
    /// when unknown.
    pub area_m2: Option<f64>,
    /// Names of the packages that count, in the row's language.
    pub eligible: Vec<String>,
    /// Extra floors of the counted packages together, after the stacking cap.
    pub extra_floors: f64,
    /// Extra floor area, m²; `None` when the area is unknown.
    pub extra_floor_area_m2: Option<f64>,
    /// Permit fee saving, rial; `None` when the area is unknown.
    pub fee_saving_rial: Option<f64>,
    /// Renovation loans for all housing units, rial; `None` when the area is unknown.
    pub loans_total_rial: Option<f64>,
    /// Fee saving plus the value of the extra area, rial (loans not included); `None` when the
    /// area is unknown.
    pub total_value_rial: Option<f64>,
    /// The evaluation behind the row (not serialised).
    #[serde(skip)]
    pub evaluation: Evaluation,
}

fn row(
    label: String,
    file: &PackagesFile,
    facts: &PlotFacts,
    today: GregorianDate,
    lang: Lang,
) -> Row {
    let e = evaluate(file, facts, today);
    Row {
        label,
        plots: facts.number(FactName::PlotsConsolidated).unwrap_or(1.0),
        area_m2: e.worth.area_m2,
        eligible: e
            .results
            .iter()
            .filter(|r| r.counted)
            .map(|r| r.package.name.get(lang).to_string())
            .collect(),
        extra_floors: e.combined.extra_floors,
        extra_floor_area_m2: e.worth.extra_floor_area_m2,
        fee_saving_rial: e.worth.fee_saving_rial,
        loans_total_rial: e.worth.loans_total_rial,
        total_value_rial: e.worth.total_value_rial,
        evaluation: e,
    }
}

/// The neighbours' areas for the consolidation scenarios, one per field (`typed`, up to 3):
/// the figure typed there ([`super::facts::figure`]: any digits, an optional unit), else the
/// area of the adjoining surveyed plot in that place (`adjoining`, for a surveyed plot:
/// [`crate::answer::Place::adjoining_areas`]), else the plot's own area, assumed. The app has
/// three fields; `baft compare` takes `--neighbours` (three blank fields when not given).
/// `None` when a blank field has nothing to fill it; an error names the field whose text does
/// not read as a positive area (it is never replaced silently).
pub fn neighbour_areas(
    typed: &[&str],
    adjoining: &[f64],
    own: Option<f64>,
) -> Result<Option<Vec<f64>>, FactError> {
    let mut areas = Vec::new();
    for (k, text) in typed.iter().take(3).enumerate() {
        let text = text.trim();
        let area = if text.is_empty() {
            adjoining.get(k).copied().or(own)
        } else {
            let bad = || FactError::BadNeighbourArea {
                neighbour: k + 1,
                value: text.into(),
            };
            Some(
                super::facts::figure(text)
                    .filter(|a| *a > 0.0)
                    .ok_or_else(bad)?,
            )
        };
        match area {
            Some(a) => areas.push(a),
            None => return Ok(None),
        }
    }
    Ok(Some(areas))
}

/// Build alone, then consolidate with each neighbour in turn (`neighbour_areas`, up to 3).
/// Each scenario sets the plots consolidated and the consolidated area (the plot's own area
/// plus the neighbours'), as the user's facts.
pub fn scenarios(
    file: &PackagesFile,
    facts: &PlotFacts,
    neighbour_areas: &[f64],
    today: GregorianDate,
    lang: Lang,
) -> Vec<Row> {
    let own = facts.number(FactName::PlotAreaM2);
    let mut rows = Vec::new();
    let f = consolidated(facts, 1.0, own);
    rows.push(row(
        lang.pick("ساخت به‌تنهایی", "Build alone").into(),
        file,
        &f,
        today,
        lang,
    ));
    let mut total = own;
    for (k, a) in neighbour_areas.iter().take(3).enumerate() {
        total = total.map(|t| t + a);
        let g = consolidated(facts, k as f64 + 2.0, total);
        let label = match lang {
            Lang::Fa => format!(
                "تجمیع با {} همسایه",
                crate::base::digits::to_persian_digits(&(k + 1).to_string())
            ),
            Lang::En => format!(
                "Consolidate with {} neighbour{}",
                k + 1,
                if k == 0 { "" } else { "s" }
            ),
        };
        rows.push(row(label, file, &g, today, lang));
    }
    rows
}

/// The facts with `plots` consolidated and, when known, the consolidated `area` (m²) set as the
/// user's.
fn consolidated(facts: &PlotFacts, plots: f64, area: Option<f64>) -> PlotFacts {
    let mut f = facts.clone();
    f.set(
        FactName::PlotsConsolidated,
        FactValue::Number(plots),
        FactSource::User,
    );
    if let Some(a) = area {
        f.set(
            FactName::ConsolidatedAreaM2,
            FactValue::Number(a),
            FactSource::User,
        );
    }
    f
}

/// Candidate plots side by side: (label, facts) each.
pub fn candidates(
    file: &PackagesFile,
    plots: &[(String, PlotFacts)],
    today: GregorianDate,
    lang: Lang,
) -> Vec<Row> {
    plots
        .iter()
        .map(|(l, f)| row(l.clone(), file, f, today, lang))
        .collect()
}

/// How to sort rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    /// By label, in ascending text order.
    Label,
    /// By extra floors, most first.
    ExtraFloors,
    /// By extra floor area, largest first.
    ExtraArea,
    /// By permit fee saving, largest first.
    FeeSaving,
    /// By total loans, largest first.
    Loans,
    /// By estimated total value, largest first.
    TotalValue,
}

/// Sorts rows, largest first for figures (unknown figures last).
pub fn sort(rows: &mut [Row], by: SortBy) {
    let key = |r: &Row| -> f64 {
        match by {
            SortBy::Label => 0.0,
            SortBy::ExtraFloors => r.extra_floors,
            SortBy::ExtraArea => r.extra_floor_area_m2.unwrap_or(f64::NEG_INFINITY),
            SortBy::FeeSaving => r.fee_saving_rial.unwrap_or(f64::NEG_INFINITY),
            SortBy::Loans => r.loans_total_rial.unwrap_or(f64::NEG_INFINITY),
            SortBy::TotalValue => r.total_value_rial.unwrap_or(f64::NEG_INFINITY),
        }
    };
    if by == SortBy::Label {
        crate::base::small::sort_small_by(rows, |a, b| a.label.cmp(&b.label));
    } else {
        crate::base::small::sort_small_by(rows, |a, b| key(b).total_cmp(&key(a)));
    }
}

/// The column headings.
pub fn headings(lang: Lang) -> [&'static str; 8] {
    [
        lang.pick("سناریو", "Scenario"),
        lang.pick("پلاک‌ها", "Plots"),
        lang.pick("مساحت (متر مربع)", "Area (m²)"),
        lang.pick("بسته‌های شامل", "Eligible packages"),
        lang.pick("طبقهٔ اضافه", "Extra floors"),
        lang.pick("زیربنای اضافه (متر مربع)", "Extra floor area (m²)"),
        lang.pick("صرفه‌جویی عوارض (ریال)", "Fee savings (rial)"),
        lang.pick("وام‌ها (ریال)", "Loans (rial)"),
    ]
}

/// CSV with a UTF-8 byte-order mark (so Excel opens Persian correctly), CRLF line ends,
/// plain ASCII digits in figures (so spreadsheets read them as numbers).
pub fn to_csv(rows: &[Row], lang: Lang) -> String {
    let mut out = String::from("\u{FEFF}");
    let mut head: Vec<String> = headings(lang)
        .iter()
        .map(|h| crate::base::csv::field(h))
        .collect();
    head.push(crate::base::csv::field(
        lang.pick("ارزش کل برآوردی (ریال)", "Estimated total value (rial)"),
    ));
    out.push_str(&head.join(","));
    out.push_str("\r\n");
    let opt = |x: Option<f64>| x.map(|v| format!("{:.0}", v)).unwrap_or_default();
    for r in rows {
        let cells = [
            crate::base::csv::field(&r.label),
            format!("{}", r.plots),
            r.area_m2.map(|a| format!("{a:.1}")).unwrap_or_default(),
            crate::base::csv::field(&r.eligible.join(" + ")),
            format!("{}", r.extra_floors),
            r.extra_floor_area_m2
                .map(|a| format!("{a:.1}"))
                .unwrap_or_default(),
            opt(r.fee_saving_rial),
            opt(r.loans_total_rial),
            opt(r.total_value_rial),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A row's figures in words, for screens and print.
pub fn row_cells(r: &Row, lang: Lang) -> Vec<String> {
    let dash = || "—".to_string();
    vec![
        r.label.clone(),
        crate::base::digits::localize_digits(&crate::error::trim_float(r.plots), lang),
        r.area_m2
            .map(|a| format_number(a, 1, lang))
            .unwrap_or_else(dash),
        if r.eligible.is_empty() {
            dash()
        } else {
            r.eligible.join(lang.pick("، ", ", "))
        },
        crate::base::digits::localize_digits(&crate::error::trim_float(r.extra_floors), lang),
        r.extra_floor_area_m2
            .map(|a| format_number(a, 1, lang))
            .unwrap_or_else(dash),
        r.fee_saving_rial
            .map(|x| words::money(x, lang))
            .unwrap_or_else(dash),
        r.loans_total_rial
            .map(|x| words::money(x, lang))
            .unwrap_or_else(dash),
    ]
}

/// Whether any row has a package that may apply (the comparison then lists the open questions).
pub fn has_open_questions(rows: &[Row]) -> bool {
    rows.iter().any(|r| {
        r.evaluation
            .results
            .iter()
            .any(|p| p.status == PackageStatus::MayApply)
    })
}
