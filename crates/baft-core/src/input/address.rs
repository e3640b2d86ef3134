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
        let first = self.street_text.split_whitespace().next().unwrap_or("");
        let first = first.to_lowercase();
        NAMING_WORDS.contains(&first.as_str()) || first == "بن"
    }
}

/// Words that say "house number".
const NUMBER_WORDS: [&str; 8] = ["پلاک", "پ", "پ.", "شماره", "no", "no.", "number", "#"];

/// Kind words after which a number is a street's name (`کوچه ۱۲`).
const NAMING_WORDS: [&str; 7] = ["کوچه", "کوچهی", "ک", "ک.", "alley", "بنبست", "بست"];

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

/// Words that place a part of an address beside a way (`نبش کوچهٔ ۲۲`, `نرسیده به میدان شهدا`,
/// `روبروی`, `جنب`…): such a part is a landmark, neither the door's street nor the way it
/// leads off.
const BESIDE_WORDS: [&str; 7] = ["نبش", "نرسیده", "روبروی", "روبه", "مقابل", "جنب", "تقاطع"];

/// Words that place a part beside a way only when a joining word or a way's kind follows them
/// (`سر کوچهٔ ۲۲`, `بعد از میدان`, `حد فاصل`): streets are named with them too (`سر آسیاب`,
/// `بین‌النهرین`, `پشت باغ`).
const BESIDE_IF_JOINED: [&str; 7] = ["بعد", "قبل", "پشت", "کنار", "بین", "حد", "سر"];

/// Words that join a landmark's word to its way (`نرسیده به`, `بعد از`, `حد فاصل`).
const JOINING_WORDS: [&str; 5] = ["به", "از", "با", "روی", "فاصل"];

/// Words that say "house number" and start the last part of a full address written without
/// commas (`… کوچه ۲۲ پلاک ۸۰`); not `شماره`, which also names an alley (`کوچه شماره ۲۲`).
const PLATE_WORDS: [&str; 3] = ["پلاک", "پ", "پ."];

/// Units that name no number (`همکف`): dropped alone.
const BARE_UNITS: [&str; 2] = ["همکف", "زیرزمین"];

/// Words that say where along its street the door is (`انتهای کوچهٔ ۲۲`): dropped before a way's
/// kind word.
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

/// Whether `words[i]` places its part beside a way: a landmark's word ([`BESIDE_WORDS`]), or
/// one of [`BESIDE_IF_JOINED`] followed by a joining word or a way's kind.
fn beside(words: &[&str], i: usize) -> bool {
    let next = words.get(i + 1);
    BESIDE_WORDS.contains(&words[i])
        || BESIDE_IF_JOINED.contains(&words[i])
            && next.is_some_and(|w| JOINING_WORDS.contains(w) || WAY_WORDS.contains(w))
}

/// How many of the `len` words before `words[end]` (a way's kind) lead a landmark into it
/// (`نرسیده به` in `… سرو نرسیده به میدان …`): from the first landmark word of the run of
/// landmark and joining words just before it.
fn landmark_lead(words: &[&str], end: usize, len: usize) -> usize {
    let mut lead = 0;
    for i in (end - len..end).rev() {
        if beside(words, i) {
            lead = end - i;
        } else if !JOINING_WORDS.contains(&words[i]) {
            break;
        }
    }
    lead
}

/// Words that start the name of a way in a Persian address (folded; `بن` for `بن بست`, `بنبست`
/// for `بن‌بست` once the search box drops the non-joiner): a full
/// address written without commas (`خیابان کاج کوچه ۲۲ پلاک ۸۰`) is cut before each.
const WAY_WORDS: [&str; 12] = [
    "خیابان",
    "خ",
    "خ.",
    "کوچه",
    "ک",
    "ک.",
    "بن",
    "بنبست",
    "بلوار",
    "میدان",
    "بزرگراه",
    "کوی",
];

/// The parts of a full address: its comma-separated parts, each cut again before a Persian
/// way word or `پلاک`, a landmark's leading words going with the way they lead into
/// (`خیابان سرو نبش کوچه ۲۲ پلاک ۸۲` is `خیابان سرو`, `نبش کوچه ۲۲`, `پلاک ۸۲`). Units and
/// floors are dropped, and words saying where along its street the door is; so are landmarks
/// after the rest (`…، پلاک ۸۲، روبروی مسجد`).
fn parts(text: &str) -> Vec<String> {
    let folded = spaced(&fold(text));
    let mut out: Vec<Vec<&str>> = Vec::new();
    for part in folded.split(['،', ',']) {
        let words: Vec<&str> = part.split_whitespace().collect();
        let mut cur: Vec<&str> = Vec::new();
        for (i, &w) in words.iter().enumerate() {
            if (WAY_WORDS.contains(&w) || PLATE_WORDS.contains(&w)) && !cur.is_empty() {
                let lead = cur.split_off(cur.len() - landmark_lead(&words, i, cur.len()));
                // `… سرو انتهای کوچه ۲۲`, not `کوچه اول پلاک ۵` nor `خیابان اول کوچه ۲۲`.
                while WAY_WORDS.contains(&w)
                    && cur.last().is_some_and(|w| ALONG_WORDS.contains(w))
                    && !key(&cur[..cur.len() - 1].join(" ")).is_empty()
                {
                    cur.pop();
                }
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                cur = lead;
            }
            if !(cur.is_empty() && along(&words[i..])) {
                cur.push(w);
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    let mut parts: Vec<String> = (out.into_iter())
        .map(without_unit)
        .filter(|p| !p.is_empty())
        .map(|p| p.join(" "))
        .collect();
    while parts.len() > 1 && parts.last().is_some_and(|p| landmark(p)) {
        parts.pop();
    }
    parts
}

/// Whether the words start with where along a way the door is (`انتهای کوچهٔ ۲۲`): a word of
/// [`ALONG_WORDS`] before a way's kind.
fn along(words: &[&str]) -> bool {
    words.len() > 1 && ALONG_WORDS.contains(&words[0]) && WAY_WORDS.contains(&words[1])
}

/// A part that places the address beside a way (`نبش کوچهٔ ۲۲`): a landmark.
fn landmark(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    !words.is_empty() && beside(&words, 0)
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

    /// A landmark's words go with the way they lead into; `اول` after a kind word is a name; a
    /// landmark last is dropped; a street named with a landmark's word is no landmark.
    #[test]
    fn parts_keep_landmarks_with_their_way() {
        let p = |t: &str| parts(t);
        assert_eq!(
            p("خیابان سرو نبش کوچه ۲۲ پلاک ۸۲"),
            ["خیابان سرو", "نبش کوچه 22", "پلاک 82"]
        );
        assert_eq!(
            p("خیابان سرو نرسیده به میدان شهدا کوچه ۲۲ پلاک ۸۰"),
            ["خیابان سرو", "نرسیده به میدان شهدا", "کوچه 22", "پلاک 80"]
        );
        assert_eq!(p("خیابان سرو انتهای کوچه ۲۲"), ["خیابان سرو", "کوچه 22"]);
        assert_eq!(p("کوچه اول پلاک ۵"), ["کوچه اول", "پلاک 5"]);
        assert_eq!(p("خیابان اول کوچه ۲۲"), ["خیابان اول", "کوچه 22"]);
        assert_eq!(
            p("خیابان سرو، پلاک ۸۲، روبروی مسجد"),
            ["خیابان سرو", "پلاک 82"]
        );
        assert!(landmark("سر کوچه 22") && landmark("بعد از میدان") && landmark("جنب بانک"));
        assert!(!landmark("سر آسیاب") && !landmark("بین النهرین"));
        assert_eq!(
            without_unit(vec![
                "کوچه", "22", "طبقه", "2", "پلاک", "80", "واحد", "3", "شرقی"
            ]),
            ["کوچه", "22", "پلاک", "80"]
        );
    }
}
