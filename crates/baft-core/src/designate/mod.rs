//! Designation from the plot-by-plot survey: the facilitation office's analysis of which urban
//! blocks are worn-out fabric (بافت فرسوده), and the boundary it proposes to the Article 5
//! Commission.
//!
//! 1. [`SurveyPlot::read`] reads each surveyed plot's facts with the manifest's field names
//!    ([`DesignationSettings`]): its block, its area, whether its building has no structural
//!    system, and the width of the passage it is reached by.
//! 2. [`figures`] measures each block's three shares and judges it: qualifies, does not, or
//!    insufficient data (too few plots or answers: never silently classed).
//! 3. [`propose`] compares the qualifying blocks with the approved boundary version: blocks to
//!    add and to remove, with their area, plots and the deciding criteria, and the proposed
//!    boundary dissolved into polygons.
//! 4. [`export`] writes the blocks and the proposal as GeoJSON (and FlatGeobuf, through
//!    [`crate::read::fgb::write`]) for QGIS, and a CSV per block.
//! 5. `dossier` (cargo feature `dossier`: the CLI and staff tools, never the owners' app) lays
//!    out the printable dossier for the Commission, its maps and charts drawn with `plotters`.
//!
//! The survey never leaves the computer it is opened on: `baft designate` and the staff page
//! both run this code locally.

mod blocks;
#[cfg(feature = "dossier")]
pub(crate) mod charts;
#[cfg(feature = "dossier")]
pub mod dossier;
pub mod export;
mod proposal;
mod summary;
mod survey;

pub(crate) use blocks::fine_grain_share;
pub use blocks::{all_figures, figures, BlockFigures, BlockStatus};
pub use proposal::{dissolve, propose, BlockChange, ChangeKind, Proposal, DISSOLVE_GAP_M};
pub use summary::summary;
pub use survey::SurveyPlot;

use crate::dataset::Dataset;
use crate::error::BaftError;
use crate::layer::parcels::ParcelLayer;
use crate::layer::Layer;
pub use crate::read::manifest::{Criterion, DesignationSettings, FineGrainRule};
use crate::read::manifest::{LayerKind, LocalText};
use serde::Serialize;
use std::collections::HashSet;

/// The analysis and the proposal, with the settings they used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Designation {
    /// The thresholds and rule used.
    pub settings: DesignationSettings,
    /// Every block's figures.
    pub blocks: Vec<BlockFigures>,
    /// The comparison with the approved boundary (none when the data has no layer to compare
    /// with).
    pub proposal: Option<Proposal>,
}

/// Reads the survey (the parcel file, GeoJSON or FlatGeobuf) as a layer that keeps every plot's
/// properties, for [`SurveyPlot::read`].
pub fn read_survey(ds: &Dataset, file: &str, bytes: &[u8]) -> Result<Layer, BaftError> {
    let spec = ds
        .manifest
        .parcels
        .clone()
        .ok_or(BaftError::NoParcelLayer)?;
    let (lspec, version) = ParcelLayer::spec_for(&spec);
    Ok(if crate::read::fgb::is_fgb(file) {
        match crate::read::fgb::read_by(file, bytes, None, lspec.id_property.as_deref()) {
            Ok(raw) => Layer::load_raw(&lspec, &version, file, raw, &ds.frame),
            Err(p) => {
                let mut l = Layer::load_raw(&lspec, &version, file, Default::default(), &ds.frame);
                l.problems = vec![p];
                l
            }
        }
    } else {
        let text = String::from_utf8_lossy(bytes);
        Layer::load(&lspec, &version, file, &text, &ds.frame)
    })
}

/// Reads the blocks layer (`blocks` in the manifest), its ids from `block_id`.
pub fn read_blocks(ds: &Dataset, file: &str, text: &str) -> Layer {
    let (spec, version) = crate::layer::working::Working {
        id: "blocks",
        name: LocalText::new("بلوک‌ها", "blocks"),
        version: ("blocks", LocalText::new("بلوک‌های شهری", "urban blocks")),
        file,
        id_property: "block_id".into(),
        crs: None,
    }
    .spec();
    Layer::load(&spec, &version, file, text, &ds.frame)
}

/// The whole analysis with `settings` (read with [`DesignationSettings::from_manifest_text`]):
/// figures for every block of `blocks` (or every block the survey names), and the proposal
/// against the current version of the comparison layer loaded in `ds`.
pub fn designate(
    ds: &Dataset,
    settings: DesignationSettings,
    survey: &Layer,
    blocks: Option<&Layer>,
) -> Designation {
    let plots: Vec<SurveyPlot> = survey
        .zones
        .iter()
        .map(|z| SurveyPlot::read(z, &settings))
        .collect();
    let ids: Vec<String> = blocks
        .map(|b| b.zones.iter().map(|z| z.id.clone()).collect())
        .unwrap_or_default();
    let figures = all_figures(&plots, &ids, &settings);
    let compared = ds.layers.iter().find(|l| match &settings.compare_layer {
        Some(id) => &l.spec.id == id,
        None => l.spec.kind == LayerKind::WornOutFabric,
    });
    let proposal = compared.map(|l| {
        let approved: HashSet<String> = l.zones.iter().map(|z| z.id.clone()).collect();
        propose(&figures, &approved, &l.reference(), blocks, &ds.frame)
    });
    Designation {
        settings,
        blocks: figures,
        proposal,
    }
}
