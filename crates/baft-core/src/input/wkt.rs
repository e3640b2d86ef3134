//! A plot outline as Well-Known Text, as QGIS's "Copy as WKT" and spreadsheets of plots give
//! it: `POLYGON((lon lat, lon lat, …), (hole …))` or a `MULTIPOLYGON` of one part (`Z`/`M`
//! figures dropped), in lon/lat, any digits.
//!
//! ```
//! use baft_core::input::wkt::parse_wkt_polygon;
//! let rings = parse_wkt_polygon(
//!     "POLYGON((51.1 35.7, 51.101 35.7, 51.101 35.701, 51.1 35.701, 51.1 35.7))",
//! )
//! .unwrap();
//! assert_eq!((rings.len(), rings[0].len()), (1, 5));
//! assert!(parse_wkt_polygon("POLYGON((51.1 35.7, 51.101 35.7))").is_err());
//! ```

use crate::base::digits::is_invisible_mark;
use crate::error::{BaftError, ProblemKind};

/// The text after `POLYGON` or `MULTIPOLYGON` (and an optional `Z`, `M` or `ZM`), with whether it
/// is a multipolygon; `None` when the text does not start with either word (invisible marks
/// before it, as a copied text may have, ignored).
fn body(text: &str) -> Option<(bool, &str)> {
    let t = text.trim_matches(|c: char| c.is_whitespace() || is_invisible_mark(c));
    let starts = |word: &str| {
        t.get(..word.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(word))
    };
    let (multi, rest) = if starts("MULTIPOLYGON") {
        (true, &t[12..])
    } else if starts("POLYGON") {
        (false, &t[7..])
    } else {
        return None;
    };
    let word_ends = rest
        .chars()
        .next()
        .is_none_or(|c| !c.is_ascii_alphanumeric() || "ZMzm".contains(c));
    word_ends.then(|| {
        (
            multi,
            rest.trim_start()
                .trim_start_matches(['Z', 'M', 'z', 'm'])
                .trim_start(),
        )
    })
}

/// Whether `text` is meant as a WKT polygon: it starts with the word `POLYGON` or
/// `MULTIPOLYGON` (any case, invisible marks before it ignored), so that what follows, even
/// `EMPTY` or nothing, is read (or refused) as WKT.
pub fn is_wkt_polygon(text: &str) -> bool {
    body(text).is_some()
}

/// Reads `POLYGON((x y, …), …)`, or a `MULTIPOLYGON` of one polygon (as QGIS's "Copy as WKT"
/// gives a plot): the rings (the outer one first), each at least 4 positions (closed, as WKT
/// writes them); a third or fourth figure (Z, M) is dropped. A multipolygon of several parts is
/// an error (one plot is one outline), as is anything else, saying what form is expected.
pub fn parse_wkt_polygon(text: &str) -> Result<Vec<Vec<(f64, f64)>>, BaftError> {
    let bad = || BaftError::BadPlotFile {
        problem: ProblemKind::BadCoordinates {
            detail: "WKT POLYGON((lon lat, …)) expected".into(),
        },
    };
    let text = crate::base::digits::normalize(text);
    let (multi, body) = body(&text).ok_or_else(bad)?;
    let unwrap = |b: &str| {
        let b = b.trim();
        (b.strip_prefix('(').and_then(|b| b.strip_suffix(')'))).map(str::to_string)
    };
    let mut body = unwrap(body).ok_or_else(bad)?;
    if multi {
        body = unwrap(&body).ok_or_else(bad)?;
        let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.contains("))") {
            return Err(BaftError::BadPlotFile {
                problem: ProblemKind::BadCoordinates {
                    detail: "one plot is one polygon: this MULTIPOLYGON has several parts".into(),
                },
            });
        }
    }
    let mut rings = Vec::new();
    for ring in body.split(')') {
        let ring = ring.trim().trim_start_matches(',').trim();
        if ring.is_empty() {
            continue;
        }
        let ring = ring.strip_prefix('(').ok_or_else(bad)?;
        let pts = (ring.split(','))
            .map(|p| {
                let mut it = p.split_whitespace().map(str::parse::<f64>);
                let (x, y) = (it.next(), it.next());
                let zm: Vec<_> = it.collect();
                match (x, y, zm.len() <= 2 && zm.iter().all(|v| v.is_ok())) {
                    (Some(Ok(x)), Some(Ok(y)), true) if x.is_finite() && y.is_finite() => {
                        Ok((x, y))
                    }
                    _ => Err(bad()),
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        if pts.len() < 4 {
            return Err(bad());
        }
        rings.push(pts);
    }
    if rings.is_empty() {
        return Err(bad());
    }
    Ok(rings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holes_any_digits_and_case() {
        let r = parse_wkt_polygon("polygon ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 4 2, 4 4, 2 2))")
            .unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[1][1], (4.0, 2.0));
        let fa =
            parse_wkt_polygon("POLYGON((۵۱٫۱ ۳۵٫۷, ۵۱٫۲ ۳۵٫۷, ۵۱٫۲ ۳۵٫۸, ۵۱٫۱ ۳۵٫۷))").unwrap();
        assert_eq!(fa[0][1], (51.2, 35.7));
        // QGIS's "Copy as WKT": a multipolygon of one part, with Z; a copied mark before it.
        let q = parse_wkt_polygon(
            "\u{200f}MultiPolygon Z (((0 0 5, 10 0 5, 10 10 5, 0 0 5),(1 1 0, 2 1 0, 2 2 0, 1 1 0)))",
        )
        .unwrap();
        assert_eq!((q.len(), q[0][1], q[1][2]), (2, (10.0, 0.0), (2.0, 2.0)));
        assert!(is_wkt_polygon("POLYGON ((0 0, 1 0, 1 1, 0 0))"));
        assert!(is_wkt_polygon("\u{61c}polygon((0 0, 1 0, 1 1, 0 0))"));
        assert!(is_wkt_polygon("POLYGON EMPTY") && is_wkt_polygon("POLYGON"));
        assert!(!is_wkt_polygon("POLYGONS are shapes") && !is_wkt_polygon("QB-0185"));
        for bad in [
            "POLYGON(0 0, 1 0)",
            "POLYGON((0 0, 1 x, 1 1, 0 0))",
            "POLYGON((0 0 x, 1 0, 1 1, 0 0))",
            "POLYGON EMPTY",
            "POLYGON",
            "POINT(1 2)",
            "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)),((5 5, 6 5, 6 6, 5 5)))",
        ] {
            assert!(parse_wkt_polygon(bad).is_err(), "{bad}");
        }
    }
}
