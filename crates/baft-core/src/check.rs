//! The point and plot checks, and what they report.
//!
//! ## Point semantics
//! For each layer, a point is:
//! - **on the boundary** when it lies within the tolerance (`boundary_tolerance_m`, default
//!   0.5 m) of an edge that separates the layer from the outside. Edges shared by two
//!   features of the same layer (two adjacent worn-out blocks) are internal and don't count.
//!   An edge counts as outer when, 1 cm either side of the point's nearest point on it (moved
//!   2 cm along the edge when that nearest point is a vertex), one side is in the layer and the
//!   other is not;
//! - **inside** when, otherwise, it lies in the interior of a feature (holes are outside);
//! - **outside** otherwise, with the distance in metres to the nearest feature's boundary.
//!
//! Features of a layer may overlap: a point inside several is reported with all of them. A
//! MultiPolygon feature contains a point when any of its parts does.
//!
//! ## Plot semantics
//! A plot's share in a layer is area(plot ∩ union of the layer's features) / area(plot),
//! computed in metres. Status: **inside** at ≥ 99.5 % ([`FULL_SHARE`]), **outside** at
//! ≤ 0.5 % ([`NONE_SHARE`]: touching along an edge is outside), else **partly inside**,
//! which counts as inside when the share reaches `plot_inside_threshold` (default 50 %):
//! the office confirms such plots.

use crate::layer::{Layer, Zone};
use crate::manifest::{ApprovalDate, LayerKind, LocalText};
use serde::Serialize;
use std::sync::Arc;

/// A plot with at least this share inside a layer is fully inside.
pub const FULL_SHARE: f64 = 0.995;
/// A plot with at most this share inside a layer is outside (it touches at most).
pub const NONE_SHARE: f64 = 0.005;
/// How far either side of an edge the boundary probe looks (m).
pub const PROBE_M: f64 = 0.01;

/// Where a point is relative to a layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PointStatus {
    Inside,
    OnBoundary,
    Outside,
}

impl PointStatus {
    /// Inside or on the boundary.
    pub fn is_inside(self) -> bool {
        self == PointStatus::Inside
    }

    /// The status as serialised: `inside`, `on_boundary`, `outside`.
    pub fn as_str(self) -> &'static str {
        match self {
            PointStatus::Inside => "inside",
            PointStatus::OnBoundary => "on_boundary",
            PointStatus::Outside => "outside",
        }
    }

    /// The status as a number for bulk answers (the JS API's `locate`, `statusCodes`):
    /// 0 outside, 1 on the boundary, 2 inside.
    pub fn code(self) -> u8 {
        match self {
            PointStatus::Outside => 0,
            PointStatus::OnBoundary => 1,
            PointStatus::Inside => 2,
        }
    }
}

/// Where a plot is relative to a layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlotStatus {
    Inside,
    PartlyInside,
    Outside,
}

impl PlotStatus {
    /// The status as serialised: `inside`, `partly_inside`, `outside`.
    pub fn as_str(self) -> &'static str {
        match self {
            PlotStatus::Inside => "inside",
            PlotStatus::PartlyInside => "partly_inside",
            PlotStatus::Outside => "outside",
        }
    }
}

/// A block or zone, as reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZoneRef {
    pub id: String,
    pub name: LocalText,
}

impl ZoneRef {
    /// The zone's shared reference (made once at load time: results don't copy strings).
    pub(crate) fn of(z: &Zone) -> Arc<ZoneRef> {
        z.reference.clone()
    }
}

/// The boundary version a result used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionRef {
    pub id: String,
    pub title: LocalText,
    pub approved: ApprovalDate,
    pub approved_by: LocalText,
}

/// The layer a result is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerRef {
    pub id: String,
    pub kind: LayerKind,
    pub name: LocalText,
    pub version: VersionRef,
}

impl LayerRef {
    pub(crate) fn of(l: &Layer) -> Arc<LayerRef> {
        l.reference.clone()
    }

    pub(crate) fn build(
        spec: &crate::manifest::LayerSpec,
        v: &crate::manifest::BoundaryVersion,
    ) -> Arc<LayerRef> {
        Arc::new(LayerRef {
            id: spec.id.clone(),
            kind: spec.kind,
            name: spec.name.clone(),
            version: VersionRef {
                id: v.id.clone(),
                title: v.title.clone(),
                approved: v.approved.clone(),
                approved_by: v.approved_by.clone(),
            },
        })
    }
}

/// A point's result for one layer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerPointResult {
    pub layer: Arc<LayerRef>,
    pub status: PointStatus,
    /// Features holding the point (inside or on their boundary).
    pub zones: Vec<Arc<ZoneRef>>,
    /// When outside: the distance in metres to the nearest feature's boundary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_m: Option<f64>,
    /// When outside: the nearest feature.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nearest: Option<Arc<ZoneRef>>,
}

/// Checks a point, in local metres, against one layer.
pub fn check_point_in_layer(layer: &Layer, x: f64, y: f64, tolerance: f64) -> LayerPointResult {
    let mut zones = Vec::new();
    let status = classify_point(layer, x, y, tolerance, |_, z| zones.push(ZoneRef::of(z)));
    let (distance_m, nearest) = if status == PointStatus::Outside {
        zones.clear();
        match layer.nearest(x, y) {
            Some((z, d)) => (Some(d), Some(ZoneRef::of(z))),
            None => (None, None),
        }
    } else {
        (None, None)
    };
    LayerPointResult {
        layer: LayerRef::of(layer),
        status,
        zones,
        distance_m,
        nearest,
    }
}

/// A point's place in one layer, without what only a display needs (names, the distance to
/// the nearest zone): what [`crate::dataset::Dataset::locate`] gives per layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Membership {
    /// The same status as [`check_point_in_layer`] gives.
    pub status: PointStatus,
    /// Unless outside: the index (in [`Layer::zones`]) of a zone holding the point, the first
    /// the index finds when several do.
    pub zone: Option<usize>,
}

/// [`check_point_in_layer`]'s status and one zone holding the point, without allocating.
pub fn locate_in_layer(layer: &Layer, x: f64, y: f64, tolerance: f64) -> Membership {
    let mut zone = None;
    let status = classify_point(layer, x, y, tolerance, |i, _| {
        zone.get_or_insert(i);
    });
    Membership {
        status,
        zone: if status == PointStatus::Outside {
            None
        } else {
            zone
        },
    }
}

/// The point semantics of this module's docs: the status, and `holding` called with each zone
/// (its index and itself) that contains the point or has an edge within `tolerance` of it. Those
/// calls mean nothing when the status is outside.
fn classify_point<'a>(
    layer: &'a Layer,
    x: f64,
    y: f64,
    tolerance: f64,
    mut holding: impl FnMut(usize, &'a Zone),
) -> PointStatus {
    let reach = tolerance + PROBE_M;
    let mut near_edges: Vec<((f64, f64), [f64; 4])> = Vec::new();
    let mut inside_any = false;
    for (i, z) in layer.indexed_candidates(x, y, reach) {
        let inside = z.prepared.contains(x, y);
        let near = z.prepared.edges_within(x, y, tolerance);
        if inside || !near.is_empty() {
            holding(i, z);
        }
        inside_any |= inside;
        near_edges.extend(near);
    }
    let in_layer = |px: f64, py: f64| {
        layer
            .candidates(px, py, 0.0)
            .any(|z| z.prepared.contains(px, py))
    };
    // Probe 1 cm either side of each near edge: different answers mean an outer edge.
    let (mut on_outer_edge, mut interior_edge) = (false, false);
    for &((qx, qy), e) in &near_edges {
        let (dx, dy) = (e[2] - e[0], e[3] - e[1]);
        let len = (dx * dx + dy * dy).sqrt();
        if len == 0.0 {
            continue;
        }
        // At a vertex, probing square to one side would land on the other side: start the
        // probe 2 cm along the edge instead (or at its middle when shorter than 4 cm).
        let t = ((qx - e[0]) * dx + (qy - e[1]) * dy) / (len * len);
        let margin = (2.0 * PROBE_M / len).min(0.5);
        let t = t.clamp(margin, 1.0 - margin);
        let (qx, qy) = (e[0] + t * dx, e[1] + t * dy);
        let (nx, ny) = (-dy / len * PROBE_M, dx / len * PROBE_M);
        let (a, b) = (in_layer(qx + nx, qy + ny), in_layer(qx - nx, qy - ny));
        on_outer_edge |= a != b;
        interior_edge |= a && b;
        if on_outer_edge {
            break;
        }
    }
    if on_outer_edge {
        PointStatus::OnBoundary
    } else if inside_any || interior_edge {
        PointStatus::Inside
    } else {
        PointStatus::Outside
    }
}

/// A feature a plot overlaps.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZoneOverlap {
    pub zone: Arc<ZoneRef>,
    /// Area of the plot inside this feature, m².
    pub area_m2: f64,
    /// That area as a share of the plot (0–1).
    pub share: f64,
}

/// A plot's result for one layer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerPlotResult {
    pub layer: Arc<LayerRef>,
    pub status: PlotStatus,
    /// Share of the plot's area inside the layer (0–1).
    pub share: f64,
    /// Area of the plot inside the layer, m².
    pub inside_area_m2: f64,
    /// Whether the plot counts as inside under the manifest's threshold.
    pub counts_as_inside: bool,
    /// The features the plot overlaps, largest overlap first.
    pub overlaps: Vec<ZoneOverlap>,
    /// When outside: distance in metres from the plot to the nearest feature.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_m: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nearest: Option<Arc<ZoneRef>>,
}

/// Checks a plot (local metres) against one layer.
pub fn check_plot_in_layer(
    layer: &Layer,
    plot: &geo::Polygon<f64>,
    plot_area: f64,
    threshold: f64,
) -> LayerPlotResult {
    use geo::{Area, BooleanOps, BoundingRect, Distance, Euclidean};
    let mut overlaps = Vec::new();
    let mut pieces: Vec<geo::MultiPolygon<f64>> = Vec::new();
    if let Some(r) = plot.bounding_rect() {
        let plot_mp = geo::MultiPolygon(vec![plot.clone()]);
        for z in layer.candidates_in([r.min().x, r.min().y, r.max().x, r.max().y]) {
            let piece = plot_mp.intersection(&z.local);
            let a = piece.unsigned_area();
            if a > 0.0 {
                overlaps.push(ZoneOverlap {
                    zone: ZoneRef::of(z),
                    area_m2: a,
                    share: a / plot_area,
                });
                pieces.push(piece);
            }
        }
    }
    let inside_area = match pieces.len() {
        0 => 0.0,
        1 => pieces[0].unsigned_area(),
        _ => {
            let mut u = pieces[0].clone();
            for p in &pieces[1..] {
                u = u.union(p);
            }
            u.unsigned_area()
        }
    };
    let share = (inside_area / plot_area).clamp(0.0, 1.0);
    crate::small::sort_small_by(&mut overlaps, |a, b| b.area_m2.total_cmp(&a.area_m2));
    let status = if share >= FULL_SHARE {
        PlotStatus::Inside
    } else if share <= NONE_SHARE {
        PlotStatus::Outside
    } else {
        PlotStatus::PartlyInside
    };
    let (mut distance_m, mut nearest) = (None, None);
    if status == PlotStatus::Outside {
        overlaps.clear();
        let c = plot.exterior().0[0];
        let mut best: Option<(&Zone, f64)> = None;
        for (b, d2) in layer
            .tree
            .nearest_neighbor_iter_with_distance_2(&[c.x, c.y])
        {
            let z = &layer.zones[b.zone as usize];
            // Box distance from the first vertex minus the plot's size bounds the true distance.
            if let Some((_, bd)) = best {
                if d2.sqrt() > bd + plot_diameter(plot) {
                    break;
                }
            }
            let d = Euclidean.distance(plot, &z.local);
            if best.is_none_or(|(_, bd)| d < bd) {
                best = Some((z, d));
            }
        }
        if let Some((z, d)) = best {
            distance_m = Some(d);
            nearest = Some(ZoneRef::of(z));
        }
    }
    LayerPlotResult {
        layer: LayerRef::of(layer),
        status,
        share,
        inside_area_m2: inside_area,
        counts_as_inside: share >= threshold,
        overlaps,
        distance_m,
        nearest,
    }
}

fn plot_diameter(p: &geo::Polygon<f64>) -> f64 {
    use geo::BoundingRect;
    p.bounding_rect()
        .map(|r| (r.width().powi(2) + r.height().powi(2)).sqrt())
        .unwrap_or(0.0)
}

/// The answer for a point, for every layer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PointReport {
    pub lon: f64,
    pub lat: f64,
    /// Whether the point is inside the envelope the data covers.
    pub in_data_area: bool,
    pub layers: Vec<LayerPointResult>,
    pub sample_data: bool,
    pub data_version: String,
}

/// The answer for a plot outline, for every layer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlotReport {
    /// Area of the plot, m².
    pub area_m2: f64,
    /// A point guaranteed inside the plot (lon, lat): where a plot is shown as a point.
    pub interior_point: [f64; 2],
    pub in_data_area: bool,
    pub layers: Vec<LayerPlotResult>,
    pub sample_data: bool,
    pub data_version: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packages::PackageStatus;

    /// `as_str` is what serde writes, so the compact summary and the full JSON use one spelling.
    #[test]
    fn status_words_are_the_serialised_names() {
        let json = |v: serde_json::Value| v.as_str().unwrap().to_string();
        for s in [
            PointStatus::Inside,
            PointStatus::OnBoundary,
            PointStatus::Outside,
        ] {
            assert_eq!(json(serde_json::to_value(s).unwrap()), s.as_str());
        }
        for s in [
            PlotStatus::Inside,
            PlotStatus::PartlyInside,
            PlotStatus::Outside,
        ] {
            assert_eq!(json(serde_json::to_value(s).unwrap()), s.as_str());
        }
        for s in [
            PackageStatus::Applies,
            PackageStatus::MayApply,
            PackageStatus::DoesNotApply,
            PackageStatus::NotInForce,
        ] {
            assert_eq!(json(serde_json::to_value(s).unwrap()), s.as_str());
        }
        let codes: Vec<u8> = [
            PointStatus::Outside,
            PointStatus::OnBoundary,
            PointStatus::Inside,
        ]
        .iter()
        .map(|s| s.code())
        .collect();
        assert_eq!(codes, [0, 1, 2]);
    }
}
