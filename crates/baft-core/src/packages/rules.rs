//! The rules engine: every package evaluated against a plot's facts, then stacked.
//!
//! Per condition the answer is yes, no, or unknown (the fact isn't known). Per package:
//! - **not in force** when `today` is outside its validity (never shown as applying);
//! - **does not apply** when any condition is no (each unmet condition is named, with a hint
//!   of what would change it);
//! - **may apply** when none is no but some are unknown (naming the missing facts);
//! - **applies** otherwise.
//!
//! Stacking: within an exclusive set only the best applying package counts (most extra
//! floors, then largest estimated value, then file order); extra floors are summed and capped
//! by `max_extra_floors`; fee and engineering discounts take the largest; parking takes the
//! smallest requirement; loans take the largest per unit; density bonuses add up.

use super::facts::{FactKind, FactName, FactSource, FactValue, PlotFacts};
use super::format::{Condition, Package, PackagesFile};
use super::value::{self, Combined, Worth};
use crate::base::jalali::GregorianDate;
use serde::Serialize;

/// A condition's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Truth {
    /// The condition holds.
    Yes,
    /// The condition fails.
    No,
    /// The fact it tests is unknown (for a `layer` condition: the layer wasn't checked).
    Unknown,
}

/// One condition, evaluated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConditionOutcome {
    /// The condition, as in the packages file.
    pub condition: Condition,
    /// Whether it holds.
    pub truth: Truth,
    /// The value it was tested against, and where it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<FactValue>,
    /// Where that value came from; `None` when the fact is unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<FactSource>,
}

/// What would make an unmet condition hold.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "hint", rename_all = "snake_case")]
pub enum Hint {
    /// The plot is not (or not enough) in this layer: nothing the owner can change.
    NotInLayer {
        /// The layer's id in the manifest, as the condition names it (empty if none).
        layer: String,
    },
    /// Reach an area, e.g. by consolidating with neighbours.
    ReachArea {
        /// The area tested: `plot_area_m2` or `consolidated_area_m2`.
        fact: FactName,
        /// How much more area is needed, m² (0 or more).
        missing_m2: f64,
        /// The area the condition asks for (its `at_least` or `above`), m².
        target_m2: f64,
    },
    /// Consolidate with this many more neighbours.
    ConsolidateMore {
        /// How many more neighbouring plots to join (at least 1).
        neighbours: f64,
    },
    /// Make the value reach a limit (units, width…).
    Reach {
        /// The fact the condition tests.
        fact: FactName,
        /// The condition's `at_least` (or `above`), in the fact's unit.
        target: f64,
    },
    /// Stay at or under a limit.
    StayUnder {
        /// The fact the condition tests.
        fact: FactName,
        /// The condition's `at_most` (or `below`), in the fact's unit.
        limit: f64,
    },
    /// Needs another value (yes/no or one of some values).
    NeedsValue {
        /// The fact the condition tests.
        fact: FactName,
        /// The values that would make it hold, as keys (`yes`, `no`, a use…).
        values: Vec<String>,
    },
}

/// A package's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PackageStatus {
    /// In force, and every condition holds.
    Applies,
    /// In force, no condition fails, but some facts are unknown.
    MayApply,
    /// In force, and at least one condition fails.
    DoesNotApply,
    /// The date is outside the package's validity; it never counts.
    NotInForce,
}

impl PackageStatus {
    /// The verdict as serialised: `applies`, `may_apply`, `does_not_apply`, `not_in_force`.
    pub fn as_str(self) -> &'static str {
        match self {
            PackageStatus::Applies => "applies",
            PackageStatus::MayApply => "may_apply",
            PackageStatus::DoesNotApply => "does_not_apply",
            PackageStatus::NotInForce => "not_in_force",
        }
    }
}

/// One package, evaluated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackageResult {
    /// The package.
    pub package: Package,
    /// Its verdict.
    pub status: PackageStatus,
    /// Each condition's outcome, in the package's order.
    pub conditions: Vec<ConditionOutcome>,
    /// Facts whose absence makes it "may apply".
    pub missing: Vec<FactName>,
    /// For unmet conditions: what would change that.
    pub hints: Vec<Hint>,
    /// Applies and counts in the combined result (false when a better package of the same
    /// exclusive set counts instead).
    pub counted: bool,
    /// The package that counts instead of this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excluded_by: Option<String>,
    /// This package's own estimated worth (as if alone).
    pub worth: Worth,
}

/// The whole evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    /// The day the packages were evaluated for (validity is judged on it).
    pub date: GregorianDate,
    /// Every package's result, in file order.
    pub results: Vec<PackageResult>,
    /// The benefits of the counted packages together, after the stacking rules.
    pub combined: Combined,
    /// What the combined benefits are worth for this plot.
    pub worth: Worth,
}

impl Evaluation {
    /// How many packages have this verdict.
    pub fn count(&self, status: PackageStatus) -> usize {
        self.results.iter().filter(|r| r.status == status).count()
    }
}

fn test_condition(c: &Condition, facts: &PlotFacts) -> ConditionOutcome {
    let out = |truth, actual, source| ConditionOutcome {
        condition: c.clone(),
        truth,
        actual,
        source,
    };
    if c.fact.kind() == FactKind::Membership {
        let Some(layer) = &c.layer else {
            return out(Truth::Unknown, None, None);
        };
        return match facts.layers.get(layer) {
            None => out(Truth::Unknown, None, None),
            Some(m) => {
                let yes = c
                    .one_of
                    .as_ref()
                    .is_some_and(|v| v.iter().any(|x| x == m.key()));
                out(
                    if yes { Truth::Yes } else { Truth::No },
                    Some(FactValue::Text(m.key().into())),
                    Some(FactSource::Check),
                )
            }
        };
    }
    let Some(k) = facts.get(c.fact) else {
        return out(Truth::Unknown, None, None);
    };
    let yes = match &k.value {
        FactValue::Number(x) => {
            c.at_least.is_none_or(|l| *x >= l)
                && c.above.is_none_or(|l| *x > l)
                && c.at_most.is_none_or(|l| *x <= l)
                && c.below.is_none_or(|l| *x < l)
        }
        FactValue::YesNo(b) => c.equals.is_some_and(|e| e == *b),
        FactValue::Text(t) => {
            c.one_of.as_ref().is_none_or(|v| v.contains(t))
                && c.not_in.as_ref().is_none_or(|v| !v.contains(t))
        }
    };
    out(
        if yes { Truth::Yes } else { Truth::No },
        Some(k.value.clone()),
        Some(k.source),
    )
}

fn hint_for(o: &ConditionOutcome, facts: &PlotFacts) -> Hint {
    let c = &o.condition;
    let x = match &o.actual {
        Some(FactValue::Number(x)) => Some(*x),
        _ => None,
    };
    match c.fact {
        FactName::Layer => Hint::NotInLayer {
            layer: c.layer.clone().unwrap_or_default(),
        },
        FactName::PlotsConsolidated if c.at_least.or(c.above).is_some() => {
            let target = c.at_least.unwrap_or_else(|| c.above.unwrap_or(0.0) + 1.0);
            Hint::ConsolidateMore {
                neighbours: (target - x.unwrap_or(1.0)).max(1.0),
            }
        }
        FactName::PlotAreaM2 | FactName::ConsolidatedAreaM2 if c.at_least.or(c.above).is_some() => {
            let target = c.at_least.or(c.above).unwrap_or(0.0);
            let have = x
                .or_else(|| facts.number(FactName::PlotAreaM2))
                .unwrap_or(0.0);
            Hint::ReachArea {
                fact: c.fact,
                missing_m2: (target - have).max(0.0),
                target_m2: target,
            }
        }
        _ if c.at_least.or(c.above).is_some()
            && x.is_some_and(|x| {
                c.at_least.is_some_and(|l| x < l) || c.above.is_some_and(|l| x <= l)
            }) =>
        {
            Hint::Reach {
                fact: c.fact,
                target: c.at_least.or(c.above).unwrap_or(0.0),
            }
        }
        _ if c.at_most.or(c.below).is_some() => Hint::StayUnder {
            fact: c.fact,
            limit: c.at_most.or(c.below).unwrap_or(0.0),
        },
        _ => {
            let values = match (c.equals, &c.one_of, &c.not_in) {
                (Some(b), _, _) => vec![if b { "yes".into() } else { "no".into() }],
                (_, Some(v), _) => v.clone(),
                (_, _, Some(v)) => c
                    .fact
                    .known_values()
                    .iter()
                    .filter(|k| !v.iter().any(|x| x == *k))
                    .map(|s| s.to_string())
                    .collect(),
                _ => Vec::new(),
            };
            Hint::NeedsValue {
                fact: c.fact,
                values,
            }
        }
    }
}

/// Evaluates every package for a plot on `today`, then applies the stacking rules.
pub fn evaluate(file: &PackagesFile, facts: &PlotFacts, today: GregorianDate) -> Evaluation {
    let mut results: Vec<PackageResult> = file
        .packages
        .iter()
        .map(|p| package_result(p, file, facts, today))
        .collect();
    keep_best_of_exclusive_sets(file, &mut results);
    let counted: Vec<Package> = results
        .iter()
        .filter(|r| r.counted)
        .map(|r| r.package.clone())
        .collect();
    let combined = value::benefits_of(&counted, facts, file);
    let worth = value::estimate(file, facts, &combined);
    Evaluation {
        date: today,
        results,
        combined,
        worth,
    }
}

/// One package evaluated on its own: its conditions, status, missing facts, hints and worth.
fn package_result(
    p: &Package,
    file: &PackagesFile,
    facts: &PlotFacts,
    today: GregorianDate,
) -> PackageResult {
    let conditions: Vec<ConditionOutcome> = p
        .conditions
        .iter()
        .map(|c| test_condition(c, facts))
        .collect();
    let missing: Vec<FactName> = {
        let mut m: Vec<FactName> = conditions
            .iter()
            .filter(|o| o.truth == Truth::Unknown)
            .map(|o| o.condition.fact)
            .collect();
        m.dedup();
        m
    };
    let any_no = conditions.iter().any(|o| o.truth == Truth::No);
    let status = if !p.in_force(today) {
        PackageStatus::NotInForce
    } else if any_no {
        PackageStatus::DoesNotApply
    } else if !missing.is_empty() {
        PackageStatus::MayApply
    } else {
        PackageStatus::Applies
    };
    let hints = conditions
        .iter()
        .filter(|o| o.truth == Truth::No)
        .map(|o| hint_for(o, facts))
        .collect();
    let worth = value::estimate(
        file,
        facts,
        &value::benefits_of(std::slice::from_ref(p), facts, file),
    );
    PackageResult {
        package: p.clone(),
        status,
        conditions,
        missing,
        hints,
        counted: status == PackageStatus::Applies,
        excluded_by: None,
        worth,
    }
}

/// Within each exclusive set, leaves only the best counted package counted (most extra floors,
/// then largest value, then file order) and marks the others as excluded by it.
fn keep_best_of_exclusive_sets(file: &PackagesFile, results: &mut [PackageResult]) {
    for set in &file.stacking.exclusive {
        let members: Vec<usize> = (0..results.len())
            .filter(|&i| set.packages.contains(&results[i].package.id) && results[i].counted)
            .collect();
        let best = members.iter().copied().max_by(|&a, &b| {
            let key = |i: usize| {
                (
                    results[i].package.benefits.extra_floors.unwrap_or(0.0),
                    results[i].worth.total_value_rial.unwrap_or(0.0),
                )
            };
            let (ka, kb) = (key(a), key(b));
            ka.0.total_cmp(&kb.0)
                .then(ka.1.total_cmp(&kb.1))
                .then(b.cmp(&a))
        });
        if let Some(best) = best {
            let best_id = results[best].package.id.clone();
            for i in members.into_iter().filter(|&i| i != best) {
                results[i].counted = false;
                results[i].excluded_by = Some(best_id.clone());
            }
        }
    }
}
