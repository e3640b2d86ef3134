//! A FlatGeobuf feature's geometry and attributes, decoded with every length checked.

use crate::error::ProblemKind;
use crate::read::geojson::{RawPolygon, Ring};
use flatgeobuf::{ColumnType, Geometry, GeometryType};
use serde_json::{Number, Value};

/// The most rings and parts one feature may have (as for a `.geojson` plot).
pub(super) const MAX_PARTS: usize = 10_000;

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
    let xy = g
        .xy()
        .filter(|xy| !xy.is_empty())
        .ok_or(ProblemKind::EmptyGeometry)?;
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

/// A feature's attributes as the text of a JSON object (no map is built: see
/// `crate::read::properties`), and its id (an attribute `id`, text or a whole number); `None` when the bytes
/// end inside a value or name an unknown column. `columns` holds each column's name as a JSON
/// string (quoted and escaped) and its type.
pub(super) fn properties(
    columns: &[(String, ColumnType)],
    bytes: Option<&[u8]>,
) -> Option<(Option<String>, String)> {
    let mut text = String::new();
    let mut id = None;
    let Some(b) = bytes else {
        return Some((None, text));
    };
    let mut at = 0;
    while at < b.len() {
        let col = u16::from_le_bytes(take::<2>(b, &mut at)?) as usize;
        let (key, kind) = columns.get(col)?;
        text.push(if text.is_empty() { '{' } else { ',' });
        text.push_str(key);
        text.push(':');
        let start = text.len();
        let as_text = value(*kind, b, &mut at, &mut text)?;
        if key == "\"id\"" {
            // Text, or a whole number (QGIS and GDAL often export `id` as an integer column).
            let whole = !matches!(
                *kind,
                ColumnType::Float | ColumnType::Double | ColumnType::Bool | ColumnType::Json
            );
            id = as_text.or_else(|| whole.then(|| text[start..].to_string()));
            id = id.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        }
    }
    if !text.is_empty() {
        text.push('}');
    }
    Some((id, text))
}

/// Whether [`properties`] reads these attribute bytes (it gives `Some`), found by stepping
/// over each value without writing it (no text, no number formatting).
pub(super) fn properties_fit(columns: &[(String, ColumnType)], bytes: Option<&[u8]>) -> bool {
    let Some(b) = bytes else { return true };
    let mut at = 0;
    while at < b.len() {
        if skip_value(columns, b, &mut at).is_none() {
            return false;
        }
    }
    true
}

/// Steps over one attribute (its column number, then its value).
fn skip_value(columns: &[(String, ColumnType)], b: &[u8], at: &mut usize) -> Option<()> {
    let col = u16::from_le_bytes(take::<2>(b, at)?) as usize;
    let len = match columns.get(col)?.1 {
        ColumnType::Bool | ColumnType::Byte | ColumnType::UByte => 1,
        ColumnType::Short | ColumnType::UShort => 2,
        ColumnType::Int | ColumnType::UInt | ColumnType::Float => 4,
        ColumnType::Long | ColumnType::ULong | ColumnType::Double => 8,
        ColumnType::String | ColumnType::DateTime | ColumnType::Json | ColumnType::Binary => {
            u32::from_le_bytes(take(b, at)?) as usize
        }
        _ => return None,
    };
    b.get(*at..at.checked_add(len)?)?;
    *at += len;
    Some(())
}

/// The next `N` bytes.
fn take<const N: usize>(b: &[u8], at: &mut usize) -> Option<[u8; N]> {
    let s = b.get(*at..at.checked_add(N)?)?;
    *at += N;
    s.try_into().ok()
}

/// Appends one value of a column of type `kind` to `out` as JSON; returns it when it is text.
fn value(kind: ColumnType, b: &[u8], at: &mut usize, out: &mut String) -> Option<Option<String>> {
    use std::fmt::Write;
    // JSON has no NaN or infinity: those are written as null.
    let float = |x: f64, out: &mut String| match Number::from_f64(x) {
        Some(n) => write!(out, "{n}"),
        None => write!(out, "null"),
    };
    // Writing to a String can't fail.
    let _ = match kind {
        ColumnType::Bool => write!(out, "{}", take::<1>(b, at)?[0] != 0),
        ColumnType::Byte => write!(out, "{}", take::<1>(b, at)?[0] as i8),
        ColumnType::UByte => write!(out, "{}", take::<1>(b, at)?[0]),
        ColumnType::Short => write!(out, "{}", i16::from_le_bytes(take(b, at)?)),
        ColumnType::UShort => write!(out, "{}", u16::from_le_bytes(take(b, at)?)),
        ColumnType::Int => write!(out, "{}", i32::from_le_bytes(take(b, at)?)),
        ColumnType::UInt => write!(out, "{}", u32::from_le_bytes(take(b, at)?)),
        ColumnType::Long => write!(out, "{}", i64::from_le_bytes(take(b, at)?)),
        ColumnType::ULong => write!(out, "{}", u64::from_le_bytes(take(b, at)?)),
        ColumnType::Float => float(f32::from_le_bytes(take(b, at)?) as f64, out),
        ColumnType::Double => float(f64::from_le_bytes(take(b, at)?), out),
        ColumnType::String | ColumnType::DateTime | ColumnType::Json | ColumnType::Binary => {
            let len = u32::from_le_bytes(take(b, at)?) as usize;
            let s = b.get(*at..at.checked_add(len)?)?;
            *at += len;
            let text = String::from_utf8_lossy(s);
            let json = kind == ColumnType::Json
                && serde_json::from_str::<serde::de::IgnoredAny>(&text).is_ok();
            if json {
                out.push_str(text.trim());
                return Some(None);
            }
            push_json_string(out, &text);
            return Some(Some(text.into_owned()));
        }
        _ => return None,
    };
    Some(None)
}

/// Appends `text` as a JSON string: as it is between quotes when nothing in it needs escaping
/// (the usual case: names, codes), else escaped by serde_json.
fn push_json_string(out: &mut String, text: &str) {
    if text.chars().any(|c| c == '"' || c == '\\' || c < ' ') {
        out.push_str(&Value::from(text).to_string());
    } else {
        out.push('"');
        out.push_str(text);
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `properties_fit` accepts exactly the attribute bytes `properties` reads: random runs of
    /// (column, value) over every column type, whole, cut anywhere, with a column out of range
    /// or a length past the end.
    #[test]
    fn stepping_over_attributes_agrees_with_reading_them() {
        use ColumnType as C;
        let kinds = [
            C::Bool,
            C::Byte,
            C::UByte,
            C::Short,
            C::UShort,
            C::Int,
            C::UInt,
            C::Long,
            C::ULong,
            C::Float,
            C::Double,
            C::String,
            C::DateTime,
            C::Json,
            C::Binary,
        ];
        let columns: Vec<(String, ColumnType)> = (kinds.iter())
            .enumerate()
            .map(|(i, k)| (format!("\"c{i}\""), *k))
            .collect();
        let mut seed = 7u64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let (mut fit, mut unfit) = (0, 0);
        for _ in 0..20_000 {
            let mut b: Vec<u8> = Vec::new();
            for _ in 0..next(5) {
                // Now and then a column past the last.
                let col = next(columns.len() as u64 + 1) as u16;
                b.extend(col.to_le_bytes());
                let len = match columns.get(col as usize).map(|c| c.1) {
                    Some(C::String | C::DateTime | C::Json | C::Binary) => {
                        let n = next(6) as u32 + u32::from(next(40) == 0) * 1000;
                        b.extend(n.to_le_bytes());
                        n.min(5)
                    }
                    _ => next(9) as u32,
                };
                b.extend((0..len).map(|_| b"ab\"{1}"[next(6) as usize]));
            }
            b.truncate(b.len() - next(3).min(b.len() as u64) as usize);
            let read = properties(&columns, Some(&b)).is_some();
            assert_eq!(properties_fit(&columns, Some(&b)), read, "{b:?}");
            if read {
                fit += 1
            } else {
                unfit += 1
            }
        }
        assert!(fit > 2_000 && unfit > 2_000, "{fit} read, {unfit} not");
    }
}
