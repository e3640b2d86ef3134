//! Writes the sample files: layers, parcels, the manifest and test fixtures.

use crate::city::P;
use crate::rng::{hash01, Rng};
use crate::{Block, City};
use baft_core::base::jalali::JalaliDate;
use baft_core::geometry::projection::TransverseMercator;
use serde_json::{json, Value};
use std::fmt::Write as _;
use std::path::Path;

fn ring_lonlat(r: &[P], frame: &TransverseMercator) -> String {
    let mut s = String::from("[");
    let closed = r.iter().chain(std::iter::once(&r[0]));
    for (k, &(x, y)) in closed.enumerate() {
        let (lon, lat) = frame.inverse(x, y);
        let _ = write!(s, "{}[{:.7},{:.7}]", if k > 0 { "," } else { "" }, lon, lat);
    }
    s.push(']');
    s
}

fn ring_utm(r: &[P], frame: &TransverseMercator) -> String {
    let utm = TransverseMercator::utm_north(39);
    let mut s = String::from("[");
    for (k, &(x, y)) in r.iter().chain(std::iter::once(&r[0])).enumerate() {
        let (lon, lat) = frame.inverse(x, y);
        let (e, n) = utm.forward(lon, lat);
        let _ = write!(s, "{}[{:.2},{:.2}]", if k > 0 { "," } else { "" }, e, n);
    }
    s.push(']');
    s
}

fn feature(props: Value, polygon_rings: &[String]) -> String {
    format!(
        r#"{{"type":"Feature","properties":{},"geometry":{{"type":"Polygon","coordinates":[{}]}}}}"#,
        props,
        polygon_rings.join(",")
    )
}

fn collection(name: &str, extra: &str, features: &[String]) -> String {
    format!(
        "{{\"type\":\"FeatureCollection\",\"name\":\"{name}\",{extra}\"features\":[\n{}\n]}}\n",
        features.join(",\n")
    )
}

const NOTICE: &str =
    "SAMPLE DATA — synthetic, not the official boundary / دادهٔ نمونه — ساختگی، مرز رسمی نیست";

fn r3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Which blocks are worn-out in which version.
struct Versions {
    v1398: Vec<bool>,
    v1402: Vec<bool>,
}

fn versions(city: &City) -> Versions {
    let v1402: Vec<bool> = city.blocks.iter().map(Block::worn_out).collect();
    let v1398 = city
        .blocks
        .iter()
        .enumerate()
        .map(|(k, b)| {
            let h = hash01(b.cell.0 as i64, b.cell.1 as i64, 99);
            if v1402[k] {
                // Missed by the earlier survey, added by the 1402 amendment.
                h > 0.08
            } else {
                // Rebuilt since 1398: unstable then, not now.
                b.fine_grain + b.no_structure + b.narrow_access > 1.3 && h < 0.25
            }
        })
        .collect();
    Versions { v1398, v1402 }
}

fn block_name(city: &City, b: &Block) -> (String, String) {
    match b.neighbourhood.map(|k| &city.neighbourhoods[k]) {
        Some(n) => (
            format!("بلوک {} — محلهٔ {}", b.id, n.name_fa),
            format!("Block {} — {}", b.id, n.name_en),
        ),
        None => (format!("بلوک {}", b.id), format!("Block {}", b.id)),
    }
}

fn worn_layer(
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

fn blob(rng: &mut Rng, c: P, r: f64, n: usize, wobble: f64) -> Vec<P> {
    (0..n)
        .map(|k| {
            let a = k as f64 / n as f64 * std::f64::consts::TAU;
            let rr = r * (1.0 + wobble * (rng.f() - 0.5));
            (c.0 + rr * a.cos(), c.1 + rr * a.sin())
        })
        .collect()
}

fn neighbourhood_ring(city: &City, r: (usize, usize, usize, usize)) -> Vec<P> {
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

fn version(
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

const ART5_FA: &str = "کمیسیون ماده ۵ استان تهران (نمونه)";
const ART5_EN: &str = "Tehran Province Article 5 Commission (sample)";

fn manifest() -> Value {
    json!({
        "format_version": 1,
        "data_version": "qods-sample-1",
        "sample_data": true,
        "title": {"fa": "بافت فرسوده و محدوده‌های بازآفرینی قدس (دادهٔ نمونه)", "en": "Qods worn-out fabric and regeneration areas (sample data)"},
        "city": {"name": {"fa": "قدس", "en": "Qods"}, "center": [51.1119, 35.7097], "envelope": [51.075, 35.675, 51.15, 35.745], "utm_zone": 39},
        "checking": {"boundary_tolerance_m": 0.5, "plot_inside_threshold": 0.5},
        "packages": "packages.json",
        "parcels": {"file": "parcels/parcels.geojson", "id_property": "plot_id"},
        "offices": "offices.json",
        "blocks": "layers/blocks.geojson",
        "basemap": {"url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "attribution": "© OpenStreetMap contributors", "on_by_default": false, "max_zoom": 19},
        // The municipality's sites, and localhost:8081 for trying an embedding locally.
        "embed": {"allowed_origins": ["https://qods.ir", "https://www.qods.ir", "http://localhost:8081"]},
        "layers": [
            {
                "id": "worn-out-fabric", "kind": "worn_out_fabric",
                "name": {"fa": "بافت فرسوده", "en": "worn-out fabric"},
                "versions": [
                    version("1398", "مصوبهٔ ۱۳۹۸", "1398 approval", "layers/worn-out-fabric-1398.geojson", "1398/08/14", ART5_FA, ART5_EN, None),
                    version("1402", "اصلاحیهٔ ۱۴۰۲", "1402 amendment", "layers/worn-out-fabric-1402.geojson", "1402/05/14", ART5_FA, ART5_EN, None),
                ],
                "source": {"name": {"fa": "دادهٔ ساختگی baft-sample بر پایهٔ سه معیار ملی (ریزدانگی، ناپایداری، نفوذناپذیری)", "en": "Synthetic baft-sample data from the three national criteria (fine grain, instability, impermeability)"}},
                "id_property": "block_id", "colour": "#c0392b"
            },
            {
                "id": "informal-settlement", "kind": "informal_settlement",
                "name": {"fa": "سکونتگاه غیررسمی", "en": "informal settlement"},
                "versions": [version("1399", "مصوبهٔ ۱۳۹۹", "1399 approval", "layers/informal-settlements-utm39n.geojson", "1399/03/20", ART5_FA, ART5_EN, None)],
                "source": {"name": {"fa": "دادهٔ ساختگی baft-sample (خروجی UTM ناحیهٔ ۳۹ مانند QGIS)", "en": "Synthetic baft-sample data (UTM zone 39N export, as from QGIS)"}},
                "id_property": "zone_id", "colour": "#8e44ad"
            },
            {
                "id": "historic-fabric", "kind": "historic_fabric",
                "name": {"fa": "بافت تاریخی", "en": "historic fabric"},
                "versions": [version("1397", "مصوبهٔ ۱۳۹۷", "1397 approval", "layers/historic-fabric.geojson", "1397/11/10", ART5_FA, ART5_EN, None)],
                "source": {"name": {"fa": "دادهٔ ساختگی baft-sample", "en": "Synthetic baft-sample data"}},
                "id_property": "zone_id", "colour": "#b9770e"
            },
            {
                "id": "target-neighbourhoods", "kind": "target_neighbourhood",
                "name": {"fa": "محلات هدف بازآفرینی", "en": "regeneration target neighbourhoods"},
                "versions": [version("1401", "مصوبهٔ ۱۴۰۱", "1401 designation", "layers/target-neighbourhoods.geojson", "1401/09/01", "ستاد بازآفرینی شهری استان تهران (نمونه)", "Tehran Province Urban Regeneration HQ (sample)", None)],
                "source": {"name": {"fa": "دادهٔ ساختگی baft-sample: ده محله با برداشت پلاک‌به‌پلاک", "en": "Synthetic baft-sample data: ten neighbourhoods surveyed plot by plot"}},
                "id_property": "zone_id", "colour": "#1e8449"
            }
        ]
    })
}

fn centroid(r: &[P]) -> P {
    let n = r.len() as f64;
    (
        r.iter().map(|p| p.0).sum::<f64>() / n,
        r.iter().map(|p| p.1).sum::<f64>() / n,
    )
}

fn lonlat(p: P, frame: &TransverseMercator) -> Value {
    let (lon, lat) = frame.inverse(p.0, p.1);
    let (e, n) = TransverseMercator::utm_north(39).forward(lon, lat);
    json!({"lon": (lon * 1e7).round() / 1e7, "lat": (lat * 1e7).round() / 1e7, "utm39n": [e.round(), n.round()]})
}

pub fn write_all(
    city: &City,
    frame: &TransverseMercator,
    data: &Path,
    fixtures: &Path,
) -> std::io::Result<String> {
    std::fs::create_dir_all(data.join("layers"))?;
    std::fs::create_dir_all(fixtures)?;
    let vers = versions(city);
    std::fs::write(
        data.join("layers/worn-out-fabric-1398.geojson"),
        worn_layer(city, frame, &vers.v1398, &vers, "1398"),
    )?;
    std::fs::write(
        data.join("layers/worn-out-fabric-1402.geojson"),
        worn_layer(city, frame, &vers.v1402, &vers, "1402"),
    )?;

    let mut rng = Rng::new(7);
    // Informal settlement on the south-east edge of the city, with a hole (a school site).
    let informal_c = (1880.0, -2330.0);
    let shell = blob(&mut rng, informal_c, 430.0, 36, 0.25);
    let hole_c = (informal_c.0 + 40.0, informal_c.1 - 30.0);
    let mut hole = blob(&mut rng, hole_c, 65.0, 12, 0.2);
    hole.reverse();
    let informal = feature(
        json!({"zone_id": "IS-01", "name": "سکونتگاه غیررسمی جنوب‌شرقی (نمونه)", "name_en": "South-east informal settlement (sample)", "hole": "school site excluded"}),
        &[ring_utm(&shell, frame), ring_utm(&hole, frame)],
    );
    let crs =
        "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::32639\"}},";
    std::fs::write(
        data.join("layers/informal-settlements-utm39n.geojson"),
        collection(
            "informal-settlements",
            &format!("{crs}\"notice\":\"{NOTICE}\","),
            &[informal],
        ),
    )?;

    // Historic core at the oldest village core.
    let historic_c = (-600.0, 400.0);
    let historic_ring = blob(&mut rng, historic_c, 260.0, 20, 0.3);
    let historic = feature(
        json!({"zone_id": "HF-01", "name": "هستهٔ تاریخی قلعه حسن‌خان (نمونه)", "name_en": "Qal'eh Hasan Khan historic core (sample)"}),
        &[ring_lonlat(&historic_ring, frame)],
    );
    std::fs::write(
        data.join("layers/historic-fabric.geojson"),
        collection(
            "historic-fabric",
            &format!("\"notice\":\"{NOTICE}\","),
            &[historic],
        ),
    )?;

    let nb_feats: Vec<String> = city
        .neighbourhoods
        .iter()
        .map(|n| {
            let blocks = city.blocks.iter().filter(|b| b.neighbourhood.is_some_and(|k| city.neighbourhoods[k].id == n.id)).count();
            feature(json!({"zone_id": n.id, "name": format!("محلهٔ {}", n.name_fa), "name_en": format!("{} neighbourhood", n.name_en), "blocks": blocks}), &[ring_lonlat(&neighbourhood_ring(city, n.cells), frame)])
        })
        .collect();
    std::fs::write(
        data.join("layers/target-neighbourhoods.geojson"),
        collection(
            "target-neighbourhoods",
            &format!("\"notice\":\"{NOTICE}\","),
            &nb_feats,
        ),
    )?;

    // The parcel layer: every plot of the ten surveyed neighbourhoods, plot by plot.
    std::fs::create_dir_all(data.join("parcels"))?;
    std::fs::write(
        data.join("parcels/parcels.geojson"),
        parcels_layer(city, frame),
    )?;
    std::fs::write(
        data.join("layers/blocks.geojson"),
        blocks_layer(city, frame),
    )?;
    std::fs::write(
        data.join("offices.json"),
        serde_json::to_string_pretty(&offices(city, frame)).unwrap_or_default() + "\n",
    )?;
    std::fs::write(
        data.join("manifest.json"),
        serde_json::to_string_pretty(&manifest()).unwrap_or_default() + "\n",
    )?;

    // Fixtures: places whose answers the tests know from how the data was made.
    let pick = |f: &dyn Fn(usize, &Block) -> bool| {
        city.blocks
            .iter()
            .enumerate()
            .find(|(k, b)| f(*k, b))
            .map(|(_, b)| b)
    };
    let far = |b: &Block, c: P, r: f64| {
        let m = centroid(&b.ring);
        ((m.0 - c.0).powi(2) + (m.1 - c.1).powi(2)).sqrt() > r
    };
    let worn = pick(&|k, b| {
        vers.v1398[k] && vers.v1402[k] && far(b, historic_c, 500.0) && far(b, informal_c, 800.0)
    })
    .expect("a worn block");
    let added = pick(&|k, b| !vers.v1398[k] && vers.v1402[k] && far(b, informal_c, 800.0))
        .expect("an added block");
    let removed = pick(&|k, b| vers.v1398[k] && !vers.v1402[k] && far(b, informal_c, 800.0))
        .expect("a removed block");
    let outside = pick(&|k, b| {
        !vers.v1398[k]
            && !vers.v1402[k]
            && b.neighbourhood.is_none()
            && far(b, historic_c, 700.0)
            && far(b, informal_c, 900.0)
            && city.blocks.iter().enumerate().all(|(j, o)| {
                !vers.v1402[j]
                    || !far(o, centroid(&b.ring), 0.0)
                    || far(o, centroid(&b.ring), 150.0)
            })
    })
    .expect("an outside block");
    let in_nb = pick(&|_, b| b.neighbourhood.is_some()).expect("a neighbourhood block");
    // A plot straddling the south side of the worn block: 60 % inside.
    let (e0, e1) = (worn.ring[0], worn.ring[1]);
    let w = city.grid.h_width[worn.cell.1][worn.cell.0];
    let (dx, dy) = (e1.0 - e0.0, e1.1 - e0.1);
    let len = (dx * dx + dy * dy).sqrt();
    let n = (-dy / len, dx / len);
    let at = |t: f64, off: f64| (e0.0 + dx * t + n.0 * off, e0.1 + dy * t + n.1 * off);
    let straddle = vec![
        at(0.4, -0.4 * w),
        at(0.6, -0.4 * w),
        at(0.6, 0.6 * w),
        at(0.4, 0.6 * w),
    ];
    let plot_geojson = |r: &[P], name: &str| json!({"type": "Feature", "properties": {"name": name}, "geometry": {"type": "Polygon", "coordinates": [serde_json::from_str::<Value>(&ring_lonlat(r, frame)).unwrap_or(Value::Null)]}});
    std::fs::write(
        fixtures.join("plot-straddling.geojson"),
        serde_json::to_string_pretty(&plot_geojson(&straddle, "straddling plot, 60% inside"))
            .unwrap_or_default()
            + "\n",
    )?;
    std::fs::write(
        fixtures.join("plot-inside.geojson"),
        serde_json::to_string_pretty(&plot_geojson(
            &worn.plots[0].ring,
            "plot inside a worn-out block",
        ))
        .unwrap_or_default()
            + "\n",
    )?;
    let hole_ll = lonlat(hole_c, frame);
    let fx = json!({
        "notice": "Generated by baft-sample with the data: points whose answers follow from how the data was made.",
        "worn_block": {"block_id": worn.id, "point": lonlat(centroid(&worn.ring), frame), "south_edge_midpoint": lonlat(((e0.0 + e1.0) / 2.0, (e0.1 + e1.1) / 2.0), frame), "street_width_m": w},
        "added_1402": {"block_id": added.id, "point": lonlat(centroid(&added.ring), frame)},
        "removed_1402": {"block_id": removed.id, "point": lonlat(centroid(&removed.ring), frame)},
        "outside_all": {"block_id": outside.id, "point": lonlat(centroid(&outside.ring), frame)},
        "informal_inside": {"zone_id": "IS-01", "point": lonlat((informal_c.0 - 200.0, informal_c.1 + 60.0), frame)},
        "informal_hole": {"zone_id": "IS-01", "point": hole_ll},
        "historic_inside": {"zone_id": "HF-01", "point": lonlat(historic_c, frame)},
        "neighbourhood_block": {"block_id": in_nb.id, "zone_id": city.neighbourhoods[in_nb.neighbourhood.unwrap_or(0)].id, "point": lonlat(centroid(&in_nb.ring), frame)},
        "straddling_plot": {"file": "plot-straddling.geojson", "block_id": worn.id, "expected_share": 0.6},
        "inside_plot": {"file": "plot-inside.geojson", "block_id": worn.id, "area_m2": worn.plots[0].area},
    });
    std::fs::write(
        fixtures.join("sample-points.json"),
        serde_json::to_string_pretty(&fx).unwrap_or_default() + "\n",
    )?;
    let count = |v: &[bool]| v.iter().filter(|x| **x).count();
    Ok(format!(
        "{} blocks, {} plots; worn-out: {} in 1398, {} in 1402; {} target neighbourhoods",
        city.blocks.len(),
        city.blocks.iter().map(|b| b.plots.len()).sum::<usize>(),
        count(&vers.v1398),
        count(&vers.v1402),
        city.neighbourhoods.len(),
    ))
}

/// A large synthetic layer of `n` quadrilateral blocks on a jittered 60 m grid, for benchmarks.
pub fn bench_layer(n: usize, frame: &TransverseMercator) -> String {
    let side = (n as f64).sqrt().ceil() as usize;
    let step = 60.0;
    let half = side as f64 * step / 2.0;
    let node = |i: usize, j: usize| {
        (
            i as f64 * step - half + 10.0 * (hash01(i as i64, j as i64, 1) - 0.5),
            j as f64 * step - half + 10.0 * (hash01(i as i64, j as i64, 2) - 0.5),
        )
    };
    let mut feats = Vec::with_capacity(n);
    'outer: for i in 0..side {
        for j in 0..side {
            if feats.len() == n {
                break 'outer;
            }
            let q = [
                node(i, j),
                node(i + 1, j),
                node(i + 1, j + 1),
                node(i, j + 1),
            ];
            let c = centroid(&q);
            let r: Vec<P> = q
                .iter()
                .map(|p| (c.0 + (p.0 - c.0) * 0.85, c.1 + (p.1 - c.1) * 0.85))
                .collect();
            feats.push(feature(
                json!({"block_id": format!("B-{i}-{j}"), "name": format!("بلوک {i}-{j}")}),
                &[ring_lonlat(&r, frame)],
            ));
        }
    }
    collection("bench-blocks", "", &feats)
}

/// Plate main numbers per neighbourhood (اصلی), as a registry would number the old villages' land.
fn plate_main(k: usize) -> u32 {
    [112, 118, 121, 127, 130, 134, 139, 141, 146, 152][k % 10]
}

/// The parcel layer of the ten surveyed neighbourhoods.
fn parcels_layer(city: &City, frame: &TransverseMercator) -> String {
    let mut feats = Vec::new();
    let mut sub = vec![0u32; city.neighbourhoods.len()];
    for (bk, b) in city.blocks.iter().enumerate() {
        let Some(nk) = b.neighbourhood else { continue };
        for (pk, p) in b.plots.iter().enumerate() {
            sub[nk] += 1;
            feats.push(feature(
                json!({
                    "plot_id": format!("{}-{:03}", b.id, pk + 1),
                    "block_id": b.id,
                    "plate_section": 11,
                    "plate_main": plate_main(nk),
                    "plate_sub": sub[nk],
                    "renovation_code": format!("{:04}-{:03}", bk + 1, pk + 1),
                    "area_m2": (p.area * 10.0).round() / 10.0,
                    "land_use": p.land_use,
                    "floors": p.floors,
                    "structure": p.structure,
                    "built_year": p.built_year,
                    "frontage_width_m": (p.access_width * 10.0).round() / 10.0,
                    "on_main_axis": p.on_main_axis,
                }),
                &[ring_lonlat(&p.ring, frame)],
            ));
        }
    }
    collection("parcels", &format!("\"notice\":\"{NOTICE}\","), &feats)
}

/// Facilitation offices (دفاتر تسهیلات): one for each pair of neighbourhoods.
fn offices(city: &City, frame: &TransverseMercator) -> Value {
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

/// Every urban block with the three criteria measured on its plots (what the worn-out layer is
/// chosen from, and what parcels' `block_id`s refer to).
fn blocks_layer(city: &City, frame: &TransverseMercator) -> String {
    let feats: Vec<String> = city
        .blocks
        .iter()
        .map(|b| {
            feature(
                json!({"block_id": b.id, "plots": b.plots.len(), "fine_grain_share": r3(b.fine_grain), "no_structure_share": r3(b.no_structure), "narrow_access_share": r3(b.narrow_access), "worn_out": b.worn_out()}),
                &[ring_lonlat(&b.ring, frame)],
            )
        })
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
