//! A manifest with its layers loaded: what the app, the CLI and the JS API query.
//!
//! Loading is incremental so that the app can show progress: [`Dataset::new`] takes the
//! manifest, then [`Dataset::add_layer`] each file as it arrives. Files are read by the
//! caller (fetch in the browser, the file system in the CLI), never by the core.

use crate::base::jalali::GregorianDate;
use crate::check::PlotReport;
use crate::error::{Problem, ProblemKind};
use crate::geometry::projection::TransverseMercator;
use crate::input::ParseOptions;
use crate::layer::offices::{OfficeMatch, OfficesFile};
use crate::layer::parcels::ParcelLayer;
use crate::layer::versions::{self, LayerHistory};
use crate::layer::Layer;
use crate::packages::{evaluate, Evaluation, PackagesFile, PlotFacts};
use crate::read::manifest::{BoundaryVersion, LayerSpec, Manifest};

mod checks;
mod load;
mod outline;
pub use load::FileBody;
pub use outline::{read_plot_outline, MAX_PLOT_BYTES, MAX_PLOT_VERTICES};

/// Loaded data.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// The manifest the data was loaded from.
    pub manifest: Manifest,
    /// The local metric frame every computation uses.
    pub frame: TransverseMercator,
    /// Loaded layers, in manifest order (one version each).
    pub layers: Vec<Layer>,
    /// The incentive packages, when the manifest lists a valid packages file.
    pub packages: Option<std::sync::Arc<PackagesFile>>,
    /// The plot-by-plot parcel layer, when the manifest lists one.
    pub parcels: Option<std::sync::Arc<ParcelLayer>>,
    /// The facilitation offices, when the manifest lists them.
    pub offices: Option<std::sync::Arc<OfficesFile>>,
    /// The streets reference layer, when the manifest lists one.
    pub streets: Option<std::sync::Arc<crate::layer::streets::Streets>>,
    /// Earlier (or later) boundary versions of layers, for history and diffs.
    pub other_versions: Vec<Layer>,
    /// How much of the parcel layer [`Self::parcels`] holds: a plate, postal code or code not
    /// found in part of it is not "no such plot".
    pub parcels_read: ParcelsRead,
}

/// How much of the manifest's parcel layer a dataset holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ParcelsRead {
    /// All of it (or all there will be: none listed, or its file did not read).
    #[default]
    All,
    /// Part or none of it yet; the rest is being read (the app, while the file arrives).
    Loading,
    /// Only the plots read by area around places asked about: the file is too large to read
    /// whole (a province's), so a plate, postal code or code can't be looked up in it.
    ByArea,
}

impl Dataset {
    /// An empty dataset for a manifest (no layers loaded yet).
    pub fn new(manifest: Manifest) -> Dataset {
        let [lon, lat] = manifest.city.center;
        Dataset {
            frame: TransverseMercator::local(lon, lat),
            manifest,
            layers: Vec::new(),
            packages: None,
            parcels: None,
            offices: None,
            streets: None,
            other_versions: Vec::new(),
            parcels_read: ParcelsRead::All,
        }
    }

    /// Adds a loaded non-current boundary version, for history and diffs (replacing the same
    /// one).
    pub fn put_other_version(&mut self, layer: Layer) -> Vec<Problem> {
        let (spec, version) = (layer.spec.clone(), layer.version.clone());
        let problems = layer.problems.clone();
        self.other_versions
            .retain(|l| !(l.spec.id == spec.id && l.version.id == version.id));
        self.other_versions.push(layer);
        problems
    }

    /// Loads the parcel layer.
    pub fn set_parcels(&mut self, text: &str) -> Vec<Problem> {
        let Some(spec) = self.manifest.parcels.clone() else {
            return Vec::new();
        };
        self.install_parcels(ParcelLayer::load(&spec, text, &self.frame))
    }

    /// Loads the parcel layer from a FlatGeobuf file, at most `limit` plots.
    pub fn set_parcels_fgb(&mut self, bytes: &[u8], limit: Option<usize>) -> Vec<Problem> {
        let Some(spec) = self.manifest.parcels.clone() else {
            return Vec::new();
        };
        self.install_parcels(ParcelLayer::load_fgb(&spec, bytes, limit, &self.frame))
    }

    /// Loads the parcel layer from a FlatGeobuf file's bytes, handed over: read in place when
    /// the file has an index and lon/lat positions ([`ParcelLayer::in_place`]: ready at once,
    /// no plot decoded until asked for), else decoded whole.
    pub fn set_parcels_fgb_owned(&mut self, bytes: Vec<u8>) -> Vec<Problem> {
        let Some(spec) = self.manifest.parcels.clone() else {
            return Vec::new();
        };
        self.install_parcels(ParcelLayer::in_place(&spec, bytes, &self.frame))
    }

    /// Installs a whole parcel layer built elsewhere (e.g. by a `ParcelsBuilder`).
    pub fn install_parcels(&mut self, p: ParcelLayer) -> Vec<Problem> {
        self.install_parcels_part(p, ParcelsRead::All)
    }

    /// Installs a parcel layer built elsewhere, holding as much of the file as `read` says (a
    /// slice at a time, or the plots read by area).
    pub fn install_parcels_part(&mut self, p: ParcelLayer, read: ParcelsRead) -> Vec<Problem> {
        let problems = p.problems().to_vec();
        self.parcels = Some(std::sync::Arc::new(p));
        self.parcels_read = read;
        problems
    }

    /// Reads the streets file (its problems name the features left out).
    pub fn set_streets(&mut self, file: &str, text: &str) -> Vec<Problem> {
        let (streets, problems) = crate::layer::streets::Streets::parse(file, text);
        self.streets = Some(std::sync::Arc::new(streets));
        problems
    }

    /// Loads the offices file.
    pub fn set_offices(&mut self, file: &str, text: &str) -> Vec<Problem> {
        match OfficesFile::parse(text) {
            Ok(o) => {
                let missing: Vec<Problem> = o
                    .offices
                    .iter()
                    .enumerate()
                    .filter(|(_, x)| x.location.is_none())
                    .map(|(i, x)| Problem {
                        severity: crate::Severity::Warning,
                        location: crate::error::Location {
                            file: file.into(),
                            feature_index: Some(i),
                            feature_id: Some(x.id.clone()),
                            ..Default::default()
                        },
                        kind: ProblemKind::OfficeWithoutLocation,
                    })
                    .collect();
                self.offices = Some(std::sync::Arc::new(o));
                missing
            }
            Err(detail) => vec![Problem::file_error(
                file,
                ProblemKind::JsonSyntax { detail },
            )],
        }
    }

    /// For each layer with more than one loaded version: a point's status in each, oldest
    /// first, and which is in force (see [`LayerHistory::sentence`]).
    pub fn history(&self, (lon, lat): (f64, f64)) -> Vec<LayerHistory> {
        let (x, y) = self.frame.forward(lon, lat);
        let tol = self.manifest.checking.boundary_tolerance_m;
        self.histories(|l| versions::point_standing(l, x, y, tol))
    }

    /// For each layer with more than one loaded version: a plot's status in each, judged by its
    /// share as the answer judges it (`plot_inside_threshold`), oldest first. The outline is
    /// rings of (lon, lat), as [`Self::check_plot`] takes; `None` when it does not accept it.
    pub fn plot_history(&self, rings: &[Vec<(f64, f64)>]) -> Option<Vec<LayerHistory>> {
        let (_, plot, area) = self.local_plot(rings).ok()?;
        let th = self.manifest.checking.plot_inside_threshold;
        Some(self.histories(|l| versions::plot_standing(l, &plot, area, th)))
    }

    fn histories(&self, judge: impl Fn(&Layer) -> (versions::Standing, bool)) -> Vec<LayerHistory> {
        self.layers
            .iter()
            .filter_map(|cur| {
                let mut all: Vec<&Layer> = vec![cur];
                all.extend(
                    self.other_versions
                        .iter()
                        .filter(|o| o.spec.id == cur.spec.id),
                );
                versions::history(&all, &judge)
            })
            .collect()
    }

    /// The facilitation office for a place: the one serving its target neighbourhood (from a
    /// point report's `target_neighbourhood` layer), else the nearest.
    pub fn office_for(
        &self,
        (lon, lat): (f64, f64),
        neighbourhoods: &[String],
    ) -> Option<OfficeMatch> {
        self.offices.as_ref()?.office_for(lon, lat, neighbourhoods)
    }

    /// Checks parcel `i` as a polygon; its survey attributes become facts (source: parcel layer).
    pub fn check_parcel(&self, i: usize, jalali_year: i32) -> Option<(PlotReport, PlotFacts)> {
        let parcels = self.parcels.as_ref()?;
        let report = self.check_plot(&parcels.rings(i)).ok()?;
        let mut facts = PlotFacts::from_plot(&report);
        for (k, v) in parcels.facts(i, jalali_year).facts {
            facts.facts.insert(k, v);
        }
        Some((report, facts))
    }

    /// Reads the packages file's text (validated against the manifest's layers). On errors the
    /// packages stay unloaded and each error is returned as a problem naming package and field.
    pub fn set_packages(&mut self, file: &str, text: &str) -> Vec<Problem> {
        let ids: Vec<String> = self.manifest.layers.iter().map(|l| l.id.clone()).collect();
        match PackagesFile::parse(text, Some(&ids)) {
            Ok(p) => {
                self.packages = Some(std::sync::Arc::new(p));
                Vec::new()
            }
            Err(errs) => {
                self.packages = None;
                errs.into_iter()
                    .map(|e| Problem::file_error(file, ProblemKind::FieldInvalid(Box::new(e))))
                    .collect()
            }
        }
    }

    /// Evaluates the incentive packages for a plot's facts on `today` (None without packages).
    pub fn incentives(&self, facts: &PlotFacts, today: GregorianDate) -> Option<Evaluation> {
        self.packages.as_ref().map(|p| evaluate(p, facts, today))
    }

    /// Loads one layer version from its file's text and adds it (replacing any loaded version
    /// of the same layer, keeping manifest order). Returns the problems found.
    pub fn add_layer(
        &mut self,
        spec: &LayerSpec,
        version: &BoundaryVersion,
        file: &str,
        text: &str,
    ) -> Vec<Problem> {
        self.put_layer(Layer::load(spec, version, file, text, &self.frame))
    }

    /// Adds a loaded layer version (replacing any loaded version of the same layer, keeping
    /// manifest order). Returns its problems.
    pub fn put_layer(&mut self, layer: Layer) -> Vec<Problem> {
        let problems = layer.problems.clone();
        let id = layer.spec.id.clone();
        self.layers.retain(|l| l.spec.id != id);
        self.layers.push(layer);
        let order: Vec<String> = self.manifest.layers.iter().map(|l| l.id.clone()).collect();
        let pos = |l: &Layer| {
            order
                .iter()
                .position(|id| *id == l.spec.id)
                .unwrap_or(usize::MAX)
        };
        crate::base::small::sort_small_by(&mut self.layers, |a, b| pos(a).cmp(&pos(b)));
        problems
    }

    /// Options for reading typed coordinates (the city's UTM zone).
    pub fn parse_options(&self) -> ParseOptions {
        ParseOptions {
            default_utm_zone: self.manifest.city.utm_zone,
        }
    }

    /// All loading problems of the loaded layers.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.layers.iter().flat_map(|l| l.problems.iter())
    }
}
