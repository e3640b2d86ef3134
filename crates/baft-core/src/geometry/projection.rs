//! WGS84 ⇄ transverse Mercator, for UTM files and for Baft's local metric frame.
//!
//! Uses Krüger's series to third order in the third flattening `n` (as in Karney 2011 and
//! the UTM article's formulas), which is accurate to well under a millimetre within a few
//! hundred kilometres of the central meridian: far better than the ~1 m that deeds need.
//!
//! All geometry in Baft is computed in a *local* transverse Mercator frame centred on the
//! data (scale factor 1, false origin at the centre), so that distances in metres and areas
//! in m² are true to about 1 part in 10⁷ across a city.
//!
//! ```
//! use baft_core::geometry::projection::TransverseMercator;
//! let utm39 = TransverseMercator::utm_north(39);
//! let (e, n) = utm39.forward(51.1119, 35.7097);
//! assert!((e - 510_122.12).abs() < 0.01 && (n - 3_951_756.49).abs() < 0.01);
//! let (lon, lat) = utm39.inverse(e, n);
//! assert!((lon - 51.1119).abs() < 1e-8 && (lat - 35.7097).abs() < 1e-8); // 1e-8° ≈ 1 mm
//! ```

/// WGS84 semi-major axis (m).
pub const WGS84_A: f64 = 6_378_137.0;
/// WGS84 flattening.
pub const WGS84_F: f64 = 1.0 / 298.257_223_563;

/// A transverse Mercator projection on the WGS84 ellipsoid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TransverseMercator {
    lon0: f64,
    k0: f64,
    false_easting: f64,
    false_northing: f64,
    a_hat: f64,
    alpha: [f64; 3],
    beta: [f64; 3],
    delta: [f64; 3],
    e: f64,
}

impl TransverseMercator {
    /// A projection with central meridian `lon0` (degrees), scale `k0` and false origin.
    pub fn new(lon0: f64, k0: f64, false_easting: f64, false_northing: f64) -> Self {
        let f = WGS84_F;
        let n = f / (2.0 - f);
        let (n2, n3) = (n * n, n * n * n);
        TransverseMercator {
            lon0,
            k0,
            false_easting,
            false_northing,
            a_hat: WGS84_A / (1.0 + n) * (1.0 + n2 / 4.0 + n2 * n2 / 64.0),
            alpha: [
                n / 2.0 - 2.0 * n2 / 3.0 + 5.0 * n3 / 16.0,
                13.0 * n2 / 48.0 - 3.0 * n3 / 5.0,
                61.0 * n3 / 240.0,
            ],
            beta: [
                n / 2.0 - 2.0 * n2 / 3.0 + 37.0 * n3 / 96.0,
                n2 / 48.0 + n3 / 15.0,
                17.0 * n3 / 480.0,
            ],
            delta: [
                2.0 * n - 2.0 * n2 / 3.0 - 2.0 * n3,
                7.0 * n2 / 3.0 - 8.0 * n3 / 5.0,
                56.0 * n3 / 15.0,
            ],
            e: (f * (2.0 - f)).sqrt(),
        }
    }

    /// UTM zone `zone` (1–60), northern hemisphere (EPSG:326zz). Qods is in zone 39 (48°–54° E).
    pub fn utm_north(zone: u8) -> Self {
        Self::new(zone as f64 * 6.0 - 183.0, 0.9996, 500_000.0, 0.0)
    }

    /// The local frame Baft computes in: central meridian `lon0`, scale 1, and false origin
    /// chosen so that (`lon0`, `lat0`) maps to (0, 0).
    pub fn local(lon0: f64, lat0: f64) -> Self {
        let base = Self::new(lon0, 1.0, 0.0, 0.0);
        let (_, n0) = base.forward(lon0, lat0);
        Self::new(lon0, 1.0, 0.0, -n0)
    }

    /// Central meridian in degrees.
    pub fn central_meridian(&self) -> f64 {
        self.lon0
    }

    /// (lon, lat) in degrees → (easting, northing) in metres.
    pub fn forward(&self, lon: f64, lat: f64) -> (f64, f64) {
        let phi = lat.to_radians();
        let dl = (lon - self.lon0).to_radians();
        let e = self.e;
        let t = (phi.sin().atanh() - e * (e * phi.sin()).atanh()).sinh();
        let xi_p = t.atan2(dl.cos());
        let eta_p = (dl.sin() / (1.0 + t * t).sqrt()).atanh();
        // The series' sin 2jξ′, cos 2jξ′, sinh 2jη′ and cosh 2jη′ (j = 1, 2, 3) by the
        // multiple-angle formulas from one sin/cos and one exp: a point is projected on every
        // query, and these were most of its cost.
        let (s1, c1) = (2.0 * xi_p).sin_cos();
        let ex = (2.0 * eta_p).exp();
        let (sh1, ch1) = ((ex - 1.0 / ex) / 2.0, (ex + 1.0 / ex) / 2.0);
        let (s2, c2) = (2.0 * s1 * c1, c1 * c1 - s1 * s1);
        let (sh2, ch2) = (2.0 * sh1 * ch1, ch1 * ch1 + sh1 * sh1);
        let (s3, c3) = (s2 * c1 + c2 * s1, c2 * c1 - s2 * s1);
        let (sh3, ch3) = (sh2 * ch1 + ch2 * sh1, ch2 * ch1 + sh2 * sh1);
        let [a1, a2, a3] = self.alpha;
        let xi = xi_p + a1 * s1 * ch1 + a2 * s2 * ch2 + a3 * s3 * ch3;
        let eta = eta_p + a1 * c1 * sh1 + a2 * c2 * sh2 + a3 * c3 * sh3;
        (
            self.false_easting + self.k0 * self.a_hat * eta,
            self.false_northing + self.k0 * self.a_hat * xi,
        )
    }

    /// (easting, northing) in metres → (lon, lat) in degrees.
    pub fn inverse(&self, easting: f64, northing: f64) -> (f64, f64) {
        let xi = (northing - self.false_northing) / (self.k0 * self.a_hat);
        let eta = (easting - self.false_easting) / (self.k0 * self.a_hat);
        let (mut xi_p, mut eta_p) = (xi, eta);
        for (j, b) in self.beta.iter().enumerate() {
            let k = 2.0 * (j as f64 + 1.0);
            xi_p -= b * (k * xi).sin() * (k * eta).cosh();
            eta_p -= b * (k * xi).cos() * (k * eta).sinh();
        }
        let chi = (xi_p.sin() / eta_p.cosh()).asin();
        let mut phi = chi;
        for (j, d) in self.delta.iter().enumerate() {
            let k = 2.0 * (j as f64 + 1.0);
            phi += d * (k * chi).sin();
        }
        let lon = self.lon0 + eta_p.sinh().atan2(xi_p.cos()).to_degrees();
        (wrap_longitude(lon), phi.to_degrees())
    }
}

/// The same meridian within −180°…180°: far from the central meridian (UTM zone 1 near the
/// pole) the inverse can step past the antimeridian, e.g. −206° for 154° E.
fn wrap_longitude(lon: f64) -> f64 {
    if (-180.0..=180.0).contains(&lon) {
        lon
    } else {
        (lon + 180.0).rem_euclid(360.0) - 180.0
    }
}

/// The UTM zone whose 6° band holds `lon`.
pub fn utm_zone_for(lon: f64) -> u8 {
    (((lon + 180.0) / 6.0).floor() as i64 + 1).clamp(1, 60) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qods_centre_matches_reference() {
        // Reference from PROJ 9 (pyproj, EPSG:4326 → EPSG:32639): E 510,122.116, N 3,951,756.489.
        // (The domain notes' rounded "E 510,126, N 3,951,759" is about 4 m off.)
        let (e, n) = TransverseMercator::utm_north(39).forward(51.1119, 35.7097);
        assert!((e - 510_122.116).abs() < 0.005, "{e}");
        assert!((n - 3_951_756.489).abs() < 0.005, "{n}");
    }

    #[test]
    fn known_point_on_the_zone_edge() {
        // 54°E, 30°N in zone 39: the zone's east edge, 3° from the central meridian.
        // Reference from PROJ 9 (pyproj): E 789,409.653, N 3,322,575.904.
        let (e, n) = TransverseMercator::utm_north(39).forward(54.0, 30.0);
        assert!((e - 789_409.653).abs() < 0.005, "{e}");
        assert!((n - 3_322_575.904).abs() < 0.005, "{n}");
    }

    #[test]
    fn round_trip_across_iran() {
        for zone in 38..=41u8 {
            let tm = TransverseMercator::utm_north(zone);
            for lat in [25.0, 30.5, 35.7, 39.9] {
                let lon0 = tm.central_meridian();
                for dl in [-3.0, -1.2, 0.0, 2.9] {
                    let (e, n) = tm.forward(lon0 + dl, lat);
                    let (lon, la) = tm.inverse(e, n);
                    // 1e-8° is about 1 mm.
                    assert!(
                        (lon - (lon0 + dl)).abs() < 1e-8 && (la - lat).abs() < 1e-8,
                        "{lon} {la} vs {} {lat}",
                        lon0 + dl
                    );
                }
            }
        }
    }

    #[test]
    fn local_frame_is_true_scale_near_its_centre() {
        let tm = TransverseMercator::local(51.1119, 35.7097);
        let (x0, y0) = tm.forward(51.1119, 35.7097);
        assert!(x0.abs() < 1e-6 && y0.abs() < 1e-6);
        // One second of latitude is about 30.8 m here.
        let (_, y1) = tm.forward(51.1119, 35.7097 + 1.0 / 3600.0);
        assert!((y1 - 30.82).abs() < 0.05, "{y1}");
    }

    #[test]
    fn zones() {
        assert_eq!(utm_zone_for(51.11), 39);
        assert_eq!(utm_zone_for(48.0), 39);
        assert_eq!(utm_zone_for(47.99), 38);
        assert_eq!(utm_zone_for(60.5), 41);
    }
}
