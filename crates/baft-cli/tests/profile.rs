//! `baft profile` (issue 13) on the sample: each target neighbourhood's figures agree with a
//! count made here straight from the parcel file, grouping plots by their plate's main number
//! (one per neighbourhood in the sample), with no geometry; and each neighbourhood gets a
//! printable page with its charts and map.

mod common;
use common::{assert_ok, baft, baft_out, fresh_dir, json, repo};
use serde_json::Value;
use std::collections::BTreeMap;

/// Per plate main number: plots, residents, and m² per land use.
fn independent_counts() -> BTreeMap<i64, (usize, i64, BTreeMap<String, f64>)> {
    let text = std::fs::read_to_string(repo().join("data/parcels/parcels.geojson")).unwrap();
    let layer: Value = serde_json::from_str(&text).unwrap();
    let mut out: BTreeMap<i64, (usize, i64, BTreeMap<String, f64>)> = BTreeMap::new();
    for f in layer["features"].as_array().unwrap() {
        let p = &f["properties"];
        let e = out.entry(p["plate_main"].as_i64().unwrap()).or_default();
        e.0 += 1;
        e.1 += p["residents"].as_i64().unwrap_or(0);
        let use_ = p["land_use"].as_str().unwrap().to_string();
        *e.2.entry(use_).or_default() += p["area_m2"].as_f64().unwrap();
    }
    out
}

#[test]
fn profiles_agree_with_a_count_straight_from_the_parcel_file() {
    let o = baft(&["profile", "data", "--json"], None);
    assert_ok(&o);
    let profiles = json(&o);
    let profiles = profiles.as_array().unwrap();
    assert_eq!(profiles.len(), 10);
    let mut counts = independent_counts();
    assert_eq!(counts.len(), 10);
    for p in profiles {
        let plots = p["physical"]["plots"].as_u64().unwrap() as usize;
        let residents = p["social"]["residents"].as_i64().unwrap();
        let (&main, _) = counts
            .iter()
            .find(|(_, c)| c.0 == plots && c.1 == residents)
            .unwrap_or_else(|| {
                panic!(
                    "{}: no plate group with {plots} plots and {residents} residents",
                    p["id"]
                )
            });
        let (_, _, areas) = counts.remove(&main).unwrap();
        let mut shortfalls = Vec::new();
        for s in p["services"].as_array().unwrap() {
            let use_ = s["land_use"].as_str().unwrap();
            let area = areas.get(use_).copied().unwrap_or(0.0);
            assert!(
                (s["area_m2"].as_f64().unwrap() - area).abs() < 0.01,
                "{} {use_}",
                p["id"]
            );
            let target = s["target_m2"].as_f64().unwrap();
            let short = (target * residents as f64 - area).max(0.0);
            assert!((s["shortfall_m2"].as_f64().unwrap() - short).abs() < 0.01);
            shortfalls.push(short);
        }
        // Ranked: the largest shortfall first.
        assert!(
            shortfalls.windows(2).all(|w| w[0] >= w[1]),
            "{shortfalls:?}"
        );
        assert_eq!(p["services"][0]["priority"], 1);
        // Every candidate kind is there, each scored as its parts add up.
        let candidates = p["candidates"].as_array().unwrap();
        for kind in ["small_plots", "ruined", "vacant", "municipal"] {
            assert!(
                candidates.iter().any(|c| c["kind"] == kind),
                "{} {kind}",
                p["id"]
            );
        }
        for c in candidates {
            let parts = &c["parts"];
            let sum: f64 = ["size", "shortfall", "axis"]
                .iter()
                .map(|k| parts[k].as_f64().unwrap())
                .sum();
            assert!((c["score"].as_f64().unwrap() - sum).abs() < 1e-9, "{c}");
        }
        let scores: Vec<f64> = candidates
            .iter()
            .map(|c| c["score"].as_f64().unwrap())
            .collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]));
    }
}

#[test]
fn each_neighbourhood_gets_a_printable_profile_with_charts_and_a_map() {
    let out = fresh_dir("profile");
    let o = baft_out("profile data --lang en --out", &out);
    assert_ok(&o);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("priority 1: Green space, short by"), "{text}");
    let layer: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("data/layers/target-neighbourhoods.geojson")).unwrap(),
    )
    .unwrap();
    for f in layer["features"].as_array().unwrap() {
        let id = f["properties"]["zone_id"].as_str().unwrap();
        let html = std::fs::read_to_string(out.join(format!("profile-{id}.html"))).unwrap();
        let name = f["properties"]["name"].as_str().unwrap();
        assert!(html.contains(&format!("شناسنامهٔ محلهٔ {name}")), "{id}");
        // Nine charts and the candidates' map, all drawn by plotters as SVG.
        assert!(html.matches("<svg").count() >= 10, "{id}");
        assert!(html.contains("Catalyst-project candidates"));
    }
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn a_missing_targets_file_is_a_clear_error() {
    let o = baft(
        &[
            "profile",
            "data",
            "--targets",
            "no-such.json",
            "--lang",
            "en",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("no-such.json"), "{e}");
}
