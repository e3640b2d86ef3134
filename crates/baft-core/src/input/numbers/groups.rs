//! UTM and degrees-minutes-seconds: number groups with their units and hemispheres.

#[allow(unused_imports)]
use super::*;
use super::{checked, from_utm, in_iran_lat, in_iran_lon, InputForm, ParsedLocation};
use crate::error::BaftError;

pub(super) fn parse_utm(toks: &[Tok], zone: u8) -> Result<ParsedLocation, BaftError> {
    // Collect (tag, value) pairs: a tag right before or after a number applies to it.
    let mut vals: Vec<(Option<char>, f64)> = Vec::new();
    let mut pending: Option<char> = None;
    for t in toks {
        match t {
            Tok::Hemi(h) => {
                let tag = match h {
                    'E' | 'X' => 'E',
                    'N' | 'Y' => 'N',
                    _ => return Err(BaftError::Unrecognised { text: "UTM".into() }),
                };
                if let Some(last) = vals
                    .last_mut()
                    .filter(|v| v.0.is_none() && pending.is_none())
                {
                    last.0 = Some(tag);
                } else {
                    pending = Some(tag);
                }
            }
            Tok::Num(v, _) => vals.push((pending.take(), *v)),
            _ => {}
        }
    }
    let (mut e, mut n) = (None, None);
    for (tag, v) in &vals {
        match tag {
            Some('E') => e = Some(*v),
            Some('N') => n = Some(*v),
            _ => {}
        }
    }
    let (a, b) = (vals[0].1, vals[1].1);
    let (easting, northing) = match (e, n) {
        (Some(e), Some(n)) => (e, n),
        // Untagged: the northing is the 7-digit one (Iran: 2.7–4.5 million m).
        _ if b > a => (a, b),
        _ => (b, a),
    };
    from_utm(zone, easting, northing)
}

/// One coordinate of a DMS pair: its values with optional units, and its hemisphere letter.
#[derive(Default, Debug)]
struct Group {
    vals: Vec<(f64, Option<u8>)>,
    hemi: Option<char>,
}

/// Splits the tokens into two coordinates. Rules, in order: an explicit separator (`,` `;` `/`
/// or "و"); hemisphere letters (each leading letter starts a coordinate, each trailing one ends
/// it); degree marks (each starts a coordinate); otherwise the numbers split evenly (4 or 6).
fn split_groups(toks: &[Tok]) -> Option<Vec<Group>> {
    let seps = toks.iter().filter(|t| **t == Tok::Sep).count();
    let hemis = toks.iter().filter(|t| matches!(t, Tok::Hemi(_))).count();
    let mut groups = if seps > 0 {
        groups_by_separator(toks)?
    } else if hemis == 2 {
        groups_by_hemisphere(toks)?
    } else if hemis == 0 && toks.contains(&Tok::Deg) {
        groups_by_degree_mark(toks)?
    } else if hemis == 0 {
        groups_evenly(toks)?
    } else {
        return None;
    };
    groups.retain(|g| !g.vals.is_empty());
    (groups.len() == 2).then_some(groups)
}

/// Adds a value without a unit to the last group, if there is one.
fn push_val(groups: &mut [Group], v: f64) {
    if let Some(g) = groups.last_mut() {
        g.vals.push((v, None));
    }
}

/// Groups split at each separator (`,` `;` `/` or "و"); `None` on a zone or a misplaced unit.
fn groups_by_separator(toks: &[Tok]) -> Option<Vec<Group>> {
    let mut groups: Vec<Group> = vec![Group::default()];
    for t in toks {
        match t {
            Tok::Sep => groups.push(Group::default()),
            Tok::Num(v, _) => {
                push_val(&mut groups, *v);
            }
            Tok::Hemi(h) => groups.last_mut()?.hemi = Some(*h),
            Tok::Deg | Tok::Min | Tok::Sec => set_unit(groups.last_mut()?, t)?,
            Tok::Zone(_) => return None,
        }
    }
    Some(groups)
}

/// Groups split at the two hemisphere letters: each starts a group when the text begins with
/// one, else each ends a group.
fn groups_by_hemisphere(toks: &[Tok]) -> Option<Vec<Group>> {
    let mut groups: Vec<Group> = vec![Group::default()];
    let leading = matches!(toks.first(), Some(Tok::Hemi(_)));
    for t in toks {
        match t {
            Tok::Hemi(h) if leading => groups.push(Group {
                vals: vec![],
                hemi: Some(*h),
            }),
            Tok::Hemi(h) => {
                groups.last_mut()?.hemi = Some(*h);
                groups.push(Group::default());
            }
            Tok::Num(v, _) => {
                push_val(&mut groups, *v);
            }
            Tok::Deg | Tok::Min | Tok::Sec => set_unit(groups.last_mut()?, t)?,
            _ => return None,
        }
    }
    Some(groups)
}

/// Groups split at degree marks, each number taking the unit mark after it; each degree value
/// starts a new group.
fn groups_by_degree_mark(toks: &[Tok]) -> Option<Vec<Group>> {
    let mut groups: Vec<Group> = vec![Group::default()];
    let mut prev_num = None;
    for t in toks {
        match t {
            Tok::Num(v, _) => {
                if let Some(p) = prev_num.replace(*v) {
                    push_val(&mut groups, p);
                }
            }
            Tok::Deg => {
                let v = prev_num.take()?;
                if !groups.last()?.vals.is_empty() {
                    groups.push(Group::default());
                }
                groups.last_mut()?.vals.push((v, Some(0)));
            }
            Tok::Min | Tok::Sec => {
                let v = prev_num.take()?;
                groups.last_mut()?.vals.push((v, None));
                set_unit(groups.last_mut()?, t)?;
            }
            _ => return None,
        }
    }
    if let Some(p) = prev_num {
        push_val(&mut groups, p);
    }
    Some(groups)
}

/// Two groups of half the numbers each, when the tokens are only 4 or 6 numbers.
fn groups_evenly(toks: &[Tok]) -> Option<Vec<Group>> {
    let nums = numbers(toks);
    if nums.len() != 4 && nums.len() != 6 || toks.iter().any(|t| !matches!(t, Tok::Num(..))) {
        return None;
    }
    let half = nums.len() / 2;
    Some(vec![
        Group {
            vals: nums[..half].iter().map(|v| (*v, None)).collect(),
            hemi: None,
        },
        Group {
            vals: nums[half..].iter().map(|v| (*v, None)).collect(),
            hemi: None,
        },
    ])
}

fn set_unit(g: &mut Group, t: &Tok) -> Option<()> {
    let unit = match t {
        Tok::Deg => 0,
        Tok::Min => 1,
        _ => 2,
    };
    let last = g.vals.last_mut()?;
    if last.1.is_some() {
        return None;
    }
    last.1 = Some(unit);
    Some(())
}

/// The decimal value of one coordinate: degrees, then minutes (< 60), then seconds (< 60).
fn group_value(g: &Group) -> Option<f64> {
    if g.vals.is_empty() || g.vals.len() > 3 {
        return None;
    }
    let mut v = 0.0;
    let mut sign = 1.0;
    let mut last_unit: i32 = -1;
    for (j, (x, unit)) in g.vals.iter().enumerate() {
        let unit = unit.unwrap_or((last_unit + 1) as u8) as i32;
        if unit <= last_unit || unit > 2 || (j > 0 && (*x < 0.0 || *x >= 60.0)) {
            return None;
        }
        if j == 0 && *x < 0.0 {
            sign = -1.0;
        }
        v += x.abs() / 60f64.powi(unit);
        last_unit = unit;
    }
    if matches!(g.hemi, Some('S') | Some('W')) {
        sign = -sign;
    }
    Some(sign * v)
}

/// Degrees-minutes-seconds (also decimal degrees with hemisphere letters).
pub(super) fn parse_dms(toks: &[Tok]) -> Option<ParsedLocation> {
    let groups = split_groups(toks)?;
    let vals = [group_value(&groups[0])?, group_value(&groups[1])?];
    let axis = |g: &Group| match g.hemi {
        Some('N') | Some('S') | Some('Y') => 'N',
        Some('E') | Some('W') | Some('X') => 'E',
        _ => ' ',
    };
    let (lat, lon) = match (axis(&groups[0]), axis(&groups[1])) {
        ('N', 'N') | ('E', 'E') => return None,
        ('N', _) | (_, 'E') => (vals[0], vals[1]),
        ('E', _) | (_, 'N') => (vals[1], vals[0]),
        _ if in_iran_lon(vals[0]) && in_iran_lat(vals[1]) => (vals[1], vals[0]),
        _ => (vals[0], vals[1]),
    };
    checked(lat, lon, InputForm::Dms).ok()
}
