//! Reading GeoJSON zone files, feature by feature, without ever failing on one bad feature.
//!
//! A file must be a FeatureCollection of Polygon or MultiPolygon features (holes allowed).
//! A JSON syntax error makes the whole file unusable and is reported with its line and
//! column. Everything else is judged per feature and reported as a [`Problem`] naming the
//! file, the feature's index and id: `geometry: null`, wrong geometry types, bad positions,
//! rings with fewer than four positions, and unclosed rings (closed automatically, as a
//! warning). Geometric checks (zero area, self-intersections, holes outside their shell)
//! happen after projection, in [`crate::layer`].
//!
//! Coordinates stay in the file's own system here; [`crate::geometry::crs`] decides what it is.

use crate::error::{Location, Problem, ProblemKind, Severity};
use crate::read::properties::Properties;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::fmt;

/// A ring as positions `(x, y)` in the file's coordinate system, closed (first == last).
pub type Ring = Vec<(f64, f64)>;
/// A polygon: the shell, then holes.
pub type RawPolygon = Vec<Ring>;

/// A feature that passed the structural checks.
#[derive(Debug, Clone)]
pub struct RawFeature {
    /// Index of the feature in the file's `features` array.
    pub index: usize,
    /// The feature's `id` member, if any.
    pub id: Option<String>,
    pub properties: Properties,
    /// One or more polygons (a Polygon gives one).
    pub polygons: Vec<RawPolygon>,
}

/// A parsed file: the usable features, the `crs` member's name if present, and problems.
#[derive(Debug, Clone, Default)]
pub struct RawFile {
    pub features: Vec<RawFeature>,
    pub crs_name: Option<String>,
    pub problems: Vec<Problem>,
}

/// A coordinate tree as found in `coordinates`, any depth.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Num(f64),
    Pos(f64, f64),
    List(Vec<Node>),
    Null,
    Other,
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;
impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a coordinate array")
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Num(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Num(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Num(v as f64))
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Node, E> {
        Ok(Node::Other)
    }
    fn visit_str<E>(self, _: &str) -> Result<Node, E> {
        Ok(Node::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Node, A::Error> {
        while m.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Node::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        match seq.next_element::<Node>()? {
            None => Ok(Node::List(Vec::new())),
            Some(Node::Num(x)) => {
                let mut y = None;
                let mut ok = true;
                while let Some(e) = seq.next_element::<Node>()? {
                    match e {
                        Node::Num(v) if y.is_none() => y = Some(v),
                        Node::Num(_) => {}
                        _ => ok = false,
                    }
                }
                Ok(match (ok, y) {
                    (true, Some(y)) => Node::Pos(x, y),
                    _ => Node::Other,
                })
            }
            Some(first) => {
                let mut v = vec![first];
                while let Some(e) = seq.next_element::<Node>()? {
                    v.push(e);
                }
                Ok(Node::List(v))
            }
        }
    }
}

/// A geometry object, read leniently.
#[derive(Debug, Default)]
pub(crate) struct RawGeometry {
    pub kind: Option<String>,
    pub coordinates: Option<Node>,
}

/// `geometry` may be null, an object, or garbage.
#[derive(Debug)]
pub(crate) enum GeometrySlot {
    Null,
    Geometry(RawGeometry),
    NotObject,
}

impl<'de> Deserialize<'de> for GeometrySlot {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = GeometrySlot;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a geometry")
            }
            fn visit_unit<E>(self) -> Result<GeometrySlot, E> {
                Ok(GeometrySlot::Null)
            }
            fn visit_none<E>(self) -> Result<GeometrySlot, E> {
                Ok(GeometrySlot::Null)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<GeometrySlot, A::Error> {
                let mut g = RawGeometry::default();
                while let Some(k) = m.next_key::<String>()? {
                    match k.as_str() {
                        "type" => g.kind = m.next_value::<Value>()?.as_str().map(str::to_string),
                        "coordinates" => g.coordinates = Some(m.next_value()?),
                        _ => {
                            m.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(GeometrySlot::Geometry(g))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<GeometrySlot, A::Error> {
                while s.next_element::<IgnoredAny>()?.is_some() {}
                Ok(GeometrySlot::NotObject)
            }
            fn visit_bool<E>(self, _: bool) -> Result<GeometrySlot, E> {
                Ok(GeometrySlot::NotObject)
            }
            fn visit_f64<E>(self, _: f64) -> Result<GeometrySlot, E> {
                Ok(GeometrySlot::NotObject)
            }
            fn visit_i64<E>(self, _: i64) -> Result<GeometrySlot, E> {
                Ok(GeometrySlot::NotObject)
            }
            fn visit_u64<E>(self, _: u64) -> Result<GeometrySlot, E> {
                Ok(GeometrySlot::NotObject)
            }
            fn visit_str<E>(self, _: &str) -> Result<GeometrySlot, E> {
                Ok(GeometrySlot::NotObject)
            }
        }
        d.deserialize_any(V)
    }
}

/// A feature (or anything else in the `features` array).
#[derive(Debug)]
pub(crate) enum FeatureSlot {
    Feature {
        id: Option<Value>,
        properties: Option<Box<serde_json::value::RawValue>>,
        geometry: Option<GeometrySlot>,
    },
    NotObject,
}

impl<'de> Deserialize<'de> for FeatureSlot {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FeatureSlot;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a feature")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<FeatureSlot, A::Error> {
                let (mut id, mut properties, mut geometry) = (None, None, None);
                while let Some(k) = m.next_key::<String>()? {
                    match k.as_str() {
                        "id" => id = Some(m.next_value::<Value>()?),
                        // Kept as text, not parsed into a map: see `crate::read::properties`.
                        "properties" => properties = Some(m.next_value()?),
                        "geometry" => geometry = Some(m.next_value::<GeometrySlot>()?),
                        _ => {
                            m.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(FeatureSlot::Feature {
                    id,
                    properties,
                    geometry,
                })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<FeatureSlot, A::Error> {
                while s.next_element::<IgnoredAny>()?.is_some() {}
                Ok(FeatureSlot::NotObject)
            }
            fn visit_unit<E>(self) -> Result<FeatureSlot, E> {
                Ok(FeatureSlot::NotObject)
            }
            fn visit_bool<E>(self, _: bool) -> Result<FeatureSlot, E> {
                Ok(FeatureSlot::NotObject)
            }
            fn visit_f64<E>(self, _: f64) -> Result<FeatureSlot, E> {
                Ok(FeatureSlot::NotObject)
            }
            fn visit_i64<E>(self, _: i64) -> Result<FeatureSlot, E> {
                Ok(FeatureSlot::NotObject)
            }
            fn visit_u64<E>(self, _: u64) -> Result<FeatureSlot, E> {
                Ok(FeatureSlot::NotObject)
            }
            fn visit_str<E>(self, _: &str) -> Result<FeatureSlot, E> {
                Ok(FeatureSlot::NotObject)
            }
        }
        d.deserialize_any(V)
    }
}

/// The top-level object of any GeoJSON text: FeatureCollection, Feature or bare geometry.
#[derive(Debug, Deserialize)]
pub(crate) struct TopLevel {
    #[serde(rename = "type")]
    pub kind: Option<Value>,
    pub features: Option<Vec<FeatureSlot>>,
    pub crs: Option<Value>,
    pub geometry: Option<GeometrySlot>,
    pub coordinates: Option<Node>,
}

impl TopLevel {
    /// The `type` member as text ("" when missing or not a string).
    pub(crate) fn kind_str(&self) -> String {
        self.kind
            .as_ref()
            .and_then(|k| k.as_str())
            .unwrap_or("")
            .to_string()
    }
}

/// Parses the text as JSON into the top-level object, or a syntax problem with line/column.
pub(crate) fn parse_top(file: &str, text: &str) -> Result<TopLevel, Problem> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if let Some(format) = crate::read::json_error::sniff(text) {
        return Err(Problem::file_error(
            file,
            ProblemKind::NotGeoJson {
                format: format.into(),
            },
        ));
    }
    serde_json::from_str::<TopLevel>(text).map_err(|e| {
        let syntax = crate::read::json_error::is_syntax(&e);
        let detail = if syntax {
            crate::read::json_error::syntax_detail(text, &e)
        } else {
            crate::read::json_error::data_detail(text, &e)
        };
        Problem {
            severity: Severity::Error,
            location: Location {
                file: file.into(),
                line: Some(e.line()),
                column: Some(e.column()),
                ..Default::default()
            },
            kind: if syntax {
                ProblemKind::JsonSyntax { detail }
            } else {
                ProblemKind::JsonStructure {
                    field: crate::read::json_error::field_of(text, &e),
                    detail,
                }
            },
        }
    })
}

/// The `name` of a legacy `crs` member (`{"type":"name","properties":{"name":"EPSG:32639"}}`).
pub(crate) fn crs_member_name(v: &Value) -> Option<String> {
    v.get("properties")?
        .get("name")?
        .as_str()
        .map(str::to_string)
}

/// Reads a zone file. `Err` only when the file as a whole is unusable (bad JSON, not a
/// FeatureCollection); otherwise the good features with the problems of the bad ones.
pub fn parse_feature_collection(file: &str, text: &str) -> Result<RawFile, Problem> {
    let top = parse_top(file, text)?;
    let kind = top.kind_str();
    let file_problem = |kind| Problem::file_error(file, kind);
    if kind != "FeatureCollection" {
        return Err(file_problem(ProblemKind::NotAFeatureCollection {
            found: if kind.is_empty() { "?".into() } else { kind },
        }));
    }
    let Some(slots) = top.features else {
        return Err(file_problem(ProblemKind::NoFeatures));
    };
    let mut out = RawFile {
        crs_name: top.crs.as_ref().and_then(crs_member_name),
        ..Default::default()
    };
    for (index, slot) in slots.into_iter().enumerate() {
        match read_feature(file, index, slot) {
            Ok((f, warnings)) => {
                out.problems.extend(warnings);
                out.features.push(f);
            }
            Err(p) => out.problems.push(p),
        }
    }
    Ok(out)
}

fn id_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn read_feature(
    file: &str,
    index: usize,
    slot: FeatureSlot,
) -> Result<(RawFeature, Vec<Problem>), Problem> {
    let loc = |id: Option<String>| Location {
        file: file.into(),
        feature_index: Some(index),
        feature_id: id,
        ..Default::default()
    };
    let err = |id: Option<String>, kind| Problem {
        severity: Severity::Error,
        location: loc(id),
        kind,
    };
    let FeatureSlot::Feature {
        id,
        properties,
        geometry,
    } = slot
    else {
        return Err(err(None, ProblemKind::FeatureNotObject));
    };
    let properties = properties
        .map(|raw| Properties::from_json_text(raw.get()))
        .unwrap_or_default();
    let id = id.as_ref().and_then(id_text);
    let shown_id = id.clone().or_else(|| {
        properties
            .pick(["id", "block_id", "zone_id", "code"])
            .iter()
            .find_map(|v| v.as_ref().and_then(id_text))
    });
    let geom = match geometry {
        None | Some(GeometrySlot::Null) => return Err(err(shown_id, ProblemKind::NullGeometry)),
        Some(GeometrySlot::NotObject) => return Err(err(shown_id, ProblemKind::GeometryNotObject)),
        Some(GeometrySlot::Geometry(g)) => g,
    };
    let (polygons, warnings) = geometry_polygons(&geom).map_err(|k| err(shown_id.clone(), k))?;
    let warnings = warnings
        .into_iter()
        .map(|kind| Problem {
            severity: Severity::Warning,
            location: loc(shown_id.clone()),
            kind,
        })
        .collect();
    Ok((
        RawFeature {
            index,
            id,
            properties,
            polygons,
        },
        warnings,
    ))
}

/// Converts a Polygon/MultiPolygon geometry into rings; unclosed rings are closed with a warning.
pub(crate) fn geometry_polygons(
    g: &RawGeometry,
) -> Result<(Vec<RawPolygon>, Vec<ProblemKind>), ProblemKind> {
    let kind = g.kind.clone().unwrap_or_default();
    let coords = match &g.coordinates {
        None | Some(Node::Null) => {
            return Err(if kind == "Polygon" || kind == "MultiPolygon" {
                ProblemKind::EmptyGeometry
            } else {
                ProblemKind::WrongGeometryType {
                    found: kind_or_q(&kind),
                }
            })
        }
        Some(c) => c,
    };
    let polys: Vec<&Node> = match (kind.as_str(), coords) {
        ("Polygon", n) => vec![n],
        ("MultiPolygon", Node::List(ps)) => ps.iter().collect(),
        ("MultiPolygon", _) => return Err(ProblemKind::NotPolygons),
        (other, _) => {
            return Err(ProblemKind::WrongGeometryType {
                found: kind_or_q(other),
            })
        }
    };
    if polys.is_empty() {
        return Err(ProblemKind::EmptyGeometry);
    }
    let mut warnings = Vec::new();
    let mut out = Vec::with_capacity(polys.len());
    for (pi, p) in polys.iter().enumerate() {
        let Node::List(rings) = p else {
            return Err(ProblemKind::NotRings { polygon: pi });
        };
        if rings.is_empty() {
            return Err(ProblemKind::EmptyGeometry);
        }
        let mut poly = Vec::with_capacity(rings.len());
        for (ri, r) in rings.iter().enumerate() {
            let Node::List(pos) = r else {
                return Err(ProblemKind::NotPositions {
                    polygon: pi,
                    ring: ri,
                });
            };
            let mut ring = Vec::with_capacity(pos.len() + 1);
            for (k, n) in pos.iter().enumerate() {
                match n {
                    Node::Pos(x, y) if x.is_finite() && y.is_finite() => ring.push((*x, *y)),
                    Node::Null => {
                        return Err(ProblemKind::NullPosition {
                            polygon: pi,
                            ring: ri,
                            position: k,
                        })
                    }
                    _ => {
                        return Err(ProblemKind::BadPosition {
                            polygon: pi,
                            ring: ri,
                            position: k,
                        })
                    }
                }
            }
            if ring.len() >= 3 && ring.first() != ring.last() {
                warnings.push(ProblemKind::UnclosedRing {
                    polygon: pi,
                    ring: ri,
                });
                let first = ring[0];
                ring.push(first);
            }
            if ring.len() < 4 {
                return Err(ProblemKind::TooFewPoints {
                    polygon: pi,
                    ring: ri,
                    count: ring.len(),
                });
            }
            poly.push(ring);
        }
        out.push(poly);
    }
    Ok((out, warnings))
}

fn kind_or_q(k: &str) -> String {
    if k.is_empty() {
        "?".into()
    } else {
        k.into()
    }
}

/// The first place where a closed ring crosses itself, if any: a proper crossing of two
/// non-adjacent sides, or a side touching another side away from their shared vertex.
/// `O(n log n)`-ish for large rings (sides are sorted by x and swept), `O(n²)` worst case.
pub fn ring_self_intersection(ring: &[(f64, f64)]) -> Option<(f64, f64)> {
    let n = ring.len().saturating_sub(1);
    if n < 3 {
        return None;
    }
    let mut keyed: Vec<(f64, usize)> = (0..n).map(|i| (ring[i].0.min(ring[i + 1].0), i)).collect();
    let minx = |i: usize| ring[i].0.min(ring[i + 1].0);
    let maxx = |i: usize| ring[i].0.max(ring[i + 1].0);
    keyed.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    for (k, &i) in order.iter().enumerate() {
        let hi = maxx(i);
        for &j in &order[k + 1..] {
            if minx(j) > hi {
                break;
            }
            let (a, b) = (i.min(j), i.max(j));
            let adjacent = b == a + 1 || (a == 0 && b == n - 1);
            if let Some(p) = segment_crossing(ring[a], ring[a + 1], ring[b], ring[b + 1], adjacent)
            {
                return Some(p);
            }
        }
    }
    None
}

fn orient(a: (f64, f64), b: (f64, f64), c: (f64, f64)) -> f64 {
    (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
}

/// Whether two sides intersect in a way that makes the ring invalid. Adjacent sides may only
/// share their common vertex (a collinear overlap, a spike, is invalid).
fn segment_crossing(
    p1: (f64, f64),
    p2: (f64, f64),
    q1: (f64, f64),
    q2: (f64, f64),
    adjacent: bool,
) -> Option<(f64, f64)> {
    let (d1, d2) = (orient(q1, q2, p1), orient(q1, q2, p2));
    let (d3, d4) = (orient(p1, p2, q1), orient(p1, p2, q2));
    if ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
    {
        let t = d1 / (d1 - d2);
        return Some((p1.0 + t * (p2.0 - p1.0), p1.1 + t * (p2.1 - p1.1)));
    }
    let on = |a: (f64, f64), b: (f64, f64), c: (f64, f64)| {
        c.0 >= a.0.min(b.0) && c.0 <= a.0.max(b.0) && c.1 >= a.1.min(b.1) && c.1 <= a.1.max(b.1)
    };
    if adjacent {
        // They share one endpoint; invalid only if they overlap collinearly (a spike back along the side).
        if d1 == 0.0 && d2 == 0.0 {
            let shared = if p1 == q1 || p1 == q2 { p1 } else { p2 };
            let other_p = if shared == p1 { p2 } else { p1 };
            let other_q = if shared == q1 { q2 } else { q1 };
            let dot = (other_p.0 - shared.0) * (other_q.0 - shared.0)
                + (other_p.1 - shared.1) * (other_q.1 - shared.1);
            if dot > 0.0 {
                return Some(shared);
            }
        }
        return None;
    }
    if d1 == 0.0 && on(q1, q2, p1) {
        return Some(p1);
    }
    if d2 == 0.0 && on(q1, q2, p2) {
        return Some(p2);
    }
    if d3 == 0.0 && on(p1, p2, q1) {
        return Some(q1);
    }
    if d4 == 0.0 && on(p1, p2, q2) {
        return Some(q2);
    }
    None
}
