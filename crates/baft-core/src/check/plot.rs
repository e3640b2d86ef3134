//! A plot outline against one layer: the share inside, the zones it overlaps.

use super::{PlotStatus, FULL_SHARE, NONE_SHARE};
use crate::geometry::overlap::{area_inside, area_inside_union, Outline};
use crate::layer::{Layer, LayerRef, Zone, ZoneRef};
use serde::Serialize;
use std::sync::Arc;

/// A feature a plot overlaps.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZoneOverlap {
    /// The block or zone the plot overlaps.
    pub zone: Arc<ZoneRef>,
    /// Area of the plot inside this feature, m².
    pub area_m2: f64,
    /// That area as a share of the plot (0–1).
    pub share: f64,
}

/// A plot's result for one layer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerPlotResult {
    /// The layer, with the boundary version the plot was checked against.
    pub layer: Arc<LayerRef>,
    /// Inside, partly inside or outside, decided by the share.
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
    /// When outside: the nearest feature.
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
    let outline = Outline::new(plot);
    let (zones, inside_area) = overlapped(layer, &outline);
    let mut overlaps: Vec<ZoneOverlap> = zones
        .into_iter()
        .map(|(z, a)| ZoneOverlap {
            zone: ZoneRef::of(z),
            area_m2: a,
            share: a / plot_area,
        })
        .collect();
    let share = (inside_area / plot_area).clamp(0.0, 1.0);
    crate::base::small::sort_small_by(&mut overlaps, |a, b| b.area_m2.total_cmp(&a.area_m2));
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
        if let Some((z, d)) = nearest_zone(layer, plot) {
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

/// A plot's share (0–1) inside `layer`: the `share` [`check_plot_in_layer`] reports, without
/// the rest of its report (no zone list, no distance), for bulk questions.
pub fn plot_share_in_layer(layer: &Layer, plot: &geo::Polygon<f64>, plot_area: f64) -> f64 {
    let (_, inside_area) = overlapped(layer, &Outline::new(plot));
    (inside_area / plot_area).clamp(0.0, 1.0)
}

/// The zone holding the largest part of a plot (local metres, its area `plot_area`) among
/// `layers`' zones, leaving out a layer the plot is outside of (at most [`NONE_SHARE`] inside);
/// on equal parts the first, in the layers' order: the zone the plot belongs to. A place's
/// target neighbourhood is so chosen (over every target-neighbourhood layer): its office serves
/// it and its owner letter is filed under it ([`crate::answer::Place::neighbourhoods`], which
/// lists the check's overlaps the same way, largest first), and the neighbourhood profile
/// counts it there.
pub fn main_zone<'a>(
    layers: impl IntoIterator<Item = &'a Layer>,
    plot: &geo::Polygon<f64>,
    plot_area: f64,
) -> Option<&'a Zone> {
    let outline = Outline::new(plot);
    let mut best: Option<(&Zone, f64)> = None;
    for layer in layers {
        let (zones, inside) = overlapped(layer, &outline);
        if inside / plot_area <= NONE_SHARE {
            continue;
        }
        for (z, a) in zones {
            if best.is_none_or(|(_, b)| a > b) {
                best = Some((z, a));
            }
        }
    }
    best.map(|(z, _)| z)
}

fn overlapped<'a>(layer: &'a Layer, outline: &Outline) -> (Vec<(&'a Zone, f64)>, f64) {
    let mut zones = Vec::new();
    for z in layer.candidates_in(outline.bbox()) {
        let a = area_inside(outline, &z.prepared);
        // Rounding, not area: a plot that only touches the zone along an edge.
        if a > outline.area * 1e-9 {
            zones.push((z, a));
        }
    }
    let inside_area = match zones.as_slice() {
        [] => 0.0,
        [(_, a)] => *a,
        // A plot across two features of one layer: they may overlap, so not the sum.
        _ => {
            let prepared: Vec<_> = zones.iter().map(|(z, _)| &z.prepared).collect();
            area_inside_union(outline, &prepared)
        }
    };
    (zones, inside_area)
}

/// The zone nearest to the plot and the exact distance to it, visiting zones in order of their
/// bounding-box distance from the plot's first vertex.
fn nearest_zone<'a>(layer: &'a Layer, plot: &geo::Polygon<f64>) -> Option<(&'a Zone, f64)> {
    use geo::{Distance, Euclidean};
    let c = plot.exterior().0[0];
    let mut best: Option<(&Zone, f64)> = None;
    for (i, d2) in layer.tree.nearest(c.x, c.y) {
        let z = &layer.zones[i];
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
    best
}

fn plot_diameter(p: &geo::Polygon<f64>) -> f64 {
    use geo::BoundingRect;
    p.bounding_rect()
        .map(|r| (r.width().powi(2) + r.height().powi(2)).sqrt())
        .unwrap_or(0.0)
}
