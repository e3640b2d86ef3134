//! Share links (پیوند اشتراکی): the whole state of an answer in a URL fragment.
//!
//! A link such as `https://…/baft/#p=35.7097,51.1119&lang=en&v=qods-1&b=1402,1399,1390,1401`
//! reopens the same answer. The state lives in the **fragment** (after `#`), which browsers never
//! send to a server: opening a shared link does not reveal the plot's location to anyone, which
//! keeps Baft's privacy promise.
//!
//! Fields (all optional, in this order; values percent-encoded where needed):
//! - `p=<lat>,<lon>`: a point, decimal degrees, 6 decimals (≈ 0.1 m);
//! - `g=<outline>`: a plot outline in the compact encoding of [`encode_outline`];
//! - `id=<plot id>`: a surveyed plot of the parcel layer;
//! - `c=<city id>`: the city, in a national deployment (its catalogue, `crate::read::catalogue`);
//! - `lang=fa|en`;
//! - `v=<data version>`: the `data_version` of the manifest that gave the answer;
//! - `b=<version>,…`: the boundary version each layer's answer used, in the manifest's layer
//!   order (positional, to keep links short: a link must fit in a text message); `-` for a
//!   layer that gave no answer (its file failed to load), so that the later ones keep their
//!   places ([`SharedState::of_place`]);
//! - `f=<fact>:<value>,…`: the owner's facts (as [`crate::packages::PlotFacts::set_from_text`]
//!   reads them, with `:` for `=`).
//!
//! Unknown fields are ignored (newer links still open in older apps); a field that is present but
//! unreadable is an error naming it ([`BaftError::BadLink`]).
//!
//! ```
//! use baft_core::answer::share::{SharedState, Subject};
//! let s = SharedState {
//!     subject: Some(Subject::Point { lat: 35.7097, lon: 51.1119 }),
//!     city: None,
//!     lang: Some(baft_core::Lang::En),
//!     ..Default::default()
//! };
//! let text = s.to_fragment();
//! assert_eq!(text, "p=35.7097,51.1119&lang=en");
//! assert_eq!(SharedState::from_fragment(&text).unwrap(), s);
//! ```

use crate::error::BaftError;
use crate::Lang;

mod of_place;
mod outline;
pub use of_place::boundary_now;
pub use outline::{decode_outline, encode_outline};

/// `b=`'s entry for a layer that gave no answer.
const NO_ANSWER: &str = "-";

/// Degrees are stored as whole micro-degrees (1e-6° ≈ 0.11 m of latitude).
const SCALE: f64 = 1e6;

/// What the link points at.
#[derive(Debug, Clone, PartialEq)]
pub enum Subject {
    /// A point, decimal degrees.
    Point {
        /// Latitude, degrees (WGS84).
        lat: f64,
        /// Longitude, degrees (WGS84).
        lon: f64,
    },
    /// A plot outline: rings of (lon, lat), the first the outer ring; rings are closed
    /// (first corner repeated last).
    Outline(Vec<Vec<(f64, f64)>>),
    /// A surveyed plot, by its id in the parcel layer.
    Parcel(String),
}

/// Everything a link carries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SharedState {
    /// What the link points at (`p=`, `g=` or `id=`); `None` when it names none.
    pub subject: Option<Subject>,
    /// `c=<id>`: the city of a national deployment's catalogue (`read::catalogue`) the answer
    /// is in; `None` for a single city's deployment.
    pub city: Option<String>,
    /// `lang=fa|en`: the language of the answer; `None` when the link doesn't set one.
    pub lang: Option<Lang>,
    /// The manifest's `data_version` the answer came from.
    pub data_version: Option<String>,
    /// The boundary version id each layer's answer used, in the manifest's layer order; empty
    /// for a layer that gave no answer.
    pub boundary: Vec<String>,
    /// The owner's facts as `key=value` pairs separated by `,` (empty: none).
    pub facts: String,
}

impl SharedState {
    /// The fragment text (without `#`).
    pub fn to_fragment(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        match &self.subject {
            Some(Subject::Point { lat, lon }) => {
                parts.push(format!("p={},{}", degrees(*lat), degrees(*lon)))
            }
            Some(Subject::Outline(rings)) => parts.push(format!("g={}", encode_outline(rings))),
            Some(Subject::Parcel(id)) => parts.push(format!("id={}", escape(id))),
            None => {}
        }
        if let Some(c) = &self.city {
            parts.push(format!("c={}", escape(c)));
        }
        if let Some(l) = self.lang {
            parts.push(format!("lang={}", l.code()));
        }
        if let Some(v) = &self.data_version {
            parts.push(format!("v={}", escape(v)));
        }
        if !self.boundary.is_empty() {
            let b: Vec<String> = (self.boundary.iter())
                .map(|v| match v.as_str() {
                    "" => NO_ANSWER.into(),
                    NO_ANSWER => "%2D".into(), // a version named `-` is not "no answer"
                    v => escape(v),
                })
                .collect();
            parts.push(format!("b={}", b.join(",")));
        }
        let facts: Vec<String> = self
            .facts
            .split(',')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| format!("{}:{}", escape(k.trim()), escape(v.trim())))
            .collect();
        if !facts.is_empty() {
            parts.push(format!("f={}", facts.join(",")));
        }
        parts.join("&")
    }

    /// Reads a fragment (with or without the leading `#`).
    pub fn from_fragment(text: &str) -> Result<SharedState, BaftError> {
        let text = text.strip_prefix('#').unwrap_or(text);
        let mut s = SharedState::default();
        for part in text.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            // Browsers percent-encode what a link holds beyond ASCII: the message quotes it as
            // the sender wrote it.
            let shown = unescape(value).unwrap_or_else(|| value.to_string());
            let bad = || BaftError::BadLink {
                field: key.chars().take(20).collect(),
                text: shown.chars().take(80).collect(),
            };
            match key {
                "p" => {
                    // A point typed by hand may have Persian digits (۳۵٫۷,۵۱٫۱).
                    let value = crate::base::digits::normalize(&shown);
                    let (a, b) = value.split_once(',').ok_or_else(bad)?;
                    let (lat, lon) = (number(a).ok_or_else(bad)?, number(b).ok_or_else(bad)?);
                    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                        return Err(bad());
                    }
                    s.subject = Some(Subject::Point { lat, lon });
                }
                "g" => s.subject = Some(Subject::Outline(decode_outline(value).ok_or_else(bad)?)),
                "id" => {
                    let id = unescape(value).filter(|v| !v.is_empty()).ok_or_else(bad)?;
                    s.subject = Some(Subject::Parcel(id));
                }
                "c" => s.city = Some(unescape(value).filter(|v| !v.is_empty()).ok_or_else(bad)?),
                "lang" => s.lang = Some(Lang::parse(value).ok_or_else(bad)?),
                "v" => s.data_version = Some(unescape(value).ok_or_else(bad)?),
                "b" => {
                    for v in value.split(',') {
                        s.boundary.push(match v {
                            NO_ANSWER => String::new(),
                            v => unescape(v).filter(|v| !v.is_empty()).ok_or_else(bad)?,
                        });
                    }
                }
                "f" => {
                    let mut facts = Vec::new();
                    for pair in value.split(',').filter(|p| !p.is_empty()) {
                        let (k, v) = pair.split_once(':').ok_or_else(bad)?;
                        let (k, v) = (unescape(k).ok_or_else(bad)?, unescape(v).ok_or_else(bad)?);
                        if k.contains([',', '=', ';', '\n']) || v.contains([',', '=', ';', '\n']) {
                            return Err(bad());
                        }
                        facts.push(format!("{k}={v}"));
                    }
                    s.facts = facts.join(",");
                }
                _ => {} // a newer app's field: ignored
            }
        }
        Ok(s)
    }

    /// The boundary versions of the link that differ from `current` — `(layer id, version id)`
    /// in the manifest's layer order, as [`boundary_now`] gives it — as `(layer id, version in
    /// the link, version now)`; a position the current data has no layer for is named
    /// `#<position>` with `None` now. A layer that gave no answer, in the link or now, is not
    /// compared: a file that failed to load is not a change of boundary.
    pub fn boundary_changes(
        &self,
        current: &[(String, String)],
    ) -> Vec<(String, String, Option<String>)> {
        self.boundary
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.is_empty())
            .filter_map(|(i, v)| match current.get(i) {
                Some((_, now)) if now == v || now.is_empty() => None,
                Some((l, now)) => Some((l.clone(), v.clone(), Some(now.clone()))),
                None => Some((format!("#{}", i + 1), v.clone(), None)),
            })
            .collect()
    }

    /// The language a fragment asks for, even when another of its fields is unreadable (so that
    /// the error about it is given in that language).
    pub fn lang_of(fragment: &str) -> Option<Lang> {
        fragment
            .trim_start_matches('#')
            .split('&')
            .find_map(|p| p.strip_prefix("lang="))
            .and_then(Lang::parse)
    }
}

/// The page's configuration from its query string (`?embed=1&lang=en&layer=…&theme=0b3d91`):
/// how a municipality's page frames Baft. Unknown or unreadable parameters are ignored (the page
/// still opens); none of these carry a location.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageOptions {
    /// `embed=1`: the compact mode without the page chrome, for an iframe.
    pub embed: bool,
    /// `lang=fa|en`: the page's language; `None` when absent or not a known language.
    pub lang: Option<Lang>,
    /// `layer=<id>`: the layer to show first (the others start hidden on the map).
    pub layer: Option<String>,
    /// `theme=<hex>`: the accent colour, as `#rrggbb` or `#rgb`.
    pub theme: Option<String>,
}

impl PageOptions {
    /// Reads a query string (with or without the leading `?`).
    ///
    /// ```
    /// use baft_core::answer::share::PageOptions;
    /// let o = PageOptions::from_query("?embed=1&theme=%23006699&layer=informal&lang=en");
    /// assert!(o.embed);
    /// assert_eq!(o.theme.as_deref(), Some("#006699"));
    /// assert_eq!(PageOptions::from_query("theme=red;x:expression(1)").theme, None);
    /// ```
    pub fn from_query(query: &str) -> PageOptions {
        let mut o = PageOptions::default();
        for part in query.trim_start_matches('?').split('&') {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            let Some(v) = unescape(&v.replace('+', " ")) else {
                continue;
            };
            match k {
                "embed" => o.embed = matches!(v.as_str(), "1" | "true" | "yes"),
                "lang" => o.lang = Lang::parse(&v),
                "layer" if !v.is_empty() && v.len() <= 64 => o.layer = Some(v),
                "theme" => o.theme = hex_colour(&v),
                _ => {}
            }
        }
        o
    }
}

/// `#rrggbb` for a hex colour written with or without `#` (3 or 6 digits); `None` otherwise, so
/// that nothing but a colour ever reaches a style.
pub fn hex_colour(c: &str) -> Option<String> {
    let hex = c.trim().trim_start_matches('#');
    (matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// Degrees with at most 6 decimals, no trailing zeros.
fn degrees(x: f64) -> String {
    let s = format!("{:.6}", (x * SCALE).round() / SCALE);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

fn number(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Percent-encodes all but unreserved URL characters (UTF-8 bytes).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(char::from(HEX[(b >> 4) as usize]));
            out.push(char::from(HEX[(b & 15) as usize]));
        }
    }
    out
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Decodes `%XX` escapes (and `+` is kept as is); `None` for a broken escape or bytes that are
/// not UTF-8.
pub fn unescape(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = |c: u8| (c as char).to_digit(16);
            let hi = hex(*b.get(i + 1)?)?;
            let lo = hex(*b.get(i + 2)?)?;
            out.push((hi * 16 + lo) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests;
