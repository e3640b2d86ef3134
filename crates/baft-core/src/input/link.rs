//! `geo:` URIs and map links that carry coordinates.
//!
//! Owners share locations from map apps. Baft reads the coordinates in the link itself and
//! never opens it (no request leaves the browser). Recognised, in this order:
//! - `!3dLAT!4dLON` (Google Maps place data: the pin, preferred over the view);
//! - a place in the path: Google's dropped pin (`/maps/search/lat,+lon`, `/maps/place/DMS`),
//!   Neshan's shared point and route (`/maps/share/lat,lon`, `/destination/lat,lon`) and its
//!   embedded place (`/maps/iframe/places/<id>/<lat>/<lon>`, or after its view:
//!   `#c35.689-51.363-18z-0p/<lat>/<lon>`);
//! - `@lat,lon` in the path (Google Maps, Neshan: `neshan.org/maps/@35.70,51.11,15z`);
//! - query parameters `q`, `query`, `ll`, `center`, `destination`, `daddr`, `sll` holding
//!   `lat,lon`; `mlat`+`mlon` (OpenStreetMap markers); `lat`+`lon`/`lng`;
//!   `latitude`+`longitude` (Balad);
//! - a `#map=zoom/lat/lon` fragment (OpenStreetMap) or `#zoom/lat/lon` (Balad);
//! - Neshan's view, `#c<lat>-<lon>-<zoom>z-<pitch>p`, as its place links end.
//!
//! A view (a fragment) is the map's centre, not a pin. Neshan's is rounded to three decimals,
//! and its place page centres the map beside the place ([`VIEW_OFF_CENTRE_PX`] at the view's
//! zoom): where the place may be [`ROUNDED_M`] or more from the point read, the form says how
//! far ([`InputForm::MapLink`]'s `rounded_m`), and the answer draws that circle as a GPS fix's.
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
    let form = |rounded_m: Option<u32>| InputForm::MapLink {
        provider: provider.clone(),
        rounded_m,
    };
    let (before_frag, fragment) = url.split_once('#').unwrap_or((url, ""));
    let (path, query) = before_frag.split_once('?').unwrap_or((before_frag, ""));
    let path = percent_decode(path);

    // 1. Google's !3d…!4d… data parameters (the pin; the @ part is only the view).
    if let (Some(i3), Some(i4)) = (path.find("!3d"), path.find("!4d")) {
        let lat = num(path[i3 + 3..].split('!').next().unwrap_or(""));
        let lon = num(path[i4 + 3..].split(['!', '?', '/']).next().unwrap_or(""));
        if let (Some(lat), Some(lon)) = (lat, lon) {
            return checked(lat, lon, form(None));
        }
    }
    // 2. The place itself in the path, as Google's dropped-pin links open:
    //    `/maps/search/35.709700,+51.111900`, `/maps/place/35°42'34.9"N+51°06'42.8"E/@…`.
    let mut segments = path.split('/');
    while let Some(seg) = segments.next() {
        if matches!(seg, "search" | "place" | "share" | "destination") {
            if let Some(p) = segments.next().and_then(place_in_path) {
                return checked(p.lat, p.lon, form(None));
            }
        }
    }
    // Neshan's embedded place: its position after the place's id, or after the view.
    if provider == "neshan" {
        // After the view, only figures and slashes (a messenger may add `?utm_source=…`).
        let after_view = (fragment.strip_prefix('c').and_then(|f| f.split_once('/')))
            .map(|(_, t)| t.split(|c: char| !(c.is_ascii_digit() || "./+-".contains(c))))
            .and_then(|mut t| t.next());
        for tail in [Some(path.as_str()), after_view] {
            if let Some((lat, lon)) = tail.and_then(last_two) {
                return checked(lat, lon, form(None));
            }
        }
    }
    // 3. @lat,lon in the path (the map's view).
    if let Some(at) = path.find('@') {
        if let Some((lat, lon)) = pair(&path[at + 1..]) {
            return checked(lat, lon, form(None));
        }
    }
    // 4. Query parameters.
    if let Some((lat, lon)) = in_query(query) {
        return checked(lat, lon, form(None));
    }
    // 5. The map's view in the fragment.
    if let Some((lat, lon, rounded_m)) = view_in_fragment(fragment) {
        return checked(lat, lon, form(rounded_m));
    }
    Err(BaftError::LinkWithoutCoordinates {
        host: if host.is_empty() { "?".into() } else { host },
    })
}

/// A point in a link's query: `q`, `query`, `ll`, `center`, `destination`, `daddr` or `sll`
/// holding `lat,lon`, or a latitude and a longitude parameter.
fn in_query(query: &str) -> Option<(f64, f64)> {
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
            return Some((lat, lon));
        }
    }
    for (la, lo) in [
        ("mlat", "mlon"),
        ("lat", "lon"),
        ("lat", "lng"),
        ("latitude", "longitude"),
    ] {
        if let (Some(lat), Some(lon)) = (get(la).and_then(num), get(lo).and_then(num)) {
            return Some((lat, lon));
        }
    }
    None
}

/// The map's view in a link's fragment: `#map=z/lat/lon` (OpenStreetMap), `#z/lat/lon` (Balad)
/// or `#c<lat>-<lon>-<zoom>z-<pitch>p` (Neshan), with how far its figures are rounded.
fn view_in_fragment(fragment: &str) -> Option<(f64, f64, Option<u32>)> {
    let frag = percent_decode(fragment);
    let frag = frag.trim_start_matches("map=");
    let bits: Vec<&str> = frag.split(['/', '&']).collect();
    if let [z, a, b, ..] = bits[..] {
        if let (Some(_z), Some(lat), Some(lon)) = (num(z), num(a), num(b)) {
            return Some((lat, lon, said(rounding_m(a, b, lat))));
        }
    }
    let mut bits = frag.strip_prefix('c')?.split(['-', '/']);
    let (a, b) = (bits.next()?, bits.next()?);
    let lat = num(a)?;
    let zoom = bits.next().and_then(|z| num(z.strip_suffix('z')?));
    let off = zoom.map_or(0.0, |z| beside_centre(lat, z));
    Some((lat, num(b)?, said(rounding_m(a, b, lat) + off)))
}

/// A view's figures rounded to this many metres or more are said to be rounded.
pub const ROUNDED_M: f64 = 20.0;

/// How far from its view's centre Neshan's place page may show the place, in screen pixels: its
/// panel moves the map's centre off the place (by 93 m at zoom 18, about 190 pixels, in the
/// embedded place of the tests), so a tile's width.
pub const VIEW_OFF_CENTRE_PX: f64 = 256.0;

/// [`VIEW_OFF_CENTRE_PX`] in metres on the ground at `lat` and web-map zoom `zoom` (a fraction
/// of a zoom level is dropped: the larger circle; `powi`, not `powf`, which would link a 3 KB
/// `pow` into the owner's first download).
fn beside_centre(lat: f64, zoom: f64) -> f64 {
    let level = zoom.clamp(0.0, 24.0).floor() as i32;
    let metres_per_px = 156_543.034 * lat.to_radians().cos().abs() / 2f64.powi(level);
    VIEW_OFF_CENTRE_PX * metres_per_px
}

/// How far a point written with these figures may be from the place they were rounded from,
/// metres (half the last decimal, each way).
fn rounding_m(lat_text: &str, lon_text: &str, lat: f64) -> f64 {
    let half = |t: &str| 0.5 * 10f64.powi(-(t.split_once('.').map_or(0, |d| d.1.len()) as i32));
    let dy = half(lat_text) * 110_574.0;
    let dx = half(lon_text) * 111_320.0 * lat.to_radians().cos().abs();
    dx.hypot(dy)
}

/// How far the place may be from the point read, whole metres, as the form says it: `None`
/// under [`ROUNDED_M`].
fn said(r: f64) -> Option<u32> {
    (r >= ROUNDED_M).then_some(r.ceil() as u32)
}

/// The last two segments of a path as a latitude and a longitude written with decimals
/// (`…/35.689357/51.362070`).
fn last_two(path: &str) -> Option<(f64, f64)> {
    let mut segs = path.trim_end_matches('/').rsplit('/');
    let (lon, lat) = (segs.next()?, segs.next()?);
    if !(lat.contains('.') && lon.contains('.')) {
        return None;
    }
    Some((num(lat)?, num(lon)?))
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
