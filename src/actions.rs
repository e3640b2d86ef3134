//! What the user's actions do: read the input with the core, check, store the outcome.
//! No DOM here except the Geolocation API call; the components only call these.

use crate::state::{AppState, GeoFailure, Outcome};
use baft_core::dataset::read_plot_outline;
use baft_core::input::parse_location_with;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Checks what was typed in the search box: one point, or corners (three or more lines).
pub fn check_text(state: &AppState, text: &str) {
    let Some(ds) = state.data.get_untracked() else {
        return;
    };
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    let outcome = if lines >= 3 {
        plot_outcome(&ds, text)
    } else {
        match parse_location_with(text, ds.parse_options()) {
            Ok(loc) => Outcome::Point {
                report: Arc::new(ds.check_point(loc.lon_lat())),
                input: Some(loc),
                from_gps: false,
            },
            Err(e) => Outcome::InputError(e),
        }
    };
    state.outcome.set(Some(outcome));
}

/// Checks a point tapped on the map or given by GPS.
pub fn check_lon_lat(state: &AppState, lon: f64, lat: f64, from_gps: bool) {
    let Some(ds) = state.data.get_untracked() else {
        return;
    };
    state.query.set(format!("{lat:.6}, {lon:.6}"));
    state.outcome.set(Some(Outcome::Point {
        input: None,
        report: Arc::new(ds.check_point((lon, lat))),
        from_gps,
    }));
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
