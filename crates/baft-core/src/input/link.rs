//! `geo:` URIs and map links that carry coordinates.
//!
//! Owners share locations from map apps. Baft reads the coordinates in the link itself and
//! never opens it (no request leaves the browser). Recognised, in this order:
//! - `!3dLAT!4dLON` (Google Maps place data: the pin, preferred over the view);
//! - `@lat,lon` in the path (Google Maps, Neshan: `neshan.org/maps/@35.70,51.11,15z`);
//! - query parameters `q`, `query`, `ll`, `center`, `destination`, `daddr`, `sll` holding
//!   `lat,lon`; `mlat`+`mlon` (OpenStreetMap markers); `lat`+`lon`/`lng`;
//!   `latitude`+`longitude` (Balad);
//! - a `#map=zoom/lat/lon` fragment (OpenStreetMap) or `#zoom/lat/lon` (Balad).
//!
//! Short links (`maps.app.goo.gl/…`, `nshn.ir/…`) and place-id links hold no coordinates:
//! they give [`BaftError::LinkWithoutCoordinates`].

use super::{checked, InputForm, ParsedLocation};
use crate::error::BaftError;

pub(super) fn looks_like_link(lower: &str) -> bool {
    lower.contains("://")
        || lower.starts_with("www.")
        || [
            "google.",
            "goo.gl",
            "openstreetmap.",
            "osm.org",
            "neshan.org",
            "nshn.ir",
            "balad.ir",
        ]
        .iter()
        .any(|h| {
            lower
                .split(['/', '?', '#'])
                .next()
                .is_some_and(|first| first.contains(h))
        })
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
        i += 1;
    }
    crate::base::digits::normalize(&String::from_utf8_lossy(&out))
}

fn num(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty()
        || s.len() > 32
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+')
    {
        return None;
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// "35.7,51.1" (optionally prefixed by `loc:` and followed by more text) → (lat, lon).
fn pair(s: &str) -> Option<(f64, f64)> {
    let s = s.trim().trim_start_matches("loc:");
    let mut it = s.split([',', ' ']).filter(|p| !p.is_empty());
    let a = num(it.next()?)?;
    let b = num(it.next()?.trim_end_matches(|c: char| !c.is_ascii_digit()))?;
    Some((a, b))
}

fn host_of(url: &str) -> String {
    let after = url.split_once("://").map(|x| x.1).unwrap_or(url);
    after
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn provider_for(host: &str) -> &'static str {
    if host.contains("google") || host.contains("goo.gl") {
        "google"
    } else if host.contains("openstreetmap") || host.contains("osm.org") {
        "openstreetmap"
    } else if host.contains("neshan") || host.contains("nshn") {
        "neshan"
    } else if host.contains("balad") {
        "balad"
    } else {
        "other"
    }
}

pub(super) fn parse_map_link(url: &str) -> Result<ParsedLocation, BaftError> {
    let host = host_of(url);
    let provider = provider_for(&host).to_string();
    let form = || InputForm::MapLink {
        provider: provider.clone(),
    };
    let (before_frag, fragment) = url.split_once('#').unwrap_or((url, ""));
    let (path, query) = before_frag.split_once('?').unwrap_or((before_frag, ""));
    let path = percent_decode(path);

    // 1. Google's !3d…!4d… data parameters (the pin; the @ part is only the view).
    if let (Some(i3), Some(i4)) = (path.find("!3d"), path.find("!4d")) {
        let lat = num(path[i3 + 3..].split('!').next().unwrap_or(""));
        let lon = num(path[i4 + 3..].split(['!', '?', '/']).next().unwrap_or(""));
        if let (Some(lat), Some(lon)) = (lat, lon) {
            return checked(lat, lon, form());
        }
    }
    // 2. The place itself in the path, as Google's dropped-pin links open:
    //    `/maps/search/35.709700,+51.111900`, `/maps/place/35°42'34.9"N+51°06'42.8"E/@…`.
    let mut segments = path.split('/');
    while let Some(seg) = segments.next() {
        if matches!(seg, "search" | "place") {
            if let Some(p) = segments.next().and_then(place_in_path) {
                return checked(p.lat, p.lon, form());
            }
        }
    }
    // 3. @lat,lon in the path (the map's view).
    if let Some(at) = path.find('@') {
        if let Some((lat, lon)) = pair(&path[at + 1..]) {
            return checked(lat, lon, form());
        }
    }
    // 4. Query parameters.
    let params: Vec<(String, String)> = query
        .split('&')
        .filter_map(|kv| {
            kv.split_once('=')
                .map(|(k, v)| (k.to_ascii_lowercase(), percent_decode(v)))
        })
        .collect();
    let get = |k: &str| {
        params
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    for key in ["q", "query", "ll", "center", "destination", "daddr", "sll"] {
        if let Some((lat, lon)) = get(key).and_then(pair) {
            return checked(lat, lon, form());
        }
    }
    for (la, lo) in [
        ("mlat", "mlon"),
        ("lat", "lon"),
        ("lat", "lng"),
        ("latitude", "longitude"),
    ] {
        if let (Some(lat), Some(lon)) = (get(la).and_then(num), get(lo).and_then(num)) {
            return checked(lat, lon, form());
        }
    }
    // 5. Fragments: #map=z/lat/lon (OSM) or #z/lat/lon.
    let frag = percent_decode(fragment);
    let frag = frag.trim_start_matches("map=");
    let bits: Vec<&str> = frag.split(['/', '&']).collect();
    if bits.len() >= 3 {
        if let (Some(_z), Some(lat), Some(lon)) = (num(bits[0]), num(bits[1]), num(bits[2])) {
            return checked(lat, lon, form());
        }
    }
    Err(BaftError::LinkWithoutCoordinates {
        host: if host.is_empty() { "?".into() } else { host },
    })
}

/// A place written in a link's path (`+` for spaces): a lat/lon pair, or degrees, minutes and
/// seconds with their hemispheres; `None` for a place's name.
fn place_in_path(seg: &str) -> Option<ParsedLocation> {
    let text = seg.replace('+', " ");
    // Coordinates have decimals or degree marks; a name such as `Plaque 12 34` has neither.
    if !text.contains(['.', '°']) {
        return None;
    }
    // Read as typed coordinates are (either order, decimal or with degrees), not by `pair`,
    // which would take the first two numbers of any name.
    super::numbers::parse_plain(&text, super::ParseOptions::default()).ok()
}

/// RFC 5870: `geo:lat,lon[,alt][;params]`, and Android's `geo:0,0?q=lat,lon(label)`.
pub(super) fn parse_geo_uri(t: &str) -> Result<ParsedLocation, BaftError> {
    let bad = || BaftError::BadGeoUri {
        text: t.to_string(),
    };
    let body = &t[4..];
    let (coords, query) = body.split_once('?').unwrap_or((body, ""));
    let coords = coords.split(';').next().unwrap_or("");
    let parts: Vec<&str> = coords.split(',').collect();
    if parts.len() < 2 || parts.len() > 3 {
        return Err(bad());
    }
    let (lat, lon) = (
        num(parts[0]).ok_or_else(bad)?,
        num(parts[1]).ok_or_else(bad)?,
    );
    if lat == 0.0 && lon == 0.0 {
        if let Some(q) = query.split('&').find_map(|kv| kv.strip_prefix("q=")) {
            let q = percent_decode(q);
            let (la, lo) = pair(q.split('(').next().unwrap_or("")).ok_or_else(bad)?;
            return checked(la, lo, InputForm::GeoUri);
        }
    }
    checked(lat, lon, InputForm::GeoUri)
}
