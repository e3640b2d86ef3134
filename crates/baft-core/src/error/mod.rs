//! Errors and data problems, each with a message in Persian and in English.
//!
//! Two kinds of trouble reach a user:
//! - [`BaftError`]: something the user typed, pasted or uploaded can't be used. It says
//!   what was expected, and for multi-line input, which line.
//! - [`Problem`]: something is wrong in a data file (a feature, a ring, a line and column
//!   of JSON). Problems are collected, not thrown: the valid features are kept.

use crate::Lang;
use serde::Serialize;
use std::fmt;

mod describe;
mod field;
mod geometry_words;
mod message;
mod problem;
mod unreadable;
pub use field::{DataFile, FieldError, FieldKind};
pub use problem::{Location, Problem, ProblemKind, Severity};
pub use unreadable::Unreadable;

/// What went wrong with a user's input or with loading data as a whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum BaftError {
    /// Nothing was typed.
    EmptyInput,
    /// The text is none of the accepted forms.
    Unrecognised {
        /// The text as read: trimmed, digits made ASCII (its first 100 characters if long).
        text: String,
    },
    /// What was typed in the search box is none of the forms it takes and no place's name: the
    /// message lists every form, plates and postal codes first when the data has a parcel layer.
    NotFound {
        /// The text as read: trimmed, digits made ASCII.
        text: String,
        /// Whether the data has a parcel layer (plates, postal codes and codes can be searched).
        parcels: bool,
    },
    /// A latitude outside −90…90 or a longitude outside −180…180.
    OutOfRange {
        /// The value read as latitude, degrees.
        lat: f64,
        /// The value read as longitude, degrees.
        lon: f64,
    },
    /// Two numbers that can't be lat/lon nor UTM.
    AmbiguousNumbers {
        /// The first number, as typed.
        a: f64,
        /// The second number, as typed.
        b: f64,
    },
    /// UTM figures outside the valid easting/northing range.
    UtmOutOfRange {
        /// The easting read, metres.
        easting: f64,
        /// The northing read, metres.
        northing: f64,
    },
    /// A map link with no coordinates in it (e.g. a short link or a place id).
    LinkWithoutCoordinates {
        /// The link's host, lower-cased (e.g. `maps.app.goo.gl`; `?` when it has none).
        host: String,
    },
    /// A `geo:` URI that can't be read.
    BadGeoUri {
        /// The URI as read: trimmed, digits and punctuation made ASCII.
        text: String,
    },
    /// One line of pasted corners can't be read.
    CornerLine {
        /// Number of the line in the text, from 1 (blank and `#` lines counted).
        line: usize,
        /// The line as typed, trimmed.
        text: String,
        /// Why the line can't be read as a point.
        reason: Box<BaftError>,
    },
    /// Fewer than three distinct corners.
    TooFewCorners {
        /// How many corners were read (repeats in a row and a closing repeat not counted).
        count: usize,
    },
    /// The corners' outline crosses itself (a bow-tie).
    CornersCrossing,
    /// The uploaded plot outline can't be used.
    BadPlotFile {
        /// What is wrong with the outline.
        problem: ProblemKind,
    },
    /// Reading a file failed.
    Io {
        /// The path as given to the reader (the core's are relative to the manifest).
        path: String,
        /// Why.
        why: Unreadable,
    },
    /// A packed (binary) layer file was given as text.
    PackAsText {
        /// The file's path, relative to the manifest.
        file: String,
    },
    /// A plate or renovation code that no plot in the parcel layer has.
    PlotNotFound {
        /// The plate or code searched for (digits made ASCII), or the plot id or index.
        text: String,
    },
    /// A postal code that no plot in the parcel layer carries.
    PostalCodeNotFound {
        /// The ten digits searched for (ASCII).
        postal_code: String,
    },
    /// A street the parcel layer has, with a house number none of its plots carries (or, in a
    /// full address, none near the ways the address names).
    AddressNotFound {
        /// The street as read (letters and digits folded), with the ways it leads off when the
        /// address names them: in Persian after them, the farthest first (`خیابان کاج، کوچه
        /// 22`); in English before them (`alley 22, kaj st.`).
        street: String,
        /// The house number (ASCII digits).
        number: String,
    },
    /// A plate or code was typed but this data has no parcel layer.
    NoParcelLayer,
    /// A plate, postal code or code was typed while the parcel layer is still being read, and
    /// the plots read so far have none such.
    PlotsLoading,
    /// A plate, postal code or code was typed, and the parcel layer is read only by area (too
    /// large to read whole): the plots read so far have none such.
    PlotsByArea,
    /// A shared link's `field` (after `#`) can't be read; `text` is what it held.
    BadLink {
        /// The field's name (before `=`), at most 20 characters.
        field: String,
        /// What it held (percent-decoded when possible), at most 80 characters.
        text: String,
    },
    /// The corners lie on one line: the outline has no area.
    CornersNoArea,
    /// Plate-like text (a slash between numbers, a plate or code word) that is no plate or
    /// renovation code; given only when the data has a parcel layer.
    NotAPlate {
        /// The text as read: trimmed, digits and punctuation made ASCII.
        text: String,
    },
    /// Two numbers written with decimal commas (`35,7097 51,1119`).
    DecimalComma {
        /// The text as read: trimmed, digits and punctuation made ASCII.
        text: String,
    },
    /// Minutes or seconds of 60 or more in degrees-minutes-seconds.
    MinutesSeconds {
        /// The minutes or seconds figure, 60 or more.
        value: f64,
    },
    /// An uploaded plot outline larger than [`crate::dataset::MAX_PLOT_BYTES`].
    PlotFileTooLarge {
        /// Size of the file's text, bytes.
        bytes: usize,
        /// The most bytes read ([`crate::dataset::MAX_PLOT_BYTES`]).
        limit: usize,
    },
    /// A plot outline with more corners than [`crate::dataset::MAX_PLOT_VERTICES`].
    PlotTooComplex {
        /// How many corners it has, all rings together (closing repeats not counted).
        vertices: usize,
        /// The most corners accepted ([`crate::dataset::MAX_PLOT_VERTICES`]).
        limit: usize,
    },
    /// The manifest can't be used: each error names its field.
    BadManifest {
        /// Every error found, each naming its field.
        errors: Vec<FieldError>,
    },
    /// A single zones file (`baft check --zones`) has no usable feature; `problem` is the
    /// first problem found, if any.
    UnusableFile {
        /// The file's name, as given.
        file: String,
        /// The first problem found in it; `None` when there was none.
        problem: Option<Box<Problem>>,
    },
}

impl BaftError {
    /// A failed read of the file at `path`.
    pub fn io(path: impl Into<String>, e: &std::io::Error) -> Self {
        BaftError::Io {
            path: path.into(),
            why: Unreadable::from_io(e),
        }
    }

    /// The error's `code`, as it is serialised (`unrecognised`, `plot_not_found`, …).
    pub fn code(&self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.get("code")?.as_str().map(String::from))
            .unwrap_or_default()
    }
}

impl fmt::Display for BaftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}
impl std::error::Error for BaftError {}

pub(super) fn clip(s: &str) -> String {
    let t: String = s.chars().take(80).collect();
    if s.chars().count() > 80 {
        format!("{t}…")
    } else {
        t
    }
}

pub use crate::base::units::{error_number, trim_float};
