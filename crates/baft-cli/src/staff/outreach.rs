//! `baft outreach DIR --url URL --out OUT`: each target neighbourhood's brochure and banner
//! (`baft_core::outreach`), made from the data files the app answers from.

use crate::{CheckArgs, Failure};
use baft_core::{say, Lang};
use std::path::Path;
use std::process::ExitCode;

/// Writes `brochure-<id>.html` and `banner-<id>.svg` for every target neighbourhood.
pub fn outreach(
    dir: &Path,
    url: &str,
    out: &Path,
    date: Option<&str>,
    lang: Lang,
) -> Result<ExitCode, Failure> {
    let args = CheckArgs::for_data(dir, lang);
    let (ds, _) = crate::data::load(&args)?;
    let today = crate::incentives::today(date, lang)?;
    let all = baft_core::outreach::all(&ds, url, today);
    if all.is_empty() {
        return Err(Failure(
            lang.pick(
                "این داده لایهٔ محله‌های هدف ندارد؛ بروشوری ساخته نشد",
                "this data has no target-neighbourhood layer; no brochure was made",
            )
            .into(),
        ));
    }
    std::fs::create_dir_all(out).map_err(|e| Failure(e.to_string()))?;
    for o in &all {
        for (name, body) in [
            (
                format!("brochure-{}.html", o.id),
                baft_core::outreach::brochure_html(o),
            ),
            (
                format!("banner-{}.svg", o.id),
                baft_core::outreach::banner_svg(o),
            ),
        ] {
            std::fs::write(out.join(&name), body).map_err(|e| Failure(e.to_string()))?;
        }
        println!(
            "{}",
            say!(
                lang,
                "{}: {} بسته، {}",
                "{}: {} packages, {}",
                o.id,
                baft_core::base::digits::localize_digits(&o.packages.len().to_string(), lang),
                o.link
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}
