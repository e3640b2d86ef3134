//! Errors in the manifest: the JSON path of the field and what is wrong.

use crate::base::LocalText;
use crate::Lang;
use serde::Serialize;

/// A manifest problem: the JSON path of the field and what is wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ManifestError {
    /// JSON path of the field, e.g. `layers[0].versions[1].approved`; empty when the error is
    /// about the file as a whole (not JSON, or a syntax error).
    pub field: String,
    /// What is wrong, in Persian and English.
    pub detail: LocalText,
}

impl ManifestError {
    pub(crate) fn new(field: impl Into<String>, fa: String, en: String) -> Self {
        ManifestError {
            field: field.into(),
            detail: LocalText { fa, en },
        }
    }
    /// `manifest.json, field “layers[0].kind”: …` (without a field for a syntax error).
    pub fn message(&self, lang: Lang) -> String {
        match (lang, self.field.is_empty()) {
            (Lang::Fa, true) => format!("manifest.json: {}", self.detail.fa),
            (Lang::En, true) => format!("manifest.json: {}", self.detail.en),
            (Lang::Fa, false) => {
                format!("manifest.json، فیلد «{}»: {}", self.field, self.detail.fa)
            }
            (Lang::En, false) => {
                format!("manifest.json, field “{}”: {}", self.field, self.detail.en)
            }
        }
    }

    /// The error for a manifest serde can't read: not JSON at all, a syntax error (no field;
    /// the line and column in the words) or a field of the wrong form (its JSON path).
    pub(crate) fn from_serde(text: &str, e: &serde_json::Error) -> Self {
        use crate::read::json_error::{describe, explain, not_json, sniff};
        if let Some(format) = sniff(text) {
            return ManifestError::new("", not_json(format, Lang::Fa), not_json(format, Lang::En));
        }
        let x = explain(text, e);
        if x.syntax {
            ManifestError::new(
                "",
                format!("خطای نحوی JSON: {}", describe(&x.detail, Lang::Fa)),
                format!("JSON syntax error: {}", describe(&x.detail, Lang::En)),
            )
        } else {
            ManifestError::new(
                x.field,
                describe(&x.detail, Lang::Fa),
                describe(&x.detail, Lang::En),
            )
        }
    }
}
