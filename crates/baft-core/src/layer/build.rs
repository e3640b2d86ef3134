//! Building zones from a file's features: ids, names, projection to metres, and the geometry checks.

#[allow(unused_imports)]
use super::*;
use crate::error::ProblemKind;
use crate::geometry::crs::{self, SourceCrs};
use crate::geometry::projection::TransverseMercator;
use crate::read::geojson::{self, RawFeature};
use crate::read::manifest::{LayerSpec, LocalText};
use crate::read::properties::text;
use geo::{Area, Coord, LineString, MultiPolygon, Polygon};

pub(super) fn feature_bbox(f: &RawFeature) -> (f64, f64, f64, f64) {
    crs::bbox_of(f.polygons.iter().flatten().flatten().copied())
}

pub(super) fn feature_id(spec: &LayerSpec, f: &RawFeature) -> Option<String> {
    f.id_by(spec.id_property.as_deref())
}

/// Builds a zone: projects, cleans, validates and prepares it.
pub(crate) fn build_zone(
    spec: &LayerSpec,
    f: &mut RawFeature,
    id: Option<String>,
    source: SourceCrs,
    frame: &TransverseMercator,
) -> Result<Zone, ProblemKind> {
    let [named, name_fa, name, name_en] = f.properties.pick([
        spec.name_property.as_deref().unwrap_or("name_fa"),
        "name_fa",
        "name",
        spec.name_en_property.as_deref().unwrap_or("name_en"),
    ]);
    let name_fa = [named, name_fa, name]
        .iter()
        .find_map(text)
        .unwrap_or_default();
    let name_en = text(&name_en).unwrap_or_default();
    let (lon_lat, local) = project_polygons(&f.polygons, source, frame)?;
    let prepared = Prepared::new(&local);
    let id = id.unwrap_or_else(|| format!("#{}", f.index));
    let name = LocalText {
        fa: name_fa,
        en: name_en,
    };
    Ok(Zone {
        reference: std::sync::Arc::new(ZoneRef {
            id: id.clone(),
            name: name.clone(),
        }),
        id,
        name,
        feature_index: f.index,
        properties: std::mem::take(&mut f.properties),
        area_m2: local.unsigned_area(),
        lon_lat,
        local,
        prepared,
    })
}

/// Projects rings from the source system to (lon, lat) and local metres, dropping repeated
/// vertices and rejecting rings with no area, crossing rings and holes outside the shell.
pub fn project_polygons(
    polys: &[Vec<Vec<(f64, f64)>>],
    source: SourceCrs,
    frame: &TransverseMercator,
) -> Result<(MultiPolygon<f64>, MultiPolygon<f64>), ProblemKind> {
    let mut ll_polys = Vec::with_capacity(polys.len());
    let mut local_polys = Vec::with_capacity(polys.len());
    for (pi, rings) in polys.iter().enumerate() {
        let mut ll_rings: Vec<LineString<f64>> = Vec::with_capacity(rings.len());
        let mut local_rings: Vec<LineString<f64>> = Vec::with_capacity(rings.len());
        let mut holes: Vec<(Prepared, Bbox)> = Vec::new();
        for (ri, ring) in rings.iter().enumerate() {
            let (ll, lc) = project_ring(ring, source, frame, pi, ri)?;
            check_ring_area(ring, &lc, frame, pi, ri)?;
            if ri > 0 {
                let hole = check_hole(&lc, &local_rings, &holes, pi, ri)?;
                holes.push(hole);
            }
            ll_rings.push(LineString(ll));
            local_rings.push(LineString(
                lc.into_iter().map(|(x, y)| Coord { x, y }).collect(),
            ));
        }
        let mut ll_it = ll_rings.into_iter();
        let mut lc_it = local_rings.into_iter();
        if let (Some(ls), Some(lcs)) = (ll_it.next(), lc_it.next()) {
            ll_polys.push(Polygon::new(ls, ll_it.collect()));
            local_polys.push(Polygon::new(lcs, lc_it.collect()));
        }
    }
    if local_polys.is_empty() {
        return Err(ProblemKind::EmptyGeometry);
    }
    Ok((MultiPolygon(ll_polys), MultiPolygon(local_polys)))
}

/// A ring in lon/lat and in the local metric frame, point for point.
type ProjectedRing = (Vec<Coord<f64>>, Vec<(f64, f64)>);

/// A bounding box in the local frame: (min x, min y, max x, max y).
type Bbox = (f64, f64, f64, f64);

/// Projects ring `ri` of polygon `pi` to (lon, lat) and local metres, dropping repeated
/// vertices; rejects unconvertible points and rings left with fewer than 4 points.
fn project_ring(
    ring: &[(f64, f64)],
    source: SourceCrs,
    frame: &TransverseMercator,
    pi: usize,
    ri: usize,
) -> Result<ProjectedRing, ProblemKind> {
    let mut ll: Vec<Coord<f64>> = Vec::with_capacity(ring.len());
    let mut lc: Vec<(f64, f64)> = Vec::with_capacity(ring.len());
    for &(x, y) in ring {
        let (lon, lat) = source.to_lon_lat(x, y);
        if !lon.is_finite() || !lat.is_finite() {
            return Err(ProblemKind::Unconvertible { x, y });
        }
        if ll
            .last()
            .is_some_and(|c: &Coord<f64>| c.x == lon && c.y == lat)
        {
            continue;
        }
        ll.push(Coord { x: lon, y: lat });
        lc.push(frame.forward(lon, lat));
    }
    if lc.len() < 4 {
        return Err(ProblemKind::TooFewPoints {
            polygon: pi,
            ring: ri,
            count: lc.len(),
        });
    }
    Ok((ll, lc))
}

/// Rejects a ring with no area or that crosses itself, given its source points `ring` and
/// its projected points `lc` (at least 4).
fn check_ring_area(
    ring: &[(f64, f64)],
    lc: &[(f64, f64)],
    frame: &TransverseMercator,
    pi: usize,
    ri: usize,
) -> Result<(), ProblemKind> {
    // No area: judged in the file's own coordinates (a "flat" ring along a parallel in
    // lon/lat is slightly curved once projected), and in metres (under 1 cm²).
    let area2_local: f64 = lc
        .windows(2)
        .map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1)
        .sum();
    let (x0, y0) = ring[0];
    let area2_src: f64 = ring
        .windows(2)
        .map(|w| (w[0].0 - x0) * (w[1].1 - y0) - (w[1].0 - x0) * (w[0].1 - y0))
        .sum();
    let (mut bw, mut bh) = (0.0f64, 0.0f64);
    for &(x, y) in ring {
        bw = bw.max((x - x0).abs());
        bh = bh.max((y - y0).abs());
    }
    // A bow-tie's lobes cancel out: its signed area is nil too, but not the sum of its
    // triangles' areas (a fan from the first corner). That is a crossing, not "no area".
    let (lx0, ly0) = lc[0];
    let fan_local: f64 = lc
        .windows(2)
        .map(|w| ((w[0].0 - lx0) * (w[1].1 - ly0) - (w[1].0 - lx0) * (w[0].1 - ly0)).abs())
        .sum();
    let fan_src: f64 = ring
        .windows(2)
        .map(|w| ((w[0].0 - x0) * (w[1].1 - y0) - (w[1].0 - x0) * (w[0].1 - y0)).abs())
        .sum();
    let tiny_src = 1e-9 * (bw * bw + bh * bh);
    let no_signed_area = area2_src.abs() <= tiny_src || area2_local.abs() < 2e-4;
    let flat = fan_src <= tiny_src || fan_local < 2e-4;
    let zero_area = || ProblemKind::ZeroAreaRing {
        polygon: pi,
        ring: ri,
    };
    if no_signed_area && flat {
        return Err(zero_area());
    }
    if let Some((x, y)) = geojson::ring_self_intersection(lc) {
        let (lon, lat) = frame.inverse(x, y);
        return Err(ProblemKind::SelfIntersection {
            polygon: pi,
            ring: ri,
            lon,
            lat,
        });
    }
    if no_signed_area {
        return Err(zero_area());
    }
    Ok(())
}

/// Rejects hole `ri` (projected points `lc`) if it lies outside the shell `local_rings[0]` or
/// inside or over an earlier hole; otherwise returns its prepared shape and bounding box.
fn check_hole(
    lc: &[(f64, f64)],
    local_rings: &[LineString<f64>],
    holes: &[(Prepared, Bbox)],
    pi: usize,
    ri: usize,
) -> Result<(Prepared, Bbox), ProblemKind> {
    let shell = Prepared::new(&MultiPolygon(vec![Polygon::new(
        local_rings[0].clone(),
        vec![],
    )]));
    // A hole must lie inside its shell: its vertices must not be strictly outside.
    let outside = lc
        .iter()
        .any(|&(x, y)| !shell.contains(x, y) && shell.nearest_edge_within(x, y, 1e-6).is_none());
    if outside {
        return Err(ProblemKind::HoleOutsideShell {
            polygon: pi,
            ring: ri,
        });
    }
    // Holes must be apart: none inside (or overlapping) another.
    let bbox = crs::bbox_of(lc.iter().copied());
    let this = Prepared::new(&MultiPolygon(vec![Polygon::new(
        LineString(lc.iter().map(|&(x, y)| Coord { x, y }).collect()),
        vec![],
    )]));
    let strictly_in = |p: &Prepared, (x, y): (f64, f64)| {
        p.contains(x, y) && p.nearest_edge_within(x, y, 1e-6).is_none()
    };
    for (hj, (other, obox)) in holes.iter().enumerate() {
        let apart = bbox.2 < obox.0 || obox.2 < bbox.0 || bbox.3 < obox.1 || obox.3 < bbox.1;
        if apart {
            continue;
        }
        let other_ring: &LineString<f64> = &local_rings[hj + 1];
        // Vertices strictly inside the other, or the same place (a hole given
        // twice): a point inside one hole is inside the other.
        let inner = |r: &LineString<f64>| {
            crate::geometry::interior::polygon_interior_point(&Polygon::new(r.clone(), vec![]))
        };
        let this_ring = LineString(lc.iter().map(|&(x, y)| Coord { x, y }).collect::<Vec<_>>());
        if lc.iter().any(|&p| strictly_in(other, p))
            || other_ring.0.iter().any(|c| strictly_in(&this, (c.x, c.y)))
            || inner(&this_ring).is_some_and(|p| strictly_in(other, p))
            || inner(other_ring).is_some_and(|p| strictly_in(&this, p))
        {
            return Err(ProblemKind::HoleInsideHole {
                polygon: pi,
                ring: ri,
                other: hj + 1,
            });
        }
    }
    Ok((this, bbox))
}
