//! What the user's actions do: ask the core (`baft_core::answer`), store its answer. No DOM
//! here except the Geolocation API call; the components only call these and render the answer.

use crate::state::{AppState, GeoFailure, Outcome};
use baft_core::answer::{answer, Answer, Ask, AskError, Place, Question};
use baft_core::packages::compare::{self, Row};
use baft_core::packages::{Evaluation, FactName, PlotFacts};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Asks the core and stores the answer (a place, a choice, or the error).
fn ask(state: &AppState, question: Question, from_gps: bool) {
    let Some(ds) = state.data.get_untracked() else {
        return;
    };
    let echo = matches!(
        question,
        Question::Point { .. } | Question::Tap { .. } | Question::Gps { .. }
    );
    let outcome = match answer(&ds, question, &Ask::on(today())) {
        Ok(Answer::Place(place)) => {
            // What was found goes back into the box in the page's digits (the core reads any).
            let lang = state.lang.get_untracked();
            if let Some(p) = place.parcel.as_ref().and_then(|p| p.plate_text()) {
                state
                    .query
                    .set(baft_core::base::digits::localize_digits(&p, lang));
            } else if echo {
                let (lon, lat) = place.lon_lat();
                let n = |x: f64| baft_core::base::units::format_number(x, 6, lang);
                state
                    .query
                    .set(format!("{}{}{}", n(lat), lang.pick("، ", ", "), n(lon)));
            }
            Outcome::Answer {
                place: Arc::new(*place),
                from_gps,
            }
        }
        Ok(Answer::Choices(c)) => Outcome::Choose(Arc::new(c)),
        // No facts are asked with, so only the input can be wrong.
        Err(AskError::Input(e)) => Outcome::InputError(e),
        Err(AskError::Facts(_)) => return,
    };
    set_outcome(state, outcome);
}

/// Shows an outcome: an answer, a choice, an error, or that the location is awaited. It takes
/// a turn, so a tap still reading its plots by ranges won't replace it.
pub fn set_outcome(state: &AppState, outcome: Outcome) {
    next_turn();
    state.outcome.set(Some(outcome));
}

/// Answers what was typed in the search box: anything the core's search reads (coordinates,
/// links, a plot id, a plate, a renovation code, a place's name, corners, GeoJSON text).
pub fn check_text(state: &AppState, text: &str) {
    ask(state, Question::Text(text), false);
    let waits = state.outcome.with_untracked(|o| {
        matches!(
            o,
            Some(Outcome::InputError(baft_core::BaftError::PlotsLoading))
        )
    });
    state.waiting.set_value(waits.then(|| text.to_string()));
}

/// Asks again what was typed when it waited for the plots (the core's
/// [`baft_core::BaftError::PlotsLoading`]: a plate or code typed before the parcel layer was
/// in), once the layer is read. Tracks the data, so an effect calls it.
pub fn answer_when_plots_in(state: &AppState) {
    let read = state.data.with(|d| d.as_ref().map(|d| d.parcels_read));
    if matches!(read, None | Some(baft_core::dataset::ParcelsRead::Loading)) {
        return;
    }
    let still = state.outcome.with_untracked(|o| {
        matches!(
            o,
            Some(Outcome::InputError(baft_core::BaftError::PlotsLoading))
        )
    });
    // The text that waited, not what the box holds now (it may have been edited since).
    // Not when the owner has typed something else since.
    match state.waiting.try_update_value(Option::take).flatten() {
        Some(text) if still && state.query.with_untracked(|q| *q == text) => {
            check_text(state, &text)
        }
        _ => {}
    }
}

/// Answers plot `i` of the parcel layer (its survey attributes become facts).
pub fn select_parcel(state: &AppState, i: usize) {
    ask(state, Question::Parcel(i), false);
}

/// Answers a plot picked from a list of choices: plot `i` with this id, or, when the parcel
/// layer has been read again since the list was drawn (renumbering its plots), the plot with
/// this id.
pub fn select_chosen_plot(state: &AppState, i: usize, plot_id: &str) {
    let found = state
        .data
        .with_untracked(|d| d.as_ref()?.parcel_again(i, None, plot_id));
    match found {
        Some(i) => select_parcel(state, i),
        None => select_parcel_id(state, plot_id),
    }
}

/// Answers a surveyed plot by its id (a shared link's `id=`).
pub fn select_parcel_id(state: &AppState, id: &str) {
    ask(state, Question::ParcelId(id), false);
}

/// Answers a point tapped on the map (a tap inside a surveyed plot selects that plot) or given
/// by GPS (the point as such).
pub fn check_lon_lat(state: &AppState, lon: f64, lat: f64, from_gps: bool) {
    if from_gps {
        ask(state, Question::Point { lon, lat }, true);
    } else if crate::loader::ranges::active() {
        // The parcel layer is read by ranges: the plots at the tap first (a few requests); an
        // answer is given only if nothing else was asked meanwhile.
        let state = *state;
        let turn = next_turn();
        leptos::task::spawn_local(async move {
            crate::loader::ranges::read_box(&state, [lon, lat, lon, lat]).await;
            if TURNS.with(|t| t.get()) == turn {
                ask(&state, Question::Tap { lon, lat }, false);
            }
        });
    } else {
        ask(state, Question::Tap { lon, lat }, false);
    }
}

thread_local! {
    /// Outcomes shown and taps begun so far, so that a tap answered late (its plots read by
    /// ranges) never overwrites anything shown after it.
    static TURNS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn next_turn() -> u64 {
    TURNS.with(|t| t.replace(t.get() + 1) + 1)
}

/// Answers a point as such (a shared link's or an embedding page's point: no plot is selected).
pub fn show_point(state: &AppState, lon: f64, lat: f64) {
    ask(state, Question::Point { lon, lat }, false);
}

/// Answers a plot outline given as (lon, lat) rings (a shared link's outline).
pub fn show_rings(state: &AppState, rings: Vec<Vec<(f64, f64)>>) {
    ask(state, Question::Outline(rings), false);
}

/// Answers an uploaded or pasted plot outline (GeoJSON or corner lines).
pub fn check_plot_text(state: &AppState, text: &str) {
    let Some(ds) = state.data.get_untracked() else {
        return;
    };
    match baft_core::dataset::read_plot_outline(text, ds.parse_options()) {
        Ok(rings) => ask(state, Question::Outline(rings), false),
        Err(e) => set_outcome(state, Outcome::InputError(e)),
    }
}

/// Asks the browser for the current position (15 s timeout) and checks it.
pub fn locate(state: AppState) {
    let geo = web_sys::window().and_then(|w| w.navigator().geolocation().ok());
    let Some(geo) = geo else {
        set_outcome(&state, Outcome::GeoError(GeoFailure::Unsupported));
        return;
    };
    set_outcome(&state, Outcome::Locating);
    let ok = Closure::once_into_js(move |pos: web_sys::Position| {
        let c = pos.coords();
        let (lon, lat, accuracy_m) = (c.longitude(), c.latitude(), c.accuracy());
        ask(
            &state,
            Question::Gps {
                lon,
                lat,
                accuracy_m,
            },
            true,
        );
    });
    let err = Closure::once_into_js(move |e: web_sys::PositionError| {
        let f = match e.code() {
            1 => GeoFailure::Denied,
            3 => GeoFailure::Timeout,
            _ => GeoFailure::Unavailable,
        };
        set_outcome(&state, Outcome::GeoError(f));
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
pub use baft_web::today;

/// The current place asked again with the facts form's answers, on the data loaded now: the core
/// merges the facts (check, survey, form, assumed defaults), evaluates the packages, finds the
/// office and the boundary history. `None` without a checked point or plot. Reading it tracks
/// the data, the answer and the form, so what shows follows files that arrive after the answer.
pub fn place_with_facts(state: &AppState) -> Option<Result<Arc<Place>, AskError>> {
    let ds = state.data.get()?;
    let place = state.outcome.with(|o| o.as_ref()?.place().cloned())?;
    let text = state.facts.with(|f| f.to_text());
    let ask = Ask {
        facts: Some(&text),
        today: today(),
    };
    Some(place.again(&ds, &ask).map(Arc::new))
}

/// The plot's facts (see [`place_with_facts`]).
pub fn plot_facts(state: &AppState) -> Option<Result<PlotFacts, AskError>> {
    Some(place_with_facts(state)?.map(|p| p.facts.clone()))
}

/// The incentive packages evaluated for the current plot and facts (the core decides).
pub fn incentives(state: &AppState) -> Option<Result<Evaluation, AskError>> {
    match place_with_facts(state)? {
        Ok(p) => p.incentives.clone().map(Ok),
        Err(e) => Some(Err(e)),
    }
}

/// Scenarios for the current plot: alone, then with each of the three neighbours
/// ([`compare::neighbour_areas`]: the area typed, else the adjoining surveyed plot's, else this
/// plot's, assumed).
pub fn scenarios(state: &AppState, lang: baft_core::Lang) -> Option<Result<Vec<Row>, AskError>> {
    let ds = state.data.get()?;
    let packages = ds.packages.clone()?;
    let facts = match plot_facts(state)? {
        Ok(f) => f,
        Err(e) => return Some(Err(e)),
    };
    let own = facts.number(FactName::PlotAreaM2);
    // Blank neighbour areas: the real adjoining plots when a surveyed plot is selected, else the
    // same area as this plot (assumed); a figure that does not read is an error naming it.
    let adjoining = state.outcome.with(|o| {
        (o.as_ref().and_then(Outcome::place)).map_or(Vec::new(), |p| p.adjoining_areas(&ds))
    });
    let typed = state.neighbours.get();
    let typed: Vec<&str> = typed.iter().map(String::as_str).collect();
    let areas = match compare::neighbour_areas(&typed, &adjoining, own) {
        Ok(a) => a.unwrap_or_default(),
        Err(e) => return Some(Err(AskError::Facts(e))),
    };
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
    match place_with_facts(state) {
        Some(Ok(p)) => p
            .history
            .iter()
            .map(|h| (h.layer.id.clone(), h.sentence(lang)))
            .collect(),
        _ => Vec::new(),
    }
}

/// The facilitation office for the current place.
pub fn office(state: &AppState) -> Option<baft_core::layer::offices::OfficeMatch> {
    place_with_facts(state)?.ok()?.office.clone()
}
