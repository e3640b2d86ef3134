//! The printable certificate (گواهی استعلام): the pieces an owner prints and an office checks.
//!
//! - [`short_hash`]: the first 12 hex digits of a data file's SHA-256, printed beside each file,
//!   so an office can tell which data gave the answer (`sha256sum data/layers/*.geojson` shows
//!   the same digits at the start);
//! - [`qr_svg`]: a QR code of the share link, as SVG (vector: prints sharply);
//! - [`map_svg`]: the plot or point and the boundaries around it, as SVG in true metres.
//!
//! The SVG texts hold only numbers and fixed names the code writes, never text from data files or
//! links, so they are safe to insert as markup. They are `aria-hidden`: the page names them
//! (in its language) on the element that holds them.

use crate::dataset::Dataset;
use crate::Lang;
use sha2::{Digest, Sha256};
use std::fmt::Write;

/// The first 12 hex digits (48 bits) of the SHA-256 of `bytes`.
///
/// ```
/// assert_eq!(baft_core::answer::certificate::short_hash(b"abc"), "ba7816bf8f01");
/// ```
pub fn short_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest[..6].iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// A QR code of `text` (error correction level M, a 4-module quiet zone) as an SVG document
/// whose modules form one path; `None` when the text is too long for a QR code (≈ 2,300 bytes).
///
/// ```
/// let svg = baft_core::answer::certificate::qr_svg("https://example.org/#p=35.7,51.1").unwrap();
/// assert!(svg.starts_with("<svg") && svg.contains("<path"));
/// ```
pub fn qr_svg(text: &str) -> Option<String> {
    use qrcodegen::{QrCode, QrCodeEcc};
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let n = qr.size();
    let quiet = 4;
    let side = n + 2 * quiet;
    let mut path = String::new();
    for y in 0..n {
        for x in 0..n {
            if qr.get_module(x, y) {
                let _ = write!(path, "M{},{}h1v1h-1z", x + quiet, y + quiet);
            }
        }
    }
    Some(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" shape-rendering="crispEdges" aria-hidden="true"><rect width="{side}" height="{side}" fill="#fff"/><path d="{path}" fill="#000"/></svg>"##
    ))
}

/// What the certificate's map shows.
#[derive(Debug, Clone, PartialEq)]
pub enum MapSubject<'a> {
    /// A point: longitude and latitude in decimal degrees.
    Point {
        /// Longitude, degrees (WGS84).
        lon: f64,
        /// Latitude, degrees (WGS84).
        lat: f64,
    },
    /// Rings of (lon, lat), the first the outer ring.
    Plot(&'a [Vec<(f64, f64)>]),
}

/// Width of the map drawing in SVG units (the page scales it).
const MAP_W: f64 = 600.0;
const MAP_H: f64 = 400.0;

/// The map of the certificate: every layer's zones around the subject (at least 300 m across,
/// or the plot with a margin of half its size), the plot's outline or the point, and a scale bar.
/// North is up; distances are true metres in the data's local frame. The scale bar's length is
/// in `lang` (`۱۰۰ متر`, `100 m`).
pub fn map_svg(ds: &Dataset, subject: &MapSubject, lang: Lang) -> String {
    let local = subject_local(ds, subject);
    let pts = local.iter().flatten();
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in pts {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    if x0 > x1 {
        return String::new();
    }
    // The view: the subject centred, with the drawing's aspect ratio.
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let w = (x1 - x0).max((y1 - y0) * MAP_W / MAP_H);
    let half_w = (2.0 * w).max(300.0) / 2.0;
    let half_h = half_w * MAP_H / MAP_W;
    let scale = MAP_W / (2.0 * half_w);
    let (vx0, vy1) = (cx - half_w, cy + half_h);
    let to_svg = |x: f64, y: f64| ((x - vx0) * scale, (vy1 - y) * scale);
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {MAP_W} {MAP_H}" aria-hidden="true"><rect width="{MAP_W}" height="{MAP_H}" fill="#fff" stroke="#555"/>"##
    );
    let box_local = [vx0, cy - half_h, cx + half_w, vy1];
    write_layers(&mut svg, ds, box_local, &to_svg);
    write_subject(&mut svg, subject, &local, &to_svg);
    write_scale_bar(&mut svg, half_w, scale, lang);
    svg
}

/// The subject's rings (a point as one ring of one position) in the data's local frame.
fn subject_local(ds: &Dataset, subject: &MapSubject) -> Vec<Vec<(f64, f64)>> {
    match subject {
        MapSubject::Point { lon, lat } => vec![vec![ds.frame.forward(*lon, *lat)]],
        MapSubject::Plot(rings) => rings
            .iter()
            .map(|r| {
                r.iter()
                    .map(|&(lon, lat)| ds.frame.forward(lon, lat))
                    .collect()
            })
            .collect(),
    }
}

/// Writes, per layer, one path of its zones whose boxes meet `box_local` (local metres), in the
/// layer's colour.
fn write_layers(
    svg: &mut String,
    ds: &Dataset,
    box_local: [f64; 4],
    to_svg: &impl Fn(f64, f64) -> (f64, f64),
) {
    for layer in &ds.layers {
        let colour = safe_colour(&layer.spec.colour);
        let mut d = String::new();
        for z in layer.candidates_in(box_local) {
            for poly in &z.local.0 {
                for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
                    path_ring(&mut d, ring.0.iter().map(|c| to_svg(c.x, c.y)));
                }
            }
        }
        if !d.is_empty() {
            let _ = write!(
                svg,
                r#"<path d="{d}" fill="{colour}" fill-opacity="0.2" fill-rule="evenodd" stroke="{colour}" stroke-width="1.5"/>"#
            );
        }
    }
}

/// Writes the subject over the layers: a ringed dot for a point, the outline for a plot.
fn write_subject(
    svg: &mut String,
    subject: &MapSubject,
    local: &[Vec<(f64, f64)>],
    to_svg: &impl Fn(f64, f64) -> (f64, f64),
) {
    match subject {
        MapSubject::Point { .. } => {
            let (x, y) = to_svg(local[0][0].0, local[0][0].1);
            let _ = write!(
                svg,
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="7" fill="#fff" stroke="#0b3d91" stroke-width="3"/>"##
            );
        }
        MapSubject::Plot(_) => {
            let mut d = String::new();
            for ring in local {
                path_ring(&mut d, ring.iter().map(|&(x, y)| to_svg(x, y)));
            }
            let _ = write!(
                svg,
                r##"<path class="plot" d="{d}" fill="#0b3d91" fill-opacity="0.12" fill-rule="evenodd" stroke="#0b3d91" stroke-width="3"/>"##
            );
        }
    }
}

/// Writes the scale bar (a round length near a fifth of the width, bottom left), the north
/// arrow, and closes the SVG. The length's words start at the bar's left end in either
/// language: in Persian the text runs right to left, so it is anchored by its end.
fn write_scale_bar(svg: &mut String, half_w: f64, scale: f64, lang: Lang) {
    let metres = nice_length(2.0 * half_w / 5.0);
    let len = metres as f64 * scale;
    let words = format!(
        "{} {}",
        crate::base::units::format_number(metres as f64, 0, lang),
        lang.pick("متر", "m")
    );
    let (dir, anchor) = match lang {
        Lang::Fa => ("rtl", "end"),
        Lang::En => ("ltr", "start"),
    };
    let _ = write!(
        svg,
        r##"<g stroke="#000" stroke-width="2"><path d="M12,{y}h{len:.1}M12,{t}v8M{e:.1},{t}v8"/></g><text x="12" y="{ty}" font-size="13" font-family="sans-serif" direction="{dir}" text-anchor="{anchor}">{words}</text><path d="M{nx},14l8,20h-16z" fill="#000"/><text x="{nx}" y="50" font-size="13" font-family="sans-serif" text-anchor="middle">N</text></svg>"##,
        y = MAP_H - 16.0,
        t = MAP_H - 20.0,
        e = 12.0 + len,
        ty = MAP_H - 24.0,
        nx = MAP_W - 24.0,
    );
}

fn path_ring(d: &mut String, mut pts: impl Iterator<Item = (f64, f64)>) {
    if let Some((x, y)) = pts.next() {
        let _ = write!(d, "M{x:.1},{y:.1}");
        for (x, y) in pts {
            let _ = write!(d, "L{x:.1},{y:.1}");
        }
        d.push('Z');
    }
}

/// 1, 2 or 5 × a power of ten, at most `x` (at least 1 m).
fn nice_length(x: f64) -> u64 {
    let p = 10f64.powf(x.max(1.0).log10().floor());
    let m = [5.0, 2.0, 1.0]
        .into_iter()
        .find(|m| m * p <= x)
        .unwrap_or(1.0);
    (m * p) as u64
}

/// A manifest colour as SVG takes it: `#` and hex digits only (else a neutral grey), so that no
/// data text reaches the markup.
fn safe_colour(c: &str) -> String {
    crate::answer::share::hex_colour(c).unwrap_or_else(|| "#666666".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_hashes_are_the_start_of_sha256() {
        // sha256("") = e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
        assert_eq!(short_hash(b""), "e3b0c44298fc");
    }

    #[test]
    fn qr_codes_grow_with_the_text_and_refuse_what_does_not_fit() {
        let small = qr_svg("https://qods.ir/baft/#p=35.7097,51.1119").unwrap();
        let big = qr_svg(&format!("https://qods.ir/baft/#g={}", "A".repeat(400))).unwrap();
        assert!(big.len() > small.len());
        assert!(qr_svg(&"x".repeat(5000)).is_none());
    }

    #[test]
    fn round_lengths() {
        assert_eq!(nice_length(120.0), 100);
        assert_eq!(nice_length(260.0), 200);
        assert_eq!(nice_length(60.0), 50);
        assert_eq!(nice_length(0.2), 1);
    }

    #[test]
    fn colours_from_data_never_reach_markup() {
        assert_eq!(safe_colour("#c0392b"), "#c0392b");
        assert_eq!(safe_colour("#abc"), "#abc");
        assert_eq!(safe_colour("red\"/><script>"), "#666666");
    }
}
