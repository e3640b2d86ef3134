//! The plot-by-plot parcel layer: each plot with its registration plate, renovation code and
//! survey attributes; lookup by plate or code, by a tap, and its edge neighbours.

use crate::check::ZoneRef;
use crate::geometry::projection::TransverseMercator;
use crate::input::plate::PlateQuery;
use crate::layer::{Layer, Zone};
use crate::packages::facts::FactValue;
use crate::packages::{FactName, FactSource, PlotFacts};
use crate::read::manifest::{BoundaryVersion, LayerSpec, LocalText, ParcelsSpec};
use crate::Problem;
use std::collections::HashMap;
mod builder;
mod info;
pub mod postal;
#[allow(unused_imports)]
pub use builder::*;
pub use info::ParcelInfo;

/// The loaded parcel layer.
#[derive(Debug, Clone)]
pub struct ParcelLayer {
    /// The plots as a layer, one zone each (their properties are dropped once read into `info`).
    pub layer: Layer,
    /// Each plot's survey attributes, in the order of `layer.zones`.
    pub info: Vec<ParcelInfo>,
    by_code: HashMap<String, usize>,
    by_plate: HashMap<(u32, u32), Vec<usize>>,
}

impl ParcelLayer {
    /// Reads the parcel file (problems as for any layer; invalid plots are left out).
    pub fn load(spec: &ParcelsSpec, text: &str, frame: &TransverseMercator) -> ParcelLayer {
        let (lspec, version) = Self::spec_for(spec);
        let layer = Layer::load(&lspec, &version, &spec.file, text, frame);
        Self::from_layer(layer)
    }

    /// Reads a FlatGeobuf file of parcels, at most `limit` plots (in the file's order).
    pub fn load_fgb(
        spec: &ParcelsSpec,
        bytes: &[u8],
        limit: Option<usize>,
        frame: &TransverseMercator,
    ) -> ParcelLayer {
        let (lspec, version) = Self::spec_for(spec);
        let layer = match crate::read::fgb::read(&spec.file, bytes, limit) {
            Ok(raw) => Layer::load_raw(&lspec, &version, &spec.file, raw, frame),
            Err(p) => {
                let mut l =
                    Layer::load_raw(&lspec, &version, &spec.file, Default::default(), frame);
                l.problems = vec![p];
                l
            }
        };
        Self::from_layer(layer)
    }

    pub(crate) fn spec_for(spec: &ParcelsSpec) -> (LayerSpec, BoundaryVersion) {
        super::working::Working {
            id: "parcels",
            name: LocalText::new("پلاک‌ها", "parcels"),
            version: (
                "survey",
                LocalText::new("برداشت پلاک‌به‌پلاک", "plot-by-plot survey"),
            ),
            file: &spec.file,
            id_property: spec.id_property.clone().unwrap_or_else(|| "plot_id".into()),
            crs: spec.crs.clone(),
        }
        .spec()
    }

    pub(crate) fn from_layer(mut layer: Layer) -> ParcelLayer {
        let info: Vec<ParcelInfo> = layer.zones.iter().map(ParcelInfo::from_zone).collect();
        // The attributes now live in `info`; the properties' text would cost ~300 bytes a plot.
        for z in &mut layer.zones {
            z.properties = Default::default();
        }
        let mut by_code = HashMap::new();
        let mut by_plate: HashMap<(u32, u32), Vec<usize>> = HashMap::new();
        for (i, p) in info.iter().enumerate() {
            if let Some(c) = &p.renovation_code {
                by_code.insert(c.clone(), i);
            }
            if let (Some(m), Some(s)) = (p.plate_main, p.plate_sub) {
                by_plate.entry((m, s)).or_default().push(i);
            }
        }
        ParcelLayer {
            layer,
            info,
            by_code,
            by_plate,
        }
    }

    /// Problems found while loading the parcel file.
    pub fn problems(&self) -> &[Problem] {
        &self.layer.problems
    }

    /// Number of plots loaded.
    pub fn len(&self) -> usize {
        self.info.len()
    }

    /// Whether no plot was loaded.
    pub fn is_empty(&self) -> bool {
        self.info.is_empty()
    }

    /// Plots with this plate (main/sub, then sub/main if none; filtered by section if given).
    pub fn find_plate(&self, q: PlateQuery) -> Vec<usize> {
        let pick = |m: u32, s: u32| -> Vec<usize> {
            self.by_plate
                .get(&(m, s))
                .map(|v| {
                    v.iter()
                        .copied()
                        .filter(|&i| q.section.is_none() || self.info[i].plate_section == q.section)
                        .collect()
                })
                .unwrap_or_default()
        };
        let found = pick(q.main, q.sub);
        if found.is_empty() {
            pick(q.sub, q.main)
        } else {
            found
        }
    }

    /// The plot with this renovation code.
    pub fn find_code(&self, code: &str) -> Option<usize> {
        self.by_code.get(code).copied()
    }

    /// The plots with this ten-digit postal code (a building's flats may share one), in layer
    /// order. A scan: about a millisecond at 200,000 plots, with no index kept in memory.
    pub fn find_postal(&self, code: u64) -> Vec<usize> {
        (self.info.iter().enumerate())
            .filter(|(_, p)| p.postal_code == Some(code))
            .map(|(i, _)| i)
            .collect()
    }

    /// The plots at this street address (a street and a house number), in layer order. The
    /// street matches the plot's `street` or `street_en` compared by
    /// [`crate::layer::streets::key`]. A scan, comparing the number first.
    pub fn find_address(&self, q: &crate::input::address::AddressQuery) -> Vec<usize> {
        let on_street = |p: &ParcelInfo| {
            let k = |s: &Option<String>| s.as_deref().map(crate::layer::streets::key);
            k(&p.street).as_ref() == Some(&q.street) || k(&p.street_en).as_ref() == Some(&q.street)
        };
        (self.info.iter().enumerate())
            .filter(|(_, p)| p.house_number.as_ref() == Some(&q.number) && on_street(p))
            .map(|(i, _)| i)
            .collect()
    }

    /// Whether any plot is on this street (compared as [`Parcels::find_address`] does).
    pub fn has_street(&self, street_key: &str) -> bool {
        let k = |s: &Option<String>| s.as_deref().map(crate::layer::streets::key);
        self.info.iter().any(|p| {
            k(&p.street).as_deref() == Some(street_key)
                || k(&p.street_en).as_deref() == Some(street_key)
        })
    }

    /// Whether any plot carries a street address (a street and a house number).
    pub fn has_addresses(&self) -> bool {
        self.info
            .iter()
            .any(|p| p.street.is_some() && p.house_number.is_some())
    }

    /// Whether any plot carries a postal code.
    pub fn has_postal_codes(&self) -> bool {
        self.info.iter().any(|p| p.postal_code.is_some())
    }

    /// The plot with this plot id (as share links name it).
    pub fn find_id(&self, id: &str) -> Option<usize> {
        self.info.iter().position(|p| p.plot_id == id)
    }

    /// The plot under a point (local metres): O(log n), through the R-tree, which stores each
    /// plot's index. Where plots overlap (bad survey data), the first the tree gives.
    pub fn at(&self, x: f64, y: f64) -> Option<usize> {
        self.layer
            .indexed_candidates(x, y, 0.0)
            .find(|(_, z)| z.prepared.contains(x, y))
            .map(|(i, _)| i)
    }

    /// The plot's outline in (lon, lat) rings (shell, then holes) of its first part.
    pub fn rings(&self, i: usize) -> Vec<Vec<(f64, f64)>> {
        self.layer.zones[i]
            .lon_lat
            .0
            .first()
            .map(|p| {
                std::iter::once(p.exterior())
                    .chain(p.interiors())
                    .map(|r| r.0.iter().map(|c| (c.x, c.y)).collect())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The plots within a lon/lat box as GeoJSON, at most `max` of them (the map draws only
    /// what is in view, never the whole layer). Also returns how many were in the box.
    pub fn visible_geojson(
        &self,
        frame: &TransverseMercator,
        bbox: [f64; 4],
        max: usize,
    ) -> (String, usize) {
        let (x0, y0) = frame.forward(bbox[0], bbox[1]);
        let (x1, y1) = frame.forward(bbox[2], bbox[3]);
        let mut out = String::from(r#"{"type":"FeatureCollection","features":["#);
        let mut n = 0;
        for z in self
            .layer
            .candidates_in([x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)])
        {
            n += 1;
            if n > max {
                continue;
            }
            if n > 1 {
                out.push(',');
            }
            out.push_str(
                r#"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":["#,
            );
            if let Some(p) = z.lon_lat.0.first() {
                crate::layer::push_ring_json(&mut out, p.exterior());
            }
            out.push_str("]}}");
        }
        out.push_str("]}");
        (out, n)
    }

    /// The plot's reference (id and name).
    pub fn reference(&self, i: usize) -> ZoneRef {
        let z = &self.layer.zones[i];
        ZoneRef {
            id: z.id.clone(),
            name: z.name.clone(),
        }
    }

    /// Plots sharing a stretch of boundary of at least `min_shared_m` metres with plot `i`
    /// (collinear edges within 5 cm of each other), for consolidation scenarios.
    pub fn neighbours(&self, i: usize, min_shared_m: f64) -> Vec<usize> {
        let z = &self.layer.zones[i];
        let b = crate::geometry::crs::bbox_of(
            z.local
                .0
                .iter()
                .flat_map(|p| p.exterior().0.iter().map(|c| (c.x, c.y))),
        );
        let edges = |zz: &Zone| -> Vec<[f64; 4]> {
            zz.local
                .0
                .iter()
                .flat_map(|p| {
                    p.exterior()
                        .0
                        .windows(2)
                        .map(|w| [w[0].x, w[0].y, w[1].x, w[1].y])
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        let mine = edges(z);
        let mut out: Vec<usize> = self
            .layer
            .indexed_candidates_in([b.0 - 0.1, b.1 - 0.1, b.2 + 0.1, b.3 + 0.1])
            .filter(|(_, o)| !std::ptr::eq(*o, z))
            .filter(|(_, o)| {
                let theirs = edges(o);
                mine.iter()
                    .any(|a| theirs.iter().any(|c| shared_length(a, c) >= min_shared_m))
            })
            .map(|(j, _)| j)
            .collect();
        crate::base::small::sort_small_by(&mut out, |a, b| a.cmp(b));
        out
    }

    /// What the survey knows about the plot, as incentive facts (source: parcel layer).
    /// `year` is the current Jalali year (for the building's age).
    pub fn facts(&self, i: usize, year: i32) -> PlotFacts {
        let p = &self.info[i];
        let mut f = PlotFacts::default();
        let src = FactSource::Parcel;
        if let Some(a) = p.area_m2 {
            f.set(FactName::PlotAreaM2, FactValue::Number(a), src);
        }
        if let Some(w) = p.frontage_width_m {
            f.set(FactName::FrontageWidthM, FactValue::Number(w), src);
        }
        if let Some(b) = p.on_main_axis {
            f.set(FactName::OnMainAxis, FactValue::YesNo(b), src);
        }
        if let Some(u) = p
            .land_use
            .as_ref()
            .filter(|u| FactName::LandUse.known_values().contains(&u.as_str()))
        {
            f.set(FactName::LandUse, FactValue::Text(u.clone()), src);
        }
        if let Some(s) = p
            .structure
            .as_ref()
            .filter(|s| FactName::Structure.known_values().contains(&s.as_str()))
        {
            f.set(FactName::Structure, FactValue::Text(s.clone()), src);
        }
        if let Some(y) = p.built_year.filter(|y| *y > 1200 && *y <= year) {
            f.set(
                FactName::BuildingAgeYears,
                FactValue::Number((year - y) as f64),
                src,
            );
        }
        f
    }
}
