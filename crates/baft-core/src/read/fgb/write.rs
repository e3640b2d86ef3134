//! Writing FlatGeobuf (`baft pack`): MultiPolygons in lon/lat (EPSG:4326), the packed Hilbert
//! R-tree on (node size 16, features in its order), every attribute a typed column.

use crate::error::{Problem, ProblemKind};
use crate::geometry::crs::{self, SourceCrs};
use crate::read::geojson::{self, RawFeature, RawPolygon};
use flatgeobuf::geozero::error::Result as GzResult;
use flatgeobuf::geozero::{ColumnValue, GeomProcessor, GeozeroGeometry, PropertyProcessor};
use flatgeobuf::{ColumnType, FgbCrs, FgbWriter, FgbWriterOptions, GeometryType};
use serde_json::{Map, Value};

/// What `baft pack` did.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PackStats {
    /// Features written.
    pub features: usize,
    /// Size of the GeoJSON read, bytes.
    pub geojson_bytes: usize,
    /// Size of the FlatGeobuf written, bytes.
    pub pack_bytes: usize,
}

/// A feature's polygons, as geozero walks a geometry.
struct Shape<'a>(&'a [RawPolygon]);

impl GeozeroGeometry for Shape<'_> {
    fn process_geom<P: GeomProcessor>(&self, p: &mut P) -> GzResult<()> {
        p.multipolygon_begin(self.0.len(), 0)?;
        for (i, polygon) in self.0.iter().enumerate() {
            p.polygon_begin(false, polygon.len(), i)?;
            for (j, ring) in polygon.iter().enumerate() {
                p.linestring_begin(false, ring.len(), j)?;
                for (k, &(x, y)) in ring.iter().enumerate() {
                    p.xy(x, y, k)?;
                }
                p.linestring_end(false, j)?;
            }
            p.polygon_end(false, i)?;
        }
        p.multipolygon_end(0)
    }
}

/// The narrowest column type that holds every value a column has (nulls aside): booleans,
/// whole numbers, numbers, text, or JSON for anything mixed or nested.
fn column_type(values: impl Iterator<Item = Option<Value>>) -> ColumnType {
    let mut t: Option<ColumnType> = None;
    for v in values.flatten() {
        let this = match &v {
            Value::Null => continue,
            Value::Bool(_) => ColumnType::Bool,
            Value::Number(n) if n.is_i64() => ColumnType::Long,
            Value::Number(n) if n.is_f64() => ColumnType::Double,
            Value::String(_) => ColumnType::String,
            _ => ColumnType::Json,
        };
        t = Some(match (t, this) {
            (None, x) => x,
            (Some(a), b) if a == b => a,
            (Some(ColumnType::Long), ColumnType::Double)
            | (Some(ColumnType::Double), ColumnType::Long) => ColumnType::Double,
            _ => ColumnType::Json,
        });
    }
    t.unwrap_or(ColumnType::String)
}

/// Writes features whose positions are lon/lat. A feature's `id` member is kept as a text
/// attribute `id` when its properties have none.
pub fn write(features: &[&RawFeature]) -> Result<Vec<u8>, String> {
    let mut maps: Vec<Map<String, Value>> =
        features.iter().map(|f| f.properties.to_map()).collect();
    for (f, m) in features.iter().zip(&mut maps) {
        if let (Some(id), false) = (&f.id, m.contains_key("id")) {
            m.insert("id".into(), Value::String(id.clone()));
        }
    }
    let mut names: Vec<String> = Vec::new();
    for m in &maps {
        for k in m.keys() {
            if !names.contains(k) {
                names.push(k.clone());
            }
        }
    }
    let options = FgbWriterOptions {
        write_index: true,
        detect_type: false,
        promote_to_multi: true,
        crs: FgbCrs {
            code: 4326,
            ..Default::default()
        },
        ..Default::default()
    };
    let err = |e: flatgeobuf::Error| e.to_string();
    let mut fgb = FgbWriter::create_with_options("parcels", GeometryType::MultiPolygon, options)
        .map_err(err)?;
    let types: Vec<ColumnType> = names
        .iter()
        .map(|k| column_type(maps.iter().map(|m| m.get(k).cloned())))
        .collect();
    for (k, t) in names.iter().zip(&types) {
        fgb.add_column(k, *t, |_, c| c.nullable = true);
    }
    for (f, m) in features.iter().zip(&maps) {
        fgb.add_feature_geom(Shape(&f.polygons), |w| {
            for (i, (k, t)) in names.iter().zip(&types).enumerate() {
                let Some(v) = m.get(k).filter(|v| !v.is_null()) else {
                    continue;
                };
                let json;
                let cv = match (t, v) {
                    (&ColumnType::Bool, Value::Bool(b)) => ColumnValue::Bool(*b),
                    (&ColumnType::Long, Value::Number(n)) => {
                        ColumnValue::Long(n.as_i64().unwrap_or(0))
                    }
                    (&ColumnType::Double, Value::Number(n)) => {
                        ColumnValue::Double(n.as_f64().unwrap_or(f64::NAN))
                    }
                    (&ColumnType::String, Value::String(s)) => ColumnValue::String(s),
                    _ => {
                        json = v.to_string();
                        ColumnValue::Json(&json)
                    }
                };
                // Writing to memory can't fail; a failure would only drop this value.
                let _ = w.property(i, k, &cv);
            }
        })
        .map_err(|e| e.to_string())?;
    }
    let mut out = Vec::new();
    fgb.write(&mut out).map_err(err)?;
    Ok(out)
}

/// Converts a GeoJSON FeatureCollection (lon/lat, or UTM declared by `declared` or a `crs`
/// member) to FlatGeobuf in lon/lat. Features with problems are reported and left out, as the
/// app would.
pub fn from_geojson(
    file: &str,
    text: &str,
    declared: Option<SourceCrs>,
) -> Result<(Vec<u8>, PackStats, Vec<Problem>), Problem> {
    let mut raw = geojson::parse_feature_collection(file, text)?;
    let declared = declared.or_else(|| {
        raw.crs_name
            .as_deref()
            .and_then(|c| SourceCrs::parse(c).ok())
    });
    let looks: Vec<crs::Looks> = raw
        .features
        .iter()
        .map(|f| crs::classify(crs::bbox_of(f.polygons.iter().flatten().flatten().copied())))
        .collect();
    let source = crs::decide(declared, &looks).map_err(|k| Problem::file_error(file, k))?;
    let mut problems = std::mem::take(&mut raw.problems);
    let mut kept: Vec<RawFeature> = Vec::with_capacity(raw.features.len());
    for mut f in raw.features {
        for pt in f.polygons.iter_mut().flatten().flatten() {
            *pt = source.to_lon_lat(pt.0, pt.1);
        }
        let b = crs::bbox_of(f.polygons.iter().flatten().flatten().copied());
        if !crs::in_iran(b.0, b.1) || !crs::in_iran(b.2, b.3) {
            let mut p = Problem::file_error(file, ProblemKind::OutsideIran { lon: b.0, lat: b.1 });
            p.location.feature_index = Some(f.index);
            p.location.feature_id = f.id.clone();
            problems.push(p);
            continue;
        }
        kept.push(f);
    }
    let refs: Vec<&RawFeature> = kept.iter().collect();
    let bytes = write(&refs)
        .map_err(|detail| Problem::file_error(file, ProblemKind::BadCoordinates { detail }))?;
    let stats = PackStats {
        features: refs.len(),
        geojson_bytes: text.len(),
        pack_bytes: bytes.len(),
    };
    Ok((bytes, stats, problems))
}
