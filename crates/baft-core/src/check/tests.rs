use super::*;
use crate::packages::PackageStatus;

/// `as_str` is what serde writes, so the compact summary and the full JSON use one spelling.
#[test]
fn status_words_are_the_serialised_names() {
    let json = |v: serde_json::Value| v.as_str().unwrap().to_string();
    for s in [
        PointStatus::Inside,
        PointStatus::OnBoundary,
        PointStatus::Outside,
    ] {
        assert_eq!(json(serde_json::to_value(s).unwrap()), s.as_str());
    }
    for s in [
        PlotStatus::Inside,
        PlotStatus::PartlyInside,
        PlotStatus::Outside,
    ] {
        assert_eq!(json(serde_json::to_value(s).unwrap()), s.as_str());
    }
    for s in [
        PackageStatus::Applies,
        PackageStatus::MayApply,
        PackageStatus::DoesNotApply,
        PackageStatus::NotInForce,
    ] {
        assert_eq!(json(serde_json::to_value(s).unwrap()), s.as_str());
    }
    let codes: Vec<u8> = [
        PointStatus::Outside,
        PointStatus::OnBoundary,
        PointStatus::Inside,
    ]
    .iter()
    .map(|s| s.code())
    .collect();
    assert_eq!(codes, [0, 1, 2]);
}
