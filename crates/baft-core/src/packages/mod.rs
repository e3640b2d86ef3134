//! Incentive packages (بسته‌های تشویقی): which apply to a plot, why, and what they are worth.
//!
//! Packages change yearly and by city, so they are data (`data/packages.json`, documented in
//! `docs/packages-format.md`):
//! - [`format`]: the file, its validation (errors name the package and field);
//! - [`facts`]: what is known about a plot, and where each fact came from;
//! - [`rules`]: evaluating every package as *applies*, *may apply* (naming the missing fact),
//!   *does not apply* (naming each unmet condition, with what would change it) or *not in
//!   force*; then the stacking rules and the combined benefits;
//! - [`value`]: extra floor area, fee savings and loans, each with its assumptions listed;
//! - [`compare`]: scenarios (build alone, consolidate with neighbours) side by side, and CSV;
//! - [`words`]: all of this in Persian and English.
//!
//! Unknown facts never become a wrong yes or no: a condition on an unknown fact is *unknown*,
//! and a package with an unknown condition (and no failed one) *may apply*.

pub mod compare;
pub mod facts;
pub mod format;
pub mod rules;
pub mod value;
pub mod words;

pub use facts::{FactName, FactSource, PlotFacts};
pub use format::PackagesFile;
pub use rules::{evaluate, Evaluation, PackageStatus};
