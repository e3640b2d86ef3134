//! A national deployment for integrators: `data/manifest.json` may be a catalogue of cities
//! (`baft_core::read::catalogue`); `loadBaft` picks the city as the app does (named, else the
//! one holding the point) and loads only that city's data.

use baft_core::read::catalogue::{Catalogue, CityAsk};
use baft_core::say;
use wasm_bindgen::prelude::*;

/// Whether a `manifest.json` text is a national catalogue of cities, not one city's manifest.
#[wasm_bindgen(js_name = isCatalogue)]
pub fn is_catalogue(text: &str) -> bool {
    Catalogue::is_catalogue(text)
}

/// The data folder (relative to the catalogue, ending in `/`) of the city `city` names, else of
/// the one whose envelope holds (`lon`, `lat`). Throws, listing the cities' ids, when none or
/// several do, or when the catalogue can't be read.
#[wasm_bindgen(js_name = cityFolder)]
pub fn city_folder(
    catalogue: &str,
    city: Option<String>,
    lon: Option<f64>,
    lat: Option<f64>,
    lang: Option<String>,
) -> Result<String, JsError> {
    let lang = super::lang_of(lang);
    folder(catalogue, city.as_deref(), lon.zip(lat), lang).map_err(|m| super::error(&m))
}

/// [`city_folder`] as plain Rust (errors in `lang`).
pub fn folder(
    text: &str,
    city: Option<&str>,
    point: Option<(f64, f64)>,
    lang: baft_core::Lang,
) -> Result<String, String> {
    let c = Catalogue::parse(text).map_err(|errors| {
        let words: Vec<String> = errors.iter().map(|e| e.message(lang)).collect();
        words.join("; ")
    })?;
    // The app's rule (`Catalogue::pick`), except that a city named here is never passed over
    // for the point: an integrator's wrong id is an error to see, not a silent fallback.
    let point = point.filter(|_| city.is_none());
    let ids = (c.cities.iter().map(|c| c.id.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    match c.pick(city, point) {
        Ok(one) => Ok(one.folder.clone()),
        Err(CityAsk::Unknown(id)) => Err(say!(
            lang,
            "شهر «{id}» در فهرست نیست (شهرها: {ids})",
            "no city “{id}” in the catalogue (cities: {ids})"
        )),
        Err(CityAsk::Choose) => Err(say!(
            lang,
            "این داده‌ها چند شهر دارند: city یا point بدهید (شهرها: {ids})",
            "this data serves several cities: give `city` or `point` (cities: {ids})"
        )),
        Err(CityAsk::NoneAtPoint) => Err(say!(
            lang,
            "هیچ شهری این نقطه را در بر ندارد (شهرها: {ids})",
            "no city holds this point (cities: {ids})"
        )),
        Err(CityAsk::SeveralAtPoint(several)) => {
            let ids = several.join(", ");
            Err(say!(
                lang,
                "چند شهر این نقطه را در بر دارند: {ids}؛ city را بدهید",
                "several cities hold this point: {ids}; give `city`"
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::folder;
    use baft_core::Lang;

    const CATALOGUE: &str = r#"{"format_version": 1, "catalogue": true,
      "title": {"fa": "ملی", "en": "National"},
      "cities": [
        {"id": "qods", "name": {"fa": "قدس", "en": "Qods"}, "folder": "qods/",
         "envelope": [51.07, 35.68, 51.15, 35.74]},
        {"id": "west", "name": {"fa": "غرب", "en": "West"}, "folder": "west/",
         "envelope": [51.0, 35.6, 51.1, 35.7]}]}"#;

    #[test]
    fn a_city_is_picked_by_id_or_point_and_none_or_several_are_errors_listing_the_cities() {
        assert_eq!(
            folder(CATALOGUE, Some("west"), None, Lang::En).unwrap(),
            "west/"
        );
        assert_eq!(
            folder(CATALOGUE, None, Some((51.12, 35.72)), Lang::En).unwrap(),
            "qods/"
        );
        let several = folder(CATALOGUE, None, Some((51.08, 35.69)), Lang::En).unwrap_err();
        assert!(several.contains("qods, west"), "{several}");
        let none = folder(CATALOGUE, None, Some((59.6, 36.3)), Lang::Fa).unwrap_err();
        assert!(
            none.contains("qods, west") && none.contains("شهری"),
            "{none}"
        );
        assert!(folder(CATALOGUE, None, None, Lang::En)
            .unwrap_err()
            .contains("city"));
        assert!(folder(CATALOGUE, Some("tabriz"), None, Lang::En).is_err());
        // A wrong id is an error even with a point (the app's links go by the point instead).
        let wrong = folder(CATALOGUE, Some("tabriz"), Some((51.12, 35.72)), Lang::En);
        assert!(wrong.unwrap_err().contains("tabriz"));
        // A catalogue of one city needs neither.
        let start = CATALOGUE
            .find(
                r#",
        {"id": "west""#,
            )
            .unwrap();
        let one = format!("{}]}}", &CATALOGUE[..start]);
        assert_eq!(folder(&one, None, None, Lang::En).unwrap(), "qods/");
        let bad = CATALOGUE.replace("\"west/\"", "\"../west/\"");
        assert!(folder(&bad, Some("west"), None, Lang::En)
            .unwrap_err()
            .contains("cities[1].folder"));
    }
}
