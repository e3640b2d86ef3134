//! Digits and invisible marks in text that owners type or paste.
//!
//! Persian keyboards produce Extended Arabic-Indic digits (۰–۹, U+06F0–U+06F9); Arabic
//! keyboards and some phones produce Arabic-Indic digits (٠–٩, U+0660–U+0669). The Persian
//! decimal separator is `٫` (U+066B), the thousands separator `٬` (U+066C) and the comma `،`
//! (U+060C). Text copied from right-to-left apps often carries invisible bidi marks.
//!
//! ```
//! use baft_core::base::digits::{normalize, to_persian_digits};
//! assert_eq!(normalize("۳۵٫۷۱، ٥١٫١١"), "35.71, 51.11");
//! assert_eq!(to_persian_digits("35.7"), "۳۵٫۷");
//! ```

/// Invisible formatting characters removed by [`normalize`]: LRM, RLM, ALM, the bidi
/// embeddings, overrides and isolates, zero-width space/joiners, BOM and soft hyphen.
pub fn is_invisible_mark(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{061C}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}')
}

/// The ASCII digit for a Persian, Arabic-Indic, fullwidth or ASCII digit character.
pub fn ascii_digit(c: char) -> Option<char> {
    let v = match c {
        '0'..='9' => return Some(c),
        '\u{06F0}'..='\u{06F9}' => c as u32 - 0x06F0,
        '\u{0660}'..='\u{0669}' => c as u32 - 0x0660,
        '\u{FF10}'..='\u{FF19}' => c as u32 - 0xFF10,
        _ => return None,
    };
    char::from_digit(v, 10)
}

/// Rewrites typed text into plain ASCII numerals and punctuation:
/// every digit form becomes ASCII, `٫` becomes `.`, `٬` is dropped (thousands), `،` and
/// `؛` become `,` and `;`, fullwidth and typographic forms of `. , - +` become ASCII, and
/// invisible bidi marks are removed. Everything else is kept as it is.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_invisible_mark(c) {
            continue;
        }
        if let Some(d) = ascii_digit(c) {
            out.push(d);
            continue;
        }
        match c {
            '\u{066B}' | '\u{FF0E}' => out.push('.'),
            '\u{066C}' => {}
            '\u{060C}' | '\u{FF0C}' => out.push(','),
            '\u{061B}' => out.push(';'),
            '\u{2212}' | '\u{2013}' | '\u{2010}' | '\u{2011}' | '\u{FE63}' | '\u{FF0D}' => {
                out.push('-')
            }
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{3000}' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The Persian digit for an ASCII digit; any other character as it is.
fn persian_digit(c: char) -> char {
    match c {
        '0'..='9' => char::from_u32(0x06F0 + (c as u32 - '0' as u32)).unwrap_or(c),
        _ => c,
    }
}

/// Rewrites ASCII digits as Persian digits and nothing else, for quoting what a file or a
/// person wrote (`1398.13.40` stays dotted: `۱۳۹۸.۱۳.۴۰`).
///
/// ```
/// assert_eq!(baft_core::base::digits::quote_in_persian_digits("1398.13.40"), "۱۳۹۸.۱۳.۴۰");
/// ```
pub fn quote_in_persian_digits(s: &str) -> String {
    s.chars().map(persian_digit).collect()
}

/// Rewrites ASCII digits as Persian digits and `.` between digits as `٫`.
pub fn to_persian_digits(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() * 2);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '0'..='9' => out.push(persian_digit(c)),
            '.' if i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit()) =>
            {
                out.push('٫')
            }
            _ => out.push(c),
        }
    }
    out
}

/// Writes an integer in the language's digits, without separators (for years and ids).
pub fn localize_digits(s: &str, lang: crate::Lang) -> String {
    match lang {
        crate::Lang::Fa => to_persian_digits(s),
        crate::Lang::En => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_digit_form_becomes_ascii() {
        assert_eq!(normalize("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
        assert_eq!(normalize("٠١٢٣٤٥٦٧٨٩"), "0123456789");
        assert_eq!(normalize("０１２"), "012");
        assert_eq!(normalize("۱۲٬۳۴۵٫۶"), "12345.6");
    }

    #[test]
    fn bidi_marks_are_removed() {
        assert_eq!(
            normalize("\u{200F}35.7\u{200E},\u{2067}51.1\u{2069}"),
            "35.7,51.1"
        );
    }

    #[test]
    fn persian_output() {
        assert_eq!(to_persian_digits("1402/05/14"), "۱۴۰۲/۰۵/۱۴");
    }
}
