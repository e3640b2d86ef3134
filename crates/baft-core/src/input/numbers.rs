//! Plain-text coordinates: decimal pairs, degrees-minutes-seconds and UTM figures.

use super::{checked, from_utm, in_iran_lat, in_iran_lon, InputForm, ParseOptions, ParsedLocation};
use crate::error::BaftError;
mod groups;
#[allow(unused_imports)]
pub use groups::*;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64, String),
    Deg,
    Min,
    Sec,
    /// Hemisphere or axis letter: N, S, E, W (also Persian words). `true` = north/east positive.
    Hemi(char),
    Sep,
    Zone(u8),
}

fn hemisphere_word(w: &str) -> Option<char> {
    match w {
        "n" | "north" | "شمالی" | "شمال" | "lat" | "latitude" | "عرض" => Some('N'),
        "s" | "south" | "جنوبی" => Some('S'),
        "e" | "east" | "شرقی" | "شرق" | "lon" | "lng" | "long" | "longitude" | "طول" => {
            Some('E')
        }
        "w" | "west" | "غربی" => Some('W'),
        "x" => Some('X'),
        "y" => Some('Y'),
        _ => None,
    }
}

/// Splits plain-text coordinates into tokens; `None` for a character or word it doesn't know.
fn tokenize(t: &str) -> Option<Vec<Tok>> {
    let chars: Vec<char> = t.chars().collect();
    let mut lx = Lexer {
        chars: &chars,
        toks: Vec::new(),
        zone_next: false,
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // A dash right after a digit joins two numbers (`35.7097-51.1119`); it is no minus sign.
        let after_digit = i > 0 && chars[i - 1].is_ascii_digit();
        if c.is_ascii_digit()
            || ((c == '-' && !after_digit || c == '+' || c == '.')
                && chars
                    .get(i + 1)
                    .is_some_and(|n| n.is_ascii_digit() || *n == '.'))
        {
            i = lx.read_number(i)?;
            continue;
        }
        if c.is_alphabetic() {
            i = lx.read_word(i)?;
            continue;
        }
        match c {
            '°' | 'º' | '˚' => lx.toks.push(Tok::Deg),
            '\'' | '′' | '’' | '‘' => {
                if chars.get(i + 1) == Some(&'\'') {
                    i += 1;
                    lx.toks.push(Tok::Sec);
                } else {
                    lx.toks.push(Tok::Min);
                }
            }
            '"' | '″' | '”' | '“' => lx.toks.push(Tok::Sec),
            ',' | ';' | '/' | '|' => lx.toks.push(Tok::Sep),
            // A dash between numbers (`35.7097-51.1119`, `35.7097 – 51.1119`) is a separator.
            '-' | '–' | '—' => lx.toks.push(Tok::Sep),
            '=' | ':' | '(' | ')' | '[' | ']' => {}
            c if c.is_whitespace() => {}
            _ => return None,
        }
        i += 1;
    }
    Some(mark_zones(&units_joined(lx.toks)))
}

/// The separators that join one coordinate's parts rather than split the two coordinates:
/// `۳۵ درجه و ۴۲ دقیقه و ۳۵ ثانیه` (after degrees, before minutes; after minutes, before
/// seconds). `۳۵ درجه ۴۲ دقیقه و ۵۱٫۱۱۱۹` keeps its split.
fn units_joined(toks: Vec<Tok>) -> Vec<Tok> {
    let joins = |k: usize| {
        matches!(
            (
                k.checked_sub(1).map(|j| &toks[j]),
                toks.get(k + 1),
                toks.get(k + 2)
            ),
            (Some(Tok::Deg), Some(Tok::Num(..)), Some(Tok::Min))
                | (Some(Tok::Min), Some(Tok::Num(..)), Some(Tok::Sec))
        )
    };
    (toks.iter().enumerate())
        .filter(|&(k, t)| !(*t == Tok::Sep && joins(k)))
        .map(|(_, t)| t.clone())
        .collect()
}

/// What [`tokenize`] carries from one number or word to the next: the text's characters, the
/// tokens read so far, and whether the next number is a UTM zone (it follows the word "zone").
struct Lexer<'a> {
    chars: &'a [char],
    toks: Vec<Tok>,
    zone_next: bool,
}

impl Lexer<'_> {
    /// Reads the number starting at `chars[i]` into `toks` (as a zone when `zone_next` is set,
    /// which it clears); returns the index after it, or `None` for an unreadable number or zone.
    fn read_number(&mut self, mut i: usize) -> Option<usize> {
        let chars = self.chars;
        let start = i;
        i += 1;
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
            i += 1;
        }
        let s: String = chars[start..i].iter().collect();
        // A UTM zone written like 39S / 39N right before a number, e.g. "39S 510122 3951756".
        let v: f64 = s.parse().ok()?;
        if std::mem::take(&mut self.zone_next) {
            if !(1.0..=60.0).contains(&v) || s.contains('.') {
                return None;
            }
            self.toks.push(Tok::Zone(v as u8));
            // "zone 39N" / "zone 39S": the letter is the latitude band, not an axis.
            if chars
                .get(i)
                .is_some_and(|c| matches!(c, 'N' | 'S' | 'n' | 's'))
                && !chars.get(i + 1).is_some_and(|c| c.is_alphabetic())
            {
                i += 1;
            }
            return Some(i);
        }
        self.toks.push(Tok::Num(v, s));
        Some(i)
    }

    /// Reads the word starting at `chars[i]` into `toks` (or sets `zone_next` after "zone");
    /// returns the index after it, or `None` for a word it doesn't know.
    fn read_word(&mut self, mut i: usize) -> Option<usize> {
        let chars = self.chars;
        let toks = &mut self.toks;
        let start = i;
        while i < chars.len() && chars[i].is_alphabetic() {
            i += 1;
        }
        // Arabic keyboards' letters (`شمالي`, `جغرافيايي`) are the Persian ones.
        let w =
            crate::base::letters::fold(&chars[start..i].iter().collect::<String>()).to_lowercase();
        match w.as_str() {
            "d" | "deg" | "درجه" => toks.push(Tok::Deg),
            // "510122m": metres after a UTM figure, not minutes.
            "m" | "متر" if matches!(toks.last(), Some(Tok::Num(v, _)) if v.abs() >= 1000.0) => {}
            "m" | "min" | "دقیقه" => toks.push(Tok::Min),
            "s" if matches!(toks.last(), Some(Tok::Num(..))) && toks.contains(&Tok::Min) => {
                toks.push(Tok::Sec)
            }
            "sec" | "ثانیه" => toks.push(Tok::Sec),
            "zone" | "ناحیه" | "زون" => self.zone_next = true,
            "و" | "and" => toks.push(Tok::Sep),
            // Labels that say nothing of the order: "مختصات جغرافیایی:", "GPS location:".
            "utm" | "wgs" | "wgs84" | "مختصات" | "جغرافیایی" | "جغرافیائی" | "موقعیت"
            | "coordinates" | "coords" | "gps" | "location" | "geographic" => {}
            _ => {
                let h = hemisphere_word(&w)?;
                // "عرض شمالی", "طول شرقی", "latitude north": one marker, the hemisphere's.
                let axis = |h: char| matches!(h, 'N' | 'S' | 'Y');
                match toks.last_mut() {
                    Some(Tok::Hemi(last)) if axis(*last) == axis(h) => {
                        if matches!(h, 'S' | 'W') || matches!(*last, 'X' | 'Y') {
                            *last = h;
                        }
                    }
                    _ => toks.push(Tok::Hemi(h)),
                }
            }
        }
        Some(i)
    }
}

/// The UTM zones that cover Iran (42°E to 66°E).
pub(crate) const IRAN_UTM_ZONES: std::ops::RangeInclusive<u8> = 38..=41;

/// The tokens with UTM zones marked: "39S 510122 3951756" / "39N …" (a 1–2 digit integer
/// directly followed by N/S and then two big numbers) and "39 510122 3951756" at the start.
/// A bare whole number before two big ones below Iran's first zone (38) is a row number (a
/// deed's corner table: `1 510100 3951800`) and is dropped.
fn mark_zones(toks: &[Tok]) -> Vec<Tok> {
    let mut out = Vec::with_capacity(toks.len());
    let mut k = 0;
    while k < toks.len() {
        if let (Tok::Num(v, s), Some(Tok::Hemi(h))) = (&toks[k], toks.get(k + 1)) {
            let big_after = toks[k + 2..]
                .iter()
                .filter(|t| matches!(t, Tok::Num(x, _) if *x > 100_000.0))
                .count()
                >= 2;
            if big_after && !s.contains('.') && (1.0..=60.0).contains(v) && matches!(h, 'N' | 'S') {
                out.push(Tok::Zone(*v as u8));
                k += 2;
                continue;
            }
        }
        if let (Tok::Num(v, s), Some(Tok::Num(..))) = (&toks[k], toks.get(k + 1)) {
            // "zone 39 510122 3951756"
            let rest_big = toks[k + 1..]
                .iter()
                .filter(|t| matches!(t, Tok::Num(x, _) if *x > 100_000.0))
                .count()
                >= 2;
            if rest_big && !s.contains('.') && k == 0 && (0.0..1000.0).contains(v) {
                // A row number is small (1 to 37); 38 to 60 is a zone, Iran's or not.
                if (*IRAN_UTM_ZONES.start() as f64..=60.0).contains(v) {
                    out.push(Tok::Zone(*v as u8));
                }
                k += 1;
                continue;
            }
        }
        out.push(toks[k].clone());
        k += 1;
    }
    out
}

/// Parses the non-link forms; for text it can't read, says what is wrong when it is a common
/// slip (decimal commas, 60 minutes or more).
pub(super) fn parse_plain(t: &str, opts: ParseOptions) -> Result<ParsedLocation, BaftError> {
    let r = read_plain(t, opts);
    if matches!(r, Err(BaftError::Unrecognised { .. })) {
        if decimal_commas(t) {
            return Err(BaftError::DecimalComma { text: t.into() });
        }
        if let Some(value) = minutes_or_seconds_over_59(t) {
            return Err(BaftError::MinutesSeconds { value });
        }
    }
    r
}

/// Two numbers, each with a comma between digits and nothing else: `35,7097 51,1119`.
fn decimal_commas(t: &str) -> bool {
    let parts: Vec<&str> = t.split_whitespace().collect();
    parts.len() == 2
        && parts.iter().all(|p| {
            let p = p.strip_prefix('-').unwrap_or(p);
            p.split_once(',').is_some_and(|(a, b)| {
                !a.is_empty()
                    && !b.is_empty()
                    && a.chars().all(|c| c.is_ascii_digit())
                    && b.chars().all(|c| c.is_ascii_digit())
            })
        })
}

/// A number marked as minutes or seconds that is 60 or more.
fn minutes_or_seconds_over_59(t: &str) -> Option<f64> {
    let toks = tokenize(t)?;
    toks.windows(2).find_map(|w| match w {
        [Tok::Num(v, _), Tok::Min | Tok::Sec] if *v >= 60.0 => Some(*v),
        _ => None,
    })
}

/// The numbers among the tokens, in order.
fn numbers(toks: &[Tok]) -> Vec<f64> {
    toks.iter()
        .filter_map(|t| match t {
            Tok::Num(v, _) => Some(*v),
            _ => None,
        })
        .collect()
}

fn read_plain(t: &str, opts: ParseOptions) -> Result<ParsedLocation, BaftError> {
    let unrecognised = || BaftError::Unrecognised {
        text: t.to_string(),
    };
    let toks = tokenize(t).ok_or_else(unrecognised)?;
    // Labels before both numbers give their order, unless the numbers say otherwise (Iran's
    // latitudes and longitudes, like its eastings and northings, never overlap).
    if let Some(labelled) = leading_axes(&toks) {
        let read = read_tokens(t, &labelled, opts);
        let in_iran = |r: &Result<ParsedLocation, BaftError>| {
            r.as_ref()
                .is_ok_and(|p| in_iran_lat(p.lat) && in_iran_lon(p.lon))
        };
        if !in_iran(&read) {
            let unlabelled = read_tokens(t, &toks, opts);
            if in_iran(&unlabelled) {
                return unlabelled;
            }
        }
        return read;
    }
    read_tokens(t, &toks, opts)
}

/// Reads the tokens of `t` as one point.
fn read_tokens(t: &str, toks: &[Tok], opts: ParseOptions) -> Result<ParsedLocation, BaftError> {
    let unrecognised = || BaftError::Unrecognised {
        text: t.to_string(),
    };
    let nums = numbers(toks);
    let has_units = toks
        .iter()
        .any(|t| matches!(t, Tok::Deg | Tok::Min | Tok::Sec));
    let zone = toks
        .iter()
        .find_map(|t| if let Tok::Zone(z) = t { Some(*z) } else { None });

    // UTM: two big numbers (easting 6 digits, northing 7 digits), optionally tagged E/N or X/Y.
    let big: Vec<f64> = nums.iter().copied().filter(|v| v.abs() >= 1000.0).collect();
    if !has_units && nums.len() == 2 && big.len() == 2 {
        return parse_utm(toks, zone.unwrap_or(opts.default_utm_zone));
    }
    if has_units || (nums.len() > 2 && nums.len() <= 6) {
        return parse_dms(toks).ok_or_else(unrecognised);
    }
    if nums.len() != 2 {
        return Err(unrecognised());
    }
    // Decimal degrees, with optional hemisphere letters deciding the order.
    let hemis: Vec<char> = toks
        .iter()
        .filter_map(|t| if let Tok::Hemi(h) = t { Some(*h) } else { None })
        .collect();
    let (a, b) = (nums[0], nums[1]);
    if hemis.len() == 2 {
        let coord = parse_dms(toks).ok_or_else(unrecognised)?;
        return Ok(ParsedLocation {
            form: InputForm::Decimal {
                swapped: matches!(hemis[0], 'E' | 'W'),
            },
            ..coord
        });
    }
    if !hemis.is_empty() {
        return Err(unrecognised());
    }
    if in_iran_lat(a) && in_iran_lon(b) {
        checked(a, b, InputForm::Decimal { swapped: false })
    } else if in_iran_lon(a) && in_iran_lat(b) {
        checked(b, a, InputForm::Decimal { swapped: true })
    } else if a.abs() <= 90.0 && b.abs() <= 180.0 {
        // Outside Iran: take the usual latitude-first order; the check will say it is outside the data.
        checked(a, b, InputForm::Decimal { swapped: false })
    } else if a.abs() <= 180.0 && b.abs() <= 90.0 {
        checked(b, a, InputForm::Decimal { swapped: true })
    } else if a.abs() > 1000.0 || b.abs() > 1000.0 {
        Err(BaftError::AmbiguousNumbers { a, b })
    } else {
        Err(BaftError::OutOfRange { lat: a, lon: b })
    }
}

/// Axis labels written once before both numbers (`Lat, Long: 35.7097, 51.1119`, `Lat Long
/// (…)`, `عرض و طول: ۳۵٫۷۰۹۷، ۵۱٫۱۱۱۹`, `X, Y: 510100, 3951800`) rewritten as one label before
/// each coordinate, in the labels' order, so that the first number takes the first label.
/// `None`: the text is not so written (labels beside each number are read as they stand).
fn leading_axes(toks: &[Tok]) -> Option<Vec<Tok>> {
    let first = toks.iter().position(|t| matches!(t, Tok::Num(..)))?;
    let (head, rest) = toks.split_at(first);
    let labels: Vec<char> = (head.iter())
        .filter_map(|t| if let Tok::Hemi(h) = t { Some(*h) } else { None })
        .collect();
    let axis = |h: char| matches!(h, 'N' | 'S' | 'Y');
    let [a, b] = labels[..] else { return None };
    if axis(a) == axis(b)
        || !head.iter().all(|t| matches!(t, Tok::Hemi(_) | Tok::Sep))
        || rest
            .iter()
            .any(|t| matches!(t, Tok::Hemi(_) | Tok::Zone(_)))
    {
        return None;
    }
    // The second coordinate starts after the only separator, or at the second of two numbers.
    let second = match rest.iter().filter(|t| **t == Tok::Sep).count() {
        1 => rest.iter().position(|t| *t == Tok::Sep)? + 1,
        0 if numbers(rest).len() == 2 => rest.iter().rposition(|t| matches!(t, Tok::Num(..)))?,
        _ => return None,
    };
    let mut out = vec![Tok::Hemi(a)];
    out.extend_from_slice(&rest[..second]);
    out.push(Tok::Hemi(b));
    out.extend_from_slice(&rest[second..]);
    Some(out)
}
