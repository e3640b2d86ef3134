//! Postal codes (کد پستی): ten digits, printed on every utility bill, written with or without a
//! dash after the fifth digit and in any digits.
//!
//! ```
//! use baft_core::layer::parcels::postal::parse;
//! assert_eq!(parse("۳۷۵۱۶-۱۲۳۴۵"), Some(3751612345));
//! assert_eq!(parse("کد پستی 3751612345"), Some(3751612345));
//! assert_eq!(parse("3751-612345"), None); // a dash only after the fifth digit
//! assert_eq!(parse("375161234"), None); // nine digits
//! ```

use serde::Serializer;

/// The words an owner may put before the code.
const WORDS: [&str; 4] = ["کد پستی", "کدپستی", "postal code", "postcode"];

/// Reads a ten-digit postal code, optionally after "کد پستی" or "postal code" and a colon.
/// `None` for anything else.
pub fn parse(text: &str) -> Option<u64> {
    if text.len() > 80 {
        return None;
    }
    let t = crate::base::letters::fold(text);
    let mut t = t.trim();
    for w in WORDS {
        if let Some(rest) = t.strip_prefix(w) {
            t = rest.trim_start().trim_start_matches(':').trim();
            break;
        }
    }
    let digits: String = t.chars().filter(|c| *c != '-').collect();
    let dash_ok = match t.find('-') {
        None => true,
        Some(i) => i == 5 && t.matches('-').count() == 1,
    };
    (dash_ok && digits.len() == 10 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// Ten digits with leading zeros, as printed.
pub fn text(code: u64) -> String {
    format!("{code:010}")
}

/// Writes the code as its ten-digit text (JSON numbers lose nothing, but a code is not a number).
pub(crate) fn serialize<S: Serializer>(code: &Option<u64>, s: S) -> Result<S::Ok, S::Error> {
    match code {
        Some(c) => s.serialize_str(&text(*c)),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        for t in [
            "3751612345",
            "37516-12345",
            "٣٧٥١٦-١٢٣٤٥",
            " کد پستی: ۳۷۵۱۶۱۲۳۴۵ ",
            "كد پستي ۳۷۵۱۶۱۲۳۴۵",
            "Postal code 37516-12345",
        ] {
            assert_eq!(parse(t), Some(3751612345), "{t}");
        }
        for t in [
            "",
            "37516123456",
            "3751-612345",
            "37516--12345",
            "3751612345a",
            "35.7, 51.1",
        ] {
            assert_eq!(parse(t), None, "{t}");
        }
        assert_eq!(text(123), "0000000123");
    }
}
