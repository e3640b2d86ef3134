//! Which city's data the staff page opens. A single city's site has its manifest at
//! `data/manifest.json`; a national deployment has a catalogue there
//! ([`baft_core::read::catalogue`]), and each city's facilitation office works on its own
//! city's folder, named by the page's `?c=` as the owners' links name it. The rule is the
//! catalogue's own ([`Catalogue::pick`]): the city named, else the only city of a one-city
//! catalogue, else the staff member chooses.

use baft_core::base::LocalText;
use baft_core::read::catalogue::{Catalogue, CityAsk};
use baft_core::{say, BaftError, Lang};
use serde::Serialize;

/// What the page does with `data/manifest.json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SiteCity {
    /// It is one city's manifest: the workbench opens it as it is.
    Single,
    /// It is a catalogue, and this is the city to open: its manifest is
    /// `<folder>manifest.json`, relative to the catalogue.
    City {
        /// The city's id (the links' `c=`).
        id: String,
        /// Its name.
        name: LocalText,
        /// Its data folder, relative to the catalogue, ending in `/`.
        folder: String,
    },
    /// It is a catalogue and no city of it was named: the staff member chooses one.
    Choose {
        /// The catalogue's cities, `(id, name)`, in its order.
        cities: Vec<(String, LocalText)>,
        /// Why the page asks, when a city was named that the catalogue lacks.
        #[serde(skip_serializing_if = "Option::is_none")]
        why: Option<String>,
    },
}

/// Reads the site's `data/manifest.json` text with the city the page's address names (`?c=`).
/// A catalogue that does not read is an error in words naming the field.
///
/// ```
/// use baft_staff::site::{site_city, SiteCity};
/// use baft_core::Lang;
/// let catalogue = r#"{"format_version": 1, "catalogue": true, "title": {"fa": "ملی", "en": "National"},
///   "cities": [{"id": "qods", "name": {"fa": "قدس", "en": "Qods"}, "folder": "qods/", "envelope": [51.0, 35.6, 51.2, 35.8]},
///              {"id": "karaj", "name": {"fa": "کرج", "en": "Karaj"}, "folder": "karaj/", "envelope": [50.8, 35.7, 51.1, 35.9]}]}"#;
/// assert!(matches!(site_city(catalogue, Some("karaj"), Lang::En), Ok(SiteCity::City { id, .. }) if id == "karaj"));
/// assert!(matches!(site_city(catalogue, None, Lang::En), Ok(SiteCity::Choose { why: None, .. })));
/// assert!(matches!(site_city(catalogue, Some("tabriz"), Lang::En), Ok(SiteCity::Choose { why: Some(_), .. })));
/// assert_eq!(site_city(r#"{"format_version": 1}"#, Some("qods"), Lang::En), Ok(SiteCity::Single));
/// ```
pub fn site_city(manifest_text: &str, city: Option<&str>, lang: Lang) -> Result<SiteCity, String> {
    if !Catalogue::is_catalogue(manifest_text) {
        return Ok(SiteCity::Single);
    }
    let catalogue = Catalogue::parse(manifest_text)
        .map_err(|errors| BaftError::BadManifest { errors }.message(lang))?;
    let city = city.filter(|c| !c.is_empty());
    let why = match catalogue.pick(city, None) {
        Ok(c) => {
            return Ok(SiteCity::City {
                id: c.id.clone(),
                name: c.name.clone(),
                folder: c.folder.clone(),
            })
        }
        Err(CityAsk::Unknown(id)) => Some(say!(
            lang,
            "شهر «{id}» در فهرست شهرهای این سامانه نیست؛ شهر را انتخاب کنید.",
            "“{id}” is not among this site's cities; choose the city."
        )),
        Err(_) => None,
    };
    Ok(SiteCity::Choose {
        cities: (catalogue.cities.iter())
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect(),
        why,
    })
}
