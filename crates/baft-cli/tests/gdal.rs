//! FlatGeobuf both ways with GDAL (the test command installs Debian's `gdal-bin`):
//! - GDAL reads what `baft pack` writes, with identical geometry and every attribute;
//! - Baft answers the same on a FlatGeobuf file written by `ogr2ogr` as on the GeoJSON.

mod common;
use common::{assert_ok, baft, repo, sample_copy};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs a GDAL program; GDAL is required (scripts/setup.sh installs it).
fn gdal(program: &str, args: &[&str]) {
    let o = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} not found ({e}): install gdal-bin (scripts/setup.sh)")
        });
    assert!(
        o.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// `baft CMD DIR --out OUT --lang en` (`pack` or `fix`).
fn staff(cmd: &str, dir: &Path, out: &Path) -> std::process::Output {
    let (dir, out) = (dir.to_str().unwrap(), out.to_str().unwrap());
    baft(&[cmd, dir, "--out", out, "--lang", "en"], None)
}

/// A fresh temporary folder for one test.
fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("baft-gdal-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A feature's properties (numbers as f64) and every position.
type Feature = (Vec<(String, Value)>, Vec<f64>);

/// A GeoJSON file's features by plot id: (properties with numbers as f64, every position).
fn features(path: &Path) -> HashMap<String, Feature> {
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut out = HashMap::new();
    for f in v["features"].as_array().unwrap() {
        let mut props: Vec<(String, Value)> = f["properties"]
            .as_object()
            .unwrap()
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| match v.as_f64() {
                Some(x) => (k.clone(), serde_json::json!(x)),
                None => (k.clone(), v.clone()),
            })
            .collect();
        props.sort_by(|a, b| a.0.cmp(&b.0));
        let mut xy = Vec::new();
        flatten(&f["geometry"]["coordinates"], &mut xy);
        let id = f["properties"]["plot_id"].as_str().unwrap().to_string();
        out.insert(id, (props, xy));
    }
    out
}

fn flatten(v: &Value, out: &mut Vec<f64>) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| flatten(x, out)),
        Value::Number(n) => out.push(n.as_f64().unwrap()),
        _ => {}
    }
}

/// `ogr2ogr -f FORMAT OUT IN`.
fn convert(format: &str, input: &Path, out: &Path) {
    let (input, out) = (input.to_str().unwrap(), out.to_str().unwrap());
    gdal("ogr2ogr", &["-f", format, out, input]);
}

/// `ogrinfo -so -al FILE`: the layer's summary.
fn ogrinfo(file: &Path) -> String {
    let o = Command::new("ogrinfo")
        .args(["-so", "-al", file.to_str().unwrap()])
        .output()
        .unwrap();
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The `name: Type` of each column in an `ogrinfo` summary (the lines after the axis mapping),
/// sorted, widths left out.
fn column_types(info: &str) -> Vec<String> {
    let mut out: Vec<String> = info
        .lines()
        .skip_while(|l| !l.starts_with("Data axis to CRS axis mapping"))
        .skip(1)
        .filter_map(|l| l.rsplit_once(" (").map(|(c, _)| c.to_string()))
        .collect();
    out.sort();
    out
}

#[test]
fn gdal_reads_what_baft_pack_writes_with_every_attribute() {
    let t = temp("pack");
    let out = t.join("out");
    assert_ok(&staff("pack", &repo().join("data"), &out));
    let fgb = out.join("parcels/parcels.fgb");
    let back = t.join("back.geojson");
    convert("GeoJSON", &fgb, &back);
    let src = features(&repo().join("data/parcels/parcels.geojson"));
    let got = features(&back);
    assert_eq!(got.len(), src.len());
    for (id, (props, xy)) in &src {
        let (p, x) = &got[id];
        assert_eq!(p, props, "{id}: attributes");
        assert_eq!(x.len(), xy.len(), "{id}: positions");
        assert!(
            x.iter().zip(xy).all(|(a, b)| (a - b).abs() < 1e-9),
            "{id}: positions"
        );
    }
    // The header: EPSG:4326, Polygons (every sample plot is one), every feature counted, and
    // each column of the type GDAL itself gives it when writing the same GeoJSON as FlatGeobuf
    // (whole numbers `Integer`, not `Integer64`, when they fit 32 bits).
    let info = ogrinfo(&fgb);
    assert!(info.contains("Geometry: Polygon"), "{info}");
    assert!(info.contains("ID[\"EPSG\",4326]"), "{info}");
    assert!(
        info.contains(&format!("Feature Count: {}", src.len())),
        "{info}"
    );
    let theirs = t.join("gdal.fgb");
    let geojson = repo().join("data/parcels/parcels.geojson");
    convert("FlatGeobuf", &geojson, &theirs);
    let ours = column_types(&info);
    assert!(ours.iter().any(|c| c.ends_with(": Integer")), "{ours:?}");
    assert_eq!(ours, column_types(&ogrinfo(&theirs)));
    let _ = std::fs::remove_dir_all(&t);
}

#[test]
fn baft_pack_refuses_a_parcel_layer_with_no_usable_plot() {
    let t = temp("empty");
    let d = sample_copy(&t);
    // One plot, with no geometry: left out, so nothing is left to pack.
    let far = r#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"X-1","properties":{"plot_id":"X-1"},"geometry":null}]}"#;
    std::fs::write(d.join("parcels/parcels.geojson"), far).unwrap();
    let out = t.join("out");
    let o = staff("pack", &d, &out);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("X-1"), "the plot left out is named: {err}");
    assert!(
        err.contains("no plot could be used; no FlatGeobuf was written"),
        "{err}"
    );
    assert!(!out.join("parcels/parcels.fgb").exists());
    let _ = std::fs::remove_dir_all(&t);
}

/// Copies the sample data with its parcel layer, two zone layers (one in lon/lat, one in UTM
/// 39N, declared in the file's header) and the blocks layer written by `ogr2ogr -f FlatGeobuf`.
fn data_with_gdal_files(t: &Path) -> PathBuf {
    let d = sample_copy(t);
    let m = d.join("manifest.json");
    let mut manifest = std::fs::read_to_string(&m).unwrap();
    for (name, srs) in [
        ("parcels/parcels", None),
        ("layers/worn-out-fabric-1402", None),
        ("layers/informal-settlements-utm39n", Some("EPSG:32639")),
        // The blocks layer (the validator checks each plot's block id against it).
        ("layers/blocks", None),
    ] {
        let (src, fgb) = (
            d.join(format!("{name}.geojson")),
            d.join(format!("{name}.fgb")),
        );
        let mut args = vec!["-f", "FlatGeobuf"];
        args.extend(srs.map(|s| ["-a_srs", s]).into_iter().flatten());
        args.extend([fgb.to_str().unwrap(), src.to_str().unwrap()]);
        gdal("ogr2ogr", &args);
        std::fs::remove_file(&src).unwrap();
        manifest = manifest.replace(&format!("{name}.geojson"), &format!("{name}.fgb"));
    }
    std::fs::write(&m, manifest).unwrap();
    d
}

#[test]
fn baft_answers_the_same_on_a_gdal_written_file_as_on_the_geojson() {
    let t = temp("answers");
    let d = data_with_gdal_files(&t);
    let questions = questions_about_sample_plots();
    let stdin = questions.join("\n") + "\n";
    let ask = |dir: &str| {
        let o = baft(&["check", "--data", dir, "--lang", "en"], Some(&stdin));
        String::from_utf8(o.stdout).unwrap()
    };
    let want = ask("data");
    let got = ask(d.to_str().unwrap());
    let (want, got): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    assert_eq!(want.len(), questions.len());
    assert_eq!(got.len(), want.len());
    let mut plots = 0;
    for ((q, a), b) in questions.iter().zip(&want).zip(&got) {
        let (mut a, mut b): (Value, Value) = (
            serde_json::from_str(a).unwrap(),
            serde_json::from_str(b).unwrap(),
        );
        // The plot's index in the layer follows the file's order (GDAL writes Hilbert order).
        for v in [&mut a, &mut b] {
            if let Some(m) = v.as_object_mut() {
                m.remove("parcel_index");
            }
        }
        if a != b {
            let diff: Vec<String> = a
                .as_object()
                .unwrap()
                .iter()
                .filter(|(k, v)| b.get(k.as_str()) != Some(v))
                .map(|(k, v)| format!("{k}: {v} ≠ {}", b[k.as_str()]))
                .collect();
            panic!(
                "{q}: {}",
                diff.join("\n").chars().take(3000).collect::<String>()
            );
        }
        plots += usize::from(a.to_string().contains("plot_id"));
    }
    assert!(
        plots > questions.len() / 2,
        "most questions find a plot: {plots}"
    );
    fix_and_validate_take_flatgeobuf(&t, &d);
    let _ = std::fs::remove_dir_all(&t);
}

/// Plot ids, plates, renovation codes, and points at plot corners and just beside them, of
/// every 97th plot of the sample.
fn questions_about_sample_plots() -> Vec<String> {
    let src: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("data/parcels/parcels.geojson")).unwrap(),
    )
    .unwrap();
    let mut questions = Vec::new();
    for f in src["features"].as_array().unwrap().iter().step_by(97) {
        let p = &f["properties"];
        questions.push(p["plot_id"].as_str().unwrap().to_string());
        questions.push(format!("{}/{}", p["plate_main"], p["plate_sub"]));
        questions.push(
            p["renovation_code"]
                .as_str()
                .unwrap_or("0000-000")
                .to_string(),
        );
        let mut xy = Vec::new();
        flatten(&f["geometry"]["coordinates"], &mut xy);
        questions.push(format!("{:.7},{:.7}", xy[1], xy[0]));
        questions.push(format!("{:.7},{:.7}", xy[1] + 0.00003, xy[0] + 0.00002));
    }
    questions
}

/// `baft fix` copies the FlatGeobuf files of `d` as they are (and fixes the GeoJSON beside
/// them) into `t/fixed`; `baft validate` checks FlatGeobuf files as it checks GeoJSON: clean
/// here, and a cut file is an error naming it.
fn fix_and_validate_take_flatgeobuf(t: &Path, d: &Path) {
    let fixed = t.join("fixed");
    let f = staff("fix", d, &fixed);
    assert_eq!(
        f.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&f.stderr)
    );
    assert!(String::from_utf8_lossy(&f.stdout)
        .contains("parcels/parcels.fgb: FlatGeobuf; copied as it is"));
    assert_eq!(
        std::fs::read(fixed.join("parcels/parcels.fgb")).unwrap(),
        std::fs::read(d.join("parcels/parcels.fgb")).unwrap()
    );
    assert_eq!(
        baft(&["validate", fixed.to_str().unwrap(), "--lang", "en"], None)
            .status
            .code(),
        Some(0)
    );
    // `baft validate` checks FlatGeobuf files as it checks GeoJSON: clean here, and a cut file
    // is an error naming it.
    let v = baft(&["validate", d.to_str().unwrap(), "--lang", "en"], None);
    assert_eq!(
        v.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&v.stdout)
    );
    let fgb = d.join("parcels/parcels.fgb");
    let bytes = std::fs::read(&fgb).unwrap();
    std::fs::write(&fgb, &bytes[..bytes.len() / 2]).unwrap();
    let v = baft(&["validate", d.to_str().unwrap(), "--lang", "en"], None);
    assert_eq!(v.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&v.stdout).contains("parcels/parcels.fgb"));
}

/// A plot of a FlatGeobuf parcel file that Baft leaves out (a point, not a polygon) is named by
/// its plot id, as in the GeoJSON, not by its block.
#[test]
fn a_plot_left_out_of_a_flatgeobuf_file_is_named_by_its_plot_id() {
    let t = temp("left-out");
    let d = sample_copy(&t);
    let src = d.join("parcels/parcels.geojson");
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&src).unwrap()).unwrap();
    v["features"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"type": "Feature",
        "properties": {"plot_id": "QB-0232-999", "block_id": "QB-0232"},
        "geometry": {"type": "Point", "coordinates": [51.1, 35.7]}}));
    std::fs::write(&src, v.to_string()).unwrap();
    let fgb = d.join("parcels/parcels.fgb");
    gdal(
        "ogr2ogr",
        &[
            "-f",
            "FlatGeobuf",
            fgb.to_str().unwrap(),
            src.to_str().unwrap(),
        ],
    );
    std::fs::remove_file(&src).unwrap();
    let m = d.join("manifest.json");
    let manifest = std::fs::read_to_string(&m).unwrap();
    std::fs::write(
        &m,
        manifest.replace("parcels/parcels.geojson", "parcels/parcels.fgb"),
    )
    .unwrap();
    let o = baft(&["validate", d.to_str().unwrap(), "--lang", "en"], None);
    let out = String::from_utf8_lossy(&o.stdout);
    let line = out
        .lines()
        .find(|l| l.contains("parcels.fgb") && l.contains("Point"));
    assert!(line.is_some_and(|l| l.contains("“QB-0232-999”")), "{out}");
    let _ = std::fs::remove_dir_all(&t);
}
