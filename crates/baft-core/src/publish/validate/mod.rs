//! `baft validate`: everything the app loads, checked before publishing.
//!
//! Besides the problems found while loading (JSON syntax with line and column, null or empty
//! geometries, unclosed or degenerate rings, self-intersections, holes outside shells, coordinate
//! systems and swapped axes, packages and offices), the validator checks what only a careful
//! reader would: ring winding (RFC 7946), duplicate ids, features overlapping within a layer,
//! features outside the city envelope, and parcels naming blocks that don't exist.

use crate::error::{BaftError, Problem, ProblemKind};
use crate::geometry::projection::TransverseMercator;
use crate::layer::parcels::ParcelLayer;
use crate::layer::Layer;
use crate::read::manifest::Manifest;
use crate::read::plan::{load_plan, Planned, Role};
use crate::Severity;
use shapes::{extra_checks, feature_problem};
use std::collections::HashSet;

mod shapes;

/// Overlaps smaller than this (m²) are slivers of digitising, not worth a warning.
pub const OVERLAP_M2: f64 = 1.0;

/// The validation result: every finding, errors first.
#[derive(Debug, Clone, Default)]
pub struct Findings(pub Vec<Problem>);

impl Findings {
    /// 0 clean, 1 warnings only, 2 errors.
    pub fn exit_code(&self) -> u8 {
        if self.0.iter().any(|p| p.severity == Severity::Error) {
            2
        } else if self.0.is_empty() {
            0
        } else {
            1
        }
    }
}

/// Validates a data folder through `read` (a path relative to the manifest → its text).
pub fn validate_dir(mut read: impl FnMut(&str) -> Result<String, BaftError>) -> Findings {
    validate_dir_bytes(|p| read(p).map(String::into_bytes))
}

/// Reads files for the validator, reporting those that can't be read.
struct Source<'a> {
    read: &'a mut dyn FnMut(&str) -> Result<Vec<u8>, BaftError>,
}

impl Source<'_> {
    fn text_result(&mut self, path: &str) -> Result<String, BaftError> {
        let b = (self.read)(path)?;
        String::from_utf8(b).map_err(|_| BaftError::Io {
            path: path.into(),
            why: crate::error::Unreadable::NotUtf8,
        })
    }
    fn report(path: &str, e: BaftError, out: &mut Vec<Problem>) {
        let why = crate::error::Unreadable::of(&e);
        out.push(Problem::file_error(
            path,
            ProblemKind::FileUnreadable { why },
        ));
    }
    /// A zones layer from a GeoJSON file (with its text, for the checks that need it) or a
    /// FlatGeobuf file; `None` when it can't be read (reported in `out`).
    fn layer(
        &mut self,
        path: &str,
        spec: &crate::read::manifest::LayerSpec,
        version: &crate::read::manifest::BoundaryVersion,
        frame: &TransverseMercator,
        out: &mut Vec<Problem>,
    ) -> Option<(Layer, Option<String>)> {
        if crate::read::fgb::is_fgb(path) {
            let b = self.bytes(path, out)?;
            return Some((Layer::from_fgb(spec, version, path, &b, frame), None));
        }
        let text = self.text(path, out)?;
        Some((Layer::load(spec, version, path, &text, frame), Some(text)))
    }
    fn text(&mut self, path: &str, out: &mut Vec<Problem>) -> Option<String> {
        self.text_result(path)
            .map_err(|e| Self::report(path, e, out))
            .ok()
    }
    fn bytes(&mut self, path: &str, out: &mut Vec<Problem>) -> Option<Vec<u8>> {
        (self.read)(path)
            .map_err(|e| Self::report(path, e, out))
            .ok()
    }
}

/// Like [`validate_dir`], with a reader of bytes (a packed parcel layer is binary).
pub fn validate_dir_bytes(
    mut read_bytes: impl FnMut(&str) -> Result<Vec<u8>, BaftError>,
) -> Findings {
    let mut src = Source {
        read: &mut read_bytes,
    };
    let mut out = Vec::new();
    let manifest = match read_manifest(&mut src) {
        Ok(m) => m,
        Err(findings) => return findings,
    };
    let [lon, lat] = manifest.city.center;
    let frame = TransverseMercator::local(lon, lat);
    let mut block_ids: Option<HashSet<String>> = None;
    if let Some(path) = &manifest.blocks {
        let spec = blocks_spec(path);
        if let Some((layer, text)) = src.layer(path, &spec, &spec.versions[0], &frame, &mut out) {
            out.extend(layer.problems.iter().cloned());
            out.extend(extra_checks(path, text.as_deref(), &layer, &manifest));
            // Block ids compare in upper case, as the designation analysis groups plots.
            block_ids = Some(layer.zones.iter().map(|z| z.id.to_uppercase()).collect());
        }
    }
    // The files in the order the app loads them (the parcel layer, checked against the zone or
    // block ids, comes last).
    for file in load_plan(&manifest) {
        let path = file.path.as_str();
        match &file.role {
            Role::Layer { spec, version } | Role::Version { spec, version } => {
                let Some((layer, text)) = src.layer(path, spec, version, &frame, &mut out) else {
                    continue;
                };
                out.extend(layer.problems.iter().cloned());
                out.extend(extra_checks(path, text.as_deref(), &layer, &manifest));
            }
            Role::Parcels => {
                let known = block_ids.as_ref();
                out.extend(parcel_problems(&mut src, &file, &manifest, &frame, known));
            }
            Role::Offices => {
                if let Some(text) = src.text(path, &mut out) {
                    let mut ds = crate::dataset::Dataset::new(manifest.clone());
                    out.extend(ds.set_offices(path, &text));
                }
            }
            Role::Streets => {
                if let Some(text) = src.text(path, &mut out) {
                    let mut ds = crate::dataset::Dataset::new(manifest.clone());
                    out.extend(ds.set_streets(path, &text));
                }
            }
            Role::Packages => {
                if let Some(text) = src.text(path, &mut out) {
                    let mut ds = crate::dataset::Dataset::new(manifest.clone());
                    out.extend(ds.set_packages(path, &text));
                }
            }
        }
    }
    out.sort_by_key(|p| std::cmp::Reverse(p.severity));
    Findings(out)
}

/// Reads and parses `manifest.json`; when it can't be read or is invalid, the findings to
/// return instead (its only problems).
fn read_manifest(src: &mut Source<'_>) -> Result<Manifest, Findings> {
    let manifest_text = match src.text_result("manifest.json") {
        Ok(t) => t,
        Err(e) => {
            return Err(Findings(vec![Problem::file_error(
                "manifest.json",
                ProblemKind::FileUnreadable {
                    why: crate::error::Unreadable::of(&e),
                },
            )]))
        }
    };
    use crate::read::manifest::DesignationSettings;
    let designation = |m| DesignationSettings::from_manifest_text(&manifest_text).map(|_| m);
    Manifest::parse(&manifest_text)
        .and_then(designation)
        .map_err(|errs| {
            let field =
                |e| Problem::file_error("manifest.json", ProblemKind::FieldInvalid(Box::new(e)));
            Findings(errs.into_iter().map(field).collect())
        })
}

/// The parcel layer's problems: loading, the rules on its text, and block ids that the blocks
/// layer doesn't have (when there is one).
fn parcel_problems(
    src: &mut Source,
    file: &Planned,
    manifest: &Manifest,
    frame: &TransverseMercator,
    block_ids: Option<&HashSet<String>>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let Some(spec) = &manifest.parcels else {
        return out;
    };
    let loaded = if file.binary {
        // FlatGeobuf: every rule but GeoJSON's ring winding (RFC 7946), which it does not have.
        src.bytes(&spec.file, &mut out)
            .map(|b| (ParcelLayer::load_fgb(spec, &b, None, frame), None))
    } else {
        src.text(&spec.file, &mut out)
            .map(|text| (ParcelLayer::load(spec, &text, frame), Some(text)))
    };
    let Some((parcels, text)) = loaded else {
        return out;
    };
    out.extend(parcels.problems().iter().cloned());
    out.extend(extra_checks(
        &spec.file,
        text.as_deref(),
        &parcels.layer,
        manifest,
    ));
    if let Some(known) = block_ids {
        let (zones, infos) = parcels.decoded();
        for (z, info) in zones.iter().zip(infos) {
            let unknown = |b: &&String| !known.contains(&b.to_uppercase());
            if let Some(b) = info.block_id.as_ref().filter(unknown) {
                out.push(feature_problem(
                    &spec.file,
                    z.feature_index,
                    &z.id,
                    Severity::Error,
                    ProblemKind::UnknownBlock {
                        block_id: b.clone(),
                    },
                ));
            }
        }
    }
    out
}

fn blocks_spec(path: &str) -> crate::read::manifest::LayerSpec {
    use crate::read::manifest::*;
    let v = BoundaryVersion {
        id: "blocks".into(),
        title: LocalText::new("بلوک‌ها", "blocks"),
        file: path.into(),
        approved: ApprovalDate {
            jalali: String::new(),
            iso: String::new(),
        },
        approved_by: LocalText::default(),
        crs: None,
    };
    LayerSpec {
        id: "blocks".into(),
        kind: LayerKind::WornOutFabric,
        name: LocalText::new("بلوک‌ها", "blocks"),
        versions: vec![v],
        current: None,
        source: Source::default(),
        id_property: Some("block_id".into()),
        name_property: None,
        name_en_property: None,
        colour: "#888".into(),
    }
}
