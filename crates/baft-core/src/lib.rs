#![deny(missing_docs)]
#![forbid(unsafe_code)]
//! # baft-core
//!
//! The pure domain core of Baft (بافت): it answers "is this plot in an urban-regeneration
//! area?" for a point or a plot outline, against layers of worn-out fabric (بافت فرسوده),
//! informal settlements (سکونتگاه غیررسمی), historic fabric (بافت تاریخی) and regeneration
//! target neighbourhoods (محلات هدف).
//!
//! It has no web dependency: the Leptos app, the `baft` CLI and the JS API all call it.
//!
//! One concept per module:
//! - [`digits`]: Persian/Arabic-Indic digits and bidi marks in typed text.
//! - [`projection`]: WGS84 ⇄ transverse Mercator (UTM and the local metric frame).
//! - [`jalali`]: the Solar Hijri (Jalali) calendar.
//! - [`input`]: what an owner types or pastes: coordinates, UTM, `geo:` URIs, map links, corners.
//! - [`plate`]: registration plates (پلاک ثبتی) and renovation codes (کد نوسازی).
//! - [`search`]: one search box for all of the above and for place names.
//! - [`manifest`]: the `data/manifest.json` that lists layers and their boundary versions.
//! - [`geojson`]: reading GeoJSON zone files, with per-feature problem reports.
//! - [`properties`]: a feature's properties, kept as JSON text until a field is read.
//! - [`crs`]: deciding whether a file is lon/lat, UTM or has swapped axes.
//! - [`interior`]: a point inside an area, without panicking on degenerate outlines.
//! - [`layer`]: an indexed layer (zones with prepared geometry, a packed R-tree of their boxes).
//! - [`check`]: the point and plot checks and their result types.
//! - [`versions`]: boundary-version history and diffs.
//! - [`parcels`]: the plot-by-plot layer (plates, codes, neighbours, survey facts).
//! - [`fgb`]: FlatGeobuf, the format of the parcel layer (read, and written by `baft pack`).
//! - [`offices`]: facilitation offices.
//! - [`packages`]: incentive packages: format, facts, rules, worth, comparison, words.
//! - [`dataset`]: a manifest plus everything it lists, loaded.
//! - [`validate`] and [`fix`]: checking and safely correcting data before publishing.
//! - [`designate`]: the three national criteria measured per block from the plot-by-plot
//!   survey, and the boundary proposal against the approved version.
//! - [`profile`]: each target neighbourhood's facts, service shortfalls and catalyst candidates.
//! - [`outreach`]: each target neighbourhood's brochure and banner, with a QR code to Baft.
//! - [`share`]: share links (the state of an answer in a URL fragment).
//! - [`summary`]: a compact, serialisable answer for embedding pages and the JS API.
//! - [`certificate`]: the printable certificate's map, QR code and data hashes.
//! - [`text`]: results in Persian or English words; [`error`]: errors and data problems;
//!   [`json_error`]: JSON errors in plain words, naming the field.
//!
//! ```
//! use baft_core::{dataset::Dataset, input::parse_location};
//! let zones = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
//!   "properties":{"id":"B1","name":"بلوک ۱"},
//!   "geometry":{"type":"Polygon","coordinates":[[[51.11,35.70],[51.12,35.70],[51.12,35.71],[51.11,35.71],[51.11,35.70]]]}}]}"#;
//! let data = Dataset::from_single_file("zones.geojson", zones).unwrap();
//! let here = parse_location("۳۵٫۷۰۵، ۵۱٫۱۱۵").unwrap();
//! let report = data.check_point(here.lon_lat());
//! assert!(report.layers[0].status.is_inside());
//! ```

// Foundations: languages, digits, dates, small helpers.
#[macro_use]
pub mod base;
// Geometry: projection, CRS detection, prepared polygons, interior points.
pub mod geometry;
// Errors and data problems, with their words.
pub mod error;
// Reading published files: manifest, GeoJSON, FlatGeobuf, properties, JSON errors in words.
pub mod read;
// What people type: coordinates, links, corners, plates and codes.
pub mod input;
// Loaded layers: zones, boundary versions, the parcel layer, offices.
pub mod layer;
// The point and plot checks, and their words.
pub mod check;
// Incentive packages: format, facts, rules, worth, comparison, words.
pub mod packages;
// A manifest with everything it lists, loaded.
pub mod dataset;
// Whole answers: search, the answer, the embedders' summary, share links, the certificate.
pub mod answer;
// Publishing: validating and fixing data folders.
pub mod publish;
// The facilitation office's designation of blocks from the plot-by-plot survey.
pub mod designate;
// The neighbourhood profile: physical and social facts, services against per-capita targets,
// catalyst-project candidates.
pub mod profile;
// Brochures and banners for each target neighbourhood, from the same data files.
pub mod outreach;

pub use base::lang::Lang;
pub use error::{BaftError, FieldError, Problem, Severity};
