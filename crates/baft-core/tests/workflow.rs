//! The municipality data workflow on the sample: parcels and plate/code search, neighbours,
//! boundary-version history and diffs, facilitation offices.

mod common;
use baft_core::answer::search::{search, Found};
use baft_core::check::{PlotStatus, PointStatus};
use baft_core::packages::{FactName, FactSource};
use baft_core::{BaftError, Lang};
use common::*;

#[test]
fn the_sample_has_parcels_offices_and_two_versions() {
    let ds = sample();
    let parcels = ds.parcels.as_ref().unwrap();
    assert!(parcels.len() > 5000, "{}", parcels.len());
    assert_eq!(ds.offices.as_ref().unwrap().offices.len(), 5);
    assert_eq!(ds.other_versions.len(), 1);
    assert_eq!(ds.other_versions[0].version.id, "1398");
}

#[test]
fn search_by_plate_in_any_digits_and_by_code() {
    let ds = sample();
    let parcels = ds.parcels.as_ref().unwrap();
    let i = 1234;
    let p = &parcels.info(i).unwrap();
    let (m, s) = (p.plate_main.unwrap(), p.plate_sub.unwrap());
    for text in [
        format!("{m}/{s}"),
        baft_core::base::digits::to_persian_digits(&format!("{m}/{s}")),
        format!("بخش ۱۱ پلاک {m}/{s}"),
        format!("11-{m}/{s}"),
        format!("{s}/{m}"),
    ] {
        match search(&ds, &text) {
            Ok(Found::Parcels(v)) => assert_eq!(v, vec![i], "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
    assert!(
        matches!(
            search(&ds, &format!("12-{m}/{s}")),
            Err(BaftError::PlotNotFound { .. })
        ),
        "wrong section"
    );
    let code = p.renovation_code.clone().unwrap();
    assert!(
        matches!(search(&ds, &baft_core::base::digits::to_persian_digits(&code)), Ok(Found::Parcels(v)) if v == vec![i])
    );
    let e = search(&ds, "999/99999").unwrap_err();
    assert!(e.message(Lang::Fa).contains("۹۹۹/۹۹۹۹۹"));
    // Names: a neighbourhood, and a block id.
    match search(&ds, "کاووسیه").unwrap() {
        Found::Zones(z) => assert!(z
            .iter()
            .any(|h| h.layer_id == "target-neighbourhoods" && h.id == "TN-03")),
        other => panic!("{other:?}"),
    }
    match search(&ds, "qb-0232").unwrap() {
        Found::Zones(z) => assert_eq!(
            (z[0].layer_id.as_str(), z[0].id.as_str()),
            ("worn-out-fabric", "QB-0232")
        ),
        other => panic!("{other:?}"),
    }
    // Coordinates still come first.
    assert!(matches!(
        search(&ds, "35.7, 51.1").unwrap(),
        Found::Location(_)
    ));
}

#[test]
fn a_found_plot_is_checked_as_a_polygon_with_its_survey_facts() {
    let ds = sample();
    let fx = fixtures();
    let parcels = ds.parcels.as_ref().unwrap();
    // The parcel under the worn block's fixture point (a tap on the map selects it).
    let (lon, lat) = point(&fx["worn_block"]["point"]);
    let (x, y) = ds.frame.forward(lon, lat);
    let i = parcels.at(x, y).expect("a parcel under the point");
    assert_eq!(
        parcels.info(i).unwrap().block_id.as_deref(),
        fx["worn_block"]["block_id"].as_str()
    );
    let (report, facts) = ds.check_parcel(i, 1405).unwrap();
    assert_eq!(report.layers[0].status, PlotStatus::Inside);
    let area = facts.get(FactName::PlotAreaM2).unwrap();
    assert_eq!(area.source, FactSource::Parcel);
    assert!(
        facts.get(FactName::OnMainAxis).is_some() && facts.get(FactName::FrontageWidthM).is_some()
    );
    assert!(
        (facts.number(FactName::PlotAreaM2).unwrap() - report.area_m2).abs() / report.area_m2
            < 0.01
    );
}

#[test]
fn neighbours_share_an_edge() {
    let ds = sample();
    let parcels = ds.parcels.as_ref().unwrap();
    let id = |i: usize| parcels.info(i).unwrap().plot_id.clone();
    let i = (0..parcels.len())
        .find(|&i| id(i).ends_with("-002"))
        .unwrap();
    let n: Vec<String> = parcels.neighbours(i, 0.5).into_iter().map(id).collect();
    let prefix = &id(i)[..id(i).len() - 3];
    assert!(
        n.contains(&format!("{prefix}001")) && n.contains(&format!("{prefix}003")),
        "{} → {n:?}",
        id(i)
    );
    assert!(n.len() >= 2 && n.len() <= 8, "{n:?}");
    for j in parcels.neighbours(i, 0.5) {
        assert!(parcels.neighbours(j, 0.5).contains(&i), "symmetric");
    }
}

#[test]
fn history_says_when_the_status_changed() {
    let ds = sample();
    let fx = fixtures();
    let h = |k: &str| {
        ds.history(point(&fx[k]["point"]))
            .into_iter()
            .find(|h| h.layer.id == "worn-out-fabric")
            .unwrap()
    };
    let added = h("added_1402");
    assert_eq!(
        added.statuses.iter().map(|s| s.status).collect::<Vec<_>>(),
        vec![PointStatus::Outside, PointStatus::Inside]
    );
    assert_eq!(
        added.sentence(Lang::En),
        "Inside since the 1402 amendment (added; it was outside in the 1398 approval)."
    );
    assert_eq!(
        h("removed_1402").sentence(Lang::En),
        "Was inside in the 1398 approval; removed in the 1402 amendment."
    );
    assert_eq!(
        h("worn_block").sentence(Lang::En),
        "Inside in every version since the 1398 approval."
    );
    assert!(h("added_1402").sentence(Lang::Fa).contains("اصلاحیهٔ ۱۴۰۲"));
}

#[test]
fn diff_lists_added_and_removed_blocks() {
    let ds = sample();
    let d = baft_core::layer::versions::diff(&ds.other_versions[0], &ds.layers[0]);
    let text =
        std::fs::read_to_string(repo().join("data/layers/worn-out-fabric-1402.geojson")).unwrap();
    let added = text.matches("\"added_1402\"").count();
    let removed = std::fs::read_to_string(repo().join("data/layers/worn-out-fabric-1398.geojson"))
        .unwrap()
        .matches("\"removed_1402\"")
        .count();
    assert_eq!((d.added.len(), d.removed.len()), (added, removed));
    assert!(d.added_area_m2 > 0.0 && d.removed_area_m2 > 0.0);
    assert!(d.reshaped.is_empty());
    assert!(d
        .added
        .iter()
        .any(|z| z.zone.id == fixtures()["added_1402"]["block_id"].as_str().unwrap()));
    let t = d.text(Lang::En);
    assert!(
        t.starts_with("From “1398 approval” to “1402 amendment”:\nadded: "),
        "{t}"
    );
    let g: serde_json::Value =
        serde_json::from_str(&d.geojson(&ds.other_versions[0], &ds.layers[0])).unwrap();
    assert_eq!(g["features"].as_array().unwrap().len(), added + removed);
}

#[test]
fn your_office_serves_the_neighbourhood_or_is_the_nearest() {
    let ds = sample();
    let fx = fixtures();
    let p = point(&fx["worn_block"]["point"]);
    let nb: Vec<String> = ds
        .check_point(p)
        .layers
        .iter()
        .filter(|l| l.layer.id == "target-neighbourhoods")
        .flat_map(|l| l.zones.iter().map(|z| z.id.clone()))
        .collect();
    assert_eq!(nb, vec!["TN-03".to_string()]);
    let m = ds.office_for(p, &nb).unwrap();
    assert!(m.serves_neighbourhood && m.office.serves.contains(&"TN-03".to_string()));
    assert!(m.geo_uri.as_deref().unwrap().starts_with("geo:35."));
    assert!(m.tel_uri.starts_with("tel:+98"));
    assert!(m.distance_m.unwrap() < 2000.0);
    let far = ds
        .office_for(point(&fx["outside_all"]["point"]), &[])
        .unwrap();
    assert!(!far.serves_neighbourhood);
    let all: Vec<f64> = ds
        .offices
        .as_ref()
        .unwrap()
        .offices
        .iter()
        .map(|o| {
            let [x, y] = o.location.unwrap();
            let (a, b) = ds.frame.forward(x, y);
            let (c, d) = ds.frame.forward(
                point(&fx["outside_all"]["point"]).0,
                point(&fx["outside_all"]["point"]).1,
            );
            ((a - c).powi(2) + (b - d).powi(2)).sqrt()
        })
        .collect();
    assert!(
        (far.distance_m.unwrap() - all.iter().cloned().fold(f64::INFINITY, f64::min)).abs() < 1.0,
        "the nearest"
    );
}
