//! A simulated national deployment: a catalogue of 30 cities, each a whole data folder, for the
//! national tests and benchmarks.
//!
//! City 1 is the sample city (Qods) where it is; the other 29 are copies of its data (without
//! the parcel layer, to stay small) moved to points spread over Iran, each with its own name,
//! data version, UTM zone and envelope. The input is a data folder in lon/lat throughout
//! (`baft fix data --out DIR` makes one from the sample). NOT real boundaries: every file says so.

use serde_json::{json, Value};
use std::path::Path;

/// Cities in the simulated set.
pub const CITIES: usize = 30;

/// Writes the catalogue (`OUT/manifest.json`) and a data folder a city (`OUT/<id>/`) from the
/// lon/lat data folder `input`; returns a one-line report.
pub fn write(input: &Path, out: &Path) -> Result<String, String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let manifest: Value =
        serde_json::from_str(&read(&input.join("manifest.json"))?).map_err(|e| e.to_string())?;
    let centre = manifest["city"]["center"].clone();
    let (lon0, lat0) = (num(&centre[0]), num(&centre[1]));
    let mut cities = Vec::new();
    for i in 0..CITIES {
        // City 1 stays; the others on a 6 × 5 grid from 46.5° E, 27.5° N (none near Qods).
        let (lon, lat) = if i == 0 {
            (lon0, lat0)
        } else {
            let k = i - 1;
            (46.5 + (k % 6) as f64 * 2.4, 27.5 + (k / 6) as f64 * 2.2)
        };
        let (dx, dy) = (lon - lon0, lat - lat0);
        let id = if i == 0 {
            "qods".to_string()
        } else {
            format!("sample-{:02}", i + 1)
        };
        let dir = out.join(&id);
        let mut m = manifest.clone();
        if i > 0 {
            m.as_object_mut().map(|o| o.remove("parcels"));
            m["city"]["name"] = json!({
                "fa": format!("شهر نمونهٔ {}", persian(i + 1)),
                "en": format!("Sample city {}", i + 1),
            });
            m["title"] = json!({
                "fa": format!("بازآفرینی شهری — شهر نمونهٔ {} (ساختگی)", persian(i + 1)),
                "en": format!("Urban regeneration — sample city {} (synthetic)", i + 1),
            });
            m["data_version"] = json!(format!("{}-{id}", m["data_version"].as_str().unwrap_or("")));
            m["city"]["utm_zone"] = json!(((lon + 180.0) / 6.0).floor() as i64 + 1);
        }
        shift(&mut m["city"]["center"], dx, dy);
        shift(&mut m["city"]["envelope"], dx, dy);
        for f in files(&m) {
            let text = read(&input.join(&f))?;
            let mut v: Value = serde_json::from_str(&text).map_err(|e| format!("{f}: {e}"))?;
            move_all(&mut v, dx, dy);
            write_json(&dir.join(&f), &v)?;
        }
        write_json(&dir.join("manifest.json"), &m)?;
        cities.push(json!({
            "id": id,
            "name": m["city"]["name"],
            "folder": format!("{id}/"),
            "envelope": m["city"]["envelope"],
        }));
    }
    let catalogue = json!({
        "format_version": 1,
        "catalogue": true,
        "title": {
            "fa": "بازآفرینی شهری — مجموعهٔ ملی نمونه (ساختگی، مرز رسمی نیست)",
            "en": "Urban regeneration — sample national set (synthetic, not official boundaries)",
        },
        "cities": cities,
    });
    write_json(&out.join("manifest.json"), &catalogue)?;
    Ok(format!(
        "wrote a catalogue of {CITIES} cities to {}",
        out.display()
    ))
}

/// The files a manifest lists (layer versions, blocks, offices, streets, packages, parcels).
fn files(m: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for l in m["layers"].as_array().into_iter().flatten() {
        for v in l["versions"].as_array().into_iter().flatten() {
            out.extend(v["file"].as_str().map(str::to_string));
        }
    }
    for k in ["blocks", "offices", "streets", "packages"] {
        out.extend(m[k].as_str().map(str::to_string));
    }
    out.extend(m["parcels"]["file"].as_str().map(str::to_string));
    out
}

/// Moves every position in a GeoJSON or offices file: `coordinates`, `location`, `bbox`.
fn move_all(v: &mut Value, dx: f64, dy: f64) {
    match v {
        Value::Object(o) => {
            for (k, child) in o.iter_mut() {
                match k.as_str() {
                    "coordinates" => move_positions(child, dx, dy),
                    "location" => shift(child, dx, dy),
                    "bbox" => shift(child, dx, dy),
                    _ => move_all(child, dx, dy),
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|c| move_all(c, dx, dy)),
        _ => {}
    }
}

/// Nested arrays of positions, at any depth.
fn move_positions(v: &mut Value, dx: f64, dy: f64) {
    if let Some(a) = v.as_array_mut() {
        if a.first().is_some_and(Value::is_number) {
            shift(v, dx, dy);
        } else {
            a.iter_mut().for_each(|c| move_positions(c, dx, dy));
        }
    }
}

/// `[lon, lat, …]` (a position, or a box's pairs) moved by (dx, dy), kept to 7 decimals.
fn shift(v: &mut Value, dx: f64, dy: f64) {
    if let Some(a) = v.as_array_mut() {
        for (k, x) in a.iter_mut().enumerate() {
            let d = if k % 2 == 0 { dx } else { dy };
            *x = json!(((num(x) + d) * 1e7).round() / 1e7);
        }
    }
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or(0.0)
}

fn persian(n: usize) -> String {
    baft_core::base::digits::to_persian_digits(&n.to_string())
}

fn write_json(path: &Path, v: &Value) -> Result<(), String> {
    if let Some(d) = path.parent() {
        std::fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
    }
    let text = serde_json::to_string(v).map_err(|e| e.to_string())?;
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
