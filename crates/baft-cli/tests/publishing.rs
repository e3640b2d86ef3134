//! `baft` for staff and builders: incentives with facts, packages files, scenarios, and
//! validating, fixing, comparing and batch-checking data folders.

mod common;
use common::*;

#[test]
fn incentives_with_facts_as_text_and_json() {
    let (lat, lon) = fixture("worn_block");
    let p = format!("{lat},{lon}");
    let args = [
        "--point",
        &p,
        "--facts",
        "area=180,axis=no,use=residential,units=4",
        "--date",
        "1405/09/05",
    ];
    let o = check(&[&args[..], &["--json"]].concat());
    assert_ok(&o);
    let v = json(&o);
    let inc = &v["incentives"];
    let status = |id: &str| {
        inc["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["package"]["id"] == id)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(status("national-1401-inside-fabric"), "applies");
    assert_eq!(status("national-1401-main-axis"), "does_not_apply");
    assert_eq!(inc["worth"]["fee_saving_rial"], 3_110_400_000.0);
    assert_eq!(inc["combined"]["extra_floors"], 1.0);
    assert_eq!(v["facts"]["facts"]["plot_area_m2"]["source"], "user");
    let fa = check(&args);
    assert!(stdout(&fa).contains("بسته‌های تشویقی"), "{}", stdout(&fa));
    assert!(
        stdout(&fa).contains("۳٬۱۱۰٬۴۰۰٬۰۰۰ ریال"),
        "{}",
        stdout(&fa)
    );
    // Where each assumption came from, in Persian too (the area is the owner's, the prices
    // the packages file's).
    assert!(stdout(&fa).contains("[گفتهٔ شما]"), "{}", stdout(&fa));
    assert!(stdout(&fa).contains("[فایل بسته‌ها]"), "{}", stdout(&fa));
    assert!(!stdout(&fa).contains("[you]") && !stdout(&fa).contains("[packages file]"));
    // Without the street facts the main-axis question stays open.
    let v = json(&check(&["--point", &p, "--json", "--date", "1405/09/05"]));
    let r = v["incentives"]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["package"]["id"] == "national-1401-inside-fabric")
        .unwrap()
        .clone();
    assert_eq!(r["status"], "may_apply");
    assert_eq!(r["missing"][0], "on_main_axis");
    let o = check(&["--point", &p, "--facts", "colour=red"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("colour"));
}

#[test]
fn packages_validate_and_compare() {
    let o = baft(
        &[
            "packages",
            "validate",
            "data/packages.json",
            "--data",
            "data",
            "--lang",
            "en",
        ],
        None,
    );
    assert_ok(&o);
    assert!(stdout(&o).contains("12 valid packages"));
    let dir = std::env::temp_dir().join(format!("baft-pkg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("packages.json");
    let text = std::fs::read_to_string(repo().join("data/packages.json"))
        .unwrap()
        .replacen("\"extra_floors\": 2", "\"extra_floors\": -2", 1);
    std::fs::write(&bad, text).unwrap();
    let o = baft(
        &[
            "packages",
            "validate",
            bad.to_str().unwrap(),
            "--lang",
            "en",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("package “national-1401-block-scale”, field “benefits.extra_floors”"),
        "{}",
        stderr(&o)
    );
    let (lat, lon) = fixture("worn_block");
    let o = baft(
        &[
            "compare",
            "--data",
            "data",
            "--point",
            &format!("{lat},{lon}"),
            "--facts",
            "area=120,axis=no,use=residential,units=4",
            "--neighbours",
            "100,90",
            "--date",
            "1405/09/05",
            "--lang",
            "en",
        ],
        None,
    );
    assert_ok(&o);
    let csv = stdout(&o);
    assert!(csv.starts_with('\u{FEFF}'), "UTF-8 BOM for Excel");
    let lines: Vec<&str> = csv
        .trim_start_matches('\u{FEFF}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(lines[0].starts_with("Scenario,Plots,Area (m²)"));
    assert!(lines[1].starts_with("Build alone,1,120.0,"));
    assert!(
        lines[2].starts_with("Consolidate with 1 neighbour,2,220.0,"),
        "{}",
        lines[2]
    );
    assert!(lines[2].contains("Consolidation density bonus"));
}

/// Writes into `dir` a QGIS-style export with problems and returns its broken layer.
fn write_broken_export(dir: &std::path::Path) -> serde_json::Value {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir.join("layers")).unwrap();
    let manifest = std::fs::read_to_string(repo().join("data/manifest.json")).unwrap();
    let mut m: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    m["layers"] = serde_json::json!([m["layers"][1].clone()]);
    for k in ["packages", "parcels", "offices", "streets", "blocks"] {
        m.as_object_mut().unwrap().remove(k);
    }
    std::fs::write(dir.join("manifest.json"), m.to_string()).unwrap();
    let utm =
        std::fs::read_to_string(repo().join("data/layers/informal-settlements-utm39n.geojson"))
            .unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&utm).unwrap();
    let shell = v["features"][0]["geometry"]["coordinates"][0]
        .as_array_mut()
        .unwrap();
    shell.pop(); // unclosed
    shell.reverse(); // clockwise
    let dup = v["features"][0].clone();
    v["features"].as_array_mut().unwrap().push(dup);
    std::fs::write(
        dir.join("layers/informal-settlements-utm39n.geojson"),
        v.to_string(),
    )
    .unwrap();
    v
}

/// Checks that validating the broken export finds each of its problems.
fn assert_validate_finds_problems(dir: &std::path::Path) {
    let o = baft(
        &["validate", dir.to_str().unwrap(), "--json", "--lang", "en"],
        None,
    );
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let j = json(&o);
    let codes: Vec<String> = j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["problem"]["code"].as_str().unwrap().to_string())
        .collect();
    for c in ["duplicate_id", "unclosed_ring", "winding_order", "overlap"] {
        assert!(codes.iter().any(|x| x == c), "{c} in {codes:?}");
    }
}

/// Checks that `fix` repairs a copy that validates clean and leaves the broken layer `v` untouched.
fn assert_fix_repairs_a_copy(dir: &std::path::Path, v: &serde_json::Value) {
    let out = dir.with_extension("fixed");
    let _ = std::fs::remove_dir_all(&out);
    let o = baft(
        &[
            "fix",
            dir.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--lang",
            "en",
        ],
        None,
    );
    assert_ok(&o);
    let report = stdout(&o);
    assert!(
        report.contains("reprojected 1 features from EPSG:32639")
            && report.contains("closed ring")
            && report.contains("dropped feature 1"),
        "{report}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("layers/informal-settlements-utm39n.geojson")).unwrap(),
        v.to_string(),
        "originals untouched"
    );
    let o = baft(&["validate", out.to_str().unwrap(), "--lang", "en"], None);
    assert_eq!(
        o.status.code(),
        Some(0),
        "the fixed copy validates clean: {}",
        stdout(&o)
    );
}

/// Checks the JSON diff between the 1398 and 1402 worn-out fabric layers.
fn assert_diff_of_worn_versions() {
    let o = baft(
        &[
            "diff",
            "data/layers/worn-out-fabric-1398.geojson",
            "data/layers/worn-out-fabric-1402.geojson",
            "--format",
            "json",
        ],
        None,
    );
    let d = json(&o);
    assert_eq!(d["added"].as_array().unwrap().len(), 9);
    assert!(d["removed"].as_array().unwrap().len() > 10);
}

/// Checks `batch` on a CSV in `dir` with a point, a plate, a WKT polygon and a bad row.
fn assert_batch_of_four_rows(dir: &std::path::Path) {
    let parcels: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("data/parcels/parcels.geojson")).unwrap(),
    )
    .unwrap();
    let p = &parcels["features"][10]["properties"];
    let (lat, lon) = fixture("worn_block");
    let csv = format!("id,location\nA,\"{lat}, {lon}\"\nB,{}/{}\nC,\"POLYGON(({lon} {lat}, {} {lat}, {} {}, {lon} {}, {lon} {lat}))\"\nD,nonsense\n", p["plate_main"], p["plate_sub"], lon + 0.0002, lon + 0.0002, lat + 0.0002, lat + 0.0002);
    let f = dir.join("plots.csv");
    std::fs::write(&f, csv).unwrap();
    let o = baft(
        &[
            "batch",
            f.to_str().unwrap(),
            "--data",
            "data",
            "--date",
            "1405/09/05",
            "--lang",
            "en",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2), "a bad row makes the exit 2");
    let out = stdout(&o);
    assert!(out.starts_with('\u{FEFF}'));
    let rows: Vec<&str> = out
        .trim_start_matches('\u{FEFF}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(rows.len(), 5);
    assert!(rows[0].starts_with("id,input,kind,worn-out-fabric,"));
    assert!(
        rows[1].starts_with("A,") && rows[1].contains(",point,inside,"),
        "{}",
        rows[1]
    );
    assert!(rows[2].contains(",parcel,"), "{}", rows[2]);
    assert!(rows[3].contains(",plot,"), "{}", rows[3]);
    assert!(
        rows[4].starts_with("D,nonsense,,") && rows[4].contains("Nothing found for"),
        "{}",
        rows[4]
    );
}

#[test]
fn validate_fix_diff_and_batch() {
    // The sample validates clean.
    let o = baft(&["validate", "data", "--lang", "en"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("0 errors, 0 warnings"));
    // A QGIS-style export with problems: UTM (declared), clockwise, unclosed, a duplicate.
    let dir = std::env::temp_dir().join(format!("baft-staff-{}", std::process::id()));
    let v = write_broken_export(&dir);
    assert_validate_finds_problems(&dir);
    assert_fix_repairs_a_copy(&dir, &v);
    // diff, as JSON.
    assert_diff_of_worn_versions();
    // batch: a point, a plate, a WKT polygon and a bad row.
    assert_batch_of_four_rows(&dir);
}

/// In Persian, `pack` gives counts and sizes in Persian words and digits and the file it wrote as
/// it is named; `fix` names the folder it wrote as it is spelt (a path's digits are not
/// Persianised: the folder would not be found).
#[test]
fn persian_staff_reports_keep_paths_as_written() {
    let t = std::env::temp_dir().join(format!("baft-fa-report-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&t);
    let (packed, fixed) = (t.join("packed1"), t.join("fixed2"));
    let o = baft(&["pack", "data", "--out", packed.to_str().unwrap()], None);
    assert_ok(&o);
    let line = stdout(&o);
    assert!(
        line.contains("۱۰٬۴۰۰ پلاک: ")
            && line.contains(" مگابایت ← ")
            && line.trim_end().ends_with(" مگابایت (parcels/parcels.fgb)")
            && !line.contains("MB"),
        "{line}"
    );
    let o = baft(&["fix", "data", "--out", fixed.to_str().unwrap()], None);
    assert_ok(&o);
    let report = stdout(&o);
    assert!(
        report.contains(&format!("اصلاح؛ نسخهٔ اصلاح‌شده در {}", fixed.display())),
        "{report}"
    );
    let _ = std::fs::remove_dir_all(&t);
}
