//! Why a question has no answer: what was typed or asked can't be used, or a fact can't be read.

use crate::packages::facts::FactError;
use crate::{BaftError, Lang};
use serde::Serialize;

/// Why a question has no answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum AskError {
    /// The text, point or plot can't be used (or the data lacks what it needs).
    Input(BaftError),
    /// One of the owner's facts can't be read.
    Facts(FactError),
}

impl AskError {
    /// The error in words, naming what is wrong.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AskError::Input(e) => e.message(lang),
            AskError::Facts(e) => e.message(lang),
        }
    }

    /// A stable code for tooling and tests: the input error's `code`, or `unknown_fact` /
    /// `bad_fact_value` / `bad_neighbour_area`.
    pub fn code(&self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.get("code")?.as_str().map(String::from))
            .unwrap_or_default()
    }
}

impl From<BaftError> for AskError {
    fn from(e: BaftError) -> Self {
        AskError::Input(e)
    }
}

impl From<FactError> for AskError {
    fn from(e: FactError) -> Self {
        AskError::Facts(e)
    }
}
