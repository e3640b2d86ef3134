//! "This data file is wrong at this field": the one error type of the published JSON files
//! that are not GeoJSON (the manifest and the packages file), and the checks both files share.
//!
//! A [`FieldError`] names the file, the section (a package or a part of the packages file),
//! the field's JSON path, a [`FieldKind`] that programs can sort on, and the words in both
//! languages, written where the check is made: nothing is matched back from English.

use crate::base::digits::quote_in_persian_digits as fa_digits;
use crate::base::LocalText;
use crate::Lang;
use serde::Serialize;

/// Which published file a [`FieldError`] is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DataFile {
    /// `manifest.json`.
    Manifest,
    /// The incentive packages file the manifest lists.
    Packages,
}

impl DataFile {
    /// The section that stands for the file as a whole: `file` in the packages file; the
    /// manifest has no sections.
    fn whole(self) -> &'static str {
        match self {
            DataFile::Manifest => "",
            DataFile::Packages => "file",
        }
    }
}

/// What kind of mistake a field holds, for programs that sort or count errors; the words are
/// in [`FieldError::detail`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// The file is not JSON at all (a ZIP archive, an empty or UTF-16 file, …).
    NotJson,
    /// A JSON syntax error (the words give the line and column).
    Syntax,
    /// A field of the wrong type, missing, unknown, or an unknown value (serde's reading).
    WrongForm,
    /// A format version or a coordinate system this build does not read.
    Unsupported,
    /// An id given twice.
    Duplicate,
    /// Something required is empty or absent (an id, a layer, a version, a condition).
    Missing,
    /// A number, a point or an envelope outside what is allowed.
    OutOfRange,
    /// A date that is not a date.
    BadDate,
    /// A Jalali and an ISO date that are not the same day.
    DatesDisagree,
    /// A file path that leaves the data folder or is absolute.
    BadPath,
    /// A value of the right type that can't be used (an origin that is not an origin, a
    /// condition whose operators do not fit its fact).
    BadValue,
    /// A reference to something that does not exist (a version, a package, a layer).
    Unknown,
    /// Two values in the wrong order (validity that ends before it starts).
    Order,
}

/// A published data file wrong at a field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldError {
    /// The file.
    pub file: DataFile,
    /// Packages file: the package id, or the section (`valuation`, `stacking`, `file` for the
    /// file as a whole). Empty in the manifest.
    pub section: String,
    /// JSON path of the field (in the section, for the packages file), e.g.
    /// `layers[0].versions[1].approved`; empty when the error is about the file as a whole.
    pub field: String,
    /// What kind of mistake it is.
    pub kind: FieldKind,
    /// What is wrong, in Persian and English.
    pub detail: LocalText,
}

impl FieldError {
    /// An error in `manifest.json` at `field`.
    pub(crate) fn manifest(
        field: impl Into<String>,
        kind: FieldKind,
        fa: String,
        en: String,
    ) -> Self {
        Self::in_file(DataFile::Manifest, "", field, kind, LocalText { fa, en })
    }

    /// An error in the packages file, in `section` (a package id or a section) at `field`.
    pub(crate) fn package(
        section: &str,
        field: impl Into<String>,
        kind: FieldKind,
        fa: String,
        en: String,
    ) -> Self {
        Self::in_file(
            DataFile::Packages,
            section,
            field,
            kind,
            LocalText { fa, en },
        )
    }

    fn in_file(
        file: DataFile,
        section: &str,
        field: impl Into<String>,
        kind: FieldKind,
        detail: LocalText,
    ) -> Self {
        FieldError {
            file,
            section: section.into(),
            field: field.into(),
            kind,
            detail,
        }
    }

    /// Where and what, without the file's name: `field “layers[0].kind”: …`, or for the
    /// packages file `package “p”, field “f”: …`; the sections `valuation` and `stacking` are
    /// named as such, and `file` (the packages file as a whole) by its field alone.
    pub fn what(&self, lang: Lang) -> String {
        let d = self.detail.get(lang);
        let s = self.section.as_str();
        let whom = match (self.file, s) {
            (DataFile::Manifest, _) | (_, "file" | "") => None,
            (_, "valuation" | "stacking") => Some(say!(lang, "بخش «{s}»", "section “{s}”")),
            _ => Some(say!(lang, "بستهٔ «{s}»", "package “{s}”")),
        };
        let f = &self.field;
        let field = (!f.is_empty()).then(|| say!(lang, "فیلد «{f}»", "field “{f}”"));
        let place: Vec<String> = whom.into_iter().chain(field).collect();
        if place.is_empty() {
            d.to_string()
        } else {
            format!("{}: {d}", place.join(lang.pick("، ", ", ")))
        }
    }

    /// The error as a message on its own. The manifest's name its file
    /// (`manifest.json, field “layers[0].kind”: …`); the packages file's are [`Self::what`]
    /// (their reader names the file, which the manifest chooses).
    pub fn message(&self, lang: Lang) -> String {
        match (self.file, self.field.is_empty()) {
            (DataFile::Packages, _) => self.what(lang),
            (DataFile::Manifest, true) => format!("manifest.json: {}", self.what(lang)),
            (DataFile::Manifest, false) => {
                format!("manifest.json{}{}", lang.pick("، ", ", "), self.what(lang))
            }
        }
    }

    /// The error for a file serde can't read: not JSON at all, a syntax error (no field; the
    /// line and column in the words) or a field of the wrong form (its JSON path). The packages
    /// file's are in its section `file`.
    pub(crate) fn from_serde(file: DataFile, text: &str, e: &serde_json::Error) -> Self {
        use crate::read::json_error::{describe, explain, not_json, sniff};
        let section = file.whole();
        let at = |field: String, kind, fa, en| {
            Self::in_file(file, section, field, kind, LocalText { fa, en })
        };
        if let Some(format) = sniff(text) {
            let (fa, en) = (not_json(format, Lang::Fa), not_json(format, Lang::En));
            return at(String::new(), FieldKind::NotJson, fa, en);
        }
        let x = explain(text, e);
        let words = |lang| describe(&x.detail, lang);
        if x.syntax {
            let (fa, en) = (words(Lang::Fa), words(Lang::En));
            let fa = format!("خطای نحوی JSON: {fa}");
            at(
                String::new(),
                FieldKind::Syntax,
                fa,
                format!("JSON syntax error: {en}"),
            )
        } else {
            at(
                x.field.clone(),
                FieldKind::WrongForm,
                words(Lang::Fa),
                words(Lang::En),
            )
        }
    }

    /// The file's `format_version` when this build does not read it.
    pub(crate) fn version(file: DataFile, found: u32, supported: u32) -> Option<Self> {
        (found != supported).then(|| {
            let fa = crate::base::digits::to_persian_digits(&format!(
                "نسخهٔ {found} پشتیبانی نمی‌شود (فقط {supported})"
            ));
            let en = format!("version {found} is not supported (only {supported})");
            let detail = LocalText { fa, en };
            Self::in_file(
                file,
                file.whole(),
                "format_version",
                FieldKind::Unsupported,
                detail,
            )
        })
    }

    /// A date in both calendars at `field` (in `section`): the error when either is not a date
    /// or the two are not the same day.
    pub(crate) fn date(
        file: DataFile,
        section: &str,
        field: &str,
        d: &crate::read::manifest::ApprovalDate,
    ) -> Option<Self> {
        let (j, iso) = (&d.jalali, &d.iso);
        let (field, kind, fa, en) = match (d.jalali_date(), d.gregorian_date()) {
            (None, _) => (
                format!("{field}.jalali"),
                FieldKind::BadDate,
                format!("تاریخ «{}» معتبر نیست (مثلاً ۱۴۰۲/۰۵/۱۴)", fa_digits(j)),
                format!("“{j}” is not a valid Jalali date (e.g. 1402/05/14)"),
            ),
            (_, None) => (
                format!("{field}.iso"),
                FieldKind::BadDate,
                format!("تاریخ «{}» معتبر نیست (مثلاً ۲۰۲۳-۰۸-۰۵)", fa_digits(iso)),
                format!("“{iso}” is not a valid ISO date (e.g. 2023-08-05)"),
            ),
            (Some(jd), Some(g)) if jd.to_gregorian() != g => {
                let g = jd.to_gregorian();
                let fa = fa_digits(&format!("{j} برابر {g} است، نه {iso}"));
                (
                    field.to_string(),
                    FieldKind::DatesDisagree,
                    fa,
                    format!("{j} is {g}, not {iso}"),
                )
            }
            _ => return None,
        };
        Some(Self::in_file(
            file,
            section,
            field,
            kind,
            LocalText { fa, en },
        ))
    }
}
