//! The three criteria measured per block from the plot-by-plot survey.

use super::SurveyPlot;
use crate::read::manifest::{Criterion, DesignationSettings, FineGrainRule};
use serde::Serialize;
use std::collections::BTreeMap;

/// A block's designation status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockStatus {
    /// Meets every criterion of the qualifying rule.
    Qualifies,
    /// Judged, and fails at least one criterion.
    DoesNotQualify,
    /// Too few plots surveyed, or too many answers missing, to judge.
    InsufficientData,
}

/// One block's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlockFigures {
    /// The block's id.
    pub block_id: String,
    /// Plots of the survey in this block.
    pub plots: usize,
    /// Plots with an answer for every criterion.
    pub surveyed: usize,
    /// The share of plots without each criterion's answer (0–1), by criterion.
    pub missing: BTreeMap<Criterion, f64>,
    /// Fine grain: the share of plots (or of plot area) under the area threshold (0–1).
    pub fine_grain_share: Option<f64>,
    /// Instability: the share of buildings without a structural system (0–1).
    pub no_structure_share: Option<f64>,
    /// Impermeability: the share of plots reached by passages under the width threshold (0–1).
    pub narrow_access_share: Option<f64>,
    /// The criteria the block meets.
    pub meets: Vec<Criterion>,
    /// Whether it qualifies (never when the data are insufficient).
    pub qualifies: bool,
    /// Qualifies, does not, or insufficient data.
    pub status: BlockStatus,
}

impl BlockFigures {
    /// The share for one criterion.
    pub fn share(&self, c: Criterion) -> Option<f64> {
        match c {
            Criterion::FineGrain => self.fine_grain_share,
            Criterion::Instability => self.no_structure_share,
            Criterion::Impermeability => self.narrow_access_share,
        }
    }
}

/// `part / whole`, `None` for an empty whole.
fn ratio(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| part / whole)
}

/// A block's figures from its plots. A criterion is met when its share is more than the
/// settings' share; the block qualifies when it meets every criterion of `s.qualify`, has at
/// least `s.min_plots` plots, and each of those criteria is answered for at least
/// `s.min_coverage` of its plots (else its status is [`BlockStatus::InsufficientData`]).
///
/// ```
/// use baft_core::designate::{figures, SurveyPlot, BlockStatus};
/// use baft_core::read::manifest::DesignationSettings;
/// let p = |a: f64, unstable: bool, w: f64| SurveyPlot { block_id: Some("B".into()),
///     area_m2: Some(a), unstable: Some(unstable), access_width_m: Some(w),
///     ..SurveyPlot::default() };
/// let plots = [p(150.0, true, 4.0), p(180.0, true, 5.0), p(400.0, false, 8.0)];
/// let f = figures("B", &plots.iter().collect::<Vec<_>>(), &DesignationSettings::default());
/// assert_eq!(f.fine_grain_share, Some(2.0 / 3.0));
/// assert_eq!(f.status, BlockStatus::Qualifies);
/// ```
pub fn figures(block_id: &str, plots: &[&SurveyPlot], s: &DesignationSettings) -> BlockFigures {
    let n = plots.len();
    let known = |f: &dyn Fn(&SurveyPlot) -> bool| plots.iter().filter(|p| f(p)).count();
    let fine_grain_share = fine_grain_share(plots, s);
    let structures: Vec<bool> = plots.iter().filter_map(|p| p.unstable).collect();
    let no_structure_share = ratio(
        structures.iter().filter(|u| **u).count() as f64,
        structures.len() as f64,
    );
    let widths: Vec<f64> = plots.iter().filter_map(|p| p.access_width_m).collect();
    let narrow_access_share = ratio(
        widths
            .iter()
            .filter(|w| **w < s.impermeability.max_width_m)
            .count() as f64,
        widths.len() as f64,
    );
    let areas = plots.iter().filter(|p| p.area_m2.is_some()).count();
    let answered = [areas, structures.len(), widths.len()];
    let missing: BTreeMap<Criterion, f64> = (Criterion::ALL.iter().zip(answered))
        .map(|(c, k)| (*c, ratio((n - k) as f64, n as f64).unwrap_or(1.0)))
        .collect();
    let mut f = BlockFigures {
        block_id: block_id.into(),
        plots: n,
        surveyed: known(&|p| {
            p.area_m2.is_some() && p.unstable.is_some() && p.access_width_m.is_some()
        }),
        missing,
        fine_grain_share,
        no_structure_share,
        narrow_access_share,
        meets: Vec::new(),
        qualifies: false,
        status: BlockStatus::InsufficientData,
    };
    let threshold = |c: Criterion| match c {
        Criterion::FineGrain => s.fine_grain.share,
        Criterion::Instability => s.instability.share,
        Criterion::Impermeability => s.impermeability.share,
    };
    f.meets = (Criterion::ALL.into_iter())
        .filter(|c| f.share(*c).is_some_and(|x| x > threshold(*c)))
        .collect();
    let enough = n >= s.min_plots.max(1)
        && s.qualify.iter().all(|c| {
            let k = answered[Criterion::ALL.iter().position(|x| x == c).unwrap_or(0)];
            k as f64 >= s.min_coverage * n as f64
        });
    f.qualifies = enough && s.qualify.iter().all(|c| f.meets.contains(c));
    f.status = match (enough, f.qualifies) {
        (false, _) => BlockStatus::InsufficientData,
        (true, true) => BlockStatus::Qualifies,
        (true, false) => BlockStatus::DoesNotQualify,
    };
    f
}

/// The fine-grain share of `plots` by the settings' rule: the share of plots with an area under
/// the threshold (`count`), or of their area (`area`); `None` when no plot has an area. The
/// designation's blocks and the neighbourhood profile both measure it here.
pub(crate) fn fine_grain_share(plots: &[&SurveyPlot], s: &DesignationSettings) -> Option<f64> {
    let areas: Vec<f64> = plots.iter().filter_map(|p| p.area_m2).collect();
    let small = |a: &f64| *a < s.fine_grain.max_area_m2;
    match s.fine_grain.rule {
        FineGrainRule::Count => ratio(
            areas.iter().filter(|a| small(a)).count() as f64,
            areas.len() as f64,
        ),
        FineGrainRule::Area => ratio(areas.iter().filter(|a| small(a)).sum(), areas.iter().sum()),
    }
}

/// Every block's figures: the blocks named in `block_ids` (those without plots are
/// insufficient data), then any other block the survey names, in id order.
pub fn all_figures(
    plots: &[SurveyPlot],
    block_ids: &[String],
    s: &DesignationSettings,
) -> Vec<BlockFigures> {
    let mut by_block: BTreeMap<String, Vec<&SurveyPlot>> = BTreeMap::new();
    for p in plots {
        if let Some(b) = &p.block_id {
            by_block.entry(b.clone()).or_default().push(p);
        }
    }
    let mut out: Vec<BlockFigures> = block_ids
        .iter()
        .map(|id| {
            let ps = by_block.remove(&id.to_uppercase()).unwrap_or_default();
            figures(id, &ps, s)
        })
        .collect();
    out.extend(by_block.iter().map(|(id, ps)| figures(id, ps, s)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::manifest::FineGrainRule;

    fn plot(area: Option<f64>, unstable: Option<bool>, width: Option<f64>) -> SurveyPlot {
        SurveyPlot {
            block_id: Some("B".into()),
            area_m2: area,
            unstable,
            access_width_m: width,
            ..SurveyPlot::default()
        }
    }

    fn run(plots: &[SurveyPlot], s: &DesignationSettings) -> BlockFigures {
        figures("B", &plots.iter().collect::<Vec<_>>(), s)
    }

    /// Worked by hand: four plots of 120, 190, 200 and 600 m². By count, 2 of 4 are under
    /// 200 m² (0.5: not more than half, so not met); by area, (120 + 190) / 1110 = 0.279.
    /// With a fifth plot of 150 m²: 3 of 5 = 0.6 (met); by area 460 / 1260 = 0.365 (not met).
    #[test]
    fn fine_grain_by_count_and_by_area() {
        let ok = |a| plot(Some(a), Some(true), Some(4.0));
        let mut plots = vec![ok(120.0), ok(190.0), ok(200.0), ok(600.0)];
        let count = DesignationSettings::default();
        let mut area = count.clone();
        area.fine_grain.rule = FineGrainRule::Area;
        let f = run(&plots, &count);
        assert_eq!(f.fine_grain_share, Some(0.5));
        assert!(!f.meets.contains(&Criterion::FineGrain));
        assert_eq!(f.status, BlockStatus::DoesNotQualify);
        let f = run(&plots, &area);
        assert!((f.fine_grain_share.unwrap() - 310.0 / 1110.0).abs() < 1e-12);
        plots.push(ok(150.0));
        let f = run(&plots, &count);
        assert_eq!(f.fine_grain_share, Some(0.6));
        assert_eq!(f.status, BlockStatus::Qualifies);
        let f = run(&plots, &area);
        assert!((f.fine_grain_share.unwrap() - 460.0 / 1260.0).abs() < 1e-12);
        assert_eq!(f.status, BlockStatus::DoesNotQualify);
        assert_eq!(
            f.meets,
            vec![Criterion::Instability, Criterion::Impermeability]
        );
    }

    /// Worked by hand: 3 of 5 buildings unreinforced (0.6, met); 2 of 5 passages under 6 m
    /// (0.4, not met), and a 6.0 m passage is not narrow.
    #[test]
    fn instability_and_impermeability() {
        let plots = vec![
            plot(Some(100.0), Some(true), Some(4.0)),
            plot(Some(100.0), Some(true), Some(5.9)),
            plot(Some(100.0), Some(true), Some(6.0)),
            plot(Some(100.0), Some(false), Some(8.0)),
            plot(Some(100.0), Some(false), Some(12.0)),
        ];
        let f = run(&plots, &DesignationSettings::default());
        assert_eq!(f.no_structure_share, Some(0.6));
        assert_eq!(f.narrow_access_share, Some(0.4));
        assert_eq!(f.meets, vec![Criterion::FineGrain, Criterion::Instability]);
        assert!(!f.qualifies);
        // A rule of two criteria: now it qualifies.
        let two = DesignationSettings {
            qualify: vec![Criterion::FineGrain, Criterion::Instability],
            ..Default::default()
        };
        assert_eq!(run(&plots, &two).status, BlockStatus::Qualifies);
    }

    /// Missing answers: shares count the answered plots only, and a criterion answered for
    /// under half the plots makes the block "insufficient data", never classed.
    #[test]
    fn missing_answers_and_insufficient_data() {
        let plots = vec![
            plot(Some(100.0), Some(true), None),
            plot(Some(100.0), Some(true), None),
            plot(Some(100.0), None, Some(3.0)),
            plot(Some(100.0), Some(true), None),
        ];
        let f = run(&plots, &DesignationSettings::default());
        assert_eq!(f.surveyed, 0);
        assert_eq!(f.missing[&Criterion::Impermeability], 0.75);
        assert_eq!(f.missing[&Criterion::Instability], 0.25);
        assert_eq!(f.narrow_access_share, Some(1.0));
        assert_eq!(f.status, BlockStatus::InsufficientData);
        assert!(!f.qualifies);
        // Two plots only: too few, whatever they say.
        let f = run(&plots[..2], &DesignationSettings::default());
        assert_eq!(f.status, BlockStatus::InsufficientData);
        // No plots at all.
        assert_eq!(
            run(&[], &DesignationSettings::default()).status,
            BlockStatus::InsufficientData
        );
    }
}
