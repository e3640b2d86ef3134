//! `baft fix`: a corrected copy of a GeoJSON file, with a note of every change. It fixes only
//! what is safe to fix without a person's judgement:
//! - closes unclosed rings;
//! - rewinds rings to RFC 7946 (shells counter-clockwise, holes clockwise);
//! - reprojects UTM (declared) to lon/lat with 7 decimals (about 1 cm) and drops the `crs` member;
//! - drops exact duplicate features (same geometry and properties).
//!
//! Anything else (self-intersections, swapped axes, undeclared UTM, null geometries) is left as
//! it is for the validator to report: guessing there could move a boundary.

use crate::error::ProblemKind;
use crate::geometry::crs::{self, SourceCrs};
use serde::Serialize;
use serde_json::Value;

/// One change made by the fixer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "fix", rename_all = "snake_case")]
pub enum Fix {
    /// Closed a ring whose last position differed from its first.
    ClosedRing {
        /// Index of the feature in the file's `features`, from 0.
        feature_index: usize,
        /// Index of the polygon in the geometry, from 0 (always 0 for a Polygon).
        polygon: usize,
        /// Index of the ring in the polygon, from 0 (0 is the shell).
        ring: usize,
    },
    /// Reversed a ring to RFC 7946's direction (shells counter-clockwise, holes clockwise).
    Rewound {
        /// Index of the feature in the file's `features`, from 0.
        feature_index: usize,
        /// Index of the polygon in the geometry, from 0 (always 0 for a Polygon).
        polygon: usize,
        /// Index of the ring in the polygon, from 0 (0 is the shell).
        ring: usize,
    },
    /// Reprojected the file from `from` (e.g. `EPSG:32639`) to lon/lat; `features` is how many
    /// were kept.
    Reprojected {
        /// The file's system before, as an EPSG code (e.g. `EPSG:32639`).
        from: String,
        /// How many features the fixed file keeps (duplicates dropped).
        features: usize,
    },
    /// Dropped a feature with the same geometry and properties as feature `duplicate_of`.
    DroppedDuplicate {
        /// Index of the dropped feature in the file's `features`, from 0.
        feature_index: usize,
        /// Index of the earlier feature it repeats, from 0.
        duplicate_of: usize,
    },
}

impl Fix {
    /// The change as a sentence in `lang`.
    pub fn message(&self, lang: crate::Lang) -> String {
        let n = |x: usize| crate::base::units::count(x, lang);
        match (self, lang) {
            (
                Fix::ClosedRing {
                    feature_index,
                    polygon,
                    ring,
                },
                crate::Lang::Fa,
            ) => format!(
                "عارضهٔ {}: حلقهٔ {} از چندضلعی {} بسته شد",
                n(*feature_index),
                n(*ring),
                n(*polygon)
            ),
            (
                Fix::ClosedRing {
                    feature_index,
                    polygon,
                    ring,
                },
                _,
            ) => format!("feature {feature_index}: closed ring {ring} of polygon {polygon}"),
            (
                Fix::Rewound {
                    feature_index,
                    polygon,
                    ring,
                },
                crate::Lang::Fa,
            ) => format!(
                "عارضهٔ {}: جهت حلقهٔ {} از چندضلعی {} درست شد",
                n(*feature_index),
                n(*ring),
                n(*polygon)
            ),
            (
                Fix::Rewound {
                    feature_index,
                    polygon,
                    ring,
                },
                _,
            ) => format!("feature {feature_index}: rewound ring {ring} of polygon {polygon}"),
            (Fix::Reprojected { from, features }, crate::Lang::Fa) => format!(
                "{} عارضه از {from} به طول و عرض جغرافیایی (EPSG:4326) تبدیل شد",
                n(*features)
            ),
            (Fix::Reprojected { from, features }, _) => {
                format!("reprojected {features} features from {from} to lon/lat (EPSG:4326)")
            }
            (
                Fix::DroppedDuplicate {
                    feature_index,
                    duplicate_of,
                },
                crate::Lang::Fa,
            ) => format!(
                "عارضهٔ {} حذف شد: تکرار دقیق عارضهٔ {}",
                n(*feature_index),
                n(*duplicate_of)
            ),
            (
                Fix::DroppedDuplicate {
                    feature_index,
                    duplicate_of,
                },
                _,
            ) => format!(
                "dropped feature {feature_index}: an exact duplicate of feature {duplicate_of}"
            ),
        }
    }
}

fn positions(v: &Value) -> Option<Vec<(f64, f64)>> {
    v.as_array()?
        .iter()
        .map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?)))
        .collect()
}

fn round7(x: f64) -> f64 {
    (x * 1e7).round() / 1e7
}

/// Fixes one GeoJSON FeatureCollection. `declared` is the manifest's CRS for the file, if any.
/// Returns the fixed text (one feature per line) and the changes; an `Err` when the file can't
/// be read as a FeatureCollection at all.
pub fn fix_geojson(
    text: &str,
    declared: Option<SourceCrs>,
) -> Result<(String, Vec<Fix>), ProblemKind> {
    let mut root = read_collection(text)?;
    let member = root.get("crs").and_then(|c| {
        c.get("properties")?
            .get("name")?
            .as_str()
            .map(str::to_string)
    });
    let declared = declared.or_else(|| member.as_deref().and_then(|m| SourceCrs::parse(m).ok()));
    let mut fixes = Vec::new();
    let features = root
        .get_mut("features")
        .and_then(Value::as_array_mut)
        .ok_or(ProblemKind::NotAFeatureCollection {
            found: "no features".into(),
        })?;
    // Decide the system from what the features look like, as the loader does.
    let looks: Vec<crs::Looks> = features
        .iter()
        .filter_map(|f| {
            let g = f.get("geometry")?;
            let mut pts = Vec::new();
            collect(g.get("coordinates")?, &mut pts);
            (!pts.is_empty()).then(|| crs::classify(crs::bbox_of(pts)))
        })
        .collect();
    let source = crs::decide(declared, &looks).ok();
    let reproject = matches!(source, Some(SourceCrs::Utm { .. }));
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut kept = Vec::new();
    for (fi, mut f) in std::mem::take(features).into_iter().enumerate() {
        if let Some(g) = f.get_mut("geometry").filter(|g| g.is_object()) {
            fix_geometry(g, fi, source, reproject, &mut fixes);
        }
        let key = serde_json::json!([f.get("properties"), f.get("geometry")]).to_string();
        if let Some(&first) = seen.get(&key) {
            fixes.push(Fix::DroppedDuplicate {
                feature_index: fi,
                duplicate_of: first,
            });
            continue;
        }
        seen.insert(key, fi);
        kept.push(f);
    }
    if reproject {
        fixes.insert(
            0,
            Fix::Reprojected {
                from: source.map(|s| s.epsg()).unwrap_or_default(),
                features: kept.len(),
            },
        );
        if let Some(o) = root.as_object_mut() {
            o.remove("crs");
        }
    }
    Ok((one_feature_per_line(&root, &kept), fixes))
}

/// Parses `text` (a leading BOM allowed) as JSON and checks it is a FeatureCollection.
fn read_collection(text: &str) -> Result<Value, ProblemKind> {
    let root: Value =
        serde_json::from_str(text.strip_prefix('\u{FEFF}').unwrap_or(text)).map_err(|e| {
            ProblemKind::JsonSyntax {
                detail: e.to_string(),
            }
        })?;
    if root.get("type").and_then(Value::as_str) != Some("FeatureCollection") {
        return Err(ProblemKind::NotAFeatureCollection {
            found: root
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or("?")
                .into(),
        });
    }
    Ok(root)
}

/// Fixes every ring of feature `fi`'s Polygon or MultiPolygon geometry `g` in place, noting
/// each change in `fixes`.
fn fix_geometry(
    g: &mut Value,
    fi: usize,
    source: Option<SourceCrs>,
    reproject: bool,
    fixes: &mut Vec<Fix>,
) {
    let kind = g
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let polys: Vec<&mut Value> = match (kind.as_str(), g.get_mut("coordinates")) {
        ("Polygon", Some(c)) => vec![c],
        ("MultiPolygon", Some(Value::Array(ps))) => ps.iter_mut().collect(),
        _ => Vec::new(),
    };
    for (pi, poly) in polys.into_iter().enumerate() {
        let Some(rings) = poly.as_array_mut() else {
            continue;
        };
        for (ri, ring) in rings.iter_mut().enumerate() {
            fix_ring(ring, fi, pi, ri, source, reproject, fixes);
        }
    }
}

/// Closes, reprojects (if `reproject`), rewinds and rounds ring `ri` of polygon `pi` of feature
/// `fi` in place, noting each change in `fixes`; leaves a ring without readable positions alone.
fn fix_ring(
    ring: &mut Value,
    fi: usize,
    pi: usize,
    ri: usize,
    source: Option<SourceCrs>,
    reproject: bool,
    fixes: &mut Vec<Fix>,
) {
    let Some(mut pts) = positions(ring) else {
        return;
    };
    if pts.len() >= 3 && pts.first() != pts.last() {
        pts.push(pts[0]);
        fixes.push(Fix::ClosedRing {
            feature_index: fi,
            polygon: pi,
            ring: ri,
        });
    }
    if reproject {
        if let Some(s) = source {
            pts = pts.into_iter().map(|(x, y)| s.to_lon_lat(x, y)).collect();
        }
    }
    let a: f64 = pts
        .windows(2)
        .map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1)
        .sum();
    if (ri == 0 && a < 0.0) || (ri > 0 && a > 0.0) {
        pts.reverse();
        fixes.push(Fix::Rewound {
            feature_index: fi,
            polygon: pi,
            ring: ri,
        });
    }
    let r7 = reproject || matches!(source, Some(SourceCrs::LonLat));
    *ring = Value::Array(
        pts.into_iter()
            .map(|(x, y)| {
                if r7 {
                    serde_json::json!([round7(x), round7(y)])
                } else {
                    serde_json::json!([x, y])
                }
            })
            .collect(),
    );
}

/// The collection `root` written with the `kept` features, one feature per line.
fn one_feature_per_line(root: &Value, kept: &[Value]) -> String {
    // One feature per line: diffable, and readable by QGIS.
    let mut head = root.clone();
    if let Some(o) = head.as_object_mut() {
        o.remove("features");
    }
    let head = head.to_string();
    let body: Vec<String> = kept.iter().map(|f| f.to_string()).collect();
    format!(
        "{},\"features\":[\n{}\n]}}\n",
        &head[..head.len() - 1],
        body.join(",\n")
    )
}

fn collect(v: &Value, out: &mut Vec<(f64, f64)>) {
    match v.as_array() {
        Some(a) if a.len() >= 2 && a[0].is_number() => {
            if let (Some(x), Some(y)) = (a[0].as_f64(), a[1].as_f64()) {
                out.push((x, y));
            }
        }
        Some(a) => a.iter().for_each(|x| collect(x, out)),
        None => {}
    }
}
