//! `baft designate` (issue 13): the three criteria per block from the plot-by-plot survey, and
//! the proposal against the approved boundary, as the facilitation office runs it.

mod common;
#[path = "designate/outputs.rs"]
mod outputs;
use common::{assert_ok, baft, repo};
use outputs::{assert_dossiers, assert_exports_open_in_gdal};
use serde_json::Value;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

fn read_json(p: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn designate(dir: &str, extra: &[&str]) -> Value {
    let o = baft(
        &[&["designate", dir, "--json", "--lang", "en"][..], extra].concat(),
        None,
    );
    assert_ok(&o);
    serde_json::from_slice(&o.stdout).unwrap()
}

fn ids(v: &Value) -> HashSet<String> {
    v["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["block_id"].as_str().unwrap().to_string())
        .collect()
}

/// The generator's own figures (`tests/fixtures/block-figures.json`: the blocks layer carries
/// ids only) are computed again from the parcel file and must agree on every judged block; the
/// blocks the generator's survey left short of answers are "insufficient data"; and the
/// proposal finds exactly what the survey changed since the 1402 amendment.
#[test]
fn designate_reproduces_the_generators_block_figures() {
    let d = designate("data", &[]);
    let gen = read_json(&repo().join("tests/fixtures/block-figures.json"));
    let judged = gen["judged"].as_object().unwrap();
    let short: HashSet<&str> = gen["surveyed_but_insufficient"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let blocks = d["blocks"].as_array().unwrap();
    let layer = read_json(&repo().join("data/layers/blocks.geojson"));
    assert_eq!(
        blocks.len(),
        ids(&layer).len(),
        "one row per block of the blocks layer"
    );
    let mut seen = 0;
    for b in blocks {
        let id = b["block_id"].as_str().unwrap();
        let Some(g) = judged.get(id) else {
            assert_eq!(
                b["status"], "insufficient_data",
                "{id}: not judged by the generator"
            );
            assert_eq!(b["qualifies"], false, "{id}");
            assert_eq!(b["plots"].as_u64().unwrap() > 0, short.contains(id), "{id}");
            continue;
        };
        seen += 1;
        assert_eq!(b["plots"], g["plots"], "{id}");
        for k in [
            "fine_grain_share",
            "no_structure_share",
            "narrow_access_share",
        ] {
            let (ours, theirs) = (b[k].as_f64().unwrap(), g[k].as_f64().unwrap());
            assert!(
                (ours - theirs).abs() <= 0.0005 + 1e-12,
                "{id} {k}: {ours} vs {theirs}"
            );
        }
        assert_eq!(b["qualifies"], g["worn_out"], "{id}");
        let meets = b["meets"].as_array().unwrap().len();
        assert_eq!(
            b["qualifies"] == true,
            meets == 3,
            "{id}: qualifies = meets all three"
        );
    }
    assert_eq!(seen, judged.len());
    assert!(seen > 200 && !short.is_empty(), "{seen} {short:?}");
    assert_proposal_is_what_the_survey_changed(&d, judged, &short);
}

/// The proposal of the sample data: what its survey changed since the 1402 amendment (rebuilt
/// blocks to remove, missed blocks to add), and the approved blocks the survey left short kept.
fn assert_proposal_is_what_the_survey_changed(
    d: &Value,
    judged: &serde_json::Map<String, Value>,
    short: &HashSet<&str>,
) {
    let p = &d["proposal"];
    assert_eq!(p["layer_id"], "worn-out-fabric");
    assert_eq!(p["version_id"], "1402");
    assert_eq!(p["layer_name"]["fa"], "بافت فرسوده");
    assert_eq!(p["version_title"]["en"], "1402 amendment");
    let with = |c: &str| -> HashSet<String> {
        p["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|b| b["change"] == c)
            .map(|b| b["block_id"].as_str().unwrap().to_string())
            .collect()
    };
    let expect = |now: bool, then: bool| -> HashSet<String> {
        judged
            .iter()
            .filter(|(_, g)| g["worn_out"] == now && g["worn_out_1402"] == then)
            .map(|(id, _)| id.clone())
            .collect()
    };
    assert_eq!(with("add"), expect(true, false));
    assert_eq!(with("remove"), expect(false, true));
    assert_eq!(with("add").len(), 2);
    assert_eq!(with("remove").len(), 2);
    let approved = ids(&read_json(
        &repo().join("data/layers/worn-out-fabric-1402.geojson"),
    ));
    for id in short {
        if approved.contains(*id) {
            assert!(with("keep_unjudged").contains(*id), "{id}");
        }
    }
}

/// A copy of the sample data folder in a fresh temporary folder.
fn sample_copy(name: &str) -> PathBuf {
    let t = std::env::temp_dir().join(format!("baft-designate-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&t);
    std::fs::create_dir_all(&t).unwrap();
    common::sample_copy(&t)
}

/// Rewrites the survey of one block: `f` changes each of its plots' properties.
fn edit_block(parcels: &mut Value, block: &str, f: &dyn Fn(&mut serde_json::Map<String, Value>)) {
    for p in parcels["features"].as_array_mut().unwrap() {
        let props = p["properties"].as_object_mut().unwrap();
        if props["block_id"] == block {
            f(props);
        }
    }
}

/// A survey that differs from the approved boundary: a block of 1402 whose buildings now all
/// have a structure is to be removed (instability decides), a surveyed block made small,
/// unreinforced and narrow is to be added (all three), and an approved block with most answers
/// missing is kept, flagged. The exports open in GDAL and the proposal's area adds up.
#[test]
fn a_survey_that_differs_gives_additions_removals_and_exports() {
    let dir = sample_copy("diff");
    let (to_remove, to_add, unjudged) = edit_survey(&dir);
    let out = dir.join("out");
    let d = designate(dir.to_str().unwrap(), &["--out", out.to_str().unwrap()]);
    let change = |id: &str| -> Value {
        d["proposal"]["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["block_id"] == id)
            .unwrap()
            .clone()
    };
    let r = change(&to_remove);
    assert_eq!(r["change"], "remove");
    assert_eq!(r["deciding"], serde_json::json!(["instability"]));
    let a = change(&to_add);
    assert_eq!(a["change"], "add");
    assert_eq!(
        a["deciding"],
        serde_json::json!(["fine_grain", "instability", "impermeability"])
    );
    assert!(a["area_ha"].as_f64().unwrap() > 0.0 && a["plots"].as_u64().unwrap() > 0);
    assert_eq!(change(&unjudged)["change"], "keep_unjudged");
    let blk = d["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["block_id"] == unjudged.as_str())
        .unwrap();
    assert_eq!(blk["status"], "insufficient_data");
    assert_eq!(blk["missing"]["instability"], 1.0);
    assert_exports_open_in_gdal(&out, &d, &to_add);
    assert_dossiers(&dir, &out, &to_add, &to_remove);
    assert_proposal_area_adds_up(&d, &out);
    let _ = std::fs::remove_dir_all(dir.parent().unwrap());
}

/// The manifest's `designation` section: fine grain by area instead of by count changes the
/// share, and the text output names the counts in Persian by default.
#[test]
fn the_manifest_chooses_the_fine_grain_rule() {
    let dir = sample_copy("rule");
    let m = dir.join("manifest.json");
    let mut manifest = read_json(&m);
    manifest["designation"] = serde_json::json!({"fine_grain": {"rule": "area"}});
    std::fs::write(&m, manifest.to_string()).unwrap();
    let (count, area) = (
        designate("data", &[]),
        designate(dir.to_str().unwrap(), &[]),
    );
    assert_eq!(area["settings"]["fine_grain"]["rule"], "area");
    let differs = count["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .zip(area["blocks"].as_array().unwrap())
        .filter(|(a, b)| {
            a["fine_grain_share"].is_number() && a["fine_grain_share"] != b["fine_grain_share"]
        })
        .count();
    assert!(differs > 100, "{differs}");
    let o = baft(&["designate", dir.to_str().unwrap()], None);
    assert_ok(&o);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("واجد شرایط"), "{text}");
    // The boundary compared with, by its names in Persian, not its ids.
    assert!(
        text.contains("در مقایسه با «اصلاحیهٔ ۱۴۰۲» از لایهٔ «بافت فرسوده»: ")
            && text.contains("؛ مساحت مصوب "),
        "{text}"
    );
    let bad = std::fs::read_to_string(&m)
        .unwrap()
        .replace("\"area\"", "\"weight\"");
    std::fs::write(&m, bad).unwrap();
    let o = baft(&["designate", dir.to_str().unwrap(), "--lang", "en"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("designation"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // The validator names the same field before anything is published.
    let o = baft(&["validate", dir.to_str().unwrap(), "--lang", "en"], None);
    assert_eq!(o.status.code(), Some(2));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("designation.fine_grain.rule"), "{out}");
    let _ = std::fs::remove_dir_all(dir.parent().unwrap());
}

/// Edits the survey of the sample copy in `dir`: an approved block that qualifies now has a
/// structure everywhere (to remove), a block that does not qualify is made small, unreinforced
/// and narrow (to add), and another approved one loses its structure answers (unjudged).
/// Returns their ids: (to remove, to add, unjudged).
fn edit_survey(dir: &Path) -> (String, String, String) {
    let parcels_path = dir.join("parcels/parcels.geojson");
    let mut parcels = read_json(&parcels_path);
    let approved = ids(&read_json(&dir.join("layers/worn-out-fabric-1402.geojson")));
    let d0 = designate(dir.to_str().unwrap(), &[]);
    let status = |d: &Value, s: &str| -> Vec<String> {
        let mut v: Vec<String> = d["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|b| b["status"] == s)
            .map(|b| b["block_id"].as_str().unwrap().to_string())
            .collect();
        v.sort();
        v
    };
    let qualifying = status(&d0, "qualifies");
    let to_remove = qualifying
        .iter()
        .find(|b| approved.contains(*b))
        .unwrap()
        .clone();
    let unjudged = qualifying
        .iter()
        .rev()
        .find(|b| approved.contains(*b))
        .unwrap()
        .clone();
    let to_add = status(&d0, "does_not_qualify")[0].clone();
    assert!(!approved.contains(&to_add));
    edit_block(&mut parcels, &to_remove, &|p| {
        p.insert("structure".into(), "steel_frame".into());
    });
    edit_block(&mut parcels, &to_add, &|p| {
        p.insert("area_m2".into(), 120.0.into());
        p.insert("structure".into(), "unreinforced_masonry".into());
        p.insert("frontage_width_m".into(), 4.0.into());
    });
    edit_block(&mut parcels, &unjudged, &|p| {
        p.remove("structure");
    });
    std::fs::write(&parcels_path, parcels.to_string()).unwrap();
    (to_remove, to_add, unjudged)
}

/// The proposal's area is the approved area less the removed blocks plus the added ones, and the
/// dissolved outline it exports covers at least that.
fn assert_proposal_area_adds_up(d: &Value, out: &Path) {
    let p = &d["proposal"];
    let (approved_ha, proposed_ha) = (
        p["approved_area_ha"].as_f64().unwrap(),
        p["proposed_area_ha"].as_f64().unwrap(),
    );
    let sum = |c: &str| -> f64 {
        p["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|b| b["change"] == c)
            .map(|b| b["area_ha"].as_f64().unwrap())
            .sum()
    };
    let want = approved_ha - sum("remove") + sum("add");
    assert!((proposed_ha - want).abs() < 1e-9, "{proposed_ha} vs {want}");
    let proposal = read_json(&out.join("designation-proposal.geojson"));
    let parts_ha: f64 = proposal["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["area_ha"].as_f64().unwrap())
        .sum();
    // Dissolving closes over the streets between blocks, so the outline is somewhat larger.
    assert!(
        parts_ha >= proposed_ha * 0.98,
        "{parts_ha} vs {proposed_ha}"
    );
}
