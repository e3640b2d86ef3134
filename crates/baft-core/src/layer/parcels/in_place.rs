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
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

/// A decoded plot: its zone (properties dropped) and its survey attributes.
type Plot = (Zone, ParcelInfo);

const UNKNOWN: u8 = 0;
const VALID: u8 = 1;
const INVALID: u8 = 2;

/// The file, and the plots and attributes read from it so far.
pub(super) struct InPlace {
    pub(super) file: FgbFile,
    spec: LayerSpec,
    frame: TransverseMercator,
    /// Each plot once decoded: `None` for a feature left out (not a valid polygon).
    plots: Vec<OnceLock<Option<Box<Plot>>>>,
    /// Each plot's validity once judged without decoding it whole: [`UNKNOWN`], [`VALID`] or
    /// [`INVALID`] (a locate meets many plots it never needs to decode).
    judged: Vec<AtomicU8>,
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
            judged: (0..file.len()).map(|_| AtomicU8::new(UNKNOWN)).collect(),
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
    /// file's bytes), the lowest-numbered valid one (a feature the decoded layer would leave
    /// out is passed over).
    pub(super) fn at(&self, lon: f64, lat: f64) -> Option<usize> {
        // The index gives plots in its own order: a plot numbered above the best found so far
        // is not tested at all, and nothing is collected or sorted.
        let mut best: Option<usize> = None;
        self.file.search([lon, lat, lon, lat], |no| {
            if best.is_none_or(|b| no < b) && self.file.holds(no, lon, lat) && self.valid(no) {
                best = Some(no);
            }
        });
        best
    }

    /// Whether plot `no` is valid: whether [`plot`](Self::plot) gives it. Judged once, from
    /// its geometry (read, projected and checked as decoding does) and a check that its
    /// attribute bytes are readable (stepped over, not read), unless it is decoded already.
    pub(super) fn valid(&self, no: usize) -> bool {
        if let Some(p) = self.plots.get(no).and_then(OnceLock::get) {
            return p.is_some();
        }
        let Some(cell) = self.judged.get(no) else {
            return false;
        };
        match cell.load(Ordering::Relaxed) {
            VALID => true,
            INVALID => false,
            _ => {
                let ok = self.file.polygons(no).is_some_and(|p| {
                    p.is_ok_and(|p| {
                        crate::layer::build::project_polygons(&p, SourceCrs::LonLat, &self.frame)
                            .is_ok()
                    })
                });
                cell.store(if ok { VALID } else { INVALID }, Ordering::Relaxed);
                ok
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::geojson::RawFeature;
    use crate::read::properties::Properties;

    /// A closed square ring of side `s` (degrees) from (`x`, `y`).
    fn square(x: f64, y: f64, s: f64) -> Vec<(f64, f64)> {
        vec![(x, y), (x + s, y), (x + s, y + s), (x, y + s), (x, y)]
    }

    /// A parcel layer read in place from FlatGeobuf `bytes`, in a frame around Qods.
    fn open(bytes: Vec<u8>) -> InPlace {
        let spec = crate::read::manifest::ParcelsSpec {
            file: "p.fgb".into(),
            id_property: None,
            crs: None,
        };
        InPlace::new(
            FgbFile::open("p.fgb", bytes).unwrap(),
            super::super::ParcelLayer::spec_for(&spec).0,
            TransverseMercator::local(51.0, 35.7),
        )
    }

    /// Where plots overlap (bad survey data), the plot at a point is the lowest-numbered valid
    /// one holding it, whatever order the index gives them in: checked against every plot tried
    /// one by one, with a refused plot (a bow tie) and several valid ones under the point.
    #[test]
    fn the_plot_at_a_point_is_the_lowest_numbered_valid_holder() {
        let (x, y, d) = (51.0, 35.7, 0.0002);
        let bow = vec![(x, y), (x + d, y + d), (x + d, y), (x, y + d), (x, y)];
        // The point (x + 0.95 d, y + 0.2 d) is in the bow tie's right lobe and in the three
        // squares after it, not in the small one nor the far one. The writer numbers the plots
        // in its Hilbert order: the bow tie comes before the squares holding the point.
        let shapes = [
            square(x + 0.5 * d, y, d),
            bow,
            square(x, y, d),
            square(x - d, y - d, 3.0 * d),
            square(x + 0.6 * d, y + 0.4 * d, 0.3 * d),
            square(x + 5.0 * d, y, d),
        ];
        let features: Vec<RawFeature> = (0..shapes.len())
            .map(|i| RawFeature {
                index: i,
                id: Some(format!("P{i}")),
                properties: Properties::from_json_text("{}"),
                polygons: vec![vec![shapes[i].clone()]],
            })
            .collect();
        let bytes = crate::read::fgb::write(&features.iter().collect::<Vec<_>>()).unwrap();
        let layer = open(bytes);
        let (lon, lat) = (x + 0.95 * d, y + 0.2 * d);
        let holders: Vec<usize> = (0..layer.file.len())
            .filter(|&no| layer.file.holds(no, lon, lat))
            .collect();
        let valid: Vec<usize> = holders
            .iter()
            .copied()
            .filter(|&no| layer.valid(no))
            .collect();
        // The premise: the lowest-numbered plot under the point is the refused one, and more
        // than one valid plot is under it.
        assert_eq!(
            (holders.len(), valid.len()),
            (4, 3),
            "{holders:?} {valid:?}"
        );
        assert!(!layer.valid(holders[0]));
        assert_eq!(layer.at(lon, lat), Some(valid[0]));
        // Nothing under a point away from them all.
        assert_eq!(layer.at(x + 3.0 * d, y + 3.0 * d), None);
    }

    /// Judging a plot from its geometry alone agrees with decoding it whole, for plots the
    /// decoder takes and for each way it refuses one: a bow tie, a ring with no area, a hole
    /// outside its shell, damaged bytes.
    #[test]
    fn judging_validity_agrees_with_decoding() {
        let (x, y, d) = (51.0, 35.7, 0.0002);
        let shapes: Vec<Vec<Vec<(f64, f64)>>> = vec![
            vec![square(x, y, d)],
            vec![vec![(x, y), (x + d, y + d), (x + d, y), (x, y + d), (x, y)]],
            vec![vec![(x, y), (x + d, y), (x + 2.0 * d, y), (x, y)]],
            vec![square(x, y, d), square(x + 3.0 * d, y, d / 4.0)],
            vec![square(x, y, d), square(x + d / 4.0, y + d / 4.0, d / 2.0)],
        ];
        let features: Vec<RawFeature> = (0..40)
            .map(|i| RawFeature {
                index: i,
                id: Some(format!("P{i}")),
                properties: Properties::from_json_text(&format!(
                    r#"{{"floors":2,"tag":"T{i:02}"}}"#
                )),
                polygons: vec![shapes[i % shapes.len()]
                    .iter()
                    .map(|r| {
                        r.iter()
                            .map(|&(a, b)| (a + i as f64 * d * 5.0, b))
                            .collect()
                    })
                    .collect()],
            })
            .collect();
        let mut bytes = crate::read::fgb::write(&features.iter().collect::<Vec<_>>()).unwrap();
        // Plot 0's attributes cut short: its text's length (the 4 bytes before it) made huge.
        let at = (bytes.windows(3).position(|w| w == b"T00")).unwrap();
        bytes[at - 4..at].copy_from_slice(&u32::MAX.to_le_bytes());
        let good = bytes.clone();
        // Spoil the last features' bytes (the features follow the index, in Hilbert order).
        let n = bytes.len();
        bytes[n - 200..n - 100].fill(0xff);
        for b in [good, bytes] {
            let (file, decoded) = (open(b.clone()), open(b));
            let damaged = (0..file.file.len()).filter(|&no| file.file.read(no).is_err());
            assert!(damaged.count() >= 1);
            let (mut valid, mut invalid) = (0, 0);
            for no in 0..file.file.len() {
                let v = file.valid(no);
                assert_eq!(v, decoded.plot(no).is_some(), "plot {no}");
                // Judged once: the same answer again, and after decoding.
                assert_eq!(file.valid(no), v);
                let _ = file.plot(no);
                assert_eq!(file.valid(no), v);
                if v {
                    valid += 1
                } else {
                    invalid += 1
                }
            }
            assert!(valid >= 8 && invalid >= 16, "{valid} valid, {invalid} not");
        }
    }
}
