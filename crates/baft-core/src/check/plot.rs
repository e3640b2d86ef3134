//! A plot outline against one layer: the share inside, the zones it overlaps.

use super::{PlotStatus, FULL_SHARE, NONE_SHARE};
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
    use geo::{Area, BooleanOps, BoundingRect};
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
    let inside_area = union_area(&pieces);
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

/// The area of the union of the pieces of the plot inside zones (which may overlap).
fn union_area(pieces: &[geo::MultiPolygon<f64>]) -> f64 {
    use geo::{Area, BooleanOps};
    match pieces.len() {
        0 => 0.0,
        1 => pieces[0].unsigned_area(),
        _ => {
            let mut u = pieces[0].clone();
            for p in &pieces[1..] {
                u = u.union(p);
            }
            u.unsigned_area()
        }
    }
}

/// The zone nearest to the plot and the exact distance to it, visiting zones in order of their
/// bounding-box distance from the plot's first vertex.
fn nearest_zone<'a>(layer: &'a Layer, plot: &geo::Polygon<f64>) -> Option<(&'a Zone, f64)> {
    use geo::{Distance, Euclidean};
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
    best
}

fn plot_diameter(p: &geo::Polygon<f64>) -> f64 {
    use geo::BoundingRect;
    p.bounding_rect()
        .map(|r| (r.width().powi(2) + r.height().powi(2)).sqrt())
        .unwrap_or(0.0)
}
