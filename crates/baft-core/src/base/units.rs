//! Numbers and units in words, in the language's digits: the one place numbers are formatted
//! for people (grouped thousands, decimals, m, km, m², %, rial and toman) and for messages
//! (trimmed floats, exponents for huge values).

use crate::Lang;

/// Formats a number with `decimals` places and thousands separators, in the language's
/// digits: `12,345.6` in English, `۱۲٬۳۴۵٫۶` in Persian.
///
/// ```
/// use baft_core::{base::units::format_number, Lang};
/// assert_eq!(format_number(12345.64, 1, Lang::En), "12,345.6");
/// assert_eq!(format_number(12345.64, 1, Lang::Fa), "۱۲٬۳۴۵٫۶");
/// ```
pub fn format_number(x: f64, decimals: usize, lang: crate::Lang) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let sep = match lang {
        crate::Lang::Fa => '٬',
        crate::Lang::En => ',',
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    let negative = x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push(match lang {
            crate::Lang::Fa => '٫',
            crate::Lang::En => '.',
        });
        out.push_str(&f);
    }
    match lang {
        crate::Lang::Fa => super::digits::to_persian_digits(&out),
        crate::Lang::En => out,
    }
}

/// Metres in words: "12.3 m" / "۱۲٫۳ متر"; "1.2 km" beyond 1,000 m.
pub fn metres(d: f64, lang: Lang) -> String {
    if d >= 1000.0 {
        format!(
            "{} {}",
            format_number(d / 1000.0, 2, lang),
            lang.pick("کیلومتر", "km")
        )
    } else {
        format!("{} {}", format_number(d, 1, lang), lang.pick("متر", "m"))
    }
}

/// m² in words.
pub fn square_metres(a: f64, lang: Lang) -> String {
    format!(
        "{} {}",
        format_number(a, 1, lang),
        lang.pick("متر مربع", "m²")
    )
}

/// A count of things, grouped in thousands, in the language's digits: `10,400` / `۱۰٬۴۰۰`.
/// (Ids, years, line numbers and a feature's index are written without separators, by
/// [`crate::base::digits::localize_digits`].)
///
/// ```
/// use baft_core::{base::units::count, Lang};
/// assert_eq!(count(10_400, Lang::En), "10,400");
/// assert_eq!(count(10_400, Lang::Fa), "۱۰٬۴۰۰");
/// assert_eq!(count(7, Lang::Fa), "۷");
/// ```
pub fn count(n: usize, lang: Lang) -> String {
    format_number(n as f64, 0, lang)
}

/// A file's size in megabytes (10⁶ bytes), two decimals: "۱٫۲۵ مگابایت" / "1.25 MB".
///
/// ```
/// use baft_core::{base::units::megabytes, Lang};
/// assert_eq!(megabytes(1_250_000, Lang::En), "1.25 MB");
/// assert_eq!(megabytes(1_250_000, Lang::Fa), "۱٫۲۵ مگابایت");
/// ```
pub fn megabytes(bytes: usize, lang: Lang) -> String {
    format!(
        "{} {}",
        format_number(bytes as f64 / 1e6, 2, lang),
        lang.pick("مگابایت", "MB")
    )
}

/// A percentage, one decimal: "۶۲٫۵٪" / "62.5%".
pub fn percent(share: f64, lang: Lang) -> String {
    let s = format_number(share * 100.0, 1, lang);
    say!(lang, "{s}٪", "{s}%")
}

/// Rials as "۳٬۵۰۰٬۰۰۰٬۰۰۰ ریال (۳۵۰ میلیون تومان)".
pub fn money(rial: f64, lang: Lang) -> String {
    let toman = rial / 10.0;
    let scaled = if toman.abs() >= 1e9 {
        format!(
            "{} {}",
            format_number(toman / 1e9, 2, lang),
            lang.pick("میلیارد تومان", "billion toman")
        )
    } else if toman.abs() >= 1e6 {
        format!(
            "{} {}",
            format_number(toman / 1e6, 1, lang),
            lang.pick("میلیون تومان", "million toman")
        )
    } else {
        format!(
            "{} {}",
            format_number(toman, 0, lang),
            lang.pick("تومان", "toman")
        )
    };
    format!(
        "{} {} ({scaled})",
        format_number(rial, 0, lang),
        lang.pick("ریال", "rial")
    )
}

/// A number as an error message quotes it: [`trim_float`], but very large values in exponent
/// form (`1e300`), as no one types them digit by digit.
pub fn error_number(x: f64) -> String {
    if x.is_finite() && x.abs() >= 1e9 {
        format!("{x:e}")
    } else {
        trim_float(x)
    }
}

/// A float without trailing zeros (at most 6 decimals).
pub fn trim_float(x: f64) -> String {
    if !x.is_finite() {
        return format!("{x}");
    }
    let s = format!("{x:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_both_languages() {
        assert_eq!(format_number(0.0, 0, Lang::Fa), "۰");
        assert_eq!(format_number(-1234.5, 1, Lang::En), "-1,234.5");
        assert_eq!(format_number(-0.01, 1, Lang::En), "0.0");
        assert_eq!(format_number(999.0, 0, Lang::En), "999");
        assert_eq!(format_number(1000.0, 0, Lang::En), "1,000");
    }
}
