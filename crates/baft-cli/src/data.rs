//! Loading a data folder or a single zones file from disk, reporting problems on stderr.

use crate::{CheckArgs, Failure};
use baft_core::dataset::Dataset;
use baft_core::{BaftError, Lang, Problem, Severity};

/// Loads the data named by `--data` or `--zones`, printing data problems to stderr.
pub fn load(args: &CheckArgs) -> Result<(Dataset, Vec<Problem>), Failure> {
    let lang = args.lang;
    let fail = |e: BaftError| Failure(e.message(lang));
    let (ds, problems) = match (&args.data, &args.zones) {
        (Some(dir), _) => {
            let manifest_path = dir.join("manifest.json");
            let text = read(&manifest_path.display().to_string()).map_err(fail)?;
            Dataset::load_bytes(&text, |rel| {
                let p = dir.join(rel);
                std::fs::read(&p).map_err(|e| BaftError::io(p.display().to_string(), &e))
            })
            .map_err(fail)?
        }
        (None, Some(file)) => {
            let name = file.display().to_string();
            let text = read(&name).map_err(fail)?;
            Dataset::from_single_file_with_problems(&name, &text).map_err(fail)?
        }
        (None, None) => {
            return Err(Failure(
                lang.pick(
                    "یکی از --data یا --zones لازم است",
                    "one of --data DIR or --zones FILE is required",
                )
                .into(),
            ))
        }
    };
    for p in &problems {
        let tag = match p.severity {
            Severity::Warning => lang.pick("هشدار", "warning"),
            Severity::Error => lang.pick("خطا", "error"),
        };
        eprintln!("baft: {tag}: {}", p.message(lang));
    }
    if !ds.layers.iter().any(|l| l.is_usable()) {
        return Err(Failure(
            lang.pick(
                "هیچ لایهٔ قابل استفاده‌ای بارگذاری نشد",
                "no usable layer was loaded",
            )
            .into(),
        ));
    }
    Ok((ds, problems))
}

fn read(path: &str) -> Result<String, BaftError> {
    std::fs::read_to_string(path).map_err(|e| BaftError::io(path, &e))
}

/// Whether the data is sample data; the notice goes to stderr so JSON on stdout stays clean.
pub fn warn_if_sample(ds: &Dataset, lang: Lang) {
    if ds.manifest.sample_data {
        eprintln!("baft: {}", baft_core::check::words::sample_notice(lang));
    }
}

/// A file's text; a file that can't be read is a failure naming it, in `lang`.
pub fn read_text(path: &std::path::Path, lang: Lang) -> Result<String, Failure> {
    read(&path.display().to_string()).map_err(|e| Failure(e.message(lang)))
}
