//! The parcel layer read by HTTP range requests (see `engine/ranges.rs`): the calls the JS
//! wrapper's `readParcels` makes, round after round.

use super::{Baft, JsError};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Baft {
    /// How many bytes from the start of a FlatGeobuf file hold its header, from its first bytes
    /// (at least 12): when more than the first request gave, ask for that many before
    /// `openParcelRanges`. Throws when the bytes are not a FlatGeobuf file.
    #[wasm_bindgen(js_name = parcelHeaderLength)]
    pub fn parcel_header_length(first: &[u8]) -> Result<f64, JsError> {
        baft_core::read::fgb::FgbRanges::header_len("parcels", first)
            .map(|n| n as f64)
            .map_err(|p| super::error(&p.message(baft_core::Lang::En)))
    }

    /// Opens the parcel layer for reading by area from its first bytes (the file's first 16 KB)
    /// and its length. `false`: it can't be read by area (no index, not lon/lat): add it whole.
    #[wasm_bindgen(js_name = openParcelRanges)]
    pub fn open_parcel_ranges(&mut self, first: &[u8], len: f64) -> Result<bool, JsError> {
        if !(len.is_finite() && len >= 0.0) {
            return Err(JsError::new("the file's length is not a number of bytes"));
        }
        self.e
            .open_parcel_ranges(first, len as u64)
            .map_err(|m| super::error(&m))
    }

    /// Whether the parcel layer is read by area: read the plots around a place
    /// (`readParcels`) before asking about them.
    #[wasm_bindgen(getter, js_name = parcelsByRanges)]
    pub fn parcels_by_ranges(&self) -> bool {
        self.e.parcels_by_ranges()
    }

    /// The next byte ranges to fetch for the plots whose boxes meet the box, as
    /// `[start, end, start, end, …]` (end exclusive); empty once they are read and installed.
    #[wasm_bindgen(js_name = parcelRanges)]
    pub fn parcel_ranges(&mut self, west: f64, south: f64, east: f64, north: f64) -> Vec<f64> {
        self.e
            .parcel_ranges([west, south, east, north])
            .into_iter()
            .map(|x| x as f64)
            .collect()
    }

    /// The bytes of a range `parcelRanges` gave, from byte `start`.
    #[wasm_bindgen(js_name = addParcelBytes)]
    pub fn add_parcel_bytes(&mut self, start: f64, bytes: &[u8]) {
        self.e.add_parcel_bytes(start as u64, bytes)
    }
}
