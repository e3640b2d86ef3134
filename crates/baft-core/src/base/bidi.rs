//! Ids and other Latin fragments inside Persian sentences (`QB-0232`, `qods-sample-1`), and
//! codes of digits joined by dashes (`۳۷۵۱۴-۰۰۴۰۶`, `۰۲۳۲-۰۰۱`, `2026-11-26`; see
//! [`Piece::Id`] for which), found so that a front end can keep each whole: the app and the
//! staff page put each in its own left-to-right, isolated element.
//!
//! Why dashed codes: digits after Persian letters count as Arabic numbers to the Unicode bidi
//! algorithm, and a `-` between two such numbers is a neutral that takes the sentence's
//! right-to-left direction, so `۳۷۵۱۴-۰۰۴۰۶` would show as ۰۰۴۰۶-۳۷۵۱۴, its halves swapped
//! against the bill. A `/` joins them (plates, Jalali dates stay whole without help).
//!
//! ```
//! use baft_core::base::bidi::{pieces, Piece::{Id, Text}};
//! assert_eq!(
//!     pieces("بلوک QB-0232، کد ۰۲۳۲-۰۰۱."),
//!     [Text("بلوک "), Id("QB-0232"), Text("، کد "), Id("۰۲۳۲-۰۰۱"), Text(".")]
//! );
//! assert_eq!(pieces("برنامهٔ ۱۴۰۳-۱۴۰۷"), [Text("برنامهٔ ۱۴۰۳-۱۴۰۷")]);
//! ```

use serde::Serialize;

/// A piece of a sentence: plain text, or an id to isolate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", content = "text", tag = "kind")]
pub enum Piece<'a> {
    /// Text as it is.
    Text(&'a str),
    /// An id: a run of ASCII letters, digits (ASCII, Persian or Arabic-Indic), `-`, `_`, `.`
    /// and `/` that holds a letter and a digit, or a code of digits and dashes: two dashes or
    /// more, a group with a leading zero, or a group of five digits or more (not a range such
    /// as `۱۴۰۳-۱۴۰۷`, read right to left).
    Id(&'a str),
}

/// A digit of any form the core reads (ASCII, Persian, Arabic-Indic, fullwidth).
fn digit(c: char) -> bool {
    super::digits::ascii_digit(c).is_some()
}

fn id_char(c: char) -> bool {
    c.is_ascii_alphabetic() || digit(c) || matches!(c, '-' | '_' | '.' | '/')
}

/// A run to isolate: letters with digits (`QB-0232`), or a code of digits joined by dashes.
fn is_id(run: &str) -> bool {
    let letters_and_digits = run.chars().any(|c| c.is_ascii_alphabetic()) && run.chars().any(digit);
    letters_and_digits || dashed_code(run)
}

/// Digits joined by dashes that make a code, read left to right as printed: two dashes or more
/// (`2026-11-26`), a group with a leading zero (`۰۲۳۲-۰۰۱`) or of five digits or more
/// (`۳۷۵۱۴-۰۰۴۰۶`). Any other pair (`۱۴۰۳-۱۴۰۷`, a house's `۶۱-۶۳`) is more likely a range,
/// which a Persian reader reads right to left: it is left to the sentence.
fn dashed_code(run: &str) -> bool {
    let chars: Vec<char> = run.chars().collect();
    if !chars
        .windows(3)
        .any(|w| digit(w[0]) && w[1] == '-' && digit(w[2]))
    {
        return false;
    }
    let groups: Vec<&str> = run.split('-').collect();
    let zero = |g: &&str| g.chars().count() > 1 && g.starts_with(['0', '\u{06F0}', '\u{0660}']);
    let long = |g: &&str| g.chars().filter(|&c| digit(c)).count() >= 5;
    groups.len() >= 3 || groups.iter().any(zero) || groups.iter().any(long)
}

/// Splits `s` into text and ids, in order.
pub fn pieces(s: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut text_from = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !id_char(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if !id_char(d) {
                break;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        // A trailing full stop ends the sentence, not the id.
        let run = s[i..end].trim_end_matches('.');
        if is_id(run) {
            if text_from < i {
                out.push(Piece::Text(&s[text_from..i]));
            }
            out.push(Piece::Id(run));
            text_from = i + run.len();
        }
    }
    if text_from < s.len() {
        out.push(Piece::Text(&s[text_from..]));
    }
    out
}

/// `s` as plain text with each id ([`Piece::Id`]) between Unicode's left-to-right isolate
/// (U+2066) and pop directional isolate (U+2069): what the app does with an element, for text
/// that is shown as it is (the JS API's sentences and messages, put in an embedder's page). A
/// sentence with no right-to-left letter (English) is returned as it is: there the marks would
/// change nothing.
///
/// ```
/// use baft_core::base::bidi::isolated;
/// assert_eq!(isolated("بلوک QB-0232."), "بلوک \u{2066}QB-0232\u{2069}.");
/// assert_eq!(isolated("برنامهٔ ۱۴۰۳-۱۴۰۷"), "برنامهٔ ۱۴۰۳-۱۴۰۷");
/// assert_eq!(isolated("block QB-0232."), "block QB-0232.");
/// // Marks already there are not doubled.
/// assert_eq!(isolated(&isolated("بلوک QB-0232.")), isolated("بلوک QB-0232."));
/// ```
pub fn isolated(s: &str) -> String {
    let rtl = |c: char| {
        let arabic_or_hebrew = matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FEFF}');
        c.is_alphabetic() && arabic_or_hebrew
    };
    if !s.chars().any(rtl) {
        return s.to_string();
    }
    let bare: String = s
        .chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
        .collect();
    let mut out = String::with_capacity(s.len() + 12);
    for p in pieces(&bare) {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Id(id) => {
                out.push('\u{2066}');
                out.push_str(id);
                out.push('\u{2069}');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{pieces, Piece, Piece::Id, Piece::Text};

    #[test]
    fn ids_in_sentences_are_isolated_whole() {
        let cases: [(&str, &[Piece]); 8] = [
            (
                "داخل بافت: بلوک QB-0232 — کاووسیه.",
                &[Text("داخل بافت: بلوک "), Id("QB-0232"), Text(" — کاووسیه.")],
            ),
            (
                "(plot QB-0232-001.)",
                &[Text("(plot "), Id("QB-0232-001"), Text(".)")],
            ),
            // Words without digits and numbers without letters are text.
            ("UTM 510122", &[Text("UTM 510122")]),
            // Digits joined by dashes, in any script, are one code when they look like one (two
            // dashes, a leading zero, five digits): the bidi algorithm would swap its halves in a
            // Persian sentence. A range, digits joined by a slash, or a sign after a number are text.
            (
                "کد پستی ۳۷۵۱۴-۰۰۴۰۶ و کد نوسازی ۰۲۳۲-۰۰۱.",
                &[
                    Text("کد پستی "),
                    Id("۳۷۵۱۴-۰۰۴۰۶"),
                    Text(" و کد نوسازی "),
                    Id("۰۲۳۲-۰۰۱"),
                    Text("."),
                ],
            ),
            (
                "میلادی (2026-11-26)",
                &[Text("میلادی ("), Id("2026-11-26"), Text(")")],
            ),
            (
                "پلاک ۱۲۱/۴۰۶ بخش ۱۱، مصوب ۱۴۰۲/۰۵/۱۴",
                &[Text("پلاک ۱۲۱/۴۰۶ بخش ۱۱، مصوب ۱۴۰۲/۰۵/۱۴")],
            ),
            ("عرض بین ۹۰- و ۹۰", &[Text("عرض بین ۹۰- و ۹۰")]),
            (
                "برنامهٔ ۱۴۰۳-۱۴۰۷، پلاک ۶۱-۶۳",
                &[Text("برنامهٔ ۱۴۰۳-۱۴۰۷، پلاک ۶۱-۶۳")],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(pieces(text), want.to_vec(), "{text}");
        }
        assert_eq!(pieces(""), vec![]);
    }
}
