//! A regeneration layer loaded into memory and prepared for fast queries.
//!
//! Each zone (a block or a neighbourhood) is kept twice: in lon/lat for drawing, and in
//! Baft's local metric frame (see [`crate::geometry::projection`]) for every computation, so that
//! tolerances, distances and areas are in true metres.
//!
//! Preparation:
//! - an R-tree over the zones' bounding boxes (the `rstar` crate), so a query only looks at
//!   zones whose box is near the point;
//! - per zone, a flat edge list; zones with many edges also get a horizontal band index,
//!   so that point-in-polygon and near-edge tests look only at edges in the point's band.
//!
//! Geometry checks done here, after projection: consecutive duplicate vertices are dropped
//! silently; rings with no area, rings that cross themselves and holes outside their shell
//! make the feature invalid (reported, left out).

pub mod offices;
pub mod parcels;
mod reference;
pub mod versions;

pub use reference::{LayerRef, VersionRef, ZoneRef};

use crate::error::{Location, Problem, ProblemKind, Severity};
use crate::geometry::crs::{self, Looks, SourceCrs};
pub(crate) use crate::geometry::prepared::Prepared;
use crate::geometry::projection::TransverseMercator;
use crate::read::geojson::{self, RawFeature};
use crate::read::manifest::{BoundaryVersion, LayerSpec, LocalText};
use crate::read::properties::Properties;
use geo::{Area, Coord, LineString, MultiPolygon, Polygon};
use rstar::{PointDistance, RTree, RTreeObject, AABB};
use serde_json::Value;

/// A block or zone of a layer.
#[derive(Debug, Clone)]
pub struct Zone {
    /// Block or zone id (from the id property, or `#index` when missing).
    pub id: String,
    pub name: LocalText,
    /// Index of the feature in its file.
    pub feature_index: usize,
    /// The feature's properties, as JSON text (read fields with `pick`).
    pub properties: Properties,
    /// Geometry in (lon, lat) degrees, for drawing.
    pub lon_lat: MultiPolygon<f64>,
    /// Geometry in the local metric frame (metres), for computing.
    pub local: MultiPolygon<f64>,
    /// Area in m².
    pub area_m2: f64,
    pub(crate) prepared: Prepared,
    pub(crate) reference: std::sync::Arc<ZoneRef>,
}

/// A zone's bounding box in the R-tree.
#[derive(Debug, Clone)]
pub(crate) struct ZoneBox {
    pub(crate) zone: u32,
    env: AABB<[f64; 2]>,
}

impl RTreeObject for ZoneBox {
    type Envelope = AABB<[f64; 2]>;
    fn envelope(&self) -> Self::Envelope {
        self.env
    }
}

impl PointDistance for ZoneBox {
    fn distance_2(&self, p: &[f64; 2]) -> f64 {
        self.env.distance_2(p)
    }
}

/// A layer at one boundary version, loaded and indexed.
#[derive(Debug, Clone)]
pub struct Layer {
    pub spec: LayerSpec,
    pub version: BoundaryVersion,
    /// The coordinate system the file was in.
    pub source_crs: Option<SourceCrs>,
    pub zones: Vec<Zone>,
    pub(crate) tree: RTree<ZoneBox>,
    /// Problems found while loading (the valid zones are kept).
    pub problems: Vec<Problem>,
    pub(crate) reference: std::sync::Arc<LayerRef>,
}

impl Layer {
    /// Reads a layer file (`file` names it in problems) into the local frame `frame`.
    /// The declared CRS comes from the manifest's version entry, else the file's `crs` member.
    /// Never fails: an unusable file gives a layer with no zones and an error problem.
    pub fn load(
        spec: &LayerSpec,
        version: &BoundaryVersion,
        file: &str,
        text: &str,
        frame: &TransverseMercator,
    ) -> Layer {
        match geojson::parse_feature_collection(file, text) {
            Ok(raw) => Self::load_raw(spec, version, file, raw, frame),
            Err(p) => {
                let mut layer =
                    Self::load_raw(spec, version, file, geojson::RawFile::default(), frame);
                layer.problems = vec![p];
                layer
            }
        }
    }

    /// Like [`Self::load`], from features already read (GeoJSON or a pack).
    pub fn load_raw(
        spec: &LayerSpec,
        version: &BoundaryVersion,
        file: &str,
        raw: geojson::RawFile,
        frame: &TransverseMercator,
    ) -> Layer {
        let mut layer = Layer {
            spec: spec.clone(),
            version: version.clone(),
            source_crs: None,
            zones: Vec::new(),
            tree: RTree::new(),
            problems: Vec::new(),
            reference: LayerRef::build(spec, version),
        };
        layer.add_raw(file, raw, frame);
        layer
    }

    fn add_raw(&mut self, file: &str, raw: geojson::RawFile, frame: &TransverseMercator) {
        self.add_zones(file, raw, frame);
        self.finish(file);
    }

    /// Adds the zones of `raw` without indexing them yet (see [`Self::finish`]).
    pub(crate) fn add_zones(
        &mut self,
        file: &str,
        raw: geojson::RawFile,
        frame: &TransverseMercator,
    ) {
        let layer = self;
        let spec = &layer.spec.clone();
        let version = &layer.version.clone();
        let file_problem = |kind| Problem::file_error(file, kind);
        layer.problems.extend(raw.problems);
        let declared = match version
            .crs
            .as_deref()
            .or(raw.crs_name.as_deref())
            .map(SourceCrs::parse)
        {
            None => None,
            Some(Ok(c)) => Some(c),
            Some(Err(k)) => {
                layer.problems.push(file_problem(k));
                return;
            }
        };
        let looks: Vec<Looks> = raw
            .features
            .iter()
            .map(|f| crs::classify(feature_bbox(f)))
            .collect();
        let source = match crs::decide(declared, &looks) {
            Ok(c) => c,
            Err(ProblemKind::OutsideIran { .. }) => {
                let b = raw
                    .features
                    .first()
                    .map(feature_bbox)
                    .unwrap_or((0.0, 0.0, 0.0, 0.0));
                layer.problems.push(file_problem(ProblemKind::OutsideIran {
                    lon: b.0,
                    lat: b.1,
                }));
                return;
            }
            Err(k) => {
                layer.problems.push(file_problem(k));
                return;
            }
        };
        layer.source_crs = Some(source);
        let want = crs::expected_look(source);
        for (mut f, look) in raw.features.into_iter().zip(looks) {
            let id = feature_id(spec, &f);
            let loc = Location {
                file: file.into(),
                feature_index: Some(f.index),
                feature_id: id.clone(),
                ..Default::default()
            };
            if look != want {
                let kind = match look {
                    Looks::LatLon | Looks::SwappedMetres => ProblemKind::SwappedAxes,
                    _ => ProblemKind::MixedCrs { crs: source.epsg() },
                };
                layer.problems.push(Problem {
                    severity: Severity::Error,
                    location: loc,
                    kind,
                });
                continue;
            }
            if id.is_none() {
                layer.problems.push(Problem {
                    severity: Severity::Warning,
                    location: loc.clone(),
                    kind: ProblemKind::MissingId,
                });
            }
            match build_zone(spec, &mut f, id, source, frame) {
                Ok(z) => layer.zones.push(z),
                Err(kind) => layer.problems.push(Problem {
                    severity: Severity::Error,
                    location: loc,
                    kind,
                }),
            }
        }
        if let (SourceCrs::Utm { .. }, Some(z)) = (source, layer.zones.first()) {
            let c = z.lon_lat.0[0].exterior().0[0];
            if !crs::in_iran(c.x, c.y) {
                layer.zones.clear();
                layer.problems.push(file_problem(ProblemKind::OutsideIran {
                    lon: c.x,
                    lat: c.y,
                }));
            }
        }
    }

    /// Builds the R-tree over the zones added so far (and notes an empty layer).
    pub(crate) fn finish(&mut self, file: &str) {
        let layer = self;
        if layer.zones.is_empty()
            && !layer
                .problems
                .iter()
                .any(|p| p.severity == Severity::Error && p.location.feature_index.is_none())
        {
            layer
                .problems
                .push(Problem::file_error(file, ProblemKind::EmptyLayer));
        }
        layer.tree = RTree::bulk_load(
            layer
                .zones
                .iter()
                .enumerate()
                .map(|(i, z)| {
                    let b = z.prepared.bbox();
                    ZoneBox {
                        zone: i as u32,
                        env: AABB::from_corners([b[0], b[1]], [b[2], b[3]]),
                    }
                })
                .collect(),
        );
    }

    /// The layer and version as results name them.
    pub fn reference(&self) -> std::sync::Arc<LayerRef> {
        self.reference.clone()
    }

    /// Whether the layer has at least one usable zone.
    pub fn is_usable(&self) -> bool {
        !self.zones.is_empty()
    }

    /// Zones whose bounding box comes within `r` metres of (x, y).
    pub(crate) fn candidates(&self, x: f64, y: f64, r: f64) -> impl Iterator<Item = &Zone> {
        self.indexed_candidates(x, y, r).map(|(_, z)| z)
    }

    /// [`Self::candidates`] with each zone's index in `zones` (the R-tree stores it, so no
    /// search is needed to find it).
    pub(crate) fn indexed_candidates(
        &self,
        x: f64,
        y: f64,
        r: f64,
    ) -> impl Iterator<Item = (usize, &Zone)> {
        self.indexed_candidates_in([x - r, y - r, x + r, y + r])
    }

    /// Zones whose bounding box intersects the box `b` (local metres).
    pub(crate) fn candidates_in(&self, b: [f64; 4]) -> impl Iterator<Item = &Zone> {
        self.indexed_candidates_in(b).map(|(_, z)| z)
    }

    /// [`Self::candidates_in`] with each zone's index in `zones`.
    pub(crate) fn indexed_candidates_in(
        &self,
        b: [f64; 4],
    ) -> impl Iterator<Item = (usize, &Zone)> {
        let env = AABB::from_corners([b[0], b[1]], [b[2], b[3]]);
        self.tree
            .locate_in_envelope_intersecting(&env)
            .map(|e| (e.zone as usize, &self.zones[e.zone as usize]))
    }

    /// The zone nearest to (x, y) and the distance to its boundary, by exact distance,
    /// visiting zones in order of their bounding-box distance.
    pub(crate) fn nearest(&self, x: f64, y: f64) -> Option<(&Zone, f64)> {
        let mut best: Option<(&Zone, f64)> = None;
        for (b, d2) in self.tree.nearest_neighbor_iter_with_distance_2(&[x, y]) {
            if best.is_some_and(|(_, d)| d2.sqrt() > d) {
                break;
            }
            let z = &self.zones[b.zone as usize];
            let d = z.prepared.boundary_distance(x, y);
            if best.is_none_or(|(_, bd)| d < bd) {
                best = Some((z, d));
            }
        }
        best
    }
}

fn feature_bbox(f: &RawFeature) -> (f64, f64, f64, f64) {
    crs::bbox_of(f.polygons.iter().flatten().flatten().copied())
}

fn text_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn feature_id(spec: &LayerSpec, f: &RawFeature) -> Option<String> {
    if let Some(k) = &spec.id_property {
        return text_of(f.properties.get(k).as_ref()).or_else(|| f.id.clone());
    }
    f.properties
        .pick(["id", "block_id", "zone_id", "code"])
        .iter()
        .find_map(|v| text_of(v.as_ref()))
        .or_else(|| f.id.clone())
}

/// Builds a zone: projects, cleans, validates and prepares it.
pub(crate) fn build_zone(
    spec: &LayerSpec,
    f: &mut RawFeature,
    id: Option<String>,
    source: SourceCrs,
    frame: &TransverseMercator,
) -> Result<Zone, ProblemKind> {
    let [named, name_fa, name, name_en] = f.properties.pick([
        spec.name_property.as_deref().unwrap_or("name_fa"),
        "name_fa",
        "name",
        spec.name_en_property.as_deref().unwrap_or("name_en"),
    ]);
    let name_fa = [named, name_fa, name]
        .iter()
        .find_map(|v| text_of(v.as_ref()))
        .unwrap_or_default();
    let name_en = text_of(name_en.as_ref()).unwrap_or_default();
    let (lon_lat, local) = project_polygons(&f.polygons, source, frame)?;
    let prepared = Prepared::new(&local);
    let id = id.unwrap_or_else(|| format!("#{}", f.index));
    let name = LocalText {
        fa: name_fa,
        en: name_en,
    };
    Ok(Zone {
        reference: std::sync::Arc::new(ZoneRef {
            id: id.clone(),
            name: name.clone(),
        }),
        id,
        name,
        feature_index: f.index,
        properties: std::mem::take(&mut f.properties),
        area_m2: local.unsigned_area(),
        lon_lat,
        local,
        prepared,
    })
}

/// Projects rings from the source system to (lon, lat) and local metres, dropping repeated
/// vertices and rejecting rings with no area, crossing rings and holes outside the shell.
pub fn project_polygons(
    polys: &[Vec<Vec<(f64, f64)>>],
    source: SourceCrs,
    frame: &TransverseMercator,
) -> Result<(MultiPolygon<f64>, MultiPolygon<f64>), ProblemKind> {
    let mut ll_polys = Vec::with_capacity(polys.len());
    let mut local_polys = Vec::with_capacity(polys.len());
    for (pi, rings) in polys.iter().enumerate() {
        let mut ll_rings: Vec<LineString<f64>> = Vec::with_capacity(rings.len());
        let mut local_rings: Vec<LineString<f64>> = Vec::with_capacity(rings.len());
        let mut holes: Vec<(Prepared, (f64, f64, f64, f64))> = Vec::new();
        for (ri, ring) in rings.iter().enumerate() {
            let mut ll: Vec<Coord<f64>> = Vec::with_capacity(ring.len());
            let mut lc: Vec<(f64, f64)> = Vec::with_capacity(ring.len());
            for &(x, y) in ring {
                let (lon, lat) = source.to_lon_lat(x, y);
                if !lon.is_finite() || !lat.is_finite() {
                    return Err(ProblemKind::Unconvertible { x, y });
                }
                if ll
                    .last()
                    .is_some_and(|c: &Coord<f64>| c.x == lon && c.y == lat)
                {
                    continue;
                }
                ll.push(Coord { x: lon, y: lat });
                lc.push(frame.forward(lon, lat));
            }
            if lc.len() < 4 {
                return Err(ProblemKind::TooFewPoints {
                    polygon: pi,
                    ring: ri,
                    count: lc.len(),
                });
            }
            // No area: judged in the file's own coordinates (a "flat" ring along a parallel in
            // lon/lat is slightly curved once projected), and in metres (under 1 cm²).
            let area2_local: f64 = lc
                .windows(2)
                .map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1)
                .sum();
            let (x0, y0) = ring[0];
            let area2_src: f64 = ring
                .windows(2)
                .map(|w| (w[0].0 - x0) * (w[1].1 - y0) - (w[1].0 - x0) * (w[0].1 - y0))
                .sum();
            let (mut bw, mut bh) = (0.0f64, 0.0f64);
            for &(x, y) in ring {
                bw = bw.max((x - x0).abs());
                bh = bh.max((y - y0).abs());
            }
            // A bow-tie's lobes cancel out: its signed area is nil too, but not the sum of its
            // triangles' areas (a fan from the first corner). That is a crossing, not "no area".
            let (lx0, ly0) = lc[0];
            let fan_local: f64 = lc
                .windows(2)
                .map(|w| ((w[0].0 - lx0) * (w[1].1 - ly0) - (w[1].0 - lx0) * (w[0].1 - ly0)).abs())
                .sum();
            let fan_src: f64 = ring
                .windows(2)
                .map(|w| ((w[0].0 - x0) * (w[1].1 - y0) - (w[1].0 - x0) * (w[0].1 - y0)).abs())
                .sum();
            let tiny_src = 1e-9 * (bw * bw + bh * bh);
            let no_signed_area = area2_src.abs() <= tiny_src || area2_local.abs() < 2e-4;
            let flat = fan_src <= tiny_src || fan_local < 2e-4;
            let zero_area = || ProblemKind::ZeroAreaRing {
                polygon: pi,
                ring: ri,
            };
            if no_signed_area && flat {
                return Err(zero_area());
            }
            if let Some((x, y)) = geojson::ring_self_intersection(&lc) {
                let (lon, lat) = frame.inverse(x, y);
                return Err(ProblemKind::SelfIntersection {
                    polygon: pi,
                    ring: ri,
                    lon,
                    lat,
                });
            }
            if no_signed_area {
                return Err(zero_area());
            }
            if ri > 0 {
                let shell = Prepared::new(&MultiPolygon(vec![Polygon::new(
                    local_rings[0].clone(),
                    vec![],
                )]));
                // A hole must lie inside its shell: its vertices must not be strictly outside.
                let outside = lc.iter().any(|&(x, y)| {
                    !shell.contains(x, y) && shell.nearest_edge_within(x, y, 1e-6).is_none()
                });
                if outside {
                    return Err(ProblemKind::HoleOutsideShell {
                        polygon: pi,
                        ring: ri,
                    });
                }
                // Holes must be apart: none inside (or overlapping) another.
                let bbox = crs::bbox_of(lc.iter().copied());
                let this = Prepared::new(&MultiPolygon(vec![Polygon::new(
                    LineString(lc.iter().map(|&(x, y)| Coord { x, y }).collect()),
                    vec![],
                )]));
                let strictly_in = |p: &Prepared, (x, y): (f64, f64)| {
                    p.contains(x, y) && p.nearest_edge_within(x, y, 1e-6).is_none()
                };
                for (hj, (other, obox)) in holes.iter().enumerate() {
                    let apart =
                        bbox.2 < obox.0 || obox.2 < bbox.0 || bbox.3 < obox.1 || obox.3 < bbox.1;
                    if apart {
                        continue;
                    }
                    let other_ring: &LineString<f64> = &local_rings[hj + 1];
                    // Vertices strictly inside the other, or the same place (a hole given
                    // twice): a point inside one hole is inside the other.
                    let inner = |r: &LineString<f64>| {
                        crate::geometry::interior::polygon_interior_point(&Polygon::new(
                            r.clone(),
                            vec![],
                        ))
                    };
                    let this_ring =
                        LineString(lc.iter().map(|&(x, y)| Coord { x, y }).collect::<Vec<_>>());
                    if lc.iter().any(|&p| strictly_in(other, p))
                        || other_ring.0.iter().any(|c| strictly_in(&this, (c.x, c.y)))
                        || inner(&this_ring).is_some_and(|p| strictly_in(other, p))
                        || inner(other_ring).is_some_and(|p| strictly_in(&this, p))
                    {
                        return Err(ProblemKind::HoleInsideHole {
                            polygon: pi,
                            ring: ri,
                            other: hj + 1,
                        });
                    }
                }
                holes.push((this, bbox));
            }
            ll_rings.push(LineString(ll));
            local_rings.push(LineString(
                lc.into_iter().map(|(x, y)| Coord { x, y }).collect(),
            ));
        }
        let mut ll_it = ll_rings.into_iter();
        let mut lc_it = local_rings.into_iter();
        if let (Some(ls), Some(lcs)) = (ll_it.next(), lc_it.next()) {
            ll_polys.push(Polygon::new(ls, ll_it.collect()));
            local_polys.push(Polygon::new(lcs, lc_it.collect()));
        }
    }
    if local_polys.is_empty() {
        return Err(ProblemKind::EmptyGeometry);
    }
    Ok((MultiPolygon(ll_polys), MultiPolygon(local_polys)))
}

impl Layer {
    /// The layer's zones as a lon/lat GeoJSON FeatureCollection (whatever the source system),
    /// with `id`, `name` and `name_en` properties: what the map draws.
    pub fn display_geojson(&self) -> String {
        let mut out = String::with_capacity(self.zones.len() * 256);
        out.push_str(r#"{"type":"FeatureCollection","features":["#);
        for (k, z) in self.zones.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            let props = serde_json::json!({"id": z.id, "name": z.name.fa, "name_en": z.name.en});
            out.push_str(r#"{"type":"Feature","properties":"#);
            out.push_str(&props.to_string());
            out.push_str(r#","geometry":{"type":"MultiPolygon","coordinates":["#);
            for (pi, p) in z.lon_lat.0.iter().enumerate() {
                if pi > 0 {
                    out.push(',');
                }
                out.push('[');
                for (ri, r) in std::iter::once(p.exterior())
                    .chain(p.interiors())
                    .enumerate()
                {
                    if ri > 0 {
                        out.push(',');
                    }
                    push_ring_json(&mut out, r);
                }
                out.push(']');
            }
            out.push_str("]}}");
        }
        out.push_str("]}");
        out
    }
}

/// A plot's rings of (lon, lat), the first the outer ring, as a GeoJSON Polygon (for drawing).
///
/// ```
/// let g = baft_core::layer::polygon_geojson(&[vec![(51.0, 35.0), (51.1, 35.0), (51.0, 35.1), (51.0, 35.0)]]);
/// assert!(g.starts_with(r#"{"type":"Polygon","coordinates":[[[51.0000000,35.0000000],"#));
/// ```
pub fn polygon_geojson(rings: &[Vec<(f64, f64)>]) -> String {
    let mut out = String::from(r#"{"type":"Polygon","coordinates":["#);
    for (i, r) in rings.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let line = geo::LineString::from(r.clone());
        push_ring_json(&mut out, &line);
    }
    out.push_str("]}");
    out
}

/// Appends a ring as a GeoJSON position array, 7 decimals (about 1 cm).
pub(crate) fn push_ring_json(out: &mut String, ring: &geo::LineString<f64>) {
    out.push('[');
    for (k, c) in ring.0.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push_str(&format!("[{:.7},{:.7}]", c.x, c.y));
    }
    out.push(']');
}
