//! Finding the plot as owners know it (issue 12): a postal code, a plate in the orders they
//! write it, the plot id an answer shows, coordinates with a slash as the decimal mark, a
//! street's name and a street address; and a GPS fix honest about its accuracy.

mod common;
use baft_core::answer::search::{search, Found};
use baft_core::BaftError;
use common::*;

/// Issue 12: what owners know. A postal code (any digits, with or without the dash), the plate
/// with the section after it, a slash as the decimal mark, and the plot id an answer shows.
#[test]
fn owners_find_a_plot_by_postal_code_plate_order_and_id() {
    let ds = sample();
    let parcels = ds.parcels.as_ref().unwrap();
    let i = 1234;
    let p = &parcels.info(i).unwrap();
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
    let p = &parcels.info(i).unwrap();
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

/// A Neshan place link's view is its map's centre, rounded to three decimals (72 m) and beside
/// the place by up to a tile's width (497 m at 16z): its answer carries that circle as a GPS
/// fix's, marked as a link's, naming the boundaries it crosses; a link with the exact point
/// carries none.
#[test]
fn a_rounded_link_view_is_answered_with_its_circle() {
    use baft_core::answer::Question;
    let ds = sample();
    let fx = fixtures();
    let fix = |text: &str| place(&ds, Question::Text(text)).gps;
    let (lon, lat) = point(&fx["worn_block"]["south_edge_midpoint"]);
    let link = format!(
        "https://neshan.org/maps/places/81818536fc73c4bcd3a339134c6c6bdf#c{lat:.3}-{lon:.3}-16z-0p"
    );
    let g = fix(&link).expect("a rounded view says how rounded");
    assert!(g.link_view && g.accuracy_m == 569.0, "{g:?}");
    let ids: Vec<&str> = g.crosses.iter().map(|l| l.id.as_str()).collect();
    assert!(ids.contains(&"worn-out-fabric"), "{ids:?}");
    let words =
        baft_core::check::words::gps_uncertain(&g.crosses, true, baft_core::Lang::Fa).unwrap();
    assert!(words.contains("پیوند") && !words.contains("GPS"), "{words}");
    let exact = format!("https://neshan.org/maps/share/{lat:.7},{lon:.7}");
    assert_eq!(fix(&exact), None);
}
