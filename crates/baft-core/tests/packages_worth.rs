//! Incentives' worth against hand-computed figures; packages-file validation naming package and
//! field; facts from text; the sample's plots of each kind.

mod common;
use baft_core::dataset::Dataset;
use baft_core::packages::facts::{FactValue, Membership};
use baft_core::packages::rules::{Hint, PackageStatus};
use baft_core::packages::value::AssumptionSource;
use baft_core::packages::{evaluate, Evaluation, FactName, FactSource, PackagesFile, PlotFacts};
use common::packages::*;
use common::repo;

#[test]
fn what_it_is_worth_matches_hand_worked_figures() {
    // 180 m², inside the fabric, not on a main axis, residential, 4 units, building alone.
    // floor = 0.6 × 180 = 108 m²; permitted = 3 × 108 = 324 m²; +1 floor → 108 m² extra.
    // fee = 12,000,000 × 1.2 × (324 + 108) = 6,220,800,000 rial; 50% saved = 3,110,400,000.
    // loans = 4 × 3,500,000,000 = 14,000,000,000 (6,000,000,000 at 0%); rent 4 × 200,000,000.
    // extra area value = 108 × 12,000,000 = 1,296,000,000; total = 4,406,400,000.
    let e = evaluate(
        &file(),
        &worn("area=180,axis=no,use=residential,units=4"),
        TODAY,
    );
    let w = &e.worth;
    assert_eq!(e.combined.extra_floors, 1.0);
    assert_eq!(e.combined.parking_per_unit, Some(0.75));
    assert!((w.extra_floor_area_m2.unwrap() - 108.0).abs() < 1e-9);
    assert!((w.permit_fee_rial.unwrap() - 6_220_800_000.0).abs() < 1.0);
    assert!((w.fee_saving_rial.unwrap() - 3_110_400_000.0).abs() < 1.0);
    assert_eq!(w.loans_total_rial, Some(14_000_000_000.0));
    assert_eq!(w.loans_zero_rate_total_rial, Some(6_000_000_000.0));
    assert_eq!(w.rent_loans_total_rial, Some(800_000_000.0));
    assert!((w.total_value_rial.unwrap() - 4_406_400_000.0).abs() < 1.0);
    assert!(w
        .assumptions
        .iter()
        .any(|a| a.source == AssumptionSource::User && a.text.en == "4 housing units"));
    assert!(w
        .assumptions
        .iter()
        .any(|a| a.text.en.contains("coverage 60%") && a.text.en.contains("(sample)")));
    // Consolidating 120 + 100 m²: +1 floor and +20% density, fees waived.
    // floor = 132; permitted = 396; extra = 132 + 0.2 × 396 = 211.2 m².
    // fee = 14,400,000 × 607.2 = 8,743,680,000, all saved.
    let e = evaluate(
        &file(),
        &worn("area=120,axis=no,use=residential,plots=2,consolidated_area=220"),
        TODAY,
    );
    assert!((e.worth.extra_floor_area_m2.unwrap() - 211.2).abs() < 1e-9);
    assert!((e.worth.fee_saving_rial.unwrap() - 8_743_680_000.0).abs() < 1.0);
    // Units not given: assumed one per floor (3 + 1), and said so.
    let e = evaluate(&file(), &worn("area=180,axis=no,use=residential"), TODAY);
    assert_eq!(e.worth.units, Some(4.0));
    assert!(e
        .worth
        .assumptions
        .iter()
        .any(|a| a.source == AssumptionSource::Assumed && a.text.en == "4 housing units"));
    // Area unknown: no figures, never a made-up one.
    let e = evaluate(&file(), &worn("axis=no"), TODAY);
    assert_eq!(e.worth.extra_floor_area_m2, None);
    assert_eq!(e.worth.fee_saving_rial, None);
}

#[test]
fn an_assumptions_source_keeps_the_json_words_embedders_read() {
    // `baft check --json` and the JS API print these strings (`baft-core.d.ts`).
    let json = |s| serde_json::to_value(s).unwrap();
    assert_eq!(json(AssumptionSource::PackagesFile), "packages file");
    assert_eq!(json(AssumptionSource::ParcelLayer), "parcel layer");
    assert_eq!(json(AssumptionSource::Check), "check");
    assert_eq!(json(AssumptionSource::User), "you");
    assert_eq!(json(AssumptionSource::Assumed), "assumed");
}

#[test]
fn validation_errors_name_the_package_and_field() {
    let text = std::fs::read_to_string(repo().join("data/packages.json")).unwrap();
    let layers = [
        "worn-out-fabric".to_string(),
        "informal-settlement".to_string(),
        "historic-fabric".to_string(),
    ];
    let bad = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        edit(&mut v);
        match PackagesFile::parse(&serde_json::to_string_pretty(&v).unwrap(), Some(&layers)) {
            Ok(_) => panic!("the edited file should not validate"),
            Err(e) => e,
        }
    };
    let e = bad(&|v| v["packages"][0]["benefits"]["extra_floors"] = 12.into());
    assert_eq!(
        (e[0].section.as_str(), e[0].field.as_str()),
        ("national-1401-block-scale", "benefits.extra_floors")
    );
    let e = bad(&|v| v["packages"][0]["conditions"][1]["at_least"] = 3.into());
    assert_eq!(e[0].field, "conditions[1].equals");
    let e = bad(&|v| {
        let b = v["packages"][0]["benefits"].as_object_mut().unwrap();
        let x = b.remove("extra_floors").unwrap();
        b.insert("extra_flors".into(), x);
    });
    assert!(
        e[0].message(baft_core::Lang::En).contains("extra_flors"),
        "{}",
        e[0].message(baft_core::Lang::En)
    );
    assert_eq!(
        e[0].section, "national-1401-block-scale",
        "a structure error names the package it is in"
    );
    let e = bad(&|v| v["packages"][4]["conditions"][1]["in"] = serde_json::json!(["villa"]));
    assert!(
        e[0].message(baft_core::Lang::En)
            .contains("unknown value “villa”"),
        "{}",
        e[0].message(baft_core::Lang::En)
    );
    let e = bad(&|v| v["packages"][10]["conditions"][0]["layer"] = "slums".into());
    assert_eq!(
        (e[0].section.as_str(), e[0].field.as_str()),
        ("informal-settlement-upgrading", "conditions[0].layer")
    );
    let e = bad(&|v| v["packages"][7]["valid_from"]["iso"] = "2024-03-21".into());
    assert_eq!(
        (e[0].section.as_str(), e[0].field.as_str()),
        ("renovation-loan", "valid_from")
    );
    let e = bad(&|v| {
        v["packages"][7]["valid_to"] =
            serde_json::json!({"jalali": "1402/01/01", "iso": "2023-03-21"})
    });
    assert_eq!(
        (e[0].section.as_str(), e[0].field.as_str()),
        ("renovation-loan", "valid_to")
    );
    let e = bad(&|v| v["packages"][8]["id"] = "renovation-loan".into());
    assert!(
        e.iter()
            .any(|x| x.field == "id" && x.detail.en == "duplicate id"),
        "{:?}",
        e.iter()
            .map(|x| x.message(baft_core::Lang::En))
            .collect::<Vec<_>>()
    );
    let e = bad(&|v| v["stacking"]["exclusive"][0]["packages"][0] = "nope".into());
    assert_eq!(
        (e[0].section.as_str(), e[0].field.as_str()),
        ("stacking", "exclusive[0].packages[0]")
    );
    assert!(e[0].message(baft_core::Lang::Fa).contains("«nope»"));
}

#[test]
fn facts_from_text_and_checks() {
    let mut f = PlotFacts::default();
    f.set_from_text(
        "area=۱۸۰، street=8; units=4,axis=بله,use=Residential",
        FactSource::User,
    )
    .unwrap();
    assert_eq!(f.number(FactName::PlotAreaM2), Some(180.0));
    assert_eq!(
        f.get(FactName::OnMainAxis).unwrap().value,
        FactValue::YesNo(true)
    );
    assert_eq!(
        f.get(FactName::LandUse).unwrap().value,
        FactValue::Text("residential".into())
    );
    let e = f.set_from_text("colour=red", FactSource::User).unwrap_err();
    assert!(e
        .message(baft_core::Lang::En)
        .contains("Unknown fact “colour”"));
    assert!(f.set_from_text("area=big", FactSource::User).is_err());
    assert!(f.set_from_text("area=-5", FactSource::User).is_err());
}

/// The sorted ids of the packages counted for `facts` on the sample, and the evaluation.
fn counted(ds: &Dataset, facts: PlotFacts) -> (Vec<String>, Evaluation) {
    let e = ds.incentives(&facts, TODAY).unwrap();
    let mut ids: Vec<String> = e.combined.counted.clone();
    ids.sort();
    (ids, e)
}

/// `f` with the user's facts from `text` set and the rest assumed.
fn with(mut f: PlotFacts, text: &str) -> PlotFacts {
    f.set_from_text(text, FactSource::User).unwrap();
    f.with_assumed_defaults()
}

/// The packages counted at the sample fixture point `key`, with the user's facts from `text`.
fn counted_at(
    ds: &Dataset,
    fx: &serde_json::Value,
    key: &str,
    text: &str,
) -> (Vec<String>, Evaluation) {
    let point = common::point(&fx[key]["point"]);
    counted(
        ds,
        with(PlotFacts::from_point(&ds.check_point(point)), text),
    )
}

/// Checks the packages of plots in the worn-out block: inside the fabric, on a main axis, small.
fn assert_worn_block_packages(ds: &Dataset, fx: &serde_json::Value) {
    // Worn-out block, inside the fabric (not on a main axis).
    let (ids, _) = counted_at(
        ds,
        fx,
        "worn_block",
        "area=180,axis=no,use=residential,units=4",
    );
    assert_eq!(
        ids,
        [
            "engineering-fee-discount",
            "national-1401-inside-fabric",
            "permit-fee-discount-1384",
            "renovation-loan",
            "rent-loan"
        ]
    );
    // On a main axis: group 2 instead of group 3.
    let (ids, e) = counted_at(ds, fx, "worn_block", "area=180,axis=yes,use=commercial");
    assert_eq!(ids, ["engineering-fee-discount", "national-1401-main-axis"]);
    assert_eq!(e.combined.parking_per_unit, Some(0.75));
    // A small residential plot that cannot be consolidated: group 4 (no extra floor).
    let (ids, e) = counted_at(
        ds,
        fx,
        "worn_block",
        "area=60,axis=no,use=residential,units=1",
    );
    assert!(
        ids.contains(&"national-1401-small-plot".to_string())
            ^ ids.contains(&"national-1401-inside-fabric".to_string()),
        "best of: one national group counts: {ids:?}"
    );
    assert!(e
        .results
        .iter()
        .any(|r| r.package.id == "national-1401-small-plot" && r.status == PackageStatus::Applies));
}

/// Checks the packages in the informal settlement and outside every layer.
fn assert_informal_and_outside_packages(ds: &Dataset, fx: &serde_json::Value) {
    // Informal settlement: its own package; worn-out ones don't apply.
    let (ids, e) = counted_at(
        ds,
        fx,
        "informal_inside",
        "area=150,use=residential,units=2",
    );
    assert_eq!(ids, ["informal-settlement-upgrading"]);
    // 150 m²: floor 90, permitted 270 m²; fee 14,400,000 × 270 = 3,888,000,000; 50% = 1,944,000,000; loans 2 × 2 bn.
    assert!((e.worth.fee_saving_rial.unwrap() - 1_944_000_000.0).abs() < 1.0);
    assert_eq!(e.worth.loans_total_rial, Some(4_000_000_000.0));
    // Outside every layer: nothing applies, and each package says why.
    let (ids, e) = counted_at(ds, fx, "outside_all", "area=200,axis=no,use=residential");
    assert!(ids.is_empty());
    assert!(e
        .results
        .iter()
        .all(|r| r.status == PackageStatus::DoesNotApply
            && matches!(r.hints[0], Hint::NotInLayer { .. })));
}

/// Checks the straddling plot fixture counts as inside, with its area measured from the outline.
fn assert_straddling_plot_packages(ds: &Dataset) {
    use baft_core::dataset::read_plot_outline;
    use baft_core::input::ParseOptions;
    // Partly inside (60% ≥ the 50% threshold): counts as inside, area measured from the outline.
    let rings = read_plot_outline(
        &std::fs::read_to_string(repo().join("tests/fixtures/plot-straddling.geojson")).unwrap(),
        ParseOptions::default(),
    )
    .unwrap();
    let plot = ds.check_plot(&rings).unwrap();
    let facts = with(PlotFacts::from_plot(&plot), "axis=no,use=residential");
    assert_eq!(facts.layers["worn-out-fabric"], Membership::PartlyInside);
    assert_eq!(
        facts.get(FactName::PlotAreaM2).unwrap().source,
        FactSource::Check
    );
    let (ids, e) = counted(ds, facts);
    assert!(ids.contains(&"national-1401-inside-fabric".to_string()));
    let area = plot.area_m2;
    assert!(
        (e.worth.extra_floor_area_m2.unwrap() - 0.6 * (area * 10.0).round() / 10.0).abs() < 1e-6
    );
}

/// The sample data's plots of each kind, through the real check and the real packages file.
#[test]
fn sample_plots_of_each_kind_get_the_right_packages() {
    let ds = common::sample();
    let fx = common::fixtures();
    assert_worn_block_packages(&ds, &fx);
    assert_informal_and_outside_packages(&ds, &fx);
    assert_straddling_plot_packages(&ds);
}
