//! Reading the files a municipality publishes: the manifest, GeoJSON layers, feature properties, FlatGeobuf, and JSON errors in plain words.

pub mod catalogue;
pub mod fgb;
pub mod geojson;
pub mod json_error;
pub mod manifest;
pub mod plan;
pub mod properties;
