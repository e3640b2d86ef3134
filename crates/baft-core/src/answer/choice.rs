//! Several matches: the plots or zones a text matched, to pick one from.

use super::search::ZoneHit;
use crate::base::LocalText;
use crate::dataset::Dataset;
use serde::Serialize;

/// One of several matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Choice {
    /// A surveyed plot: ask about it with [`super::Question::Parcel`]`(index)`.
    Plot {
        /// Its index in the parcel layer.
        index: usize,
        /// The plot's id.
        plot_id: String,
        /// `section-main/sub`, or `main/sub`.
        #[serde(skip_serializing_if = "Option::is_none")]
        plate: Option<String>,
        /// Its renovation code.
        #[serde(skip_serializing_if = "Option::is_none")]
        renovation_code: Option<String>,
        /// The block it lies in.
        #[serde(skip_serializing_if = "Option::is_none")]
        block_id: Option<String>,
    },
    /// A zone found by name or id: ask about a point inside it.
    Zone {
        /// The layer it belongs to.
        layer_id: String,
        /// Its id.
        id: String,
        /// Its name.
        name: LocalText,
        /// A point inside it: longitude.
        lon: f64,
        /// A point inside it: latitude.
        lat: f64,
    },
    /// A street, square or landmark found by name: show it on the map, and tap the plot on it.
    Street {
        /// Its index in the streets layer.
        index: usize,
        /// Its name.
        name: LocalText,
        /// What it is (`boulevard`, `street`, `alley`, `square`…), as the file says.
        #[serde(skip_serializing_if = "Option::is_none")]
        street_kind: Option<String>,
        /// Its box, `[min lon, min lat, max lon, max lat]`: the map shows it.
        bbox: [f64; 4],
    },
}

impl Choice {
    /// What to type to pick this one: its plot id, or its zone id.
    pub fn id(&self) -> &str {
        match self {
            Choice::Plot { plot_id, .. } => plot_id,
            Choice::Zone { id, .. } => id,
            Choice::Street { name, .. } => &name.fa,
        }
    }
}

/// Several matches to pick from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Choices {
    /// Always `choices`.
    pub kind: &'static str,
    /// The matches, in the data's order.
    pub choices: Vec<Choice>,
}

impl Choices {
    /// Plots `found` of the parcel layer.
    pub fn of_parcels(ds: &Dataset, found: &[usize]) -> Choices {
        let choices = ds.parcels.as_ref().map_or_else(Vec::new, |p| {
            found
                .iter()
                .filter_map(|&i| {
                    let info = p.info(i)?;
                    Some(Choice::Plot {
                        index: i,
                        plot_id: info.plot_id.clone(),
                        plate: info.plate_text(),
                        renovation_code: info.renovation_code.clone(),
                        block_id: info.block_id.clone(),
                    })
                })
                .collect()
        });
        Choices {
            kind: "choices",
            choices,
        }
    }

    /// Streets found by name (indices in the streets layer).
    pub fn of_streets(ds: &Dataset, found: &[usize]) -> Choices {
        let items = ds
            .streets
            .as_ref()
            .map(|s| &s.items[..])
            .unwrap_or_default();
        Choices {
            kind: "choices",
            choices: found
                .iter()
                .filter_map(|&i| {
                    let s = items.get(i)?;
                    Some(Choice::Street {
                        index: i,
                        name: s.name.clone(),
                        street_kind: s.kind.clone(),
                        bbox: s.bbox,
                    })
                })
                .collect(),
        }
    }

    /// Zones found by name or id.
    pub fn of_zones(hits: &[ZoneHit]) -> Choices {
        Choices {
            kind: "choices",
            choices: hits
                .iter()
                .map(|h| Choice::Zone {
                    layer_id: h.layer_id.clone(),
                    id: h.id.clone(),
                    name: h.name.clone(),
                    lon: h.interior_point[0],
                    lat: h.interior_point[1],
                })
                .collect(),
        }
    }
}
