//! Ids and other Latin fragments inside Persian sentences (`QB-0232`, `qods-sample-1`), and
//! codes of digits joined by dashes (`۳۷۵۱۴-۰۰۴۰۶`, `۰۲۳۲-۰۰۱`, `2026-11-26`; see
//! [`Piece::Id`] for which), kept whole:
//! each is put in its own left-to-right, isolated element (`class="id"`), so right-to-left
//! text never reorders it and a line never breaks inside it (`white-space: nowrap` in the
//! stylesheet).
//!
//! Why dashed codes: digits after Persian letters count as Arabic numbers to the Unicode bidi
//! algorithm, and a `-` between two such numbers is a neutral that takes the sentence's
//! right-to-left direction, so `۳۷۵۱۴-۰۰۴۰۶` would show as ۰۰۴۰۶-۳۷۵۱۴, its halves swapped
//! against the bill. A `/` joins them (plates, Jalali dates stay whole without help).

use leptos::prelude::*;

/// A piece of a sentence: plain text, or an id to isolate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text as it is.
    Text(&'a str),
    /// An id: a run of ASCII letters, digits (ASCII, Persian or Arabic-Indic), `-`, `_`, `.`
    /// and `/` that holds a letter and a digit, or a code of digits and dashes: two dashes or
    /// more, a group with a leading zero, or a group of five digits or more (not a range such
    /// as `۱۴۰۳-۱۴۰۷`, read right to left).
    Id(&'a str),
}

fn digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{06F0}'..='\u{06F9}' | '\u{0660}'..='\u{0669}')
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

/// `s` with every id in a `<span class="id" dir="ltr">` (an element with `dir` is isolated from
/// the text around it, as `<bdi>` is); one element type for all pieces keeps the wasm small.
pub fn with_ids(s: &str) -> impl IntoView {
    pieces(s)
        .into_iter()
        .map(|p| {
            let (text, id) = match p {
                Piece::Text(t) => (t, false),
                Piece::Id(t) => (t, true),
            };
            view! { <span class=id.then_some("id") dir=id.then_some("ltr")>{text.to_string()}</span> }
        })
        .collect_view()
}
