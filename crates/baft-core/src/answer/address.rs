//! A street address searched in the parcel layer: the plots with the house number on the
//! street ([`crate::input::address`] reads the text), kept to those near the way the street
//! leads off when a full address names it.
//!
//! Alleys are numbered along each street, so a city has many `کوچهٔ ۲۲`: in `خیابان سرو، کوچهٔ
//! ۲۲، پلاک ۸۰` the plot is the one on an alley 22 within [`OFF_WAY_M`] of Sarv Street. The way
//! is found in the streets layer (its lines, or a square's point), and by the plots on it. For
//! an alley (typed as one: `کوچه`, `بن‌بست`, `Alley`; [`AddressQuery::alley`]), a known way
//! with no such plot near it is "no such address", never another street's plot, and a way not
//! known while the plots are still read waits for them. A street (`بلوار فردوسی، خیابان سرو،
//! پلاک ۸۲`) is one street: its plots near the way are preferred, and its plot far along it is
//! still found.
//!
//! A door on a way off an alley (`خیابان سرو، کوچهٔ ۲۲، بن‌بست ۳، پلاک ۵`) is near the alley 22
//! whose lines or plots are near Sarv Street: an alley the address names is kept to the one near
//! the next way it names, a street is kept whole (an alley off it may be far along it). A way
//! the data does not know narrows nothing (while plots are still read, an alley waits for it).
//!
//! [`AddressQuery::alley`]: crate::input::address::AddressQuery::alley

use crate::base::letters::fold;
use crate::dataset::Dataset;
use crate::error::BaftError;
use crate::geometry::prepared::seg_dist2;
use crate::input::address::{is_alley, parse_addresses};
use crate::layer::parcels::ParcelLayer;
use crate::layer::streets::key;

/// How far a plot on the street of a full address may be from the way that street leads off,
/// and an alley the address names from the way it leads off in turn (the length of a long
/// alley), metres.
pub const OFF_WAY_M: f64 = 400.0;

/// The text as a street address: the plots found. `None`: it is not one, or no plot has it and
/// the layer cannot tell (so the other forms are tried).
pub(super) fn by_address(
    ds: &Dataset,
    parcels: &ParcelLayer,
    t: &str,
) -> Option<Result<Vec<usize>, BaftError>> {
    let readings = parse_addresses(t);
    for q in &readings {
        let found = parcels.find_address(q);
        if found.is_empty() {
            continue;
        }
        if q.off.is_none() {
            return Some(Ok(found));
        }
        let ways: Vec<(&str, &str)> = (std::iter::once(&q.off).flatten().chain(&q.beyond))
            .map(|(k, t)| (k.as_str(), t.as_str()))
            .collect();
        // An alley is one of many; a street is one.
        let alley = q.alley();
        let unknown = alley && ds.parcels_read != crate::dataset::ParcelsRead::All;
        // As written: the farthest way first in Persian, the street first in English.
        let not_here = || {
            let mut named: Vec<&str> = ways.iter().rev().map(|(_, t)| *t).collect();
            named.push(&q.street_text);
            let english = named.iter().all(|t| t.is_ascii());
            if english {
                named.reverse();
            }
            BaftError::AddressNotFound {
                street: named.join(if english { ", " } else { "، " }),
                number: q.number.clone(),
            }
        };
        return Some(match near_way(ds, parcels, &ways, &found) {
            // A way it is kept to may be among the plots still to come.
            Some((_, false)) | None if unknown => Err(not_here()),
            Some((near, _)) if !near.is_empty() => Ok(near),
            Some(_) if alley => Err(not_here()),
            _ => Ok(found),
        });
    }
    let known = (readings.into_iter())
        .find(|q| parcels.has_addresses() && parcels.has_street(&q.street))?;
    Some(Err(BaftError::AddressNotFound {
        street: known.street_text,
        number: known.number,
    }))
}

/// A street address none of whose streets the parcel layer has, written as one (a street kind
/// word such as `خیابان` or `کوچه`, and a house number): "no such address", not "not a plate".
pub(super) fn unknown_address(parcels: &ParcelLayer, t: &str) -> Option<BaftError> {
    let q = parse_addresses(t).pop()?;
    let kind = key(&q.street_text) != fold(&q.street_text).to_lowercase();
    (kind && parcels.has_addresses()).then_some(BaftError::AddressNotFound {
        street: q.street_text,
        number: q.number,
    })
}

/// A plot's or a way's shape in local metres: a polyline, or a point.
type Shape = Vec<(f64, f64)>;

/// The plots of `found` within [`OFF_WAY_M`] of the first of `ways` (keys and texts, nearest
/// first), in their order: near its lines in the streets layer, else near the plots on it; with
/// whether every way it was to be kept to is known ([`WayShapes::sure`]). `None` when the data
/// knows no such way.
fn near_way(
    ds: &Dataset,
    parcels: &ParcelLayer,
    ways: &[(&str, &str)],
    found: &[usize],
) -> Option<(Vec<usize>, bool)> {
    let plots: Vec<(usize, Shape)> = (found.iter())
        .filter_map(|&i| Some((i, outline(parcels, i)?)))
        .collect();
    let way = way_shapes(ds, parcels, ways)?;
    let near = |shapes: &[Shape]| -> Vec<usize> {
        let by = within(shapes);
        (plots.iter())
            .filter(|(_, p)| by(p))
            .map(|(i, _)| *i)
            .collect()
    };
    let by_lines = near(&way.lines);
    let near = match by_lines.is_empty() {
        true => near(&way.on_it),
        false => by_lines,
    };
    Some((near, way.sure))
}

/// A way as the data knows it.
struct WayShapes {
    /// Its lines and points in the streets layer, in local metres.
    lines: Vec<Shape>,
    /// The outlines of the plots on it.
    on_it: Vec<Shape>,
    /// Whether every way it was to be kept to is known (a way named beyond it may be among the
    /// plots still to come).
    sure: bool,
}

/// The first of `ways`, as the data knows it; `None` when it knows no such way. An alley (as
/// the address names it: [`is_alley`]) is one of many: when the address names the way it leads
/// off (the next of `ways`) and the data knows that one, only the alley's lines and plots within
/// [`OFF_WAY_M`] of it are kept (alley 22 off Sarv Street, not another alley 22; of a line,
/// its segments near it), which may be none. A street is one, kept whole: an alley off it may be far along it.
fn way_shapes(ds: &Dataset, parcels: &ParcelLayer, ways: &[(&str, &str)]) -> Option<WayShapes> {
    let ((way, text), beyond) = ways.split_first()?;
    let lines = street_lines(ds, way);
    let on_it: Vec<Shape> = (parcels.find_street(way).into_iter())
        .filter_map(|i| outline(parcels, i))
        .collect();
    if lines.is_empty() && on_it.is_empty() {
        return None;
    }
    let mut shapes = WayShapes {
        lines,
        on_it,
        sure: true,
    };
    if !is_alley(text) || beyond.is_empty() {
        return Some(shapes);
    }
    let Some(next) = way_shapes(ds, parcels, beyond) else {
        shapes.sure = false;
        return Some(shapes);
    };
    let mut next_shapes = next.lines;
    next_shapes.extend(next.on_it);
    let by = within(&next_shapes);
    // A line is kept along its stretch near the next way only: one alley 22 line may pass both
    // Sarv Street and Taleghani Boulevard, kilometres apart.
    let pieces = |l: &Shape| -> Vec<Shape> {
        match l.len() {
            0 | 1 => vec![l.clone()],
            _ => l.windows(2).map(<[_]>::to_vec).collect(),
        }
    };
    shapes.lines = (shapes.lines.iter().flat_map(pieces))
        .filter(|l| by(l))
        .collect();
    shapes.on_it.retain(|p| by(p));
    shapes.sure = next.sure;
    Some(shapes)
}

/// Whether a shape is within [`OFF_WAY_M`] of any of `shapes`.
fn within(shapes: &[Shape]) -> impl Fn(&Shape) -> bool + '_ {
    let boxes: Vec<[f64; 4]> = shapes.iter().map(|s| bbox(s)).collect();
    move |item| {
        let b = bbox(item);
        (shapes.iter().zip(&boxes))
            .any(|(s, sb)| gap(&b, sb) <= OFF_WAY_M && apart(item, s) <= OFF_WAY_M)
    }
}

/// A polyline's box, `[min x, min y, max x, max y]`.
fn bbox(p: &[(f64, f64)]) -> [f64; 4] {
    p.iter().fold(
        [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ],
        |b, &(x, y)| [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)],
    )
}

/// How far apart two boxes are (0 when they meet): no closer than their shapes.
fn gap(a: &[f64; 4], b: &[f64; 4]) -> f64 {
    let dx = (b[0] - a[2]).max(a[0] - b[2]).max(0.0);
    let dy = (b[1] - a[3]).max(a[1] - b[3]).max(0.0);
    dx.hypot(dy)
}

/// A plot's outer rings' vertices in local metres, one ring after another (a plot in parts is
/// joined across the gap: near enough for [`OFF_WAY_M`]).
fn outline(parcels: &ParcelLayer, i: usize) -> Option<Vec<(f64, f64)>> {
    let z = parcels.zone(i)?;
    let rings = z.local.0.iter().map(|p| p.exterior().0.iter());
    Some(rings.flatten().map(|c| (c.x, c.y)).collect())
}

/// How far apart two polylines are, metres: the nearest vertex of each to the other's segments
/// (a way that crosses a plot is as near as its nearest vertex; a few metres, well within
/// [`OFF_WAY_M`]). A polyline of one vertex is a point.
fn apart(a: &[(f64, f64)], b: &[(f64, f64)]) -> f64 {
    let one_way = |p: &[(f64, f64)], q: &[(f64, f64)]| {
        let segs: Vec<[f64; 4]> = match q {
            [only] => vec![[only.0, only.1, only.0, only.1]],
            _ => q
                .windows(2)
                .map(|w| [w[0].0, w[0].1, w[1].0, w[1].1])
                .collect(),
        };
        (p.iter())
            .flat_map(|&(x, y)| segs.iter().map(move |e| seg_dist2(x, y, e).0))
            .fold(f64::INFINITY, f64::min)
    };
    one_way(a, b).min(one_way(b, a)).sqrt()
}

/// The way's lines and points in the streets layer, in the dataset's local metres.
fn street_lines(ds: &Dataset, way: &str) -> Vec<Vec<(f64, f64)>> {
    let local = |&(lon, lat): &(f64, f64)| ds.frame.forward(lon, lat);
    let named = |n: &str| key(n) == way;
    let streets = ds.streets.iter().flat_map(|s| s.items.iter());
    let mut shapes: Vec<Vec<(f64, f64)>> = Vec::new();
    for s in streets.filter(|s| named(&s.name.fa) || named(&s.name.en)) {
        if s.lines.is_empty() {
            shapes.push(vec![local(&s.anchor)]);
        }
        shapes.extend(s.lines.iter().map(|l| l.iter().map(local).collect()));
    }
    shapes
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reading with a way is kept only when the way is named as one.
    #[test]
    fn the_way_is_read_with_the_street() {
        let q = parse_addresses("خیابان سرو، کوچهٔ ۲۲، پلاک ۸۰");
        assert_eq!(q.last().unwrap().off.as_ref().unwrap().0, "سرو");
        assert!(parse_addresses("قدس، کوچهٔ ۲۲، پلاک ۸۰")
            .iter()
            .all(|q| q.off.is_none()));
    }

    /// The distance between a plot and a way, either way round, and from a point.
    #[test]
    fn how_far_apart() {
        let square = [
            (0.0, 0.0),
            (10.0, 0.0),
            (10.0, 10.0),
            (0.0, 10.0),
            (0.0, 0.0),
        ];
        let street = [(-50.0, 40.0), (50.0, 40.0)];
        assert_eq!(apart(&square, &street), 30.0);
        assert_eq!(apart(&street, &square), 30.0);
        // A long street whose vertices are far: its segment is what is near.
        let long = [(-500.0, 13.0), (500.0, 13.0)];
        assert_eq!(apart(&square, &long), 3.0);
        assert_eq!(apart(&square, &[(13.0, 14.0)]), 5.0);
        // Boxes: apart by their nearest corners, or 0 when they meet.
        assert_eq!(gap(&bbox(&square), &bbox(&[(13.0, 14.0)])), 5.0);
        assert_eq!(gap(&bbox(&square), &bbox(&long)), 3.0);
        assert_eq!(gap(&bbox(&square), &bbox(&[(5.0, 5.0)])), 0.0);
    }
}
