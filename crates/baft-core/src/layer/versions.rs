//! Boundary versions: how a place's status changed between approvals, and what changed in a
//! layer (blocks added and removed, with areas).

use crate::check::{check_point_in_layer, LayerRef, PointStatus, VersionRef, ZoneRef};
use crate::layer::Layer;
use crate::Lang;
use serde::Serialize;
use std::sync::Arc;

/// A point's status in one version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionStatus {
    /// The boundary version.
    pub version: VersionRef,
    /// The point's status in that version.
    pub status: PointStatus,
}

/// What changed for a point in a layer across its versions (oldest first).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerHistory {
    /// The layer (its `version` is the first of the versions given to [`history`]).
    pub layer: Arc<LayerRef>,
    /// The point's status in each usable version, oldest approval first.
    pub statuses: Vec<VersionStatus>,
}

impl LayerHistory {
    /// "inside since the 1402 amendment (added)" / "was inside in 1398 approval, removed in the
    /// 1402 amendment" / "inside in every version since …" / "never inside".
    pub fn sentence(&self, lang: Lang) -> String {
        let s = &self.statuses;
        let inside = |v: &VersionStatus| v.status != PointStatus::Outside;
        let title = |v: &VersionStatus| v.version.title.get(lang).to_string();
        let (Some(first), Some(last)) = (s.first(), s.last()) else {
            return String::new();
        };
        // The latest change, if any.
        let change = s.windows(2).rev().find(|w| inside(&w[0]) != inside(&w[1]));
        match (change, inside(last)) {
            (Some(w), true) => say!(
                lang,
                "از {} داخل است (افزوده شد؛ در {} بیرون بود).",
                "Inside since the {} (added; it was outside in the {}).",
                title(&w[1]),
                title(&w[0])
            ),
            (Some(w), false) => say!(
                lang,
                "در {} داخل بود؛ در {} حذف شد.",
                "Was inside in the {}; removed in the {}.",
                title(&w[0]),
                title(&w[1])
            ),
            (None, true) => say!(
                lang,
                "در همهٔ نسخه‌ها از {} داخل بوده است.",
                "Inside in every version since the {}.",
                title(first)
            ),
            (None, false) => say!(
                lang,
                "در هیچ نسخه‌ای داخل نبوده است.",
                "Outside in every version."
            ),
        }
    }
}

/// A point's history in a layer, from the layer versions given (any order).
pub fn history(versions: &[&Layer], x: f64, y: f64, tolerance: f64) -> Option<LayerHistory> {
    if versions.len() < 2 {
        return None;
    }
    let mut v: Vec<&&Layer> = versions.iter().filter(|l| l.is_usable()).collect();
    crate::base::small::sort_small_by(&mut v, |a, b| {
        a.version
            .approved
            .gregorian_date()
            .cmp(&b.version.approved.gregorian_date())
    });
    let statuses = v
        .iter()
        .map(|l| {
            let r = check_point_in_layer(l, x, y, tolerance);
            VersionStatus {
                version: r.layer.version.clone(),
                status: r.status,
            }
        })
        .collect();
    Some(LayerHistory {
        layer: LayerRef::build(&versions[0].spec, &versions[0].version),
        statuses,
    })
}

/// A block in a diff.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffZone {
    /// The block's id and name.
    pub zone: ZoneRef,
    /// The block's area, m² (in the new version for added and reshaped blocks, in the old for
    /// removed ones).
    pub area_m2: f64,
}

/// What changed from one version of a layer to another, matched by block id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// The version compared from.
    pub old: VersionRef,
    /// The version compared to.
    pub new: VersionRef,
    /// Blocks whose id is only in the new version, sorted by id.
    pub added: Vec<DiffZone>,
    /// Blocks whose id is only in the old version, sorted by id.
    pub removed: Vec<DiffZone>,
    /// Same id, different outline (area changed by more than 1 m²).
    pub reshaped: Vec<DiffZone>,
    /// Total area of the added blocks, m².
    pub added_area_m2: f64,
    /// Total area of the removed blocks, m².
    pub removed_area_m2: f64,
}

/// Compares two versions of a layer, matching blocks by id: the blocks added, removed and reshaped
/// (area changed by more than 1 m²), each list sorted by id.
pub fn diff(old: &Layer, new: &Layer) -> Diff {
    use std::collections::HashMap;
    let o: HashMap<&str, &crate::layer::Zone> =
        old.zones.iter().map(|z| (z.id.as_str(), z)).collect();
    let n: HashMap<&str, &crate::layer::Zone> =
        new.zones.iter().map(|z| (z.id.as_str(), z)).collect();
    let added = diff_zones(new, |z| !o.contains_key(z.id.as_str()));
    let removed = diff_zones(old, |z| !n.contains_key(z.id.as_str()));
    let reshaped = diff_zones(new, |z| {
        o.get(z.id.as_str())
            .is_some_and(|oz| (oz.area_m2 - z.area_m2).abs() > 1.0)
    });
    let vref = |l: &Layer| LayerRef::build(&l.spec, &l.version).version.clone();
    Diff {
        old: vref(old),
        new: vref(new),
        added_area_m2: added.iter().map(|z| z.area_m2).sum(),
        removed_area_m2: removed.iter().map(|z| z.area_m2).sum(),
        added,
        removed,
        reshaped,
    }
}

/// The blocks of `layer` that `keep` picks, as diff entries sorted by id.
fn diff_zones(layer: &Layer, keep: impl Fn(&crate::layer::Zone) -> bool) -> Vec<DiffZone> {
    let mut v: Vec<DiffZone> = layer
        .zones
        .iter()
        .filter(|&z| keep(z))
        .map(|z| DiffZone {
            zone: ZoneRef {
                id: z.id.clone(),
                name: z.name.clone(),
            },
            area_m2: z.area_m2,
        })
        .collect();
    crate::base::small::sort_small_by(&mut v, |a, b| a.zone.id.cmp(&b.zone.id));
    v
}

impl Diff {
    /// The diff as text, one block per line.
    pub fn text(&self, lang: Lang) -> String {
        let mut s = match lang {
            Lang::Fa => format!("از «{}» تا «{}»:\n", self.old.title.fa, self.new.title.fa),
            Lang::En => format!("From “{}” to “{}”:\n", self.old.title.en, self.new.title.en),
        };
        for (label, list, total) in [
            (
                lang.pick("افزوده", "added"),
                &self.added,
                Some(self.added_area_m2),
            ),
            (
                lang.pick("حذف‌شده", "removed"),
                &self.removed,
                Some(self.removed_area_m2),
            ),
            (lang.pick("تغییر شکل", "reshaped"), &self.reshaped, None),
        ] {
            s += &format!("{label}: {}", crate::base::units::count(list.len(), lang));
            if let Some(t) = total {
                s += &format!(" ({})", crate::check::words::square_metres(t, lang));
            }
            s += "\n";
            for z in list {
                s += &format!(
                    "  {} {}\t{}\n",
                    if label == lang.pick("حذف‌شده", "removed") {
                        "-"
                    } else {
                        "+"
                    },
                    crate::check::words::zone_label(&z.zone, lang),
                    crate::check::words::square_metres(z.area_m2, lang)
                );
            }
        }
        s
    }

    /// The diff as GeoJSON: the added and removed blocks with a `change` property.
    pub fn geojson(&self, old: &Layer, new: &Layer) -> String {
        let mut feats = Vec::new();
        for (change, list, layer) in [
            ("added", &self.added, new),
            ("removed", &self.removed, old),
            ("reshaped", &self.reshaped, new),
        ] {
            for d in list {
                if let Some(z) = layer.zones.iter().find(|z| z.id == d.zone.id) {
                    let coords: Vec<Vec<Vec<[f64; 2]>>> = z
                        .lon_lat
                        .0
                        .iter()
                        .map(|p| {
                            std::iter::once(p.exterior())
                                .chain(p.interiors())
                                .map(|r| r.0.iter().map(|c| [c.x, c.y]).collect())
                                .collect()
                        })
                        .collect();
                    feats.push(serde_json::json!({"type": "Feature", "properties": {"id": z.id, "name": z.name.fa, "name_en": z.name.en, "change": change, "area_m2": (d.area_m2 * 10.0).round() / 10.0}, "geometry": {"type": "MultiPolygon", "coordinates": coords}}));
                }
            }
        }
        serde_json::json!({"type": "FeatureCollection", "features": feats}).to_string()
    }
}
