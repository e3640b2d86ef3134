//! Boundary versions: how a place's status changed between approvals, and what changed in a
//! layer (blocks added and removed, with areas).

use crate::check::{check_point_in_layer, LayerRef, PlotStatus, PointStatus, VersionRef, ZoneRef};
use crate::layer::Layer;
use crate::Lang;
use serde::Serialize;
use std::sync::Arc;

/// Where a place stands in one version of a layer: a point's status, or a plot's.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Standing {
    /// A point: inside, on the boundary or outside.
    Point(PointStatus),
    /// A plot: inside, partly inside or outside, by its share.
    Plot(PlotStatus),
}

impl PartialEq<PointStatus> for Standing {
    fn eq(&self, other: &PointStatus) -> bool {
        *self == Standing::Point(*other)
    }
}

/// A place's status in one version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionStatus {
    /// The boundary version.
    pub version: VersionRef,
    /// The place's status in that version.
    pub status: Standing,
    /// Whether it counts as inside in that version, as the answer counts it: a point inside or
    /// on the boundary; a plot whose share reaches the manifest's `plot_inside_threshold`.
    pub counts_as_inside: bool,
    /// Whether this is the version in force: the one the answer checked against.
    pub in_force: bool,
}

/// What changed for a place in a layer across its versions (oldest first).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerHistory {
    /// The layer, with its version in force.
    pub layer: Arc<LayerRef>,
    /// The place's status in each usable version, oldest approval first. A version approved
    /// after the one in force (listed, but not `current`) comes after it, marked not in force.
    pub statuses: Vec<VersionStatus>,
}

impl LayerHistory {
    /// Up to the version in force: "inside since the 1402 amendment (added)" / "was inside in
    /// the 1398 approval, removed in the 1402 amendment" / "inside in every version since …" /
    /// "outside in every version"; then, for a later version not in force that would change
    /// that, what it would make of the place.
    pub fn sentence(&self, lang: Lang) -> String {
        let now = self
            .statuses
            .iter()
            .position(|v| v.in_force)
            .unwrap_or(self.statuses.len().saturating_sub(1));
        let (upto, later) = self.statuses.split_at((now + 1).min(self.statuses.len()));
        let mut s = until_now(upto, !later.is_empty(), lang);
        let inside_now = upto.last().is_some_and(|v| v.counts_as_inside);
        if let Some(v) = later.iter().find(|v| v.counts_as_inside != inside_now) {
            let title = v.version.title.get(lang);
            s += " ";
            let status = match v.counts_as_inside {
                true => lang.pick("داخل", "inside"),
                false => lang.pick("بیرون", "outside"),
            };
            s += &say!(
                lang,
                "در {}، که نافذ نیست، {} است.",
                "In the {}, not in force, it is {}.",
                title,
                status
            );
        }
        s
    }
}

/// The history sentence over the versions up to the one in force (the last given); `later`:
/// versions approved after it are listed.
fn until_now(s: &[VersionStatus], later: bool, lang: Lang) -> String {
    let inside = |v: &VersionStatus| v.counts_as_inside;
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
        (None, false) if later => say!(
            lang,
            "تا {} در هیچ نسخه‌ای داخل نبوده است.",
            "Outside in every version up to the {}.",
            title(last)
        ),
        (None, false) => say!(
            lang,
            "در هیچ نسخه‌ای داخل نبوده است.",
            "Outside in every version."
        ),
    }
}

/// A place's history in a layer. `versions[0]` is the version in force (the one the answer
/// checks against); the others may come in any order. `None` unless the version in force and
/// at least one other are usable (hold a block). `judge` gives the place's status in a
/// version and whether it counts as inside there.
pub fn history(
    versions: &[&Layer],
    judge: impl Fn(&Layer) -> (Standing, bool),
) -> Option<LayerHistory> {
    // No history for a layer that gave no answer (its version in force unusable), nor with one
    // usable version alone.
    let mut v: Vec<&&Layer> = versions.iter().filter(|l| l.is_usable()).collect();
    if v.len() < 2 || !versions.first()?.is_usable() {
        return None;
    }
    crate::base::small::sort_small_by(&mut v, |a, b| {
        a.version
            .approved
            .gregorian_date()
            .cmp(&b.version.approved.gregorian_date())
    });
    let in_force = &versions[0].version.id;
    let statuses = v
        .iter()
        .map(|l| {
            let (status, counts_as_inside) = judge(l);
            VersionStatus {
                version: LayerRef::of(l).version.clone(),
                status,
                counts_as_inside,
                in_force: &l.version.id == in_force,
            }
        })
        .collect();
    Some(LayerHistory {
        layer: LayerRef::build(&versions[0].spec, &versions[0].version),
        statuses,
    })
}

/// A point's standing in a layer version, for [`history`].
pub fn point_standing(layer: &Layer, x: f64, y: f64, tolerance: f64) -> (Standing, bool) {
    let status = check_point_in_layer(layer, x, y, tolerance).status;
    (Standing::Point(status), status != PointStatus::Outside)
}

/// A plot's standing in a layer version (local metres), for [`history`].
pub fn plot_standing(
    layer: &Layer,
    plot: &geo::Polygon<f64>,
    area: f64,
    threshold: f64,
) -> (Standing, bool) {
    let r = crate::check::check_plot_in_layer(layer, plot, area, threshold);
    (Standing::Plot(r.status), r.counts_as_inside)
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
