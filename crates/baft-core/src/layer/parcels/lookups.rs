//! Finding plots by what owners know of them: plate, renovation code, postal code, street
//! address, plot id. Kept as every plot's attributes and three maps (by code, by plate, and by
//! street, made on the first address asked). Each search takes `valid`,
//! which says whether a plot found counts (a file read in place may hold features the decoded
//! layer leaves out).

use super::ParcelInfo;
use crate::input::plate::PlateQuery;
use std::collections::HashMap;

/// Every plot's attributes (in plot order) and the maps by code and by plate; the map by street
/// is made on the first address asked (a street's key folds every word of its name).
#[derive(Debug, Clone, Default)]
pub(crate) struct Lookups {
    pub(crate) info: Vec<ParcelInfo>,
    by_code: HashMap<String, Vec<usize>>,
    by_plate: HashMap<(u32, u32), Vec<usize>>,
    by_street: std::sync::OnceLock<HashMap<String, Vec<usize>>>,
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
            by_street: Default::default(),
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

    /// The plots on each street, by its key ([`crate::layer::streets::key`] of `street` and of
    /// `street_en`), in plot order.
    fn by_street(&self) -> &HashMap<String, Vec<usize>> {
        self.by_street.get_or_init(|| {
            let mut map: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, p) in self.info.iter().enumerate() {
                for name in [&p.street, &p.street_en].into_iter().flatten() {
                    let plots = map.entry(crate::layer::streets::key(name)).or_default();
                    if plots.last() != Some(&i) {
                        plots.push(i);
                    }
                }
            }
            map
        })
    }

    pub(super) fn find_address(
        &self,
        q: &crate::input::address::AddressQuery,
        valid: &dyn Fn(usize) -> bool,
    ) -> Vec<usize> {
        let here = |i: usize| self.info[i].house_number.as_ref() == Some(&q.number) && valid(i);
        let on = self.by_street().get(&q.street);
        on.map(|v| v.iter().copied().filter(|&i| here(i)).collect())
            .unwrap_or_default()
    }

    pub(super) fn find_street(
        &self,
        street_key: &str,
        valid: &dyn Fn(usize) -> bool,
    ) -> Vec<usize> {
        let on = self.by_street().get(street_key);
        on.map(|v| v.iter().copied().filter(|&i| valid(i)).collect())
            .unwrap_or_default()
    }

    pub(super) fn has_street(&self, street_key: &str) -> bool {
        self.by_street().contains_key(street_key)
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
