//! The incentive rules, table-driven, on the sample packages file.

mod common;
use baft_core::base::jalali::JalaliDate;
use baft_core::packages::facts::Membership;
use baft_core::packages::rules::{Hint, PackageStatus};
use baft_core::packages::{evaluate, FactName, PlotFacts};
use common::packages::*;
use PackageStatus::*;

#[test]
fn the_sample_file_is_valid_and_cites_a_source_for_every_package() {
    let f = file();
    assert_eq!(f.packages.len(), 12);
    for p in &f.packages {
        assert!(
            !p.source.title.fa.is_empty() && !p.source.title.en.is_empty(),
            "{}",
            p.id
        );
        assert!(p.source.date.jalali_date().is_some(), "{}", p.id);
    }
    // The four national groups, fee discount, consolidation, loans, informal settlement.
    for id in [
        "national-1401-block-scale",
        "national-1401-main-axis",
        "national-1401-inside-fabric",
        "national-1401-small-plot",
        "permit-fee-discount-1384",
        "consolidation-density-bonus",
        "renovation-loan",
        "rent-loan",
        "informal-settlement-upgrading",
    ] {
        assert!(f.packages.iter().any(|p| p.id == id), "{id}");
    }
}

#[test]
fn boundary_values_of_every_condition() {
    // (facts, package, expected): 199 vs 200 m², 74.9 vs 75 m², yes/no, land use, plots.
    let table: &[(&str, &str, PackageStatus)] = &[
        ("axis=no", "national-1401-inside-fabric", Applies),
        ("axis=yes", "national-1401-inside-fabric", DoesNotApply),
        ("axis=yes", "national-1401-main-axis", Applies),
        ("axis=no", "national-1401-main-axis", DoesNotApply),
        ("block_project=yes", "national-1401-block-scale", Applies),
        ("", "national-1401-block-scale", DoesNotApply), // assumed: not in a block project
        (
            "area=74.9,use=residential",
            "national-1401-small-plot",
            Applies,
        ),
        (
            "area=75,use=residential",
            "national-1401-small-plot",
            DoesNotApply,
        ),
        (
            "area=74.9,use=commercial",
            "national-1401-small-plot",
            DoesNotApply,
        ),
        (
            "area=60,use=residential,plots=2",
            "national-1401-small-plot",
            DoesNotApply,
        ),
        ("use=residential", "permit-fee-discount-1384", Applies),
        ("use=mixed", "permit-fee-discount-1384", Applies),
        ("use=commercial", "permit-fee-discount-1384", DoesNotApply),
        (
            "plots=2,consolidated_area=199",
            "consolidation-density-bonus",
            DoesNotApply,
        ),
        (
            "plots=2,consolidated_area=200",
            "consolidation-density-bonus",
            Applies,
        ),
        (
            "plots=2,consolidated_area=199.99",
            "consolidation-fee-waiver",
            DoesNotApply,
        ),
        (
            "plots=2,consolidated_area=200",
            "consolidation-fee-waiver",
            Applies,
        ),
        ("area=250", "consolidation-density-bonus", DoesNotApply), // building alone (assumed)
        ("use=residential", "renovation-loan", Applies),
        ("use=residential", "rent-loan", Applies),
        ("", "engineering-fee-discount", Applies),
        ("", "informal-settlement-upgrading", DoesNotApply),
    ];
    for (facts, id, want) in table {
        assert_eq!(status(&worn(facts), id), *want, "{id} with {facts:?}");
    }
}

#[test]
fn street_width_style_boundaries_are_exact() {
    // A custom condition on the frontage width: 5.99 m vs 6 m.
    let mut f = file();
    let p = f
        .packages
        .iter_mut()
        .find(|p| p.id == "engineering-fee-discount")
        .unwrap();
    p.conditions
        .push(serde_json::from_str(r#"{"fact":"frontage_width_m","at_least":6}"#).unwrap());
    let day = TODAY;
    let s =
        |facts: &str| result(&evaluate(&f, &worn(facts), day), "engineering-fee-discount").clone();
    assert_eq!(s("street=5.99").status, DoesNotApply);
    assert_eq!(s("street=6").status, Applies);
    let r = s("");
    assert_eq!(r.status, MayApply);
    assert_eq!(r.missing, vec![FactName::FrontageWidthM]);
    assert_eq!(
        s("street=5.99").hints,
        vec![Hint::Reach {
            fact: FactName::FrontageWidthM,
            target: 6.0
        }]
    );
}

#[test]
fn missing_facts_give_may_apply_never_a_wrong_answer() {
    let mut f = PlotFacts::default();
    f.layers
        .insert("worn-out-fabric".into(), Membership::Inside);
    let e = evaluate(&file(), &f, TODAY);
    assert_eq!(result(&e, "national-1401-inside-fabric").status, MayApply);
    assert_eq!(
        result(&e, "national-1401-inside-fabric").missing,
        vec![FactName::OnMainAxis]
    );
    assert_eq!(
        result(&e, "permit-fee-discount-1384").missing,
        vec![FactName::LandUse]
    );
    // An unknown fact alongside a failed one: still "does not apply" (the failure is certain).
    f.layers
        .insert("worn-out-fabric".into(), Membership::Outside);
    let e = evaluate(&file(), &f, TODAY);
    let r = result(&e, "permit-fee-discount-1384");
    assert_eq!(r.status, DoesNotApply);
    assert_eq!(
        r.hints,
        vec![Hint::NotInLayer {
            layer: "worn-out-fabric".into()
        }]
    );
    // Unknown layers (not loaded) are unknown too.
    let e = evaluate(&file(), &PlotFacts::default(), TODAY);
    assert!(
        e.results
            .iter()
            .all(|r| r.status == MayApply || r.status == NotInForce),
        "{:?}",
        e.results
            .iter()
            .map(|r| (&r.package.id, r.status))
            .collect::<Vec<_>>()
    );
}

#[test]
fn partly_inside_plots_follow_the_threshold() {
    let mut f = worn("axis=no");
    f.layers
        .insert("worn-out-fabric".into(), Membership::PartlyInside);
    assert_eq!(status(&f, "national-1401-inside-fabric"), Applies);
    f.layers
        .insert("worn-out-fabric".into(), Membership::PartlyOutside);
    assert_eq!(status(&f, "national-1401-inside-fabric"), DoesNotApply);
    f.layers
        .insert("worn-out-fabric".into(), Membership::OnBoundary);
    assert_eq!(status(&f, "national-1401-inside-fabric"), DoesNotApply);
}

#[test]
fn validity_dates_both_ends_inclusive() {
    let f = worn("use=residential");
    let j = |s: &str| JalaliDate::parse(s).unwrap().to_gregorian();
    assert_eq!(
        status_on(&f, "renovation-loan", j("1402/12/29")),
        NotInForce,
        "before 1403/01/01"
    );
    assert_eq!(status_on(&f, "renovation-loan", j("1403/01/01")), Applies);
    assert_eq!(status_on(&f, "renovation-loan", j("1405/12/29")), Applies);
    assert_eq!(
        status_on(&f, "renovation-loan", j("1406/01/01")),
        NotInForce,
        "expired"
    );
    // An expired package never counts, whatever the facts.
    let e = evaluate(&file(), &f, j("1406/01/01"));
    assert!(!e.combined.counted.contains(&"renovation-loan".to_string()));
    assert_eq!(e.combined.loan_per_unit_rial, 0.0);
}

#[test]
fn best_of_the_national_groups_and_the_floor_cap() {
    let e = evaluate(&file(), &worn("block_project=yes,axis=no"), TODAY);
    let block = result(&e, "national-1401-block-scale");
    let inside = result(&e, "national-1401-inside-fabric");
    assert!(block.counted && inside.status == Applies && !inside.counted);
    assert_eq!(
        inside.excluded_by.as_deref(),
        Some("national-1401-block-scale")
    );
    assert_eq!(e.combined.extra_floors, 2.0);
    // A cap below the sum: two stackable +2-floor packages under a cap of 2.
    let mut f = file();
    f.stacking.exclusive.clear();
    let e = evaluate(&f, &worn("block_project=yes,axis=no"), TODAY);
    assert_eq!(e.combined.extra_floors, 2.0);
    assert_eq!(e.combined.extra_floors_before_cap, Some(3.0));
    // Discounts take the largest, not the sum.
    let e = evaluate(
        &file(),
        &worn("use=residential,plots=2,consolidated_area=220"),
        TODAY,
    );
    assert_eq!(e.combined.permit_fee_discount_percent, 100.0);
}

#[test]
fn consolidation_density_is_capped_at_one_floor() {
    let d = |facts: &str| {
        evaluate(&file(), &worn(facts), TODAY)
            .combined
            .density_percent
    };
    assert_eq!(d("plots=2,consolidated_area=250"), 20.0);
    assert!(
        (d("plots=3,consolidated_area=350") - 100.0 / 3.0).abs() < 1e-9,
        "40% capped at 1 floor of 3"
    );
    assert_eq!(d("plots=1"), 0.0);
}

#[test]
fn hints_say_what_would_change_the_answer() {
    let e = evaluate(&file(), &worn("area=150,plots=1"), TODAY);
    let r = result(&e, "consolidation-density-bonus");
    assert!(
        r.hints.contains(&Hint::ConsolidateMore { neighbours: 1.0 }),
        "{:?}",
        r.hints
    );
    let e = evaluate(
        &file(),
        &worn("area=120,plots=2,consolidated_area=180"),
        TODAY,
    );
    let r = result(&e, "consolidation-density-bonus");
    assert_eq!(
        r.hints,
        vec![Hint::ReachArea {
            fact: FactName::ConsolidatedAreaM2,
            missing_m2: 20.0,
            target_m2: 200.0
        }]
    );
    let words =
        baft_core::packages::words::hint(&r.hints[0], &Default::default(), baft_core::Lang::En);
    assert_eq!(
        words,
        "Consolidate with a neighbour: 20 m² more reaches 200 m²."
    );
}
