//! Reading a plot outline that an owner uploads or types (GeoJSON or corner lines), with the
//! limits that keep a wrong file from holding the page.

use crate::error::{BaftError, ProblemKind};
use crate::input::ParseOptions;
use crate::read::geojson::{self, GeometrySlot};

/// The largest plot outline file read (bytes of text): one plot's outline is a few kilobytes;
/// a bigger file is a whole layer uploaded by mistake, or not an outline at all, and reading
/// it would hold the page for nothing.
pub const MAX_PLOT_BYTES: usize = 2_000_000;

/// The most corners a plot outline may have (all rings together).
pub const MAX_PLOT_VERTICES: usize = 10_000;

/// Reads an uploaded plot outline: GeoJSON (a Polygon, a Feature with one, or a
/// FeatureCollection whose first feature is one; lon/lat or a declared UTM `crs`), or
/// corner lines (see [`crate::input::parse_corners`]). Returns rings in (lon, lat).
pub fn read_plot_outline(
    text: &str,
    opts: ParseOptions,
) -> Result<Vec<Vec<(f64, f64)>>, BaftError> {
    if text.len() > MAX_PLOT_BYTES {
        return Err(BaftError::PlotFileTooLarge {
            bytes: text.len(),
            limit: MAX_PLOT_BYTES,
        });
    }
    let t = text.trim_start_matches('\u{FEFF}').trim_start();
    // Corner lines, unless it is JSON or a file that is neither (KML, a shapefile, empty…).
    if !t.starts_with(['{', '[']) && crate::read::json_error::sniff(text).is_none() {
        return crate::input::parse_corners(text, opts).map(|r| vec![r]);
    }
    let top = geojson::parse_top("plot", t).map_err(|p| {
        // No location is shown for an upload: the line and column go into the words.
        bad(match (p.kind, p.location.line, p.location.column) {
            (ProblemKind::JsonSyntax { detail }, Some(l), Some(c)) => ProblemKind::JsonSyntax {
                detail: format!("{detail} at line {l} column {c}"),
            },
            (k, _, _) => k,
        })
    })?;
    let crs_name = top.crs.as_ref().and_then(geojson::crs_member_name);
    let geometry = outline_geometry(top)?;
    let (polys, _) = geojson::geometry_polygons(&geometry).map_err(bad)?;
    let rings = polys
        .into_iter()
        .next()
        .ok_or(bad(ProblemKind::EmptyGeometry))?;
    check_vertex_count(&rings)?;
    let source = outline_source(&rings, crs_name.as_deref(), opts.default_utm_zone)?;
    let rings: Vec<Vec<(f64, f64)>> = rings
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|(x, y)| source.to_lon_lat(x, y))
                .collect()
        })
        .collect();
    // UTM figures in the wrong zone land far away: say so rather than answer "outside".
    let (lon, lat) = rings[0][0];
    if !crate::geometry::crs::in_iran(lon, lat) {
        return Err(bad(ProblemKind::OutsideIran { lon, lat }));
    }
    Ok(rings)
}

/// A problem with an uploaded plot file, as a [`BaftError::BadPlotFile`].
fn bad(problem: ProblemKind) -> BaftError {
    BaftError::BadPlotFile { problem }
}

/// The outline's geometry in the GeoJSON `top`: a bare Polygon or MultiPolygon, a Feature's
/// geometry, or a FeatureCollection's first feature's geometry.
fn outline_geometry(top: geojson::TopLevel) -> Result<geojson::RawGeometry, BaftError> {
    let kind = top.kind_str();
    let geometry = match kind.as_str() {
        "Polygon" | "MultiPolygon" => geojson::RawGeometry {
            kind: Some(kind.clone()),
            coordinates: top.coordinates,
        },
        "Feature" => match top.geometry {
            Some(GeometrySlot::Geometry(g)) => g,
            Some(GeometrySlot::NotObject) => return Err(bad(ProblemKind::GeometryNotObject)),
            _ => return Err(bad(ProblemKind::NullGeometry)),
        },
        "FeatureCollection" => {
            let f = top
                .features
                .and_then(|fs| fs.into_iter().next())
                .ok_or(bad(ProblemKind::NoFeatures))?;
            match f {
                geojson::FeatureSlot::Feature {
                    geometry: Some(GeometrySlot::Geometry(g)),
                    ..
                } => g,
                geojson::FeatureSlot::Feature {
                    geometry: Some(GeometrySlot::NotObject),
                    ..
                } => return Err(bad(ProblemKind::GeometryNotObject)),
                geojson::FeatureSlot::NotObject => return Err(bad(ProblemKind::FeatureNotObject)),
                _ => return Err(bad(ProblemKind::NullGeometry)),
            }
        }
        other => {
            return Err(bad(ProblemKind::WrongGeometryType {
                found: if other.is_empty() {
                    "?".into()
                } else {
                    other.into()
                },
            }))
        }
    };
    Ok(geometry)
}

/// The system the outline's `rings` are in: the declared `crs_name`, else what they look like
/// (metres with no declared zone are taken to be in `default_zone`).
fn outline_source(
    rings: &[Vec<(f64, f64)>],
    crs_name: Option<&str>,
    default_zone: u8,
) -> Result<crate::geometry::crs::SourceCrs, BaftError> {
    let declared = crs_name
        .map(crate::geometry::crs::SourceCrs::parse)
        .transpose()
        .map_err(bad)?;
    // A plot outline in metres without a declared zone is taken to be in the city's zone
    // (deeds print UTM corners without naming the zone).
    let look =
        crate::geometry::crs::classify(crate::geometry::crs::bbox_of(rings[0].iter().copied()));
    let source = match (look, declared) {
        (crate::geometry::crs::Looks::Metres, None) => {
            crate::geometry::crs::SourceCrs::Utm { zone: default_zone }
        }
        _ => crate::geometry::crs::decide(declared, &[look]).map_err(|k| {
            bad(match k {
                // Name where the outline is, not a placeholder.
                ProblemKind::OutsideIran { .. } => {
                    let outside = rings[0]
                        .iter()
                        .find(|&&(x, y)| !crate::geometry::crs::in_iran(x, y))
                        .unwrap_or(&rings[0][0]);
                    ProblemKind::OutsideIran {
                        lon: outside.0,
                        lat: outside.1,
                    }
                }
                k => k,
            })
        })?,
    };
    Ok(source)
}

/// [`BaftError::PlotTooComplex`] for an outline with more than [`MAX_PLOT_VERTICES`] corners.
pub(crate) fn check_vertex_count(rings: &[Vec<(f64, f64)>]) -> Result<(), BaftError> {
    // Corners: a closed ring's repeated first corner is not another one.
    let vertices: usize = rings
        .iter()
        .map(|r| r.len() - usize::from(r.len() > 1 && r.first() == r.last()))
        .sum();
    if vertices > MAX_PLOT_VERTICES {
        return Err(BaftError::PlotTooComplex {
            vertices,
            limit: MAX_PLOT_VERTICES,
        });
    }
    Ok(())
}
