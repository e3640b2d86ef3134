//! A regeneration layer loaded into memory and prepared for fast queries.
//!
//! Each zone (a block or a neighbourhood) is kept twice: in lon/lat for drawing, and in
//! Baft's local metric frame (see [`crate::geometry::projection`]) for every computation, so that
//! tolerances, distances and areas are in true metres.
//!
//! Preparation:
//! - a packed Hilbert R-tree over the zones' bounding boxes ([`BoxIndex`]), so a query only
//!   looks at zones whose box is near the point;
//! - per zone, a flat edge list; zones with many edges also get a horizontal band index,
//!   so that point-in-polygon and near-edge tests look only at edges in the point's band.
//!
//! Geometry checks done here, after projection: consecutive duplicate vertices are dropped
//! silently; rings with no area, rings that cross themselves and holes outside their shell
//! make the feature invalid (reported, left out).

pub mod adjoin;
pub mod offices;
pub mod parcels;
mod reference;
pub mod streets;
pub mod versions;
pub mod working;

pub use reference::{LayerRef, VersionRef, ZoneRef};

use crate::error::{Location, Problem, ProblemKind, Severity};
use crate::geometry::box_index::BoxIndex;
use crate::geometry::crs::{self, Looks, SourceCrs};
pub(crate) use crate::geometry::prepared::Prepared;
use crate::geometry::projection::TransverseMercator;
use crate::read::geojson::{self};
use crate::read::manifest::{BoundaryVersion, LayerSpec, LocalText};
use crate::read::properties::Properties;
use geo::MultiPolygon;
mod build;
mod display;
#[allow(unused_imports)]
pub use build::*;
#[allow(unused_imports)]
pub use display::*;

/// A block or zone of a layer.
#[derive(Debug, Clone)]
pub struct Zone {
    /// Block or zone id (from the id property, or `#index` when missing).
    pub id: String,
    /// Name in Persian and English, from the layer's name properties (empty when it has none).
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

/// A layer at one boundary version, loaded and indexed.
#[derive(Debug, Clone)]
pub struct Layer {
    /// The layer's entry in the manifest.
    pub spec: LayerSpec,
    /// The boundary version the layer was loaded at.
    pub version: BoundaryVersion,
    /// The coordinate system the file was in.
    pub source_crs: Option<SourceCrs>,
    /// The valid blocks or zones, in the order read (invalid features are left out).
    pub zones: Vec<Zone>,
    /// The zones' boxes, indexed (item `i` is `zones[i]`).
    pub(crate) tree: BoxIndex,
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
        match geojson::parse_feature_collection_by(file, text, spec.id_property.as_deref()) {
            Ok(raw) => Self::load_raw(spec, version, file, raw, frame),
            Err(p) => {
                let mut layer =
                    Self::load_raw(spec, version, file, geojson::RawFile::default(), frame);
                layer.problems = vec![p];
                layer
            }
        }
    }

    /// Reads a FlatGeobuf file of zones (problems as for GeoJSON; a damaged file is one).
    pub fn from_fgb(
        spec: &LayerSpec,
        version: &BoundaryVersion,
        file: &str,
        bytes: &[u8],
        frame: &TransverseMercator,
    ) -> Layer {
        let id_property = spec.id_property.as_deref();
        let (raw, damage) = match crate::read::fgb::read_by(file, bytes, None, id_property) {
            Ok(raw) => (raw, None),
            Err(p) => (geojson::RawFile::default(), Some(p)),
        };
        let mut layer = Self::load_raw(spec, version, file, raw, frame);
        if let Some(p) = damage {
            layer.problems = vec![p];
        }
        layer
    }

    /// Builds a layer from features already read (GeoJSON or FlatGeobuf).
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
            tree: BoxIndex::default(),
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
        layer.problems.extend(raw.problems);
        // No features (an empty chunk of a file read in slices): nothing to decide a CRS on.
        if raw.features.is_empty() {
            return;
        }
        let declared = layer.version.crs.as_deref().or(raw.crs_name.as_deref());
        let (source, looks) = match decide_crs(declared, &raw.features) {
            Ok(decided) => decided,
            Err(k) => {
                layer.problems.push(Problem::file_error(file, k));
                return;
            }
        };
        layer.source_crs = Some(source);
        layer.add_features(spec, file, raw.features, looks, source, frame);
        layer.drop_if_outside_iran(file, source);
    }

    /// Builds a zone from each feature that looks like `source`, noting each left out or
    /// missing its id.
    fn add_features(
        &mut self,
        spec: &LayerSpec,
        file: &str,
        features: Vec<geojson::RawFeature>,
        looks: Vec<Looks>,
        source: SourceCrs,
        frame: &TransverseMercator,
    ) {
        let want = crs::expected_look(source);
        for (mut f, look) in features.into_iter().zip(looks) {
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
                self.problems.push(Problem {
                    severity: Severity::Error,
                    location: loc,
                    kind,
                });
                continue;
            }
            if id.is_none() {
                self.problems.push(Problem {
                    severity: Severity::Warning,
                    location: loc.clone(),
                    kind: ProblemKind::MissingId,
                });
            }
            match build_zone(spec, &mut f, id, source, frame) {
                Ok(z) => self.zones.push(z),
                Err(kind) => self.problems.push(Problem {
                    severity: Severity::Error,
                    location: loc,
                    kind,
                }),
            }
        }
    }

    /// Drops every zone of a UTM layer whose first zone falls outside Iran, noting why.
    fn drop_if_outside_iran(&mut self, file: &str, source: SourceCrs) {
        if let (SourceCrs::Utm { .. }, Some(z)) = (source, self.zones.first()) {
            let c = z.lon_lat.0[0].exterior().0[0];
            if !crs::in_iran(c.x, c.y) {
                self.zones.clear();
                self.problems.push(Problem::file_error(
                    file,
                    ProblemKind::OutsideIran { lon: c.x, lat: c.y },
                ));
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
        let boxes: Vec<[f64; 4]> = layer.zones.iter().map(|z| z.prepared.bbox()).collect();
        layer.tree = BoxIndex::build(&boxes);
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

    /// [`Self::candidates`] with each zone's index in `zones` (the index stores it, so no
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
        self.tree.search(b).map(move |i| (i, &self.zones[i]))
    }

    /// The zone nearest to (x, y) and the distance to its boundary, by exact distance,
    /// visiting zones in order of their bounding-box distance.
    pub(crate) fn nearest(&self, x: f64, y: f64) -> Option<(&Zone, f64)> {
        let mut best: Option<(&Zone, f64)> = None;
        for (i, d2) in self.tree.nearest(x, y) {
            if best.is_some_and(|(_, d)| d2.sqrt() > d) {
                break;
            }
            let z = &self.zones[i];
            let d = z.prepared.boundary_distance(x, y);
            if best.is_none_or(|(_, bd)| d < bd) {
                best = Some((z, d));
            }
        }
        best
    }
}

/// The coordinate system of `features` (from the `declared` name, else guessed) and how each
/// feature looks; else the problem, naming the first feature's corner when outside Iran.
fn decide_crs(
    declared: Option<&str>,
    features: &[geojson::RawFeature],
) -> Result<(SourceCrs, Vec<Looks>), ProblemKind> {
    let declared = declared.map(SourceCrs::parse).transpose()?;
    let looks: Vec<Looks> = features
        .iter()
        .map(|f| crs::classify(feature_bbox(f)))
        .collect();
    match crs::decide(declared, &looks) {
        Ok(c) => Ok((c, looks)),
        Err(ProblemKind::OutsideIran { .. }) => {
            let b = features
                .first()
                .map(feature_bbox)
                .unwrap_or((0.0, 0.0, 0.0, 0.0));
            Err(ProblemKind::OutsideIran { lon: b.0, lat: b.1 })
        }
        Err(k) => Err(k),
    }
}
