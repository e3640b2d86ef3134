//! The streets reference layer: named streets (lines) and squares and landmarks (points), from a
//! GeoJSON file staff export from their GIS like the other layers (`"streets"` in the manifest).
//! The app draws them, labelled in the page's language, under the zones, so that an owner can
//! find their plot on a map with streets and no third-party basemap; the search box finds a
//! street by its name ([`Streets::find`]).
//!
//! Each feature needs a `name` (Persian); `name_en` and `kind` (`boulevard`, `street`, `alley`,
//! `square`, …) are optional. Coordinates are longitude/latitude (EPSG:4326). Features that are
//! not lines or points, or have no name, are left out with a warning naming them.
//!
//! ```
//! use baft_core::layer::streets::Streets;
//! let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
//!   "properties":{"name":"خیابان گلستان","name_en":"Golestan Street","kind":"street"},
//!   "geometry":{"type":"LineString","coordinates":[[51.10,35.70],[51.11,35.70]]}}]}"#;
//! let (s, problems) = Streets::parse("streets.geojson", text);
//! assert!(problems.is_empty());
//! assert_eq!(s.find("گلستان"), vec![0]);
//! assert_eq!(s.find("کوچه گلستان"), vec![0]); // the kind word doesn't matter
//! assert_eq!(s.find("golestan st"), vec![0]);
//! ```

use crate::base::letters::fold;
use crate::base::LocalText;
use crate::error::{Location, Problem, ProblemKind};
use serde::Serialize;
use serde_json::Value;

/// One named street, square or landmark.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Street {
    /// Its name in Persian and English.
    pub name: LocalText,
    /// What it is, as the file says (`boulevard`, `street`, `alley`, `square`…), lower case.
    pub kind: Option<String>,
    /// Its lines, each a list of (lon, lat); empty for a point.
    pub lines: Vec<Vec<(f64, f64)>>,
    /// A point to label it at and to show it by: the middle vertex of its longest line, or the
    /// point itself.
    pub anchor: (f64, f64),
    /// Its box, `[min lon, min lat, max lon, max lat]`.
    pub bbox: [f64; 4],
}

/// The streets file, read.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Streets {
    /// Every usable feature, in file order.
    pub items: Vec<Street>,
}

/// Persian words that name a kind of way and start its name (`خیابان گلستان`, `ک. ۲۲`), as
/// [`fold`] writes them, with their abbreviations and the ezafe written out (`کوچه‌ی ۲۲`,
/// `کوچهی ۲۲`): dropped before names are compared ([`key`]), and where the address reader cuts a
/// full address written without commas ([`crate::input::address`]).
pub const PERSIAN_KINDS: [&str; 10] = [
    "خیابان",
    "خ",
    "خ.",
    "کوچه",
    "کوچهی",
    "ک",
    "ک.",
    "بلوار",
    "میدان",
    "بزرگراه",
];

/// The other words dropped before names are compared ("خیابان گلستان" finds "گلستان", and
/// "کوچه گلستان" does too): `ب.` and `م.` (for `بلوار` and `میدان`, but also a name's initial,
/// `خیابان شهید م. رضایی`, so no address is cut before them), the ezafe written apart (`کوچه ی
/// ۲۲`), `شماره` (`کوچه شماره ۲۲`) and the English kinds.
const OTHER_KIND_WORDS: [&str; 15] = [
    "ب.",
    "م.",
    "ی",
    "شماره",
    "street",
    "st",
    "st.",
    "alley",
    "boulevard",
    "blvd",
    "blvd.",
    "square",
    "avenue",
    "ave",
    "ave.",
];

/// A street's name as it is compared: folded ([`fold`]), lower case, without kind words
/// (`خیابان`, `کوچه`, `بن‌بست`, `street`…). `key("خیابان گلستان") == key("Golestan")` is false,
/// but `key("كوچه گلستان") == key("گلستان")`.
///
/// ```
/// use baft_core::layer::streets::key;
/// assert_eq!(key("كوچهٔ ۲۲"), "22");
/// assert_eq!(key("کوچه‌ی ۲۲"), "22");
/// assert_eq!(key("ک. شماره ۲۲"), "22");
/// assert_eq!(key("بن‌بست گلستان"), key("خ. گلستان"));
/// assert_eq!(key("Golestan St."), "golestan");
/// ```
pub fn key(name: &str) -> String {
    // "بن‌بست" folds to two words (the non-joiner becomes a space or goes): drop it whole first.
    let f = format!(" {} ", fold(name).to_lowercase())
        .replace(" بن بست ", " ")
        .replace(" بنبست ", " ");
    let words: Vec<&str> = f
        .split_whitespace()
        .filter(|w| !PERSIAN_KINDS.contains(w) && !OTHER_KIND_WORDS.contains(w))
        .collect();
    words.join(" ")
}

fn positions(v: &Value) -> Option<Vec<(f64, f64)>> {
    v.as_array()?
        .iter()
        .map(|p| {
            let p = p.as_array()?;
            let (x, y) = (p.first()?.as_f64()?, p.get(1)?.as_f64()?);
            crate::geometry::crs::in_iran(x, y).then_some((x, y))
        })
        .collect()
}

/// A street's lines, each a list of (lon, lat).
type Lines = Vec<Vec<(f64, f64)>>;

/// Lines of a LineString or MultiLineString, a point of a Point; `Err(type)` otherwise.
fn geometry(g: &Value) -> Result<(Lines, Option<(f64, f64)>), String> {
    let kind = g.get("type").and_then(Value::as_str).unwrap_or("?");
    let coords = g.get("coordinates");
    let bad = || format!("{kind} (bad coordinates)");
    match kind {
        "LineString" => Ok((vec![coords.and_then(positions).ok_or_else(bad)?], None)),
        "MultiLineString" => {
            let lines = coords
                .and_then(Value::as_array)
                .ok_or_else(bad)?
                .iter()
                .map(|l| positions(l).ok_or_else(bad))
                .collect::<Result<Vec<_>, _>>()?;
            Ok((lines, None))
        }
        "Point" => {
            let p = coords.map(|c| positions(&Value::Array(vec![c.clone()])));
            let p = p.flatten().and_then(|v| v.first().copied());
            Ok((Vec::new(), Some(p.ok_or_else(bad)?)))
        }
        other => Err(other.to_string()),
    }
}

fn street(props: &Value, lines: Vec<Vec<(f64, f64)>>, point: Option<(f64, f64)>) -> Option<Street> {
    let text = |k: &str| {
        props
            .get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .unwrap_or("")
    };
    let name = LocalText::new(text("name"), text("name_en"));
    let all: Vec<(f64, f64)> = lines.iter().flatten().copied().chain(point).collect();
    let first = *all.first()?;
    let bbox = all
        .iter()
        .fold([first.0, first.1, first.0, first.1], |b, p| {
            [b[0].min(p.0), b[1].min(p.1), b[2].max(p.0), b[3].max(p.1)]
        });
    let anchor = point.unwrap_or_else(|| {
        let longest = lines
            .iter()
            .max_by_key(|l| l.len())
            .cloned()
            .unwrap_or_default();
        longest.get(longest.len() / 2).copied().unwrap_or(first)
    });
    let kind = Some(text("kind").to_lowercase()).filter(|k| !k.is_empty());
    Some(Street {
        name,
        kind,
        lines,
        anchor,
        bbox,
    })
}

impl Streets {
    /// Reads a streets file; the problems name each feature left out.
    pub fn parse(file: &str, text: &str) -> (Streets, Vec<Problem>) {
        let doc: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                let detail = e.to_string();
                return (
                    Streets::default(),
                    vec![Problem::file_error(
                        file,
                        ProblemKind::JsonSyntax { detail },
                    )],
                );
            }
        };
        let Some(features) = doc.get("features").and_then(Value::as_array) else {
            let found = doc
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or("?")
                .to_string();
            return (
                Streets::default(),
                vec![Problem::file_error(
                    file,
                    ProblemKind::NotAFeatureCollection { found },
                )],
            );
        };
        let mut items = Vec::new();
        let mut problems = Vec::new();
        for (i, f) in features.iter().enumerate() {
            let props = f.get("properties").cloned().unwrap_or(Value::Null);
            let problem = |kind| Problem {
                severity: crate::Severity::Warning,
                location: Location {
                    file: file.into(),
                    feature_index: Some(i),
                    feature_id: props.get("name").and_then(Value::as_str).map(String::from),
                    ..Default::default()
                },
                kind,
            };
            let g = f.get("geometry").unwrap_or(&Value::Null);
            match geometry(g) {
                Err(found) => problems.push(problem(ProblemKind::NotAStreet { found })),
                Ok((lines, point)) => match street(&props, lines, point) {
                    Some(s) if !s.name.fa.is_empty() || !s.name.en.is_empty() => items.push(s),
                    Some(_) => problems.push(problem(ProblemKind::UnnamedStreet)),
                    None => problems.push(problem(ProblemKind::EmptyGeometry)),
                },
            }
        }
        (Streets { items }, problems)
    }

    /// The streets whose name, in either language, holds the typed text, in file order (at most
    /// 20). Both sides are folded ([`fold`]: Arabic and Persian letter forms, digits, the
    /// zero-width non-joiner), and words that name a kind of way (`خیابان`, `کوچه`, `بن‌بست`,
    /// `street`…) are dropped from both, so "کوچه گلستان" finds "خیابان گلستان". A whole-name
    /// match comes first. Text under 2 characters finds nothing.
    pub fn find(&self, text: &str) -> Vec<usize> {
        let needle = key(text);
        if needle.chars().count() < 2 {
            return Vec::new();
        }
        let names = |s: &Street| [key(&s.name.fa), key(&s.name.en)];
        let whole: Vec<usize> = (0..self.items.len())
            .filter(|&i| names(&self.items[i]).contains(&needle))
            .collect();
        if !whole.is_empty() {
            return whole;
        }
        (0..self.items.len())
            .filter(|&i| names(&self.items[i]).iter().any(|n| n.contains(&needle)))
            .take(20)
            .collect()
    }
}
