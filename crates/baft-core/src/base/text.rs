//! Text in two languages.

use crate::Lang;
use serde::{Deserialize, Serialize};

/// A text in Persian and English.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalText {
    /// The Persian text; when empty, [`LocalText::get`] gives the English one.
    pub fa: String,
    /// The English text; when empty, [`LocalText::get`] gives the Persian one.
    pub en: String,
}

impl LocalText {
    /// A text from its Persian and English forms.
    pub fn new(fa: &str, en: &str) -> Self {
        LocalText {
            fa: fa.into(),
            en: en.into(),
        }
    }
    /// The text in `lang`, falling back to the other language when empty.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fa if !self.fa.is_empty() => &self.fa,
            Lang::En if !self.en.is_empty() => &self.en,
            _ if self.fa.is_empty() => &self.en,
            _ => &self.fa,
        }
    }
}
