//! A manifest with its layers loaded: what the app, the CLI and the JS API query.
//!
//! Loading is incremental so that the app can show progress: [`Dataset::new`] takes the
//! manifest, then [`Dataset::add_layer`] each file as it arrives. Files are read by the
//! caller (fetch in the browser, the file system in the CLI), never by the core.

use crate::check::{self, PlotReport, PointReport};
use crate::error::{BaftError, Problem, ProblemKind};
use crate::geojson::{self, GeometrySlot};
use crate::input::ParseOptions;
use crate::jalali::GregorianDate;
use crate::layer::{self, Layer};
use crate::manifest::{BoundaryVersion, LayerSpec, Manifest};
use crate::offices::{OfficeMatch, OfficesFile};
use crate::packages::{evaluate, Evaluation, PackagesFile, PlotFacts};
use crate::parcels::ParcelLayer;
use crate::projection::TransverseMercator;
use crate::versions::LayerHistory;
use geo::Area;

/// The largest plot outline file read (bytes of text): one plot's outline is a few kilobytes;
/// a bigger file is a whole layer uploaded by mistake, or not an outline at all, and reading
/// it would hold the page for nothing.
pub const MAX_PLOT_BYTES: usize = 2_000_000;

/// The most corners a plot outline may have (all rings together).
pub const MAX_PLOT_VERTICES: usize = 10_000;

/// Loaded data.
#[derive(Debug, Clone)]
pub struct Dataset {
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
    /// Earlier (or later) boundary versions of layers, for history and diffs.
    pub other_versions: Vec<Layer>,
}

/// The non-current version files of every layer: (layer spec, version, path).
pub fn other_version_files(m: &Manifest) -> Vec<(LayerSpec, BoundaryVersion, String)> {
    m.layers
        .iter()
        .flat_map(|l| {
            let current = l.current_version().map(|v| v.id.clone());
            l.versions
                .iter()
                .filter(move |v| Some(&v.id) != current.as_ref())
                .map(move |v| (l.clone(), v.clone(), v.file.clone()))
        })
        .collect()
}

/// The file to load for each layer at its current version: (layer spec, version, path).
pub fn planned_files(m: &Manifest) -> Vec<(LayerSpec, BoundaryVersion, String)> {
    m.layers
        .iter()
        .filter_map(|l| {
            l.current_version()
                .map(|v| (l.clone(), v.clone(), v.file.clone()))
        })
        .collect()
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
            other_versions: Vec::new(),
        }
    }

    /// Loads a non-current boundary version (for history and diffs).
    pub fn add_other_version(
        &mut self,
        spec: &LayerSpec,
        version: &BoundaryVersion,
        file: &str,
        text: &str,
    ) -> Vec<Problem> {
        let layer = Layer::load(spec, version, file, text, &self.frame);
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
        let p = ParcelLayer::load(&spec, text, &self.frame);
        let problems = p.problems().to_vec();
        self.parcels = Some(std::sync::Arc::new(p));
        problems
    }

    /// Loads the parcel layer from a `.baftpack`, at most `limit` plots (nearest first).
    pub fn set_parcels_packed(&mut self, bytes: &[u8], limit: Option<usize>) -> Vec<Problem> {
        let Some(spec) = self.manifest.parcels.clone() else {
            return Vec::new();
        };
        let p = ParcelLayer::load_packed(&spec, bytes, limit, &self.frame);
        let problems = p.problems().to_vec();
        self.parcels = Some(std::sync::Arc::new(p));
        problems
    }

    /// Installs a parcel layer built elsewhere (e.g. a slice at a time by a `ParcelsBuilder`).
    pub fn install_parcels(&mut self, p: ParcelLayer) -> Vec<Problem> {
        let problems = p.problems().to_vec();
        self.parcels = Some(std::sync::Arc::new(p));
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

    /// For each layer with more than one loaded version: the point's status in each, oldest first.
    pub fn history(&self, (lon, lat): (f64, f64)) -> Vec<LayerHistory> {
        let (x, y) = self.frame.forward(lon, lat);
        let tol = self.manifest.checking.boundary_tolerance_m;
        self.layers
            .iter()
            .filter_map(|cur| {
                let mut all: Vec<&Layer> = vec![cur];
                all.extend(
                    self.other_versions
                        .iter()
                        .filter(|o| o.spec.id == cur.spec.id),
                );
                crate::versions::history(&all, x, y, tol)
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
                    .map(|e| {
                        Problem::file_error(
                            file,
                            ProblemKind::PackageInvalid {
                                package: e.package,
                                field: e.field,
                                detail: e.detail,
                            },
                        )
                    })
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
        let layer = Layer::load(spec, version, file, text, &self.frame);
        let problems = layer.problems.clone();
        self.layers.retain(|l| l.spec.id != spec.id);
        self.layers.push(layer);
        let order: Vec<String> = self.manifest.layers.iter().map(|l| l.id.clone()).collect();
        let pos = |l: &Layer| {
            order
                .iter()
                .position(|id| *id == l.spec.id)
                .unwrap_or(usize::MAX)
        };
        crate::small::sort_small_by(&mut self.layers, |a, b| pos(a).cmp(&pos(b)));
        problems
    }

    /// Loads a manifest and every file it lists through `read`, which maps a path relative to
    /// the manifest to the file's text.
    pub fn load(
        manifest_text: &str,
        mut read: impl FnMut(&str) -> Result<String, BaftError>,
    ) -> Result<(Dataset, Vec<Problem>), BaftError> {
        Self::load_bytes(manifest_text, |p| read(p).map(String::into_bytes))
    }

    /// Like [`Self::load`], with a reader of bytes (packs are binary).
    pub fn load_bytes(
        manifest_text: &str,
        mut read_bytes: impl FnMut(&str) -> Result<Vec<u8>, BaftError>,
    ) -> Result<(Dataset, Vec<Problem>), BaftError> {
        let utf8 = |p: &str, b: Vec<u8>| {
            String::from_utf8(b).map_err(|_| BaftError::Data {
                file: p.into(),
                detail: "not UTF-8 text".into(),
            })
        };
        let manifest =
            Manifest::parse(manifest_text).map_err(|errors| BaftError::BadManifest { errors })?;
        let mut ds = Dataset::new(manifest);
        let mut problems = Vec::new();
        for (spec, version, path) in planned_files(&ds.manifest) {
            let text = utf8(&path, read_bytes(&path)?)?;
            problems.extend(ds.add_layer(&spec, &version, &path, &text));
        }
        if let Some(path) = ds.manifest.packages.clone() {
            let text = utf8(&path, read_bytes(&path)?)?;
            problems.extend(ds.set_packages(&path, &text));
        }
        for (spec, version, path) in other_version_files(&ds.manifest) {
            let text = utf8(&path, read_bytes(&path)?)?;
            problems.extend(ds.add_other_version(&spec, &version, &path, &text));
        }
        if let Some(p) = ds.manifest.parcels.clone() {
            if crate::pack::is_pack(&p.file) {
                let bytes = read_bytes(&p.file)?;
                problems.extend(ds.set_parcels_packed(&bytes, None));
            } else {
                let text = utf8(&p.file, read_bytes(&p.file)?)?;
                problems.extend(ds.set_parcels(&text));
            }
        }
        if let Some(path) = ds.manifest.offices.clone() {
            let text = utf8(&path, read_bytes(&path)?)?;
            problems.extend(ds.set_offices(&path, &text));
        }
        Ok((ds, problems))
    }

    /// A dataset of one GeoJSON file, without a manifest (`baft check --zones`): one layer of
    /// kind worn-out fabric, default settings, centred on the file's data.
    pub fn from_single_file(name: &str, text: &str) -> Result<Dataset, BaftError> {
        let (ds, problems) = Self::from_single_file_with_problems(name, text)?;
        if !ds.layers.iter().any(Layer::is_usable) {
            return Err(BaftError::UnusableFile {
                file: name.into(),
                problem: problems.into_iter().next().map(Box::new),
            });
        }
        Ok(ds)
    }

    /// Like [`Self::from_single_file`], also returning the problems found.
    pub fn from_single_file_with_problems(
        name: &str,
        text: &str,
    ) -> Result<(Dataset, Vec<Problem>), BaftError> {
        use crate::manifest::*;
        // First pass in a provisional frame to find the data's centre.
        let version = BoundaryVersion {
            id: "file".into(),
            title: LocalText::new(name, name),
            file: name.into(),
            approved: ApprovalDate {
                jalali: "".into(),
                iso: "".into(),
            },
            approved_by: LocalText::default(),
            crs: None,
        };
        let spec = LayerSpec {
            id: "zones".into(),
            kind: LayerKind::WornOutFabric,
            name: LocalText::new(name, name),
            versions: vec![version.clone()],
            current: None,
            source: Source::default(),
            id_property: None,
            name_property: None,
            name_en_property: None,
            colour: "#c0392b".into(),
        };
        let probe = Layer::load(
            &spec,
            &version,
            name,
            text,
            &TransverseMercator::local(51.0, 32.0),
        );
        let (mut minx, mut miny, mut maxx, mut maxy) = (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        );
        for z in &probe.zones {
            for p in z.lon_lat.iter() {
                for c in &p.exterior().0 {
                    (minx, miny, maxx, maxy) =
                        (minx.min(c.x), miny.min(c.y), maxx.max(c.x), maxy.max(c.y));
                }
            }
        }
        if !minx.is_finite() {
            minx = 44.0;
            miny = 25.0;
            maxx = 63.0;
            maxy = 40.0;
        }
        let manifest = Manifest {
            format_version: FORMAT_VERSION,
            data_version: name.into(),
            sample_data: false,
            title: LocalText::new(name, name),
            city: City {
                name: LocalText::new(name, name),
                center: [(minx + maxx) / 2.0, (miny + maxy) / 2.0],
                envelope: [minx, miny, maxx, maxy],
                utm_zone: crate::projection::utm_zone_for((minx + maxx) / 2.0),
            },
            checking: CheckSettings::default(),
            basemap: Basemap::default(),
            layers: vec![spec.clone()],
            packages: None,
            parcels: None,
            offices: None,
            blocks: None,
            embed: Default::default(),
        };
        let mut ds = Dataset::new(manifest);
        let problems = ds.add_layer(&spec, &version, name, text);
        Ok((ds, problems))
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

    fn in_envelope(&self, lon: f64, lat: f64) -> bool {
        let [a, b, c, d] = self.manifest.city.envelope;
        lon >= a && lon <= c && lat >= b && lat <= d
    }

    /// Checks a point given as (lon, lat) against every usable layer.
    /// See [`crate::check`] for the exact semantics.
    pub fn check_point(&self, (lon, lat): (f64, f64)) -> PointReport {
        let (x, y) = self.frame.forward(lon, lat);
        let tol = self.manifest.checking.boundary_tolerance_m;
        PointReport {
            lon,
            lat,
            in_data_area: self.in_envelope(lon, lat),
            layers: self
                .layers
                .iter()
                .filter(|l| l.is_usable())
                .map(|l| check::check_point_in_layer(l, x, y, tol))
                .collect(),
            sample_data: self.manifest.sample_data,
            data_version: self.manifest.data_version.clone(),
        }
    }

    /// The lean point query, for bulk use and integrators: calls `each_layer` with every usable
    /// layer's [`Membership`](crate::check::Membership) (in [`Self::check_point`]'s order, the
    /// same status it gives) and returns the index of the parcel-layer plot under the point. No
    /// names, no distance to the nearest zone, no allocation. A point that isn't a finite lon/lat
    /// on the globe is outside everything.
    ///
    /// ```
    /// # use baft_core::dataset::Dataset;
    /// # let zones = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
    /// #   "properties":{"id":"B1"},"geometry":{"type":"Polygon","coordinates":
    /// #   [[[51.11,35.70],[51.12,35.70],[51.12,35.71],[51.11,35.71],[51.11,35.70]]]}}]}"#;
    /// let data = Dataset::from_single_file("zones.geojson", zones).unwrap();
    /// let mut found = Vec::new();
    /// let plot = data.locate((51.115, 35.705), |m| found.push(m.zone));
    /// assert_eq!((found, plot), (vec![Some(0)], None));
    /// ```
    pub fn locate(
        &self,
        (lon, lat): (f64, f64),
        mut each_layer: impl FnMut(crate::check::Membership),
    ) -> Option<usize> {
        let usable = self.layers.iter().filter(|l| l.is_usable());
        if !(lon.is_finite() && lat.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0) {
            usable.for_each(|_| {
                each_layer(crate::check::Membership {
                    status: crate::check::PointStatus::Outside,
                    zone: None,
                })
            });
            return None;
        }
        let (x, y) = self.frame.forward(lon, lat);
        let tol = self.manifest.checking.boundary_tolerance_m;
        for l in usable {
            each_layer(check::locate_in_layer(l, x, y, tol));
        }
        self.parcels.as_ref().and_then(|p| p.at(x, y))
    }

    /// Checks a plot outline given as rings of (lon, lat) (the shell, then holes).
    pub fn check_plot(&self, rings: &[Vec<(f64, f64)>]) -> Result<PlotReport, BaftError> {
        check_vertex_count(rings)?;
        let bad = |problem: ProblemKind| BaftError::BadPlotFile { problem };
        let (ll, local) = layer::project_polygons(
            &[rings.to_vec()],
            crate::crs::SourceCrs::LonLat,
            &self.frame,
        )
        .map_err(bad)?;
        let plot = local
            .0
            .into_iter()
            .next()
            .ok_or(bad(ProblemKind::EmptyGeometry))?;
        let area = plot.unsigned_area();
        let ip = crate::interior::polygon_interior_point(&ll.0[0])
            .map(|(x, y)| [x, y])
            .unwrap_or([rings[0][0].0, rings[0][0].1]);
        let th = self.manifest.checking.plot_inside_threshold;
        Ok(PlotReport {
            area_m2: area,
            interior_point: ip,
            in_data_area: self.in_envelope(ip[0], ip[1]),
            layers: self
                .layers
                .iter()
                .filter(|l| l.is_usable())
                .map(|l| check::check_plot_in_layer(l, &plot, area, th))
                .collect(),
            sample_data: self.manifest.sample_data,
            data_version: self.manifest.data_version.clone(),
        })
    }
}

/// Reads an uploaded plot outline: GeoJSON (a Polygon, a Feature with one, or a
/// FeatureCollection whose first feature is one; lon/lat or a declared UTM `crs`), or
/// corner lines (see [`crate::input::parse_corners`]). Returns rings in (lon, lat).
pub fn read_plot_outline(
    text: &str,
    opts: ParseOptions,
) -> Result<Vec<Vec<(f64, f64)>>, BaftError> {
    if text.len() > MAX_PLOT_BYTES {
        return Err(BaftError::PlotFileTooLarge {
            bytes: text.len(),
            limit: MAX_PLOT_BYTES,
        });
    }
    let t = text.trim_start_matches('\u{FEFF}').trim_start();
    let bad = |problem: ProblemKind| BaftError::BadPlotFile { problem };
    // Corner lines, unless it is JSON or a file that is neither (KML, a shapefile, empty…).
    if !t.starts_with(['{', '[']) && crate::json_error::sniff(text).is_none() {
        return crate::input::parse_corners(text, opts).map(|r| vec![r]);
    }
    let top = geojson::parse_top("plot", t).map_err(|p| {
        // No location is shown for an upload: the line and column go into the words.
        bad(match (p.kind, p.location.line, p.location.column) {
            (ProblemKind::JsonSyntax { detail }, Some(l), Some(c)) => ProblemKind::JsonSyntax {
                detail: format!("{detail} at line {l} column {c}"),
            },
            (k, _, _) => k,
        })
    })?;
    let kind = top.kind_str();
    let crs_name = top.crs.as_ref().and_then(geojson::crs_member_name);
    let geometry = match kind.as_str() {
        "Polygon" | "MultiPolygon" => geojson::RawGeometry {
            kind: Some(kind.clone()),
            coordinates: top.coordinates,
        },
        "Feature" => match top.geometry {
            Some(GeometrySlot::Geometry(g)) => g,
            Some(GeometrySlot::NotObject) => return Err(bad(ProblemKind::GeometryNotObject)),
            _ => return Err(bad(ProblemKind::NullGeometry)),
        },
        "FeatureCollection" => {
            let f = top
                .features
                .and_then(|fs| fs.into_iter().next())
                .ok_or(bad(ProblemKind::NoFeatures))?;
            match f {
                geojson::FeatureSlot::Feature {
                    geometry: Some(GeometrySlot::Geometry(g)),
                    ..
                } => g,
                geojson::FeatureSlot::Feature {
                    geometry: Some(GeometrySlot::NotObject),
                    ..
                } => return Err(bad(ProblemKind::GeometryNotObject)),
                geojson::FeatureSlot::NotObject => return Err(bad(ProblemKind::FeatureNotObject)),
                _ => return Err(bad(ProblemKind::NullGeometry)),
            }
        }
        other => {
            return Err(bad(ProblemKind::WrongGeometryType {
                found: if other.is_empty() {
                    "?".into()
                } else {
                    other.into()
                },
            }))
        }
    };
    let (polys, _) = geojson::geometry_polygons(&geometry).map_err(bad)?;
    let rings = polys
        .into_iter()
        .next()
        .ok_or(bad(ProblemKind::EmptyGeometry))?;
    check_vertex_count(&rings)?;
    let declared = crs_name
        .as_deref()
        .map(crate::crs::SourceCrs::parse)
        .transpose()
        .map_err(bad)?;
    // A plot outline in metres without a declared zone is taken to be in the city's zone
    // (deeds print UTM corners without naming the zone).
    let look = crate::crs::classify(crate::crs::bbox_of(rings[0].iter().copied()));
    let source = match (look, declared) {
        (crate::crs::Looks::Metres, None) => crate::crs::SourceCrs::Utm {
            zone: opts.default_utm_zone,
        },
        _ => crate::crs::decide(declared, &[look]).map_err(|k| {
            bad(match k {
                // Name where the outline is, not a placeholder.
                ProblemKind::OutsideIran { .. } => {
                    let outside = rings[0]
                        .iter()
                        .find(|&&(x, y)| !crate::crs::in_iran(x, y))
                        .unwrap_or(&rings[0][0]);
                    ProblemKind::OutsideIran {
                        lon: outside.0,
                        lat: outside.1,
                    }
                }
                k => k,
            })
        })?,
    };
    let rings: Vec<Vec<(f64, f64)>> = rings
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|(x, y)| source.to_lon_lat(x, y))
                .collect()
        })
        .collect();
    // UTM figures in the wrong zone land far away: say so rather than answer "outside".
    let (lon, lat) = rings[0][0];
    if !crate::crs::in_iran(lon, lat) {
        return Err(bad(ProblemKind::OutsideIran { lon, lat }));
    }
    Ok(rings)
}

/// [`BaftError::PlotTooComplex`] for an outline with more than [`MAX_PLOT_VERTICES`] corners.
fn check_vertex_count(rings: &[Vec<(f64, f64)>]) -> Result<(), BaftError> {
    // Corners: a closed ring's repeated first corner is not another one.
    let vertices: usize = rings
        .iter()
        .map(|r| r.len() - usize::from(r.len() > 1 && r.first() == r.last()))
        .sum();
    if vertices > MAX_PLOT_VERTICES {
        return Err(BaftError::PlotTooComplex {
            vertices,
            limit: MAX_PLOT_VERTICES,
        });
    }
    Ok(())
}
