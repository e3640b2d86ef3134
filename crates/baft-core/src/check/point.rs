//! A point against one layer: the status (see the module docs of [`crate::check`]), the zones
//! holding it, the distance when outside.

use super::PointStatus;
use crate::layer::{Layer, LayerRef, Zone, ZoneRef};
use serde::Serialize;
use std::sync::Arc;

/// A point's result for one layer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerPointResult {
    /// The layer, with the boundary version the point was checked against.
    pub layer: Arc<LayerRef>,
    /// Inside, on the boundary or outside (see [`crate::check`]).
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
    let reach = tolerance;
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
    let on_outer_edge = !near_edges.is_empty()
        && super::boundary::near_outer_boundary(layer, (x, y), tolerance, &near_edges);
    // Near edges that are all shared: the point is between two zones of the layer.
    let interior_edge = !near_edges.is_empty();
    if on_outer_edge {
        PointStatus::OnBoundary
    } else if inside_any || interior_edge {
        PointStatus::Inside
    } else {
        PointStatus::Outside
    }
}
