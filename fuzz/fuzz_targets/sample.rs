//! The sample's zone layers that targets check against, each read once per process.
#![allow(dead_code)]

use baft_core::dataset::Dataset;
use std::sync::OnceLock;

/// `data/layers/FILE` as a dataset of that one layer, read on first use.
macro_rules! layer {
    ($file:literal) => {{
        static DATA: OnceLock<Dataset> = OnceLock::new();
        DATA.get_or_init(|| {
            Dataset::from_single_file($file, include_str!(concat!("../../data/layers/", $file)))
                .expect("the sample layer loads")
        })
    }};
}

/// The worn-out fabric (1402).
pub fn worn_out_fabric() -> &'static Dataset {
    layer!("worn-out-fabric-1402.geojson")
}

/// The target neighbourhoods (named zones for the search box).
pub fn target_neighbourhoods() -> &'static Dataset {
    layer!("target-neighbourhoods.geojson")
}
