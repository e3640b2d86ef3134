//! The checks on loaded data: a point ([`Dataset::check_point`], [`Dataset::locate`]), a plot
//! outline ([`Dataset::check_plot`]), a surveyed plot's shares alone
//! ([`Dataset::parcel_shares`]) and a GPS fix's accuracy circle
//! ([`Dataset::circle_crosses`]).

use super::outline::check_vertex_count;
use super::Dataset;
use crate::check::{self, PlotReport, PointReport};
use crate::error::{BaftError, ProblemKind};
use crate::layer;
use geo::Area;

impl Dataset {
    fn in_envelope(&self, lon: f64, lat: f64) -> bool {
        let [a, b, c, d] = self.manifest.city.envelope;
        lon >= a && lon <= c && lat >= b && lat <= d
    }

    /// The parcel-layer plot holding a point given as (lon, lat): its index. None outside every
    /// plot, for a point that isn't a finite lon/lat, or without a parcel layer.
    pub fn parcel_at(&self, (lon, lat): (f64, f64)) -> Option<usize> {
        if !(lon.is_finite() && lat.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0) {
            return None;
        }
        let p = self.parcels.as_ref()?;
        p.at_point((lon, lat), self.frame.forward(lon, lat))
    }

    /// A plot number kept from an earlier reading of the parcel layer, found again: `hint` when
    /// it is still the plot with this plot id, else the plot at `at` (lon, lat) with that id,
    /// else the plot with that id ([`ParcelLayer::find_id`](crate::layer::parcels::ParcelLayer::find_id),
    /// which reads every plot's attributes once on a layer read in place). The app reads the
    /// plots a first answer needs by ranges, numbered in the order read, then the whole file
    /// in place, numbered as in the file: a number on screen still names its plot when it can,
    /// and the point or the id finds it when it can't. `None` when no plot has the id.
    pub fn parcel_again(&self, hint: usize, at: Option<(f64, f64)>, id: &str) -> Option<usize> {
        let p = self.parcels.as_ref()?;
        let named = |i: &usize| p.info(*i).is_some_and(|x| x.plot_id == id);
        Some(hint)
            .filter(named)
            .or_else(|| at.and_then(|at| self.parcel_at(at)).filter(named))
            .or_else(|| p.find_id(id))
    }

    /// Plot `i` of the parcel layer: its share (0–1) inside each usable layer, in the layers'
    /// order; the shares [`Self::check_plot`] reports for its outline (when it accepts the
    /// outline), without the rest of the report, for bulk questions. None without a parcel
    /// layer or past its last plot.
    pub fn parcel_shares(&self, i: usize) -> Option<Vec<f64>> {
        let plot = self.parcels.as_ref()?.zone(i)?.local.0.first()?;
        let area = plot.unsigned_area();
        Some(
            self.layers
                .iter()
                .filter(|l| l.is_usable())
                .map(|l| check::plot_share_in_layer(l, plot, area))
                .collect(),
        )
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
        self.parcels
            .as_ref()
            .and_then(|p| p.at_point((lon, lat), (x, y)))
    }

    /// The usable layers whose boundary the circle of `radius_m` metres around (lon, lat) crosses
    /// (a GPS fix and its accuracy): those for which the circle, checked as a plot (a 48-gon),
    /// is partly inside. The point's own status may then be wrong: the place may lie on either
    /// side. Empty for a radius that is not positive and finite.
    ///
    /// ```
    /// # use baft_core::dataset::Dataset;
    /// # let zones = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
    /// #   "properties":{"id":"B1"},"geometry":{"type":"Polygon","coordinates":
    /// #   [[[51.11,35.70],[51.12,35.70],[51.12,35.71],[51.11,35.71],[51.11,35.70]]]}}]}"#;
    /// let data = Dataset::from_single_file("zones.geojson", zones).unwrap();
    /// // 0.0001° of longitude is about 9 m here: a 20 m circle crosses the edge, a 5 m one doesn't.
    /// assert_eq!(data.circle_crosses((51.1101, 35.705), 20.0).len(), 1);
    /// assert!(data.circle_crosses((51.1101, 35.705), 5.0).is_empty());
    /// ```
    pub fn circle_crosses(
        &self,
        (lon, lat): (f64, f64),
        radius_m: f64,
    ) -> Vec<std::sync::Arc<check::LayerRef>> {
        if !(radius_m > 0.0 && radius_m.is_finite() && lon.is_finite() && lat.is_finite()) {
            return Vec::new();
        }
        let (x, y) = self.frame.forward(lon, lat);
        let ring: Vec<(f64, f64)> = (0..=48)
            .map(|k| {
                let a = std::f64::consts::TAU * f64::from(k % 48) / 48.0;
                (x + radius_m * a.cos(), y + radius_m * a.sin())
            })
            .collect();
        let circle = geo::Polygon::new(ring.into(), Vec::new());
        let area = circle.unsigned_area();
        let th = self.manifest.checking.plot_inside_threshold;
        self.layers
            .iter()
            .filter(|l| l.is_usable())
            .map(|l| check::check_plot_in_layer(l, &circle, area, th))
            .filter(|r| r.status == check::PlotStatus::PartlyInside)
            .map(|r| r.layer)
            .collect()
    }

    /// A plot outline given as rings of (lon, lat) (the shell, then holes): the polygon in
    /// lon/lat and in local metres, and its area (m²).
    pub(super) fn local_plot(
        &self,
        rings: &[Vec<(f64, f64)>],
    ) -> Result<(geo::Polygon<f64>, geo::Polygon<f64>, f64), BaftError> {
        check_vertex_count(rings)?;
        let bad = |problem: ProblemKind| BaftError::BadPlotFile { problem };
        let (ll, local) = layer::project_polygons(
            &[rings.to_vec()],
            crate::geometry::crs::SourceCrs::LonLat,
            &self.frame,
        )
        .map_err(bad)?;
        let (Some(ll), Some(plot)) = (ll.0.into_iter().next(), local.0.into_iter().next()) else {
            return Err(bad(ProblemKind::EmptyGeometry));
        };
        let area = plot.unsigned_area();
        Ok((ll, plot, area))
    }

    /// Checks a plot outline given as rings of (lon, lat) (the shell, then holes).
    pub fn check_plot(&self, rings: &[Vec<(f64, f64)>]) -> Result<PlotReport, BaftError> {
        let (ll, plot, area) = self.local_plot(rings)?;
        let ip = crate::geometry::interior::polygon_interior_point(&ll)
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
