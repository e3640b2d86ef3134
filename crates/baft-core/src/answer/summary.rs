//! A compact answer (خلاصهٔ پاسخ) for pages that embed Baft and for integrators: per layer the
//! status, the % inside for plots, the boundary version and the zones; per package the verdict.
//! Names are in one language. It serialises to the JSON documented in `docs/embedding.md`:
//!
//! ```json
//! {"kind":"point","lat":35.7097,"lon":51.1119,"dataVersion":"qods-sample-1","sampleData":true,
//!  "layers":[{"id":"worn-out-fabric","name":"worn-out fabric","status":"inside",
//!             "version":"1402","approved":"1402/05/14","zones":["B-0412"]}],
//!  "packages":[{"id":"floor-bonus-inside","name":"…","verdict":"applies"}]}
//! ```

use crate::check::{LayerRef, PlotReport, PointReport};
use crate::packages::Evaluation;
use crate::Lang;
use serde::Serialize;

/// A point's or plot's answer, short.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// `point` or `plot`.
    pub kind: &'static str,
    /// The point, or a point inside the plot.
    pub lat: f64,
    /// Longitude of that point; both are decimal degrees.
    pub lon: f64,
    /// The plot's area (plots only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area_m2: Option<f64>,
    /// The manifest's `data_version`: the data release the answer came from.
    pub data_version: String,
    /// Whether the data is synthetic sample data, not the official boundaries.
    pub sample_data: bool,
    /// Each usable layer's answer (a layer with at least one zone), in the manifest's order.
    pub layers: Vec<LayerSummary>,
    /// Each package's verdict, in the packages file's order; empty when the packages weren't
    /// evaluated.
    pub packages: Vec<PackageSummary>,
}

/// One layer's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerSummary {
    /// The layer's id, e.g. `worn-out-fabric`.
    pub id: String,
    /// The layer's name in the summary's language (the other one when it has none).
    pub name: String,
    /// `inside`, `on_boundary`, `outside` (points); `inside`, `partly_inside`, `outside` (plots).
    pub status: &'static str,
    /// Plots: the share of the plot inside the layer, 0–100, one decimal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent: Option<f64>,
    /// The boundary version's id.
    pub version: String,
    /// Its approval date, Jalali `YYYY/MM/DD`.
    pub approved: String,
    /// Ids of the blocks or zones holding the point or overlapping the plot.
    pub zones: Vec<String>,
}

/// One package's verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackageSummary {
    /// The package's id in the packages file.
    pub id: String,
    /// The package's name in the summary's language (the other one when it has none).
    pub name: String,
    /// `applies`, `may_apply`, `does_not_apply` or `not_in_force`.
    pub verdict: &'static str,
}

impl Summary {
    /// A point's answer (with the packages' verdicts when they were evaluated).
    pub fn of_point(r: &PointReport, eval: Option<&Evaluation>, lang: Lang) -> Summary {
        let layers = r
            .layers
            .iter()
            .map(|l| {
                let zones = l.zones.iter().map(|z| z.id.clone()).collect();
                LayerSummary::new(&l.layer, lang, l.status.as_str(), None, zones)
            })
            .collect();
        let data = (r.data_version.as_str(), r.sample_data);
        let packages = packages(eval, lang);
        Summary::new("point", [r.lon, r.lat], None, data, layers, packages)
    }

    /// A plot's answer (with the packages' verdicts when they were evaluated).
    pub fn of_plot(r: &PlotReport, eval: Option<&Evaluation>, lang: Lang) -> Summary {
        let layers = r
            .layers
            .iter()
            .map(|l| {
                let zones = l.overlaps.iter().map(|o| o.zone.id.clone()).collect();
                let percent = Some((l.share * 1000.0).round() / 10.0);
                LayerSummary::new(&l.layer, lang, l.status.as_str(), percent, zones)
            })
            .collect();
        let area_m2 = Some((r.area_m2 * 10.0).round() / 10.0);
        let data = (r.data_version.as_str(), r.sample_data);
        let packages = packages(eval, lang);
        Summary::new("plot", r.interior_point, area_m2, data, layers, packages)
    }

    /// A summary of `kind` at `[lon, lat]`; `data` is the report's data version and whether it
    /// is sample data.
    fn new(
        kind: &'static str,
        [lon, lat]: [f64; 2],
        area_m2: Option<f64>,
        (data_version, sample_data): (&str, bool),
        layers: Vec<LayerSummary>,
        packages: Vec<PackageSummary>,
    ) -> Summary {
        Summary {
            kind,
            lat,
            lon,
            area_m2,
            data_version: data_version.to_string(),
            sample_data,
            layers,
            packages,
        }
    }
}

impl LayerSummary {
    fn new(
        layer: &LayerRef,
        lang: Lang,
        status: &'static str,
        percent: Option<f64>,
        zones: Vec<String>,
    ) -> LayerSummary {
        LayerSummary {
            id: layer.id.clone(),
            name: layer.name.get(lang).to_string(),
            status,
            percent,
            version: layer.version.id.clone(),
            approved: layer.version.approved.jalali.clone(),
            zones,
        }
    }
}

fn packages(eval: Option<&Evaluation>, lang: Lang) -> Vec<PackageSummary> {
    eval.map(|e| {
        e.results
            .iter()
            .map(|p| PackageSummary {
                id: p.package.id.clone(),
                name: p.package.name.get(lang).to_string(),
                verdict: p.status.as_str(),
            })
            .collect()
    })
    .unwrap_or_default()
}
