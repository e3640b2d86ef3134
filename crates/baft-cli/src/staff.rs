//! Commands for the staff who publish data: `validate`, `fix`, `diff`, `batch`, `pack`, and
//! the facilitation office's `designate`.

use crate::Failure;
use baft_core::dataset::Dataset;
use baft_core::geometry::crs::SourceCrs;
use baft_core::{say, BaftError, Lang, Severity};
use std::path::Path;
use std::process::ExitCode;
mod batch;
mod designate;
mod outreach;
mod pack;
mod profile;
#[allow(unused_imports)]
pub use batch::*;
#[allow(unused_imports)]
pub use designate::*;
#[allow(unused_imports)]
pub use outreach::*;
#[allow(unused_imports)]
pub use pack::*;
#[allow(unused_imports)]
pub use profile::*;

fn read_rel(dir: &Path) -> impl FnMut(&str) -> Result<Vec<u8>, BaftError> + '_ {
    move |rel: &str| {
        let p = dir.join(rel);
        std::fs::read(&p).map_err(|e| BaftError::io(p.display().to_string(), &e))
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
        let n = |x: usize| baft_core::base::units::count(x, lang);
        println!(
            "{}",
            say!(
                lang,
                "{e} خطا، {w} هشدار",
                "{e} errors, {w} warnings",
                e = n(e),
                w = n(w)
            )
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
pub fn manifest_errors(errs: &[baft_core::FieldError], lang: Lang) -> String {
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
        if baft_core::read::fgb::is_fgb(&file) {
            // Nothing in FlatGeobuf to fix as text: copied as it is (`baft validate` checks it).
            println!(
                "{file}: {}",
                lang.pick(
                    "FlatGeobuf؛ همان‌طور که هست کپی شد",
                    "FlatGeobuf; copied as it is"
                )
            );
            continue;
        }
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
    // The copy's GeoJSON is all lon/lat now: drop their CRS declarations from its manifest
    // (a FlatGeobuf file, copied as it is, keeps its own).
    let geojson = |f: &str| !baft_core::read::fgb::is_fgb(f);
    for l in &mut manifest.layers {
        for v in l.versions.iter_mut().filter(|v| geojson(&v.file)) {
            v.crs = None;
        }
    }
    if let Some(p) = manifest.parcels.as_mut().filter(|p| geojson(&p.file)) {
        p.crs = None;
    }
    let m = serde_json::to_string_pretty(&manifest).map_err(|e| Failure(e.to_string()))?;
    std::fs::write(out.join("manifest.json"), m + "\n").map_err(fail)?;
    println!(
        "{}",
        say!(
            lang,
            "{changed} اصلاح؛ نسخهٔ اصلاح‌شده در {out}",
            "{changed} fixes; the corrected copy is in {out}",
            changed = baft_core::base::units::count(changed, lang),
            out = out.display()
        )
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
        std::fs::read_to_string(p)
            .map_err(|e| Failure(BaftError::io(p.display().to_string(), &e).message(lang)))
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

/// Prints a staff command's result: as one line of JSON with `--json`, else its words.
pub(crate) fn print_answer<T: serde::Serialize + ?Sized>(
    value: &T,
    json: bool,
    words: impl FnOnce() -> String,
) -> Result<(), Failure> {
    if json {
        let text = serde_json::to_string(value).map_err(|e| Failure(e.to_string()))?;
        println!("{text}");
    } else {
        print!("{}", words());
    }
    Ok(())
}
