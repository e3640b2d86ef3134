//! Geometry: the transverse Mercator projection, CRS detection, prepared polygons and interior points.

pub mod crs;
pub mod interior;
pub(crate) mod prepared;
pub mod projection;
