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
    /// Block or zone id.
    pub id: String,
    /// Its name in Persian and English (either may be empty).
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
    /// The version's short id, e.g. `1402`.
    pub id: String,
    /// The version's title, e.g. "1402 amendment".
    pub title: LocalText,
    /// Its approval date, in both calendars.
    pub approved: ApprovalDate,
    /// The body that approved it, e.g. the provincial Article 5 Commission.
    pub approved_by: LocalText,
}

/// The layer a result is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerRef {
    /// The layer's id, e.g. `worn-out-fabric`.
    pub id: String,
    /// The kind of regeneration layer.
    pub kind: LayerKind,
    /// The layer's name in Persian and English.
    pub name: LocalText,
    /// The boundary version the result used.
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
