//! Facilitation offices (دفاتر تسهیلات نوسازی): who serves a plot, how far, how to get there,
//! and which documents to bring.

use crate::read::manifest::LocalText;
use serde::{Deserialize, Serialize};

/// An office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// The office's id.
    pub id: String,
    /// The office's name.
    pub name: LocalText,
    /// Ids of the target neighbourhoods it serves.
    #[serde(default)]
    pub serves: Vec<String>,
    /// The office's street address.
    pub address: LocalText,
    /// Phone number as written; [`OfficeMatch::tel_uri`] keeps only its digits and `+`.
    pub phone: String,
    /// Opening hours, in words.
    pub hours: LocalText,
    /// `[lon, lat]`; an office without one can't be the "nearest".
    #[serde(default)]
    pub location: Option<[f64; 2]>,
}

impl Office {
    /// The phone number as it is dialled and written in Iran: a `+98` country code becomes the
    /// trunk `0` (`+982146001000` → `02146001000`); any other number as written. The app, the
    /// brochures, banners and letters all show it so.
    ///
    /// ```
    /// use baft_core::layer::offices::Office;
    /// let mut o: Office = serde_json::from_str(r#"{"id": "OF-01", "name": {"fa": "د", "en": "o"},
    ///   "address": {"fa": "ن", "en": "a"}, "phone": "+98 21 4600 1000", "hours": {"fa": "س", "en": "h"}}"#).unwrap();
    /// assert_eq!(o.phone_shown(), "021 4600 1000");
    /// o.phone = "021-4600".into();
    /// assert_eq!(o.phone_shown(), "021-4600");
    /// ```
    pub fn phone_shown(&self) -> String {
        let p = self.phone.trim();
        match p.strip_prefix("+98") {
            Some(rest) => format!("0{}", rest.trim_start()),
            None => p.to_string(),
        }
    }
}

/// The offices file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficesFile {
    /// The offices file's format version.
    pub format_version: u32,
    /// An optional note about the file, e.g. that it is sample data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
    /// What to bring to the office.
    #[serde(default)]
    pub documents: Vec<LocalText>,
    /// Every office.
    pub offices: Vec<Office>,
}

/// The office for a plot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OfficeMatch {
    /// The office found for the plot.
    pub office: Office,
    /// True when it serves the plot's neighbourhood; false when it is only the nearest.
    pub serves_neighbourhood: bool,
    /// Straight-line distance, metres.
    pub distance_m: Option<f64>,
    /// `geo:lat,lon` for the phone's map app.
    pub geo_uri: Option<String>,
    /// `tel:+98…`.
    pub tel_uri: String,
    /// The phone number as shown ([`Office::phone_shown`]: `021…`), as the app and the print
    /// show it.
    pub phone_shown: String,
}

impl OfficesFile {
    /// Reads an offices file (a leading byte-order mark is allowed); `Err` holds serde_json's
    /// message.
    pub fn parse(text: &str) -> Result<OfficesFile, String> {
        serde_json::from_str(text.strip_prefix('\u{FEFF}').unwrap_or(text))
            .map_err(|e| e.to_string())
    }

    /// The office serving the first of `neighbourhoods` that an office serves (the nearest of
    /// those serving it), else the nearest office. A place gives its own neighbourhood first
    /// ([`crate::answer::Place::neighbourhoods`]): a plot straddling two is served by the office
    /// of the one holding the larger part of it.
    pub fn office_for(&self, lon: f64, lat: f64, neighbourhoods: &[String]) -> Option<OfficeMatch> {
        let frame = crate::geometry::projection::TransverseMercator::local(lon, lat);
        let dist = |o: &Office| {
            o.location.map(|[x, y]| {
                let (a, b) = frame.forward(x, y);
                (a * a + b * b).sqrt()
            })
        };
        let nearest = |it: &mut dyn Iterator<Item = &Office>| -> Option<(f64, Office)> {
            it.map(|o| (dist(o).unwrap_or(f64::INFINITY), o.clone()))
                .min_by(|a, b| a.0.total_cmp(&b.0))
        };
        // The first neighbourhood an office serves: the place's own comes first.
        let serving = (neighbourhoods.iter())
            .find_map(|n| nearest(&mut self.offices.iter().filter(|o| o.serves.contains(n))));
        let (office, serves) = match serving {
            Some((_, o)) => (o, true),
            None => (
                nearest(&mut self.offices.iter().filter(|o| o.location.is_some()))?.1,
                false,
            ),
        };
        let phone: String = office
            .phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        Some(OfficeMatch {
            distance_m: dist(&office),
            geo_uri: office.location.map(|[x, y]| format!("geo:{y:.6},{x:.6}")),
            tel_uri: format!("tel:{phone}"),
            phone_shown: office.phone_shown(),
            serves_neighbourhood: serves,
            office,
        })
    }
}
