//! The checks only a careful reader would make of one loaded file: ring winding (RFC 7946),
//! duplicate ids, features overlapping within a layer, and features outside the city envelope.

use super::OVERLAP_M2;
use crate::error::{Location, Problem, ProblemKind};
use crate::layer::Layer;
use crate::read::geojson;
use crate::read::manifest::Manifest;
use crate::Severity;
use std::collections::HashMap;

pub(super) fn feature_problem(
    file: &str,
    index: usize,
    id: &str,
    severity: Severity,
    kind: ProblemKind,
) -> Problem {
    Problem {
        severity,
        location: Location {
            file: file.into(),
            feature_index: Some(index),
            feature_id: Some(id.into()),
            ..Default::default()
        },
        kind,
    }
}

/// Winding, duplicate ids, overlaps and the envelope, for one loaded file.
pub(super) fn extra_checks(
    file: &str,
    text: Option<&str>,
    layer: &Layer,
    manifest: &Manifest,
) -> Vec<Problem> {
    let mut out = Vec::new();
    // A file in the wrong system (swapped axes, undeclared UTM) has already been reported as a
    // whole; its rings' orientation and positions mean nothing until that is corrected.
    if !layer.is_usable() {
        return out;
    }
    if let Some(text) = text {
        winding_problems(file, text, layer, &mut out);
    }
    // Duplicate ids.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for z in &layer.zones {
        if seen.insert(z.id.as_str(), z.feature_index).is_some() {
            out.push(feature_problem(
                file,
                z.feature_index,
                &z.id,
                Severity::Error,
                ProblemKind::DuplicateId { id: z.id.clone() },
            ));
        }
    }
    overlap_problems(file, layer, &mut out);
    // Outside the city envelope.
    let [a, b, c, d] = manifest.city.envelope;
    for z in &layer.zones {
        let bb = crate::geometry::crs::bbox_of(
            z.lon_lat
                .0
                .iter()
                .flat_map(|p| p.exterior().0.iter().map(|c| (c.x, c.y))),
        );
        if bb.0 < a || bb.1 < b || bb.2 > c || bb.3 > d {
            out.push(feature_problem(
                file,
                z.feature_index,
                &z.id,
                Severity::Warning,
                ProblemKind::OutsideEnvelope,
            ));
        }
    }
    out
}

/// Pushes to `out` a warning for each ring of the file's `text` wound against RFC 7946
/// (judged on the file's own rings).
fn winding_problems(file: &str, text: &str, layer: &Layer, out: &mut Vec<Problem>) {
    let Ok(raw) =
        geojson::parse_feature_collection_by(file, text, layer.spec.id_property.as_deref())
    else {
        return;
    };
    for f in &raw.features {
        for (pi, poly) in f.polygons.iter().enumerate() {
            for (ri, ring) in poly.iter().enumerate() {
                let a: f64 = ring
                    .windows(2)
                    .map(|w| {
                        (w[0].0 - ring[0].0) * (w[1].1 - ring[0].1)
                            - (w[1].0 - ring[0].0) * (w[0].1 - ring[0].1)
                    })
                    .sum();
                if (ri == 0 && a < 0.0) || (ri > 0 && a > 0.0) {
                    let id = f.id.clone().unwrap_or_else(|| format!("#{}", f.index));
                    let shown = layer
                        .zones
                        .iter()
                        .find(|z| z.feature_index == f.index)
                        .map(|z| z.id.clone())
                        .unwrap_or(id);
                    out.push(feature_problem(
                        file,
                        f.index,
                        &shown,
                        Severity::Warning,
                        ProblemKind::WindingOrder {
                            polygon: pi,
                            ring: ri,
                        },
                    ));
                }
            }
        }
    }
}

/// Pushes to `out` a warning for each pair of the layer's zones overlapping by more than
/// [`OVERLAP_M2`] (each pair once).
fn overlap_problems(file: &str, layer: &Layer, out: &mut Vec<Problem>) {
    use geo::{Area, BooleanOps};
    for (i, z) in layer.zones.iter().enumerate() {
        let b = z.prepared.bbox();
        for o in layer.candidates_in(b) {
            let j = layer
                .zones
                .iter()
                .position(|x| std::ptr::eq(x, o))
                .unwrap_or(0);
            if j <= i {
                continue;
            }
            let a = z.local.intersection(&o.local).unsigned_area();
            if a > OVERLAP_M2 {
                out.push(feature_problem(
                    file,
                    o.feature_index,
                    &o.id,
                    Severity::Warning,
                    ProblemKind::Overlap {
                        other_id: z.id.clone(),
                        area_m2: a,
                    },
                ));
            }
        }
    }
}
