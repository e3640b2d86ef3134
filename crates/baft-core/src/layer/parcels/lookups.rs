//! Finding plots by what owners know of them: plate, renovation code, postal code, street
//! address, plot id. Kept as every plot's attributes and two maps. Each search takes `valid`,
//! which says whether a plot found counts (a file read in place may hold features the decoded
//! layer leaves out).

use super::ParcelInfo;
use crate::input::plate::PlateQuery;
use std::collections::HashMap;

/// Every plot's attributes (in plot order) and the maps by code and by plate.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lookups {
    pub(crate) info: Vec<ParcelInfo>,
    by_code: HashMap<String, Vec<usize>>,
    by_plate: HashMap<(u32, u32), Vec<usize>>,
}

impl Lookups {
    pub(super) fn new(info: Vec<ParcelInfo>) -> Lookups {
        let mut by_code: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_plate: HashMap<(u32, u32), Vec<usize>> = HashMap::new();
        for (i, p) in info.iter().enumerate() {
            if let Some(c) = &p.renovation_code {
                by_code.entry(c.clone()).or_default().push(i);
            }
            if let (Some(m), Some(s)) = (p.plate_main, p.plate_sub) {
                by_plate.entry((m, s)).or_default().push(i);
            }
        }
        Lookups {
            info,
            by_code,
            by_plate,
        }
    }

    pub(super) fn find_plate(&self, q: PlateQuery, valid: &dyn Fn(usize) -> bool) -> Vec<usize> {
        let pick = |m: u32, s: u32| -> Vec<usize> {
            self.by_plate
                .get(&(m, s))
                .map(|v| {
                    v.iter()
                        .copied()
                        .filter(|&i| q.section.is_none() || self.info[i].plate_section == q.section)
                        .filter(|&i| valid(i))
                        .collect()
                })
                .unwrap_or_default()
        };
        let found = pick(q.main, q.sub);
        if found.is_empty() {
            pick(q.sub, q.main)
        } else {
            found
        }
    }

    /// The last valid plot with this code (as a decoded layer's map keeps the last).
    pub(super) fn find_code(&self, code: &str, valid: &dyn Fn(usize) -> bool) -> Option<usize> {
        self.by_code
            .get(code)?
            .iter()
            .rev()
            .copied()
            .find(|&i| valid(i))
    }

    /// The plots whose attributes pass `keep`, in plot order.
    fn scan(
        &self,
        keep: impl Fn(&ParcelInfo) -> bool,
        valid: &dyn Fn(usize) -> bool,
    ) -> Vec<usize> {
        (self.info.iter().enumerate())
            .filter(|(i, p)| keep(p) && valid(*i))
            .map(|(i, _)| i)
            .collect()
    }

    pub(super) fn find_postal(&self, code: u64, valid: &dyn Fn(usize) -> bool) -> Vec<usize> {
        self.scan(|p| p.postal_code == Some(code), valid)
    }

    pub(super) fn find_address(
        &self,
        q: &crate::input::address::AddressQuery,
        valid: &dyn Fn(usize) -> bool,
    ) -> Vec<usize> {
        let here = |p: &ParcelInfo| p.house_number.as_ref() == Some(&q.number);
        self.scan(|p| here(p) && on_street(p, &q.street), valid)
    }

    pub(super) fn find_street(
        &self,
        street_key: &str,
        valid: &dyn Fn(usize) -> bool,
    ) -> Vec<usize> {
        self.scan(|p| on_street(p, street_key), valid)
    }

    pub(super) fn has_street(&self, street_key: &str) -> bool {
        self.info.iter().any(|p| on_street(p, street_key))
    }

    pub(super) fn has_addresses(&self) -> bool {
        self.info
            .iter()
            .any(|p| p.street.is_some() && p.house_number.is_some())
    }

    pub(super) fn has_postal_codes(&self) -> bool {
        self.info.iter().any(|p| p.postal_code.is_some())
    }

    pub(super) fn find_id(&self, id: &str, valid: &dyn Fn(usize) -> bool) -> Option<usize> {
        (0..self.info.len()).find(|&i| self.info[i].plot_id == id && valid(i))
    }
}

/// Whether the plot's `street` or `street_en` is this street, compared by
/// [`crate::layer::streets::key`].
fn on_street(p: &ParcelInfo, street_key: &str) -> bool {
    let k = |s: &Option<String>| s.as_deref().map(crate::layer::streets::key);
    k(&p.street).as_deref() == Some(street_key) || k(&p.street_en).as_deref() == Some(street_key)
}
