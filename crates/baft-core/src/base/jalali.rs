//! The Solar Hijri (Jalali, هجری شمسی) calendar, Iran's official calendar.
//!
//! Conversion uses the 33-year arithmetic cycle (the algorithm of Borkowski as popularised
//! by jalaali-js), exact for Jalali years 1178–1633 (Gregorian 1799–2256), which covers
//! every approval date and validity period Baft deals with.
//!
//! ```
//! use baft_core::base::jalali::{JalaliDate, GregorianDate};
//! let j = JalaliDate::from_gregorian(GregorianDate { year: 2023, month: 3, day: 21 });
//! assert_eq!((j.year, j.month, j.day), (1402, 1, 1));
//! assert_eq!(j.to_gregorian(), GregorianDate { year: 2023, month: 3, day: 21 });
//! ```

use serde::{Deserialize, Serialize};
use std::fmt;

/// A date in the Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct GregorianDate {
    /// Year, e.g. 2023.
    pub year: i32,
    /// Month, 1 (January) to 12 (December).
    pub month: u32,
    /// Day of the month, from 1.
    pub day: u32,
}

/// A date in the Jalali calendar; months 1–6 have 31 days, 7–11 have 30, Esfand 29 or 30.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct JalaliDate {
    /// Solar Hijri year, e.g. 1402.
    pub year: i32,
    /// Month, 1 (Farvardin) to 12 (Esfand).
    pub month: u32,
    /// Day of the month, from 1.
    pub day: u32,
}

/// Persian month names, Farvardin to Esfand.
pub const MONTHS_FA: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];
/// Latin transliterations of the month names.
pub const MONTHS_EN: [&str; 12] = [
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
];

const BREAKS: [i32; 20] = [
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324,
    2394, 2456, 3178,
];

/// Truncating division, as in the reference algorithm (JavaScript's `~~(a / b)`).
fn div(a: i64, b: i64) -> i64 {
    a / b
}

/// (leap offset, gregorian year of Farvardin 1, day in March of Farvardin 1)
fn jal_cal(jy: i32) -> (i64, i32, i64) {
    let gy = jy + 621;
    let mut leap_j: i64 = -14;
    let mut jp = BREAKS[0] as i64;
    let jy = jy as i64;
    let mut jump = 0i64;
    for &b in BREAKS.iter().skip(1) {
        let jm = b as i64;
        jump = jm - jp;
        if jy < jm {
            break;
        }
        leap_j += div(jump, 33) * 8 + div(jump % 33, 4);
        jp = jm;
    }
    let mut n = jy - jp;
    leap_j += div(n, 33) * 8 + div(n % 33 + 3, 4);
    if jump % 33 == 4 && jump - n == 4 {
        leap_j += 1;
    }
    let leap_g = div(gy as i64, 4) - div((div(gy as i64, 100) + 1) * 3, 4) - 150;
    let march = 20 + leap_j - leap_g;
    if jump - n < 6 {
        n = n - jump + div(jump + 4, 33) * 33;
    }
    let mut leap = ((n + 1) % 33 - 1) % 4;
    if leap == -1 {
        leap = 4;
    }
    (leap, gy, march)
}

fn g2d(gy: i32, gm: u32, gd: u32) -> i64 {
    let (gy, gm, gd) = (gy as i64, gm as i64, gd as i64);
    let d = div((gy + div(gm - 8, 6) + 100100) * 1461, 4) + div(153 * ((gm + 9) % 12) + 2, 5) + gd
        - 34840408;
    d - div(div(gy + 100100 + div(gm - 8, 6), 100) * 3, 4) + 752
}

fn d2g(jdn: i64) -> GregorianDate {
    let mut j = 4 * jdn + 139361631;
    j = j + div(div(4 * jdn + 183187720, 146097) * 3, 4) * 4 - 3908;
    let i = div(j % 1461, 4) * 5 + 308;
    let gd = div(i % 153, 5) + 1;
    let gm = div(i, 153) % 12 + 1;
    let gy = div(j, 1461) - 100100 + div(8 - gm, 6);
    GregorianDate {
        year: gy as i32,
        month: gm as u32,
        day: gd as u32,
    }
}

impl GregorianDate {
    /// Parses `YYYY-MM-DD`, checking that the day exists.
    pub fn parse_iso(s: &str) -> Option<GregorianDate> {
        let s = crate::base::digits::normalize(s);
        let mut it = s.trim().splitn(3, '-');
        let y: i32 = it.next()?.parse().ok()?;
        let m: u32 = it.next()?.parse().ok()?;
        let d: u32 = it.next()?.parse().ok()?;
        let g = GregorianDate {
            year: y,
            month: m,
            day: d,
        };
        ((1..=12).contains(&m) && d >= 1 && d2g(g2d(y, m, d)) == g).then_some(g)
    }
    /// Days since 1970-01-01 (the Unix epoch) to this date.
    pub fn days_since_unix_epoch(self) -> i64 {
        g2d(self.year, self.month, self.day) - g2d(1970, 1, 1)
    }
    /// The date `days` after 1970-01-01.
    pub fn from_days_since_unix_epoch(days: i64) -> GregorianDate {
        d2g(g2d(1970, 1, 1) + days)
    }
    /// The day in Iran `unix_seconds` after the Unix epoch: Iran Standard Time, UTC+03:30 (Iran
    /// has kept no daylight saving time since 2022). Packages' validity days are Iranian days, so
    /// the CLI judges them on this day whatever its computer's time zone (a server on UTC is a
    /// day behind from midnight to 03:30 in Tehran).
    ///
    /// ```
    /// use baft_core::base::jalali::GregorianDate;
    /// // 2026-12-04 21:00 UTC is 00:30 on the 5th in Tehran.
    /// let t = GregorianDate::parse_iso("2026-12-04").unwrap().days_since_unix_epoch() * 86_400;
    /// assert_eq!(GregorianDate::in_iran_at(t + 21 * 3600).to_string(), "2026-12-05");
    /// assert_eq!(GregorianDate::in_iran_at(t + 20 * 3600).to_string(), "2026-12-04");
    /// ```
    pub fn in_iran_at(unix_seconds: i64) -> GregorianDate {
        Self::from_days_since_unix_epoch((unix_seconds + 12_600).div_euclid(86_400))
    }
    /// A day as a person types it: Jalali (`1405/09/05`, any digits) or ISO (`2026-11-26`). The
    /// CLI's `--date` and the JS API's `setDate` read it here; [`day_error`] says what is wanted.
    ///
    /// ```
    /// use baft_core::base::jalali::GregorianDate;
    /// assert_eq!(GregorianDate::parse_day("۱۴۰۵/۰۹/۰۵").unwrap().to_string(), "2026-11-26");
    /// assert_eq!(GregorianDate::parse_day(" 2026-11-26 ").unwrap().to_string(), "2026-11-26");
    /// assert_eq!(GregorianDate::parse_day("1405/13/01"), None);
    /// ```
    pub fn parse_day(s: &str) -> Option<GregorianDate> {
        JalaliDate::parse(s)
            .map(JalaliDate::to_gregorian)
            .or_else(|| Self::parse_iso(s))
    }
}

/// What a day must look like, for a day [`GregorianDate::parse_day`] could not read.
pub fn day_error(lang: crate::Lang) -> &'static str {
    lang.pick(
        "تاریخ باید شمسی (۱۴۰۵/۰۹/۰۵) یا میلادی (۲۰۲۶-۱۱-۲۶) باشد",
        "the date must be Jalali (1405/09/05) or ISO (2026-11-26)",
    )
}

impl fmt::Display for GregorianDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl JalaliDate {
    /// Whether `year` is a leap year (Esfand has 30 days).
    pub fn is_leap_year(year: i32) -> bool {
        jal_cal(year).0 == 0
    }
    /// Number of days in a month of a year.
    pub fn month_length(year: i32, month: u32) -> u32 {
        match month {
            1..=6 => 31,
            7..=11 => 30,
            _ if Self::is_leap_year(year) => 30,
            _ => 29,
        }
    }
    /// Converts from the Gregorian calendar.
    pub fn from_gregorian(g: GregorianDate) -> JalaliDate {
        let jdn = g2d(g.year, g.month, g.day);
        let gy = d2g(jdn).year;
        let mut jy = gy - 621;
        let (leap, _, march) = jal_cal(jy);
        let jdn1f = g2d(gy, 3, march as u32);
        let mut k = jdn - jdn1f;
        if k >= 0 {
            if k <= 185 {
                return JalaliDate {
                    year: jy,
                    month: (1 + div(k, 31)) as u32,
                    day: (k % 31 + 1) as u32,
                };
            }
            k -= 186;
        } else {
            jy -= 1;
            k += 179;
            if leap == 1 {
                k += 1;
            }
        }
        JalaliDate {
            year: jy,
            month: (7 + div(k, 30)) as u32,
            day: (k % 30 + 1) as u32,
        }
    }
    /// Converts to the Gregorian calendar.
    pub fn to_gregorian(self) -> GregorianDate {
        let (_, gy, march) = jal_cal(self.year);
        let m = self.month as i64;
        let jdn =
            g2d(gy, 3, march as u32) + (m - 1) * 31 - div(m, 7) * (m - 7) + self.day as i64 - 1;
        d2g(jdn)
    }
    /// Parses `1402/05/14` or `1402-05-14`, in any digits, checking that the day exists.
    pub fn parse(s: &str) -> Option<JalaliDate> {
        let s = crate::base::digits::normalize(s);
        let parts: Vec<&str> = s.trim().split(['/', '-']).collect();
        if parts.len() != 3 {
            return None;
        }
        let y: i32 = parts[0].trim().parse().ok()?;
        let m: u32 = parts[1].trim().parse().ok()?;
        let d: u32 = parts[2].trim().parse().ok()?;
        if !(1..=12).contains(&m)
            || !(1178..=1633).contains(&y)
            || d < 1
            || d > Self::month_length(y, m)
        {
            return None;
        }
        Some(JalaliDate {
            year: y,
            month: m,
            day: d,
        })
    }
    /// `1402/05/14` in the language's digits, or `14 Mordad 1402` style with [`Self::long`].
    pub fn short(self, lang: crate::Lang) -> String {
        crate::base::digits::localize_digits(
            &format!("{:04}/{:02}/{:02}", self.year, self.month, self.day),
            lang,
        )
    }
    /// `۱۴ مرداد ۱۴۰۲` / `14 Mordad 1402`.
    pub fn long(self, lang: crate::Lang) -> String {
        let i = (self.month as usize).clamp(1, 12) - 1;
        match lang {
            crate::Lang::Fa => crate::base::digits::to_persian_digits(&format!(
                "{} {} {}",
                self.day, MONTHS_FA[i], self.year
            )),
            crate::Lang::En => format!("{} {} {}", self.day, MONTHS_EN[i], self.year),
        }
    }
}

impl fmt::Display for JalaliDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}/{:02}/{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(y: i32, m: u32, d: u32) -> GregorianDate {
        GregorianDate {
            year: y,
            month: m,
            day: d,
        }
    }
    fn j(y: i32, m: u32, d: u32) -> JalaliDate {
        JalaliDate {
            year: y,
            month: m,
            day: d,
        }
    }

    #[test]
    fn known_dates() {
        // Nowruz dates and two dated documents from the domain notes.
        assert_eq!(JalaliDate::from_gregorian(g(2020, 3, 20)), j(1399, 1, 1));
        assert_eq!(JalaliDate::from_gregorian(g(2025, 3, 21)), j(1404, 1, 1));
        assert_eq!(j(1401, 6, 21).to_gregorian(), g(2022, 9, 12)); // Supreme Council resolution
        assert_eq!(j(1401, 7, 16).to_gregorian(), g(2022, 10, 8)); // notified
        assert_eq!(j(1389, 10, 12).to_gregorian(), g(2011, 1, 2)); // the 1389 law
        assert_eq!(j(1403, 12, 30).to_gregorian(), g(2025, 3, 20)); // 1403 is leap
    }

    #[test]
    fn leap_years() {
        assert!(JalaliDate::is_leap_year(1399));
        assert!(JalaliDate::is_leap_year(1403));
        assert!(!JalaliDate::is_leap_year(1402));
        assert!(JalaliDate::parse("1402/12/30").is_none());
        assert!(JalaliDate::parse("1403/12/30").is_some());
    }

    #[test]
    fn round_trip_every_day_for_sixty_years() {
        let start = GregorianDate {
            year: 1990,
            month: 1,
            day: 1,
        }
        .days_since_unix_epoch();
        let mut prev: Option<JalaliDate> = None;
        for d in start..start + 365 * 60 {
            let gd = GregorianDate::from_days_since_unix_epoch(d);
            let jd = JalaliDate::from_gregorian(gd);
            assert_eq!(jd.to_gregorian(), gd);
            if let Some(p) = prev {
                assert!(jd > p, "{p} then {jd}");
            }
            prev = Some(jd);
        }
    }

    #[test]
    fn parsing_and_formatting() {
        assert_eq!(JalaliDate::parse("۱۴۰۲/۰۵/۱۴"), Some(j(1402, 5, 14)));
        assert_eq!(j(1402, 5, 14).short(crate::Lang::Fa), "۱۴۰۲/۰۵/۱۴");
        assert_eq!(j(1402, 5, 14).long(crate::Lang::En), "14 Mordad 1402");
        assert_eq!(GregorianDate::parse_iso("2023-08-05"), Some(g(2023, 8, 5)));
        assert_eq!(GregorianDate::parse_iso("2023-02-30"), None);
    }
}
