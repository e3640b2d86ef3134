//! Per-capita targets (سرانه‌ها): m² of land per resident by service land use, with their source.

use crate::base::LocalText;
use serde::{Deserialize, Serialize};

/// One land use's target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// The survey's `land_use` value (e.g. `green_space`).
    pub land_use: String,
    /// Its name in both languages.
    pub name: LocalText,
    /// Land per resident the standard asks for, m².
    pub m2_per_resident: f64,
    /// Where the figure comes from.
    pub source: String,
    /// The figure is a sample assumption, not confirmed for this city.
    #[serde(default)]
    pub sample_assumption: bool,
}

/// Where a data folder keeps its per-capita targets file, relative to the manifest.
pub const TARGETS_FILE: &str = "reference/per-capita.json";

/// The per-capita targets file ([`TARGETS_FILE`]).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Targets {
    /// Shown with the figures (e.g. that they are sample values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
    /// One per service land use.
    pub targets: Vec<Target>,
}

impl Targets {
    /// Reads the file; the error names the field (serde's words, with line and column).
    pub fn from_json(text: &str) -> Result<Targets, String> {
        let t: Targets = serde_json::from_str(text).map_err(|e| e.to_string())?;
        match t
            .targets
            .iter()
            .find(|x| x.m2_per_resident.is_nan() || x.m2_per_resident < 0.0)
        {
            Some(x) => Err(format!(
                "targets[{}].m2_per_resident: must be a number ≥ 0",
                x.land_use
            )),
            None => Ok(t),
        }
    }
}
