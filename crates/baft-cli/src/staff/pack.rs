//! `baft pack`: a data folder with its parcel layer as FlatGeobuf.

#[allow(unused_imports)]
use super::*;
use crate::Failure;
use baft_core::geometry::crs::SourceCrs;
use baft_core::{say, Lang};
use std::path::Path;
use std::process::ExitCode;

/// `baft pack DIR --out OUT`: a copy of the data folder whose parcel layer is FlatGeobuf
/// (`.fgb`: lon/lat, Hilbert-ordered with its R-tree, every attribute kept), for fast loading
/// on phones; QGIS and GDAL open it. GeoJSON stays what staff edit.
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
    if baft_core::read::fgb::is_fgb(&parcels.file) {
        return Err(Failure(
            lang.pick(
                "لایهٔ پلاک‌ها از پیش FlatGeobuf است",
                "the parcel layer is already FlatGeobuf",
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
    let (bytes, stats, problems) =
        baft_core::read::fgb::from_geojson(&parcels.file, &text, declared, Some(parcels.id_key()))
            .map_err(|p| Failure(p.message(lang)))?;
    for p in &problems {
        eprintln!("baft: {}", p.message(lang));
    }
    if stats.features == 0 {
        return Err(Failure(say!(
            lang,
            "هیچ پلاکی قابل استفاده نبود؛ FlatGeobuf نوشته نشد",
            "no plot could be used; no FlatGeobuf was written"
        )));
    }
    let packed = format!(
        "{}.fgb",
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
    let mb = |b: usize| baft_core::base::units::megabytes(b, lang);
    println!(
        "{}",
        say!(
            lang,
            "{} پلاک: {} ← {} ({packed})",
            "{} plots: {} → {} ({packed})",
            baft_core::base::units::format_number(stats.features as f64, 0, lang),
            mb(stats.geojson_bytes),
            mb(stats.pack_bytes),
            packed = packed
        )
    );
    Ok(ExitCode::SUCCESS)
}
