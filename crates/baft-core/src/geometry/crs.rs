//! Which coordinate system a file is in, and whether its axes are swapped.
//!
//! Baft accepts RFC 7946 longitude/latitude (EPSG:4326, CRS84) and northern UTM zones
//! (EPSG:326zz, e.g. EPSG:32639 for Qods), declared either by a legacy `crs` member (as QGIS
//! and ArcGIS write it) or by the manifest's `crs` for the file (the manifest wins).
//!
//! Without a declaration the values decide. Iran's latitudes (25–40) and longitudes (44–64)
//! don't overlap, so for each feature:
//! - longitudes 43.5–64 and latitudes 24–40.5 → lon/lat;
//! - the same numbers the other way round → swapped axes (an error: we don't guess);
//! - eastings 100,000–900,000 m and northings 1,000,000–9,400,000 m → UTM metres, which
//!   needs a declared zone (an error otherwise: Iran spans zones 38–41).
//!
//! The file's system is the one most of its features fit; features that fit another are
//! reported and left out. A UTM file is converted and must land in Iran (else: wrong zone).

use crate::error::ProblemKind;
use crate::geometry::projection::TransverseMercator;
use serde::Serialize;

/// Latitudes that occur in Iran (with a margin).
pub const IRAN_LAT: (f64, f64) = (24.0, 40.5);
/// Longitudes that occur in Iran (with a margin).
pub const IRAN_LON: (f64, f64) = (43.5, 64.0);

/// A source coordinate system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "system", rename_all = "snake_case")]
pub enum SourceCrs {
    /// WGS84 longitude, latitude in degrees (EPSG:4326 with GeoJSON's axis order).
    LonLat,
    /// UTM northern zone, easting and northing in metres (EPSG:32600 + zone).
    Utm {
        /// The zone number, 1 to 60.
        zone: u8,
    },
}

impl SourceCrs {
    /// Reads a CRS name: `EPSG:4326`, `urn:ogc:def:crs:OGC:1.3:CRS84`,
    /// `urn:ogc:def:crs:EPSG::32639`, `EPSG:32639`, `WGS 84 / UTM zone 39N`.
    pub fn parse(name: &str) -> Result<SourceCrs, ProblemKind> {
        let n = name.trim().to_ascii_uppercase();
        let unsupported = || ProblemKind::UnsupportedCrs {
            crs: name.to_string(),
        };
        if n.ends_with("CRS84") || n.ends_with("CRS:84") || n == "WGS84" || n == "WGS 84" {
            return Ok(SourceCrs::LonLat);
        }
        if let Some(rest) = n.strip_prefix("WGS 84 / UTM ZONE ") {
            let zone: u8 = rest
                .trim_end_matches('N')
                .parse()
                .map_err(|_| unsupported())?;
            return if (1..=60).contains(&zone) && rest.ends_with('N') {
                Ok(SourceCrs::Utm { zone })
            } else {
                Err(unsupported())
            };
        }
        let code = n.rsplit(':').next().unwrap_or("");
        let code: u32 = code.parse().map_err(|_| unsupported())?;
        match code {
            4326 => Ok(SourceCrs::LonLat),
            32601..=32660 => Ok(SourceCrs::Utm {
                zone: (code - 32600) as u8,
            }),
            _ => Err(unsupported()),
        }
    }

    /// Converts a position in this system to (lon, lat).
    pub fn to_lon_lat(self, x: f64, y: f64) -> (f64, f64) {
        match self {
            SourceCrs::LonLat => (x, y),
            SourceCrs::Utm { zone } => TransverseMercator::utm_north(zone).inverse(x, y),
        }
    }

    /// `EPSG:4326` / `EPSG:32639`.
    pub fn epsg(self) -> String {
        match self {
            SourceCrs::LonLat => "EPSG:4326".into(),
            SourceCrs::Utm { zone } => format!("EPSG:{}", 32600 + zone as u32),
        }
    }
}

/// What a feature's bounding box looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Looks {
    /// Longitudes and latitudes in Iran's ranges ([`IRAN_LON`], [`IRAN_LAT`]), longitude first.
    LonLat,
    /// The same ranges the other way round: latitude first (swapped axes).
    LatLon,
    /// Eastings 100,000–900,000 m and northings 1,000,000–9,400,000 m: UTM metres.
    Metres,
    /// The UTM ranges the other way round: northing first (swapped axes).
    SwappedMetres,
    /// None of these: not in Iran in any supported system.
    Other,
}

/// The bounding box `(min_x, min_y, max_x, max_y)` of some positions.
pub fn bbox_of(points: impl IntoIterator<Item = (f64, f64)>) -> (f64, f64, f64, f64) {
    points.into_iter().fold(
        (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ),
        |b, (x, y)| (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y)),
    )
}

/// Classifies a bounding box `(min_x, min_y, max_x, max_y)`.
pub fn classify(b: (f64, f64, f64, f64)) -> Looks {
    let within = |lo: f64, hi: f64, r: (f64, f64)| lo >= r.0 && hi <= r.1;
    if within(b.0, b.2, IRAN_LON) && within(b.1, b.3, IRAN_LAT) {
        Looks::LonLat
    } else if within(b.0, b.2, IRAN_LAT) && within(b.1, b.3, IRAN_LON) {
        Looks::LatLon
    } else if within(b.0, b.2, (100_000.0, 900_000.0))
        && within(b.1, b.3, (1_000_000.0, 9_400_000.0))
    {
        Looks::Metres
    } else if within(b.0, b.2, (1_000_000.0, 9_400_000.0))
        && within(b.1, b.3, (100_000.0, 900_000.0))
    {
        Looks::SwappedMetres
    } else {
        Looks::Other
    }
}

/// Decides the file's system from the declared one (if any) and what the features look like
/// (`looks` holds one entry per feature). Returns the system, or the problem that makes the
/// file unusable.
pub fn decide(declared: Option<SourceCrs>, looks: &[Looks]) -> Result<SourceCrs, ProblemKind> {
    let count = |l: Looks| looks.iter().filter(|x| **x == l).count();
    // The most common look; ties go to the earlier (more plausible) one in this list.
    let order = [
        Looks::LonLat,
        Looks::Metres,
        Looks::LatLon,
        Looks::SwappedMetres,
        Looks::Other,
    ];
    let majority = order
        .iter()
        .enumerate()
        .max_by_key(|(i, l)| (count(**l), usize::MAX - i))
        .map(|(_, l)| *l)
        .unwrap_or(Looks::LonLat);
    match (declared, majority) {
        (_, Looks::LatLon) | (_, Looks::SwappedMetres) => Err(ProblemKind::SwappedAxes),
        (None, Looks::Metres) => Err(ProblemKind::UndeclaredProjected),
        (Some(SourceCrs::LonLat), Looks::Metres) => Err(ProblemKind::DeclaredDegreesButMetres),
        (Some(c @ SourceCrs::Utm { .. }), Looks::LonLat) => {
            Err(ProblemKind::DeclaredProjectedButDegrees { crs: c.epsg() })
        }
        (None, Looks::LonLat) | (Some(SourceCrs::LonLat), Looks::LonLat) => Ok(SourceCrs::LonLat),
        (Some(c @ SourceCrs::Utm { .. }), Looks::Metres) => Ok(c),
        (_, Looks::Other) => Err(ProblemKind::OutsideIran {
            lon: f64::NAN,
            lat: f64::NAN,
        }),
    }
}

/// The classification a feature must have to fit the decided system.
pub fn expected_look(crs: SourceCrs) -> Looks {
    match crs {
        SourceCrs::LonLat => Looks::LonLat,
        SourceCrs::Utm { .. } => Looks::Metres,
    }
}

/// Whether a converted (lon, lat) lies in Iran.
pub fn in_iran(lon: f64, lat: f64) -> bool {
    (IRAN_LON.0..=IRAN_LON.1).contains(&lon) && (IRAN_LAT.0..=IRAN_LAT.1).contains(&lat)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(
            SourceCrs::parse("urn:ogc:def:crs:EPSG::32639"),
            Ok(SourceCrs::Utm { zone: 39 })
        );
        assert_eq!(
            SourceCrs::parse("EPSG:32639"),
            Ok(SourceCrs::Utm { zone: 39 })
        );
        assert_eq!(
            SourceCrs::parse("urn:ogc:def:crs:OGC:1.3:CRS84"),
            Ok(SourceCrs::LonLat)
        );
        assert_eq!(SourceCrs::parse("EPSG:4326"), Ok(SourceCrs::LonLat));
        assert_eq!(
            SourceCrs::parse("WGS 84 / UTM zone 40N"),
            Ok(SourceCrs::Utm { zone: 40 })
        );
        assert!(matches!(
            SourceCrs::parse("EPSG:2059"),
            Err(ProblemKind::UnsupportedCrs { .. })
        ));
    }

    #[test]
    fn decisions() {
        let ll = classify((51.1, 35.7, 51.2, 35.8));
        let sw = classify((35.7, 51.1, 35.8, 51.2));
        let m = classify((510_000.0, 3_950_000.0, 511_000.0, 3_951_000.0));
        assert_eq!((ll, sw, m), (Looks::LonLat, Looks::LatLon, Looks::Metres));
        assert_eq!(decide(None, &[ll, ll, sw]), Ok(SourceCrs::LonLat));
        assert_eq!(decide(None, &[sw, sw]), Err(ProblemKind::SwappedAxes));
        assert_eq!(decide(None, &[m]), Err(ProblemKind::UndeclaredProjected));
        assert_eq!(
            decide(Some(SourceCrs::Utm { zone: 39 }), &[m]),
            Ok(SourceCrs::Utm { zone: 39 })
        );
        assert!(matches!(
            decide(Some(SourceCrs::Utm { zone: 39 }), &[ll]),
            Err(ProblemKind::DeclaredProjectedButDegrees { .. })
        ));
        assert_eq!(
            decide(Some(SourceCrs::LonLat), &[m]),
            Err(ProblemKind::DeclaredDegreesButMetres)
        );
    }
}
