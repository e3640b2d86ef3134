//! Data problems ([`Problem`]): where in a file, how bad, and what (see [`ProblemKind`]); the
//! words for each kind are in `describe.rs`.

use crate::Lang;
use serde::Serialize;

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
    /// serde_json's message, put in words by [`crate::read::json_error::describe`].
    JsonStructure {
        field: String,
        detail: String,
    },
    /// A FeatureCollection without a `features` list.
    NoFeatures,
    /// A file that is not JSON at all: `format` is a [`crate::read::json_error::sniff`] key (`zip`,
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
        detail: crate::base::LocalText,
    },
    PackageInvalid {
        package: String,
        field: String,
        detail: crate::base::LocalText,
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
                format!(
                    "عارضهٔ {}",
                    crate::base::digits::to_persian_digits(&i.to_string())
                )
            } else {
                format!("feature {i}")
            });
        }
        if let Some(id) = &l.feature_id {
            parts.push(say!(lang, "شناسه «{id}»", "id “{id}”"));
        }
        if let (Some(line), Some(col)) = (l.line, l.column) {
            parts.push(if fa {
                crate::base::digits::to_persian_digits(&format!("سطر {line}، ستون {col}"))
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
