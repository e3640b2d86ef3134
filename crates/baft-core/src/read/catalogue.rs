//! The national catalogue: one static deployment serving many cities.
//!
//! `data/manifest.json` is either one city's manifest or a catalogue of cities, each with its
//! own data folder (a whole data set: manifest, layers, parcels) and the envelope its data
//! covers:
//!
//! ```json
//! { "format_version": 1, "catalogue": true,
//!   "title": { "fa": "بازآفرینی شهری — ملی", "en": "Urban regeneration — national" },
//!   "cities": [ { "id": "qods", "name": { "fa": "قدس", "en": "Qods" },
//!                 "folder": "qods/", "envelope": [51.07, 35.68, 51.15, 35.74] } ] }
//! ```
//!
//! A front end reads the catalogue, picks the city that holds the owner's point (or asks when
//! none or several do: [`Catalogue::at`]) and loads only that city's data, from
//! `data/<folder>manifest.json` on.
//!
//! ```
//! use baft_core::read::catalogue::Catalogue;
//! let text = r#"{"format_version": 1, "catalogue": true,
//!   "title": {"fa": "ملی", "en": "National"},
//!   "cities": [{"id": "qods", "name": {"fa": "قدس", "en": "Qods"}, "folder": "qods/",
//!               "envelope": [51.07, 35.68, 51.15, 35.74]}]}"#;
//! assert!(Catalogue::is_catalogue(text));
//! let c = Catalogue::parse(text).unwrap();
//! assert_eq!(c.at(51.11, 35.71)[0].id, "qods");
//! assert!(c.at(59.6, 36.3).is_empty()); // Mashhad: no city of this catalogue holds it
//! ```

use crate::base::LocalText;
use crate::error::{DataFile, FieldError, FieldKind};
use serde::{Deserialize, Serialize};

/// The catalogue format this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// A catalogue of cities (see the [module docs](self)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Must be [`FORMAT_VERSION`].
    pub format_version: u32,
    /// Always `true`: what tells a catalogue from a city's manifest.
    pub catalogue: bool,
    /// The deployment's title, in Persian and English.
    pub title: LocalText,
    /// The cities, in the order a chooser lists them.
    pub cities: Vec<CityEntry>,
}

/// One city of a catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CityEntry {
    /// A short id, unique in the catalogue (links carry it as `c=`).
    pub id: String,
    /// The city's name.
    pub name: LocalText,
    /// Its data folder, relative to the catalogue, ending in `/` (`qods/`).
    pub folder: String,
    /// `[min_lon, min_lat, max_lon, max_lat]`: the area its data covers.
    pub envelope: [f64; 4],
}

impl Catalogue {
    /// Whether a `manifest.json` text is a catalogue (it says `"catalogue": true`), not one
    /// city's manifest.
    pub fn is_catalogue(text: &str) -> bool {
        #[derive(Deserialize)]
        struct Probe {
            #[serde(default)]
            catalogue: bool,
        }
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        serde_json::from_str::<Probe>(text).is_ok_and(|p| p.catalogue)
    }

    /// Parses and checks a catalogue. Errors name the field (`cities[3].envelope`).
    pub fn parse(text: &str) -> Result<Catalogue, Vec<FieldError>> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let c: Catalogue = serde_json::from_str(text)
            .map_err(|e| vec![FieldError::from_serde(DataFile::Manifest, text, &e)])?;
        let mut errors: Vec<FieldError> =
            FieldError::version(DataFile::Manifest, c.format_version, FORMAT_VERSION)
                .into_iter()
                .collect();
        let mut ids = std::collections::HashSet::new();
        for (i, city) in c.cities.iter().enumerate() {
            if city.id.is_empty() || !ids.insert(city.id.as_str()) {
                errors.push(FieldError::manifest(
                    format!("cities[{i}].id"),
                    FieldKind::Duplicate,
                    format!("شناسهٔ تهی یا تکراری «{}»", city.id),
                    format!("empty or duplicate id “{}”", city.id),
                ));
            }
            if !folder_ok(&city.folder) {
                errors.push(FieldError::manifest(
                    format!("cities[{i}].folder"),
                    FieldKind::BadPath,
                    format!("«{}» پوشه‌ای نسبی نیست که به / ختم شود", city.folder),
                    format!("“{}” is not a relative folder ending in /", city.folder),
                ));
            }
            let [w, s, e, n] = city.envelope;
            let lon_lat = |x: f64, lo, hi| x.is_finite() && (lo..=hi).contains(&x);
            if !(lon_lat(w, -180.0, 180.0)
                && lon_lat(e, -180.0, 180.0)
                && lon_lat(s, -90.0, 90.0)
                && lon_lat(n, -90.0, 90.0)
                && w < e
                && s < n)
            {
                errors.push(FieldError::manifest(
                    format!("cities[{i}].envelope"),
                    FieldKind::OutOfRange,
                    "باید [کمینهٔ طول، کمینهٔ عرض، بیشینهٔ طول، بیشینهٔ عرض] باشد".into(),
                    "must be [min lon, min lat, max lon, max lat]".into(),
                ));
            }
        }
        if c.cities.is_empty() {
            errors.push(FieldError::manifest(
                "cities",
                FieldKind::Missing,
                "هیچ شهری فهرست نشده است".into(),
                "no city is listed".into(),
            ));
        }
        if errors.is_empty() {
            Ok(c)
        } else {
            Err(errors)
        }
    }

    /// The cities whose envelopes hold (`lon`, `lat`), in catalogue order: one to load, none
    /// or several to ask about.
    pub fn at(&self, lon: f64, lat: f64) -> Vec<&CityEntry> {
        self.cities
            .iter()
            .filter(|c| {
                let [w, s, e, n] = c.envelope;
                (w..=e).contains(&lon) && (s..=n).contains(&lat)
            })
            .collect()
    }

    /// The city with this id.
    pub fn find(&self, id: &str) -> Option<&CityEntry> {
        self.cities.iter().find(|c| c.id == id)
    }

    /// The city to load, the one rule for the app's links and the JS API: the city named
    /// (`c=` / `city`); else the one whose envelope holds the point (`p=` / `point`); else the
    /// only city of a one-city catalogue. A named city the catalogue lacks is passed over for the
    /// point when there is one (an old link still finds its place), else it is the answer's
    /// reason.
    ///
    /// ```
    /// use baft_core::read::catalogue::{Catalogue, CityAsk};
    /// let c = Catalogue::parse(r#"{"format_version": 1, "catalogue": true, "title": {"fa": "م", "en": "n"},
    ///   "cities": [{"id": "qods", "name": {"fa": "قدس", "en": "Qods"}, "folder": "qods/", "envelope": [51.0, 35.6, 51.2, 35.8]},
    ///              {"id": "karaj", "name": {"fa": "کرج", "en": "Karaj"}, "folder": "karaj/", "envelope": [50.8, 35.7, 51.1, 35.9]}]}"#).unwrap();
    /// assert_eq!(c.pick(Some("karaj"), None).unwrap().id, "karaj");
    /// assert_eq!(c.pick(Some("old"), Some((51.15, 35.65))).unwrap().id, "qods");
    /// assert_eq!(c.pick(Some("old"), None).unwrap_err(), CityAsk::Unknown("old".into()));
    /// assert_eq!(c.pick(None, Some((51.05, 35.75))).unwrap_err(), CityAsk::SeveralAtPoint(vec!["qods".into(), "karaj".into()]));
    /// assert_eq!(c.pick(None, Some((52.0, 35.0))).unwrap_err(), CityAsk::NoneAtPoint);
    /// assert_eq!(c.pick(None, None).unwrap_err(), CityAsk::Choose);
    /// // A catalogue of one city needs neither name nor point.
    /// let one = Catalogue { cities: c.cities[..1].to_vec(), ..c.clone() };
    /// assert_eq!(one.pick(None, None).unwrap().id, "qods");
    /// ```
    pub fn pick(
        &self,
        city: Option<&str>,
        point: Option<(f64, f64)>,
    ) -> Result<&CityEntry, CityAsk> {
        if let Some(c) = city.and_then(|id| self.find(id)) {
            return Ok(c);
        }
        let Some((lon, lat)) = point else {
            return match (city, self.cities.as_slice()) {
                (Some(id), _) => Err(CityAsk::Unknown(id.into())),
                (None, [only]) => Ok(only),
                (None, _) => Err(CityAsk::Choose),
            };
        };
        match self.at(lon, lat).as_slice() {
            [one] => Ok(one),
            [] => Err(CityAsk::NoneAtPoint),
            several => Err(CityAsk::SeveralAtPoint(
                several.iter().map(|c| c.id.clone()).collect(),
            )),
        }
    }
}

/// Why [`Catalogue::pick`] found no one city: the person (or the embedder) must choose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CityAsk {
    /// No city was named and there is no point: choose one.
    Choose,
    /// The named city is not in the catalogue (and there is no point to go by).
    Unknown(String),
    /// No city's envelope holds the point.
    NoneAtPoint,
    /// Several cities' envelopes hold the point (their ids).
    SeveralAtPoint(Vec<String>),
}

/// A folder a catalogue may name: relative, inside the deployment, ending in `/`.
fn folder_ok(f: &str) -> bool {
    f.ends_with('/')
        && !f.starts_with('/')
        && !f.contains("://")
        && !f.contains('\\')
        && f.split('/').all(|p| p != ".." && p != ".")
        && f.len() > 1
}
