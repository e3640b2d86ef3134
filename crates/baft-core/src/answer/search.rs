//! One search box for everything a person may type or paste, read in this order:
//!
//! 1. **an outline**: GeoJSON text (starting with `{`) or three or more lines of corners
//!    ([`crate::dataset::read_plot_outline`]);
//! 2. **a surveyed plot's own id** (`QB-0232-001`), when the data has a parcel layer;
//! 3. **a postal code** (ten digits, a dash after the fifth or none), when the parcel layer
//!    carries postal codes ([`crate::layer::parcels::postal`]);
//! 4. **a registration plate** (`121/406`, with a section or not), when the data has a parcel
//!    layer ([`crate::input::plate`]);
//! 5. **a renovation code** (digits and dashes, `0412-017`), before coordinates so that its
//!    numbers are never read as a latitude and longitude (UTM figures joined by a dash, six
//!    digits and seven, are coordinates);
//! 6. **a location**: coordinates in any digits and form, UTM, `geo:` URIs and map links
//!    ([`crate::input`]);
//! 7. **a street address**: a street and a house number (`خیابان گلستان، پلاک ۱۲`), when the
//!    parcel layer carries addresses and has that street ([`crate::input::address`]); in a full
//!    address, the plots on its alley near the way it names (`خیابان سرو، کوچهٔ ۲۲، پلاک ۸۰`:
//!    alleys are numbered along each street, see [`super::address`]), and an alley it names
//!    kept to the one near the next way named (`خیابان سرو، کوچهٔ ۲۲، بن‌بست ۳، پلاک ۵`);
//! 8. **a zone's id or name**: a block id matched whole (`QB-0372`), else names containing the
//!    text (at least 2 characters). Both sides are folded first ([`crate::base::letters::fold`]):
//!    Arabic and Persian letter forms, digits and the zero-width non-joiner don't matter;
//! 9. **a street's name** (with or without `خیابان`, `کوچه`, `بن‌بست`…), when the data has a
//!    streets layer ([`crate::layer::streets::Streets::find`]).
//!
//! While the dataset holds only part of its parcel layer ([`crate::dataset::ParcelsRead`]: the
//! app while the file arrives, or a province's file read by area), a plate, postal code or code
//! not found in it is [`BaftError::PlotsLoading`] or [`BaftError::PlotsByArea`], not "no such
//! plot", and a plate or postal code is never read as coordinates.
//!
//! The app's search box, the JS API's `check` and the CLI's `--point` all call [`search`], so
//! the same text is read the same way everywhere.

use super::address;
use crate::base::letters::fold;
use crate::base::LocalText;
use crate::dataset::{read_plot_outline, Dataset, ParcelsRead};
use crate::error::BaftError;
use crate::input::{parse_location_with, plate, ParsedLocation};
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
        return read_plot_outline(text, ds.parse_options())
            .map(Found::Outline)
            .or_else(|e| match (&e, one_line(text)) {
                // Lines that are not corners (a file of another kind keeps its own error).
                (BaftError::CornerLine { .. } | BaftError::TooFewCorners { .. }, Some(line)) => {
                    search(ds, line)
                }
                _ => Err(e),
            });
    }
    let has_parcels = ds.parcels.is_some() || ds.manifest.parcels.is_some();
    if text.len() > crate::input::MAX_INPUT_BYTES {
        return Err(not_found(crate::input::too_long(text), has_parcels));
    }
    let norm = crate::base::digits::normalize(text);
    let t = norm.trim();
    let parcels = ds.parcels.as_ref();
    let unfound = |e| part_read(ds, e);
    // Part of the parcel layer (or none yet) is read: a key not found may be in the rest.
    let partial = matches!(
        unfound(BaftError::NoParcelLayer),
        BaftError::PlotsLoading | BaftError::PlotsByArea
    );
    let as_plate = plate::parse_plate(t);
    if let Some(found) = parcels.and_then(|p| by_plot_key(p, t, as_plate, ds.parcels_read)) {
        return found.map_err(unfound);
    }
    // A plate or postal code (or, while plots arrive, an address) when the manifest lists a
    // parcel layer but no plot is read (yet, or its file failed) is still a plot key, never
    // coordinates (`121/1` is no point at 1°N 121°E).
    let key = as_plate.is_some()
        || postal::parse(t).is_some()
        || partial && !crate::input::address::parse_addresses(t).is_empty();
    if parcels.is_none() && ds.manifest.parcels.is_some() && key {
        return Err(unfound(BaftError::NoParcelLayer));
    }
    // A renovation code (`0032-045`) before coordinates: its dash is no minus sign, and its
    // numbers are no latitude and longitude.
    if let Some(code) = plate::parse_renovation_code(t).filter(|c| !utm_pair(c)) {
        let parcels = parcels.ok_or(BaftError::NoParcelLayer).map_err(unfound)?;
        return parcels
            .find_code(&code)
            .map(|i| Found::Parcels(vec![i]))
            .ok_or(BaftError::PlotNotFound { text: code })
            .map_err(unfound);
    }
    let location_error = match parse_location_with(text, ds.parse_options()) {
        Ok(l) => return Ok(Found::Location(l)),
        Err(e) => e,
    };
    if as_plate.is_some() {
        return Err(unfound(BaftError::NoParcelLayer));
    }
    if let Some(found) = parcels.and_then(|p| address::by_address(ds, p, t)) {
        return found.map(Found::Parcels).map_err(unfound);
    }
    if let Some(found) = by_name(ds, text) {
        return Ok(found);
    }
    if let Some(line) = one_line(text) {
        return search(ds, line);
    }
    if let Some(e) = parcels.and_then(|p| address::unknown_address(p, t)) {
        return Err(unfound(e));
    }
    // A plot id, or plate-like text, while the plots are partly read: it may be in the rest
    // (not a link, nor coordinates with a slip: those keep their own error).
    let plot_like =
        id_like(t) && t.bytes().any(|b| b.is_ascii_digit()) || plate::looks_like_plate(t);
    if partial && plot_like && matches!(location_error, BaftError::Unrecognised { .. }) {
        return Err(unfound(BaftError::NoParcelLayer));
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
///
/// While the rest of the layer arrives ([`ParcelsRead::Loading`]), a plate without its section
/// waits for it even when found: another section's plot may have the same numbers, and the
/// owner should be asked which (a plate with its section, an id, a postal code are unique).
fn by_plot_key(
    parcels: &ParcelLayer,
    t: &str,
    as_plate: Option<plate::PlateQuery>,
    read: ParcelsRead,
) -> Option<Result<Found, BaftError>> {
    let partial = read != ParcelsRead::All;
    if id_like(t) {
        let found = parcels.find_id(t);
        if let Some(i) = found.or_else(|| parcels.find_id(&t.to_uppercase())) {
            return Some(Ok(Found::Parcels(vec![i])));
        }
    }
    if let Some(code) = postal::parse(t).filter(|_| partial || parcels.has_postal_codes()) {
        let found = parcels.find_postal(code);
        return Some(if found.is_empty() {
            Err(BaftError::PostalCodeNotFound {
                postal_code: postal::text(code),
            })
        } else {
            Ok(Found::Parcels(found))
        });
    }
    let q = as_plate?;
    if q.section.is_none() && read == ParcelsRead::Loading {
        return Some(Err(BaftError::PlotsLoading));
    }
    let found = parcels.find_plate(q);
    Some(if found.is_empty() {
        Err(BaftError::PlotNotFound { text: t.into() })
    } else {
        Ok(Found::Parcels(found))
    })
}

/// A plot's own id, as answers show it: one word with a letter in it.
fn id_like(t: &str) -> bool {
    t.len() <= 64 && t.chars().any(char::is_alphabetic) && !t.contains(' ')
}

/// A message of two to six lines pasted whole, holding one place (`موقعیت ملک:`, the
/// coordinates, a map link, a plate or a code, `ارسال از نشان`): its one line with a digit, to
/// search alone. `None` when another line has a digit too (a corner list with a mistyped
/// corner stays an outline's error), or for GeoJSON.
fn one_line(text: &str) -> Option<&str> {
    if text.len() > crate::input::MAX_INPUT_BYTES
        || text
            .trim_start_matches('\u{FEFF}')
            .trim_start()
            .starts_with('{')
    {
        return None;
    }
    let lines: Vec<&str> = (text.lines().map(str::trim))
        .filter(|l| !l.is_empty())
        .collect();
    if !(2..=6).contains(&lines.len()) {
        return None;
    }
    let digits = |l: &&&str| {
        crate::base::digits::normalize(l)
            .bytes()
            .any(|b| b.is_ascii_digit())
    };
    let mut with_digits = lines.iter().filter(digits);
    match (with_digits.next(), with_digits.next()) {
        (Some(line), None) => Some(line),
        _ => None,
    }
}

/// A plot key not found (`PlotNotFound`, `PostalCodeNotFound`, `NoParcelLayer`) when the
/// dataset holds part of its parcel layer: [`BaftError::PlotsLoading`] or
/// [`BaftError::PlotsByArea`] (the plot may be in the rest); any other error as it is.
fn part_read(ds: &Dataset, e: BaftError) -> BaftError {
    let not_found = matches!(
        e,
        BaftError::PlotNotFound { .. }
            | BaftError::PostalCodeNotFound { .. }
            | BaftError::AddressNotFound { .. }
            | BaftError::NoParcelLayer
    );
    match ds.parcels_read {
        _ if !not_found || ds.manifest.parcels.is_none() => e,
        ParcelsRead::All => e,
        ParcelsRead::Loading => BaftError::PlotsLoading,
        ParcelsRead::ByArea => BaftError::PlotsByArea,
    }
}

/// Whether a code-shaped text is UTM figures joined by a dash (`510122-3951756`: an easting of
/// six digits and a northing of seven, either first), read as coordinates, not as a code.
fn utm_pair(code: &str) -> bool {
    matches!(code.split_once('-'), Some((a, b)) if matches!((a.len(), b.len()), (6, 7) | (7, 6)))
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
