//! CSV fields as RFC 4180 writes them, for every CSV Baft writes (the comparison, the
//! designation's blocks, `baft batch`).

/// A field, quoted when it holds a comma, a quote or a line break (`\n` or `\r`), its quotes
/// doubled.
///
/// ```
/// use baft_core::base::csv::field;
/// assert_eq!(field("QB-0232"), "QB-0232");
/// assert_eq!(field("Sarv, No. 61"), "\"Sarv, No. 61\"");
/// assert_eq!(field("a \"b\""), "\"a \"\"b\"\"\"");
/// assert_eq!(field("line\r\nbreak"), "\"line\r\nbreak\"");
/// ```
pub fn field(s: &str) -> String {
    match s.contains([',', '"', '\n', '\r']) {
        true => format!("\"{}\"", s.replace('"', "\"\"")),
        false => s.to_string(),
    }
}
