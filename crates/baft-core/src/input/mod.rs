//! What an owner types or pastes to find a plot.
//!
//! [`parse_location`] reads one point in any of these forms (Persian, Arabic-Indic or Latin
//! digits; `٫` and `،` as decimal point and comma; invisible bidi marks ignored):
//!
//! | form | example |
//! |---|---|
//! | decimal lat, lon (either order: Iran's latitudes 25–40 and longitudes 44–64 don't overlap) | `35.7097, 51.1119`, `۵۱٫۱۱۱۹ ۳۵٫۷۰۹۷` |
//! | the same with a slash as the decimal mark (a pair in Iran's ranges only) | `۳۵/۶۹۵۱، ۵۱/۰۹۴۶` |
//! | degrees, minutes, seconds | `35°42′35″N 51°06′43″E`, `۳۵ درجه ۴۲ دقیقه ۳۵ ثانیه شمالی …` |
//! | UTM (zone 39N unless a zone is given) | `E 510122 N 3951756`, `510122 3951756`, `39S 510122 3951756` |
//! | `geo:` URI | `geo:35.7097,51.1119` |
//! | map links | Google Maps `?q=`/`@lat,lon`, OpenStreetMap `#map=` and `mlat/mlon`, Neshan and Balad |
//!
//! [`parse_corners`] reads a plot outline as corners, one per line, each in any point form
//! (an optional corner label such as `A:` or `الف)` is skipped).
//!
//! ```
//! use baft_core::input::{parse_location, InputForm};
//! let p = parse_location("E 510122 N 3951756").unwrap();
//! assert!(matches!(p.form, InputForm::Utm { zone: 39, .. }));
//! assert!((p.lat - 35.7097).abs() < 1e-4 && (p.lon - 51.1119).abs() < 1e-4);
//! ```

pub mod address;
mod corners;
mod link;
mod numbers;
pub mod plate;
pub mod wkt;

pub use corners::parse_corners;
pub use link::{ROUNDED_M, VIEW_OFF_CENTRE_PX};

use crate::error::BaftError;
use crate::geometry::projection::TransverseMercator;
use serde::Serialize;

pub use crate::geometry::crs::{IRAN_LAT, IRAN_LON};

/// Options for reading coordinates.
#[derive(Debug, Clone, Copy)]
pub struct ParseOptions {
    /// The UTM zone assumed when UTM figures give none (39 for Qods).
    pub default_utm_zone: u8,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            default_utm_zone: 39,
        }
    }
}

/// Which form the input was read as.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "form", rename_all = "snake_case")]
pub enum InputForm {
    /// Decimal degrees; `swapped` when written longitude first.
    Decimal {
        /// Whether it was written longitude first.
        swapped: bool,
    },
    /// Degrees, minutes and seconds.
    Dms,
    /// UTM easting/northing in a northern zone.
    Utm {
        /// The UTM zone number, 1 to 60.
        zone: u8,
        /// Easting, metres.
        easting: f64,
        /// Northing, metres.
        northing: f64,
    },
    /// An RFC 5870 `geo:` URI.
    GeoUri,
    /// A map link from a known or unknown provider.
    MapLink {
        /// Whose link: `google`, `openstreetmap`, `neshan`, `balad` or `other`.
        provider: String,
        /// The link gives only the map's view, and the place may be this far from the point
        /// read, metres: a Neshan place link's view, rounded to three decimals (72 m) and
        /// beside the place by up to [`VIEW_OFF_CENTRE_PX`] at its zoom (569 m at 16z);
        /// `None` under [`ROUNDED_M`].
        #[serde(skip_serializing_if = "Option::is_none")]
        rounded_m: Option<u32>,
    },
}

/// A point read from the user's text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParsedLocation {
    /// Latitude, decimal degrees (WGS84).
    pub lat: f64,
    /// Longitude, decimal degrees (WGS84).
    pub lon: f64,
    /// The form the text was written in.
    #[serde(flatten)]
    pub form: InputForm,
}

impl ParsedLocation {
    /// `(lon, lat)`, the order GeoJSON and Baft's checks use.
    pub fn lon_lat(&self) -> (f64, f64) {
        (self.lon, self.lat)
    }
}

/// Reads one point with the default options (UTM zone 39).
pub fn parse_location(text: &str) -> Result<ParsedLocation, BaftError> {
    parse_location_with(text, ParseOptions::default())
}

/// Reads one point. See the module docs for the accepted forms.
pub fn parse_location_with(text: &str, opts: ParseOptions) -> Result<ParsedLocation, BaftError> {
    // Long text is no location: answered without reading it all (the message quotes its start).
    if text.len() > MAX_INPUT_BYTES {
        return Err(too_long(text));
    }
    let norm = crate::base::digits::normalize(text);
    let t = norm.trim();
    if t.is_empty() {
        return Err(BaftError::EmptyInput);
    }
    if t.len() > MAX_INPUT_BYTES {
        return Err(too_long(t));
    }
    let lower = t.to_ascii_lowercase();
    if lower.starts_with("geo:") {
        return link::parse_geo_uri(t);
    }
    if link::looks_like_link(&lower) {
        return link::parse_map_link(t);
    }
    numbers::parse_plain(t, opts).or_else(|e| match slash_decimals(t) {
        Some(d) => numbers::parse_plain(&d, opts)
            .ok()
            .filter(|p| in_iran_lat(p.lat) && in_iran_lon(p.lon))
            .ok_or(e),
        None => Err(e),
    })
}

/// A latitude and longitude written with a slash as the decimal mark, as many Persian
/// speakers type it (`۳۵/۶۹۵۱، ۵۱/۰۹۴۶`): exactly two numbers, each `digits/digits` with one to
/// three digits before the slash, the slashes made points. A single `121/406` is a plate and is
/// never read so; the caller keeps the result only when it falls in Iran's ranges.
fn slash_decimals(t: &str) -> Option<String> {
    let parts: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '،' | ';' | '؛'))
        .filter(|p| !p.is_empty())
        .collect();
    let shaped = |p: &str| {
        let (a, b) = p.split_once('/')?;
        let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
        (digits(a) && digits(b) && a.len() <= 3).then(|| format!("{a}.{b}"))
    };
    match parts.as_slice() {
        [a, b] => Some(format!("{}, {}", shaped(a)?, shaped(b)?)),
        _ => None,
    }
}

/// Typed or pasted text longer than this (bytes) is not read as a location.
pub const MAX_INPUT_BYTES: usize = 4096;

/// [`BaftError::Unrecognised`] quoting the start of a long text (the message cuts it with "…").
pub(crate) fn too_long(text: &str) -> BaftError {
    BaftError::Unrecognised {
        text: crate::base::digits::normalize(&text.chars().take(100).collect::<String>())
            .trim()
            .to_string(),
    }
}

/// Builds a location from UTM figures, checking ranges.
pub(crate) fn from_utm(zone: u8, easting: f64, northing: f64) -> Result<ParsedLocation, BaftError> {
    if !(166_000.0..=834_000.0).contains(&easting)
        || !(0.0..=9_400_000.0).contains(&northing)
        || !(1..=60).contains(&zone)
    {
        return Err(BaftError::UtmOutOfRange { easting, northing });
    }
    let (lon, lat) = TransverseMercator::utm_north(zone).inverse(easting, northing);
    checked(
        lat,
        lon,
        InputForm::Utm {
            zone,
            easting,
            northing,
        },
    )
}

/// Checks a lat/lon pair's ranges.
pub(crate) fn checked(lat: f64, lon: f64, form: InputForm) -> Result<ParsedLocation, BaftError> {
    if !lat.is_finite() || !lon.is_finite() || lat.abs() > 90.0 || lon.abs() > 180.0 {
        return Err(BaftError::OutOfRange { lat, lon });
    }
    Ok(ParsedLocation { lat, lon, form })
}

pub(crate) fn in_iran_lat(x: f64) -> bool {
    (IRAN_LAT.0..=IRAN_LAT.1).contains(&x)
}
pub(crate) fn in_iran_lon(x: f64) -> bool {
    (IRAN_LON.0..=IRAN_LON.1).contains(&x)
}

#[cfg(test)]
mod tests;
