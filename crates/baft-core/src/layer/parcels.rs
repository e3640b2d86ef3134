//! The plot-by-plot parcel layer: each plot with its registration plate, renovation code and
//! survey attributes; lookup by plate or code, by a tap, and its edge neighbours.

use crate::check::ZoneRef;
use crate::geometry::projection::TransverseMercator;
use crate::input::plate::PlateQuery;
use crate::layer::{Layer, Zone};
use crate::read::manifest::{BoundaryVersion, LayerSpec, LocalText, ParcelsSpec};
use crate::Problem;
mod builder;
mod in_place;
mod info;
mod lookups;
mod per_plot;
pub mod postal;
#[allow(unused_imports)]
pub use builder::*;
pub use info::ParcelInfo;
use lookups::Lookups;

/// The loaded parcel layer: every plot decoded ([`Self::load`], [`Self::load_fgb`], or a
/// [`ParcelsBuilder`]), or a FlatGeobuf file read in place ([`Self::in_place`]: plots are
/// decoded when an answer first needs them). Both answer every question the same way; a plot's
/// number is its place in the layer (read in place: its feature number in the file).
#[derive(Debug, Clone)]
pub struct ParcelLayer {
    /// The decoded plots as a layer, one zone each (their properties are dropped once read into
    /// `found`). Read in place: none (the layer keeps the spec and the problems).
    pub(crate) layer: Layer,
    /// The decoded plots' attributes, in the order of `layer.zones`, and their maps.
    found: Lookups,
    /// The file read in place, if it is.
    file: Option<std::sync::Arc<in_place::InPlace>>,
}

impl ParcelLayer {
    /// Reads the parcel file (problems as for any layer; invalid plots are left out).
    pub fn load(spec: &ParcelsSpec, text: &str, frame: &TransverseMercator) -> ParcelLayer {
        let (lspec, version) = Self::spec_for(spec);
        let layer = Layer::load(&lspec, &version, &spec.file, text, frame);
        Self::from_layer(layer)
    }

    /// Reads a FlatGeobuf file of parcels, at most `limit` plots (in the file's order).
    pub fn load_fgb(
        spec: &ParcelsSpec,
        bytes: &[u8],
        limit: Option<usize>,
        frame: &TransverseMercator,
    ) -> ParcelLayer {
        let (lspec, version) = Self::spec_for(spec);
        let layer = match crate::read::fgb::read_by(&spec.file, bytes, limit, Some(spec.id_key())) {
            Ok(raw) => Layer::load_raw(&lspec, &version, &spec.file, raw, frame),
            Err(p) => {
                let mut l =
                    Layer::load_raw(&lspec, &version, &spec.file, Default::default(), frame);
                l.problems = vec![p];
                l
            }
        };
        Self::from_layer(layer)
    }

    /// Opens a FlatGeobuf file of parcels in place, keeping its bytes and decoding nothing (see
    /// `parcels/in_place.rs`). A file without an index, or not in lon/lat, is read whole as
    /// [`Self::load_fgb`] reads it. Problems in a plot are found when it is first decoded, and it
    /// is then left out of answers, unreported; `baft validate` and the CLI decode every plot.
    pub fn in_place(spec: &ParcelsSpec, bytes: Vec<u8>, frame: &TransverseMercator) -> ParcelLayer {
        Self::try_in_place(spec, bytes, frame)
            .unwrap_or_else(|bytes| Self::load_fgb(spec, &bytes, None, frame))
    }

    /// [`Self::in_place`], or the bytes back when the file can't be read in place (no index,
    /// or not in lon/lat), for the caller to read it whole its own way. Bytes that are not a
    /// readable FlatGeobuf file give a layer with that problem.
    pub fn try_in_place(
        spec: &ParcelsSpec,
        bytes: Vec<u8>,
        frame: &TransverseMercator,
    ) -> Result<ParcelLayer, Vec<u8>> {
        let (lspec, version) = Self::spec_for(spec);
        // Read in place only what is surely lon/lat: declared so (or not declared), and every
        // feature's box (the index's root box) in Iran's ranges of longitude and latitude.
        // Anything else is decoded whole, which decides the CRS and reports what is wrong.
        let file = match crate::read::fgb::FgbFile::open(&spec.file, bytes) {
            Ok(f) if builder::lon_lat(spec, f.is_lon_lat()) && looks_lon_lat(&f) => {
                f.naming_by(Some(spec.id_key()))
            }
            Ok(f) => return Err(f.into_bytes()),
            Err((bytes, _)) => return Err(bytes),
        };
        let mut layer = Layer::load_raw(&lspec, &version, &spec.file, Default::default(), frame);
        if !file.is_empty() {
            layer.problems.clear();
        }
        let file = in_place::InPlace::new(file, lspec, *frame);
        Ok(ParcelLayer {
            layer,
            found: Lookups::default(),
            file: Some(std::sync::Arc::new(file)),
        })
    }

    /// Whether the layer is a FlatGeobuf file read in place.
    pub fn is_in_place(&self) -> bool {
        self.file.is_some()
    }

    pub(crate) fn spec_for(spec: &ParcelsSpec) -> (LayerSpec, BoundaryVersion) {
        super::working::Working {
            id: "parcels",
            name: LocalText::new("پلاک‌ها", "parcels"),
            version: (
                "survey",
                LocalText::new("برداشت پلاک‌به‌پلاک", "plot-by-plot survey"),
            ),
            file: &spec.file,
            id_property: spec.id_key().into(),
            crs: spec.crs.clone(),
        }
        .spec()
    }

    pub(crate) fn from_layer(mut layer: Layer) -> ParcelLayer {
        let info: Vec<ParcelInfo> = layer.zones.iter().map(ParcelInfo::from_zone).collect();
        // The attributes now live in `found`; the properties' text would cost ~300 bytes a plot.
        for z in &mut layer.zones {
            z.properties = Default::default();
        }
        ParcelLayer {
            layer,
            found: Lookups::new(info),
            file: None,
        }
    }

    /// The decoded plots and their attributes, side by side (read in place: none).
    pub(crate) fn decoded(&self) -> (&[Zone], &[ParcelInfo]) {
        (&self.layer.zones, &self.found.info)
    }

    /// Whether plot `i` counts: always for decoded plots (the invalid ones were left out); read
    /// in place, whether it decodes (once).
    fn valid(&self, i: usize) -> bool {
        self.file.as_ref().is_none_or(|f| f.valid(i))
    }

    fn lookups(&self) -> &Lookups {
        match &self.file {
            Some(f) => f.lookups(),
            None => &self.found,
        }
    }

    /// Plot `i`'s zone (its outline and prepared geometry); `None` past the last plot, or for
    /// a plot of a file read in place that is not a valid polygon.
    pub fn zone(&self, i: usize) -> Option<&Zone> {
        match &self.file {
            Some(f) => f.plot(i).map(|p| &p.0),
            None => self.layer.zones.get(i),
        }
    }

    /// Plot `i`'s survey attributes (as [`Self::zone`], `None` past the last plot).
    pub fn info(&self, i: usize) -> Option<&ParcelInfo> {
        match &self.file {
            Some(f) => f.plot(i).map(|p| &p.1),
            None => self.found.info.get(i),
        }
    }

    /// Problems found while loading the parcel file.
    pub fn problems(&self) -> &[Problem] {
        &self.layer.problems
    }

    /// Number of plots loaded (read in place: the file's features).
    pub fn len(&self) -> usize {
        match &self.file {
            Some(f) => f.file.len(),
            None => self.found.info.len(),
        }
    }

    /// Whether no plot was loaded.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Plots with this plate (main/sub, then sub/main if none; filtered by section if given).
    pub fn find_plate(&self, q: PlateQuery) -> Vec<usize> {
        self.lookups().find_plate(q, &|i| self.valid(i))
    }

    /// The plot with this renovation code.
    pub fn find_code(&self, code: &str) -> Option<usize> {
        self.lookups().find_code(code, &|i| self.valid(i))
    }

    /// The plots with this ten-digit postal code (a building's flats may share one), in layer
    /// order. A scan: about a millisecond at 200,000 plots, with no index kept in memory.
    pub fn find_postal(&self, code: u64) -> Vec<usize> {
        self.lookups().find_postal(code, &|i| self.valid(i))
    }

    /// The plots at this street address (a street and a house number), in layer order. The
    /// street matches the plot's `street` or `street_en` compared by
    /// [`crate::layer::streets::key`]: the plots on the street (mapped once), with the number.
    pub fn find_address(&self, q: &crate::input::address::AddressQuery) -> Vec<usize> {
        self.lookups().find_address(q, &|i| self.valid(i))
    }

    /// The plots on this street (its key, compared as [`Self::find_address`] does).
    pub fn find_street(&self, street_key: &str) -> Vec<usize> {
        self.lookups().find_street(street_key, &|i| self.valid(i))
    }

    /// Whether any plot is on this street (compared as [`Self::find_address`] does).
    pub fn has_street(&self, street_key: &str) -> bool {
        self.lookups().has_street(street_key)
    }

    /// Whether any plot carries a street address (a street and a house number).
    pub fn has_addresses(&self) -> bool {
        self.lookups().has_addresses()
    }

    /// Whether any plot carries a postal code.
    pub fn has_postal_codes(&self) -> bool {
        self.lookups().has_postal_codes()
    }

    /// The plot with this plot id (as share links name it).
    pub fn find_id(&self, id: &str) -> Option<usize> {
        self.lookups().find_id(id, &|i| self.valid(i))
    }

    /// The plot under a point (local metres): O(log n), through the box index. Where plots
    /// overlap (bad survey data), the first the index gives (read in place: the lowest number).
    pub fn at(&self, x: f64, y: f64) -> Option<usize> {
        match &self.file {
            Some(f) => {
                let (lon, lat) = f.frame().inverse(x, y);
                f.at(lon, lat)
            }
            None => self.decoded_at(x, y),
        }
    }

    /// [`Self::at`] for a point given both ways, (lon, lat) and its local metres (x, y): a
    /// file read in place is searched in lon/lat, decoded plots in metres.
    pub fn at_point(&self, (lon, lat): (f64, f64), (x, y): (f64, f64)) -> Option<usize> {
        match &self.file {
            Some(f) => f.at(lon, lat),
            None => self.decoded_at(x, y),
        }
    }

    fn decoded_at(&self, x: f64, y: f64) -> Option<usize> {
        self.layer
            .indexed_candidates(x, y, 0.0)
            .find(|(_, z)| z.prepared.contains(x, y))
            .map(|(i, _)| i)
    }

    /// The plots whose boxes meet a box in local metres, with their numbers.
    fn meeting(&self, b: [f64; 4]) -> Vec<(usize, &Zone)> {
        match &self.file {
            Some(f) => {
                // The box's four corners in lon/lat (the local grid is turned against the
                // meridians away from the centre), and a margin for its edges' curvature.
                let c = [(b[0], b[1]), (b[2], b[1]), (b[2], b[3]), (b[0], b[3])]
                    .map(|(x, y)| f.frame().inverse(x, y));
                let (x0, y0, x1, y1) = crate::geometry::crs::bbox_of(c);
                let m = 1e-6;
                let q = [x0 - m, y0 - m, x1 + m, y1 + m];
                (f.in_box(q).into_iter())
                    .filter_map(|i| Some((i, f.plot(i)?)))
                    .filter(|(_, p)| {
                        let z = p.0.prepared.bbox();
                        !(z[0] > b[2] || z[1] > b[3] || z[2] < b[0] || z[3] < b[1])
                    })
                    .map(|(i, p)| (i, &p.0))
                    .collect()
            }
            None => self.layer.indexed_candidates_in(b).collect(),
        }
    }

    /// The plot's outline in (lon, lat) rings (shell, then holes) of its first part.
    pub fn rings(&self, i: usize) -> Vec<Vec<(f64, f64)>> {
        self.zone(i)
            .and_then(|z| z.lon_lat.0.first())
            .map(|p| {
                std::iter::once(p.exterior())
                    .chain(p.interiors())
                    .map(|r| r.0.iter().map(|c| (c.x, c.y)).collect())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The plots within a lon/lat box as GeoJSON, at most `max` of them (the map draws only
    /// what is in view, never the whole layer). Also returns how many were in the box.
    pub fn visible_geojson(
        &self,
        frame: &TransverseMercator,
        bbox: [f64; 4],
        max: usize,
    ) -> (String, usize) {
        let (x0, y0) = frame.forward(bbox[0], bbox[1]);
        let (x1, y1) = frame.forward(bbox[2], bbox[3]);
        let mut out = String::from(r#"{"type":"FeatureCollection","features":["#);
        // Read in place, only the plots drawn are decoded (the file's boxes count the rest).
        let (zones, count): (Vec<&Zone>, usize) = match &self.file {
            Some(f) => {
                let all = f.in_box(bbox);
                let drawn = all.iter().take(max).filter_map(|&i| f.plot(i));
                (drawn.map(|p| &p.0).collect(), all.len())
            }
            None => {
                let all = self.meeting([x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)]);
                let n = all.len();
                (all.into_iter().take(max).map(|(_, z)| z).collect(), n)
            }
        };
        for (n, z) in zones.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            out.push_str(
                r#"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":["#,
            );
            if let Some(p) = z.lon_lat.0.first() {
                crate::layer::push_ring_json(&mut out, p.exterior());
            }
            out.push_str("]}}");
        }
        out.push_str("]}");
        (out, count)
    }

    /// The plot's reference (id and name); an empty one past the last plot.
    pub fn reference(&self, i: usize) -> ZoneRef {
        match self.zone(i) {
            Some(z) => ZoneRef {
                id: z.id.clone(),
                name: z.name.clone(),
            },
            None => ZoneRef {
                id: String::new(),
                name: LocalText::default(),
            },
        }
    }
}

/// Whether every feature's box (the index's root) lies in Iran's ranges of lon/lat.
fn looks_lon_lat(f: &crate::read::fgb::FgbFile) -> bool {
    f.extent().is_some_and(|[a, b, c, d]| {
        crate::geometry::crs::classify((a, b, c, d)) == crate::geometry::crs::Looks::LonLat
    })
}
