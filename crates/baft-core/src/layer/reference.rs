//! What results say about a layer, a zone and the boundary version they used: made once at
//! load time and shared, so that results copy no strings.

use super::{Layer, Zone};
use crate::base::LocalText;
use crate::read::manifest::{ApprovalDate, LayerKind};
use serde::Serialize;
use std::sync::Arc;

/// A block or zone, as reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZoneRef {
    pub id: String,
    pub name: LocalText,
}

impl ZoneRef {
    /// The zone's shared reference (made once at load time: results don't copy strings).
    pub(crate) fn of(z: &Zone) -> Arc<ZoneRef> {
        z.reference.clone()
    }
}

/// The boundary version a result used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionRef {
    pub id: String,
    pub title: LocalText,
    pub approved: ApprovalDate,
    pub approved_by: LocalText,
}

/// The layer a result is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerRef {
    pub id: String,
    pub kind: LayerKind,
    pub name: LocalText,
    pub version: VersionRef,
}

impl LayerRef {
    pub(crate) fn of(l: &Layer) -> Arc<LayerRef> {
        l.reference.clone()
    }

    pub(crate) fn build(
        spec: &crate::read::manifest::LayerSpec,
        v: &crate::read::manifest::BoundaryVersion,
    ) -> Arc<LayerRef> {
        Arc::new(LayerRef {
            id: spec.id.clone(),
            kind: spec.kind,
            name: spec.name.clone(),
            version: VersionRef {
                id: v.id.clone(),
                title: v.title.clone(),
                approved: v.approved.clone(),
                approved_by: v.approved_by.clone(),
            },
        })
    }
}
