//! The manifest's `designation` section: how the facilitation office designates urban blocks as
//! worn-out fabric (بافت فرسوده) from the plot-by-plot survey ([`crate::designate`]).
//!
//! Every field has the national default, so `"designation": {}` (or no section at all) means:
//! a block qualifies when **more than 50 %** of its plots are under 200 m² (fine grain, counted
//! by plots), more than 50 % of its buildings have no structural system (`structure` is
//! `unreinforced_masonry`), and more than 50 % of its plots are reached by passages narrower
//! than 6 m (`frontage_width_m`); all three must hold; a block whose survey answers fewer than
//! half of its plots for a criterion is "insufficient data", never classed.
//!
//! ```
//! use baft_core::read::manifest::{DesignationSettings, FineGrainRule};
//! let s: DesignationSettings = serde_json::from_str(r#"{"fine_grain": {"rule": "area"}}"#).unwrap();
//! assert_eq!(s.fine_grain.rule, FineGrainRule::Area);
//! assert_eq!(s.fine_grain.max_area_m2, 200.0);
//! assert_eq!(s.qualify.len(), 3);
//! ```

use crate::error::{DataFile, FieldError};
use serde::{Deserialize, Serialize};

/// A manifest section kept as its JSON text, unread (the owners' app carries no reader for it,
/// and `baft fix` writes it back as it was).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RawSection(pub Box<serde_json::value::RawValue>);

impl PartialEq for RawSection {
    fn eq(&self, other: &Self) -> bool {
        self.0.get() == other.0.get()
    }
}

/// One of the three national criteria.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    /// ریزدانگی: small plots.
    FineGrain,
    /// ناپایداری: buildings without a structural system.
    Instability,
    /// نفوذناپذیری: plots reached by narrow passages.
    Impermeability,
}

impl Criterion {
    /// The three, in the order the texts give them.
    pub const ALL: [Criterion; 3] = [
        Criterion::FineGrain,
        Criterion::Instability,
        Criterion::Impermeability,
    ];
}

/// How fine grain is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FineGrainRule {
    /// The share of plots (by count) under the area threshold.
    #[default]
    Count,
    /// The share of the block's surveyed plot area made of plots under the threshold.
    Area,
}

/// Fine grain (ریزدانگی).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FineGrain {
    /// Count plots or their area (default: count).
    pub rule: FineGrainRule,
    /// A plot under this area (m²) is small (default 200).
    pub max_area_m2: f64,
    /// The survey property with the plot's area, m² (default `area_m2`); a plot without it is
    /// measured from its outline.
    pub field: String,
    /// The block meets the criterion when the share is more than this (default 0.5).
    pub share: f64,
}

impl Default for FineGrain {
    fn default() -> Self {
        FineGrain {
            rule: FineGrainRule::Count,
            max_area_m2: 200.0,
            field: "area_m2".into(),
            share: 0.5,
        }
    }
}

/// Instability (ناپایداری): buildings without a structural system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Instability {
    /// The survey property with the structural system (default `structure`).
    pub field: String,
    /// Its values (compared in lower case) that mean "no structural system" (default
    /// `["unreinforced_masonry"]`).
    pub values: Vec<String>,
    /// The block meets the criterion when the share is more than this (default 0.5).
    pub share: f64,
}

impl Default for Instability {
    fn default() -> Self {
        Instability {
            field: "structure".into(),
            values: vec!["unreinforced_masonry".into()],
            share: 0.5,
        }
    }
}

/// Impermeability (نفوذناپذیری): plots reached by narrow passages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Impermeability {
    /// The survey property with the passage's width at the plot, m (default `frontage_width_m`).
    pub field: String,
    /// A passage narrower than this (m) is narrow (default 6).
    pub max_width_m: f64,
    /// The block meets the criterion when the share is more than this (default 0.5).
    pub share: f64,
}

impl Default for Impermeability {
    fn default() -> Self {
        Impermeability {
            field: "frontage_width_m".into(),
            max_width_m: 6.0,
            share: 0.5,
        }
    }
}

/// The `designation` section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DesignationSettings {
    /// Fine grain.
    pub fine_grain: FineGrain,
    /// Instability.
    pub instability: Instability,
    /// Impermeability.
    pub impermeability: Impermeability,
    /// The criteria a block must all meet to qualify (default: all three).
    pub qualify: Vec<Criterion>,
    /// A criterion is judged only when the survey answers at least this share of the block's
    /// plots for it (default 0.5); else the block is "insufficient data".
    pub min_coverage: f64,
    /// A block with fewer surveyed plots is "insufficient data" (default 3).
    pub min_plots: usize,
    /// The layer whose current version the proposal is compared with (default: the first
    /// `worn_out_fabric` layer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compare_layer: Option<String>,
}

impl Default for DesignationSettings {
    fn default() -> Self {
        DesignationSettings {
            fine_grain: FineGrain::default(),
            instability: Instability::default(),
            impermeability: Impermeability::default(),
            qualify: Criterion::ALL.to_vec(),
            min_coverage: 0.5,
            min_plots: 3,
            compare_layer: None,
        }
    }
}

impl DesignationSettings {
    /// The `designation` section of a manifest's text (the national defaults without one). An
    /// error names its field (`designation.fine_grain.rule`) and its line in the file.
    pub fn from_manifest_text(text: &str) -> Result<DesignationSettings, Vec<FieldError>> {
        #[derive(Deserialize)]
        struct Section {
            #[serde(default)]
            designation: Option<DesignationSettings>,
        }
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        serde_json::from_str::<Section>(text)
            .map(|s| s.designation.unwrap_or_default())
            .map_err(|e| vec![FieldError::from_serde(DataFile::Manifest, text, &e)])
    }
}
