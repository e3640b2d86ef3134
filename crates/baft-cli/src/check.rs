//! `baft check`.

use crate::{data, incentives, CheckArgs, CompareArgs, Failure};
use baft_core::check::words as text;
use baft_core::check::{PlotReport, PointReport};
use baft_core::dataset::{read_plot_outline, Dataset};
use baft_core::input::parse_location_with;
use baft_core::Lang;
use serde_json::json;
use std::io::{BufRead, Write};
use std::process::ExitCode;

pub fn run(args: &CheckArgs) -> Result<ExitCode, Failure> {
    let (ds, _problems) = data::load(args)?;
    data::warn_if_sample(&ds, args.lang);
    let lang = args.lang;
    if let Some(p) = &args.point {
        // Anything the app's search box reads: a plate or renovation code checks that plot.
        let found =
            baft_core::answer::search::search(&ds, p).map_err(|e| Failure(e.message(lang)))?;
        let loc = match found {
            baft_core::answer::search::Found::Location(loc) => loc,
            baft_core::answer::search::Found::Parcels(v) if v.len() == 1 => {
                let year = baft_core::base::jalali::JalaliDate::from_gregorian(incentives::today(
                    args.date.as_deref(),
                    lang,
                )?)
                .year;
                let (report, mut facts) = ds
                    .check_parcel(v[0], year)
                    .ok_or_else(|| Failure("parcel".into()))?;
                if let Some(text) = &args.facts {
                    facts
                        .set_from_text(text, baft_core::packages::FactSource::User)
                        .map_err(|e| Failure(e.message(lang)))?;
                }
                let facts = facts.with_assumed_defaults();
                let eval = ds.incentives(&facts, incentives::today(args.date.as_deref(), lang)?);
                let parcel = ds.parcels.as_ref().map(|p| p.info[v[0]].clone());
                if args.json {
                    println!(
                        "{}",
                        json!({ "parcel": parcel, "result": report, "facts": facts, "incentives": eval })
                    );
                } else {
                    if let Some(p) = &parcel {
                        println!(
                            "{} {} — {}",
                            lang.pick("پلاک", "Plate"),
                            p.plate_text().unwrap_or_default(),
                            p.plot_id
                        );
                    }
                    print!("{}", plot_text(&ds, &report, lang));
                    if let Some(e) = &eval {
                        print!("{}", incentives::text(e, &ds, lang));
                    }
                }
                return Ok(ExitCode::SUCCESS);
            }
            _ => {
                return Err(Failure(
                    lang.pick(
                        "چند مورد پیدا شد؛ دقیق‌تر بنویسید",
                        "several matches; be more specific",
                    )
                    .into(),
                ))
            }
        };
        let report = ds.check_point(loc.lon_lat());
        let facts = incentives::facts(Some(&report), None, args.facts.as_deref(), lang)?;
        let eval = ds.incentives(&facts, incentives::today(args.date.as_deref(), lang)?);
        if args.json {
            println!(
                "{}",
                json!({ "input": loc, "result": report, "facts": facts, "incentives": eval })
            );
        } else {
            print!("{}", point_text(&ds, &report, lang));
            if let Some(e) = &eval {
                print!("{}", incentives::text(e, &ds, lang));
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(file) = &args.plot {
        let name = file.display().to_string();
        let t = std::fs::read_to_string(file).map_err(|e| {
            Failure(
                baft_core::BaftError::Io {
                    path: name,
                    detail: e.to_string(),
                }
                .message(lang),
            )
        })?;
        let rings =
            read_plot_outline(&t, ds.parse_options()).map_err(|e| Failure(e.message(lang)))?;
        let report = ds
            .check_plot(&rings)
            .map_err(|e| Failure(e.message(lang)))?;
        if args.json {
            println!("{}", json!({ "result": report }));
        } else {
            print!("{}", plot_text(&ds, &report, lang));
        }
        return Ok(ExitCode::SUCCESS);
    }
    // Many points from stdin: one JSON line each, in order; a bad line gives an error object.
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    for (i, line) in stdin.lock().lines().enumerate() {
        let line = line.map_err(|e| Failure(e.to_string()))?;
        if line.trim().is_empty() {
            continue;
        }
        let v = match parse_location_with(&line, ds.parse_options()) {
            Ok(loc) => {
                json!({ "line": i + 1, "input": loc, "result": ds.check_point(loc.lon_lat()) })
            }
            Err(e) => {
                failed = true;
                json!({ "line": i + 1, "text": line, "error": e, "message": e.message(lang) })
            }
        };
        writeln!(out, "{v}").map_err(|e| Failure(e.to_string()))?;
    }
    out.flush().map_err(|e| Failure(e.to_string()))?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn header(ds: &Dataset, lang: Lang) -> String {
    format!(
        "{} — {} {}\n",
        ds.manifest.title.get(lang),
        lang.pick("نسخهٔ داده", "data version"),
        ds.manifest.data_version
    )
}

pub fn point_text(ds: &Dataset, r: &PointReport, lang: Lang) -> String {
    let mut s = header(ds, lang);
    if !r.in_data_area {
        s += lang.pick(
            "این نقطه بیرون از محدودهٔ داده‌های این شهر است.\n",
            "This point is outside the area this data covers.\n",
        );
    }
    for l in &r.layers {
        s += &format!(
            "• {}: {}\n  {}\n",
            l.layer.name.get(lang),
            text::point_sentence(l, lang),
            text::version_line(&l.layer.version, lang)
        );
    }
    s
}

pub fn plot_text(ds: &Dataset, r: &PlotReport, lang: Lang) -> String {
    let mut s = header(ds, lang);
    s += &format!(
        "{}: {}\n",
        lang.pick("مساحت ملک", "Plot area"),
        text::square_metres(r.area_m2, lang)
    );
    for l in &r.layers {
        s += &format!(
            "• {}: {}\n  {}\n",
            l.layer.name.get(lang),
            text::plot_sentence(l, lang),
            text::version_line(&l.layer.version, lang)
        );
    }
    s
}

/// `baft compare`: checks the point or plot, then prints the scenarios as CSV.
pub fn compare(args: &CompareArgs) -> Result<ExitCode, Failure> {
    let a = &args.check;
    let (ds, _) = data::load(a)?;
    let lang = a.lang;
    let (point, plot) = match (&a.point, &a.plot) {
        (Some(p), _) => {
            let loc =
                parse_location_with(p, ds.parse_options()).map_err(|e| Failure(e.message(lang)))?;
            (Some(ds.check_point(loc.lon_lat())), None)
        }
        (None, Some(file)) => {
            let t = std::fs::read_to_string(file).map_err(|e| Failure(e.to_string()))?;
            let rings =
                read_plot_outline(&t, ds.parse_options()).map_err(|e| Failure(e.message(lang)))?;
            (
                None,
                Some(
                    ds.check_plot(&rings)
                        .map_err(|e| Failure(e.message(lang)))?,
                ),
            )
        }
        _ => {
            return Err(Failure(
                lang.pick("--point یا --plot لازم است", "--point or --plot is required")
                    .into(),
            ))
        }
    };
    let facts = incentives::facts(point.as_ref(), plot.as_ref(), a.facts.as_deref(), lang)?;
    let csv = incentives::compare_csv(
        &ds,
        &facts,
        &args.neighbours,
        incentives::today(a.date.as_deref(), lang)?,
        lang,
    )?;
    print!("{csv}");
    Ok(ExitCode::SUCCESS)
}
