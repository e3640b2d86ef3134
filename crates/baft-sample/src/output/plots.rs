//! The parcel layer, the offices and the blocks.

#[allow(unused_imports)]
use super::*;
use crate::City;
use baft_core::geometry::projection::TransverseMercator;
use serde_json::{json, Value};

/// Plate main numbers per neighbourhood (اصلی), as a registry would number the old villages' land.
fn plate_main(k: usize) -> u32 {
    [112, 118, 121, 127, 130, 134, 139, 141, 146, 152][k % 10]
}

/// A ten-digit postal code for the `n`th plot, in neighbourhood `k`: Qods's `3751`, a district
/// digit (never 0 or 2, as in the national scheme's first five digits) and five more.
fn postal_code(k: usize, n: usize) -> String {
    format!("3751{}{:05}", [1, 3, 4, 5, 6, 7, 8, 9][k % 8], n + 1)
}

/// The parcel layer of the ten surveyed neighbourhoods.
pub(super) fn parcels_layer(city: &City, frame: &TransverseMercator) -> String {
    let mut feats = Vec::new();
    let mut sub = vec![0u32; city.neighbourhoods.len()];
    let addresses = super::streets::addresses(city);
    for (bk, b) in city.blocks.iter().enumerate() {
        let Some(nk) = b.neighbourhood else { continue };
        for (pk, p) in b.plots.iter().enumerate() {
            sub[nk] += 1;
            let social = crate::social::social(b, bk, pk, p);
            let mut props = json!({
                    "plot_id": format!("{}-{:03}", b.id, pk + 1),
                    "block_id": b.id,
                    "plate_section": 11,
                    "plate_main": plate_main(nk),
                    "plate_sub": sub[nk],
                    "renovation_code": format!("{:04}-{:03}", bk + 1, pk + 1),
                    "postal_code": postal_code(nk, feats.len()),
                    "street": addresses[bk][pk].street.0,
                    "street_en": addresses[bk][pk].street.1,
                    "house_number": addresses[bk][pk].number,
                    "area_m2": crate::r1(p.area),
                    "land_use": social.land_use,
                    "floors": p.floors,
                    "structure": p.structure,
                    "built_year": p.built_year,
                    "frontage_width_m": crate::r1(p.access_width),
                    "on_main_axis": p.on_main_axis,
                    "condition": social.condition,
                    "ownership": social.ownership,
            });
            let o = props.as_object_mut().expect("an object");
            if let (Some(h), Some(r), Some(t)) =
                (social.households, social.residents, social.tenure)
            {
                o.insert("households".into(), h.into());
                o.insert("residents".into(), r.into());
                o.insert("tenure".into(), t.into());
            }
            // A question the survey left unanswered is not in the plot's properties.
            if p.structure.is_empty() {
                props.as_object_mut().map(|o| o.remove("structure"));
            }
            feats.push(feature(props, &[ring_lonlat(&p.ring, frame)]));
        }
    }
    collection("parcels", &format!("\"notice\":\"{NOTICE}\","), &feats)
}

/// Facilitation offices (دفاتر تسهیلات): one for each pair of neighbourhoods.
pub(super) fn offices(city: &City, frame: &TransverseMercator) -> Value {
    let names = ["مرکزی", "غربی", "شرقی", "جنوبی", "شمالی"];
    let names_en = ["Central", "West", "East", "South", "North"];
    let offices: Vec<Value> = city
        .neighbourhoods
        .chunks(2)
        .enumerate()
        .map(|(k, pair)| {
            let first = &pair[0];
            let c = {
                let r = neighbourhood_ring(city, first.cells);
                centroid(&r)
            };
            let (lon, lat) = frame.inverse(c.0, c.1);
            json!({
                "id": format!("OF-{:02}", k + 1),
                "name": {"fa": format!("دفتر تسهیلات نوسازی {} (نمونه)", names[k % 5]), "en": format!("{} renovation facilitation office (sample)", names_en[k % 5])},
                "serves": pair.iter().map(|n| n.id.clone()).collect::<Vec<_>>(),
                "address": {"fa": format!("قدس، محلهٔ {}، خیابان نمونه، پلاک {}", first.name_fa, 10 + k * 7), "en": format!("Qods, {} neighbourhood, Sample St., No. {}", first.name_en, 10 + k * 7)},
                "phone": format!("+98214600{:04}", 1000 + k * 111),
                "hours": {"fa": "شنبه تا چهارشنبه، ۸ تا ۱۴", "en": "Saturday to Wednesday, 8:00–14:00"},
                "location": [(lon * 1e6).round() / 1e6, (lat * 1e6).round() / 1e6],
            })
        })
        .collect();
    json!({
        "format_version": 1,
        "notice": NOTICE,
        "documents": [
            {"fa": "سند مالکیت یا قولنامهٔ معتبر (اصل و رونوشت)", "en": "Title deed or valid sale agreement (original and copy)"},
            {"fa": "کارت ملی و شناسنامهٔ مالک یا مالکان", "en": "National ID cards of the owner or owners"},
            {"fa": "آخرین فیش عوارض نوسازی (کد نوسازی)", "en": "The latest renovation-fee receipt (renovation code)"},
            {"fa": "نقشهٔ تفکیکی یا کروکی ملک با مختصات UTM گوشه‌ها", "en": "The plot's subdivision map or sketch with UTM corner coordinates"},
            {"fa": "در صورت تجمیع: مدارک مالکیت همهٔ پلاک‌ها و توافق‌نامهٔ مالکان", "en": "For consolidation: title documents of every plot and the owners' agreement"}
        ],
        "offices": offices,
    })
}

/// Every urban block, by id only (what parcels' `block_id`s refer to): `baft designate`
/// measures the criteria from the survey, and the generator's own figures are a test fixture
/// ([`block_figures`]).
pub(super) fn blocks_layer(city: &City, frame: &TransverseMercator) -> String {
    let feats: Vec<String> = city
        .blocks
        .iter()
        .map(|b| feature(json!({"block_id": b.id}), &[ring_lonlat(&b.ring, frame)]))
        .collect();
    collection("blocks", &format!("\"notice\":\"{NOTICE}\","), &feats)
}

/// A large synthetic parcel layer of `n` plots (rows of 12 × 20 m plots in 60 m blocks around
/// Qods), with the sample's attribute schema, for the large-data measurements and tests.
pub fn bench_parcels(n: usize, frame: &TransverseMercator) -> String {
    let per_block = 10; // 5 plots × 2 rows
    let blocks = n.div_ceil(per_block);
    let side = (blocks as f64).sqrt().ceil() as usize;
    let half = side as f64 * 60.0 / 2.0;
    let mut feats = Vec::with_capacity(n);
    'outer: for bi in 0..side {
        for bj in 0..side {
            let (x0, y0) = (bi as f64 * 60.0 - half, bj as f64 * 60.0 - half);
            for k in 0..per_block {
                if feats.len() == n {
                    break 'outer;
                }
                let (col, row) = ((k % 5) as f64, (k / 5) as f64);
                let (px, py) = (x0 + col * 12.0, y0 + row * 20.0);
                let ring = [
                    (px, py),
                    (px + 12.0, py),
                    (px + 12.0, py + 20.0),
                    (px, py + 20.0),
                ];
                let b = bi * side + bj;
                feats.push(feature(
                    json!({"plot_id": format!("BP-{b:06}-{k:02}"), "block_id": format!("BB-{b:06}"), "plate_section": 11,
                           "plate_main": 1000 + b / 500, "plate_sub": (b % 500) * per_block + k + 1,
                           "renovation_code": format!("{b:06}-{k:03}"), "area_m2": 240.0, "land_use": "residential",
                           "floors": 2, "structure": "steel_frame", "built_year": 1380, "frontage_width_m": 8.0, "on_main_axis": false}),
                    &[ring_lonlat(&ring, frame)],
                ));
            }
        }
    }
    collection("bench-parcels", "", &feats)
}

/// The generator's own figures for every block `baft designate` can judge (surveyed, enough
/// answers), for the test that the analysis reproduces them: plots, the three shares (to 3
/// decimals) and whether it is worn-out now; and the blocks it can't judge, by id.
pub fn block_figures(city: &City) -> Value {
    let judged: serde_json::Map<String, Value> = city
        .blocks
        .iter()
        .filter(|b| b.judged())
        .map(|b| {
            (
                b.id.clone(),
                json!({"plots": b.plots.len(), "fine_grain_share": r3(b.fine_grain), "no_structure_share": r3(b.no_structure), "narrow_access_share": r3(b.narrow_access), "worn_out": b.worn_out(), "worn_out_1402": b.worn_out_1402}),
            )
        })
        .collect();
    let unjudged: Vec<&str> = city
        .blocks
        .iter()
        .filter(|b| b.neighbourhood.is_some() && !b.judged())
        .map(|b| b.id.as_str())
        .collect();
    json!({"judged": judged, "surveyed_but_insufficient": unjudged})
}
