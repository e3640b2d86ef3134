#![allow(dead_code)]
//! Shared helpers for the core's integration tests.

pub mod packages;
pub mod shapes;

use baft_core::dataset::Dataset;
use serde_json::Value;
use std::path::PathBuf;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn sample() -> Dataset {
    let dir = repo().join("data");
    let manifest = std::fs::read_to_string(dir.join("manifest.json")).expect("manifest");
    let (ds, problems) = Dataset::load(&manifest, |rel| {
        Ok(std::fs::read_to_string(dir.join(rel)).expect(rel))
    })
    .expect("sample loads");
    assert!(
        problems.is_empty(),
        "sample data has problems: {problems:?}"
    );
    ds
}

/// Every plot id of a parcel layer, sorted.
pub fn plot_ids(l: &baft_core::layer::parcels::ParcelLayer) -> Vec<String> {
    let mut v: Vec<String> = (0..l.len())
        .map(|k| {
            l.info(k)
                .expect("every plot has its survey")
                .plot_id
                .clone()
        })
        .collect();
    v.sort();
    v
}

pub fn fixtures() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/fixtures/sample-points.json")).unwrap(),
    )
    .unwrap()
}

pub fn point(v: &Value) -> (f64, f64) {
    (v["lon"].as_f64().unwrap(), v["lat"].as_f64().unwrap())
}

/// A FeatureCollection of square zones given as (id, lon0, lat0, size in degrees).
pub fn squares(items: &[(&str, f64, f64, f64)]) -> String {
    let feats: Vec<String> = items
        .iter()
        .map(|(id, x, y, s)| {
            format!(
                r#"{{"type":"Feature","properties":{{"id":"{id}","name":"{id}"}},"geometry":{{"type":"Polygon","coordinates":[[[{x},{y}],[{},{y}],[{},{}],[{x},{}],[{x},{y}]]]}}}}"#,
                x + s, x + s, y + s, y + s
            )
        })
        .collect();
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        feats.join(",")
    )
}

/// Tiny deterministic PRNG for random test points.
pub struct Rng(pub u64);
impl Rng {
    pub fn f(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Boxes to ask a layer's index for, over the envelope `[min x, min y, max x, max y]`: all of
/// it, nothing (far away), one point, and 40 boxes of different sizes spread over it.
#[allow(dead_code)]
pub fn query_boxes(env: [f64; 4]) -> Vec<[f64; 4]> {
    let [minx, miny, maxx, maxy] = env;
    let mut q = vec![
        env,
        [0.0, 0.0, 1.0, 1.0],
        [51.1119, 35.7097, 51.1119, 35.7097],
    ];
    for k in 0..40 {
        let (fx, fy) = ((k * 37 % 100) as f64 / 100.0, (k * 61 % 100) as f64 / 100.0);
        let (x, y) = (minx + fx * (maxx - minx), miny + fy * (maxy - miny));
        let r = 0.0003 * (1 + k % 9) as f64;
        q.push([x - r, y - r, x + r, y + r]);
    }
    q
}

/// The place a question is about, asked on 2026-12-01 with no facts (panics on a choice).
pub fn place(ds: &Dataset, q: baft_core::answer::Question) -> baft_core::answer::Place {
    use baft_core::answer::{answer, Answer, Ask};
    let ask = Ask::on(baft_core::base::jalali::GregorianDate {
        year: 2026,
        month: 12,
        day: 1,
    });
    match answer(ds, q, &ask).unwrap() {
        Answer::Place(p) => *p,
        other => panic!("{other:?}"),
    }
}

/// Plot ids of plot numbers, sorted.
pub fn ids(ds: &Dataset, v: &[usize]) -> Vec<String> {
    let p = ds.parcels.as_ref().unwrap();
    let mut out: Vec<String> = v
        .iter()
        .map(|&i| p.info(i).unwrap().plot_id.clone())
        .collect();
    out.sort();
    out
}
