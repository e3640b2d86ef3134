//! A plot outline as Well-Known Text, as QGIS's "Copy as WKT" and spreadsheets of plots give
//! it: `POLYGON((lon lat, lon lat, …), (hole …))`, in lon/lat, any digits.
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

use crate::error::{BaftError, ProblemKind};

/// Whether `text` is meant as a WKT polygon (it starts with `POLYGON`, any case).
pub fn is_wkt_polygon(text: &str) -> bool {
    (text.trim_start().get(..7)).is_some_and(|p| p.eq_ignore_ascii_case("POLYGON"))
}

/// Reads `POLYGON((x y, …), …)`: the rings (the outer one first), each at least 4 positions
/// (closed, as WKT writes them). An error says what form is expected.
pub fn parse_wkt_polygon(text: &str) -> Result<Vec<Vec<(f64, f64)>>, BaftError> {
    let bad = || BaftError::BadPlotFile {
        problem: ProblemKind::BadCoordinates {
            detail: "WKT POLYGON((lon lat, …)) expected".into(),
        },
    };
    let text = crate::base::digits::normalize(text);
    let body = (text.trim().get(7..))
        .filter(|_| is_wkt_polygon(&text))
        .ok_or_else(bad)?
        .trim();
    let body = (body.strip_prefix('(').and_then(|b| b.strip_suffix(')'))).ok_or_else(bad)?;
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
                match (it.next(), it.next()) {
                    (Some(Ok(x)), Some(Ok(y))) if x.is_finite() && y.is_finite() => Ok((x, y)),
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
        for bad in [
            "POLYGON(0 0, 1 0)",
            "POLYGON((0 0, 1 x, 1 1, 0 0))",
            "POLYGON",
            "POINT(1 2)",
        ] {
            assert!(parse_wkt_polygon(bad).is_err(), "{bad}");
        }
    }
}
