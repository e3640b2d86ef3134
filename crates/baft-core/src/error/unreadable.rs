//! Why a file could not be read: a kind each language words, never the system's English
//! matched back to Persian.

use crate::Lang;
use serde::Serialize;

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "why", rename_all = "snake_case")]
pub enum Unreadable {
    /// There is no such file (or the manifest lists one that was not given).
    NotFound,
    /// The system does not allow reading it.
    PermissionDenied,
    /// The path is a folder.
    IsADirectory,
    /// The bytes are not UTF-8 text.
    NotUtf8,
    /// The web server answered with this HTTP status (404, 500, …).
    Http {
        /// The status code.
        status: u16,
    },
    /// Anything else, in the system's or the browser's own words, shown as they are.
    Other {
        /// The system's words.
        text: String,
    },
}

impl Unreadable {
    /// The reason for a failed read of the file system.
    pub fn from_io(e: &std::io::Error) -> Self {
        use std::io::ErrorKind;
        match e.kind() {
            ErrorKind::NotFound => Unreadable::NotFound,
            ErrorKind::PermissionDenied => Unreadable::PermissionDenied,
            ErrorKind::IsADirectory => Unreadable::IsADirectory,
            ErrorKind::InvalidData => Unreadable::NotUtf8,
            _ => Unreadable::Other {
                text: e.to_string(),
            },
        }
    }

    /// The reason an error gives for a file: its own for [`super::BaftError::Io`], otherwise
    /// the error's English words.
    pub fn of(e: &super::BaftError) -> Self {
        match e {
            super::BaftError::Io { why, .. } => why.clone(),
            other => Unreadable::Other {
                text: other.message(Lang::En),
            },
        }
    }

    /// The reason in words.
    pub fn words(&self, lang: Lang) -> String {
        match self {
            Unreadable::NotFound => say!(
                lang,
                "چنین فایل یا پوشه‌ای نیست",
                "No such file or directory"
            ),
            Unreadable::PermissionDenied => say!(lang, "اجازهٔ خواندن نیست", "Permission denied"),
            Unreadable::IsADirectory => say!(lang, "پوشه است، نه فایل", "Is a directory"),
            Unreadable::NotUtf8 => say!(lang, "متن UTF-8 نیست", "not UTF-8 text"),
            Unreadable::Http { status } => {
                let n = crate::base::digits::to_persian_digits(&status.to_string());
                say!(lang, "پاسخ سرور HTTP {n}", "HTTP {status}")
            }
            Unreadable::Other { text } => text.clone(),
        }
    }
}
