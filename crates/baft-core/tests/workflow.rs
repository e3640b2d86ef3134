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
    let p = &parcels.info[i];
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
        parcels.info[i].block_id.as_deref(),
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
    let id = |i: usize| parcels.info[i].plot_id.clone();
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

/// Issue 12: what owners know. A postal code (any digits, with or without the dash), the plate
/// with the section after it, a slash as the decimal mark, and the plot id an answer shows.
#[test]
fn owners_find_a_plot_by_postal_code_plate_order_and_id() {
    let ds = sample();
    let parcels = ds.parcels.as_ref().unwrap();
    let i = 1234;
    let p = &parcels.info[i];
    let code = baft_core::layer::parcels::postal::text(p.postal_code.expect("sample postal code"));
    let (m, s, sec) = (
        p.plate_main.unwrap(),
        p.plate_sub.unwrap(),
        p.plate_section.unwrap(),
    );
    for text in [
        code.clone(),
        format!("{}-{}", &code[..5], &code[5..]),
        baft_core::base::digits::to_persian_digits(&code),
        format!("کد پستی: {code}"),
        format!("{m}/{s} بخش {sec}"),
        format!("{s} فرعی از {m} اصلی"),
        p.plot_id.clone(),
    ] {
        match search(&ds, &text) {
            Ok(Found::Parcels(v)) => assert!(v.contains(&i), "{text}: {v:?}"),
            other => panic!("{text}: {other:?}"),
        }
    }
    // A postal code no plot carries is named as a postal code.
    assert!(matches!(
        search(&ds, "3751199999"),
        Err(BaftError::PostalCodeNotFound { .. })
    ));
    // A slash as the decimal mark reads as the same point as a dot.
    let fx = fixtures();
    let (lon, lat) = point(&fx["worn_block"]["point"]);
    let slash = format!("{lat:.6}, {lon:.6}").replace('.', "/");
    match search(&ds, &slash) {
        Ok(Found::Location(l)) => {
            assert!(
                (l.lat - lat).abs() < 1e-6 && (l.lon - lon).abs() < 1e-6,
                "{l:?}"
            )
        }
        other => panic!("{slash}: {other:?}"),
    }
}

/// Issue 12: a GPS fix says which layers' boundaries its accuracy circle crosses: near a block's
/// edge a 20 m circle crosses the worn-out fabric's boundary, a 1 m one does not, and deep
/// inside nothing is crossed.
#[test]
fn a_gps_fix_names_the_boundaries_its_accuracy_circle_crosses() {
    use baft_core::answer::{answer, Answer, Ask, Question};
    let ds = sample();
    let fx = fixtures();
    let ask = Ask::on(baft_core::base::jalali::GregorianDate {
        year: 2026,
        month: 12,
        day: 2,
    });
    let crossed = |(lon, lat): (f64, f64), accuracy_m: f64| -> Vec<String> {
        match answer(
            &ds,
            Question::Gps {
                lon,
                lat,
                accuracy_m,
            },
            &ask,
        )
        .unwrap()
        {
            Answer::Place(p) => {
                let g = p.gps.expect("a GPS answer says how sure it is");
                assert_eq!(g.accuracy_m, accuracy_m);
                g.crosses.iter().map(|l| l.id.clone()).collect()
            }
            other => panic!("{other:?}"),
        }
    };
    let edge = point(&fx["worn_block"]["south_edge_midpoint"]);
    // Move 3 m north, inside the block.
    let near = (edge.0, edge.1 + 3.0 / 111_000.0);
    assert!(crossed(near, 20.0).contains(&"worn-out-fabric".to_string()));
    assert!(!crossed(near, 1.0).contains(&"worn-out-fabric".to_string()));
    assert!(crossed(point(&fx["outside_all"]["point"]), 5.0).is_empty());
    // A point's answer asked as such carries no GPS part.
    match answer(
        &ds,
        Question::Point {
            lon: near.0,
            lat: near.1,
        },
        &ask,
    )
    .unwrap()
    {
        Answer::Place(p) => assert!(p.gps.is_none()),
        other => panic!("{other:?}"),
    }
}

/// Issue 12: the streets reference layer. A street is found by its name in either language,
/// with or without the word for its kind, in Arabic or Persian letters; it is a choice (shown on
/// the map), not a place; features that are not lines or points, or have no name, are left out
/// with a warning naming them.
#[test]
fn streets_are_found_by_name_and_bad_features_are_named() {
    use baft_core::answer::{answer, Answer, Ask, Choice, Question};
    use baft_core::error::ProblemKind;
    use baft_core::layer::streets::Streets;
    let ds = sample();
    let streets = ds.streets.as_ref().expect("the sample has streets");
    assert!(streets.items.len() > 50, "{}", streets.items.len());
    let golestan = streets
        .items
        .iter()
        .position(|s| s.name.fa == "خیابان گلستان")
        .expect("a street named Golestan");
    // "گلستان" alone is also a neighbourhood: zones come first, the street needs its kind word.
    assert!(matches!(search(&ds, "گلستان"), Ok(Found::Zones(_))));
    for text in [
        "خیابان گلستان",
        "كوچه گلستان",
        "بن‌بست گلستان",
        "Golestan Street",
        "golestan st",
    ] {
        match search(&ds, text) {
            Ok(Found::Streets(v)) => assert_eq!(v, vec![golestan], "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
    let ask = Ask::on(baft_core::base::jalali::GregorianDate {
        year: 2026,
        month: 12,
        day: 2,
    });
    match answer(&ds, Question::Text("خیابان گلستان"), &ask).unwrap() {
        Answer::Choices(c) => match &c.choices[..] {
            [Choice::Street { index, bbox, .. }] => {
                assert_eq!(*index, golestan);
                assert!(bbox[0] < bbox[2] || bbox[1] < bbox[3], "{bbox:?}");
            }
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    let text = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"name":"بلوک"},"geometry":{"type":"Polygon","coordinates":[[[51.1,35.7],[51.2,35.7],[51.2,35.8],[51.1,35.7]]]}},
      {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[51.1,35.7],[51.2,35.7]]}},
      {"type":"Feature","properties":{"name":"میدان"},"geometry":{"type":"Point","coordinates":[51.1,35.7]}}]}"#;
    let (s, problems) = Streets::parse("streets.geojson", text);
    assert_eq!(s.items.len(), 1);
    assert_eq!(problems.len(), 2);
    assert!(matches!(&problems[0].kind, ProblemKind::NotAStreet { found } if found == "Polygon"));
    assert_eq!(problems[0].location.feature_index, Some(0));
    assert!(matches!(problems[1].kind, ProblemKind::UnnamedStreet));
    assert!(problems[1].message(baft_core::Lang::Fa).contains("نام"));
}

/// Issue 12: a street and a house number, as an owner writes their address, in Persian order
/// (with or without the kind word and «پلاک», Arabic letter forms, any digits) and English order.
#[test]
fn owners_find_a_plot_by_street_and_house_number() {
    let ds = sample();
    let parcels = ds.parcels.as_ref().unwrap();
    let i = 2345;
    let p = &parcels.info[i];
    let street = p.street.clone().expect("sample street");
    let en = p.street_en.clone().expect("sample street_en");
    let n = p.house_number.clone().expect("sample house number");
    let bare = street
        .trim_start_matches("خیابان ")
        .trim_start_matches("بلوار ");
    let fa_n = baft_core::base::digits::to_persian_digits(&n);
    for text in [
        format!("{street}، پلاک {fa_n}"),
        format!("{bare} {n}"),
        format!(
            "{} شماره {fa_n}",
            street.replace('ی', "ي").replace('ک', "ك")
        ),
        format!("No. {n}, {en}"),
        format!("{n} {en}"),
        p.address(baft_core::Lang::Fa).unwrap(),
        p.address(baft_core::Lang::En).unwrap(),
    ] {
        match search(&ds, &text) {
            Ok(Found::Parcels(v)) => assert_eq!(v, vec![i], "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
    // A number the street doesn't have is named as such, with the street as typed.
    match search(&ds, &format!("{street} پلاک 99999")) {
        Err(BaftError::AddressNotFound { number, .. }) => assert_eq!(number, "99999"),
        other => panic!("{other:?}"),
    }
    // The street alone is still the street, shown on the map.
    assert!(matches!(search(&ds, &street), Ok(Found::Streets(_))));
}
