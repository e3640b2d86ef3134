//! Reading a FlatGeobuf file by byte ranges: the header and the top of the index first, then
//! only the index nodes and features a box needs.
//!
//! [`FgbRanges`] does no input or output: it says which byte ranges it needs
//! ([`Step::Fetch`]), the caller fetches them (HTTP `Range` in the browser, a file or a slice
//! in tests) and hands them back ([`FgbRanges::add_index`], [`FgbRanges::read`]). So the same
//! code answers in the app and in native tests that count every request (the JS API still
//! fetches the parcel file whole).
//!
//! # How many requests
//! The first request ([`FgbRanges::FIRST`] bytes) holds the header and the index's top levels
//! (the root, its 16 children, their 256: 10 KB). Each lower level that a box reaches is one
//! more request for just the nodes under the boxes it meets (adjacent ones merged), and the
//! features are one more (nearby ones merged, [`FEATURE_GAP`]). A file of 1,000,000 plots
//! has 6 levels: one point is 5 requests.

use super::index::{levels, meets, parse_node, NODE};
use super::{damaged, feature_at, take, Head};
use crate::error::Problem;
use crate::read::geojson::RawFile;
use std::collections::HashMap;
use std::ops::Range;

/// Index nodes this few bytes apart are fetched in one request.
pub const NODE_GAP: u64 = 2048;

/// Features this few bytes apart are fetched in one request.
pub const FEATURE_GAP: u64 = 4096;

/// A byte range of the file, `start..end` (end exclusive), as an HTTP `Range` asks for
/// `bytes=start-(end-1)`.
pub type ByteRange = Range<u64>;

/// A feature the index found: its number in the file and where its bytes are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The feature's number, from 0, in file order.
    pub index: usize,
    /// Its bytes in the file (size prefix included).
    pub bytes: ByteRange,
}

/// What a search needs next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// These ranges of index nodes, then search again.
    Fetch(Vec<ByteRange>),
    /// The features whose boxes meet the box and that were not read yet, in file order. Their
    /// bytes, merged into few requests, are [`FgbRanges::feature_ranges`].
    Features(Vec<Span>),
}

/// A FlatGeobuf file read by byte ranges (see the [module docs](self)).
pub struct FgbRanges {
    file: String,
    head: Head,
    /// The file's length in bytes.
    len: u64,
    levels: Vec<Range<usize>>,
    node_size: usize,
    /// Where the index starts, and where the features start.
    index_start: u64,
    data: u64,
    /// The index nodes fetched so far, by position.
    nodes: HashMap<usize, ([f64; 4], u64)>,
    /// The features read so far: their numbers, and their offsets from the start of the data.
    taken: HashMap<usize, u64>,
}

impl FgbRanges {
    /// How many bytes to fetch first: the header and the index's top three levels.
    pub const FIRST: u64 = 16 * 1024;

    /// A parcel file longer than this is read only by area, where asked (a province's file);
    /// a shorter one is read whole (the app: after the first answer, so that a plate, a code or
    /// a plot id is found anywhere). The app, the JS API (`WHOLE_FILE_MAX` in `baft.mjs`) and
    /// the service worker (which keeps no offline copy of a file read by area) follow it; a
    /// test pins their copies of the figure to this one.
    pub const WHOLE_FILE_MAX: u64 = 128 * 1024 * 1024;

    /// Names each feature it leaves out as a layer read by `id_property` names it
    /// ([`crate::read::geojson::feature_id`]).
    pub fn naming_by(mut self, id_property: Option<&str>) -> Self {
        self.head.id_property = id_property.map(str::to_string);
        self
    }

    /// Whether `bytes` may be this file's whole bytes: no fewer than it had when opened (a body
    /// cut short is not). More may be: a host that stores the file compressed counts its ranges
    /// in compressed bytes, and the browser decompresses the whole file.
    pub fn is_whole(&self, bytes: &[u8]) -> Result<(), Problem> {
        match bytes.len() as u64 >= self.len {
            true => Ok(()),
            false => Err(damaged(
                &self.file,
                None,
                &format_args!(
                    "the whole file came as {} bytes, fewer than the {} read by ranges",
                    bytes.len(),
                    self.len
                ),
            )),
        }
    }

    /// How many bytes from the start hold the header, from the first bytes (at least 12).
    pub fn header_len(file: &str, first: &[u8]) -> Result<u64, Problem> {
        Ok(Head::len(file, first)? as u64)
    }

    /// Opens a file of `len` bytes from its first bytes (the whole header, and any index
    /// nodes after it). `Ok(None)` when the file has no index: read it whole.
    pub fn open(file: &str, first: &[u8], len: u64) -> Result<Option<FgbRanges>, Problem> {
        let head = Head::read(file, first)?;
        let node_size = usize::from(head.node_size);
        if node_size < 2 || head.count == 0 {
            return Ok(None);
        }
        // Each feature has a 40-byte leaf: a count the file can't hold is damage (and would
        // overflow the sizes below).
        if head.count as u64 > len / NODE as u64 {
            return Err(damaged(file, None, &"the index is longer than the file"));
        }
        let levels = levels(head.count, node_size)
            .ok_or_else(|| damaged(file, None, &"the index is longer than the file"))?;
        let total = levels.first().map_or(0, |l| l.end) as u64;
        let index_start = head.header_end as u64;
        let data = total
            .checked_mul(NODE as u64)
            .and_then(|n| n.checked_add(index_start))
            .filter(|&d| d <= len)
            .ok_or_else(|| damaged(file, None, &"the index is longer than the file"))?;
        let mut r = FgbRanges {
            file: file.into(),
            head,
            len,
            levels,
            node_size,
            index_start,
            data,
            nodes: HashMap::new(),
            taken: HashMap::new(),
        };
        r.add_index(0, first);
        Ok(Some(r))
    }

    /// How many features the file holds, as its header says.
    pub fn count(&self) -> usize {
        self.head.count
    }

    /// Whether the header's CRS is lon/lat (EPSG:4326), or not given.
    pub fn is_lon_lat(&self) -> bool {
        matches!(self.head.crs_name.as_deref(), None | Some("EPSG:4326"))
    }

    /// The byte offsets (from the start of the feature data) of the features read so far: the
    /// whole file's reader passes over them ([`super::FgbChunks::pass_over`]) when the rest of
    /// the layer is read after them.
    pub fn read_offsets(&self) -> impl Iterator<Item = usize> + '_ {
        self.taken
            .values()
            .map(|&o| usize::try_from(o).unwrap_or(usize::MAX))
    }

    /// Keeps the whole index nodes among `bytes`, which start at byte `start` of the file.
    pub fn add_index(&mut self, start: u64, bytes: &[u8]) {
        let end = start.saturating_add(bytes.len() as u64).min(self.data);
        let mut at = start.max(self.index_start);
        // The first whole node at or after `start`.
        let rem = (at - self.index_start) % NODE as u64;
        if rem != 0 {
            at += NODE as u64 - rem;
        }
        while at + NODE as u64 <= end {
            let pos = ((at - self.index_start) / NODE as u64) as usize;
            let Some(node) = bytes.get((at - start) as usize..).and_then(parse_node) else {
                break;
            };
            self.nodes.insert(pos, node);
            at += NODE as u64;
        }
    }

    /// Searches the index for `bbox` (`[min x, min y, max x, max y]` in the file's CRS) with
    /// the nodes fetched so far: the ranges still needed, or the features found.
    pub fn search(&self, bbox: [f64; 4]) -> Step {
        let mut level = self.levels.len() - 1;
        let mut groups = vec![0usize];
        loop {
            let bounds = self.levels[level].clone();
            let leaves = level == 0;
            let group = |g: usize| g..g.saturating_add(self.node_size).min(bounds.end);
            // At the leaves, one node more: its offset is where the feature before it ends.
            let wanted = |g: usize| {
                let r = group(g);
                if leaves {
                    r.start..(r.end + 1).min(bounds.end)
                } else {
                    r
                }
            };
            let missing: Vec<ByteRange> = groups
                .iter()
                .map(|&g| wanted(g))
                .filter(|r| r.clone().any(|p| !self.nodes.contains_key(&p)))
                .map(|r| self.node_bytes(r))
                .collect();
            if !missing.is_empty() {
                return Step::Fetch(merge(missing, NODE_GAP));
            }
            let mut next = Vec::new();
            let mut spans = Vec::new();
            for &g in &groups {
                for pos in group(g) {
                    let Some((b, offset)) = self.nodes.get(&pos) else {
                        continue;
                    };
                    if !meets(b, &bbox) {
                        continue;
                    }
                    if leaves {
                        let index = pos - bounds.start;
                        if self.taken.contains_key(&index) {
                            continue;
                        }
                        let start = self.data.saturating_add(*offset);
                        // The next leaf's feature starts where this one ends; the last one
                        // ends with the file, and so does one whose next leaf points before it
                        // (damage: its size prefix then says where it ends).
                        let end = match self.nodes.get(&(pos + 1)) {
                            Some((_, o)) if pos + 1 < bounds.end => {
                                Some(self.data.saturating_add(*o)).filter(|&e| e > start)
                            }
                            _ => None,
                        };
                        let end = end.unwrap_or(self.len);
                        spans.push(Span {
                            index,
                            bytes: start..end,
                        });
                    } else {
                        // A child must be on the next level down: anything else is damage.
                        let child = usize::try_from(*offset).unwrap_or(usize::MAX);
                        if self.levels[level - 1].contains(&child) {
                            next.push(child);
                        }
                    }
                }
            }
            if leaves || next.is_empty() {
                spans.sort_unstable_by_key(|s| s.index);
                return Step::Features(spans);
            }
            next.sort_unstable();
            next.dedup();
            groups = next;
            level -= 1;
        }
    }

    /// The byte ranges that hold `spans`, nearby ones merged ([`FEATURE_GAP`]).
    pub fn feature_ranges(spans: &[Span]) -> Vec<ByteRange> {
        let ranges = spans
            .iter()
            .map(|s| s.bytes.clone())
            .filter(|r| r.start < r.end);
        merge(ranges.collect(), FEATURE_GAP)
    }

    /// An error naming the first of `spans` that was not read (its bytes lie outside the file,
    /// or did not come): the index points where no feature is.
    pub fn check_read(&self, spans: &[Span]) -> Result<(), Problem> {
        match spans.iter().find(|s| !self.taken.contains_key(&s.index)) {
            Some(s) => Err(damaged(
                &self.file,
                Some(s.index),
                &"the index points outside the features",
            )),
            None => Ok(()),
        }
    }

    /// Decodes the `spans` whose bytes lie within `bytes` (which start at byte `start` of the
    /// file) and were not read before; a feature that is not a polygon is a problem in the
    /// file returned, a damaged one an error naming it.
    pub fn read(&mut self, start: u64, bytes: &[u8], spans: &[Span]) -> Result<RawFile, Problem> {
        let mut out = RawFile {
            features: Vec::new(),
            crs_name: self.head.crs_name.clone(),
            problems: Vec::new(),
        };
        let end = start.saturating_add(bytes.len() as u64);
        // Marked as read only when the whole call succeeds: a plot decoded before a damaged
        // one is read again on the next try, never lost.
        let mut read = Vec::new();
        for s in spans {
            if s.bytes.start < start || s.bytes.start >= end || self.taken.contains_key(&s.index) {
                continue;
            }
            let cut = || damaged(&self.file, Some(s.index), &"not a readable feature");
            if s.bytes.end > end {
                return Err(cut());
            }
            let at = usize::try_from(s.bytes.start.saturating_sub(start)).map_err(|_| cut())?;
            let to = usize::try_from(s.bytes.end.saturating_sub(start)).map_err(|_| cut())?;
            let slice = bytes.get(at..to.max(at)).ok_or_else(cut)?;
            let (feature, _) = feature_at(slice, 0, 0).ok_or_else(cut)?;
            take(
                &self.file,
                (&self.head.columns, self.head.id_property.as_deref()),
                self.head.geometry_type,
                s.index,
                feature,
                &mut out,
            )?;
            read.push((s.index, s.bytes.start.saturating_sub(self.data)));
        }
        self.taken.extend(read);
        Ok(out)
    }

    /// Reads the features whose boxes meet `bbox` and were not read yet, fetching what is
    /// needed with `fetch` (which returns the bytes of a range). For callers that can fetch
    /// without waiting: native tools and tests. The browser runs the same steps with `await`.
    pub fn query(
        &mut self,
        bbox: [f64; 4],
        mut fetch: impl FnMut(ByteRange) -> Result<Vec<u8>, Problem>,
    ) -> Result<RawFile, Problem> {
        // Each round reaches at least one level further down, so this ends.
        for _ in 0..=self.levels.len() {
            match self.search(bbox) {
                Step::Fetch(ranges) => {
                    for r in ranges {
                        let bytes = fetch(r.clone())?;
                        self.add_index(r.start, &bytes);
                    }
                }
                Step::Features(spans) => {
                    let mut all = RawFile {
                        features: Vec::new(),
                        crs_name: self.head.crs_name.clone(),
                        problems: Vec::new(),
                    };
                    for r in Self::feature_ranges(&spans) {
                        let bytes = fetch(r.clone())?;
                        let mut got = self.read(r.start, &bytes, &spans)?;
                        all.features.append(&mut got.features);
                        all.problems.append(&mut got.problems);
                    }
                    self.check_read(&spans)?;
                    return Ok(all);
                }
            }
        }
        Err(damaged(
            &self.file,
            None,
            &"the index does not lead to its leaves",
        ))
    }

    fn node_bytes(&self, nodes: Range<usize>) -> ByteRange {
        let at = |p: usize| self.index_start + (p as u64) * NODE as u64;
        at(nodes.start)..at(nodes.end)
    }
}

/// Sorted ranges, those `gap` or fewer bytes apart joined.
fn merge(mut ranges: Vec<ByteRange>, gap: u64) -> Vec<ByteRange> {
    ranges.sort_unstable_by_key(|r| r.start);
    let mut out: Vec<ByteRange> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end.saturating_add(gap) => {
                last.end = last.end.max(r.end);
            }
            _ => out.push(r),
        }
    }
    out
}
