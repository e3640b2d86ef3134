//! One search box for everything a person may type or paste, read in this order:
//!
//! 1. **an outline**: GeoJSON text (starting with `{`) or three or more lines of corners
//!    ([`crate::dataset::read_plot_outline`]);
//! 2. **a surveyed plot's own id** (`QB-0232-001`), when the data has a parcel layer;
//! 3. **a postal code** (ten digits, a dash after the fifth or none), when the parcel layer
//!    carries postal codes ([`crate::layer::parcels::postal`]);
//! 4. **a registration plate** (`121/406`, with a section or not), when the data has a parcel
//!    layer ([`crate::input::plate`]);
//! 5. **a location**: coordinates in any digits and form, UTM, `geo:` URIs and map links
//!    ([`crate::input`]);
//! 6. **a renovation code**, when the data has a parcel layer;
//! 7. **a street address**: a street and a house number (`خیابان گلستان، پلاک ۱۲`), when the
//!    parcel layer carries addresses and has that street ([`crate::input::address`]);
//! 8. **a zone's id or name**: a block id matched whole (`QB-0372`), else names containing the
//!    text (at least 2 characters). Both sides are folded first ([`crate::base::letters::fold`]):
//!    Arabic and Persian letter forms, digits and the zero-width non-joiner don't matter;
//! 9. **a street's name** (with or without `خیابان`, `کوچه`, `بن‌بست`…), when the data has a
//!    streets layer ([`crate::layer::streets::Streets::find`]).
//!
//! The app's search box, the JS API's `check` and the CLI's `--point` all call [`search`], so
//! the same text is read the same way everywhere.

use crate::base::letters::fold;
use crate::base::LocalText;
use crate::dataset::{read_plot_outline, Dataset};
use crate::error::BaftError;
use crate::input::{address, parse_location_with, plate, ParsedLocation};
use crate::layer::parcels::{postal, ParcelLayer};
use serde::Serialize;

/// A block or neighbourhood found by name or id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZoneHit {
    /// The layer the zone belongs to.
    pub layer_id: String,
    /// The zone's id.
    pub id: String,
    /// The zone's name.
    pub name: LocalText,
    /// A point inside it, `[lon, lat]` (not the box centre).
    pub interior_point: [f64; 2],
}

/// What a search found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "found", rename_all = "snake_case")]
pub enum Found {
    /// A point.
    Location(ParsedLocation),
    /// Plots of the parcel layer (their indices): one, or several to choose from.
    Parcels(Vec<usize>),
    /// Zones found by id or name: one, or several to choose from.
    Zones(Vec<ZoneHit>),
    /// A plot outline: rings of (lon, lat), the first the outer ring.
    Outline(Vec<Vec<(f64, f64)>>),
    /// Streets, squares or landmarks found by name (indices in the streets layer).
    Streets(Vec<usize>),
}

/// At most this many name matches are listed.
pub const MAX_HITS: usize = 20;

/// Whether the text is a plot outline rather than one line to search: GeoJSON text, or three
/// or more non-empty lines.
pub fn is_outline(text: &str) -> bool {
    let t = text.trim_start_matches('\u{FEFF}').trim_start();
    t.starts_with('{') || text.lines().filter(|l| !l.trim().is_empty()).count() >= 3
}

/// Reads the search text: see the module docs for the order.
pub fn search(ds: &Dataset, text: &str) -> Result<Found, BaftError> {
    if is_outline(text) {
        return read_plot_outline(text, ds.parse_options()).map(Found::Outline);
    }
    let has_parcels = ds.parcels.is_some() || ds.manifest.parcels.is_some();
    if text.len() > crate::input::MAX_INPUT_BYTES {
        return Err(not_found(crate::input::too_long(text), has_parcels));
    }
    let norm = crate::base::digits::normalize(text);
    let t = norm.trim();
    let parcels = ds.parcels.as_ref();
    let as_plate = plate::parse_plate(t);
    if let Some(found) = parcels.and_then(|p| by_plot_key(p, t, as_plate)) {
        return found;
    }
    let location_error = match parse_location_with(text, ds.parse_options()) {
        Ok(l) => return Ok(Found::Location(l)),
        Err(e) => e,
    };
    if as_plate.is_some() {
        return Err(BaftError::NoParcelLayer);
    }
    let code = plate::parse_renovation_code(t);
    if let Some(code) = code {
        let parcels = parcels.ok_or(BaftError::NoParcelLayer)?;
        return parcels
            .find_code(&code)
            .map(|i| Found::Parcels(vec![i]))
            .ok_or(BaftError::PlotNotFound { text: code });
    }
    if let Some(found) = parcels.and_then(|p| by_address(p, t)) {
        return found;
    }
    if let Some(found) = by_name(ds, text) {
        return Ok(found);
    }
    // Meant as a plate but not one: say how to write a plate, not how to write coordinates.
    if parcels.is_some() && plate::looks_like_plate(t) {
        return Err(BaftError::NotAPlate { text: t.into() });
    }
    Err(not_found(location_error, has_parcels))
}

/// The text as one of a plot's own keys, tried before coordinates: its id (`QB-0232-001`), a
/// postal code, or a plate (`121/11`: whole numbers around a slash are a plate, not a lat/lon
/// pair, when the data has plots to look it up in). `None`: it is none of them.
fn by_plot_key(
    parcels: &ParcelLayer,
    t: &str,
    as_plate: Option<plate::PlateQuery>,
) -> Option<Result<Found, BaftError>> {
    // A plot's own id, as answers show it: one word with a letter in it.
    let id_like = t.len() <= 64 && t.chars().any(char::is_alphabetic) && !t.contains(' ');
    if id_like {
        let found = parcels.find_id(t);
        if let Some(i) = found.or_else(|| parcels.find_id(&t.to_uppercase())) {
            return Some(Ok(Found::Parcels(vec![i])));
        }
    }
    if let Some(code) = postal::parse(t).filter(|_| parcels.has_postal_codes()) {
        let found = parcels.find_postal(code);
        return Some(if found.is_empty() {
            Err(BaftError::PostalCodeNotFound {
                postal_code: postal::text(code),
            })
        } else {
            Ok(Found::Parcels(found))
        });
    }
    let found = parcels.find_plate(as_plate?);
    Some(if found.is_empty() {
        Err(BaftError::PlotNotFound { text: t.into() })
    } else {
        Ok(Found::Parcels(found))
    })
}

/// The text as a street address. `None`: it is not one, or no plot has it and the layer cannot
/// tell (so the other forms are tried).
fn by_address(parcels: &ParcelLayer, t: &str) -> Option<Result<Found, BaftError>> {
    let q = address::parse_address(t)?;
    // The number is compared first, so the common case folds few street names; the whole
    // layer's streets are folded only to tell "no such number" from "no such street".
    let found = parcels.find_address(&q);
    if !found.is_empty() {
        return Some(Ok(Found::Parcels(found)));
    }
    (parcels.has_addresses() && parcels.has_street(&q.street)).then_some({
        Err(BaftError::AddressNotFound {
            street: q.street_text,
            number: q.number,
        })
    })
}

/// The text as a zone's or a street's name.
fn by_name(ds: &Dataset, text: &str) -> Option<Found> {
    let hits = zones_named(ds, text);
    if !hits.is_empty() {
        return Some(Found::Zones(hits));
    }
    let found = ds.streets.as_ref()?.find(text);
    (!found.is_empty()).then_some(Found::Streets(found))
}

/// Nothing matched: [`BaftError::NotFound`], whose message lists every form the box takes (not
/// only the coordinate forms [`BaftError::Unrecognised`] names); other errors as they are.
fn not_found(e: BaftError, parcels: bool) -> BaftError {
    match e {
        BaftError::Unrecognised { text } => BaftError::NotFound { text, parcels },
        other => other,
    }
}

/// Zones whose id is the text (folded), or else whose name contains it; at most [`MAX_HITS`].
/// Names are not searched for text under 2 characters or made of digits and punctuation only
/// (ids are: a zone may be numbered).
fn zones_named(ds: &Dataset, text: &str) -> Vec<ZoneHit> {
    let needle = fold(text);
    if needle.is_empty() {
        return Vec::new();
    }
    let zones = || {
        ds.layers
            .iter()
            .flat_map(|l| l.zones.iter().map(move |z| (l, z)))
    };
    let by_id: Vec<_> = zones().filter(|(_, z)| fold(&z.id) == needle).collect();
    let by_name = needle.chars().count() >= 2
        && !needle
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation() || c.is_whitespace());
    let matches: Vec<_> = if !by_id.is_empty() || !by_name {
        by_id
    } else {
        zones()
            .filter(|(_, z)| {
                fold(&z.name.fa).contains(&needle) || fold(&z.name.en).contains(&needle)
            })
            .take(MAX_HITS)
            .collect()
    };
    matches
        .into_iter()
        .map(|(l, z)| ZoneHit {
            layer_id: l.spec.id.clone(),
            id: z.id.clone(),
            name: z.name.clone(),
            interior_point: crate::geometry::interior::interior_point(&z.lon_lat)
                .map(|(x, y)| [x, y])
                .unwrap_or_default(),
        })
        .collect()
}
