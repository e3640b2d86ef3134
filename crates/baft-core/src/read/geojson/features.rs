//! Reading a file's features and their geometries, with a problem per bad feature.

#[allow(unused_imports)]
use super::*;
use crate::error::{Location, Problem, ProblemKind, Severity};
use crate::read::properties::{text, Properties};

/// The properties a feature's id is looked for in when its layer names none, in this order.
pub const ID_PROPERTIES: [&str; 4] = ["id", "block_id", "zone_id", "code"];

/// A feature's id, by the one rule every reader, layer and message uses: the layer's
/// `id_property` when it names one, else the first of [`ID_PROPERTIES`] with a value; failing
/// that, the feature's own `id` member. Text is trimmed; a number is its digits.
///
/// ```
/// use baft_core::read::geojson::feature_id;
/// use baft_core::read::properties::Properties;
/// let p = Properties::from_json_text(r#"{"plot_id": "QB-0185-001", "block_id": "QB-0185"}"#);
/// assert_eq!(feature_id(Some("plot_id"), &p, None).as_deref(), Some("QB-0185-001"));
/// assert_eq!(feature_id(None, &p, Some("7")).as_deref(), Some("QB-0185"));
/// assert_eq!(feature_id(Some("nope"), &p, Some("7")).as_deref(), Some("7"));
/// ```
pub fn feature_id(
    id_property: Option<&str>,
    properties: &Properties,
    member: Option<&str>,
) -> Option<String> {
    let named = match id_property {
        Some(k) => text(&properties.get(k)),
        None => properties.pick(ID_PROPERTIES).iter().find_map(text),
    };
    named.or_else(|| member.map(str::to_string))
}

impl RawFeature {
    /// Its id in a layer read by `id_property` ([`feature_id`]).
    pub fn id_by(&self, id_property: Option<&str>) -> Option<String> {
        feature_id(id_property, &self.properties, self.id.as_deref())
    }
}

/// Reads a zone file. `Err` only when the file as a whole is unusable (bad JSON, not a
/// FeatureCollection); otherwise the good features with the problems of the bad ones, each
/// named by [`feature_id`] with no id property (see [`parse_feature_collection_by`]).
pub fn parse_feature_collection(file: &str, text: &str) -> Result<RawFile, Problem> {
    parse_feature_collection_by(file, text, None)
}

/// [`parse_feature_collection`] for a layer read by `id_property`: its problems name each
/// feature as the layer will.
pub fn parse_feature_collection_by(
    file: &str,
    text: &str,
    id_property: Option<&str>,
) -> Result<RawFile, Problem> {
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
        match read_feature(file, index, slot, id_property) {
            Ok((f, warnings)) => {
                out.problems.extend(warnings);
                out.features.push(f);
            }
            Err(p) => out.problems.push(p),
        }
    }
    Ok(out)
}

fn read_feature(
    file: &str,
    index: usize,
    slot: FeatureSlot,
    id_property: Option<&str>,
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
    let id = text(&id);
    let shown_id = feature_id(id_property, &properties, id.as_deref());
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
    let polys = polygon_nodes(g)?;
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
            poly.push(read_ring(pos, pi, ri, &mut warnings)?);
        }
        out.push(poly);
    }
    Ok((out, warnings))
}

/// The coordinate node of each polygon of a Polygon or MultiPolygon geometry (at least one);
/// else the problem with its type or coordinates.
fn polygon_nodes(g: &RawGeometry) -> Result<Vec<&Node>, ProblemKind> {
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
    Ok(polys)
}

/// Reads ring `ri` of polygon `pi` from its positions, closing it (and pushing a warning) when
/// open; a ring needs finite positions and at least four of them once closed.
fn read_ring(
    pos: &[Node],
    pi: usize,
    ri: usize,
    warnings: &mut Vec<ProblemKind>,
) -> Result<Ring, ProblemKind> {
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
    Ok(ring)
}

fn kind_or_q(k: &str) -> String {
    if k.is_empty() {
        "?".into()
    } else {
        k.into()
    }
}
