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
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::fmt;
use std::marker::PhantomData;
mod features;
mod rings;
#[allow(unused_imports)]
pub use features::*;
#[allow(unused_imports)]
pub use rings::*;

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
    /// The feature's `properties`, kept as JSON text.
    pub properties: Properties,
    /// One or more polygons (a Polygon gives one).
    pub polygons: Vec<RawPolygon>,
}

/// A parsed file: the usable features, the `crs` member's name if present, and problems.
#[derive(Debug, Clone, Default)]
pub struct RawFile {
    /// The features that passed the structural checks, in file order.
    pub features: Vec<RawFeature>,
    /// The name in the legacy `crs` member (e.g. `EPSG:32639`), if present.
    pub crs_name: Option<String>,
    /// Problems of the features left out, and warnings on those kept.
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
/// Reads a type leniently ([`Lenient`]): its serde impl, and what null, an absent value and a
/// non-object give; the type's own `read_members` reads an object.
macro_rules! lenient {
    ($t:ident, $expecting:literal, null = $null:expr, none = $none:expr, not_object = $not:expr) => {
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_any(LenientVisitor(PhantomData))
            }
        }
        impl Lenient for $t {
            const EXPECTING: &'static str = $expecting;
            const NULL: Self = $null;
            const NONE: Option<Self> = $none;
            const NOT_OBJECT: Self = $not;
            fn read<'de, A: MapAccess<'de>>(m: A) -> Result<Self, A::Error> {
                Self::read_members(m)
            }
        }
    };
}

#[derive(Debug)]
pub(crate) enum GeometrySlot {
    Null,
    Geometry(RawGeometry),
    NotObject,
}

lenient!(
    GeometrySlot,
    "a geometry",
    null = GeometrySlot::Null,
    none = Some(GeometrySlot::Null),
    not_object = GeometrySlot::NotObject
);

impl GeometrySlot {
    /// Reads its object's members.
    fn read_members<'de, A: MapAccess<'de>>(mut m: A) -> Result<Self, A::Error> {
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

lenient!(
    FeatureSlot,
    "a feature",
    null = FeatureSlot::NotObject,
    none = None,
    not_object = FeatureSlot::NotObject
);

impl FeatureSlot {
    /// Reads its object's members.
    fn read_members<'de, A: MapAccess<'de>>(mut m: A) -> Result<Self, A::Error> {
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
}

/// A value read leniently from any JSON value: an object is read member by member, and anything
/// else (skipped whole) gives a value of its own, so that one bad feature never fails the file.
trait Lenient: Sized {
    /// What the value should be, for serde's "expected …" wording.
    const EXPECTING: &'static str;
    /// What JSON `null` gives.
    const NULL: Self;
    /// What an absent value gives; `None` for serde's usual invalid-type error.
    const NONE: Option<Self>;
    /// What a list, number, boolean or string gives.
    const NOT_OBJECT: Self;
    /// Reads an object's members.
    fn read<'de, A: MapAccess<'de>>(m: A) -> Result<Self, A::Error>;
}

/// The serde visitor of a [`Lenient`] value.
struct LenientVisitor<T>(PhantomData<T>);

impl<'de, T: Lenient> Visitor<'de> for LenientVisitor<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }
    fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<T, A::Error> {
        T::read(m)
    }
    fn visit_unit<E>(self) -> Result<T, E> {
        Ok(T::NULL)
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<T, E> {
        T::NONE.ok_or_else(|| E::invalid_type(Unexpected::Option, &self))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<T, A::Error> {
        while s.next_element::<IgnoredAny>()?.is_some() {}
        Ok(T::NOT_OBJECT)
    }
    fn visit_bool<E>(self, _: bool) -> Result<T, E> {
        Ok(T::NOT_OBJECT)
    }
    fn visit_f64<E>(self, _: f64) -> Result<T, E> {
        Ok(T::NOT_OBJECT)
    }
    fn visit_i64<E>(self, _: i64) -> Result<T, E> {
        Ok(T::NOT_OBJECT)
    }
    fn visit_u64<E>(self, _: u64) -> Result<T, E> {
        Ok(T::NOT_OBJECT)
    }
    fn visit_str<E>(self, _: &str) -> Result<T, E> {
        Ok(T::NOT_OBJECT)
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
