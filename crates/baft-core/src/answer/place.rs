//! The answer about one place, a point or a plot: the check, the facts, the packages, the
//! office and the boundary history.

use super::{Ask, AskError};
use crate::check::{PlotReport, PointReport, ZoneRef};
use crate::dataset::Dataset;
use crate::input::ParsedLocation;
use crate::layer::offices::OfficeMatch;
use crate::layer::parcels::ParcelInfo;
use crate::layer::versions::LayerHistory;
use crate::packages::{Evaluation, FactSource, PlotFacts};
use crate::read::manifest::LayerKind;
use crate::BaftError;
use serde::Serialize;
use std::sync::Arc;

/// Whether a place is a point or a plot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A point.
    Point,
    /// A plot outline (typed, uploaded or surveyed).
    Plot,
}

/// The check's report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Report {
    /// A point's report.
    Point(PointReport),
    /// A plot's report.
    Plot(PlotReport),
}

/// Everything known about one place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    /// `point` or `plot`.
    pub kind: PlaceKind,
    /// How typed coordinates were read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<ParsedLocation>,
    /// The check, per layer.
    pub result: Report,
    /// The plot's outline in (lon, lat), for maps and share links (plots only).
    #[serde(skip)]
    pub rings: Option<Vec<Vec<(f64, f64)>>>,
    /// The surveyed plot's index in the parcel layer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parcel_index: Option<usize>,
    /// The surveyed plot's attributes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parcel: Option<ParcelInfo>,
    /// What the check and the survey say, before the owner's facts and the assumptions.
    #[serde(skip)]
    pub known: PlotFacts,
    /// The facts the packages were evaluated on, each with its source.
    pub facts: PlotFacts,
    /// The packages' evaluation, when the data has packages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incentives: Option<Evaluation>,
    /// The facilitation office for the place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office: Option<OfficeMatch>,
    /// Layers with several loaded versions: the place's status in each, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<LayerHistory>,
    /// A GPS fix's accuracy (or a map link's rounded view) and the layers whose boundary its
    /// circle crosses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gps: Option<GpsFix>,
}

/// How sure a GPS answer is: the fix's accuracy circle, and the layers whose boundary it crosses
/// (for those, the place may lie on either side, and the owner should pick the plot on the map).
/// A map link that gives only its view ([`crate::input::InputForm::MapLink`]'s `rounded_m`) is
/// answered with the same circle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GpsFix {
    /// The fix's accuracy, metres.
    pub accuracy_m: f64,
    /// Not a GPS fix: a map link's view, the place within `accuracy_m` of it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub link_view: bool,
    /// The layers whose boundary the accuracy circle crosses ([`Dataset::circle_crosses`]).
    pub crosses: Vec<std::sync::Arc<crate::check::LayerRef>>,
}

/// The owner's facts text read alone (an error names the fact).
pub(super) fn user_facts(text: Option<&str>) -> Result<PlotFacts, AskError> {
    let mut f = PlotFacts::default();
    if let Some(t) = text {
        f.set_from_text(t, FactSource::User)?;
    }
    Ok(f)
}

impl Place {
    pub(super) fn point(
        ds: &Dataset,
        (lon, lat): (f64, f64),
        input: Option<ParsedLocation>,
        user: &PlotFacts,
        ask: &Ask,
    ) -> Result<Place, AskError> {
        if !(lon.is_finite() && lat.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0) {
            return Err(BaftError::OutOfRange { lat, lon }.into());
        }
        let report = ds.check_point((lon, lat));
        let known = PlotFacts::from_point(&report);
        let (facts, incentives) = evaluate(ds, &known, user, ask);
        Ok(Place {
            kind: PlaceKind::Point,
            input,
            office: None,
            history: Vec::new(),
            gps: None,
            result: Report::Point(report),
            rings: None,
            parcel_index: None,
            parcel: None,
            facts,
            incentives,
            known,
        }
        .located(ds))
    }

    pub(super) fn outline(
        ds: &Dataset,
        rings: Vec<Vec<(f64, f64)>>,
        parcel: Option<usize>,
        user: &PlotFacts,
        ask: &Ask,
    ) -> Result<Place, AskError> {
        let report = ds.check_plot(&rings)?;
        let mut known = PlotFacts::from_plot(&report);
        let parcels = ds.parcels.as_ref().filter(|_| parcel.is_some());
        if let (Some(i), Some(p)) = (parcel, parcels) {
            let year = crate::base::jalali::JalaliDate::from_gregorian(ask.today).year;
            known.facts.extend(p.facts(i, year).facts);
        }
        let (facts, incentives) = evaluate(ds, &known, user, ask);
        Ok(Place {
            kind: PlaceKind::Plot,
            input: None,
            office: None,
            history: Vec::new(),
            gps: None,
            result: Report::Plot(report),
            rings: Some(rings),
            parcel_index: parcel,
            parcel: parcel.and_then(|i| Some(parcels?.info(i)?.clone())),
            facts,
            incentives,
            known,
        }
        .located(ds))
    }

    /// The same place asked again, with the owner's facts as they are now and on the data as
    /// loaded now (the facts form changed, or the packages, offices or other boundary versions
    /// arrived after the answer): the facts, the packages' evaluation, the office and the
    /// boundary history are made again; the check is kept.
    pub fn again(&self, ds: &Dataset, ask: &Ask) -> Result<Place, AskError> {
        let (facts, incentives) = evaluate(ds, &self.known, &user_facts(ask.facts)?, ask);
        Ok(Place {
            incentives,
            facts,
            ..self.clone()
        }
        .located(ds))
    }

    /// The place with its office (the one serving its target neighbourhood, else the nearest)
    /// and its boundary history, on the data loaded now.
    fn located(self, ds: &Dataset) -> Place {
        let lon_lat = self.lon_lat();
        let neighbourhoods: Vec<String> = (self.neighbourhoods(ds).iter())
            .map(|z| z.id.clone())
            .collect();
        Place {
            office: ds.office_for(lon_lat, &neighbourhoods),
            history: match &self.rings {
                Some(rings) => ds.plot_history(rings).unwrap_or_default(),
                None => ds.history(lon_lat),
            },
            ..self
        }
    }

    /// The target neighbourhoods the place is in, the one it belongs to first: for a point,
    /// those holding it; for a plot, those it overlaps, the one holding the largest part of it
    /// first. The office serving the first is the place's office, and an owner letter is filed
    /// under it ([`crate::outreach::letters`]).
    pub fn neighbourhoods(&self, ds: &Dataset) -> Vec<Arc<ZoneRef>> {
        let target = |id: &str| is_target(ds, id);
        match &self.result {
            Report::Point(r) => (r.layers.iter())
                .filter(|l| target(&l.layer.id))
                .flat_map(|l| l.zones.iter().cloned())
                .collect(),
            Report::Plot(r) => {
                let mut v: Vec<&crate::check::ZoneOverlap> = (r.layers.iter())
                    .filter(|l| target(&l.layer.id))
                    .flat_map(|l| l.overlaps.iter())
                    .collect();
                crate::base::small::sort_small_by(&mut v, |a, b| b.area_m2.total_cmp(&a.area_m2));
                v.into_iter().map(|o| o.zone.clone()).collect()
            }
        }
    }

    /// For a surveyed plot, the areas (m²) of the surveyed plots adjoining it
    /// ([`crate::layer::Zone::adjoins`]), in the parcel layer's order: the consolidation
    /// scenarios' neighbours ([`crate::packages::compare::neighbour_areas`]). The plot is found
    /// again on `ds` when the layer was read again since the answer (renumbered): by its number,
    /// else at its point, else by its id. Empty for any other place.
    pub fn adjoining_areas(&self, ds: &Dataset) -> Vec<f64> {
        let (Some(i), Some(info), Some(p)) = (self.parcel_index, &self.parcel, &ds.parcels) else {
            return Vec::new();
        };
        let Some(i) = ds.parcel_again(i, Some(self.lon_lat()), &info.plot_id) else {
            return Vec::new();
        };
        (p.neighbours(i, crate::layer::adjoin::MIN_SHARED_M)
            .into_iter())
        .filter_map(|j| p.info(j)?.area_m2)
        .collect()
    }

    /// The point checked, or a point inside the plot: (lon, lat).
    pub fn lon_lat(&self) -> (f64, f64) {
        match &self.result {
            Report::Point(r) => (r.lon, r.lat),
            Report::Plot(r) => (r.interior_point[0], r.interior_point[1]),
        }
    }

    /// Each layer's status word, in the report's order (`inside`, `on_boundary`, `outside`,
    /// `partly_inside`).
    pub fn statuses(&self) -> Vec<&'static str> {
        match &self.result {
            Report::Point(r) => r.layers.iter().map(|l| l.status.as_str()).collect(),
            Report::Plot(r) => r.layers.iter().map(|l| l.status.as_str()).collect(),
        }
    }

    /// The point's report, for a point.
    pub fn point_report(&self) -> Option<&PointReport> {
        match &self.result {
            Report::Point(r) => Some(r),
            Report::Plot(_) => None,
        }
    }

    /// The plot's report, for a plot.
    pub fn plot_report(&self) -> Option<&PlotReport> {
        match &self.result {
            Report::Plot(r) => Some(r),
            Report::Point(_) => None,
        }
    }
}

/// The known facts with the owner's on top and the assumed defaults, and the packages'
/// evaluation on them.
fn evaluate(
    ds: &Dataset,
    known: &PlotFacts,
    user: &PlotFacts,
    ask: &Ask,
) -> (PlotFacts, Option<Evaluation>) {
    let mut f = known.clone();
    f.facts
        .extend(user.facts.iter().map(|(k, v)| (*k, v.clone())));
    let facts = f.with_assumed_defaults();
    let incentives = ds.incentives(&facts, ask.today);
    (facts, incentives)
}

fn is_target(ds: &Dataset, layer: &str) -> bool {
    ds.manifest
        .layers
        .iter()
        .any(|l| l.id == layer && l.kind == LayerKind::TargetNeighbourhood)
}
