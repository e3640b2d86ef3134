//! The neighbourhood profile (شناسنامهٔ محله): what a facilitation office knows of each target
//! neighbourhood from the plot-by-plot survey, for prioritising services and proposing catalyst
//! projects.
//!
//! For each zone of the `target_neighbourhood` layer, from the survey plots it holds the largest
//! part of ([`crate::check::main_zone`], the rule that also files owner letters and chooses a
//! place's office) ([`profile`]):
//! - **physical**: plots, area, grain (plot-area classes), building age, structure, floors,
//!   access widths and building condition ([`Physical`]);
//! - **social**, when the survey has it: households, residents, tenure ([`Social`]);
//! - **services**: each service land use's area per resident against its per-capita target
//!   ([`Targets`]), the shortfalls ranked by the land they lack ([`ServiceRow`]): the service
//!   prioritisation;
//! - **catalyst candidates**: vacant, ruined or municipally owned plots, and clusters of adjoining
//!   small plots with unstable buildings, ranked by an explainable score ([`catalyst`]).
//!
//! Survey fields: the designation settings' area, structure and access-width fields, and
//! `built_year`, `floors`, `land_use`, `condition` (`sound`, `ruined`, `vacant`), `ownership`
//! (`private`, `municipal`, `endowment`), `households`, `residents`, `tenure` (`owner`,
//! `tenant`) and `on_main_axis`. A plot without an answer is counted as missing, never guessed.

pub mod catalyst;
mod facts;
#[cfg(feature = "dossier")]
pub mod report;
mod targets;

use crate::designate::SurveyPlot;
pub use catalyst::{Candidate, CandidateKind, ScoreParts};
pub use facts::{Distribution, Physical, Social};
pub use targets::{Target, Targets, TARGETS_FILE};

use crate::base::LocalText;
use crate::dataset::Dataset;
use crate::layer::Layer;
use crate::read::manifest::{DesignationSettings, LayerKind};
use geo::Area;
use serde::Serialize;

/// One service land use in a neighbourhood, against its target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceRow {
    /// The `land_use` value.
    pub land_use: String,
    /// Its name.
    pub name: LocalText,
    /// Land in this use, m².
    pub area_m2: f64,
    /// That land per resident, m² (`None` without residents).
    pub per_resident_m2: Option<f64>,
    /// The target per resident, m².
    pub target_m2: f64,
    /// Land lacking to meet the target, m² (0 when met; `None` without residents).
    pub shortfall_m2: Option<f64>,
    /// 1 for the largest shortfall, 2 for the next…; `None` when met or unknown.
    pub priority: Option<usize>,
    /// The target's source.
    pub source: String,
    /// The target is a sample assumption.
    pub sample_assumption: bool,
}

/// One target neighbourhood's profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeighbourhoodProfile {
    /// The zone's id.
    pub id: String,
    /// Its name.
    pub name: LocalText,
    /// Physical facts.
    pub physical: Physical,
    /// Social facts (`None` when the survey has none).
    pub social: Option<Social>,
    /// Every target's land use, largest shortfall first, then the uses that meet their target.
    pub services: Vec<ServiceRow>,
    /// Catalyst-project candidates, best score first (at most [`MAX_PER_KIND`] of each kind).
    pub candidates: Vec<Candidate>,
    /// The per-capita targets file's notice (e.g. that its figures are sample values).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
}

/// Candidates listed per neighbourhood, of each kind.
pub const MAX_PER_KIND: usize = 5;

/// Every target neighbourhood's profile from the survey layer (read with
/// [`crate::designate::read_survey`]), in the layer's order.
pub fn profile(
    ds: &Dataset,
    survey: &Layer,
    targets: &Targets,
    settings: &DesignationSettings,
) -> Vec<NeighbourhoodProfile> {
    let layers: Vec<&Layer> = (ds.layers.iter())
        .filter(|l| l.spec.kind == LayerKind::TargetNeighbourhood)
        .collect();
    // Each plot in the neighbourhood holding the largest part of it, of every target layer
    // (`check::main_zone`), as its owner letter and its office have it.
    let plots: Vec<(SurveyPlot, Option<&crate::layer::Zone>)> = (survey.zones.iter().enumerate())
        .map(|(k, z)| {
            let p = SurveyPlot {
                index: k,
                ..SurveyPlot::read(z, settings)
            };
            let n = (z.local.0.first()).and_then(|poly| {
                crate::check::main_zone(layers.iter().copied(), poly, poly.unsigned_area())
            });
            (p, n)
        })
        .collect();
    (layers.iter().flat_map(|l| l.zones.iter()))
        .map(|n| {
            let mine: Vec<&SurveyPlot> = plots
                .iter()
                .filter(|(_, z)| z.is_some_and(|z| std::ptr::eq(z, n)))
                .map(|(p, _)| p)
                .collect();
            let physical = Physical::of(&mine, settings);
            let social = Social::of(&mine);
            let services = services(&mine, social.as_ref(), targets);
            let candidates = catalyst::candidates(&mine, survey, &services, settings, &ds.frame);
            NeighbourhoodProfile {
                id: n.id.clone(),
                name: n.name.clone(),
                physical,
                social,
                services,
                candidates,
                notice: targets.notice.clone(),
            }
        })
        .collect()
}

/// The services against their targets, ranked by shortfall.
fn services(plots: &[&SurveyPlot], social: Option<&Social>, targets: &Targets) -> Vec<ServiceRow> {
    let residents = social.map(|s| s.residents).filter(|r| *r > 0);
    let mut rows: Vec<ServiceRow> = targets
        .targets
        .iter()
        .map(|t| {
            let area_m2: f64 = plots
                .iter()
                .filter(|p| p.land_use.as_deref() == Some(t.land_use.as_str()))
                .filter_map(|p| p.area_m2)
                .sum();
            let per = residents.map(|r| area_m2 / r as f64);
            let shortfall = residents.map(|r| (t.m2_per_resident * r as f64 - area_m2).max(0.0));
            ServiceRow {
                land_use: t.land_use.clone(),
                name: t.name.clone(),
                area_m2,
                per_resident_m2: per,
                target_m2: t.m2_per_resident,
                shortfall_m2: shortfall,
                priority: None,
                source: t.source.clone(),
                sample_assumption: t.sample_assumption,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        let s = |r: &ServiceRow| r.shortfall_m2.unwrap_or(0.0);
        s(b).total_cmp(&s(a))
            .then_with(|| a.land_use.cmp(&b.land_use))
    });
    let mut rank = 0;
    for r in &mut rows {
        if r.shortfall_m2.is_some_and(|s| s > 0.0) {
            rank += 1;
            r.priority = Some(rank);
        }
    }
    rows
}
