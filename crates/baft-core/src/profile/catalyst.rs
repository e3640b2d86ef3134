//! Catalyst-project candidates (پروژه‌های محرک توسعه): land the office could turn into the
//! services the neighbourhood lacks, or consolidate into a renewal project.
//!
//! A candidate is either one plot that is **vacant** (an abandoned building), **ruined**
//! (مخروبه) or **municipally owned**, or a **cluster of adjoining small plots**: at least
//! [`MIN_CLUSTER`] and at most [`MAX_CLUSTER`] plots of one block, each under the fine-grain area threshold with a building
//! without a structural system, each adjoining the next by the rule the owner's consolidation
//! scenarios use ([`Zone::adjoins`](crate::layer::Zone::adjoins): at least
//! [`MIN_SHARED_M`](crate::layer::adjoin::MIN_SHARED_M) of shared boundary; a corner is not
//! enough).
//!
//! Its score (0–100) is the sum of three parts, each shown with the candidate:
//! - **size** (up to 40): `40 × min(area / 1,000 m², 1)`: a site of 1,000 m² or more can hold
//!   a neighbourhood service;
//! - **shortfall** (up to 40): `40 × min(area / S, 1)`, where S is the neighbourhood's largest
//!   shortfall in m² ([`super::ServiceRow`]): how much of it the site could fill (0 without a
//!   shortfall);
//! - **main axis** (20): any of its plots fronts a main axis (access, visibility, a catalyst's
//!   pull).

use super::ServiceRow;
use crate::designate::SurveyPlot;
use crate::geometry::projection::TransverseMercator;
use crate::layer::Layer;
use crate::read::manifest::DesignationSettings;
use geo::InteriorPoint;
use serde::Serialize;

/// Plots a cluster needs.
pub const MIN_CLUSTER: usize = 3;
/// Plots a cluster holds at most (a consolidation project's size; a larger run of small plots
/// gives several clusters).
pub const MAX_CLUSTER: usize = 8;

/// Why a site is a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CandidateKind {
    /// An abandoned building.
    Vacant,
    /// A ruined building.
    Ruined,
    /// Land the municipality owns.
    Municipal,
    /// Adjoining small plots with unstable buildings, to consolidate.
    SmallPlots,
}

/// The score's parts, each to 0.1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ScoreParts {
    /// Size, 0–40.
    pub size: f64,
    /// Share of the largest shortfall it could fill, 0–40.
    pub shortfall: f64,
    /// Main-axis frontage, 0 or 20.
    pub axis: f64,
}

/// One candidate site.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// Why it is a candidate.
    pub kind: CandidateKind,
    /// Its plots' ids.
    pub plot_ids: Vec<String>,
    /// Its plots' indices in the survey layer.
    #[serde(skip)]
    pub indices: Vec<usize>,
    /// Its block.
    pub block_id: Option<String>,
    /// Its area, m².
    pub area_m2: f64,
    /// Fronts a main axis.
    pub on_main_axis: bool,
    /// The land use of the shortfall it could fill (the neighbourhood's largest).
    pub could_fill: Option<String>,
    /// Score, 0–100.
    pub score: f64,
    /// The score's parts, each to 0.1.
    pub parts: ScoreParts,
    /// A point inside it, lon/lat.
    pub lon_lat: Option<(f64, f64)>,
}

/// The neighbourhood's candidates, best first: the best [`super::MAX_PER_KIND`] of each kind, so
/// that a few large clusters don't hide every vacant, ruined or municipal plot.
pub fn candidates(
    plots: &[&SurveyPlot],
    survey: &Layer,
    services: &[ServiceRow],
    s: &DesignationSettings,
    frame: &TransverseMercator,
) -> Vec<Candidate> {
    let largest = services
        .iter()
        .filter(|r| r.shortfall_m2.is_some_and(|x| x > 0.0))
        .max_by(|a, b| {
            a.shortfall_m2
                .unwrap_or(0.0)
                .total_cmp(&b.shortfall_m2.unwrap_or(0.0))
        });
    let mut out: Vec<Candidate> = Vec::new();
    for p in plots {
        let kind = match (p.condition.as_deref(), p.ownership.as_deref()) {
            (Some("vacant"), _) => CandidateKind::Vacant,
            (Some("ruined"), _) => CandidateKind::Ruined,
            (_, Some("municipal")) => CandidateKind::Municipal,
            _ => continue,
        };
        out.push(candidate(kind, &[p], survey, largest, frame));
    }
    for cluster in clusters(plots, survey, s) {
        out.push(candidate(
            CandidateKind::SmallPlots,
            &cluster,
            survey,
            largest,
            frame,
        ));
    }
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.plot_ids.cmp(&b.plot_ids))
    });
    let mut kept = std::collections::HashMap::new();
    out.retain(|c| {
        let n = kept.entry(c.kind as u8).or_insert(0usize);
        *n += 1;
        *n <= super::MAX_PER_KIND
    });
    out
}

fn candidate(
    kind: CandidateKind,
    plots: &[&SurveyPlot],
    survey: &Layer,
    largest: Option<&ServiceRow>,
    frame: &TransverseMercator,
) -> Candidate {
    let area_m2: f64 = plots.iter().filter_map(|p| p.area_m2).sum();
    let on_main_axis = plots.iter().any(|p| p.on_main_axis);
    let fill = largest.and_then(|r| r.shortfall_m2).unwrap_or(0.0);
    // Each part to 0.1, and the score their sum, so that the printed parts add up.
    let tenth = |x: f64| (x * 10.0).round() / 10.0;
    let shortfall = if fill > 0.0 {
        40.0 * (area_m2 / fill).min(1.0)
    } else {
        0.0
    };
    let parts = ScoreParts {
        size: tenth(40.0 * (area_m2 / 1000.0).min(1.0)),
        shortfall: tenth(shortfall),
        axis: if on_main_axis { 20.0 } else { 0.0 },
    };
    let lon_lat = survey
        .zones
        .get(plots[0].index)
        .and_then(|z| z.local.interior_point())
        .map(|c| frame.inverse(c.x(), c.y()));
    Candidate {
        kind,
        plot_ids: plots.iter().map(|p| p.plot_id.clone()).collect(),
        indices: plots.iter().map(|p| p.index).collect(),
        block_id: plots[0].block_id.clone(),
        area_m2,
        on_main_axis,
        could_fill: largest.filter(|_| fill > 0.0).map(|r| r.land_use.clone()),
        score: tenth(parts.size + parts.shortfall + parts.axis),
        parts,
        lon_lat,
    }
}

/// Groups of at least [`MIN_CLUSTER`] adjoining small plots with unstable buildings, per block.
fn clusters<'a>(
    plots: &[&'a SurveyPlot],
    survey: &Layer,
    s: &DesignationSettings,
) -> Vec<Vec<&'a SurveyPlot>> {
    let small: Vec<&SurveyPlot> = plots
        .iter()
        .copied()
        .filter(|p| p.unstable == Some(true))
        .filter(|p| p.area_m2.is_some_and(|a| a < s.fine_grain.max_area_m2))
        .filter(|p| p.condition.as_deref().is_none_or(|c| c == "sound"))
        .collect();
    let touch = |a: &SurveyPlot, b: &SurveyPlot| {
        let (Some(za), Some(zb)) = (survey.zones.get(a.index), survey.zones.get(b.index)) else {
            return false;
        };
        za.adjoins(zb, crate::layer::adjoin::MIN_SHARED_M)
    };
    let mut seen = vec![false; small.len()];
    let mut out = Vec::new();
    for start in 0..small.len() {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut group = vec![start];
        let mut k = 0;
        while k < group.len() {
            let here = small[group[k]];
            for (j, other) in small.iter().enumerate() {
                if group.len() == MAX_CLUSTER {
                    break;
                }
                if !seen[j] && other.block_id == here.block_id && touch(here, other) {
                    seen[j] = true;
                    group.push(j);
                }
            }
            k += 1;
        }
        if group.len() >= MIN_CLUSTER {
            group.sort_unstable();
            out.push(group.into_iter().map(|j| small[j]).collect());
        }
    }
    out
}
