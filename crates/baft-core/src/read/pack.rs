//! `.baftpack`: a compact form of a large layer (the plot-by-plot parcels) for phones.
//!
//! GeoJSON stays the format staff edit and validate; `baft pack` turns it into this for the web
//! server. Why not FlatGeobuf: its packed Hilbert R-tree is built for range requests to a server,
//! while Baft fetches the whole file once and builds its own R-tree in memory; the flatgeobuf and
//! flatbuffers readers would add tens of kilobytes to the app's wasm for no gain here. This format
//! is a few dozen lines to read, and designed for what the app needs:
//!
//! - **Nearest first**: features are ordered by distance from the city centre (the map's first
//!   view), so the app can install the first part as soon as it is read and answer there while
//!   the rest is decoded ("progressive").
//! - **Small**: positions are lon/lat in units of 1e-7° (about 1 cm), delta-encoded per ring as
//!   zigzag LEB128 varints (2–4 bytes per position instead of ~24 in GeoJSON); property names are
//!   written once and each feature's values as a compact JSON array, so every attribute survives
//!   unchanged.
//! - **Checked**: magic, version and lengths are verified; a truncated or corrupt file is an error
//!   naming the byte offset, never a panic.
//!
//! Layout (little-endian): `"BAFTPACK"`, `u32` version (1), `u32` feature count, `varint`
//! property-name count and the names (`varint` length + UTF-8); then per feature: `varint`
//! polygon count; per polygon `varint` ring count; per ring `varint` position count and the
//! positions (first absolute, then deltas, each `zigzag varint` lon then lat); then `varint` byte
//! length and the property values as a JSON array in name order (`null` = absent).

use crate::base::varint::{put_varint, read_varint, unzigzag, zigzag};
use crate::error::{Problem, ProblemKind};
use crate::geometry::crs::SourceCrs;
use crate::read::geojson::{self, RawFeature, RawFile};
use crate::read::properties::Properties;
use serde_json::{Map, Value};

/// The 8 bytes a `.baftpack` file starts with.
pub const MAGIC: &[u8; 8] = b"BAFTPACK";
/// The pack format version this build writes and reads.
pub const VERSION: u32 = 1;
const SCALE: f64 = 1e7;

/// Writes features (positions in lon/lat) in the given order.
pub fn write(features: &[&RawFeature]) -> Vec<u8> {
    let mut out = Vec::with_capacity(features.len() * 120);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(features.len() as u32).to_le_bytes());
    // The property names, once: each feature then stores a JSON array of values in this order.
    let maps: Vec<Map<String, Value>> = features.iter().map(|f| f.properties.to_map()).collect();
    let mut keys: Vec<String> = Vec::new();
    for (f, map) in features.iter().zip(&maps) {
        for k in map
            .keys()
            .map(String::as_str)
            .chain(f.id.as_ref().map(|_| "id"))
        {
            if !keys.iter().any(|x| x == k) {
                keys.push(k.to_string());
            }
        }
    }
    put_varint(&mut out, keys.len() as u64);
    for k in &keys {
        put_varint(&mut out, k.len() as u64);
        out.extend_from_slice(k.as_bytes());
    }
    for (f, map) in features.iter().zip(&maps) {
        put_varint(&mut out, f.polygons.len() as u64);
        for p in &f.polygons {
            put_varint(&mut out, p.len() as u64);
            for r in p {
                put_varint(&mut out, r.len() as u64);
                let (mut px, mut py) = (0i64, 0i64);
                for &(x, y) in r {
                    let (ix, iy) = ((x * SCALE).round() as i64, (y * SCALE).round() as i64);
                    // Wrapping, like the reader's sum: any i64 position reads back as itself.
                    put_varint(&mut out, zigzag(ix.wrapping_sub(px)));
                    put_varint(&mut out, zigzag(iy.wrapping_sub(py)));
                    (px, py) = (ix, iy);
                }
            }
        }
        let values: Vec<Value> = keys
            .iter()
            .map(|k| match (map.get(k), k == "id") {
                (Some(v), _) => v.clone(),
                (None, true) => f.id.clone().map(Value::String).unwrap_or(Value::Null),
                (None, false) => Value::Null,
            })
            .collect();
        let json = Value::Array(values).to_string();
        put_varint(&mut out, json.len() as u64);
        out.extend_from_slice(json.as_bytes());
    }
    out
}

/// What `baft pack` did.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PackStats {
    /// Features written to the pack (those with problems are left out).
    pub features: usize,
    /// Size of the GeoJSON text read, bytes.
    pub geojson_bytes: usize,
    /// Size of the pack written, bytes.
    pub pack_bytes: usize,
}

/// Packs a GeoJSON FeatureCollection (lon/lat, or UTM declared by `declared` or a `crs` member),
/// nearest to `center` (lon, lat) first. Features with problems are reported and left out, as
/// the app would.
pub fn pack_geojson(
    file: &str,
    text: &str,
    declared: Option<SourceCrs>,
    center: (f64, f64),
) -> Result<(Vec<u8>, PackStats, Vec<Problem>), Problem> {
    let mut raw = geojson::parse_feature_collection(file, text)?;
    let declared = declared.or_else(|| {
        raw.crs_name
            .as_deref()
            .and_then(|c| SourceCrs::parse(c).ok())
    });
    let looks: Vec<crate::geometry::crs::Looks> = raw
        .features
        .iter()
        .map(|f| {
            crate::geometry::crs::classify(crate::geometry::crs::bbox_of(
                f.polygons.iter().flatten().flatten().copied(),
            ))
        })
        .collect();
    let source =
        crate::geometry::crs::decide(declared, &looks).map_err(|k| Problem::file_error(file, k))?;
    let mut problems = std::mem::take(&mut raw.problems);
    let frame = crate::geometry::projection::TransverseMercator::local(center.0, center.1);
    let mut keyed: Vec<(f64, RawFeature)> = Vec::with_capacity(raw.features.len());
    for mut f in raw.features {
        for p in &mut f.polygons {
            for r in p.iter_mut() {
                for pt in r.iter_mut() {
                    *pt = source.to_lon_lat(pt.0, pt.1);
                }
            }
        }
        let b = crate::geometry::crs::bbox_of(f.polygons.iter().flatten().flatten().copied());
        if !crate::geometry::crs::in_iran(b.0, b.1) || !crate::geometry::crs::in_iran(b.2, b.3) {
            problems.push(Problem::file_error(
                file,
                ProblemKind::OutsideIran { lon: b.0, lat: b.1 },
            ));
            continue;
        }
        let (x, y) = frame.forward((b.0 + b.2) / 2.0, (b.1 + b.3) / 2.0);
        keyed.push((x * x + y * y, f));
    }
    keyed.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    let refs: Vec<&RawFeature> = keyed.iter().map(|(_, f)| f).collect();
    let bytes = write(&refs);
    let stats = PackStats {
        features: refs.len(),
        geojson_bytes: text.len(),
        pack_bytes: bytes.len(),
    };
    Ok((bytes, stats, problems))
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn varint(&mut self) -> Option<u64> {
        read_varint(self.b, &mut self.at)
    }
    fn bytes(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }

    /// Reads a varint; when the bytes end first, the problem (in `file`) names the byte reached.
    fn varint_in(&mut self, file: &str) -> Result<u64, Problem> {
        self.varint()
            .ok_or_else(|| damaged(file, self.at, "truncated"))
    }

    /// Reads one feature's polygons, each a list of rings; damage is reported in `file`.
    fn polygons(&mut self, file: &str) -> Result<Vec<geojson::RawPolygon>, Problem> {
        let total = self.b.len();
        let start = self.at;
        let np = self
            .varint()
            .ok_or_else(|| damaged(file, start, "truncated"))? as usize;
        if np > 10_000 {
            return Err(damaged(file, start, "too many polygons"));
        }
        let mut polygons = Vec::with_capacity(np);
        for _ in 0..np {
            let nr = self.varint_in(file)? as usize;
            if nr > 10_000 {
                return Err(damaged(file, self.at, "too many rings"));
            }
            let mut rings = Vec::with_capacity(nr);
            for _ in 0..nr {
                let n = self.varint_in(file)? as usize;
                if n > total {
                    return Err(damaged(file, self.at, "ring longer than the file"));
                }
                rings.push(self.ring(file, n)?);
            }
            polygons.push(rings);
        }
        Ok(polygons)
    }

    /// Reads a ring of `n` positions: the first absolute, then deltas, each lon then lat.
    fn ring(&mut self, file: &str, n: usize) -> Result<geojson::Ring, Problem> {
        let (mut x, mut y) = (0i64, 0i64);
        let mut ring = Vec::with_capacity(n);
        for _ in 0..n {
            x = x.wrapping_add(unzigzag(self.varint_in(file)?));
            y = y.wrapping_add(unzigzag(self.varint_in(file)?));
            ring.push((x as f64 / SCALE, y as f64 / SCALE));
        }
        Ok(ring)
    }
}

/// The problem of a pack in `file` damaged at byte `at`, saying `what` is wrong.
fn damaged(file: &str, at: usize, what: &str) -> Problem {
    Problem::file_error(
        file,
        ProblemKind::BadCoordinates {
            detail: format!("pack damaged at byte {at}: {what}"),
        },
    )
}

/// Reads a pack's features in order (nearest to the centre first), in chunks.
pub struct PackReader<'a> {
    file: String,
    r: Reader<'a>,
    keys: Vec<String>,
    /// The keys as JSON strings (quoted, escaped), for the properties' text.
    quoted_keys: Vec<String>,
    count: usize,
    next: usize,
}

impl<'a> PackReader<'a> {
    /// Checks the header and reads the property names.
    pub fn new(file: &str, bytes: &'a [u8]) -> Result<PackReader<'a>, Problem> {
        let bad = |at: usize, what: &str| damaged(file, at, what);
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err(Problem::file_error(
                file,
                ProblemKind::NotAFeatureCollection {
                    found: "not a .baftpack file".into(),
                },
            ));
        }
        let version = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
        if version != VERSION {
            return Err(bad(8, &format!("version {version} is not supported")));
        }
        let count = u32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]) as usize;
        let mut r = Reader { b: bytes, at: 16 };
        let nkeys = r.varint().ok_or_else(|| bad(16, "truncated"))? as usize;
        if nkeys > 1000 {
            return Err(bad(16, "too many property names"));
        }
        let mut keys = Vec::with_capacity(nkeys);
        for _ in 0..nkeys {
            let at = r.at;
            let n = r.varint().ok_or_else(|| bad(at, "truncated"))? as usize;
            let k = r
                .bytes(n)
                .and_then(|b| std::str::from_utf8(b).ok())
                .ok_or_else(|| bad(at, "bad property name"))?;
            keys.push(k.to_string());
        }
        let quoted_keys = keys
            .iter()
            .map(|k| Value::from(k.as_str()).to_string())
            .collect();
        Ok(PackReader {
            file: file.into(),
            r,
            keys,
            quoted_keys,
            count,
            next: 0,
        })
    }

    /// Features not read yet.
    pub fn remaining(&self) -> usize {
        self.count - self.next
    }

    /// The next `n` features (fewer at the end).
    pub fn read_chunk(&mut self, n: usize) -> Result<RawFile, Problem> {
        let total = self.r.b.len();
        let take = n.min(self.remaining());
        // The count comes from the file: reserve no more than its bytes can hold (a feature
        // takes at least 2), so a damaged header doesn't grow the app's memory.
        let mut features = Vec::with_capacity(take.min((total - self.r.at) / 2));
        for _ in 0..take {
            let polygons = self.r.polygons(&self.file)?;
            let (id, properties) = self.properties()?;
            features.push(RawFeature {
                index: self.next,
                id,
                properties,
                polygons,
            });
            self.next += 1;
        }
        Ok(RawFile {
            features,
            crs_name: Some("EPSG:4326".into()),
            problems: Vec::new(),
        })
    }

    /// Reads one feature's property values: its `id` value when a string, and the properties.
    fn properties(&mut self) -> Result<(Option<String>, Properties), Problem> {
        let file = &self.file;
        let r = &mut self.r;
        let len = r.varint_in(file)? as usize;
        let at = r.at;
        let json = r
            .bytes(len)
            .ok_or_else(|| damaged(file, at, "truncated properties"))?;
        // The values' own text, spliced after their keys: no map is built (see
        // `crate::read::properties`).
        let values: Vec<&serde_json::value::RawValue> = serde_json::from_slice(json)
            .map_err(|_| damaged(file, at, "properties are not a JSON array"))?;
        let mut text = String::with_capacity(json.len() + 16 * self.keys.len());
        let mut id = None;
        for ((key, quoted), v) in self.keys.iter().zip(&self.quoted_keys).zip(&values) {
            let v = v.get();
            if v == "null" {
                continue;
            }
            text.push(if text.is_empty() { '{' } else { ',' });
            text.push_str(quoted);
            text.push(':');
            text.push_str(v);
            if key == "id" {
                id = serde_json::from_str::<String>(v).ok();
            }
        }
        if !text.is_empty() {
            text.push('}');
        }
        Ok((id, Properties::from_json_text(&text)))
    }
}

/// Reads a pack into features (lon/lat), at most `limit` of them (the nearest first).
pub fn read(file: &str, bytes: &[u8], limit: Option<usize>) -> Result<RawFile, Problem> {
    let mut r = PackReader::new(file, bytes)?;
    let n = limit.unwrap_or(usize::MAX);
    r.read_chunk(n)
}

/// Whether a file name is a pack.
pub fn is_pack(path: &str) -> bool {
    path.ends_with(".baftpack")
}
