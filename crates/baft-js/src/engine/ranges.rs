//! The parcel layer read by HTTP range requests, for the JS API (as the app reads it): the
//! engine says which byte ranges it needs, the JS wrapper (`www/js-api/baft.mjs`) fetches them
//! and hands them back, round after round, until the plots whose boxes meet a box are in.
//!
//! One area at a time: [`Engine::parcel_ranges`] gives the next ranges (index nodes, then the
//! features), [`Engine::add_parcel_bytes`] takes each range's bytes, and the call that finds
//! nothing more to fetch installs the plots read and returns no range.

use super::*;
use baft_core::layer::parcels::ParcelsBuilder;
use baft_core::read::fgb::{FgbRanges, Span, Step};

/// A parcel layer being read by ranges.
pub struct RemoteParcels {
    reader: FgbRanges,
    builder: ParcelsBuilder<'static>,
    /// The features of the current area (and its box), once their ranges were handed out.
    pub(super) pending: Option<(Vec<Span>, [f64; 4])>,
}

impl Engine {
    /// Opens the parcel layer for reading by ranges from its first bytes (at least
    /// `FgbRanges::FIRST`, or the whole header) and the file's length. `Ok(false)`: the file
    /// can't be read by area (no index, not in lon/lat, no parcel layer): fetch it whole.
    pub fn open_parcel_ranges(&mut self, first: &[u8], len: u64) -> Result<bool, String> {
        let Some(spec) = self.ds.manifest.parcels.clone() else {
            return Ok(false);
        };
        let reader = match FgbRanges::open(&spec.file, first, len) {
            Ok(Some(r)) => r.naming_by(Some(spec.id_key())),
            Ok(None) => return Ok(false),
            Err(p) => return Err(p.message(self.lang)),
        };
        let builder = ParcelsBuilder::by_ranges(&spec, &reader, &self.ds.frame);
        if !builder.is_lon_lat() {
            return Ok(false);
        }
        self.remote = Some(RemoteParcels {
            reader,
            builder,
            pending: None,
        });
        self.install_remote();
        Ok(true)
    }

    /// Whether the parcel layer is read by ranges (ask for an area before a plot question).
    pub fn parcels_by_ranges(&self) -> bool {
        self.remote.is_some()
    }

    /// The next byte ranges (`[start, end)` pairs, flattened) needed to read the plots whose
    /// boxes meet `bbox` (lon/lat); none once they are read (and installed).
    pub fn parcel_ranges(&mut self, bbox: [f64; 4]) -> Vec<u64> {
        let Some(r) = &mut self.remote else {
            return Vec::new();
        };
        if let Some((spans, asked)) = r.pending.take() {
            // The features came: install what was read; this area is done (a feature that did
            // not come is a problem, not a reason to ask again). Another box (a fetch failed and
            // the caller moved on) goes on below.
            if let Err(p) = r.reader.check_read(&spans) {
                self.problems.push(p);
            }
            self.install_remote();
            if asked == bbox {
                return Vec::new();
            }
        }
        let Some(r) = &mut self.remote else {
            return Vec::new();
        };
        let ranges = match r.reader.search(bbox) {
            Step::Fetch(ranges) => ranges,
            Step::Features(spans) if spans.is_empty() => return Vec::new(),
            Step::Features(spans) => {
                let ranges = FgbRanges::feature_ranges(&spans);
                r.pending = Some((spans, bbox));
                ranges
            }
        };
        ranges.iter().flat_map(|r| [r.start, r.end]).collect()
    }

    /// Takes the bytes of a range [`Self::parcel_ranges`] gave, starting at byte `start`.
    pub fn add_parcel_bytes(&mut self, start: u64, bytes: &[u8]) {
        let Some(r) = &mut self.remote else { return };
        match &r.pending {
            None => r.reader.add_index(start, bytes),
            Some((spans, _)) => match r.reader.read(start, bytes, spans) {
                Ok(raw) => {
                    self.problems.extend(raw.problems.iter().cloned());
                    r.builder.add(raw);
                }
                Err(p) => self.problems.push(p),
            },
        }
    }

    /// Installs the plots read so far. A snapshot's problems are not recorded: the features'
    /// own are, as they are read (an area with no plot yet is not an empty layer).
    fn install_remote(&mut self) {
        if let Some(r) = &self.remote {
            // Only the plots around the places asked about: a plate can't be looked up.
            let read = baft_core::dataset::ParcelsRead::ByArea;
            let _ = self.ds.install_parcels_part(r.builder.snapshot(), read);
        }
    }
}
