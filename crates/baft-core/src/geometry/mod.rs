//! Geometry: the transverse Mercator projection, a packed box index, CRS detection, prepared polygons, a plot's area inside a zone and interior points.

pub(crate) mod box_index;
pub mod crs;
pub mod interior;
pub(crate) mod overlap;
pub(crate) mod prepared;
pub mod projection;
