//! The app's state: signals the components read and the glue writes.

use baft_core::answer::share::PageOptions;
use baft_core::answer::{Choices, Place};
use baft_core::dataset::Dataset;
use baft_core::packages::FactName;
use baft_core::{BaftError, Lang, Problem};
use leptos::prelude::*;
use std::sync::Arc;

/// Where loading the data stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    /// Fetching: files done of total, bytes so far.
    Loading {
        done: usize,
        total: usize,
        bytes: usize,
    },
    Ready,
    /// The data could not be loaded at all (the message is localised at render time).
    Failed(BaftError),
    /// A national deployment: the city to load is asked for ([`CityAsk`] says why).
    ChooseCity(CityAsk),
}

pub use baft_core::read::catalogue::CityAsk;

/// Why the phone's location could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GeoFailure {
    Unsupported,
    Denied,
    Unavailable,
    Timeout,
}

/// What the last action produced.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The core's answer about a point or a plot; `from_gps` for a GPS fix.
    Answer { place: Arc<Place>, from_gps: bool },
    /// Several plots or places match the search: the user picks one.
    Choose(Arc<Choices>),
    /// The input could not be used.
    InputError(BaftError),
    /// The location could not be had.
    GeoError(GeoFailure),
    /// Waiting for the phone's location.
    Locating,
}

impl Outcome {
    /// The place answered, if any.
    pub fn place(&self) -> Option<&Arc<Place>> {
        match self {
            Outcome::Answer { place, .. } => Some(place),
            _ => None,
        }
    }
}

/// The owner's answers in the facts form (text as typed; empty = not said).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FactsForm {
    pub area: String,
    pub street: String,
    pub units: String,
    pub land_use: String,
    pub axis: String,
    pub block_project: String,
    /// Facts the form has no field for (a link's `age=40`), as `key=value` pairs with the core's
    /// keys: kept so that they still count and travel on in the next link.
    pub others: String,
}

/// A field of the facts form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactField {
    Area,
    Street,
    Units,
    LandUse,
    Axis,
    BlockProject,
}

impl FactField {
    /// The form's field for a fact, if it has one.
    pub fn of(name: FactName) -> Option<FactField> {
        Some(match name {
            FactName::PlotAreaM2 => FactField::Area,
            FactName::FrontageWidthM => FactField::Street,
            FactName::Units => FactField::Units,
            FactName::LandUse => FactField::LandUse,
            FactName::OnMainAxis => FactField::Axis,
            FactName::BlockScaleProject => FactField::BlockProject,
            _ => return None,
        })
    }
}

impl FactsForm {
    pub fn get(&self, f: FactField) -> &str {
        match f {
            FactField::Area => &self.area,
            FactField::Street => &self.street,
            FactField::Units => &self.units,
            FactField::LandUse => &self.land_use,
            FactField::Axis => &self.axis,
            FactField::BlockProject => &self.block_project,
        }
    }

    pub fn set(&mut self, f: FactField, v: String) {
        *match f {
            FactField::Area => &mut self.area,
            FactField::Street => &mut self.street,
            FactField::Units => &mut self.units,
            FactField::LandUse => &mut self.land_use,
            FactField::Axis => &mut self.axis,
            FactField::BlockProject => &mut self.block_project,
        } = v;
    }

    /// The form from `key=value` pairs, each key read as the core reads it
    /// ([`FactName::parse`]: `area`, `Area`, `plot_area_m2` are one fact); a fact the form has
    /// no field for is kept in `others` when its value reads (`age=40`, not `age=abc`), a key no
    /// fact has is left out.
    pub fn from_text(text: &str) -> FactsForm {
        let mut f = FactsForm::default();
        let mut others = Vec::new();
        for (k, v) in text
            .split([',', ';', '\n'])
            .filter_map(|p| p.split_once('='))
        {
            let Some(name) = FactName::parse(k) else {
                continue;
            };
            match FactField::of(name) {
                Some(field) => f.set(field, v.trim().to_string()),
                None => {
                    // Kept only when the core reads it: a fact the owner can't see or correct
                    // must not turn every answer into an error.
                    let pair = format!("{}={}", name.key(), v.trim());
                    let mut probe = baft_core::packages::PlotFacts::default();
                    let source = baft_core::packages::FactSource::User;
                    if probe.set_from_text(&pair, source).is_ok() {
                        others.push(pair);
                    }
                }
            }
        }
        f.others = others.join(",");
        f
    }

    /// As `key=value` pairs for `PlotFacts::set_from_text` (only what was said).
    pub fn to_text(&self) -> String {
        [
            ("area", &self.area),
            ("street", &self.street),
            ("units", &self.units),
            ("use", &self.land_use),
            ("axis", &self.axis),
            ("block_project", &self.block_project),
        ]
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}={}", v.trim()))
        .chain((!self.others.is_empty()).then(|| self.others.clone()))
        .collect::<Vec<_>>()
        .join(",")
    }
}

/// A plot saved for the side-by-side comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub label: String,
    pub facts: baft_core::packages::PlotFacts,
}

/// All signals, provided through context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub data: RwSignal<Option<Arc<Dataset>>>,
    pub progress: RwSignal<Progress>,
    /// A national deployment's catalogue of cities (`None` for one city's data).
    pub catalogue: RwSignal<Option<Arc<baft_core::read::catalogue::Catalogue>>>,
    /// The catalogue's city loaded (its id), once chosen.
    pub city: RwSignal<Option<String>>,
    /// Current layer files not yet added (or failed); `usize::MAX` before the manifest. At 0
    /// a point or outline can be answered, while packages, history and parcels still load.
    pub layers_left: RwSignal<usize>,
    pub problems: RwSignal<Vec<Problem>>,
    pub outcome: RwSignal<Option<Outcome>>,
    pub query: RwSignal<String>,
    pub basemap_on: RwSignal<bool>,
    pub facts: RwSignal<FactsForm>,
    /// Neighbours' areas (m²) for the consolidation scenarios, as typed.
    pub neighbours: RwSignal<Vec<String>>,
    pub candidates: RwSignal<Vec<Candidate>>,
    /// Layers switched off on the map (ids).
    pub hidden_layers: RwSignal<Vec<String>>,
    /// Each data file as fetched and its short SHA-256 (for the certificate).
    pub hashes: RwSignal<Vec<(String, String)>>,
    /// The page's configuration from its query string (embedding).
    pub page: StoredValue<PageOptions>,
    /// The link the page was opened with has been applied (until then the URL is not rewritten).
    pub link_applied: RwSignal<bool>,
    /// When the opened link was made with other data: its data version and the boundary
    /// versions that differ now `(layer, in the link, now)`.
    pub link_versions: RwSignal<Option<LinkVersions>>,
    /// The first answer is on screen, or loading ended without one (`crate::settled`): what
    /// only printing needs (the certificate) is drawn from then on, not before it.
    pub settled: RwSignal<bool>,
    /// Attempts at downloading the parts after the answer (`components::later`): "Try again"
    /// counts one more, and every part waiting for them asks again.
    pub later_attempt: RwSignal<u32>,
    /// The parts after the answer are on the page (the office's and the packages' cards): the
    /// next step's lines link to them from then on.
    pub later_ready: RwSignal<bool>,
    /// The text last asked that waits for the plots (the core's `PlotsLoading`), asked again
    /// once they are in (`actions::answer_when_plots_in`).
    pub waiting: StoredValue<Option<String>>,
}

/// How an opened link's data differs from the data loaded now.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkVersions {
    pub data_version: Option<String>,
    pub boundary: Vec<(String, String, Option<String>)>,
}

impl AppState {
    pub fn new(lang: Lang) -> Self {
        AppState {
            lang: RwSignal::new(lang),
            data: RwSignal::new(None),
            catalogue: RwSignal::new(None),
            city: RwSignal::new(None),
            progress: RwSignal::new(Progress::Loading {
                done: 0,
                total: 0,
                bytes: 0,
            }),
            layers_left: RwSignal::new(usize::MAX),
            problems: RwSignal::new(Vec::new()),
            outcome: RwSignal::new(None),
            query: RwSignal::new(String::new()),
            basemap_on: RwSignal::new(false),
            facts: RwSignal::new(FactsForm::default()),
            neighbours: RwSignal::new(vec![String::new(), String::new(), String::new()]),
            candidates: RwSignal::new(Vec::new()),
            hidden_layers: RwSignal::new(Vec::new()),
            hashes: RwSignal::new(Vec::new()),
            page: StoredValue::new(PageOptions::default()),
            link_applied: RwSignal::new(false),
            link_versions: RwSignal::new(None),
            settled: RwSignal::new(false),
            later_attempt: RwSignal::new(0),
            waiting: StoredValue::new(None),
            later_ready: RwSignal::new(false),
        }
    }

    /// Whether an answer (not a choice, an error or nothing) is on screen; tracked when called
    /// in a reactive context.
    pub fn has_answer(&self) -> bool {
        self.outcome
            .with(|o| matches!(o, Some(Outcome::Answer { .. })))
    }
}

/// The state from context (every component is under [`crate::components::app::App`]).
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
