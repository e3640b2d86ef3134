//! Incentives in the CLI: `--facts` on `check`, `baft packages validate`, `baft compare`.

use crate::Failure;
use baft_core::base::jalali::{GregorianDate, JalaliDate};
use baft_core::dataset::Dataset;
use baft_core::packages::compare;
use baft_core::packages::rules::{Evaluation, PackageStatus};
use baft_core::packages::words::{self, LayerNames};
use baft_core::packages::{PackagesFile, PlotFacts};
use baft_core::Lang;

/// Today, or `--date` (Jalali `1405/09/05` or ISO `2026-11-26`).
pub fn today(date: Option<&str>, lang: Lang) -> Result<GregorianDate, Failure> {
    match date {
        None => {
            let secs = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0);
            Ok(GregorianDate::from_days_since_unix_epoch(
                (secs / 86_400) as i64,
            ))
        }
        Some(s) => JalaliDate::parse(s)
            .map(JalaliDate::to_gregorian)
            .or_else(|| GregorianDate::parse_iso(s))
            .ok_or_else(|| {
                Failure(
                    lang.pick(
                        "تاریخ باید شمسی (۱۴۰۵/۰۹/۰۵) یا میلادی (2026-11-26) باشد",
                        "the date must be Jalali (1405/09/05) or ISO (2026-11-26)",
                    )
                    .into(),
                )
            }),
    }
}

pub fn layer_names(ds: &Dataset) -> LayerNames {
    ds.manifest
        .layers
        .iter()
        .map(|l| (l.id.clone(), l.name.clone()))
        .collect()
}

/// The incentives as text.
pub fn text(e: &Evaluation, ds: &Dataset, lang: Lang) -> String {
    let names = layer_names(ds);
    let mut s = format!(
        "\n{}\n",
        lang.pick("بسته‌های تشویقی:", "Incentive packages:")
    );
    for status in [
        PackageStatus::Applies,
        PackageStatus::MayApply,
        PackageStatus::DoesNotApply,
        PackageStatus::NotInForce,
    ] {
        for r in e.results.iter().filter(|r| r.status == status) {
            let mark = match status {
                PackageStatus::Applies if r.counted => "✔",
                PackageStatus::Applies => "≈",
                PackageStatus::MayApply => "?",
                _ => "✘",
            };
            s += &format!(
                "{mark} {} — {}",
                r.package.name.get(lang),
                words::status(status, lang)
            );
            if let Some(by) = &r.excluded_by {
                s += &format!(" ({} {by})", lang.pick("به‌جایش:", "instead:"));
            }
            s += "\n";
            if status == PackageStatus::Applies {
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
            for (o, h) in r
                .conditions
                .iter()
                .filter(|o| o.truth == baft_core::packages::rules::Truth::No)
                .zip(&r.hints)
            {
                s += &format!(
                    "    - {} → {}\n",
                    words::condition(&o.condition, &names, lang),
                    words::hint(h, &names, lang)
                );
            }
        }
    }
    let w = &e.worth;
    s += &format!("\n{}\n", lang.pick("برآورد ارزش:", "Estimated worth:"));
    let line = |label: &str, v: Option<String>| {
        format!(
            "  {label}: {}\n",
            v.unwrap_or_else(|| lang
                .pick("نامعلوم (مساحت را بگویید)", "unknown (give the area)")
                .into())
        )
    };
    s += &line(
        lang.pick("طبقهٔ اضافه", "extra floors"),
        Some(baft_core::base::digits::localize_digits(
            &baft_core::error::trim_float(e.combined.extra_floors),
            lang,
        )),
    );
    s += &line(
        lang.pick("زیربنای اضافه", "extra floor area"),
        w.extra_floor_area_m2
            .map(|a| baft_core::check::words::square_metres(a, lang)),
    );
    s += &line(
        lang.pick("صرفه‌جویی عوارض", "fee savings"),
        w.fee_saving_rial.map(|x| words::money(x, lang)),
    );
    s += &line(
        lang.pick("وام نوسازی (کل)", "renovation loans (total)"),
        w.loans_total_rial.map(|x| words::money(x, lang)),
    );
    s += &format!("  {}\n", lang.pick("فرض‌ها:", "assumptions:"));
    for a in &w.assumptions {
        s += &format!("    · {} [{}]\n", a.text.get(lang), a.source);
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
    let text = std::fs::read_to_string(file).map_err(|e| {
        Failure(
            baft_core::BaftError::Io {
                path: file.display().to_string(),
                detail: e.to_string(),
            }
            .message(lang),
        )
    })?;
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
                baft_core::base::digits::localize_digits(&p.packages.len().to_string(), lang),
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
