//! FlatGeobuf (`.fgb`): the file format of the plot-by-plot parcel layer.
//!
//! QGIS (3.16+), GDAL/ogr2ogr (3.1+) and PostGIS (3.2+) read and write it, so staff can open
//! what Baft publishes, and a file exported from QGIS loads directly. `baft pack` writes it from
//! GeoJSON ([`write`], [`from_geojson`]): features in Hilbert order with the packed R-tree
//! (node size 16), the CRS in the header (EPSG:4326), every attribute kept with its type.
//!
//! Reading uses the [`flatgeobuf`] crate's FlatBuffers schema for the header and the features
//! (each verified before it is touched); walking the file, searching its R-tree
//! (`fgb/index.rs`), and decoding geometry and attributes are done here with every length and
//! offset checked, so a damaged or hostile file is a [`Problem`] naming the feature, never a
//! panic (the crate's own reader indexes and asserts on what the file says, and brings its I/O
//! and error types into the app's wasm). Features are read in order, a chunk at a time
//! ([`FgbChunks`]), so the app stays responsive while a large layer loads; the ones around a
//! place can be read first with the file's index ([`FgbChunks::read_near`]).
//!
//! # Semantics
//! - The header's CRS decides how positions are read: EPSG:4326 (lon/lat) or a UTM zone
//!   (EPSG:326xx); no code (0) means "look at the numbers", as for GeoJSON without a `crs`.
//! - Polygon and MultiPolygon features are kept; any other geometry is a
//!   [`ProblemKind::WrongGeometryType`] for that feature and the rest load.
//! - Attributes become the feature's properties: numbers, booleans and text as such, a `Json`
//!   column's text as the JSON it holds, a `DateTime` as its text. An `id` attribute (text or
//!   a whole number) is also the feature's id.

use crate::error::{Location, Problem, ProblemKind, Severity};
use crate::read::geojson::{RawFeature, RawFile};
use crate::read::properties::Properties;
use flatgeobuf::{ColumnType, GeometryType};
use serde_json::Value;
mod decode;
mod in_place;
mod index;
mod ranges;
mod write;
pub use in_place::FgbFile;
pub use ranges::{ByteRange, FgbRanges, Span, Step, FEATURE_GAP, NODE_GAP};
pub use write::{from_geojson, write, PackStats};

/// The 8 bytes a FlatGeobuf file starts with (format version 3).
pub const MAGIC: &[u8; 8] = b"fgb\x03fgb\x00";

/// Whether a file name is a FlatGeobuf file.
pub fn is_fgb(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".fgb")
}

/// Reads a FlatGeobuf file's features, a chunk at a time, in file order.
pub struct FgbChunks<'a> {
    file: String,
    /// Where the next feature in file order starts.
    at: usize,
    /// Each column: its name as a JSON string (quoted, escaped) and its type.
    columns: Vec<(String, ColumnType)>,
    geometry_type: GeometryType,
    crs_name: Option<String>,
    count: usize,
    next: usize,
    done: bool,
    bytes: &'a [u8],
    /// The index and where the feature data starts, when the file has an index.
    index: Option<(index::Index<'a>, usize)>,
    /// Where the feature data starts.
    data: usize,
    /// The byte offsets (from `data`) of the features already read out of order (by
    /// [`Self::read_near`]): passed over in order. Offsets, not the index's feature numbers, so
    /// that an index whose leaves are out of order can't make a feature be read twice.
    taken: std::collections::HashSet<usize>,
    /// The property a feature left out is named by ([`crate::read::geojson::feature_id`]).
    id_property: Option<String>,
}

impl<'a> FgbChunks<'a> {
    /// Checks the magic bytes and the header (CRS, columns, geometry type).
    pub fn new(file: &str, bytes: &'a [u8]) -> Result<FgbChunks<'a>, Problem> {
        let head = Head::read(file, bytes)?;
        let index = index::Index::open(bytes, head.header_end, head.count, head.node_size);
        let at = match &index {
            Some((_, data)) => *data,
            None if head.node_size == 0 || head.count == 0 => head.header_end,
            None => return Err(damaged(file, None, &"the index is cut short")),
        };
        Ok(FgbChunks {
            file: file.into(),
            at,
            columns: head.columns,
            geometry_type: head.geometry_type,
            crs_name: head.crs_name,
            count: head.count,
            next: 0,
            done: false,
            bytes,
            index,
            data: at,
            taken: Default::default(),
            id_property: None,
        })
    }

    /// Names each feature it leaves out as a layer read by `id_property` names it
    /// ([`crate::read::geojson::feature_id`]), not by the generic rule.
    pub fn naming_by(mut self, id_property: Option<&str>) -> Self {
        self.id_property = id_property.map(str::to_string);
        self
    }

    /// Features not read yet, as the header counts them (at least 1 until the last has been
    /// read when the header does not count them); 0 once the last has been read.
    pub fn remaining(&self) -> usize {
        if self.done {
            0
        } else {
            self.count.saturating_sub(self.next).max(1)
        }
    }

    /// The next `n` features in file order (fewer at the end, and none of those already read
    /// by [`Self::read_near`]); a feature that is not a polygon is a problem in the file
    /// returned, a damaged one ends the reading with an error.
    pub fn read_chunk(&mut self, n: usize) -> Result<RawFile, Problem> {
        let mut out = self.empty(n.min(self.remaining()).min(4096));
        for _ in 0..n {
            let index = self.next;
            if self.at >= self.bytes.len() || (self.count > 0 && index >= self.count) {
                if self.count > 0 && index < self.count {
                    return Err(damaged(&self.file, Some(index), &"the file ends before it"));
                }
                self.done = true;
                break;
            }
            let (feature, len) = feature_at(self.bytes, self.at, 0)
                .ok_or_else(|| damaged(&self.file, Some(index), &"not a readable feature"))?;
            let offset = self.at - self.data;
            self.at += len;
            self.next += 1;
            if !self.taken.contains(&offset) {
                take(
                    &self.file,
                    (&self.columns, self.id_property.as_deref()),
                    self.geometry_type,
                    index,
                    feature,
                    &mut out,
                )?;
            }
        }
        // The end of the bytes ends a file whose header does not count its features; one that
        // counts them ends at its count (a file cut short is an error at the feature missing).
        if self.count > 0 && self.next >= self.count {
            self.done = true;
        } else if self.at >= self.bytes.len() {
            if self.count > 0 {
                return Err(damaged(
                    &self.file,
                    Some(self.next),
                    &"the file ends before it",
                ));
            }
            self.done = true;
        }
        Ok(out)
    }

    /// The features whose boxes meet `bbox` (`[min x, min y, max x, max y]` in the file's
    /// CRS), found with the file's index and read in place; none when the file has no index.
    /// [`Self::read_chunk`] passes over them later.
    pub fn read_near(&mut self, bbox: [f64; 4]) -> Result<RawFile, Problem> {
        let Some((idx, data)) = &self.index else {
            return Ok(self.empty(0));
        };
        let hits = idx.search(bbox);
        let mut out = self.empty(hits.len());
        for h in hits {
            if h.offset < self.at - self.data || !self.taken.insert(h.offset) {
                continue;
            }
            let (feature, _) = feature_at(self.bytes, *data, h.offset).ok_or_else(|| {
                damaged(
                    &self.file,
                    Some(h.index),
                    &"the index points outside the features",
                )
            })?;
            take(
                &self.file,
                (&self.columns, self.id_property.as_deref()),
                self.geometry_type,
                h.index,
                feature,
                &mut out,
            )?;
        }
        Ok(out)
    }

    /// Whether the header's CRS is lon/lat (EPSG:4326), or not given.
    pub fn is_lon_lat(&self) -> bool {
        matches!(self.crs_name.as_deref(), None | Some("EPSG:4326"))
    }

    /// Passes over the features at these byte offsets (from the start of the feature data),
    /// read before by range requests ([`FgbRanges::read_offsets`]).
    pub fn pass_over(&mut self, offsets: impl IntoIterator<Item = usize>) {
        self.taken.extend(offsets);
    }

    fn empty(&self, capacity: usize) -> RawFile {
        RawFile {
            features: Vec::with_capacity(capacity),
            crs_name: self.crs_name.clone(),
            problems: Vec::new(),
        }
    }
}

/// What a file's header says, and where the header ends.
#[derive(Debug)]
struct Head {
    /// Each column: its name as a JSON string (quoted, escaped) and its type.
    columns: Vec<(String, ColumnType)>,
    geometry_type: GeometryType,
    crs_name: Option<String>,
    /// The features the header counts (0: not counted).
    count: usize,
    node_size: u16,
    /// The byte after the header: where the index (or, without one, the features) starts.
    header_end: usize,
    /// The property a feature left out is named by ([`crate::read::geojson::feature_id`]): the
    /// layer's, once the reader is told it (`naming_by`).
    id_property: Option<String>,
}

impl Head {
    /// How many bytes from the start of the file hold the header, from its first 12 bytes.
    fn len(file: &str, bytes: &[u8]) -> Result<usize, Problem> {
        // `fgb`, the major version (3), `fgb`, the patch version.
        if bytes.len() < 8 || bytes[..4] != MAGIC[..4] || bytes[4..7] != MAGIC[4..7] {
            return Err(Problem::file_error(
                file,
                ProblemKind::NotAFeatureCollection {
                    found: "not a FlatGeobuf file (version 3)".into(),
                },
            ));
        }
        // Checked: on wasm32 a `usize` is 32 bits, and a size near 4 GiB would wrap.
        bytes
            .get(8..12)
            .and_then(|b| {
                12usize.checked_add(
                    usize::try_from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])).ok()?,
                )
            })
            .ok_or_else(|| damaged(file, None, &"the header is cut short"))
    }

    /// Checks the magic bytes and reads the header from the start of the file.
    fn read(file: &str, bytes: &[u8]) -> Result<Head, Problem> {
        let header_end = Some(Head::len(file, bytes)?)
            .filter(|&end| end <= bytes.len())
            .ok_or_else(|| damaged(file, None, &"the header is cut short"))?;
        let header_bytes = bytes.get(8..header_end).unwrap_or_default();
        let header = flatgeobuf::size_prefixed_root_as_header(header_bytes)
            .map_err(|_| damaged(file, None, &"the header is not a valid FlatBuffer"))?;
        let columns = header
            .columns()
            .map(|cs| {
                cs.iter()
                    .map(|c| (Value::from(c.name()).to_string(), c.type_()))
                    .collect()
            })
            .unwrap_or_default();
        let crs_name = header
            .crs()
            .map(|c| c.code())
            .filter(|&code| code != 0)
            .map(|code| format!("EPSG:{code}"));
        Ok(Head {
            columns,
            geometry_type: header.geometry_type(),
            crs_name,
            count: usize::try_from(header.features_count()).unwrap_or(usize::MAX),
            node_size: header.index_node_size(),
            header_end,
            id_property: None,
        })
    }
}

/// The feature at `offset` in the data starting at byte `data`, verified as a FlatBuffer, and
/// its length with its size prefix.
fn feature_at(
    bytes: &[u8],
    data: usize,
    offset: usize,
) -> Option<(flatgeobuf::Feature<'_>, usize)> {
    let at = data.checked_add(offset)?;
    let len = bytes.get(at..at.checked_add(4)?)?;
    let len = usize::try_from(u32::from_le_bytes([len[0], len[1], len[2], len[3]]))
        .ok()?
        .checked_add(4)?;
    let buf = bytes.get(at..at.checked_add(len)?)?;
    Some((flatgeobuf::size_prefixed_root_as_feature(buf).ok()?, len))
}

/// Decodes feature `index` into `out`: its polygons and attributes, or the problem that leaves
/// it out; attribute bytes cut short are damage (an error for the whole file).
fn take(
    file: &str,
    (columns, id_property): (&[(String, ColumnType)], Option<&str>),
    geometry_type: GeometryType,
    index: usize,
    feature: flatgeobuf::Feature<'_>,
    out: &mut RawFile,
) -> Result<(), Problem> {
    let (id, properties) = decode::properties(columns, feature.properties().map(|v| v.bytes()))
        .ok_or_else(|| damaged(file, Some(index), &"attribute bytes cut short"))?;
    let properties = Properties::from_json_text(&properties);
    match decode::polygons(feature.geometry(), geometry_type) {
        Ok(polygons) => out.features.push(RawFeature {
            index,
            id,
            properties,
            polygons,
        }),
        Err(kind) => out.problems.push(Problem {
            severity: Severity::Error,
            location: Location {
                file: file.into(),
                feature_index: Some(index),
                feature_id: crate::read::geojson::feature_id(
                    id_property,
                    &properties,
                    id.as_deref(),
                ),
                ..Default::default()
            },
            kind,
        }),
    }
    Ok(())
}

/// Reads a FlatGeobuf file's features, at most `limit` of them.
///
/// ```
/// use baft_core::read::{fgb, geojson::RawFeature};
/// let square = RawFeature {
///     index: 0,
///     id: Some("QB-0001".into()),
///     properties: baft_core::read::properties::Properties::from_json_text(r#"{"floors":2}"#),
///     polygons: vec![vec![vec![(51.1, 35.7), (51.101, 35.7), (51.101, 35.701), (51.1, 35.7)]]],
/// };
/// let bytes = fgb::write(&[&square]).unwrap();
/// assert_eq!(&bytes[..8], fgb::MAGIC);
/// let back = fgb::read("p.fgb", &bytes, None).unwrap();
/// assert_eq!(back.crs_name.as_deref(), Some("EPSG:4326"));
/// assert_eq!(back.features[0].polygons, square.polygons);
/// assert_eq!(back.features[0].id.as_deref(), Some("QB-0001"));
/// assert_eq!(back.features[0].properties.get("floors"), Some(serde_json::json!(2)));
/// // Damage is a problem naming the file, never a panic.
/// assert!(fgb::read("p.fgb", &bytes[..bytes.len() - 3], None).is_err());
/// ```
pub fn read(file: &str, bytes: &[u8], limit: Option<usize>) -> Result<RawFile, Problem> {
    read_by(file, bytes, limit, None)
}

/// [`read`] for a layer read by `id_property`: a feature left out is named as the layer names
/// it ([`crate::read::geojson::feature_id`]).
pub fn read_by(
    file: &str,
    bytes: &[u8],
    limit: Option<usize>,
    id_property: Option<&str>,
) -> Result<RawFile, Problem> {
    let mut r = FgbChunks::new(file, bytes)?.naming_by(id_property);
    r.read_chunk(limit.unwrap_or(usize::MAX))
}

/// The problem of a damaged file: the feature reached, and the reader's words.
fn damaged(file: &str, feature: Option<usize>, e: &dyn std::fmt::Display) -> Problem {
    let detail = match feature {
        Some(i) => format!("FlatGeobuf damaged at feature {i}: {e}"),
        None => format!("FlatGeobuf header damaged: {e}"),
    };
    Problem::file_error(file, ProblemKind::BadCoordinates { detail })
}
