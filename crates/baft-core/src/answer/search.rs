//! One search box for everything an owner might type: coordinates and map links
//! ([`crate::input`]), a registration plate or renovation code ([`crate::input::plate`]), or the name
//! or id of a neighbourhood or block.

use crate::dataset::Dataset;
use crate::error::BaftError;
use crate::input::{parse_location_with, ParsedLocation};
use serde::Serialize;

/// A block or neighbourhood found by name or id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZoneHit {
    pub layer_id: String,
    pub id: String,
    pub name: crate::read::manifest::LocalText,
    /// A point inside it, `[lon, lat]` (not the box centre).
    pub interior_point: [f64; 2],
}

/// What a search found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "found", rename_all = "snake_case")]
pub enum Found {
    Location(ParsedLocation),
    /// Indices into the parcel layer.
    Parcels(Vec<usize>),
    Zones(Vec<ZoneHit>),
}

/// At most this many name matches are listed.
pub const MAX_HITS: usize = 20;

/// Reads the search text: a plate first when there is a parcel layer (whole numbers around a
/// slash); then a location; then a renovation code; then names and ids of zones
/// (case-insensitive, at least 2 characters).
pub fn search(ds: &Dataset, text: &str) -> Result<Found, BaftError> {
    if text.len() > crate::input::MAX_INPUT_BYTES {
        return Err(crate::input::too_long(text));
    }
    let norm = crate::base::digits::normalize(text);
    let t = norm.trim();
    // Whole numbers around a slash are a plate (121/11), not a lat/lon pair, when the data has
    // plots to look it up in.
    if let (Some(q), Some(parcels)) = (crate::input::plate::parse_plate(t), ds.parcels.as_ref()) {
        let found = parcels.find_plate(q);
        return if found.is_empty() {
            Err(BaftError::PlotNotFound { text: t.into() })
        } else {
            Ok(Found::Parcels(found))
        };
    }
    let mut location_error = match parse_location_with(text, ds.parse_options()) {
        Ok(l) => return Ok(Found::Location(l)),
        Err(e) => e,
    };
    // Meant as a plate but not one: say how to write a plate, not how to write coordinates.
    if ds.parcels.is_some()
        && crate::input::plate::parse_plate(t).is_none()
        && crate::input::plate::parse_renovation_code(t).is_none()
        && crate::input::plate::looks_like_plate(t)
    {
        location_error = BaftError::NotAPlate { text: t.into() };
    }
    if crate::input::plate::parse_plate(t).is_some() {
        return Err(BaftError::NoParcelLayer);
    }
    if let Some(code) = crate::input::plate::parse_renovation_code(t) {
        let parcels = ds.parcels.as_ref().ok_or(BaftError::NoParcelLayer)?;
        return parcels
            .find_code(&code)
            .map(|i| Found::Parcels(vec![i]))
            .ok_or(BaftError::PlotNotFound { text: code });
    }
    let needle = t.to_lowercase();
    if needle.chars().count() >= 2
        && !needle
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation() || c.is_whitespace())
    {
        let mut hits = Vec::new();
        for l in &ds.layers {
            for z in &l.zones {
                let matches = z.id.to_lowercase() == needle
                    || z.name.fa.to_lowercase().contains(&needle)
                    || z.name.en.to_lowercase().contains(&needle);
                if matches && hits.len() < MAX_HITS {
                    let ip = crate::geometry::interior::interior_point(&z.lon_lat)
                        .map(|(x, y)| [x, y])
                        .unwrap_or_default();
                    hits.push(ZoneHit {
                        layer_id: l.spec.id.clone(),
                        id: z.id.clone(),
                        name: z.name.clone(),
                        interior_point: ip,
                    });
                }
            }
        }
        if !hits.is_empty() {
            return Ok(Found::Zones(hits));
        }
    }
    Err(location_error)
}
