//! A plot outline typed or pasted as corners, one per line, as a deed's map lists them
//! (UTM corners named A, B, C… from the north-west), or as lat/lon.

use super::{parse_location_with, ParseOptions};
use crate::error::BaftError;

/// Reads corners, one per line, into a closed ring of `(lon, lat)`.
///
/// - Each line is any point form that [`super::parse_location`] accepts. A leading corner
///   label is skipped: a letter or Persian letter, or a number, followed by `:` `)` `.` `-`
///   (`A: 510122 3951756`, `الف) 35.71, 51.11`, `1- …`).
/// - Blank lines and lines starting with `#` are ignored. A repeated first corner at the end
///   is allowed (the ring is closed either way).
/// - At least three distinct corners are needed, and the sides must not cross.
///
/// ```
/// use baft_core::input::{parse_corners, ParseOptions};
/// let ring = parse_corners("A: E 510100 N 3951800\nB: E 510130 N 3951800\nC: E 510130 N 3951770\nD: E 510100 N 3951770", ParseOptions::default()).unwrap();
/// assert_eq!(ring.len(), 5);
/// assert_eq!(ring[0], ring[4]);
/// ```
pub fn parse_corners(text: &str, opts: ParseOptions) -> Result<Vec<(f64, f64)>, BaftError> {
    let mut ring: Vec<(f64, f64)> = Vec::new();
    let rows = numbered_rows(text);
    for (i, raw) in text.lines().enumerate() {
        let line = crate::base::digits::normalize(raw);
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let body = strip_label(line);
        let body = match rows {
            true => row_number(body).map_or(body, |(_, rest)| rest),
            false => body,
        };
        let p = parse_location_with(body, opts).map_err(|e| BaftError::CornerLine {
            line: i + 1,
            text: raw.trim().to_string(),
            reason: Box::new(e),
        })?;
        if ring.last() != Some(&p.lon_lat()) {
            ring.push(p.lon_lat());
        }
    }
    if ring.len() > 1 && ring.first() == ring.last() {
        ring.pop();
    }
    if ring.len() < 3 {
        return Err(BaftError::TooFewCorners { count: ring.len() });
    }
    if ring.len() > crate::dataset::MAX_PLOT_VERTICES {
        return Err(BaftError::PlotTooComplex {
            vertices: ring.len(),
            limit: crate::dataset::MAX_PLOT_VERTICES,
        });
    }
    if flat(&closed(&ring)) {
        return Err(BaftError::CornersNoArea);
    }
    if crate::read::geojson::ring_self_intersection(&closed(&ring)).is_some() {
        return Err(BaftError::CornersCrossing);
    }
    let first = ring[0];
    ring.push(first);
    Ok(ring)
}

/// A line's leading bare whole number (one to three digits, then a space or tab) and the rest,
/// when at least two more numbers follow: a row number (`1⇥510100⇥3951800`) or a UTM zone.
fn row_number(line: &str) -> Option<(u32, &str)> {
    let (first, rest) = line.split_once(char::is_whitespace)?;
    let n = (first.len() <= 3 && first.bytes().all(|b| b.is_ascii_digit()))
        .then(|| first.parse().ok())??;
    let more = (rest.split(|c: char| !(c.is_ascii_digit() || c == '.')))
        .filter(|w| w.bytes().any(|b| b.is_ascii_digit()))
        .count();
    (more >= 2).then_some((n, rest.trim()))
}

/// Whether the corners are numbered rows, as a deed's table pastes them (`1 510100 3951800`,
/// `2 …`): the lines start with bare whole numbers that differ. The same number on every line
/// is a UTM zone column (`39 510100 3951800`), read as the zone.
fn numbered_rows(text: &str) -> bool {
    let firsts: Vec<u32> = (text.lines())
        .map(crate::base::digits::normalize)
        .filter_map(|l| row_number(strip_label(l.trim())).map(|(n, _)| n))
        .collect();
    firsts.len() >= 2 && firsts.iter().any(|n| *n != firsts[0])
}

/// Whether a closed ring's corners lie on one line (no triangle of the fan from the first
/// corner has an area, relative to the ring's size).
fn flat(r: &[(f64, f64)]) -> bool {
    let (x0, y0) = r[0];
    let (mut bw, mut bh) = (0.0f64, 0.0f64);
    for &(x, y) in r {
        bw = bw.max((x - x0).abs());
        bh = bh.max((y - y0).abs());
    }
    let fan: f64 = r
        .windows(2)
        .map(|w| ((w[0].0 - x0) * (w[1].1 - y0) - (w[1].0 - x0) * (w[0].1 - y0)).abs())
        .sum();
    fan <= 1e-9 * (bw * bw + bh * bh)
}

fn closed(r: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut v = r.to_vec();
    v.push(r[0]);
    v
}

/// Drops a leading corner label such as `A:`, `B)`, `الف)` or `1-`: one to four letters, or
/// one or two digits, followed by `:` `)` `-` or `.` (but `35.7` is a number, not a label).
fn strip_label(line: &str) -> &str {
    let Some((i, c)) = line.char_indices().find(|(_, c)| !c.is_alphanumeric()) else {
        return line;
    };
    if !matches!(c, ':' | ')' | '-' | '.') {
        return line;
    }
    let label = &line[..i];
    let all_digits = label.chars().all(|c| c.is_ascii_digit());
    let all_letters = label.chars().all(|c| c.is_alphabetic());
    let ok = !label.is_empty()
        && ((all_letters && label.chars().count() <= 4)
            || (all_digits && label.len() <= 2 && c != '.'));
    let rest = line[i + c.len_utf8()..].trim();
    if ok && rest.chars().any(|c| c.is_ascii_digit()) {
        rest
    } else {
        line
    }
}
