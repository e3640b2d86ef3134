//! What the user's actions do: read the input with the core, check, store the outcome.
//! No DOM here except the Geolocation API call; the components only call these.

use crate::state::{AppState, GeoFailure, Outcome};
use baft_core::answer::search::{search, Found};
use baft_core::dataset::read_plot_outline;
use baft_core::packages::compare::{self, Row};
use baft_core::packages::facts::FactError;
use baft_core::packages::{Evaluation, FactName, FactSource, PlotFacts};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Checks what was typed in the search box: corners (three or more lines), or anything the
/// core's search reads (coordinates, links, a plate, a renovation code, a place's name).
pub fn check_text(state: &AppState, text: &str) {
    let Some(ds) = state.data.get_untracked() else {
        return;
    };
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    if lines >= 3 {
        state.outcome.set(Some(plot_outcome(&ds, text)));
        return;
    }
    let outcome = match search(&ds, text) {
        Ok(Found::Location(loc)) => Outcome::Point {
            report: Arc::new(ds.check_point(loc.lon_lat())),
            input: Some(loc),
            from_gps: false,
        },
        Ok(Found::Parcels(v)) if v.len() == 1 => return select_parcel(state, v[0]),
        Ok(Found::Parcels(v)) => Outcome::Choose {
            parcels: v,
            zones: Vec::new(),
        },
        Ok(Found::Zones(z)) if z.len() == 1 => {
            let [lon, lat] = z[0].interior_point;
            Outcome::Point {
                report: Arc::new(ds.check_point((lon, lat))),
                input: None,
                from_gps: false,
            }
        }
        Ok(Found::Zones(z)) => Outcome::Choose {
            parcels: Vec::new(),
            zones: z,
        },
        Err(e) => Outcome::InputError(e),
    };
    state.outcome.set(Some(outcome));
}

/// Checks plot `i` of the parcel layer as a polygon (its survey attributes become facts).
pub fn select_parcel(state: &AppState, i: usize) {
    let Some(ds) = state.data.get_untracked() else {
        return;
    };
    let Some(parcels) = ds.parcels.clone() else {
        return;
    };
    let rings = parcels.rings(i);
    match ds.check_plot(&rings) {
        Ok(report) => {
            if let Some(p) = parcels.info[i].plate_text() {
                state.query.set(p);
            }
            state.outcome.set(Some(Outcome::Plot {
                rings: Arc::new(rings),
                report: Arc::new(report),
                parcel: Some(i),
            }));
        }
        Err(e) => state.outcome.set(Some(Outcome::InputError(e))),
    }
}

/// Checks a point tapped on the map or given by GPS. A tap inside a surveyed plot selects
/// that plot.
pub fn check_lon_lat(state: &AppState, lon: f64, lat: f64, from_gps: bool) {
    let Some(ds) = state.data.get_untracked() else {
        return;
    };
    if !from_gps {
        if let Some(parcels) = &ds.parcels {
            let (x, y) = ds.frame.forward(lon, lat);
            if let Some(i) = parcels.at(x, y) {
                return select_parcel(state, i);
            }
        }
    }
    state.query.set(format!("{lat:.6}, {lon:.6}"));
    state.outcome.set(Some(Outcome::Point {
        input: None,
        report: Arc::new(ds.check_point((lon, lat))),
        from_gps,
    }));
}

/// Checks a point as such (a shared link's or an embedding page's point: no plot is selected).
pub fn show_point(state: &AppState, lon: f64, lat: f64) {
    let Some(ds) = state.data.get_untracked() else {
        return;
    };
    state.query.set(format!("{lat:.6}, {lon:.6}"));
    state.outcome.set(Some(Outcome::Point {
        input: None,
        report: Arc::new(ds.check_point((lon, lat))),
        from_gps: false,
    }));
}

/// Checks a plot outline given as (lon, lat) rings (a shared link's outline).
pub fn show_rings(state: &AppState, rings: Vec<Vec<(f64, f64)>>) {
    let Some(ds) = state.data.get_untracked() else {
        return;
    };
    let outcome = match ds.check_plot(&rings) {
        Ok(report) => Outcome::Plot {
            rings: Arc::new(rings),
            report: Arc::new(report),
            parcel: None,
        },
        Err(e) => Outcome::InputError(e),
    };
    state.outcome.set(Some(outcome));
}

/// Checks an uploaded or pasted plot outline (GeoJSON or corner lines).
pub fn check_plot_text(state: &AppState, text: &str) {
    let Some(ds) = state.data.get_untracked() else {
        return;
    };
    state.outcome.set(Some(plot_outcome(&ds, text)));
}

fn plot_outcome(ds: &baft_core::dataset::Dataset, text: &str) -> Outcome {
    match read_plot_outline(text, ds.parse_options())
        .and_then(|rings| ds.check_plot(&rings).map(|r| (rings, r)))
    {
        Ok((rings, report)) => Outcome::Plot {
            rings: Arc::new(rings),
            report: Arc::new(report),
            parcel: None,
        },
        Err(e) => Outcome::InputError(e),
    }
}

/// Asks the browser for the current position (15 s timeout) and checks it.
pub fn locate(state: AppState) {
    let geo = web_sys::window().and_then(|w| w.navigator().geolocation().ok());
    let Some(geo) = geo else {
        state
            .outcome
            .set(Some(Outcome::GeoError(GeoFailure::Unsupported)));
        return;
    };
    state.outcome.set(Some(Outcome::Locating));
    let ok = Closure::once_into_js(move |pos: web_sys::Position| {
        let c = pos.coords();
        check_lon_lat(&state, c.longitude(), c.latitude(), true);
    });
    let err = Closure::once_into_js(move |e: web_sys::PositionError| {
        let f = match e.code() {
            1 => GeoFailure::Denied,
            3 => GeoFailure::Timeout,
            _ => GeoFailure::Unavailable,
        };
        state.outcome.set(Some(Outcome::GeoError(f)));
    });
    let opts = web_sys::PositionOptions::new();
    opts.set_enable_high_accuracy(true);
    opts.set_timeout(15_000);
    opts.set_maximum_age(0);
    if geo
        .get_current_position_with_error_callback_and_options(
            ok.unchecked_ref(),
            Some(err.unchecked_ref()),
            &opts,
        )
        .is_err()
    {
        state
            .outcome
            .set(Some(Outcome::GeoError(GeoFailure::Unavailable)));
    }
}

/// Today in the user's time zone (packages are judged on this day).
pub fn today() -> baft_core::base::jalali::GregorianDate {
    let d = js_sys::Date::new_0();
    baft_core::base::jalali::GregorianDate {
        year: d.get_full_year() as i32,
        month: d.get_month() + 1,
        day: d.get_date(),
    }
}

/// The plot's facts: from the last check, then the facts form, then assumed defaults.
/// `None` when there is no checked point or plot.
pub fn plot_facts(state: &AppState) -> Option<Result<PlotFacts, FactError>> {
    let base = state.outcome.with(|o| match o {
        Some(Outcome::Point { report, .. }) => Some(PlotFacts::from_point(report)),
        Some(Outcome::Plot { report, parcel, .. }) => {
            let mut f = PlotFacts::from_plot(report);
            if let (Some(i), Some(parcels)) = (
                parcel,
                state
                    .data
                    .with(|d| d.as_ref().and_then(|d| d.parcels.clone())),
            ) {
                let year = baft_core::base::jalali::JalaliDate::from_gregorian(today()).year;
                f.facts.extend(parcels.facts(*i, year).facts);
            }
            Some(f)
        }
        _ => None,
    })?;
    let mut f = base;
    let text = state.facts.with(|f| f.to_text());
    Some(
        f.set_from_text(&text, FactSource::User)
            .map(|_| f.with_assumed_defaults()),
    )
}

/// The incentive packages evaluated for the current plot and facts (the core decides).
pub fn incentives(state: &AppState) -> Option<Result<Evaluation, FactError>> {
    let ds = state.data.get()?;
    ds.packages.as_ref()?;
    let facts = plot_facts(state)?;
    Some(facts.map(|f| ds.incentives(&f, today()).expect("packages checked above")))
}

/// Scenarios for the current plot: alone, then with each neighbour whose area was given
/// (blank neighbour areas are assumed equal to this plot's area).
pub fn scenarios(state: &AppState, lang: baft_core::Lang) -> Option<Result<Vec<Row>, FactError>> {
    let ds = state.data.get()?;
    let packages = ds.packages.clone()?;
    let facts = match plot_facts(state)? {
        Ok(f) => f,
        Err(e) => return Some(Err(e)),
    };
    let own = facts.number(FactName::PlotAreaM2);
    // Blank neighbour areas: the real adjoining plots when a surveyed plot is selected (plots
    // sharing at least 0.5 m of boundary), else the same area as this plot (assumed).
    let adjoining: Vec<f64> = state.outcome.with(|o| match (o, &ds.parcels) {
        (
            Some(Outcome::Plot {
                parcel: Some(i), ..
            }),
            Some(p),
        ) => p
            .neighbours(*i, 0.5)
            .into_iter()
            .filter_map(|j| p.info[j].area_m2)
            .collect(),
        _ => Vec::new(),
    });
    let areas: Vec<f64> = state.neighbours.with(|n| {
        n.iter()
            .enumerate()
            .map(|(k, s)| {
                baft_core::base::digits::normalize(s)
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|x| x.is_finite() && *x > 0.0)
                    .or(adjoining.get(k).copied())
                    .or(own)
            })
            .collect::<Option<Vec<f64>>>()
            .unwrap_or_default()
    });
    Some(Ok(compare::scenarios(
        &packages,
        &facts,
        &areas,
        today(),
        lang,
    )))
}

/// Saves the current plot (with its facts) for the side-by-side comparison (at most 4).
pub fn add_candidate(state: &AppState, label: String) {
    if let Some(Ok(facts)) = plot_facts(state) {
        state.candidates.update(|c| {
            if c.len() >= 4 {
                c.remove(0);
            }
            c.push(crate::state::Candidate { label, facts });
        });
    }
}

/// Offers a CSV file for download (UTF-8 with BOM, so that Excel shows Persian correctly).
pub fn download_csv(name: &str, csv: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(csv));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("text/csv;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Ok(a) = doc.create_element("a") {
            let _ = a.set_attribute("href", &url);
            let _ = a.set_attribute("download", name);
            if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
                a.click();
            }
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// History sentences for the current place, per layer id (layers with several versions).
pub fn history(state: &AppState, lang: baft_core::Lang) -> Vec<(String, String)> {
    let Some(ds) = state.data.get() else {
        return Vec::new();
    };
    let Some(p) = state.outcome.with(|o| match o {
        Some(Outcome::Point { report, .. }) => Some((report.lon, report.lat)),
        Some(Outcome::Plot { report, .. }) => {
            Some((report.interior_point[0], report.interior_point[1]))
        }
        _ => None,
    }) else {
        return Vec::new();
    };
    ds.history(p)
        .into_iter()
        .map(|h| (h.layer.id.clone(), h.sentence(lang)))
        .collect()
}

/// The facilitation office for the current place.
pub fn office(state: &AppState) -> Option<baft_core::layer::offices::OfficeMatch> {
    let ds = state.data.get()?;
    use baft_core::read::manifest::LayerKind;
    let nb_layers: Vec<String> = ds
        .manifest
        .layers
        .iter()
        .filter(|l| l.kind == LayerKind::TargetNeighbourhood)
        .map(|l| l.id.clone())
        .collect();
    state.outcome.with(|o| match o {
        Some(Outcome::Point { report, .. }) => {
            let ids: Vec<String> = report
                .layers
                .iter()
                .filter(|l| nb_layers.contains(&l.layer.id))
                .flat_map(|l| l.zones.iter().map(|z| z.id.clone()))
                .collect();
            ds.office_for((report.lon, report.lat), &ids)
        }
        Some(Outcome::Plot { report, .. }) => {
            let ids: Vec<String> = report
                .layers
                .iter()
                .filter(|l| nb_layers.contains(&l.layer.id))
                .flat_map(|l| l.overlaps.iter().map(|z| z.zone.id.clone()))
                .collect();
            ds.office_for((report.interior_point[0], report.interior_point[1]), &ids)
        }
        _ => None,
    })
}
