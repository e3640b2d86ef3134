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

/// The readings of an address, most likely first: the whole text as one street and number,
/// then, for a full address (`خیابان کاج، کوچهٔ ۲۲، پلاک ۸۰`), its last part before the
/// number (`کوچهٔ ۲۲`, the street the door is on).
///
/// ```
/// use baft_core::input::address::parse_addresses;
/// let a = parse_addresses("خیابان کاج، کوچهٔ ۲۲، پلاک ۸۰ واحد ۳");
/// assert_eq!(a.len(), 2);
/// assert_eq!((a[1].street.as_str(), a[1].number.as_str()), ("22", "80"));
/// ```
pub fn parse_addresses(text: &str) -> Vec<AddressQuery> {
    let mut out: Vec<AddressQuery> = parse_address(text).into_iter().collect();
    let parts: Vec<&str> = (text.split(['،', ',']))
        .filter(|p| !p.trim().is_empty())
        .collect();
    if let [.., street, number] = parts[..] {
        let last =
            parse_address(&format!("{street} {number}")).or_else(|| parse_address(number.trim()));
        out.extend(last.filter(|a| !out.contains(a)));
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
