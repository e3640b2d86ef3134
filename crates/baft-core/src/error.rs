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

/// What went wrong with a user's input or with loading data as a whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum BaftError {
    /// Nothing was typed.
    EmptyInput,
    /// The text is none of the accepted forms.
    Unrecognised { text: String },
    /// A latitude outside −90…90 or a longitude outside −180…180.
    OutOfRange { lat: f64, lon: f64 },
    /// Two numbers that can't be lat/lon nor UTM.
    AmbiguousNumbers { a: f64, b: f64 },
    /// UTM figures outside the valid easting/northing range.
    UtmOutOfRange { easting: f64, northing: f64 },
    /// A map link with no coordinates in it (e.g. a short link or a place id).
    LinkWithoutCoordinates { host: String },
    /// A `geo:` URI that can't be read.
    BadGeoUri { text: String },
    /// One line of pasted corners can't be read.
    CornerLine {
        line: usize,
        text: String,
        reason: Box<BaftError>,
    },
    /// Fewer than three distinct corners.
    TooFewCorners { count: usize },
    /// The corners' outline crosses itself (a bow-tie).
    CornersCrossing,
    /// The uploaded plot outline can't be used.
    BadPlotFile { problem: ProblemKind },
    /// A data file could not be used at all (the message says why).
    Data { file: String, detail: String },
    /// Reading a file failed.
    Io { path: String, detail: String },
    /// A plate or renovation code that no plot in the parcel layer has.
    PlotNotFound { text: String },
    /// A plate or code was typed but this data has no parcel layer.
    NoParcelLayer,
    /// A shared link's `field` (after `#`) can't be read; `text` is what it held.
    BadLink { field: String, text: String },
    /// The corners lie on one line: the outline has no area.
    CornersNoArea,
    /// Plate-like text (a slash between numbers, a plate or code word) that is no plate or
    /// renovation code; given only when the data has a parcel layer.
    NotAPlate { text: String },
    /// Two numbers written with decimal commas (`35,7097 51,1119`).
    DecimalComma { text: String },
    /// Minutes or seconds of 60 or more in degrees-minutes-seconds.
    MinutesSeconds { value: f64 },
    /// An uploaded plot outline larger than [`crate::dataset::MAX_PLOT_BYTES`].
    PlotFileTooLarge { bytes: usize, limit: usize },
    /// A plot outline with more corners than [`crate::dataset::MAX_PLOT_VERTICES`].
    PlotTooComplex { vertices: usize, limit: usize },
    /// The manifest can't be used: each error names its field.
    BadManifest {
        errors: Vec<crate::manifest::ManifestError>,
    },
    /// A single zones file (`baft check --zones`) has no usable feature; `problem` is the
    /// first problem found, if any.
    UnusableFile {
        file: String,
        problem: Option<Box<Problem>>,
    },
}

impl BaftError {
    /// The message in the given language.
    pub fn message(&self, lang: Lang) -> String {
        use BaftError::*;
        let fa = lang == Lang::Fa;
        let num = |x: f64| crate::digits::localize_digits(&error_number(x), lang);
        match self {
            EmptyInput => {
                if fa {
                    "چیزی وارد نشده است. مختصات (مثلاً ۳۵٫۷۱، ۵۱٫۱۱)، UTM (مثلاً E 510122 N 3951756) یا پیوند نقشه را وارد کنید.".into()
                } else {
                    "Nothing was entered. Type coordinates (e.g. 35.71, 51.11), UTM figures (e.g. E 510122 N 3951756) or paste a map link.".into()
                }
            }
            Unrecognised { text } => {
                if fa {
                    format!("«{}» خوانده نشد. انتظار می‌رفت: عرض و طول جغرافیایی (۳۵٫۷۱، ۵۱٫۱۱)، درجه و دقیقه و ثانیه (۳۵°۴۲′۳۵″ شمالی ۵۱°۰۶′۴۳″ شرقی)، UTM ناحیه ۳۹ (E 510122 N 3951756)، geo: یا پیوند نقشه.", clip(text))
                } else {
                    format!("Could not read “{}”. Expected latitude and longitude (35.71, 51.11), degrees-minutes-seconds (35°42′35″N 51°06′43″E), UTM zone 39 (E 510122 N 3951756), a geo: URI or a map link.", clip(text))
                }
            }
            OutOfRange { lat, lon } => {
                if fa {
                    format!("عرض {} یا طول {} خارج از بازهٔ مجاز است (عرض بین ۹۰- و ۹۰، طول بین ۱۸۰- و ۱۸۰).", num(*lat), num(*lon))
                } else {
                    format!("Latitude {} or longitude {} is out of range (latitude −90…90, longitude −180…180).", num(*lat), num(*lon))
                }
            }
            AmbiguousNumbers { a, b } => {
                if fa {
                    format!("اعداد {} و {} نه عرض و طول جغرافیایی هستند و نه UTM. برای UTM، شرقی (۶ رقم) و شمالی (۷ رقم) را بنویسید.", num(*a), num(*b))
                } else {
                    format!("The numbers {} and {} are neither latitude/longitude nor UTM. For UTM give the easting (6 digits) and northing (7 digits).", num(*a), num(*b))
                }
            }
            UtmOutOfRange { easting, northing } => {
                if fa {
                    format!("UTM خارج از بازه است: شرقی {} باید بین ۱۶۶۰۰۰ و ۸۳۴۰۰۰ و شمالی {} بین ۰ و ۹۴۰۰۰۰۰ باشد.", num(*easting), num(*northing))
                } else {
                    format!("UTM out of range: easting {} must be 166000–834000 and northing {} 0–9400000.", num(*easting), num(*northing))
                }
            }
            LinkWithoutCoordinates { host } => {
                if fa {
                    format!("پیوند {} مختصات ندارد (پیوند کوتاه یا شناسهٔ مکان). پیوند را باز کنید و پیوندی که مختصات دارد یا خود مختصات را کپی کنید.", host)
                } else {
                    format!("The {} link carries no coordinates (a short link or a place id). Open it and copy a link with coordinates, or the coordinates themselves.", host)
                }
            }
            BadGeoUri { text } => {
                if fa {
                    format!(
                        "نشانی geo: «{}» خوانده نشد؛ شکل درست: geo:35.71,51.11",
                        clip(text)
                    )
                } else {
                    format!(
                        "Could not read the geo: URI “{}”; expected geo:35.71,51.11",
                        clip(text)
                    )
                }
            }
            CornerLine { line, text, reason } => {
                let why = reason.message(lang);
                // The reason quotes the line itself when it could not read it.
                let quoted = why.contains(&clip(text));
                match (fa, quoted) {
                    (true, true) => format!(
                        "سطر {}: {why}",
                        crate::digits::to_persian_digits(&line.to_string())
                    ),
                    (true, false) => format!(
                        "سطر {}: «{}» — {why}",
                        crate::digits::to_persian_digits(&line.to_string()),
                        clip(text)
                    ),
                    (false, true) => format!("Line {line}: {why}"),
                    (false, false) => format!("Line {line}: “{}” — {why}", clip(text)),
                }
            }
            CornersNoArea => {
                if fa {
                    "گوشه‌ها روی یک خط‌اند و محدوده مساحتی ندارد. ارقام گوشه‌ها را بررسی کنید.".into()
                } else {
                    "The corners lie on one line, so the outline has no area. Check the corners' figures.".into()
                }
            }
            NotAPlate { text } => {
                if fa {
                    format!("«{}» پلاک یا کد نوسازی درستی نیست. پلاک را با رقم به شکل اصلی/فرعی (مثلاً ۱۲۳/۴۵ یا بخش ۱۱ پلاک ۱۲۳/۴۵) و کد نوسازی را با رقم و خط تیره همان‌طور که روی فیش عوارض آمده (مثلاً ۰۴۱۲-۰۱۷) بنویسید.", clip(text))
                } else {
                    format!("“{}” is not a plate or renovation code. Write a plate in digits as main/sub (e.g. 123/45, or بخش 11 پلاک 123/45 with the section) and a renovation code in digits and dashes as printed on the fee receipt (e.g. 0412-017).", clip(text))
                }
            }
            DecimalComma { text } => {
                if fa {
                    format!("در «{}» ممیز با ویرگول نوشته شده است. ممیز را با «٫» یا نقطه بنویسید (۳۵٫۷۱) و دو عدد را با ویرگول یا فاصله جدا کنید: ۳۵٫۷۱، ۵۱٫۱۱", clip(text))
                } else {
                    format!("“{}” has commas as decimal marks. Write decimals with a point (35.71) and separate the two numbers with a comma or a space: 35.71, 51.11", clip(text))
                }
            }
            MinutesSeconds { value } => {
                if fa {
                    format!(
                        "دقیقه و ثانیه باید کمتر از ۶۰ باشند، اما {} آمده است (مثلاً ۳۵°۴۲′۳۵″).",
                        num(*value)
                    )
                } else {
                    format!(
                        "Minutes and seconds must be below 60, but {} was given (e.g. 35°42′35″).",
                        num(*value)
                    )
                }
            }
            TooFewCorners { count } => {
                if fa {
                    format!("برای محدودهٔ ملک دست‌کم ۳ گوشهٔ متمایز لازم است؛ {} گوشه داده شد. هر گوشه را در یک سطر بنویسید.", num(*count as f64))
                } else {
                    format!("A plot outline needs at least 3 distinct corners; got {count}. Put one corner per line.")
                }
            }
            CornersCrossing => {
                if fa {
                    "اضلاع محدوده همدیگر را قطع می‌کنند. گوشه‌ها را به ترتیب دور ملک (مثلاً الف، ب، ج، د از شمال‌غربی) بنویسید.".into()
                } else {
                    "The outline's sides cross each other. List the corners in order around the plot (A, B, C, D… from the north-west).".into()
                }
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
                if fa {
                    format!(
                        "محدودهٔ ملک قابل استفاده نیست: {}{hint}",
                        problem.describe(lang)
                    )
                } else {
                    format!(
                        "The plot outline can't be used: {}{hint}",
                        problem.describe(lang)
                    )
                }
            }
            Data { file, detail } => {
                let detail = known_detail(detail, lang);
                if fa {
                    format!("دادهٔ «{file}» قابل استفاده نیست: {detail}")
                } else {
                    format!("Data file “{file}” can't be used: {detail}")
                }
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
                let mb = |b: usize| crate::digits::format_number(b as f64 / 1_000_000.0, 1, lang);
                if fa {
                    format!("فایل محدودهٔ ملک {} مگابایت است و بیش از {} مگابایت را نمی‌توان خواند. فقط محدودهٔ همین یک ملک را بارگذاری کنید (نه همهٔ لایهٔ پلاک‌ها).", mb(*bytes), mb(*limit))
                } else {
                    format!("The plot outline file is {} MB; at most {} MB can be read. Upload the outline of this one plot only (not a whole parcel layer).", mb(*bytes), mb(*limit))
                }
            }
            PlotTooComplex { vertices, limit } => {
                let n = |x: usize| crate::digits::format_number(x as f64, 0, lang);
                if fa {
                    format!("محدودهٔ ملک {} گوشه دارد و بیش از {} گوشه پذیرفته نمی‌شود. محدودهٔ یک ملک را بارگذاری کنید یا آن را ساده کنید.", n(*vertices), n(*limit))
                } else {
                    format!("The plot outline has {} corners; at most {} are accepted. Upload a single plot's outline, or simplify it.", n(*vertices), n(*limit))
                }
            }
            PlotNotFound { text } => {
                if fa {
                    format!("ملکی با پلاک یا کد «{}» در لایهٔ پلاک‌ها نیست. پلاک را به شکل اصلی/فرعی (مثلاً ۱۲۳/۴۵) یا کد نوسازی را همان‌طور که روی فیش عوارض آمده بنویسید.", crate::digits::to_persian_digits(text))
                } else {
                    format!("No plot with plate or code “{text}” is in the parcel layer. Write the plate as main/sub (e.g. 123/45), or the renovation code as printed on the fee receipt.")
                }
            }
            NoParcelLayer => {
                if fa {
                    "این داده لایهٔ پلاک‌به‌پلاک ندارد؛ با مختصات یا پیوند نقشه جست‌وجو کنید.".into()
                } else {
                    "This data has no plot-by-plot parcel layer; search by coordinates or a map link.".into()
                }
            }
            BadLink { field, text } => {
                if fa {
                    format!("بخش «{field}» پیوند اشتراکی خوانده نشد («{}»). پیوند ناقص یا دست‌خورده است؛ آن را دوباره از فرستنده بگیرید.", clip(text))
                } else {
                    format!("The “{field}” part of the shared link can't be read (“{}”). The link is cut short or altered; ask the sender for it again.", clip(text))
                }
            }
            Io { path, detail } => {
                let detail = known_detail(detail, lang);
                if fa {
                    format!("خواندن «{path}» ممکن نشد: {detail}")
                } else {
                    format!("Could not read “{path}”: {detail}")
                }
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

/// How bad a data problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The data still works as intended (e.g. a ring was closed automatically).
    Warning,
    /// A feature or a whole file was left out.
    Error,
}

/// Where a problem is: file, and as far as known the feature, ring, line and column.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Location {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feature_index: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feature_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

/// What is wrong in a data file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ProblemKind {
    JsonSyntax {
        detail: String,
    },
    FileUnreadable {
        detail: String,
    },
    NotAFeatureCollection {
        found: String,
    },
    FeatureNotObject,
    NullGeometry,
    EmptyGeometry,
    WrongGeometryType {
        found: String,
    },
    BadCoordinates {
        detail: String,
    },
    /// A position is `null`.
    NullPosition {
        polygon: usize,
        ring: usize,
        position: usize,
    },
    /// A position is not a pair of numbers `[x, y]`.
    BadPosition {
        polygon: usize,
        ring: usize,
        position: usize,
    },
    /// A MultiPolygon's coordinates are not a list of polygons.
    NotPolygons,
    /// A polygon is not a list of rings.
    NotRings {
        polygon: usize,
    },
    /// A ring is not a list of positions.
    NotPositions {
        polygon: usize,
        ring: usize,
    },
    /// A position that can't be converted to longitude/latitude.
    Unconvertible {
        x: f64,
        y: f64,
    },
    /// A feature whose coordinates are not in the file's system (`crs`, e.g. `EPSG:4326`).
    MixedCrs {
        crs: String,
    },
    /// A GeoJSON member of the wrong JSON type (`features` not a list…); `detail` is
    /// serde_json's message, put in words by [`crate::json_error::describe`].
    JsonStructure {
        field: String,
        detail: String,
    },
    /// A FeatureCollection without a `features` list.
    NoFeatures,
    /// A file that is not JSON at all: `format` is a [`crate::json_error::sniff`] key (`zip`,
    /// `html`, `kml`, `utf16`, `empty`…).
    NotGeoJson {
        format: String,
    },
    /// `geometry` is not an object.
    GeometryNotObject,
    UnclosedRing {
        polygon: usize,
        ring: usize,
    },
    TooFewPoints {
        polygon: usize,
        ring: usize,
        count: usize,
    },
    ZeroAreaRing {
        polygon: usize,
        ring: usize,
    },
    SelfIntersection {
        polygon: usize,
        ring: usize,
        lon: f64,
        lat: f64,
    },
    HoleOutsideShell {
        polygon: usize,
        ring: usize,
    },
    /// A hole inside (or overlapping) another hole of the same polygon.
    HoleInsideHole {
        polygon: usize,
        ring: usize,
        other: usize,
    },
    MissingId,
    SwappedAxes,
    UndeclaredProjected,
    DeclaredProjectedButDegrees {
        crs: String,
    },
    DeclaredDegreesButMetres,
    UnsupportedCrs {
        crs: String,
    },
    OutsideIran {
        lon: f64,
        lat: f64,
    },
    EmptyLayer,
    OfficeWithoutLocation,
    /// RFC 7946 wants shells counter-clockwise and holes clockwise (fixable).
    WindingOrder {
        polygon: usize,
        ring: usize,
    },
    DuplicateId {
        id: String,
    },
    /// Two features of one layer overlap by more than 1 m².
    Overlap {
        other_id: String,
        area_m2: f64,
    },
    /// A feature lies (partly) outside the manifest's city envelope.
    OutsideEnvelope,
    /// A parcel names a block that no block or layer has.
    UnknownBlock {
        block_id: String,
    },
    /// The manifest itself.
    ManifestInvalid {
        field: String,
        detail: crate::manifest::LocalText,
    },
    PackageInvalid {
        package: String,
        field: String,
        detail: crate::manifest::LocalText,
    },
}

/// A problem found while loading data. The valid features are kept.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    pub location: Location,
    pub kind: ProblemKind,
}

impl Problem {
    /// An error about a file as a whole.
    pub fn file_error(file: &str, kind: ProblemKind) -> Problem {
        Problem {
            severity: Severity::Error,
            location: Location {
                file: file.into(),
                ..Default::default()
            },
            kind,
        }
    }

    /// The message in the given language, starting with where the problem is.
    pub fn message(&self, lang: Lang) -> String {
        format!("{}: {}", self.where_(lang), self.what(lang))
    }

    /// "layers/x.geojson, feature 12 (id B-7), line 3, column 9".
    pub fn where_(&self, lang: Lang) -> String {
        let l = &self.location;
        let fa = lang == Lang::Fa;
        let mut parts = vec![l.file.clone()];
        if let Some(i) = l.feature_index {
            parts.push(if fa {
                format!("عارضهٔ {}", crate::digits::to_persian_digits(&i.to_string()))
            } else {
                format!("feature {i}")
            });
        }
        if let Some(id) = &l.feature_id {
            parts.push(if fa {
                format!("شناسه «{id}»")
            } else {
                format!("id “{id}”")
            });
        }
        if let (Some(line), Some(col)) = (l.line, l.column) {
            parts.push(if fa {
                crate::digits::to_persian_digits(&format!("سطر {line}، ستون {col}"))
            } else {
                format!("line {line}, column {col}")
            });
        }
        parts.join(if fa { "، " } else { ", " })
    }

    /// The description of the problem alone, with its consequence.
    pub fn what(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let consequence = match &self.kind {
            // The coordinate system of a whole file, or of one feature in it.
            SwappedAxes
            | UndeclaredProjected
            | DeclaredProjectedButDegrees { .. }
            | DeclaredDegreesButMetres
            | UnsupportedCrs { .. }
            | OutsideIran { .. } => Some(if self.location.feature_index.is_some() {
                lang.pick("این عارضه کنار گذاشته شد", "this feature was left out")
            } else {
                lang.pick("این لایه بارگذاری نشد", "the layer was not loaded")
            }),
            k => k.consequence(lang),
        };
        match consequence {
            Some(c) => format!("{}{}{c}", self.kind.describe(lang), lang.pick("؛ ", "; ")),
            None => self.kind.describe(lang),
        }
    }
}

impl ProblemKind {
    /// What is wrong, without the consequence for loading.
    pub fn describe(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let fa = lang == Lang::Fa;
        let n = |x: usize| crate::digits::localize_digits(&x.to_string(), lang);
        let f = |x: f64| crate::digits::localize_digits(&format!("{x:.6}"), lang);
        let g = |x: f64| crate::digits::localize_digits(&error_number(x), lang);
        match self {
            JsonSyntax { detail } => {
                let t = crate::json_error::describe(detail, lang);
                if fa {
                    format!("خطای نحوی JSON: {t}")
                } else {
                    format!("JSON syntax error: {t}")
                }
            }
            JsonStructure { field, detail } => {
                let t = crate::json_error::describe(detail, lang);
                match (fa, field.is_empty()) {
                    (_, true) => t,
                    (true, false) => format!("فیلد «{field}»: {t}"),
                    (false, false) => format!("field “{field}”: {t}"),
                }
            }
            NoFeatures => {
                if fa {
                    "FeatureCollection هیچ عارضه‌ای ندارد («features» نیامده یا خالی است)".into()
                } else {
                    "the FeatureCollection has no features (“features” is missing or empty)".into()
                }
            }
            NotGeoJson { format } => {
                let advice = crate::json_error::format_advice(format, lang);
                if !advice.is_empty() {
                    advice.into()
                } else if fa {
                    format!(
                        "این {} است، نه GeoJSON",
                        crate::json_error::format_name(format, lang)
                    )
                } else {
                    format!(
                        "this is {}, not GeoJSON",
                        crate::json_error::format_name(format, lang)
                    )
                }
            }
            GeometryNotObject => {
                if fa {
                    "هندسه (geometry) شیء GeoJSON نیست".into()
                } else {
                    "the geometry is not a GeoJSON object".into()
                }
            }
            NullPosition {
                polygon,
                ring,
                position,
            } => {
                if fa {
                    format!(
                        "نقطهٔ {} از حلقهٔ {} از چندضلعی {} خالی (null) است",
                        n(*position),
                        n(*ring),
                        n(*polygon)
                    )
                } else {
                    format!("position {position} of ring {ring} of polygon {polygon} is null")
                }
            }
            BadPosition {
                polygon,
                ring,
                position,
            } => {
                if fa {
                    format!(
                        "نقطهٔ {} از حلقهٔ {} از چندضلعی {} یک جفت عدد [x، y] نیست",
                        n(*position),
                        n(*ring),
                        n(*polygon)
                    )
                } else {
                    format!("position {position} of ring {ring} of polygon {polygon} is not a pair of numbers [x, y]")
                }
            }
            NotPolygons => {
                if fa {
                    "مختصات MultiPolygon باید فهرستی از چندضلعی‌ها باشد".into()
                } else {
                    "MultiPolygon coordinates must be a list of polygons".into()
                }
            }
            NotRings { polygon } => {
                if fa {
                    format!("چندضلعی {} فهرستی از حلقه‌ها نیست", n(*polygon))
                } else {
                    format!("polygon {polygon} is not a list of rings")
                }
            }
            NotPositions { polygon, ring } => {
                if fa {
                    format!(
                        "حلقهٔ {} از چندضلعی {} فهرستی از نقطه‌ها نیست",
                        n(*ring),
                        n(*polygon)
                    )
                } else {
                    format!("ring {ring} of polygon {polygon} is not a list of positions")
                }
            }
            Unconvertible { x, y } => {
                if fa {
                    format!(
                        "نقطهٔ ({}، {}) به طول و عرض جغرافیایی تبدیل نمی‌شود",
                        g(*x),
                        g(*y)
                    )
                } else {
                    format!(
                        "position ({}, {}) can't be converted to longitude/latitude",
                        g(*x),
                        g(*y)
                    )
                }
            }
            MixedCrs { crs } => {
                if fa {
                    format!("مختصات این عارضه مانند بقیهٔ فایل در {crs} نیست")
                } else {
                    format!("its coordinates are not in {crs} like the rest of the file")
                }
            }
            WindingOrder { polygon, ring } => {
                if fa {
                    format!("جهت حلقهٔ {} از چندضلعی {} برخلاف RFC 7946 است (بیرونی پادساعتگرد، حفره ساعتگرد)؛ baft fix آن را درست می‌کند", n(*ring), n(*polygon))
                } else {
                    format!("ring {ring} of polygon {polygon} winds the wrong way for RFC 7946 (shells counter-clockwise, holes clockwise); baft fix corrects it")
                }
            }
            DuplicateId { id } => {
                if fa {
                    format!("شناسهٔ «{id}» تکراری است")
                } else {
                    format!("duplicate id “{id}”")
                }
            }
            Overlap { other_id, area_m2 } => {
                if fa {
                    format!(
                        "با «{other_id}» همپوشانی دارد ({})",
                        crate::text::square_metres(*area_m2, lang)
                    )
                } else {
                    format!(
                        "overlaps “{other_id}” by {}",
                        crate::text::square_metres(*area_m2, lang)
                    )
                }
            }
            OutsideEnvelope => {
                if fa {
                    "بیرون از محدودهٔ شهر در مانیفست (city.envelope) است".into()
                } else {
                    "lies outside the city envelope declared in the manifest (city.envelope)".into()
                }
            }
            UnknownBlock { block_id } => {
                if fa {
                    format!("بلوک «{block_id}» در لایهٔ بلوک‌ها نیست")
                } else {
                    format!("block “{block_id}” is not in the blocks layer")
                }
            }
            ManifestInvalid { field, detail } if field.is_empty() => detail.get(lang).to_string(),
            ManifestInvalid { field, detail } => {
                if fa {
                    format!("فیلد «{field}»: {}", detail.fa)
                } else {
                    format!("field “{field}”: {}", detail.en)
                }
            }
            OfficeWithoutLocation => {
                if fa {
                    "دفتر موقعیت ندارد؛ فقط برای محله‌هایی که پوشش می‌دهد نشان داده می‌شود".into()
                } else {
                    "the office has no location; it is only shown for the neighbourhoods it serves"
                        .into()
                }
            }
            PackageInvalid {
                package,
                field,
                detail,
            } => crate::packages::format::package_error_text(package, field, detail, lang),
            FileUnreadable { detail } => {
                let detail = known_detail(detail, lang);
                if fa {
                    format!("فایل خوانده نشد ({detail})؛ این لایه بارگذاری نشد")
                } else {
                    format!("the file could not be read ({detail}); the layer was not loaded")
                }
            }
            NotAFeatureCollection { found } if found == "?" => {
                if fa {
                    "باید FeatureCollection باشد اما «type» ندارد".into()
                } else {
                    "expected a FeatureCollection, but “type” is missing".into()
                }
            }
            NotAFeatureCollection { found } => {
                if fa {
                    format!("باید FeatureCollection باشد اما «{found}» است")
                } else {
                    format!("expected a FeatureCollection, found “{found}”")
                }
            }
            FeatureNotObject => {
                if fa {
                    format!("عارضه شیء GeoJSON نیست")
                } else {
                    format!("the feature is not a GeoJSON object")
                }
            }
            NullGeometry => {
                if fa {
                    format!("هندسه ندارد (geometry: null)")
                } else {
                    format!("no geometry (geometry: null)")
                }
            }
            EmptyGeometry => {
                if fa {
                    "هندسهٔ خالی: مختصاتی ندارد".into()
                } else {
                    "empty geometry: it has no coordinates".into()
                }
            }
            WrongGeometryType { found } if found == "?" => {
                if fa {
                    "هندسه «type» ندارد (Polygon یا MultiPolygon لازم است)".into()
                } else {
                    "the geometry has no “type” (Polygon or MultiPolygon is required)".into()
                }
            }
            WrongGeometryType { found } => {
                if fa {
                    format!("نوع هندسه «{found}» است اما Polygon یا MultiPolygon لازم است")
                } else {
                    format!("geometry type is “{found}” but Polygon or MultiPolygon is required")
                }
            }
            BadCoordinates { detail } => {
                if fa {
                    format!("مختصات نادرست ({detail})")
                } else {
                    format!("bad coordinates ({detail})")
                }
            }
            UnclosedRing { polygon, ring } => {
                if fa {
                    format!("حلقهٔ {} از چندضلعی {} بسته نیست (نقطهٔ آخر با اول یکی نیست)؛ خودکار بسته شد", n(*ring), n(*polygon))
                } else {
                    format!("ring {ring} of polygon {polygon} is not closed (last point differs from the first); it was closed automatically")
                }
            }
            TooFewPoints {
                polygon,
                ring,
                count,
            } => {
                if fa {
                    format!(
                        "حلقهٔ {} از چندضلعی {} فقط {} نقطه دارد (دست‌کم ۴ لازم است)",
                        n(*ring),
                        n(*polygon),
                        n(*count)
                    )
                } else {
                    format!("ring {ring} of polygon {polygon} has only {count} positions (at least 4 needed)")
                }
            }
            ZeroAreaRing { polygon, ring } => {
                if fa {
                    format!("حلقهٔ {} از چندضلعی {} مساحت ندارد", n(*ring), n(*polygon))
                } else {
                    format!("ring {ring} of polygon {polygon} has no area")
                }
            }
            SelfIntersection {
                polygon,
                ring,
                lon,
                lat,
            } => {
                if fa {
                    format!(
                        "حلقهٔ {} از چندضلعی {} خودش را قطع می‌کند (نزدیک {}، {})",
                        n(*ring),
                        n(*polygon),
                        f(*lat),
                        f(*lon)
                    )
                } else {
                    format!(
                        "ring {ring} of polygon {polygon} crosses itself (near {lat:.6}, {lon:.6})"
                    )
                }
            }
            HoleOutsideShell { polygon, ring } => {
                if fa {
                    format!(
                        "حفرهٔ {} از چندضلعی {} بیرون از مرز بیرونی است",
                        n(*ring),
                        n(*polygon)
                    )
                } else {
                    format!("hole {ring} of polygon {polygon} lies outside its shell")
                }
            }
            HoleInsideHole {
                polygon,
                ring,
                other,
            } => {
                if fa {
                    format!(
                        "حفرهٔ {} از چندضلعی {} درون حفرهٔ {} است یا با آن همپوشانی دارد (حفره‌ها باید از هم جدا باشند)",
                        n(*ring),
                        n(*polygon),
                        n(*other)
                    )
                } else {
                    format!("hole {ring} of polygon {polygon} lies inside or overlaps hole {other} (holes must be apart)")
                }
            }
            MissingId => {
                if fa {
                    "شناسه (id یا block_id) ندارد؛ شماره‌اش به‌جای شناسه به کار رفت".into()
                } else {
                    "has no id (id or block_id); its index is used instead".into()
                }
            }
            SwappedAxes => {
                if fa {
                    "مختصات به ترتیب عرض، طول نوشته شده‌اند (محورها جابه‌جا هستند)؛ GeoJSON طول، عرض می‌خواهد: دوباره با ترتیب طول، عرض خروجی بگیرید (در QGIS: ذخیره به GeoJSON با EPSG:4326)".into()
                } else {
                    "coordinates are written latitude, longitude (swapped axes); GeoJSON requires longitude, latitude: export it again longitude first (in QGIS: save as GeoJSON in EPSG:4326)".into()
                }
            }
            UndeclaredProjected => {
                if fa {
                    "مختصات به متر (تصویر UTM) هستند اما سیستم مختصات اعلام نشده است. در مانیفست \"crs\": \"EPSG:32639\" بگذارید یا هنگام خروجی از QGIS سیستم مختصات را نگه دارید".into()
                } else {
                    "coordinates are in metres (a UTM projection) but no coordinate system is declared. Set \"crs\": \"EPSG:32639\" in the manifest, or keep the CRS when exporting from QGIS".into()
                }
            }
            DeclaredProjectedButDegrees { crs } => {
                if fa {
                    format!("سیستم مختصات {crs} اعلام شده اما مقادیر به درجه‌اند")
                } else {
                    format!("{crs} is declared but the values are in degrees")
                }
            }
            DeclaredDegreesButMetres => {
                if fa {
                    "طول و عرض جغرافیایی اعلام شده اما مقادیر به متر (UTM) هستند".into()
                } else {
                    "longitude/latitude is declared but the values are in metres (UTM)".into()
                }
            }
            UnsupportedCrs { crs } => {
                if fa {
                    format!("سیستم مختصات «{crs}» پشتیبانی نمی‌شود؛ به EPSG:4326 یا EPSG:32639 تبدیل کنید")
                } else {
                    format!("coordinate system “{crs}” is not supported; reproject to EPSG:4326 or EPSG:32639")
                }
            }
            OutsideIran { lon, lat } => {
                if fa {
                    format!("مختصات در (عرض {}، طول {}) و بیرون از ایران است: سیستم مختصات یا ناحیهٔ UTM اشتباه است", g(*lat), g(*lon))
                } else {
                    format!("the coordinates fall at (latitude {}, longitude {}), outside Iran: wrong coordinate system or UTM zone", g(*lat), g(*lon))
                }
            }
            EmptyLayer => {
                if fa {
                    "هیچ عارضهٔ معتبری ندارد".into()
                } else {
                    "has no valid feature".into()
                }
            }
        }
    }

    /// What happened because of it, for problems that leave a feature out.
    pub fn consequence(&self, lang: Lang) -> Option<&'static str> {
        use ProblemKind::*;
        match self {
            FeatureNotObject
            | NullGeometry
            | EmptyGeometry
            | WrongGeometryType { .. }
            | GeometryNotObject
            | BadCoordinates { .. }
            | NullPosition { .. }
            | BadPosition { .. }
            | NotPolygons
            | NotRings { .. }
            | NotPositions { .. }
            | Unconvertible { .. }
            | MixedCrs { .. }
            | TooFewPoints { .. }
            | ZeroAreaRing { .. }
            | SelfIntersection { .. }
            | HoleOutsideShell { .. }
            | HoleInsideHole { .. } => {
                Some(lang.pick("این عارضه کنار گذاشته شد", "this feature was left out"))
            }
            JsonSyntax { .. }
            | JsonStructure { .. }
            | NoFeatures
            | NotGeoJson { .. }
            | NotAFeatureCollection { .. } => {
                Some(lang.pick("این فایل بارگذاری نشد", "the file was not loaded"))
            }
            PackageInvalid { .. } => Some(lang.pick(
                "بسته‌های تشویقی بارگذاری نشد",
                "the incentive packages were not loaded",
            )),
            _ => None,
        }
    }
}
