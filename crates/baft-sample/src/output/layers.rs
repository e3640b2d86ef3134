//! The zone layers: worn-out fabric versions, neighbourhoods, informal and historic areas.

#[allow(unused_imports)]
use super::*;
use crate::city::P;
use crate::rng::{hash01, Rng};
use crate::City;
use baft_core::base::jalali::JalaliDate;
use baft_core::geometry::projection::TransverseMercator;
use serde_json::{json, Value};

pub(super) fn worn_layer(
    city: &City,
    frame: &TransverseMercator,
    which: &[bool],
    vers: &Versions,
    label: &str,
) -> String {
    let feats: Vec<String> = city
        .blocks
        .iter()
        .enumerate()
        .filter(|(k, _)| which[*k])
        .map(|(k, b)| {
            let (fa, en) = block_name(city, b);
            let change = match (vers.v1398[k], vers.v1402[k]) {
                (false, true) => "added_1402",
                (true, false) => "removed_1402",
                _ => "unchanged",
            };
            // Blocks removed in 1402 were unstable in 1398; show the survey values of their version.
            let no_structure = if label == "1398" && !vers.v1402[k] { 0.5 + 0.3 * hash01(k as i64, 3, 5) } else { b.no_structure };
            feature(
                json!({
                    "block_id": b.id, "name": fa, "name_en": en,
                    "neighbourhood": b.neighbourhood.map(|n| city.neighbourhoods[n].id.clone()),
                    "plots": b.plots.len(),
                    "fine_grain_share": r3(b.fine_grain), "no_structure_share": r3(no_structure), "narrow_access_share": r3(b.narrow_access),
                    "change_1402": change,
                }),
                &[ring_lonlat(&b.ring, frame)],
            )
        })
        .collect();
    collection(
        &format!("worn-out-fabric-{label}"),
        &format!("\"notice\":\"{NOTICE}\","),
        &feats,
    )
}

pub(super) fn blob(rng: &mut Rng, c: P, r: f64, n: usize, wobble: f64) -> Vec<P> {
    (0..n)
        .map(|k| {
            let a = k as f64 / n as f64 * std::f64::consts::TAU;
            let rr = r * (1.0 + wobble * (rng.f() - 0.5));
            (c.0 + rr * a.cos(), c.1 + rr * a.sin())
        })
        .collect()
}

// The ring walks the grid's nodes by their row and column on all four sides alike.
#[allow(clippy::needless_range_loop)]
pub(super) fn neighbourhood_ring(city: &City, r: (usize, usize, usize, usize)) -> Vec<P> {
    let n = &city.grid.nodes;
    let mut v = Vec::new();
    for i in r.0..=r.2 {
        v.push(n[i][r.1]);
    }
    for j in r.1 + 1..=r.3 {
        v.push(n[r.2][j]);
    }
    for i in (r.0..r.2).rev() {
        v.push(n[i][r.3]);
    }
    for j in (r.1 + 1..r.3).rev() {
        v.push(n[r.0][j]);
    }
    v
}

// One argument a field of the manifest's version entry.
#[allow(clippy::too_many_arguments)]
pub(super) fn version(
    id: &str,
    fa: &str,
    en: &str,
    file: &str,
    jalali: &str,
    by_fa: &str,
    by_en: &str,
    crs: Option<&str>,
) -> Value {
    let j = JalaliDate::parse(jalali).expect("valid sample date");
    let mut v = json!({
        "id": id, "title": {"fa": fa, "en": en}, "file": file,
        "approved": {"jalali": jalali, "iso": j.to_gregorian().to_string()},
        "approved_by": {"fa": by_fa, "en": by_en},
    });
    if let Some(c) = crs {
        v["crs"] = json!(c);
    }
    v
}

pub(super) const ART5_FA: &str = "کمیسیون ماده ۵ استان تهران (نمونه)";
pub(super) const ART5_EN: &str = "Tehran Province Article 5 Commission (sample)";
