//! The point and plot checks, and what they report.
//!
//! ## Point semantics
//! For each layer, a point is:
//! - **on the boundary** when it lies within the tolerance (`boundary_tolerance_m`, default
//!   0.5 m) of an edge that separates the layer from the outside. Edges shared by two
//!   features of the same layer (two adjacent worn-out blocks) are internal and don't count.
//!   Whether an edge point is outer is decided from the sectors the edges through it make
//!   around it, so it holds at any vertex angle (see `check/boundary.rs`);
//! - **inside** when, otherwise, it lies in the interior of a feature (holes are outside);
//! - **outside** otherwise, with the distance in metres to the nearest feature's boundary.
//!
//! Features of a layer may overlap: a point inside several is reported with all of them. A
//! MultiPolygon feature contains a point when any of its parts does.
//!
//! ## Plot semantics
//! A plot's share in a layer is area(plot ∩ union of the layer's features) / area(plot),
//! computed in metres, exactly (Green's theorem over the outlines' edges,
//! `geometry/overlap.rs`). Status: **inside** at ≥ 99.5 % ([`FULL_SHARE`]), **outside** at
//! ≤ 0.5 % ([`NONE_SHARE`]: touching along an edge is outside), else **partly inside**,
//! which counts as inside when the share reaches `plot_inside_threshold` (default 50 %):
//! the office confirms such plots.

mod boundary;
mod plot;
mod point;
pub mod words;

pub use crate::layer::{LayerRef, VersionRef, ZoneRef};
pub use plot::{check_plot_in_layer, main_zone, plot_share_in_layer, LayerPlotResult, ZoneOverlap};
pub use point::{check_point_in_layer, locate_in_layer, LayerPointResult, Membership};

use serde::Serialize;

/// A plot with at least this share inside a layer is fully inside.
pub const FULL_SHARE: f64 = 0.995;
/// A plot with at most this share inside a layer is outside (it touches at most).
pub const NONE_SHARE: f64 = 0.005;
/// The largest radius (m) around an edge point within which the boundary test probes.
pub const PROBE_M: f64 = 0.01;

/// Where a point is relative to a layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PointStatus {
    /// In the interior of one of the layer's features, and not on the boundary.
    Inside,
    /// Within the boundary tolerance (`boundary_tolerance_m`) of an edge that separates the layer
    /// from the outside.
    OnBoundary,
    /// Outside every feature of the layer (a point in a hole is outside).
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
    /// At least [`FULL_SHARE`] (99.5 %) of the plot's area is inside the layer.
    Inside,
    /// More than [`NONE_SHARE`] and less than [`FULL_SHARE`] of the plot's area is inside the
    /// layer.
    PartlyInside,
    /// At most [`NONE_SHARE`] (0.5 %) of the plot's area is inside the layer (touching along an
    /// edge is outside).
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

/// The answer for a point, for every layer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PointReport {
    /// The point's longitude, decimal degrees.
    pub lon: f64,
    /// The point's latitude, decimal degrees.
    pub lat: f64,
    /// Whether the point is inside the envelope the data covers.
    pub in_data_area: bool,
    /// The result for each usable layer (one with at least one zone), in the manifest's order.
    pub layers: Vec<LayerPointResult>,
    /// Whether the data is synthetic sample data (the manifest's `sample_data`).
    pub sample_data: bool,
    /// The manifest's `data_version`: the data release that gave this answer.
    pub data_version: String,
}

/// The answer for a plot outline, for every layer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlotReport {
    /// Area of the plot, m².
    pub area_m2: f64,
    /// A point guaranteed inside the plot (lon, lat): where a plot is shown as a point.
    pub interior_point: [f64; 2],
    /// Whether the interior point lies inside the envelope the data covers.
    pub in_data_area: bool,
    /// The result for each usable layer (one with at least one zone), in the manifest's order.
    pub layers: Vec<LayerPlotResult>,
    /// Whether the data is synthetic sample data (the manifest's `sample_data`).
    pub sample_data: bool,
    /// The manifest's `data_version`: the data release that gave this answer.
    pub data_version: String,
}

#[cfg(test)]
mod tests;
