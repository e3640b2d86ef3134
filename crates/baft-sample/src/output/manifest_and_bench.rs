//! The manifest, the files written together, and the benchmark layers.

#[allow(unused_imports)]
use super::*;
use crate::city::P;
use crate::rng::{hash01, Rng};
use crate::{Block, City};
use baft_core::geometry::projection::TransverseMercator;
use serde_json::{json, Value};
use std::path::Path;

fn manifest() -> Value {
    json!({
        "format_version": 1,
        "data_version": "qods-sample-1",
        "sample_data": true,
        "published": {"jalali": "1405/09/05", "iso": "2026-11-26"},
        "title": {"fa": "بافت فرسوده و محدوده‌های بازآفرینی قدس (دادهٔ نمونه)", "en": "Qods worn-out fabric and regeneration areas (sample data)"},
        "city": {"name": {"fa": "قدس", "en": "Qods"}, "center": [51.1119, 35.7097], "envelope": [51.075, 35.675, 51.15, 35.745], "utm_zone": 39},
        "checking": {"boundary_tolerance_m": 0.5, "plot_inside_threshold": 0.5},
        "packages": "packages.json",
        "parcels": {"file": "parcels/parcels.geojson", "id_property": "plot_id"},
        "offices": "offices.json",
        "streets": "reference/streets.geojson",
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

pub(super) fn centroid(r: &[P]) -> P {
    let n = r.len() as f64;
    (
        r.iter().map(|p| p.0).sum::<f64>() / n,
        r.iter().map(|p| p.1).sum::<f64>() / n,
    )
}

pub(super) fn lonlat(p: P, frame: &TransverseMercator) -> Value {
    let (lon, lat) = frame.inverse(p.0, p.1);
    let (e, n) = TransverseMercator::utm_north(39).forward(lon, lat);
    json!({"lon": (lon * 1e7).round() / 1e7, "lat": (lat * 1e7).round() / 1e7, "utm39n": [e.round(), n.round()]})
}

/// The centres of the hand-placed zones, which the fixtures refer to.
pub(super) struct ZoneCentres {
    pub(super) informal: P,
    pub(super) hole: P,
    pub(super) historic: P,
}

/// The blocks the fixtures point into, each chosen for a known answer.
pub(super) struct FixtureBlocks<'a> {
    pub(super) worn: &'a Block,
    pub(super) added: &'a Block,
    pub(super) removed: &'a Block,
    pub(super) outside: &'a Block,
    pub(super) in_nb: &'a Block,
}

/// Writes the 1398 and 1402 worn-out fabric layers.
fn write_worn_layers(
    city: &City,
    frame: &TransverseMercator,
    data: &Path,
    vers: &Versions,
) -> std::io::Result<()> {
    std::fs::write(
        data.join("layers/worn-out-fabric-1398.geojson"),
        worn_layer(city, frame, &vers.v1398, vers, "1398"),
    )?;
    std::fs::write(
        data.join("layers/worn-out-fabric-1402.geojson"),
        worn_layer(city, frame, &vers.v1402, vers, "1402"),
    )
}

/// Writes the informal settlement layer (in UTM) and returns its centre and its hole's centre.
fn write_informal_layer(
    rng: &mut Rng,
    frame: &TransverseMercator,
    data: &Path,
) -> std::io::Result<(P, P)> {
    // Informal settlement on the south-east edge of the city, with a hole (a school site).
    let informal_c = (1880.0, -2330.0);
    let shell = blob(rng, informal_c, 430.0, 36, 0.25);
    let hole_c = (informal_c.0 + 40.0, informal_c.1 - 30.0);
    let mut hole = blob(rng, hole_c, 65.0, 12, 0.2);
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
    Ok((informal_c, hole_c))
}

/// Writes the historic fabric layer and returns the historic core's centre.
fn write_historic_layer(
    rng: &mut Rng,
    frame: &TransverseMercator,
    data: &Path,
) -> std::io::Result<P> {
    // Historic core at the oldest village core.
    let historic_c = (-600.0, 400.0);
    let historic_ring = blob(rng, historic_c, 260.0, 20, 0.3);
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
    Ok(historic_c)
}

/// Writes the target neighbourhoods layer.
fn write_neighbourhood_layer(
    city: &City,
    frame: &TransverseMercator,
    data: &Path,
) -> std::io::Result<()> {
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
    )
}

/// Writes the parcels and blocks layers, the offices and the manifest.
fn write_parcels_offices_and_manifest(
    city: &City,
    frame: &TransverseMercator,
    data: &Path,
) -> std::io::Result<()> {
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
    std::fs::create_dir_all(data.join("reference"))?;
    std::fs::write(
        data.join("reference/streets.geojson"),
        super::streets::streets_layer(city, frame),
    )?;
    std::fs::write(
        data.join("reference/per-capita.json"),
        serde_json::to_string_pretty(&crate::social::per_capita()).unwrap_or_default() + "\n",
    )?;
    std::fs::write(
        data.join("offices.json"),
        serde_json::to_string_pretty(&offices(city, frame)).unwrap_or_default() + "\n",
    )?;
    std::fs::write(
        data.join("manifest.json"),
        serde_json::to_string_pretty(&manifest()).unwrap_or_default() + "\n",
    )
}

/// The one-line summary of what was written.
fn summary(city: &City, vers: &Versions) -> String {
    let count = |v: &[bool]| v.iter().filter(|x| **x).count();
    format!(
        "{} blocks, {} plots; worn-out: {} in 1398, {} in 1402; {} target neighbourhoods",
        city.blocks.len(),
        city.blocks.iter().map(|b| b.plots.len()).sum::<usize>(),
        count(&vers.v1398),
        count(&vers.v1402),
        city.neighbourhoods.len(),
    )
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
    write_worn_layers(city, frame, data, &vers)?;

    let mut rng = Rng::new(7);
    let (informal, hole) = write_informal_layer(&mut rng, frame, data)?;
    let historic = write_historic_layer(&mut rng, frame, data)?;
    write_neighbourhood_layer(city, frame, data)?;
    write_parcels_offices_and_manifest(city, frame, data)?;

    // Fixtures: places whose answers the tests know from how the data was made.
    let zones = ZoneCentres {
        informal,
        hole,
        historic,
    };
    let fb = pick_fixture_blocks(city, &vers, &zones);
    write_plot_fixtures(city, frame, fixtures, fb.worn)?;
    std::fs::write(
        fixtures.join("block-figures.json"),
        serde_json::to_string_pretty(&super::block_figures(city)).unwrap_or_default() + "\n",
    )?;
    std::fs::write(
        fixtures.join("sample-points.json"),
        serde_json::to_string_pretty(&sample_points(city, frame, &fb, &zones)).unwrap_or_default()
            + "\n",
    )?;
    Ok(summary(city, &vers))
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
