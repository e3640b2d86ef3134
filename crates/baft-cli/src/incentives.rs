//! Incentives in the CLI: `--facts` on `check`, `baft packages validate`, `baft compare`.

use crate::Failure;
use baft_core::base::jalali::GregorianDate;
use baft_core::dataset::Dataset;
use baft_core::packages::compare;
use baft_core::packages::rules::{Evaluation, PackageResult, PackageStatus};
use baft_core::packages::words::{self, LayerNames};
use baft_core::packages::{PackagesFile, PlotFacts};
use baft_core::Lang;

/// Today in Iran ([`GregorianDate::in_iran_at`]), or `--date` (Jalali `1405/09/05` or ISO
/// `2026-11-26`).
pub fn today(date: Option<&str>, lang: Lang) -> Result<GregorianDate, Failure> {
    match date {
        None => {
            let secs = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0);
            Ok(GregorianDate::in_iran_at(secs))
        }
        Some(s) => GregorianDate::parse_day(s)
            .ok_or_else(|| Failure(baft_core::base::jalali::day_error(lang).into())),
    }
}

pub fn layer_names(ds: &Dataset) -> LayerNames {
    ds.manifest
        .layers
        .iter()
        .map(|l| (l.id.clone(), l.name.clone()))
        .collect()
}

/// The incentives as text: each package by verdict, then the estimated worth.
pub fn text(e: &Evaluation, ds: &Dataset, lang: Lang) -> String {
    let names = layer_names(ds);
    let mut s = format!("\n{}\n", words::counts(e, lang));
    for status in [
        PackageStatus::Applies,
        PackageStatus::MayApply,
        PackageStatus::DoesNotApply,
        PackageStatus::NotInForce,
    ] {
        for r in e.results.iter().filter(|r| r.status == status) {
            s += &package_text(r, &e.results, &names, lang);
        }
    }
    s + &worth_text(e, ds, lang)
}

/// One package's verdict, with what it gives, what it depends on and what would change a "no".
fn package_text(
    r: &PackageResult,
    all: &[PackageResult],
    names: &LayerNames,
    lang: Lang,
) -> String {
    let mark = match r.status {
        PackageStatus::Applies if r.counted => "✔",
        PackageStatus::Applies => "≈",
        PackageStatus::MayApply => "?",
        _ => "✘",
    };
    let mut s = format!(
        "{mark} {} — {}",
        r.package.name.get(lang),
        words::status(r.status, lang)
    );
    if let Some(by) = words::counted_instead(all, r, lang) {
        s += &format!(" ({} {by})", lang.pick("به‌جایش:", "instead:"));
    }
    s += "\n";
    if r.status == PackageStatus::Applies {
        for b in words::benefits(&r.package.benefits, lang) {
            s += &format!("    + {b}\n");
        }
    }
    for f in &r.missing {
        s += &format!(
            "    ? {} (--facts {}=…)\n",
            words::question(*f, lang),
            f.key()
        );
    }
    for u in words::unmet(r, names, lang) {
        s += &format!("    - {}\n", words::unmet_line(&u, lang));
    }
    s
}

/// The estimated worth of the counted packages, with its assumptions and the disclaimer.
fn worth_text(e: &Evaluation, ds: &Dataset, lang: Lang) -> String {
    let w = &e.worth;
    let mut s = format!("\n{}\n", lang.pick("برآورد ارزش:", "Estimated worth:"));
    let unknown = lang.pick("نامعلوم (مساحت را بگویید)", "unknown (give the area)");
    let lines = [
        (
            lang.pick("طبقهٔ اضافه", "extra floors"),
            Some(baft_core::base::digits::localize_digits(
                &baft_core::error::trim_float(e.combined.extra_floors),
                lang,
            )),
        ),
        (
            lang.pick("زیربنای اضافه", "extra floor area"),
            w.extra_floor_area_m2
                .map(|a| baft_core::check::words::square_metres(a, lang)),
        ),
        (
            lang.pick("صرفه‌جویی عوارض", "fee savings"),
            w.fee_saving_rial.map(|x| words::money(x, lang)),
        ),
        (
            lang.pick("وام نوسازی (کل)", "renovation loans (total)"),
            w.loans_total_rial.map(|x| words::money(x, lang)),
        ),
    ];
    for (label, v) in lines {
        s += &format!("  {label}: {}\n", v.as_deref().unwrap_or(unknown));
    }
    s += &format!("  {}\n", lang.pick("فرض‌ها:", "assumptions:"));
    for a in &w.assumptions {
        s += &format!(
            "    · {} [{}]\n",
            a.text.get(lang),
            words::assumption_source(a.source, lang)
        );
    }
    if let Some(p) = &ds.packages {
        s += &format!("  {}\n", p.disclaimer.get(lang));
    }
    s
}

/// `baft packages validate FILE [--data DIR]`.
pub fn validate(
    file: &std::path::Path,
    data: Option<&std::path::Path>,
    lang: Lang,
) -> Result<std::process::ExitCode, Failure> {
    let text = crate::data::read_text(file, lang)?;
    let ids: Option<Vec<String>> = match data {
        Some(dir) => {
            let m = std::fs::read_to_string(dir.join("manifest.json"))
                .map_err(|e| Failure(e.to_string()))?;
            let m = baft_core::read::manifest::Manifest::parse(&m)
                .map_err(|errs| Failure(crate::staff::manifest_errors(&errs, lang)))?;
            Some(m.layers.iter().map(|l| l.id.clone()).collect())
        }
        None => None,
    };
    match PackagesFile::parse(&text, ids.as_deref()) {
        Ok(p) => {
            println!(
                "{}: {} {}",
                file.display(),
                baft_core::base::units::count(p.packages.len(), lang),
                lang.pick("بستهٔ معتبر", "valid packages")
            );
            Ok(std::process::ExitCode::SUCCESS)
        }
        Err(errs) => {
            for e in errs {
                eprintln!("{}: {}", file.display(), e.message(lang));
            }
            Ok(std::process::ExitCode::from(2))
        }
    }
}

/// `baft compare`: scenarios for one plot as CSV (UTF-8 with BOM).
pub fn compare_csv(
    ds: &Dataset,
    facts: &PlotFacts,
    neighbours: &[f64],
    today: GregorianDate,
    lang: Lang,
) -> Result<String, Failure> {
    let p = ds.packages.as_ref().ok_or_else(|| {
        Failure(
            lang.pick(
                "این داده بستهٔ تشویقی ندارد",
                "this data has no packages file",
            )
            .into(),
        )
    })?;
    let rows = compare::scenarios(p, facts, neighbours, today, lang);
    Ok(compare::to_csv(&rows, lang))
}
