//! A layer as GeoJSON, for drawing: lon/lat whatever the source system.

#[allow(unused_imports)]
use super::*;

impl Layer {
    /// The layer's zones as a lon/lat GeoJSON FeatureCollection (whatever the source system),
    /// with `id`, `name` and `name_en` properties: what the map draws.
    pub fn display_geojson(&self) -> String {
        let mut out = String::with_capacity(self.zones.len() * 256);
        out.push_str(r#"{"type":"FeatureCollection","features":["#);
        for (k, z) in self.zones.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            let props = serde_json::json!({"id": z.id, "name": z.name.fa, "name_en": z.name.en});
            out.push_str(r#"{"type":"Feature","properties":"#);
            out.push_str(&props.to_string());
            out.push_str(r#","geometry":{"type":"MultiPolygon","coordinates":["#);
            for (pi, p) in z.lon_lat.0.iter().enumerate() {
                if pi > 0 {
                    out.push(',');
                }
                out.push('[');
                for (ri, r) in std::iter::once(p.exterior())
                    .chain(p.interiors())
                    .enumerate()
                {
                    if ri > 0 {
                        out.push(',');
                    }
                    push_ring_json(&mut out, r);
                }
                out.push(']');
            }
            out.push_str("]}}");
        }
        out.push_str("]}");
        out
    }
}

/// A plot's rings of (lon, lat), the first the outer ring, as a GeoJSON Polygon (for drawing).
///
/// ```
/// let g = baft_core::layer::polygon_geojson(&[vec![(51.0, 35.0), (51.1, 35.0), (51.0, 35.1), (51.0, 35.0)]]);
/// assert!(g.starts_with(r#"{"type":"Polygon","coordinates":[[[51.0000000,35.0000000],"#));
/// ```
pub fn polygon_geojson(rings: &[Vec<(f64, f64)>]) -> String {
    let mut out = String::from(r#"{"type":"Polygon","coordinates":["#);
    for (i, r) in rings.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let line = geo::LineString::from(r.clone());
        push_ring_json(&mut out, &line);
    }
    out.push_str("]}");
    out
}

/// Appends a ring as a GeoJSON position array, 7 decimals (about 1 cm).
pub(crate) fn push_ring_json(out: &mut String, ring: &geo::LineString<f64>) {
    out.push('[');
    for (k, c) in ring.0.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push_str(&format!("[{:.7},{:.7}]", c.x, c.y));
    }
    out.push(']');
}
