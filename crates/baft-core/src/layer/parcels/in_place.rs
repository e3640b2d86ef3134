//! A parcel layer read in place from its FlatGeobuf file: nothing is decoded on loading; the
//! file's own index finds the plots at a point or in a box, a point is tested against a plot
//! straight from the file's bytes, and a plot is decoded (projected, checked, prepared) the
//! first time an answer needs it, then kept. A plot's number is its feature number in the file.
//!
//! The searches by plate, code, postal code, address and id need every plot's attributes: the
//! first of them reads them all once ([`InPlace::lookups`]) and keeps only those.

use super::{Lookups, ParcelInfo};
use crate::geometry::crs::SourceCrs;
use crate::geometry::projection::TransverseMercator;
use crate::layer::Zone;
use crate::read::fgb::FgbFile;
use crate::read::manifest::LayerSpec;
use std::sync::OnceLock;

/// A decoded plot: its zone (properties dropped) and its survey attributes.
type Plot = (Zone, ParcelInfo);

/// The file, and the plots and attributes read from it so far.
pub(super) struct InPlace {
    pub(super) file: FgbFile,
    spec: LayerSpec,
    frame: TransverseMercator,
    /// Each plot once decoded: `None` for a feature left out (not a valid polygon).
    plots: Vec<OnceLock<Option<Box<Plot>>>>,
    lookups: OnceLock<Lookups>,
}

impl std::fmt::Debug for InPlace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InPlace")
            .field("plots", &self.file.len())
            .field("bytes", &self.file.byte_len())
            .finish()
    }
}

impl InPlace {
    pub(super) fn new(file: FgbFile, spec: LayerSpec, frame: TransverseMercator) -> InPlace {
        InPlace {
            plots: (0..file.len()).map(|_| OnceLock::new()).collect(),
            file,
            spec,
            frame,
            lookups: OnceLock::new(),
        }
    }

    /// The local frame plots are projected to.
    pub(super) fn frame(&self) -> &TransverseMercator {
        &self.frame
    }

    /// Plot `no`, decoded on first use.
    pub(super) fn plot(&self, no: usize) -> Option<&Plot> {
        self.plots
            .get(no)?
            .get_or_init(|| self.decode(no).map(Box::new))
            .as_deref()
    }

    fn decode(&self, no: usize) -> Option<Plot> {
        let mut f = self.file.read(no).ok()?.features.pop()?;
        let id = crate::layer::build::feature_id(&self.spec, &f);
        let mut z =
            crate::layer::build::build_zone(&self.spec, &mut f, id, SourceCrs::LonLat, &self.frame)
                .ok()?;
        let info = ParcelInfo::from_zone(&z);
        z.properties = Default::default();
        Some((z, info))
    }

    /// The plot holding (`lon`, `lat`): of the plots whose polygon holds it (tested from the
    /// file's bytes), the lowest-numbered valid one (decoded, as an answer will need it; a
    /// feature the decoded layer would leave out is passed over).
    pub(super) fn at(&self, lon: f64, lat: f64) -> Option<usize> {
        let mut holders: Vec<usize> = Vec::new();
        self.file.search([lon, lat, lon, lat], |no| {
            if self.file.holds(no, lon, lat) {
                holders.push(no);
            }
        });
        holders.sort_unstable();
        holders.into_iter().find(|&no| self.plot(no).is_some())
    }

    /// Whether plot `no` is valid (decoding it, once).
    pub(super) fn valid(&self, no: usize) -> bool {
        self.plot(no).is_some()
    }

    /// The plots whose boxes meet a lon/lat box, in file order.
    pub(super) fn in_box(&self, bbox: [f64; 4]) -> Vec<usize> {
        let mut out = Vec::new();
        self.file.search(bbox, |no| out.push(no));
        out.sort_unstable();
        out
    }

    /// Every plot's attributes, read once on first use, geometry not read (a plot whose
    /// attributes can't be read has none, and an empty id: no search finds it). What a search
    /// finds is then kept only if the plot is valid ([`ParcelLayer`](super::ParcelLayer)'s
    /// `find_*`), as the decoded layer leaves invalid plots out.
    pub(super) fn lookups(&self) -> &Lookups {
        self.lookups.get_or_init(|| {
            let info = (0..self.file.len())
                .map(|no| self.info_only(no).unwrap_or_default())
                .collect();
            Lookups::new(info)
        })
    }

    /// A plot's attributes, its geometry not read (as a decoded plot's: its id from the layer's
    /// id property, else the feature's `id`, else `#number`).
    fn info_only(&self, no: usize) -> Option<ParcelInfo> {
        let (id, properties) = self.file.properties(no)?;
        let f = crate::read::geojson::RawFeature {
            index: no,
            id,
            properties,
            polygons: Vec::new(),
        };
        let id = crate::layer::build::feature_id(&self.spec, &f);
        Some(ParcelInfo::from_properties(
            id.unwrap_or_else(|| format!("#{no}")),
            &f.properties,
        ))
    }
}
