//! JSON errors in words a GIS or web officer understands, in Persian and English.
//!
//! `serde_json` reports errors in terse English ("invalid type: map, expected a sequence at
//! line 3 column 9"). [`describe`] rewrites such a message in either language, and [`path_at`]
//! names the field the error is in (`layers[0].versions[1].approved`), found by reading the JSON
//! text up to the error's position, so that a message points at the field, not only a column.
//!
//! ```
//! use baft_core::{read::json_error, Lang};
//! let text = r#"{"city": {"utm_zone": "39"}}"#;
//! let e = serde_json::from_str::<serde_json::Value>("{\"a\": [1, 2").unwrap_err();
//! assert_eq!(json_error::describe(&e.to_string(), Lang::En),
//!     "the text ends before a list [ … ] is closed: the file is cut short (line 1, column 11)");
//! assert_eq!(json_error::path_at(text, 1, 26), "city.utm_zone");
//! ```

use crate::base::digits::localize_digits;
use crate::Lang;

mod words;
pub use words::{describe, without_position};

/// The JSON path (`a.b[2].c`) of the value being read at `line`/`column` (serde_json's
/// 1-based line and column of the last byte it read). Empty for the top level.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let b = text.as_bytes();
    // The byte offset just after the position.
    let mut start = 0;
    for _ in 1..line {
        match b[start..].iter().position(|&c| c == b'\n') {
            Some(p) => start += p + 1,
            None => break,
        }
    }
    let end = (start + column).min(b.len());
    enum Frame {
        Object { key: Option<String>, want_key: bool },
        Array(usize),
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match b[i] {
            b'"' => {
                let s = i + 1;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if let Some(Frame::Object { key, want_key }) = stack.last_mut() {
                    if *want_key {
                        let raw = &text[s.min(text.len())..i.min(text.len())];
                        *key = Some(
                            serde_json::from_str(&format!("\"{raw}\""))
                                .unwrap_or_else(|_| raw.to_string()),
                        );
                        *want_key = false;
                    }
                }
            }
            b'{' => stack.push(Frame::Object {
                key: None,
                want_key: true,
            }),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object { want_key, .. }) => *want_key = true,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for f in &stack {
        match f {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array(n) => path.push_str(&format!("[{n}]")),
        }
    }
    path
}

/// The field a serde_json error is about in `text`: the path at its position, and for a
/// missing field, that field's path.
pub fn field_of(text: &str, e: &serde_json::Error) -> String {
    if root_is_list(text) {
        return String::new();
    }
    let path = path_at(text, e.line(), e.column());
    let msg = e.to_string();
    match msg
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
    {
        Some(f) if path.is_empty() => f.to_string(),
        Some(f) => format!("{path}.{f}"),
        None => path,
    }
}

/// What a file that isn't JSON at all looks like, from its first bytes: `empty`, `utf16`,
/// `zip`, `pdf`, `image`, `shapefile`, `binary`, `html`, `kml`, `gpx`, `xml` or `wkt`
/// (see [`format_name`]); `None` for anything else (JSON, or text that may be corners).
pub fn sniff(text: &str) -> Option<&'static str> {
    let t = text.trim_start_matches('\u{FEFF}');
    if t.trim().is_empty() {
        return Some("empty");
    }
    // UTF-16 read as UTF-8: every other character a NUL (after a byte-order mark gone bad, if
    // any). JSON never holds a raw NUL.
    let body = t.strip_prefix("\u{FFFD}\u{FFFD}").unwrap_or(t);
    let first: Vec<char> = body.chars().take(32).collect();
    let text = |c: &char| *c != '\0' && (!c.is_control() || matches!(c, '\n' | '\r' | '\t'));
    let half = |odd: bool, f: &dyn Fn(&char) -> bool| {
        first.iter().skip(usize::from(odd)).step_by(2).all(f)
    };
    let nul = |c: &char| *c == '\0';
    if first.len() >= 8
        && ((half(false, &text) && half(true, &nul)) || (half(false, &nul) && half(true, &text)))
    {
        return Some("utf16");
    }
    // JSON starts like JSON: let the parser judge it (a bad byte in a name is not a reason to
    // refuse a whole file).
    if t.trim_start()
        .starts_with(|c: char| matches!(c, '{' | '[' | '"' | '-') || c.is_ascii_digit())
    {
        return None;
    }
    let head: String = t.chars().take(512).collect();
    if head.starts_with("PK\u{3}\u{4}") {
        return Some("zip");
    }
    if head.starts_with("%PDF") {
        return Some("pdf");
    }
    if head.starts_with("\u{FFFD}PNG") || head.starts_with("GIF8") || head.contains("JFIF") {
        return Some("image");
    }
    if head.starts_with("\0\0'\n") {
        return Some("shapefile");
    }
    if head
        .chars()
        .any(|c| c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t')))
    {
        return Some("binary");
    }
    let lower = head.trim_start().to_ascii_lowercase();
    if lower.starts_with('<') {
        return Some(
            if lower.contains("<html") || lower.starts_with("<!doctype html") {
                "html"
            } else if lower.contains("<kml") {
                "kml"
            } else if lower.contains("<gpx") {
                "gpx"
            } else {
                "xml"
            },
        );
    }
    let wkt = [
        "polygon",
        "multipolygon",
        "point",
        "linestring",
        "geometrycollection",
    ];
    if wkt.iter().any(|w| {
        lower
            .strip_prefix(w)
            .is_some_and(|r| r.trim_start().starts_with('(') || r.trim_start().starts_with("empty"))
    }) {
        return Some("wkt");
    }
    None
}

/// A [`sniff`]ed kind of file in words.
pub fn format_name(key: &str, lang: Lang) -> &'static str {
    match key {
        "empty" => lang.pick("فایلی خالی", "an empty file"),
        "utf16" => lang.pick("متنی با کدگذاری UTF-16", "UTF-16 text"),
        "zip" => lang.pick("یک فایل فشردهٔ ZIP", "a ZIP archive"),
        "pdf" => lang.pick("یک PDF", "a PDF"),
        "image" => lang.pick("یک تصویر", "an image"),
        "shapefile" => lang.pick("بخشی از یک شیپ‌فایل (.shp)", "part of a shapefile (.shp)"),
        "binary" => lang.pick("یک فایل دودویی (غیرمتنی)", "a binary (not text) file"),
        "html" => lang.pick(
            "یک صفحهٔ وب HTML (نشانی اشتباه یا صفحهٔ خطای سرور؟)",
            "an HTML web page (a wrong address, or an error page from the server?)",
        ),
        "kml" => lang.pick("یک فایل KML", "a KML file"),
        "gpx" => lang.pick("یک فایل GPX", "a GPX file"),
        "xml" => lang.pick("یک فایل XML", "an XML file"),
        "wkt" => lang.pick("متن WKT", "WKT text"),
        _ => lang.pick("قالبی ناشناخته", "an unknown format"),
    }
}

/// What to do about a [`sniff`]ed file that should have been JSON.
pub fn format_advice(key: &str, lang: Lang) -> &'static str {
    match key {
        "empty" => lang.pick("فایل خالی است", "the file is empty"),
        "utf16" => lang.pick(
            "فایل با کدگذاری UTF-16 ذخیره شده است؛ آن را دوباره با UTF-8 ذخیره کنید",
            "the file is saved as UTF-16 text; save it again as UTF-8",
        ),
        _ => "",
    }
}

/// The words to store for a syntax error in `text` (English; [`describe`] gives them in
/// either language): serde_json's message, or a plainer one when the character at the error
/// shows what happened (a comment, single quotes, NaN, a plus sign).
pub fn syntax_detail(text: &str, e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let body = without_position(&msg);
    let at = char_at(text, e.line(), e.column());
    let plain = match (body, at) {
        ("expected value" | "key must be a string", Some('/')) => Some(COMMENT),
        ("expected value" | "key must be a string", Some('\'')) => Some(SINGLE_QUOTES),
        ("expected value", Some('N' | 'I' | 'n' | 'i')) => Some(NAN),
        ("expected value", Some('+')) => Some(PLUS),
        _ => None,
    };
    plain
        .map(str::to_string)
        .unwrap_or_else(|| body.to_string())
}

/// The words to store for a structure error in `text` (English, for [`describe`]): serde's,
/// except that a list where an object belongs is said as such.
pub fn data_detail(text: &str, e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let body = without_position(&msg);
    if root_is_list(text) {
        return "invalid type: sequence, expected a map".into();
    }
    body.to_string()
}

/// A serde_json error in a whole JSON file (the manifest, the packages): the field it is in
/// (empty for a syntax error), and the words (English, with " at line L column C", for
/// [`describe`]); `syntax` when the text isn't JSON.
pub struct Explained {
    /// JSON path of the field the error is in, e.g. `layers[0].kind`; empty for a syntax error.
    pub field: String,
    /// The error in English, ending ` at line L column C`; [`describe`] puts it in plain words.
    pub detail: String,
    /// Whether the text isn't JSON at all (a syntax error).
    pub syntax: bool,
}

/// Explains `e`, an error reading `text` (see [`Explained`]).
pub fn explain(text: &str, e: &serde_json::Error) -> Explained {
    let at = format!(" at line {} column {}", e.line(), e.column());
    if is_syntax(e) && is_valid_json(text) {
        return Explained {
            field: path_at(text, e.line(), e.column()),
            detail: format!("{TOO_MANY_ITEMS}{at}"),
            syntax: false,
        };
    }
    if is_syntax(e) {
        return Explained {
            field: String::new(),
            detail: format!("{}{at}", syntax_detail(text, e)),
            syntax: true,
        };
    }
    Explained {
        field: field_of(text, e),
        detail: format!("{}{at}", data_detail(text, e)),
        syntax: false,
    }
}

/// What a [`sniff`]ed file is, for a file that should be JSON: "this is a ZIP archive, not
/// JSON", or the advice for an empty or UTF-16 file.
pub fn not_json(format: &str, lang: Lang) -> String {
    let advice = format_advice(format, lang);
    if !advice.is_empty() {
        return advice.into();
    }
    say!(
        lang,
        "این {} است، نه JSON",
        "this is {}, not JSON",
        format_name(format, lang)
    )
}

/// Whether text that serde calls a syntax error is valid JSON after all (one item too many in
/// a fixed-length list, which serde reports as "trailing characters").
pub fn is_valid_json(text: &str) -> bool {
    serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
}

/// The words for one item too many in a fixed-length list (a syntax error to serde).
pub const TOO_MANY_ITEMS: &str = "one item too many in this list";
const COMMENT: &str = "a comment: JSON has no comments (// or /* */)";
const SINGLE_QUOTES: &str = "single quotes: JSON needs double quotes (\")";
const NAN: &str = "NaN or Infinity: not a number in JSON";
const PLUS: &str = "a plus sign: JSON numbers have none";

/// Whether the JSON is a list where an object (a file's top level) is expected.
fn root_is_list(text: &str) -> bool {
    text.trim_start_matches('\u{FEFF}')
        .trim_start()
        .starts_with('[')
}

/// The character serde_json stopped at (its line and column).
fn char_at(text: &str, line: usize, column: usize) -> Option<char> {
    let l = text.split('\n').nth(line.checked_sub(1)?)?;
    l.get(column.checked_sub(1)?..)?.chars().next()
}

/// Whether the error is in the JSON's syntax (the text isn't JSON), not its structure.
pub fn is_syntax(e: &serde_json::Error) -> bool {
    !matches!(e.classify(), serde_json::error::Category::Data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_the_field() {
        let t = "{\"a\": [1, {\"b\": {\"c\": 3}}], \"d\": \"x\"}";
        // After `3`: inside a[1].b.c.
        let col = t.find('3').unwrap() + 1;
        assert_eq!(path_at(t, 1, col), "a[1].b.c");
        let col = t.rfind('x').unwrap() + 2;
        assert_eq!(path_at(t, 1, col), "d");
        assert_eq!(path_at(t, 1, 0), "");
        // Lines.
        let t = "{\n\"a\": {\n\"b\": tru}}";
        assert_eq!(path_at(t, 3, 8), "a.b");
    }

    #[test]
    fn files_that_are_not_json_are_named() {
        let le: String = "{\"type\":1}".chars().flat_map(|c| [c, '\0']).collect();
        let be: String = "{\"type\":1}".chars().flat_map(|c| ['\0', c]).collect();
        assert_eq!(sniff(&le), Some("utf16"));
        assert_eq!(sniff(&format!("\u{FFFD}\u{FFFD}{le}")), Some("utf16"));
        assert_eq!(sniff(&be), Some("utf16"));
        assert_eq!(sniff("PK\u{3}\u{4}\u{14}\0\0\0\0\0\0\0\0\0"), Some("zip"));
        assert_eq!(sniff("\0\0'\n\0\0\0\0\0\0\0\0\0\0\0\0"), Some("shapefile"));
        assert_eq!(sniff("<!DOCTYPE html><html>"), Some("html"));
        assert_eq!(sniff("<?xml version=\"1.0\"?><kml>"), Some("kml"));
        assert_eq!(sniff("POLYGON ((1 2, 3 4, 5 6, 1 2))"), Some("wkt"));
        assert_eq!(sniff(" \n "), Some("empty"));
        // JSON, and corner lines, are for their parsers to judge.
        assert_eq!(sniff("{\"type\": \"Polygon\u{FFFD}\"}"), None);
        assert_eq!(sniff("الف) E 510100 N 3951800"), None);
        assert_eq!(sniff("۳۵٫۷۱، ۵۱٫۱۱"), None);
    }

    #[test]
    fn messages_in_both_languages() {
        let m = "invalid type: string \"39\", expected u8 at line 4 column 20";
        assert_eq!(
            describe(m, Lang::En),
            "wrong type: found the text “39”, expected a whole number from 0 to 255 (line 4, column 20)"
        );
        assert_eq!(
            describe(m, Lang::Fa),
            "نوع نادرست: عدد صحیح از ۰ تا ۲۵۵ لازم است اما متن «39» آمده است (سطر ۴، ستون ۲۰)"
        );
        assert_eq!(
            describe(
                "unknown field `colr`, expected one of `id`, `kind`",
                Lang::En
            ),
            "unknown field “colr” (a typo?); allowed: id, kind"
        );
        assert_eq!(
            describe("something new", Lang::Fa),
            "خطای JSON: something new"
        );
    }
}
