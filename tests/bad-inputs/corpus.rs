//! The bad-input corpus, shared by the core's and the CLI's tests (`#[path]`-included).
//! See `docs/bad-input.md` for the format.

#![allow(dead_code)]

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// One corpus file: a category of bad inputs.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorpusFile {
    pub category: String,
    pub description: String,
    pub entries: Vec<Entry>,
}

/// One bad (or, where stated, accepted) input and what Baft must answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    /// search, plate, plot, link, layer, manifest, packages.
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The input's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<String>,
    /// A fixture file in `tests/bad-inputs/files/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// An input made by the tests (too big to commit): see [`generate`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generate: Option<String>,
    /// The exact error, in both languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect: Option<Expect>,
    /// What an input accepted by design reads as (`{lat, lon}`, `{area_m2}`, `{zones}`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accept: Option<serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    pub fa: String,
    pub en: String,
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn corpus_dir() -> PathBuf {
    repo().join("tests/bad-inputs")
}

/// Every corpus file, by name, in name order.
pub fn load_all() -> Vec<(PathBuf, CorpusFile)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let c: CorpusFile =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, c)
        })
        .collect()
}

/// Every entry, with its corpus file's name.
pub fn entries() -> Vec<Entry> {
    load_all()
        .into_iter()
        .flat_map(|(_, c)| c.entries)
        .collect()
}

/// The input's bytes: its text, its fixture file, or what [`generate`] makes.
pub fn bytes(e: &Entry) -> Vec<u8> {
    match (&e.input, &e.file, &e.generate) {
        (Some(t), None, None) => t.clone().into_bytes(),
        (None, Some(f), None) => std::fs::read(corpus_dir().join("files").join(f))
            .unwrap_or_else(|err| panic!("{}: {f}: {err}", e.id)),
        (None, None, Some(g)) => generate(g),
        _ => panic!("{}: exactly one of input, file, generate", e.id),
    }
}

/// The input as text, as the app reads an uploaded file (bad UTF-8 replaced).
pub fn text(e: &Entry) -> String {
    String::from_utf8_lossy(&bytes(e)).into_owned()
}

/// The path, relative to the data folder, a `layer` entry is loaded from.
pub fn layer_file(e: &Entry) -> String {
    format!("bad/{}.geojson", e.id)
}

/// The manifest entry of the layer a `layer` entry is loaded as (worn-out fabric, one
/// version), as JSON.
pub fn layer_spec_json(e: &Entry) -> serde_json::Value {
    let t = |fa: &str, en: &str| serde_json::json!({"fa": fa, "en": en});
    serde_json::json!({
        "id": format!("bad-{}", e.id),
        "kind": "worn_out_fabric",
        "name": t("لایهٔ آزمون", "test layer"),
        "versions": [{
            "id": "1",
            "title": t("آزمون", "test"),
            "file": layer_file(e),
            "approved": {"jalali": "1402/05/14", "iso": "2023-08-05"},
            "approved_by": t("آزمون", "test"),
        }],
        "source": {"name": t("آزمون", "test")},
    })
}

/// Inputs too big to commit, made on the fly (deterministic):
/// - `plot-vertices:N`: a plot outline, a circle of N corners around Qods (GeoJSON Polygon);
/// - `layer-vertices:N`: a layer of one such circle (lon/lat, valid; 0.1° wide when N is
///   large, so that 7 decimals keep the corners apart);
/// - `layer-vertices-crossing:N`: the same with two corners swapped (a bow-tie at the end);
/// - `plot-bytes:N`: a Feature whose properties pad the file to N bytes;
/// - `layer-bytes-cut:N`: a layer file of N bytes that stops in the middle (truncated);
/// - `search-bytes:N`: N bytes of typed digits and commas (a paste gone wrong);
/// - `link-vertices:N`: a share-link fragment whose outline has N corners;
/// - `manifest-bytes:N`: a manifest whose title is N bytes long, then an unknown field.
pub fn generate(spec: &str) -> Vec<u8> {
    let (what, n) = spec.split_once(':').expect("generate: what:N");
    let n: usize = n.parse().expect("generate: N");
    // Corners around Qods; a radius large enough that 7 decimals keep them apart.
    let points = |n: usize, r: f64| -> Vec<(f64, f64)> {
        (0..n)
            .map(|i| {
                let a = i as f64 / n as f64 * std::f64::consts::TAU;
                (51.1119 + r * a.cos(), 35.7097 + r * a.sin())
            })
            .collect()
    };
    let circle = |n: usize, swap: bool| {
        let r = if n > 100_000 { 0.1 } else { 0.002 };
        let mut pts = points(n, r);
        if swap {
            let k = n / 2;
            pts.swap(k, k + 1);
        }
        pts.push(pts[0]);
        let mut s = String::with_capacity(n * 26 + 64);
        s.push_str("[[");
        for (i, (x, y)) in pts.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            s.push_str(&format!("[{x:.7},{y:.7}]"));
        }
        s.push_str("]]");
        s
    };
    let text = match what {
        "plot-vertices" => format!(r#"{{"type":"Polygon","coordinates":{}}}"#, circle(n, false)),
        "layer-vertices" | "layer-vertices-crossing" => format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"block_id":"BIG"}},"geometry":{{"type":"Polygon","coordinates":{}}}}}]}}"#,
            circle(n, what.ends_with("crossing"))
        ),
        "plot-bytes" => {
            let head = r#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[51.1119,35.7097],[51.1122,35.7097],[51.1122,35.7099],[51.1119,35.7097]]]},"properties":{"note":""#;
            let tail = r#""}}"#;
            let pad = n.saturating_sub(head.len() + tail.len());
            format!("{head}{}{tail}", "x".repeat(pad))
        }
        "layer-bytes-cut" => {
            let head = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"block_id":"P","note":""#;
            format!("{head}{}", "x".repeat(n.saturating_sub(head.len())))
        }
        "link-vertices" => format!(
            "g={}",
            baft_core::answer::share::encode_outline(&[points(n, 0.002)])
        ),
        "search-bytes" => "35.7, 51.1, ".repeat(n / 12 + 1)[..n].to_string(),
        "manifest-bytes" => {
            let m = std::fs::read_to_string(repo().join("data/manifest.json")).unwrap();
            let mut v: serde_json::Value = serde_json::from_str(&m).unwrap();
            v["title"]["en"] = serde_json::Value::String("t".repeat(n));
            v["zz_unknown"] = serde_json::Value::from(1);
            v.to_string()
        }
        other => panic!("generate: unknown {other}"),
    };
    text.into_bytes()
}

/// Writes a corpus file back with its entries in order and invisible characters escaped
/// (`\u200f`), so that a reviewer sees them.
pub fn write(path: &Path, c: &CorpusFile) {
    let text = serde_json::to_string_pretty(c).unwrap();
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        let invisible = matches!(ch,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
            | '\u{061C}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}' | '\u{2028}' | '\u{2029}'
            | '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{3000}' | '\u{180E}');
        if invisible {
            out.push_str(&format!("\\u{:04x}", ch as u32));
        } else {
            out.push(ch);
        }
    }
    out.push('\n');
    std::fs::write(path, out).unwrap();
}
