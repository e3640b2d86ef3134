//! A link's state made from an answer, and the boundary versions it is compared with when
//! opened: one rule for the app's share links and the outreach's QR codes.
//!
//! `b=` is positional over the **manifest's** layers, so that a layer whose file failed to load
//! (on either side) leaves its place empty instead of shifting every later layer's version into
//! the wrong place (which showed a false "made with other data" note on every link).

use super::{SharedState, Subject};
use crate::answer::{Place, Report};
use crate::dataset::Dataset;

impl SharedState {
    /// The state of `place`'s answer on `ds`: its subject (the surveyed plot's id, else the
    /// outline, else the point), the data version, and the boundary version each of the
    /// manifest's layers answered with (empty for a layer that gave no answer). No city,
    /// language or facts: the caller adds those it has.
    pub fn of_place(ds: &Dataset, place: &Place) -> SharedState {
        let subject = match (&place.parcel, &place.rings) {
            (Some(info), _) => Subject::Parcel(info.plot_id.clone()),
            (None, Some(rings)) => Subject::Outline(rings.clone()),
            (None, None) => {
                let (lon, lat) = place.lon_lat();
                Subject::Point { lat, lon }
            }
        };
        let used: Vec<(&str, &str)> = match &place.result {
            Report::Point(r) => (r.layers.iter())
                .map(|l| (l.layer.id.as_str(), l.layer.version.id.as_str()))
                .collect(),
            Report::Plot(r) => (r.layers.iter())
                .map(|l| (l.layer.id.as_str(), l.layer.version.id.as_str()))
                .collect(),
        };
        let mut boundary: Vec<String> = (ds.manifest.layers.iter())
            .map(|spec| {
                (used.iter())
                    .find(|(id, _)| *id == spec.id)
                    .map(|(_, v)| v.to_string())
                    .unwrap_or_default()
            })
            .collect();
        while boundary.last().is_some_and(String::is_empty) {
            boundary.pop();
        }
        SharedState {
            subject: Some(subject),
            data_version: Some(ds.manifest.data_version.clone()),
            boundary,
            ..Default::default()
        }
    }
}

/// The boundary version each of the manifest's layers answers with on `ds` now, as
/// [`SharedState::boundary_changes`] takes it: `(layer id, version id)`, the version empty for
/// a layer that gives no answer (its file failed to load, or holds no usable block).
pub fn boundary_now(ds: &Dataset) -> Vec<(String, String)> {
    (ds.manifest.layers.iter())
        .map(|spec| {
            let version = (ds.layers.iter())
                .find(|l| l.spec.id == spec.id && l.is_usable())
                .map(|l| l.version.id.clone())
                .unwrap_or_default();
            (spec.id.clone(), version)
        })
        .collect()
}
