//! The two interface languages: Persian (فارسی, the default) and English, and [`say!`], the one
//! way a sentence is written in both.
//!
//! ```
//! use baft_core::{say, Lang};
//! let n = 3;
//! assert_eq!(say!(Lang::En, "{n} بلوک", "{n} blocks"), "3 blocks");
//! assert_eq!(say!(Lang::Fa, "{n} بلوک", "{n} blocks"), "3 بلوک");
//! ```

use serde::{Deserialize, Serialize};

/// An interface language. Persian comes first and is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// فارسی: right to left, Persian digits, Jalali dates.
    #[default]
    Fa,
    /// English: left to right, Latin digits; Gregorian dates beside Jalali ones.
    En,
}

impl Lang {
    /// Parses `fa`/`en` (also `persian`, `farsi`, `english`), case-insensitively.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fa" | "fa-ir" | "persian" | "farsi" => Some(Lang::Fa),
            "en" | "en-us" | "en-gb" | "english" => Some(Lang::En),
            _ => None,
        }
    }
    /// The BCP 47 code, for `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fa => "fa",
            Lang::En => "en",
        }
    }
    /// `rtl` for Persian, `ltr` for English.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Fa => "rtl",
            Lang::En => "ltr",
        }
    }
    /// Picks the Persian or the English text.
    pub fn pick<'a>(self, fa: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fa => fa,
            Lang::En => en,
        }
    }
}

/// A sentence in Persian and English, side by side: `say!(lang, "فارسی {x}", "English {x}")`
/// gives the one for `lang` as a `String`. Both texts are format strings; they capture the same
/// variables from the scope (or take the same arguments after them), so a translator sees every sentence whole, in both languages, in
/// one place in the source (`scripts/catalogue.py` lists them all).
#[macro_export]
macro_rules! say {
    ($lang:expr, $fa:literal, $en:literal $(,)?) => {
        match $lang {
            $crate::Lang::Fa => format!($fa),
            $crate::Lang::En => format!($en),
        }
    };
    ($lang:expr, $fa:literal, $en:literal, $($arg:tt)+) => {
        match $lang {
            $crate::Lang::Fa => format!($fa, $($arg)+),
            $crate::Lang::En => format!($en, $($arg)+),
        }
    };
}
