//! A FlatGeobuf file held whole in memory and read in place: its own packed R-tree answers
//! "which features meet this box" without a copy, a feature's polygon is tested against a
//! point straight from its bytes, and a feature is decoded only when it is asked for.
//!
//! Nothing is built on opening: the header is read and the index's extent checked, so a file
//! of 200,000 plots is ready as soon as its bytes are in memory, and holds no more memory than
//! its bytes. [`FgbFile::open`] gives the bytes back when the file has no index (read it
//! whole, as before).

use super::index::{levels, meets, parse_node, Index, NODE};
use super::{damaged, feature_at, take, Head};
use crate::error::{Problem, ProblemKind};
use crate::read::geojson::{RawFile, RawPolygon};
use crate::read::properties::Properties;
use flatgeobuf::GeometryType;
use std::ops::Range;

/// A FlatGeobuf file with an index, in memory (see the [module docs](self)).
#[derive(Debug)]
pub struct FgbFile {
    file: String,
    bytes: Vec<u8>,
    head: Head,
    /// Where the index starts, and where the features start.
    index_at: usize,
    data: usize,
    /// The index's levels, leaves first.
    levels: Vec<Range<usize>>,
    node_size: usize,
}

impl FgbFile {
    /// Names each feature it leaves out as a layer read by `id_property` names it
    /// ([`crate::read::geojson::feature_id`]).
    pub fn naming_by(mut self, id_property: Option<&str>) -> Self {
        self.head.id_property = id_property.map(str::to_string);
        self
    }

    /// Opens a file's bytes, or gives them back: with the problem when they are not a readable
    /// FlatGeobuf file, without one when it has no index (or one cut short), to be read whole.
    pub fn open(file: &str, bytes: Vec<u8>) -> Result<FgbFile, (Vec<u8>, Option<Problem>)> {
        let head = match Head::read(file, &bytes) {
            Ok(h) => h,
            Err(p) => return Err((bytes, Some(p))),
        };
        let opened = Index::open(&bytes, head.header_end, head.count, head.node_size)
            .map(|(_, data)| data)
            .zip(levels(head.count, usize::from(head.node_size)));
        let Some((data, levels)) = opened else {
            return Err((bytes, None));
        };
        Ok(FgbFile {
            file: file.into(),
            index_at: head.header_end,
            node_size: usize::from(head.node_size),
            head,
            bytes,
            data,
            levels,
        })
    }

    /// How many features the file holds (its header's count).
    pub fn len(&self) -> usize {
        self.head.count
    }

    /// Whether the file holds no feature.
    pub fn is_empty(&self) -> bool {
        self.head.count == 0
    }

    /// The file's bytes, given back.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// The file's size in bytes (all of it is kept).
    pub fn byte_len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether positions are lon/lat: the header says EPSG:4326 or names no CRS.
    pub fn is_lon_lat(&self) -> bool {
        matches!(self.head.crs_name.as_deref(), None | Some("EPSG:4326"))
    }

    /// The CRS the header names (`EPSG:4326`, `EPSG:32639`), if any.
    pub fn crs_name(&self) -> Option<&str> {
        self.head.crs_name.as_deref()
    }

    fn node(&self, pos: usize) -> Option<([f64; 4], u64)> {
        let at = self.index_at.checked_add(pos.checked_mul(NODE)?)?;
        parse_node(self.bytes.get(at..)?)
    }

    /// Calls `each` with the number of every feature whose box meets `bbox` (`[min x, min y,
    /// max x, max y]`, the file's coordinates), depth first: no allocation but a small stack.
    /// A damaged index gives fewer features, never a panic.
    pub fn search(&self, bbox: [f64; 4], mut each: impl FnMut(usize)) {
        let Some(top) = self.levels.len().checked_sub(1) else {
            return;
        };
        let first_leaf = self.levels[0].start;
        let mut stack: Vec<(usize, usize)> = Vec::with_capacity(4 * self.levels.len());
        stack.push((self.levels[top].start, top));
        while let Some((start, level)) = stack.pop() {
            let end = start
                .saturating_add(self.node_size)
                .min(self.levels[level].end);
            for pos in start..end {
                let Some((b, offset)) = self.node(pos) else {
                    break;
                };
                if !meets(&b, &bbox) {
                    continue;
                }
                if level == 0 {
                    each(pos - first_leaf);
                } else {
                    let child = usize::try_from(offset).unwrap_or(usize::MAX);
                    if self.levels[level - 1].contains(&child) {
                        stack.push((child, level - 1));
                    }
                }
            }
        }
    }

    /// The box of every feature (the index's root), `[min x, min y, max x, max y]`.
    pub fn extent(&self) -> Option<[f64; 4]> {
        Some(self.node(self.levels.last()?.start)?.0)
    }

    /// Feature `no`'s box in the index (the file's coordinates).
    pub fn bbox(&self, no: usize) -> Option<[f64; 4]> {
        (no < self.head.count).then_some(())?;
        Some(self.node(self.levels[0].start + no)?.0)
    }

    /// Feature `no`, verified: where its leaf says it is.
    fn feature(&self, no: usize) -> Option<flatgeobuf::Feature<'_>> {
        (no < self.head.count).then_some(())?;
        let offset = usize::try_from(self.node(self.levels[0].start + no)?.1).ok()?;
        Some(feature_at(&self.bytes, self.data, offset)?.0)
    }

    /// Decodes feature `no`: a file of that one feature (its polygons and attributes), or of
    /// none and the problem that leaves it out; `Err` when its bytes are damaged.
    pub fn read(&self, no: usize) -> Result<RawFile, Problem> {
        let mut out = RawFile {
            features: Vec::with_capacity(1),
            crs_name: self.head.crs_name.clone(),
            problems: Vec::new(),
        };
        let feature = self
            .feature(no)
            .ok_or_else(|| damaged(&self.file, Some(no), &"not a readable feature"))?;
        let h = &self.head;
        take(
            &self.file,
            (&h.columns, h.id_property.as_deref()),
            h.geometry_type,
            no,
            feature,
            &mut out,
        )?;
        Ok(out)
    }

    /// Feature `no`'s polygons alone, as [`read`](Self::read) decodes them (its attributes'
    /// bytes are checked to be readable, not read): `None` when its bytes are damaged (`read`
    /// gives `Err`), the problem when its geometry is refused (`read` leaves it out).
    pub fn polygons(&self, no: usize) -> Option<Result<Vec<RawPolygon>, ProblemKind>> {
        let f = self.feature(no)?;
        let columns = &self.head.columns;
        super::decode::properties_fit(columns, f.properties().map(|v| v.bytes())).then_some(())?;
        Some(super::decode::polygons(
            f.geometry(),
            self.head.geometry_type,
        ))
    }

    /// Feature `no`'s attributes alone (its geometry is not read), and its id attribute; `None`
    /// when its bytes are damaged.
    pub fn properties(&self, no: usize) -> Option<(Option<String>, Properties)> {
        let f = self.feature(no)?;
        let (id, text) =
            super::decode::properties(&self.head.columns, f.properties().map(|v| v.bytes()))?;
        Some((id, Properties::from_json_text(&text)))
    }

    /// Whether (`x`, `y`) (the file's coordinates) lies inside feature `no`'s polygon or one of
    /// its parts, by the even–odd rule over its rings (a hole's inside is outside), read from
    /// its bytes. A point exactly on an edge may fall either way; an unreadable feature or a
    /// geometry other than a polygon holds nothing.
    pub fn holds(&self, no: usize, x: f64, y: f64) -> bool {
        let Some(g) = self.feature(no).and_then(|f| f.geometry()) else {
            return false;
        };
        let kind = match self.head.geometry_type {
            GeometryType::Unknown => g.type_(),
            k => k,
        };
        match kind {
            GeometryType::Polygon => polygon_holds(&g, x, y),
            GeometryType::MultiPolygon => g.parts().is_some_and(|ps| {
                ps.len() <= super::decode::MAX_PARTS && ps.iter().any(|p| polygon_holds(&p, x, y))
            }),
            _ => false,
        }
    }
}

/// The even–odd test over a polygon's rings, read in place. Rings whose ends go backwards or
/// past the coordinates, or more than `MAX_PARTS` rings, hold nothing (the decoder refuses
/// them too), so a hostile feature costs one pass over its coordinates at most.
fn polygon_holds(g: &flatgeobuf::Geometry<'_>, x: f64, y: f64) -> bool {
    let Some(xy) = g.xy() else { return false };
    let n = xy.len() / 2;
    if g.ends().is_some_and(|e| e.len() > super::decode::MAX_PARTS) {
        return false;
    }
    let pt = |i: usize| (xy.get(2 * i), xy.get(2 * i + 1));
    let mut inside = false;
    let mut ring = |start: usize, end: usize| {
        if end < start || end > n || end - start < 3 {
            return;
        }
        let mut j = end - 1;
        for i in start..end {
            let ((xi, yi), (xj, yj)) = (pt(i), pt(j));
            if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
                inside = !inside;
            }
            j = i;
        }
    };
    match g.ends() {
        Some(ends) if !ends.is_empty() => {
            let mut start = 0;
            for e in ends.iter() {
                let e = e as usize;
                if e < start || e > n {
                    return false;
                }
                ring(start, e);
                start = e;
            }
        }
        _ => ring(0, n),
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::geojson::RawFeature;

    fn plot(i: usize, x: f64, y: f64, hole: bool) -> RawFeature {
        let corners = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)];
        let sq = |x0: f64, y0: f64, s: f64| -> Vec<(f64, f64)> {
            corners
                .iter()
                .map(|(a, b)| (x0 + a * s, y0 + b * s))
                .collect()
        };
        let mut rings = vec![sq(x, y, 0.001)];
        if hole {
            rings.push(sq(x + 0.0004, y + 0.0004, 0.0002));
        }
        RawFeature {
            index: i,
            id: Some(format!("P{i}")),
            properties: Properties::from_json_text(&format!(r#"{{"n":{i}}}"#)),
            polygons: vec![rings],
        }
    }

    fn file(n: usize) -> (Vec<RawFeature>, FgbFile) {
        file_of(n, false)
    }

    /// `n` plots, every 7th with a hole; with `multi`, every 11th also has a second part (a
    /// plot's size north of it), so that the file is a MultiPolygon layer, not a Polygon one.
    fn file_of(n: usize, multi: bool) -> (Vec<RawFeature>, FgbFile) {
        let fs: Vec<RawFeature> = (0..n)
            .map(|i| {
                let (x, y) = (
                    51.0 + (i % 40) as f64 * 0.001,
                    35.7 + (i / 40) as f64 * 0.001,
                );
                let mut p = plot(i, x, y, i % 7 == 0);
                if multi && i % 11 == 3 {
                    let far = plot(i, x, y + 0.5, false);
                    p.polygons.extend(far.polygons);
                }
                p
            })
            .collect();
        let bytes = super::super::write(&fs.iter().collect::<Vec<_>>()).unwrap();
        let f = FgbFile::open("p.fgb", bytes).unwrap();
        let kind = if multi {
            GeometryType::MultiPolygon
        } else {
            GeometryType::Polygon
        };
        assert_eq!(f.head.geometry_type, kind);
        (fs, f)
    }

    #[test]
    fn search_finds_what_a_scan_of_every_box_finds() {
        let (_, f) = file(1000);
        assert_eq!(f.len(), 1000);
        let all: Vec<[f64; 4]> = (0..f.len()).map(|i| f.bbox(i).unwrap()).collect();
        for q in [
            [51.0005, 35.7005, 51.0005, 35.7005],
            [51.0, 35.7, 51.04, 35.725],
            [51.0101, 35.7101, 51.0152, 35.7203],
            [50.0, 35.0, 50.1, 35.1],
        ] {
            let mut got = Vec::new();
            f.search(q, |i| got.push(i));
            got.sort_unstable();
            let want: Vec<usize> = (0..all.len()).filter(|&i| meets(&all[i], &q)).collect();
            assert_eq!(got, want, "{q:?}");
        }
    }

    #[test]
    fn a_feature_holds_its_inside_not_its_hole_and_reads_back_whole() {
        holds_and_reads_back(false);
        holds_and_reads_back(true);
    }

    /// In a Polygon layer, or a MultiPolygon one (then a plot's second part holds too).
    fn holds_and_reads_back(multi: bool) {
        let (fs, f) = file_of(100, multi);
        for no in 0..f.len() {
            let raw = f.read(no).unwrap();
            let back = &raw.features[0];
            let mine = fs.iter().find(|p| p.id == back.id).unwrap();
            assert_eq!(back.polygons, mine.polygons);
            let (x0, y0) = mine.polygons[0][0][0];
            assert!(f.holds(no, x0 + 0.0001, y0 + 0.0002));
            assert!(!f.holds(no, x0 - 0.0001, y0 + 0.0002));
            let (id, props) = f.properties(no).unwrap();
            assert_eq!(
                (id, props.get("n")),
                (back.id.clone(), back.properties.get("n"))
            );
            let in_hole = f.holds(no, x0 + 0.0005, y0 + 0.0005);
            assert_eq!(in_hole, mine.polygons[0].len() == 1, "{no}");
            let north = f.holds(no, x0 + 0.0001, y0 + 0.5002);
            assert_eq!(north, mine.polygons.len() == 2, "{no}");
        }
        assert!(!f.holds(100, 51.0, 35.7));
        assert!(f.read(100).is_err());
    }

    #[test]
    fn a_file_without_an_index_comes_back_and_damage_is_no_panic() {
        let (fs, f) = file(20);
        assert!(f.is_lon_lat());
        let _ = fs;
        let plain = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fuzz/corpus/flatgeobuf/seed-gdal-no-index-3.fgb"
        ))
        .unwrap();
        assert!(matches!(FgbFile::open("p.fgb", plain), Err((_, None))));
        let good = f.bytes.clone();
        assert!(matches!(
            FgbFile::open("p.fgb", good[..30].to_vec()),
            Err((_, Some(_)))
        ));
        // A spoilt feature: reading it is a problem, testing it holds nothing.
        let mut spoilt = good.clone();
        let at = f.data + 2;
        spoilt[at..at + 64].fill(0xff);
        let s = FgbFile::open("p.fgb", spoilt).unwrap();
        let bad = (0..s.len()).find(|&i| s.read(i).is_err()).unwrap();
        assert!(!s.holds(bad, 51.0005, 35.7005));
    }
}
