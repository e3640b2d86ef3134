//! `baft check`.

use crate::{data, incentives, CheckArgs, CompareArgs, Failure};
use baft_core::answer::{answer, Answer, Ask, AskError, Choice, Choices, Place, Question, Report};
use baft_core::base::digits::localize_digits;
use baft_core::check::words as text;
use baft_core::check::{LayerRef, PlotReport, PointReport};
use baft_core::dataset::{read_plot_outline, Dataset};
use baft_core::packages::compare;
use baft_core::Lang;
use serde_json::json;
use std::io::{BufRead, Write};
use std::process::ExitCode;

/// Exit code for "several matches: pick one" (the matches are listed on stdout).
pub const CHOOSE: u8 = 3;

pub fn run(args: &CheckArgs) -> Result<ExitCode, Failure> {
    let (ds, _problems) = data::load(args)?;
    data::warn_if_sample(&ds, args.lang);
    let lang = args.lang;
    let today = incentives::today(args.date.as_deref(), lang)?;
    let ask = Ask {
        facts: args.facts.as_deref(),
        today,
    };
    let fail = |e: AskError| Failure(e.message(lang));
    if let Some(p) = &args.point {
        // Anything the app's search box reads: coordinates, links, a plate or code, a block id
        // or a name, corner lines or GeoJSON text.
        let a = answer(&ds, Question::Text(p), &ask).map_err(fail)?;
        return Ok(print_answer(&ds, &a, args.json, lang));
    }
    if let Some(file) = &args.plot {
        let t = data::read_text(file, lang)?;
        let rings = read_plot_outline(&t, ds.parse_options()).map_err(|e| fail(e.into()))?;
        let a = answer(&ds, Question::Outline(rings), &ask).map_err(fail)?;
        return Ok(print_answer(&ds, &a, args.json, lang));
    }
    // Many questions from stdin: one JSON line each, in order; a bad line gives an error object.
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    for (i, line) in stdin.lock().lines().enumerate() {
        let line = line.map_err(|e| Failure(e.to_string()))?;
        if line.trim().is_empty() {
            continue;
        }
        let mut v = json!({ "line": i + 1 });
        match answer(&ds, Question::Text(&line), &ask) {
            Ok(a) => {
                if let (Some(o), serde_json::Value::Object(a)) = (v.as_object_mut(), json!(a)) {
                    o.extend(a);
                }
            }
            Err(e) => {
                failed = true;
                v = json!({ "line": i + 1, "text": line, "error": e, "message": e.message(lang) });
            }
        }
        writeln!(out, "{v}").map_err(|e| Failure(e.to_string()))?;
    }
    out.flush().map_err(|e| Failure(e.to_string()))?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints an answer as text or JSON; several matches exit with [`CHOOSE`].
fn print_answer(ds: &Dataset, a: &Answer, as_json: bool, lang: Lang) -> ExitCode {
    if as_json {
        println!("{}", json!(a));
    }
    match a {
        Answer::Place(place) => {
            if !as_json {
                print!("{}", place_text(ds, place, lang));
            }
            ExitCode::SUCCESS
        }
        Answer::Choices(c) => {
            if !as_json {
                print!("{}", choices_text(c, lang));
            }
            ExitCode::from(CHOOSE)
        }
    }
}

/// A place's whole answer in words: the plot, each layer, the packages, the office.
pub fn place_text(ds: &Dataset, place: &Place, lang: Lang) -> String {
    let mut s = String::new();
    if let Some(p) = &place.parcel {
        s += &format!(
            "{} {} — {}",
            lang.pick("پلاک", "Plate"),
            localize_digits(&p.plate_text().unwrap_or_default(), lang),
            p.plot_id
        );
        if let Some(c) = p.postal_code {
            let code = localize_digits(&baft_core::layer::parcels::postal::text(c), lang);
            s += &format!(" — {} {code}", lang.pick("کد پستی", "postal code"));
        }
        if let Some(a) = p.address(lang) {
            s += &format!(" — {a}");
        }
        s += "\n";
    }
    s += &match &place.result {
        Report::Point(r) => point_text(ds, r, lang),
        Report::Plot(r) => plot_text(ds, r, lang),
    };
    // A map link's rounded view: how rounded, and the boundaries its circle crosses.
    if let Some(g) = place.gps.as_ref().filter(|g| g.link_view) {
        s += &format!("{}\n", text::link_view_rounded(g.accuracy_m, lang));
        if let Some(u) = text::gps_uncertain(&g.crosses, true, lang) {
            s += &format!("{u}\n");
        }
    }
    for h in &place.history {
        s += &format!("  {}: {}\n", h.layer.name.get(lang), h.sentence(lang));
    }
    if let Some(e) = &place.incentives {
        s += &incentives::text(e, ds, lang);
    }
    if let Some(o) = &place.office {
        s += &format!(
            "\n{}: {} — {}\n",
            lang.pick("دفتر تسهیلات", "Facilitation office"),
            o.office.name.get(lang),
            localize_digits(o.office.address.get(lang), lang)
        );
    }
    s
}

/// Several matches, one line each with the id to pick it by.
pub fn choices_text(c: &Choices, lang: Lang) -> String {
    let streets = c
        .choices
        .iter()
        .all(|ch| matches!(ch, Choice::Street { .. }));
    let mut s = format!(
        "{}\n",
        if streets {
            lang.pick("پیدا شد:", "Found:")
        } else {
            lang.pick(
                "چند مورد پیدا شد؛ یکی را برگزینید:",
                "Several matches; pick one:",
            )
        }
    );
    for ch in &c.choices {
        let what = match ch {
            Choice::Plot {
                plate, block_id, ..
            } => [
                plate.as_deref().map(|p| localize_digits(p, lang)),
                block_id.clone(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" — "),
            Choice::Zone { name, .. } => name.get(lang).to_string(),
            Choice::Street { bbox, .. } => format!(
                "{:.5},{:.5} – {:.5},{:.5}",
                bbox[1], bbox[0], bbox[3], bbox[2]
            ),
        };
        let id = match ch {
            Choice::Street { name, .. } => name.get(lang),
            _ => ch.id(),
        };
        s += &format!("  {id}\t{what}\n");
    }
    s += if streets {
        lang.pick(
            "خیابان ملک نیست: نقطه‌ای روی آن (مختصات یا پیوند نقشه) یا پلاک ملک را با --point بدهید.\n",
            "A street is not a plot: give a point on it (coordinates or a map link), or the plot's plate, with --point.\n",
        )
    } else {
        lang.pick(
            "برای دیدن پاسخ یکی، شناسه‌اش را با --point بدهید.\n",
            "To see one's answer, give its id with --point.\n",
        )
    };
    s
}

fn header(ds: &Dataset, lang: Lang) -> String {
    format!(
        "{} — {} {}\n",
        ds.manifest.title.get(lang),
        lang.pick("نسخهٔ داده", "data version"),
        ds.manifest.data_version
    )
}

/// One layer's line: its name and sentence, then the boundary version used.
fn layer_line(layer: &LayerRef, sentence: String, lang: Lang) -> String {
    format!(
        "• {}: {sentence}\n  {}\n",
        layer.name.get(lang),
        text::version_line(&layer.version, lang)
    )
}

/// A point's answer per layer, in words.
pub fn point_text(ds: &Dataset, r: &PointReport, lang: Lang) -> String {
    let mut s = header(ds, lang);
    if !r.in_data_area {
        s += lang.pick(
            "این نقطه بیرون از محدودهٔ داده‌های این شهر است.\n",
            "This point is outside the area this data covers.\n",
        );
    }
    for l in &r.layers {
        s += &layer_line(&l.layer, text::point_sentence(l, lang), lang);
    }
    s
}

/// A plot's answer per layer, in words.
pub fn plot_text(ds: &Dataset, r: &PlotReport, lang: Lang) -> String {
    let mut s = header(ds, lang);
    s += &format!(
        "{}: {}\n",
        lang.pick("مساحت ملک", "Plot area"),
        text::square_metres(r.area_m2, lang)
    );
    for l in &r.layers {
        s += &layer_line(&l.layer, text::plot_sentence(l, lang), lang);
    }
    s
}

/// `baft compare`: answers the point or plot, then prints the scenarios as CSV.
pub fn compare(args: &CompareArgs) -> Result<ExitCode, Failure> {
    let a = &args.check;
    let (ds, _) = data::load(a)?;
    let lang = a.lang;
    let today = incentives::today(a.date.as_deref(), lang)?;
    let question = match (&a.point, &a.plot) {
        (Some(p), _) => Question::Text(p),
        (None, Some(file)) => {
            let t = std::fs::read_to_string(file).map_err(|e| Failure(e.to_string()))?;
            let rings =
                read_plot_outline(&t, ds.parse_options()).map_err(|e| Failure(e.message(lang)))?;
            Question::Outline(rings)
        }
        _ => {
            return Err(Failure(
                lang.pick("--point یا --plot لازم است", "--point or --plot is required")
                    .into(),
            ))
        }
    };
    let ask = Ask {
        facts: a.facts.as_deref(),
        today,
    };
    let place = match answer(&ds, question, &ask).map_err(|e| Failure(e.message(lang)))? {
        Answer::Place(p) => p,
        c @ Answer::Choices(_) => return Ok(print_answer(&ds, &c, a.json, lang)),
    };
    let blank = vec![String::new(); 3];
    let typed: Vec<&str> = (args.neighbours.as_ref().unwrap_or(&blank).iter())
        .map(String::as_str)
        .collect();
    let own = place
        .facts
        .number(baft_core::packages::FactName::PlotAreaM2);
    let neighbours = compare::neighbour_areas(&typed, &place.adjoining_areas(&ds), own)
        .map_err(|e| Failure(e.message(lang)))?
        .unwrap_or_default();
    let csv = incentives::compare_csv(&ds, &place.facts, &neighbours, today, lang)?;
    print!("{csv}");
    Ok(ExitCode::SUCCESS)
}
