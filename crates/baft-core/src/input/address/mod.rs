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

mod parts;
mod words;

use crate::base::letters::fold;
use crate::layer::streets::key;
use parts::{along, landmark, parts, way};
use serde::Serialize;
use words::{BARE_UNITS, NAMING_WORDS, NUMBER_WORDS, UNIT_WORDS};

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
    /// The ways that way leads off in turn, nearest first, as the address names them (`خیابان
    /// سرو` in `خیابان سرو، کوچهٔ ۲۲، بن‌بست ۳، پلاک ۵`, whose door is on dead end 3 off alley
    /// 22): the search keeps an alley among them to the one near the next way. Empty when none
    /// is named; with [`Self::off`], [`MAX_WAYS`] at the most, each named once.
    pub beyond: Vec<(String, String)>,
}

impl AddressQuery {
    /// Whether the street is an alley (`کوچهٔ ۲۲`, `کوچه ۲۲ شرقی`, `بن‌بست یاس`, `Alley 22`), as
    /// typed: alleys are numbered or named along each street, so a city has many of one name,
    /// each short, near the way it leads off.
    ///
    /// ```
    /// use baft_core::input::address::parse_address;
    /// assert!(parse_address("کوچهٔ ۲۲ شرقی، پلاک ۸۰").unwrap().alley());
    /// assert!(!parse_address("خیابان ۱۲، پلاک ۸۰").unwrap().alley());
    /// ```
    pub fn alley(&self) -> bool {
        is_alley(&self.street_text)
    }
}

/// Whether a way, as an address names it (folded), is an alley (`کوچه 22`, `بن بست یاس`,
/// `Alley 22`): its first word names one ([`AddressQuery::alley`]).
///
/// ```
/// use baft_core::input::address::is_alley;
/// assert!(is_alley("کوچه 22") && is_alley("بن بست یاس") && is_alley("Alley 3"));
/// assert!(!is_alley("خیابان سرو") && !is_alley("بلوار 22"));
/// ```
pub fn is_alley(way: &str) -> bool {
    let first = way.split_whitespace().next().unwrap_or("").to_lowercase();
    NAMING_WORDS.contains(&first.as_str()) || first == "بن"
}

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
/// it; one before the house number (`… کوچه ۲۲ طبقه ۲ پلاک ۸۰`) with its number, if it has one;
/// one after it with everything after it (`… پلاک ۸۰ طبقه دوم شرقی`).
fn without_unit(mut words: Vec<&str>) -> Vec<&str> {
    if let Some(first) = words.first().filter(|w| UNIT_WORDS.contains(w)) {
        let n = if BARE_UNITS.contains(first) { 1 } else { 2 };
        words.drain(..words.len().min(n));
    }
    while let Some(at) = words.iter().position(|w| UNIT_WORDS.contains(w)) {
        if !words[at + 1..].iter().any(|w| NUMBER_WORDS.contains(w)) {
            words.truncate(at);
            break;
        }
        let n = if BARE_UNITS.contains(&words[at]) {
            1
        } else {
            2
        };
        words.drain(at..(at + n).min(words.len()));
    }
    words
}

/// How many ways a full address's street is kept to at the most ([`AddressQuery::off`] and
/// [`AddressQuery::beyond`]): a dead end, the alley it leads off and that alley's street.
pub const MAX_WAYS: usize = 3;

/// The readings of an address, most likely first: the whole text as one street and number,
/// then, for a full address, the street the door is on with the ways it leads off, nearest
/// first (the parts before it in Persian, `خیابان کاج، کوچهٔ ۲۲، پلاک ۸۰`; after it in English,
/// `No. 80, Alley 22, Kaj Street`).
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
/// let d = parse_addresses("خیابان سرو، کوچهٔ ۲۲، بن‌بست ۳، پلاک ۵");
/// assert_eq!((d[1].street.as_str(), d[1].off.as_ref().unwrap().0.as_str()), ("3", "22"));
/// assert_eq!(d[1].beyond[0].0, "سرو");
/// ```
pub fn parse_addresses(text: &str) -> Vec<AddressQuery> {
    let mut out: Vec<AddressQuery> = parse_address(text).into_iter().collect();
    let parts = parts(text);
    let n = parts.len();
    let ways = |before: &[String], rev: bool| -> Vec<(String, String)> {
        let mut ways: Vec<_> = (before.iter().filter(|p| !landmark(p)))
            .filter_map(|p| way(p))
            .collect();
        if rev {
            ways.reverse();
        }
        ways
    };
    // Persian: the last part (`کوچهٔ ۲۲ پلاک ۸۰`), or the number alone (`پلاک ۸۰`) with the
    // nearest part before it that is no landmark; then the ways before that, nearest first.
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
        .map(|(a, at)| (a, ways(&parts[..at], true)));
    // English: the number first (`No. 80, Alley 22` or `80 Alley 22`), then the ways after.
    let first = parts.first().filter(|_| n >= 2).and_then(|p0| {
        let words: Vec<&str> = p0.split_whitespace().collect();
        let (_, street) = number_first(&words)?;
        let (text, rest) = match street.is_empty() {
            true => (format!("{p0} {}", parts[1]), 2),
            false => (p0.clone(), 1),
        };
        Some((parse_address(&text)?, ways(&parts[rest..], false)))
    });
    for (mut a, ways) in [last, first].into_iter().flatten() {
        // A way is its name and whether it is an alley (`کوچه سرو` is not `خیابان سرو`); one
        // named twice counts once. The street written again before itself is dropped (`…، کوچه
        // ۲۲، کوچه‌ی ۲۲ پلاک ۸۰`); then a nearest way of the street's name but another kind
        // leaves the street unplaced (`خیابان کاج، کوچه کاج`: which one the door is on is not
        // known).
        let same = |(k, t): &(String, String), key: &str, text: &str| {
            k == key && is_alley(t) == is_alley(text)
        };
        let mut chain: Vec<(String, String)> = Vec::new();
        for w in ways {
            if !chain.iter().any(|c| same(c, &w.0, &w.1)) && chain.len() <= MAX_WAYS {
                chain.push(w);
            }
        }
        if chain
            .first()
            .is_some_and(|c| same(c, &a.street, &a.street_text))
        {
            chain.remove(0);
        }
        if chain.first().is_some_and(|(k, _)| *k == a.street) {
            chain.clear();
        }
        chain.truncate(MAX_WAYS);
        let mut chain = chain.into_iter();
        a.off = chain.next();
        a.beyond = chain.collect();
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
    let mut words = without_unit(folded.split_whitespace().collect());
    if along(&words) {
        words.remove(0);
    }
    let (number, words) = number_last(&words).or_else(|| number_first(&words))?;
    let street_text = words.join(" ");
    let street = key(&street_text);
    (street_text.chars().any(char::is_alphabetic) && !street.is_empty()).then_some(AddressQuery {
        street,
        street_text,
        number,
        off: None,
        beyond: Vec::new(),
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

    /// The ways a full address names, nearest first: each once, [`MAX_WAYS`] at the most; the
    /// street written again before itself dropped; a nearest way of the street's name but
    /// another kind leaves the street unplaced; in English, the ways after the street.
    #[test]
    fn the_ways_named_nearest_first() {
        // The text; the street; the way it leads off, then the ways beyond, nearest first.
        let cases: [(&str, &str, &str); 8] = [
            (
                "کوچه ۱۰، خیابان سرو، کوچه ۱۰، بن‌بست ۳، پلاک ۵",
                "3",
                "10 سرو",
            ),
            (
                "بلوار الف، خیابان ب، کوچه ۱، کوچه ۲، بن‌بست ۳، پلاک ۵",
                "3",
                "2 1 ب",
            ),
            ("خیابان سرو، کوچه ۲۲، کوچه ۲۲ پلاک ۸۰", "22", "سرو"),
            ("بلوار طالقانی، خیابان سرو، کوچه سرو، پلاک ۵", "سرو", ""),
            // A way of the same name and kind is one, however spelt; of another kind, another.
            ("خیابان سرو، کوچه‌ی ۲۲، کوچه ۲۲ پلاک ۸۰", "22", "سرو"),
            (
                "بلوار طالقانی، خیابان سرو، کوچه سرو، کوچه سرو، پلاک ۵",
                "سرو",
                "",
            ),
            // The street said again does not count towards the cap.
            (
                "بلوار الف، خیابان ب، کوچه ۱، کوچه ۲، کوچه ۲ پلاک ۵",
                "2",
                "1 ب الف",
            ),
            ("No. 5, Alley 3, Alley 22, Sarv St., Qods", "3", "22 sarv"),
        ];
        for (text, street, ways) in cases {
            let a = parse_addresses(text).pop().unwrap();
            let named: Vec<&str> = (a.off.iter().chain(&a.beyond))
                .map(|(k, _)| k.as_str())
                .collect();
            assert_eq!(
                (a.street.as_str(), named.join(" ")),
                (street, ways.into()),
                "{text}"
            );
        }
    }
}
