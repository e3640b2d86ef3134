//! The designation proposal: the blocks that qualify, against the approved boundary version.

use super::blocks::{BlockFigures, BlockStatus};
use crate::base::LocalText;
use crate::geometry::projection::TransverseMercator;
use crate::layer::Layer;
use crate::layer::LayerRef;
use crate::read::manifest::Criterion;
use geo::{Area, Buffer, MultiPolygon};
use serde::Serialize;
use std::collections::HashSet;

/// What the proposal does to a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Qualifies, not in the approved boundary: to add.
    Add,
    /// In the approved boundary, judged and not qualifying: to remove.
    Remove,
    /// In the approved boundary and qualifies: kept.
    Keep,
    /// In the approved boundary, insufficient data: kept until surveyed (flagged).
    KeepUnjudged,
    /// Not in the boundary, and not proposed.
    None,
}

/// One block's place in the proposal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlockChange {
    /// The block's id.
    pub block_id: String,
    /// What the proposal does to it.
    pub change: ChangeKind,
    /// In the approved version.
    pub approved: bool,
    /// The block's area, hectares (0 when the blocks layer doesn't have it).
    pub area_ha: f64,
    /// Its plots in the survey.
    pub plots: usize,
    /// What decides it: for an addition the criteria met, for a removal those not met.
    pub deciding: Vec<Criterion>,
}

/// The whole proposal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    /// The layer compared with.
    pub layer_id: String,
    /// Its name, for sentences.
    pub layer_name: LocalText,
    /// Its version in force, compared with.
    pub version_id: String,
    /// That version's title ("1402 amendment"), for sentences.
    pub version_title: LocalText,
    /// Every block, in the order of the figures.
    pub blocks: Vec<BlockChange>,
    /// The approved version's area, hectares.
    pub approved_area_ha: f64,
    /// The proposed boundary's area, hectares.
    pub proposed_area_ha: f64,
    /// The proposed boundary, dissolved, in (lon, lat): adjoining blocks, and blocks across a
    /// street narrower than [`DISSOLVE_GAP_M`], become one polygon.
    #[serde(skip)]
    pub outline: MultiPolygon<f64>,
}

impl Proposal {
    /// Each block's change, by block id (built once, for lookups over many blocks).
    pub fn by_block(&self) -> std::collections::HashMap<&str, &BlockChange> {
        self.blocks
            .iter()
            .map(|b| (b.block_id.as_str(), b))
            .collect()
    }

    /// The blocks with this change.
    pub fn with(&self, kind: ChangeKind) -> impl Iterator<Item = &BlockChange> {
        self.blocks.iter().filter(move |b| b.change == kind)
    }

    /// Whether a block is inside the proposed boundary.
    pub fn proposed(&self, b: &BlockChange) -> bool {
        matches!(
            b.change,
            ChangeKind::Add | ChangeKind::Keep | ChangeKind::KeepUnjudged
        )
    }
}

/// Streets up to this wide (m) between proposed blocks are closed over in the dissolved
/// boundary, as a boundary is drawn around a neighbourhood, not around each block.
pub const DISSOLVE_GAP_M: f64 = 24.0;

/// Compares the figures with the approved version's blocks (`approved`: their ids, in the layer
/// `compared`) and dissolves the proposed blocks' outlines from `blocks` (the blocks layer, when
/// there is one).
pub fn propose(
    figures: &[BlockFigures],
    approved: &HashSet<String>,
    compared: &LayerRef,
    blocks: Option<&Layer>,
    frame: &TransverseMercator,
) -> Proposal {
    let zones: std::collections::HashMap<&str, &crate::layer::Zone> = (blocks.iter())
        .flat_map(|l| l.zones.iter().map(|z| (z.id.as_str(), z)))
        .collect();
    let zone = |id: &str| zones.get(id).copied();
    let changes: Vec<BlockChange> = figures
        .iter()
        .map(|f| {
            let is_approved = approved.contains(&f.block_id);
            let change = match (f.status, is_approved) {
                (BlockStatus::Qualifies, false) => ChangeKind::Add,
                (BlockStatus::Qualifies, true) => ChangeKind::Keep,
                (BlockStatus::DoesNotQualify, true) => ChangeKind::Remove,
                (BlockStatus::InsufficientData, true) => ChangeKind::KeepUnjudged,
                _ => ChangeKind::None,
            };
            let deciding = match change {
                ChangeKind::Add => f.meets.clone(),
                ChangeKind::Remove => (Criterion::ALL.into_iter())
                    .filter(|c| !f.meets.contains(c))
                    .collect(),
                _ => Vec::new(),
            };
            BlockChange {
                block_id: f.block_id.clone(),
                change,
                approved: is_approved,
                area_ha: zone(&f.block_id).map_or(0.0, |z| z.area_m2 / 10_000.0),
                plots: f.plots,
                deciding,
            }
        })
        .collect();
    let area = |keep: &dyn Fn(&BlockChange) -> bool| -> f64 {
        changes.iter().filter(|b| keep(b)).map(|b| b.area_ha).sum()
    };
    let mut p = Proposal {
        layer_id: compared.id.clone(),
        layer_name: compared.name.clone(),
        version_id: compared.version.id.clone(),
        version_title: compared.version.title.clone(),
        approved_area_ha: area(&|b| b.approved),
        proposed_area_ha: 0.0,
        outline: MultiPolygon::new(Vec::new()),
        blocks: Vec::new(),
    };
    p.proposed_area_ha = area(&|b| p.proposed(b));
    let local: Vec<MultiPolygon<f64>> = changes
        .iter()
        .filter(|b| p.proposed(b))
        .filter_map(|b| zone(&b.block_id).map(|z| z.local.clone()))
        .collect();
    p.outline = to_lon_lat(&dissolve(&local), frame);
    p.blocks = changes;
    p
}

/// The union of the outlines (local metres), closed over gaps up to [`DISSOLVE_GAP_M`] wide.
pub fn dissolve(outlines: &[MultiPolygon<f64>]) -> MultiPolygon<f64> {
    if outlines.is_empty() {
        return MultiPolygon::new(Vec::new());
    }
    let grown: Vec<MultiPolygon<f64>> = outlines
        .iter()
        .map(|m| m.buffer(DISSOLVE_GAP_M / 2.0))
        .collect();
    let merged = geo::unary_union(&grown);
    let closed = merged.buffer(-DISSOLVE_GAP_M / 2.0);
    // Shrinking may leave slivers of floating-point dust: keep real parts only.
    MultiPolygon::new(
        closed
            .0
            .into_iter()
            .filter(|p| p.unsigned_area() > 1.0)
            .collect(),
    )
}

fn to_lon_lat(m: &MultiPolygon<f64>, frame: &TransverseMercator) -> MultiPolygon<f64> {
    use geo::MapCoords;
    m.map_coords(|c| {
        let (lon, lat) = frame.inverse(c.x, c.y);
        geo::coord! { x: lon, y: lat }
    })
}
