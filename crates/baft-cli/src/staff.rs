//! Commands for the staff who publish data: `validate`, `fix`, `diff`, `batch`.

use crate::Failure;
use baft_core::answer::{answer, Answer, Ask, AskError, PlaceKind, Question, Report};
use baft_core::dataset::Dataset;
use baft_core::error::ProblemKind;
use baft_core::geometry::crs::SourceCrs;
use baft_core::{BaftError, Lang, Severity};
use std::path::Path;
use std::process::ExitCode;

fn read_rel(dir: &Path) -> impl FnMut(&str) -> Result<Vec<u8>, BaftError> + '_ {
    move |rel: &str| {
        let p = dir.join(rel);
        std::fs::read(&p).map_err(|e| BaftError::Io {
            path: p.display().to_string(),
            detail: e.to_string(),
        })
    }
}

/// `baft validate DIR`: exit 0 clean, 1 warnings, 2 errors.
pub fn validate(dir: &Path, json: bool, lang: Lang) -> Result<ExitCode, Failure> {
    let findings = baft_core::publish::validate::validate_dir_bytes(read_rel(dir));
    if json {
        let list: Vec<serde_json::Value> = findings
            .0
            .iter()
            .map(|p| serde_json::json!({"severity": p.severity, "location": p.location, "problem": p.kind, "message": p.message(lang)}))
            .collect();
        println!(
            "{}",
            serde_json::json!({"findings": list, "exit_code": findings.exit_code()})
        );
    } else {
        for p in &findings.0 {
            let tag = match p.severity {
                Severity::Error => lang.pick("خطا", "error"),
                Severity::Warning => lang.pick("هشدار", "warning"),
            };
            println!("{tag}: {}", p.message(lang));
        }
        let (e, w) = (
            findings
                .0
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .count(),
            findings
                .0
                .iter()
                .filter(|p| p.severity == Severity::Warning)
                .count(),
        );
        println!(
            "{}",
            match lang {
                Lang::Fa =>
                    baft_core::base::digits::to_persian_digits(&format!("{e} خطا، {w} هشدار")),
                Lang::En => format!("{e} errors, {w} warnings"),
            }
        );
    }
    Ok(ExitCode::from(findings.exit_code()))
}

/// The manifest of `dir`, after checking that `out` is another folder (commands that write a
/// copy never touch the originals).
fn output_manifest(
    dir: &Path,
    out: &Path,
    lang: Lang,
) -> Result<baft_core::read::manifest::Manifest, Failure> {
    if out.exists() && out.canonicalize().ok() == dir.canonicalize().ok() {
        return Err(Failure(
            lang.pick(
                "پوشهٔ خروجی نباید همان پوشهٔ داده باشد",
                "the output folder must not be the data folder",
            )
            .into(),
        ));
    }
    let text =
        std::fs::read_to_string(dir.join("manifest.json")).map_err(|e| Failure(e.to_string()))?;
    baft_core::read::manifest::Manifest::parse(&text)
        .map_err(|errs| Failure(manifest_errors(&errs, lang)))
}

/// Manifest errors, one per line.
pub fn manifest_errors(errs: &[baft_core::read::manifest::ManifestError], lang: Lang) -> String {
    errs.iter()
        .map(|e| e.message(lang))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `baft fix DIR --out OUT`: a corrected copy; the originals are never touched.
pub fn fix(dir: &Path, out: &Path, lang: Lang) -> Result<ExitCode, Failure> {
    let fail = |e: std::io::Error| Failure(e.to_string());
    let mut manifest = output_manifest(dir, out, lang)?;
    copy_dir(dir, out).map_err(fail)?;
    let mut geo_files: Vec<(String, Option<SourceCrs>)> = Vec::new();
    for l in &manifest.layers {
        for v in &l.versions {
            geo_files.push((
                v.file.clone(),
                v.crs.as_deref().and_then(|c| SourceCrs::parse(c).ok()),
            ));
        }
    }
    if let Some(p) = &manifest.parcels {
        geo_files.push((
            p.file.clone(),
            p.crs.as_deref().and_then(|c| SourceCrs::parse(c).ok()),
        ));
    }
    if let Some(b) = &manifest.blocks {
        geo_files.push((b.clone(), None));
    }
    let mut changed = 0;
    for (file, declared) in geo_files {
        let text = std::fs::read_to_string(dir.join(&file)).map_err(fail)?;
        match baft_core::publish::fix::fix_geojson(&text, declared) {
            Ok((fixed, fixes)) => {
                for f in &fixes {
                    println!("{file}: {}", f.message(lang));
                }
                changed += fixes.len();
                std::fs::write(out.join(&file), fixed).map_err(fail)?;
            }
            Err(k) => eprintln!(
                "{file}: {}",
                baft_core::Problem::file_error(&file, k).message(lang)
            ),
        }
    }
    // The copy is all lon/lat now: drop CRS declarations from its manifest.
    for l in &mut manifest.layers {
        for v in &mut l.versions {
            v.crs = None;
        }
    }
    if let Some(p) = &mut manifest.parcels {
        p.crs = None;
    }
    let m = serde_json::to_string_pretty(&manifest).map_err(|e| Failure(e.to_string()))?;
    std::fs::write(out.join("manifest.json"), m + "\n").map_err(fail)?;
    println!(
        "{}",
        match lang {
            Lang::Fa => baft_core::base::digits::to_persian_digits(&format!(
                "{changed} اصلاح؛ نسخهٔ اصلاح‌شده در {}",
                out.display()
            )),
            Lang::En => format!(
                "{changed} fixes; the corrected copy is in {}",
                out.display()
            ),
        }
    );
    Ok(ExitCode::SUCCESS)
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// `baft diff OLD NEW`: blocks added and removed, as text, JSON or GeoJSON.
pub fn diff(old: &Path, new: &Path, format: &str, lang: Lang) -> Result<ExitCode, Failure> {
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|e| {
            Failure(
                BaftError::Io {
                    path: p.display().to_string(),
                    detail: e.to_string(),
                }
                .message(lang),
            )
        })
    };
    let (ot, nt) = (read(old)?, read(new)?);
    let a = Dataset::from_single_file(&old.display().to_string(), &ot)
        .map_err(|e| Failure(e.message(lang)))?;
    let mut spec = a.layers[0].spec.clone();
    spec.id = "zones".into();
    let mut version = a.layers[0].version.clone();
    version.id = "new".into();
    let name = new.display().to_string();
    version.title = baft_core::read::manifest::LocalText::new(&name, &name);
    let b = baft_core::layer::Layer::load(&spec, &version, &name, &nt, &a.frame);
    if !b.is_usable() {
        return Err(Failure(
            b.problems
                .first()
                .map(|p| p.message(lang))
                .unwrap_or_default(),
        ));
    }
    let d = baft_core::layer::versions::diff(&a.layers[0], &b);
    match format {
        "json" => println!("{}", serde_json::to_string(&d).unwrap_or_default()),
        "geojson" => println!("{}", d.geojson(&a.layers[0], &b)),
        _ => print!("{}", d.text(lang)),
    }
    Ok(ExitCode::SUCCESS)
}

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

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
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
        let res = check_one(ds, loc.trim(), date);
        match res {
            Ok((kind, layers, place)) => {
                let pkgs: Vec<String> = place
                    .incentives
                    .as_ref()
                    .map(|e| e.combined.counted.clone())
                    .unwrap_or_default();
                rows.push(serde_json::json!({"line": n + 1, "id": id, "input": loc, "kind": kind, "layers": layers, "packages": pkgs}));
            }
            Err(e) => {
                failed = true;
                rows.push(serde_json::json!({"line": n + 1, "id": id, "input": loc, "error": e.message(lang)}));
            }
        }
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
                csv_cell(r["id"].as_str().unwrap_or("")),
                csv_cell(r["input"].as_str().unwrap_or("")),
                r["kind"].as_str().unwrap_or("").to_string(),
            ];
            for l in &layer_ids {
                cells.push(r["layers"][l].as_str().unwrap_or("").to_string());
            }
            let pk: Vec<&str> = r["packages"]
                .as_array()
                .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
                .unwrap_or_default();
            cells.push(csv_cell(&pk.join(" ")));
            cells.push(csv_cell(r["error"].as_str().unwrap_or("")));
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

type Checked = (
    &'static str,
    serde_json::Map<String, serde_json::Value>,
    baft_core::answer::Place,
);

fn check_one(
    ds: &Dataset,
    loc: &str,
    date: baft_core::base::jalali::GregorianDate,
) -> Result<Checked, AskError> {
    let question = if loc.trim_start().to_ascii_uppercase().starts_with("POLYGON") {
        Question::Outline(wkt_polygon(loc)?)
    } else {
        Question::Text(loc)
    };
    let place = match answer(ds, question, &Ask::on(date))? {
        Answer::Place(p) => p,
        Answer::Choices(_) => return Err(BaftError::Unrecognised { text: loc.into() }.into()),
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
    Ok((kind, layers, *place))
}

/// `POLYGON((lon lat, lon lat, …))` (the outer ring only).
fn wkt_polygon(s: &str) -> Result<Vec<Vec<(f64, f64)>>, BaftError> {
    let bad = || BaftError::BadPlotFile {
        problem: ProblemKind::BadCoordinates {
            detail: "WKT POLYGON((lon lat, …)) expected".into(),
        },
    };
    let inner = s
        .trim()
        .splitn(2, '(')
        .nth(1)
        .ok_or_else(bad)?
        .trim_start_matches('(');
    let ring = inner.split(')').next().ok_or_else(bad)?;
    let pts: Vec<(f64, f64)> = ring
        .split(',')
        .map(|p| {
            let mut it = p.split_whitespace().map(|x| x.parse::<f64>());
            match (it.next(), it.next()) {
                (Some(Ok(x)), Some(Ok(y))) => Ok((x, y)),
                _ => Err(bad()),
            }
        })
        .collect::<Result<_, _>>()?;
    if pts.len() < 4 {
        return Err(bad());
    }
    Ok(vec![pts])
}

/// `baft pack DIR --out OUT`: a copy of the data folder whose parcel layer is a `.baftpack`
/// (nearest the city centre first), for fast loading on phones. GeoJSON stays what staff edit.
pub fn pack(dir: &Path, out: &Path, lang: Lang) -> Result<ExitCode, Failure> {
    let fail = |e: std::io::Error| Failure(e.to_string());
    let mut manifest = output_manifest(dir, out, lang)?;
    let Some(parcels) = manifest.parcels.clone() else {
        return Err(Failure(
            lang.pick(
                "این داده لایهٔ پلاک ندارد؛ چیزی برای بسته‌بندی نیست",
                "this data has no parcel layer; nothing to pack",
            )
            .into(),
        ));
    };
    if baft_core::read::pack::is_pack(&parcels.file) {
        return Err(Failure(
            lang.pick(
                "لایهٔ پلاک‌ها از پیش بسته‌بندی شده است",
                "the parcel layer is already packed",
            )
            .into(),
        ));
    }
    copy_dir(dir, out).map_err(fail)?;
    let text = std::fs::read_to_string(dir.join(&parcels.file)).map_err(fail)?;
    let declared = parcels
        .crs
        .as_deref()
        .and_then(|c| SourceCrs::parse(c).ok());
    let [lon, lat] = manifest.city.center;
    let (bytes, stats, problems) =
        baft_core::read::pack::pack_geojson(&parcels.file, &text, declared, (lon, lat))
            .map_err(|p| Failure(p.message(lang)))?;
    for p in &problems {
        eprintln!("baft: {}", p.message(lang));
    }
    let packed = format!(
        "{}.baftpack",
        parcels
            .file
            .trim_end_matches(".geojson")
            .trim_end_matches(".json")
    );
    std::fs::write(out.join(&packed), &bytes).map_err(fail)?;
    let _ = std::fs::remove_file(out.join(&parcels.file));
    if let Some(p) = &mut manifest.parcels {
        p.file = packed.clone();
        p.crs = None;
    }
    let m = serde_json::to_string_pretty(&manifest).map_err(|e| Failure(e.to_string()))?;
    std::fs::write(out.join("manifest.json"), m + "\n").map_err(fail)?;
    let mb = |b: usize| format!("{:.2} MB", b as f64 / 1e6);
    println!(
        "{}",
        match lang {
            Lang::Fa => baft_core::base::digits::to_persian_digits(&format!(
                "{} پلاک: {} → {} ({packed})",
                stats.features,
                mb(stats.geojson_bytes),
                mb(stats.pack_bytes)
            )),
            Lang::En => format!(
                "{} plots: {} → {} ({packed})",
                stats.features,
                mb(stats.geojson_bytes),
                mb(stats.pack_bytes)
            ),
        }
    );
    Ok(ExitCode::SUCCESS)
}
