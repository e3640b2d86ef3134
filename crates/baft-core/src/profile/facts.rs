//! A neighbourhood's physical and social facts, counted from its survey plots.

use crate::designate::SurveyPlot;
use crate::read::manifest::{DesignationSettings, FineGrainRule};
use serde::Serialize;
use std::collections::BTreeMap;

/// Counts in labelled classes, and how many plots had no answer.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Distribution {
    /// Each class's label (language-neutral: numbers, or the survey's values) and count.
    pub bins: Vec<(String, usize)>,
    /// Plots without an answer.
    pub missing: usize,
}

impl Distribution {
    /// Counts `values` in classes cut at `cuts` ("<a", "a–b", …, "≥z").
    fn classes(values: impl Iterator<Item = Option<f64>>, cuts: &[f64]) -> Distribution {
        let mut d = Distribution::default();
        let label = |k: usize| match k {
            0 => format!("<{}", cuts[0]),
            k if k == cuts.len() => format!("≥{}", cuts[k - 1]),
            k => format!("{}–{}", cuts[k - 1], cuts[k]),
        };
        d.bins = (0..=cuts.len()).map(|k| (label(k), 0)).collect();
        for v in values {
            match v {
                Some(x) => d.bins[cuts.iter().take_while(|c| x >= **c).count()].1 += 1,
                None => d.missing += 1,
            }
        }
        d
    }

    /// Counts each whole number, in numeric order ("2" before "10").
    fn numbers(values: impl Iterator<Item = Option<String>>) -> Distribution {
        let mut d = Self::values(values);
        d.bins
            .sort_by_key(|(v, _)| v.parse::<i64>().unwrap_or(i64::MAX));
        d
    }

    /// Counts each value (sorted by value).
    fn values(values: impl Iterator<Item = Option<String>>) -> Distribution {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        let mut missing = 0;
        for v in values {
            match v {
                Some(v) => *m.entry(v).or_default() += 1,
                None => missing += 1,
            }
        }
        Distribution {
            bins: m.into_iter().collect(),
            missing,
        }
    }
}

/// A neighbourhood's physical facts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Physical {
    /// Survey plots in the neighbourhood.
    pub plots: usize,
    /// Their total area, hectares.
    pub area_ha: f64,
    /// The fine-grain share (0–1), by the designation settings' rule, as the designation
    /// measures it: of the plots with an area, or of their area.
    pub fine_grain_share: Option<f64>,
    /// The rule it was measured by (`count`: of the plots; `area`: of their area).
    pub fine_grain_rule: FineGrainRule,
    /// Plots by area, m² (`<100`, `100–200`, `200–500`, `≥500`).
    pub grain: Distribution,
    /// Buildings by the year built (Jalali decades).
    pub built: Distribution,
    /// Buildings by structural system.
    pub structure: Distribution,
    /// Buildings by floors.
    pub floors: Distribution,
    /// Plots by access width, m (`<4`, `4–6`, `6–10`, `≥10`).
    pub access: Distribution,
    /// Plots by building condition.
    pub condition: Distribution,
    /// Plots by land use.
    pub land_use: Distribution,
}

impl Physical {
    /// Counts the plots' physical facts.
    pub fn of(plots: &[&SurveyPlot], s: &DesignationSettings) -> Physical {
        let areas: Vec<f64> = plots.iter().filter_map(|p| p.area_m2).collect();
        let f = |g: &dyn Fn(&SurveyPlot) -> Option<f64>| {
            plots.iter().map(|p| g(p)).collect::<Vec<_>>().into_iter()
        };
        let t = |g: &dyn Fn(&SurveyPlot) -> Option<String>| {
            plots.iter().map(|p| g(p)).collect::<Vec<_>>().into_iter()
        };
        Physical {
            plots: plots.len(),
            area_ha: areas.iter().sum::<f64>() / 10_000.0,
            fine_grain_share: crate::designate::fine_grain_share(plots, s),
            fine_grain_rule: s.fine_grain.rule,
            grain: Distribution::classes(f(&|p| p.area_m2), &[100.0, 200.0, 500.0]),
            built: Distribution::classes(
                f(&|p| p.built_year.map(|y| y as f64)),
                &[1340.0, 1350.0, 1360.0, 1370.0, 1380.0, 1390.0, 1400.0],
            ),
            structure: Distribution::values(t(&|p| p.structure.clone())),
            floors: Distribution::numbers(t(&|p| p.floors.map(|n| n.to_string()))),
            access: Distribution::classes(f(&|p| p.access_width_m), &[4.0, 6.0, 10.0]),
            condition: Distribution::values(t(&|p| p.condition.clone())),
            land_use: Distribution::values(t(&|p| p.land_use.clone())),
        }
    }
}

/// A neighbourhood's social facts, from the plots that answer them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Social {
    /// Households, summed over the plots that answer.
    pub households: i64,
    /// Residents, summed likewise.
    pub residents: i64,
    /// Plots answering households and residents.
    pub answered: usize,
    /// Homes by tenure (`owner`, `tenant`).
    pub tenure: Distribution,
    /// Plots by ownership (`private`, `municipal`, `endowment`).
    pub ownership: Distribution,
}

impl Social {
    /// `None` when no plot answers residents.
    pub fn of(plots: &[&SurveyPlot]) -> Option<Social> {
        let answering: Vec<&&SurveyPlot> = plots.iter().filter(|p| p.residents.is_some()).collect();
        if answering.is_empty() {
            return None;
        }
        Some(Social {
            households: answering.iter().filter_map(|p| p.households).sum(),
            residents: answering.iter().filter_map(|p| p.residents).sum(),
            answered: answering.len(),
            tenure: Distribution::values(
                plots
                    .iter()
                    .filter(|&p| p.residents.is_some() || p.tenure.is_some())
                    .map(|p| p.tenure.clone()),
            ),
            ownership: Distribution::values(plots.iter().map(|p| p.ownership.clone())),
        })
    }
}
