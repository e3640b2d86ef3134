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
const NUMBER_WORDS: [&str; 8] = ["پلاک", "پ", "پ.", "شماره", "no", "no.", "number", "#"];

/// Kind words after which a number is a street's name (`کوچه ۱۲`).
const NAMING_WORDS: [&str; 7] = ["کوچه", "کوچهی", "ک", "ک.", "alley", "بن بست", "بست"];

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

/// Words that name a unit or floor of the building (`واحد ۳`, `طبقه دوم`, `همکف`, `Unit 3`): the
/// plot is the building's, so they are dropped with what follows them (or, first in an English
/// address, with the word after them).
const UNIT_WORDS: [&str; 10] = [
    "واحد",
    "طبقه",
    "ط",
    "ط.",
    "همکف",
    "زیرزمین",
    "unit",
    "floor",
    "apt",
    "apt.",
];

/// Words that place a part of an address beside a way rather than on it (`نبش کوچهٔ ۲۲`, `نرسیده
/// به میدان شهدا`, `روبروی`, `جنب`…): such a part is a landmark, neither the door's street nor
/// the way it leads off.
const BESIDE_WORDS: [&str; 14] = [
    "نبش",
    "بعد",
    "قبل",
    "نرسیده",
    "روبروی",
    "روبه",
    "مقابل",
    "جنب",
    "پشت",
    "تقاطع",
    "کنار",
    "بین",
    "حد",
    "سر",
];

/// Words that join a landmark's word to its way (`نرسیده به`, `بعد از`).
const JOINING_WORDS: [&str; 4] = ["به", "از", "با", "روی"];

/// Words that say where along its street the door is (`انتهای کوچهٔ ۲۲`): dropped.
const ALONG_WORDS: [&str; 5] = ["انتهای", "ابتدای", "اواسط", "اول", "داخل"];

/// The folded text with a space between letters and digits (`پلاک۸۰`, `کوچه۲۲`).
fn spaced(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len() + 8);
    let mut prev: Option<char> = None;
    for c in folded.chars() {
        if let Some(p) = prev {
            let letter = |c: char| c.is_alphabetic() && !c.is_ascii();
            if letter(p) && c.is_ascii_digit() || p.is_ascii_digit() && letter(c) {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// The address's words without a unit or floor: one first (`unit 3 …`) goes with the word after
/// it; one later goes with everything after it (`… پلاک ۸۰ طبقه دوم`).
fn without_unit(mut words: Vec<&str>) -> Vec<&str> {
    if words.first().is_some_and(|w| UNIT_WORDS.contains(w)) {
        words.drain(..words.len().min(2));
    }
    if let Some(at) = words.iter().position(|w| UNIT_WORDS.contains(w)) {
        words.truncate(at);
    }
    words
}

/// Words that start the name of a way in a Persian address (folded; `بن` for `بن‌بست`): a full
/// address written without commas (`خیابان کاج کوچه ۲۲ پلاک ۸۰`) is cut before each.
const WAY_WORDS: [&str; 11] = [
    "خیابان",
    "خ",
    "خ.",
    "کوچه",
    "ک",
    "ک.",
    "بن",
    "بلوار",
    "میدان",
    "بزرگراه",
    "کوی",
];

/// The parts of a full address: its comma-separated parts, each cut again before a Persian
/// way word (not after a landmark's words: `نبش کوچهٔ ۲۲` stays one part); a unit or floor is
/// dropped, and words saying where along its street the door is.
fn parts(text: &str) -> Vec<String> {
    let folded = spaced(&fold(text));
    let mut out: Vec<Vec<&str>> = Vec::new();
    for part in folded.split(['،', ',']) {
        let mut cur: Vec<&str> = Vec::new();
        for w in part.split_whitespace() {
            let beside = |w: &&str| BESIDE_WORDS.contains(w) || JOINING_WORDS.contains(w);
            if WAY_WORDS.contains(&w) && !cur.is_empty() && !cur.iter().all(beside) {
                out.push(std::mem::take(&mut cur));
            }
            if !ALONG_WORDS.contains(&w) || !cur.is_empty() {
                cur.push(w);
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    (out.into_iter())
        .map(without_unit)
        .filter(|p| !p.is_empty())
        .map(|p| p.join(" "))
        .collect()
}

/// A part that places the address beside a way (`نبش کوچهٔ ۲۲`): a landmark.
fn landmark(part: &str) -> bool {
    part.split_whitespace()
        .next()
        .is_some_and(|w| BESIDE_WORDS.contains(&w))
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
    let off = |before: &[String]| {
        (before.iter().rev())
            .filter(|p| !landmark(p))
            .find_map(|p| way(p))
    };
    // Persian: the last part (`کوچهٔ ۲۲ پلاک ۸۰`), or the number alone (`پلاک ۸۰`) with the
    // nearest part before it that is no landmark; then the way before that.
    let last = (n >= 2)
        .then(|| parse_address(&parts[n - 1]).filter(|_| !landmark(&parts[n - 1])))
        .flatten()
        .map(|a| (a, n - 1))
        .or_else(|| {
            let at = parts[..n.checked_sub(1)?]
                .iter()
                .rposition(|p| !landmark(p))?;
            parse_address(&format!("{} {}", parts[at], parts[n - 1])).map(|a| (a, at))
        })
        .map(|(a, at)| (a, off(&parts[..at])));
    // English: the number first (`No. 80, Alley 22` or `80 Alley 22`), then the way after.
    let first = parts.first().filter(|_| n >= 2).and_then(|p0| {
        let words: Vec<&str> = p0.split_whitespace().collect();
        let (_, street) = number_first(&words)?;
        let (text, rest) = match street.is_empty() {
            true => (format!("{p0} {}", parts[1]), 2),
            false => (p0.clone(), 1),
        };
        let mut after = parts[rest..].iter().filter(|p| !landmark(p));
        Some((parse_address(&text)?, after.find_map(|p| way(p))))
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
    let folded = spaced(&fold(&text.replace(['،', ','], " ")));
    let words = without_unit(folded.split_whitespace().collect());
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
