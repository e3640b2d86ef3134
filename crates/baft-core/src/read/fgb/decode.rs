//! A FlatGeobuf feature's geometry and attributes, decoded with every length checked.

use crate::error::ProblemKind;
use crate::read::geojson::{RawPolygon, Ring};
use flatgeobuf::{ColumnType, Geometry, GeometryType};
use serde_json::{Map, Number, Value};

/// The most rings and parts one feature may have (as for a `.geojson` plot).
const MAX_PARTS: usize = 10_000;

/// The polygons of a feature's geometry: a Polygon gives one, a MultiPolygon its parts. The
/// header's type is used unless it is `Unknown` (then the geometry's own).
pub(super) fn polygons(
    g: Option<Geometry<'_>>,
    header_type: GeometryType,
) -> Result<Vec<RawPolygon>, ProblemKind> {
    let g = g.ok_or(ProblemKind::NullGeometry)?;
    let kind = if header_type == GeometryType::Unknown {
        g.type_()
    } else {
        header_type
    };
    match kind {
        GeometryType::Polygon => Ok(vec![polygon(&g)?]),
        GeometryType::MultiPolygon => {
            let parts = g.parts().ok_or(ProblemKind::EmptyGeometry)?;
            if parts.len() > MAX_PARTS {
                return Err(bad("too many parts"));
            }
            if parts.is_empty() {
                return Err(ProblemKind::EmptyGeometry);
            }
            parts.iter().map(|p| polygon(&p)).collect()
        }
        other => Err(ProblemKind::WrongGeometryType {
            found: other.variant_name().unwrap_or("?").into(),
        }),
    }
}

/// One polygon's rings: `xy` holds every position, `ends` where each ring ends (one ring
/// when absent).
fn polygon(g: &Geometry<'_>) -> Result<RawPolygon, ProblemKind> {
    let xy = g.xy().filter(|xy| !xy.is_empty()).ok_or(ProblemKind::EmptyGeometry)?;
    if xy.len() % 2 != 0 {
        return Err(bad("an odd number of coordinates"));
    }
    let n = xy.len() / 2;
    let ends: Vec<usize> = match g.ends() {
        Some(e) if e.len() > MAX_PARTS => return Err(bad("too many rings")),
        Some(e) if !e.is_empty() => e.iter().map(|x| x as usize).collect(),
        _ => vec![n],
    };
    let mut rings = Vec::with_capacity(ends.len());
    let mut start = 0;
    for end in ends {
        if end < start || end > n {
            return Err(bad("ring ends outside the coordinates"));
        }
        let ring: Ring = (start..end)
            .map(|i| (xy.get(2 * i), xy.get(2 * i + 1)))
            .collect();
        rings.push(ring);
        start = end;
    }
    Ok(rings)
}

fn bad(what: &str) -> ProblemKind {
    ProblemKind::BadCoordinates {
        detail: format!("FlatGeobuf geometry: {what}"),
    }
}

/// A feature's attributes as JSON values, and its id (a text attribute named `id`); `None`
/// when the bytes end inside a value or name an unknown column.
pub(super) fn properties(
    columns: &[(String, ColumnType)],
    bytes: Option<&[u8]>,
) -> Option<(Option<String>, Map<String, Value>)> {
    let mut map = Map::new();
    let Some(b) = bytes else {
        return Some((None, map));
    };
    let mut at = 0;
    while at < b.len() {
        let col = u16::from_le_bytes(take::<2>(b, &mut at)?) as usize;
        let (name, kind) = columns.get(col)?;
        let v = value(*kind, b, &mut at)?;
        map.insert(name.clone(), v);
    }
    let id = match map.get("id") {
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    };
    Some((id, map))
}

/// The next `N` bytes.
fn take<const N: usize>(b: &[u8], at: &mut usize) -> Option<[u8; N]> {
    let s = b.get(*at..at.checked_add(N)?)?;
    *at += N;
    s.try_into().ok()
}

/// One value of a column of type `kind`.
fn value(kind: ColumnType, b: &[u8], at: &mut usize) -> Option<Value> {
    let float = |x: f64| Number::from_f64(x).map(Value::Number).unwrap_or(Value::Null);
    Some(match kind {
        ColumnType::Bool => Value::Bool(take::<1>(b, at)?[0] != 0),
        ColumnType::Byte => Value::from(take::<1>(b, at)?[0] as i8),
        ColumnType::UByte => Value::from(take::<1>(b, at)?[0]),
        ColumnType::Short => Value::from(i16::from_le_bytes(take(b, at)?)),
        ColumnType::UShort => Value::from(u16::from_le_bytes(take(b, at)?)),
        ColumnType::Int => Value::from(i32::from_le_bytes(take(b, at)?)),
        ColumnType::UInt => Value::from(u32::from_le_bytes(take(b, at)?)),
        ColumnType::Long => Value::from(i64::from_le_bytes(take(b, at)?)),
        ColumnType::ULong => Value::from(u64::from_le_bytes(take(b, at)?)),
        ColumnType::Float => float(f32::from_le_bytes(take(b, at)?) as f64),
        ColumnType::Double => float(f64::from_le_bytes(take(b, at)?)),
        ColumnType::String | ColumnType::DateTime | ColumnType::Json | ColumnType::Binary => {
            let len = u32::from_le_bytes(take(b, at)?) as usize;
            let s = b.get(*at..at.checked_add(len)?)?;
            *at += len;
            let text = String::from_utf8_lossy(s);
            match kind {
                ColumnType::Json => serde_json::from_str(&text).unwrap_or(Value::String(text.into())),
                _ => Value::String(text.into()),
            }
        }
        _ => return None,
    })
}
