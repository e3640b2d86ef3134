//! `baft outreach DIR --url URL --out OUT [--letters] [--city ID]`: each target
//! neighbourhood's brochure and banner, and with `--letters` a letter per plot inside the
//! worn-out fabric (`baft_core::outreach`), made from the data files the app answers from.
//! In a national deployment the links carry the city (`--city`, or found in the catalogue
//! beside DIR).

use crate::{CheckArgs, Failure};
use baft_core::base::small::file_safe;
use baft_core::read::catalogue::Catalogue;
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
    let city = city_for(dir, app.city, lang)?;
    let app = baft_core::outreach::AppLink {
        city: city.as_deref(),
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

/// The national catalogue `dir` is a city folder of, if any: the first `manifest.json` above it
/// (up to four folders up) that is a catalogue, and the id of its city whose folder is `dir`
/// (`data/qods/` in a catalogue listing `"folder": "qods/"`; `iran/qods/` too). The outreach's
/// links then carry it (`c=`), so that they open this city.
fn catalogue_above(dir: &Path, lang: Lang) -> Option<(Catalogue, Option<String>)> {
    let here = std::fs::canonicalize(dir).ok()?;
    // Up the path as given (a city folder may be a link into another tree), then as resolved.
    let given = std::path::absolute(dir).ok()?;
    let above = (given.ancestors().skip(1).take(4)).chain(here.ancestors().skip(1).take(4));
    for folder in above {
        let Ok(text) = std::fs::read_to_string(folder.join("manifest.json")) else {
            continue;
        };
        if !Catalogue::is_catalogue(&text) {
            continue;
        }
        let Ok(catalogue) = Catalogue::parse(&text) else {
            let file = folder.join("manifest.json");
            eprintln!(
                "{}",
                say!(
                    lang,
                    "هشدار: فهرست شهرها ({}) خوانا نیست (baft validate)؛ پیوندها شهری ندارند",
                    "warning: the catalogue ({}) does not read (baft validate); the links name no city",
                    file.display()
                )
            );
            return None;
        };
        let id = (catalogue.cities.iter())
            .find(|c| std::fs::canonicalize(folder.join(&c.folder)).is_ok_and(|f| f == here))
            .map(|c| c.id.clone());
        return Some((catalogue, id));
    }
    None
}

/// The city the links carry: `given` (which the catalogue above `dir`, if any, must list, and
/// as `dir`'s city when it lists `dir`), else the one the catalogue lists `dir` as; `None` for a single city's folder (a catalogue that
/// does not list it is said on stderr).
fn city_for(dir: &Path, given: Option<&str>, lang: Lang) -> Result<Option<String>, Failure> {
    let found = catalogue_above(dir, lang);
    match (given, found) {
        (Some(c), Some((catalogue, _))) if catalogue.find(c).is_none() => Err(Failure(say!(
            lang,
            "شهر «{}» در فهرست شهرها نیست؛ شهرها: {}",
            "the catalogue lists no city “{}”; its cities: {}",
            c,
            (catalogue.cities.iter().map(|c| c.id.as_str()))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
        (Some(c), Some((_, Some(own)))) if own != c => Err(Failure(say!(
            lang,
            "این پوشه در فهرست شهرها شهر «{}» است، نه «{}»",
            "the catalogue lists this folder as the city “{}”, not “{}”",
            own,
            c
        ))),
        (Some(c), _) => Ok(Some(c.to_string())),
        (None, Some((_, None))) => {
            eprintln!(
                "{}",
                say!(
                    lang,
                    "هشدار: فهرست شهرهای بالای این پوشه آن را نام نمی‌برد؛ پیوندها شهری ندارند (--city بدهید)",
                    "warning: the catalogue above this folder does not list it; the links name no city (give --city)"
                )
            );
            Ok(None)
        }
        (None, found) => Ok(found.and_then(|f| f.1)),
    }
}
