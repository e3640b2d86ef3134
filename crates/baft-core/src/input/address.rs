//! A street address as owners write it: a street's name and a house number (پلاک ساختمان), the
//! number last as Persian addresses put it or first as English ones do.
//!
//! A number right after a kind word (`کوچه ۱۲`, `Alley 12`) is the street's own name, not a house
//! number; write `کوچه ۱۲ پلاک ۵` for house 5 on alley 12. Letters and digits are folded
//! ([`crate::base::letters::fold`]), and the street is compared without its kind words
//! ([`crate::layer::streets::key`]).
//!
//! ```
//! use baft_core::input::address::parse_address;
//! let a = parse_address("خیابان گلستان، پلاک ۱۲").unwrap();
//! assert_eq!((a.street.as_str(), a.number.as_str()), ("گلستان", "12"));
//! assert_eq!(parse_address("گلستان ۱۲").unwrap().street, a.street);
//! assert_eq!(parse_address("No. 12, Golestan Street").unwrap().street, "golestan");
//! assert_eq!(parse_address("کوچهٔ ۱۲ پلاک ۵").unwrap().street, "12");
//! assert_eq!(parse_address("کوچه ۱۲"), None); // alley 12, no house number
//! assert_eq!(parse_address("پلاک ۱۲"), None); // no street
//! ```

use crate::base::letters::fold;
use crate::layer::streets::key;
use serde::Serialize;

/// A street and a house number, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AddressQuery {
    /// The street's name as [`key`] compares it.
    pub street: String,
    /// The street as typed (trimmed), for messages.
    pub street_text: String,
    /// The house number, ASCII digits.
    pub number: String,
    /// The way the street leads off, as a full address names it next to the street (`خیابان
    /// کاج` in `خیابان کاج، کوچهٔ ۲۲، پلاک ۸۰`): its key as [`key`] makes it, and its text.
    /// `None` when none is named. Alleys are numbered along each street, so `کوچهٔ ۲۲` alone
    /// may be anywhere in the city; the search keeps the plots near this way.
    pub off: Option<(String, String)>,
}

/// Words that say "house number".
const NUMBER_WORDS: [&str; 6] = ["پلاک", "شماره", "no", "no.", "number", "#"];

/// Kind words after which a number is a street's name (`کوچه ۱۲`).
const NAMING_WORDS: [&str; 4] = ["کوچه", "alley", "بن بست", "بست"];

fn house_number(w: &str) -> Option<String> {
    let w = w.trim_start_matches('#');
    (!w.is_empty() && w.len() <= 5 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.into())
}

/// `… [پلاک] 12`: the number and the street's words before it.
fn number_last<'a>(words: &[&'a str]) -> Option<(String, Vec<&'a str>)> {
    let (last, rest) = words.split_last()?;
    let n = house_number(last)?;
    match rest.split_last() {
        Some((w, street)) if NUMBER_WORDS.contains(w) => Some((n, street.to_vec())),
        Some((w, _)) if NAMING_WORDS.contains(w) => None,
        _ => Some((n, rest.to_vec())),
    }
}

/// `[No.] 12 …`: the number and the street's words after it.
fn number_first<'a>(words: &[&'a str]) -> Option<(String, Vec<&'a str>)> {
    let words = match words.first() {
        Some(w) if NUMBER_WORDS.contains(w) => &words[1..],
        _ => words,
    };
    let (first, street) = words.split_first()?;
    Some((house_number(first)?, street.to_vec()))
}

/// Words before a number that name a unit or floor of the building (`واحد ۳`, `طبقه ۲`): the
/// plot is the building's, so they are dropped from the end of an address.
const UNIT_WORDS: [&str; 5] = ["واحد", "طبقه", "unit", "floor", "apt"];

/// Words that start the name of a way in a Persian address (folded; `بن` for `بن‌بست`): a full
/// address written without commas (`خیابان کاج کوچه ۲۲ پلاک ۸۰`) is cut before each.
const WAY_WORDS: [&str; 7] = ["خیابان", "کوچه", "بن", "بلوار", "میدان", "بزرگراه", "کوی"];

/// The parts of a full address: its comma-separated parts, each cut again before a Persian
/// way word; a trailing unit or floor (`واحد ۳`) is dropped.
fn parts(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut out: Vec<Vec<&str>> = Vec::new();
    for part in folded.split(['،', ',']) {
        let mut cur: Vec<&str> = Vec::new();
        for w in part.split_whitespace() {
            if WAY_WORDS.contains(&w) && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            cur.push(w);
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    while matches!(out.last().map(|p| p[..].first()), Some(Some(w)) if UNIT_WORDS.contains(w)) {
        out.pop();
    }
    out.into_iter().map(|p| p.join(" ")).collect()
}

/// A part that names a way by its kind (`خیابان کاج`, `Kaj Street`): the way a street leads
/// off. A bare name (`قدس`, a city's) is not one.
fn way(part: &str) -> Option<(String, String)> {
    let k = key(part);
    (!k.is_empty() && k != part.to_lowercase()).then(|| (k, part.to_string()))
}

/// The readings of an address, most likely first: the whole text as one street and number,
/// then, for a full address, the street the door is on with the way it leads off (the part
/// before it in Persian, `خیابان کاج، کوچهٔ ۲۲، پلاک ۸۰`; after it in English, `No. 80, Alley
/// 22, Kaj Street`).
///
/// ```
/// use baft_core::input::address::parse_addresses;
/// let a = parse_addresses("خیابان کاج، کوچهٔ ۲۲، پلاک ۸۰ واحد ۳");
/// assert_eq!(a.len(), 2);
/// assert_eq!((a[1].street.as_str(), a[1].number.as_str()), ("22", "80"));
/// assert_eq!(a[1].off.as_ref().unwrap().0, "کاج");
/// let b = parse_addresses("قدس، خیابان کاج کوچه ۲۲ پلاک ۸۰");
/// assert_eq!((b[1].street.as_str(), b[1].off.as_ref().unwrap().0.as_str()), ("22", "کاج"));
/// let c = parse_addresses("No. 80, Alley 22, Kaj Street, Qods");
/// assert_eq!((c[1].street.as_str(), c[1].off.as_ref().unwrap().0.as_str()), ("22", "kaj"));
/// ```
pub fn parse_addresses(text: &str) -> Vec<AddressQuery> {
    let mut out: Vec<AddressQuery> = parse_address(text).into_iter().collect();
    let parts = parts(text);
    let n = parts.len();
    // Persian: the last part, or the last two (`کوچهٔ ۲۲`, `پلاک ۸۰`), then the way before.
    let last = (n >= 2)
        .then(|| parse_address(&parts[n - 1]).map(|a| (a, n - 1)))
        .flatten()
        .or_else(|| {
            let street = parts.get(n.checked_sub(2)?)?;
            parse_address(&format!("{street} {}", parts[n - 1])).map(|a| (a, n - 2))
        })
        .map(|(a, at)| (a, parts[..at].iter().rev().find_map(|p| way(p))));
    // English: the number first (`No. 80, Alley 22` or `80 Alley 22`), then the way after.
    let first = parts.first().filter(|_| n >= 2).and_then(|p0| {
        let words: Vec<&str> = p0.split_whitespace().collect();
        let (_, street) = number_first(&words)?;
        let (text, rest) = match street.is_empty() {
            true => (format!("{p0} {}", parts[1]), 2),
            false => (p0.clone(), 1),
        };
        Some((
            parse_address(&text)?,
            parts[rest..].iter().find_map(|p| way(p)),
        ))
    });
    for (mut a, off) in [last, first].into_iter().flatten() {
        a.off = off.filter(|(k, _)| *k != a.street);
        if !out.contains(&a) {
            out.push(a);
        }
    }
    out
}

/// Reads a street and a house number; `None` unless the text has both, and the street has a
/// letter in it.
pub fn parse_address(text: &str) -> Option<AddressQuery> {
    if text.len() > 200 {
        return None;
    }
    let folded = fold(&text.replace(['،', ','], " "));
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    if let [.., unit, n] = words[..] {
        if UNIT_WORDS.contains(&unit) && house_number(n).is_some() {
            words.truncate(words.len() - 2);
        }
    }
    let (number, words) = number_last(&words).or_else(|| number_first(&words))?;
    let street_text = words.join(" ");
    let street = key(&street_text);
    (street_text.chars().any(char::is_alphabetic) && !street.is_empty()).then_some(AddressQuery {
        street,
        street_text,
        number,
        off: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_and_refusals() {
        let n = |t: &str| parse_address(t).map(|a| (a.street, a.number));
        let want = Some(("گلستان".to_string(), "12".to_string()));
        for t in [
            "خیابان گلستان پلاک ۱۲",
            "خيابان گلستان، شماره ١٢",
            "گلستان 12",
            "  خیابان   گلستان ،  پلاک‌۱۲ ",
        ] {
            assert_eq!(n(t), want, "{t}");
        }
        assert_eq!(n("12 Sarv Street"), Some(("sarv".into(), "12".into())));
        assert_eq!(n("#7 Sarv St"), Some(("sarv".into(), "7".into())));
        assert_eq!(n("Alley 22 No. 80"), Some(("22".into(), "80".into())));
        for t in [
            "۱۲۱/۴۰۶",
            "پلاک ۱۲",
            "12",
            "گلستان",
            "Alley 22",
            "35.7 51.1",
            "123456 گلستان",
        ] {
            assert_eq!(n(t), None, "{t}");
        }
    }
}
