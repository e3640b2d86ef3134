//! The designation's files for QGIS and spreadsheets: the blocks with their figures and change
//! (GeoJSON), the proposed boundary (GeoJSON), and a CSV per block. GeoJSON is RFC 7946
//! lon/lat; FlatGeobuf copies are made from it with [`crate::read::fgb::write::from_geojson`].

use super::{BlockChange, BlockFigures, ChangeKind, Designation};
use crate::layer::Layer;
use crate::read::manifest::Criterion;
use geo::MultiPolygon;
use serde_json::{json, Value};

fn r4(x: Option<f64>) -> Value {
    x.map_or(Value::Null, |x| json!((x * 10_000.0).round() / 10_000.0))
}

fn criteria(v: &[Criterion]) -> Value {
    json!(v)
}

/// GeoJSON coordinates of a MultiPolygon, 7 decimals (about 1 cm).
fn coordinates(m: &MultiPolygon<f64>) -> Value {
    let ring = |r: &geo::LineString<f64>| -> Vec<[f64; 2]> {
        r.0.iter()
            .map(|c| [(c.x * 1e7).round() / 1e7, (c.y * 1e7).round() / 1e7])
            .collect()
    };
    let polys: Vec<Vec<Vec<[f64; 2]>>> =
        m.0.iter()
            .map(|p| {
                std::iter::once(ring(p.exterior()))
                    .chain(p.interiors().iter().map(ring))
                    .collect()
            })
            .collect();
    json!(polys)
}

/// A block's properties: its figures, and its place in the proposal (`change`).
fn block_properties(f: &BlockFigures, change: Option<&BlockChange>) -> Value {
    json!({
        "block_id": f.block_id,
        "plots": f.plots,
        "surveyed": f.surveyed,
        "fine_grain_share": r4(f.fine_grain_share),
        "no_structure_share": r4(f.no_structure_share),
        "narrow_access_share": r4(f.narrow_access_share),
        "meets": criteria(&f.meets).to_string(),
        "qualifies": f.qualifies,
        "status": f.status,
        "approved": change.map(|c| c.approved),
        "change": change.map(|c| c.change),
        "deciding": change.map(|c| criteria(&c.deciding).to_string()),
    })
}

/// The blocks layer with every block's figures (blocks without an outline are left out).
pub fn blocks_geojson(d: &Designation, blocks: &Layer) -> String {
    let changes = d
        .proposal
        .as_ref()
        .map(|p| p.by_block())
        .unwrap_or_default();
    let zones: std::collections::HashMap<&str, &crate::layer::Zone> =
        blocks.zones.iter().map(|z| (z.id.as_str(), z)).collect();
    let features: Vec<Value> = d
        .blocks
        .iter()
        .filter_map(|f| {
            let z = zones.get(f.block_id.as_str())?;
            let change = changes.get(f.block_id.as_str()).copied();
            Some(json!({
                "type": "Feature",
                "properties": block_properties(f, change),
                "geometry": {"type": "MultiPolygon", "coordinates": coordinates(&z.lon_lat)},
            }))
        })
        .collect();
    json!({"type": "FeatureCollection", "name": "designation-blocks", "features": features})
        .to_string()
}

/// The proposed boundary, one feature per dissolved part, largest first.
pub fn proposal_geojson(d: &Designation) -> Option<String> {
    let p = d.proposal.as_ref()?;
    let mut parts: Vec<&geo::Polygon<f64>> = p.outline.0.iter().collect();
    use geo::{Area, GeodesicArea};
    parts.sort_by(|a, b| b.unsigned_area().total_cmp(&a.unsigned_area()));
    let features: Vec<Value> = parts
        .iter()
        .enumerate()
        .map(|(k, poly)| {
            json!({
                "type": "Feature",
                "properties": {
                    "part": k + 1,
                    "area_ha": ((poly.geodesic_area_unsigned() / 100.0).round()) / 100.0,
                    "compared_with": format!("{}@{}", p.layer_id, p.version_id),
                    "added": p.with(ChangeKind::Add).count(),
                    "removed": p.with(ChangeKind::Remove).count(),
                },
                "geometry": {"type": "Polygon", "coordinates": coordinates(&MultiPolygon::new(vec![(*poly).clone()]))[0]},
            })
        })
        .collect();
    Some(
        json!({"type": "FeatureCollection", "name": "designation-proposal", "features": features})
            .to_string(),
    )
}

/// One row per block, with a header, for a spreadsheet (UTF-8, comma-separated).
pub fn blocks_csv(d: &Designation) -> String {
    let mut s = String::from(
        "block_id,plots,surveyed,fine_grain_share,no_structure_share,narrow_access_share,meets,qualifies,status,approved,change,area_ha,deciding\n",
    );
    let num = |x: Option<f64>| x.map(|x| format!("{x:.4}")).unwrap_or_default();
    let words = |v: &[Criterion]| {
        v.iter()
            .map(|c| json!(c).as_str().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let changes = d
        .proposal
        .as_ref()
        .map(|p| p.by_block())
        .unwrap_or_default();
    for f in &d.blocks {
        let c = changes.get(f.block_id.as_str()).copied();
        let status = json!(f.status);
        let change = c.map(|c| json!(c.change)).unwrap_or(Value::Null);
        s += &format!(
            "{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
            crate::base::csv::field(&f.block_id),
            f.plots,
            f.surveyed,
            num(f.fine_grain_share),
            num(f.no_structure_share),
            num(f.narrow_access_share),
            words(&f.meets),
            f.qualifies,
            status.as_str().unwrap_or_default(),
            c.map(|c| c.approved.to_string()).unwrap_or_default(),
            change.as_str().unwrap_or_default(),
            c.map(|c| format!("{:.4}", c.area_ha)).unwrap_or_default(),
            c.map(|c| words(&c.deciding)).unwrap_or_default(),
        );
    }
    s
}

/// Every export of the analysis, named as `baft designate --out` writes them: the CSV, the
/// blocks (with `blocks`) and the proposal as GeoJSON, and each GeoJSON again as FlatGeobuf
/// (an empty proposal has no feature to write as FlatGeobuf). The CLI and the staff page both
/// write these; in the browser (wasm32) there is no FlatGeobuf: the `flatgeobuf` crate's writer
/// spools features to a temporary file, which a browser has not.
pub fn files(d: &Designation, blocks: Option<&Layer>) -> Vec<(String, Vec<u8>)> {
    let mut geojson = Vec::new();
    if let Some(b) = blocks {
        geojson.push(("designation-blocks", blocks_geojson(d, b)));
    }
    if let Some(p) = proposal_geojson(d) {
        geojson.push(("designation-proposal", p));
    }
    let mut out = vec![(
        "designation-blocks.csv".to_string(),
        blocks_csv(d).into_bytes(),
    )];
    for (stem, text) in geojson {
        let name = format!("{stem}.geojson");
        #[cfg(not(target_arch = "wasm32"))]
        let fgb = crate::read::fgb::from_geojson(&name, &text, None, None);
        out.push((name, text.into_bytes()));
        #[cfg(not(target_arch = "wasm32"))]
        if let Some((bytes, _, _)) = fgb.ok().filter(|(_, s, _)| s.features > 0) {
            out.push((format!("{stem}.fgb"), bytes));
        }
    }
    out
}
