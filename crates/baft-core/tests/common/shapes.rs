//! Random adversarial shapes for the geometry property tests: star-shaped zones with sharp
//! spikes and reflex notches, holes, MultiPolygons, zones sharing an edge; written as GeoJSON in
//! lon/lat or UTM zone 39 around a point in Tehran province.

use super::Rng;
use baft_core::geometry::projection::TransverseMercator;
use baft_core::layer::Zone;
use geo::{BooleanOps, MultiPolygon};

/// A ring of (x, y) local metres, closed.
pub type Ring = Vec<(f64, f64)>;

/// A star around (cx, cy): `n` vertices at sorted random angles (no gap over 100°), radii 20–100
/// m, some pulled in to 20–30 m (reflex notches) and one spike out to 300 m between two
/// vertices 0.3° either side (a vertex of a few degrees).
pub fn star(rng: &mut Rng, cx: f64, cy: f64) -> Ring {
    let n = 7 + (rng.f() * 8.0) as usize;
    let mut angles: Vec<f64> = (0..n)
        .map(|i| (i as f64 + 0.2 + rng.f() * 0.6) * std::f64::consts::TAU / n as f64)
        .collect();
    let spike = (rng.f() * n as f64) as usize % n;
    let mut ring = Vec::new();
    angles.sort_by(f64::total_cmp);
    for (i, a) in angles.iter().enumerate() {
        let r = if rng.f() < 0.3 {
            20.0 + rng.f() * 10.0
        } else {
            40.0 + rng.f() * 60.0
        };
        if i == spike {
            let d = 0.3_f64.to_radians();
            ring.push((cx + 60.0 * (a - d).cos(), cy + 60.0 * (a - d).sin()));
            ring.push((cx + 300.0 * a.cos(), cy + 300.0 * a.sin()));
            ring.push((cx + 60.0 * (a + d).cos(), cy + 60.0 * (a + d).sin()));
        } else {
            ring.push((cx + r * a.cos(), cy + r * a.sin()));
        }
    }
    ring.push(ring[0]);
    ring
}

/// A small triangle hole near (cx, cy), inside any star around it.
pub fn hole(rng: &mut Rng, cx: f64, cy: f64) -> Ring {
    let a = rng.f();
    let mut r: Ring = (0..3)
        .map(|k| {
            let t = a + k as f64 * std::f64::consts::TAU / 3.0;
            (cx + 4.0 * t.cos(), cy + 4.0 * t.sin())
        })
        .collect();
    r.reverse();
    r.push(r[0]);
    r
}

pub fn square(x0: f64, y0: f64, s: f64) -> Ring {
    vec![
        (x0, y0),
        (x0 + s, y0),
        (x0 + s, y0 + s),
        (x0, y0 + s),
        (x0, y0),
    ]
}

/// A random layer: features, each a list of polygons, each a list of rings (local metres).
pub fn random_layer(rng: &mut Rng) -> Vec<Vec<Vec<Ring>>> {
    let mut features = Vec::new();
    let mut first = vec![star(rng, 0.0, 0.0)];
    if rng.f() < 0.5 {
        first.push(hole(rng, 0.0, 0.0));
    }
    let mut polys = vec![first];
    if rng.f() < 0.5 {
        polys.push(vec![star(rng, 700.0, 50.0)]); // a MultiPolygon
    }
    features.push(polys);
    // Two squares sharing an edge (an internal edge), and a star overlapping the first one.
    features.push(vec![vec![square(-500.0, -500.0, 50.0)]]);
    features.push(vec![vec![square(-450.0, -500.0, 50.0)]]);
    if rng.f() < 0.5 {
        features.push(vec![vec![star(rng, 60.0, 30.0)]]);
    }
    features
}

/// The layer as GeoJSON: lon/lat, or UTM zone 39 with a `crs` member.
pub fn geojson(features: &[Vec<Vec<Ring>>], utm: bool) -> String {
    let local = TransverseMercator::local(51.1, 35.7);
    let utm39 = TransverseMercator::utm_north(39);
    let pos = |&(x, y): &(f64, f64)| {
        let (lon, lat) = local.inverse(x, y);
        let (a, b) = if utm {
            utm39.forward(lon, lat)
        } else {
            (lon, lat)
        };
        serde_json::json!([a, b])
    };
    let feats: Vec<_> = features
        .iter()
        .enumerate()
        .map(|(i, polys)| {
            let coords: Vec<Vec<Vec<serde_json::Value>>> = polys
                .iter()
                .map(|rings| rings.iter().map(|r| r.iter().map(pos).collect()).collect())
                .collect();
            serde_json::json!({"type": "Feature", "properties": {"id": format!("Z{i}")},
                "geometry": {"type": "MultiPolygon", "coordinates": coords}})
        })
        .collect();
    let mut fc = serde_json::json!({"type": "FeatureCollection", "features": feats});
    if utm {
        fc["crs"] = serde_json::json!({"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32639"}});
    }
    fc.to_string()
}

/// geo's union of the zones, with the two squares that share an edge given as one rectangle.
pub fn reference_union(zones: &[Zone]) -> MultiPolygon<f64> {
    // The reference union: the two squares that share an edge are given to geo as the one
    // rectangle they make (its overlay would keep the shared edge's rounding as a seam).
    let (a, b) = (
        &zones[1].local.0[0].exterior().0,
        &zones[2].local.0[0].exterior().0,
    );
    let rect = geo::Polygon::new(
        geo::LineString(vec![a[0], b[0], b[1], b[2], b[3], a[3], a[0]]),
        vec![],
    );
    zones
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 1 && *i != 2)
        .fold(MultiPolygon(vec![rect]), |u, (_, z)| u.union(&z.local))
}
