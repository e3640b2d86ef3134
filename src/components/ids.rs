//! Ids and other Latin fragments inside Persian sentences (`QB-0232`, `qods-sample-1`), kept
//! whole: each is put in its own left-to-right, isolated element (`class="id"`), so
//! right-to-left text never reorders it and a line never breaks inside it (`white-space:
//! nowrap` in the stylesheet).

use leptos::prelude::*;

/// A piece of a sentence: plain text, or an id to isolate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text as it is.
    Text(&'a str),
    /// An id: a run of ASCII letters, digits, `-`, `_`, `.` and `/` holding a letter and a digit.
    Id(&'a str),
}

fn id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/')
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
        let is_id =
            run.chars().any(|c| c.is_ascii_alphabetic()) && run.chars().any(|c| c.is_ascii_digit());
        if is_id {
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
