//! `baft batch`: many plots from a CSV, each answered by the core.

#[allow(unused_imports)]
use super::*;
use crate::Failure;
use baft_core::answer::{answer, Answer, Ask, AskError, Choices, PlaceKind, Question, Report};
use baft_core::dataset::Dataset;
use baft_core::input::wkt;
use baft_core::{say, Lang};
use std::path::Path;
use std::process::ExitCode;

/// One CSV field list from a line (quotes allowed).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// `baft batch FILE.csv --data DIR`: rows of `id,location` where the location is a point in any
/// form, a plate or renovation code, or a polygon (WKT `POLYGON((lon lat, …))` or GeoJSON).
pub fn batch(
    file: &Path,
    ds: &Dataset,
    format: &str,
    date: baft_core::base::jalali::GregorianDate,
    lang: Lang,
) -> Result<ExitCode, Failure> {
    let text = std::fs::read_to_string(file).map_err(|e| Failure(e.to_string()))?;
    let text = text.trim_start_matches('\u{FEFF}');
    let mut rows = Vec::new();
    let mut failed = false;
    for (n, line) in text.lines().enumerate() {
        let f = csv_fields(line);
        if line.trim().is_empty()
            || (n == 0
                && f.first()
                    .is_some_and(|h| h.trim().eq_ignore_ascii_case("id")))
        {
            continue;
        }
        let (id, loc) = (
            f.first().cloned().unwrap_or_default(),
            f.get(1..).map(|r| r.join(",")).unwrap_or_default(),
        );
        let row = answer_row(ds, n + 1, &id, &loc, date, lang);
        failed |= row.get("error").is_some();
        rows.push(row);
    }
    if format == "json" {
        for r in &rows {
            println!("{r}");
        }
    } else {
        let layer_ids: Vec<String> = ds.layers.iter().map(|l| l.spec.id.clone()).collect();
        let mut out = String::from("\u{FEFF}id,input,kind");
        for l in &layer_ids {
            out += &format!(",{l}");
        }
        out += ",packages,error\r\n";
        for r in &rows {
            let mut cells = vec![
                baft_core::base::csv::field(r["id"].as_str().unwrap_or("")),
                baft_core::base::csv::field(r["input"].as_str().unwrap_or("")),
                r["kind"].as_str().unwrap_or("").to_string(),
            ];
            for l in &layer_ids {
                cells.push(r["layers"][l].as_str().unwrap_or("").to_string());
            }
            let pk: Vec<&str> = r["packages"]
                .as_array()
                .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
                .unwrap_or_default();
            cells.push(baft_core::base::csv::field(&pk.join(" ")));
            cells.push(baft_core::base::csv::field(
                r["error"].as_str().unwrap_or(""),
            ));
            out += &cells.join(",");
            out += "\r\n";
        }
        print!("{out}");
    }
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// One row's answer as the JSON row `batch` prints (with `error` when it is not answered).
fn answer_row(
    ds: &Dataset,
    line: usize,
    id: &str,
    loc: &str,
    date: baft_core::base::jalali::GregorianDate,
    lang: Lang,
) -> serde_json::Value {
    match check_one(ds, loc.trim(), date) {
        Ok(Err(c)) => {
            // Several matches: not answered; each is listed by the id that picks it.
            let ids: Vec<&str> = c.choices.iter().map(|ch| ch.id()).collect();
            let error = say!(
                lang,
                "چند مورد پیدا شد؛ یکی را با شناسه‌اش بدهید: {}",
                "Several matches; give one by its id: {}",
                ids.join(lang.pick("، ", ", "))
            );
            serde_json::json!({"line": line, "id": id, "input": loc, "kind": "choices", "choices": ids, "error": error})
        }
        Ok(Ok((kind, layers, place))) => {
            let pkgs: Vec<String> = (place.incentives.as_ref())
                .map(|e| e.combined.counted.clone())
                .unwrap_or_default();
            let area = place.plot_report().map(|r| r.area_m2);
            serde_json::json!({"line": line, "id": id, "input": loc, "kind": kind, "area_m2": area, "layers": layers, "packages": pkgs})
        }
        Err(e) => {
            serde_json::json!({"line": line, "id": id, "input": loc, "error": e.message(lang)})
        }
    }
}

type Checked = (
    &'static str,
    serde_json::Map<String, serde_json::Value>,
    baft_core::answer::Place,
);

fn check_one(
    ds: &Dataset,
    loc: &str,
    date: baft_core::base::jalali::GregorianDate,
) -> Result<Result<Checked, Choices>, AskError> {
    let question = if wkt::is_wkt_polygon(loc) {
        Question::Outline(wkt::parse_wkt_polygon(loc)?)
    } else {
        Question::Text(loc)
    };
    let place = match answer(ds, question, &Ask::on(date))? {
        Answer::Place(p) => p,
        Answer::Choices(c) => return Ok(Err(c)),
    };
    let layers = match &place.result {
        Report::Point(r) => r
            .layers
            .iter()
            .map(|x| (x.layer.id.clone(), serde_json::json!(x.status.as_str())))
            .collect(),
        Report::Plot(r) => r
            .layers
            .iter()
            .map(|l| {
                let cell = format!("{}:{:.3}", l.status.as_str(), l.share);
                (l.layer.id.clone(), serde_json::json!(cell))
            })
            .collect(),
    };
    let kind = match (place.kind, place.parcel_index) {
        (_, Some(_)) => "parcel",
        (PlaceKind::Point, None) => "point",
        (PlaceKind::Plot, None) => "plot",
    };
    Ok(Ok((kind, layers, *place)))
}
