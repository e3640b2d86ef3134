//! Questions about one plot: its edge neighbours (for consolidation scenarios) and what the
//! survey knows of it as incentive facts.

use super::ParcelLayer;
use crate::packages::facts::FactValue;
use crate::packages::{FactName, FactSource, PlotFacts};

impl ParcelLayer {
    /// Plots adjoining plot `i` for consolidation scenarios: sharing a stretch of boundary of at
    /// least `min_shared_m` metres ([`crate::layer::Zone::adjoins`]; the app asks for
    /// [`crate::layer::adjoin::MIN_SHARED_M`]).
    pub fn neighbours(&self, i: usize, min_shared_m: f64) -> Vec<usize> {
        let Some(z) = self.zone(i) else {
            return Vec::new();
        };
        let b = crate::geometry::crs::bbox_of(
            z.local
                .0
                .iter()
                .flat_map(|p| p.exterior().0.iter().map(|c| (c.x, c.y))),
        );
        let mut out: Vec<usize> = self
            .meeting([b.0 - 0.1, b.1 - 0.1, b.2 + 0.1, b.3 + 0.1])
            .into_iter()
            .filter(|(j, o)| *j != i && z.adjoins(o, min_shared_m))
            .map(|(j, _)| j)
            .collect();
        crate::base::small::sort_small_by(&mut out, |a, b| a.cmp(b));
        out
    }

    /// What the survey knows about the plot, as incentive facts (source: parcel layer).
    /// `year` is the current Jalali year (for the building's age).
    pub fn facts(&self, i: usize, year: i32) -> PlotFacts {
        let mut f = PlotFacts::default();
        let Some(p) = self.info(i) else {
            return f;
        };
        let src = FactSource::Parcel;
        if let Some(a) = p.area_m2 {
            f.set(FactName::PlotAreaM2, FactValue::Number(a), src);
        }
        if let Some(w) = p.frontage_width_m {
            f.set(FactName::FrontageWidthM, FactValue::Number(w), src);
        }
        if let Some(b) = p.on_main_axis {
            f.set(FactName::OnMainAxis, FactValue::YesNo(b), src);
        }
        if let Some(u) = p
            .land_use
            .as_ref()
            .filter(|u| FactName::LandUse.known_values().contains(&u.as_str()))
        {
            f.set(FactName::LandUse, FactValue::Text(u.clone()), src);
        }
        if let Some(s) = p
            .structure
            .as_ref()
            .filter(|s| FactName::Structure.known_values().contains(&s.as_str()))
        {
            f.set(FactName::Structure, FactValue::Text(s.clone()), src);
        }
        if let Some(y) = p.built_year.filter(|y| *y > 1200 && *y <= year) {
            f.set(
                FactName::BuildingAgeYears,
                FactValue::Number((year - y) as f64),
                src,
            );
        }
        f
    }
}
