//! Helpers for the incentive tests: the sample packages file, a plot in the worn-out fabric,
//! a package's result and status.

use super::repo;
use baft_core::base::jalali::GregorianDate;
use baft_core::packages::facts::Membership;
use baft_core::packages::rules::{PackageResult, PackageStatus};
use baft_core::packages::{evaluate, Evaluation, FactSource, PackagesFile, PlotFacts};
use baft_core::read::manifest::Manifest;

/// The day the tests judge packages on.
pub const TODAY: GregorianDate = GregorianDate {
    year: 2026,
    month: 11,
    day: 26,
};

pub fn file() -> PackagesFile {
    let manifest =
        Manifest::parse(&std::fs::read_to_string(repo().join("data/manifest.json")).unwrap())
            .unwrap();
    let ids: Vec<String> = manifest.layers.iter().map(|l| l.id.clone()).collect();
    PackagesFile::parse(
        &std::fs::read_to_string(repo().join("data/packages.json")).unwrap(),
        Some(&ids),
    )
    .unwrap_or_else(|e| panic!("{e:?}"))
}

/// A plot in the worn-out fabric (and nothing else) with these user facts.
pub fn worn(facts: &str) -> PlotFacts {
    let mut f = PlotFacts::default();
    f.layers
        .insert("worn-out-fabric".into(), Membership::Inside);
    f.layers
        .insert("informal-settlement".into(), Membership::Outside);
    f.layers
        .insert("historic-fabric".into(), Membership::Outside);
    f.set_from_text(facts, FactSource::User).unwrap();
    f.with_assumed_defaults()
}

pub fn status(f: &PlotFacts, id: &str) -> PackageStatus {
    status_on(f, id, TODAY)
}

pub fn status_on(f: &PlotFacts, id: &str, day: GregorianDate) -> PackageStatus {
    result(&evaluate(&file(), f, day), id).status
}

/// The package `id`'s result in an evaluation.
pub fn result<'a>(e: &'a Evaluation, id: &str) -> &'a PackageResult {
    e.results.iter().find(|r| r.package.id == id).unwrap()
}
