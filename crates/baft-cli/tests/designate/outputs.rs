//! What `baft designate --out` wrote, checked: the exports (opened with GDAL) and the dossiers.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// The designation's files: GeoJSON and FlatGeobuf that GDAL opens, and a CSV with a row per
/// block (`to_add`'s row says `add`).
pub fn assert_exports_open_in_gdal(out: &Path, d: &Value, to_add: &str) {
    for f in [
        "designation-blocks.fgb",
        "designation-proposal.fgb",
        "designation-blocks.geojson",
        "designation-proposal.geojson",
    ] {
        let o = Command::new("ogrinfo")
            .args(["-ro", "-so", "-al"])
            .arg(out.join(f))
            .output()
            .expect("ogrinfo (gdal-bin)");
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(
            o.status.success() && text.contains("Feature Count:"),
            "{f}: {text}"
        );
    }
    let csv = std::fs::read_to_string(out.join("designation-blocks.csv")).unwrap();
    assert_eq!(
        csv.lines().count(),
        d["blocks"].as_array().unwrap().len() + 1
    );
    assert!(csv
        .lines()
        .any(|l| l.starts_with(&format!("{to_add},")) && l.contains(",add,")));
}

/// The dossier, A4 and A3: the maps and charts drawn (SVG), the changes named, and the SHA-256
/// of each input file of `dir` as `sha256sum` prints it.
pub fn assert_dossiers(dir: &Path, out: &Path, to_add: &str, to_remove: &str) {
    for (f, page) in [
        ("dossier-a4.html", "size: A4"),
        ("dossier-a3.html", "size: A3"),
    ] {
        let html = std::fs::read_to_string(out.join(f)).unwrap();
        assert!(html.contains(page), "{f}");
        assert_eq!(html.matches("<svg").count(), 7, "{f}: 4 maps and 3 charts");
        assert!(html.contains("lang=fa dir=rtl") && html.contains("کمیسیون مادهٔ ۵"));
        // The data's field names and values are isolated in the Persian thresholds.
        assert!(
            html.contains("<td>«<bdi>structure</bdi>» یکی از <bdi>")
                && html.contains("<td>«<bdi>frontage_width_m</bdi>» &lt; ۶ متر <span class=en>"),
            "{f}"
        );
        // The approved boundary compared with, by its names (not its ids), in each language.
        assert!(
            html.contains("در مقایسه با «اصلاحیهٔ ۱۴۰۲» از لایهٔ «بافت فرسوده»: ")
                && html.contains("Against the 1402 amendment of the worn-out fabric layer: ")
                && html.contains(" ha, proposed ")
                && html.contains("; approved "),
            "{f}"
        );
        assert!(
            html.contains(&format!(
                "<td class=hash>{to_add}</td><td>افزودن / add</td>"
            )),
            "{f}"
        );
        assert!(
            html.contains(&format!(
                "<td class=hash>{to_remove}</td><td>حذف / remove</td>"
            )),
            "{f}"
        );
        for file in [
            "manifest.json",
            "parcels/parcels.geojson",
            "layers/blocks.geojson",
        ] {
            let o = Command::new("sha256sum")
                .arg(dir.join(file))
                .output()
                .unwrap();
            let sum = String::from_utf8_lossy(&o.stdout)
                .split_whitespace()
                .next()
                .unwrap()
                .to_string();
            assert!(
                html.contains(&format!(
                    "<th class=hash>{file}</th><td class=hash>{sum}</td>"
                )),
                "{f}: {file}"
            );
        }
    }
}
