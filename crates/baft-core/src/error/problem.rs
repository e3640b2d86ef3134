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
    /// The file the problem is in, as the loader named it (e.g. `layers/x.geojson`).
    pub file: String,
    /// Index of the feature (or office) in its file's list, from 0; `None` when the problem isn't
    /// tied to one feature.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feature_index: Option<usize>,
    /// The feature's id, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feature_id: Option<String>,
    /// Line of the JSON text where reading failed (from 1), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Column on that line (from 1), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

/// What is wrong in a data file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ProblemKind {
    /// The text is not valid JSON; `detail` is the parser's message in English, put in words by
    /// [`crate::read::json_error::describe`].
    JsonSyntax {
        /// The parser's message in English (some callers add the line and column).
        detail: String,
    },
    /// The file could not be read (missing, not UTF-8, an HTTP error…).
    FileUnreadable {
        /// Why.
        why: super::Unreadable,
    },
    /// The top-level object is not a FeatureCollection; `found` is what it is instead (`?` when it
    /// has no `type`).
    NotAFeatureCollection {
        /// The top-level `type` (`?` if none), or a short English note (`no features`…).
        found: String,
    },
    /// An entry of `features` is not a JSON object.
    FeatureNotObject,
    /// A feature's `geometry` is `null`.
    NullGeometry,
    /// A geometry with no coordinates.
    EmptyGeometry,
    /// The geometry is not a Polygon or MultiPolygon; `found` is its `type` (`?` when it has
    /// none).
    WrongGeometryType {
        /// The geometry's `type` as written (`?` when it has none).
        found: String,
    },
    /// Coordinates that can't be read; `detail` says why (for a damaged FlatGeobuf file, the
    /// feature reached).
    BadCoordinates {
        /// Why, in English (for a damaged FlatGeobuf file, with the feature reached).
        detail: String,
    },
    /// A position is `null`.
    NullPosition {
        /// Index of the polygon in the geometry, from 0 (always 0 for a Polygon).
        polygon: usize,
        /// Index of the ring in the polygon, from 0 (0 is the shell, holes from 1).
        ring: usize,
        /// Index of the position in the ring, from 0.
        position: usize,
    },
    /// A position is not a pair of numbers `[x, y]`.
    BadPosition {
        /// Index of the polygon in the geometry, from 0 (always 0 for a Polygon).
        polygon: usize,
        /// Index of the ring in the polygon, from 0 (0 is the shell, holes from 1).
        ring: usize,
        /// Index of the position in the ring, from 0.
        position: usize,
    },
    /// A MultiPolygon's coordinates are not a list of polygons.
    NotPolygons,
    /// A polygon is not a list of rings.
    NotRings {
        /// Index of the polygon in the geometry, from 0 (always 0 for a Polygon).
        polygon: usize,
    },
    /// A ring is not a list of positions.
    NotPositions {
        /// Index of the polygon in the geometry, from 0 (always 0 for a Polygon).
        polygon: usize,
        /// Index of the ring in the polygon, from 0 (0 is the shell, holes from 1).
        ring: usize,
    },
    /// A position that can't be converted to longitude/latitude.
    Unconvertible {
        /// First value of the position, in the file's system (longitude or easting).
        x: f64,
        /// Second value of the position, in the file's system (latitude or northing).
        y: f64,
    },
    /// A feature whose coordinates are not in the file's system (`crs`, e.g. `EPSG:4326`).
    MixedCrs {
        /// The system the rest of the file is in, as an EPSG code (e.g. `EPSG:32639`).
        crs: String,
    },
    /// A GeoJSON member of the wrong JSON type (`features` not a list…); `detail` is
    /// serde_json's message, put in words by [`crate::read::json_error::describe`].
    JsonStructure {
        /// JSON path of the member, e.g. `features[2].geometry`; empty when not known.
        field: String,
        /// serde_json's message in English, without its line and column.
        detail: String,
    },
    /// A FeatureCollection without a `features` list.
    NoFeatures,
    /// A file that is not JSON at all: `format` is a [`crate::read::json_error::sniff`] key (`zip`,
    /// `html`, `kml`, `utf16`, `empty`…).
    NotGeoJson {
        /// What the file looks like instead, as a `sniff` key (`zip`, `html`, `empty`…).
        format: String,
    },
    /// `geometry` is not an object.
    GeometryNotObject,
    /// A ring whose last position differs from its first: it was closed automatically.
    UnclosedRing {
        /// Index of the polygon in the geometry, from 0 (always 0 for a Polygon).
        polygon: usize,
        /// Index of the ring in the polygon, from 0 (0 is the shell, holes from 1).
        ring: usize,
    },
    /// A ring with fewer than 4 positions, the closing one included; `count` is how many it has.
    TooFewPoints {
        /// Index of the polygon in the geometry, from 0 (always 0 for a Polygon).
        polygon: usize,
        /// Index of the ring in the polygon, from 0 (0 is the shell, holes from 1).
        ring: usize,
        /// How many positions it has, closing one included (repeats in a row may count once).
        count: usize,
    },
    /// A ring that encloses no area (its positions on one line, or under 1 cm² in metres).
    ZeroAreaRing {
        /// Index of the polygon in the geometry, from 0 (always 0 for a Polygon).
        polygon: usize,
        /// Index of the ring in the polygon, from 0 (0 is the shell, holes from 1).
        ring: usize,
    },
    /// A ring that crosses or touches itself; `lon`, `lat` is the first such place found.
    SelfIntersection {
        /// Index of the polygon in the geometry, from 0 (always 0 for a Polygon).
        polygon: usize,
        /// Index of the ring in the polygon, from 0 (0 is the shell, holes from 1).
        ring: usize,
        /// Longitude of the first crossing found, degrees.
        lon: f64,
        /// Latitude of the first crossing found, degrees.
        lat: f64,
    },
    /// A hole (`ring` from 1) with a vertex outside its polygon's shell.
    HoleOutsideShell {
        /// Index of the polygon in the geometry, from 0 (always 0 for a Polygon).
        polygon: usize,
        /// Index of the hole among the polygon's rings, from 1 (0 is the shell).
        ring: usize,
    },
    /// A hole inside (or overlapping) another hole of the same polygon.
    HoleInsideHole {
        /// Index of the polygon in the geometry, from 0 (always 0 for a Polygon).
        polygon: usize,
        /// Index of the hole among the polygon's rings, from 1 (0 is the shell).
        ring: usize,
        /// Index of the earlier hole it lies in or overlaps, from 1 (0 is the shell).
        other: usize,
    },
    /// A feature with no id (neither an id property nor an `id` member): `#index` is used instead.
    MissingId,
    /// A streets file's feature that is not a line or a point; `found` is its geometry's `type`.
    NotAStreet {
        /// The geometry's `type` as written (`?` when it has none).
        found: String,
    },
    /// A streets file's feature with no `name`: it can't be labelled or searched, and is left out.
    UnnamedStreet,
    /// Coordinates written latitude first (or northing first), against GeoJSON's longitude-first
    /// order.
    SwappedAxes,
    /// Coordinates in metres (UTM) with no coordinate system declared to say which zone.
    UndeclaredProjected,
    /// A UTM system (`crs`) is declared but the values are in degrees.
    DeclaredProjectedButDegrees {
        /// The declared system, as an EPSG code (e.g. `EPSG:32639`).
        crs: String,
    },
    /// Longitude/latitude is declared but the values are in metres (UTM).
    DeclaredDegreesButMetres,
    /// A declared coordinate system Baft doesn't read (only EPSG:4326 and northern UTM zones);
    /// `crs` is its name.
    UnsupportedCrs {
        /// The system's name as declared (e.g. `EPSG:3857`).
        crs: String,
    },
    /// Coordinates that fall outside Iran once read (a wrong system or UTM zone); `lon`, `lat`
    /// show roughly where.
    OutsideIran {
        /// Longitude of a point of the data, degrees (rough; NaN when not known).
        lon: f64,
        /// Latitude of that point, degrees (rough; NaN when not known).
        lat: f64,
    },
    /// A layer file with no valid feature.
    EmptyLayer,
    /// An office without a `location`: it is shown only for the neighbourhoods it serves.
    OfficeWithoutLocation,
    /// RFC 7946 wants shells counter-clockwise and holes clockwise (fixable).
    WindingOrder {
        /// Index of the polygon in the geometry, from 0 (always 0 for a Polygon).
        polygon: usize,
        /// Index of the ring in the polygon, from 0 (0 is the shell, holes from 1).
        ring: usize,
    },
    /// A feature with the same id as an earlier feature of the layer.
    DuplicateId {
        /// The id both features have.
        id: String,
    },
    /// Two features of one layer overlap by more than 1 m².
    Overlap {
        /// Id of the earlier feature of the layer it overlaps.
        other_id: String,
        /// Area of the overlap, m².
        area_m2: f64,
    },
    /// A feature lies (partly) outside the manifest's city envelope.
    OutsideEnvelope,
    /// A parcel names a block that no block or layer has.
    UnknownBlock {
        /// The block id the parcel gives.
        block_id: String,
    },
    /// The manifest or the packages file is wrong at a field (the file is in the error).
    FieldInvalid(Box<crate::error::FieldError>),
}

/// A problem found while loading data. The valid features are kept.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// How bad it is: a warning keeps the data, an error leaves a feature or file out.
    pub severity: Severity,
    /// Where it is: the file and, as far as known, the feature, line and column.
    pub location: Location,
    /// What is wrong.
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
        let n = |x: usize| crate::base::digits::localize_digits(&x.to_string(), lang);
        let mut parts = vec![l.file.clone()];
        if let Some(i) = l.feature_index {
            parts.push(say!(lang, "عارضهٔ {i}", "feature {i}", i = n(i)));
        }
        if let Some(id) = &l.feature_id {
            parts.push(say!(lang, "شناسه «{id}»", "id “{id}”"));
        }
        if let (Some(line), Some(col)) = (l.line, l.column) {
            parts.push(say!(
                lang,
                "سطر {line}، ستون {col}",
                "line {line}, column {col}",
                line = n(line),
                col = n(col)
            ));
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
