//! `baft designate DIR`: the three national criteria per block from the plot-by-plot survey, and
//! the boundary proposal against the approved version (`baft_core::designate`).

use crate::{CheckArgs, Failure};
use baft_core::designate::{self, dossier, export, ChangeKind, Criterion, Designation};
use baft_core::{say, Lang};
use std::path::Path;
use std::process::ExitCode;

fn criterion(c: Criterion, lang: Lang) -> &'static str {
    match c {
        Criterion::FineGrain => lang.pick("ریزدانگی", "fine grain"),
        Criterion::Instability => lang.pick("ناپایداری", "instability"),
        Criterion::Impermeability => lang.pick("نفوذناپذیری", "impermeability"),
    }
}

fn list(v: &[Criterion], lang: Lang) -> String {
    v.iter()
        .map(|c| criterion(*c, lang))
        .collect::<Vec<_>>()
        .join(lang.pick("، ", ", "))
}

/// The analysis in words: the core's summary, then the blocks to add and to remove.
fn text(d: &Designation, lang: Lang) -> String {
    let n = |k: usize| baft_core::base::units::count(k, lang);
    let ha = |x: f64| baft_core::base::units::format_number(x, 2, lang);
    let mut s: String = (baft_core::designate::summary(d, lang).iter())
        .map(|line| format!("{line}\n"))
        .collect();
    let Some(p) = &d.proposal else { return s };
    for (kind, title) in [
        (ChangeKind::Add, lang.pick("افزودن", "Add")),
        (ChangeKind::Remove, lang.pick("حذف", "Remove")),
    ] {
        let blocks: Vec<_> = p.with(kind).collect();
        s += &format!("{title} ({}):\n", n(blocks.len()));
        for b in blocks {
            s += &say!(
                lang,
                "  {} — {} هکتار، {} پلاک — {}\n",
                "  {} — {} ha, {} plots — {}\n",
                b.block_id,
                ha(b.area_ha),
                n(b.plots),
                list(&b.deciding, lang)
            );
        }
    }
    s
}

/// Writes the exports ([`export::files`]) into `out`.
fn write_exports(
    d: &Designation,
    blocks: Option<&baft_core::layer::Layer>,
    out: &Path,
) -> Result<Vec<String>, Failure> {
    let fail = |e: std::io::Error| Failure(e.to_string());
    std::fs::create_dir_all(out).map_err(fail)?;
    let mut written = Vec::new();
    for (name, body) in export::files(d, blocks) {
        std::fs::write(out.join(&name), body).map_err(fail)?;
        written.push(name);
    }
    Ok(written)
}

/// What the staff commands read from a data folder: the data, the survey (the parcel file, its
/// name and bytes), the blocks, the manifest's text and the designation settings.
pub(crate) struct Survey {
    pub ds: baft_core::dataset::Dataset,
    pub file: String,
    pub bytes: Vec<u8>,
    pub layer: baft_core::layer::Layer,
    pub blocks: Option<baft_core::layer::Layer>,
    pub manifest: String,
    pub settings: baft_core::read::manifest::DesignationSettings,
}

/// Reads the survey and its settings from `dir`, saying each problem of the survey on stderr.
pub(crate) fn read_survey(dir: &Path, lang: Lang) -> Result<Survey, Failure> {
    let args = CheckArgs::for_data(dir, lang);
    let (ds, _) = crate::data::load(&args)?;
    let fail = |e: baft_core::BaftError| Failure(e.message(lang));
    let spec = ds
        .manifest
        .parcels
        .clone()
        .ok_or(baft_core::BaftError::NoParcelLayer)
        .map_err(fail)?;
    let path = dir.join(&spec.file);
    let bytes = std::fs::read(&path)
        .map_err(|e| baft_core::BaftError::io(path.display().to_string(), &e))
        .map_err(fail)?;
    let layer = designate::read_survey(&ds, &spec.file, &bytes).map_err(fail)?;
    for p in &layer.problems {
        eprintln!("baft: {}", p.message(lang));
    }
    let blocks = match &ds.manifest.blocks {
        Some(f) => {
            let text = crate::data::read_text(&dir.join(f), lang)?;
            Some(designate::read_blocks(&ds, f, &text))
        }
        None => None,
    };
    let manifest = crate::data::read_text(&dir.join("manifest.json"), lang)?;
    let settings = baft_core::read::manifest::DesignationSettings::from_manifest_text(&manifest)
        .map_err(|errors| fail(baft_core::BaftError::BadManifest { errors }))?;
    Ok(Survey {
        ds,
        file: spec.file,
        bytes,
        layer,
        blocks,
        manifest,
        settings,
    })
}

/// `baft designate DIR [--json] [--out OUT]`.
pub fn designate(
    dir: &Path,
    json: bool,
    out: Option<&Path>,
    lang: Lang,
) -> Result<ExitCode, Failure> {
    let Survey {
        ds,
        file,
        bytes,
        layer: survey,
        blocks,
        manifest,
        settings,
    } = read_survey(dir, lang)?;
    let d = designate::designate(&ds, settings, &survey, blocks.as_ref());
    super::print_answer(&d, json, || text(&d, lang))?;
    if let Some(out) = out {
        let mut written = write_exports(&d, blocks.as_ref(), out)?;
        if let Some(b) = &blocks {
            let mut files = vec![("manifest.json".to_string(), manifest.as_bytes().to_vec())];
            files.push((file.clone(), bytes.clone()));
            if let Some(f) = &ds.manifest.blocks {
                files.push((f.clone(), std::fs::read(dir.join(f)).unwrap_or_default()));
            }
            let today = crate::incentives::today(None, lang)?;
            let jalali = baft_core::base::jalali::JalaliDate::from_gregorian(today);
            let facts = |paper| dossier::DossierFacts {
                city: ds.manifest.city.name.clone(),
                data_version: ds.manifest.data_version.clone(),
                date: (jalali.to_string(), today.to_string()),
                files: files
                    .iter()
                    .map(|(f, b)| (f.clone(), dossier::sha256_hex(b)))
                    .collect(),
                paper,
            };
            for (name, paper) in [
                ("dossier-a4.html", dossier::Paper::A4),
                ("dossier-a3.html", dossier::Paper::A3),
            ] {
                let html = dossier::dossier_html(&d, b, &facts(paper));
                std::fs::write(out.join(name), html).map_err(|e| Failure(e.to_string()))?;
                written.push(name.into());
            }
        }
        for f in written {
            eprintln!(
                "baft: {}",
                say!(lang, "نوشته شد: {}", "wrote {}", out.join(f).display())
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
