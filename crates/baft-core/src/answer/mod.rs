//! Whole answers: a [`Question`] goes in, an [`Answer`] comes out.
//!
//! [`answer`] is the one place where a question becomes an answer: it reads typed text with
//! [`search::search`], checks the point, plot or surveyed parcel, merges the plot's facts
//! (from the check, the parcel's survey, the user, then the assumed defaults), evaluates the
//! incentive packages, finds the facilitation office and the boundary history. The app, the JS
//! API and the CLI render what it returns and compute nothing of their own, so the same
//! question gets the same answer everywhere.
//!
//! ```
//! use baft_core::answer::{answer, Answer, Ask, Question};
//! use baft_core::dataset::Dataset;
//! let zones = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
//!   "properties":{"id":"B1","name":"بلوک ۱"},
//!   "geometry":{"type":"Polygon","coordinates":[[[51.11,35.70],[51.12,35.70],[51.12,35.71],[51.11,35.71],[51.11,35.70]]]}}]}"#;
//! let data = Dataset::from_single_file("zones.geojson", zones).unwrap();
//! let ask = Ask::on(baft_core::base::jalali::GregorianDate { year: 2026, month: 12, day: 1 });
//! let Answer::Place(place) = answer(&data, Question::Text("۳۵٫۷۰۵، ۵۱٫۱۱۵"), &ask).unwrap() else {
//!     panic!("a point")
//! };
//! assert_eq!(place.statuses(), vec!["inside"]);
//! // A block id typed alone is that block.
//! assert!(matches!(answer(&data, Question::Text("b1"), &ask), Ok(Answer::Place(_))));
//! ```

mod address;
pub mod certificate;
mod choice;
mod error;
mod place;
pub mod search;
pub mod share;
pub mod summary;

pub use choice::{Choice, Choices};
pub use error::AskError;
pub use place::{GpsFix, Place, PlaceKind, Report};

use crate::base::jalali::GregorianDate;
use crate::dataset::Dataset;
use search::Found;

/// What is asked about.
#[derive(Debug, Clone, PartialEq)]
pub enum Question<'a> {
    /// Anything typed or pasted in the search box (see [`search`]).
    Text(&'a str),
    /// A point as such (a shared link's or an embedding page's point), lon/lat degrees.
    Point {
        /// Longitude, degrees.
        lon: f64,
        /// Latitude, degrees.
        lat: f64,
    },
    /// A GPS fix: the point, with the fix's accuracy (the radius, in metres, of the circle the
    /// place is likely in). The answer's [`Place::gps`] names the layers whose boundary that
    /// circle crosses.
    Gps {
        /// Longitude, degrees.
        lon: f64,
        /// Latitude, degrees.
        lat: f64,
        /// The fix's accuracy, metres (the Geolocation API's `coords.accuracy`).
        accuracy_m: f64,
    },
    /// A tap on the map: the surveyed plot under it when there is one, else the point.
    Tap {
        /// Longitude, degrees.
        lon: f64,
        /// Latitude, degrees.
        lat: f64,
    },
    /// Plot `index` of the parcel layer (as a [`Choice::Plot`] names it).
    Parcel(usize),
    /// A surveyed plot by its id (a shared link's `id=`).
    ParcelId(&'a str),
    /// A plot outline: rings of (lon, lat), the first the outer ring.
    Outline(Vec<Vec<(f64, f64)>>),
}

/// What comes with every question: the owner's facts and the day packages are judged on.
#[derive(Debug, Clone, PartialEq)]
pub struct Ask<'a> {
    /// The owner's facts, `key=value` pairs separated by commas (`area=180,units=4`).
    pub facts: Option<&'a str>,
    /// Packages are evaluated on this day.
    pub today: GregorianDate,
}

impl<'a> Ask<'a> {
    /// No facts of the owner's, judged on `today`.
    pub fn on(today: GregorianDate) -> Ask<'a> {
        Ask { facts: None, today }
    }
}

/// The answer to a question.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// A point or a plot, with everything known about it.
    Place(Box<Place>),
    /// The text matched several plots or zones: pick one and ask again.
    Choices(Choices),
}

/// Answers a question: see the module docs.
pub fn answer(ds: &Dataset, question: Question, ask: &Ask) -> Result<Answer, AskError> {
    // Facts are read first, so that a typo in them is reported whatever the place.
    let user = place::user_facts(ask.facts)?;
    let place = |p: Result<Place, AskError>| p.map(|p| Answer::Place(Box::new(p)));
    match question {
        Question::Text(text) => match search::search(ds, text)? {
            Found::Location(loc) => {
                let rounded = match loc.form {
                    crate::input::InputForm::MapLink { rounded_m, .. } => rounded_m,
                    _ => None,
                };
                let at = loc.lon_lat();
                place(Place::point(ds, at, Some(loc), &user, ask).map(|mut p| {
                    p.gps = rounded.map(|r| place::GpsFix {
                        accuracy_m: r.into(),
                        link_view: true,
                        crosses: ds.circle_crosses(at, r.into()),
                    });
                    p
                }))
            }
            Found::Outline(rings) => place(Place::outline(ds, rings, None, &user, ask)),
            Found::Parcels(found) if found.len() == 1 => place(parcel(ds, found[0], &user, ask)),
            Found::Parcels(found) => Ok(Answer::Choices(Choices::of_parcels(ds, &found))),
            Found::Zones(hits) if hits.len() == 1 => {
                let [lon, lat] = hits[0].interior_point;
                place(Place::point(ds, (lon, lat), None, &user, ask))
            }
            Found::Zones(hits) => Ok(Answer::Choices(Choices::of_zones(&hits))),
            // A street is no place to check: it is shown, and the owner taps the plot on it.
            Found::Streets(found) => Ok(Answer::Choices(Choices::of_streets(ds, &found))),
        },
        Question::Point { lon, lat } => place(Place::point(ds, (lon, lat), None, &user, ask)),
        Question::Gps {
            lon,
            lat,
            accuracy_m,
        } => place(Place::point(ds, (lon, lat), None, &user, ask).map(|mut p| {
            p.gps = Some(place::GpsFix {
                accuracy_m,
                link_view: false,
                crosses: ds.circle_crosses((lon, lat), accuracy_m),
            });
            p
        })),
        Question::Tap { lon, lat } => match ds.parcel_at((lon, lat)) {
            Some(i) => place(parcel(ds, i, &user, ask)),
            None => place(Place::point(ds, (lon, lat), None, &user, ask)),
        },
        Question::Parcel(i) => place(parcel(ds, i, &user, ask)),
        Question::ParcelId(id) => {
            let not_found = || crate::BaftError::PlotNotFound { text: id.into() };
            let parcels = match (&ds.parcels, &ds.manifest.parcels) {
                (Some(p), _) => p,
                // Listed but not loaded (yet, or its file failed): that plot can't be found.
                (None, Some(_)) => return Err(not_found().into()),
                (None, None) => return Err(crate::BaftError::NoParcelLayer.into()),
            };
            let i = parcels.find_id(id).ok_or_else(not_found)?;
            place(parcel(ds, i, &user, ask))
        }
        Question::Outline(rings) => place(Place::outline(ds, rings, None, &user, ask)),
    }
}

fn parcel(
    ds: &Dataset,
    i: usize,
    user: &crate::packages::PlotFacts,
    ask: &Ask,
) -> Result<Place, AskError> {
    let parcels = ds.parcels.as_ref().ok_or(crate::BaftError::NoParcelLayer)?;
    if i >= parcels.len() {
        return Err(crate::BaftError::PlotNotFound {
            text: i.to_string(),
        }
        .into());
    }
    Place::outline(ds, parcels.rings(i), Some(i), user, ask)
}
