//! `baft outreach DIR --url URL --out OUT [--letters] [--city ID]`: each target
//! neighbourhood's brochure and banner, and with `--letters` a letter per plot inside the
//! worn-out fabric (`baft_core::outreach`), made from the data files the app answers from.
//! In a national deployment the links carry the city (`--city`, or found in the catalogue
//! beside DIR).

use crate::{CheckArgs, Failure};
use baft_core::base::small::file_safe;
use baft_core::{say, Lang};
use std::path::Path;
use std::process::ExitCode;

/// Writes `brochure-<id>.html` and `banner-<id>.svg` for every target neighbourhood, their
/// links to the app at `app` (its city, when not given, found in the catalogue beside `dir`).
pub fn outreach(
    dir: &Path,
    app: baft_core::outreach::AppLink,
    out: &Path,
    date: Option<&str>,
    letters: bool,
    neighbourhood: Option<&str>,
    lang: Lang,
) -> Result<ExitCode, Failure> {
    let args = CheckArgs::for_data(dir, lang);
    let (ds, _) = crate::data::load(&args)?;
    let today = crate::incentives::today(date, lang)?;
    let found = app.city.is_none().then(|| city_in_catalogue(dir)).flatten();
    let app = baft_core::outreach::AppLink {
        city: app.city.or(found.as_deref()),
        ..app
    };
    let all = baft_core::outreach::all(&ds, &app, today);
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
                format!("brochure-{}.html", file_safe(&o.id)),
                baft_core::outreach::brochure_html(o),
            ),
            (
                format!("banner-{}.svg", file_safe(&o.id)),
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
                baft_core::base::units::count(o.packages.len(), lang),
                o.link
            )
        );
    }
    if letters {
        write_letters(&ds, &app, out, today, neighbourhood, lang)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the owner letters, a file per target neighbourhood (`letters-other.html` for plots in
/// the fabric outside every target neighbourhood).
fn write_letters(
    ds: &baft_core::dataset::Dataset,
    app: &baft_core::outreach::AppLink,
    out: &Path,
    today: baft_core::base::jalali::GregorianDate,
    only: Option<&str>,
    lang: Lang,
) -> Result<(), Failure> {
    let all = baft_core::outreach::letters(ds, app, today, only);
    if let (Some(id), true) = (only, all.is_empty()) {
        return Err(Failure(say!(
            lang,
            "محلهٔ هدف «{id}» نیست یا هیچ پلاکِ آن در بافت فرسوده نیست؛ نامه‌ای ساخته نشد",
            "there is no target neighbourhood “{id}”, or none of its plots is in the worn-out fabric; no letter was made"
        )));
    }
    let mut by: std::collections::BTreeMap<String, Vec<baft_core::outreach::PlotLetter>> =
        Default::default();
    for l in all {
        let id = l
            .neighbourhood
            .as_ref()
            .map_or("other".into(), |n| n.0.clone());
        by.entry(id).or_default().push(l);
    }
    let date = baft_core::base::jalali::JalaliDate::from_gregorian(today).to_string();
    for (id, letters) in &by {
        let name = format!("letters-{}.html", file_safe(id));
        let html = baft_core::outreach::letters_html(letters, &date);
        std::fs::write(out.join(&name), html).map_err(|e| Failure(e.to_string()))?;
        println!(
            "{}",
            say!(
                lang,
                "{}: {} نامه",
                "{}: {} letters",
                name,
                baft_core::base::units::count(letters.len(), lang)
            )
        );
    }
    Ok(())
}

/// The city's id when `dir` is a city folder of a national deployment: the folder beside a
/// catalogue `manifest.json` that lists it (`data/qods/` in a catalogue listing `"folder":
/// "qods/"`). The outreach's links then carry it (`c=`), so that they open this city.
fn city_in_catalogue(dir: &Path) -> Option<String> {
    // As given (a city folder may be a link into another tree), else resolved (`.`).
    let dir = match dir.file_name() {
        Some(_) => dir.to_path_buf(),
        None => std::fs::canonicalize(dir).ok()?,
    };
    let folder = dir.file_name()?.to_str()?.to_string();
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty());
    let text =
        std::fs::read_to_string(parent.unwrap_or(Path::new(".")).join("manifest.json")).ok()?;
    if !baft_core::read::catalogue::Catalogue::is_catalogue(&text) {
        return None;
    }
    let catalogue = baft_core::read::catalogue::Catalogue::parse(&text).ok()?;
    (catalogue.cities.into_iter())
        .find(|c| c.folder.trim_end_matches('/') == folder)
        .map(|c| c.id)
}
