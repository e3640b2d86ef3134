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
mod manifest;
mod problem;
pub use manifest::ManifestError;
pub use problem::{Location, Problem, ProblemKind, Severity};

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
    /// A data file could not be used at all (the message says why).
    Data {
        /// The file's path relative to the manifest, or the name it was given.
        file: String,
        /// Why, in English from the core (`message` translates known phrases).
        detail: String,
    },
    /// Reading a file failed.
    Io {
        /// The path as given to the reader (the core's are relative to the manifest).
        path: String,
        /// Why, in the system's or the core's English (e.g. `No such file or directory`).
        detail: String,
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
    /// A plate or code was typed but this data has no parcel layer.
    NoParcelLayer,
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
        errors: Vec<ManifestError>,
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
    /// The error's `code`, as it is serialised (`unrecognised`, `plot_not_found`, …).
    pub fn code(&self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.get("code")?.as_str().map(String::from))
            .unwrap_or_default()
    }

    /// The message in the given language.
    pub fn message(&self, lang: Lang) -> String {
        use BaftError::*;
        let fa = lang == Lang::Fa;
        let num = |x: f64| crate::base::digits::localize_digits(&error_number(x), lang);
        match self {
            EmptyInput => {
                say!(lang, "چیزی وارد نشده است. مختصات (مثلاً ۳۵٫۷۱، ۵۱٫۱۱)، UTM (مثلاً E 510122 N 3951756) یا پیوند نقشه را وارد کنید.", "Nothing was entered. Type coordinates (e.g. 35.71, 51.11), UTM figures (e.g. E 510122 N 3951756) or paste a map link.")
            }
            Unrecognised { text } => {
                say!(lang, "«{}» خوانده نشد. انتظار می‌رفت: عرض و طول جغرافیایی (۳۵٫۷۱، ۵۱٫۱۱)، درجه و دقیقه و ثانیه (۳۵°۴۲′۳۵″ شمالی ۵۱°۰۶′۴۳″ شرقی)، UTM ناحیه ۳۹ (E 510122 N 3951756)، geo: یا پیوند نقشه.", "Could not read “{}”. Expected latitude and longitude (35.71, 51.11), degrees-minutes-seconds (35°42′35″N 51°06′43″E), UTM zone 39 (E 510122 N 3951756), a geo: URI or a map link.", clip(text))
            }
            OutOfRange { lat, lon } => {
                say!(lang, "عرض {} یا طول {} خارج از بازهٔ مجاز است (عرض بین ۹۰- و ۹۰، طول بین ۱۸۰- و ۱۸۰).", "Latitude {} or longitude {} is out of range (latitude −90…90, longitude −180…180).", num(*lat), num(*lon))
            }
            AmbiguousNumbers { a, b } => {
                say!(lang, "اعداد {} و {} نه عرض و طول جغرافیایی هستند و نه UTM. برای UTM، شرقی (۶ رقم) و شمالی (۷ رقم) را بنویسید.", "The numbers {} and {} are neither latitude/longitude nor UTM. For UTM give the easting (6 digits) and northing (7 digits).", num(*a), num(*b))
            }
            UtmOutOfRange { easting, northing } => {
                say!(lang, "UTM خارج از بازه است: شرقی {} باید بین ۱۶۶۰۰۰ و ۸۳۴۰۰۰ و شمالی {} بین ۰ و ۹۴۰۰۰۰۰ باشد.", "UTM out of range: easting {} must be 166000–834000 and northing {} 0–9400000.", num(*easting), num(*northing))
            }
            LinkWithoutCoordinates { host } => {
                say!(lang, "پیوند {} مختصات ندارد (پیوند کوتاه یا شناسهٔ مکان). پیوند را باز کنید و پیوندی که مختصات دارد یا خود مختصات را کپی کنید.", "The {} link carries no coordinates (a short link or a place id). Open it and copy a link with coordinates, or the coordinates themselves.", host)
            }
            BadGeoUri { text } => {
                say!(
                    lang,
                    "نشانی geo: «{}» خوانده نشد؛ شکل درست: geo:35.71,51.11",
                    "Could not read the geo: URI “{}”; expected geo:35.71,51.11",
                    clip(text)
                )
            }
            CornerLine { line, text, reason } => {
                let why = reason.message(lang);
                // The reason quotes the line itself when it could not read it.
                let quoted = why.contains(&clip(text));
                match (fa, quoted) {
                    (true, true) => format!(
                        "سطر {}: {why}",
                        crate::base::digits::to_persian_digits(&line.to_string())
                    ),
                    (true, false) => format!(
                        "سطر {}: «{}» — {why}",
                        crate::base::digits::to_persian_digits(&line.to_string()),
                        clip(text)
                    ),
                    (false, true) => format!("Line {line}: {why}"),
                    (false, false) => format!("Line {line}: “{}” — {why}", clip(text)),
                }
            }
            CornersNoArea => {
                say!(lang, "گوشه‌ها روی یک خط‌اند و محدوده مساحتی ندارد. ارقام گوشه‌ها را بررسی کنید.", "The corners lie on one line, so the outline has no area. Check the corners' figures.")
            }
            NotAPlate { text } => {
                say!(lang, "«{}» پلاک یا کد نوسازی درستی نیست. پلاک را با رقم به شکل اصلی/فرعی (مثلاً ۱۲۳/۴۵ یا بخش ۱۱ پلاک ۱۲۳/۴۵) و کد نوسازی را با رقم و خط تیره همان‌طور که روی فیش عوارض آمده (مثلاً ۰۴۱۲-۰۱۷) بنویسید.", "“{}” is not a plate or renovation code. Write a plate in digits as main/sub (e.g. 123/45, or بخش 11 پلاک 123/45 with the section) and a renovation code in digits and dashes as printed on the fee receipt (e.g. 0412-017).", clip(text))
            }
            DecimalComma { text } => {
                say!(lang, "در «{}» ممیز با ویرگول نوشته شده است. ممیز را با «٫» یا نقطه بنویسید (۳۵٫۷۱) و دو عدد را با ویرگول یا فاصله جدا کنید: ۳۵٫۷۱، ۵۱٫۱۱", "“{}” has commas as decimal marks. Write decimals with a point (35.71) and separate the two numbers with a comma or a space: 35.71, 51.11", clip(text))
            }
            MinutesSeconds { value } => {
                say!(
                    lang,
                    "دقیقه و ثانیه باید کمتر از ۶۰ باشند، اما {} آمده است (مثلاً ۳۵°۴۲′۳۵″).",
                    "Minutes and seconds must be below 60, but {} was given (e.g. 35°42′35″).",
                    num(*value)
                )
            }
            TooFewCorners { count } => {
                if fa {
                    format!("برای محدودهٔ ملک دست‌کم ۳ گوشهٔ متمایز لازم است؛ {} گوشه داده شد. هر گوشه را در یک سطر بنویسید.", num(*count as f64))
                } else {
                    format!("A plot outline needs at least 3 distinct corners; got {count}. Put one corner per line.")
                }
            }
            CornersCrossing => {
                say!(lang, "اضلاع محدوده همدیگر را قطع می‌کنند. گوشه‌ها را به ترتیب دور ملک (مثلاً الف، ب، ج، د از شمال‌غربی) بنویسید.", "The outline's sides cross each other. List the corners in order around the plot (A, B, C, D… from the north-west).")
            }
            BadPlotFile { problem } => {
                let hint = match problem {
                    ProblemKind::NotGeoJson { format } if format != "empty" && format != "utf16" => {
                        lang.pick(
                            ". محدوده را به صورت GeoJSON بارگذاری کنید یا گوشه‌هایش را هر کدام در یک سطر بنویسید.",
                            ". Upload the outline as GeoJSON, or type its corners one per line.",
                        )
                    }
                    _ => "",
                };
                say!(
                    lang,
                    "محدودهٔ ملک قابل استفاده نیست: {}{hint}",
                    "The plot outline can't be used: {}{hint}",
                    problem.describe(lang)
                )
            }
            Data { file, detail } => {
                let detail = known_detail(detail, lang);
                say!(
                    lang,
                    "دادهٔ «{file}» قابل استفاده نیست: {detail}",
                    "Data file “{file}” can't be used: {detail}"
                )
            }
            BadManifest { errors } => Data {
                file: "manifest.json".into(),
                detail: errors
                    .iter()
                    .map(|e| e.message(lang))
                    .collect::<Vec<_>>()
                    .join(lang.pick("؛ ", "; ")),
            }
            .message(lang),
            UnusableFile { file, problem } => {
                let detail = match problem {
                    Some(p) => p.what(lang),
                    None => lang
                        .pick("هیچ عارضهٔ قابل استفاده‌ای ندارد", "no usable feature")
                        .into(),
                };
                Data {
                    file: file.clone(),
                    detail,
                }
                .message(lang)
            }
            PlotFileTooLarge { bytes, limit } => {
                let mb =
                    |b: usize| crate::base::digits::format_number(b as f64 / 1_000_000.0, 1, lang);
                say!(lang, "فایل محدودهٔ ملک {} مگابایت است و بیش از {} مگابایت را نمی‌توان خواند. فقط محدودهٔ همین یک ملک را بارگذاری کنید (نه همهٔ لایهٔ پلاک‌ها).", "The plot outline file is {} MB; at most {} MB can be read. Upload the outline of this one plot only (not a whole parcel layer).", mb(*bytes), mb(*limit))
            }
            PlotTooComplex { vertices, limit } => {
                let n = |x: usize| crate::base::digits::format_number(x as f64, 0, lang);
                say!(lang, "محدودهٔ ملک {} گوشه دارد و بیش از {} گوشه پذیرفته نمی‌شود. محدودهٔ یک ملک را بارگذاری کنید یا آن را ساده کنید.", "The plot outline has {} corners; at most {} are accepted. Upload a single plot's outline, or simplify it.", n(*vertices), n(*limit))
            }
            PlotNotFound { text } => {
                if fa {
                    format!("ملکی با پلاک یا کد «{}» در لایهٔ پلاک‌ها نیست. پلاک را به شکل اصلی/فرعی (مثلاً ۱۲۳/۴۵) یا کد نوسازی را همان‌طور که روی فیش عوارض آمده بنویسید.", crate::base::digits::to_persian_digits(text))
                } else {
                    format!("No plot with plate or code “{text}” is in the parcel layer. Write the plate as main/sub (e.g. 123/45), or the renovation code as printed on the fee receipt.")
                }
            }
            NoParcelLayer => {
                say!(lang, "این داده لایهٔ پلاک‌به‌پلاک ندارد؛ با مختصات یا پیوند نقشه جست‌وجو کنید.", "This data has no plot-by-plot parcel layer; search by coordinates or a map link.")
            }
            BadLink { field, text } => {
                say!(lang, "بخش «{field}» پیوند اشتراکی خوانده نشد («{}»). پیوند ناقص یا دست‌خورده است؛ آن را دوباره از فرستنده بگیرید.", "The “{field}” part of the shared link can't be read (“{}”). The link is cut short or altered; ask the sender for it again.", clip(text))
            }
            Io { path, detail } => {
                let detail = known_detail(detail, lang);
                say!(
                    lang,
                    "خواندن «{path}» ممکن نشد: {detail}",
                    "Could not read “{path}”: {detail}"
                )
            }
            PackAsText { file } => {
                say!(
                    lang,
                    "«{file}» فایل فشرده (دودویی) است؛ بایت‌هایش را با addFileBytes بدهید",
                    "“{file}” is a packed (binary) file: pass its bytes to addFileBytes"
                )
            }
        }
    }
}

impl fmt::Display for BaftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}
impl std::error::Error for BaftError {}

fn clip(s: &str) -> String {
    let t: String = s.chars().take(80).collect();
    if s.chars().count() > 80 {
        format!("{t}…")
    } else {
        t
    }
}

/// Error details the core or the system writes in English, in the user's language (others
/// are kept as they are).
pub fn known_detail(detail: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return match detail {
            // std's words for a file that isn't UTF-8, as the core says it.
            "stream did not contain valid UTF-8" => "not UTF-8 text".into(),
            d => d.to_string(),
        };
    }
    let (head, tail) = match detail.find(" (os error") {
        Some(i) => detail.split_at(i),
        None => (detail, ""),
    };
    let fa = match head {
        "not UTF-8 text" | "stream did not contain valid UTF-8" => "متن UTF-8 نیست",
        "missing" => "وجود ندارد",
        "No such file or directory" => "چنین فایل یا پوشه‌ای نیست",
        "Permission denied" => "اجازهٔ خواندن نیست",
        "Is a directory" => "پوشه است، نه فایل",
        "no usable feature" => "هیچ عارضهٔ قابل استفاده‌ای ندارد",
        _ => return detail.to_string(),
    };
    format!("{fa}{tail}")
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
