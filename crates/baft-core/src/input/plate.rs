//! Registration plates (پلاک ثبتی) and municipal renovation codes (کد نوسازی), as owners type
//! them.
//!
//! A plate has a section (بخش), a main number (اصلی) and a sub number (فرعی), stored as separate
//! fields because written forms are read in different orders. Baft reads `123/45` as main/sub
//! (the common "۴۵ فرعی از ۱۲۳ اصلی" written main first) and also accepts:
//! `۱۲۳/۴۵`, `11-123/45` or `بخش ۱۱ پلاک ۱۲۳/۴۵` (with the section), `123 اصلی 45 فرعی`,
//! `45 فرعی از 123 اصلی`, and the section before or after the plate (`121/406 بخش 11`). When a search by main/sub finds nothing, the reverse order is tried.
//! A renovation code is digits and dashes, e.g. `0412-017`.
//!
//! ```
//! use baft_core::input::plate::{parse_plate, PlateQuery};
//! assert_eq!(parse_plate("بخش ۱۱ پلاک ۱۲۳/۴۵"), Some(PlateQuery { section: Some(11), main: 123, sub: 45 }));
//! assert_eq!(parse_plate("123/45"), Some(PlateQuery { section: None, main: 123, sub: 45 }));
//! assert_eq!(parse_plate("45 فرعی از 123 اصلی"), Some(PlateQuery { section: None, main: 123, sub: 45 }));
//! ```

use serde::Serialize;

/// A plate as searched: the section may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PlateQuery {
    /// The registration section (بخش); `None` when not given: plots of any section match.
    pub section: Option<u32>,
    /// The main number (اصلی).
    pub main: u32,
    /// The sub number (فرعی).
    pub sub: u32,
}

fn numbers(s: &str) -> Vec<(usize, u32)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c.is_ascii_digit() {
            if cur.is_empty() {
                start = i;
            }
            cur.push(c);
        } else if !cur.is_empty() {
            if let Ok(v) = cur.parse() {
                out.push((start, v));
            }
            cur.clear();
        }
    }
    if let Ok(v) = cur.parse() {
        out.push((start, v));
    }
    out
}

/// Reads a plate. `None` when the text isn't one.
pub fn parse_plate(text: &str) -> Option<PlateQuery> {
    let lower = plate_shaped(text)?;
    let nums = numbers(&lower);
    let (main, sub) = worded_numbers(&lower, &nums);
    let section = section_of(&lower, &nums);
    if let (Some(m), Some(s)) = (main, sub) {
        return Some(PlateQuery {
            section: section.map(|(_, v)| v),
            main: m,
            sub: s,
        });
    }
    // The section's number after the plate is not part of main/sub ("121/406 بخش 11"); before
    // the slash, it is read as the section-main/sub form ("بخش ۱۱ پلاک ۱۲۱/۴۰۶").
    let slash = lower.find('/').unwrap_or(usize::MAX);
    let rest: Vec<(usize, u32)> = nums
        .iter()
        .copied()
        .filter(|&(p, _)| !(section.is_some_and(|(at, _)| at == p) && p > slash))
        .collect();
    slash_plate(&lower, &rest, section.map(|(_, v)| v))
}

/// The text normalised and lower-cased, when it is short and holds only digits, separators
/// and plate words (and no decimal point between digits); else `None`.
fn plate_shaped(text: &str) -> Option<String> {
    if text.len() > 400 {
        return None;
    }
    // Arabic keyboards type ك and ي for Persian ک and ی ("پلاك").
    let lower = crate::base::letters::fold(text);
    if lower.is_empty() || lower.len() > 80 {
        return None;
    }
    // A decimal point between digits means coordinates (35.7/51.1), not a plate.
    let b = lower.as_bytes();
    if (1..b.len().saturating_sub(1))
        .any(|i| b[i] == b'.' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit())
    {
        return None;
    }
    let lower = deed_words(&lower);
    let allowed = |c: char| {
        c.is_ascii_digit() || c.is_whitespace() || "/-\\\\:،,.".contains(c) || c.is_alphabetic()
    };
    if !lower.chars().all(allowed) {
        return None;
    }
    let words_ok = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .all(|w| {
            [
                "بخش", "پلاک", "اصلی", "فرعی", "از", "section", "plate", "main", "sub", "no",
            ]
            .contains(&w)
        });
    if !words_ok {
        return None;
    }
    Some(lower)
}

/// A plate as a deed writes it, without the words that are not the plot's plate: `ثبتی`
/// (`پلاک ثبتی ۱۲۱/۴۰۶`), a unit's lot in the building (`قطعه ۲`), and the place after the
/// section (`بخش ۱۱ تهران`).
fn deed_words(lower: &str) -> String {
    let number = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
    };
    let words: Vec<&str> = lower.split_whitespace().collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    let mut k = 0;
    while k < words.len() {
        match words[k] {
            "قطعه" if words.get(k + 1).is_some_and(|w| number(w)) => k += 2,
            "ثبتی" | "تفکیکی" => k += 1,
            w => {
                out.push(w);
                k += 1;
            }
        }
    }
    // The place after the section's number: words only, to the end.
    if let Some(i) = out.iter().rposition(|w| *w == "بخش") {
        let place = out.get(i + 2..).unwrap_or_default();
        if out.get(i + 1).is_some_and(|w| number(w))
            && !place.is_empty()
            && place.iter().all(|w| w.chars().all(char::is_alphabetic))
        {
            out.truncate(i + 2);
        }
    }
    out.join(" ")
}

/// The main and sub numbers named by the word after them ("45 فرعی از 123 اصلی",
/// "123 اصلی 45 فرعی"); the last of each wins.
fn worded_numbers(lower: &str, nums: &[(usize, u32)]) -> (Option<u32>, Option<u32>) {
    let word_after = |pos: usize| {
        lower[pos..]
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start()
            .to_string()
    };
    let mut main = None;
    let mut sub = None;
    for &(pos, v) in nums {
        let after = word_after(pos);
        if after.starts_with("اصلی") || after.starts_with("main") {
            main = Some(v);
        } else if after.starts_with("فرعی") || after.starts_with("sub") {
            sub = Some(v);
        }
    }
    (main, sub)
}

/// The first number after the section word (بخش or section), with its position, if any.
fn section_of(lower: &str, nums: &[(usize, u32)]) -> Option<(usize, u32)> {
    let p = lower.find("بخش").or_else(|| lower.find("section"))?;
    nums.iter().find(|(pos, _)| *pos > p).copied()
}

/// Reads the slash forms, [section -] main / sub; a section before the slash must agree with
/// `section` when both are given.
fn slash_plate(lower: &str, nums: &[(usize, u32)], mut section: Option<u32>) -> Option<PlateQuery> {
    let slash = lower.find('/')?;
    let before: Vec<u32> = nums
        .iter()
        .filter(|(p, _)| *p < slash)
        .map(|(_, v)| *v)
        .collect();
    let after: Vec<u32> = nums
        .iter()
        .filter(|(p, _)| *p > slash)
        .map(|(_, v)| *v)
        .collect();
    if after.len() != 1 || before.is_empty() || before.len() > 2 {
        return None;
    }
    let main = *before.last()?;
    if section.is_none() && before.len() == 2 {
        section = Some(before[0]);
    }
    if section.is_some() && before.len() == 2 && section != Some(before[0]) {
        return None;
    }
    Some(PlateQuery {
        section,
        main,
        sub: after[0],
    })
}

/// Whether text that is neither a location nor a plate was probably meant as a plate or a
/// renovation code: a plate or code word, a slash next to a digit, or digits, a dash and a
/// digit (`۱۲۱/۱x`, `پلاک ۱۲`, `0412-017x`). Links and `geo:` URIs are not.
pub fn looks_like_plate(text: &str) -> bool {
    if text.len() > 400 {
        return false;
    }
    let t = crate::base::letters::fold(text);
    if t.contains("://") || t.trim_start().starts_with("geo:") {
        return false;
    }
    let words = [
        "پلاک",
        "بخش",
        "اصلی",
        "فرعی",
        "کد",
        "نوسازی",
        "plate",
        "section",
        "code",
    ];
    if words.iter().any(|w| t.contains(w)) && t.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    let c: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect();
    (1..c.len()).any(|i| {
        let (a, b) = (c[i - 1], c[i]);
        (matches!(b, '/' | '\\') && a.is_ascii_digit())
            || (matches!(a, '/' | '\\') && b.is_ascii_digit())
            || (a == '-'
                && b.is_ascii_digit()
                && i >= 4
                && c[i - 4..i - 1].iter().all(|d| d.is_ascii_digit()))
    })
}

/// Reads a renovation code (digits with dashes, e.g. `0412-017`), normalised to ASCII.
pub fn parse_renovation_code(text: &str) -> Option<String> {
    if text.len() > 200 {
        return None;
    }
    let t = crate::base::digits::normalize(text);
    let mut words: Vec<&str> = t.split_whitespace().collect();
    let code = words.pop()?;
    if !words.iter().all(|w| {
        ["کد", "نوسازی", "code", "renovation", ":"]
            .contains(&w.to_lowercase().trim_end_matches(':'))
    }) {
        return None;
    }
    let ok = code.contains('-')
        && code.len() <= 24
        && code.chars().all(|c| c.is_ascii_digit() || c == '-')
        && code.chars().filter(|c| c.is_ascii_digit()).count() >= 4;
    ok.then(|| code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plates_in_every_form() {
        let q = |s: Option<u32>, m, sub| {
            Some(PlateQuery {
                section: s,
                main: m,
                sub,
            })
        };
        assert_eq!(parse_plate("۱۲۳/۴۵"), q(None, 123, 45));
        assert_eq!(parse_plate("١٢٣/٤٥"), q(None, 123, 45));
        assert_eq!(parse_plate(" 123 / 45 "), q(None, 123, 45));
        assert_eq!(parse_plate("11-123/45"), q(Some(11), 123, 45));
        assert_eq!(parse_plate("بخش ۱۱ پلاک ۱۲۳/۴۵"), q(Some(11), 123, 45));
        assert_eq!(parse_plate("پلاک ۱۲۳/۴۵"), q(None, 123, 45));
        assert_eq!(parse_plate("123 اصلی 45 فرعی"), q(None, 123, 45));
        assert_eq!(
            parse_plate("۴۵ فرعی از ۱۲۳ اصلی بخش ۱۱"),
            q(Some(11), 123, 45)
        );
        assert_eq!(parse_plate("\u{200F}۱۲۳/۴۵\u{200E}"), q(None, 123, 45));
        assert_eq!(parse_plate("بخش ۱۱ پلاك ۱۲۳/۴۵"), q(Some(11), 123, 45));
        // The orders owners write on forms (issue 12).
        assert_eq!(parse_plate("121/406 بخش 11"), q(Some(11), 121, 406));
        assert_eq!(parse_plate("پلاک ۱۲۱/۴۰۶ بخش ۱۱"), q(Some(11), 121, 406));
        assert_eq!(parse_plate("بخش ۱۱ پلاک ۱۲۱/۴۰۶"), q(Some(11), 121, 406));
        assert_eq!(parse_plate("۴۰۶ فرعی از ۱۲۱ اصلی"), q(None, 121, 406));
        assert_eq!(parse_plate("121/406 section 11"), q(Some(11), 121, 406));
        // A number before the section word that disagrees with it is no plate.
        assert_eq!(parse_plate("۱۱ بخش ۱۲۱/۴۰۶"), None);
    }

    #[test]
    fn not_plates() {
        for t in [
            "",
            "hello",
            "35.71, 51.11",
            "123/45/6",
            "123",
            "/45",
            "12a/45",
            "بلوک ۱۲۳/۴۵",
            "0412-017",
        ] {
            assert_eq!(parse_plate(t), None, "{t}");
        }
    }

    #[test]
    fn renovation_codes() {
        assert_eq!(parse_renovation_code("۰۴۱۲-۰۱۷"), Some("0412-017".into()));
        assert_eq!(
            parse_renovation_code("کد نوسازی 0412-017"),
            Some("0412-017".into())
        );
        assert_eq!(parse_renovation_code("123/45"), None);
        assert_eq!(parse_renovation_code("12-3"), None);
    }
}
